#include "store/Migrations.h"

#include "domain/PatientNumber.h"
#include "store/PatientStore.h"

#include <QByteArray>
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

} // namespace

const std::vector<Migrations::Step> &Migrations::steps()
{
    static const std::vector<Step> list = {
        {1, "meta and patient tables", &createVersion1},
        {2, "patient name_key, last_seen_ms, change_seq; identity and counters", &addSearchKeysAndCounters},
    };
    return list;
}

int Migrations::latestVersion()
{
    return steps().back().version;
}

} // namespace medora
