#include "../fakes/FakeHttpServer.h"
#include "ServerProcess.h"
#include "api/ApiClient.h"
#include "api/AuthSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <optional>

using namespace medora;
using medora::test::FakeHttpServer;

namespace {

QJsonObject userJson()
{
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("0190a1b2-0000-7000-8000-000000000001")},
                       {QStringLiteral("clinicId"), QStringLiteral("0190a1b2-0000-7000-8000-000000000002")},
                       {QStringLiteral("clinicName"), QStringLiteral("Shifo Med")},
                       {QStringLiteral("login"), QStringLiteral("aziza")},
                       {QStringLiteral("phone"), QStringLiteral("+998901234567")},
                       {QStringLiteral("fullName"), QStringLiteral("Aziza Karimova")},
                       {QStringLiteral("role"), QStringLiteral("doctor")},
                       {QStringLiteral("mustChangePassword"), false}};
}

QJsonObject sessionJson()
{
    return QJsonObject{{QStringLiteral("accessToken"), QStringLiteral("access-1")},
                       {QStringLiteral("accessExpiresAt"), QStringLiteral("2030-01-01T10:15:00Z")},
                       {QStringLiteral("refreshToken"), QStringLiteral("refresh-1")},
                       {QStringLiteral("refreshExpiresAt"), QStringLiteral("2030-01-31T10:00:00Z")},
                       {QStringLiteral("sessionId"), QStringLiteral("0190a1b2-0000-7000-8000-000000000003")},
                       {QStringLiteral("user"), userJson()}};
}

// Runs one call and waits for its callback (the client itself never waits).
ApiClient::Response await(const std::function<void(ApiClient::Callback)> &start, int timeoutMs = 10000)
{
    std::optional<ApiClient::Response> result;
    int calls = 0;
    start([&](const ApiClient::Response &response) {
        ++calls;
        result = response;
    });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
        qWarning("no callback within %d ms", timeoutMs);
    QTest::qWait(0);
    if (calls > 1)
        qWarning("callback ran %d times", calls);
    return result.value_or(ApiClient::Response());
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void serverAddressesAreParsed_data();
    void serverAddressesAreParsed();
    void plainHttpIsRefusedWithoutTheSwitch();
    void loginSendsTheContractBody();
    void bearerTokenIsSent();
    void noContentIsSuccess();
    void errorJsonIsParsed_data();
    void errorJsonIsParsed();
    void nonJsonSuccessIsABadResponse();
    void redirectsAreNotFollowed();
    void stalledServerTimesOut();
    void declaredOversizedResponseIsRefused();
    void streamedOversizedResponseIsRefused();
    void closedPortIsOffline();
    void untrustedCertificateIsATlsFailure();
    void clinicCaCertificateIsTrusted();
    void unusableCaFileIsRefused();
    void abortReportsCancelled();
    void destroyedContextGetsNoCallback();
    void networkThreadPrintsTheBodyAndReadsTheAnswerThere();
    void networkThreadKeepsTheLimitsAndTheTrust();
    void networkThreadAbortAndShutdownAreQuiet();

private:
    QTemporaryDir m_dir;
    QString m_certificate;
    QString m_key;
};

void TestApiClient::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(ServerProcess::makeSelfSignedCertificate(m_dir.path(), &m_certificate, &m_key, &error),
             qPrintable(error));
}

void TestApiClient::serverAddressesAreParsed_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("allowHttp");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("url");
    QTest::newRow("bare host means https") << "clinic.example.uz" << false << ""
                                           << "https://clinic.example.uz";
    QTest::newRow("host and port") << " clinic.example.uz:8443 " << false << ""
                                   << "https://clinic.example.uz:8443";
    QTest::newRow("prefix keeps, slash goes") << "https://example.uz/medora/" << false << ""
                                              << "https://example.uz/medora";
    QTest::newRow("http refused") << "http://127.0.0.1:8080" << false << "insecure_url"
                                  << "";
    QTest::newRow("http with switch") << "http://127.0.0.1:8080" << true << ""
                                      << "http://127.0.0.1:8080";
    QTest::newRow("other scheme") << "ftp://clinic.example.uz" << true << "invalid_url"
                                  << "";
    QTest::newRow("credentials in url") << "https://user:pw@clinic.example.uz" << false << "invalid_url"
                                        << "";
    QTest::newRow("empty") << "  " << false << "invalid_url"
                           << "";
}

