#include "store/Migrations.h"

#include "domain/PatientNumber.h"
#include "domain/UuidV7.h"
#include "store/PatientStore.h"

#include <QByteArray>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>

namespace medora {

namespace {

bool run(QSqlDatabase &db, const QString &sql, QSqlError &error)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        error = query.lastError();
        return false;
    }
    return true;
}

bool runAll(QSqlDatabase &db, const QStringList &statements, QSqlError &error)
{
    for (const QString &sql : statements) {
        if (!run(db, sql, error))
            return false;
    }
    return true;
}

bool putMeta(QSqlDatabase &db, const QString &key, const QString &value, QSqlError &error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"));
    query.addBindValue(key);
    query.addBindValue(value);
    if (!query.exec()) {
        error = query.lastError();
        return false;
    }
    return true;
}

QString randomIdentity()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toHex());
}

// The trailing digits of a patient number ("KQX-00042" -> 42), or 0.
qint64 numberSequence(const QString &number)
{
    const int dash = number.lastIndexOf(QLatin1Char('-'));
    bool ok = false;
    const qint64 sequence = number.mid(dash + 1).toLongLong(&ok);
    return ok ? sequence : 0;
}

bool createVersion1(QSqlDatabase &db, QSqlError &error)
{
    return runAll(db,
                  {
                      QStringLiteral("CREATE TABLE meta ("
                                     " key TEXT PRIMARY KEY,"
                                     " value TEXT NOT NULL)"),
                      QStringLiteral("CREATE TABLE patient ("
                                     " rowid INTEGER PRIMARY KEY,"
                                     " uuid TEXT NOT NULL UNIQUE,"
                                     " number TEXT NOT NULL UNIQUE,"
                                     " last_name TEXT NOT NULL DEFAULT '',"
                                     " first_name TEXT NOT NULL DEFAULT '',"
                                     " father_name TEXT NOT NULL DEFAULT '',"
                                     " birth_date TEXT NULL,"
                                     " birth_date_estimated INTEGER NOT NULL DEFAULT 0,"
                                     " sex INTEGER NOT NULL DEFAULT 0,"
                                     " phone TEXT NOT NULL DEFAULT '',"
                                     " address TEXT NOT NULL DEFAULT '',"
                                     " allergies TEXT NOT NULL DEFAULT '',"
                                     " medications TEXT NOT NULL DEFAULT '',"
                                     " history TEXT NOT NULL DEFAULT '',"
                                     " notes TEXT NOT NULL DEFAULT '',"
                                     " created_at TEXT NOT NULL,"
                                     " updated_at TEXT NOT NULL,"
                                     " created_by TEXT NOT NULL DEFAULT '',"
                                     " deleted INTEGER NOT NULL DEFAULT 0,"
                                     " revision INTEGER NOT NULL DEFAULT 0,"
                                     " sync_state INTEGER NOT NULL DEFAULT 0)"),
                  },
                  error);
}

