#include "store/SyncJournal.h"

#include "domain/EntityJson.h"
#include "domain/UuidV7.h"
#include "store/Outbox.h"
#include "store/PatientStore.h"
#include "store/PaymentStore.h"
#include "store/PreparedStatement.h"
#include "store/ReportStore.h"
#include "store/SqlValues.h"
#include "store/SyncRecordWriter.h"
#include "store/VisitStore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace medora {

namespace {

const QString kCursor = QStringLiteral("sync.cursor");
const QString kLastPullOk = QStringLiteral("sync.last_pull_ok_ms");
const QString kDatabaseId = QStringLiteral("sync.database_id");
const QString kResyncEpoch = QStringLiteral("sync.resync_epoch");
// "" when not resyncing; "horizon" after a 410 (rows the full pull does not bring back were
// deleted on the server); "database" when the server's database was replaced (rows it does
// not bring back were lost there and are pushed again).
const QString kResyncMode = QStringLiteral("sync.resync");
const QString kHorizonResync = QStringLiteral("horizon");
const QString kDatabaseResync = QStringLiteral("database");

constexpr int kPending = static_cast<int>(Outbox::State::Pending);
constexpr int kUploading = static_cast<int>(Outbox::State::Uploading);
constexpr int kError = static_cast<int>(Outbox::State::Error);
constexpr int kScanChunk = 256;
constexpr int kMinReadAhead = 16;
constexpr size_t kEntityKinds = 4;
// Pages from this many records decode on a second thread; below, a thread costs more than
// it saves.
constexpr qsizetype kParallelDecodeRecords = 64;
constexpr qsizetype kDecodeChunk = 32;
// A pull run with at least this many records still to come sets kDeferrableIndexes aside.
constexpr qint64 kDeferIndexesRecords = 10000;
const QStringList kDeferrableIndexes = {QStringLiteral("patient_name_birth"), QStringLiteral("patient_phone"),
                                        QStringLiteral("visit_patient"), QStringLiteral("report_patient"),
                                        QStringLiteral("payment_patient")};
// JSON around an op's data in the push body (opId, entity, id, baseRevision, changedFields).
constexpr qint64 kOpOverheadBytes = 320;
// A retryable refusal (something the op needs has not arrived yet) waits before its next
// try: 1 s, 2 s, 4 s ... at most a minute, so an op whose parent is late neither spins nor
// waits long once the parent is there.
constexpr qint64 kRetryBaseMs = 1000;
constexpr qint64 kRetryMaxMs = 60 * 1000;

const QList<EntityKind> kEntities = {EntityKind::Patient, EntityKind::Visit, EntityKind::Report,
                                     EntityKind::Payment};

struct Entry
{
    qint64 seq = 0;
    QUuid opId;
    EntityKind entity = EntityKind::Patient;
    qint64 localId = 0;
    qint64 rangeLast = -1; // >= 0: a bulk range entry
    PushAction action = PushAction::Upsert;
    QStringList changedFields;
    Outbox::State state = Outbox::State::Pending;
    bool sent = false;
    int attempts = 0;
    qint64 orderSeq = 0;
    qint64 queuedMs = 0;
    qint64 notBeforeMs = 0;
};

const QString kEntryColumns =
    QStringLiteral("seq, op_id, entity, local_id, range_last, action, changed_fields,"
                   " state, sent, attempts, order_seq, queued_ms, not_before_ms");

Entry readEntry(const QSqlQuery &query)
{
    Entry entry;
    entry.seq = query.value(0).toLongLong();
    entry.opId = QUuid::fromString(query.value(1).toString());
    entry.entity = static_cast<EntityKind>(query.value(2).toInt());
    entry.localId = query.value(3).toLongLong();
    entry.rangeLast = query.value(4).isNull() ? -1 : query.value(4).toLongLong();
    entry.action = static_cast<PushAction>(query.value(5).toInt());
    const QString fields = query.value(6).toString();
    entry.changedFields = fields.isEmpty() ? QStringList() : fields.split(QLatin1Char(','));
    entry.state = static_cast<Outbox::State>(query.value(7).toInt());
    entry.sent = query.value(8).toInt() != 0;
    entry.attempts = query.value(9).toInt();
    entry.orderSeq = query.value(10).toLongLong();
    entry.queuedMs = query.value(11).toLongLong();
    entry.notBeforeMs = query.value(12).toLongLong();
    return entry;
}

// One local row as a push needs it: its data as now, and what it depends on.
struct RowData
{
    bool found = false;
    QUuid id;
    qint64 revision = 0;
    bool deleted = false;
    SyncState state = SyncState::New;
    QJsonObject data;
    QList<QPair<EntityKind, QUuid>> parents;
};

qint64 compactJsonSize(const QJsonValue &value);

qint64 compactJsonSize(const QString &text)
{
    qint64 size = 2; // the quotes
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\')
            size += 2;
        else if (u < 0x20)
            size += 6; // \u00XX at most
        else if (u < 0x80)
            size += 1;
        else if (u < 0x800 || c.isSurrogate())
            size += 2; // a surrogate pair is 4 bytes in all
        else
            size += 3;
    }
    return size;
}

qint64 compactJsonSize(const QJsonObject &object)
{
    qint64 size = 2 + std::max<qint64>(0, object.size() - 1);
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        size += compactJsonSize(it.key()) + 1 + compactJsonSize(it.value());
    return size;
}

// The length of the compact JSON text of a value, without printing it: the batch budget is
// checked for every op taken, and printing each op only to measure it cost more than reading
// its row. Numbers count as their widest form.
qint64 compactJsonSize(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return 4;
    case QJsonValue::Bool:
        return value.toBool() ? 4 : 5;
    case QJsonValue::Double:
        return 24;
    case QJsonValue::String:
        return compactJsonSize(value.toString());
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        qint64 size = 2 + std::max<qint64>(0, array.size() - 1);
        for (const QJsonValue &item : array)
            size += compactJsonSize(item);
        return size;
    }
    case QJsonValue::Object:
        return compactJsonSize(value.toObject());
    case QJsonValue::Undefined:
        return 0;
    }
    return 0;
}

// What every kind's row gives a push; the kinds add their tombstone flag and parents.
template <typename Entity> RowData commonRowData(const Entity &entity)
{
    RowData row;
    row.found = true;
    row.id = entity.id;
    row.revision = entity.revision;
    row.state = entity.syncState;
    row.data = EntityJson::toJson(entity);
    return row;
}

RowData rowDataOf(const Patient &patient)
{
    RowData row = commonRowData(patient);
    row.deleted = patient.deleted;
    return row;
}

RowData rowDataOf(const Visit &visit)
{
    RowData row = commonRowData(visit);
    row.deleted = visit.deleted;
    row.parents.append({EntityKind::Patient, visit.patientId});
    return row;
}

RowData rowDataOf(const Report &report)
{
    RowData row = commonRowData(report);
    row.deleted = report.deleted;
    row.parents.append({EntityKind::Visit, report.visitId});
    if (!report.addendumTo.isNull())
        row.parents.append({EntityKind::Report, report.addendumTo});
    return row;
}

RowData rowDataOf(const Payment &payment)
{
    RowData row = commonRowData(payment); // an entry never changes or goes, so never deleted
    row.parents.append({EntityKind::Patient, payment.patientId});
    if (!payment.visitId.isNull())
        row.parents.append({EntityKind::Visit, payment.visitId});
    if (!payment.reverses.isNull())
        row.parents.append({EntityKind::Payment, payment.reverses});
    return row;
}

bool loadRowData(Database &database, EntityKind entity, qint64 localId, RowData *row)
{
    *row = RowData();
    switch (entity) {
    case EntityKind::Patient:
        if (const std::optional<Patient> patient = PatientStore(database).get(localId))
            *row = rowDataOf(*patient);
        break;
    case EntityKind::Visit:
        if (const std::optional<Visit> visit = VisitStore(database).get(localId))
            *row = rowDataOf(*visit);
        break;
    case EntityKind::Report:
        if (const std::optional<Report> report = ReportStore(database).get(localId))
            *row = rowDataOf(*report);
        break;
    case EntityKind::Payment:
        if (const std::optional<Payment> payment = PaymentStore(database).get(localId))
            *row = rowDataOf(*payment);
        break;
    }
    return database.lastError().ok();
}

// The rows of one kind that exist among `localIds`, read with one statement: a statement
// per row costs more in QSqlQuery's own work than SQLite spends finding the row.
bool loadRowsData(Database &database, EntityKind entity, const std::vector<qint64> &localIds,
                  QHash<qint64, RowData> *rows)
{
    const auto take = [rows](const auto &list) {
        for (const auto &value : list)
            rows->insert(value.localId, rowDataOf(value));
    };
    switch (entity) {
    case EntityKind::Patient:
        take(PatientStore(database).getMany(localIds));
        break;
    case EntityKind::Visit:
        take(VisitStore(database).getMany(localIds));
        break;
    case EntityKind::Report:
        take(ReportStore(database).getMany(localIds));
        break;
    case EntityKind::Payment:
        take(PaymentStore(database).getMany(localIds));
        break;
    }
    return database.lastError().ok();
}

