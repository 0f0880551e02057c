#include "preflight/Preflight.h"

#include "ai/GeminiClient.h"
#include "backup/OperationsRecords.h"
#include "config/ServerConfig.h"
#include "legal/LegalTexts.h"
#include "preflight/NetworkProbe.h"
#include "store/ServerDatabase.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSslCertificate>

namespace medora::server {

namespace {

using Status = PreflightItem::Status;

PreflightItem item(const QString &id, const QString &title)
{
    PreflightItem result;
    result.id = id;
    result.title = title;
    return result;
}

PreflightItem &set(PreflightItem &item, Status status, const QString &detail, const QString &fix = QString())
{
    item.status = status;
    item.detail = detail;
    item.fix = fix;
    return item;
}

bool isLoopbackHost(const QString &host)
{
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}

QString age(qint64 milliseconds)
{
    const qint64 minutes = milliseconds / 60000;
    if (minutes < 120)
        return QStringLiteral("%1 min").arg(minutes);
    if (minutes < 48 * 60)
        return QStringLiteral("%1 h").arg(minutes / 60);
    return QStringLiteral("%1 days").arg(minutes / (24 * 60));
}

// The outcome of a probe that could not get an answer: no network here is a warning (the
// item is not proven), a refusal from a reachable network is a failure.
PreflightItem &unreachable(PreflightItem &item, const NetworkProbe::Reach reach, const QString &detail,
                           const QString &fix)
{
    if (reach == NetworkProbe::Reach::Unresolved)
        return set(item, Status::Warn, detail + QStringLiteral(" (offline?); not proven"),
                   QStringLiteral("run preflight again where the server has its network"));
    return set(item, Status::Fail, detail, fix);
}

} // namespace

Preflight::Preflight(const ServerConfig &config, ConfigValues values, BackupSettings backup, Options options)
    : m_config(config), m_values(std::move(values)), m_backup(std::move(backup)), m_options(options)
{}

bool Preflight::passes(const QList<PreflightItem> &items)
{
    for (const PreflightItem &entry : items) {
        if (entry.status == Status::Fail)
            return false;
    }
    return true;
}

QList<PreflightItem> Preflight::run() const
{
    QList<PreflightItem> items{secret(), secretsFile(), debugMode(),   allowedHosts(),
                               tls(),    transport(),   databaseKind()};
    items << databaseState();
    items << passwordReset() << gemini() << telegram() << monitoring() << logging() << rateLimits()
          << legalTexts() << dataLocation();
    return items;
}

PreflightItem Preflight::secret() const
{
    PreflightItem result = item(QStringLiteral("secret"), QStringLiteral("Server secret (MEDORA_SECRET)"));
    // The production rules of `serve`, whatever MEDORA_DEBUG says.
    ServerConfig production = m_config;
    production.debug = false;
    for (const QString &problem : production.startupProblems()) {
        if (problem.startsWith(QLatin1String("MEDORA_SECRET")))
            return set(result, Status::Fail, problem,
                       QStringLiteral("set MEDORA_SECRET to the output of: openssl rand -base64 48"));
    }
    return set(result, Status::Pass, QStringLiteral("%1 bytes, random enough").arg(m_config.secret.size()));
}

PreflightItem Preflight::secretsFile() const
{
    PreflightItem result =
        item(QStringLiteral("secrets-file"), QStringLiteral("Secrets only in the environment or .env"));
    const QString path = m_values.envFilePath();
    if (path.isEmpty())
        return set(result, Status::Pass, QStringLiteral("no .env file; settings come from the environment"));
    const QFileInfo info(path);
    const QFile::Permissions permissions = info.permissions();
    if (permissions & QFileDevice::ReadOther)
        return set(result, Status::Fail,
                   QStringLiteral("%1 is readable by every user of this machine").arg(path),
                   QStringLiteral("chmod 640 %1 (owner root, group medora)").arg(path));
    if (permissions & QFileDevice::WriteGroup)
        return set(result, Status::Warn, QStringLiteral("%1 is writable by its group").arg(path),
                   QStringLiteral("chmod 640 %1").arg(path));
    return set(result, Status::Pass, QStringLiteral("%1, not readable by others").arg(path));
}

PreflightItem Preflight::debugMode() const
{
    PreflightItem result = item(QStringLiteral("debug"), QStringLiteral("Production mode (debug off)"));
    if (m_config.debug)
        return set(
            result, Status::Fail,
            QStringLiteral("MEDORA_DEBUG is on: weak secrets, any Host and plain HTTP are let through"),
            QStringLiteral("set MEDORA_DEBUG=0"));
    return set(result, Status::Pass, QStringLiteral("MEDORA_DEBUG=0"));
}

PreflightItem Preflight::allowedHosts() const
{
    PreflightItem result = item(QStringLiteral("allowed-hosts"),
                                QStringLiteral("Only configured hosts served (MEDORA_ALLOWED_HOSTS)"));
    if (m_config.allowedHosts.isEmpty())
        return set(
            result, Status::Fail, QStringLiteral("MEDORA_ALLOWED_HOSTS is empty"),
            QStringLiteral("list the host names clients use, e.g. MEDORA_ALLOWED_HOSTS=clinic.example.uz"));
    bool onlyLocal = true;
    for (const QString &host : m_config.allowedHosts)
        onlyLocal = onlyLocal && isLoopbackHost(host);
    if (onlyLocal)
        return set(result, Status::Warn,
                   QStringLiteral("only %1: no other PC can reach this server")
                       .arg(m_config.allowedHosts.join(QStringLiteral(", "))),
                   QStringLiteral("add the clinic's host name to MEDORA_ALLOWED_HOSTS"));
    return set(result, Status::Pass, m_config.allowedHosts.join(QStringLiteral(", ")));
}

PreflightItem Preflight::tls() const
{
    PreflightItem result =
        item(QStringLiteral("tls"), QStringLiteral("HTTPS: TLS here or at a trusted proxy"));
    if (m_config.tlsEnabled()) {
        ServerConfig production = m_config;
        production.debug = false;
        for (const QString &problem : production.startupProblems()) {
            if (problem.contains(QLatin1String("MEDORA_TLS_")))
                return set(
                    result, Status::Fail, problem,
                    QStringLiteral("point MEDORA_TLS_CERT_FILE/MEDORA_TLS_KEY_FILE at readable PEM files"));
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(m_config.tlsCertificateFile);
        if (chain.isEmpty())
            return set(result, Status::Fail,
                       QStringLiteral("%1 holds no PEM certificate").arg(m_config.tlsCertificateFile),
                       QStringLiteral("use the full chain (fullchain.pem of Let's Encrypt)"));
        const QSslCertificate &leaf = chain.constFirst();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString names = leaf.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
        if (leaf.expiryDate() <= now)
            return set(result, Status::Fail,
                       QStringLiteral("the certificate for %1 expired on %2")
                           .arg(names, leaf.expiryDate().toString(Qt::ISODate)),
                       QStringLiteral("renew it (certbot renew) and send SIGHUP to medora-server"));
        if (leaf.isSelfSigned())
            return set(result, Status::Warn,
                       QStringLiteral("the certificate for %1 is self-signed").arg(names),
                       QStringLiteral("use a certificate from a public CA such as Let's Encrypt"));
        if (now.daysTo(leaf.expiryDate()) < 14)
            return set(result, Status::Warn,
                       QStringLiteral("the certificate for %1 expires in %2 days")
                           .arg(names)
                           .arg(now.daysTo(leaf.expiryDate())),
                       QStringLiteral("check that automatic renewal works (certbot renew --dry-run)"));
        return set(result, Status::Pass,
                   QStringLiteral("TLS in medora-server, certificate for %1 valid until %2")
                       .arg(names, leaf.expiryDate().date().toString(Qt::ISODate)));
    }
    if (!m_config.trustedProxies.isEmpty())
        return set(result, Status::Pass, QStringLiteral("TLS at a reverse proxy (MEDORA_TRUSTED_PROXIES)"));
    return set(
        result, Status::Fail, QStringLiteral("no TLS certificate and no trusted reverse proxy"),
        QStringLiteral("put nginx or Caddy with Let's Encrypt in front (deploy/) and set "
                       "MEDORA_TRUSTED_PROXIES=127.0.0.1, or set MEDORA_TLS_CERT_FILE/MEDORA_TLS_KEY_FILE"));
}

PreflightItem Preflight::transport() const
{
    PreflightItem result =
        item(QStringLiteral("transport"), QStringLiteral("Secure transport to clients (no plain HTTP)"));
    if (m_config.tlsEnabled())
        return set(result, Status::Pass, QStringLiteral("clients connect with HTTPS directly"));
    if (m_config.trustedProxies.isEmpty())
        return set(result, Status::Fail, QStringLiteral("the server would speak plain HTTP to clients"),
                   QStringLiteral("see the HTTPS item"));
    if (!m_config.listenAddress.isLoopback())
        return set(result, Status::Warn,
                   QStringLiteral("plain HTTP listens on %1, reachable around the proxy")
                       .arg(m_config.listenAddress.toString()),
                   QStringLiteral("set MEDORA_LISTEN_ADDRESS=127.0.0.1 so only the proxy reaches it"));
    return set(
        result, Status::Pass,
        QStringLiteral("plain HTTP only on %1 behind the proxy; /api refuses anything the proxy did not "
                       "mark as HTTPS")
            .arg(m_config.listenAddress.toString()));
}

PreflightItem Preflight::databaseKind() const
{
    PreflightItem result =
        item(QStringLiteral("database"), QStringLiteral("Database for multi-user production"));
    if (m_config.databaseUrl.startsWith(QLatin1String("sqlite:")))
        return set(
            result, Status::Warn,
            QStringLiteral("SQLite at %1: fine for one small clinic, not for a clinic network")
                .arg(m_config.sqlitePath()),
            QStringLiteral("use PostgreSQL (MEDORA_DATABASE_URL=postgresql://...) when it is available"));
    return set(result, Status::Pass, m_config.databaseUrl.section(QLatin1Char(':'), 0, 0));
}

QList<PreflightItem> Preflight::databaseState() const
{
    PreflightItem migrations = item(QStringLiteral("migrations"), QStringLiteral("Database schema current"));
    PreflightItem backup = item(QStringLiteral("backup"), QStringLiteral("Recent successful backup"));
    PreflightItem drill = item(QStringLiteral("restore-drill"), QStringLiteral("Restore drill done"));
    const QString notYet = QStringLiteral("the database cannot be read");
    const QString path = m_config.sqlitePath();
    if (!path.isEmpty() && !QFileInfo::exists(path)) {
        const QString why = QStringLiteral("there is no database at %1 yet").arg(path);
        return {set(migrations, Status::Fail, why, QStringLiteral("run: medora-server migrate")),
                set(backup, Status::Fail, why, QStringLiteral("run: medora-server backup")),
                set(drill, Status::Fail, why, QStringLiteral("run: medora-server restore-drill"))};
    }
    ServerDatabase database(m_config.databaseUrl);
    QString error;
    if (!database.open(&error)) {
        return {set(migrations, Status::Fail, error, QStringLiteral("check MEDORA_DATABASE_URL")),
                set(backup, Status::Fail, notYet), set(drill, Status::Fail, notYet)};
    }
    const int version = database.schemaVersion(&error);
    const int latest = ServerDatabase::latestSchemaVersion();
    if (version < latest)
        set(migrations, Status::Fail,
            QStringLiteral("schema version %1, this medora-server needs %2").arg(version).arg(latest),
            QStringLiteral("run: medora-server migrate"));
    else if (version > latest)
        set(migrations, Status::Fail,
            QStringLiteral("schema version %1 is newer than this medora-server knows (%2)")
                .arg(version)
                .arg(latest),
            QStringLiteral("install the medora-server that wrote it"));
    else
        set(migrations, Status::Pass, QStringLiteral("schema version %1").arg(version));

    const QSqlDatabase db = database.connection();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    error.clear();
    const std::optional<OperationsRecords::Backup> last = OperationsRecords::lastBackup(db, &error);
    const QString backupFix =
        QStringLiteral("run medora-server backup daily from cron or a systemd timer (docs/operations.md)");
    if (!last) {
        set(backup, Status::Fail,
            error.isEmpty() ? QStringLiteral("no backup has been made")
                            : QStringLiteral("no backup records: ") + error,
            backupFix);
    } else if (!QFileInfo::exists(last->filePath)) {
        set(backup, Status::Fail, QStringLiteral("the last backup %1 is gone").arg(last->filePath),
            backupFix);
    } else if (now - last->finishedAtMs > qint64(m_backup.maxAgeHours) * 3600 * 1000) {
        set(backup, Status::Fail,
            QStringLiteral("the last backup is %1 old (limit %2 h, MEDORA_BACKUP_MAX_AGE_HOURS)")
                .arg(age(now - last->finishedAtMs))
                .arg(m_backup.maxAgeHours),
            backupFix);
    } else {
        set(backup, Status::Pass,
            QStringLiteral("%1, %2 old")
                .arg(QFileInfo(last->filePath).fileName(), age(now - last->finishedAtMs)));
    }

    error.clear();
    const std::optional<OperationsRecords::Drill> lastDrill = OperationsRecords::lastDrill(db, &error);
    const QString drillFix = QStringLiteral("run: medora-server restore-drill");
    if (!lastDrill)
        set(drill, Status::Fail,
            error.isEmpty() ? QStringLiteral("no restore drill on record")
                            : QStringLiteral("no drill records: ") + error,
            drillFix);
    else if (!lastDrill->succeeded)
        set(drill, Status::Fail, QStringLiteral("the last drill failed: %1").arg(lastDrill->detail),
            drillFix);
    else if (now - lastDrill->atMs > qint64(m_backup.drillMaxAgeDays) * 24 * 3600 * 1000)
        set(drill, Status::Warn,
            QStringLiteral("the last drill passed %1 ago (MEDORA_RESTORE_DRILL_MAX_AGE_DAYS=%2)")
                .arg(age(now - lastDrill->atMs))
                .arg(m_backup.drillMaxAgeDays),
            drillFix);
    else
        set(drill, Status::Pass,
            QStringLiteral("passed %1 ago: %2").arg(age(now - lastDrill->atMs), lastDrill->detail));
    return {migrations, backup, drill};
}

PreflightItem Preflight::passwordReset() const
{
    PreflightItem result =
        item(QStringLiteral("password-reset"), QStringLiteral("Password-reset channel (SMS or e-mail)"));
    struct Channel
    {
        QString name;
        QUrl url;
    };
    QList<Channel> channels;
    const QString provider = m_values.value(QStringLiteral("SMS_PROVIDER")).toLower();
    if ((provider.isEmpty() || provider == QLatin1String("eskiz")) &&
        m_values.has(QStringLiteral("ESKIZ_EMAIL")) && m_values.has(QStringLiteral("ESKIZ_PASSWORD"))) {
        const QString base = m_values.value(QStringLiteral("ESKIZ_BASE_URL"));
        channels.append({QStringLiteral("SMS (Eskiz)"),
                         QUrl(base.isEmpty() ? QStringLiteral("https://notify.eskiz.uz") : base)});
    }
    if (m_values.has(QStringLiteral("SMTP_URL")) && m_values.has(QStringLiteral("SMTP_FROM")))
        channels.append({QStringLiteral("e-mail (SMTP)"), QUrl(m_values.value(QStringLiteral("SMTP_URL")))});
    if (channels.isEmpty())
        return set(
            result, Status::Fail, QStringLiteral("neither SMS nor e-mail is configured"),
            QStringLiteral("set ESKIZ_EMAIL and ESKIZ_PASSWORD (SMS_PROVIDER=eskiz), or SMTP_URL, SMTP_USER "
                           "and SMTP_FROM"));
    QStringList reached;
    for (const Channel &channel : std::as_const(channels)) {
        const QString scheme = channel.url.scheme().toLower();
        if (m_options.offline) {
            reached << QStringLiteral("%1 configured (not probed: --offline)").arg(channel.name);
            result.status = Status::Warn;
            continue;
        }
        const bool tls = scheme == QLatin1String("https") || scheme == QLatin1String("smtps");
        const int defaultPort = scheme == QLatin1String("https")   ? 443
                                : scheme == QLatin1String("smtps") ? 465
                                : scheme == QLatin1String("smtp")  ? 587
                                                                   : 80;
        const NetworkProbe::Connect probe = NetworkProbe::connect(
            channel.url.host(), quint16(channel.url.port(defaultPort)), tls, m_options.timeoutMs);
        if (probe.reach != NetworkProbe::Reach::Reachable)
            return unreachable(
                result, probe.reach, QStringLiteral("%1: %2").arg(channel.name, probe.detail),
                QStringLiteral("check the address and the firewall; the reset code cannot be sent"));
        reached << QStringLiteral("%1: %2").arg(channel.name, probe.detail);
    }
    result.detail = reached.join(QStringLiteral("; "));
    if (result.status == Status::Warn)
        result.fix = QStringLiteral("run preflight without --offline");
    return result;
}

PreflightItem Preflight::gemini() const
{
    PreflightItem result =
        item(QStringLiteral("gemini"), QStringLiteral("Gemini API key present and accepted"));
    if (m_config.geminiApiKey.isEmpty())
        return set(result, Status::Fail,
                   QStringLiteral("GEMINI_API_KEY is not set: the AI consilium cannot work"),
                   QStringLiteral("set GEMINI_API_KEY in the server's .env (never in the client)"));
    if (m_options.offline)
        return set(result, Status::Warn, QStringLiteral("present; not tested (--offline)"),
                   QStringLiteral("run preflight without --offline"));
    GeminiClient::Settings settings;
    settings.baseUrl = m_config.geminiBaseUrl;
    settings.apiKey = m_config.geminiApiKey;
    settings.timeoutMs = m_options.timeoutMs;
    settings.maxRetries = 0;
    GeminiClient client(settings);
    GeminiRequest request;
    request.systemInstruction = QStringLiteral("Answer with {\"ok\": true}.");
    request.contents = {GeminiTurn{QStringLiteral("user"), {GeminiPart{QStringLiteral("ping"), {}, {}}}}};
    request.responseSchema =
        QJsonObject{{QStringLiteral("type"), QStringLiteral("OBJECT")},
                    {QStringLiteral("properties"),
                     QJsonObject{{QStringLiteral("ok"),
                                  QJsonObject{{QStringLiteral("type"), QStringLiteral("BOOLEAN")}}}}}};
    const GeminiResult answer = client.generate({m_config.geminiModelFast}, request);
    if (answer.ok())
        return set(result, Status::Pass, QStringLiteral("%1 answered a test call").arg(answer.model));
    if (answer.failure == GeminiResult::Failure::Refused)
        return set(result, Status::Fail,
                   QStringLiteral("Gemini refused the key (HTTP %1)").arg(answer.lastHttpStatus),
                   QStringLiteral("check GEMINI_API_KEY in Google AI Studio"));
    if (answer.lastHttpStatus == 0) {
        const QUrl base(m_config.geminiBaseUrl);
        const NetworkProbe::Connect probe =
            NetworkProbe::connect(base.host(), quint16(base.port(443)), false, 2000);
        if (probe.reach == NetworkProbe::Reach::Unresolved)
            return set(result, Status::Warn,
                       QStringLiteral("present; %1 (offline?); not tested").arg(probe.detail),
                       QStringLiteral("run preflight again where the server has its network"));
        return set(result, Status::Fail,
                   QStringLiteral("no answer from %1: %2").arg(base.host(), answer.detail),
                   QStringLiteral("check the firewall and GEMINI_BASE_URL"));
    }
    return set(result, Status::Warn,
               QStringLiteral("present; the test call got HTTP %1 (%2)")
                   .arg(answer.lastHttpStatus)
                   .arg(answer.detail),
               QStringLiteral("check the model name (GEMINI_MODEL_FAST) and the project's quota"));
}

PreflightItem Preflight::telegram() const
{
    PreflightItem result =
        item(QStringLiteral("telegram"), QStringLiteral("Telegram bot token present and accepted"));
    if (m_config.telegramBotToken.isEmpty())
        return set(
            result, Status::Fail,
            QStringLiteral("TELEGRAM_BOT_TOKEN is not set: receipts cannot be approved"),
            QStringLiteral("create a bot with @BotFather and set TELEGRAM_BOT_TOKEN in the server's .env"));
    if (!m_values.has(QStringLiteral("TELEGRAM_PAYMENT_GROUP_ID")))
        return set(result, Status::Fail, QStringLiteral("TELEGRAM_PAYMENT_GROUP_ID is not set"),
                   QStringLiteral("add the bot to the payment group and set its chat id"));
    if (m_options.offline)
        return set(result, Status::Warn, QStringLiteral("present; not tested (--offline)"),
                   QStringLiteral("run preflight without --offline"));
    QString base = m_values.value(QStringLiteral("TELEGRAM_API_BASE_URL"));
    if (base.isEmpty())
        base = QStringLiteral("https://api.telegram.org");
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QUrl url(base + QStringLiteral("/bot") + QString::fromUtf8(m_config.telegramBotToken) +
                   QStringLiteral("/getMe"));
    const NetworkProbe::Http answer = NetworkProbe::get(url, {}, m_options.timeoutMs);
    const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
    if (answer.status == 200 && body.value(QStringLiteral("ok")).toBool()) {
        const QString bot =
            body.value(QStringLiteral("result")).toObject().value(QStringLiteral("username")).toString();
        return set(result, Status::Pass, QStringLiteral("getMe answered: @%1").arg(bot));
    }
    if (answer.status == 401 || answer.status == 404)
        return set(result, Status::Fail,
                   QStringLiteral("Telegram refused the token (HTTP %1)").arg(answer.status),
                   QStringLiteral("copy the token again from @BotFather"));
    if (answer.status == 0)
        // The detail of a failed request may carry the URL, which carries the token.
        return unreachable(result, answer.reach, QStringLiteral("no answer from %1").arg(QUrl(base).host()),
                           QStringLiteral("check the firewall and TELEGRAM_API_BASE_URL"));
    return set(result, Status::Warn, QStringLiteral("getMe got HTTP %1").arg(answer.status),
               QStringLiteral("try again later; check https://t.me/BotNews"));
}

PreflightItem Preflight::monitoring() const
{
    PreflightItem result =
        item(QStringLiteral("monitoring"), QStringLiteral("Monitoring endpoint (/metrics) reachable"));
    if (m_config.metricsAllowed.isEmpty())
        return set(
            result, Status::Fail, QStringLiteral("MEDORA_METRICS_ALLOWED is empty: nobody may read /metrics"),
            QStringLiteral("set MEDORA_METRICS_ALLOWED to the monitoring host (default 127.0.0.1,::1)"));
    if (m_options.offline)
        return set(result, Status::Warn, QStringLiteral("not probed (--offline)"),
                   QStringLiteral("run preflight without --offline while the server runs"));
    const bool anyAddress = m_config.listenAddress == QHostAddress::AnyIPv4 ||
                            m_config.listenAddress == QHostAddress::Any ||
                            m_config.listenAddress == QHostAddress::AnyIPv6;
    const QString host = anyAddress ? QStringLiteral("127.0.0.1") : m_config.listenAddress.toString();
    QUrl url;
    url.setScheme(m_config.tlsEnabled() ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(host);
    url.setPort(m_config.listenPort);
    url.setPath(QStringLiteral("/metrics"));
    // The probe connects over loopback: a loopback name the server allows fits it best.
    QString allowedHost = m_config.allowedHosts.isEmpty() ? host : m_config.allowedHosts.constFirst();
    for (const QString &name : m_config.allowedHosts) {
        if (isLoopbackHost(name)) {
            allowedHost = name;
            break;
        }
    }
    const QByteArray hostHeader = allowedHost.toUtf8();
    const NetworkProbe::Http answer =
        NetworkProbe::get(url, {{"Host", hostHeader}}, m_options.timeoutMs, true);
    if (answer.status == 200 && answer.body.contains("medora_"))
        return set(result, Status::Pass, QStringLiteral("%1 answers with metrics").arg(url.toString()));
    if (answer.status == 404)
        return set(result, Status::Fail,
                   QStringLiteral("%1 answered 404: this machine is not in MEDORA_METRICS_ALLOWED")
                       .arg(url.toString()),
                   QStringLiteral("add the monitoring host's address to MEDORA_METRICS_ALLOWED"));
    if (answer.status == 0)
        return set(
            result, Status::Warn,
            QStringLiteral("%1: %2 (is the server running?)").arg(url.toString(), answer.detail),
            QStringLiteral("start medora-server (systemctl start medora-server) and run preflight again"));
    return set(result, Status::Fail,
               QStringLiteral("%1 answered HTTP %2").arg(url.toString()).arg(answer.status),
               QStringLiteral("check MEDORA_ALLOWED_HOSTS and the listen address"));
}

PreflightItem Preflight::logging() const
{
    PreflightItem result = item(QStringLiteral("logging"), QStringLiteral("Logs and log level"));
    const QString target =
        m_config.logFile.isEmpty() ? QStringLiteral("stderr (journald under systemd)") : m_config.logFile;
    if (m_config.logLevel == QLatin1String("debug"))
        return set(result, Status::Warn, QStringLiteral("level debug to %1: noisy in production").arg(target),
                   QStringLiteral("set MEDORA_LOG_LEVEL=info"));
    return set(result, Status::Pass, QStringLiteral("level %1 to %2").arg(m_config.logLevel, target));
}

PreflightItem Preflight::rateLimits() const
{
    PreflightItem result =
        item(QStringLiteral("rate-limits"), QStringLiteral("Rate limits (anonymous and signed-in)"));
    const QString detail =
        QStringLiteral("anonymous %1/min (burst %2) per address, signed-in %3/min (burst %4), "
                       "sync %5/min per user")
            .arg(m_config.anonymousPerIp.perMinute)
            .arg(m_config.anonymousPerIp.burst)
            .arg(m_config.userLimit.perMinute)
            .arg(m_config.userLimit.burst)
            .arg(m_config.syncLimit.perMinute);
    if (m_config.anonymousPerIp.perMinute > 600 || m_config.anonymousPerIp.burst > 300)
        return set(result, Status::Warn,
                   detail + QStringLiteral(": the anonymous limit barely slows password guessing"),
                   QStringLiteral("keep MEDORA_RATE_ANON_PER_MINUTE at or below 600 (default 60)"));
    return set(result, Status::Pass, detail);
}

PreflightItem Preflight::legalTexts() const
{
    PreflightItem result =
        item(QStringLiteral("legal"), QStringLiteral("Privacy policy and terms of use versions"));
    const QString directory = m_values.value(QStringLiteral("MEDORA_LEGAL_DIR"));
    LegalTexts texts;
    QString error;
    if (!texts.load(directory, &error))
        return set(result, Status::Fail, error,
                   directory.isEmpty()
                       ? QStringLiteral("this build lacks its legal texts (resources/legal): rebuild or set "
                                        "MEDORA_LEGAL_DIR")
                       : QStringLiteral("publish terms and privacy texts in uz and ru in MEDORA_LEGAL_DIR"));
    return set(result, Status::Pass,
               QStringLiteral("terms %1, privacy %2 (%3)")
                   .arg(texts.currentVersion(QStringLiteral("terms")),
                        texts.currentVersion(QStringLiteral("privacy")),
                        directory.isEmpty() ? QStringLiteral("built in") : directory));
}

PreflightItem Preflight::dataLocation() const
{
    PreflightItem result = item(QStringLiteral("data-location"),
                                QStringLiteral("Where personal data is stored (MEDORA_DATA_LOCATION)"));
    const QString location = m_values.value(QStringLiteral("MEDORA_DATA_LOCATION"));
    const QString fix =
        QStringLiteral("set MEDORA_DATA_LOCATION to where this server and its backups physically are, e.g. "
                       "\"Tashkent, Uzbekistan (provider, data centre)\"");
    if (location.isEmpty())
        return set(result, Status::Fail,
                   QStringLiteral("not noted (the Law on Personal Data asks where it is kept)"), fix);
    const QString lower = location.toLower();
    for (const char *marker : {"uzbek", "o'zbek", "oʻzbek", "ozbek", "узбек", "ўзбек", "tashkent", "toshkent",
                               "ташкент", "тошкент"}) {
        if (lower.contains(QString::fromUtf8(marker)))
            return set(result, Status::Pass, location);
    }
    return set(
        result, Status::Warn, location + QStringLiteral(": not in Uzbekistan as far as the text says"),
        QStringLiteral("personal data of citizens of Uzbekistan must be kept on servers in Uzbekistan"));
}

} // namespace medora::server
