#include "ServerProcess.h"
#include "api/ApiClient.h"
#include "security/SecretStore.h"
#include "session/SessionManager.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <optional>

using namespace medora;

namespace {

// The keychain itself is covered by tst_sessionmanager; here it only has to remember.
class MemorySecretStore : public SecretStore
{
public:
    bool write(const QString &key, const QByteArray &secret) override
    {
        values.insert(key, secret);
        return true;
    }
    QByteArray read(const QString &key, bool *found) override
    {
        if (found)
            *found = values.contains(key);
        return values.value(key);
    }
    bool remove(const QString &key) override
    {
        values.remove(key);
        return true;
    }
    QString lastError() const override { return QString(); }

    QMap<QString, QByteArray> values;
};

ApiClient::Response await(const std::function<void(ApiClient::Callback)> &start)
{
    std::optional<ApiClient::Response> result;
    start([&](const ApiClient::Response &response) { result = response; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        qWarning("no answer within 15 s");
    return result.value_or(ApiClient::Response());
}

} // namespace

// The desktop client's engine against the real medora-server over HTTPS, with the server's
// self-signed certificate given as the clinic's CA (as a self-hosted clinic would).
class TestClientSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void signInMeRefreshAndSignOut();
    void wrongPasswordIsRefused();
    void mustChangePasswordFlow();
    void untrustedServerIsRefused();
    void plainHttpServerSaysHttpsRequired();

private:
    std::unique_ptr<ServerProcess> m_server;
    QString m_clinicId;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_session;
};

void TestClientSignIn::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_clientsignin"));
    QSettings().clear();

    ServerProcess::Options options;
    options.tls = true;
    m_server = std::make_unique<ServerProcess>(options);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QVERIFY(m_server->baseUrl().startsWith(QLatin1String("https://")));
    m_clinicId = m_server->createClinic(QStringLiteral("Shifo Med"));
    QVERIFY(!m_clinicId.isEmpty());
    QVERIFY(!m_server
                 ->createUser(m_clinicId, QStringLiteral("aziza"), QStringLiteral("doctor"),
                              QStringLiteral("tashkent spring 2024"))
                 .id.isEmpty());
}

void TestClientSignIn::init()
{
    m_secrets = std::make_unique<MemorySecretStore>();
    m_api = std::make_unique<ApiClient>();
    QString error;
    QVERIFY2(m_api->setCaCertificateFile(m_server->certificateFile(), &error), qPrintable(error));
    m_session = std::make_unique<SessionManager>(*m_api, *m_secrets);
    const ApiError addressError = m_session->setServerAddress(m_server->baseUrl());
    QVERIFY2(addressError.ok(), qPrintable(addressError.message));
}

void TestClientSignIn::cleanup()
{
    m_session.reset();
    m_api.reset();
    m_secrets.reset();
}

void TestClientSignIn::signInMeRefreshAndSignOut()
{
    QSignalSpy signedIn(m_session.get(), &SessionManager::signedIn);
    QSignalSpy failed(m_session.get(), &SessionManager::signInFailed);
    m_session->signIn(QStringLiteral("aziza"), QStringLiteral("tashkent spring 2024"));
    QVERIFY2(signedIn.wait(15000),
             failed.isEmpty() ? "no answer" : qPrintable(failed.value(0).value(0).value<ApiError>().code));
    const UserProfile user = m_session->user();
    QCOMPARE(user.login, QStringLiteral("aziza"));
    QCOMPARE(user.role, QStringLiteral("doctor"));
    QCOMPARE(user.clinicId, m_clinicId);
    QCOMPARE(user.clinicName, QStringLiteral("Shifo Med"));
    QVERIFY(!user.mustChangePassword);
    QVERIFY(m_session->accessExpiresAt() > QDateTime::currentDateTimeUtc());
    QVERIFY(m_session->nextRefreshAt().isValid());
    QVERIFY(m_session->nextRefreshAt() < m_session->accessExpiresAt());
    const QByteArray firstRefresh = m_secrets->values.value(m_session->keychainKey());
    QVERIFY(!firstRefresh.isEmpty());

    // /me with the access token.
    std::optional<ApiClient::Response> me;
    m_session->authorizedSend("GET", QStringLiteral("me"), nullptr, this,
                              [&](const ApiClient::Response &response) { me = response; });
    QTRY_VERIFY_WITH_TIMEOUT(me.has_value(), 15000);
    QVERIFY2(me->ok(), qPrintable(me->error.code));
    QCOMPARE(me->json.value(QStringLiteral("user")).toObject().value(QStringLiteral("login")).toString(),
             QStringLiteral("aziza"));

    // Refresh rotates the refresh token; the stored one follows.
    QSignalSpy refreshed(m_session.get(), &SessionManager::refreshed);
    m_session->refreshNow();
    QVERIFY(refreshed.wait(15000));
    const QByteArray secondRefresh = m_secrets->values.value(m_session->keychainKey());
    QVERIFY(!secondRefresh.isEmpty());
    QVERIFY(secondRefresh != firstRefresh);
    me.reset();
    m_session->authorizedSend("GET", QStringLiteral("me"), nullptr, this,
                              [&](const ApiClient::Response &response) { me = response; });
    QTRY_VERIFY_WITH_TIMEOUT(me.has_value(), 15000);
    QVERIFY2(me->ok(), qPrintable(me->error.code));

    // Sign out: gone here at once, and the server no longer accepts the refresh token.
    QSignalSpy serverDone(m_session.get(), &SessionManager::serverSignOutFinished);
    m_session->signOut();
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
    QVERIFY(m_secrets->values.isEmpty());
    QVERIFY(serverDone.wait(15000));
    const ApiError logoutError = serverDone.value(0).value(0).value<ApiError>();
    QVERIFY2(logoutError.ok(), qPrintable(logoutError.code));
    const ApiClient::Response refused = await([&](ApiClient::Callback done) {
        m_api->refresh(secondRefresh, SessionManager::deviceId(), nullptr, done);
    });
    QCOMPARE(refused.error.httpStatus, 401);
    QCOMPARE(refused.error.code, QStringLiteral("invalid_token"));
}