void TestApiClient::serverAddressesAreParsed()
{
    QFETCH(QString, address);
    QFETCH(bool, allowHttp);
    QFETCH(QString, code);
    QFETCH(QString, url);
    ApiClient client;
    client.setAllowInsecureHttp(allowHttp);
    const ApiError error = client.setServerAddress(address);
    QCOMPARE(error.code, code);
    QCOMPARE(error.ok(), code.isEmpty());
    QCOMPARE(client.serverUrl().toString(), url);
}

void TestApiClient::plainHttpIsRefusedWithoutTheSwitch()
{
    FakeHttpServer fake;
    QVERIFY(fake.listen());
    fake.setHandler(
        [](const FakeHttpServer::Request &) { return FakeHttpServer::Response::json(200, sessionJson()); });

    ApiClient client;
    const ApiError refused = client.setServerAddress(fake.baseUrl());
    QCOMPARE(refused.kind, ApiError::Kind::InsecureUrl);
    QVERIFY(!client.hasServer());

    // Chosen under the switch, then the switch goes off: nothing goes out in plain text.
    client.setAllowInsecureHttp(true);
    QVERIFY(client.setServerAddress(fake.baseUrl()).ok());
    client.setAllowInsecureHttp(false);
    const ApiClient::Response response = await([&](ApiClient::Callback done) {
        client.login(QStringLiteral("aziza"), QStringLiteral("secret password"), QStringLiteral("device"),
                     QString(), nullptr, done);
    });
    QVERIFY(!response.ok());
    QCOMPARE(fake.requestCount(), 0);
    QCOMPARE(client.pendingCount(), 0);
}

void TestApiClient::loginSendsTheContractBody()
{
    FakeHttpServer fake;
    QVERIFY(fake.listen());
    fake.setHandler([](const FakeHttpServer::Request &) {
        FakeHttpServer::Response response = FakeHttpServer::Response::json(200, sessionJson());
        response.addHeader("Date", "Tue, 01 Jan 2030 10:00:00 GMT");
        return response;
    });
    ApiClient client;
    client.setAllowInsecureHttp(true);
    QVERIFY(client.setServerAddress(fake.baseUrl()).ok());

    const ApiClient::Response response = await([&](ApiClient::Callback done) {
        client.login(QStringLiteral("aziza"), QStringLiteral("secret password"), QStringLiteral("device-1"),
                     QStringLiteral("Reception PC"), nullptr, done);
    });
    QVERIFY2(response.ok(), qPrintable(response.error.code + QLatin1Char(' ') + response.error.message));
    QCOMPARE(response.httpStatus, 200);
    QCOMPARE(response.serverTime, QDateTime(QDate(2030, 1, 1), QTime(10, 0), Qt::UTC));

    QCOMPARE(fake.requestCount(), 1);
    const FakeHttpServer::Request request = fake.requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/api/v1/auth/login"));
    QVERIFY(request.header("content-type").startsWith("application/json"));
    QVERIFY(request.header("authorization").isEmpty());
    const QJsonObject body = request.json();
    QCOMPARE(body.size(), 4);
    QCOMPARE(body.value(QStringLiteral("login")).toString(), QStringLiteral("aziza"));
    QCOMPARE(body.value(QStringLiteral("password")).toString(), QStringLiteral("secret password"));
    QCOMPARE(body.value(QStringLiteral("deviceId")).toString(), QStringLiteral("device-1"));
    QCOMPARE(body.value(QStringLiteral("deviceName")).toString(), QStringLiteral("Reception PC"));

    const std::optional<AuthSession> session = AuthSession::fromJson(response.json);
    QVERIFY(session);
    QCOMPARE(session->accessToken, QByteArray("access-1"));
    QCOMPARE(session->refreshToken, QByteArray("refresh-1"));
    QCOMPARE(session->accessExpiresAt, QDateTime(QDate(2030, 1, 1), QTime(10, 15), Qt::UTC));
    QCOMPARE(session->user.fullName, QStringLiteral("Aziza Karimova"));
    QCOMPARE(session->user.clinicName, QStringLiteral("Shifo Med"));
    QCOMPARE(session->user.role, QStringLiteral("doctor"));
    QVERIFY(!session->user.mustChangePassword);

    // A session answer without its refresh token is not a session.
    QJsonObject broken = sessionJson();
    broken.remove(QStringLiteral("refreshToken"));
    QVERIFY(!AuthSession::fromJson(broken));
}

