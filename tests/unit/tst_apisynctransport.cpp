#include "../fakes/FakeHttpServer.h"
#include "MemorySecretStore.h"
#include "api/ApiClient.h"
#include "domain/EntityJson.h"
#include "domain/PatientNumber.h"
#include "domain/UuidV7.h"
#include "session/SessionManager.h"
#include "sync/ApiSyncTransport.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QUrlQuery>
#include <QtTest>

#include <optional>

using namespace medora;
using medora::test::FakeHttpServer;

namespace {

constexpr int kWaitMs = 10000;

QJsonObject patientData(int sequence, const QString &notes = QString())
{
    Patient patient;
    patient.number = PatientNumber::format(QStringLiteral("KQX"), sequence);
    patient.lastName = QStringLiteral("Karimov");
    patient.firstName = QStringLiteral("Alisher");
    patient.notes = notes;
    patient.createdAt = QDateTime::currentDateTimeUtc();
    patient.createdBy = QStringLiteral("aziza");
    return EntityJson::toJson(patient);
}

SyncRecord patientRecord(qint64 sequence, const QString &notes = QString())
{
    SyncRecord record;
    record.entity = EntityKind::Patient;
    record.id = UuidV7::generate();
    record.revision = 1;
    record.sequence = sequence;
    record.updatedAt = QStringLiteral("2026-11-28T06:00:00.000Z");
    record.updatedBy = QStringLiteral("0190a1b2-0000-7000-8000-000000000001");
    record.data = patientData(int(sequence), notes);
    return record;
}

} // namespace

// ApiSyncTransport against a scripted HTTP server: what goes on the wire, how answers are
// decoded and refused, per-call timeouts and size limits, cancellation, and the session's
// token refresh underneath.
class TestApiSyncTransport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void pullAsksWithCursorLimitAndWaitAndDecodesThePage();
    void pushSendsTheOpsAndMatchesTheResults();
    void largePageIsAcceptedUpToTheSyncLimit();
    void malformedAnswersAreBadResponses();
    void serverErrorsKeepTheirCode();
    void longPollOutlastsTheTransferTimeout();
    void cancelAllDropsCallsInFlight();
    void staleTokenIsRefreshedAndTheCallRepeated();
    void withoutSessionTheAnswerIsNotSignedIn();
    void availabilityFollowsTheSession();

private:
    bool signIn();

    FakeHttpServer::Response answer(const FakeHttpServer::Request &request);

    std::unique_ptr<FakeHttpServer> m_http;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_session;
    std::unique_ptr<ApiSyncTransport> m_transport;

    int m_issued = 0;
    QByteArray m_accessToken;
    int m_refuseTokens = 0; // answers 401 to this many sync calls
    std::function<FakeHttpServer::Response(const FakeHttpServer::Request &)> m_sync;
};

void TestApiSyncTransport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_apisynctransport"));
    QSettings().clear();
}

void TestApiSyncTransport::init()
{
    m_issued = 0;
    m_refuseTokens = 0;
    m_sync = nullptr;
    m_http = std::make_unique<FakeHttpServer>();
    m_http->setHandler([this](const FakeHttpServer::Request &request) { return answer(request); });
    QVERIFY(m_http->listen());
    m_secrets = std::make_unique<MemorySecretStore>();
    m_api = std::make_unique<ApiClient>();
    m_api->setAllowInsecureHttp(true);
    m_session = std::make_unique<SessionManager>(*m_api, *m_secrets);
    QVERIFY(m_session->setServerAddress(m_http->baseUrl()).ok());
    m_transport = std::make_unique<ApiSyncTransport>(*m_session);
}

void TestApiSyncTransport::cleanup()
{
    m_transport.reset();
    m_session.reset();
    m_api.reset();
    m_secrets.reset();
    m_http.reset();
}

