#include "queue/QueueService.h"

#include "queue/TicketNumber.h"
#include "queue/TicketSeries.h"

#include "store/Database.h"

#include <QHash>

#include <algorithm>

namespace medora {

QueueService::QueueService(Database &database, QObject *parent)
    : QObject(parent), m_database(database), m_store(database)
{}

bool QueueService::fail(StoreError::Code code, const QString &message)
{
    m_error.code = code;
    m_error.message = message;
    return false;
}

bool QueueService::failFromStore()
{
    m_error = m_store.lastError();
    if (m_error.ok())
        m_error = {StoreError::Code::Other, tr("The queue could not be changed.")};
    return false;
}

bool QueueService::isActive(VisitStatus status)
{
    return status == VisitStatus::Waiting || status == VisitStatus::Called ||
           status == VisitStatus::InProgress;
}

bool QueueService::canChange(VisitStatus from, VisitStatus to)
{
    if (from == to)
        return true;
    switch (from) {
    case VisitStatus::Waiting:
        return to == VisitStatus::Called || to == VisitStatus::Cancelled || to == VisitStatus::NoShow;
    case VisitStatus::Called:
        // Back to waiting: the doctor called the wrong ticket, or the patient stepped out.
        return to == VisitStatus::Waiting || to == VisitStatus::InProgress || to == VisitStatus::Cancelled ||
               to == VisitStatus::NoShow;
    case VisitStatus::InProgress:
        return to == VisitStatus::Done;
    case VisitStatus::Done:
        return false;
    case VisitStatus::Cancelled:
    case VisitStatus::NoShow:
        // A patient who turns up late, or a cancellation made by mistake.
        return to == VisitStatus::Waiting;
    }
    return false;
}

QString QueueService::statusText(VisitStatus status)
{
    switch (status) {
    case VisitStatus::Waiting:
        return tr("Waiting");
    case VisitStatus::Called:
        return tr("Called");
    case VisitStatus::InProgress:
        return tr("With the doctor");
    case VisitStatus::Done:
        return tr("Done");
    case VisitStatus::Cancelled:
        return tr("Cancelled");
    case VisitStatus::NoShow:
        return tr("Did not come");
    }
    return {};
}

QString QueueService::priorityText(VisitPriority priority)
{
    return priority == VisitPriority::Urgent ? tr("Urgent") : tr("Normal");
}

std::optional<Visit> QueueService::enqueue(const QUuid &patientId, const QString &doctorId, const QDate &day,
                                           VisitPriority priority, const QString &note,
                                           const QString &queuedBy, FieldErrors *errors, const QDate &today)
{
    m_error = {};
    FieldErrors found;
    if (patientId.isNull())
        found.append({patientField(), tr("Choose a patient.")});
    if (doctorId.trimmed().isEmpty())
        found.append({doctorField(), tr("Choose a doctor.")});
    if (!day.isValid())
        found.append({dayField(), tr("Choose the day of the visit.")});
    else if (today.isValid() && day < today)
        found.append({dayField(), tr("The queue of a past day cannot be changed.")});
    if (note.size() > kMaxNoteLength)
        found.append({noteField(), tr("The note is %1 characters long; at most %2 are kept.")
                                       .arg(note.size())
                                       .arg(kMaxNoteLength)});

    QList<Visit> current;
    if (found.isEmpty()) {
        current = m_store.queue(doctorId, day);
        if (!m_store.lastError().ok()) {
            failFromStore();
            if (errors)
                *errors = {};
            return std::nullopt;
        }
        const auto already = std::find_if(current.cbegin(), current.cend(), [&](const Visit &visit) {
            return visit.patientId == patientId && isActive(visit.status);
        });
        if (already != current.cend())
            found.append({patientField(), tr("The patient is already in this doctor's queue for that day "
                                             "(ticket %1).")
                                              .arg(TicketNumber::text(already->ticket))});
    }
    if (errors)
        *errors = found;
    if (!found.isEmpty()) {
        fail(StoreError::Code::Invalid, found.first().message);
        return std::nullopt;
    }

    Visit visit;
    visit.patientId = patientId;
    visit.doctorId = doctorId;
    visit.day = day;
    visit.priority = priority;
    visit.note = note;
    visit.createdBy = queuedBy;
    // The ticket and the position are chosen inside the write's transaction, so two desks
    // sharing this file cannot hand out the same number.
    if (!m_database.begin()) {
        m_error = m_database.lastError();
        return std::nullopt;
    }
    // The ticket is numbered in this PC's series (TicketSeries), so a PC queuing offline for
    // the same doctor never prints another PC's ticket.
    TicketSeries series(m_database);
    visit.ticket = series.nextTicket(doctorId, day);
    int lastPosition = 0;
    for (const Visit &other : m_store.queue(doctorId, day))
        lastPosition = std::max(lastPosition, other.queuePosition);
    visit.queuePosition = std::max(TicketNumber::number(visit.ticket), lastPosition + 1);
    FieldErrors refused;
    if (visit.ticket <= 0 || !m_store.insert(visit, &refused) || !m_database.commit()) {
        m_error = visit.ticket <= 0 ? series.lastError() : m_database.lastError();
        m_database.rollback();
        static const QHash<QString, QString> keys = {
            {QStringLiteral("data.patientId"), patientField()},
            {QStringLiteral("data.doctorId"), doctorField()},
            {QStringLiteral("data.day"), dayField()},
            {QStringLiteral("data.note"), noteField()},
        };
        for (FieldError &error : refused)
            error.field = keys.value(error.field, error.field);
        if (errors)
            *errors = refused;
        if (m_error.ok())
            m_error = {StoreError::Code::Other, tr("The patient could not be queued.")};
        return std::nullopt;
    }
    emit localChange();
    return visit;
}

QList<Visit> QueueService::queue(const QString &doctorId, const QDate &day) const
{
    return m_store.queue(doctorId, day);
}

std::optional<Visit> QueueService::visit(qint64 localId) const
{
    const std::optional<Visit> found = m_store.get(localId);
    return found && !found->deleted ? found : std::nullopt;
}

std::optional<Visit> QueueService::visitById(const QUuid &id) const
{
    const std::optional<Visit> found = m_store.getById(id);
    return found && !found->deleted ? found : std::nullopt;
}

QList<Visit> QueueService::visitsOf(const QUuid &patientId, const QDate &day) const
{
    QList<Visit> visits;
    for (const Visit &visit : m_store.forPatient(patientId)) {
        if (visit.day == day)
            visits.append(visit);
    }
    return visits;
}

bool QueueService::canMove(qint64 localId, int step) const
{
    const std::optional<Visit> moved = visit(localId);
    if (!moved || moved->status != VisitStatus::Waiting || (step != -1 && step != 1))
        return false;
    QList<qint64> waiting;
    for (const Visit &other : m_store.queue(moved->doctorId, moved->day)) {
        if (other.priority == moved->priority && other.status == VisitStatus::Waiting)
            waiting.append(other.localId);
    }
    const qsizetype target = waiting.indexOf(localId) + step;
    return target >= 0 && target < waiting.size();
}

bool QueueService::move(qint64 localId, int step)
{
    m_error = {};
    const std::optional<Visit> moved = visit(localId);
    if (!moved)
        return m_store.lastError().ok()
                   ? fail(StoreError::Code::NotFound, tr("This queue entry no longer exists."))
                   : failFromStore();
    if (moved->status != VisitStatus::Waiting)
        return fail(StoreError::Code::Invalid, tr("Only a waiting patient can be moved in the queue."));
    if (step != -1 && step != 1)
        return fail(StoreError::Code::Invalid, tr("A patient moves one place at a time."));

    // The whole priority group, every status: positions must stay in calling order for all.
    QList<Visit> group;
    for (const Visit &other : m_store.queue(moved->doctorId, moved->day)) {
        if (other.priority == moved->priority)
            group.append(other);
    }
    if (!m_store.lastError().ok())
        return failFromStore();
    QList<int> waitingIndexes;
    for (qsizetype i = 0; i < group.size(); ++i) {
        if (group[i].status == VisitStatus::Waiting)
            waitingIndexes.append(int(i));
    }
    const qsizetype from = std::find_if(waitingIndexes.cbegin(), waitingIndexes.cend(),
                                        [&](int index) { return group[index].localId == localId; }) -
                           waitingIndexes.cbegin();
    const qsizetype to = from + step;
    if (from >= waitingIndexes.size() || to < 0 || to >= waitingIndexes.size())
        return fail(StoreError::Code::Invalid, step < 0 ? tr("The patient is already first in the queue.")
                                                        : tr("The patient is already last in the queue."));

    // Entries queued elsewhere may share a position (0 = by ticket); a swap only moves
    // anything once the positions follow the calling order strictly.
    QList<int> positions;
    bool strictlyIncreasing = true;
    for (qsizetype i = 0; i < group.size(); ++i) {
        positions.append(group[i].queuePosition);
        if (i > 0 && positions[i] <= positions[i - 1])
            strictlyIncreasing = false;
    }
    if (!strictlyIncreasing) {
        for (qsizetype i = 0; i < positions.size(); ++i)
            positions[i] = int(i) + 1;
    }
    std::swap(positions[waitingIndexes[from]], positions[waitingIndexes[to]]);
    if (!writePositions(group, positions))
        return false;
    emit localChange();
    return true;
}

bool QueueService::writePositions(const QList<Visit> &group, const QList<int> &positions)
{
    if (!m_database.begin()) {
        m_error = m_database.lastError();
        return false;
    }
    for (qsizetype i = 0; i < group.size(); ++i) {
        if (group[i].queuePosition == positions[i])
            continue;
        Visit changed = group[i];
        changed.queuePosition = positions[i];
        if (!m_store.update(changed)) {
            failFromStore();
            m_database.rollback();
            return false;
        }
    }
    if (!m_database.commit()) {
        m_error = m_database.lastError();
        m_database.rollback();
        return false;
    }
    return true;
}

bool QueueService::setPriority(qint64 localId, VisitPriority priority)
{
    m_error = {};
    std::optional<Visit> changed = visit(localId);
    if (!changed)
        return m_store.lastError().ok()
                   ? fail(StoreError::Code::NotFound, tr("This queue entry no longer exists."))
                   : failFromStore();
    if (changed->priority == priority)
        return true;
    if (!isActive(changed->status))
        return fail(StoreError::Code::Invalid,
                    tr("The priority of a finished or cancelled visit cannot change."));
    changed->priority = priority;
    if (!m_store.update(*changed))
        return failFromStore();
    emit localChange();
    return true;
}

bool QueueService::setStatus(qint64 localId, VisitStatus status)
{
    m_error = {};
    const std::optional<Visit> current = visit(localId);
    if (!current)
        return m_store.lastError().ok()
                   ? fail(StoreError::Code::NotFound, tr("This queue entry no longer exists."))
                   : failFromStore();
    if (current->status == status)
        return true;
    if (!canChange(current->status, status))
        return fail(StoreError::Code::Invalid, tr("A visit that is “%1” cannot become “%2”.")
                                                   .arg(statusText(current->status), statusText(status)));
    if (!m_store.setStatus(localId, status))
        return failFromStore();
    emit localChange();
    return true;
}

} // namespace medora
