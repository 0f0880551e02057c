#include "ServerProcess.h"
#include "TestHttpClient.h"
#include "domain/EntityJson.h"
#include "domain/UuidV7.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

using medora::EntityJson;
using medora::ServerProcess;
using medora::TestHttpClient;
using medora::TestHttpResponse;
using medora::UuidV7;

namespace {

const QString kPassword = QStringLiteral("saffron window 58");

QString newId()
{
    return UuidV7::generate().toString(QUuid::WithoutBraces);
}

// Names take letters only (the validator's rule): 1 -> "b", 27 -> "bb", ...
QString lettersOf(int n)
{
    QString text;
    do {
        text.prepend(QChar(u'a' + n % 26));
        n /= 26;
    } while (n > 0);
    return text;
}

QJsonObject patientOp(int n)
{
    medora::Patient patient;
    patient.number = QStringLiteral("KQX-%1").arg(n % 100000, 5, 10, QLatin1Char('0'));
    patient.lastName = QStringLiteral("Karimova") + lettersOf(n);
    patient.firstName = QStringLiteral("Dilnoza");
    patient.sex = medora::Sex::Female;
    patient.createdAt = QDateTime(QDate(2026, 11, 28), QTime(6, 0), Qt::UTC);
    patient.createdBy = QStringLiteral("reception");
    return {
        {"opId", newId()},   {"entity", QStringLiteral("patient")}, {"id", newId()},
        {"baseRevision", 0}, {"action", QStringLiteral("upsert")},  {"data", EntityJson::toJson(patient)}};
}

// One read-only connection to a database file, removed with the object.
class Snapshot
{
public:
    explicit Snapshot(const QString &path)
        : m_name(QStringLiteral("snapshot-") + QUuid::createUuid().toString(QUuid::Id128))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        db.open();
    }
    ~Snapshot()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    QStringList tables() const
    {
        QStringList names;
        for (const QString &name : db().tables())
            if (!name.startsWith(QLatin1String("sqlite_")))
                names << name;
        names.sort();
        return names;
    }

    // Every row of `table` matching `where`, each as its column values, ordered by all columns.
    QList<QVariantList> rows(const QString &table, const QString &where = QString()) const
    {
        const int columns = db().record(table).count();
        QStringList order;
        for (int i = 1; i <= columns; ++i)
            order << QString::number(i);
        QSqlQuery query(db());
        const QString sql = QStringLiteral("SELECT * FROM %1 %2 ORDER BY %3")
                                .arg(table, where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where,
                                     order.join(QLatin1Char(',')));
        if (!query.exec(sql))
            qWarning() << sql << query.lastError().text();
        QList<QVariantList> all;
        while (query.next()) {
            QVariantList row;
            for (int i = 0; i < columns; ++i)
                row << query.value(i);
            all << row;
        }
        return all;
    }

    qint64 scalar(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next()) {
            qWarning() << sql << query.lastError().text();
            return -1;
        }
        return query.value(0).toLongLong();
    }

    QString text(const QString &sql) const
    {
        QSqlQuery query(db());
        return query.exec(sql) && query.next() ? query.value(0).toString() : QString();
    }

private:
    QString m_name;
};

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

QByteArray fileSha256(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return hash.result().toHex();
}

