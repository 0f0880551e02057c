// Sync benchmark (issue 4's performance targets), over loopback HTTPS against a real
// medora-server (Release, started here with a self-signed certificate that the clients trust
// as the clinic's CA). Prints figures with PASS/MISS; not a test.
//   (a) initial pull into an empty client, applied to its SQLite: >= 20,000 records/s
//       (the server is seeded through POST /api/v1/sync/push first; that is timed too);
//       baseline: the old web product's listing, 20 (and at most 100) records per request;
//   (b) push of 10,000 offline operations by the real engine: >= 5,000 ops/s;
//       baseline: the same kind of operations one per request;
//   (c) one saved change reaches a second client (long poll, debounce 0): <= 1 s, median and
//       max over the trials;
//   (d) an incremental sync with nothing to do, with 1,000,000 patients cached: <= 20 ms
//       (median and p95 of the rounds).
//
//   bench_sync [--patients N] [--reports N] [--push-ops N] [--trials N] [--cached N]
//              [--noop-rounds N] [--baseline-records N]
// Needs MEDORA_SERVER_PATH (scripts/bench-sync builds and sets it).

#include "RegistryGenerator.h"
#include "ServerProcess.h"
#include "SyncTestClient.h"
#include "TestHttpClient.h"
#include "domain/EntityJson.h"
#include "domain/SyncProtocol.h"
#include "domain/UuidV7.h"
#include "registry/PatientRegistry.h"
#include "store/PaymentStore.h"
#include "store/ReportStore.h"
#include "store/SyncJournal.h"
#include "store/VisitStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLocale>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <random>

#include <unistd.h>

using namespace medora;

namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

QString number(double value, int decimals = 0)
{
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

QString verdict(bool pass)
{
    return pass ? QStringLiteral("PASS") : QStringLiteral("MISS");
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index =
        std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size() - 1) + 0.5));
    return values.at(index);
}

[[noreturn]] void die(const QString &why)
{
    say(QStringLiteral("bench_sync: ") + why);
    std::exit(1);
}

struct Seeded
{
    QList<QUuid> patients;
    QList<QUuid> visits;
    QList<QUuid> reports;
};

// Pushes `ops` in requests of kMaxOpsPerPush; every op must be applied.
void pushAll(TestHttpClient &http, const QList<PushOperation> &ops, const QString &what)
{
    for (qsizetype from = 0; from < ops.size(); from += SyncProtocol::kMaxOpsPerPush) {
        PushRequest request;
        request.deviceId = QStringLiteral("bench-seeder-0001");
        request.ops = ops.mid(from, SyncProtocol::kMaxOpsPerPush);
        const TestHttpResponse response = http.request("POST", QStringLiteral("/api/v1/sync/push"),
                                                       SyncProtocol::encodePushRequest(request));
        if (response.status != 200)
            die(QStringLiteral("seeding %1: HTTP %2 %3 %4")
                    .arg(what)
                    .arg(response.status)
                    .arg(response.errorString, QString::fromUtf8(response.body.left(400))));
        PushResponse decoded;
        FieldErrors errors;
        if (!SyncProtocol::decodePushResponse(response.json(), &decoded, &errors))
            die(QStringLiteral("seeding %1: the push answer does not decode").arg(what));
        for (const PushResult &result : std::as_const(decoded.results)) {
            if (result.status != PushStatus::Applied)
                die(QStringLiteral("seeding %1: an op was answered %2 (%3 %4)")
                        .arg(what, SyncProtocol::pushStatusName(result.status), result.reasonCode,
                             result.reasonMessage));
        }
    }
}