QString rowKey(EntityKind entity, qint64 localId)
{
    return QString::number(static_cast<int>(entity)) + QLatin1Char(':') + QString::number(localId);
}

QString uuidKey(EntityKind entity, const QUuid &id)
{
    return QString::number(static_cast<int>(entity)) + QLatin1Char(':') + SqlValues::uuid(id);
}

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QMap<QString, QJsonValue> jsonMap(const QString &text)
{
    QMap<QString, QJsonValue> map;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        map.insert(it.key(), it.value());
    return map;
}

// What a row becomes when its upload did not go through: it is waiting again.
SyncState waitingState(qint64 revision)
{
    return revision == 0 ? SyncState::New : SyncState::Modified;
}

QString reasonText(const QString &code, const QString &message, const QString &field)
{
    static const QHash<QString, const char *> reasons = {
        {QStringLiteral("missing_dependency"),
         QT_TRANSLATE_NOOP(
             "SyncJournal",
             "Something this change needs (its patient, visit or report) has not reached the server yet.")},
        {QStringLiteral("parent_deleted"),
         QT_TRANSLATE_NOOP("SyncJournal",
                           "The patient, visit or report this change belongs to was deleted on the server.")},
        {QStringLiteral("signed_report_immutable"),
         QT_TRANSLATE_NOOP(
             "SyncJournal",
             "The report is signed on the server and can no longer change. Write an addendum instead.")},
        {QStringLiteral("not_author"),
         QT_TRANSLATE_NOOP("SyncJournal", "Only the doctor who wrote this draft may change it.")},
        {QStringLiteral("payment_immutable"),
         QT_TRANSLATE_NOOP("SyncJournal",
                           "A recorded payment cannot change. Add a reversing entry instead.")},
        {QStringLiteral("forbidden"),
         QT_TRANSLATE_NOOP("SyncJournal", "Your role does not allow this change.")},
        {QStringLiteral("no_result"),
         QT_TRANSLATE_NOOP("SyncJournal", "The server did not answer this change.")},
    };
    if (const char *known = reasons.value(code))
        return SyncJournal::tr(known);
    if (message.isEmpty())
        return SyncJournal::tr("The server refused this change (%1).").arg(code);
    return field.isEmpty() ? message : SyncJournal::tr("%1 (%2)").arg(message, field);
}

QString rowLabel(Database &database, EntityKind entity, qint64 localId, const QUuid &id)
{
    const auto patientLabel = [&database](const QUuid &patientId) {
        QSqlQuery query(database.connection());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT rowid FROM patient WHERE uuid = ?"));
        query.addBindValue(SqlValues::uuid(patientId));
        if (query.exec() && query.next()) {
            if (const std::optional<Patient> patient =
                    PatientStore(database).get(query.value(0).toLongLong()))
                return SyncJournal::tr("%1 (%2)").arg(patient->displayName(), patient->number);
        }
        return SyncJournal::tr("patient %1").arg(SqlValues::uuid(patientId));
    };
    const QLocale locale;
    switch (entity) {
    case EntityKind::Patient:
        if (const std::optional<Patient> patient = PatientStore(database).get(localId))
            return SyncJournal::tr("%1 (%2)").arg(patient->displayName(), patient->number);
        break;
    case EntityKind::Visit:
        if (const std::optional<Visit> visit = VisitStore(database).get(localId))
            return SyncJournal::tr("Visit of %1, ticket %2 on %3")
                .arg(patientLabel(visit->patientId))
                .arg(visit->ticket)
                .arg(locale.toString(visit->day, QLocale::ShortFormat));
        break;
    case EntityKind::Report:
        if (const std::optional<Report> report = ReportStore(database).get(localId))
            return SyncJournal::tr("Report for %1 of %2")
                .arg(patientLabel(report->patientId),
                     locale.toString(report->createdAt.toLocalTime(), QLocale::ShortFormat));
        break;
    case EntityKind::Payment:
        if (const std::optional<Payment> payment = PaymentStore(database).get(localId))
            return SyncJournal::tr("Payment of %1 so'm for %2")
                .arg(locale.toString(payment->amount), patientLabel(payment->patientId));
        break;
    }
    return SyncJournal::tr("%1 %2").arg(SyncEntity::name(entity), SqlValues::uuid(id));
}

bool retryWhere(Database &database, const QString &condition)
{
    QSqlQuery query(database.connection());
    if (!query.exec(
            QStringLiteral("UPDATE outbox SET state = %1, attempts = 0, not_before_ms = 0, reason_code = '',"
                           " reason_message = '', reason_field = '' WHERE %2")
                .arg(kPending)
                .arg(condition))) {
        database.fail(query.lastError(), SyncJournal::tr("retry the change"));
        return false;
    }
    return true;
}

bool retryRow(Database &database, EntityKind entity, qint64 localId)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("UPDATE %1 SET sync_state = CASE WHEN revision = 0 THEN %2 ELSE %3 END"
                                 " WHERE rowid = ? AND sync_state = %4")
                      .arg(Outbox::tableName(entity))
                      .arg(static_cast<int>(SyncState::New))
                      .arg(static_cast<int>(SyncState::Modified))
                      .arg(static_cast<int>(SyncState::Error)));
    query.addBindValue(localId);
    if (!query.exec()) {
        database.fail(query.lastError(), SyncJournal::tr("retry the change"));
        return false;
    }
    return true;
}

bool loadOpenConflict(Database &database, qint64 conflictId, EntityKind entity, SyncConflict *conflict,
                      qint64 *localId)
{
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT entity, entity_uuid, local_id, local_values, server_values, other_uuid"
                       " FROM sync_conflict WHERE id = ? AND resolved_ms IS NULL"));
    query.addBindValue(conflictId);
    if (!query.exec() || !query.next() || static_cast<EntityKind>(query.value(0).toInt()) != entity) {
        if (query.lastError().isValid())
            database.fail(query.lastError(), SyncJournal::tr("read the conflict"));
        else
            database.setError(StoreError::Code::NotFound,
                              SyncJournal::tr("That conflict is already resolved or is not a %1 conflict.")
                                  .arg(SyncEntity::name(entity)));
        return false;
    }
    conflict->conflictId = conflictId;
    conflict->entity = entity;
    conflict->entityId = SqlValues::toUuid(query.value(1));
    *localId = query.value(2).toLongLong();
    conflict->localValues = jsonMap(query.value(3).toString());
    conflict->serverValues = jsonMap(query.value(4).toString());
    conflict->otherReportId = SqlValues::toUuid(query.value(5));
    return true;
}

bool closeConflict(Database &database, qint64 conflictId)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("UPDATE sync_conflict SET resolved_ms = ? WHERE id = ?"));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(conflictId);
    if (!query.exec()) {
        database.fail(query.lastError(), SyncJournal::tr("close the conflict"));
        return false;
    }
    return true;
}

// A row leaves Conflict once nothing about it is open any more: Synced when nothing waits
// for the server either (a waiting edit has made it Modified already).
bool settleRowState(Database &database, EntityKind entity, qint64 localId)
{
    QSqlQuery query(database.connection());
    query.prepare(
        QStringLiteral(
            "UPDATE %1 SET sync_state = %2 WHERE rowid = ? AND sync_state = %3"
            " AND NOT EXISTS (SELECT 1 FROM sync_conflict WHERE entity = ? AND local_id = ?"
            " AND resolved_ms IS NULL)"
            " AND NOT EXISTS (SELECT 1 FROM outbox WHERE entity = ? AND local_id = ? AND range_last IS NULL)")
            .arg(Outbox::tableName(entity))
            .arg(static_cast<int>(SyncState::Synced))
            .arg(static_cast<int>(SyncState::Conflict)));
    query.addBindValue(localId);
    query.addBindValue(static_cast<int>(entity));
    query.addBindValue(localId);
    query.addBindValue(static_cast<int>(entity));
    query.addBindValue(localId);
    if (!query.exec()) {
        database.fail(query.lastError(), SyncJournal::tr("close the conflict"));
        return false;
    }
    return true;
}

} // namespace

SyncJournal::SyncJournal(Database &database) : m_database(database) {}

// --- push --------------------------------------------------------------------------------

