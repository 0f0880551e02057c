#include "config/ServerConfig.h"

#include "config/DotEnvFile.h"
#include "domain/SyncProtocol.h"
#include "http/TlsCredentials.h"
#include "legal/LegalTexts.h"
#include "log/JsonLogger.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <functional>
#include <type_traits>

namespace medora::server {

namespace {

constexpr int kMinimumSecretBytes = 32;

// Variables read from the merged environment + .env. Environment values win.
class Source
{
public:
    Source(const QProcessEnvironment &environment, const DotEnvFile &file)
        : m_environment(environment), m_file(file)
    {}
    bool has(const QString &name) const { return m_environment.contains(name) || m_file.contains(name); }
    QString value(const QString &name) const
    {
        if (m_environment.contains(name))
            return m_environment.value(name);
        return m_file.value(name);
    }
    QString trimmed(const QString &name) const { return value(name).trimmed(); }

private:
    const QProcessEnvironment &m_environment;
    const DotEnvFile &m_file;
};

QString describe(const QString &name, const QString &value)
{
    return ServerConfig::isSecretName(name) ? QString() : QStringLiteral(" ('%1')").arg(value.left(80));
}

bool parseBool(const QString &text, bool *value)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("1") || t == QLatin1String("true") || t == QLatin1String("yes") ||
        t == QLatin1String("on")) {
        *value = true;
        return true;
    }
    if (t.isEmpty() || t == QLatin1String("0") || t == QLatin1String("false") || t == QLatin1String("no") ||
        t == QLatin1String("off")) {
        *value = false;
        return true;
    }
    return false;
}

QHostAddress normalized(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

// "127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8", "localhost".
bool parseNetworks(const QString &text, QList<QPair<QHostAddress, int>> *networks, QString *bad)
{
    networks->clear();
    const QStringList items = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString item : items) {
        item = item.trimmed();
        if (item.isEmpty())
            continue;
        if (item.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
            networks->append({QHostAddress(QHostAddress::LocalHost), 32});
            networks->append({QHostAddress(QHostAddress::LocalHostIPv6), 128});
            continue;
        }
        if (item.contains(QLatin1Char('/'))) {
            const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(item);
            if (subnet.first.isNull() || subnet.second < 0) {
                *bad = item;
                return false;
            }
            networks->append(subnet);
            continue;
        }
        const QHostAddress address(item);
        if (address.isNull()) {
            *bad = item;
            return false;
        }
        networks->append({address, address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128});
    }
    return true;
}

bool inAny(const QList<QPair<QHostAddress, int>> &networks, const QHostAddress &address)
{
    const QHostAddress plain = normalized(address);
    for (const auto &network : networks) {
        if (plain.isInSubnet(network) || address.isInSubnet(network))
            return true;
    }
    return false;
}

QString absolutePath(const QString &path)
{
    if (path.isEmpty())
        return path;
    return QDir::cleanPath(QDir::current().absoluteFilePath(path));
}

// A secret someone copied from an example or typed by hand, rather than generated.
QString secretWeakness(const QByteArray &secret)
{
    if (secret.isEmpty())
        return QStringLiteral("MEDORA_SECRET is not set; generate one with: openssl rand -base64 48");
    if (secret.size() < kMinimumSecretBytes)
        return QStringLiteral("MEDORA_SECRET is too short (%1 bytes; at least %2 are required); generate one "
                              "with: openssl rand -base64 48")
            .arg(secret.size())
            .arg(kMinimumSecretBytes);
    const QByteArray lower = secret.toLower();
    for (const char *placeholder : {"change-me", "changeme", "change_me", "secret", "password", "example",
                                    "placeholder", "replace", "your-", "your_", "xxxxxx", "todo"}) {
        if (lower.contains(placeholder))
            return QStringLiteral("MEDORA_SECRET looks like a placeholder (contains \"%1\"); generate one "
                                  "with: openssl rand -base64 48")
                .arg(QLatin1String(placeholder));
    }
    QSet<char> distinct;
    for (char c : secret)
        distinct.insert(c);
    if (distinct.size() < 10)
        return QStringLiteral(
                   "MEDORA_SECRET is not random enough (only %1 different characters); generate one "
                   "with: openssl rand -base64 48")
            .arg(distinct.size());
    return {};
}

} // namespace