// A copy of a backup with its manifest and checksum, under a new name.
bool copyBackup(const QString &from, const QString &to)
{
    for (const QString &suffix : {QString(), QStringLiteral(".sha256"), QStringLiteral(".manifest.json")}) {
        QFile::remove(to + suffix);
        if (!QFile::copy(from + suffix, to + suffix))
            return false;
        QFile::setPermissions(to + suffix, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return true;
}

} // namespace

// The restore drill of issue 8 against the real binary: a clinic's data pushed over the sync
// API, a backup taken while clients keep pushing, the backup restored into fresh databases
// and compared row by row with the server's, and every refusal restore promises (non-empty
// target, damaged file, newer schema). Also the database identity clients see and the schema
// rules of migrate and serve.
class TestRestoreDrill : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    TestHttpClient m_reception;
    QTemporaryDir m_scratch;
    QString m_underLoadBackup;
    QString m_quietBackup;
    int m_patients = 0;

    TestHttpResponse push(int count)
    {
        QJsonArray ops;
        for (int i = 0; i < count; ++i)
            ops.append(patientOp(++m_patients));
        return m_reception.postJson(QStringLiteral("/api/v1/sync/push"),
                                    QJsonObject{{"deviceId", QStringLiteral("pc-drill")}, {"ops", ops}});
    }

    // `restore FILE` into a database of its own under the scratch folder.
    ServerProcess::CliResult restoreInto(const QString &backup, const QString &databaseFile) const
    {
        ServerProcess::Options options;
        options.environment.insert(QStringLiteral("MEDORA_DATABASE_URL"),
                                   QStringLiteral("sqlite:") + databaseFile);
        options.environment.insert(QStringLiteral("MEDORA_BACKUP_DIR"),
                                   m_scratch.filePath(QStringLiteral("none")));
        ServerProcess runner(options);
        return runner.runCli({QStringLiteral("restore"), backup});
    }

    QString backupsFolder() const
    {
        return QDir(m_server->dataDirectory()).filePath(QStringLiteral("backups"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ServerProcess::serverPath()).isExecutable(), "MEDORA_SERVER_PATH is not set");
        QVERIFY(m_scratch.isValid());
        ServerProcess::Options options;
        // One page per step: the copy of a few MB takes long enough for pushes to land during it.
        options.environment.insert(QStringLiteral("MEDORA_BACKUP_STEP_PAGES"), QStringLiteral("1"));
        m_server = std::make_unique<ServerProcess>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        const QString clinic = m_server->createClinic(QStringLiteral("Drill clinic"));
        QVERIFY(!clinic.isEmpty());
        QVERIFY(!m_server
                     ->createUser(clinic, QStringLiteral("drill.reception"), QStringLiteral("receptionist"),
                                  kPassword)
                     .id.isEmpty());
        m_server->configureClient(m_reception);
        QCOMPARE(m_reception.login(QStringLiteral("drill.reception"), kPassword, QStringLiteral("pc-drill"))
                     .status,
                 200);
        for (int batch = 0; batch < 20; ++batch) {
            const TestHttpResponse pushed = push(100);
            QCOMPARE(pushed.status, 200);
            const QJsonArray results = pushed.json().value("results").toArray();
            QCOMPARE(results.size(), 100);
            for (const QJsonValue &result : results)
                QVERIFY2(result.toObject().value("status").toString() == QLatin1String("applied"),
                         QJsonDocument(result.toObject()).toJson().constData());
        }
    }

    void cleanupTestCase()
    {
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void databaseIdentityIsVisibleToClients()
    {
        Snapshot live(m_server->databaseFile());
        const QString id = live.text(QStringLiteral("SELECT value FROM sync_meta WHERE key = 'database_id'"));
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(id).hasMatch());

        QCOMPARE(m_reception.get(QStringLiteral("/health")).json().value("databaseId").toString(), id);
        const TestHttpResponse pull = m_reception.get(QStringLiteral("/api/v1/sync/pull?after=0&limit=1"));
        QCOMPARE(pull.status, 200);
        QCOMPARE(pull.json().value("databaseId").toString(), id);
        QCOMPARE(pull.header("Medora-Database-Id"), id.toLatin1());
        // Every sync answer carries it, refusals included; other routes do not.
        TestHttpClient anonymous;
        m_server->configureClient(anonymous);
        const TestHttpResponse refused = anonymous.get(QStringLiteral("/api/v1/sync/pull?after=0"));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.header("Medora-Database-Id"), id.toLatin1());
        QVERIFY(m_reception.get(QStringLiteral("/api/v1/me")).header("Medora-Database-Id").isEmpty());
    }

    void backupUnderWriteLoadRestoresAConsistentSnapshot()
    {
        QProcess backup;
        backup.setProcessEnvironment(m_server->environment());
        backup.setWorkingDirectory(m_server->workingDirectory());
        backup.start(ServerProcess::serverPath(), {QStringLiteral("backup")});
        QVERIFY(backup.waitForStarted());
        // Clients keep pushing for as long as the copy runs.
        int pushesDuringBackup = 0;
        QElapsedTimer timer;
        timer.start();
        while (backup.state() != QProcess::NotRunning && timer.elapsed() < 20000) {
            QCOMPARE(push(10).status, 200);
            if (backup.state() != QProcess::NotRunning)
                ++pushesDuringBackup;
        }
        if (backup.state() != QProcess::NotRunning)
            QVERIFY(backup.waitForFinished(20000));
        QVERIFY2(backup.exitCode() == 0, backup.readAllStandardError().constData());
        QVERIFY2(pushesDuringBackup >= 3, qPrintable(QStringLiteral("%1 pushes").arg(pushesDuringBackup)));
        const QJsonObject result = QJsonDocument::fromJson(backup.readAllStandardOutput()).object();
        m_underLoadBackup = result.value("backup").toString();
        QVERIFY2(QFileInfo(m_underLoadBackup).isFile(), qPrintable(m_underLoadBackup));
        QVERIFY(!(QFileInfo(m_underLoadBackup).permissions() &
                  (QFileDevice::ReadGroup | QFileDevice::ReadOther)));
        QCOMPARE(result.value("sha256").toString().toLatin1(), fileSha256(m_underLoadBackup));
        QFile checksum(m_underLoadBackup + QStringLiteral(".sha256"));
        QVERIFY(checksum.open(QIODevice::ReadOnly));
        QVERIFY(checksum.readAll().startsWith(fileSha256(m_underLoadBackup) + "  medora-"));

        const QString restoredFile = m_scratch.filePath(QStringLiteral("under-load.sqlite"));
        const ServerProcess::CliResult restored = restoreInto(m_underLoadBackup, restoredFile);
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.errorText()));
        QVERIFY(restored.json().value("auditEventsVerified").toInteger() >= 3); // clinic, user, sign-in

        // The copy is one moment of the database: its feed has no gap, its clinic position is
        // its newest record, and every row it holds is exactly the row the server still has.
        Snapshot copy(restoredFile);
        Snapshot live(m_server->databaseFile());
        const qint64 records = copy.scalar(QStringLiteral("SELECT COUNT(*) FROM sync_record"));
        QVERIFY2(records >= 500, qPrintable(QString::number(records)));
        QVERIFY2(records < live.scalar(QStringLiteral("SELECT COUNT(*) FROM sync_record")),
                 "the pushes during the backup are not in it");
        QCOMPARE(copy.scalar(QStringLiteral("SELECT MAX(sequence) - MIN(sequence) + 1 FROM sync_record")),
                 records);
        QCOMPARE(copy.scalar(QStringLiteral("SELECT last_sequence FROM sync_clinic")),
                 copy.scalar(QStringLiteral("SELECT MAX(sequence) FROM sync_record")));
        const qint64 head = copy.scalar(
            QStringLiteral("SELECT MAX(sequence) FROM audit_events WHERE action <> 'database.restore'"));
        const QString upToHead = QStringLiteral("sequence <= %1").arg(head);
        QCOMPARE(copy.rows(QStringLiteral("audit_events"), upToHead),
                 live.rows(QStringLiteral("audit_events"), upToHead));
        QCOMPARE(copy.scalar(QStringLiteral("SELECT COUNT(*) FROM sync_op")), records);
        for (const QString &table : {QStringLiteral("sync_record"), QStringLiteral("sync_op"),
                                     QStringLiteral("clinics"), QStringLiteral("staff")}) {
            // Rows as text (these tables hold no blobs), so the lookup is a hash, not a scan.
            const auto text = [](const QVariantList &row) {
                QStringList parts;
                for (const QVariant &value : row)
                    parts << (value.isNull() ? QStringLiteral("<null>") : value.toString());
                return parts.join(QChar(0x1f));
            };
            QSet<QString> current;
            for (const QVariantList &row : live.rows(table))
                current.insert(text(row));
            for (const QVariantList &row : copy.rows(table))
                QVERIFY2(current.contains(text(row)), qPrintable(table));
        }
    }

    void quietBackupRestoresEveryRow()
    {
        const ServerProcess::CliResult backup = m_server->runCli({QStringLiteral("backup")});
        QVERIFY2(backup.exitCode == 0, qPrintable(backup.errorText()));
        m_quietBackup = backup.json().value("backup").toString();
        QCOMPARE(m_server->stop(), 0); // nothing changes the server's rows any more

        const QString restoredFile = m_scratch.filePath(QStringLiteral("quiet.sqlite"));
        const ServerProcess::CliResult restored = restoreInto(m_quietBackup, restoredFile);
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.errorText()));

        Snapshot copy(restoredFile);
        Snapshot live(m_server->databaseFile());
        QCOMPARE(copy.tables(), live.tables());
        const qint64 liveHead = live.scalar(QStringLiteral("SELECT MAX(sequence) FROM audit_events"));
        qint64 compared = 0;
        for (const QString &table : live.tables()) {
            // Records of this copy's own history are compared below, not here.
            if (table.startsWith(QLatin1String("ops_")))
                continue;
            QString where;
            if (table == QLatin1String("sync_meta"))
                where = QStringLiteral("key <> 'database_id'");
            else if (table == QLatin1String("audit_events"))
                where = QStringLiteral("sequence <= %1").arg(liveHead);
            const QList<QVariantList> expected = live.rows(table, where);
            QCOMPARE(copy.rows(table, where), expected);
            compared += expected.size();
        }
        QVERIFY2(compared > 2000, qPrintable(QString::number(compared)));

        // What differs, differs on purpose: a new identity, and the restore on record.
        const QString liveId =
            live.text(QStringLiteral("SELECT value FROM sync_meta WHERE key = 'database_id'"));
        const QString newId =
            copy.text(QStringLiteral("SELECT value FROM sync_meta WHERE key = 'database_id'"));
        QCOMPARE(newId, restored.json().value("databaseId").toString());
        QCOMPARE(restored.json().value("backupDatabaseId").toString(), liveId);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(newId).hasMatch());
        QVERIFY(newId != liveId);
        QCOMPARE(copy.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events")), liveHead + 1);
        QCOMPARE(copy.text(QStringLiteral("SELECT action FROM audit_events ORDER BY sequence DESC LIMIT 1")),
                 QStringLiteral("database.restore"));
        QCOMPARE(copy.text(QStringLiteral("SELECT database_id FROM ops_restore")), newId);
        QCOMPARE(copy.rows(QStringLiteral("ops_backup")).size() + 1,
                 live.rows(QStringLiteral("ops_backup")).size());

        // The restored database serves with its new identity and an intact chain.
        ServerProcess::Options options;
        options.environment.insert(QStringLiteral("MEDORA_DATABASE_URL"),
                                   QStringLiteral("sqlite:") + restoredFile);
        ServerProcess restoredServer(options);
        QString error;
        QVERIFY2(restoredServer.start(&error), qPrintable(error));
        TestHttpClient client;
        restoredServer.configureClient(client);
        QCOMPARE(client.get(QStringLiteral("/health")).json().value("databaseId").toString(), newId);
        const ServerProcess::CliResult audit = restoredServer.runCli({QStringLiteral("verify-audit")});
        QCOMPARE(audit.exitCode, 0);
        QVERIFY(audit.outputText().contains(QStringLiteral("intact: %1 events").arg(liveHead + 1)));
        QCOMPARE(restoredServer.stop(), 0);
    }

    void restoreRefusesANonEmptyTarget()
    {
        Snapshot before(m_server->databaseFile());
        const qint64 records = before.scalar(QStringLiteral("SELECT COUNT(*) FROM sync_record"));
        const ServerProcess::CliResult refused = m_server->runCli({QStringLiteral("restore"), m_quietBackup});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.errorText().contains(QLatin1String("is not empty")),
                 qPrintable(refused.errorText()));
        Snapshot after(m_server->databaseFile());
        QCOMPARE(after.scalar(QStringLiteral("SELECT COUNT(*) FROM sync_record")), records);
    }

    void restoreRefusesADamagedBackup()
    {
        const QString damaged = m_scratch.filePath(QStringLiteral("damaged.sqlite"));
        QVERIFY(copyBackup(m_quietBackup, damaged));
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(file.size() / 2));
        const char flipped = char(file.peek(1).at(0) ^ 0x5a);
        QVERIFY(file.write(&flipped, 1) == 1);
        file.close();

        const QString target = m_scratch.filePath(QStringLiteral("from-damaged.sqlite"));
        const ServerProcess::CliResult refused = restoreInto(damaged, target);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.errorText().contains(QLatin1String("checksum mismatch")),
                 qPrintable(refused.errorText()));
        QVERIFY(!QFileInfo::exists(target));
    }

    void restoreRefusesANewerSchema()
    {
        const QString newer = m_scratch.filePath(QStringLiteral("newer.sqlite"));
        QVERIFY(copyBackup(m_quietBackup, newer));
        int latest = 0;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(newer);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations")) && query.next());
            latest = query.value(0).toInt();
            QVERIFY(
                query.exec(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (%1, "
                                          "'2030-01-01T00:00:00Z')")
                               .arg(latest + 1)));
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        // A well-formed backup of a newer server: checksum and manifest match the file.
        const QByteArray sha = fileSha256(newer);
        QVERIFY(writeFile(newer + QStringLiteral(".sha256"), sha + "  newer.sqlite\n"));
        QFile manifestFile(newer + QStringLiteral(".manifest.json"));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
        manifestFile.close();
        manifest.insert(QStringLiteral("sha256"), QString::fromLatin1(sha));
        manifest.insert(QStringLiteral("schemaVersion"), latest + 1);
        QVERIFY(writeFile(newer + QStringLiteral(".manifest.json"), QJsonDocument(manifest).toJson()));

        const QString target = m_scratch.filePath(QStringLiteral("from-newer.sqlite"));
        const ServerProcess::CliResult refused = restoreInto(newer, target);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(
            refused.errorText().contains(QStringLiteral("schema version %1, newer than this medora-server "
                                                        "knows (%2)")
                                             .arg(latest + 1)
                                             .arg(latest)),
            qPrintable(refused.errorText()));
        QVERIFY(!QFileInfo::exists(target));
    }

    void restoreDrillIsRecorded()
    {
        const ServerProcess::CliResult drill = m_server->runCli({QStringLiteral("restore-drill")});
        QVERIFY2(drill.exitCode == 0, qPrintable(drill.errorText()));
        QCOMPARE(drill.json().value("drill").toString(), QStringLiteral("passed"));
        QVERIFY2(drill.json().value("rowsCompared").toInteger() > 2000, drill.standardOutput.constData());
        QCOMPARE(drill.json().value("backupFile").toString(), QFileInfo(m_quietBackup).fileName());
        Snapshot live(m_server->databaseFile());
        QCOMPARE(live.scalar(QStringLiteral("SELECT COUNT(*) FROM ops_restore_drill WHERE succeeded = 1")),
                 qint64(1));
        // The scratch database is gone again.
        QVERIFY(QDir(backupsFolder())
                    .entryList({QStringLiteral(".drill-*")}, QDir::AllEntries | QDir::Hidden)
                    .isEmpty());

        // A drill on a damaged backup fails, and that is on record too.
        const QString damaged = QDir(backupsFolder()).filePath(QStringLiteral("damaged-copy.sqlite"));
        QVERIFY(copyBackup(m_quietBackup, damaged));
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(100));
        QVERIFY(file.write("X", 1) == 1);
        file.close();
        const ServerProcess::CliResult failed =
            m_server->runCli({QStringLiteral("restore-drill"), QStringLiteral("--from"), damaged});
        QCOMPARE(failed.exitCode, 1);
        Snapshot after(m_server->databaseFile());
        QCOMPARE(after.scalar(QStringLiteral("SELECT COUNT(*) FROM ops_restore_drill WHERE succeeded = 0")),
                 qint64(1));
        for (const QString &suffix : {QString(), QStringLiteral(".sha256"), QStringLiteral(".manifest.json")})
            QFile::remove(damaged + suffix);
    }

    void migrateIsSafeAndNewerSchemasAreRefused()
    {
        const QString file = m_scratch.filePath(QStringLiteral("migrate.sqlite"));
        ServerProcess::Options options;
        options.environment.insert(QStringLiteral("MEDORA_DATABASE_URL"), QStringLiteral("sqlite:") + file);
        ServerProcess server(options);

        const ServerProcess::CliResult missing =
            server.runCli({QStringLiteral("migrate"), QStringLiteral("--check")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(!QFileInfo::exists(file)); // --check creates nothing
        const ServerProcess::CliResult first = server.runCli({QStringLiteral("migrate")});
        QCOMPARE(first.exitCode, 0);
        const ServerProcess::CliResult again = server.runCli({QStringLiteral("migrate")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.outputText(), first.outputText());
        const int latest = first.outputText().trimmed().section(QLatin1Char(' '), -1).toInt();
        QVERIFY(latest >= 8);
        QCOMPARE(server.runCli({QStringLiteral("migrate"), QStringLiteral("--check")}).exitCode, 0);

        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(
                query.exec(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (%1, "
                                          "'2030-01-01T00:00:00Z')")
                               .arg(latest + 1)));
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("future"));
        const ServerProcess::CliResult check =
            server.runCli({QStringLiteral("migrate"), QStringLiteral("--check")});
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.errorText().contains(QLatin1String("newer than this medora-server")),
                 qPrintable(check.errorText()));
        const ServerProcess::CliResult serve = server.runServeUntilExit();
        QCOMPARE(serve.exitCode, 1);
        QVERIFY2(serve.errorText().contains(QStringLiteral("the database schema is version %1 but this "
                                                           "medora-server knows only up to version %2")
                                                .arg(latest + 1)
                                                .arg(latest)),
                 qPrintable(serve.errorText()));
        QCOMPARE(server.runCli({QStringLiteral("migrate")}).exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestRestoreDrill)
#include "tst_restoredrill.moc"