bool SyncJournal::recoverInterruptedUploads()
{
    m_database.clearError();
    if (!m_database.begin())
        return false;
    QSqlQuery query(m_database.connection());
    for (EntityKind entity : kEntities) {
        const QString sql =
            QStringLiteral(
                "UPDATE %1 SET sync_state = CASE WHEN revision = 0 THEN %2 ELSE %3 END"
                " WHERE sync_state = %4 AND rowid IN (SELECT local_id FROM outbox WHERE entity = %5"
                " AND state = %6 AND range_last IS NULL)")
                .arg(Outbox::tableName(entity))
                .arg(static_cast<int>(SyncState::New))
                .arg(static_cast<int>(SyncState::Modified))
                .arg(static_cast<int>(SyncState::Uploading))
                .arg(static_cast<int>(entity))
                .arg(kUploading);
        if (!query.exec(sql)) {
            m_database.fail(query.lastError(), tr("recover the interrupted upload"));
            m_database.rollback();
            return false;
        }
    }
    if (!query.exec(
            QStringLiteral("UPDATE outbox SET state = %1 WHERE state = %2").arg(kPending).arg(kUploading))) {
        m_database.fail(query.lastError(), tr("recover the interrupted upload"));
        m_database.rollback();
        return false;
    }
    if (!m_database.commit()) {
        m_database.rollback();
        return false;
    }
    return true;
}

bool SyncJournal::takeBatch(int maxOps, qint64 maxBytes, QList<PushOperation> *ops)
{
    m_database.clearError();
    ops->clear();
    if (maxOps <= 0)
        return true;
    const QString what = tr("prepare the changes for the server");
    if (!m_database.begin())
        return false;
    const auto abandon = [this, ops] {
        m_database.rollback();
        ops->clear();
        return false;
    };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    // A row's entries go in order: while one is uploading or in the error list, the later
    // ones wait. The same holds inside one scan: only the first pending entry of a row may go.
    QSet<QString> rowsSeen;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT entity, local_id FROM outbox WHERE state IN (%1, %2)"
                                   " AND range_last IS NULL")
                        .arg(kUploading)
                        .arg(kError))) {
        m_database.fail(query.lastError(), what);
        return abandon();
    }
    while (query.next())
        rowsSeen.insert(rowKey(static_cast<EntityKind>(query.value(0).toInt()), query.value(1).toLongLong()));
    query.finish();

    PreparedStatement markEntry(m_database.connection(),
                                QStringLiteral("UPDATE outbox SET state = ?, sent = 1, base_revision = ?,"
                                               " last_tried_ms = ? WHERE seq = ?"));
    QSqlQuery ownEntry(m_database.connection());
    ownEntry.setForwardOnly(true);
    ownEntry.prepare(
        QStringLiteral("SELECT 1 FROM outbox WHERE entity = ? AND local_id = ? AND range_last IS NULL"
                       " LIMIT 1"));
    QSqlQuery insertExpanded(m_database.connection());
    insertExpanded.prepare(
        QStringLiteral("INSERT OR IGNORE INTO outbox(op_id, entity, local_id, entity_uuid, action, state,"
                       " sent, base_revision, order_seq, queued_ms, last_tried_ms) VALUES(?, ?, ?, ?, 0, ?,"
                       " 1, ?, ?, ?, ?)"));
    SyncRecordWriter rows(m_database);

    QSet<QString> inBatch; // entity:uuid of the rows this batch carries
    struct Taken
    {
        PushOperation op;
        int order;
    };
    std::vector<Taken> taken;
    qint64 bytes = 0;
    bool full = false;

    // Builds the op for a row, or says why it must wait; appends it when it fits.
    const auto buildOp = [&](const Entry &entry, const QUuid &opId, const RowData &row, PushOperation *op) {
        op->opId = opId;
        op->entity = entry.entity;
        op->id = row.id;
        op->baseRevision = row.revision;
        op->action = row.deleted ? PushAction::Delete : entry.action;
        if (op->action == PushAction::Upsert) {
            op->data = row.data;
            if (entry.entity == EntityKind::Patient)
                op->changedFields =
                    row.revision == 0 ? EntityJson::patientMergeFields() : entry.changedFields;
        }
    };
    const auto opBytes = [](const PushOperation &op) {
        return kOpOverheadBytes + (op.data.isEmpty() ? 0 : compactJsonSize(op.data));
    };
    // A row whose parent is new here and not in this batch waits for the parent: the server
    // would refuse it (missing_dependency) anyway.
    const auto parentsReady = [&](const RowData &row) {
        for (const auto &[kind, id] : row.parents) {
            if (id.isNull() || inBatch.contains(uuidKey(kind, id)))
                continue;
            SyncRecordWriter::LocalRow parent;
            if (!rows.findRow(kind, id, &parent))
                return false;
            if (parent.localId != 0 && parent.revision == 0 && !parent.deleted)
                return false;
        }
        return true;
    };
    const auto mark = [&](EntityKind entity, qint64 localId, qint64 seq, qint64 baseRevision) {
        markEntry.bindInt64(0, kUploading);
        markEntry.bindInt64(1, baseRevision);
        markEntry.bindInt64(2, now);
        markEntry.bindInt64(3, seq);
        if (!markEntry.execute()) {
            m_database.fail(markEntry.lastError(), what);
            return false;
        }
        return rows.setState(entity, localId, SyncState::Uploading);
    };

    // A bulk range hands out its next rows as entries of their own, uploading at once. Their
    // op ids derive from the range's and the rowid, so expanding the same row twice (after
    // any failure) can only ever produce the same op.
    const auto expandRange = [&](const Entry &range) {
        qint64 next = range.localId;
        while (next <= range.rangeLast && !full && int(taken.size()) < maxOps) {
            const qint64 localId = next;
            ownEntry.bindValue(0, static_cast<int>(range.entity));
            ownEntry.bindValue(1, localId);
            if (!ownEntry.exec()) {
                m_database.fail(ownEntry.lastError(), what);
                return false;
            }
            const bool hasOwnEntry = ownEntry.next();
            ownEntry.finish();
            if (hasOwnEntry) { // edited or deleted since the import: that entry speaks for it
                ++next;
                continue;
            }
            RowData row;
            if (!loadRowData(m_database, range.entity, localId, &row))
                return false;
            if (!row.found || (row.deleted && row.revision == 0)) {
                ++next;
                continue;
            }
            Entry entry = range;
            entry.localId = localId;
            entry.rangeLast = -1;
            PushOperation op;
            buildOp(entry, QUuid::createUuidV5(range.opId, QString::number(localId)), row, &op);
            const qint64 size = opBytes(op);
            if (!taken.empty() && bytes + size > maxBytes) {
                full = true;
                break;
            }
            insertExpanded.bindValue(0, SqlValues::uuid(op.opId));
            insertExpanded.bindValue(1, static_cast<int>(range.entity));
            insertExpanded.bindValue(2, localId);
            insertExpanded.bindValue(3, SqlValues::uuid(row.id));
            insertExpanded.bindValue(4, kUploading);
            insertExpanded.bindValue(5, row.revision);
            insertExpanded.bindValue(6, range.orderSeq);
            insertExpanded.bindValue(7, range.queuedMs);
            insertExpanded.bindValue(8, now);
            if (!insertExpanded.exec()) {
                m_database.fail(insertExpanded.lastError(), what);
                return false;
            }
            ++next;
            if (insertExpanded.numRowsAffected() != 1)
                continue;
            if (!rows.setState(range.entity, localId, SyncState::Uploading))
                return false;
            bytes += size;
            rowsSeen.insert(rowKey(range.entity, localId));
            inBatch.insert(uuidKey(range.entity, row.id));
            taken.push_back({op, SyncEntity::dependencyRank(range.entity)});
        }
        QSqlQuery shrink(m_database.connection());
        if (next > range.rangeLast) {
            shrink.prepare(QStringLiteral("DELETE FROM outbox WHERE seq = ?"));
            shrink.addBindValue(range.seq);
        } else {
            shrink.prepare(QStringLiteral("UPDATE outbox SET local_id = ? WHERE seq = ?"));
            shrink.addBindValue(next);
            shrink.addBindValue(range.seq);
        }
        if (!shrink.exec()) {
            m_database.fail(shrink.lastError(), what);
            return false;
        }
        return true;
    };

    QSqlQuery scan(m_database.connection());
    scan.setForwardOnly(true);
    scan.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE state = %2 AND (order_seq > ? OR (order_seq = ?"
                                " AND seq > ?)) ORDER BY order_seq, seq LIMIT %3")
                     .arg(kEntryColumns)
                     .arg(kPending)
                     .arg(kScanChunk));
    qint64 afterOrder = -1;
    qint64 afterSeq = -1;
    while (!full && int(taken.size()) < maxOps) {
        scan.bindValue(0, afterOrder);
        scan.bindValue(1, afterOrder);
        scan.bindValue(2, afterSeq);
        if (!scan.exec()) {
            m_database.fail(scan.lastError(), what);
            return abandon();
        }
        std::vector<Entry> chunk;
        while (scan.next())
            chunk.push_back(readEntry(scan));
        scan.finish();
        if (chunk.empty())
            break;
        afterOrder = chunk.back().orderSeq;
        afterSeq = chunk.back().seq;
        // Rows are read ahead for the entries that may still fit, a kind at a time.
        std::array<QHash<qint64, RowData>, kEntityKinds> readAhead;
        size_t readUpTo = 0;
        const auto readAheadFrom = [&](size_t first) {
            std::array<std::vector<qint64>, kEntityKinds> wanted;
            const size_t room = size_t(std::max(kMinReadAhead, maxOps - int(taken.size())));
            size_t index = first;
            for (size_t count = 0; index < chunk.size() && count < room; ++index) {
                const Entry &candidate = chunk[index];
                if (candidate.rangeLast >= 0 || candidate.notBeforeMs > now)
                    continue;
                wanted[size_t(candidate.entity)].push_back(candidate.localId);
                ++count;
            }
            readUpTo = index;
            for (size_t kind = 0; kind < kEntityKinds; ++kind) {
                if (!wanted[kind].empty() &&
                    !loadRowsData(m_database, static_cast<EntityKind>(kind), wanted[kind], &readAhead[kind]))
                    return false;
            }
            return true;
        };
        for (size_t position = 0; position < chunk.size(); ++position) {
            const Entry &entry = chunk[position];
            if (full || int(taken.size()) >= maxOps)
                break;
            if (entry.rangeLast >= 0) {
                if (!expandRange(entry))
                    return abandon();
                continue;
            }
            const QString key = rowKey(entry.entity, entry.localId);
            if (rowsSeen.contains(key))
                continue;
            rowsSeen.insert(key);
            if (entry.notBeforeMs > now)
                continue;
            if (position >= readUpTo && !readAheadFrom(position))
                return abandon();
            // A row read ahead is as it is now: nothing in this transaction writes row data.
            const RowData row = readAhead[size_t(entry.entity)].value(entry.localId);
            if (!row.found) {
                // The row itself is gone (never happens through the stores); an op about
                // nothing cannot be sent, and nothing is lost by dropping it.
                QSqlQuery drop(m_database.connection());
                drop.prepare(QStringLiteral("DELETE FROM outbox WHERE seq = ?"));
                drop.addBindValue(entry.seq);
                if (!drop.exec()) {
                    m_database.fail(drop.lastError(), what);
                    return abandon();
                }
                continue;
            }
            if (!parentsReady(row)) {
                if (!m_database.lastError().ok())
                    return abandon();
                continue;
            }
            PushOperation op;
            buildOp(entry, entry.opId, row, &op);
            const qint64 size = opBytes(op);
            if (!taken.empty() && bytes + size > maxBytes) {
                full = true;
                break;
            }
            if (!mark(entry.entity, entry.localId, entry.seq, row.revision))
                return abandon();
            bytes += size;
            inBatch.insert(uuidKey(entry.entity, row.id));
            taken.push_back({op, SyncEntity::dependencyRank(entry.entity)});
        }
    }
    if (!m_database.commit())
        return abandon();

    // Dependency order inside the batch; the stable sort keeps outbox order within a kind,
    // so an addendum still follows the report it corrects.
    std::stable_sort(taken.begin(), taken.end(),
                     [](const Taken &a, const Taken &b) { return a.order < b.order; });
    ops->reserve(qsizetype(taken.size()));
    for (Taken &item : taken)
        ops->append(std::move(item.op));
    return true;
}

