#include "sync/SyncService.h"

#include "audit/AuditLog.h"
#include "domain/JsonText.h"
#include "log/JsonLogger.h"
#include "store/ServerDatabase.h"
#include "subscription/SyncPushHooks.h"
#include "sync/ChangeNotifier.h"
#include "sync/SyncBatchStore.h"
#include "sync/SyncOpApplier.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace medora::server {

namespace {

constexpr qint64 kMsPerDay = 24LL * 3600 * 1000;

ServiceError internalError()
{
    return ServiceError::make(ServiceError::Kind::Internal, QStringLiteral("internal_error"),
                              QStringLiteral("The sync request could not be completed."));
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

void appendJsonString(QByteArray &out, const QByteArray &utf8)
{
    out += '"';
    // Ids and times need no escaping: copied whole.
    bool plain = true;
    for (const char c : utf8) {
        if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) {
            plain = false;
            break;
        }
    }
    if (plain) {
        out += utf8;
        out += '"';
        return;
    }
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

const QByteArray &entityName(EntityKind entity)
{
    static const QByteArray names[] = {QByteArrayLiteral("patient"), QByteArrayLiteral("visit"),
                                       QByteArrayLiteral("report"), QByteArrayLiteral("payment")};
    return names[static_cast<int>(entity)];
}

// {"entity","id","revision","sequence","deleted","updatedAt","updatedBy","data"} with `data`
// as given (stored JSON text).
void appendRecordFields(QByteArray &out, EntityKind entity, const QByteArray &id, qint64 revision,
                        qint64 sequence, bool deleted, const QByteArray &updatedAt,
                        const QByteArray &updatedBy, const QByteArray &data)
{
    out += "{\"entity\":\"";
    out += entityName(entity);
    out += "\",\"id\":";
    appendJsonString(out, id);
    out += ",\"revision\":";
    out += QByteArray::number(revision);
    out += ",\"sequence\":";
    out += QByteArray::number(sequence);
    out += deleted ? ",\"deleted\":true" : ",\"deleted\":false";
    out += ",\"updatedAt\":";
    appendJsonString(out, updatedAt);
    out += ",\"updatedBy\":";
    appendJsonString(out, updatedBy);
    out += ",\"data\":";
    out += deleted || data.isEmpty() ? QByteArrayLiteral("{}") : data;
    out += '}';
}

QByteArray encode(const PushResult &result, const QByteArray &recordData = QByteArray())
{
    if (result.status == PushStatus::Applied && result.hasRecord) {
        // The common answer, written directly: most of a push's cost would otherwise be
        // building and printing JSON objects around data that is already JSON text.
        const SyncRecord &record = result.record;
        QByteArray out;
        out.reserve(recordData.size() + 320);
        out += "{\"opId\":";
        appendJsonString(out, result.opId.toByteArray(QUuid::WithoutBraces));
        out += ",\"status\":\"applied\",\"revision\":";
        out += QByteArray::number(result.revision);
        out += ",\"sequence\":";
        out += QByteArray::number(result.sequence);
        out += ",\"record\":";
        appendRecordFields(out, record.entity, record.id.toByteArray(QUuid::WithoutBraces), record.revision,
                           record.sequence, record.deleted, record.updatedAt.toUtf8(),
                           record.updatedBy.toUtf8(), recordData);
        out += '}';
        return out;
    }

    QByteArray text = JsonText::compact(SyncProtocol::encodeResult(result));
    if (result.hasRecord && !recordData.isEmpty()) {
        // The record was encoded with empty data ("data" sorts first among its keys); its
        // stored text goes in as it is. Quotes inside JSON strings are escaped, so this
        // pattern only matches the key itself.
        static const QByteArray emptyData = QByteArrayLiteral("\"record\":{\"data\":{}");
        const qsizetype at = text.indexOf(emptyData);
        if (at >= 0)
            text.replace(at + emptyData.size() - 2, 2, recordData);
    }
    return text;
}

// Answers that must not be replayed: a retryable rejection is worth retrying with the same op.
bool isFinal(const PushResult &result)
{
    return !(result.status == PushStatus::Rejected && result.retryable);
}

PushResult failedOp(const QUuid &opId, const QString &code, const QString &message, bool retryable)
{
    PushResult result;
    result.opId = opId;
    result.status = PushStatus::Rejected;
    result.firstStatus = PushStatus::Rejected;
    result.reasonCode = code;
    result.reasonMessage = message;
    result.retryable = retryable;
    return result;
}

// The stored first answer, now marked as a replay of it.
QByteArray duplicateOf(const QByteArray &first)
{
    QJsonObject object = QJsonDocument::fromJson(first).object();
    const QJsonValue status = object.value(QStringLiteral("status"));
    object.insert(QStringLiteral("firstStatus"), status);
    object.insert(QStringLiteral("status"), SyncProtocol::pushStatusName(PushStatus::Duplicate));
    return JsonText::compact(object);
}

void appendRecord(QByteArray &out, const FeedRow &row)
{
    appendRecordFields(out, row.entity, row.id, row.revision, row.sequence, row.deleted, row.updatedAt,
                       row.updatedBy, row.data);
}

} // namespace

QByteArray PushBatch::toJson() const
{
    qsizetype size = 64;
    for (const QByteArray &result : results)
        size += result.size() + 1;
    QByteArray out;
    out.reserve(size);
    out += "{\"results\":[";
    for (qsizetype i = 0; i < results.size(); ++i) {
        if (i > 0)
            out += ',';
        out += results.at(i);
    }
    out += "],\"serverSequence\":";
    out += QByteArray::number(serverSequence);
    out += '}';
    return out;
}

QByteArray FeedPage::toJson() const
{
    qsizetype size = 256;
    for (const FeedRow &row : rows)
        size += row.data.size() + row.id.size() + row.updatedBy.size() + 160;
    QByteArray out;
    out.reserve(size);
    out += "{\"changes\":[";
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (i > 0)
            out += ',';
        appendRecord(out, rows.at(i));
    }
    out += "],\"next\":";
    out += QByteArray::number(next);
    out += hasMore ? ",\"hasMore\":true" : ",\"hasMore\":false";
    out += ",\"serverSequence\":";
    out += QByteArray::number(serverSequence);
    out += ",\"horizon\":";
    out += QByteArray::number(horizon);
    out += ",\"databaseId\":";
    appendJsonString(out, databaseId.toUtf8());
    out += '}';
    return out;
}

