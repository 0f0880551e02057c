#include "app/ServerApplication.h"

#include "api/AiApi.h"
#include "api/ApiServer.h"
#include "api/ClinicApi.h"
#include "api/SubscriptionApi.h"
#include "app/ServerCore.h"
#include "app/SignalNotifier.h"
#include "cli/CliOutput.h"
#include "http/HttpRequest.h"
#include "http/HttpServerEngine.h"
#include "log/JsonLogger.h"
#include "observability/Metrics.h"
#include "store/ServerDatabase.h"
#include "sync/SyncService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>

#include <algorithm>

#include <csignal>
#include <sys/resource.h>

namespace medora::server {

namespace {

HttpLimits limitsFrom(const ServerConfig &config)
{
    HttpLimits limits;
    limits.workerThreads = config.workerThreads;
    limits.maxConnections = config.maxConnections;
    limits.maxBodyBytes = config.maxBodyBytes;
    // A sync push carries up to 100 operations (reports included); every other route keeps
    // the small default.
    limits.pathBodyLimits.append({QStringLiteral("/api/v1/sync/push"), config.syncMaxBodyBytes});
    // A letterhead carries its logo (PNG, at most 256 KiB) as base64.
    limits.pathBodyLimits.append({ClinicApi::letterheadPath(), ClinicApi::kLetterheadMaxBodyBytes});
    // AI image findings carry up to MEDORA_AI_MAX_IMAGES images as base64.
    limits.pathBodyLimits.append({AiApi::imageFindingsPath(), AiApi::imageBodyLimit(config)});
    // A subscription receipt (JPEG/PNG/PDF up to MEDORA_RECEIPT_MAX_BYTES) as base64.
    limits.pathBodyLimits.append(
        {SubscriptionApi::receiptsPath(), SubscriptionApi::receiptBodyLimit(config)});
    limits.idleTimeoutMs = config.idleTimeoutSeconds * 1000;
    return limits;
}

QJsonObject describeCertificate(const TlsCredentials &credentials)
{
    const QSslCertificate &leaf = credentials.chain.constFirst();
    return {{QStringLiteral("subject"), leaf.subjectDisplayName()},
            {QStringLiteral("expiresAt"), leaf.expiryDate().toUTC().toString(Qt::ISODate)},
            {QStringLiteral("certificates"), int(credentials.chain.size())}};
}

// Access log. Failures are worth an operator's attention at the default level; successes
// only at debug, so a busy clinic server does not write a line per request. Only the path is
// logged: tokens travel in headers and bodies, which are never logged.
void logResponse(const HttpRequest &request, const HttpResponse &response, double seconds)
{
    JsonLogger &log = JsonLogger::instance();
    const JsonLogger::Level level =
        response.status >= 400 ? JsonLogger::Level::Info : JsonLogger::Level::Debug;
    if (!log.isEnabled(level))
        return;
    const QHostAddress client = request.clientAddress.isNull() ? request.peerAddress : request.clientAddress;
    log.log(level, QStringLiteral("http.request"),
            {{QStringLiteral("method"), QString::fromLatin1(request.method.left(16))},
             {QStringLiteral("path"), request.path.left(200)},
             {QStringLiteral("status"), response.status},
             {QStringLiteral("ms"), qRound(seconds * 100000.0) / 100.0},
             {QStringLiteral("client"), client.toString()},
             {QStringLiteral("bytes"), int(response.body.size())}});
}

// Each connection is a descriptor; the usual soft limit of 1024 would refuse connections long
// before MEDORA_MAX_CONNECTIONS. Raise it as far as the hard limit allows.
QJsonObject raiseDescriptorLimit(int maxConnections)
{
    rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return {};
    const rlim_t wanted = rlim_t(maxConnections) + 256;
    if (limit.rlim_cur < wanted) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return {{QStringLiteral("openFilesLimit"), double(limit.rlim_cur)},
            {QStringLiteral("enoughForMaxConnections"), limit.rlim_cur >= wanted}};
}

} // namespace

class ServerApplication::Private
{
public:
    explicit Private(ServerConfig c) : config(std::move(c)) {}