bool SyncJournal::applyPushResults(const QList<PushOperation> &sent, const PushResponse &response)
{
    m_database.clearError();
    const QString what = tr("save the server's answer");
    QHash<QUuid, const PushResult *> results;
    for (const PushResult &result : response.results)
        results.insert(result.opId, &result);

    if (!m_database.begin())
        return false;
    const auto abandon = [this] {
        m_database.rollback();
        return false;
    };
    SyncRecordWriter writer(m_database);
    const bool resyncing = isResyncing();
    writer.setPullEpoch(m_database.meta(kResyncEpoch, QStringLiteral("0")).toLongLong());

    // What the answers need to know about the batch is read up front, a statement per kind
    // rather than several per op: the entries, their rows, later entries of the same rows
    // and open conflicts. A batch carries one entry per row, and nothing below moves another
    // op's row or entries, so these stay true while the answers are applied.
    QHash<QUuid, Entry> entries;
    std::array<QList<QUuid>, kEntityKinds> idsByKind;
    {
        // UUIDs print as hex digits and hyphens only, so they can stand in the statement.
        QStringList quoted;
        quoted.reserve(sent.size());
        for (const PushOperation &op : sent) {
            quoted.append(QLatin1Char('\'') + SqlValues::uuid(op.opId) + QLatin1Char('\''));
            idsByKind[size_t(op.entity)].append(op.id);
        }
        QSqlQuery query(m_database.connection());
        query.setForwardOnly(true);
        if (!quoted.isEmpty() && !query.exec(QStringLiteral("SELECT %1 FROM outbox WHERE op_id IN (%2)")
                                                 .arg(kEntryColumns, quoted.join(QLatin1Char(','))))) {
            m_database.fail(query.lastError(), what);
            return abandon();
        }
        while (query.next()) {
            const Entry entry = readEntry(query);
            entries.insert(entry.opId, entry);
        }
    }
    std::array<QHash<QUuid, SyncRecordWriter::LocalRow>, kEntityKinds> rowsByKind;
    QSet<QString> rowsWithOthers; // rowKey: entries of the row besides the batch's own
    QSet<QString> rowsInConflict; // rowKey: open conflict records
    for (size_t kind = 0; kind < kEntityKinds; ++kind) {
        const EntityKind entity = static_cast<EntityKind>(kind);
        if (idsByKind[kind].isEmpty())
            continue;
        if (!writer.findRows(entity, idsByKind[kind], &rowsByKind[kind]))
            return abandon();
        QSet<qint64> batchSeqs;
        QStringList localIds;
        for (const Entry &entry : std::as_const(entries)) {
            if (entry.entity == entity) {
                batchSeqs.insert(entry.seq);
                localIds.append(QString::number(entry.localId));
            }
        }
        for (const SyncRecordWriter::LocalRow &row : std::as_const(rowsByKind[kind])) {
            if (row.localId != 0)
                localIds.append(QString::number(row.localId));
        }
        if (localIds.isEmpty())
            continue;
        const QString idList = localIds.join(QLatin1Char(','));
        QSqlQuery query(m_database.connection());
        query.setForwardOnly(true);
        if (!query.exec(
                QStringLiteral("SELECT local_id, seq FROM outbox WHERE entity = %1 AND local_id IN (%2)"
                               " AND range_last IS NULL")
                    .arg(kind)
                    .arg(idList))) {
            m_database.fail(query.lastError(), what);
            return abandon();
        }
        while (query.next()) {
            if (!batchSeqs.contains(query.value(1).toLongLong()))
                rowsWithOthers.insert(rowKey(entity, query.value(0).toLongLong()));
        }
        if (!query.exec(
                QStringLiteral("SELECT local_id FROM sync_conflict WHERE entity = %1 AND local_id IN (%2)"
                               " AND resolved_ms IS NULL")
                    .arg(kind)
                    .arg(idList))) {
            m_database.fail(query.lastError(), what);
            return abandon();
        }
        while (query.next())
            rowsInConflict.insert(rowKey(entity, query.value(0).toLongLong()));
    }
    const auto findRow = [&](EntityKind entity, const QUuid &id, SyncRecordWriter::LocalRow *row) {
        const auto found = rowsByKind[size_t(entity)].constFind(id);
        if (found != rowsByKind[size_t(entity)].constEnd()) {
            *row = found.value();
            return true;
        }
        return writer.findRow(entity, id, row);
    };
    PreparedStatement deleteEntry(m_database.connection(),
                                  QStringLiteral("DELETE FROM outbox WHERE seq = ?"));
    QSqlQuery rejectEntry(m_database.connection());
    rejectEntry.prepare(
        QStringLiteral("UPDATE outbox SET state = ?, attempts = ?, sent = 0, op_id = ?, not_before_ms = ?,"
                       " last_tried_ms = ?, reason_code = ?, reason_message = ?, reason_field = ? WHERE seq"
                       " = ?"));
    QSqlQuery addConflict(m_database.connection());
    addConflict.prepare(
        QStringLiteral("INSERT INTO sync_conflict(entity, entity_uuid, local_id, server_revision,"
                       " local_values, server_values, other_uuid, detected_ms) VALUES(?, ?, ?, ?, ?, ?, ?,"
                       " ?)"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    const auto hasOthers = [&](const Entry &entry) {
        return rowsWithOthers.contains(rowKey(entry.entity, entry.localId));
    };
    const auto hasOpenConflict = [&](EntityKind entity, qint64 localId) {
        return rowsInConflict.contains(rowKey(entity, localId));
    };
    const auto remove = [&](const Entry &entry) {
        deleteEntry.bindInt64(0, entry.seq);
        if (!deleteEntry.execute()) {
            m_database.fail(deleteEntry.lastError(), what);
            return false;
        }
        return true;
    };
    const auto revisionOf = [](const PushResult &result) {
        return result.revision > 0 ? result.revision : result.record.revision;
    };
    const auto recordFits = [](const PushResult &result, const PushOperation &op) {
        return result.hasRecord && result.record.entity == op.entity && result.record.id == op.id;
    };

    // The row takes the server's version of itself from an answer. The op is done whatever
    // the answer looks like: a record this version cannot read only leaves the row's data as
    // it is (the pull stops on that record and says why).
    const auto takeRecord = [&](const PushResult &result, const PushOperation &op, qint64 localId,
                                qint64 revision, SyncState state) {
        if (recordFits(result, op) && !result.record.deleted && result.record.data == op.data) {
            // The server stored what was sent: decoding the record and writing every column
            // again would change nothing but these.
            return writer.setAcknowledged(op.entity, localId, revision, state, result.record.updatedAt) &&
                   (!resyncing || writer.markSeen(op.entity, localId));
        }
        if (recordFits(result, op)) {
            if (writer.write(result.record, localId, state))
                return true;
            if (m_database.lastError().code != StoreError::Code::Invalid)
                return false;
            qWarning("%s", qPrintable(m_database.lastError().message));
            m_database.clearError();
        }
        return writer.setRevision(op.entity, localId, revision) &&
               writer.setState(op.entity, localId, state) &&
               (!resyncing || writer.markSeen(op.entity, localId));
    };

    // The op is done; the row takes the server's version unless another local edit waits.
    const auto applied = [&](const Entry &entry, const PushOperation &op, const PushResult &result) {
        if (!remove(entry))
            return false;
        SyncRecordWriter::LocalRow row;
        if (!findRow(op.entity, op.id, &row))
            return false;
        if (row.localId == 0)
            return true;
        const bool others = hasOthers(entry);
        const bool conflicted = hasOpenConflict(op.entity, row.localId);
        const qint64 revision = std::max(row.revision, revisionOf(result));
        if (others) {
            // Rebase: the waiting edit is pushed on top of the revision just made.
            return writer.setRevision(op.entity, row.localId, revision) &&
                   (row.state != SyncState::Uploading ||
                    writer.setState(op.entity, row.localId, SyncState::Modified)) &&
                   (!resyncing || writer.markSeen(op.entity, row.localId));
        }
        const SyncState state = conflicted ? SyncState::Conflict : SyncState::Synced;
        return takeRecord(result, op, row.localId, revision, state);
    };

    const auto conflict = [&](const Entry &entry, const PushOperation &op, const PushResult &result) {
        if (!remove(entry))
            return false;
        SyncRecordWriter::LocalRow row;
        if (!findRow(op.entity, op.id, &row))
            return false;
        const bool others = row.localId != 0 && hasOthers(entry);
        const qint64 revision = std::max(row.revision, revisionOf(result));
        QJsonObject localValues;
        QJsonObject serverValues;
        QUuid otherId;
        bool othersMoved = false;

        if (op.entity == EntityKind::Report && !result.keptAsId.isNull()) {
            // The server kept the pushed draft as a copy of its own. The copy gets the newest
            // local text: the pushed one, or a later edit still waiting (that edit then goes to
            // the copy, so it cannot overwrite the other PC's version on the server).
            otherId = result.keptAsId;
            SyncRecordWriter::LocalRow copyRow;
            if (!writer.findRow(EntityKind::Report, otherId, &copyRow))
                return false;
            Report copy;
            bool haveCopy = false;
            if (others && row.localId) {
                if (const std::optional<Report> current = ReportStore(m_database).get(row.localId)) {
                    copy = *current;
                    haveCopy = true;
                }
            }
            if (!haveCopy) {
                FieldErrors errors;
                haveCopy = EntityJson::fromJson(op.data, &copy, &errors);
            }
            if (haveCopy && copyRow.localId == 0) {
                copy.id = otherId;
                copy.variantOf = op.id;
                copy.status = ReportStatus::Draft;
                copy.signedAt = QDateTime();
                copy.updatedAt = SqlValues::nowUtc();
                // The server made the copy as a new row: its first revision.
                if (!writer.writeReport(copy, 0, 1, others ? SyncState::Modified : SyncState::Conflict,
                                        &copyRow.localId))
                    return false;
                if (others) {
                    QSqlQuery move(m_database.connection());
                    move.prepare(QStringLiteral(
                        "UPDATE outbox SET local_id = ?, entity_uuid = ? WHERE entity = ?"
                        " AND local_id = ? AND range_last IS NULL AND sent = 0 AND state <> ?"));
                    move.addBindValue(copyRow.localId);
                    move.addBindValue(SqlValues::uuid(otherId));
                    move.addBindValue(static_cast<int>(EntityKind::Report));
                    move.addBindValue(row.localId);
                    move.addBindValue(kUploading);
                    if (!move.exec()) {
                        m_database.fail(move.lastError(), what);
                        return false;
                    }
                    othersMoved = move.numRowsAffected() > 0;
                }
            } else if (copyRow.localId != 0 &&
                       !writer.setState(EntityKind::Report, copyRow.localId, SyncState::Conflict)) {
                return false;
            }
            if (recordFits(result, op))
                serverValues.insert(QStringLiteral("sections"),
                                    result.record.data.value(QLatin1String("sections")));
            localValues.insert(QStringLiteral("sections"), op.data.value(QLatin1String("sections")));
        } else {
            QStringList fields = result.conflictFields;
            if (fields.isEmpty() && recordFits(result, op)) {
                // A kind the server does not merge: every key that differs.
                for (auto it = op.data.constBegin(); it != op.data.constEnd(); ++it) {
                    if (result.record.data.value(it.key()) != it.value())
                        fields.append(it.key());
                }
            }
            for (const QString &field : std::as_const(fields)) {
                localValues.insert(field, result.conflictValues.contains(field)
                                              ? result.conflictValues.value(field)
                                              : op.data.value(field));
                serverValues.insert(field, result.record.data.value(field));
            }
        }

        addConflict.bindValue(0, static_cast<int>(op.entity));
        addConflict.bindValue(1, SqlValues::uuid(op.id));
        addConflict.bindValue(2, row.localId);
        addConflict.bindValue(3, revision);
        addConflict.bindValue(4, jsonText(localValues));
        addConflict.bindValue(5, jsonText(serverValues));
        addConflict.bindValue(6, SqlValues::optionalUuid(otherId));
        addConflict.bindValue(7, now);
        if (!addConflict.exec()) {
            m_database.fail(addConflict.lastError(), what);
            return false;
        }
        if (row.localId == 0)
            return true;
        if (others && !othersMoved)
            return writer.setRevision(op.entity, row.localId, revision) &&
                   (row.state != SyncState::Uploading ||
                    writer.setState(op.entity, row.localId, SyncState::Modified));
        // The row shows the server's version (the merged patient, the other PC's draft);
        // what this PC had is in the conflict record.
        return takeRecord(result, op, row.localId, revision, SyncState::Conflict);
    };

    // Refused: the server applied nothing, so the op gets a fresh id (the old one may be
    // remembered with this answer) and may take later edits again.
    const auto rejected = [&](const Entry &entry, const PushOperation &op, const PushResult &result) {
        const int attempts = entry.attempts + 1;
        const bool retry = result.retryable && attempts < kMaxTransportAttempts;
        const qint64 delay = std::min(kRetryMaxMs, kRetryBaseMs << std::min(attempts - 1, 16));
        rejectEntry.bindValue(0, retry ? kPending : kError);
        rejectEntry.bindValue(1, attempts);
        rejectEntry.bindValue(2, SqlValues::uuid(UuidV7::generate()));
        rejectEntry.bindValue(3, retry ? now + delay : 0);
        rejectEntry.bindValue(4, now);
        rejectEntry.bindValue(5, SqlValues::text(result.reasonCode));
        rejectEntry.bindValue(6, SqlValues::text(result.reasonMessage));
        rejectEntry.bindValue(7, SqlValues::text(result.reasonField));
        rejectEntry.bindValue(8, entry.seq);
        if (!rejectEntry.exec()) {
            m_database.fail(rejectEntry.lastError(), what);
            return false;
        }
        SyncRecordWriter::LocalRow row;
        if (!findRow(op.entity, op.id, &row))
            return false;
        if (row.localId == 0)
            return true;
        if (!retry)
            return writer.setState(op.entity, row.localId, SyncState::Error);
        if (row.state == SyncState::Uploading)
            return writer.setState(op.entity, row.localId, waitingState(row.revision));
        return true;
    };

    std::vector<Entry> unanswered;
    for (const PushOperation &op : sent) {
        const auto found = entries.constFind(op.opId);
        if (found == entries.constEnd())
            continue; // answered before (a replayed batch) or refused since under a new id
        const Entry &entry = found.value();
        const PushResult *result = results.value(op.opId);
        if (!result) {
            unanswered.push_back(entry);
            continue;
        }
        PushStatus status = result->status;
        if (status == PushStatus::Duplicate)
            status = result->firstStatus == PushStatus::Duplicate ? PushStatus::Applied : result->firstStatus;
        bool ok = false;
        switch (status) {
        case PushStatus::Applied:
        case PushStatus::Duplicate:
            ok = applied(entry, op, *result);
            break;
        case PushStatus::Conflict:
            ok = conflict(entry, op, *result);
            break;
        case PushStatus::Rejected:
            ok = rejected(entry, op, *result);
            break;
        }
        if (!ok)
            return abandon();
    }
    if (!writer.finish() || !m_database.commit())
        return abandon();
    if (!unanswered.empty()) {
        // An answer without a result for some op: it goes back to pending like a failed batch.
        QList<PushOperation> missing;
        for (const PushOperation &op : sent) {
            for (const Entry &entry : unanswered) {
                if (entry.opId == op.opId)
                    missing.append(op);
            }
        }
        return returnBatch(missing, QStringLiteral("no_result"),
                           tr("The server did not answer this change."));
    }
    return true;
}

bool SyncJournal::returnBatch(const QList<PushOperation> &sent, const QString &reasonCode,
                              const QString &reason)
{
    return putBack(sent, true, reasonCode, reason);
}

bool SyncJournal::releaseBatch(const QList<PushOperation> &taken)
{
    return putBack(taken, false, QString(), QString());
}

bool SyncJournal::putBack(const QList<PushOperation> &sent, bool countAttempt, const QString &reasonCode,
                          const QString &reason)
{
    m_database.clearError();
    const QString what = tr("put the changes back in the queue");
    if (!m_database.begin())
        return false;
    const auto abandon = [this] {
        m_database.rollback();
        return false;
    };
    SyncRecordWriter writer(m_database);
    QSqlQuery findEntry(m_database.connection());
    findEntry.setForwardOnly(true);
    findEntry.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE op_id = ?").arg(kEntryColumns));
    // The op id stays: the server may have applied the op before the answer was lost, and a
    // replay under the same id is then answered "duplicate".
    QSqlQuery update(m_database.connection());
    update.prepare(countAttempt
                       ? QStringLiteral("UPDATE outbox SET state = ?, attempts = ?, last_tried_ms = ?,"
                                        " reason_code = ?, reason_message = ?, reason_field = ''"
                                        " WHERE seq = ?")
                       : QStringLiteral("UPDATE outbox SET state = ? WHERE seq = ?"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const PushOperation &op : sent) {
        findEntry.bindValue(0, SqlValues::uuid(op.opId));
        if (!findEntry.exec()) {
            m_database.fail(findEntry.lastError(), what);
            return abandon();
        }
        if (!findEntry.next()) {
            findEntry.finish();
            continue;
        }
        const Entry entry = readEntry(findEntry);
        findEntry.finish();
        if (entry.state != Outbox::State::Uploading)
            continue;
        const int attempts = entry.attempts + (countAttempt ? 1 : 0);
        const bool giveUp = attempts >= kMaxTransportAttempts;
        update.bindValue(0, giveUp ? kError : kPending);
        if (countAttempt) {
            update.bindValue(1, attempts);
            update.bindValue(2, now);
            update.bindValue(3, SqlValues::text(reasonCode));
            update.bindValue(4, SqlValues::text(reason));
            update.bindValue(5, entry.seq);
        } else {
            update.bindValue(1, entry.seq);
        }
        if (!update.exec()) {
            m_database.fail(update.lastError(), what);
            return abandon();
        }
        SyncRecordWriter::LocalRow row;
        if (!writer.findRow(op.entity, op.id, &row))
            return abandon();
        if (row.localId == 0)
            continue;
        if (giveUp) {
            if (!writer.setState(op.entity, row.localId, SyncState::Error))
                return abandon();
        } else if (row.state == SyncState::Uploading &&
                   !writer.setState(op.entity, row.localId, waitingState(row.revision))) {
            return abandon();
        }
    }
    if (!m_database.commit())
        return abandon();
    return true;
}

// --- pull --------------------------------------------------------------------------------

bool SyncJournal::newerHere(qint64 revision, const QString &updatedAt, const SyncRecord &record)
{
    if (revision <= 0 || updatedAt.isEmpty())
        return false;
    bool localOk = false;
    bool serverOk = false;
    const QDateTime local = EntityJson::timeFromText(updatedAt, &localOk);
    const QDateTime server = EntityJson::timeFromText(record.updatedAt, &serverOk);
    return localOk && serverOk && local > server;
}

bool SyncJournal::requeueNewer(SyncRecordWriter &writer, const SyncRecord &record, qint64 localId,
                               bool deletedHere)
{
    if (!writer.setRevision(record.entity, localId, record.revision))
        return false;
    if (deletedHere && record.deleted)
        return true; // gone on both sides: nothing to send
    if (!writer.setState(record.entity, localId, SyncState::Modified))
        return false;
    Outbox outbox(m_database);
    if (deletedHere)
        return outbox.recordDelete(record.entity, localId, record.id, record.revision);
    // Every field goes, as for a new row: the server's older version differs in unknown ones.
    return outbox.recordUpsert(record.entity, localId, record.id,
                               record.entity == EntityKind::Patient ? EntityJson::patientMergeFields()
                                                                    : QStringList());
}

bool SyncJournal::applyPullPage(const PullPage &page)
{
    m_database.clearError();
    const QString what = tr("apply the server's changes");
    if (!m_database.begin())
        return false;
    const auto abandon = [this] {
        m_database.rollback();
        return false;
    };

    qint64 epoch = m_database.meta(kResyncEpoch, QStringLiteral("0")).toLongLong();
    QString mode = m_database.meta(kResyncMode);
    const QString knownDatabase = m_database.meta(kDatabaseId);
    if (!m_database.lastError().ok())
        return abandon();
    // The server's database was replaced (restored from a backup, say): its sequences and
    // revisions start over. This page is still the server's truth and is applied, but the
    // cursor goes back to 0 for a full pull, after which finishResync() pushes again what
    // the server no longer has.
    const bool databaseChanged =
        !knownDatabase.isEmpty() && !page.databaseId.isEmpty() && page.databaseId != knownDatabase;
    if (databaseChanged) {
        ++epoch;
        mode = kDatabaseResync;
        if (!m_database.setMeta(kResyncEpoch, QString::number(epoch)) ||
            !m_database.setMeta(kResyncMode, mode))
            return abandon();
    }
    const bool force = mode == kDatabaseResync;
    const bool resyncing = !mode.isEmpty();
    // While pages keep coming (a first pull, a resync) the indexes they fill outgrow the
    // usual page cache, and every page's commit dirties index pages all over them. Until the
    // last page of the run, the page cache gets a bulk import's bound and the WAL is copied
    // into the file less often (a page written by many commits is then copied once).
    m_database.setCacheSizeKiB(page.hasMore ? Database::kBulkCacheSizeKiB : Database::kCacheSizeKiB);
    m_database.setWalCheckpointPages(page.hasMore ? Database::kBulkWalCheckpointPages
                                                  : Database::kWalCheckpointPages);
    // A large catch-up (a first pull, a resync) sets the indexes keyed by names, phones and
    // patient ids aside until the feed is nearly read: their random inserts would otherwise
    // dirty most of their pages in every commit, tripling what is written. They are built
    // again, one sort each, in the transaction of the page that ends the run (or at the next
    // open, should the run be cut short); meanwhile duplicate checks scan the table.
    const bool bulkRun = page.hasMore && page.serverSequence - page.next >= kDeferIndexesRecords;
    if (bulkRun && !m_database.deferIndexes(kDeferrableIndexes))
        return abandon();

    SyncRecordWriter writer(m_database);
    writer.setPullEpoch(epoch);

    QHash<QUuid, SyncRecordWriter::LocalRow> local[4];
    {
        QList<QUuid> ids[4];
        for (const SyncRecord &record : page.changes)
            ids[static_cast<int>(record.entity)].append(record.id);
        for (EntityKind entity : kEntities) {
            const int index = static_cast<int>(entity);
            local[index].reserve(ids[index].size());
            if (!writer.findRows(entity, ids[index], &local[index]))
                return abandon();
        }
    }

    // Rows with an outbox entry keep their local data until the server has answered it,
    // whatever their state says (a conflicted row edited again, say). With an empty outbox
    // (the usual case for a large pull) no row needs that look-up.
    QSqlQuery counters(m_database.connection());
    counters.setForwardOnly(true);
    if (!counters.exec(QStringLiteral("SELECT pending_ops + error_ops FROM outbox_counter")) ||
        !counters.next()) {
        m_database.fail(counters.lastError(), what);
        return abandon();
    }
    const bool outboxBusy = counters.value(0).toLongLong() > 0;
    counters.finish();
    QSqlQuery ownEntry(m_database.connection());
    ownEntry.setForwardOnly(true);
    ownEntry.prepare(QStringLiteral(
        "SELECT 1 FROM outbox WHERE entity = ? AND local_id = ? AND range_last IS NULL LIMIT 1"));

    // Decoding (EntityJson) is about a fifth of a page's work and needs no database: on a
    // large page a second thread decodes the records ahead of the writes, so the two halves
    // overlap on a machine with two cores. Small pages decode as they go.
    const qsizetype count = page.changes.size();
    std::vector<SyncRecordWriter::Decoded> decoded(static_cast<size_t>(count));
    const bool parallel = count >= kParallelDecodeRecords && QThread::idealThreadCount() > 1;
    std::mutex mutex;
    std::condition_variable progressed;
    qsizetype decodedCount = 0; // guarded by mutex
    std::atomic<bool> stop{false};
    std::thread decoder;
    if (parallel) {
        decoder = std::thread([&] {
            for (qsizetype i = 0; i < count && !stop.load(std::memory_order_relaxed); ++i) {
                SyncRecordWriter::decode(page.changes[i], &decoded[size_t(i)]);
                if ((i + 1) % kDecodeChunk == 0 || i + 1 == count) {
                    {
                        std::lock_guard<std::mutex> lock(mutex);
                        decodedCount = i + 1;
                    }
                    progressed.notify_one();
                }
            }
        });
    }
    const auto joinDecoder = qScopeGuard([&] {
        stop = true;
        if (decoder.joinable())
            decoder.join();
    });
    qsizetype known = 0;
    const auto decodedAt = [&](qsizetype i) -> const SyncRecordWriter::Decoded & {
        if (!parallel) {
            SyncRecordWriter::decode(page.changes[i], &decoded[size_t(i)]);
        } else if (known <= i) {
            std::unique_lock<std::mutex> lock(mutex);
            progressed.wait(lock, [&] { return decodedCount > i; });
            known = decodedCount;
        }
        return decoded[size_t(i)];
    };

    for (qsizetype i = 0; i < count; ++i) {
        const SyncRecord &record = page.changes[i];
        QHash<QUuid, SyncRecordWriter::LocalRow> &rows = local[static_cast<int>(record.entity)];
        const auto found = rows.find(record.id);
        if (found == rows.end()) {
            if (record.deleted)
                continue; // a tombstone of a row never seen here
            qint64 localId = 0;
            if (!writer.write(record, decodedAt(i), 0, SyncState::Synced, &localId))
                return abandon();
            rows.insert(record.id, {localId, record.revision, SyncState::Synced, false, record.updatedAt});
            continue;
        }
        SyncRecordWriter::LocalRow &row = found.value();
        bool localChanges = row.state == SyncState::New || row.state == SyncState::Modified ||
                            row.state == SyncState::Uploading || row.state == SyncState::Error;
        if (!localChanges && outboxBusy) {
            ownEntry.bindValue(0, static_cast<int>(record.entity));
            ownEntry.bindValue(1, row.localId);
            if (!ownEntry.exec()) {
                m_database.fail(ownEntry.lastError(), what);
                return abandon();
            }
            localChanges = ownEntry.next();
            ownEntry.finish();
        }
        if (localChanges || (!force && record.revision <= row.revision)) {
            if (resyncing && !writer.markSeen(record.entity, row.localId))
                return abandon();
            continue;
        }
        if (mode == kDatabaseResync && row.state == SyncState::Synced &&
            newerHere(row.revision, row.updatedAt, record)) {
            // The restored server holds an older version of a row this PC had synced: the
            // newer one is sent again, on top of the server's revision, instead of being lost.
            if (!writer.markSeen(record.entity, row.localId) ||
                !requeueNewer(writer, record, row.localId, row.deleted))
                return abandon();
            row.revision = record.revision;
            row.state = row.deleted && record.deleted ? SyncState::Synced : SyncState::Modified;
            continue;
        }
        const SyncState state = row.state == SyncState::Conflict ? SyncState::Conflict : SyncState::Synced;
        if (!writer.write(record, decodedAt(i), row.localId, state))
            return abandon();
        row.revision = record.revision;
        row.state = state;
        row.deleted = record.deleted;
    }

    if (!bulkRun && m_database.hasDeferredIndexes() && !m_database.restoreDeferredIndexes())
        return abandon();
    if (!writer.finish() || !m_database.setMeta(kCursor, QString::number(databaseChanged ? 0 : page.next)) ||
        (!page.databaseId.isEmpty() && !m_database.setMeta(kDatabaseId, page.databaseId)) ||
        !m_database.commit())
        return abandon();
    return true;
}

qint64 SyncJournal::cursor() const
{
    m_database.clearError();
    return m_database.meta(kCursor, QStringLiteral("0")).toLongLong();
}

QString SyncJournal::serverDatabaseId() const
{
    m_database.clearError();
    return m_database.meta(kDatabaseId);
}

bool SyncJournal::beginResync()
{
    m_database.clearError();
    if (!m_database.begin())
        return false;
    const qint64 epoch = m_database.meta(kResyncEpoch, QStringLiteral("0")).toLongLong() + 1;
    QString mode = m_database.meta(kResyncMode);
    if (mode.isEmpty())
        mode = kHorizonResync;
    if (!m_database.lastError().ok() || !m_database.setMeta(kResyncEpoch, QString::number(epoch)) ||
        !m_database.setMeta(kResyncMode, mode) || !m_database.setMeta(kCursor, QStringLiteral("0")) ||
        !m_database.commit()) {
        m_database.rollback();
        return false;
    }
    return true;
}

bool SyncJournal::isResyncing() const
{
    return !m_database.meta(kResyncMode).isEmpty();
}

bool SyncJournal::finishResync()
{
    m_database.clearError();
    const QString what = tr("finish the full download");
    if (!m_database.begin())
        return false;
    const auto abandon = [this] {
        m_database.rollback();
        return false;
    };
    const QString mode = m_database.meta(kResyncMode);
    const qint64 epoch = m_database.meta(kResyncEpoch, QStringLiteral("0")).toLongLong();
    if (!m_database.lastError().ok())
        return abandon();
    if (mode.isEmpty()) {
        m_database.rollback();
        return true;
    }
    SyncRecordWriter writer(m_database);
    writer.setPullEpoch(epoch);
    Outbox outbox(m_database);
    for (EntityKind entity : kEntities) {
        // Synced rows the full pull did not bring back. Rows with local changes stay, as do
        // rows waiting in a conflict for a human.
        QSqlQuery query(m_database.connection());
        query.setForwardOnly(true);
        query.prepare(
            QStringLiteral("SELECT rowid, uuid, revision FROM %1 WHERE pull_epoch < ? AND sync_state = ?"
                           " AND deleted = 0")
                .arg(Outbox::tableName(entity)));
        query.addBindValue(epoch);
        query.addBindValue(static_cast<int>(SyncState::Synced));
        if (!query.exec()) {
            m_database.fail(query.lastError(), what);
            return abandon();
        }
        std::vector<std::pair<qint64, QUuid>> missing;
        while (query.next())
            missing.emplace_back(query.value(0).toLongLong(), SqlValues::toUuid(query.value(1)));
        query.finish();
        for (const auto &[localId, id] : missing) {
            if (mode == kDatabaseResync) {
                // The server lost them: they are pushed again as new.
                if (!writer.setRevision(entity, localId, 0) ||
                    !writer.setState(entity, localId, SyncState::New) ||
                    !outbox.recordUpsert(entity, localId, id))
                    return abandon();
            } else {
                // Deleted on the server so long ago that even the tombstone is gone.
                SyncRecord tombstone;
                tombstone.entity = entity;
                tombstone.id = id;
                tombstone.deleted = true;
                QSqlQuery revision(m_database.connection());
                revision.prepare(
                    QStringLiteral("SELECT revision FROM %1 WHERE rowid = ?").arg(Outbox::tableName(entity)));
                revision.addBindValue(localId);
                if (!revision.exec() || !revision.next()) {
                    m_database.fail(revision.lastError(), what);
                    return abandon();
                }
                tombstone.revision = revision.value(0).toLongLong();
                revision.finish();
                if (!writer.write(tombstone, localId, SyncState::Synced))
                    return abandon();
            }
        }
    }
    if (!writer.finish() || !m_database.setMeta(kResyncMode, QStringLiteral("")) || !m_database.commit())
        return abandon();
    return true;
}

QDateTime SyncJournal::lastPullSucceededAt() const
{
    m_database.clearError();
    const QString text = m_database.meta(kLastPullOk);
    bool ok = false;
    const qint64 ms = text.toLongLong(&ok);
    return ok ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

bool SyncJournal::setLastPullSucceededAt(const QDateTime &utc)
{
    m_database.clearError();
    return m_database.setMeta(kLastPullOk,
                              utc.isValid() ? QString::number(utc.toMSecsSinceEpoch()) : QStringLiteral(""));
}

// --- status, errors, conflicts -----------------------------------------------------------

SyncCounts SyncJournal::counts() const
{
    m_database.clearError();
    SyncCounts counts;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    // Counters kept by triggers, and two index look-ups: no scan of the outbox or the rows.
    if (!query.exec(QStringLiteral("SELECT pending_ops, pending_rows, error_ops,"
                                   " (SELECT min(queued_ms) FROM outbox WHERE state = %1),"
                                   " (SELECT min(queued_ms) FROM outbox WHERE state = %2),"
                                   " (SELECT count(*) FROM sync_conflict WHERE resolved_ms IS NULL)"
                                   " FROM outbox_counter WHERE id = 1")
                        .arg(kPending)
                        .arg(kUploading)) ||
        !query.next()) {
        m_database.fail(query.lastError(), tr("count the changes waiting for the server"));
        return counts;
    }
    counts.pendingOps = query.value(0).toInt();
    counts.pendingRows = query.value(1).toLongLong();
    counts.errors = query.value(2).toInt();
    qint64 oldest = 0;
    for (int column : {3, 4}) {
        const QVariant value = query.value(column);
        if (!value.isNull() && (oldest == 0 || value.toLongLong() < oldest))
            oldest = value.toLongLong();
    }
    if (oldest > 0)
        counts.oldestPendingAt = QDateTime::fromMSecsSinceEpoch(oldest, Qt::UTC);
    counts.conflicts = query.value(5).toInt();
    return counts;
}

QList<OutboxError> SyncJournal::errors() const
{
    m_database.clearError();
    QList<OutboxError> list;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT seq, op_id, entity, local_id, entity_uuid, reason_code, reason_message,"
                           " reason_field, attempts, queued_ms, last_tried_ms FROM outbox WHERE state = %1"
                           " ORDER BY seq")
                .arg(kError))) {
        m_database.fail(query.lastError(), tr("read the changes the server refused"));
        return list;
    }
    struct Row
    {
        OutboxError error;
        qint64 localId;
        QString message;
        QString field;
    };
    std::vector<Row> rows;
    while (query.next()) {
        Row row;
        row.error.outboxSeq = query.value(0).toLongLong();
        row.error.opId = QUuid::fromString(query.value(1).toString());
        row.error.entity = static_cast<EntityKind>(query.value(2).toInt());
        row.localId = query.value(3).toLongLong();
        row.error.entityId = SqlValues::toUuid(query.value(4));
        row.error.reasonCode = query.value(5).toString();
        row.message = query.value(6).toString();
        row.field = query.value(7).toString();
        row.error.attempts = query.value(8).toInt();
        row.error.firstQueuedAt = fromMs(query.value(9));
        row.error.lastTriedAt = fromMs(query.value(10));
        rows.push_back(row);
    }
    query.finish();
    for (Row &row : rows) {
        row.error.entityLabel = rowLabel(m_database, row.error.entity, row.localId, row.error.entityId);
        row.error.reasonMessage = reasonText(row.error.reasonCode, row.message, row.field);
        list.append(row.error);
    }
    return list;
}

bool SyncJournal::retryError(qint64 outboxSeq)
{
    m_database.clearError();
    if (!m_database.begin())
        return false;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT entity, local_id FROM outbox WHERE seq = ? AND state = ?"));
    query.addBindValue(outboxSeq);
    query.addBindValue(kError);
    if (!query.exec() || !query.next()) {
        if (query.lastError().isValid())
            m_database.fail(query.lastError(), tr("retry the change"));
        else
            m_database.setError(StoreError::Code::NotFound,
                                tr("That change is no longer in the error list."));
        m_database.rollback();
        return false;
    }
    const EntityKind entity = static_cast<EntityKind>(query.value(0).toInt());
    const qint64 localId = query.value(1).toLongLong();
    query.finish();
    const bool done = retryWhere(m_database, QStringLiteral("seq = %1").arg(outboxSeq)) &&
                      retryRow(m_database, entity, localId);
    if (!done || !m_database.commit()) {
        m_database.rollback();
        return false;
    }
    return true;
}

bool SyncJournal::retryAllErrors()
{
    m_database.clearError();
    if (!m_database.begin())
        return false;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT entity, local_id FROM outbox WHERE state = %1").arg(kError))) {
        m_database.fail(query.lastError(), tr("retry the changes"));
        m_database.rollback();
        return false;
    }
    std::vector<std::pair<EntityKind, qint64>> rows;
    while (query.next())
        rows.emplace_back(static_cast<EntityKind>(query.value(0).toInt()), query.value(1).toLongLong());
    query.finish();
    bool done = retryWhere(m_database, QStringLiteral("state = %1").arg(kError));
    for (const auto &[entity, localId] : rows)
        done = done && retryRow(m_database, entity, localId);
    if (!done || !m_database.commit()) {
        m_database.rollback();
        return false;
    }
    return true;
}