FakeHttpServer::Response TestApiSyncTransport::answer(const FakeHttpServer::Request &request)
{
    using Response = FakeHttpServer::Response;
    if (request.path == "/api/v1/auth/login" || request.path == "/api/v1/auth/refresh") {
        ++m_issued;
        m_accessToken = "access-" + QByteArray::number(m_issued);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QJsonObject user{
            {QStringLiteral("id"), QStringLiteral("0190a1b2-0000-7000-8000-000000000001")},
            {QStringLiteral("clinicId"), QStringLiteral("0190a1b2-0000-7000-8000-000000000002")},
            {QStringLiteral("clinicName"), QStringLiteral("Shifo Med")},
            {QStringLiteral("login"), QStringLiteral("aziza")},
            {QStringLiteral("fullName"), QStringLiteral("Aziza Karimova")},
            {QStringLiteral("role"), QStringLiteral("doctor")},
            {QStringLiteral("mustChangePassword"), false}};
        return Response::json(
            200,
            QJsonObject{{QStringLiteral("accessToken"), QString::fromLatin1(m_accessToken)},
                        {QStringLiteral("accessExpiresAt"), now.addSecs(900).toString(Qt::ISODateWithMs)},
                        {QStringLiteral("refreshToken"), QStringLiteral("refresh-%1").arg(m_issued)},
                        {QStringLiteral("refreshExpiresAt"), now.addDays(30).toString(Qt::ISODateWithMs)},
                        {QStringLiteral("sessionId"), QStringLiteral("session-1")},
                        {QStringLiteral("user"), user}});
    }
    if (request.bearerToken() != m_accessToken || m_refuseTokens > 0) {
        if (m_refuseTokens > 0)
            --m_refuseTokens;
        return Response::error(401, QStringLiteral("invalid_token"));
    }
    if (request.path.startsWith("/api/v1/sync/") && m_sync)
        return m_sync(request);
    return Response::error(404, QStringLiteral("not_found"));
}

bool TestApiSyncTransport::signIn()
{
    QSignalSpy signedIn(m_session.get(), &SessionManager::signedIn);
    m_session->signIn(QStringLiteral("aziza"), QStringLiteral("secret password"));
    return signedIn.wait(kWaitMs) && m_transport->isAvailable();
}

void TestApiSyncTransport::pullAsksWithCursorLimitAndWaitAndDecodesThePage()
{
    QVERIFY(!m_transport->isAvailable());
    QVERIFY(signIn());
    PullPage served;
    served.changes = {patientRecord(41), patientRecord(42)};
    served.next = 42;
    served.hasMore = true;
    served.serverSequence = 99;
    served.databaseId = QStringLiteral("0123456789abcdef0123456789abcdef");
    m_sync = [&](const FakeHttpServer::Request &) {
        FakeHttpServer::Response response;
        response.body = SyncProtocol::encodePullPage(served);
        response.addHeader("Content-Type", "application/json");
        return response;
    };

    std::optional<std::pair<ApiError, PullPage>> result;
    m_transport->pull(40, 1000, 20, this, [&](const ApiError &error, const PullPage &page) {
        result = std::make_pair(error, page);
    });
    QVERIFY(!result); // never before the call returns
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    QVERIFY2(result->first.ok(), qPrintable(result->first.message));
    const PullPage &page = result->second;
    QCOMPARE(page.changes.size(), 2);
    QCOMPARE(page.changes[1].id, served.changes[1].id);
    QCOMPARE(page.changes[1].data, served.changes[1].data);
    QCOMPARE(page.next, 42);
    QVERIFY(page.hasMore);
    QCOMPARE(page.databaseId, served.databaseId);

    const FakeHttpServer::Request request = m_http->requests().back();
    QCOMPARE(request.method, QByteArray("GET"));
    const QUrl url(QString::fromLatin1(request.path));
    QCOMPARE(url.path(), QStringLiteral("/api/v1/sync/pull"));
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(QStringLiteral("after")), QStringLiteral("40"));
    QCOMPARE(query.queryItemValue(QStringLiteral("limit")), QStringLiteral("1000"));
    QCOMPARE(query.queryItemValue(QStringLiteral("wait")), QStringLiteral("20"));
    QCOMPARE(request.bearerToken(), m_accessToken);

    // Out-of-range arguments are brought into the protocol's bounds; no wait, no parameter.
    result.reset();
    m_transport->pull(-3, 5000, 0, this, [&](const ApiError &error, const PullPage &page) {
        result = std::make_pair(error, page);
    });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    const QUrlQuery second(QUrl(QString::fromLatin1(m_http->requests().back().path)));
    QCOMPARE(second.queryItemValue(QStringLiteral("after")), QStringLiteral("0"));
    QCOMPARE(second.queryItemValue(QStringLiteral("limit")), QString::number(SyncProtocol::kMaxPullLimit));
    QVERIFY(!second.hasQueryItem(QStringLiteral("wait")));
}

