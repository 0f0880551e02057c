#include "FakeSyncTransport.h"
#include "domain/EntityJson.h"
#include "domain/PatientNumber.h"
#include "domain/UuidV7.h"
#include "registry/PatientRegistry.h"
#include "store/SyncJournal.h"
#include "sync/SyncEngine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

constexpr int kWaitMs = 5000;

QJsonObject remotePatientData(const QString &lastName, const QString &firstName, int sequence)
{
    Patient patient;
    patient.number = PatientNumber::format(QStringLiteral("RMT"), sequence);
    patient.lastName = lastName;
    patient.firstName = firstName;
    patient.sex = Sex::Female;
    patient.createdAt = QDateTime::currentDateTimeUtc();
    patient.createdBy = QStringLiteral("remote");
    return EntityJson::toJson(patient);
}

// One client core: a registry in its own folder, its journal, a fake server and the engine.
struct Client
{
    QTemporaryDir dir;
    PatientRegistry registry;
    std::unique_ptr<SyncJournal> journal;
    FakeSyncTransport *transport = nullptr; // not owned: the server may outlive a client
    std::unique_ptr<SyncEngine> engine;

    bool open()
    {
        if (!dir.isValid() || !registry.open(dir.path()))
            return false;
        journal = std::make_unique<SyncJournal>(registry.database());
        return true;
    }
    void makeEngine(FakeSyncTransport &server, const SyncEngine::Options &options)
    {
        transport = &server;
        engine = std::make_unique<SyncEngine>(*journal, server, options);
    }
    qint64 addPatient(const QString &lastName, const QString &firstName)
    {
        Patient patient;
        patient.lastName = lastName;
        patient.firstName = firstName;
        patient.sex = Sex::Male;
        FieldErrors errors;
        if (!registry.registerPatient(patient, &errors)) {
            qWarning("registerPatient: %s %s", qPrintable(registry.lastError().message),
                     qPrintable(errors.isEmpty()
                                    ? QString()
                                    : errors.front().field + QLatin1Char(' ') + errors.front().message));
            return 0;
        }
        return patient.localId;
    }
};

SyncEngine::Options quickOptions()
{
    SyncEngine::Options options;
    options.debounceMs = 0;
    options.periodicMs = 0;
    options.longPollSeconds = 0;
    options.backoffInitialMs = 20;
    options.backoffMaxMs = 200;
    options.batchOps = 100; // the tests count batches of 100
    return options;
}

// Waits for the next roundFinished and returns its `ok`; fails the test when none comes.
bool nextRound(SyncEngine &engine, bool *ok, int timeoutMs = kWaitMs)
{
    QSignalSpy spy(&engine, &SyncEngine::roundFinished);
    if (!spy.wait(timeoutMs))
        return false;
    *ok = spy.front().front().toBool();
    return true;
}

QSet<QUuid> opIds(const QList<PushOperation> &ops)
{
    QSet<QUuid> ids;
    for (const PushOperation &op : ops)
        ids.insert(op.opId);
    return ids;
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private slots:
    void backoffDelayIsExponentialWithJitterBounds();
    void roundPushesEverythingThenPulls();
    void pullsPagesInOrderAndTheCursorMovesOnlyAfterApply();
    void failuresBackOffExponentiallyAndResetAfterSuccess();
    void debounceCoalescesSaves();
    void longPollStaysOpenAndDeliversRemoteChanges();
    void localChangeDuringLongPollCancelsItAndPushes();
    void lostPushAnswerIsReplayedAsDuplicate();
    void offlineNeverCountsButServerErrorsEndInTheErrorList();
    void rejectedOpIsKeptInTheErrorList();
    void conflictIsVisibleInTheStatus();
    void resyncAfter410PullsEverythingAgain();
    void crashDuringUploadIsRecoveredFromTheStore();
    void unavailableSessionPausesAndReconnectResumes();
    void reconnectCutsTheBackoffShort();
    void stopCancelsCallsWithoutLosingOps();
    void pushesOverlapUpToTheConfiguredDepth();
    void failedPushTakesTheOneInFlightBackToo();
    void nextPageIsAskedForBeforeThisOneArrives();
    void pageAnsweredEarlyWaitsForItsPredecessor();
};

