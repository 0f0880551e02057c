#include "../fakes/FakeAuthServer.h"
#include "api/ApiClient.h"
#include "security/SecretStore.h"
#include "session/OfflineCredentials.h"
#include "session/SessionManager.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace medora;
using medora::test::FakeAuthServer;

namespace {

// The keychain is not what these tests are about (tst_offlinesession covers it).
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

constexpr int kTransferTimeoutMs = 300;
constexpr int kWaitMs = 10000;

} // namespace

// SessionManager with OfflineCredentials: what an online sign-in leaves behind, when the
// password is checked locally (network failures only), and how the offline session ends.
class TestOfflineSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void onlineSignInRemembersAVerifierOnly();
    void unreachableServerSignsInOffline();
    void refusedConnectionSignsInOffline();
    void wrongPasswordOfflineIsRefusedThenThrottled();
    void serverRefusalNeverFallsBackToOffline();
    void anotherUserCannotSignInOffline();
    void offlineSessionResumesOnlineWithTheStoredToken();
    void signingInWhileRestoringKeepsTheStoredToken();
    void anotherAccountsStoredSessionIsNotAdopted();
    void revokedAccountEndsTheOfflineSession();
    void disabledAccountLosesOfflineSignIn();
    void signOutWhileOfflineLeavesNoToken();
    void passwordChangeRenewsTheVerifier();
    void withoutCredentialsNothingChanges();

private:
    void makeSession();
    void signInOnline(const QString &login, const QString &password);
    void goOffline(const QString &login, const QString &password);
    QByteArray storedToken() const;
    QByteArray verifierFileBytes() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeAuthServer> m_server;
    QString m_serverUrl;
    MemorySecretStore m_secrets;
    std::unique_ptr<OfflineCredentials> m_credentials;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_session;
};

void TestOfflineSignIn::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_offlinesignin"));
}

void TestOfflineSignIn::init()
{
    QSettings().clear();
    m_secrets.values.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<FakeAuthServer>();
    QVERIFY(m_server->listen());
    m_serverUrl = m_server->baseUrl();
    makeSession();
}

void TestOfflineSignIn::cleanup()
{
    m_session.reset();
    m_api.reset();
    m_credentials.reset();
    m_server.reset();
    m_dir.reset();
}

// A fresh start of the application: new session and credentials objects, the same files.
void TestOfflineSignIn::makeSession()
{
    m_session.reset();
    m_api = std::make_unique<ApiClient>();
    m_api->setAllowInsecureHttp(true);
    m_api->setTransferTimeout(kTransferTimeoutMs);
    m_credentials = std::make_unique<OfflineCredentials>(m_dir->filePath(OfflineCredentials::fileName()));
    m_session = std::make_unique<SessionManager>(*m_api, m_secrets);
    m_session->setOfflineCredentials(m_credentials.get());
    QVERIFY(m_session->setServerAddress(m_serverUrl).ok());
}

void TestOfflineSignIn::signInOnline(const QString &login, const QString &password)
{
    QSignalSpy signedIn(m_session.get(), &SessionManager::signedIn);
    m_session->signIn(login, password);
    QVERIFY(signedIn.wait(kWaitMs));
    QCOMPARE(m_session->state(), SessionManager::State::SignedIn);
}

void TestOfflineSignIn::goOffline(const QString &login, const QString &password)
{
    QSignalSpy offline(m_session.get(), &SessionManager::signedInOffline);
    QSignalSpy failed(m_session.get(), &SessionManager::signInFailed);
    m_session->signIn(login, password);
    QVERIFY(offline.wait(kWaitMs));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(m_session->state(), SessionManager::State::Offline);
}

QByteArray TestOfflineSignIn::storedToken() const
{
    return m_secrets.values.value(m_session->keychainKey());
}