void TestApiClient::bearerTokenIsSent()
{
    FakeHttpServer fake;
    QVERIFY(fake.listen());
    fake.setHandler([](const FakeHttpServer::Request &) {
        return FakeHttpServer::Response::json(200, QJsonObject{{QStringLiteral("user"), userJson()}});
    });
    ApiClient client;
    client.setAllowInsecureHttp(true);
    QVERIFY(client.setServerAddress(fake.baseUrl() + QStringLiteral("/prefix/")).ok());
    const ApiClient::Response response =
        await([&](ApiClient::Callback done) { client.me("token-abc", nullptr, done); });
    QVERIFY(response.ok());
    QCOMPARE(response.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("login")).toString(),
             QStringLiteral("aziza"));
    const FakeHttpServer::Request request = fake.requests().value(0);
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.path, QByteArray("/prefix/api/v1/me"));
    QCOMPARE(request.bearerToken(), QByteArray("token-abc"));
}

void TestApiClient::noContentIsSuccess()
{
    FakeHttpServer fake;
    QVERIFY(fake.listen());
    fake.setHandler([](const FakeHttpServer::Request &) { return FakeHttpServer::Response::noContent(); });
    ApiClient client;
    client.setAllowInsecureHttp(true);
    QVERIFY(client.setServerAddress(fake.baseUrl()).ok());
    const ApiClient::Response response =
        await([&](ApiClient::Callback done) { client.logout("token-abc", nullptr, done); });
    QVERIFY(response.ok());
    QCOMPARE(response.httpStatus, 204);
    QVERIFY(response.json.isEmpty());
    QCOMPARE(fake.requests().value(0).path, QByteArray("/api/v1/auth/logout"));
    QCOMPARE(fake.requests().value(0).method, QByteArray("POST"));
}

void TestApiClient::errorJsonIsParsed_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("retryAfterSeconds");

    QTest::newRow("invalid_credentials")
        << 401
        << QByteArray(R"({"error":{"code":"invalid_credentials","message":"Wrong login or password"}})")
        << QByteArray() << "invalid_credentials"
        << "" << -1;
    QTest::newRow("login_throttled")
        << 429 << QByteArray(R"({"error":{"code":"login_throttled","message":"Too many attempts"}})")
        << QByteArray("42") << "login_throttled"
        << "" << 42;
    QTest::newRow("field error")
        << 400
        << QByteArray(
               R"({"error":{"code":"password_too_short","message":"Too short","field":"newPassword"}})")
        << QByteArray() << "password_too_short"
        << "newPassword" << -1;
    QTest::newRow("busy") << 503 << QByteArray(R"({"error":{"code":"busy","message":"Busy"}})")
                          << QByteArray("3") << "busy"
                          << "" << 3;
    QTest::newRow("proxy page") << 502 << QByteArray("<html>Bad Gateway</html>") << QByteArray() << "http_502"
                                << "" << -1;
    QTest::newRow("error without code")
        << 500 << QByteArray(R"({"error":{"message":"x"}})") << QByteArray() << "http_500"
        << "" << -1;
}

void TestApiClient::errorJsonIsParsed()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QFETCH(int, retryAfterSeconds);

    FakeHttpServer fake;
    QVERIFY(fake.listen());
    fake.setHandler([&](const FakeHttpServer::Request &) {
        FakeHttpServer::Response response;
        response.status = status;
        response.body = body;
        response.addHeader("Content-Type", "application/json");
        if (!retryAfter.isEmpty())
            response.addHeader("Retry-After", retryAfter);
        return response;
    });
    ApiClient client;
    client.setAllowInsecureHttp(true);
    QVERIFY(client.setServerAddress(fake.baseUrl()).ok());
    const ApiClient::Response response = await([&](ApiClient::Callback done) {
        client.login(QStringLiteral("aziza"), QStringLiteral("x"), QStringLiteral("d"), QString(), nullptr,
                     done);
    });
    QVERIFY(!response.ok());
    QCOMPARE(response.error.kind, ApiError::Kind::Server);
    QCOMPARE(response.error.httpStatus, status);
    QCOMPARE(response.error.code, code);
    QCOMPARE(response.error.field, field);
    QCOMPARE(response.error.retryAfterSeconds, retryAfterSeconds);
    QVERIFY(!response.error.isNetworkFailure());
}

