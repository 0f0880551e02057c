#include "store/ServerDatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using medora::server::ServerDatabase;

namespace {

QVariant scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return QVariant();
    return query.value(0);
}

} // namespace

class TestServerDatabase : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void openCreatesTheFolderAndFile();
    void migrateTwiceIsHarmless();
    void refusesANewerSchema();
    void connectionUsesWalAndForeignKeys();
    void eachThreadGetsItsOwnConnectionReleasedWhenItEnds();
    void concurrentWritersQueueInsteadOfFailing();
    void writeTransactionRollsBackAndNests();
    void cachedQueryIsPreparedOncePerThread();
    void refusesAFileThatIsNotADatabase();
    void schemaEnforcesUniquenessAndRoles();
    void auditEventsAreAppendOnly();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("data/server/medora.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestServerDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestServerDatabase::openCreatesTheFolderAndFile()
{
    ServerDatabase database(QStringLiteral("sqlite:") + path());
    QString error;
    QVERIFY2(database.open(&error), qPrintable(error));
    QVERIFY(QFileInfo::exists(path()));
    QCOMPARE(database.schemaVersion(), 0);
    QVERIFY(database.isReachable());
    QCOMPARE(database.url(), QStringLiteral("sqlite:") + path());
}

void TestServerDatabase::migrateTwiceIsHarmless()
{
    {
        ServerDatabase database(path());
        QString error;
        QVERIFY2(database.open(&error) && database.migrate(&error), qPrintable(error));
        QCOMPARE(database.schemaVersion(), ServerDatabase::latestSchemaVersion());
        QVERIFY(ServerDatabase::latestSchemaVersion() >= 1);
    }
    ServerDatabase again(path());
    QString error;
    QVERIFY2(again.open(&error) && again.migrate(&error), qPrintable(error));
    QVERIFY2(again.migrate(&error), qPrintable(error));
    QCOMPARE(again.schemaVersion(), ServerDatabase::latestSchemaVersion());
    QSqlDatabase db = again.connection();
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM schema_migrations")).toInt(),
             ServerDatabase::latestSchemaVersion());
    QVERIFY(!scalar(db, QStringLiteral("SELECT applied_at FROM schema_migrations WHERE version = 1"))
                 .toString()
                 .isEmpty());
    const QStringList tables = db.tables();
    for (const char *table :
         {"clinics", "staff", "sessions", "audit_events", "used_refresh_tokens", "schema_migrations"})
        QVERIFY2(tables.contains(QString::fromLatin1(table)), table);
}

void TestServerDatabase::refusesANewerSchema()
{
    ServerDatabase database(path());
    QString error;
    QVERIFY2(database.open(&error) && database.migrate(&error), qPrintable(error));
    const int newer = ServerDatabase::latestSchemaVersion() + 1;
    QSqlQuery insert(database.connection());
    QVERIFY(insert.exec(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (%1, "
                                       "'2030-01-01T00:00:00.000Z')")
                            .arg(newer)));
    QVERIFY(!database.migrate(&error));
    QVERIFY2(error.contains(QString::number(newer)), qPrintable(error));
    QVERIFY2(error.contains(QString::number(ServerDatabase::latestSchemaVersion())), qPrintable(error));
    QCOMPARE(database.schemaVersion(), newer);
}

void TestServerDatabase::connectionUsesWalAndForeignKeys()
{
    ServerDatabase database(path());
    QString error;
    QVERIFY2(database.open(&error) && database.migrate(&error), qPrintable(error));
    QSqlDatabase db = database.connection();
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA busy_timeout")).toInt(), 5000);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA synchronous")).toInt(), 1); // NORMAL
    // Foreign keys are enforced: a staff row needs its clinic.
    QSqlQuery orphan(db);
    QVERIFY(!orphan.exec(QStringLiteral(
        "INSERT INTO staff (id, clinic_id, login, full_name, role, password_hash, created_at, updated_at, "
        "password_changed_at) VALUES ('u1', 'no-such-clinic', 'aziza', 'Aziza', 'doctor', 'x', 0, 0, 0)")));
}