void TestSyncEngine::backoffDelayIsExponentialWithJitterBounds()
{
    // Lowest jitter: half the base; highest: the base itself; the base doubles up to the cap.
    QCOMPARE(SyncEngine::backoffDelayMs(1, 1000, 300000, 0.0), 500);
    QCOMPARE(SyncEngine::backoffDelayMs(2, 1000, 300000, 0.0), 1000);
    QCOMPARE(SyncEngine::backoffDelayMs(3, 1000, 300000, 0.0), 2000);
    QCOMPARE(SyncEngine::backoffDelayMs(1, 1000, 300000, 1.0), 1000);
    QCOMPARE(SyncEngine::backoffDelayMs(5, 1000, 300000, 1.0), 16000);
    QCOMPARE(SyncEngine::backoffDelayMs(5, 1000, 300000, 0.5), 12000);
    QCOMPARE(SyncEngine::backoffDelayMs(9, 1000, 300000, 1.0), 256000);
    QCOMPARE(SyncEngine::backoffDelayMs(10, 1000, 300000, 1.0), 300000); // capped
    QCOMPARE(SyncEngine::backoffDelayMs(1000, 1000, 300000, 0.0), 150000);
    for (int failures = 1; failures < 40; ++failures) {
        const qint64 base = std::min<qint64>(300000, 1000LL << std::min(failures - 1, 20));
        for (double r : {0.0, 0.25, 0.999}) {
            const qint64 delay = SyncEngine::backoffDelayMs(failures, 1000, 300000, r);
            QVERIFY(delay >= base / 2);
            QVERIFY(delay <= base);
        }
    }
}

void TestSyncEngine::roundPushesEverythingThenPulls()
{
    FakeSyncTransport server; // outlives the client and its engine
    server.responseDelayMs = 20;
    Client client;
    QVERIFY(client.open());
    for (int i = 0; i < 250; ++i)
        QVERIFY(client.addPatient(QStringLiteral("Karimov"),
                                  QStringLiteral("Alisher%1").arg(QChar('a' + i % 26))) > 0);
    QCOMPARE(client.journal->counts().pendingOps, 250);

    client.makeEngine(server, quickOptions());
    QSignalSpy statuses(client.engine.get(), &SyncEngine::statusChanged);
    QVERIFY(!client.engine->status().isGreen(QDateTime::currentDateTimeUtc()));
    client.engine->start();
    bool ok = false;
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(ok);

    QCOMPARE(server.pushes.size(), 3);
    QCOMPARE(server.pushes[0].ops.size(), 100);
    QCOMPARE(server.pushes[1].ops.size(), 100);
    QCOMPARE(server.pushes[2].ops.size(), 50);
    QCOMPARE(server.records.size(), 250);
    for (int applied : server.timesApplied)
        QCOMPARE(applied, 1);
    // The pull comes after every push, so the round's own changes come back in it.
    QCOMPARE(server.pulls.size(), 1);
    QVERIFY(server.pulls[0].atMs >= server.pushes[2].atMs);
    QCOMPARE(server.pulls[0].waitSeconds, 0);

    const SyncStatus status = client.engine->status();
    QCOMPARE(status.pendingOps, 0);
    QCOMPARE(status.errors, 0);
    QVERIFY(status.lastPullSucceededAt.isValid());
    QVERIFY(status.lastFailure.isEmpty());
    QVERIFY(status.isGreen(QDateTime::currentDateTimeUtc()));
    QCOMPARE(client.engine->totals().appliedOps, 250);
    // The indicator saw the work as it happened: pushing, then everything acknowledged.
    bool sawPushing = false;
    for (const QList<QVariant> &arguments : statuses)
        sawPushing = sawPushing || arguments[0].value<SyncStatus>().activity == SyncStatus::Activity::Pushing;
    QVERIFY(sawPushing);
    QVERIFY(statuses.back()[0].value<SyncStatus>().isGreen(QDateTime::currentDateTimeUtc()));
}

void TestSyncEngine::pullsPagesInOrderAndTheCursorMovesOnlyAfterApply()
{
    for (const bool prefetch : {true, false}) {
        FakeSyncTransport server; // outlives the client and its engine
        Client client;
        QVERIFY(client.open());
        QList<qint64> sequences;
        for (int i = 0; i < 25; ++i)
            sequences << server.putRecord(EntityKind::Patient, UuidV7::generate(),
                                          remotePatientData(QStringLiteral("Yusupova"),
                                                            QStringLiteral("Gulnora%1").arg(QChar('a' + i)),
                                                            i + 1));
        // The second page fails once: the retry must ask for it again, not for the first
        // page and not for the third.
        bool failedOnce = false;
        server.pullFault = [&](const FakeSyncTransport::PullCall &call) -> std::optional<ApiError> {
            if (call.after == sequences[9] && !failedOnce) {
                failedOnce = true;
                return FakeSyncTransport::offline();
            }
            return std::nullopt;
        };
        SyncEngine::Options options = quickOptions();
        options.pullLimit = 10;
        options.prefetchPages = prefetch;
        client.makeEngine(server, options);
        QSignalSpy pages(client.engine.get(), &SyncEngine::pageApplied);
        client.engine->start();
        bool ok = true;
        QVERIFY(nextRound(*client.engine, &ok));
        QVERIFY(!ok);
        QCOMPARE(client.journal->cursor(), sequences[9]); // page one applied, page two not
        QVERIFY(nextRound(*client.engine, &ok));
        QVERIFY(ok);

        QList<qint64> afters;
        for (const FakeSyncTransport::PullCall &call : server.pulls)
            afters << call.after;
        QCOMPARE(afters, (QList<qint64>{0, sequences[9], sequences[9], sequences[19]}));
        QCOMPARE(client.journal->cursor(), sequences[24]);
        int applied = 0;
        for (const QList<QVariant> &arguments : pages)
            applied += arguments[0].toInt();
        QCOMPARE(applied, 25);
        QCOMPARE(client.registry.store().count(), 25);
        QCOMPARE(client.engine->totals().pulledRecords, 25);
    }
}

