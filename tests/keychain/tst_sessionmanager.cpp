#include "../fakes/FakeHttpServer.h"
#include "api/ApiClient.h"
#include "domain/UuidV7.h"
#include "security/KeychainSecretStore.h"
#include "session/SessionManager.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QUuid>
#include <QtTest>

using namespace medora;
using medora::test::FakeHttpServer;

namespace {

// medora-server's auth endpoints as the contract describes them, kept in memory: one
// account, rotating refresh tokens bound to the device, sessions that end on logout and on
// a password change.
class FakeMedoraServer
{
public:
    QString login = QStringLiteral("aziza");
    QString password = QStringLiteral("correct horse battery");
    bool mustChangePassword = false;
    int accessLifetimeSeconds = 900;

    QByteArray accessToken;
    QByteArray refreshToken;
    QString deviceId;
    int issued = 0;

    bool listen()
    {
        m_http.setHandler([this](const FakeHttpServer::Request &request) { return answer(request); });
        return m_http.listen();
    }
    QString baseUrl() const { return m_http.baseUrl(); }
    QStringList paths() const
    {
        QStringList list;
        for (const FakeHttpServer::Request &request : m_http.requests())
            list << QString::fromLatin1(request.path);
        return list;
    }
    QList<FakeHttpServer::Request> requests() const { return m_http.requests(); }
    void endSessions()
    {
        accessToken.clear();
        refreshToken.clear();
    }

private:
    FakeHttpServer::Response issue()
    {
        ++issued;
        accessToken = "access-" + QByteArray::number(issued) + "-" + QUuid::createUuid().toByteArray();
        refreshToken = "refresh-" + QByteArray::number(issued) + "-" + QUuid::createUuid().toByteArray();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QJsonObject user{
            {QStringLiteral("id"), QStringLiteral("0190a1b2-0000-7000-8000-000000000001")},
            {QStringLiteral("clinicId"), QStringLiteral("0190a1b2-0000-7000-8000-000000000002")},
            {QStringLiteral("clinicName"), QStringLiteral("Shifo Med")},
            {QStringLiteral("login"), login},
            {QStringLiteral("fullName"), QStringLiteral("Aziza Karimova")},
            {QStringLiteral("role"), QStringLiteral("clinic_admin")},
            {QStringLiteral("mustChangePassword"), mustChangePassword}};
        FakeHttpServer::Response response = FakeHttpServer::Response::json(
            200,
            QJsonObject{{QStringLiteral("accessToken"), QString::fromLatin1(accessToken)},
                        {QStringLiteral("accessExpiresAt"),
                         now.addSecs(accessLifetimeSeconds).toString(Qt::ISODateWithMs)},
                        {QStringLiteral("refreshToken"), QString::fromLatin1(refreshToken)},
                        {QStringLiteral("refreshExpiresAt"), now.addDays(30).toString(Qt::ISODateWithMs)},
                        {QStringLiteral("sessionId"), QStringLiteral("session-1")},
                        {QStringLiteral("user"), user}});
        response.addHeader(
            "Date", QLocale::c().toString(now, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1());
        return response;
    }

    FakeHttpServer::Response answer(const FakeHttpServer::Request &request)
    {
        using Response = FakeHttpServer::Response;
        const QJsonObject body = request.json();
        if (request.path == "/api/v1/auth/login") {
            if (body.value(QStringLiteral("login")).toString() != login ||
                body.value(QStringLiteral("password")).toString() != password)
                return Response::error(401, QStringLiteral("invalid_credentials"));
            deviceId = body.value(QStringLiteral("deviceId")).toString();
            return issue();
        }
        if (request.path == "/api/v1/auth/refresh") {
            if (refreshToken.isEmpty() ||
                body.value(QStringLiteral("refreshToken")).toString().toLatin1() != refreshToken ||
                body.value(QStringLiteral("deviceId")).toString() != deviceId) {
                endSessions(); // reuse of a rotated token ends the session
                return Response::error(401, QStringLiteral("invalid_token"));
            }
            return issue();
        }
        if (accessToken.isEmpty() || request.bearerToken() != accessToken)
            return Response::error(401, QStringLiteral("invalid_token"));
        if (request.path == "/api/v1/auth/logout") {
            endSessions();
            return Response::noContent();
        }
        if (request.path == "/api/v1/me")
            return Response::json(
                200, QJsonObject{{QStringLiteral("user"), QJsonObject{{QStringLiteral("login"), login}}}});
        if (request.path == "/api/v1/me/password") {
            if (body.value(QStringLiteral("currentPassword")).toString() != password)
                return Response::error(401, QStringLiteral("invalid_credentials"), QString(),
                                       QStringLiteral("currentPassword"));
            const QString next = body.value(QStringLiteral("newPassword")).toString();
            if (next.size() < 8)
                return Response::error(400, QStringLiteral("password_too_short"), QString(),
                                       QStringLiteral("newPassword"));
            password = next;
            mustChangePassword = false;
            endSessions();
            return Response::noContent();
        }
        return Response::error(404, QStringLiteral("not_found"));
    }

    FakeHttpServer m_http;
};

} // namespace

// Runs against the real Secret Service (see tst_keychainsecretstore for the session setup).
class TestSessionManager : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void deviceIdIsMadeOnceAndIsAUuidV7();
    void signInKeepsTheRefreshTokenInTheKeychainOnly();
    void phoneNumbersAreSentInE164();
    void wrongPasswordFailsAndStoresNothing();
    void restoreUsesAndRotatesTheKeychainToken();
    void accessTokenIsRefreshedBeforeItExpires();
    void unauthorizedAnswerRefreshesOnceAndRepeats();
    void refusedRefreshEndsTheSession();
    void signOutRemovesTheTokenAndEndsTheServerSession();
    void restoreWhileOfflineKeepsTheToken();
    void mustChangePasswordFlow();

private:
    void makeSession();
    bool signIn();
    QByteArray storedToken(bool *found);

