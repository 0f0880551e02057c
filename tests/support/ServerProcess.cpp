#include "ServerProcess.h"

#include "TestHttpClient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThread>

#include <csignal>
#include <sys/types.h>

namespace medora {

namespace {

const char *const kScrubbedPrefixes[] = {"MEDORA_", "GEMINI_", "TELEGRAM_", "SMTP_", "SMS_"};

const QLatin1String kSecretVariable("MEDORA_SECRET");

// The value of `name` in a .env text (last assignment wins), quotes removed.
QByteArray envFileValue(const QByteArray &text, const QByteArray &name)
{
    QByteArray value;
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray &rawLine : lines) {
        QByteArray line = rawLine.trimmed();
        if (line.startsWith("export "))
            line = line.mid(7).trimmed();
        const int equals = line.indexOf('=');
        if (equals <= 0 || line.left(equals).trimmed() != name)
            continue;
        value = line.mid(equals + 1).trimmed();
        if (value.size() >= 2 && (value.startsWith('"') || value.startsWith('\'')) &&
            value.back() == value.front())
            value = value.mid(1, value.size() - 2);
    }
    return value;
}

QJsonObject parseObjectLine(const QByteArray &line)
{
    const QJsonDocument document = QJsonDocument::fromJson(line.trimmed());
    return document.isObject() ? document.object() : QJsonObject();
}

} // namespace

const char *const ServerProcess::kFakeIntegrationSecrets[4][2] = {
    {"GEMINI_API_KEY", "fake-gemini-key-Qz7wR2pL9xT4"},
    {"TELEGRAM_BOT_TOKEN", "123456789:fake-telegram-token-Hk3mV8sN1cY6"},
    {"SMTP_PASSWORD", "fake-smtp-password-Jd5bF0gW7uE2"},
    {"SMS_PASSWORD", "fake-sms-password-Lp4nX9aK3rZ8"},
};

QJsonObject ServerProcess::CliResult::json() const
{
    return parseObjectLine(standardOutput);
}

ServerProcess::ServerProcess() : ServerProcess(Options()) {}

ServerProcess::ServerProcess(Options options) : m_options(std::move(options))
{
    prepare();
}

ServerProcess::~ServerProcess()
{
    if (isRunning())
        stop(5000);
    writeTestLog();
}

void ServerProcess::registerSecret(const QByteArray &value)
{
    if (value.size() >= kMinimumSecretLength && !m_registeredSecrets.contains(value))
        m_registeredSecrets.append(value);
}

QList<QByteArray> ServerProcess::secrets() const
{
    QList<QByteArray> candidates;
    QList<QString> variables{kSecretVariable};
    for (const auto &fake : kFakeIntegrationSecrets)
        variables.append(QLatin1String(fake[0]));
    for (const QString &variable : std::as_const(variables)) {
        candidates.append(m_environment.value(variable).toUtf8());
        if (!m_options.envFile.isNull())
            candidates.append(envFileValue(m_options.envFile, variable.toLatin1()));
    }
    candidates += m_registeredSecrets;
    QList<QByteArray> result;
    for (const QByteArray &value : std::as_const(candidates)) {
        if (value.size() >= kMinimumSecretLength && !result.contains(value))
            result.append(value);
    }
    return result;
}

void ServerProcess::writeTestLog()
{
    const QString directory = qEnvironmentVariable("MEDORA_TEST_LOG_DIR");
    if (directory.isEmpty() || (!m_process && !m_ranServeUntilExit))
        return; // never ran: nothing was logged
    if (m_testLogBaseName.isEmpty()) {
        static int counter = 0;
        const QString test = QCoreApplication::applicationName().isEmpty()
                                 ? QStringLiteral("test")
                                 : QCoreApplication::applicationName();
        m_testLogBaseName =
            QStringLiteral("%1-%2-%3").arg(test).arg(QCoreApplication::applicationPid()).arg(++counter);
    }
    if (!QDir().mkpath(directory)) {
        qWarning("ServerProcess: cannot create %s", qPrintable(directory));
        return;
    }
    const QDir dir(directory);
    QFile log(dir.filePath(m_testLogBaseName + QLatin1String(".log")));
    if (!log.open(QIODevice::WriteOnly | QIODevice::Truncate) || log.write(logText().toUtf8()) < 0)
        qWarning("ServerProcess: cannot write %s", qPrintable(log.fileName()));
    // Base64 per line: a secret may hold any byte, and this file must not itself look like a log.
    QByteArray secretLines;
    const QList<QByteArray> values = secrets();
    for (const QByteArray &value : values)
        secretLines += value.toBase64() + '\n';
    QFile secretsFile(dir.filePath(m_testLogBaseName + QLatin1String(".secrets")));
    if (!secretsFile.open(QIODevice::WriteOnly | QIODevice::Truncate) || secretsFile.write(secretLines) < 0)
        qWarning("ServerProcess: cannot write %s", qPrintable(secretsFile.fileName()));
}

