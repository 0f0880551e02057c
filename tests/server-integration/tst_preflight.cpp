#include "../fakes/FakeGeminiServer.h"
#include "../fakes/FakeHttpServer.h"
#include "ServerProcess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using medora::ServerProcess;
using medora::test::FakeGeminiServer;
using medora::test::FakeHttpServer;

namespace {

QByteArray fakeSecret(const char *variable)
{
    for (const auto &pair : ServerProcess::kFakeIntegrationSecrets) {
        if (qstrcmp(pair[0], variable) == 0)
            return pair[1];
    }
    return {};
}

struct Run
{
    int exitCode = -1;
    QJsonObject json;
    QString output;
    QString errors;

    QJsonObject item(const QString &id) const
    {
        for (const QJsonValue &value : json.value(QStringLiteral("items")).toArray()) {
            if (value.toObject().value(QStringLiteral("id")).toString() == id)
                return value.toObject();
        }
        return {};
    }
    QString status(const QString &id) const { return item(id).value(QStringLiteral("status")).toString(); }
    QString detail(const QString &id) const { return item(id).value(QStringLiteral("detail")).toString(); }
    QString fix(const QString &id) const { return item(id).value(QStringLiteral("fix")).toString(); }
};

} // namespace

// `medora-server preflight` against the real binary, with every item of the launch checklist
// driven to pass and to fail: the outside services are fakes on 127.0.0.1 (Gemini,
// Telegram's Bot API, an SMS gateway and a mail server that accept connections), /metrics is
// the running server's own.
class TestPreflight : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<FakeGeminiServer> m_gemini;
    FakeHttpServer m_telegram;
    QTcpServer m_sms;
    QTcpServer m_mail;
    QTemporaryDir m_folder;
    int m_getMeCalls = 0;

    // The configuration of a clinic that is ready: every item passes (SQLite warns).
    QProcessEnvironment readyEnvironment() const
    {
        QProcessEnvironment environment = m_server->environment();
        environment.insert(QStringLiteral("MEDORA_ALLOWED_HOSTS"),
                           QStringLiteral("clinic.example.uz,127.0.0.1"));
        environment.insert(QStringLiteral("MEDORA_LISTEN_PORT"), QString::number(m_server->port()));
        environment.insert(QStringLiteral("GEMINI_BASE_URL"), m_gemini->baseUrl());
        environment.insert(QStringLiteral("TELEGRAM_API_BASE_URL"), m_telegram.baseUrl());
        environment.insert(QStringLiteral("TELEGRAM_PAYMENT_GROUP_ID"), QStringLiteral("-1001234567890"));
        environment.insert(QStringLiteral("SMS_PROVIDER"), QStringLiteral("eskiz"));
        environment.insert(QStringLiteral("ESKIZ_BASE_URL"),
                           QStringLiteral("http://127.0.0.1:%1").arg(m_sms.serverPort()));
        environment.insert(QStringLiteral("ESKIZ_EMAIL"), QStringLiteral("ops@clinic.example.uz"));
        environment.insert(QStringLiteral("ESKIZ_PASSWORD"), QStringLiteral("eskiz-password-for-preflight"));
        environment.insert(QStringLiteral("MEDORA_LEGAL_DIR"), m_folder.filePath(QStringLiteral("legal")));
        environment.insert(QStringLiteral("MEDORA_DATA_LOCATION"),
                           QStringLiteral("Tashkent, Uzbekistan (Uztelecom data centre)"));
        return environment;
    }

    // Runs preflight while this thread keeps serving the fakes.
    Run preflight(const QProcessEnvironment &environment,
                  const QStringList &extra = {QStringLiteral("--json")})
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(m_server->workingDirectory());
        process.start(ServerProcess::serverPath(), QStringList{QStringLiteral("preflight")} + extra);
        Run run;
        if (!process.waitForStarted())
            return run;
        QElapsedTimer timer;
        timer.start();
        while (process.state() != QProcess::NotRunning && timer.elapsed() < 30000)
            QTest::qWait(10);
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        const QByteArray output = process.readAllStandardOutput();
        run.output = QString::fromUtf8(output);
        run.json = QJsonDocument::fromJson(output).object();
        run.errors = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    static bool writeLegalText(const QString &folder, const QString &document, const QString &language)
    {
        QFile file(QDir(folder).filePath(QStringLiteral("%1_%2.md").arg(document, language)));
        return file.open(QIODevice::WriteOnly) &&
               file.write(
                   QStringLiteral("---\ndocument: %1\nlanguage: %2\nversion: 2026-11-28\n---\n\n# Text\n")
                       .arg(document, language)
                       .toUtf8()) > 0;
    }

    // Changes the server's records directly, as time would.
    bool execOnLiveDatabase(const QString &sql)
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("live"));
            db.setDatabaseName(m_server->databaseFile());
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
            QSqlQuery query(db);
            ok = db.open() && query.exec(sql);
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("live"));
        return ok;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ServerProcess::serverPath()).isExecutable(), "MEDORA_SERVER_PATH is not set");
        QVERIFY(m_folder.isValid());
        const QString legal = m_folder.filePath(QStringLiteral("legal"));
        QVERIFY(QDir().mkpath(legal));
        for (const QString &document : {QStringLiteral("terms"), QStringLiteral("privacy")})
            for (const QString &language : {QStringLiteral("uz"), QStringLiteral("ru")})
                QVERIFY(writeLegalText(legal, document, language));

        m_gemini = std::make_unique<FakeGeminiServer>(fakeSecret("GEMINI_API_KEY"));
        QVERIFY(m_gemini->listen());
        const QByteArray token = fakeSecret("TELEGRAM_BOT_TOKEN");
        m_telegram.setHandler([this, token](const FakeHttpServer::Request &request) {
            ++m_getMeCalls;
            if (request.path != "/bot" + token + "/getMe")
                return FakeHttpServer::Response::json(
                    401, QJsonObject{{"ok", false}, {"error_code", 401}, {"description", "Unauthorized"}});
            return FakeHttpServer::Response::json(
                200, QJsonObject{
                         {"ok", true},
                         {"result", QJsonObject{{"id", 42}, {"is_bot", true}, {"username", "medora_bot"}}}});
        });
        QVERIFY(m_telegram.listen());
        QVERIFY(m_sms.listen(QHostAddress::LocalHost));
        QVERIFY(m_mail.listen(QHostAddress::LocalHost));

        m_server = std::make_unique<ServerProcess>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void noBackupNoDrillFailTheirItems()
    {
        const Run run = preflight(readyEnvironment());
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json.value("ready").toBool(), false);
        QCOMPARE(run.status("backup"), QStringLiteral("FAIL"));
        QCOMPARE(run.detail("backup"), QStringLiteral("no backup has been made"));
        QVERIFY(run.fix("backup").contains(QLatin1String("medora-server backup")));
        QCOMPARE(run.status("restore-drill"), QStringLiteral("FAIL"));
        QCOMPARE(run.status("migrations"), QStringLiteral("PASS"));
    }

    void aReadyServerPasses()
    {
        QCOMPARE(m_server->runCli({QStringLiteral("backup")}).exitCode, 0);
        QCOMPARE(m_server->runCli({QStringLiteral("restore-drill")}).exitCode, 0);
        const int geminiCalls = m_gemini->callCount();
        const Run run = preflight(readyEnvironment());
        QVERIFY2(run.exitCode == 0, qPrintable(run.output + run.errors));
        QCOMPARE(run.json.value("ready").toBool(), true);
        const QStringList expected{QStringLiteral("secret"),
                                   QStringLiteral("secrets-file"),
                                   QStringLiteral("debug"),
                                   QStringLiteral("allowed-hosts"),
                                   QStringLiteral("tls"),
                                   QStringLiteral("transport"),
                                   QStringLiteral("database"),
                                   QStringLiteral("migrations"),
                                   QStringLiteral("backup"),
                                   QStringLiteral("restore-drill"),
                                   QStringLiteral("password-reset"),
                                   QStringLiteral("gemini"),
                                   QStringLiteral("telegram"),
                                   QStringLiteral("monitoring"),
                                   QStringLiteral("logging"),
                                   QStringLiteral("rate-limits"),
                                   QStringLiteral("legal"),
                                   QStringLiteral("data-location")};
        QStringList ids;
        for (const QJsonValue &value : run.json.value("items").toArray())
            ids << value.toObject().value("id").toString();
        QCOMPARE(ids, expected);
        for (const QString &id : expected) {
            const QString want =
                id == QLatin1String("database") ? QStringLiteral("WARN") : QStringLiteral("PASS");
            QVERIFY2(run.status(id) == want, qPrintable(id + QStringLiteral(": ") + run.detail(id)));
        }
        QVERIFY(run.detail("database").contains(QLatin1String("SQLite")));
        QVERIFY(run.fix("database").contains(QLatin1String("PostgreSQL")));
        QVERIFY(run.detail("telegram").contains(QLatin1String("@medora_bot")));
        QVERIFY(run.detail("legal").contains(QLatin1String("terms 2026-11-28")));
        // The Gemini key was really tried.
        QCOMPARE(m_gemini->callCount(), geminiCalls + 1);
        // No secret's value in what preflight prints.
        for (const QByteArray &secret : m_server->secrets())
            QVERIFY(!run.output.toUtf8().contains(secret));
        QVERIFY(!run.output.contains(QLatin1String("eskiz-password-for-preflight")));
    }

    void theTableNamesItemsStatusesAndFixes()
    {
        QProcessEnvironment environment = readyEnvironment();
        environment.remove(QStringLiteral("MEDORA_DATA_LOCATION"));
        const Run run = preflight(environment, {});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.output.startsWith(QLatin1String("Item ")));
        QVERIFY(run.output.contains(
            QRegularExpression(QStringLiteral("\\nServer secret \\(MEDORA_SECRET\\) +PASS "))));
        QVERIFY(run.output.contains(QRegularExpression(
            QStringLiteral("\\nWhere personal data is stored \\(MEDORA_DATA_LOCATION\\) +FAIL "))));
        QVERIFY(run.output.contains(QLatin1String("fix: set MEDORA_DATA_LOCATION")));
        QVERIFY(
            run.output.contains(QLatin1String("16 passed, 1 warnings, 1 failed: NOT ready for production")));
    }

    void weakSettingsFail()
    {
        QProcessEnvironment environment = readyEnvironment();
        environment.insert(QStringLiteral("MEDORA_SECRET"),
                           QStringLiteral("change-me-change-me-change-me-1234"));
        environment.insert(QStringLiteral("MEDORA_DEBUG"), QStringLiteral("1"));
        environment.insert(QStringLiteral("MEDORA_ALLOWED_HOSTS"), QString());
        environment.insert(QStringLiteral("MEDORA_TRUSTED_PROXIES"), QString());
        environment.insert(QStringLiteral("MEDORA_LOG_LEVEL"), QStringLiteral("debug"));
        environment.insert(QStringLiteral("MEDORA_RATE_ANON_PER_MINUTE"), QStringLiteral("5000"));
        environment.insert(QStringLiteral("MEDORA_DATA_LOCATION"), QStringLiteral("Frankfurt, Germany"));
        const Run run = preflight(environment);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.status("secret"), QStringLiteral("FAIL"));
        QVERIFY(run.detail("secret").contains(QLatin1String("placeholder")));
        QVERIFY(!run.detail("secret").contains(QLatin1String("change-me-change-me")));
        QCOMPARE(run.status("debug"), QStringLiteral("FAIL"));
        QCOMPARE(run.status("allowed-hosts"), QStringLiteral("FAIL"));
        QCOMPARE(run.status("tls"), QStringLiteral("FAIL"));
        QCOMPARE(run.status("transport"), QStringLiteral("FAIL"));
        QCOMPARE(run.status("logging"), QStringLiteral("WARN"));
        QCOMPARE(run.status("rate-limits"), QStringLiteral("WARN"));
        QCOMPARE(run.status("data-location"), QStringLiteral("WARN"));
    }

    void hostsAndTransportWarnings()
    {
        QProcessEnvironment environment = readyEnvironment();
        environment.insert(QStringLiteral("MEDORA_ALLOWED_HOSTS"), QStringLiteral("127.0.0.1,localhost"));
        environment.insert(QStringLiteral("MEDORA_LISTEN_ADDRESS"), QStringLiteral("0.0.0.0"));
        const Run run = preflight(environment);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.status("allowed-hosts"), QStringLiteral("WARN"));
        QCOMPARE(run.status("transport"), QStringLiteral("WARN"));
        QVERIFY(run.fix("transport").contains(QLatin1String("MEDORA_LISTEN_ADDRESS=127.0.0.1")));
    }

    void selfSignedCertificateWarns()
    {
        QString certificate;
        QString key;
        QString error;
        QVERIFY2(ServerProcess::makeSelfSignedCertificate(m_folder.path(), &certificate, &key, &error),
                 qPrintable(error));
        QProcessEnvironment environment = readyEnvironment();
        environment.insert(QStringLiteral("MEDORA_TLS_CERT_FILE"), certificate);
        environment.insert(QStringLiteral("MEDORA_TLS_KEY_FILE"), key);
        environment.insert(QStringLiteral("MEDORA_LISTEN_PORT"), QStringLiteral("1")); // nobody serves there
        const Run run = preflight(environment);
        QCOMPARE(run.status("tls"), QStringLiteral("WARN"));
        QVERIFY(run.detail("tls").contains(QLatin1String("self-signed")));
        QCOMPARE(run.status("transport"), QStringLiteral("PASS"));
        QCOMPARE(run.status("monitoring"), QStringLiteral("WARN"));
        QVERIFY(run.detail("monitoring").contains(QLatin1String("is the server running?")));
    }

    void staleBackupAndFailedDrillFail()
    {
        QVERIFY(
            execOnLiveDatabase(QStringLiteral("UPDATE ops_backup SET finished_at_ms = finished_at_ms - %1")
                                   .arg(qint64(3) * 24 * 3600 * 1000)));
        QVERIFY(execOnLiveDatabase(
            QStringLiteral(
                "INSERT INTO ops_restore_drill (id, backup_path, backup_sha256, succeeded, rows_compared, "
                "detail, at_ms) VALUES ('failed-drill', 'x', '', 0, 0, 'table clinics differs', %1)")
                .arg(QDateTime::currentMSecsSinceEpoch() + 1000)));
        Run run = preflight(readyEnvironment());
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.status("backup"), QStringLiteral("FAIL"));
        QVERIFY2(run.detail("backup").contains(QLatin1String("3 days old")),
                 qPrintable(run.detail("backup")));
        QCOMPARE(run.status("restore-drill"), QStringLiteral("FAIL"));
        QVERIFY(run.detail("restore-drill").contains(QLatin1String("table clinics differs")));

        // A longer policy accepts the same backup.
        QProcessEnvironment lenient = readyEnvironment();
        lenient.insert(QStringLiteral("MEDORA_BACKUP_MAX_AGE_HOURS"), QStringLiteral("96"));
        run = preflight(lenient);
        QCOMPARE(run.status("backup"), QStringLiteral("PASS"));
        QVERIFY(
            execOnLiveDatabase(QStringLiteral("DELETE FROM ops_restore_drill WHERE id = 'failed-drill'")));
        QVERIFY(
            execOnLiveDatabase(QStringLiteral("UPDATE ops_backup SET finished_at_ms = finished_at_ms + %1")
                                   .arg(qint64(3) * 24 * 3600 * 1000)));
    }

    void databaseNotCreatedFails()
    {
        QProcessEnvironment environment = readyEnvironment();
        environment.insert(QStringLiteral("MEDORA_DATABASE_URL"),
                           QStringLiteral("sqlite:") +
                               m_folder.filePath(QStringLiteral("missing/medora.sqlite")));
        const Run run = preflight(environment);
        QCOMPARE(run.status("migrations"), QStringLiteral("FAIL"));
        QVERIFY(run.fix("migrations").contains(QLatin1String("medora-server migrate")));
        QCOMPARE(run.status("backup"), QStringLiteral("FAIL"));
        QVERIFY(!QFileInfo::exists(m_folder.filePath(QStringLiteral("missing/medora.sqlite"))));
    }

    void passwordResetChannels()
    {
        QProcessEnvironment none = readyEnvironment();
        none.remove(QStringLiteral("ESKIZ_EMAIL"));
        Run run = preflight(none);
        QCOMPARE(run.status("password-reset"), QStringLiteral("FAIL"));
        QVERIFY(run.detail("password-reset").contains(QLatin1String("neither SMS nor e-mail")));

        // E-mail alone, its server accepting connections.
        QProcessEnvironment mail = none;
        mail.insert(QStringLiteral("SMTP_URL"),
                    QStringLiteral("smtp://127.0.0.1:%1").arg(m_mail.serverPort()));
        mail.insert(QStringLiteral("SMTP_FROM"), QStringLiteral("Medora <no-reply@clinic.example.uz>"));
        run = preflight(mail);
        QCOMPARE(run.status("password-reset"), QStringLiteral("PASS"));
        QVERIFY(run.detail("password-reset").contains(QLatin1String("e-mail (SMTP)")));

        // The SMS gateway's port closed: the codes could not leave.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        QProcessEnvironment refused = readyEnvironment();
        refused.insert(QStringLiteral("ESKIZ_BASE_URL"), QStringLiteral("http://127.0.0.1:%1").arg(port));
        run = preflight(refused);
        QCOMPARE(run.status("password-reset"), QStringLiteral("FAIL"));
        QCOMPARE(run.exitCode, 1);

        // A name that does not resolve: no network, so not proven, but not failed either.
        QProcessEnvironment offline = readyEnvironment();
        offline.insert(QStringLiteral("ESKIZ_BASE_URL"), QStringLiteral("https://notify.eskiz.invalid"));
        run = preflight(offline);
        QCOMPARE(run.status("password-reset"), QStringLiteral("WARN"));
        QVERIFY(run.detail("password-reset").contains(QLatin1String("offline?")));
    }

    void geminiAndTelegramKeys()
    {
        QProcessEnvironment missing = readyEnvironment();
        missing.remove(QStringLiteral("GEMINI_API_KEY"));
        missing.remove(QStringLiteral("TELEGRAM_BOT_TOKEN"));
        Run run = preflight(missing);
        QCOMPARE(run.status("gemini"), QStringLiteral("FAIL"));
        QCOMPARE(run.status("telegram"), QStringLiteral("FAIL"));

        QProcessEnvironment wrong = readyEnvironment();
        wrong.insert(QStringLiteral("GEMINI_API_KEY"), QStringLiteral("AIzaWrongKeyForPreflight0123456789"));
        wrong.insert(QStringLiteral("TELEGRAM_BOT_TOKEN"), QStringLiteral("123456:WrongTokenForPreflight"));
        run = preflight(wrong);
        QCOMPARE(run.status("gemini"), QStringLiteral("FAIL"));
        QVERIFY(run.detail("gemini").contains(QLatin1String("refused the key (HTTP 400)")));
        QCOMPARE(run.status("telegram"), QStringLiteral("FAIL"));
        QVERIFY(run.detail("telegram").contains(QLatin1String("HTTP 401")));
        QVERIFY(!run.output.contains(QLatin1String("WrongTokenForPreflight")));

        QProcessEnvironment noGroup = readyEnvironment();
        noGroup.remove(QStringLiteral("TELEGRAM_PAYMENT_GROUP_ID"));
        m_gemini->script(QStringLiteral("gemini-2.5-flash"), {FakeGeminiServer::Behaviour::Unavailable});
        run = preflight(noGroup);
        QCOMPARE(run.status("telegram"), QStringLiteral("FAIL"));
        QVERIFY(run.detail("telegram").contains(QLatin1String("TELEGRAM_PAYMENT_GROUP_ID")));
        QCOMPARE(run.status("gemini"), QStringLiteral("WARN"));
        QVERIFY(run.detail("gemini").contains(QLatin1String("HTTP 503")));
    }

    void offlineProbesNothing()
    {
        const int gemini = m_gemini->callCount();
        const int telegram = m_getMeCalls;
        const Run run =
            preflight(readyEnvironment(), {QStringLiteral("--json"), QStringLiteral("--offline")});
        QCOMPARE(run.exitCode, 0);
        for (const char *id : {"password-reset", "gemini", "telegram", "monitoring"}) {
            QCOMPARE(run.status(QLatin1String(id)), QStringLiteral("WARN"));
            QVERIFY(run.detail(QLatin1String(id)).contains(QLatin1String("--offline")));
        }
        QCOMPARE(m_gemini->callCount(), gemini);
        QCOMPARE(m_getMeCalls, telegram);
    }

    void metricsClosedToThisMachineFails()
    {
        QProcessEnvironment environment = readyEnvironment();
        environment.insert(QStringLiteral("MEDORA_METRICS_ALLOWED"), QString());
        Run run = preflight(environment);
        QCOMPARE(run.status("monitoring"), QStringLiteral("FAIL"));

        ServerProcess::Options options;
        options.environment.insert(QStringLiteral("MEDORA_METRICS_ALLOWED"), QStringLiteral("10.9.9.9"));
        ServerProcess closed(options);
        QString error;
        QVERIFY2(closed.start(&error), qPrintable(error));
        QProcessEnvironment theirs = closed.environment();
        theirs.insert(QStringLiteral("MEDORA_LISTEN_PORT"), QString::number(closed.port()));
        run = preflight(theirs);
        QCOMPARE(run.status("monitoring"), QStringLiteral("FAIL"));
        QVERIFY(run.detail("monitoring").contains(QLatin1String("404")));
        QCOMPARE(closed.stop(), 0);
    }

    void envFileReadableByOthersFails()
    {
        const QString path = m_folder.filePath(QStringLiteral("medora.env"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("MEDORA_LOG_LEVEL=info\n");
        file.close();
        QProcessEnvironment environment = readyEnvironment();
        environment.insert(QStringLiteral("MEDORA_ENV_FILE"), path);
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadGroup | QFileDevice::ReadOther));
        Run run = preflight(environment);
        QCOMPARE(run.status("secrets-file"), QStringLiteral("FAIL"));
        QVERIFY(run.fix("secrets-file").contains(QLatin1String("chmod 640")));
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadGroup));
        run = preflight(environment);
        QCOMPARE(run.status("secrets-file"), QStringLiteral("PASS"));
    }
};

QTEST_GUILESS_MAIN(TestPreflight)
#include "tst_preflight.moc"