void TestSyncEngine::failuresBackOffExponentiallyAndResetAfterSuccess()
{
    FakeSyncTransport server; // outlives the client and its engine
    Client client;
    QVERIFY(client.open());
    SyncEngine::Options options = quickOptions();
    options.backoffInitialMs = 40;
    options.backoffMaxMs = 400;
    client.makeEngine(server, options);
    for (int i = 0; i < 6; ++i)
        server.pullFailures << FakeSyncTransport::offline();

    QSignalSpy rounds(client.engine.get(), &SyncEngine::roundFinished);
    client.engine->start();
    QVERIFY(QTest::qWaitFor([&] { return !rounds.isEmpty(); }, kWaitMs));
    // While it waits, the status says so, with when and why.
    SyncStatus waiting = client.engine->status();
    QCOMPARE(waiting.activity, SyncStatus::Activity::WaitingToRetry);
    QVERIFY(waiting.nextAttemptAt > QDateTime::currentDateTimeUtc().addMSecs(-5));
    QVERIFY(!waiting.lastFailure.isEmpty());
    QVERIFY(!waiting.isGreen(QDateTime::currentDateTimeUtc()));

    QVERIFY(QTest::qWaitFor([&] { return rounds.size() == 7; }, kWaitMs));
    QVERIFY(!rounds[5][0].toBool());
    QVERIFY(rounds[6][0].toBool());
    QCOMPARE(server.pulls.size(), 7);
    for (int failure = 1; failure <= 6; ++failure) {
        const qint64 base = std::min<qint64>(400, 40LL << (failure - 1));
        const qint64 waited = server.pulls[failure].atMs - server.pulls[failure - 1].atMs;
        // Timer slack (coarse timers, a loaded machine) only ever makes the wait longer.
        QVERIFY2(waited >= base / 2 * 95 / 100 - 2 && waited <= base + 60,
                 qPrintable(
                     QStringLiteral("retry %1 after %2 ms, base %3 ms").arg(failure).arg(waited).arg(base)));
    }
    QVERIFY(client.engine->status().lastFailure.isEmpty());
    QCOMPARE(client.engine->status().activity, SyncStatus::Activity::Idle);

    // After the success the next failure starts from the initial delay again.
    server.pullFailures << FakeSyncTransport::offline();
    client.engine->syncNow();
    QVERIFY(QTest::qWaitFor([&] { return rounds.size() == 9; }, kWaitMs));
    const qint64 waited = server.pulls[8].atMs - server.pulls[7].atMs;
    QVERIFY2(waited >= 18 && waited <= 40 + 60, qPrintable(QString::number(waited)));
    QCOMPARE(client.engine->totals().failedRounds, 7);
}

void TestSyncEngine::debounceCoalescesSaves()
{
    FakeSyncTransport server; // outlives the client and its engine
    Client client;
    QVERIFY(client.open());
    SyncEngine::Options options = quickOptions();
    options.debounceMs = 300;
    client.makeEngine(server, options);
    client.engine->start();
    bool ok = false;
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(ok);
    QCOMPARE(server.pushes.size(), 0);

    const qint64 firstSave = server.elapsedMs();
    QVERIFY(client.addPatient(QStringLiteral("Rahimov"), QStringLiteral("Bobur")) > 0);
    client.engine->notifyLocalChange();
    QCOMPARE(client.engine->status().pendingOps, 1); // the indicator knows at once
    QTest::qWait(100);
    QCOMPARE(server.pushes.size(), 0);
    const qint64 secondSave = server.elapsedMs();
    QVERIFY(client.addPatient(QStringLiteral("Rahimova"), QStringLiteral("Dilnoza")) > 0);
    client.engine->notifyLocalChange();
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(ok);
    QCOMPARE(server.pushes.size(), 1);
    QCOMPARE(server.pushes[0].ops.size(), 2);
    QVERIFY2(server.pushes[0].atMs >= secondSave + 295,
             qPrintable(QString::number(server.pushes[0].atMs - secondSave)));
    QVERIFY(server.pushes[0].atMs <= firstSave + 3 * 300 + 100);

    // debounceMs = 0: at once.
    client.engine.reset();
    options.debounceMs = 0;
    client.makeEngine(server, options);
    client.engine->start();
    QVERIFY(nextRound(*client.engine, &ok));
    const qint64 save = server.elapsedMs();
    QVERIFY(client.addPatient(QStringLiteral("Tursunov"), QStringLiteral("Jasur")) > 0);
    client.engine->notifyLocalChange();
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(ok);
    QCOMPARE(server.pushes.size(), 2);
    QVERIFY2(server.pushes[1].atMs - save < 100, qPrintable(QString::number(server.pushes[1].atMs - save)));
}

