#include "store/Outbox.h"

#include "domain/SyncProtocol.h"
#include "domain/UuidV7.h"
#include "store/SqlValues.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace medora {

namespace {

constexpr int kUpsert = static_cast<int>(PushAction::Upsert);
constexpr int kDelete = static_cast<int>(PushAction::Delete);

QString unionOf(const QString &stored, const QStringList &added)
{
    QStringList fields = stored.isEmpty() ? QStringList() : stored.split(QLatin1Char(','));
    for (const QString &field : added) {
        if (!fields.contains(field))
            fields.append(field);
    }
    return fields.join(QLatin1Char(','));
}

} // namespace

Outbox::Outbox(Database &database) : m_database(database) {}

QString Outbox::tableName(EntityKind entity)
{
    switch (entity) {
    case EntityKind::Patient:
        return QStringLiteral("patient");
    case EntityKind::Visit:
        return QStringLiteral("visit");
    case EntityKind::Report:
        return QStringLiteral("report");
    case EntityKind::Payment:
        return QStringLiteral("payment");
    }
    return QString();
}

bool Outbox::recordUpsert(EntityKind entity, qint64 localId, const QUuid &id,
                          const QStringList &changedFields)
{
    return record(entity, localId, id, kUpsert, changedFields, -1);
}

bool Outbox::recordDelete(EntityKind entity, qint64 localId, const QUuid &id, qint64 revision)
{
    return record(entity, localId, id, kDelete, {}, revision);
}

bool Outbox::record(EntityKind entity, qint64 localId, const QUuid &id, int action,
                    const QStringList &changedFields, qint64 revision)
{
    const QString what = tr("queue the change for the server");
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT seq, state, sent, changed_fields,"
                                 " (SELECT count(*) FROM outbox o WHERE o.entity = outbox.entity"
                                 "  AND o.local_id = outbox.local_id AND o.range_last IS NULL)"
                                 " FROM outbox WHERE entity = ? AND local_id = ? AND range_last IS NULL"
                                 " ORDER BY seq DESC LIMIT 1"));
    query.addBindValue(static_cast<int>(entity));
    query.addBindValue(localId);
    if (!query.exec()) {
        m_database.fail(query.lastError(), what);
        return false;
    }
    const bool hasLast = query.next();
    const qint64 lastSeq = hasLast ? query.value(0).toLongLong() : 0;
    const State lastState = hasLast ? static_cast<State>(query.value(1).toInt()) : State::Pending;
    const bool lastSent = hasLast && query.value(2).toInt() != 0;
    const QString lastFields = hasLast ? query.value(3).toString() : QString();
    const int entriesOfRow = hasLast ? query.value(4).toInt() : 0;
    query.finish();

    // A tombstone of a row the server has never had, whose only entry (if any) was never
    // sent, tells the server nothing: the entry goes and no new one comes.
    const bool serverNeverHadIt =
        action == kDelete && revision == 0 &&
        (!hasLast || (entriesOfRow == 1 && !lastSent && lastState != State::Uploading));
    if (serverNeverHadIt) {
        if (!hasLast)
            return true;
        query.prepare(QStringLiteral("DELETE FROM outbox WHERE seq = ?"));
        query.addBindValue(lastSeq);
        if (!query.exec()) {
            m_database.fail(query.lastError(), what);
            return false;
        }
        return true;
    }

    if (hasLast && !lastSent && lastState != State::Uploading) {
        // Coalesce: the server cannot know this entry's op id yet, so it may still grow. An
        // entry in the error list comes back to pending: editing the row is the user's retry.
        query.prepare(QStringLiteral("UPDATE outbox SET action = ?, changed_fields = ?, state = 0,"
                                     " attempts = CASE WHEN state = 2 THEN 0 ELSE attempts END,"
                                     " not_before_ms = CASE WHEN state = 2 THEN 0 ELSE not_before_ms END,"
                                     " reason_code = CASE WHEN state = 2 THEN '' ELSE reason_code END,"
                                     " reason_message = CASE WHEN state = 2 THEN '' ELSE reason_message END,"
                                     " reason_field = CASE WHEN state = 2 THEN '' ELSE reason_field END"
                                     " WHERE seq = ?"));
        query.addBindValue(action);
        query.addBindValue(
            SqlValues::text(action == kDelete ? QString() : unionOf(lastFields, changedFields)));
        query.addBindValue(lastSeq);
        if (!query.exec()) {
            m_database.fail(query.lastError(), what);
            return false;
        }
        return true;
    }

    query.prepare(
        QStringLiteral("INSERT INTO outbox(op_id, entity, local_id, entity_uuid, action, changed_fields,"
                       " order_seq, queued_ms) VALUES(?, ?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1"
                       " FROM outbox), ?)"));
    query.addBindValue(SqlValues::uuid(UuidV7::generate()));
    query.addBindValue(static_cast<int>(entity));
    query.addBindValue(localId);
    query.addBindValue(SqlValues::uuid(id));
    query.addBindValue(action);
    query.addBindValue(SqlValues::text(action == kDelete ? QString() : unionOf(QString(), changedFields)));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec()) {
        m_database.fail(query.lastError(), what);
        return false;
    }
    // An earlier entry of the row that failed for good goes back to pending with it: the
    // new entry waits behind it (a row's entries go in order), and the edit is the retry.
    query.prepare(
        QStringLiteral("UPDATE outbox SET state = 0, attempts = 0, not_before_ms = 0, reason_code = '',"
                       " reason_message = '', reason_field = ''"
                       " WHERE entity = ? AND local_id = ? AND range_last IS NULL AND state = 2"));
    query.addBindValue(static_cast<int>(entity));
    query.addBindValue(localId);
    if (!query.exec()) {
        m_database.fail(query.lastError(), what);
        return false;
    }
    return true;
}

bool Outbox::recordRange(EntityKind entity, qint64 firstLocalId, qint64 lastLocalId)
{
    if (lastLocalId < firstLocalId)
        return true;
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("INSERT INTO outbox(op_id, entity, local_id, range_last, order_seq, queued_ms)"
                       " VALUES(?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM outbox), ?)"));
    query.addBindValue(SqlValues::uuid(UuidV7::generate()));
    query.addBindValue(static_cast<int>(entity));
    query.addBindValue(firstLocalId);
    query.addBindValue(lastLocalId);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec()) {
        m_database.fail(query.lastError(), tr("queue the imported rows for the server"));
        return false;
    }
    return true;
}

} // namespace medora
