#pragma once

#include "telegram/TelegramConfig.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace medora::server {

// Rate limits: a bucket of `burst` requests refilled at `perMinute`.
struct RateLimit
{
    int perMinute = 0;
    int burst = 0;
};

// Everything medora-server is configured with. Read from the process environment, then an
// optional .env file (the environment wins). server/.env.example documents every name.
struct ServerConfig
{
    bool debug = false;       // MEDORA_DEBUG=1; production unless asked
    QByteArray secret;        // MEDORA_SECRET (>= 32 bytes, not a placeholder)
    QStringList allowedHosts; // MEDORA_ALLOWED_HOSTS=clinic.example.uz,127.0.0.1
    QString dataDir;          // MEDORA_DATA_DIR (default ./medora-data)
    QString databaseUrl;      // MEDORA_DATABASE_URL (default sqlite:<dataDir>/medora.sqlite)
    QHostAddress listenAddress = QHostAddress::LocalHost; // MEDORA_LISTEN_ADDRESS
    quint16 listenPort = 8443;                      // MEDORA_LISTEN_PORT (0 = pick a free port, printed)
    QString tlsCertificateFile;                     // MEDORA_TLS_CERT_FILE (PEM chain)
    QString tlsKeyFile;                             // MEDORA_TLS_KEY_FILE (PEM key)
    QList<QPair<QHostAddress, int>> trustedProxies; // MEDORA_TRUSTED_PROXIES=127.0.0.1,10.0.0.0/8
    QString logLevel = QStringLiteral("info");      // MEDORA_LOG_LEVEL: debug|info|warning|error
    QString logFile;                                // MEDORA_LOG_FILE (default: stderr)
    QList<QPair<QHostAddress, int>> metricsAllowed; // MEDORA_METRICS_ALLOWED (default loopback)

    RateLimit anonymousPerIp{60, 30}; // MEDORA_RATE_ANON_PER_MINUTE / _BURST
    RateLimit userLimit{600, 200};    // MEDORA_RATE_USER_PER_MINUTE / _BURST
    // Sync has its own budget per user: a first pull of a large clinic is hundreds of pages.
    RateLimit syncLimit{6000, 1500}; // MEDORA_RATE_SYNC_PER_MINUTE / _BURST
    int maxConnections = 4096;       // MEDORA_MAX_CONNECTIONS
    int idleTimeoutSeconds = 30;     // MEDORA_IDLE_TIMEOUT_SECONDS
    qint64 maxBodyBytes = 64 * 1024; // MEDORA_MAX_BODY_BYTES (see HttpLimits)
    int workerThreads = 2;           // MEDORA_WORKER_THREADS
    int accessTokenMinutes = 15;     // MEDORA_ACCESS_TOKEN_MINUTES
    int refreshIdleDays = 14;        // MEDORA_REFRESH_IDLE_DAYS
    int refreshAbsoluteDays = 60;    // MEDORA_REFRESH_ABSOLUTE_DAYS

    // Sync (docs/sync.md).
    qint64 syncMaxBodyBytes = 1024 * 1024; // MEDORA_SYNC_MAX_BODY_BYTES: POST /api/v1/sync/push only
    int syncTombstoneDays = 180;           // MEDORA_SYNC_TOMBSTONE_DAYS: deleted records stay this long
    int syncMaxWaiters = 1000;             // MEDORA_SYNC_MAX_WAITERS: long polls held at once

    // Integrations (used by later features; never logged, never sent to clients).
    QByteArray geminiApiKey;     // GEMINI_API_KEY (+ GEMINI_BASE_URL, GEMINI_MODEL_*)
    QByteArray telegramBotToken; // TELEGRAM_BOT_TOKEN (+ TELEGRAM_PAYMENT_GROUP_ID, ...)
    QByteArray smtpPassword;     // SMTP_PASSWORD (+ SMTP_HOST, SMTP_USER, ...)
    QByteArray smsPassword;      // SMS_PASSWORD (+ SMS_BASE_URL, SMS_LOGIN, ...)