void TestSyncEngine::longPollStaysOpenAndDeliversRemoteChanges()
{
    FakeSyncTransport server; // outlives the client and its engine
    Client client;
    QVERIFY(client.open());
    server.msPerWaitSecond = 300; // a 2 s wait is held 600 ms here
    SyncEngine::Options options = quickOptions();
    options.longPollSeconds = 2;
    client.makeEngine(server, options);
    client.engine->start();
    bool ok = false;
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(ok);

    const auto longPolls = [&] {
        return std::count_if(server.pulls.begin(), server.pulls.end(),
                             [](const FakeSyncTransport::PullCall &call) { return call.waitSeconds == 2; });
    };
    QVERIFY(QTest::qWaitFor([&] { return longPolls() == 1; }, kWaitMs));
    const QDateTime firstPull = client.engine->status().lastPullSucceededAt;
    // An empty answer is a successful pull too (the status stays fresh), and the poll reopens.
    QVERIFY(QTest::qWaitFor([&] { return longPolls() == 3; }, kWaitMs));
    QVERIFY(client.engine->status().lastPullSucceededAt > firstPull);
    QCOMPARE(server.heldLongPolls(), 1);
    QCOMPARE(client.engine->status().activity, SyncStatus::Activity::Idle);

    // Another PC's change arrives while the poll is held: it is here at once.
    QSignalSpy pages(client.engine.get(), &SyncEngine::pageApplied);
    QElapsedTimer clock;
    clock.start();
    server.putRecord(EntityKind::Patient, UuidV7::generate(),
                     remotePatientData(QStringLiteral("Saidova"), QStringLiteral("Malika"), 1));
    QVERIFY(pages.wait(kWaitMs));
    QVERIFY2(clock.elapsed() < 200, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(client.registry.store().count(), 1);
    QVERIFY(QTest::qWaitFor([&] { return server.heldLongPolls() == 1; }, kWaitMs));
    QCOMPARE(client.journal->cursor(), server.lastSequence);
}

void TestSyncEngine::localChangeDuringLongPollCancelsItAndPushes()
{
    FakeSyncTransport server; // outlives the client and its engine
    Client client;
    QVERIFY(client.open());
    server.msPerWaitSecond = 5000; // never answers by itself within this test
    SyncEngine::Options options = quickOptions();
    options.longPollSeconds = 2;
    client.makeEngine(server, options);
    client.engine->start();
    QVERIFY(QTest::qWaitFor([&] { return server.heldLongPolls() == 1; }, kWaitMs));
    const int pullsBefore = server.pulls.size();

    QElapsedTimer clock;
    clock.start();
    QVERIFY(client.addPatient(QStringLiteral("Nazarov"), QStringLiteral("Sherzod")) > 0);
    client.engine->notifyLocalChange();
    QSignalSpy pushed(&server, &FakeSyncTransport::pushReceived);
    QVERIFY(pushed.wait(kWaitMs));
    QVERIFY2(clock.elapsed() < 200, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(server.cancelled, 1);
    QCOMPARE(server.pushes.size(), 1);
    // Then a pull that brings the change back, and the long poll again.
    QVERIFY(QTest::qWaitFor(
        [&] { return server.heldLongPolls() == 1 && server.pulls.size() == pullsBefore + 2; }, kWaitMs));
    QCOMPARE(server.pulls[pullsBefore].waitSeconds, 0);
    QCOMPARE(server.pulls[pullsBefore + 1].waitSeconds, 2);
    QCOMPARE(client.engine->status().pendingOps, 0);
}

void TestSyncEngine::lostPushAnswerIsReplayedAsDuplicate()
{
    FakeSyncTransport server; // outlives the client and its engine
    Client client;
    QVERIFY(client.open());
    for (int i = 0; i < 5; ++i)
        QVERIFY(client.addPatient(QStringLiteral("Ergashev"), QStringLiteral("Timur%1").arg(QChar('a' + i))) >
                0);
    server.losePushResponses = 1; // applied on the server, the answer never arrives
    client.makeEngine(server, quickOptions());
    client.engine->start();
    bool ok = true;
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(!ok);
    QCOMPARE(client.journal->counts().pendingOps, 5); // nothing assumed, nothing lost
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(ok);

    QCOMPARE(server.pushes.size(), 2);
    QCOMPARE(opIds(server.pushes[1].ops), opIds(server.pushes[0].ops));
    QCOMPARE(server.records.size(), 5);
    for (int applied : server.timesApplied)
        QCOMPARE(applied, 1);
    const SyncCounts counts = client.journal->counts();
    QCOMPARE(counts.pendingOps, 0);
    QCOMPARE(counts.errors, 0);
    QCOMPARE(client.engine->totals().appliedOps, 5);
}

void TestSyncEngine::offlineNeverCountsButServerErrorsEndInTheErrorList()
{
    FakeSyncTransport server; // outlives the client and its engine
    Client client;
    QVERIFY(client.open());
    QVERIFY(client.addPatient(QStringLiteral("Qodirov"), QStringLiteral("Anvar")) > 0);
    SyncEngine::Options options = quickOptions();
    options.backoffInitialMs = 5;
    options.backoffMaxMs = 10;
    client.makeEngine(server, options);

    // Being offline for longer than any number of attempts never moves an op to the errors.
    for (int i = 0; i < SyncJournal::kMaxTransportAttempts + 4; ++i)
        server.pushFailures << FakeSyncTransport::offline();
    QSignalSpy rounds(client.engine.get(), &SyncEngine::roundFinished);
    client.engine->start();
    QVERIFY(
        QTest::qWaitFor([&] { return rounds.size() == SyncJournal::kMaxTransportAttempts + 5; }, kWaitMs));
    QVERIFY(rounds.back()[0].toBool());
    QCOMPARE(client.journal->counts().errors, 0);
    QCOMPARE(client.journal->counts().pendingOps, 0);

    // A server that keeps failing on the batch: attempts count, and the op ends in the error
    // list with its reason, still there.
    QVERIFY(client.addPatient(QStringLiteral("Qodirova"), QStringLiteral("Zarina")) > 0);
    for (int i = 0; i < SyncJournal::kMaxTransportAttempts; ++i)
        server.pushFailures << FakeSyncTransport::serverError(500, QStringLiteral("internal_error"));
    rounds.clear();
    client.engine->notifyLocalChange();
    QVERIFY(QTest::qWaitFor(
        [&] {
            return !rounds.isEmpty() && rounds.back()[0].toBool() && client.journal->counts().errors == 1;
        },
        kWaitMs));
    QCOMPARE(server.pushes.size(),
             SyncJournal::kMaxTransportAttempts + 5 + SyncJournal::kMaxTransportAttempts);
    const QList<OutboxError> errors = client.journal->errors();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].reasonCode, QStringLiteral("internal_error"));
    QCOMPARE(errors[0].attempts, SyncJournal::kMaxTransportAttempts);
    QCOMPARE(client.engine->status().errors, 1);
    QVERIFY(!client.engine->status().isGreen(QDateTime::currentDateTimeUtc()));

    // Retried on request, it goes through.
    QVERIFY(client.journal->retryAllErrors());
    client.engine->syncNow();
    bool ok = false;
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(ok);
    QCOMPARE(client.journal->counts().errors, 0);
    QCOMPARE(server.records.size(), 2);
}