SyncService::SyncService(ServerDatabase &database, AuditLog &audit, ChangeNotifier *notifier)
    : m_database(database), m_audit(audit), m_notifier(notifier), m_store(database)
{}

Outcome<PushBatch> SyncService::push(const Actor &actor, const PushRequest &request)
{
    PushBatch batch;
    bool moved = false;
    QString failure;
    const bool committed = m_database.writeTransaction(
        [&](QSqlDatabase &db) {
            batch.results.clear();
            ClinicFeedState state;
            if (!m_store.ensureClinic(actor.clinicId, &failure) ||
                !m_store.clinicState(actor.clinicId, &state, &failure))
                return false;
            SyncBatchStore statements(m_store, db, m_nativeSqlite, &m_database);
            SyncOpApplier applier(statements, actor, request.deviceId, state.lastSequence);
            if (m_pushHooks)
                applier.setPushHooks(m_pushHooks, m_pushHooks->newVisitsRefused(actor.clinicId));
            batch.results.reserve(request.ops.size());
            // Op ids are unique within a push (the decoder refuses twins): one query finds
            // every op answered before.
            QStringList opIds;
            opIds.reserve(request.ops.size());
            for (const PushOperation &op : request.ops)
                opIds.append(idText(op.opId));
            QHash<QString, StoredOp> answered;
            if (!m_store.opResults(actor.clinicId, opIds, &answered, &failure))
                return false;
            for (qsizetype index = 0; index < request.ops.size(); ++index) {
                const PushOperation &op = request.ops.at(index);
                const QString &opId = opIds.at(index);
                const QString entityId = idText(op.id);
                const StoredOp stored = answered.value(opId);
                if (!stored.result.isEmpty()) {
                    if (stored.entity == SyncEntity::name(op.entity) && stored.entityId == entityId) {
                        batch.results.append(duplicateOf(stored.result));
                    } else {
                        batch.results.append(encode(failedOp(
                            op.opId, QStringLiteral("op_id_reused"),
                            QStringLiteral("This operation id was used before for another record."), false)));
                    }
                    continue;
                }

                // A savepoint per op: an op that fails half-way takes back only its own writes.
                const SyncOpApplier::Mark mark = applier.mark();
                PushResult result;
                QByteArray recordData;
                QByteArray text;
                QString opFailure;
                bool ok = savepoint(QStringLiteral("SAVEPOINT sync_op"), &opFailure);
                if (ok) {
                    ok = applier.apply(op, &result, &recordData, &opFailure);
                    if (ok) {
                        text = encode(result, recordData);
                        ok = !isFinal(result) ||
                             statements.storeOpResult(actor.clinicId, opId, op.entity, entityId, actor.userId,
                                                      request.deviceId, text, &opFailure);
                    }
                    if (!ok) {
                        savepoint(QStringLiteral("ROLLBACK TO SAVEPOINT sync_op"), nullptr);
                        applier.rollBackTo(mark);
                    }
                    if (!savepoint(QStringLiteral("RELEASE SAVEPOINT sync_op"), &failure))
                        return false;
                }
                if (!ok) {
                    JsonLogger::instance().error(QStringLiteral("sync.op_failed"),
                                                 {{QStringLiteral("clinicId"), actor.clinicId},
                                                  {QStringLiteral("entity"), SyncEntity::name(op.entity)},
                                                  {QStringLiteral("error"), opFailure}});
                    text = encode(failedOp(
                        op.opId, QStringLiteral("internal_error"),
                        QStringLiteral("The server could not apply this operation; retry later."), true));
                }
                batch.results.append(text);
            }
            batch.serverSequence = applier.lastSequence();
            moved = applier.lastSequence() != state.lastSequence;
            if (moved && !m_store.setLastSequence(actor.clinicId, applier.lastSequence(), &failure))
                return false;
            // The batch's audit events commit with it, or nothing does.
            return m_audit.appendAll(db, applier.auditEntries(), &failure, m_nativeSqlite);
        },
        &failure);
    if (!committed) {
        JsonLogger::instance().error(
            QStringLiteral("sync.push_failed"),
            {{QStringLiteral("clinicId"), actor.clinicId}, {QStringLiteral("error"), failure}});
        return internalError();
    }
    if (moved && m_notifier)
        m_notifier->notify(actor.clinicId, batch.serverSequence);
    return batch;
}

