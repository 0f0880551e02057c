#pragma once

#include "api/ApiClient.h"
#include "api/ApiError.h"
#include "api/AuthSession.h"
#include "api/UserProfile.h"
#include "session/OfflineCredentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <QJsonObject>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>

namespace medora {

class SecretStore;

// Who is signed in to medora-server on this PC, and the tokens that prove it.
// - The access token lives in memory only; the rotating refresh token lives in the OS
//   keychain (SecretStore), under a key per server, and only while the session is fully
//   usable (not while the account still has to change its password).
// - The access token is refreshed before it expires and, once, when the server answers 401.
//   Refreshes are single-flight: a rotated refresh token used twice would end the session.
// - The device id (UUIDv7, made once) is kept in QSettings: it names the PC, it is no secret.
// Signing in is optional: the local registry works without a session.
// Offline (OfflineCredentials, when set): an online sign-in leaves a local verifier of the
// password; when the server cannot be reached (a network failure, never a refusal), the same
// login and password open an Offline session with the remembered profile, no token and no
// server calls. The keychain's refresh token then resumes the online session once the server
// answers; a server that refuses it ends the offline session too.
class SessionManager : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        SignedOut,
        SigningIn,
        Restoring,              // refreshing the keychain's token at start
        PasswordChangeRequired, // signed in, but the server allows only a password change
        SignedIn,
        Offline, // the password was checked on this PC: the remembered user, no token
    };
    Q_ENUM(State)

    SessionManager(ApiClient &api, SecretStore &secrets, QObject *parent = nullptr);
    ~SessionManager() override;

    static QString deviceIdSettingsKey() { return QStringLiteral("session/deviceId"); }
    // This PC's id, generated and stored on first use.
    static QString deviceId();
    static QString deviceName();
    // "+998901234567" for anything that reads as an Uzbek phone number, else the text trimmed.
    static QString normalizedLogin(const QString &loginOrPhone);

    static QString serverSettingsKey() { return QStringLiteral("server/url"); }
    // Path of the clinic's CA certificate file (a path, not a secret).
    static QString caCertificateSettingsKey() { return QStringLiteral("server/caCertificate"); }
    // The server address remembered in QSettings (empty when none was ever set).
    static QString savedServerAddress();
    // Points the client at another server and remembers it. A session with a different
    // server ends first. On error (invalid, or http:// without the switch) nothing changes.
    ApiError setServerAddress(const QString &address);

    ApiClient &api() { return m_api; }
    State state() const { return m_state; }
    bool isSignedIn() const { return m_state == State::SignedIn; }
    bool hasSession() const { return m_state == State::SignedIn || m_state == State::PasswordChangeRequired; }
    bool isOffline() const { return m_state == State::Offline; }
    // Someone may use the local data: signed in online or offline (also while an offline
    // user signs in again online).
    bool hasUser() const { return !m_user.id.isEmpty() && m_state != State::PasswordChangeRequired; }
    UserProfile user() const { return m_user; }
    QDateTime accessExpiresAt() const { return m_accessExpiresAt; }
    // When the next refresh is due (invalid when none is scheduled).
    QDateTime nextRefreshAt() const;
    // Where this server's refresh token sits in the keychain.
    QString keychainKey() const;

    // Outcome: signedIn, passwordChangeRequired or signInFailed; when the server cannot be
    // reached and this PC's verifier accepts the password, signedInOffline instead. A restore
    // in progress is dropped, but the keychain keeps its token.
    void signIn(const QString &loginOrPhone, const QString &password);
    void cancelSignIn();
    // Resumes the session whose refresh token the keychain holds for the current server.
    // Returns false (and does nothing) when there is none; else restored through signedIn,
    // passwordChangeRequired or restoreFailed.
    bool restore();
    // Ends the session here at once (memory and keychain), then tells the server.
    void signOut();
    // POST /me/password. The server then ends every session of the account, so on success
    // this signs in again with the new password: passwordChanged, then signedIn.
    void changePassword(const QString &currentPassword, const QString &newPassword);
    // Refreshes now (normally the timer does it); offline, tries to resume the online session.
    void refreshNow();

    // Where the verifier for offline sign-in lives (not owned; null turns offline sign-in off).
    void setOfflineCredentials(OfflineCredentials *credentials);
    OfflineCredentials *offlineCredentials() const { return m_offline; }
    // Signs in with the password checked on this PC only, without asking the server (an
    // online session ends first): signedInOffline or signInFailed (one of the offline codes
    // below, or network_offline when nobody can sign in offline here).
    void signInOffline(const QString &loginOrPhone, const QString &password);
    // The lock screen: the signed-in user's password checked against the local verifier
    // (online or offline; throttled like an offline sign-in).
    OfflineCredentials::Check checkPassword(const QString &password);
    // signInFailed's codes when the server was unreachable and the local check said no.
    static QString offlineWrongPasswordCode() { return QStringLiteral("offline_wrong_password"); }
    static QString offlineThrottledCode() { return QStringLiteral("offline_throttled"); }
    static QString offlineOtherUserCode() { return QStringLiteral("offline_other_user"); }
    // The server's identity for the verifier and the keychain: its URL.
    QString serverIdentity() const;

    // A call with the access token. A 401 (other than a wrong current password) refreshes
    // once and repeats the call; if the refresh is refused the session ends.
    void authorizedSend(const QByteArray &method, const QString &path, const QJsonObject *body,
                        QObject *context, ApiClient::Callback done);
    // The same with per-call options (query, timeout, size limit). Returns an id for
    // abortAuthorized(); the callback may run before this returns (no session at all).
    quint64 authorizedSend(const QByteArray &method, const QString &path, const QJsonObject *body,
                           const ApiClient::RequestOptions &options, QObject *context,
                           ApiClient::Callback done);
    // Drops a call of authorizedSend(): its request is aborted and its callback never runs.
    void abortAuthorized(quint64 callId);