void TestSyncEngine::rejectedOpIsKeptInTheErrorList()
{
    FakeSyncTransport server; // outlives the client and its engine
    Client client;
    QVERIFY(client.open());
    QVERIFY(client.addPatient(QStringLiteral("Olimov"), QStringLiteral("Botir")) > 0);
    QVERIFY(client.addPatient(QStringLiteral("Olimova"), QStringLiteral("Nodira")) > 0);
    server.pushRule = [](const PushOperation &op) -> std::optional<PushResult> {
        if (op.data.value(QStringLiteral("firstName")).toString() != QLatin1String("Botir"))
            return std::nullopt;
        PushResult rejected;
        rejected.status = PushStatus::Rejected;
        rejected.reasonCode = QStringLiteral("forbidden");
        rejected.reasonMessage = QStringLiteral("not allowed");
        return rejected;
    };
    client.makeEngine(server, quickOptions());
    client.engine->start();
    bool ok = false;
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(ok);
    QCOMPARE(server.records.size(), 1); // the other op went through
    const QList<OutboxError> errors = client.journal->errors();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].reasonCode, QStringLiteral("forbidden"));
    QCOMPARE(client.engine->status().errors, 1);
    QCOMPARE(client.engine->totals().rejectedOps, 1);
    QVERIFY(!client.engine->status().isGreen(QDateTime::currentDateTimeUtc()));
    // Later rounds do not resend it on their own, and do not drop it either.
    client.engine->syncNow();
    QVERIFY(nextRound(*client.engine, &ok));
    QCOMPARE(server.pushes.size(), 1);
    QCOMPARE(client.journal->errors().size(), 1);
}

