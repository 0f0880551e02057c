#include "store/VisitStore.h"

#include "domain/EntityJson.h"
#include "domain/UuidV7.h"
#include "store/Outbox.h"
#include "store/RowIdChunks.h"
#include "store/SqlValues.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace medora {

namespace {

const QString kColumns = QStringLiteral(
    "rowid, uuid, patient_uuid, doctor_id, day, ticket, priority, status, queue_position, note, created_at,"
    " called_at, started_at, finished_at, created_by, updated_at, deleted, revision, sync_state");

Visit readVisit(const QSqlQuery &query)
{
    Visit visit;
    visit.localId = query.value(0).toLongLong();
    visit.id = SqlValues::toUuid(query.value(1));
    visit.patientId = SqlValues::toUuid(query.value(2));
    visit.doctorId = query.value(3).toString();
    visit.day = SqlValues::toDate(query.value(4));
    visit.ticket = query.value(5).toInt();
    visit.priority = static_cast<VisitPriority>(query.value(6).toInt());
    visit.status = static_cast<VisitStatus>(query.value(7).toInt());
    visit.queuePosition = query.value(8).toInt();
    visit.note = query.value(9).toString();
    visit.createdAt = SqlValues::toTime(query.value(10));
    visit.calledAt = SqlValues::toTime(query.value(11));
    visit.startedAt = SqlValues::toTime(query.value(12));
    visit.finishedAt = SqlValues::toTime(query.value(13));
    visit.createdBy = query.value(14).toString();
    visit.updatedAt = SqlValues::toTime(query.value(15));
    visit.deleted = query.value(16).toInt() != 0;
    visit.revision = query.value(17).toLongLong();
    visit.syncState = static_cast<SyncState>(query.value(18).toInt());
    return visit;
}

QDateTime utc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC() : time;
}

} // namespace

VisitStore::VisitStore(Database &database) : m_database(database) {}

bool VisitStore::validate(const Visit &visit, FieldErrors *errors)
{
    FieldErrors found;
    Visit decoded;
    EntityJson::fromJson(EntityJson::toJson(visit), &decoded, &found);
    if (errors)
        *errors = found;
    if (found.isEmpty())
        return true;
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("data.patientId"), QT_TR_NOOP("Patient")},
        {QStringLiteral("data.doctorId"), QT_TR_NOOP("Doctor")},
        {QStringLiteral("data.day"), QT_TR_NOOP("Day")},
        {QStringLiteral("data.ticket"), QT_TR_NOOP("Ticket")},
        {QStringLiteral("data.priority"), QT_TR_NOOP("Priority")},
        {QStringLiteral("data.status"), QT_TR_NOOP("Status")},
        {QStringLiteral("data.queuePosition"), QT_TR_NOOP("Queue position")},
        {QStringLiteral("data.note"), QT_TR_NOOP("Note")},
        {QStringLiteral("data.createdAt"), QT_TR_NOOP("Queued at")},
        {QStringLiteral("data.calledAt"), QT_TR_NOOP("Called at")},
        {QStringLiteral("data.startedAt"), QT_TR_NOOP("Started at")},
        {QStringLiteral("data.finishedAt"), QT_TR_NOOP("Finished at")},
        {QStringLiteral("data.createdBy"), QT_TR_NOOP("Queued by")},
    };
    const FieldError &first = found.first();
    const char *label = labels.value(first.field);
    m_database.setError(
        StoreError::Code::Invalid,
        tr("The visit was not saved. %1: %2").arg(label ? tr(label) : first.field, first.message));
    return false;
}