// Search and duplicate keys, ranking and the local change sequence the search index
// catches up from. Existing rows are back-filled in bounded chunks so that migrating a
// large registry does not hold it all in memory.
bool addSearchKeysAndCounters(QSqlDatabase &db, QSqlError &error)
{
    if (!runAll(db,
                {
                    QStringLiteral("ALTER TABLE patient ADD COLUMN name_key TEXT NOT NULL DEFAULT ''"),
                    QStringLiteral("ALTER TABLE patient ADD COLUMN last_seen_ms INTEGER NULL"),
                    QStringLiteral("ALTER TABLE patient ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0"),
                },
                error))
        return false;

    struct Row
    {
        qint64 rowid;
        QString nameKey;
    };
    constexpr int kChunk = 1000;
    qint64 lastRowid = 0;
    qint64 changeSeq = 0;
    qint64 maxSequence = 0;
    QSqlQuery select(db);
    select.setForwardOnly(true);
    if (!select.prepare(QStringLiteral("SELECT rowid, last_name, first_name, father_name, number FROM patient"
                                       " WHERE rowid > ? ORDER BY rowid LIMIT ?"))) {
        error = select.lastError();
        return false;
    }
    QSqlQuery update(db);
    if (!update.prepare(QStringLiteral("UPDATE patient SET name_key = ?, change_seq = ? WHERE rowid = ?"))) {
        error = update.lastError();
        return false;
    }
    for (;;) {
        select.bindValue(0, lastRowid);
        select.bindValue(1, kChunk);
        if (!select.exec()) {
            error = select.lastError();
            return false;
        }
        std::vector<Row> rows;
        rows.reserve(kChunk);
        while (select.next()) {
            rows.push_back({select.value(0).toLongLong(),
                            PatientStore::nameKey(select.value(1).toString(), select.value(2).toString(),
                                                  select.value(3).toString())});
            maxSequence = std::max(maxSequence, numberSequence(select.value(4).toString()));
        }
        if (select.lastError().isValid()) {
            error = select.lastError();
            return false;
        }
        select.finish();
        if (rows.empty())
            break;
        for (const Row &row : rows) {
            update.bindValue(0, row.nameKey);
            update.bindValue(1, ++changeSeq);
            update.bindValue(2, row.rowid);
            if (!update.exec()) {
                error = update.lastError();
                return false;
            }
        }
        lastRowid = rows.back().rowid;
    }

    if (!runAll(db,
                {
                    QStringLiteral("CREATE INDEX patient_change_seq ON patient(change_seq)"),
                    QStringLiteral("CREATE INDEX patient_name_birth ON patient(name_key, birth_date)"),
                    QStringLiteral("CREATE INDEX patient_phone ON patient(phone)"),
                },
                error))
        return false;

    // Numbers already issued by this file (under any prefix) are never reused: the
    // sequence continues above the highest one.
    return putMeta(db, QStringLiteral("db_identity"), randomIdentity(), error) &&
           putMeta(db, QStringLiteral("device_prefix"), PatientNumber::randomDevicePrefix(), error) &&
           putMeta(db, QStringLiteral("next_patient_seq"), QString::number(maxSequence + 1), error) &&
           putMeta(db, QStringLiteral("change_seq"), QString::number(changeSeq), error);
}