QByteArray TestOfflineSignIn::verifierFileBytes() const
{
    QFile file(m_credentials->filePath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestOfflineSignIn::onlineSignInRemembersAVerifierOnly()
{
    QVERIFY(!m_credentials->isEnrolled());
    signInOnline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    QVERIFY(m_credentials->hasVerifier());
    const std::optional<UserProfile> remembered = m_credentials->rememberedUser();
    QVERIFY(remembered);
    QCOMPARE(remembered->id, m_server->accounts.at(0).id);
    QCOMPARE(remembered->clinicName, QStringLiteral("Shifo Med"));
    QCOMPARE(remembered->role, QStringLiteral("doctor"));
    QCOMPARE(m_credentials->rememberedServer(), m_session->serverIdentity());

    const QByteArray bytes = verifierFileBytes();
    QVERIFY(!bytes.isEmpty());
    QVERIFY(!bytes.contains("correct horse battery"));
    QVERIFY(!bytes.contains(m_server->accessToken));
    QVERIFY(!bytes.contains(m_server->refreshToken));
    QVERIFY(!bytes.contains("refresh-"));
    QVERIFY(!bytes.contains("access-"));
    QCOMPARE(storedToken(), m_server->refreshToken); // the token stays in the keychain
}

void TestOfflineSignIn::unreachableServerSignsInOffline()
{
    signInOnline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    makeSession(); // a restart
    m_server->unreachable = true;
    const int before = m_server->requestCount();

    QSignalSpy states(m_session.get(), &SessionManager::stateChanged);
    goOffline(QStringLiteral(" AZIZA "), QStringLiteral("correct horse battery"));
    QCOMPARE(m_server->requestCount(), before + 1); // the server was tried first
    QCOMPARE(states.value(0).value(0).value<SessionManager::State>(), SessionManager::State::SigningIn);
    QCOMPARE(m_session->user().login, QStringLiteral("aziza"));
    QCOMPARE(m_session->user().fullName, QStringLiteral("Aziza Karimova"));
    QVERIFY(!m_session->isSignedIn());
    QVERIFY(!m_session->hasSession());
    QVERIFY(m_session->hasUser());
    QVERIFY(m_session->isOffline());

    // No token in memory: an authorized call is answered locally, nothing reaches the server.
    std::optional<ApiClient::Response> result;
    m_session->authorizedSend("GET", QStringLiteral("me"), nullptr, this,
                              [&](const ApiClient::Response &response) { result = response; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    QCOMPARE(result->error.kind, ApiError::Kind::NotSignedIn);
    QCOMPARE(m_server->requestCount(), before + 1);

    // The phone number works as the login too.
    makeSession();
    goOffline(QStringLiteral("90 123 45 67"), QStringLiteral("correct horse battery"));
}

void TestOfflineSignIn::refusedConnectionSignsInOffline()
{
    signInOnline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    m_server.reset(); // the port closes: connections are refused
    makeSession();
    goOffline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
}

void TestOfflineSignIn::wrongPasswordOfflineIsRefusedThenThrottled()
{
    signInOnline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    makeSession();
    m_server->unreachable = true;

    QSignalSpy failed(m_session.get(), &SessionManager::signInFailed);
    m_session->signIn(QStringLiteral("aziza"), QStringLiteral("correct horse"));
    QVERIFY(failed.wait(kWaitMs));
    ApiError error = failed.takeFirst().value(0).value<ApiError>();
    QCOMPARE(error.code, SessionManager::offlineWrongPasswordCode());
    QCOMPARE(error.field, QStringLiteral("password"));
    QVERIFY(error.isNetworkFailure());
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
    QVERIFY(m_session->user().id.isEmpty());

    // Without the round trip: the local check alone, as the lock screen and the CLI use it.
    for (int i = 1; i < OfflineCredentials::kFreeFailures; ++i) {
        m_session->signInOffline(QStringLiteral("aziza"), QStringLiteral("wrong"));
        QCOMPARE(failed.takeFirst().value(0).value<ApiError>().code,
                 SessionManager::offlineWrongPasswordCode());
    }
    m_session->signInOffline(QStringLiteral("aziza"), QStringLiteral("wrong"));
    error = failed.takeFirst().value(0).value<ApiError>();
    QCOMPARE(error.code, SessionManager::offlineWrongPasswordCode());
    QCOMPARE(error.retryAfterSeconds, 1);
    m_session->signInOffline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    error = failed.takeFirst().value(0).value<ApiError>();
    QCOMPARE(error.code, SessionManager::offlineThrottledCode());
    QVERIFY(error.retryAfterSeconds >= 1);
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);

    // Once the wait is over the right password works.
    QSignalSpy offline(m_session.get(), &SessionManager::signedInOffline);
    QTRY_COMPARE_WITH_TIMEOUT(m_credentials->retryAfterSeconds(), 0, 3000);
    m_session->signInOffline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    QCOMPARE(offline.count(), 1);
    QCOMPARE(m_session->state(), SessionManager::State::Offline);
}

void TestOfflineSignIn::serverRefusalNeverFallsBackToOffline()
{
    signInOnline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    makeSession();
    // A reachable server's "no" is final, even for a password this PC would accept.
    m_server->accounts[0].password = QStringLiteral("changed elsewhere");
    QSignalSpy offline(m_session.get(), &SessionManager::signedInOffline);
    QSignalSpy failed(m_session.get(), &SessionManager::signInFailed);
    m_session->signIn(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.value(0).value(0).value<ApiError>().code, QStringLiteral("invalid_credentials"));
    QCOMPARE(offline.count(), 0);
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
    // The server refused the very password this PC remembers: the verifier is stale.
    QVERIFY(!m_credentials->hasVerifier());
    QVERIFY(m_credentials->isEnrolled());
}

void TestOfflineSignIn::anotherUserCannotSignInOffline()
{
    signInOnline(QStringLiteral("bobur"), QStringLiteral("bobur's own password"));
    m_session->signOut();
    signInOnline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    makeSession();
    m_server->unreachable = true;

    QSignalSpy failed(m_session.get(), &SessionManager::signInFailed);
    m_session->signIn(QStringLiteral("bobur"), QStringLiteral("bobur's own password"));
    QVERIFY(failed.wait(kWaitMs));
    const ApiError error = failed.value(0).value(0).value<ApiError>();
    QCOMPARE(error.code, SessionManager::offlineOtherUserCode());
    QCOMPARE(error.field, QStringLiteral("login"));
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
    QCOMPARE(m_credentials->failedAttempts(), 0);
}

void TestOfflineSignIn::offlineSessionResumesOnlineWithTheStoredToken()
{
    signInOnline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    const QByteArray firstToken = storedToken();
    makeSession();
    m_server->unreachable = true;
    goOffline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    QCOMPARE(storedToken(), firstToken); // kept for resuming

    // Still unreachable: the resume fails quietly and the offline session stays.
    QSignalSpy states(m_session.get(), &SessionManager::stateChanged);
    m_session->refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(m_server->paths().constLast() == QLatin1String("/api/v1/auth/refresh"), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_api->pendingCount(), 0, kWaitMs); // the answer that never came timed out
    QCOMPARE(m_session->state(), SessionManager::State::Offline);
    QCOMPARE(states.count(), 0);

    m_server->unreachable = false;
    QSignalSpy signedIn(m_session.get(), &SessionManager::signedIn);
    m_session->refreshNow();
    QVERIFY(signedIn.wait(kWaitMs));
    QCOMPARE(m_session->state(), SessionManager::State::SignedIn);
    QCOMPARE(m_session->user().id, m_server->accounts.at(0).id);
    QCOMPARE(
        m_server->requests().constLast().json().value(QStringLiteral("refreshToken")).toString().toLatin1(),
        firstToken);
    QCOMPARE(storedToken(), m_server->refreshToken); // rotated and stored again
    QVERIFY(storedToken() != firstToken);
}

void TestOfflineSignIn::signingInWhileRestoringKeepsTheStoredToken()
{
    signInOnline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    const QByteArray token = storedToken();
    makeSession();
    m_server->unreachable = true;
    QVERIFY(m_session->restore());
    QCOMPARE(m_session->state(), SessionManager::State::Restoring);
    // At start the server is slow: the user types the password instead of waiting.
    goOffline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    QCOMPARE(storedToken(), token);

    m_server->unreachable = false;
    QSignalSpy signedIn(m_session.get(), &SessionManager::signedIn);
    QVERIFY(m_session->restore()); // offline, restore() resumes the online session
    QVERIFY(signedIn.wait(kWaitMs));
    QCOMPARE(m_session->state(), SessionManager::State::SignedIn);
}

void TestOfflineSignIn::anotherAccountsStoredSessionIsNotAdopted()
{
    signInOnline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    // Bobur's sign-in left his token, but (say the disk was full) not his verifier.
    m_session->setOfflineCredentials(nullptr);
    QSignalSpy loggedOut(m_session.get(), &SessionManager::serverSignOutFinished);
    m_session->signOut();
    QVERIFY(loggedOut.count() == 1 || loggedOut.wait(kWaitMs)); // the fake keeps one session only
    signInOnline(QStringLiteral("bobur"), QStringLiteral("bobur's own password"));
    QCOMPARE(m_credentials->rememberedUser()->login, QStringLiteral("aziza"));
    makeSession();
    m_server->unreachable = true;
    goOffline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));

    m_server->unreachable = false;
    QSignalSpy signedIn(m_session.get(), &SessionManager::signedIn);
    m_session->refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(!m_secrets.values.contains(m_session->keychainKey()), kWaitMs);
    QCOMPARE(signedIn.count(), 0);
    QCOMPARE(m_session->state(), SessionManager::State::Offline);
    QCOMPARE(m_session->user().login, QStringLiteral("aziza"));
    // Bobur's session is ended on the server rather than left behind.
    QTRY_VERIFY_WITH_TIMEOUT(m_server->paths().constLast() == QLatin1String("/api/v1/auth/logout"), kWaitMs);
    QVERIFY(m_server->refreshToken.isEmpty());
}

void TestOfflineSignIn::revokedAccountEndsTheOfflineSession()
{
    signInOnline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    makeSession();
    m_server->unreachable = true;
    goOffline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));

    m_server->endSessions(); // an administrator revoked the session meanwhile
    m_server->unreachable = false;
    QSignalSpy ended(m_session.get(), &SessionManager::sessionEnded);
    m_session->refreshNow();
    QVERIFY(ended.wait(kWaitMs));
    QCOMPARE(ended.value(0).value(0).value<ApiError>().code, QStringLiteral("invalid_token"));
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
    QVERIFY(m_session->user().id.isEmpty());
    QVERIFY(!m_secrets.values.contains(m_session->keychainKey()));
    QVERIFY(!m_credentials->hasVerifier());

    // Until the next online sign-in, the server being away no longer opens the data.
    m_server->unreachable = true;
    QSignalSpy failed(m_session.get(), &SessionManager::signInFailed);
    m_session->signIn(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.value(0).value(0).value<ApiError>().code, ApiError::timeoutCode());
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
}