void TestServerDatabase::eachThreadGetsItsOwnConnectionReleasedWhenItEnds()
{
    ServerDatabase database(path());
    QString error;
    QVERIFY2(database.open(&error) && database.migrate(&error), qPrintable(error));
    const QString mainName = database.connection().connectionName();

    QString threadName;
    bool threadWrote = false;
    bool stableName = false;
    QThread *thread = QThread::create([&] {
        QSqlDatabase db = database.connection();
        threadName = db.connectionName();
        threadWrote = database.writeTransaction([](QSqlDatabase &tx) {
            QSqlQuery insert(tx);
            return insert.exec(
                QStringLiteral("INSERT INTO clinics (id, name, created_at) VALUES ('c1', 'Shifo', 1)"));
        });
        stableName = database.connection().connectionName() == threadName;
    });
    thread->start();
    QVERIFY(thread->wait(5000));
    delete thread;

    QVERIFY(!threadName.isEmpty());
    QVERIFY(threadName != mainName);
    QVERIFY(threadWrote);
    QVERIFY(stableName);
    // The write from the other thread is visible here, and its connection is gone.
    QCOMPARE(
        scalar(database.connection(), QStringLiteral("SELECT name FROM clinics WHERE id = 'c1'")).toString(),
        QStringLiteral("Shifo"));
    QVERIFY(!QSqlDatabase::connectionNames().contains(threadName));
    QVERIFY(QSqlDatabase::connectionNames().contains(mainName));
}

void TestServerDatabase::concurrentWritersQueueInsteadOfFailing()
{
    ServerDatabase database(path());
    QString error;
    QVERIFY2(database.open(&error) && database.migrate(&error), qPrintable(error));
    constexpr int kThreads = 3;
    constexpr int kWrites = 60;
    QAtomicInt failures = 0;
    QList<QThread *> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.append(QThread::create([&database, &failures, t] {
            for (int i = 0; i < kWrites; ++i) {
                // Read-then-write inside the transaction: only safe because BEGIN IMMEDIATE
                // serializes writers.
                const bool ok = database.writeTransaction([&](QSqlDatabase &tx) {
                    QSqlQuery count(tx);
                    if (!count.exec(QStringLiteral("SELECT COUNT(*) FROM clinics")) || !count.next())
                        return false;
                    const int next = count.value(0).toInt();
                    count.finish();
                    QSqlQuery insert(tx);
                    insert.prepare(
                        QStringLiteral("INSERT INTO clinics (id, name, created_at) VALUES (?, ?, ?)"));
                    insert.addBindValue(QStringLiteral("clinic-%1").arg(next));
                    insert.addBindValue(QStringLiteral("thread %1").arg(t));
                    insert.addBindValue(i);
                    return insert.exec();
                });
                if (!ok)
                    failures.fetchAndAddOrdered(1);
            }
        }));
    }
    for (QThread *thread : threads)
        thread->start();
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(20000));
        delete thread;
    }
    QCOMPARE(failures.loadRelaxed(), 0);
    QCOMPARE(scalar(database.connection(), QStringLiteral("SELECT COUNT(*) FROM clinics")).toInt(),
             kThreads * kWrites);
}

void TestServerDatabase::writeTransactionRollsBackAndNests()
{
    ServerDatabase database(path());
    QString error;
    QVERIFY2(database.open(&error) && database.migrate(&error), qPrintable(error));
    auto insertClinic = [](QSqlDatabase &tx, const QString &id) {
        QSqlQuery insert(tx);
        insert.prepare(QStringLiteral("INSERT INTO clinics (id, name, created_at) VALUES (?, 'x', 0)"));
        insert.addBindValue(id);
        return insert.exec();
    };
    QVERIFY(!database.writeTransaction([&](QSqlDatabase &tx) {
        insertClinic(tx, QStringLiteral("rolled-back"));
        return false;
    }));
    QVERIFY(database.writeTransaction([&](QSqlDatabase &tx) {
        if (!insertClinic(tx, QStringLiteral("outer")))
            return false;
        // A failing inner step rolls back only itself.
        const bool inner = database.writeTransaction([&](QSqlDatabase &nested) {
            insertClinic(nested, QStringLiteral("inner"));
            return false;
        });
        return !inner;
    }));
    QSqlDatabase db = database.connection();
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM clinics WHERE id = 'rolled-back'")).toInt(), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM clinics WHERE id = 'outer'")).toInt(), 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM clinics WHERE id = 'inner'")).toInt(), 0);
    // A failed commit (constraint) is reported as not committed.
    QVERIFY(!database.writeTransaction(
        [&](QSqlDatabase &tx) { return insertClinic(tx, QStringLiteral("outer")); }));
}