void TestSyncEngine::conflictIsVisibleInTheStatus()
{
    FakeSyncTransport server; // outlives the client and its engine
    Client client;
    QVERIFY(client.open());
    const qint64 localId = client.addPatient(QStringLiteral("Mirzayev"), QStringLiteral("Olim"));
    QVERIFY(localId > 0);
    client.makeEngine(server, quickOptions());
    client.engine->start();
    bool ok = false;
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(ok);
    Patient patient = *client.registry.patient(localId);
    QCOMPARE(patient.revision, 1);

    // Another PC changed the phone on the server; this PC changes it too before it pulls.
    QJsonObject serverData = server.records.value(patient.id).data;
    serverData.insert(QStringLiteral("phone"), QStringLiteral("+998901112233"));
    server.putRecord(EntityKind::Patient, patient.id, serverData);
    server.pushRule = [&server](const PushOperation &op) -> std::optional<PushResult> {
        PushResult conflict;
        conflict.status = PushStatus::Conflict;
        conflict.hasRecord = true;
        conflict.record = server.records.value(op.id);
        conflict.revision = conflict.record.revision;
        conflict.sequence = conflict.record.sequence;
        conflict.conflictFields = QStringList{QStringLiteral("phone")};
        conflict.conflictValues =
            QJsonObject{{QStringLiteral("phone"), op.data.value(QStringLiteral("phone"))}};
        return conflict;
    };
    patient.phone = QStringLiteral("+998909998877");
    QVERIFY(client.registry.updatePatient(patient));
    client.engine->notifyLocalChange();
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(ok);

    QCOMPARE(client.engine->totals().conflicts, 1);
    const SyncStatus status = client.engine->status();
    QCOMPARE(status.conflicts, 1);
    QVERIFY(!status.isGreen(QDateTime::currentDateTimeUtc()));
    const QList<SyncConflict> conflicts = client.journal->conflicts();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts[0].entityId, patient.id);
    QCOMPARE(conflicts[0].serverValues.value(QStringLiteral("phone")).toString(),
             QStringLiteral("+998901112233"));
    QCOMPARE(conflicts[0].localValues.value(QStringLiteral("phone")).toString(),
             QStringLiteral("+998909998877"));
}

void TestSyncEngine::resyncAfter410PullsEverythingAgain()
{
    FakeSyncTransport server; // outlives the client and its engine
    Client client;
    QVERIFY(client.open());
    QList<QUuid> ids;
    for (int i = 0; i < 6; ++i) {
        ids << UuidV7::generate();
        server.putRecord(EntityKind::Patient, ids.back(),
                         remotePatientData(QStringLiteral("Hasanov"),
                                           QStringLiteral("Aziz%1").arg(QChar('a' + i)), i + 1));
    }
    client.makeEngine(server, quickOptions());
    client.engine->start();
    bool ok = false;
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(ok);
    QCOMPARE(client.registry.store().count(), 6);
    const qint64 cursor = client.journal->cursor();

    // Meanwhile one patient was deleted and its tombstone compacted away: the feed no longer
    // says it is gone, so only a full pull can tell.
    server.records.remove(ids[2]);
    server.putRecord(EntityKind::Patient, ids[5],
                     remotePatientData(QStringLiteral("Hasanov"), QStringLiteral("Akmal"), 6));
    server.horizon = cursor + 1;
    client.engine->syncNow();
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY2(ok, qPrintable(client.engine->status().lastFailure));

    QCOMPARE(server.pulls.size(), 3);
    QCOMPARE(server.pulls[1].after, cursor); // answered 410
    QCOMPARE(server.pulls[2].after, 0);
    QVERIFY(!client.journal->isResyncing());
    QCOMPARE(client.journal->cursor(), server.lastSequence);
    QCOMPARE(client.registry.store().count(), 5);
    QCOMPARE(client.engine->totals().resyncs, 1);
}

void TestSyncEngine::crashDuringUploadIsRecoveredFromTheStore()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FakeSyncTransport server;
    QSet<QUuid> firstOps;
    {
        // The push is in flight when everything goes away: no stop(), no answer.
        PatientRegistry registry;
        QVERIFY(registry.open(dir.path()));
        for (const QString &name :
             {QStringLiteral("Ahmad"), QStringLiteral("Bahrom"), QStringLiteral("Sardor")}) {
            Patient patient;
            patient.lastName = QStringLiteral("Umarov");
            patient.firstName = name;
            patient.sex = Sex::Male;
            QVERIFY(registry.registerPatient(patient));
        }
        SyncJournal journal(registry.database());
        server.holdPushes = true;
        auto engine = std::make_unique<SyncEngine>(journal, server, quickOptions());
        QSignalSpy pushed(&server, &FakeSyncTransport::pushReceived);
        engine->start(); // the push goes out within start()
        QVERIFY(!pushed.isEmpty() || pushed.wait(kWaitMs));
        firstOps = opIds(server.pushes[0].ops);
        QCOMPARE(firstOps.size(), 3);
        server.cancelAll(); // the connection dies with the process
        engine.reset();     // like a killed process, the engine writes nothing to the store on its way out
    }
    server.holdPushes = false;

    PatientRegistry registry;
    QVERIFY(registry.open(dir.path()));
    SyncJournal journal(registry.database());
    QCOMPARE(journal.counts().pendingOps, 3);
    SyncEngine engine(journal, server, quickOptions());
    engine.start();
    bool ok = false;
    QVERIFY(nextRound(engine, &ok));
    QVERIFY(ok);
    QCOMPARE(opIds(server.pushes[1].ops), firstOps);
    QCOMPARE(server.records.size(), 3);
    QCOMPARE(journal.counts().pendingOps, 0);
}