QString ServerProcess::serverPath()
{
    return qEnvironmentVariable("MEDORA_SERVER_PATH");
}

QByteArray ServerProcess::randomSecret()
{
    QByteArray bytes(48, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QProcessEnvironment ServerProcess::scrubbedSystemEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QStringList keys = environment.keys();
    for (const QString &key : keys) {
        for (const char *prefix : kScrubbedPrefixes) {
            if (key.startsWith(QLatin1String(prefix)))
                environment.remove(key);
        }
    }
    return environment;
}

bool ServerProcess::makeSelfSignedCertificate(const QString &directory, QString *certificatePath,
                                              QString *keyPath, QString *error, const QString &baseName,
                                              const QString &commonName)
{
    const QString certificate = QDir(directory).filePath(baseName + QLatin1String(".crt"));
    const QString key = QDir(directory).filePath(baseName + QLatin1String(".key"));
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), certificate,
                   QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName, QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
    if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit ||
        openssl.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("openssl req failed: ") + QString::fromUtf8(openssl.readAll()) +
                     openssl.errorString();
        return false;
    }
    if (certificatePath)
        *certificatePath = certificate;
    if (keyPath)
        *keyPath = key;
    return true;
}

void ServerProcess::prepare()
{
    if (m_options.workingDirectory.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        m_options.workingDirectory = m_tempDir->path();
    }
    m_environment = scrubbedSystemEnvironment();
    m_environment.insert(QStringLiteral("MEDORA_DEBUG"), QStringLiteral("0"));
    m_environment.insert(kSecretVariable, QString::fromLatin1(randomSecret()));
    for (const auto &fake : kFakeIntegrationSecrets)
        m_environment.insert(QLatin1String(fake[0]), QLatin1String(fake[1]));
    m_environment.insert(QStringLiteral("MEDORA_ALLOWED_HOSTS"), QStringLiteral("127.0.0.1,localhost"));
    m_environment.insert(QStringLiteral("MEDORA_LISTEN_ADDRESS"), QStringLiteral("127.0.0.1"));
    m_environment.insert(QStringLiteral("MEDORA_LISTEN_PORT"), QStringLiteral("0"));
    m_environment.insert(QStringLiteral("MEDORA_DATA_DIR"),
                         QDir(m_options.workingDirectory).filePath(QStringLiteral("data")));
    if (m_options.tls) {
        if (m_options.certificateFile.isEmpty()) {
            QString error;
            if (!makeSelfSignedCertificate(m_options.workingDirectory, &m_options.certificateFile,
                                           &m_options.keyFile, &error))
                qWarning("ServerProcess: %s", qPrintable(error));
        }
        m_environment.insert(QStringLiteral("MEDORA_TLS_CERT_FILE"), m_options.certificateFile);
        m_environment.insert(QStringLiteral("MEDORA_TLS_KEY_FILE"), m_options.keyFile);
    } else if (m_options.trustLocalProxy) {
        m_environment.insert(QStringLiteral("MEDORA_TRUSTED_PROXIES"), QStringLiteral("127.0.0.1"));
    }
    for (auto it = m_options.environment.cbegin(); it != m_options.environment.cend(); ++it)
        m_environment.insert(it.key(), it.value());
    for (const QString &name : std::as_const(m_options.unsetVariables))
        m_environment.remove(name);
}