bool ServerConfig::isSecretName(const QString &name)
{
    const QString upper = name.toUpper();
    if (upper.endsWith(QLatin1String("_FILE")) || upper.endsWith(QLatin1String("_URL")))
        return false;
    for (const char *marker : {"SECRET", "PASSWORD", "TOKEN", "API_KEY", "PRIVATE"}) {
        if (upper.contains(QLatin1String(marker)))
            return true;
    }
    return upper.endsWith(QLatin1String("_KEY"));
}

QString ServerConfig::sqlitePath() const
{
    if (!databaseUrl.startsWith(QLatin1String("sqlite:")))
        return {};
    QString path = databaseUrl.mid(7);
    if (path.startsWith(QLatin1String("//")))
        path = path.mid(2);
    return path;
}

QList<QByteArray> ServerConfig::secretValues() const
{
    QList<QByteArray> values;
    for (const QByteArray &value : {secret, geminiApiKey, telegramBotToken, telegram.webhookSecret,
                                    smtpPassword, smsPassword, eskizPassword}) {
        if (!value.isEmpty())
            values.append(value);
    }
    return values;
}

bool ServerConfig::load(const QProcessEnvironment &environment, ServerConfig *config, QStringList *errors)
{
    QStringList problems;
    DotEnvFile file;
    const QString envFilePath = environment.value(QStringLiteral("MEDORA_ENV_FILE"));
    if (!envFilePath.isEmpty()) {
        QString error;
        if (!DotEnvFile::read(envFilePath, &file, &error))
            problems << QStringLiteral("MEDORA_ENV_FILE: ") + error;
    } else if (QFileInfo::exists(QStringLiteral(".env"))) {
        QString error;
        if (!DotEnvFile::read(QStringLiteral(".env"), &file, &error))
            problems << error;
    }
    const QString fileName = envFilePath.isEmpty() ? QStringLiteral(".env") : envFilePath;
    for (const DotEnvFile::Problem &problem : file.problems())
        problems << QStringLiteral("%1 line %2: %3").arg(fileName).arg(problem.line).arg(problem.message);

    const Source source(environment, file);
    ServerConfig c;

    auto integer = [&](const char *name, qint64 minimum, qint64 maximum, auto *target) {
        const QString key = QLatin1String(name);
        if (!source.has(key) || source.trimmed(key).isEmpty())
            return;
        bool ok = false;
        const qint64 value = source.trimmed(key).toLongLong(&ok);
        if (!ok || value < minimum || value > maximum) {
            problems << QStringLiteral("%1: expected a whole number from %2 to %3%4")
                            .arg(key)
                            .arg(minimum)
                            .arg(maximum)
                            .arg(describe(key, source.value(key)));
            return;
        }
        *target = static_cast<std::remove_pointer_t<decltype(target)>>(value);
    };

    if (!parseBool(source.value(QStringLiteral("MEDORA_DEBUG")), &c.debug))
        problems << QStringLiteral("MEDORA_DEBUG: expected 1/0, true/false, yes/no or on/off") +
                        describe(QStringLiteral("MEDORA_DEBUG"),
                                 source.value(QStringLiteral("MEDORA_DEBUG")));
    c.secret = source.value(QStringLiteral("MEDORA_SECRET")).toUtf8();

    const QStringList hosts =
        source.value(QStringLiteral("MEDORA_ALLOWED_HOSTS")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &host : hosts) {
        QString h = host.trimmed().toLower();
        if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
            h = h.mid(1, h.size() - 2);
        if (h.endsWith(QLatin1Char('.')))
            h.chop(1);
        if (h.isEmpty())
            continue;
        if (h.contains(QLatin1Char('/')) || h.contains(QLatin1Char(' ')) || h.contains(QLatin1Char('*'))) {
            problems << QStringLiteral("MEDORA_ALLOWED_HOSTS: '%1' is not a host name (no scheme, path or "
                                       "wildcard)")
                            .arg(host.trimmed());
            continue;
        }
        c.allowedHosts << h;
    }

    c.dataDir = absolutePath(source.trimmed(QStringLiteral("MEDORA_DATA_DIR")));
    if (c.dataDir.isEmpty())
        c.dataDir = absolutePath(QStringLiteral("medora-data"));
    const QString url = source.trimmed(QStringLiteral("MEDORA_DATABASE_URL"));
    if (url.isEmpty()) {
        c.databaseUrl = QStringLiteral("sqlite:") + QDir(c.dataDir).filePath(QStringLiteral("medora.sqlite"));
    } else if (url.startsWith(QLatin1String("sqlite:"))) {
        QString path = url.mid(7);
        if (path.startsWith(QLatin1String("//")))
            path = path.mid(2);
        c.databaseUrl = QStringLiteral("sqlite:") + absolutePath(path);
    } else if (url.contains(QLatin1String("://"))) {
        problems << QStringLiteral(
            "MEDORA_DATABASE_URL: only sqlite: databases are supported by this version");
    } else {
        c.databaseUrl = QStringLiteral("sqlite:") + absolutePath(url);
    }

    const QString listen = source.trimmed(QStringLiteral("MEDORA_LISTEN_ADDRESS"));
    if (!listen.isEmpty()) {
        if (listen.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
            c.listenAddress = QHostAddress(QHostAddress::LocalHost);
        } else {
            const QHostAddress address(listen);
            if (address.isNull())
                problems << QStringLiteral("MEDORA_LISTEN_ADDRESS: '%1' is not an IP address").arg(listen);
            else
                c.listenAddress = address;
        }
    }
    integer("MEDORA_LISTEN_PORT", 0, 65535, &c.listenPort);

    c.tlsCertificateFile = absolutePath(source.trimmed(QStringLiteral("MEDORA_TLS_CERT_FILE")));
    c.tlsKeyFile = absolutePath(source.trimmed(QStringLiteral("MEDORA_TLS_KEY_FILE")));

    QString bad;
    if (!parseNetworks(source.value(QStringLiteral("MEDORA_TRUSTED_PROXIES")), &c.trustedProxies, &bad))
        problems << QStringLiteral("MEDORA_TRUSTED_PROXIES: '%1' is not an address or CIDR range").arg(bad);
    if (source.has(QStringLiteral("MEDORA_METRICS_ALLOWED"))) {
        if (!parseNetworks(source.value(QStringLiteral("MEDORA_METRICS_ALLOWED")), &c.metricsAllowed, &bad))
            problems
                << QStringLiteral("MEDORA_METRICS_ALLOWED: '%1' is not an address or CIDR range").arg(bad);
    } else {
        c.metricsAllowed = {{QHostAddress(QHostAddress::LocalHost), 8},
                            {QHostAddress(QHostAddress::LocalHostIPv6), 128}};
    }

    const QString level = source.trimmed(QStringLiteral("MEDORA_LOG_LEVEL"));
    if (!level.isEmpty()) {
        JsonLogger::Level parsed;
        if (JsonLogger::parseLevel(level, &parsed))
            c.logLevel = level.toLower();
        else
            problems << QStringLiteral("MEDORA_LOG_LEVEL: expected debug, info, warning or error ('%1')")
                            .arg(level.left(20));
    }
    c.logFile = absolutePath(source.trimmed(QStringLiteral("MEDORA_LOG_FILE")));

    integer("MEDORA_RATE_ANON_PER_MINUTE", 1, 10000000, &c.anonymousPerIp.perMinute);
    integer("MEDORA_RATE_ANON_BURST", 1, 10000000, &c.anonymousPerIp.burst);
    integer("MEDORA_RATE_USER_PER_MINUTE", 1, 100000000, &c.userLimit.perMinute);
    integer("MEDORA_RATE_USER_BURST", 1, 100000000, &c.userLimit.burst);
    integer("MEDORA_RATE_SYNC_PER_MINUTE", 1, 100000000, &c.syncLimit.perMinute);
    integer("MEDORA_RATE_SYNC_BURST", 1, 100000000, &c.syncLimit.burst);
    integer("MEDORA_MAX_CONNECTIONS", 1, 1000000, &c.maxConnections);
    integer("MEDORA_IDLE_TIMEOUT_SECONDS", 1, 3600, &c.idleTimeoutSeconds);
    integer("MEDORA_MAX_BODY_BYTES", 1024, 1024LL * 1024 * 1024, &c.maxBodyBytes);
    integer("MEDORA_WORKER_THREADS", 1, 64, &c.workerThreads);
    integer("MEDORA_ACCESS_TOKEN_MINUTES", 1, 24 * 60, &c.accessTokenMinutes);
    integer("MEDORA_REFRESH_IDLE_DAYS", 1, 365, &c.refreshIdleDays);
    integer("MEDORA_REFRESH_ABSOLUTE_DAYS", 1, 3650, &c.refreshAbsoluteDays);
    // A push larger than the protocol allows is refused by its decoder anyway.
    integer("MEDORA_SYNC_MAX_BODY_BYTES", 64 * 1024, SyncProtocol::kMaxPushBytes, &c.syncMaxBodyBytes);
    integer("MEDORA_SYNC_TOMBSTONE_DAYS", 1, 36500, &c.syncTombstoneDays);
    integer("MEDORA_SYNC_MAX_WAITERS", 0, 100000, &c.syncMaxWaiters);
    if (c.refreshIdleDays > c.refreshAbsoluteDays)
        problems << QStringLiteral("MEDORA_REFRESH_IDLE_DAYS: must not exceed MEDORA_REFRESH_ABSOLUTE_DAYS");

    c.geminiApiKey = source.value(QStringLiteral("GEMINI_API_KEY")).toUtf8();
    const QString geminiBase = source.trimmed(QStringLiteral("GEMINI_BASE_URL"));
    if (!geminiBase.isEmpty()) {
        const QUrl url(geminiBase, QUrl::StrictMode);
        const bool loopback = QHostAddress(url.host()).isLoopback() ||
                              url.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0;
        // The key travels in a header: plain http only to this machine (a local test double).
        if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() ||
            !(url.scheme() == QLatin1String("https") || (url.scheme() == QLatin1String("http") && loopback)))
            problems << QStringLiteral("GEMINI_BASE_URL: expected https://host[:port] (http only for a "
                                       "loopback address) ('%1')")
                            .arg(geminiBase.left(80));
        else
            c.geminiBaseUrl = geminiBase.endsWith(QLatin1Char('/')) ? geminiBase.chopped(1) : geminiBase;
    }
    static const QRegularExpression modelName(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"));
    auto model = [&](const char *name, QString *target) {
        const QString key = QLatin1String(name);
        const QString value = source.trimmed(key);
        if (value.isEmpty())
            return;
        if (!modelName.match(value).hasMatch())
            problems << QStringLiteral("%1: not a model name ('%2')").arg(key, value.left(80));
        else
            *target = value;
    };
    model("GEMINI_MODEL_FAST", &c.geminiModelFast);
    model("GEMINI_MODEL_STRONG", &c.geminiModelStrong);
    for (const QString &item :
         source.value(QStringLiteral("GEMINI_MODEL_FALLBACKS")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = item.trimmed();
        if (name.isEmpty())
            continue;
        if (!modelName.match(name).hasMatch())
            problems << QStringLiteral("GEMINI_MODEL_FALLBACKS: not a model name ('%1')").arg(name.left(80));
        else if (!c.geminiFallbackModels.contains(name))
            c.geminiFallbackModels << name;
    }
    integer("GEMINI_TIMEOUT_SECONDS", 1, 600, &c.geminiTimeoutSeconds);
    integer("GEMINI_MAX_RETRIES", 0, 10, &c.geminiMaxRetries);
    integer("GEMINI_BACKOFF_MS", 1, 60000, &c.geminiBackoffMs);
    integer("GEMINI_MAX_RETRY_DELAY_SECONDS", 0, 600, &c.geminiMaxRetryDelaySeconds);
    integer("MEDORA_AI_USER_DAILY_QUOTA", 0, 1000000, &c.aiUserDailyQuota);
    integer("MEDORA_AI_CLINIC_DAILY_QUOTA", 0, 10000000, &c.aiClinicDailyQuota);
    integer("MEDORA_AI_MAX_IMAGES", 1, 10, &c.aiMaxImages);
    integer("MEDORA_AI_MAX_IMAGE_BYTES", 1024, 20LL * 1024 * 1024, &c.aiMaxImageBytes);
    integer("MEDORA_AI_WORKER_THREADS", 1, 64, &c.aiWorkerThreads);
    c.telegramBotToken = source.value(QStringLiteral("TELEGRAM_BOT_TOKEN")).toUtf8();
    c.telegram =
        TelegramConfig::parse([&source](const QString &name) { return source.value(name); }, &problems);
    c.smtpPassword = source.value(QStringLiteral("SMTP_PASSWORD")).toUtf8();
    c.smsPassword = source.value(QStringLiteral("SMS_PASSWORD")).toUtf8();
    const QString smtpPort = source.trimmed(QStringLiteral("SMTP_PORT"));
    if (!smtpPort.isEmpty()) {
        bool ok = false;
        const int port = smtpPort.toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            problems << QStringLiteral("SMTP_PORT: not a port number ('%1')").arg(smtpPort.left(20));
    }

    // Password reset and sign-up channels (server/notify).
    const QString smsProvider = source.trimmed(QStringLiteral("SMS_PROVIDER")).toLower();
    if (!smsProvider.isEmpty()) {
        if (smsProvider != QLatin1String("eskiz") && smsProvider != QLatin1String("none"))
            problems
                << QStringLiteral("SMS_PROVIDER: expected eskiz or none ('%1')").arg(smsProvider.left(20));
        else
            c.smsProvider = smsProvider;
    }
    auto loopbackHost = [](const QUrl &url) {
        return QHostAddress(url.host()).isLoopback() ||
               url.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0;
    };
    const QString eskizBase = source.trimmed(QStringLiteral("ESKIZ_BASE_URL"));
    if (!eskizBase.isEmpty()) {
        const QUrl url(eskizBase, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() ||
            !(url.scheme() == QLatin1String("https") ||
              (url.scheme() == QLatin1String("http") && loopbackHost(url))))
            problems << QStringLiteral("ESKIZ_BASE_URL: expected https://host[:port] (http only for a "
                                       "loopback address) ('%1')")
                            .arg(eskizBase.left(80));
        else
            c.eskizBaseUrl = eskizBase.endsWith(QLatin1Char('/')) ? eskizBase.chopped(1) : eskizBase;
    }
    c.eskizEmail = source.trimmed(QStringLiteral("ESKIZ_EMAIL"));
    c.eskizPassword = source.value(QStringLiteral("ESKIZ_PASSWORD")).toUtf8();
    const QString eskizSender = source.trimmed(QStringLiteral("ESKIZ_SENDER"));
    if (!eskizSender.isEmpty()) {
        static const QRegularExpression senderPattern(QStringLiteral("^[A-Za-z0-9 ._-]{1,20}$"));
        if (!senderPattern.match(eskizSender).hasMatch())
            problems << QStringLiteral("ESKIZ_SENDER: expected 1 to 20 letters or digits ('%1')")
                            .arg(eskizSender.left(40));
        else
            c.eskizSender = eskizSender;
    }
    const QString smtpUrl = source.trimmed(QStringLiteral("SMTP_URL"));
    if (!smtpUrl.isEmpty()) {
        const QUrl url(smtpUrl, QUrl::StrictMode);
        const bool schemeOk = url.scheme() == QLatin1String("smtps") || url.scheme() == QLatin1String("smtp");
        if (!url.isValid() || !schemeOk || url.host().isEmpty() || !url.userInfo().isEmpty() ||
            url.hasQuery())
            problems << QStringLiteral(
                            "SMTP_URL: expected smtps://host[:port] or smtp://host[:port] (STARTTLS), "
                            "credentials in SMTP_USER/SMTP_PASSWORD ('%1')")
                            .arg(smtpUrl.left(80));
        else
            c.smtpUrl = smtpUrl;
    }
    c.smtpUser = source.trimmed(QStringLiteral("SMTP_USER"));
    c.smtpFrom = source.trimmed(QStringLiteral("SMTP_FROM"));
    if (!c.smtpFrom.isEmpty() &&
        (!c.smtpFrom.contains(QLatin1Char('@')) || c.smtpFrom.contains(QLatin1Char('\n')) ||
         c.smtpFrom.contains(QLatin1Char('\r'))))
        problems << QStringLiteral(
            "SMTP_FROM: expected an address such as Medora <no-reply@clinic.example.uz>");
    c.smtpCaFile = absolutePath(source.trimmed(QStringLiteral("SMTP_CA_FILE")));
    c.legalDir = absolutePath(source.trimmed(QStringLiteral("MEDORA_LEGAL_DIR")));
    if (!c.legalDir.isEmpty()) {
        LegalTexts published;
        QString why;
        if (!published.load(c.legalDir, &why))
            problems << QStringLiteral("MEDORA_LEGAL_DIR: ") + why;
    }
    integer("MEDORA_NOTIFY_TIMEOUT_SECONDS", 1, 120, &c.notifyTimeoutSeconds);
    integer("MEDORA_RECOVERY_CODE_MINUTES", 1, 60, &c.recoveryCodeMinutes);
    integer("MEDORA_RECOVERY_MAX_ATTEMPTS", 1, 20, &c.recoveryMaxAttempts);
    integer("MEDORA_RECOVERY_PER_DESTINATION_PER_HOUR", 1, 100, &c.recoveryPerDestinationPerHour);
    integer("MEDORA_RATE_RECOVERY_PER_MINUTE", 1, 100000, &c.recoveryPerIp.perMinute);
    integer("MEDORA_RATE_RECOVERY_BURST", 1, 100000, &c.recoveryPerIp.burst);

    if (errors)
        *errors = problems;
    if (!problems.isEmpty())
        return false;
    *config = c;
    return true;
}

QStringList ServerConfig::startupProblems() const
{
    QStringList problems;
    if (!debug) {
        const QString weakness = secretWeakness(secret);
        if (!weakness.isEmpty())
            problems << weakness;
        if (allowedHosts.isEmpty())
            problems << QStringLiteral(
                "MEDORA_ALLOWED_HOSTS is not set: list the host names clients use to reach "
                "this server (e.g. clinic.example.uz,127.0.0.1)");
        if (!tlsEnabled() && trustedProxies.isEmpty())
            problems << QStringLiteral("no TLS certificate (MEDORA_TLS_CERT_FILE/MEDORA_TLS_KEY_FILE) and no "
                                       "MEDORA_TRUSTED_PROXIES: the server would serve plain HTTP without a "
                                       "trusted reverse proxy");
    }
    if (tlsEnabled()) {
        if (tlsCertificateFile.isEmpty() || tlsKeyFile.isEmpty()) {
            problems << QStringLiteral("MEDORA_TLS_CERT_FILE and MEDORA_TLS_KEY_FILE must be set together");
        } else {
            bool readable = true;
            for (const auto &[name, path] :
                 {qMakePair(QStringLiteral("MEDORA_TLS_CERT_FILE"), tlsCertificateFile),
                  qMakePair(QStringLiteral("MEDORA_TLS_KEY_FILE"), tlsKeyFile)}) {
                QFile f(path);
                if (!f.open(QIODevice::ReadOnly)) {
                    problems << QStringLiteral("%1: cannot read %2: %3").arg(name, path, f.errorString());
                    readable = false;
                }
            }
            if (readable) {
                QString error;
                const TlsCredentials credentials =
                    TlsCredentials::load(tlsCertificateFile, tlsKeyFile, &error);
                if (!credentials.isValid())
                    problems << QStringLiteral("MEDORA_TLS_CERT_FILE/MEDORA_TLS_KEY_FILE: %1")
                                    .arg(error.isEmpty() ? QStringLiteral("not a valid certificate and key")
                                                         : error);
            }
        }
    }
    return problems;
}

QStringList ServerConfig::debugWarnings() const
{
    QStringList warnings;
    if (!debug)
        return warnings;
    warnings << QStringLiteral("MEDORA_DEBUG is on: production safety checks are relaxed; never run a clinic "
                               "like this");
    const QString weakness = secretWeakness(secret);
    if (!weakness.isEmpty())
        warnings << weakness;
    if (allowedHosts.isEmpty())
        warnings << QStringLiteral("MEDORA_ALLOWED_HOSTS is not set: any Host header is accepted");
    if (!tlsEnabled() && trustedProxies.isEmpty())
        warnings << QStringLiteral("plain HTTP without TLS or a trusted reverse proxy");
    return warnings;
}

bool ServerConfig::isTrustedProxy(const QHostAddress &address) const
{
    return inAny(trustedProxies, address);
}

bool ServerConfig::isMetricsAllowed(const QHostAddress &address) const
{
    return inAny(metricsAllowed, address);
}

bool ServerConfig::isAllowedHost(const QString &hostHeaderWithoutPort) const
{
    QString host = hostHeaderWithoutPort.trimmed().toLower();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    if (host.isEmpty())
        return false;
    // Debug without a list accepts any host (debugWarnings() says so at start).
    if (allowedHosts.isEmpty())
        return debug;
    return allowedHosts.contains(host);
}

} // namespace medora::server