signals:
    void stateChanged(medora::SessionManager::State state);
    void signedIn(const medora::UserProfile &user);
    void signInFailed(const medora::ApiError &error);
    void passwordChangeRequired(const medora::UserProfile &user);
    void passwordChanged();
    void passwordChangeFailed(const medora::ApiError &error);
    void refreshed();
    // The server no longer accepts the session (expired, revoked, password changed elsewhere).
    void sessionEnded(const medora::ApiError &reason);
    void restoreFailed(const medora::ApiError &error);
    void signedOut();
    // The server's answer to the logout that signOut() sent (ok() when it ended the session).
    void serverSignOutFinished(const medora::ApiError &error);
    // The keychain refused a read, write or removal; the message is translated.
    void keychainFailed(const QString &message);
    // Signed in with the password checked on this PC (State::Offline); signedIn follows when
    // the online session resumes.
    void signedInOffline(const medora::UserProfile &user);
    // The verifier for offline sign-in could not be written; the message is translated.
    void offlineCredentialsFailed(const QString &message);

private:
    using RefreshWaiter = std::function<void(const ApiError &)>;
    struct AuthorizedCall
    {
        QByteArray method;
        QString path;
        bool hasBody = false;
        QJsonObject body;
        QPointer<QObject> context;
        bool hasContext = false;
        ApiClient::Callback done;
        ApiClient::RequestOptions options;
        quint64 id = 0;
        quint64 apiRequest = 0; // the ApiClient call now carrying it
        bool aborted = false;
    };

    void setState(State state);
    void sendAuthorized(const std::shared_ptr<AuthorizedCall> &call, bool retried);
    void finishAuthorized(const std::shared_ptr<AuthorizedCall> &call, const ApiClient::Response &response);
    void acceptSession(const AuthSession &session, const QDateTime &serverTime,
                       const QString *password = nullptr);
    void onSignInFailed(const QString &login, const QString &password, const ApiError &error);
    void enterOffline(const UserProfile &user);
    void abandonRestore();
    bool resumeOnline();
    void scheduleRetry();
    void rememberOffline(const UserProfile &user, const QString &password);
    void forgetOffline();
    static ApiError offlineError(const OfflineCredentials::Check &check, const ApiError &networkError);
    void clearSession();
    void endSession(const ApiError &reason);
    void refreshThen(RefreshWaiter waiter);
    void onRefreshAnswer(const ApiClient::Response &response);
    void scheduleRefresh(const QDateTime &serverTime);
    void storeRefreshToken();
    void removeStoredRefreshToken();
    void logoutOnServer(const QByteArray &accessToken, const QByteArray &refreshToken);
    static bool sessionWasRefused(const ApiError &error);

    ApiClient &m_api;
    SecretStore &m_secrets;
    OfflineCredentials *m_offline = nullptr;
    State m_state = State::SignedOut;
    UserProfile m_user;
    QByteArray m_accessToken;
    QByteArray m_refreshToken;
    QDateTime m_accessExpiresAt;
    quint64 m_signInRequest = 0;
    quint64 m_refreshRequest = 0;
    bool m_refreshing = false;
    QList<RefreshWaiter> m_refreshWaiters;
    QTimer m_refreshTimer;
    QTimer m_retryTimer;
    int m_retryDelayMs = 0;
    quint64 m_nextAuthorizedCall = 1;
    std::map<quint64, std::shared_ptr<AuthorizedCall>> m_authorizedCalls; // in flight
};

} // namespace medora