void TestApiSyncTransport::pushSendsTheOpsAndMatchesTheResults()
{
    QVERIFY(signIn());
    PushRequest request;
    for (int i = 0; i < 3; ++i) {
        PushOperation op;
        op.opId = UuidV7::generate();
        op.id = UuidV7::generate();
        op.data = patientData(i + 1);
        op.changedFields = EntityJson::patientMergeFields();
        request.ops.append(op);
    }
    QJsonObject received;
    bool swapResults = false;
    m_sync = [&](const FakeHttpServer::Request &http) {
        received = http.json();
        PushRequest decoded;
        FieldErrors errors;
        SyncProtocol::decodePushRequest(http.body, &decoded, &errors);
        PushResponse response;
        for (const PushOperation &op : decoded.ops) {
            PushResult result;
            result.opId = op.opId;
            result.status = PushStatus::Applied;
            result.revision = 1;
            result.sequence = response.results.size() + 1;
            result.hasRecord = true;
            result.record = patientRecord(result.sequence);
            result.record.id = op.id;
            response.results.append(result);
        }
        if (swapResults)
            std::swap(response.results[0], response.results[1]);
        response.serverSequence = 3;
        FakeHttpServer::Response answer;
        answer.body = SyncProtocol::encodePushResponse(response);
        answer.addHeader("Content-Type", "application/json");
        return answer;
    };

    std::optional<std::pair<ApiError, PushResponse>> result;
    m_transport->setDeviceId(QStringLiteral("pc-test-1"));
    m_transport->push(request, this, [&](const ApiError &error, const PushResponse &response) {
        result = std::make_pair(error, response);
    });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    QVERIFY2(result->first.ok(), qPrintable(result->first.message));
    QCOMPARE(result->second.results.size(), 3);
    QCOMPARE(result->second.results[2].opId, request.ops[2].opId);
    QCOMPARE(received.value(QStringLiteral("deviceId")).toString(), QStringLiteral("pc-test-1"));
    QCOMPARE(received.value(QStringLiteral("ops")).toArray().size(), 3);
    const FakeHttpServer::Request http = m_http->requests().back();
    QCOMPARE(http.method, QByteArray("POST"));
    QCOMPARE(http.path, QByteArray("/api/v1/sync/push"));

    // Results that do not line up with the ops cannot be applied to the outbox.
    swapResults = true;
    result.reset();
    m_transport->push(request, this, [&](const ApiError &error, const PushResponse &response) {
        result = std::make_pair(error, response);
    });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    QCOMPARE(result->first.kind, ApiError::Kind::BadResponse);
    QVERIFY(result->second.results.isEmpty());
}

