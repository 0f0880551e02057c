#pragma once

#include "api/ApiClient.h"
#include "api/ApiError.h"
#include "api/AuthSession.h"
#include "api/UserProfile.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <QJsonObject>
#include <QPointer>

#include <functional>
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
    UserProfile user() const { return m_user; }
    QDateTime accessExpiresAt() const { return m_accessExpiresAt; }
    // When the next refresh is due (invalid when none is scheduled).
    QDateTime nextRefreshAt() const;
    // Where this server's refresh token sits in the keychain.
    QString keychainKey() const;

    // Outcome: signedIn, passwordChangeRequired or signInFailed.
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
    // Refreshes now (normally the timer does it).
    void refreshNow();

    // A call with the access token. A 401 (other than a wrong current password) refreshes
    // once and repeats the call; if the refresh is refused the session ends.
    void authorizedSend(const QByteArray &method, const QString &path, const QJsonObject *body,
                        QObject *context, ApiClient::Callback done);

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
    };

    void setState(State state);
    void sendAuthorized(const std::shared_ptr<AuthorizedCall> &call, bool retried);
    void acceptSession(const AuthSession &session, const QDateTime &serverTime);
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
};

} // namespace medora
