#include "charting/CabinetQueue.h"

#include "queue/TicketNumber.h"

namespace medora {

CabinetQueue::CabinetQueue(VisitStore &store, const QString &doctorId) : m_store(store), m_doctorId(doctorId)
{}

bool CabinetQueue::isAllowed(VisitStatus from, VisitStatus to)
{
    switch (from) {
    case VisitStatus::Waiting:
        return to == VisitStatus::Called;
    case VisitStatus::Called:
        // Starting without calling again is allowed only from Called: the wall display must
        // have shown the ticket before the patient is taken in.
        return to == VisitStatus::InProgress || to == VisitStatus::NoShow;
    case VisitStatus::InProgress:
        return to == VisitStatus::Done;
    case VisitStatus::Done:
    case VisitStatus::Cancelled:
    case VisitStatus::NoShow:
        return false;
    }
    return false;
}

QList<Visit> CabinetQueue::queue(const QDate &day) const
{
    return m_store.queue(m_doctorId, day);
}

std::optional<Visit> CabinetQueue::firstWith(const QDate &day, VisitStatus status) const
{
    for (const Visit &visit : m_store.queue(m_doctorId, day)) {
        if (visit.status == status)
            return visit;
    }
    return std::nullopt;
}

std::optional<Visit> CabinetQueue::inProgress(const QDate &day) const
{
    return firstWith(day, VisitStatus::InProgress);
}

std::optional<Visit> CabinetQueue::called(const QDate &day) const
{
    return firstWith(day, VisitStatus::Called);
}

std::optional<Visit> CabinetQueue::nextWaiting(const QDate &day) const
{
    return firstWith(day, VisitStatus::Waiting);
}

std::optional<Visit> CabinetQueue::callNext(const QDate &day, const QDateTime &at)
{
    m_error.clear();
    const QList<Visit> visits = m_store.queue(m_doctorId, day);
    if (!m_store.lastError().ok()) {
        m_error = m_store.lastError().message;
        return std::nullopt;
    }
    const Visit *next = nullptr;
    for (const Visit &visit : visits) {
        if (visit.status == VisitStatus::InProgress) {
            m_error = tr("Ticket %1 is still in the cabinet. Finish that visit before calling the next "
                         "patient.")
                          .arg(TicketNumber::text(visit.ticket));
            return std::nullopt;
        }
        if (visit.status == VisitStatus::Called) {
            m_error = tr("Ticket %1 has been called already. Start the visit, or mark the patient as "
                         "absent, before calling the next one.")
                          .arg(TicketNumber::text(visit.ticket));
            return std::nullopt;
        }
        if (!next && visit.status == VisitStatus::Waiting)
            next = &visit;
    }
    if (!next) {
        m_error = tr("Nobody is waiting in your queue.");
        return std::nullopt;
    }
    if (!move(next->localId, VisitStatus::Called, at))
        return std::nullopt;
    return m_store.get(next->localId);
}

bool CabinetQueue::start(qint64 visitLocalId, const QDateTime &at)
{
    m_error.clear();
    const std::optional<Visit> visit = m_store.get(visitLocalId);
    if (visit) {
        const std::optional<Visit> busy = inProgress(visit->day);
        if (busy && busy->localId != visitLocalId) {
            m_error = tr("Ticket %1 is still in the cabinet. Finish that visit first: one patient at a "
                         "time.")
                          .arg(TicketNumber::text(busy->ticket));
            return false;
        }
    }
    return move(visitLocalId, VisitStatus::InProgress, at);
}

bool CabinetQueue::finish(qint64 visitLocalId, const QDateTime &at)
{
    m_error.clear();
    return move(visitLocalId, VisitStatus::Done, at);
}

bool CabinetQueue::markNoShow(qint64 visitLocalId)
{
    m_error.clear();
    return move(visitLocalId, VisitStatus::NoShow, QDateTime());
}

bool CabinetQueue::move(qint64 visitLocalId, VisitStatus to, const QDateTime &at)
{
    const std::optional<Visit> visit = m_store.get(visitLocalId);
    if (!visit || visit->deleted) {
        m_error = m_store.lastError().ok() ? tr("This visit is no longer in the queue. Reload the queue.")
                                           : m_store.lastError().message;
        return false;
    }
    if (visit->doctorId != m_doctorId) {
        m_error = tr("Ticket %1 is in another doctor's queue.").arg(TicketNumber::text(visit->ticket));
        return false;
    }
    if (!isAllowed(visit->status, to)) {
        m_error = tr("Ticket %1 cannot go from “%2” to “%3”. Reload the queue: someone may have changed it.")
                      .arg(TicketNumber::text(visit->ticket))
                      .arg(statusName(visit->status), statusName(to));
        return false;
    }
    if (!m_store.setStatus(visitLocalId, to, at)) {
        m_error = m_store.lastError().message;
        return false;
    }
    return true;
}

QString CabinetQueue::statusName(VisitStatus status)
{
    switch (status) {
    case VisitStatus::Waiting:
        return tr("waiting");
    case VisitStatus::Called:
        return tr("called");
    case VisitStatus::InProgress:
        return tr("in the cabinet");
    case VisitStatus::Done:
        return tr("done");
    case VisitStatus::Cancelled:
        return tr("cancelled");
    case VisitStatus::NoShow:
        return tr("did not come");
    }
    return QString();
}

} // namespace medora