void TestApiClient::nonJsonSuccessIsABadResponse()
{
    FakeHttpServer fake;
    QVERIFY(fake.listen());
    fake.setHandler([](const FakeHttpServer::Request &) {
        FakeHttpServer::Response response;
        response.body = "[1,2,3]";
        return response;
    });
    ApiClient client;
    client.setAllowInsecureHttp(true);
    QVERIFY(client.setServerAddress(fake.baseUrl()).ok());
    const ApiClient::Response response =
        await([&](ApiClient::Callback done) { client.me("t", nullptr, done); });
    QCOMPARE(response.error.kind, ApiError::Kind::BadResponse);
    QCOMPARE(response.error.code, ApiError::badResponseCode());
}

void TestApiClient::redirectsAreNotFollowed()
{
    FakeHttpServer fake;
    QVERIFY(fake.listen());
    FakeHttpServer elsewhere;
    QVERIFY(elsewhere.listen());
    fake.setHandler([&](const FakeHttpServer::Request &) {
        FakeHttpServer::Response response;
        response.status = 307;
        response.addHeader("Location", (elsewhere.baseUrl() + QStringLiteral("/api/v1/me")).toUtf8());
        return response;
    });
    ApiClient client;
    client.setAllowInsecureHttp(true);
    QVERIFY(client.setServerAddress(fake.baseUrl()).ok());
    const ApiClient::Response response =
        await([&](ApiClient::Callback done) { client.me("secret-token", nullptr, done); });
    QVERIFY(!response.ok());
    QCOMPARE(response.error.httpStatus, 307);
    QCOMPARE(elsewhere.requestCount(), 0); // the token went nowhere else
}

void TestApiClient::stalledServerTimesOut()
{
    FakeHttpServer fake;
    QVERIFY(fake.listen());
    fake.setHandler([](const FakeHttpServer::Request &) { return FakeHttpServer::Response::silence(); });
    ApiClient client;
    client.setAllowInsecureHttp(true);
    client.setTransferTimeout(400);
    QVERIFY(client.setServerAddress(fake.baseUrl()).ok());
    QElapsedTimer timer;
    timer.start();
    const ApiClient::Response response =
        await([&](ApiClient::Callback done) { client.me("t", nullptr, done); });
    QCOMPARE(response.error.kind, ApiError::Kind::Timeout);
    QCOMPARE(response.error.code, ApiError::timeoutCode());
    QVERIFY(response.error.isNetworkFailure());
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(fake.requestCount(), 1);
}

void TestApiClient::declaredOversizedResponseIsRefused()
{
    FakeHttpServer fake;
    QVERIFY(fake.listen());
    fake.setHandler([](const FakeHttpServer::Request &) {
        QJsonArray padding;
        for (int i = 0; i < 2000; ++i)
            padding.append(QStringLiteral("padding padding padding"));
        return FakeHttpServer::Response::json(200, QJsonObject{{QStringLiteral("items"), padding}});
    });
    ApiClient client;
    client.setAllowInsecureHttp(true);
    client.setMaxResponseBytes(4096);
    QVERIFY(client.setServerAddress(fake.baseUrl()).ok());
    const ApiClient::Response response =
        await([&](ApiClient::Callback done) { client.me("t", nullptr, done); });
    QCOMPARE(response.error.kind, ApiError::Kind::TooLarge);
    QCOMPARE(response.error.code, ApiError::tooLargeCode());
    QVERIFY(response.json.isEmpty());
}