bool SyncService::savepoint(const QString &statement, QString *error)
{
    QSqlQuery *query = m_database.cachedQuery(statement, error);
    if (!query)
        return false;
    const bool ok = query->exec();
    if (!ok && error)
        *error = query->lastError().text();
    query->finish();
    return ok;
}

Outcome<FeedPage> SyncService::pull(const Actor &actor, qint64 after, int limit)
{
    FeedPage page;
    QString failure;
    QSqlDatabase db = m_database.connection();
    // One snapshot for the feed's end and the page, so "next" never skips a commit.
    if (!db.transaction())
        return internalError();
    ClinicFeedState state;
    bool ok = m_store.databaseId(&page.databaseId, &failure) &&
              m_store.clinicState(actor.clinicId, &state, &failure);
    const bool tooOld = after > 0 && after < state.horizon;
    // A cursor beyond the feed's end comes from another database (or one restored from an
    // older backup): what it believes it has seen may not exist here.
    const bool fromElsewhere = after > state.lastSequence;
    if (ok && !tooOld && !fromElsewhere)
        ok = m_store.readFeed(actor.clinicId, after, limit + 1, actor.role != Role::Receptionist, &page.rows,
                              &failure, m_nativeSqlite);
    db.commit();
    if (!ok) {
        JsonLogger::instance().error(
            QStringLiteral("sync.pull_failed"),
            {{QStringLiteral("clinicId"), actor.clinicId}, {QStringLiteral("error"), failure}});
        return internalError();
    }
    page.serverSequence = state.lastSequence;
    page.horizon = state.horizon;
    if (tooOld || fromElsewhere) {
        page.resyncRequired = true;
        return page;
    }
    if (page.rows.size() > limit) {
        page.rows.resize(limit);
        page.hasMore = true;
        page.next = page.rows.constLast().sequence;
    } else {
        // The scan reached the feed's end in this snapshot: skipped reports included.
        page.next = state.lastSequence;
    }

    qint64 patients = 0;
    qint64 firstSequence = 0;
    qint64 lastSequence = 0;
    for (const FeedRow &row : std::as_const(page.rows)) {
        if (row.entity != EntityKind::Patient)
            continue;
        if (patients++ == 0)
            firstSequence = row.sequence;
        lastSequence = row.sequence;
    }
    if (patients > 0) {
        // Patient data leaves the server only with its audit event written.
        const QJsonObject details{{QStringLiteral("count"), double(patients)},
                                  {QStringLiteral("firstSequence"), double(firstSequence)},
                                  {QStringLiteral("lastSequence"), double(lastSequence)}};
        const bool audited = m_database.writeTransaction(
            [&](QSqlDatabase &writeDb) {
                return audit(writeDb, actor, QStringLiteral("patient.read"), QStringLiteral("patient"),
                             QString(), details, &failure);
            },
            &failure);
        if (!audited) {
            JsonLogger::instance().error(
                QStringLiteral("sync.pull_audit_failed"),
                {{QStringLiteral("clinicId"), actor.clinicId}, {QStringLiteral("error"), failure}});
            return internalError();
        }
    }
    return page;
}

