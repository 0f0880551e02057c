#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace medora {

class TestHttpClient;

// The real medora-server binary ($MEDORA_SERVER_PATH) running `serve` in a temporary folder,
// configured like production (MEDORA_DEBUG=0, a strong random secret, allowed hosts
// 127.0.0.1 and localhost, a free port). Two transport modes:
// - plain HTTP behind a "reverse proxy" at 127.0.0.1 (MEDORA_TRUSTED_PROXIES=127.0.0.1);
//   clients configured by configureClient() send X-Forwarded-Proto: https;
// - TLS with a certificate and key (makeSelfSignedCertificate() makes a pair with openssl).
// The inherited environment is scrubbed of MEDORA_*, GEMINI_*, TELEGRAM_*, SMTP_* and SMS_*
// so a developer's shell cannot change what a test sees; fixed fake integration secrets
// (GEMINI_API_KEY, TELEGRAM_BOT_TOKEN, SMTP_PASSWORD, SMS_PASSWORD) are set instead, so every
// run carries secrets the server must never log.
// When MEDORA_TEST_LOG_DIR is set (CTest sets it for every test), each server's log and the
// secrets it was given (MEDORA_SECRET, the fake integration secrets, passwords made through
// createUser(), values passed to registerSecret()) are written there when it stops or is
// destroyed; tst_zz_logsecrets checks after the whole run that no log holds a secret.
class ServerProcess
{
public:
    struct Options
    {
        bool tls = false;        // serve HTTPS with certificateFile/keyFile
        QString certificateFile; // made in the temporary folder when tls and empty
        QString keyFile;
        bool trustLocalProxy = true;        // MEDORA_TRUSTED_PROXIES=127.0.0.1 (ignored with tls)
        QMap<QString, QString> environment; // extra or overriding variables
        QStringList unsetVariables;         // removed after the defaults are applied
        QByteArray envFile;                 // when set, written to <workingDirectory>/.env before start
        QString workingDirectory;           // default: the temporary folder (data in <it>/data)
        int startTimeoutMs = 20000;
    };

    struct CliResult
    {
        int exitCode = -1;
        QByteArray standardOutput;
        QByteArray standardError;
        QJsonObject json() const; // stdout parsed as one JSON object (empty when not one)
        QString errorText() const { return QString::fromUtf8(standardError); }
        QString outputText() const { return QString::fromUtf8(standardOutput); }
    };

    struct User
    {
        QString id;
        QString login;
        QString password; // the one given, or the one-time password the CLI printed
    };

    ServerProcess();
    explicit ServerProcess(Options options);
    ~ServerProcess(); // stops the server if it still runs
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Starts `serve` and waits for the "server.listening" log line. On failure `error` holds
    // the exit code and everything the server wrote.
    bool start(QString *error = nullptr);
    // Runs `serve` expecting it to refuse to start: waits for exit (or times out and kills).
    CliResult runServeUntilExit(int timeoutMs = 15000);

    bool isRunning() const;
    qint64 processId() const;
    quint16 port() const { return m_port; }
    bool tls() const { return m_options.tls; }
    QString baseUrl() const; // "http(s)://127.0.0.1:<port>"
    QString workingDirectory() const;
    QString dataDirectory() const; // MEDORA_DATA_DIR
    QString databaseFile() const;  // <data>/medora.sqlite
    QString certificateFile() const { return m_options.certificateFile; }
    QString keyFile() const { return m_options.keyFile; }
    QByteArray secret() const;
    QProcessEnvironment environment() const; // what serve and the CLI run with

    // Everything the server has logged so far (stderr, and MEDORA_LOG_FILE when set).
    QString logText();
    QList<QJsonObject> logEvents(); // every log line that parses as a JSON object

    int countLogEvents(const QString &event);
    // Waits until at least `count` log lines carry "event" == `event`.
    bool waitForLogEvent(const QString &event, int count = 1, int timeoutMs = 10000);

    bool sendSignal(int signalNumber);
    // SIGTERM and wait; returns the exit code (-1 when it had to be killed or was not running).
    int stop(int timeoutMs = 10000);
    void kill();

    // `medora-server <arguments>` with the same environment and folder as the server.
    CliResult runCli(const QStringList &arguments, const QByteArray &standardInput = QByteArray(),
                     int timeoutMs = 20000) const;
    QString createClinic(const QString &name) const; // clinic id, empty on failure (warned)
    // Empty password: the CLI makes a one-time password (the account must change it).
    User createUser(const QString &clinicId, const QString &login, const QString &role,
                    const QString &password = QString()) const;

    // A value (a token, a password set over the API) that must never appear in this server's
    // log. Values shorter than kMinimumSecretLength are ignored: they would match by chance.
    void registerSecret(const QByteArray &value);
    QList<QByteArray> secrets() const; // everything recorded so far, including the configured ones
    static constexpr int kMinimumSecretLength = 12;
    static const char *const kFakeIntegrationSecrets[4][2]; // {variable, value}

    // A client aimed at this server: base URL, trusted certificate (TLS) or
    // X-Forwarded-Proto: https (proxy mode), Host 127.0.0.1.
    void configureClient(TestHttpClient &client) const;

    static QString serverPath();      // $MEDORA_SERVER_PATH
    static QByteArray randomSecret(); // 48 random bytes, base64url
    // Self-signed certificate for CN=<commonName>, subjectAltName DNS:localhost, IP:127.0.0.1,
    // written as <directory>/<baseName>.crt and .key. Returns false with `error` on failure.
    static bool makeSelfSignedCertificate(const QString &directory, QString *certificatePath,
                                          QString *keyPath, QString *error = nullptr,
                                          const QString &baseName = QStringLiteral("server"),
                                          const QString &commonName = QStringLiteral("localhost"));
    // The environment a fresh ServerProcess would use, before Options apply (scrubbed).
    static QProcessEnvironment scrubbedSystemEnvironment();

private:
    void prepare();
    bool writeEnvFile() const;
    void drainOutput();
    void writeTestLog();

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::unique_ptr<QProcess> m_process;
    QProcessEnvironment m_environment;
    QByteArray m_log;
    quint16 m_port = 0;
    bool m_ranServeUntilExit = false;
    mutable QList<QByteArray> m_registeredSecrets; // createUser() is const, and records passwords
    QString m_testLogBaseName;                     // "<test>-<pid>-<n>" under MEDORA_TEST_LOG_DIR
};

} // namespace medora