QList<SyncConflict> SyncJournal::conflicts() const
{
    m_database.clearError();
    QList<SyncConflict> list;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, entity, entity_uuid, local_id, server_revision, local_values,"
                                   " server_values, other_uuid, detected_ms FROM sync_conflict"
                                   " WHERE resolved_ms IS NULL ORDER BY id"))) {
        m_database.fail(query.lastError(), tr("read the conflicts"));
        return list;
    }
    std::vector<std::pair<SyncConflict, qint64>> rows;
    while (query.next()) {
        SyncConflict conflict;
        conflict.conflictId = query.value(0).toLongLong();
        conflict.entity = static_cast<EntityKind>(query.value(1).toInt());
        conflict.entityId = SqlValues::toUuid(query.value(2));
        conflict.serverRevision = query.value(4).toLongLong();
        conflict.localValues = jsonMap(query.value(5).toString());
        conflict.serverValues = jsonMap(query.value(6).toString());
        conflict.otherReportId = SqlValues::toUuid(query.value(7));
        conflict.detectedAt = fromMs(query.value(8));
        rows.emplace_back(conflict, query.value(3).toLongLong());
    }
    query.finish();
    for (auto &[conflict, localId] : rows) {
        conflict.entityLabel = rowLabel(m_database, conflict.entity, localId, conflict.entityId);
        list.append(conflict);
    }
    return list;
}