void TestApiClient::streamedOversizedResponseIsRefused()
{
    FakeHttpServer fake;
    QVERIFY(fake.listen());
    fake.setHandler([](const FakeHttpServer::Request &) {
        FakeHttpServer::Response response;
        response.omitContentLength = true;
        response.body = "{\"pad\":\"" + QByteArray(256 * 1024, 'x') + "\"}";
        return response;
    });
    ApiClient client;
    client.setAllowInsecureHttp(true);
    client.setMaxResponseBytes(8192);
    QVERIFY(client.setServerAddress(fake.baseUrl()).ok());
    const ApiClient::Response response =
        await([&](ApiClient::Callback done) { client.me("t", nullptr, done); });
    QCOMPARE(response.error.kind, ApiError::Kind::TooLarge);

    // The same answer within a larger limit is accepted: the limit, not the framing, refused it.
    client.setMaxResponseBytes(1024 * 1024);
    const ApiClient::Response accepted =
        await([&](ApiClient::Callback done) { client.me("t", nullptr, done); });
    QVERIFY2(accepted.ok(), qPrintable(accepted.error.code));
    QCOMPARE(accepted.json.value(QStringLiteral("pad")).toString().size(), 256 * 1024);
}

void TestApiClient::closedPortIsOffline()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    ApiClient client;
    client.setAllowInsecureHttp(true);
    QVERIFY(client.setServerAddress(QStringLiteral("http://127.0.0.1:%1").arg(port)).ok());
    const ApiClient::Response response =
        await([&](ApiClient::Callback done) { client.me("t", nullptr, done); });
    QCOMPARE(response.error.kind, ApiError::Kind::Offline);
    QCOMPARE(response.error.code, ApiError::offlineCode());
    QCOMPARE(response.error.httpStatus, 0);
}

void TestApiClient::untrustedCertificateIsATlsFailure()
{
    FakeHttpServer fake;
    QVERIFY(fake.listenTls(m_certificate, m_key));
    fake.setHandler([](const FakeHttpServer::Request &) {
        return FakeHttpServer::Response::json(200, QJsonObject{{QStringLiteral("user"), userJson()}});
    });
    ApiClient client;
    QVERIFY(client.setServerAddress(fake.baseUrl()).ok());
    const ApiClient::Response response =
        await([&](ApiClient::Callback done) { client.me("secret-token", nullptr, done); });
    QCOMPARE(response.error.kind, ApiError::Kind::Tls);
    QCOMPARE(response.error.code, ApiError::tlsCode());
    QVERIFY(!response.error.message.isEmpty());
    QCOMPARE(fake.requestCount(), 0); // the token never left the client
}

void TestApiClient::clinicCaCertificateIsTrusted()
{
    FakeHttpServer fake;
    QVERIFY(fake.listenTls(m_certificate, m_key));
    fake.setHandler([](const FakeHttpServer::Request &) {
        return FakeHttpServer::Response::json(200, QJsonObject{{QStringLiteral("user"), userJson()}});
    });
    ApiClient client;
    QString error;
    QVERIFY2(client.setCaCertificateFile(m_certificate, &error), qPrintable(error));
    QCOMPARE(client.caCertificateFile(), m_certificate);
    QVERIFY(client.setServerAddress(fake.baseUrl()).ok());
    const ApiClient::Response response =
        await([&](ApiClient::Callback done) { client.me("secret-token", nullptr, done); });
    QVERIFY2(response.ok(), qPrintable(response.error.code + QLatin1Char(' ') + response.error.message));
    QCOMPARE(fake.requests().value(0).bearerToken(), QByteArray("secret-token"));

    // The certificate names localhost and 127.0.0.1 only: another name for the same server fails.
    QVERIFY(client.setServerAddress(QStringLiteral("https://127.0.0.2:%1").arg(fake.port())).ok());
    const ApiClient::Response wrongName =
        await([&](ApiClient::Callback done) { client.me("secret-token", nullptr, done); });
    QVERIFY(!wrongName.ok());
    QVERIFY(wrongName.error.kind == ApiError::Kind::Tls || wrongName.error.kind == ApiError::Kind::Offline);
    QCOMPARE(fake.requestCount(), 1);
}

void TestApiClient::unusableCaFileIsRefused()
{
    ApiClient client;
    QString error;
    QVERIFY(!client.setCaCertificateFile(m_dir.filePath(QStringLiteral("missing.pem")), &error));
    QVERIFY(error.contains(QStringLiteral("missing.pem")));
    QVERIFY(!client.setCaCertificateFile(m_key, &error)); // a key is not a certificate
    QVERIFY(!error.isEmpty());
    QVERIFY(client.caCertificateFile().isEmpty());
}

