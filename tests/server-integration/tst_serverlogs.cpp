#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QtTest>

using medora::ServerProcess;
using medora::TestHttpClient;
using medora::TestHttpResponse;

// A whole sign-in story against the real server, then the log is searched for every secret,
// password and token that passed through it: none may appear, and every line is JSON.
class TestServerLogs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ServerProcess::serverPath()).isExecutable(), "MEDORA_SERVER_PATH is not set");
    }

    void noSecretEverReachesTheLog()
    {
        const QMap<QString, QString> integrationSecrets{
            {QStringLiteral("GEMINI_API_KEY"), QStringLiteral("AIzaFakeGeminiKey-0123456789abcdef")},
            {QStringLiteral("TELEGRAM_BOT_TOKEN"), QStringLiteral("123456789:AAFakeTelegramTokenValue_xyz")},
            {QStringLiteral("SMTP_PASSWORD"), QStringLiteral("fake-smtp-password-4242")},
            {QStringLiteral("SMS_PASSWORD"), QStringLiteral("fake-sms-password-9191")},
        };
        ServerProcess::Options options;
        options.environment = integrationSecrets;
        options.environment.insert(QStringLiteral("MEDORA_LOG_LEVEL"), QStringLiteral("debug"));
        options.environment.insert(QStringLiteral("MEDORA_LOG_FILE"), QStringLiteral("server.log"));
        ServerProcess server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        QStringList secrets = integrationSecrets.values();
        secrets << QString::fromUtf8(server.secret());

        const QString adminPassword = QStringLiteral("amber-silk-road-samarkand-8");
        const QString clinic = server.createClinic(QStringLiteral("Log Clinic"));
        QVERIFY(!clinic.isEmpty());
        QVERIFY(!server
                     .createUser(clinic, QStringLiteral("logadmin"), QStringLiteral("clinic_admin"),
                                 adminPassword)
                     .id.isEmpty());
        const ServerProcess::User cliUser =
            server.createUser(clinic, QStringLiteral("logdoctor"), QStringLiteral("doctor"));
        QVERIFY(!cliUser.password.isEmpty());
        secrets << adminPassword << cliUser.password;

        TestHttpClient admin;
        server.configureClient(admin);
        // Failed sign-ins: wrong password for a real account, and an unknown account.
        const QString wrongPassword = QStringLiteral("not-the-right-one-5150");
        QCOMPARE(admin.login(QStringLiteral("logadmin"), wrongPassword).status, 401);
        QCOMPARE(admin.login(QStringLiteral("ghost"), QStringLiteral("ghost-password-2718")).status, 401);
        secrets << wrongPassword << QStringLiteral("ghost-password-2718");

        const TestHttpResponse signedIn = admin.login(QStringLiteral("logadmin"), adminPassword);
        QCOMPARE(signedIn.status, 200);
        secrets << signedIn.json().value(QStringLiteral("accessToken")).toString()
                << signedIn.json().value(QStringLiteral("refreshToken")).toString();
        QCOMPARE(admin.get(QStringLiteral("/api/v1/me")).status, 200);

        // Refresh rotates both tokens.
        const TestHttpResponse refreshed =
            admin.postJson(QStringLiteral("/api/v1/auth/refresh"),
                           {{QStringLiteral("refreshToken"),
                             signedIn.json().value(QStringLiteral("refreshToken")).toString()},
                            {QStringLiteral("deviceId"), QStringLiteral("test-device-0001")}});
        QCOMPARE(refreshed.status, 200);
        secrets << refreshed.json().value(QStringLiteral("accessToken")).toString()
                << refreshed.json().value(QStringLiteral("refreshToken")).toString();
        admin.setBearerToken(refreshed.json().value(QStringLiteral("accessToken")).toString());

        // Staff created through the API gets a one-time password; a reset makes another.
        const TestHttpResponse created = admin.postJson(
            QStringLiteral("/api/v1/staff"), {{QStringLiteral("login"), QStringLiteral("logreception")},
                                              {QStringLiteral("fullName"), QStringLiteral("Log Reception")},
                                              {QStringLiteral("role"), QStringLiteral("receptionist")}});
        QCOMPARE(created.status, 201);
        const QString staffId =
            created.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
        secrets << created.json().value(QStringLiteral("oneTimePassword")).toString();
        const TestHttpResponse reset =
            admin.request("POST", QStringLiteral("/api/v1/staff/%1/reset-password").arg(staffId));
        QCOMPARE(reset.status, 200);
        const QString oneTimePassword = reset.json().value(QStringLiteral("oneTimePassword")).toString();
        secrets << oneTimePassword;

        // The receptionist signs in with it and chooses a password.
        TestHttpClient reception;
        server.configureClient(reception);
        const TestHttpResponse first = reception.login(QStringLiteral("logreception"), oneTimePassword);
        QCOMPARE(first.status, 200);
        secrets << first.json().value(QStringLiteral("accessToken")).toString()
                << first.json().value(QStringLiteral("refreshToken")).toString();
        const QString chosen = QStringLiteral("pomegranate-bazaar-evening-11");
        const TestHttpResponse changed = reception.postJson(
            QStringLiteral("/api/v1/me/password"),
            {{QStringLiteral("currentPassword"), oneTimePassword}, {QStringLiteral("newPassword"), chosen}});
        QCOMPARE(changed.status, 204);
        secrets << chosen;
        reception.setBearerToken(QString());
        const TestHttpResponse second = reception.login(QStringLiteral("logreception"), chosen);
        QCOMPARE(second.status, 200);
        secrets << second.json().value(QStringLiteral("accessToken")).toString()
                << second.json().value(QStringLiteral("refreshToken")).toString();
        QCOMPARE(reception.request("POST", QStringLiteral("/api/v1/auth/logout")).status, 204);
        QCOMPARE(admin.request("POST", QStringLiteral("/api/v1/auth/logout")).status, 204);
        QCOMPARE(admin.get(QStringLiteral("/api/v1/me")).status, 401);

        QCOMPARE(server.stop(), 0);
        const QString log = server.logText();
        QVERIFY2(log.count(QLatin1Char('\n')) >= 10, qPrintable(log));
        QVERIFY(log.contains(QLatin1String("server.listening")));
        QVERIFY(log.contains(QLatin1String("server.stopped")));

        for (const QString &secret : std::as_const(secrets)) {
            QVERIFY(secret.size() >= 8);
            QVERIFY2(!log.contains(secret),
                     qPrintable(QStringLiteral("the log contains a secret of length %1").arg(secret.size())));
        }

        const QStringList lines = log.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &parseError);
            QVERIFY2(document.isObject(), qPrintable(line));
            const QJsonObject object = document.object();
            QVERIFY2(object.value(QStringLiteral("ts")).isString(), qPrintable(line));
            QVERIFY2(object.value(QStringLiteral("level")).isString(), qPrintable(line));
            QVERIFY2(object.value(QStringLiteral("event")).isString(), qPrintable(line));
        }
    }
};

QTEST_GUILESS_MAIN(TestServerLogs)
#include "tst_serverlogs.moc"
