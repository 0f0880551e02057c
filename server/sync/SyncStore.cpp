#include "sync/SyncStore.h"

#include "store/ServerDatabase.h"
#include "store/SqliteStatement.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace medora::server {

namespace {

// QSQLITE binds a null QString as NULL; optional columns want NULL, required ones ''.
QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QString entityName(EntityKind entity)
{
    return SyncEntity::name(entity);
}

// The statement for `sql`, prepared once per thread; `error` says why when it cannot be.
QSqlQuery *statement(ServerDatabase &database, const QString &sql, QString *error)
{
    QString failure;
    QSqlQuery *query = database.cachedQuery(sql, &failure);
    if (!query && error)
        *error = QStringLiteral("cannot prepare a sync statement: ") + failure;
    return query;
}

bool run(QSqlQuery *query, QString *error)
{
    if (query->exec())
        return true;
    if (error)
        *error = query->lastError().text();
    query->finish();
    return false;
}

const QString kFeedColumns = QStringLiteral(
    "SELECT entity, id, revision, sequence, deleted, updated_at, updated_by, data FROM sync_record ");

} // namespace

SyncStore::SyncStore(ServerDatabase &database) : m_database(database) {}

const QString &SyncStore::findSql()
{
    static const QString sql = QStringLiteral(
        "SELECT revision, sequence, deleted, updated_at, updated_at_ms, updated_by, data, field_revisions, "
        "patient_id, visit_id, ref_id, status, author_id FROM sync_record "
        "WHERE clinic_id = ? AND entity = ? AND id = ?");
    return sql;
}