void TestApiClient::abortReportsCancelled()
{
    FakeHttpServer fake;
    QVERIFY(fake.listen());
    fake.setHandler([](const FakeHttpServer::Request &) { return FakeHttpServer::Response::silence(); });
    ApiClient client;
    client.setAllowInsecureHttp(true);
    QVERIFY(client.setServerAddress(fake.baseUrl()).ok());
    const ApiClient::Response response = await([&](ApiClient::Callback done) {
        const quint64 id = client.me("t", nullptr, done);
        QTimer::singleShot(50, &client, [&client, id] { client.abort(id); });
    });
    QCOMPARE(response.error.kind, ApiError::Kind::Cancelled);
    QCOMPARE(client.pendingCount(), 0);
}

void TestApiClient::destroyedContextGetsNoCallback()
{
    FakeHttpServer fake;
    QVERIFY(fake.listen());
    fake.setHandler([](const FakeHttpServer::Request &) {
        return FakeHttpServer::Response::json(200, QJsonObject{{QStringLiteral("user"), userJson()}});
    });
    ApiClient client;
    client.setAllowInsecureHttp(true);
    QVERIFY(client.setServerAddress(fake.baseUrl()).ok());
    bool called = false;
    auto *context = new QObject;
    client.me("t", context, [&](const ApiClient::Response &) { called = true; });
    delete context;
    QVERIFY(QTest::qWaitFor([&] { return client.pendingCount() == 0; }, 10000));
    QCOMPARE(fake.requestCount(), 1);
    QVERIFY(!called);

    // With the context alive the same call reports.
    QObject alive;
    client.me("t", &alive, [&](const ApiClient::Response &) { called = true; });
    QTRY_VERIFY_WITH_TIMEOUT(called, 10000);
}

namespace {

ApiClient::RequestOptions onNetworkThread()
{
    ApiClient::RequestOptions options;
    options.networkThread = true;
    options.rawBody = true;
    return options;
}

} // namespace

void TestApiClient::networkThreadPrintsTheBodyAndReadsTheAnswerThere()
{
    FakeHttpServer fake;
    QVERIFY(fake.listen());
    int status = 200;
    fake.setHandler([&](const FakeHttpServer::Request &request) {
        FakeHttpServer::Response response;
        response.status = status;
        response.body = status == 200 ? "{\"echo\":" + request.body + "}"
                                      : QByteArray("{\"error\":{\"code\":\"busy\",\"message\":\"later\"}}");
        response.addHeader("Content-Type", "application/json");
        return response;
    });
    ApiClient client;
    client.setAllowInsecureHttp(true);
    QVERIFY(client.setServerAddress(fake.baseUrl()).ok());

    QThread *const windowThread = QThread::currentThread();
    QThread *printedOn = nullptr;
    QThread *readOn = nullptr;
    QByteArray read;
    int reads = 0;
    ApiClient::RequestOptions options = onNetworkThread();
    options.printBody = [&] {
        printedOn = QThread::currentThread();
        return QByteArray("{\"ops\":[1,2,3]}");
    };
    options.readBody = [&](const QByteArray &body) {
        readOn = QThread::currentThread();
        read = body;
        ++reads;
    };
    const ApiClient::Response response = await([&](ApiClient::Callback done) {
        client.send("POST", QStringLiteral("sync/push"), nullptr, "t", options, nullptr, done);
    });
    QVERIFY2(response.ok(), qPrintable(response.error.code));
    QCOMPARE(response.httpStatus, 200);
    QCOMPARE(fake.requests().value(0).body, QByteArray("{\"ops\":[1,2,3]}"));
    QCOMPARE(fake.requests().value(0).bearerToken(), QByteArray("t"));
    QVERIFY(printedOn && printedOn != windowThread);
    QVERIFY(readOn && readOn == printedOn);
    QCOMPARE(read, QByteArray("{\"echo\":{\"ops\":[1,2,3]}}"));
    QCOMPARE(response.body, read);
    QCOMPARE(reads, 1);

    // An error answer is judged as ever and never handed to readBody.
    status = 503;
    const ApiClient::Response refused = await([&](ApiClient::Callback done) {
        client.send("POST", QStringLiteral("sync/push"), nullptr, "t", options, nullptr, done);
    });
    QCOMPARE(refused.error.kind, ApiError::Kind::Server);
    QCOMPARE(refused.error.httpStatus, 503);
    QCOMPARE(refused.error.code, QStringLiteral("busy"));
    QCOMPARE(reads, 1);
    QCOMPARE(client.pendingCount(), 0);
}