bool SyncJournal::resolvePatientConflict(qint64 conflictId, const QMap<QString, bool> &keepLocal)
{
    m_database.clearError();
    if (!m_database.begin())
        return false;
    const auto abandon = [this] {
        m_database.rollback();
        return false;
    };
    SyncConflict conflict;
    qint64 localId = 0;
    if (!loadOpenConflict(m_database, conflictId, EntityKind::Patient, &conflict, &localId))
        return abandon();
    PatientStore store(m_database);
    const std::optional<Patient> current = store.get(localId);
    if (!current) {
        if (m_database.lastError().ok())
            m_database.setError(
                StoreError::Code::NotFound,
                tr("Patient record %1 is not in %2.").arg(localId).arg(m_database.filePath()));
        return abandon();
    }
    // The chosen local values become a new local edit on top of the server's version; the
    // row already holds the server's values for the others.
    QJsonObject data = EntityJson::toJson(*current);
    for (auto it = conflict.localValues.constBegin(); it != conflict.localValues.constEnd(); ++it) {
        if (keepLocal.value(it.key(), false))
            data.insert(it.key(), it.value());
    }
    Patient chosen = *current;
    FieldErrors errors;
    if (!EntityJson::fromJson(data, &chosen, &errors)) {
        m_database.setError(StoreError::Code::Invalid,
                            tr("The kept value of %1 cannot be saved: %2")
                                .arg(errors.value(0).field, errors.value(0).message));
        return abandon();
    }
    if (!PatientStore::changedFields(*current, chosen).isEmpty() && !store.update(chosen))
        return abandon();
    if (!closeConflict(m_database, conflictId) || !settleRowState(m_database, EntityKind::Patient, localId) ||
        !m_database.commit())
        return abandon();
    return true;
}