const QString &SyncStore::insertSql()
{
    static const QString sql = QStringLiteral(
        "INSERT INTO sync_record (clinic_id, entity, id, revision, sequence, deleted, updated_at, "
        "updated_at_ms, updated_by, data, field_revisions, patient_id, visit_id, ref_id, status, "
        "author_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    return sql;
}

const QString &SyncStore::updateSql()
{
    static const QString sql =
        QStringLiteral("UPDATE sync_record SET revision = ?, sequence = ?, deleted = ?, updated_at = ?, "
                       "updated_at_ms = ?, updated_by = ?, data = ?, field_revisions = ?, patient_id = ?, "
                       "visit_id = ?, ref_id = ?, status = ?, author_id = ? "
                       "WHERE clinic_id = ? AND entity = ? AND id = ?");
    return sql;
}

const QString &SyncStore::storeOpResultSql()
{
    static const QString sql = QStringLiteral(
        "INSERT INTO sync_op (clinic_id, op_id, entity, entity_id, user_id, device_id, result, "
        "created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    return sql;
}

bool SyncStore::databaseId(QString *id, QString *error)
{
    QSqlQuery *query =
        statement(m_database, QStringLiteral("SELECT value FROM sync_meta WHERE key = 'database_id'"), error);
    if (!query || !run(query, error))
        return false;
    if (!query->next()) {
        query->finish();
        if (error)
            *error = QStringLiteral("the sync database id is missing");
        return false;
    }
    *id = query->value(0).toString();
    query->finish();
    return true;
}

bool SyncStore::ensureClinic(const QString &clinicId, QString *error)
{
    QSqlQuery *query = statement(m_database,
                                 QStringLiteral("INSERT INTO sync_clinic (clinic_id, last_sequence, horizon) "
                                                "VALUES (?, 0, 0) ON CONFLICT (clinic_id) DO NOTHING"),
                                 error);
    if (!query)
        return false;
    query->bindValue(0, clinicId);
    const bool ok = run(query, error);
    query->finish();
    return ok;
}

bool SyncStore::clinicState(const QString &clinicId, ClinicFeedState *state, QString *error)
{
    QSqlQuery *query = statement(
        m_database, QStringLiteral("SELECT last_sequence, horizon FROM sync_clinic WHERE clinic_id = ?"),
        error);
    if (!query)
        return false;
    query->bindValue(0, clinicId);
    if (!run(query, error))
        return false;
    *state = ClinicFeedState();
    if (query->next()) {
        state->lastSequence = query->value(0).toLongLong();
        state->horizon = query->value(1).toLongLong();
    }
    query->finish();
    return true;
}

bool SyncStore::setLastSequence(const QString &clinicId, qint64 lastSequence, QString *error)
{
    QSqlQuery *query = statement(
        m_database, QStringLiteral("UPDATE sync_clinic SET last_sequence = ? WHERE clinic_id = ?"), error);
    if (!query)
        return false;
    query->bindValue(0, lastSequence);
    query->bindValue(1, clinicId);
    const bool ok = run(query, error);
    query->finish();
    return ok;
}

bool SyncStore::find(const QString &clinicId, EntityKind entity, const QString &id,
                     std::optional<SyncRow> *row, QString *error)
{
    row->reset();
    QSqlQuery *query = statement(m_database, findSql(), error);
    if (!query)
        return false;
    query->bindValue(0, clinicId);
    query->bindValue(1, entityName(entity));
    query->bindValue(2, id);
    if (!run(query, error))
        return false;
    if (query->next()) {
        SyncRow found;
        found.entity = entity;
        found.id = id;
        found.revision = query->value(0).toLongLong();
        found.sequence = query->value(1).toLongLong();
        found.deleted = query->value(2).toInt() != 0;
        found.updatedAt = query->value(3).toString();
        found.updatedAtMs = query->value(4).toLongLong();
        found.updatedBy = query->value(5).toString();
        found.data = query->value(6).toString().toUtf8();
        found.fieldRevisions = query->value(7).toString().toUtf8();
        found.patientId = query->value(8).toString();
        found.visitId = query->value(9).toString();
        found.refId = query->value(10).toString();
        found.status = query->value(11).toString();
        found.authorId = query->value(12).toString();
        *row = std::move(found);
    }
    query->finish();
    return true;
}

bool SyncStore::insert(const QString &clinicId, const SyncRow &row, QString *error)
{
    QSqlQuery *query = statement(m_database, insertSql(), error);
    if (!query)
        return false;
    query->bindValue(0, clinicId);
    query->bindValue(1, entityName(row.entity));
    query->bindValue(2, row.id);
    query->bindValue(3, row.revision);
    query->bindValue(4, row.sequence);
    query->bindValue(5, row.deleted ? 1 : 0);
    query->bindValue(6, notNull(row.updatedAt));
    query->bindValue(7, row.updatedAtMs);
    query->bindValue(8, notNull(row.updatedBy));
    query->bindValue(9, QString::fromUtf8(row.data));
    query->bindValue(10, row.fieldRevisions.isEmpty() ? QVariant()
                                                      : QVariant(QString::fromUtf8(row.fieldRevisions)));
    query->bindValue(11, nullable(row.patientId));
    query->bindValue(12, nullable(row.visitId));
    query->bindValue(13, nullable(row.refId));
    query->bindValue(14, nullable(row.status));
    query->bindValue(15, nullable(row.authorId));
    const bool ok = run(query, error);
    query->finish();
    return ok;
}

bool SyncStore::update(const QString &clinicId, const SyncRow &row, QString *error)
{
    QSqlQuery *query = statement(m_database, updateSql(), error);
    if (!query)
        return false;
    query->bindValue(0, row.revision);
    query->bindValue(1, row.sequence);
    query->bindValue(2, row.deleted ? 1 : 0);
    query->bindValue(3, notNull(row.updatedAt));
    query->bindValue(4, row.updatedAtMs);
    query->bindValue(5, notNull(row.updatedBy));
    query->bindValue(6, QString::fromUtf8(row.data));
    query->bindValue(7, row.fieldRevisions.isEmpty() ? QVariant()
                                                     : QVariant(QString::fromUtf8(row.fieldRevisions)));
    query->bindValue(8, nullable(row.patientId));
    query->bindValue(9, nullable(row.visitId));
    query->bindValue(10, nullable(row.refId));
    query->bindValue(11, nullable(row.status));
    query->bindValue(12, nullable(row.authorId));
    query->bindValue(13, clinicId);
    query->bindValue(14, entityName(row.entity));
    query->bindValue(15, row.id);
    const bool ok = run(query, error);
    if (ok && query->numRowsAffected() != 1) {
        if (error)
            *error = QStringLiteral("the sync record to update is missing");
        query->finish();
        return false;
    }
    query->finish();
    return ok;
}

bool SyncStore::isReversed(const QString &clinicId, const QString &paymentId, bool *reversed, QString *error)
{
    QSqlQuery *query = statement(m_database,
                                 QStringLiteral("SELECT COUNT(*) FROM sync_record WHERE clinic_id = ? AND "
                                                "ref_id = ? AND entity = 'payment' AND deleted = 0"),
                                 error);
    if (!query)
        return false;
    query->bindValue(0, clinicId);
    query->bindValue(1, paymentId);
    if (!run(query, error))
        return false;
    *reversed = query->next() && query->value(0).toLongLong() > 0;
    query->finish();
    return true;
}

bool SyncStore::opResults(const QString &clinicId, const QStringList &opIds, QHash<QString, StoredOp> *ops,
                          QString *error)
{
    ops->clear();
    if (opIds.isEmpty())
        return true;
    QString placeholders = QStringLiteral("?");
    for (qsizetype i = 1; i < opIds.size(); ++i)
        placeholders += QStringLiteral(", ?");
    QSqlQuery *query = statement(
        m_database,
        QStringLiteral("SELECT op_id, result, entity, entity_id FROM sync_op WHERE clinic_id = ? AND "
                       "op_id IN (%1)")
            .arg(placeholders),
        error);
    if (!query)
        return false;
    query->bindValue(0, clinicId);
    for (qsizetype i = 0; i < opIds.size(); ++i)
        query->bindValue(int(i + 1), opIds.at(i));
    if (!run(query, error))
        return false;
    while (query->next()) {
        StoredOp op;
        op.result = query->value(1).toString().toUtf8();
        op.entity = query->value(2).toString();
        op.entityId = query->value(3).toString();
        ops->insert(query->value(0).toString(), op);
    }
    query->finish();
    return true;
}

bool SyncStore::storeOpResult(const QString &clinicId, const QString &opId, EntityKind entity,
                              const QString &entityId, const QString &userId, const QString &deviceId,
                              const QByteArray &result, QString *error)
{
    QSqlQuery *query = statement(m_database, storeOpResultSql(), error);
    if (!query)
        return false;
    query->bindValue(0, clinicId);
    query->bindValue(1, opId);
    query->bindValue(2, entityName(entity));
    query->bindValue(3, entityId);
    query->bindValue(4, notNull(userId));
    query->bindValue(5, notNull(deviceId));
    query->bindValue(6, QString::fromUtf8(result));
    query->bindValue(7, QDateTime::currentMSecsSinceEpoch());
    const bool ok = run(query, error);
    query->finish();
    return ok;
}

bool SyncStore::storeConflict(const StoredConflict &conflict, QString *error)
{
    QSqlQuery *query = statement(
        m_database,
        QStringLiteral(
            "INSERT INTO sync_conflict (id, clinic_id, entity, entity_id, op_id, user_id, device_id, "
            "base_revision, server_revision, fields, server_values, client_values, kept_as_id, "
            "created_at, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        error);
    if (!query)
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    query->bindValue(0, QUuid::createUuid().toString(QUuid::WithoutBraces));
    query->bindValue(1, conflict.clinicId);
    query->bindValue(2, entityName(conflict.entity));
    query->bindValue(3, conflict.entityId);
    query->bindValue(4, conflict.opId);
    query->bindValue(5, notNull(conflict.userId));
    query->bindValue(6, notNull(conflict.deviceId));
    query->bindValue(7, conflict.baseRevision);
    query->bindValue(8, conflict.serverRevision);
    query->bindValue(9, QString::fromUtf8(conflict.fields));
    query->bindValue(10, QString::fromUtf8(conflict.serverValues));
    query->bindValue(11, QString::fromUtf8(conflict.clientValues));
    query->bindValue(12, nullable(conflict.keptAsId));
    query->bindValue(13, now.toString(Qt::ISODateWithMs));
    query->bindValue(14, now.toMSecsSinceEpoch());
    const bool ok = run(query, error);
    query->finish();
    return ok;
}

bool SyncStore::readFeed(const QString &clinicId, qint64 after, int limit, bool includeReports,
                         QList<FeedRow> *rows, QString *error, bool nativeSqlite)
{
    rows->clear();
    // One range scan of the (clinic_id, sequence) index; the entity filter only skips rows.
    const QString sql =
        kFeedColumns +
        (includeReports ? QStringLiteral("WHERE clinic_id = ? AND sequence > ? ")
                        : QStringLiteral("WHERE clinic_id = ? AND sequence > ? AND entity <> 'report' ")) +
        QStringLiteral("ORDER BY sequence LIMIT ?");
    rows->reserve(qMin(limit, 4096));
    const QSqlDatabase db = m_database.connection();
    if (nativeSqlite && SqliteStatement::isAvailable(db)) {
        // The stored JSON text comes out as the UTF-8 it is, without a detour through QString.
        SqliteStatement native(db, sql);
        if (native.isValid()) {
            native.bindText(1, clinicId);
            native.bindInt64(2, after);
            native.bindInt64(3, limit);
            while (native.next()) {
                FeedRow row;
                SyncEntity::fromName(QString::fromLatin1(native.columnText(0)), &row.entity);
                row.id = native.columnText(1);
                row.revision = native.columnInt64(2);
                row.sequence = native.columnInt64(3);
                row.deleted = native.columnInt64(4) != 0;
                row.updatedAt = native.columnText(5);
                row.updatedBy = native.columnText(6);
                row.data = native.columnText(7);
                rows->append(std::move(row));
            }
            if (native.failed()) {
                if (error)
                    *error = native.errorText();
                rows->clear();
                return false;
            }
            return true;
        }
    }
    QSqlQuery *query = statement(m_database, sql, error);
    if (!query)
        return false;
    query->bindValue(0, clinicId);
    query->bindValue(1, after);
    query->bindValue(2, limit);
    if (!run(query, error))
        return false;
    while (query->next()) {
        FeedRow row;
        SyncEntity::fromName(query->value(0).toString(), &row.entity);
        row.id = query->value(1).toString().toLatin1();
        row.revision = query->value(2).toLongLong();
        row.sequence = query->value(3).toLongLong();
        row.deleted = query->value(4).toInt() != 0;
        row.updatedAt = query->value(5).toString().toLatin1();
        row.updatedBy = query->value(6).toString().toUtf8();
        row.data = query->value(7).toString().toUtf8();
        rows->append(std::move(row));
    }
    query->finish();
    return true;
}

bool SyncStore::compactTombstones(qint64 cutoffMs, QList<CompactedClinic> *clinics, QString *error)
{
    clinics->clear();
    QSqlDatabase db = m_database.connection();
    QSqlQuery select(db);
    select.setForwardOnly(true);
    select.prepare(
        QStringLiteral("SELECT clinic_id, MAX(sequence), COUNT(*) FROM sync_record "
                       "WHERE deleted = 1 AND updated_at_ms < ? GROUP BY clinic_id ORDER BY clinic_id"));
    select.addBindValue(cutoffMs);
    if (!select.exec()) {
        if (error)
            *error = select.lastError().text();
        return false;
    }
    while (select.next()) {
        CompactedClinic clinic;
        clinic.clinicId = select.value(0).toString();
        clinic.horizon = select.value(1).toLongLong() + 1;
        clinic.removed = select.value(2).toLongLong();
        clinics->append(clinic);
    }
    select.finish();
    if (clinics->isEmpty())
        return true;

    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM sync_record WHERE deleted = 1 AND updated_at_ms < ?"));
    remove.addBindValue(cutoffMs);
    if (!remove.exec()) {
        if (error)
            *error = remove.lastError().text();
        return false;
    }
    for (CompactedClinic &clinic : *clinics) {
        if (!ensureClinic(clinic.clinicId, error))
            return false;
        QSqlQuery raise(db);
        // The feed's end moves up to the horizon too: a client that pulls everything again must
        // end with a cursor at or past it, also when the newest records were the ones removed.
        raise.prepare(
            QStringLiteral("UPDATE sync_clinic SET "
                           "horizon = CASE WHEN horizon < ? THEN ? ELSE horizon END, "
                           "last_sequence = CASE WHEN last_sequence < ? THEN ? ELSE last_sequence END "
                           "WHERE clinic_id = ?"));
        raise.addBindValue(clinic.horizon);
        raise.addBindValue(clinic.horizon);
        raise.addBindValue(clinic.horizon);
        raise.addBindValue(clinic.horizon);
        raise.addBindValue(clinic.clinicId);
        if (!raise.exec()) {
            if (error)
                *error = raise.lastError().text();
            return false;
        }
        ClinicFeedState state;
        if (!clinicState(clinic.clinicId, &state, error))
            return false;
        clinic.horizon = state.horizon;
    }
    return true;
}

} // namespace medora::server