void TestApiClient::networkThreadKeepsTheLimitsAndTheTrust()
{
    {
        FakeHttpServer fake;
        QVERIFY(fake.listen());
        fake.setHandler([](const FakeHttpServer::Request &) {
            FakeHttpServer::Response response;
            response.omitContentLength = true;
            response.body = "{\"pad\":\"" + QByteArray(256 * 1024, 'x') + "\"}";
            return response;
        });
        ApiClient client;
        client.setAllowInsecureHttp(true);
        QVERIFY(client.setServerAddress(fake.baseUrl()).ok());
        ApiClient::RequestOptions options = onNetworkThread();
        options.maxResponseBytes = 8192;
        const ApiClient::Response tooLarge = await([&](ApiClient::Callback done) {
            client.send("GET", QStringLiteral("sync/pull"), nullptr, "t", options, nullptr, done);
        });
        QCOMPARE(tooLarge.error.kind, ApiError::Kind::TooLarge);
        options.maxResponseBytes = 1024 * 1024;
        const ApiClient::Response accepted = await([&](ApiClient::Callback done) {
            client.send("GET", QStringLiteral("sync/pull"), nullptr, "t", options, nullptr, done);
        });
        QVERIFY2(accepted.ok(), qPrintable(accepted.error.code));
        QCOMPARE(accepted.body.size(), 256 * 1024 + 10);
        QCOMPARE(fake.requests().value(1).method, QByteArray("GET"));
    }
    FakeHttpServer fake;
    QVERIFY(fake.listenTls(m_certificate, m_key));
    fake.setHandler([](const FakeHttpServer::Request &) {
        return FakeHttpServer::Response::json(200, QJsonObject{{QStringLiteral("user"), userJson()}});
    });
    ApiClient client;
    QVERIFY(client.setServerAddress(fake.baseUrl()).ok());
    const ApiClient::Response untrusted = await([&](ApiClient::Callback done) {
        client.send("GET", QStringLiteral("me"), nullptr, "secret-token", onNetworkThread(), nullptr, done);
    });
    QCOMPARE(untrusted.error.kind, ApiError::Kind::Tls);
    QCOMPARE(fake.requestCount(), 0); // the token never left the client
    QString error;
    QVERIFY2(client.setCaCertificateFile(m_certificate, &error), qPrintable(error));
    const ApiClient::Response trusted = await([&](ApiClient::Callback done) {
        client.send("GET", QStringLiteral("me"), nullptr, "secret-token", onNetworkThread(), nullptr, done);
    });
    QVERIFY2(trusted.ok(), qPrintable(trusted.error.code + QLatin1Char(' ') + trusted.error.message));
    QCOMPARE(fake.requests().value(0).bearerToken(), QByteArray("secret-token"));
}

void TestApiClient::networkThreadAbortAndShutdownAreQuiet()
{
    FakeHttpServer fake;
    QVERIFY(fake.listen());
    fake.setHandler([](const FakeHttpServer::Request &) { return FakeHttpServer::Response::silence(); });
    auto client = std::make_unique<ApiClient>();
    client->setAllowInsecureHttp(true);
    QVERIFY(client->setServerAddress(fake.baseUrl()).ok());
    const ApiClient::Response response = await([&](ApiClient::Callback done) {
        const quint64 id =
            client->send("GET", QStringLiteral("me"), nullptr, "t", onNetworkThread(), nullptr, done);
        QTimer::singleShot(50, client.get(), [&client, id] { client->abort(id); });
    });
    QCOMPARE(response.error.kind, ApiError::Kind::Cancelled);
    QCOMPARE(client->pendingCount(), 0);

    // A client destroyed with a transfer running ends it without calling back.
    bool called = false;
    client->send("GET", QStringLiteral("me"), nullptr, "t", onNetworkThread(), nullptr,
                 [&](const ApiClient::Response &) { called = true; });
    QTRY_COMPARE_WITH_TIMEOUT(fake.requestCount(), 2, 10000);
    client.reset();
    QTest::qWait(50);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
