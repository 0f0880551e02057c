#include "MemorySecretStore.h"
#include "ServerProcess.h"
#include "api/ApiClient.h"
#include "registry/PatientRegistry.h"
#include "session/SessionManager.h"
#include "store/SyncJournal.h"
#include "sync/ApiSyncTransport.h"
#include "sync/SyncEngine.h"

#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

constexpr int kWaitMs = 15000;

// One clinic PC: its own SQLite folder, its own session to the real server, the engine.
class ClientCore
{
public:
    QTemporaryDir dir;
    PatientRegistry registry;
    std::unique_ptr<SyncJournal> journal;
    MemorySecretStore secrets;
    ApiClient api;
    std::unique_ptr<SessionManager> session;
    std::unique_ptr<ApiSyncTransport> transport;
    std::unique_ptr<SyncEngine> engine;

    ~ClientCore()
    {
        engine.reset();
        transport.reset();
        session.reset();
    }

    bool open(const ServerProcess &server, const QString &login, const QString &password,
              const QString &deviceId, QString *error)
    {
        if (!dir.isValid() || !registry.open(dir.path())) {
            *error = QStringLiteral("registry: ") + registry.lastError().message;
            return false;
        }
        journal = std::make_unique<SyncJournal>(registry.database());
        if (!api.setCaCertificateFile(server.certificateFile(), error))
            return false;
        session = std::make_unique<SessionManager>(api, secrets);
        const ApiError addressError = session->setServerAddress(server.baseUrl());
        if (!addressError.ok()) {
            *error = addressError.message;
            return false;
        }
        QSignalSpy signedIn(session.get(), &SessionManager::signedIn);
        QSignalSpy failed(session.get(), &SessionManager::signInFailed);
        session->signIn(login, password);
        if (!signedIn.wait(kWaitMs)) {
            *error = failed.isEmpty() ? QStringLiteral("no answer to the sign-in")
                                      : failed.front().front().value<ApiError>().code;
            return false;
        }
        transport = std::make_unique<ApiSyncTransport>(*session);
        transport->setDeviceId(deviceId);
        SyncEngine::Options options;
        options.debounceMs = 0;
        options.longPollSeconds = 20;
        options.backoffInitialMs = 200;
        options.backoffMaxMs = 2000;
        engine = std::make_unique<SyncEngine>(*journal, *transport, options);
        // As the desktop client does: pulled patients reach the search index.
        QObject::connect(engine.get(), &SyncEngine::pageApplied, &registry,
                         [this](int) { registry.refreshFromStore(); });
        return true;
    }

    // Starts (or restarts) the engine and waits for its first round.
    bool syncRound(QString *failure = nullptr)
    {
        QSignalSpy rounds(engine.get(), &SyncEngine::roundFinished);
        if (engine->isRunning())
            engine->syncNow();
        else
            engine->start();
        if (!rounds.wait(kWaitMs)) {
            if (failure)
                *failure = QStringLiteral("no round finished");
            return false;
        }
        if (failure)
            *failure = engine->status().lastFailure;
        return rounds.front().front().toBool();
    }

    std::optional<Patient> byId(const QUuid &id)
    {
        const std::vector<qint64> order = registry.browseOrder();
        for (const Patient &patient : registry.patients(order)) {
            if (patient.id == id)
                return patient;
        }
        return std::nullopt;
    }

    std::optional<Patient> findByName(const QString &query)
    {
        const std::vector<qint64> ids = registry.search(query, 5);
        if (ids.empty())
            return std::nullopt;
        return registry.patient(ids.front());
    }
};

} // namespace

// Two client cores, each with its own SQLite folder and session, syncing through the real
// medora-server over HTTPS: what one saves the other sees within a second, and concurrent
// edits merge field by field or become a visible conflict.
class TestSyncEngineServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void createdOnOneArrivesOnTheOtherWithinASecond();
    void concurrentEditsMergeOrConflict();
    void deletionReachesTheOtherPc();
    void cursorBehindTheHorizonResyncs();

private:
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<ClientCore> m_a;
    std::unique_ptr<ClientCore> m_b;
};

void TestSyncEngineServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_syncengine_server"));
    QSettings().clear();

    ServerProcess::Options options;
    options.tls = true;
    m_server = std::make_unique<ServerProcess>(options);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    const QString clinic = m_server->createClinic(QStringLiteral("Shifo Med"));
    QVERIFY(!clinic.isEmpty());
    const QString passwordA = QStringLiteral("tashkent spring 2024");
    const QString passwordB = QStringLiteral("samarkand autumn 2024");
    QVERIFY(!m_server->createUser(clinic, QStringLiteral("aziza"), QStringLiteral("doctor"), passwordA)
                 .id.isEmpty());
    QVERIFY(!m_server->createUser(clinic, QStringLiteral("bobur"), QStringLiteral("doctor"), passwordB)
                 .id.isEmpty());

    m_a = std::make_unique<ClientCore>();
    QVERIFY2(
        m_a->open(*m_server, QStringLiteral("aziza"), passwordA, QStringLiteral("pc-reception-1"), &error),
        qPrintable(error));
    m_b = std::make_unique<ClientCore>();
    QVERIFY2(m_b->open(*m_server, QStringLiteral("bobur"), passwordB, QStringLiteral("pc-doctor-2"), &error),
             qPrintable(error));
    QString failure;
    QVERIFY2(m_a->syncRound(&failure), qPrintable(failure));
    QVERIFY2(m_b->syncRound(&failure), qPrintable(failure));
}

void TestSyncEngineServer::cleanupTestCase()
{
    m_a.reset();
    m_b.reset();
    m_server.reset();
}

void TestSyncEngineServer::createdOnOneArrivesOnTheOtherWithinASecond()
{
    QVERIFY(m_b->engine->isRunning());
    QSignalSpy arrived(m_b->engine.get(), &SyncEngine::pageApplied);

    QElapsedTimer clock;
    clock.start();
    Patient patient;
    patient.lastName = QStringLiteral("Karimova");
    patient.firstName = QStringLiteral("Dilnoza");
    patient.sex = Sex::Female;
    patient.phone = QStringLiteral("+998901234567");
    QVERIFY(m_a->registry.registerPatient(patient));
    m_a->engine->notifyLocalChange();

    QVERIFY(arrived.wait(kWaitMs));
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(elapsed < 1000, qPrintable(QStringLiteral("arrived after %1 ms").arg(elapsed)));
    const std::optional<Patient> onB = m_b->findByName(QStringLiteral("Karimova Dilnoza"));
    QVERIFY(onB.has_value());
    QCOMPARE(onB->id, patient.id);
    QCOMPARE(onB->number, patient.number);
    QCOMPARE(onB->phone, patient.phone);
    QCOMPARE(onB->syncState, SyncState::Synced);

    // A's own row is acknowledged, and both indicators can turn green.
    QTRY_VERIFY_WITH_TIMEOUT(m_a->engine->status().pendingOps == 0, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_a->engine->status().isGreen(QDateTime::currentDateTimeUtc()), kWaitMs);
    QVERIFY(m_b->engine->status().isGreen(QDateTime::currentDateTimeUtc()));
}

void TestSyncEngineServer::concurrentEditsMergeOrConflict()
{
    Patient original;
    original.lastName = QStringLiteral("Rahimov");
    original.firstName = QStringLiteral("Bahodir");
    original.sex = Sex::Male;
    QVERIFY(m_a->registry.registerPatient(original));
    m_a->engine->notifyLocalChange();
    QTRY_VERIFY_WITH_TIMEOUT(m_b->byId(original.id).has_value(), kWaitMs);

    // Both PCs go offline and edit the same patient: the phone on both, other fields on one each.
    m_a->engine->stop();
    m_b->engine->stop();
    Patient onA = *m_a->byId(original.id);
    onA.phone = QStringLiteral("+998901111111");
    onA.address = QStringLiteral("Toshkent, Chilonzor 5");
    QVERIFY(m_a->registry.updatePatient(onA));
    Patient onB = *m_b->byId(original.id);
    onB.phone = QStringLiteral("+998902222222");
    onB.notes = QStringLiteral("Allergic reaction to penicillin in 2019");
    QVERIFY(m_b->registry.updatePatient(onB));

    QString failure;
    QVERIFY2(m_a->syncRound(&failure), qPrintable(failure));
    QVERIFY2(m_b->syncRound(&failure), qPrintable(failure));

    // B: the notes went through, the phone is a conflict a human decides; nothing was lost.
    const SyncStatus statusB = m_b->engine->status();
    QCOMPARE(statusB.conflicts, 1);
    QVERIFY(!statusB.isGreen(QDateTime::currentDateTimeUtc()));
    QCOMPARE(m_b->engine->totals().conflicts, 1);
    const QList<SyncConflict> conflicts = m_b->journal->conflicts();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts[0].entityId, original.id);
    QCOMPARE(conflicts[0].localValues.value(QStringLiteral("phone")).toString(), onB.phone);
    QCOMPARE(conflicts[0].serverValues.value(QStringLiteral("phone")).toString(), onA.phone);

    // A: B's notes arrive through A's long poll; A's phone and address stand.
    QTRY_VERIFY_WITH_TIMEOUT(m_a->byId(original.id)->notes == onB.notes, kWaitMs);
    const Patient merged = *m_a->byId(original.id);
    QCOMPARE(merged.phone, onA.phone);
    QCOMPARE(merged.address, onA.address);
    QCOMPARE(m_a->engine->status().conflicts, 0);

    // A human on B keeps B's phone: that becomes a new edit, and reaches A.
    QVERIFY(m_b->journal->resolvePatientConflict(conflicts[0].conflictId, {{QStringLiteral("phone"), true}}));
    m_b->engine->notifyLocalChange();
    QTRY_VERIFY_WITH_TIMEOUT(m_a->byId(original.id)->phone == onB.phone, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_b->engine->status().isGreen(QDateTime::currentDateTimeUtc()), kWaitMs);
    QCOMPARE(m_b->byId(original.id)->notes, onB.notes);
}