Seeded seedServer(TestHttpClient &http, const QString &doctorId, int patients, int reports, double *seconds)
{
    Seeded seeded;
    RegistryGenerator generator(20261128);
    std::mt19937_64 random(7);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QElapsedTimer clock;
    clock.start();
    qint64 ops = 0;
    constexpr int kChunk = 5000;
    for (int from = 0; from < patients; from += kChunk) {
        QList<PushOperation> batch;
        for (int i = from; i < std::min(patients, from + kChunk); ++i) {
            Patient patient = generator.next();
            patient.createdBy = doctorId;
            PushOperation op;
            op.opId = QUuid::createUuid();
            op.entity = EntityKind::Patient;
            op.id = UuidV7::generate();
            op.data = EntityJson::toJson(patient);
            seeded.patients << op.id;
            batch << op;
        }
        pushAll(http, batch, QStringLiteral("patients"));
        ops += batch.size();
    }
    // One visit and one report per patient, the first `reports` patients.
    for (int from = 0; from < reports; from += kChunk) {
        QList<PushOperation> visits;
        QList<PushOperation> reportOps;
        for (int i = from; i < std::min(reports, from + kChunk); ++i) {
            Visit visit;
            visit.patientId = seeded.patients.at(i % seeded.patients.size());
            visit.doctorId = doctorId;
            visit.day = now.date().addDays(-int(i % 365));
            visit.ticket = 1 + i % 60;
            visit.status = VisitStatus::Done;
            visit.createdAt = now.addSecs(-qint64(i % 365) * 86400);
            visit.calledAt = visit.createdAt.addSecs(600);
            visit.startedAt = visit.createdAt.addSecs(660);
            visit.finishedAt = visit.createdAt.addSecs(1500);
            visit.createdBy = doctorId;
            PushOperation visitOp;
            visitOp.opId = QUuid::createUuid();
            visitOp.entity = EntityKind::Visit;
            visitOp.id = UuidV7::generate();
            visitOp.data = EntityJson::toJson(visit);
            seeded.visits << visitOp.id;
            visits << visitOp;

            Report report;
            report.visitId = visitOp.id;
            report.patientId = visit.patientId;
            report.authorId = doctorId;
            report.sections.complaints = QStringLiteral("Bosh ogʻrigʻi, harorat 38, yoʻtal uch kundan beri.");
            report.sections.anamnesis =
                QStringLiteral("Kasallik oʻtkir boshlangan. Surunkali kasalliklar yoʻq.");
            report.sections.vitals = {
                {QStringLiteral("temperature"), QStringLiteral("37.%1").arg(random() % 10),
                 QStringLiteral("°C")},
                {QStringLiteral("pulse"), QString::number(60 + random() % 40), QStringLiteral("bpm")},
                {QStringLiteral("bp_systolic"), QStringLiteral("120"), QStringLiteral("mmHg")},
                {QStringLiteral("bp_diastolic"), QStringLiteral("80"), QStringLiteral("mmHg")}};
            report.sections.examination =
                QStringLiteral("Umumiy ahvoli qoniqarli. Tomoq giperemiyalangan, oʻpkada vezikulyar nafas.");
            report.sections.diagnosis = QStringLiteral("Oʻtkir respirator virusli infeksiya");
            report.sections.icd10 = QStringLiteral("J06.9");
            report.sections.treatmentPlan =
                QStringLiteral("Koʻp suyuqlik, paratsetamol 500 mg kerak boʻlganda.");
            report.sections.recommendations = QStringLiteral("3 kundan keyin qayta koʻrik.");
            report.createdAt = visit.finishedAt;
            PushOperation reportOp;
            reportOp.opId = QUuid::createUuid();
            reportOp.entity = EntityKind::Report;
            reportOp.id = UuidV7::generate();
            reportOp.data = EntityJson::toJson(report);
            seeded.reports << reportOp.id;
            reportOps << reportOp;
        }
        pushAll(http, visits, QStringLiteral("visits"));
        pushAll(http, reportOps, QStringLiteral("reports"));
        ops += visits.size() + reportOps.size();
    }
    *seconds = double(clock.nsecsElapsed()) / 1e9;
    say(QStringLiteral("seed: %1 ops (%2 patients, %3 visits, %4 reports) pushed in %5 s = %6 ops/s "
                       "(raw HTTPS, 100 ops per request, one request at a time)")
            .arg(number(double(ops)), number(patients), number(reports), number(reports), number(*seconds, 1),
                 number(double(ops) / *seconds)));
    return seeded;
}