bool VisitStore::insert(Visit &visit, FieldErrors *errors)
{
    m_database.clearError();
    if (errors)
        errors->clear();
    Visit candidate = visit;
    const QDateTime now = SqlValues::nowUtc();
    if (candidate.id.isNull())
        candidate.id = UuidV7::generate();
    candidate.createdAt = candidate.createdAt.isValid() ? candidate.createdAt.toUTC() : now;
    candidate.calledAt = utc(candidate.calledAt);
    candidate.startedAt = utc(candidate.startedAt);
    candidate.finishedAt = utc(candidate.finishedAt);
    candidate.updatedAt = now;
    candidate.deleted = false;
    candidate.revision = 0;
    candidate.syncState = SyncState::New;

    const QString what = tr("queue the visit");
    if (!m_database.begin())
        return false;
    const auto abandon = [this] {
        m_database.rollback();
        return false;
    };
    if (candidate.ticket == 0) {
        candidate.ticket = nextTicket(candidate.doctorId, candidate.day);
        if (!m_database.lastError().ok())
            return abandon();
    }
    if (!validate(candidate, errors))
        return abandon();

    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("INSERT INTO visit(uuid, patient_uuid, doctor_id, day, ticket, priority, status,"
                       " queue_position, note, created_at, called_at, started_at, finished_at, created_by,"
                       " updated_at, deleted, revision, sync_state) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                       " ?, ?, ?, ?, 0, 0, ?)"));
    query.addBindValue(SqlValues::uuid(candidate.id));
    query.addBindValue(SqlValues::uuid(candidate.patientId));
    query.addBindValue(SqlValues::text(candidate.doctorId));
    query.addBindValue(SqlValues::optionalDate(candidate.day));
    query.addBindValue(candidate.ticket);
    query.addBindValue(static_cast<int>(candidate.priority));
    query.addBindValue(static_cast<int>(candidate.status));
    query.addBindValue(candidate.queuePosition);
    query.addBindValue(SqlValues::text(candidate.note));
    query.addBindValue(SqlValues::time(candidate.createdAt));
    query.addBindValue(SqlValues::optionalTime(candidate.calledAt));
    query.addBindValue(SqlValues::optionalTime(candidate.startedAt));
    query.addBindValue(SqlValues::optionalTime(candidate.finishedAt));
    query.addBindValue(SqlValues::text(candidate.createdBy));
    query.addBindValue(SqlValues::time(candidate.updatedAt));
    query.addBindValue(static_cast<int>(SyncState::New));
    if (!query.exec()) {
        m_database.fail(query.lastError(), what);
        return abandon();
    }
    candidate.localId = query.lastInsertId().toLongLong();
    if (!Outbox(m_database).recordUpsert(EntityKind::Visit, candidate.localId, candidate.id) ||
        !m_database.commit())
        return abandon();
    visit = candidate;
    return true;
}

bool VisitStore::update(Visit &visit, FieldErrors *errors)
{
    m_database.clearError();
    if (errors)
        errors->clear();
    if (!m_database.begin())
        return false;
    const std::optional<Visit> stored = get(visit.localId);
    if (!stored) {
        if (m_database.lastError().ok())
            m_database.setError(
                StoreError::Code::NotFound,
                tr("Visit record %1 is not in %2.").arg(visit.localId).arg(m_database.filePath()));
        m_database.rollback();
        return false;
    }
    Visit candidate = *stored;
    candidate.doctorId = visit.doctorId;
    candidate.day = visit.day;
    candidate.ticket = visit.ticket;
    candidate.priority = visit.priority;
    candidate.status = visit.status;
    candidate.queuePosition = visit.queuePosition;
    candidate.note = visit.note;
    candidate.calledAt = utc(visit.calledAt);
    candidate.startedAt = utc(visit.startedAt);
    candidate.finishedAt = utc(visit.finishedAt);
    if (!save(candidate, *stored, errors) || !m_database.commit()) {
        m_database.rollback();
        return false;
    }
    visit = candidate;
    return true;
}

bool VisitStore::setStatus(qint64 localId, VisitStatus status, const QDateTime &at)
{
    m_database.clearError();
    if (!m_database.begin())
        return false;
    const std::optional<Visit> stored = get(localId);
    if (!stored) {
        if (m_database.lastError().ok())
            m_database.setError(StoreError::Code::NotFound,
                                tr("Visit record %1 is not in %2.").arg(localId).arg(m_database.filePath()));
        m_database.rollback();
        return false;
    }
    const QDateTime when = at.isValid() ? at.toUTC() : SqlValues::nowUtc();
    Visit candidate = *stored;
    candidate.status = status;
    const auto stamp = [&when](QDateTime &time) {
        if (!time.isValid())
            time = when;
    };
    switch (status) {
    case VisitStatus::Called:
        stamp(candidate.calledAt);
        break;
    case VisitStatus::InProgress:
        stamp(candidate.startedAt);
        break;
    case VisitStatus::Done:
        stamp(candidate.finishedAt);
        break;
    case VisitStatus::Waiting:
    case VisitStatus::Cancelled:
    case VisitStatus::NoShow:
        break;
    }
    if (!save(candidate, *stored, nullptr) || !m_database.commit()) {
        m_database.rollback();
        return false;
    }
    return true;
}