    // AI consilium through Gemini (docs/operations.md "AI"; server/ai). The key is a secret.
    QString geminiBaseUrl = QStringLiteral("https://generativelanguage.googleapis.com"); // GEMINI_BASE_URL
    QString geminiModelFast = QStringLiteral("gemini-2.5-flash");                        // GEMINI_MODEL_FAST
    QString geminiModelStrong = QStringLiteral("gemini-2.5-pro"); // GEMINI_MODEL_STRONG
    QStringList geminiFallbackModels;                             // GEMINI_MODEL_FALLBACKS=a,b
    int geminiTimeoutSeconds = 90;                                // GEMINI_TIMEOUT_SECONDS: one attempt
    int geminiMaxRetries = 2;                                     // GEMINI_MAX_RETRIES: per model
    int geminiBackoffMs = 1000;                                   // GEMINI_BACKOFF_MS: first retry delay
    int geminiMaxRetryDelaySeconds = 20;      // GEMINI_MAX_RETRY_DELAY_SECONDS: longer hints skip the model
    int aiUserDailyQuota = 40;                // MEDORA_AI_USER_DAILY_QUOTA: calls per doctor per UTC day
    int aiClinicDailyQuota = 400;             // MEDORA_AI_CLINIC_DAILY_QUOTA: calls per clinic per UTC day
    int aiMaxImages = 4;                      // MEDORA_AI_MAX_IMAGES: per image-findings call
    qint64 aiMaxImageBytes = 4 * 1024 * 1024; // MEDORA_AI_MAX_IMAGE_BYTES: each image, decoded
    int aiWorkerThreads = 4;                  // MEDORA_AI_WORKER_THREADS: Gemini calls at once

    // Password reset, clinic sign-up and consent (docs/operations.md "Password reset, sign-up
    // and consent"). The Eskiz and SMTP passwords are secrets: never logged, never sent.
    QString smsProvider = QStringLiteral("eskiz");                    // SMS_PROVIDER: eskiz | none
    QString eskizBaseUrl = QStringLiteral("https://notify.eskiz.uz"); // ESKIZ_BASE_URL
    QString eskizEmail;                                               // ESKIZ_EMAIL
    QByteArray eskizPassword;                                         // ESKIZ_PASSWORD
    QString eskizSender = QStringLiteral("4546");                     // ESKIZ_SENDER ("from")
    QString smtpUrl;    // SMTP_URL: smtps://host:465 (implicit TLS) or smtp://host:587 (STARTTLS required)
    QString smtpUser;   // SMTP_USER (with SMTP_PASSWORD; both empty: no AUTH)
    QString smtpFrom;   // SMTP_FROM: "Medora <no-reply@clinic.example.uz>"
    QString smtpCaFile; // SMTP_CA_FILE: extra CA bundle for a private mail server
    int notifyTimeoutSeconds = 15;         // MEDORA_NOTIFY_TIMEOUT_SECONDS: one SMS or e-mail
    QString legalDir;                      // MEDORA_LEGAL_DIR: published texts instead of the built-in ones
    int recoveryCodeMinutes = 10;          // MEDORA_RECOVERY_CODE_MINUTES
    int recoveryMaxAttempts = 5;           // MEDORA_RECOVERY_MAX_ATTEMPTS: wrong codes before it dies
    int recoveryPerDestinationPerHour = 3; // MEDORA_RECOVERY_PER_DESTINATION_PER_HOUR
    RateLimit recoveryPerIp{2, 10};        // MEDORA_RATE_RECOVERY_PER_MINUTE / _BURST
    bool smsConfigured() const
    {
        return smsProvider == QLatin1String("eskiz") && !eskizEmail.isEmpty() && !eskizPassword.isEmpty();
    }
    bool mailConfigured() const { return !smtpUrl.isEmpty() && !smtpFrom.isEmpty(); }

    // Telegram bot, payment notices and subscriptions (server/telegram, server/subscription).
    TelegramConfig telegram;

    bool tlsEnabled() const { return !tlsCertificateFile.isEmpty() || !tlsKeyFile.isEmpty(); }
    QString sqlitePath() const; // path from databaseUrl when it is sqlite:, else empty

    // Every secret value configured, for scrubbing logs and for the secret-leak test.
    QList<QByteArray> secretValues() const;

    // Reads env + optional .env (path: MEDORA_ENV_FILE or ./.env). Returns false with
    // `errors` naming each bad variable ("MEDORA_LISTEN_PORT: not a port number").
    static bool load(const QProcessEnvironment &environment, ServerConfig *config, QStringList *errors);

    // Production refusals: weak/missing secret, no allowed host, plain HTTP without trusted
    // proxy, TLS files unreadable. Empty when the server may start. Debug mode relaxes the
    // secret and host rules only.
    QStringList startupProblems() const;

    // What debug mode let through (weak secret, no allowed hosts, plain HTTP without a
    // proxy): logged loudly at start. Empty when not in debug or nothing was relaxed.
    QStringList debugWarnings() const;
    // Names whose values are secrets: never echoed in errors or logs.
    static bool isSecretName(const QString &name);

    bool isTrustedProxy(const QHostAddress &address) const;
    bool isMetricsAllowed(const QHostAddress &address) const;
    bool isAllowedHost(const QString &hostHeaderWithoutPort) const; // case-insensitive
};

} // namespace medora::server