Outcome<CompactionReport> SyncService::compact(int olderThanDays, const Actor &operatorActor)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 cutoff = olderThanDays <= 0 ? now + 1 : now - qint64(olderThanDays) * kMsPerDay;
    CompactionReport report;
    QString failure;
    const bool committed = m_database.writeTransaction(
        [&](QSqlDatabase &db) {
            report = CompactionReport();
            if (!m_store.compactTombstones(cutoff, &report.clinics, &failure))
                return false;
            for (const CompactedClinic &clinic : std::as_const(report.clinics)) {
                report.removed += clinic.removed;
                Actor actor = operatorActor;
                actor.clinicId = clinic.clinicId;
                if (!audit(db, actor, QStringLiteral("sync.compact"), QStringLiteral("clinic"),
                           clinic.clinicId,
                           {{QStringLiteral("removedTombstones"), double(clinic.removed)},
                            {QStringLiteral("horizon"), double(clinic.horizon)},
                            {QStringLiteral("olderThanDays"), olderThanDays}},
                           &failure))
                    return false;
            }
            return true;
        },
        &failure);
    if (!committed) {
        JsonLogger::instance().error(QStringLiteral("sync.compact_failed"),
                                     {{QStringLiteral("error"), failure}});
        return internalError();
    }
    return report;
}

bool SyncService::audit(QSqlDatabase &db, const Actor &actor, const QString &action,
                        const QString &targetType, const QString &targetId, const QJsonObject &details,
                        QString *error)
{
    AuditEntry entry;
    entry.clinicId = actor.clinicId;
    entry.actorUserId = actor.userId;
    entry.actorLogin = actor.isOperator() && actor.login.isEmpty() ? QStringLiteral("operator") : actor.login;
    entry.action = action;
    entry.targetType = targetType;
    entry.targetId = targetId;
    entry.clientAddress = actor.clientAddress.isNull() ? QString() : actor.clientAddress.toString();
    entry.details = details;
    return m_audit.append(db, entry, error);
}

} // namespace medora::server
