#include "audit/AuditLog.h"

#include "auth/Sodium.h"
#include "domain/JsonText.h"
#include "store/ServerDatabase.h"
#include "store/SqliteStatement.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <optional>

namespace medora::server {

namespace {

const QByteArray kGenesisHash(64, '0');
constexpr int kMaxActorLogin = 64;
constexpr int kMaxLimit = 200;

QString isoUtc(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

// Canonical form hashed into the chain: QJsonObject keeps its keys sorted and the compact
// writer adds no whitespace, so the same event always gives the same bytes, also after the
// details went through the database as text and were parsed again.
QByteArray canonicalJson(qint64 sequence, const QString &at, const AuditEntry &entry)
{
    QJsonObject object;
    object.insert(QStringLiteral("sequence"), QJsonValue(sequence));
    object.insert(QStringLiteral("at"), at);
    object.insert(QStringLiteral("clinicId"), entry.clinicId);
    object.insert(QStringLiteral("actorUserId"), entry.actorUserId);
    object.insert(QStringLiteral("actorLogin"), entry.actorLogin);
    object.insert(QStringLiteral("action"), entry.action);
    object.insert(QStringLiteral("targetType"), entry.targetType);
    object.insert(QStringLiteral("targetId"), entry.targetId);
    object.insert(QStringLiteral("clientAddress"), entry.clientAddress);
    object.insert(QStringLiteral("details"), entry.details);
    return JsonText::compact(object);
}

QByteArray chainHash(const QByteArray &previousHash, qint64 sequence, const QString &at,
                     const AuditEntry &entry)
{
    return Sodium::sha256Hex(previousHash + canonicalJson(sequence, at, entry));
}

// Printable ASCII without quotes or backslashes: what JSON prints exactly as it is.
bool isPlainText(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u > 0x7e || u == u'"' || u == u'\\')
            return false;
    }
    return true;
}

void appendPlain(QByteArray &out, const char *key, const QString &value)
{
    out += key;
    out += value.toLatin1();
    out += '"';
}

// The bytes canonicalJson() makes, written directly when every text field is plain (the
// usual case for a batch of sync events): the keys in QJsonObject's sorted order, compact.
// Anything else takes canonicalJson() itself. verify() recomputes with canonicalJson(), so a
// difference could not go unnoticed (the sync tests verify the chain after batches).
QByteArray batchChainHash(const QByteArray &previousHash, qint64 sequence, const QString &at,
                          const AuditEntry &entry, const QByteArray &detailsJson)
{
    for (const QString *text : {&at, &entry.clinicId, &entry.actorUserId, &entry.actorLogin, &entry.action,
                                &entry.targetType, &entry.targetId, &entry.clientAddress}) {
        if (!isPlainText(*text))
            return chainHash(previousHash, sequence, at, entry);
    }
    QByteArray out = previousHash;
    out.reserve(previousHash.size() + 512);
    appendPlain(out, "{\"action\":\"", entry.action);
    appendPlain(out, ",\"actorLogin\":\"", entry.actorLogin);
    appendPlain(out, ",\"actorUserId\":\"", entry.actorUserId);
    appendPlain(out, ",\"at\":\"", at);
    appendPlain(out, ",\"clientAddress\":\"", entry.clientAddress);
    appendPlain(out, ",\"clinicId\":\"", entry.clinicId);
    out += ",\"details\":";
    out += detailsJson;
    out += ",\"sequence\":";
    out += QByteArray::number(sequence);
    appendPlain(out, ",\"targetId\":\"", entry.targetId);
    appendPlain(out, ",\"targetType\":\"", entry.targetType);
    out += '}';
    return Sodium::sha256Hex(out);
}

// QSQLITE binds a null QString as NULL; the columns are NOT NULL with '' for "none".
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QJsonObject parseDetails(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

const QString kSelectColumns = QStringLiteral(
    "SELECT sequence, at, clinic_id, actor_user_id, actor_login, action, target_type, target_id, "
    "client_address, details, previous_hash, hash FROM audit_events");

AuditEvent eventFromRow(const QSqlQuery &query)
{
    AuditEvent event;
    event.sequence = query.value(0).toLongLong();
    event.at = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs).toUTC();
    event.entry.clinicId = query.value(2).toString();
    event.entry.actorUserId = query.value(3).toString();
    event.entry.actorLogin = query.value(4).toString();
    event.entry.action = query.value(5).toString();
    event.entry.targetType = query.value(6).toString();
    event.entry.targetId = query.value(7).toString();
    event.entry.clientAddress = query.value(8).toString();
    event.entry.details = parseDetails(query.value(9).toString());
    event.previousHash = query.value(10).toByteArray();
    event.hash = query.value(11).toByteArray();
    return event;
}

} // namespace

AuditLog::AuditLog(ServerDatabase &database) : m_database(database) {}