void TestOfflineSignIn::disabledAccountLosesOfflineSignIn()
{
    signInOnline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    m_session->signOut(); // no token left to resume with
    makeSession();
    m_server->unreachable = true;
    goOffline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));

    // The next online contact: signing in again while offline, the server now reachable.
    m_server->accounts[0].disabled = true;
    m_server->unreachable = false;
    QSignalSpy ended(m_session.get(), &SessionManager::sessionEnded);
    QSignalSpy failed(m_session.get(), &SessionManager::signInFailed);
    m_session->signIn(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    QCOMPARE(m_session->state(), SessionManager::State::SigningIn);
    QVERIFY(m_session->hasUser()); // the offline user keeps working while it asks
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(ended.count(), 1);
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
    QVERIFY(!m_credentials->hasVerifier());
}

void TestOfflineSignIn::signOutWhileOfflineLeavesNoToken()
{
    signInOnline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    const QByteArray token = storedToken();
    QVERIFY(!token.isEmpty());
    makeSession();
    m_server->unreachable = true;
    goOffline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));

    QSignalSpy signedOut(m_session.get(), &SessionManager::signedOut);
    m_session->signOut();
    QCOMPARE(signedOut.count(), 1);
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
    QVERIFY(m_session->user().id.isEmpty());
    QVERIFY(m_secrets.values.isEmpty());
    // The verifier is no token and stays for the next offline sign-in.
    QVERIFY(m_credentials->hasVerifier());
    QVERIFY(!verifierFileBytes().contains(token));

    // Nothing to resume with: offline again, but the online session cannot come back by itself.
    goOffline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    m_server->unreachable = false;
    QVERIFY(!m_session->restore());
    QCOMPARE(m_session->state(), SessionManager::State::Offline);
}

