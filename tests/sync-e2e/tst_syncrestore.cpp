#include "SyncClinic.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QtTest>

#include <memory>
#include <random>

using namespace medora;

// Issue 8's promise to the clinic after a restore: the real medora-server is backed up while
// it serves, two PCs keep working and syncing, then the operator restores the older backup
// (`medora-server restore`, which gives the database a new identity). Nothing the PCs synced
// after the backup is lost: each PC sees the identity change, pulls everything again, keeps
// its newer versions and sends them (and the rows the server no longer has) again, and in the
// end both PCs and the server hold the same, newest data.
class TestSyncRestore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void restoredServerGetsBackWhatThePcsHold();

private:
    QString field(const SyncSnapshot &snapshot, const QUuid &patientId, const QString &name) const
    {
        return snapshot.row(EntityKind::Patient, patientId).data.value(name).toString();
    }

    std::mt19937_64 m_random{20261128};
    std::unique_ptr<SyncClinic> m_clinic;
    SyncClinic::Staff m_reception;
    std::unique_ptr<SyncTestClient> m_a;
    std::unique_ptr<SyncTestClient> m_b;
};

void TestSyncRestore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_syncrestore"));
    m_clinic = std::make_unique<SyncClinic>();
    QString error;
    QVERIFY2(m_clinic->start(&error), qPrintable(error));
    m_reception = m_clinic->addStaff(QStringLiteral("malika"), QStringLiteral("receptionist"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_a = m_clinic->makeClient(QStringLiteral("desk-a"), m_reception, &error);
    QVERIFY2(m_a, qPrintable(error));
    m_b = m_clinic->makeClient(QStringLiteral("desk-b"), m_reception, &error);
    QVERIFY2(m_b, qPrintable(error));
}

void TestSyncRestore::cleanupTestCase()
{
    m_b.reset();
    m_a.reset();
    m_clinic.reset();
}

void TestSyncRestore::restoredServerGetsBackWhatThePcsHold()
{
    SyncTestClient &a = *m_a;
    SyncTestClient &b = *m_b;
    ServerProcess &server = m_clinic->server();
    QString error;
    QString failure;

    // Before the backup: ten patients, on both PCs and the server.
    QList<QUuid> before;
    for (int i = 0; i < 10; ++i) {
        const auto patient = a.createPatient(m_random, &error);
        QVERIFY2(patient, qPrintable(error));
        before << patient->id;
    }
    QVERIFY2(a.syncUntilSettled(30000, &failure), qPrintable(failure));
    QVERIFY2(b.syncUntilSettled(30000, &failure), qPrintable(failure));

    // The nightly backup, taken while the server serves.
    const ServerProcess::CliResult backup = server.runCli({QStringLiteral("backup")});
    QVERIFY2(backup.exitCode == 0, qPrintable(backup.errorText()));
    const QJsonObject backupAnswer = backup.json();
    const QString backupFile = backupAnswer.value(QStringLiteral("backup")).toString();
    QVERIFY2(QFileInfo::exists(backupFile), qPrintable(backup.outputText()));
    const QString oldIdentity = a.journal().serverDatabaseId();
    QCOMPARE(backupAnswer.value(QStringLiteral("databaseId")).toString(), oldIdentity);

    // After the backup: A changes three patients and registers five, B one more change and
    // two more patients; all of it reaches the server and the other PC.
    QMap<QUuid, QString> expected; // the newest value of the field each edit changed
    for (int i = 0; i < 3; ++i) {
        QJsonObject written;
        QVERIFY2(a.editPatient(before[i], m_random, {QStringLiteral("phone")}, &written, &error),
                 qPrintable(error));
        expected[before[i]] = written.value(QStringLiteral("phone")).toString();
    }
    QList<QUuid> after;
    for (int i = 0; i < 5; ++i) {
        const auto patient = a.createPatient(m_random, &error);
        QVERIFY2(patient, qPrintable(error));
        after << patient->id;
    }
    QVERIFY2(a.syncUntilSettled(30000, &failure), qPrintable(failure));
    QVERIFY2(b.syncUntilSettled(30000, &failure), qPrintable(failure));
    {
        QJsonObject written;
        QVERIFY2(b.editPatient(before[5], m_random, {QStringLiteral("address")}, &written, &error),
                 qPrintable(error));
        expected[before[5]] = written.value(QStringLiteral("address")).toString();
    }
    for (int i = 0; i < 2; ++i) {
        const auto patient = b.createPatient(m_random, &error);
        QVERIFY2(patient, qPrintable(error));
        after << patient->id;
    }
    QVERIFY2(b.syncUntilSettled(30000, &failure), qPrintable(failure));
    QVERIFY2(a.syncUntilSettled(30000, &failure), qPrintable(failure));

    // The disk is lost: the operator restores last night's backup into an empty database.
    QVERIFY2(m_clinic->stopServer(&error), qPrintable(error));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(server.databaseFile() + suffix);
    const ServerProcess::CliResult restore = server.runCli({QStringLiteral("restore"), backupFile});
    QVERIFY2(restore.exitCode == 0, qPrintable(restore.errorText()));
    QVERIFY(restore.json().value(QStringLiteral("databaseId")).toString() != oldIdentity);
    QVERIFY2(m_clinic->startServerAgain(&error), qPrintable(error));

    SyncSnapshot restored;
    QVERIFY2(m_clinic->serverSnapshot(m_reception, &restored, &error), qPrintable(error));
    QCOMPARE(restored.liveRows(EntityKind::Patient).size(), 10); // what the backup held

    // B syncs first, then A; then both once more, until nothing moves.
    QVERIFY2(b.syncUntilSettled(30000, &failure), qPrintable(failure));
    QVERIFY2(a.syncUntilSettled(30000, &failure), qPrintable(failure));
    QVERIFY2(m_clinic->converge({&a, &b}, m_random, 40000, &failure), qPrintable(failure));

    QVERIFY(a.journal().serverDatabaseId() != oldIdentity);
    QCOMPARE(b.journal().serverDatabaseId(), a.journal().serverDatabaseId());
    SyncSnapshot now;
    QVERIFY2(m_clinic->serverSnapshot(m_reception, &now, &error), qPrintable(error));
    QCOMPARE(now.liveRows(EntityKind::Patient).size(), 17);
    for (const QUuid &id : after)
        QVERIFY2(now.row(EntityKind::Patient, id).revision > 0, qPrintable(id.toString()));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(field(now, before[i], QStringLiteral("phone")), expected[before[i]]);
    QCOMPARE(field(now, before[5], QStringLiteral("address")), expected[before[5]]);
    for (SyncTestClient *client : {&a, &b}) {
        const QStringList differences = m_clinic->compareWithServer(*client, now, true);
        QVERIFY2(differences.isEmpty(), qPrintable(client->name() + QStringLiteral(" differs:\n") +
                                                   differences.join(QLatin1Char('\n'))));
        QCOMPARE(client->counts().pendingOps, 0);
        QCOMPARE(client->counts().errors, 0);
        QCOMPARE(client->counts().conflicts, 0);
    }
}

QTEST_GUILESS_MAIN(TestSyncRestore)
#include "tst_syncrestore.moc"