void TestApiSyncTransport::largePageIsAcceptedUpToTheSyncLimit()
{
    QVERIFY(signIn());
    // 1000 patients with 3000 characters of Cyrillic notes: about 6 MiB, over the API
    // client's 4 MiB default and under the sync limit.
    PullPage served;
    const QString notes = QString(3000, QChar(0x0416));
    for (int i = 1; i <= 1000; ++i)
        served.changes.append(patientRecord(i, notes));
    served.next = 1000;
    served.databaseId = QStringLiteral("0123456789abcdef0123456789abcdef");
    const QByteArray body = SyncProtocol::encodePullPage(served);
    QVERIFY(body.size() > ApiClient::kDefaultMaxResponseBytes);
    QVERIFY(body.size() < ApiSyncTransport::kMaxPullResponseBytes);
    bool tooLarge = false;
    m_sync = [&](const FakeHttpServer::Request &) {
        FakeHttpServer::Response response;
        response.body = tooLarge ? QByteArray(ApiSyncTransport::kMaxPullResponseBytes + 1, ' ') : body;
        response.addHeader("Content-Type", "application/json");
        return response;
    };
    std::optional<std::pair<ApiError, PullPage>> result;
    m_transport->pull(0, 1000, 0, this, [&](const ApiError &error, const PullPage &page) {
        result = std::make_pair(error, page);
    });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    QVERIFY2(result->first.ok(), qPrintable(result->first.message));
    QCOMPARE(result->second.changes.size(), 1000);

    tooLarge = true;
    result.reset();
    m_transport->pull(0, 1000, 0, this, [&](const ApiError &error, const PullPage &page) {
        result = std::make_pair(error, page);
    });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    QCOMPARE(result->first.kind, ApiError::Kind::TooLarge);
}

void TestApiSyncTransport::malformedAnswersAreBadResponses()
{
    QVERIFY(signIn());
    QByteArray body;
    m_sync = [&](const FakeHttpServer::Request &) {
        FakeHttpServer::Response response;
        response.body = body;
        response.addHeader("Content-Type", "application/json");
        return response;
    };
    const QList<QByteArray> bodies{
        "{\"changes\":\"none\",\"next\":1,\"hasMore\":false}",
        "{\"changes\":[{\"entity\":\"spaceship\"}],\"next\":1,\"hasMore\":false}",
        "[1,2,3]",
    };
    for (const QByteArray &malformed : bodies) {
        body = malformed;
        std::optional<ApiError> error;
        m_transport->pull(0, 10, 0, this, [&](const ApiError &e, const PullPage &) { error = e; });
        QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), kWaitMs);
        QCOMPARE(error->kind, ApiError::Kind::BadResponse);
        QCOMPARE(error->code, ApiError::badResponseCode());
    }
}

void TestApiSyncTransport::serverErrorsKeepTheirCode()
{
    QVERIFY(signIn());
    m_sync = [](const FakeHttpServer::Request &) {
        return FakeHttpServer::Response::error(410, QStringLiteral("resync_required"));
    };
    std::optional<ApiError> error;
    m_transport->pull(7, 10, 0, this, [&](const ApiError &e, const PullPage &) { error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), kWaitMs);
    QCOMPARE(error->kind, ApiError::Kind::Server);
    QCOMPARE(error->httpStatus, 410);
    QCOMPARE(error->code, QStringLiteral("resync_required"));

    m_sync = [](const FakeHttpServer::Request &) {
        FakeHttpServer::Response response = FakeHttpServer::Response::error(503, QStringLiteral("busy"));
        response.addHeader("Retry-After", "7");
        return response;
    };
    error.reset();
    m_transport->push(PushRequest(), this, [&](const ApiError &e, const PushResponse &) { error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), kWaitMs);
    QCOMPARE(error->httpStatus, 503);
    QCOMPARE(error->retryAfterSeconds, 7);
}

