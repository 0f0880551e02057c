#include "../fakes/FakeAuthServer.h"
#include "api/ApiClient.h"
#include "security/KeychainSecretStore.h"
#include "session/OfflineCredentials.h"
#include "session/SessionManager.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace medora;
using medora::test::FakeAuthServer;

namespace {

const QString kLogin = QStringLiteral("aziza");
const QString kPassword = QStringLiteral("correct horse battery");
constexpr int kWaitMs = 10000;

} // namespace

// An offline session against the real Secret Service (see tst_keychainsecretstore for the
// session setup): the keychain's refresh token survives working offline and resumes the
// online session, and signing out while offline leaves no token in the keychain.
// tst_sessionmanager covers signing out of an online session.
class TestOfflineSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void offlineSessionResumesWithTheKeychainToken();
    void signOutWhileOfflineLeavesNoTokenInTheKeychain();

private:
    void makeSession();
    void signInOnline();
    void goOfflineAfterARestart();
    QByteArray storedToken(bool *found);

    QString m_service;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeAuthServer> m_server;
    QString m_serverUrl;
    std::unique_ptr<KeychainSecretStore> m_secrets;
    std::unique_ptr<OfflineCredentials> m_credentials;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_session;
};

void TestOfflineSession::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "No D-Bus session: run inside dbus-run-session with an unlocked gnome-keyring-daemon "
             "(scripts/test does this).");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_offlinesession"));
}

void TestOfflineSession::init()
{
    QSettings().clear();
    m_service = QStringLiteral("MedoraTest-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<FakeAuthServer>();
    QVERIFY(m_server->listen());
    m_serverUrl = m_server->baseUrl();
    m_secrets = std::make_unique<KeychainSecretStore>(m_service);
    makeSession();
}

void TestOfflineSession::cleanup()
{
    if (m_session && !m_session->keychainKey().isEmpty())
        m_secrets->remove(m_session->keychainKey());
    m_session.reset();
    m_api.reset();
    m_credentials.reset();
    m_secrets.reset();
    m_server.reset();
    m_dir.reset();
}

void TestOfflineSession::makeSession()
{
    m_session.reset();
    m_api = std::make_unique<ApiClient>();
    m_api->setAllowInsecureHttp(true);
    m_api->setTransferTimeout(500);
    m_credentials = std::make_unique<OfflineCredentials>(m_dir->filePath(OfflineCredentials::fileName()));
    m_session = std::make_unique<SessionManager>(*m_api, *m_secrets);
    m_session->setOfflineCredentials(m_credentials.get());
    QVERIFY(m_session->setServerAddress(m_serverUrl).ok());
}

void TestOfflineSession::signInOnline()
{
    QSignalSpy signedIn(m_session.get(), &SessionManager::signedIn);
    m_session->signIn(kLogin, kPassword);
    QVERIFY(signedIn.wait(kWaitMs));
    bool found = false;
    QCOMPARE(storedToken(&found), m_server->refreshToken);
    QVERIFY(found);
}

// The next start finds the server away: the keychain's session cannot be resumed, so the
// user signs in with the password checked on this PC.
void TestOfflineSession::goOfflineAfterARestart()
{
    makeSession();
    m_server->unreachable = true;
    QSignalSpy restoreFailed(m_session.get(), &SessionManager::restoreFailed);
    QVERIFY(m_session->restore());
    QVERIFY(restoreFailed.wait(kWaitMs));
    QVERIFY(restoreFailed.value(0).value(0).value<ApiError>().isNetworkFailure());

    QSignalSpy offline(m_session.get(), &SessionManager::signedInOffline);
    m_session->signIn(kLogin, kPassword);
    QVERIFY(offline.wait(kWaitMs));
    QCOMPARE(m_session->state(), SessionManager::State::Offline);
}

QByteArray TestOfflineSession::storedToken(bool *found)
{
    return m_secrets->read(m_session->keychainKey(), found);
}

void TestOfflineSession::offlineSessionResumesWithTheKeychainToken()
{
    signInOnline();
    const QByteArray first = m_server->refreshToken;
    goOfflineAfterARestart();
    bool found = false;
    QCOMPARE(storedToken(&found), first);
    QVERIFY(found);

    m_server->unreachable = false;
    QSignalSpy signedIn(m_session.get(), &SessionManager::signedIn);
    m_session->refreshNow();
    QVERIFY(signedIn.wait(kWaitMs));
    QCOMPARE(m_session->state(), SessionManager::State::SignedIn);
    QCOMPARE(m_server->requests().constLast().path, QByteArray("/api/v1/auth/refresh"));
    const QByteArray rotated = storedToken(&found);
    QVERIFY(found);
    QCOMPARE(rotated, m_server->refreshToken);
    QVERIFY(rotated != first);
}

void TestOfflineSession::signOutWhileOfflineLeavesNoTokenInTheKeychain()
{
    signInOnline();
    goOfflineAfterARestart();

    QSignalSpy signedOut(m_session.get(), &SessionManager::signedOut);
    m_session->signOut();
    QCOMPARE(signedOut.count(), 1);
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
    bool found = true;
    QVERIFY(storedToken(&found).isEmpty());
    QVERIFY2(!found, "the refresh token is still in the keychain after signing out offline");

    // What stays on the PC is the verifier, and it holds no token.
    QVERIFY(m_credentials->hasVerifier());
    QFile file(m_credentials->filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    for (const QByteArray &issued : std::as_const(m_server->issuedRefreshTokens))
        QVERIFY(!bytes.contains(issued));
    QVERIFY(!bytes.contains(kPassword.toUtf8()));

    // A restart finds nothing to resume, even with the server back.
    m_server->unreachable = false;
    makeSession();
    QVERIFY(!m_session->restore());
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
}

QTEST_GUILESS_MAIN(TestOfflineSession)
#include "tst_offlinesession.moc"