// Sync (docs/sync.md, docs/store.md): the visit, report and payment caches, the outbox every
// local edit writes in its own transaction, conflict records, and the pull cursor. Rows
// refer to each other by UUID, not by local rowid: a pulled visit may arrive before its
// patient (the patient's newest revision sits later in the feed), so there are no foreign
// keys between them. `pull_epoch` marks rows a resync (full pull) has seen; adding the
// column is a header change in SQLite, so large registries migrate at once.
bool addSyncTables(QSqlDatabase &db, QSqlError &error)
{
    if (!runAll(db,
                {
                    QStringLiteral("ALTER TABLE patient ADD COLUMN pull_epoch INTEGER NOT NULL DEFAULT 0"),
                    QStringLiteral("CREATE TABLE visit ("
                                   " rowid INTEGER PRIMARY KEY,"
                                   " uuid TEXT NOT NULL UNIQUE,"
                                   " patient_uuid TEXT NOT NULL,"
                                   " doctor_id TEXT NOT NULL,"
                                   " day TEXT NOT NULL,"
                                   " ticket INTEGER NOT NULL,"
                                   " priority INTEGER NOT NULL DEFAULT 0,"
                                   " status INTEGER NOT NULL DEFAULT 0,"
                                   " queue_position INTEGER NOT NULL DEFAULT 0,"
                                   " note TEXT NOT NULL DEFAULT '',"
                                   " created_at TEXT NOT NULL,"
                                   " called_at TEXT NULL,"
                                   " started_at TEXT NULL,"
                                   " finished_at TEXT NULL,"
                                   " created_by TEXT NOT NULL DEFAULT '',"
                                   " updated_at TEXT NOT NULL,"
                                   " deleted INTEGER NOT NULL DEFAULT 0,"
                                   " revision INTEGER NOT NULL DEFAULT 0,"
                                   " sync_state INTEGER NOT NULL DEFAULT 0,"
                                   " pull_epoch INTEGER NOT NULL DEFAULT 0)"),
                    // A doctor's queue of a day, in the order it is called: urgent first.
                    QStringLiteral("CREATE INDEX visit_queue ON visit(doctor_id, day, priority DESC,"
                                   " queue_position, ticket)"),
                    QStringLiteral("CREATE INDEX visit_patient ON visit(patient_uuid, day)"),
                    QStringLiteral("CREATE TABLE report ("
                                   " rowid INTEGER PRIMARY KEY,"
                                   " uuid TEXT NOT NULL UNIQUE,"
                                   " visit_uuid TEXT NOT NULL,"
                                   " patient_uuid TEXT NOT NULL,"
                                   " author_id TEXT NOT NULL,"
                                   " status INTEGER NOT NULL DEFAULT 0,"
                                   " addendum_to TEXT NULL,"
                                   " variant_of TEXT NULL,"
                                   " complaints TEXT NOT NULL DEFAULT '',"
                                   " anamnesis TEXT NOT NULL DEFAULT '',"
                                   " vitals TEXT NOT NULL DEFAULT '[]'," // JSON array of {code, value, unit}
                                   " examination TEXT NOT NULL DEFAULT '',"
                                   " diagnosis TEXT NOT NULL DEFAULT '',"
                                   " icd10 TEXT NOT NULL DEFAULT '',"
                                   " treatment_plan TEXT NOT NULL DEFAULT '',"
                                   " recommendations TEXT NOT NULL DEFAULT '',"
                                   " notes TEXT NOT NULL DEFAULT '',"
                                   " created_at TEXT NOT NULL,"
                                   " updated_at TEXT NOT NULL,"
                                   " signed_at TEXT NULL,"
                                   " deleted INTEGER NOT NULL DEFAULT 0,"
                                   " revision INTEGER NOT NULL DEFAULT 0,"
                                   " sync_state INTEGER NOT NULL DEFAULT 0,"
                                   " pull_epoch INTEGER NOT NULL DEFAULT 0)"),
                    QStringLiteral("CREATE INDEX report_patient ON report(patient_uuid, created_at)"),
                    QStringLiteral("CREATE INDEX report_visit ON report(visit_uuid)"),
                    QStringLiteral(
                        "CREATE INDEX report_addendum ON report(addendum_to) WHERE addendum_to IS NOT NULL"),
                    QStringLiteral("CREATE TABLE payment ("
                                   " rowid INTEGER PRIMARY KEY,"
                                   " uuid TEXT NOT NULL UNIQUE,"
                                   " patient_uuid TEXT NOT NULL,"
                                   " visit_uuid TEXT NULL,"
                                   " amount INTEGER NOT NULL," // so'm
                                   " method INTEGER NOT NULL DEFAULT 0,"
                                   " taken_by TEXT NOT NULL DEFAULT '',"
                                   " taken_at TEXT NOT NULL,"
                                   " reverses TEXT NULL,"
                                   " receipt_ref TEXT NOT NULL DEFAULT '',"
                                   " note TEXT NOT NULL DEFAULT '',"
                                   " deleted INTEGER NOT NULL DEFAULT 0,"
                                   " revision INTEGER NOT NULL DEFAULT 0,"
                                   " sync_state INTEGER NOT NULL DEFAULT 0,"
                                   " pull_epoch INTEGER NOT NULL DEFAULT 0)"),
                    QStringLiteral("CREATE INDEX payment_patient ON payment(patient_uuid, taken_at)"),
                    QStringLiteral("CREATE INDEX payment_taken_at ON payment(taken_at)"),
                    QStringLiteral(
                        "CREATE INDEX payment_visit ON payment(visit_uuid) WHERE visit_uuid IS NOT NULL"),
                    // Not UNIQUE: a reversal made here and another PC's reversal of the same payment
                    // may both arrive before the server refuses one of them; a pull must never fail
                    // on the server's data. PaymentStore::reverse() checks before it writes.
                    QStringLiteral(
                        "CREATE INDEX payment_reverses ON payment(reverses) WHERE reverses IS NOT NULL"),
                    // One entry per local edit (coalesced while pending) or per bulk import (a
                    // range of rowids, expanded into per-row entries when taken). state: 0 pending,
                    // 1 uploading, 2 error. `sent` = the server may have seen op_id, so edits must
                    // not be folded into it any more. order_seq = place in the push order (a range's
                    // expanded entries keep the range's place).
                    QStringLiteral("CREATE TABLE outbox ("
                                   " seq INTEGER PRIMARY KEY,"
                                   " op_id TEXT NOT NULL UNIQUE,"
                                   " entity INTEGER NOT NULL,"
                                   " local_id INTEGER NOT NULL,"
                                   " range_last INTEGER NULL,"
                                   " entity_uuid TEXT NULL,"
                                   " action INTEGER NOT NULL DEFAULT 0,"
                                   " changed_fields TEXT NOT NULL DEFAULT '',"
                                   " base_revision INTEGER NOT NULL DEFAULT 0,"
                                   " state INTEGER NOT NULL DEFAULT 0,"
                                   " sent INTEGER NOT NULL DEFAULT 0,"
                                   " attempts INTEGER NOT NULL DEFAULT 0,"
                                   " order_seq INTEGER NOT NULL,"
                                   " queued_ms INTEGER NOT NULL,"
                                   " not_before_ms INTEGER NOT NULL DEFAULT 0,"
                                   " last_tried_ms INTEGER NULL,"
                                   " reason_code TEXT NOT NULL DEFAULT '',"
                                   " reason_message TEXT NOT NULL DEFAULT '',"
                                   " reason_field TEXT NOT NULL DEFAULT '')"),
                    QStringLiteral("CREATE INDEX outbox_order ON outbox(state, order_seq, seq)"),
                    QStringLiteral("CREATE INDEX outbox_row ON outbox(entity, local_id, seq)"),
                    QStringLiteral("CREATE INDEX outbox_queued ON outbox(state, queued_ms)"),
                    // Counters of what waits, kept by triggers so that the sync status, computed
                    // after every save, never counts the outbox (or a pending million-row import).
                    QStringLiteral("CREATE TABLE outbox_counter ("
                                   " id INTEGER PRIMARY KEY CHECK (id = 1),"
                                   " pending_ops INTEGER NOT NULL,"
                                   " pending_rows INTEGER NOT NULL,"
                                   " error_ops INTEGER NOT NULL)"),
                    QStringLiteral("INSERT INTO outbox_counter VALUES(1, 0, 0, 0)"),
                    QStringLiteral("CREATE TRIGGER outbox_counter_insert AFTER INSERT ON outbox BEGIN"
                                   " UPDATE outbox_counter SET"
                                   "  pending_ops = pending_ops + (NEW.state IN (0, 1)),"
                                   "  pending_rows = pending_rows + CASE WHEN NEW.state IN (0, 1) THEN"
                                   "   coalesce(NEW.range_last - NEW.local_id + 1, 1) ELSE 0 END,"
                                   "  error_ops = error_ops + (NEW.state = 2);"
                                   " END"),
                    QStringLiteral("CREATE TRIGGER outbox_counter_delete AFTER DELETE ON outbox BEGIN"
                                   " UPDATE outbox_counter SET"
                                   "  pending_ops = pending_ops - (OLD.state IN (0, 1)),"
                                   "  pending_rows = pending_rows - CASE WHEN OLD.state IN (0, 1) THEN"
                                   "   coalesce(OLD.range_last - OLD.local_id + 1, 1) ELSE 0 END,"
                                   "  error_ops = error_ops - (OLD.state = 2);"
                                   " END"),
                    QStringLiteral(
                        "CREATE TRIGGER outbox_counter_update AFTER UPDATE OF state, local_id, range_last"
                        " ON outbox BEGIN"
                        " UPDATE outbox_counter SET"
                        "  pending_ops = pending_ops - (OLD.state IN (0, 1)) + (NEW.state IN (0, 1)),"
                        "  pending_rows = pending_rows - CASE WHEN OLD.state IN (0, 1) THEN"
                        "   coalesce(OLD.range_last - OLD.local_id + 1, 1) ELSE 0 END"
                        "   + CASE WHEN NEW.state IN (0, 1) THEN"
                        "   coalesce(NEW.range_last - NEW.local_id + 1, 1) ELSE 0 END,"
                        "  error_ops = error_ops - (OLD.state = 2) + (NEW.state = 2);"
                        " END"),
                    // Values are JSON objects (data key -> value); other_uuid names the second
                    // draft of a report conflict.
                    QStringLiteral("CREATE TABLE sync_conflict ("
                                   " id INTEGER PRIMARY KEY,"
                                   " entity INTEGER NOT NULL,"
                                   " entity_uuid TEXT NOT NULL,"
                                   " local_id INTEGER NOT NULL,"
                                   " server_revision INTEGER NOT NULL DEFAULT 0,"
                                   " local_values TEXT NOT NULL DEFAULT '{}',"
                                   " server_values TEXT NOT NULL DEFAULT '{}',"
                                   " other_uuid TEXT NULL,"
                                   " detected_ms INTEGER NOT NULL,"
                                   " resolved_ms INTEGER NULL)"),
                    QStringLiteral("CREATE INDEX sync_conflict_open ON sync_conflict(entity, local_id)"
                                   " WHERE resolved_ms IS NULL"),
                },
                error))
        return false;

    // Patients registered before sync existed have never been on the server: one bulk entry
    // covers them all (SyncJournal expands it as it pushes; rows gone in between are skipped).
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT min(rowid), max(rowid) FROM patient")) || !query.next()) {
        error = query.lastError();
        return false;
    }
    const QVariant first = query.value(0);
    const QVariant last = query.value(1);
    query.finish();
    if (!first.isNull()) {
        query.prepare(
            QStringLiteral("INSERT INTO outbox(op_id, entity, local_id, range_last, order_seq, queued_ms)"
                           " VALUES(?, 0, ?, ?, 1, ?)"));
        query.addBindValue(UuidV7::generate().toString(QUuid::WithoutBraces));
        query.addBindValue(first.toLongLong());
        query.addBindValue(last.toLongLong());
        query.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!query.exec()) {
            error = query.lastError();
            return false;
        }
    }
    return putMeta(db, QStringLiteral("sync.cursor"), QStringLiteral("0"), error) &&
           putMeta(db, QStringLiteral("sync.resync_epoch"), QStringLiteral("0"), error);
}

// AI consilium (issue 6): the report sections that hold AI-drafted text, as their keys joined
// with commas ("diagnosis,treatmentPlan"); empty for every report written before.
bool addReportAiDrafted(QSqlDatabase &db, QSqlError &error)
{
    return run(db, QStringLiteral("ALTER TABLE report ADD COLUMN ai_drafted TEXT NOT NULL DEFAULT ''"),
               error);
}

} // namespace

const std::vector<Migrations::Step> &Migrations::steps()
{
    static const std::vector<Step> list = {
        {1, "meta and patient tables", &createVersion1},
        {2, "patient name_key, last_seen_ms, change_seq; identity and counters", &addSearchKeysAndCounters},
        {3, "visit, report, payment, outbox, sync_conflict; sync cursor", &addSyncTables},
        {4, "report.ai_drafted: sections with AI-drafted text", &addReportAiDrafted},
    };
    return list;
}

int Migrations::latestVersion()
{
    return steps().back().version;
}

} // namespace medora