void TestSyncEngineServer::deletionReachesTheOtherPc()
{
    Patient patient;
    patient.lastName = QStringLiteral("Tursunova");
    patient.firstName = QStringLiteral("Malika");
    patient.sex = Sex::Female;
    QVERIFY(m_a->registry.registerPatient(patient));
    m_a->engine->notifyLocalChange();
    QTRY_VERIFY_WITH_TIMEOUT(m_b->byId(patient.id).has_value(), kWaitMs);
    const qint64 countOnB = m_b->registry.patientCount();

    QVERIFY(m_a->registry.removePatient(patient.localId));
    m_a->engine->notifyLocalChange();
    QTRY_COMPARE_WITH_TIMEOUT(m_b->registry.patientCount(), countOnB - 1, kWaitMs);
    QVERIFY(m_b->findByName(QStringLiteral("Tursunova Malika")) == std::nullopt);
}

void TestSyncEngineServer::cursorBehindTheHorizonResyncs()
{
    // B is switched off; meanwhile a patient is deleted and, much later, its tombstone is
    // compacted away. B's cursor is then behind the server's horizon.
    Patient doomed;
    doomed.lastName = QStringLiteral("Nazarov");
    doomed.firstName = QStringLiteral("Sherzod");
    doomed.sex = Sex::Male;
    QVERIFY(m_a->registry.registerPatient(doomed));
    m_a->engine->notifyLocalChange();
    QTRY_VERIFY_WITH_TIMEOUT(m_b->byId(doomed.id).has_value(), kWaitMs);
    m_b->engine->stop();
    const qint64 countOnB = m_b->registry.patientCount();

    QVERIFY(m_a->registry.removePatient(doomed.localId));
    Patient survivor;
    survivor.lastName = QStringLiteral("Olimova");
    survivor.firstName = QStringLiteral("Nodira");
    survivor.sex = Sex::Female;
    QVERIFY(m_a->registry.registerPatient(survivor));
    m_a->engine->notifyLocalChange();
    QTRY_VERIFY_WITH_TIMEOUT(m_a->engine->status().pendingOps == 0, kWaitMs);

    const ServerProcess::CliResult compact = m_server->runCli(
        {QStringLiteral("compact-sync"), QStringLiteral("--older-than-days"), QStringLiteral("0")});
    QVERIFY2(compact.exitCode == 0, qPrintable(compact.errorText()));

    QString failure;
    QVERIFY2(m_b->syncRound(&failure), qPrintable(failure));
    QCOMPARE(m_b->engine->totals().resyncs, 1);
    QVERIFY(!m_b->journal->isResyncing());
    QVERIFY(!m_b->byId(doomed.id).has_value() || m_b->byId(doomed.id)->deleted);
    QVERIFY(m_b->byId(survivor.id).has_value());
    QCOMPARE(m_b->registry.patientCount(), countOnB); // one gone, one new
    QVERIFY(m_b->engine->status().isGreen(QDateTime::currentDateTimeUtc()));
}

QTEST_GUILESS_MAIN(TestSyncEngineServer)
#include "tst_syncengine_server.moc"
