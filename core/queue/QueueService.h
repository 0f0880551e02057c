#pragma once

#include "domain/FieldError.h"
#include "domain/Visit.h"
#include "store/StoreError.h"
#include "store/VisitStore.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>

#include <optional>

namespace medora {

class Database;

// The rules of a doctor's day queue, kept apart from any widget so they are tested on their
// own: who may be queued, in which order patients are called, and which status may follow
// which. Writes go through VisitStore (one transaction with its outbox entry each); a
// reorder writes the moved entries in one transaction.
//
// Order: urgent first, then queue position, then ticket (VisitStore::queue()). A new entry
// gets its ticket as its position, so it goes to the end of its priority group; moving an
// entry swaps its position with its neighbour's. Positions never exceed the tickets already
// issued, which keeps a newcomer behind everyone reordered before it.
class QueueService : public QObject
{
    Q_OBJECT

public:
    // Field keys of the errors enqueue() reports.
    static QString patientField() { return QStringLiteral("patient"); }
    static QString doctorField() { return QStringLiteral("doctor"); }
    static QString dayField() { return QStringLiteral("day"); }
    static QString noteField() { return QStringLiteral("note"); }
    static constexpr int kMaxNoteLength = 500; // the sync format's limit for a visit's note

    explicit QueueService(Database &database, QObject *parent = nullptr);

    // Queues the patient for the doctor's `day` and returns the stored visit (ticket, id).
    // Refused, with errors naming the field: no patient, no doctor, an invalid day or one
    // already past (`today` is the clinic's today), a note longer than kMaxNoteLength, the
    // patient already waiting or with that doctor that day. Nothing is written then.
    std::optional<Visit> enqueue(const QUuid &patientId, const QString &doctorId, const QDate &day,
                                 VisitPriority priority, const QString &note, const QString &queuedBy,
                                 FieldErrors *errors = nullptr, const QDate &today = QDate::currentDate());

    // The doctor's queue of `day` in calling order, every status included.
    QList<Visit> queue(const QString &doctorId, const QDate &day) const;
    std::optional<Visit> visit(qint64 localId) const;
    std::optional<Visit> visitById(const QUuid &id) const;
    // The patient's live visits of `day` (any doctor), e.g. to link a payment to.
    QList<Visit> visitsOf(const QUuid &patientId, const QDate &day) const;

    // Moves a waiting entry one place earlier (-1) or later (+1) among the waiting entries of
    // its priority. False when it cannot move (first or last, not waiting) or the write failed.
    bool move(qint64 localId, int step);
    bool canMove(qint64 localId, int step) const;
    bool setPriority(qint64 localId, VisitPriority priority);

    // Status changes, checked against canChange(). The reception cancels, marks a no-show and
    // puts a cancelled or absent patient back; calling, starting and finishing are the doctor's.
    bool setStatus(qint64 localId, VisitStatus status);
    bool cancel(qint64 localId) { return setStatus(localId, VisitStatus::Cancelled); }
    bool markNoShow(qint64 localId) { return setStatus(localId, VisitStatus::NoShow); }
    bool requeue(qint64 localId) { return setStatus(localId, VisitStatus::Waiting); }

    // Whether `to` may follow `from`. Done is final.
    static bool canChange(VisitStatus from, VisitStatus to);
    // Waiting, called or with the doctor: the visit still holds its place in the day.
    static bool isActive(VisitStatus status);
    // The status in the user's language.
    static QString statusText(VisitStatus status);
    static QString priorityText(VisitPriority priority);

    StoreError lastError() const { return m_error; }

signals:
    // A write reached the local store; the sync engine should look at the outbox.
    void localChange();

private:
    bool fail(StoreError::Code code, const QString &message);
    bool failFromStore();
    bool writePositions(const QList<Visit> &group, const QList<int> &positions);

    Database &m_database;
    mutable VisitStore m_store;
    StoreError m_error;
};

} // namespace medora