    QString m_service;
    QString m_serverUrl;
    std::unique_ptr<FakeMedoraServer> m_server;
    std::unique_ptr<KeychainSecretStore> m_secrets;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_session;
};

void TestSessionManager::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "No D-Bus session: run inside dbus-run-session with an unlocked gnome-keyring-daemon "
             "(scripts/test does this).");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_sessionmanager"));
}

void TestSessionManager::init()
{
    QSettings().clear();
    // Unique per test, so neither a crashed earlier run nor a parallel one interferes.
    m_service = QStringLiteral("MedoraTest-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_server = std::make_unique<FakeMedoraServer>();
    QVERIFY(m_server->listen());
    m_serverUrl = m_server->baseUrl();
    m_secrets = std::make_unique<KeychainSecretStore>(m_service);
    makeSession();
}

void TestSessionManager::cleanup()
{
    if (m_session && !m_session->keychainKey().isEmpty())
        m_secrets->remove(m_session->keychainKey());
    m_session.reset();
    m_api.reset();
    m_secrets.reset();
    m_server.reset();
}

void TestSessionManager::makeSession()
{
    m_session.reset();
    m_api = std::make_unique<ApiClient>();
    m_api->setAllowInsecureHttp(true); // the fake speaks plain HTTP on 127.0.0.1
    m_api->setTransferTimeout(5000);
    m_session = std::make_unique<SessionManager>(*m_api, *m_secrets);
    QVERIFY(m_session->setServerAddress(m_serverUrl).ok());
}

bool TestSessionManager::signIn()
{
    QSignalSpy signedIn(m_session.get(), &SessionManager::signedIn);
    m_session->signIn(m_server->login, m_server->password);
    return signedIn.wait(10000);
}

QByteArray TestSessionManager::storedToken(bool *found)
{
    return m_secrets->read(m_session->keychainKey(), found);
}

void TestSessionManager::deviceIdIsMadeOnceAndIsAUuidV7()
{
    QVERIFY(!QSettings().contains(SessionManager::deviceIdSettingsKey()));
    const QString id = SessionManager::deviceId();
    QVERIFY(UuidV7::isV7(QUuid(id)));
    QCOMPARE(SessionManager::deviceId(), id);
    QCOMPARE(QSettings().value(SessionManager::deviceIdSettingsKey()).toString(), id);
}

void TestSessionManager::signInKeepsTheRefreshTokenInTheKeychainOnly()
{
    QSignalSpy states(m_session.get(), &SessionManager::stateChanged);
    QVERIFY(signIn());
    QCOMPARE(m_session->state(), SessionManager::State::SignedIn);
    QCOMPARE(states.value(0).value(0).value<SessionManager::State>(), SessionManager::State::SigningIn);
    QCOMPARE(m_session->user().fullName, QStringLiteral("Aziza Karimova"));
    QCOMPARE(m_session->user().clinicName, QStringLiteral("Shifo Med"));
    QCOMPARE(m_server->deviceId, SessionManager::deviceId());

    bool found = false;
    QCOMPARE(storedToken(&found), m_server->refreshToken);
    QVERIFY(found);

    // Nothing secret in the settings: neither the tokens nor the password, under any key.
    QSettings settings;
    settings.sync();
    const QStringList keys = settings.allKeys();
    QVERIFY(keys.contains(SessionManager::serverSettingsKey()));
    for (const QString &key : keys) {
        const QString value = settings.value(key).toString();
        QVERIFY2(!value.contains(QString::fromLatin1(m_server->refreshToken)), qPrintable(key));
        QVERIFY2(!value.contains(QString::fromLatin1(m_server->accessToken)), qPrintable(key));
        QVERIFY2(!value.contains(m_server->password), qPrintable(key));
    }
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray raw = file.readAll();
    QVERIFY(!raw.contains(m_server->refreshToken));
    QVERIFY(!raw.contains(m_server->accessToken));
    QVERIFY(!raw.contains(m_server->password.toUtf8()));
    QVERIFY(!raw.contains("refresh-"));
}

void TestSessionManager::phoneNumbersAreSentInE164()
{
    QCOMPARE(SessionManager::normalizedLogin(QStringLiteral(" 90 123 45 67 ")),
             QStringLiteral("+998901234567"));
    QCOMPARE(SessionManager::normalizedLogin(QStringLiteral("+998 (90) 123-45-67")),
             QStringLiteral("+998901234567"));
    QCOMPARE(SessionManager::normalizedLogin(QStringLiteral(" aziza ")), QStringLiteral("aziza"));
    QCOMPARE(SessionManager::normalizedLogin(QStringLiteral("12345")), QStringLiteral("12345"));

    QSignalSpy failed(m_session.get(), &SessionManager::signInFailed);
    m_session->signIn(QStringLiteral("90 123 45 67"), QStringLiteral("whatever1"));
    QVERIFY(failed.wait(10000));
    QCOMPARE(m_server->requests().value(0).json().value(QStringLiteral("login")).toString(),
             QStringLiteral("+998901234567"));
}

void TestSessionManager::wrongPasswordFailsAndStoresNothing()
{
    QSignalSpy failed(m_session.get(), &SessionManager::signInFailed);
    m_session->signIn(m_server->login, QStringLiteral("wrong password"));
    QVERIFY(failed.wait(10000));
    const ApiError error = failed.value(0).value(0).value<ApiError>();
    QCOMPARE(error.code, QStringLiteral("invalid_credentials"));
    QCOMPARE(error.httpStatus, 401);
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
    bool found = true;
    storedToken(&found);
    QVERIFY(!found);
}

void TestSessionManager::restoreUsesAndRotatesTheKeychainToken()
{
    QVERIFY(signIn());
    const QByteArray first = m_server->refreshToken;

    // A new start: a fresh client and session, the same keychain and settings.
    makeSession();
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
    QSignalSpy signedIn(m_session.get(), &SessionManager::signedIn);
    QVERIFY(m_session->restore());
    QCOMPARE(m_session->state(), SessionManager::State::Restoring);
    QVERIFY(signedIn.wait(10000));
    QCOMPARE(m_session->user().login, m_server->login);
    QCOMPARE(m_server->requests().constLast().path, QByteArray("/api/v1/auth/refresh"));
    QCOMPARE(
        m_server->requests().constLast().json().value(QStringLiteral("refreshToken")).toString().toLatin1(),
        first);

    bool found = false;
    const QByteArray stored = storedToken(&found);
    QVERIFY(found);
    QVERIFY(stored != first);
    QCOMPARE(stored, m_server->refreshToken);
}

void TestSessionManager::accessTokenIsRefreshedBeforeItExpires()
{
    m_server->accessLifetimeSeconds = 2;
    QVERIFY(signIn());
    const QDateTime expiresAt = m_session->accessExpiresAt();
    QVERIFY(m_session->nextRefreshAt() < expiresAt);
    const QByteArray before = m_server->refreshToken;

    QSignalSpy refreshed(m_session.get(), &SessionManager::refreshed);
    QVERIFY(refreshed.wait(5000));
    QVERIFY2(QDateTime::currentDateTimeUtc() < expiresAt, "refreshed only after the token had expired");
    QCOMPARE(m_session->state(), SessionManager::State::SignedIn);
    QVERIFY(m_session->accessExpiresAt() > expiresAt);
    bool found = false;
    QCOMPARE(storedToken(&found), m_server->refreshToken);
    QVERIFY(m_server->refreshToken != before);
}

void TestSessionManager::unauthorizedAnswerRefreshesOnceAndRepeats()
{
    QVERIFY(signIn());
    const int before = m_server->requests().size();
    m_server->accessToken = "expired-on-the-server"; // the client's token is no longer known

    std::optional<ApiClient::Response> result;
    m_session->authorizedSend("GET", QStringLiteral("me"), nullptr, this,
                              [&](const ApiClient::Response &response) { result = response; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY2(result->ok(), qPrintable(result->error.code));
    QCOMPARE(m_server->paths().mid(before),
             QStringList({"/api/v1/me", "/api/v1/auth/refresh", "/api/v1/me"}));

    // A 401 that persists after the refresh is answered, not retried forever.
    m_server->accessLifetimeSeconds = 900;
    const int second = m_server->requests().size();
    result.reset();
    m_session->authorizedSend("GET", QStringLiteral("nowhere-that-accepts"), nullptr, this,
                              [&](const ApiClient::Response &response) { result = response; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QCOMPARE(result->error.code, QStringLiteral("not_found"));
    QCOMPARE(m_server->requests().size(), second + 1);
}

void TestSessionManager::refusedRefreshEndsTheSession()
{
    QVERIFY(signIn());
    m_server->endSessions(); // an admin revoked it
    QSignalSpy ended(m_session.get(), &SessionManager::sessionEnded);
    m_session->refreshNow();
    QVERIFY(ended.wait(10000));
    QCOMPARE(ended.value(0).value(0).value<ApiError>().code, QStringLiteral("invalid_token"));
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
    bool found = true;
    storedToken(&found);
    QVERIFY(!found);
}

void TestSessionManager::signOutRemovesTheTokenAndEndsTheServerSession()
{
    QVERIFY(signIn());
    const QByteArray accessToken = m_server->accessToken;
    QSignalSpy signedOut(m_session.get(), &SessionManager::signedOut);
    QSignalSpy serverDone(m_session.get(), &SessionManager::serverSignOutFinished);
    m_session->signOut();
    QCOMPARE(signedOut.count(), 1); // at once, not after the server answers
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
    bool found = true;
    storedToken(&found);
    QVERIFY(!found);

    // The keychain calls above spin their own event loop, so the answer may be in already.
    QVERIFY(serverDone.count() == 1 || serverDone.wait(10000));
    QVERIFY(serverDone.value(0).value(0).value<ApiError>().ok());
    QCOMPARE(m_server->requests().constLast().path, QByteArray("/api/v1/auth/logout"));
    QCOMPARE(m_server->requests().constLast().bearerToken(), accessToken);
    QVERIFY(m_server->refreshToken.isEmpty());

    // Nothing to resume at the next start.
    makeSession();
    QVERIFY(!m_session->restore());
}

void TestSessionManager::restoreWhileOfflineKeepsTheToken()
{
    QVERIFY(signIn());
    const QByteArray token = m_server->refreshToken;
    m_server.reset(); // the server is gone: connections are refused

    makeSession();
    QSignalSpy failed(m_session.get(), &SessionManager::restoreFailed);
    QVERIFY(m_session->restore());
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.value(0).value(0).value<ApiError>().kind, ApiError::Kind::Offline);
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
    bool found = false;
    QCOMPARE(storedToken(&found), token); // the next attempt can still resume
    QVERIFY(found);
}

void TestSessionManager::mustChangePasswordFlow()
{
    m_server->mustChangePassword = true;
    const QString oneTime = m_server->password;
    QSignalSpy required(m_session.get(), &SessionManager::passwordChangeRequired);
    m_session->signIn(m_server->login, oneTime);
    QVERIFY(required.wait(10000));
    QCOMPARE(m_session->state(), SessionManager::State::PasswordChangeRequired);
    QVERIFY(!m_session->isSignedIn());
    bool found = true;
    storedToken(&found);
    QVERIFY2(!found, "a session that may only change its password is not kept in the keychain");

    QSignalSpy failed(m_session.get(), &SessionManager::passwordChangeFailed);
    m_session->changePassword(QStringLiteral("not the password"), QStringLiteral("a new long password"));
    QVERIFY(failed.wait(10000));
    ApiError error = failed.takeFirst().value(0).value<ApiError>();
    QCOMPARE(error.code, QStringLiteral("invalid_credentials"));
    QCOMPARE(error.field, QStringLiteral("currentPassword"));
    QCOMPARE(m_server->requests().constLast().path,
             QByteArray("/api/v1/me/password")); // no refresh for this 401
    QCOMPARE(m_session->state(), SessionManager::State::PasswordChangeRequired);

    m_session->changePassword(oneTime, QStringLiteral("short"));
    QVERIFY(failed.wait(10000));
    error = failed.takeFirst().value(0).value<ApiError>();
    QCOMPARE(error.code, QStringLiteral("password_too_short"));
    QCOMPARE(error.field, QStringLiteral("newPassword"));

    QSignalSpy changed(m_session.get(), &SessionManager::passwordChanged);
    QSignalSpy signedIn(m_session.get(), &SessionManager::signedIn);
    m_session->changePassword(oneTime, QStringLiteral("a new long password"));
    QVERIFY(signedIn.wait(10000));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_server->password, QStringLiteral("a new long password"));
    QCOMPARE(m_session->state(), SessionManager::State::SignedIn);
    QVERIFY(!m_session->user().mustChangePassword);
    QCOMPARE(storedToken(&found), m_server->refreshToken);
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(TestSessionManager)
#include "tst_sessionmanager.moc"