bool SyncJournal::resolveReportConflict(qint64 conflictId, const QUuid &keepReportId)
{
    m_database.clearError();
    if (!m_database.begin())
        return false;
    const auto abandon = [this] {
        m_database.rollback();
        return false;
    };
    SyncConflict conflict;
    qint64 localId = 0;
    if (!loadOpenConflict(m_database, conflictId, EntityKind::Report, &conflict, &localId))
        return abandon();
    if (keepReportId != conflict.entityId && keepReportId != conflict.otherReportId) {
        m_database.setError(StoreError::Code::Invalid,
                            tr("Choose one of the two versions of the draft to keep."));
        return abandon();
    }
    const QUuid dropId = keepReportId == conflict.entityId ? conflict.otherReportId : conflict.entityId;
    ReportStore store(m_database);
    qint64 keptLocalId = 0;
    if (const std::optional<Report> kept = store.getById(keepReportId))
        keptLocalId = kept->localId;
    if (const std::optional<Report> dropped = store.getById(dropId); dropped && !dropped->deleted) {
        if (!store.remove(dropped->localId))
            return abandon();
    } else if (!m_database.lastError().ok()) {
        return abandon();
    }
    if (!closeConflict(m_database, conflictId) || !settleRowState(m_database, EntityKind::Report, localId) ||
        (keptLocalId != 0 && !settleRowState(m_database, EntityKind::Report, keptLocalId)) ||
        !m_database.commit())
        return abandon();
    return true;
}

} // namespace medora