bool AuditLog::append(QSqlDatabase &db, const AuditEntry &entry, QString *error)
{
    // The caller's write transaction holds SQLite's write lock, so nobody appends between
    // reading the chain's end and inserting after it.
    QSqlQuery last(db);
    if (!last.exec(
            QStringLiteral("SELECT sequence, hash FROM audit_events ORDER BY sequence DESC LIMIT 1"))) {
        if (error)
            *error = last.lastError().text();
        return false;
    }
    qint64 sequence = 1;
    QByteArray previousHash = kGenesisHash;
    if (last.next()) {
        sequence = last.value(0).toLongLong() + 1;
        previousHash = last.value(1).toByteArray();
    }
    last.finish();

    AuditEntry stored = entry;
    stored.actorLogin = stored.actorLogin.left(kMaxActorLogin);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString at = isoUtc(now);
    const QByteArray hash = chainHash(previousHash, sequence, at, stored);

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO audit_events (sequence, at, at_ms, clinic_id, actor_user_id, actor_login, action, "
        "target_type, target_id, client_address, details, previous_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(sequence);
    insert.addBindValue(at);
    insert.addBindValue(now.toMSecsSinceEpoch());
    insert.addBindValue(notNull(stored.clinicId));
    insert.addBindValue(notNull(stored.actorUserId));
    insert.addBindValue(notNull(stored.actorLogin));
    insert.addBindValue(notNull(stored.action));
    insert.addBindValue(notNull(stored.targetType));
    insert.addBindValue(notNull(stored.targetId));
    insert.addBindValue(notNull(stored.clientAddress));
    insert.addBindValue(QString::fromUtf8(JsonText::compact(stored.details)));
    insert.addBindValue(QString::fromLatin1(previousHash));
    insert.addBindValue(QString::fromLatin1(hash));
    if (!insert.exec()) {
        if (error)
            *error = insert.lastError().text();
        return false;
    }
    return true;
}

bool AuditLog::appendAll(QSqlDatabase &db, const QList<AuditEntry> &entries, QString *error,
                         bool nativeSqlite)
{
    if (entries.isEmpty())
        return true;
    QSqlQuery last(db);
    if (!last.exec(
            QStringLiteral("SELECT sequence, hash FROM audit_events ORDER BY sequence DESC LIMIT 1"))) {
        if (error)
            *error = last.lastError().text();
        return false;
    }
    qint64 sequence = 0;
    QByteArray previousHash = kGenesisHash;
    if (last.next()) {
        sequence = last.value(0).toLongLong();
        previousHash = last.value(1).toByteArray();
    }
    last.finish();

    const QString sql = QStringLiteral(
        "INSERT INTO audit_events (sequence, at, at_ms, clinic_id, actor_user_id, actor_login, action, "
        "target_type, target_id, client_address, details, previous_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::shared_ptr<SqliteStatement> native;
    if (nativeSqlite && SqliteStatement::isAvailable(db)) {
        // The statement is kept by this thread's connection when `db` is that connection.
        native = db.connectionName() == m_database.connection().connectionName()
                     ? m_database.cachedStatement(sql)
                     : std::make_shared<SqliteStatement>(db, sql);
    }
    QSqlQuery insert(db);
    if (!native || !native->isValid()) {
        native.reset();
        if (!insert.prepare(sql)) {
            if (error)
                *error = insert.lastError().text();
            return false;
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString at = isoUtc(now);
    const qint64 atMs = now.toMSecsSinceEpoch();
    for (const AuditEntry &entry : entries) {
        ++sequence;
        AuditEntry stored = entry;
        stored.actorLogin = stored.actorLogin.left(kMaxActorLogin);
        const QByteArray details = JsonText::compact(stored.details);
        const QByteArray hash = batchChainHash(previousHash, sequence, at, stored, details);
        if (native) {
            native->bindInt64(1, sequence);
            native->bindText(2, at);
            native->bindInt64(3, atMs);
            native->bindText(4, stored.clinicId);
            native->bindText(5, stored.actorUserId);
            native->bindText(6, stored.actorLogin);
            native->bindText(7, stored.action);
            native->bindText(8, stored.targetType);
            native->bindText(9, stored.targetId);
            native->bindText(10, stored.clientAddress);
            native->bindText(11, details);
            native->bindText(12, previousHash);
            native->bindText(13, hash);
            if (!native->run()) {
                if (error)
                    *error = native->errorText();
                return false;
            }
        } else {
            insert.bindValue(0, sequence);
            insert.bindValue(1, at);
            insert.bindValue(2, atMs);
            insert.bindValue(3, notNull(stored.clinicId));
            insert.bindValue(4, notNull(stored.actorUserId));
            insert.bindValue(5, notNull(stored.actorLogin));
            insert.bindValue(6, notNull(stored.action));
            insert.bindValue(7, notNull(stored.targetType));
            insert.bindValue(8, notNull(stored.targetId));
            insert.bindValue(9, notNull(stored.clientAddress));
            insert.bindValue(10, QString::fromUtf8(details));
            insert.bindValue(11, QString::fromLatin1(previousHash));
            insert.bindValue(12, QString::fromLatin1(hash));
            if (!insert.exec()) {
                if (error)
                    *error = insert.lastError().text();
                return false;
            }
        }
        previousHash = hash;
    }
    return true;
}

bool AuditLog::appendNow(const AuditEntry &entry, QString *error)
{
    QString appendFailure;
    QString transactionFailure;
    const bool ok = m_database.writeTransaction(
        [&](QSqlDatabase &db) { return append(db, entry, &appendFailure); }, &transactionFailure);
    if (!ok && error)
        *error = appendFailure.isEmpty() ? transactionFailure : appendFailure;
    return ok;
}

Outcome<QList<AuditEvent>> AuditLog::list(const QString &clinicId, const AuditFilter &filter)
{
    if (clinicId.isEmpty())
        return QList<AuditEvent>();
    QString sql = kSelectColumns + QStringLiteral(" WHERE clinic_id = ?");
    QVariantList values{clinicId};
    if (!filter.actorUserId.isEmpty()) {
        sql += QStringLiteral(" AND actor_user_id = ?");
        values << filter.actorUserId;
    }
    if (!filter.action.isEmpty()) {
        if (filter.action.endsWith(QLatin1Char('.'))) {
            // A prefix: every action in [prefix, prefix + U+FFFF) starts with it; no LIKE
            // escaping to get wrong.
            sql += QStringLiteral(" AND action >= ? AND action < ?");
            values << filter.action << filter.action + QChar(0xFFFF);
        } else {
            sql += QStringLiteral(" AND action = ?");
            values << filter.action;
        }
    }
    if (!filter.targetId.isEmpty()) {
        sql += QStringLiteral(" AND target_id = ?");
        values << filter.targetId;
    }
    if (filter.from.isValid()) {
        sql += QStringLiteral(" AND at_ms >= ?");
        values << filter.from.toMSecsSinceEpoch();
    }
    if (filter.to.isValid()) {
        sql += QStringLiteral(" AND at_ms < ?");
        values << filter.to.toMSecsSinceEpoch();
    }
    if (filter.beforeSequence > 0) {
        sql += QStringLiteral(" AND sequence < ?");
        values << filter.beforeSequence;
    }
    const int limit = std::clamp(filter.limit, 1, kMaxLimit);
    sql += QStringLiteral(" ORDER BY sequence DESC LIMIT %1").arg(limit);

    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec()) {
        return ServiceError::make(ServiceError::Kind::Internal, QStringLiteral("internal_error"),
                                  QStringLiteral("The audit log could not be read."));
    }
    QList<AuditEvent> events;
    while (query.next())
        events.append(eventFromRow(query));
    return events;
}

AuditVerification AuditLog::verify()
{
    AuditVerification result;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(kSelectColumns + QStringLiteral(" ORDER BY sequence ASC"))) {
        result.intact = false;
        result.problem = QStringLiteral("cannot read the audit log: ") + query.lastError().text();
        return result;
    }
    QByteArray expectedPrevious = kGenesisHash;
    qint64 expectedSequence = 1;
    auto broken = [&result](qint64 sequence, const QString &problem) {
        result.intact = false;
        result.firstBrokenSequence = sequence;
        result.problem = problem;
    };
    while (query.next()) {
        const qint64 sequence = query.value(0).toLongLong();
        if (sequence != expectedSequence) {
            broken(expectedSequence, QStringLiteral("sequence gap"));
            break;
        }
        const QString at = query.value(1).toString();
        AuditEntry entry;
        entry.clinicId = query.value(2).toString();
        entry.actorUserId = query.value(3).toString();
        entry.actorLogin = query.value(4).toString();
        entry.action = query.value(5).toString();
        entry.targetType = query.value(6).toString();
        entry.targetId = query.value(7).toString();
        entry.clientAddress = query.value(8).toString();
        entry.details = parseDetails(query.value(9).toString());
        const QByteArray previousHash = query.value(10).toByteArray();
        const QByteArray storedHash = query.value(11).toByteArray();

        if (previousHash != expectedPrevious) {
            broken(sequence, QStringLiteral("previous hash does not link"));
            break;
        }
        if (chainHash(previousHash, sequence, at, entry) != storedHash) {
            broken(sequence, QStringLiteral("hash mismatch"));
            break;
        }
        ++result.eventsChecked;
        result.headSequence = sequence;
        result.headHash = storedHash;
        expectedPrevious = storedHash;
        ++expectedSequence;
    }
    return result;
}

Outcome<QByteArray> AuditLog::storedHash(qint64 sequence)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT hash FROM audit_events WHERE sequence = ?"));
    query.addBindValue(sequence);
    if (!query.exec()) {
        return ServiceError::make(ServiceError::Kind::Internal, QStringLiteral("internal_error"),
                                  QStringLiteral("The audit log could not be read."));
    }
    return query.next() ? query.value(0).toByteArray() : QByteArray();
}

} // namespace medora::server