void TestSyncEngine::unavailableSessionPausesAndReconnectResumes()
{
    FakeSyncTransport server; // outlives the client and its engine
    Client client;
    QVERIFY(client.open());
    QVERIFY(client.addPatient(QStringLiteral("Sobirov"), QStringLiteral("Ilhom")) > 0);
    server.available = false;
    client.makeEngine(server, quickOptions());
    client.engine->start();
    QTest::qWait(100);
    QCOMPARE(client.engine->status().activity, SyncStatus::Activity::Paused);
    QCOMPARE(server.pushes.size() + server.pulls.size(), 0);
    client.engine->notifyLocalChange();
    QTest::qWait(50);
    QCOMPARE(server.pushes.size(), 0);
    QCOMPARE(client.engine->status().pendingOps, 1);

    server.available = true;
    client.engine->notifyReconnected();
    bool ok = false;
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(ok);
    QCOMPARE(server.pushes.size(), 1);
    QCOMPARE(client.engine->status().pendingOps, 0);

    // The session ends while syncing: paused, no retries piling up.
    server.available = false;
    client.engine->syncNow();
    QTest::qWait(100);
    QCOMPARE(client.engine->status().activity, SyncStatus::Activity::Paused);
    QCOMPARE(server.pulls.size(), 1);
}

void TestSyncEngine::reconnectCutsTheBackoffShort()
{
    FakeSyncTransport server; // outlives the client and its engine
    Client client;
    QVERIFY(client.open());
    SyncEngine::Options options = quickOptions();
    options.backoffInitialMs = 20000;
    options.backoffMaxMs = 60000;
    client.makeEngine(server, options);
    server.pullFailures << FakeSyncTransport::offline();
    client.engine->start();
    bool ok = true;
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(!ok);
    const SyncStatus waiting = client.engine->status();
    QCOMPARE(waiting.activity, SyncStatus::Activity::WaitingToRetry);
    QVERIFY(waiting.nextAttemptAt > QDateTime::currentDateTimeUtc().addSecs(9));

    QElapsedTimer clock;
    clock.start();
    client.engine->notifyReconnected();
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(ok);
    QVERIFY(clock.elapsed() < 1000);
    QCOMPARE(server.pulls.size(), 2);
}

void TestSyncEngine::stopCancelsCallsWithoutLosingOps()
{
    FakeSyncTransport server; // outlives the client and its engine
    Client client;
    QVERIFY(client.open());
    QVERIFY(client.addPatient(QStringLiteral("Jurayev"), QStringLiteral("Kamol")) > 0);
    server.holdPushes = true;
    client.makeEngine(server, quickOptions());
    QSignalSpy pushed(&server, &FakeSyncTransport::pushReceived);
    client.engine->start(); // the push goes out within start()
    QVERIFY(!pushed.isEmpty() || pushed.wait(kWaitMs));
    client.engine->stop();
    QVERIFY(!client.engine->isRunning());
    QCOMPARE(server.cancelled, 1);
    QCOMPARE(server.callsInFlight(), 0);
    QCOMPARE(client.journal->counts().pendingOps, 1);

    server.holdPushes = false;
    client.engine->start();
    bool ok = false;
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(ok);
    QCOMPARE(opIds(server.pushes[1].ops), opIds(server.pushes[0].ops));
    QCOMPARE(client.journal->counts().pendingOps, 0);
    QCOMPARE(server.records.size(), 1);
}

void TestSyncEngine::pushesOverlapUpToTheConfiguredDepth()
{
    for (const int depth : {1, 2, 3}) {
        FakeSyncTransport server;
        server.responseDelayMs = 30;
        Client client;
        QVERIFY(client.open());
        for (int i = 0; i < 450; ++i)
            QVERIFY(client.addPatient(QStringLiteral("Qodirov"),
                                      QStringLiteral("Bobur%1").arg(QChar('a' + i % 26))) > 0);
        SyncEngine::Options options = quickOptions();
        options.pushBatchesInFlight = depth;
        client.makeEngine(server, options);
        // The calls still unanswered when a push arrives: the pushes in flight before it.
        int mostInFlightBefore = 0;
        connect(&server, &FakeSyncTransport::pushReceived, this,
                [&] { mostInFlightBefore = std::max(mostInFlightBefore, server.callsInFlight()); });
        client.engine->start();
        bool ok = false;
        QVERIFY(nextRound(*client.engine, &ok));
        QVERIFY(ok);
        QCOMPARE(mostInFlightBefore, depth - 1);
        QCOMPARE(server.pushes.size(), 5);
        QCOMPARE(server.records.size(), 450);
        for (int applied : server.timesApplied)
            QCOMPARE(applied, 1);
        QCOMPARE(client.journal->counts().pendingOps, 0);
        QCOMPARE(client.engine->totals().appliedOps, 450);
        // The pull that ends the round waits for the last answer.
        QCOMPARE(server.pulls.size(), 1);
        QVERIFY(server.pulls[0].atMs >= server.pushes.back().atMs + server.responseDelayMs);
    }
}