    void reloadTls();
    void stop(int signalNumber);
    void compactSync();

    ServerConfig config;
    std::unique_ptr<ServerCore> core;
    std::unique_ptr<Metrics> metrics;
    std::unique_ptr<ApiServer> api;
    std::unique_ptr<HttpServerEngine> engine;
    std::unique_ptr<SignalNotifier> signalNotifier;
    QTimer syncCompaction;
    bool stopping = false;
};

// Tombstones older than MEDORA_SYNC_TOMBSTONE_DAYS leave the feed at start and once a day,
// so the retention holds without a cron job (compact-sync does the same on demand).
void ServerApplication::Private::compactSync()
{
    Actor operatorActor;
    operatorActor.login = QStringLiteral("operator");
    SyncService sync(core->database(), core->audit());
    const Outcome<CompactionReport> report = sync.compact(config.syncTombstoneDays, operatorActor);
    JsonLogger &log = JsonLogger::instance();
    if (!report.ok()) {
        log.error(QStringLiteral("sync.compaction_failed"),
                  {{QStringLiteral("error"), report.error().message}});
        return;
    }
    if (report.value().removed > 0)
        log.info(QStringLiteral("sync.compacted"),
                 {{QStringLiteral("removedTombstones"), double(report.value().removed)},
                  {QStringLiteral("clinics"), int(report.value().clinics.size())},
                  {QStringLiteral("olderThanDays"), config.syncTombstoneDays}});
}

void ServerApplication::Private::reloadTls()
{
    JsonLogger &log = JsonLogger::instance();
    log.reopen();
    if (!config.tlsEnabled()) {
        log.info(QStringLiteral("server.reload"), {{QStringLiteral("tls"), false}});
        return;
    }
    QString error;
    const TlsCredentials credentials =
        TlsCredentials::load(config.tlsCertificateFile, config.tlsKeyFile, &error);
    if (!credentials.isValid()) {
        // Keep serving with the pair that works; the operator sees why the new one was refused.
        log.error(QStringLiteral("tls.reload_failed"), {{QStringLiteral("error"), error}});
        return;
    }
    engine->setTlsCredentials(credentials);
    log.info(QStringLiteral("tls.reloaded"), describeCertificate(credentials));
}

void ServerApplication::Private::stop(int signalNumber)
{
    if (stopping)
        return;
    stopping = true;
    JsonLogger::instance().info(QStringLiteral("server.stopping"),
                                {{QStringLiteral("signal"), signalNumber}});
    engine->close();
    QCoreApplication::exit(0);
}

ServerApplication::ServerApplication(ServerConfig config) : d(std::make_unique<Private>(std::move(config))) {}

ServerApplication::~ServerApplication()
{
    // The engine's threads call into the API, which uses the services: stop it first.
    if (d->engine)
        d->engine->close();
    d->engine.reset();
    d->api.reset();
    d->metrics.reset();
    d->core.reset();
}

int ServerApplication::run()
{
    const ServerConfig &config = d->config;
    const QStringList problems = config.startupProblems();
    if (!problems.isEmpty()) {
        for (const QString &problem : problems)
            CliOutput::error(CliOutput::usageError, problem);
        return CliOutput::usageError;
    }

    JsonLogger::Level level = JsonLogger::Level::Info;
    JsonLogger::parseLevel(config.logLevel, &level);
    JsonLogger &log = JsonLogger::instance();
    log.configure(level, config.logFile, config.secretValues());
    for (const QString &warning : config.debugWarnings())
        log.warning(QStringLiteral("server.debug_mode"), {{QStringLiteral("warning"), warning}});

    QJsonArray hosts;
    for (const QString &host : config.allowedHosts)
        hosts.append(host);
    log.info(QStringLiteral("server.starting"),
             {{QStringLiteral("version"), QCoreApplication::applicationVersion()},
              {QStringLiteral("dataDir"), config.dataDir},
              {QStringLiteral("database"), config.sqlitePath()},
              {QStringLiteral("allowedHosts"), hosts},
              {QStringLiteral("trustedProxies"), int(config.trustedProxies.size())},
              {QStringLiteral("debug"), config.debug},
              {QStringLiteral("workerThreads"), config.workerThreads}});

    const QJsonObject descriptors = raiseDescriptorLimit(config.maxConnections);
    if (!descriptors.value(QStringLiteral("enoughForMaxConnections")).toBool(true))
        log.warning(QStringLiteral("server.descriptor_limit"), descriptors);

    d->core = std::make_unique<ServerCore>(config);
    QString error;
    if (!d->core->open(&error)) {
        log.error(QStringLiteral("database.open_failed"), {{QStringLiteral("error"), error}});
        return CliOutput::error(CliOutput::failure, QStringLiteral("database: ") + error);
    }
    log.info(QStringLiteral("database.ready"),
             {{QStringLiteral("schemaVersion"), d->core->database().schemaVersion()}});

    d->metrics = std::make_unique<Metrics>();
    d->api =
        std::make_unique<ApiServer>(ServerServices{config, d->core->database(), d->core->audit(),
                                                   d->core->sessions(), d->core->accounts(), *d->metrics});
    d->engine = std::make_unique<HttpServerEngine>(limitsFrom(config), d->api->handler());
    d->engine->setResponseObserver(&logResponse);
    HttpServerEngine *engine = d->engine.get();
    d->metrics->setGaugeProviders([engine] { return engine->openConnections(); },
                                  [engine] { return engine->connectionsReaped(); });

    if (config.tlsEnabled()) {
        const TlsCredentials credentials =
            TlsCredentials::load(config.tlsCertificateFile, config.tlsKeyFile, &error);
        if (!credentials.isValid()) {
            log.error(QStringLiteral("tls.load_failed"), {{QStringLiteral("error"), error}});
            return CliOutput::error(CliOutput::usageError,
                                    QStringLiteral("MEDORA_TLS_CERT_FILE/MEDORA_TLS_KEY_FILE: ") + error);
        }
        d->engine->setTlsCredentials(credentials);
        log.info(QStringLiteral("tls.loaded"), describeCertificate(credentials));
    }

    d->signalNotifier = std::make_unique<SignalNotifier>();
    QObject::connect(d->signalNotifier.get(), &SignalNotifier::hangup, [this] { d->reloadTls(); });
    QObject::connect(d->signalNotifier.get(), &SignalNotifier::terminate,
                     [this](int signalNumber) { d->stop(signalNumber); });

    if (!d->engine->listen(config.listenAddress, config.listenPort)) {
        const QString why = d->engine->errorString();
        log.error(QStringLiteral("server.listen_failed"),
                  {{QStringLiteral("address"), config.listenAddress.toString()},
                   {QStringLiteral("port"), int(config.listenPort)},
                   {QStringLiteral("error"), why}});
        return CliOutput::error(CliOutput::failure, QStringLiteral("cannot listen on %1 port %2: %3")
                                                        .arg(config.listenAddress.toString())
                                                        .arg(config.listenPort)
                                                        .arg(why));
    }
    d->compactSync();
    d->syncCompaction.setInterval(24 * 3600 * 1000);
    QObject::connect(&d->syncCompaction, &QTimer::timeout, [this] { d->compactSync(); });
    d->syncCompaction.start();

    log.info(QStringLiteral("server.listening"),
             {{QStringLiteral("address"), config.listenAddress.toString()},
              {QStringLiteral("port"), int(d->engine->serverPort())},
              {QStringLiteral("tls"), config.tlsEnabled()}});

    const int exitCode = QCoreApplication::exec();
    d->engine->close();
    log.info(QStringLiteral("server.stopped"), {{QStringLiteral("exitCode"), exitCode}});
    return exitCode;
}

} // namespace medora::server