std::unique_ptr<SyncTestClient> makeClient(const QString &name, const ServerProcess &server,
                                           const QString &login, const QString &password,
                                           const QString &dataDir, const SyncEngine::Options &engine)
{
    SyncTestClient::Options options;
    options.name = name;
    options.dataDir = dataDir;
    options.serverUrl = server.baseUrl();
    options.caCertificateFile = server.certificateFile();
    options.login = login;
    options.password = password;
    options.engine = engine;
    options.transferTimeoutMs = 120000;
    auto client = std::make_unique<SyncTestClient>(options);
    QString error;
    if (!client->open(&error) || !client->signIn(&error))
        die(error);
    return client;
}

SyncEngine::Options benchEngine()
{
    SyncEngine::Options options;
    options.debounceMs = 0;
    options.periodicMs = 0;
    options.longPollSeconds = 0;
    options.backoffInitialMs = 50;
    options.backoffMaxMs = 1000;
    return options;
}

qint64 tableCount(SyncTestClient &client, const QString &table)
{
    QSqlQuery query(client.registry().database().connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM %1 WHERE deleted = 0").arg(table)) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

// CPU seconds (user + system, all threads) a process has used so far, from /proc.
double cpuSeconds(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = file.readAll();
    // Fields after the command name, which is in parentheses and may contain spaces.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

// The server's own account of a route: requests answered and the seconds spent on them
// (its Prometheus histogram), so the bench can tell the server's share of a phase.
struct RouteTime
{
    double seconds = 0;
    qint64 requests = 0;
};

RouteTime routeTime(TestHttpClient &http, const QString &route)
{
    RouteTime time;
    const TestHttpResponse response = http.get(QStringLiteral("/metrics"));
    const QString sum = QStringLiteral("medora_http_request_duration_seconds_sum{route=\"%1\"} ").arg(route);
    const QString count =
        QStringLiteral("medora_http_request_duration_seconds_count{route=\"%1\"} ").arg(route);
    for (const QString &line : QString::fromUtf8(response.body).split(QLatin1Char('\n'))) {
        if (line.startsWith(sum))
            time.seconds = line.mid(sum.size()).toDouble();
        else if (line.startsWith(count))
            time.requests = line.mid(count.size()).toLongLong();
    }
    return time;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_sync"));
    QStandardPaths::setTestModeEnabled(true);

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption patientsOption(QStringLiteral("patients"),
                                            QStringLiteral("patients on the server"), QStringLiteral("n"),
                                            QStringLiteral("100000"));
    const QCommandLineOption reportsOption(QStringLiteral("reports"), QStringLiteral("reports (and visits)"),
                                           QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption pushOption(QStringLiteral("push-ops"), QStringLiteral("offline ops to push"),
                                        QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption trialsOption(QStringLiteral("trials"), QStringLiteral("latency trials"),
                                          QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption cachedOption(QStringLiteral("cached"), QStringLiteral("patients cached for (d)"),
                                          QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption noopOption(QStringLiteral("noop-rounds"), QStringLiteral("no-op rounds for (d)"),
                                        QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption baselineOption(QStringLiteral("baseline-records"),
                                            QStringLiteral("records for the 20-per-page baseline"),
                                            QStringLiteral("n"), QStringLiteral("20000"));
    parser.addOptions(
        {patientsOption, reportsOption, pushOption, trialsOption, cachedOption, noopOption, baselineOption});
    parser.process(app);
    const int patients = parser.value(patientsOption).toInt();
    const int reports = std::min(patients, parser.value(reportsOption).toInt());
    const int pushOps = parser.value(pushOption).toInt();
    const int trials = parser.value(trialsOption).toInt();
    const int cached = parser.value(cachedOption).toInt();
    const int noopRounds = parser.value(noopOption).toInt();
    const int baselineRecords = parser.value(baselineOption).toInt();
    if (ServerProcess::serverPath().isEmpty())
        die(QStringLiteral("MEDORA_SERVER_PATH is not set"));

    QTemporaryDir work;
    ServerProcess::Options serverOptions;
    serverOptions.tls = true;
    serverOptions.environment.insert(QStringLiteral("MEDORA_ACCESS_TOKEN_MINUTES"), QStringLiteral("1440"));
    serverOptions.environment.insert(QStringLiteral("MEDORA_RATE_USER_PER_MINUTE"),
                                     QStringLiteral("100000000"));
    serverOptions.environment.insert(QStringLiteral("MEDORA_RATE_USER_BURST"), QStringLiteral("10000000"));
    serverOptions.environment.insert(QStringLiteral("MEDORA_LOG_FILE"), QStringLiteral("server.log"));
    serverOptions.environment.insert(QStringLiteral("MEDORA_LOG_LEVEL"), QStringLiteral("info"));
    ServerProcess server(serverOptions);
    QString error;
    if (!server.start(&error))
        die(error);
    const QString clinicId = server.createClinic(QStringLiteral("Bench Clinic"));
    const QString password = QStringLiteral("bench samarkand autumn 2026");
    const ServerProcess::User doctor =
        server.createUser(clinicId, QStringLiteral("bench"), QStringLiteral("doctor"), password);
    const ServerProcess::User second =
        server.createUser(clinicId, QStringLiteral("bench2"), QStringLiteral("doctor"), password);
    if (doctor.id.isEmpty() || second.id.isEmpty())
        die(QStringLiteral("cannot create the clinic's staff"));
    say(QStringLiteral("bench_sync: medora-server %1 (pid %2), TLS with a self-signed certificate, %3 cores")
            .arg(server.baseUrl())
            .arg(server.processId())
            .arg(QThread::idealThreadCount()));

    TestHttpClient http;
    server.configureClient(http);
    http.setTimeoutMs(120000);
    if (http.login(QStringLiteral("bench"), password, QStringLiteral("bench-seeder-0001")).status != 200)
        die(QStringLiteral("seeder login failed"));
    double seedSeconds = 0;
    const Seeded seeded = seedServer(http, doctor.id, patients, reports, &seedSeconds);
    QStringList summary;

    // --- (a) initial pull -------------------------------------------------------------------
    const QString dirA = work.filePath(QStringLiteral("pc-a"));
    auto a =
        makeClient(QStringLiteral("pc-a"), server, QStringLiteral("bench"), password, dirA, benchEngine());
    const double pullClientCpuBefore = cpuSeconds(QCoreApplication::applicationPid());
    const double pullServerCpuBefore = cpuSeconds(server.processId());
    SyncTestClient::Round pull = a->syncRound(1800000);
    if (!pull.ok)
        die(QStringLiteral("initial pull failed: ") + pull.failure);
    const double pullClientCpu = cpuSeconds(QCoreApplication::applicationPid()) - pullClientCpuBefore;
    const double pullServerCpu = cpuSeconds(server.processId()) - pullServerCpuBefore;
    const qint64 pulled = a->engine().totals().pulledRecords;
    const double pullSeconds = double(pull.elapsedMs) / 1000.0;
    const double pullRate = double(pulled) / pullSeconds;
    say(QStringLiteral(
            "(a) initial pull: %1 records (%2 patients, %3 visits, %4 reports in the client's SQLite) "
            "in %5 s, %6 pages = %7 records/s")
            .arg(number(double(pulled)), number(double(tableCount(*a, QStringLiteral("patient")))),
                 number(double(tableCount(*a, QStringLiteral("visit")))),
                 number(double(tableCount(*a, QStringLiteral("report")))), number(pullSeconds, 2))
            .arg(a->engine().totals().pulledPages)
            .arg(number(pullRate)));
    say(QStringLiteral("    CPU used by the pull: client %1 s, server %2 s (of %3 s on %4 cores)")
            .arg(number(pullClientCpu, 2), number(pullServerCpu, 2), number(pullSeconds, 2))
            .arg(QThread::idealThreadCount()));
    summary << QStringLiteral("%1  (a) initial pull >= 20,000 records/s: %2 records/s")
                   .arg(verdict(pullRate >= 20000), number(pullRate));

    // Baseline: the old web product listed 20 per page (100 at most), one request per page.
    for (const int pageSize : {20, 100}) {
        TestHttpClient listing;
        server.configureClient(listing);
        listing.setBearerToken(QString());
        if (listing.login(QStringLiteral("bench"), password, QStringLiteral("bench-listing-%1").arg(pageSize))
                .status != 200)
            die(QStringLiteral("listing login failed"));
        QElapsedTimer clock;
        clock.start();
        qint64 after = 0;
        qint64 records = 0;
        int requests = 0;
        while (records < baselineRecords) {
            const TestHttpResponse response =
                listing.get(QStringLiteral("/api/v1/sync/pull?after=%1&limit=%2").arg(after).arg(pageSize));
            ++requests;
            PullPage page;
            FieldErrors errors;
            if (response.status != 200 || !SyncProtocol::decodePullPage(response.json(), &page, &errors))
                die(QStringLiteral("baseline listing failed: HTTP %1").arg(response.status));
            records += page.changes.size();
            after = page.next;
            if (!page.hasMore)
                break;
        }
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        const double rate = double(records) / seconds;
        say(QStringLiteral(
                "    baseline, %1 per request (old web listing, not even stored): %2 records in %3 s, "
                "%4 requests = %5 records/s; all %6 would take %7 s")
                .arg(pageSize)
                .arg(number(double(records)), number(seconds, 2))
                .arg(requests)
                .arg(number(rate), number(double(pulled)), number(double(pulled) / rate, 1)));
    }

    // --- (b) push of offline operations -----------------------------------------------------
    std::mt19937_64 random(99);
    {
        const int newPatients = pushOps * 4 / 10;
        const int edits = pushOps * 3 / 10;
        const int visits = pushOps * 2 / 10;
        const int payments = pushOps - newPatients - edits - visits;
        QList<QUuid> fresh;
        for (int i = 0; i < newPatients; ++i) {
            const auto patient = a->createPatient(random, &error);
            if (!patient)
                die(error);
            fresh << patient->id;
        }
        for (int i = 0; i < edits; ++i) {
            if (!a->editPatient(seeded.patients.at(i * 7 % seeded.patients.size()), random,
                                {QStringLiteral("phone"), QStringLiteral("address")}, nullptr, &error))
                die(error);
        }
        for (int i = 0; i < visits; ++i) {
            if (!a->createVisit(fresh.at(i % fresh.size()), random, &error))
                die(error);
        }
        for (int i = 0; i < payments; ++i) {
            if (!a->takePayment(fresh.at(i % fresh.size()), QUuid(), 50000 + 1000 * (i % 50), random, &error))
                die(error);
        }
    }
    const int queued = a->counts().pendingOps;
    QElapsedTimer pushClock;
    qint64 pushDoneMs = -1;
    bool pushing = false;
    const QMetaObject::Connection watch =
        QObject::connect(&a->engine(), &SyncEngine::statusChanged, [&](const SyncStatus &status) {
            if (status.activity == SyncStatus::Activity::Pushing)
                pushing = true;
            else if (pushing && pushDoneMs < 0 && status.activity == SyncStatus::Activity::Pulling)
                pushDoneMs = pushClock.elapsed();
        });
    const RouteTime serverBefore = routeTime(http, QStringLiteral("/api/v1/sync/push"));
    const double clientCpuBefore = cpuSeconds(QCoreApplication::applicationPid());
    const double serverCpuBefore = cpuSeconds(server.processId());
    pushClock.start();
    const SyncTestClient::Round pushRound = a->syncRound(600000);
    const double clientCpu = cpuSeconds(QCoreApplication::applicationPid()) - clientCpuBefore;
    const double serverCpu = cpuSeconds(server.processId()) - serverCpuBefore;
    const RouteTime serverAfter = routeTime(http, QStringLiteral("/api/v1/sync/push"));
    QObject::disconnect(watch);
    if (!pushRound.ok || a->counts().pendingOps != 0)
        die(QStringLiteral("push round failed: %1 (%2 pending)")
                .arg(pushRound.failure)
                .arg(a->counts().pendingOps));
    const double pushSeconds = (pushDoneMs > 0 ? double(pushDoneMs) : pushRound.elapsedMs) / 1000.0;
    const double pushRate = double(queued) / pushSeconds;
    say(QStringLiteral(
            "(b) push: %1 offline ops (new patients, patient edits, visits, payments) pushed in %2 s "
            "= %3 ops/s by the engine (%4 per request); the whole round incl. pulling them back %5 s")
            .arg(number(queued), number(pushSeconds, 2), number(pushRate))
            .arg(a->engine().options().batchOps)
            .arg(number(double(pushRound.elapsedMs) / 1000.0, 2)));
    say(QStringLiteral("    CPU used by the round: client %1 s, server %2 s (of %3 s on %4 cores)")
            .arg(number(clientCpu, 2), number(serverCpu, 2), number(double(pushRound.elapsedMs) / 1000.0, 2))
            .arg(QThread::idealThreadCount()));
    const qint64 pushRequests = serverAfter.requests - serverBefore.requests;
    say(QStringLiteral(
            "    the server spent %1 s of it answering %2 push requests (%3 ms each, by its /metrics)")
            .arg(number(serverAfter.seconds - serverBefore.seconds, 2))
            .arg(pushRequests)
            .arg(number(pushRequests > 0
                            ? 1000.0 * (serverAfter.seconds - serverBefore.seconds) / double(pushRequests)
                            : 0.0,
                        1)));
    summary << QStringLiteral("%1  (b) push >= 5,000 ops/s: %2 ops/s")
                   .arg(verdict(pushRate >= 5000), number(pushRate));
    a->close();
    a.reset();

    // Baseline: one op per request.
    {
        SyncEngine::Options single = benchEngine();
        single.batchOps = 1;
        auto one =
            makeClient(QStringLiteral("pc-a"), server, QStringLiteral("bench"), password, dirA, single);
        const int count = std::min(1000, pushOps);
        for (int i = 0; i < count; ++i) {
            if (!one->createPatient(random, &error))
                die(error);
        }
        QElapsedTimer clock;
        clock.start();
        const SyncTestClient::Round round = one->syncRound(600000);
        if (!round.ok)
            die(QStringLiteral("baseline push failed: ") + round.failure);
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        say(QStringLiteral(
                "    baseline, one op per request: %1 ops in %2 s = %3 ops/s (round incl. pull-back)")
                .arg(count)
                .arg(number(seconds, 2), number(double(count) / seconds)));
    }

    // --- (c) latency from a save to another client ------------------------------------------
    {
        SyncEngine::Options live = benchEngine();
        live.longPollSeconds = 20;
        auto receiver =
            makeClient(QStringLiteral("pc-a"), server, QStringLiteral("bench"), password, dirA, live);
        auto sender = makeClient(QStringLiteral("pc-b"), server, QStringLiteral("bench2"), password,
                                 work.filePath(QStringLiteral("pc-b")), live);
        // Both caught up first (the sender's initial pull is one more (a)-style figure).
        const SyncTestClient::Round senderPull = sender->syncRound(1800000);
        const SyncTestClient::Round receiverPull = receiver->syncRound(600000);
        if (!senderPull.ok || !receiverPull.ok)
            die(QStringLiteral("catching up failed: %1 %2").arg(senderPull.failure, receiverPull.failure));
        say(QStringLiteral("    second client's initial pull: %1 records in %2 s = %3 records/s")
                .arg(number(double(sender->engine().totals().pulledRecords)),
                     number(double(senderPull.elapsedMs) / 1000.0, 2),
                     number(double(sender->engine().totals().pulledRecords) * 1000.0 /
                            std::max(1.0, senderPull.elapsedMs))));
        const auto patient = sender->createPatient(random, &error);
        if (!patient)
            die(error);
        if (!sender->syncRound(60000).ok)
            die(QStringLiteral("sender round failed"));
        QList<double> latencies;
        for (int trial = 0; trial < trials; ++trial) {
            // Let the long polls settle in between, as edits do not come back to back.
            QEventLoop pause;
            QTimer::singleShot(300, &pause, &QEventLoop::quit);
            pause.exec();
            Patient edited = *sender->patient(patient->id);
            edited.notes = QStringLiteral("latency trial %1").arg(trial);
            QElapsedTimer clock;
            clock.start();
            if (!sender->registry().updatePatient(edited))
                die(QStringLiteral("save failed"));
            sender->engine().notifyLocalChange();
            QEventLoop wait;
            bool arrived = false;
            const QMetaObject::Connection applied =
                QObject::connect(&receiver->engine(), &SyncEngine::pageApplied, &wait, [&] {
                    const auto seen = receiver->patient(patient->id);
                    if (seen && seen->notes == edited.notes) {
                        arrived = true;
                        wait.quit();
                    }
                });
            QTimer::singleShot(10000, &wait, &QEventLoop::quit);
            wait.exec();
            QObject::disconnect(applied);
            const double ms = double(clock.nsecsElapsed()) / 1e6;
            latencies << (arrived ? ms : 10000.0);
        }
        const double median = percentile(latencies, 0.5);
        const double maximum = *std::max_element(latencies.begin(), latencies.end());
        say(QStringLiteral(
                "(c) save -> other client's SQLite (long poll, debounce 0), %1 trials: median %2 ms, "
                "max %3 ms, min %4 ms")
                .arg(trials)
                .arg(number(median, 1), number(maximum, 1),
                     number(*std::min_element(latencies.begin(), latencies.end()), 1)));
        summary << QStringLiteral("%1  (c) change reaches another client <= 1 s: median %2 ms, max %3 ms")
                       .arg(verdict(maximum <= 1000), number(median, 1), number(maximum, 1));

        // A no-op round on this real, fully synced client, for reference.
        SyncEngine::Options quiet = benchEngine();
        receiver->close();
        receiver.reset();
        auto reference =
            makeClient(QStringLiteral("pc-a"), server, QStringLiteral("bench"), password, dirA, quiet);
        reference->syncRound(60000);
        QList<double> rounds;
        for (int i = 0; i < noopRounds; ++i)
            rounds << double(reference->syncRound(60000).elapsedMs);
        say(QStringLiteral("    no-op round on the (a) client (%1 records cached): median %2 ms, p95 %3 ms")
                .arg(number(double(tableCount(*reference, QStringLiteral("patient")) +
                                   tableCount(*reference, QStringLiteral("visit")) +
                                   tableCount(*reference, QStringLiteral("report")))),
                     number(percentile(rounds, 0.5), 1), number(percentile(rounds, 0.95), 1)));
    }

    // --- (d) no-op incremental sync with 1,000,000 patients cached --------------------------
    {
        // The cache is filled the way a client's rows become synced: pulled pages applied by
        // SyncJournal (generated here, since pushing a million patients to the server first
        // would take longer than the rest of the benchmark). The pages carry the real server's
        // database id and end at its current sequence, so the rounds below are real no-op
        // rounds against the real server.
        const TestHttpResponse head = http.get(QStringLiteral("/api/v1/sync/pull?after=0&limit=1"));
        PullPage first;
        FieldErrors errors;
        if (head.status != 200 || !SyncProtocol::decodePullPage(head.json(), &first, &errors))
            die(QStringLiteral("cannot read the server's feed head"));
        const QString dirZ = work.filePath(QStringLiteral("pc-z"));
        auto z = makeClient(QStringLiteral("pc-z"), server, QStringLiteral("bench"), password, dirZ,
                            benchEngine());
        RegistryGenerator generator(4242);
        constexpr int kPage = 1000;
        const int pages = (cached + kPage - 1) / kPage;
        QElapsedTimer clock;
        clock.start();
        const QString now = EntityJson::timeText(QDateTime::currentDateTimeUtc());
        for (int p = 0; p < pages; ++p) {
            PullPage page;
            page.databaseId = first.databaseId;
            page.serverSequence = first.serverSequence;
            page.horizon = first.horizon;
            page.next = std::max<qint64>(1, qint64(p + 1) * first.serverSequence / pages);
            page.hasMore = p + 1 < pages;
            for (int i = 0; i < kPage && p * kPage + i < cached; ++i) {
                Patient patient = generator.next();
                patient.createdBy = doctor.id;
                SyncRecord record;
                record.entity = EntityKind::Patient;
                record.id = UuidV7::generate();
                record.revision = 1;
                record.sequence = page.next;
                record.updatedAt = now;
                record.updatedBy = doctor.id;
                record.data = EntityJson::toJson(patient);
                page.changes << record;
            }
            if (!z->journal().applyPullPage(page))
                die(QStringLiteral("caching page %1: %2").arg(p).arg(z->journal().lastError().message));
        }
        const double fillSeconds = double(clock.nsecsElapsed()) / 1e9;
        clock.restart();
        z->registry().refreshFromStore();
        const double indexSeconds = double(clock.nsecsElapsed()) / 1e9;
        say(QStringLiteral("    %1 patients cached as synced in %2 s through SyncJournal::applyPullPage "
                           "(%3 records/s), search index caught up in %4 s")
                .arg(number(double(tableCount(*z, QStringLiteral("patient")))), number(fillSeconds, 1),
                     number(double(cached) / fillSeconds), number(indexSeconds, 1)));
        if (z->cursor() != first.serverSequence)
            die(QStringLiteral("the cursor is %1, not the server's %2")
                    .arg(z->cursor())
                    .arg(first.serverSequence));
        QList<double> rounds;
        for (int i = 0; i < noopRounds + 1; ++i) {
            const SyncTestClient::Round round = z->syncRound(60000);
            if (!round.ok)
                die(QStringLiteral("no-op round failed: ") + round.failure);
            if (i > 0) // the first opens the TLS connection
                rounds << double(round.elapsedMs);
        }
        if (z->engine().totals().pulledRecords != 0 || z->engine().totals().pushedOps != 0)
            die(QStringLiteral("the no-op rounds moved data"));
        const double median = percentile(rounds, 0.5);
        const double p95 = percentile(rounds, 0.95);
        say(QStringLiteral(
                "(d) no-op incremental sync, %1 patients cached: %2 rounds, median %3 ms, p95 %4 ms, "
                "max %5 ms")
                .arg(number(double(cached)))
                .arg(rounds.size())
                .arg(number(median, 1), number(p95, 1),
                     number(*std::max_element(rounds.begin(), rounds.end()), 1)));
        summary << QStringLiteral(
                       "%1  (d) no-op sync <= 20 ms with %2 patients cached: median %3 ms, p95 %4 ms")
                       .arg(verdict(p95 <= 20), number(double(cached)), number(median, 1), number(p95, 1));
    }

    say(QString());
    for (const QString &line : std::as_const(summary))
        say(line);
    server.stop();
    return 0;
}