void TestSyncEngine::failedPushTakesTheOneInFlightBackToo()
{
    FakeSyncTransport server;
    server.responseDelayMs = 30;
    Client client;
    QVERIFY(client.open());
    for (int i = 0; i < 200; ++i)
        QVERIFY(client.addPatient(QStringLiteral("Rahimova"),
                                  QStringLiteral("Dilnoza%1").arg(QChar('a' + i % 26))) > 0);
    // The first push fails; the second, already sent, is applied by the server but its
    // answer is abandoned with the round.
    server.pushFailures << FakeSyncTransport::serverError(500, QStringLiteral("internal_error"));
    client.makeEngine(server, quickOptions());
    client.engine->start();
    bool ok = true;
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(!ok);
    QCOMPARE(server.pushes.size(), 2);
    QCOMPARE(server.records.size(), 100);
    const SyncCounts afterFailure = client.journal->counts();
    QCOMPARE(afterFailure.pendingOps, 200); // none left "uploading", none lost
    QCOMPARE(afterFailure.errors, 0);

    QVERIFY(nextRound(*client.engine, &ok)); // the retry after the backoff
    QVERIFY(ok);
    QCOMPARE(server.records.size(), 200);
    for (int applied : server.timesApplied)
        QCOMPARE(applied, 1);
    // The abandoned push was replayed under the same op ids and answered "duplicate".
    QSet<QUuid> replayed;
    for (qsizetype i = 2; i < server.pushes.size(); ++i)
        replayed += opIds(server.pushes[i].ops);
    QVERIFY(replayed.contains(opIds(server.pushes[1].ops)));
    QCOMPARE(client.journal->counts().pendingOps, 0);
    QCOMPARE(client.journal->counts().errors, 0);
}

void TestSyncEngine::nextPageIsAskedForBeforeThisOneArrives()
{
    FakeSyncTransport server;
    server.responseDelayMs = 60;
    server.announceNext = true;
    Client client;
    QVERIFY(client.open());
    for (int i = 0; i < 35; ++i)
        server.putRecord(EntityKind::Patient, UuidV7::generate(),
                         remotePatientData(QStringLiteral("Tosheva"),
                                           QStringLiteral("Malika%1").arg(QChar('a' + i % 26)), i + 1));
    SyncEngine::Options options = quickOptions();
    options.pullLimit = 10;
    client.makeEngine(server, options);
    client.engine->start();
    bool ok = false;
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(ok);
    // Four pages, each asked for once, the second before the first was answered.
    QCOMPARE(server.pulls.size(), 4);
    QVERIFY2(server.pulls[1].atMs < server.pulls[0].atMs + server.responseDelayMs,
             qPrintable(QStringLiteral("%1 %2").arg(server.pulls[0].atMs).arg(server.pulls[1].atMs)));
    QCOMPARE(client.journal->cursor(), server.lastSequence);
    QCOMPARE(client.registry.store().count(), 35);
    QCOMPARE(client.engine->totals().pulledRecords, 35);
}

void TestSyncEngine::pageAnsweredEarlyWaitsForItsPredecessor()
{
    FakeSyncTransport server;
    server.responseDelayMs = 10;
    server.announceNext = true;
    // The first page is slow and names its successor at 60 ms; the second page is answered
    // at about 70 ms, long before the first (120 ms).
    server.pullDelaysMs = {120, 10, 10};
    Client client;
    QVERIFY(client.open());
    for (int i = 0; i < 25; ++i)
        server.putRecord(EntityKind::Patient, UuidV7::generate(),
                         remotePatientData(QStringLiteral("Aliyeva"),
                                           QStringLiteral("Zarina%1").arg(QChar('a' + i)), i + 1));
    SyncEngine::Options options = quickOptions();
    options.pullLimit = 10;
    client.makeEngine(server, options);
    QList<qint64> cursors;
    connect(client.engine.get(), &SyncEngine::pageApplied, this,
            [&] { cursors << client.journal->cursor(); });
    client.engine->start();
    bool ok = false;
    QVERIFY(nextRound(*client.engine, &ok));
    QVERIFY(ok);
    QCOMPARE(server.pulls.size(), 3); // nothing asked again because of the order of answers
    QCOMPARE(cursors.size(), 3);
    QVERIFY(std::is_sorted(cursors.begin(), cursors.end()));
    QCOMPARE(cursors.back(), server.lastSequence);
    QCOMPARE(client.registry.store().count(), 25);
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