QString ServerProcess::workingDirectory() const
{
    return m_options.workingDirectory;
}

QString ServerProcess::dataDirectory() const
{
    return m_environment.value(QStringLiteral("MEDORA_DATA_DIR"));
}

QString ServerProcess::databaseFile() const
{
    return QDir(dataDirectory()).filePath(QStringLiteral("medora.sqlite"));
}

QByteArray ServerProcess::secret() const
{
    return m_environment.value(kSecretVariable).toUtf8();
}

QProcessEnvironment ServerProcess::environment() const
{
    return m_environment;
}

QString ServerProcess::baseUrl() const
{
    return QStringLiteral("%1://127.0.0.1:%2")
        .arg(m_options.tls ? QStringLiteral("https") : QStringLiteral("http"))
        .arg(m_port);
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 ServerProcess::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void ServerProcess::drainOutput()
{
    if (!m_process)
        return;
    if (m_process->state() == QProcess::Running)
        m_process->waitForReadyRead(0);
    m_log += m_process->readAll();
}

bool ServerProcess::start(QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why + QStringLiteral("\n--- server output ---\n") + QString::fromUtf8(m_log);
        return false;
    };
    if (serverPath().isEmpty())
        return fail(QStringLiteral("MEDORA_SERVER_PATH is not set"));
    if (isRunning())
        return fail(QStringLiteral("already running"));
    if (!writeEnvFile())
        return fail(QStringLiteral("cannot write .env"));

    const int listeningBefore = countLogEvents(QStringLiteral("server.listening"));
    m_port = 0;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setWorkingDirectory(m_options.workingDirectory);
    m_process->setProcessEnvironment(m_environment);
    m_process->start(serverPath(), {QStringLiteral("serve")});
    if (!m_process->waitForStarted(10000))
        return fail(QStringLiteral("cannot start %1: %2").arg(serverPath(), m_process->errorString()));

    QDeadlineTimer deadline(m_options.startTimeoutMs);
    while (!deadline.hasExpired()) {
        m_process->waitForReadyRead(50);
        // The line may be in stderr or in MEDORA_LOG_FILE: logEvents() reads both. After a
        // restart the log still holds the earlier runs' lines: only a newer one counts.
        const QList<QJsonObject> events = logEvents();
        int listening = 0;
        for (const QJsonObject &line : events) {
            if (line.value(QStringLiteral("event")).toString() == QLatin1String("server.listening") &&
                ++listening > listeningBefore) {
                m_port = quint16(line.value(QStringLiteral("port")).toInt());
                if (m_port == 0)
                    return fail(QStringLiteral("server.listening without a port"));
                return true;
            }
        }
        if (m_process->state() == QProcess::NotRunning) {
            m_log += m_process->readAll();
            return fail(
                QStringLiteral("server exited with code %1 before listening").arg(m_process->exitCode()));
        }
    }
    kill();
    return fail(QStringLiteral("no server.listening within %1 ms").arg(m_options.startTimeoutMs));
}

bool ServerProcess::writeEnvFile() const
{
    if (m_options.envFile.isNull())
        return true;
    QFile file(QDir(m_options.workingDirectory).filePath(QStringLiteral(".env")));
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(m_options.envFile) >= 0;
}

ServerProcess::CliResult ServerProcess::runServeUntilExit(int timeoutMs)
{
    if (!writeEnvFile()) {
        CliResult result;
        result.standardError = "cannot write .env";
        return result;
    }
    CliResult result = runCli({QStringLiteral("serve")}, QByteArray(), timeoutMs);
    m_log += result.standardError + result.standardOutput;
    m_ranServeUntilExit = true;
    writeTestLog();
    return result;
}

QString ServerProcess::logText()
{
    QCoreApplication::processEvents();
    drainOutput();
    QByteArray text = m_log;
    const QString logFile = m_environment.value(QStringLiteral("MEDORA_LOG_FILE"));
    if (!logFile.isEmpty()) {
        QFile file(QDir(m_options.workingDirectory).absoluteFilePath(logFile));
        if (file.open(QIODevice::ReadOnly))
            text += file.readAll();
    }
    return QString::fromUtf8(text);
}