void TestServerDatabase::cachedQueryIsPreparedOncePerThread()
{
    ServerDatabase database(path());
    QString error;
    QVERIFY2(database.open(&error) && database.migrate(&error), qPrintable(error));
    const QString sql = QStringLiteral("SELECT COUNT(*) FROM clinics WHERE name = ?");
    QSqlQuery *first = database.cachedQuery(sql, &error);
    QVERIFY2(first, qPrintable(error));
    QCOMPARE(database.cachedQuery(sql), first);
    first->bindValue(0, QStringLiteral("none"));
    QVERIFY(first->exec() && first->next());
    QCOMPARE(first->value(0).toInt(), 0);
    first->finish();

    QSqlQuery *other = nullptr;
    QThread *thread = QThread::create([&] {
        other = database.cachedQuery(sql);
        if (other) {
            other->bindValue(0, QStringLiteral("none"));
            if (!other->exec() || !other->next())
                other = nullptr;
            else
                other->finish();
        }
    });
    thread->start();
    QVERIFY(thread->wait(5000));
    delete thread;
    QVERIFY(other != nullptr);
    QVERIFY(other != first);
    QVERIFY(!database.cachedQuery(QStringLiteral("SELECT nonsense FROM nowhere"), &error));
    QVERIFY(!error.isEmpty());
}

void TestServerDatabase::refusesAFileThatIsNotADatabase()
{
    QDir().mkpath(QFileInfo(path()).absolutePath());
    QFile junk(path());
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'j'));
    junk.close();
    ServerDatabase database(path());
    QString error;
    QVERIFY(!database.open(&error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!database.isReachable());
}

void TestServerDatabase::schemaEnforcesUniquenessAndRoles()
{
    ServerDatabase database(path());
    QString error;
    QVERIFY2(database.open(&error) && database.migrate(&error), qPrintable(error));
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("INSERT INTO clinics (id, name, created_at) VALUES ('c', 'C', 0)")));
    const QString insert =
        QStringLiteral("INSERT INTO staff (id, clinic_id, login, phone, full_name, role, password_hash, "
                       "created_at, updated_at, "
                       "password_changed_at) VALUES ('%1', 'c', '%2', %3, 'N', '%4', 'h', 0, 0, 0)");
    QVERIFY(query.exec(insert.arg(QStringLiteral("u1"), QStringLiteral("a1"), QStringLiteral("NULL"),
                                  QStringLiteral("doctor"))));
    // Several accounts without a phone are fine; the same login or phone twice is not.
    QVERIFY(query.exec(insert.arg(QStringLiteral("u2"), QStringLiteral("a2"), QStringLiteral("NULL"),
                                  QStringLiteral("receptionist"))));
    QVERIFY(query.exec(insert.arg(QStringLiteral("u3"), QStringLiteral("a3"),
                                  QStringLiteral("'+998901234567'"), QStringLiteral("clinic_admin"))));
    QVERIFY(!query.exec(insert.arg(QStringLiteral("u4"), QStringLiteral("a1"), QStringLiteral("NULL"),
                                   QStringLiteral("doctor"))));
    QVERIFY(!query.exec(insert.arg(QStringLiteral("u5"), QStringLiteral("a5"),
                                   QStringLiteral("'+998901234567'"), QStringLiteral("doctor"))));
    QVERIFY(!query.exec(insert.arg(QStringLiteral("u6"), QStringLiteral("a6"), QStringLiteral("NULL"),
                                   QStringLiteral("superuser"))));
}

void TestServerDatabase::auditEventsAreAppendOnly()
{
    ServerDatabase database(path());
    QString error;
    QVERIFY2(database.open(&error) && database.migrate(&error), qPrintable(error));
    QSqlQuery query(database.connection());
    QVERIFY2(query.exec(QStringLiteral("INSERT INTO audit_events (sequence, at, at_ms, action, details, "
                                       "previous_hash, hash) VALUES (1, 't', 0, 'a', '{}', 'p', 'h')")),
             qPrintable(query.lastError().text()));
    QVERIFY(
        !query.exec(QStringLiteral("UPDATE audit_events SET actor_login = 'mallory' WHERE sequence = 1")));
    QVERIFY2(query.lastError().text().contains(QLatin1String("append-only")),
             qPrintable(query.lastError().text()));
    QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_events WHERE sequence = 1")));
    QVERIFY2(query.lastError().text().contains(QLatin1String("append-only")),
             qPrintable(query.lastError().text()));
    QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_events")));
    QCOMPARE(scalar(database.connection(), QStringLiteral("SELECT actor_login FROM audit_events")).toString(),
             QString());
    QCOMPARE(scalar(database.connection(), QStringLiteral("SELECT COUNT(*) FROM audit_events")).toInt(), 1);
    // Appending still works.
    QVERIFY(query.exec(QStringLiteral("INSERT INTO audit_events (sequence, at, at_ms, action, details, "
                                      "previous_hash, hash) VALUES (2, 't', 0, 'a', '{}', 'h', 'h2')")));
}

QTEST_GUILESS_MAIN(TestServerDatabase)
#include "tst_serverdatabase.moc"