void TestApiSyncTransport::longPollOutlastsTheTransferTimeout()
{
    QVERIFY(signIn());
    m_api->setTransferTimeout(300);
    m_sync = [](const FakeHttpServer::Request &) { return FakeHttpServer::Response::silence(); };

    std::optional<ApiError> plain;
    m_transport->pull(0, 10, 0, this, [&](const ApiError &e, const PullPage &) { plain = e; });
    QTRY_VERIFY_WITH_TIMEOUT(plain.has_value(), kWaitMs);
    QCOMPARE(plain->kind, ApiError::Kind::Timeout);

    // A long poll of 1 s is given 1 s plus the margin, not the 300 ms of other calls.
    std::optional<ApiError> longPoll;
    m_transport->pull(0, 10, 1, this, [&](const ApiError &e, const PullPage &) { longPoll = e; });
    QTest::qWait(1300);
    QVERIFY(!longPoll.has_value());
    QCOMPARE(m_transport->callsInFlight(), 1);
    m_transport->cancelAll();
}

void TestApiSyncTransport::cancelAllDropsCallsInFlight()
{
    QVERIFY(signIn());
    m_sync = [](const FakeHttpServer::Request &) { return FakeHttpServer::Response::silence(); };
    int answers = 0;
    m_transport->pull(0, 10, 20, this, [&](const ApiError &, const PullPage &) { ++answers; });
    m_transport->push(PushRequest(), this, [&](const ApiError &, const PushResponse &) { ++answers; });
    QTRY_COMPARE_WITH_TIMEOUT(m_http->requestCount(), 3, kWaitMs); // login + the two calls
    QCOMPARE(m_transport->callsInFlight(), 2);
    QCOMPARE(m_api->pendingCount(), 2);
    m_transport->cancelAll();
    QCOMPARE(m_transport->callsInFlight(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_api->pendingCount(), 0, kWaitMs);
    QTest::qWait(100);
    QCOMPARE(answers, 0);
}

void TestApiSyncTransport::staleTokenIsRefreshedAndTheCallRepeated()
{
    QVERIFY(signIn());
    const QByteArray firstToken = m_accessToken;
    m_refuseTokens = 1;
    m_sync = [](const FakeHttpServer::Request &) {
        PullPage page;
        page.next = 5;
        page.databaseId = QStringLiteral("0123456789abcdef0123456789abcdef");
        FakeHttpServer::Response response;
        response.body = SyncProtocol::encodePullPage(page);
        response.addHeader("Content-Type", "application/json");
        return response;
    };
    std::optional<ApiError> error;
    m_transport->pull(5, 10, 0, this, [&](const ApiError &e, const PullPage &) { error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), kWaitMs);
    QVERIFY2(error->ok(), qPrintable(error->code));
    QVERIFY(m_accessToken != firstToken);
    QStringList paths;
    for (const FakeHttpServer::Request &request : m_http->requests())
        paths << QUrl(QString::fromLatin1(request.path)).path();
    QCOMPARE(paths,
             (QStringList{QStringLiteral("/api/v1/auth/login"), QStringLiteral("/api/v1/sync/pull"),
                          QStringLiteral("/api/v1/auth/refresh"), QStringLiteral("/api/v1/sync/pull")}));
    QCOMPARE(m_http->requests().back().bearerToken(), m_accessToken);
}

void TestApiSyncTransport::withoutSessionTheAnswerIsNotSignedIn()
{
    std::optional<ApiError> error;
    m_transport->pull(0, 10, 0, this, [&](const ApiError &e, const PullPage &) { error = e; });
    QVERIFY(!error.has_value());
    QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), kWaitMs);
    QCOMPARE(error->kind, ApiError::Kind::NotSignedIn);
    QCOMPARE(m_http->requestCount(), 0);
}

void TestApiSyncTransport::availabilityFollowsTheSession()
{
    QSignalSpy availability(m_transport.get(), &ApiSyncTransport::availabilityChanged);
    QVERIFY(signIn());
    QCOMPARE(availability.size(), 1);
    QCOMPARE(availability[0][0].toBool(), true);
    m_session->signOut();
    QVERIFY(!m_transport->isAvailable());
    QCOMPARE(availability.size(), 2);
    QCOMPARE(availability[1][0].toBool(), false);
}

QTEST_GUILESS_MAIN(TestApiSyncTransport)
#include "tst_apisynctransport.moc"