QList<QJsonObject> ServerProcess::logEvents()
{
    QList<QJsonObject> events;
    const QStringList lines = logText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QJsonObject object = parseObjectLine(line.toUtf8());
        if (!object.isEmpty())
            events.append(object);
    }
    return events;
}

int ServerProcess::countLogEvents(const QString &event)
{
    int count = 0;
    const QList<QJsonObject> events = logEvents();
    for (const QJsonObject &object : events)
        count += object.value(QStringLiteral("event")).toString() == event ? 1 : 0;
    return count;
}

bool ServerProcess::waitForLogEvent(const QString &event, int count, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        if (countLogEvents(event) >= count)
            return true;
        if (deadline.hasExpired() || !isRunning())
            return countLogEvents(event) >= count;
        m_process->waitForReadyRead(50);
    }
}

bool ServerProcess::sendSignal(int signalNumber)
{
    if (!isRunning())
        return false;
    return ::kill(pid_t(m_process->processId()), signalNumber) == 0;
}

int ServerProcess::stop(int timeoutMs)
{
    if (!m_process)
        return -1;
    if (m_process->state() != QProcess::NotRunning) {
        sendSignal(SIGTERM);
        if (!m_process->waitForFinished(timeoutMs)) {
            kill();
            return -1;
        }
    }
    m_log += m_process->readAll();
    writeTestLog();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_log += m_process->readAll();
    writeTestLog();
}

ServerProcess::CliResult ServerProcess::runCli(const QStringList &arguments, const QByteArray &standardInput,
                                               int timeoutMs) const
{
    CliResult result;
    QProcess process;
    process.setWorkingDirectory(m_options.workingDirectory);
    process.setProcessEnvironment(m_environment);
    process.start(serverPath(), arguments);
    if (!process.waitForStarted(10000)) {
        result.standardError = process.errorString().toUtf8();
        return result;
    }
    if (!standardInput.isEmpty())
        process.write(standardInput);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.standardOutput = process.readAllStandardOutput();
        result.standardError = process.readAllStandardError() + "\n(timed out, killed)";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.standardOutput = process.readAllStandardOutput();
    result.standardError = process.readAllStandardError();
    return result;
}

QString ServerProcess::createClinic(const QString &name) const
{
    const CliResult result = runCli({QStringLiteral("create-clinic"), QStringLiteral("--name"), name});
    const QString id = result.json().value(QStringLiteral("clinicId")).toString();
    if (result.exitCode != 0 || id.isEmpty())
        qWarning("create-clinic failed (exit %d): %s", result.exitCode, result.standardError.constData());
    return result.exitCode == 0 ? id : QString();
}

ServerProcess::User ServerProcess::createUser(const QString &clinicId, const QString &login,
                                              const QString &role, const QString &password) const
{
    QStringList arguments{QStringLiteral("create-user"),
                          QStringLiteral("--clinic"),
                          clinicId,
                          QStringLiteral("--login"),
                          login,
                          QStringLiteral("--full-name"),
                          QStringLiteral("Test ") + login,
                          QStringLiteral("--role"),
                          role};
    QByteArray input;
    if (!password.isEmpty()) {
        arguments << QStringLiteral("--password-stdin");
        input = password.toUtf8() + '\n';
    }
    const CliResult result = runCli(arguments, input);
    User user;
    if (result.exitCode != 0) {
        qWarning("create-user failed (exit %d): %s", result.exitCode, result.standardError.constData());
        return user;
    }
    const QJsonObject json = result.json();
    user.id = json.value(QStringLiteral("userId")).toString();
    user.login = json.value(QStringLiteral("login")).toString();
    user.password = password.isEmpty() ? json.value(QStringLiteral("oneTimePassword")).toString() : password;
    if (user.password.size() >= kMinimumSecretLength && !m_registeredSecrets.contains(user.password.toUtf8()))
        m_registeredSecrets.append(user.password.toUtf8());
    return user;
}

void ServerProcess::configureClient(TestHttpClient &client) const
{
    client.setBaseUrl(baseUrl());
    if (m_options.tls)
        client.trustCertificateFile(m_options.certificateFile);
    else
        client.setDefaultHeader("X-Forwarded-Proto", "https");
}

} // namespace medora
