#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QThread>
#include <QtTest>

using medora::ServerProcess;
using medora::TestHttpClient;
using medora::TestHttpResponse;

namespace {

const QString kPassword = QStringLiteral("lantern kettle 93");

QByteArray nestedBody(int depth)
{
    return QByteArray("{\"login\":") + QByteArray(depth - 1, '[') + "1" + QByteArray(depth - 1, ']') + "}";
}

} // namespace

// Sign-in, refresh, sign-out and password change against the real medora-server binary
// (plain HTTP behind the trusted local "proxy"), plus the API's input bounds and limits.
class TestAuthApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> server;
    QString clinicId;

    TestHttpClient client()
    {
        TestHttpClient c;
        server->configureClient(c);
        return c;
    }

    // A user with a known password (and a phone) made through the CLI.
    void makeUser(const QString &login, const QString &phone = QString())
    {
        QStringList arguments{QStringLiteral("create-user"),
                              QStringLiteral("--clinic"),
                              clinicId,
                              QStringLiteral("--login"),
                              login,
                              QStringLiteral("--full-name"),
                              QStringLiteral("Test ") + login,
                              QStringLiteral("--role"),
                              QStringLiteral("doctor"),
                              QStringLiteral("--password-stdin")};
        if (!phone.isEmpty())
            arguments << QStringLiteral("--phone") << phone;
        const ServerProcess::CliResult result = server->runCli(arguments, kPassword.toUtf8() + "\n");
        QVERIFY2(result.exitCode == 0, qPrintable(result.errorText()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ServerProcess::serverPath()).isExecutable(), "MEDORA_SERVER_PATH is not set");
        ServerProcess::Options options;
        options.environment.insert(QStringLiteral("MEDORA_MAX_BODY_BYTES"), QStringLiteral("4096"));
        server = std::make_unique<ServerProcess>(options);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        clinicId = server->createClinic(QStringLiteral("Auth Test Clinic"));
        QVERIFY(!clinicId.isEmpty());
    }

    void cleanupTestCase() { server.reset(); }

    void signInByLoginAndByPhone()
    {
        makeUser(QStringLiteral("dilnoza"), QStringLiteral("+998901112233"));
        TestHttpClient byLogin = client();
        const TestHttpResponse login = byLogin.login(QStringLiteral("dilnoza"), kPassword);
        QCOMPARE(login.status, 200);
        const QJsonObject body = login.json();
        for (const char *key :
             {"accessToken", "accessExpiresAt", "refreshToken", "refreshExpiresAt", "sessionId"})
            QVERIFY2(!body.value(QLatin1String(key)).toString().isEmpty(), key);
        QVERIFY(body.value("accessExpiresAt").toString().endsWith(QLatin1Char('Z')));
        const QJsonObject user = body.value("user").toObject();
        QCOMPARE(user.value("login").toString(), QStringLiteral("dilnoza"));
        QCOMPARE(user.value("clinicId").toString(), clinicId);
        QCOMPARE(user.value("clinicName").toString(), QStringLiteral("Auth Test Clinic"));
        QCOMPARE(user.value("role").toString(), QStringLiteral("doctor"));
        QCOMPARE(login.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(byLogin.get(QStringLiteral("/api/v1/me")).status, 200);

        TestHttpClient byPhone = client();
        QCOMPARE(
            byPhone.login(QStringLiteral("90 111 22 33"), kPassword, QStringLiteral("phone-device-1")).status,
            200);
        QCOMPARE(byPhone.get(QStringLiteral("/api/v1/me"))
                     .json()
                     .value("user")
                     .toObject()
                     .value("phone")
                     .toString(),
                 QStringLiteral("+998901112233"));

        TestHttpClient wrong = client();
        const TestHttpResponse refused =
            wrong.login(QStringLiteral("dilnoza"), QStringLiteral("not the password"));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.errorCode(), QStringLiteral("invalid_credentials"));
        const TestHttpResponse unknown = wrong.login(QStringLiteral("nobody.here"), kPassword);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.errorCode(), QStringLiteral("invalid_credentials"));
    }

    void refreshRotatesAndReuseRevokes()
    {
        makeUser(QStringLiteral("rustam"));
        TestHttpClient c = client();
        const TestHttpResponse login =
            c.login(QStringLiteral("rustam"), kPassword, QStringLiteral("rotate-device"));
        QCOMPARE(login.status, 200);
        const QString firstRefresh = login.json().value("refreshToken").toString();

        const TestHttpResponse rotated =
            c.postJson(QStringLiteral("/api/v1/auth/refresh"),
                       {{"refreshToken", firstRefresh}, {"deviceId", QStringLiteral("rotate-device")}});
        QCOMPARE(rotated.status, 200);
        const QString secondRefresh = rotated.json().value("refreshToken").toString();
        const QString secondAccess = rotated.json().value("accessToken").toString();
        QVERIFY(!secondRefresh.isEmpty());
        QVERIFY(secondRefresh != firstRefresh);
        c.setBearerToken(secondAccess);
        QCOMPARE(c.get(QStringLiteral("/api/v1/me")).status, 200);

        const TestHttpResponse wrongDevice =
            c.postJson(QStringLiteral("/api/v1/auth/refresh"),
                       {{"refreshToken", secondRefresh}, {"deviceId", QStringLiteral("other-device")}});
        QCOMPARE(wrongDevice.status, 401);

        // The first token again: a stolen copy. The device's session ends altogether.
        const TestHttpResponse reuse =
            c.postJson(QStringLiteral("/api/v1/auth/refresh"),
                       {{"refreshToken", firstRefresh}, {"deviceId", QStringLiteral("rotate-device")}});
        QCOMPARE(reuse.status, 401);
        QCOMPARE(reuse.errorCode(), QStringLiteral("invalid_token"));
        QCOMPARE(c.get(QStringLiteral("/api/v1/me")).status, 401);
        QCOMPARE(c.postJson(QStringLiteral("/api/v1/auth/refresh"),
                            {{"refreshToken", secondRefresh}, {"deviceId", QStringLiteral("rotate-device")}})
                     .status,
                 401);
    }

    void logoutEndsTheSession()
    {
        makeUser(QStringLiteral("malika"));
        TestHttpClient c = client();
        const TestHttpResponse login = c.login(QStringLiteral("malika"), kPassword);
        QCOMPARE(login.status, 200);
        QCOMPARE(c.request("POST", QStringLiteral("/api/v1/auth/logout")).status, 204);
        const TestHttpResponse after = c.get(QStringLiteral("/api/v1/me"));
        QCOMPARE(after.status, 401);
        QCOMPARE(after.header("WWW-Authenticate"), QByteArray("Bearer"));
        QCOMPARE(c.postJson(QStringLiteral("/api/v1/auth/refresh"),
                            {{"refreshToken", login.json().value("refreshToken").toString()},
                             {"deviceId", QStringLiteral("test-device-0001")}})
                     .status,
                 401);
    }

    void passwordChangeEndsEverySession()
    {
        makeUser(QStringLiteral("jasur"));
        TestHttpClient first = client();
        TestHttpClient second = client();
        QCOMPARE(first.login(QStringLiteral("jasur"), kPassword, QStringLiteral("device-one")).status, 200);
        QCOMPARE(second.login(QStringLiteral("jasur"), kPassword, QStringLiteral("device-two")).status, 200);

        const TestHttpResponse weak =
            first.postJson(QStringLiteral("/api/v1/me/password"),
                           {{"currentPassword", kPassword}, {"newPassword", "short"}});
        QCOMPARE(weak.status, 400);
        QCOMPARE(weak.json().value("error").toObject().value("field").toString(),
                 QStringLiteral("newPassword"));
        const TestHttpResponse wrongCurrent =
            first.postJson(QStringLiteral("/api/v1/me/password"),
                           {{"currentPassword", "not it at all"}, {"newPassword", "a much better phrase 7"}});
        QCOMPARE(wrongCurrent.status, 401);
        QCOMPARE(wrongCurrent.errorCode(), QStringLiteral("invalid_credentials"));

        const TestHttpResponse changed =
            first.postJson(QStringLiteral("/api/v1/me/password"),
                           {{"currentPassword", kPassword}, {"newPassword", "a much better phrase 7"}});
        QCOMPARE(changed.status, 204);
        QCOMPARE(first.get(QStringLiteral("/api/v1/me")).status, 401);
        QCOMPARE(second.get(QStringLiteral("/api/v1/me")).status, 401);
        TestHttpClient again = client();
        QCOMPARE(again.login(QStringLiteral("jasur"), kPassword).status, 401);
        QCOMPARE(again.login(QStringLiteral("jasur"), QStringLiteral("a much better phrase 7")).status, 200);
    }

    void passwordChangeGuessesAreThrottled()
    {
        makeUser(QStringLiteral("nodira"));
        TestHttpClient c = client();
        QCOMPARE(c.login(QStringLiteral("nodira"), kPassword, QStringLiteral("device-nodira")).status, 200);
        for (int i = 0; i < 6; ++i) {
            const TestHttpResponse wrong = c.postJson(QStringLiteral("/api/v1/me/password"),
                                                      {{"currentPassword", QStringLiteral("guess %1").arg(i)},
                                                       {"newPassword", "a much better phrase 8"}});
            QCOMPARE(wrong.status, 401);
        }
        const TestHttpResponse throttled =
            c.postJson(QStringLiteral("/api/v1/me/password"),
                       {{"currentPassword", kPassword}, {"newPassword", "a much better phrase 8"}});
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.errorCode(), QStringLiteral("login_throttled"));
        QVERIFY(throttled.header("Retry-After").toInt() >= 1);
        // The session itself is untouched.
        QCOMPARE(c.get(QStringLiteral("/api/v1/me")).status, 200);
    }

    void badBodiesAreRefused()
    {
        TestHttpClient c = client();
        const TestHttpResponse big = c.request("POST", QStringLiteral("/api/v1/auth/login"),
                                               "{\"login\":\"" + QByteArray(5000, 'x') + "\"}",
                                               {{"Content-Type", "application/json"}});
        QCOMPARE(big.status, 413);
        QCOMPARE(big.errorCode(), QStringLiteral("body_too_large"));

        TestHttpClient fresh = client();
        const TestHttpResponse deep = fresh.request("POST", QStringLiteral("/api/v1/auth/login"),
                                                    nestedBody(17), {{"Content-Type", "application/json"}});
        QCOMPARE(deep.status, 400);
        QCOMPARE(deep.errorCode(), QStringLiteral("invalid_json"));
        QVERIFY(!deep.json().value("error").toObject().contains("field"));

        const TestHttpResponse unknown =
            fresh.postJson(QStringLiteral("/api/v1/auth/login"),
                           {{"login", "a"}, {"password", "b"}, {"deviceId", "device-0001"}, {"admin", true}});
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.errorCode(), QStringLiteral("unknown_field"));
        QCOMPARE(unknown.json().value("error").toObject().value("field").toString(), QStringLiteral("admin"));

        const TestHttpResponse notJson = fresh.request("POST", QStringLiteral("/api/v1/auth/login"),
                                                       "login=a", {{"Content-Type", "application/json"}});
        QCOMPARE(notJson.status, 400);
        QCOMPARE(notJson.errorCode(), QStringLiteral("invalid_json"));
        QVERIFY(!notJson.body.contains("QJson"));

        const TestHttpResponse wrongMethod = fresh.get(QStringLiteral("/api/v1/auth/login"));
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.header("Allow"), QByteArray("POST"));
        QCOMPARE(fresh.get(QStringLiteral("/api/v1/nothing")).errorCode(), QStringLiteral("not_found"));
    }

    void loginThrottlingGrowsPerAddressOnly()
    {
        makeUser(QStringLiteral("sardor"));
        TestHttpClient attacker = client();
        attacker.setDefaultHeader("X-Forwarded-For", "198.51.100.66");
        // The attacker does not know a device ID that has signed in to the account before.
        const QString attackerDevice = QStringLiteral("attacker-device-1");
        for (int i = 0; i < 6; ++i)
            QCOMPARE(
                attacker
                    .login(QStringLiteral("sardor"), QStringLiteral("guess number %1").arg(i), attackerDevice)
                    .status,
                401);
        const TestHttpResponse first =
            attacker.login(QStringLiteral("sardor"), QStringLiteral("guess six"), attackerDevice);
        QCOMPARE(first.status, 429);
        QCOMPARE(first.errorCode(), QStringLiteral("login_throttled"));
        const int firstWait = first.header("Retry-After").toInt();
        QVERIFY(firstWait >= 1);

        // The real user at the clinic (another address) is not slowed down.
        TestHttpClient clinic = client();
        clinic.setDefaultHeader("X-Forwarded-For", "203.0.113.10");
        QCOMPARE(clinic.login(QStringLiteral("sardor"), kPassword).status, 200);

        // The delay is over only after Retry-After; no signal tells us, so wait it out.
        QThread::msleep(firstWait * 1000 + 200);
        QCOMPARE(
            attacker.login(QStringLiteral("sardor"), QStringLiteral("guess seven"), attackerDevice).status,
            401);
        const TestHttpResponse second =
            attacker.login(QStringLiteral("sardor"), QStringLiteral("guess eight"), attackerDevice);
        QCOMPARE(second.status, 429);
        QVERIFY2(second.header("Retry-After").toInt() > firstWait, second.header("Retry-After").constData());
        QCOMPARE(clinic.login(QStringLiteral("sardor"), kPassword, QStringLiteral("device-again")).status,
                 200);
    }

    void anonymousRateLimit()
    {
        ServerProcess::Options options;
        options.environment.insert(QStringLiteral("MEDORA_RATE_ANON_PER_MINUTE"), QStringLiteral("1"));
        options.environment.insert(QStringLiteral("MEDORA_RATE_ANON_BURST"), QStringLiteral("3"));
        ServerProcess limited(options);
        QString error;
        QVERIFY2(limited.start(&error), qPrintable(error));
        TestHttpClient c;
        limited.configureClient(c);
        c.setDefaultHeader("X-Forwarded-For", "198.51.100.7");
        const QJsonObject bogus{{"refreshToken", "bogus"}, {"deviceId", "device-0001"}};
        for (int i = 0; i < 3; ++i)
            QCOMPARE(c.postJson(QStringLiteral("/api/v1/auth/refresh"), bogus).status, 401);
        const TestHttpResponse refused = c.postJson(QStringLiteral("/api/v1/auth/refresh"), bogus);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.errorCode(), QStringLiteral("rate_limited"));
        QVERIFY(refused.header("Retry-After").toInt() >= 1);
        // Probes are never limited; another address has its own budget.
        for (int i = 0; i < 10; ++i)
            QCOMPARE(c.get(QStringLiteral("/health")).status, 200);
        TestHttpClient other;
        limited.configureClient(other);
        other.setDefaultHeader("X-Forwarded-For", "198.51.100.8");
        QCOMPARE(other.postJson(QStringLiteral("/api/v1/auth/refresh"), bogus).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestAuthApi)
#include "tst_authapi.moc"
