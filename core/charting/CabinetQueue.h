#pragma once

#include "domain/Visit.h"
#include "store/VisitStore.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace medora {

// The doctor's side of the queue: which status a visit may move to, and the rule that a
// doctor sees one patient at a time. Reception owns queueing, reordering and cancelling;
// the doctor calls the next patient, starts, finishes, or marks a called patient as absent.
// Every refused step leaves the store untouched and explains itself in lastError().
class CabinetQueue
{
    Q_DECLARE_TR_FUNCTIONS(CabinetQueue)

public:
    CabinetQueue(VisitStore &store, const QString &doctorId);

    // The transitions a doctor may make. Done, Cancelled and NoShow are final for the doctor
    // (reception may queue the patient again).
    static bool isAllowed(VisitStatus from, VisitStatus to);

    QList<Visit> queue(const QDate &day) const;
    // The visit of `day` now in the cabinet (InProgress), if any.
    std::optional<Visit> inProgress(const QDate &day) const;
    // The visit called but not yet started, if any.
    std::optional<Visit> called(const QDate &day) const;
    // The first waiting visit in calling order (urgent first, then position, then ticket).
    std::optional<Visit> nextWaiting(const QDate &day) const;

    // Calls the next waiting patient of `day` (status Called, calledAt stamped) and returns
    // it. Refused while a patient is in the cabinet or already called, or when nobody waits.
    std::optional<Visit> callNext(const QDate &day, const QDateTime &at = QDateTime());
    bool start(qint64 visitLocalId, const QDateTime &at = QDateTime());
    bool finish(qint64 visitLocalId, const QDateTime &at = QDateTime());
    bool markNoShow(qint64 visitLocalId);

    // The status as the doctor reads it in the queue list ("waiting", "in the cabinet").
    static QString statusName(VisitStatus status);

    QString lastError() const { return m_error; }
    QString doctorId() const { return m_doctorId; }

private:
    bool move(qint64 visitLocalId, VisitStatus to, const QDateTime &at);
    std::optional<Visit> firstWith(const QDate &day, VisitStatus status) const;

    VisitStore &m_store;
    QString m_doctorId;
    QString m_error;
};

} // namespace medora