bool VisitStore::save(Visit &candidate, const Visit &stored, FieldErrors *errors)
{
    if (stored.deleted) {
        m_database.setError(StoreError::Code::Immutable,
                            tr("This visit was deleted and can no longer change."));
        return false;
    }
    if (!validate(candidate, errors))
        return false;
    // A save that changes nothing the server keeps queues nothing.
    const bool changed = EntityJson::toJson(candidate) != EntityJson::toJson(stored);
    if (!changed)
        return true;
    candidate.updatedAt = SqlValues::nowUtc();
    candidate.syncState = Outbox::stateAfterLocalEdit(stored.syncState);
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("UPDATE visit SET doctor_id = ?, day = ?, ticket = ?, priority = ?, status = ?,"
                       " queue_position = ?, note = ?, called_at = ?, started_at = ?, finished_at = ?,"
                       " updated_at = ?, sync_state = ? WHERE rowid = ?"));
    query.addBindValue(SqlValues::text(candidate.doctorId));
    query.addBindValue(SqlValues::optionalDate(candidate.day));
    query.addBindValue(candidate.ticket);
    query.addBindValue(static_cast<int>(candidate.priority));
    query.addBindValue(static_cast<int>(candidate.status));
    query.addBindValue(candidate.queuePosition);
    query.addBindValue(SqlValues::text(candidate.note));
    query.addBindValue(SqlValues::optionalTime(candidate.calledAt));
    query.addBindValue(SqlValues::optionalTime(candidate.startedAt));
    query.addBindValue(SqlValues::optionalTime(candidate.finishedAt));
    query.addBindValue(SqlValues::time(candidate.updatedAt));
    query.addBindValue(static_cast<int>(candidate.syncState));
    query.addBindValue(candidate.localId);
    if (!query.exec()) {
        m_database.fail(query.lastError(), tr("save the visit"));
        return false;
    }
    return Outbox(m_database).recordUpsert(EntityKind::Visit, candidate.localId, candidate.id);
}

bool VisitStore::remove(qint64 localId)
{
    m_database.clearError();
    if (!m_database.begin())
        return false;
    const std::optional<Visit> stored = get(localId);
    if (!stored) {
        if (m_database.lastError().ok())
            m_database.setError(StoreError::Code::NotFound,
                                tr("Visit record %1 is not in %2.").arg(localId).arg(m_database.filePath()));
        m_database.rollback();
        return false;
    }
    if (stored->deleted) {
        m_database.rollback();
        return true;
    }
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("UPDATE visit SET deleted = 1, updated_at = ?, sync_state = ? WHERE rowid = ?"));
    query.addBindValue(SqlValues::time(SqlValues::nowUtc()));
    query.addBindValue(static_cast<int>(Outbox::stateAfterLocalEdit(stored->syncState)));
    query.addBindValue(localId);
    if (!query.exec()) {
        m_database.fail(query.lastError(), tr("delete the visit"));
        m_database.rollback();
        return false;
    }
    if (!Outbox(m_database).recordDelete(EntityKind::Visit, localId, stored->id, stored->revision) ||
        !m_database.commit()) {
        m_database.rollback();
        return false;
    }
    return true;
}

QList<Visit> VisitStore::select(const QString &where, const QVariantList &values, const QString &what) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM visit WHERE %2").arg(kColumns, where));
    for (const QVariant &value : values)
        query.addBindValue(value);
    QList<Visit> visits;
    if (!query.exec()) {
        m_database.fail(query.lastError(), what);
        return visits;
    }
    while (query.next())
        visits.append(readVisit(query));
    if (query.lastError().isValid())
        m_database.fail(query.lastError(), what);
    return visits;
}

QList<Visit> VisitStore::getMany(const std::vector<qint64> &localIds) const
{
    m_database.clearError();
    return selectByRowIds<Visit>(m_database, localIds, [this](const QString &where) {
        return select(where, {}, tr("read the visits"));
    });
}

std::optional<Visit> VisitStore::get(qint64 localId) const
{
    m_database.clearError();
    const QList<Visit> found = select(QStringLiteral("rowid = ?"), {localId}, tr("read the visit"));
    return found.isEmpty() ? std::nullopt : std::optional<Visit>(found.first());
}

std::optional<Visit> VisitStore::getById(const QUuid &id) const
{
    m_database.clearError();
    const QList<Visit> found =
        select(QStringLiteral("uuid = ?"), {SqlValues::uuid(id)}, tr("read the visit"));
    return found.isEmpty() ? std::nullopt : std::optional<Visit>(found.first());
}

QList<Visit> VisitStore::queue(const QString &doctorId, const QDate &day) const
{
    m_database.clearError();
    return select(QStringLiteral("doctor_id = ? AND day = ? AND deleted = 0"
                                 " ORDER BY priority DESC, queue_position, ticket"),
                  {SqlValues::text(doctorId), SqlValues::optionalDate(day)}, tr("read the queue"));
}

QList<Visit> VisitStore::forPatient(const QUuid &patientId) const
{
    m_database.clearError();
    return select(QStringLiteral("patient_uuid = ? AND deleted = 0 ORDER BY day DESC, ticket DESC"),
                  {SqlValues::uuid(patientId)}, tr("read the patient's visits"));
}

int VisitStore::nextTicket(const QString &doctorId, const QDate &day) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT coalesce(max(ticket), 0) + 1 FROM visit WHERE doctor_id = ? AND day = ?"));
    query.addBindValue(SqlValues::text(doctorId));
    query.addBindValue(SqlValues::optionalDate(day));
    if (!query.exec() || !query.next()) {
        m_database.fail(query.lastError(), tr("number the ticket"));
        return 0;
    }
    return query.value(0).toInt();
}

} // namespace medora