void TestClientSignIn::wrongPasswordIsRefused()
{
    QSignalSpy failed(m_session.get(), &SessionManager::signInFailed);
    m_session->signIn(QStringLiteral("aziza"), QStringLiteral("not her password"));
    QVERIFY(failed.wait(15000));
    const ApiError error = failed.value(0).value(0).value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::Server);
    QCOMPARE(error.httpStatus, 401);
    QCOMPARE(error.code, QStringLiteral("invalid_credentials"));
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
    QVERIFY(m_secrets->values.isEmpty());
}

void TestClientSignIn::mustChangePasswordFlow()
{
    const ServerProcess::User bobur =
        m_server->createUser(m_clinicId, QStringLiteral("bobur"), QStringLiteral("receptionist"));
    QVERIFY(!bobur.password.isEmpty()); // a one-time password

    QSignalSpy required(m_session.get(), &SessionManager::passwordChangeRequired);
    m_session->signIn(QStringLiteral("bobur"), bobur.password);
    QVERIFY(required.wait(15000));
    QVERIFY(m_session->user().mustChangePassword);
    QCOMPARE(m_session->state(), SessionManager::State::PasswordChangeRequired);
    QVERIFY(m_secrets->values.isEmpty());

    QSignalSpy failed(m_session.get(), &SessionManager::passwordChangeFailed);
    m_session->changePassword(bobur.password, QStringLiteral("short"));
    QVERIFY(failed.wait(15000));
    ApiError error = failed.takeFirst().value(0).value<ApiError>();
    QCOMPARE(error.httpStatus, 400);
    QVERIFY2(error.code == QLatin1String("password_too_short") ||
                 error.code == QLatin1String("weak_password"),
             qPrintable(error.code));
    QCOMPARE(error.field, QStringLiteral("newPassword"));

    m_session->changePassword(QStringLiteral("not the one-time password"),
                              QStringLiteral("samarkand autumn 2024"));
    QVERIFY(failed.wait(15000));
    error = failed.takeFirst().value(0).value<ApiError>();
    QCOMPARE(error.code, QStringLiteral("invalid_credentials"));
    QCOMPARE(error.field, QStringLiteral("currentPassword"));
    QCOMPARE(m_session->state(), SessionManager::State::PasswordChangeRequired);

    QSignalSpy changed(m_session.get(), &SessionManager::passwordChanged);
    QSignalSpy signedIn(m_session.get(), &SessionManager::signedIn);
    m_session->changePassword(bobur.password, QStringLiteral("samarkand autumn 2024"));
    QVERIFY(signedIn.wait(15000));
    QCOMPARE(changed.count(), 1);
    QVERIFY(!m_session->user().mustChangePassword);
    QCOMPARE(m_session->user().role, QStringLiteral("receptionist"));
    QVERIFY(!m_secrets->values.value(m_session->keychainKey()).isEmpty());

    // The one-time password is spent.
    QSignalSpy refused(m_session.get(), &SessionManager::signInFailed);
    m_session->signIn(QStringLiteral("bobur"), bobur.password);
    QVERIFY(refused.wait(15000));
    QCOMPARE(refused.value(0).value(0).value<ApiError>().code, QStringLiteral("invalid_credentials"));
}

void TestClientSignIn::untrustedServerIsRefused()
{
    ApiClient api; // only the system's CAs
    QVERIFY(api.setServerAddress(m_server->baseUrl()).ok());
    const ApiClient::Response response = await([&](ApiClient::Callback done) {
        api.login(QStringLiteral("aziza"), QStringLiteral("tashkent spring 2024"), SessionManager::deviceId(),
                  QString(), nullptr, done);
    });
    QCOMPARE(response.error.kind, ApiError::Kind::Tls);
    QCOMPARE(response.error.code, ApiError::tlsCode());
}

void TestClientSignIn::plainHttpServerSaysHttpsRequired()
{
    // A production server behind a reverse proxy at 127.0.0.1: a request that reaches it over
    // plain HTTP without the proxy's X-Forwarded-Proto: https is refused.
    ServerProcess plain;
    QString startError;
    QVERIFY2(plain.start(&startError), qPrintable(startError));
    QVERIFY(plain.baseUrl().startsWith(QLatin1String("http://")));

    ApiClient strict;
    QCOMPARE(strict.setServerAddress(plain.baseUrl()).kind, ApiError::Kind::InsecureUrl);

    ApiClient development;
    development.setAllowInsecureHttp(true);
    QVERIFY(development.setServerAddress(plain.baseUrl()).ok());
    const ApiClient::Response response = await([&](ApiClient::Callback done) {
        development.login(QStringLiteral("aziza"), QStringLiteral("x"), SessionManager::deviceId(), QString(),
                          nullptr, done);
    });
    QCOMPARE(response.error.httpStatus, 403);
    QCOMPARE(response.error.code, QStringLiteral("https_required"));
}

QTEST_GUILESS_MAIN(TestClientSignIn)
#include "tst_clientsignin.moc"