void TestOfflineSignIn::passwordChangeRenewsTheVerifier()
{
    signInOnline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    QSignalSpy signedIn(m_session.get(), &SessionManager::signedIn);
    m_session->changePassword(QStringLiteral("correct horse battery"),
                              QStringLiteral("a brand new passphrase"));
    QVERIFY(signedIn.wait(kWaitMs));
    const QString id = m_server->accounts.at(0).id;
    QCOMPARE(m_credentials->verifyUser(id, QStringLiteral("a brand new passphrase")).verdict,
             OfflineCredentials::Verdict::Accepted);
    QCOMPARE(m_credentials->verifyUser(id, QStringLiteral("correct horse battery")).verdict,
             OfflineCredentials::Verdict::WrongPassword);

    // An administrator's reset: a one-time password that must be changed verifies nothing.
    m_session->signOut();
    m_server->accounts[0].password = QStringLiteral("one-time-7x9k");
    m_server->accounts[0].mustChangePassword = true;
    QSignalSpy required(m_session.get(), &SessionManager::passwordChangeRequired);
    m_session->signIn(QStringLiteral("aziza"), QStringLiteral("one-time-7x9k"));
    QVERIFY(required.wait(kWaitMs));
    QVERIFY(!m_credentials->hasVerifier());
    QVERIFY(!m_session->hasUser());
}

void TestOfflineSignIn::withoutCredentialsNothingChanges()
{
    m_session->setOfflineCredentials(nullptr);
    signInOnline(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    QVERIFY(!m_credentials->isEnrolled());
    m_session->signOut();
    m_server->unreachable = true;
    QSignalSpy failed(m_session.get(), &SessionManager::signInFailed);
    m_session->signIn(QStringLiteral("aziza"), QStringLiteral("correct horse battery"));
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.value(0).value(0).value<ApiError>().code, ApiError::timeoutCode());
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
}

QTEST_GUILESS_MAIN(TestOfflineSignIn)
#include "tst_offlinesignin.moc"
