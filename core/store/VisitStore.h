#pragma once

#include "domain/FieldError.h"
#include "domain/Visit.h"
#include "store/Database.h"
#include "store/StoreError.h"

#include <QCoreApplication>
#include <QList>

#include <optional>
#include <vector>

namespace medora {

// Queue entries (visits) of the local store. Every write runs in one transaction together
// with its outbox entry (Outbox), so nothing reaches the file without being queued for the
// server. Values are checked with the rules of the sync format (EntityJson): what the
// server would refuse is refused here, with a translated message naming the field
// (StoreError::Code::Invalid) and, when asked for, the FieldErrors to show next to fields.
class VisitStore
{
    Q_DECLARE_TR_FUNCTIONS(VisitStore)

public:
    explicit VisitStore(Database &database);

    // Queues a new visit: id (UUIDv7 if null), ticket (the doctor's next of that day if 0),
    // createdAt (now if invalid), updatedAt now, revision 0, syncState New. On success the
    // caller's visit holds what was stored; on failure it is left as it was.
    bool insert(Visit &visit, FieldErrors *errors = nullptr);

    // Saves the doctor, day, ticket, priority, status, queue position, note and the called,
    // started and finished times. The patient, id, creation and bookkeeping are kept.
    bool update(Visit &visit, FieldErrors *errors = nullptr);

    // Moves the visit to `status`, stamping calledAt / startedAt / finishedAt with `at`
    // (now when invalid) where the step sets them and they are still empty.
    bool setStatus(qint64 localId, VisitStatus status, const QDateTime &at = QDateTime());

    // Tombstones the visit (deleted = 1); the server hears of it unless it never had it.
    bool remove(qint64 localId);

    std::optional<Visit> get(qint64 localId) const;
    // The rows that exist, in no particular order: one statement for many rows.
    QList<Visit> getMany(const std::vector<qint64> &localIds) const;
    std::optional<Visit> getById(const QUuid &id) const;
    // A doctor's live queue of one day, in calling order: urgent first, then queue position,
    // then ticket.
    QList<Visit> queue(const QString &doctorId, const QDate &day) const;
    // A patient's live visits, newest day first.
    QList<Visit> forPatient(const QUuid &patientId) const;
    // The ticket the doctor's next visit of `day` gets (tombstoned tickets are not reused).
    int nextTicket(const QString &doctorId, const QDate &day) const;

    StoreError lastError() const { return m_database.lastError(); }
    Database &database() { return m_database; }

private:
    bool validate(const Visit &visit, FieldErrors *errors);
    bool save(Visit &candidate, const Visit &stored, FieldErrors *errors);
    QList<Visit> select(const QString &where, const QVariantList &values, const QString &what) const;

    Database &m_database;
};

} // namespace medora
