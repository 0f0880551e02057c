#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QDir>
#include <QFileInfo>
#include <QtTest>

using medora::ServerProcess;
using medora::TestHttpClient;
using medora::TestHttpResponse;

// Starting the real medora-server: production refusals, first start on an empty folder,
// migrations, .env handling and the debug switch.
class TestServerStartup : public QObject
{
    Q_OBJECT

private:
    // Runs `serve` with `options` and expects a refusal naming `variable`.
    static void expectRefusal(ServerProcess::Options options, const QString &variable)
    {
        ServerProcess server(std::move(options));
        const ServerProcess::CliResult result = server.runServeUntilExit();
        QVERIFY2(result.exitCode != 0 && result.exitCode != -1,
                 qPrintable(QStringLiteral("exit %1: %2").arg(result.exitCode).arg(result.errorText())));
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.errorText().startsWith(QLatin1String("medora-server: ")),
                 qPrintable(result.errorText()));
        QVERIFY2(result.errorText().contains(variable), qPrintable(result.errorText()));
        // A refused server never created anything.
        QVERIFY(!QFileInfo::exists(server.databaseFile()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ServerProcess::serverPath()).isExecutable(), "MEDORA_SERVER_PATH is not set");
    }

    void refusesWithoutSecret()
    {
        ServerProcess::Options options;
        options.unsetVariables << QStringLiteral("MEDORA_SECRET");
        expectRefusal(options, QStringLiteral("MEDORA_SECRET"));
    }

    void refusesWeakSecret_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::newRow("short") << QStringLiteral("k3Jx9!fQ");
        QTest::newRow("placeholder") << QStringLiteral("change-me-to-a-long-random-value-please");
        QTest::newRow("same character") << QString(48, QLatin1Char('x'));
    }

    void refusesWeakSecret()
    {
        QFETCH(QString, secret);
        ServerProcess::Options options;
        options.environment.insert(QStringLiteral("MEDORA_SECRET"), secret);
        ServerProcess server(options);
        const ServerProcess::CliResult result = server.runServeUntilExit();
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.errorText().contains(QLatin1String("MEDORA_SECRET")), qPrintable(result.errorText()));
        // The refusal explains without repeating the value.
        QVERIFY(!result.errorText().contains(secret));
    }

    void refusesWithoutAllowedHosts()
    {
        ServerProcess::Options options;
        options.unsetVariables << QStringLiteral("MEDORA_ALLOWED_HOSTS");
        expectRefusal(options, QStringLiteral("MEDORA_ALLOWED_HOSTS"));
    }

    void refusesPlainHttpWithoutTrustedProxy()
    {
        ServerProcess::Options options;
        options.trustLocalProxy = false;
        expectRefusal(options, QStringLiteral("MEDORA_TRUSTED_PROXIES"));
        ServerProcess::Options again;
        again.trustLocalProxy = false;
        ServerProcess server(again);
        QVERIFY(server.runServeUntilExit().errorText().contains(QLatin1String("plain HTTP")));
    }

    void refusesUnreadableOrInvalidTlsFiles()
    {
        QTemporaryDir dir;
        ServerProcess::Options missing;
        missing.environment.insert(QStringLiteral("MEDORA_TLS_CERT_FILE"),
                                   dir.filePath(QStringLiteral("no.crt")));
        missing.environment.insert(QStringLiteral("MEDORA_TLS_KEY_FILE"),
                                   dir.filePath(QStringLiteral("no.key")));
        expectRefusal(missing, QStringLiteral("MEDORA_TLS_CERT_FILE"));

        // Garbage in place of PEM, and debug does not excuse it.
        QFile garbage(dir.filePath(QStringLiteral("garbage.pem")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("-----BEGIN CERTIFICATE-----\nnot really\n-----END CERTIFICATE-----\n");
        garbage.close();
        ServerProcess::Options invalid;
        invalid.environment.insert(QStringLiteral("MEDORA_DEBUG"), QStringLiteral("1"));
        invalid.environment.insert(QStringLiteral("MEDORA_TLS_CERT_FILE"), garbage.fileName());
        invalid.environment.insert(QStringLiteral("MEDORA_TLS_KEY_FILE"), garbage.fileName());
        expectRefusal(invalid, QStringLiteral("MEDORA_TLS"));
    }

    void refusesBadConfigurationValues()
    {
        ServerProcess::Options options;
        options.environment.insert(QStringLiteral("MEDORA_LISTEN_PORT"), QStringLiteral("eighty"));
        expectRefusal(options, QStringLiteral("MEDORA_LISTEN_PORT"));
    }

    void emptyDataFolderIsCreatedAndMigrated()
    {
        ServerProcess server;
        QVERIFY(!QFileInfo::exists(server.dataDirectory()));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY(QFileInfo(server.dataDirectory()).isDir());
        QVERIFY(QFileInfo(server.databaseFile()).isFile());

        TestHttpClient client;
        server.configureClient(client);
        const TestHttpResponse health = client.get(QStringLiteral("/health"));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        const TestHttpResponse ready = client.get(QStringLiteral("/ready"));
        QCOMPARE(ready.status, 200);
        QCOMPARE(ready.json().value(QStringLiteral("status")).toString(), QStringLiteral("ready"));
        QVERIFY(server.countLogEvents(QStringLiteral("database.ready")) == 1);

        // A migrated database already has the schema: migrate finds nothing to do.
        const ServerProcess::CliResult migrate = server.runCli({QStringLiteral("migrate")});
        QCOMPARE(migrate.exitCode, 0);
        QVERIFY2(migrate.outputText().startsWith(QLatin1String("schema version ")),
                 qPrintable(migrate.outputText()));
        QCOMPARE(server.stop(), 0);
        QCOMPARE(server.countLogEvents(QStringLiteral("server.stopped")), 1);
    }

    void migrateTwiceIsHarmless()
    {
        ServerProcess server;
        const ServerProcess::CliResult first = server.runCli({QStringLiteral("migrate")});
        QCOMPARE(first.exitCode, 0);
        QVERIFY(QFileInfo(server.databaseFile()).isFile());
        const int version = first.outputText().trimmed().section(QLatin1Char(' '), -1).toInt();
        QVERIFY2(version >= 1, qPrintable(first.outputText()));
        const ServerProcess::CliResult second = server.runCli({QStringLiteral("migrate")});
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.outputText(), first.outputText());
        QVERIFY(second.standardError.isEmpty());
    }

    void envFileIsReadAndEnvironmentOverridesIt()
    {
        ServerProcess::Options options;
        // Everything the server needs comes from .env, except the port, which the
        // environment overrides (1 would need root and fail).
        options.unsetVariables << QStringLiteral("MEDORA_SECRET") << QStringLiteral("MEDORA_ALLOWED_HOSTS");
        options.envFile = "# test configuration\n"
                          "export MEDORA_SECRET=\"" +
                          ServerProcess::randomSecret() +
                          "\"\n"
                          "MEDORA_ALLOWED_HOSTS=localhost # 127.0.0.1 deliberately missing\n"
                          "MEDORA_LISTEN_PORT=1\n";
        ServerProcess server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY(server.port() != 1);

        TestHttpClient client;
        server.configureClient(client);
        QCOMPARE(client.get(QStringLiteral("/health"), {{"Host", "localhost"}}).status, 200);
        const TestHttpResponse refused = client.get(QStringLiteral("/health"));
        QCOMPARE(refused.status, 421);
        QCOMPARE(refused.errorCode(), QStringLiteral("host_not_allowed"));
    }

    void reportsBadEnvFileLinesByNumber()
    {
        ServerProcess::Options options;
        options.envFile = "MEDORA_LOG_LEVEL=info\nMEDORA_SECRET=\"hunter2-unterminated\n";
        ServerProcess server(options);
        const ServerProcess::CliResult result = server.runServeUntilExit();
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.errorText().contains(QLatin1String("line 2")), qPrintable(result.errorText()));
        QVERIFY(result.errorText().contains(QLatin1String("MEDORA_SECRET")));
        QVERIFY(!result.errorText().contains(QLatin1String("hunter2")));
    }

    void debugIsOffByDefault()
    {
        ServerProcess::Options options;
        options.unsetVariables << QStringLiteral("MEDORA_DEBUG");
        ServerProcess server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QCOMPARE(server.countLogEvents(QStringLiteral("server.debug_mode")), 0);

        // Production: plain HTTP that does not come through the proxy as HTTPS is refused.
        TestHttpClient client;
        client.setBaseUrl(server.baseUrl());
        const TestHttpResponse plain = client.get(QStringLiteral("/api/v1/me"));
        QCOMPARE(plain.status, 403);
        QCOMPARE(plain.errorCode(), QStringLiteral("https_required"));
    }

    void debugRelaxesSecretAndHostsLoudly()
    {
        ServerProcess::Options options;
        options.environment.insert(QStringLiteral("MEDORA_DEBUG"), QStringLiteral("1"));
        options.environment.insert(QStringLiteral("MEDORA_SECRET"), QStringLiteral("dev"));
        options.unsetVariables << QStringLiteral("MEDORA_ALLOWED_HOSTS");
        ServerProcess server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QList<QJsonObject> events = server.logEvents();
        int warnings = 0;
        for (const QJsonObject &event : events) {
            if (event.value(QStringLiteral("event")).toString() == QLatin1String("server.debug_mode")) {
                QCOMPARE(event.value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
                ++warnings;
            }
        }
        QVERIFY2(warnings >= 3, qPrintable(server.logText()));
        TestHttpClient client;
        client.setBaseUrl(server.baseUrl());
        QCOMPARE(client.get(QStringLiteral("/health"), {{"Host", "anything.example"}}).status, 200);
    }

    void listeningLineCarriesTheRealPort()
    {
        ServerProcess server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        bool found = false;
        for (const QJsonObject &event : server.logEvents()) {
            if (event.value(QStringLiteral("event")).toString() != QLatin1String("server.listening"))
                continue;
            found = true;
            QCOMPARE(event.value(QStringLiteral("port")).toInt(), int(server.port()));
            QVERIFY(event.value(QStringLiteral("port")).toInt() > 0);
            QCOMPARE(event.value(QStringLiteral("tls")).toBool(), false);
        }
        QVERIFY(found);
    }
};

QTEST_GUILESS_MAIN(TestServerStartup)
#include "tst_serverstartup.moc"
