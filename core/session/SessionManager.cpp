#include "session/SessionManager.h"

#include "domain/PhoneNumber.h"
#include "domain/UuidV7.h"
#include "security/SecretStore.h"

#include <QSettings>
#include <QSysInfo>
#include <QUuid>

#include <algorithm>

namespace medora {

namespace {

constexpr qint64 kMinRefreshDelayMs = 1000;
constexpr qint64 kRefreshMarginMs = 30000;
constexpr qint64 kMaxTimerMs = 24LL * 60 * 60 * 1000;
constexpr int kFirstRetryMs = 15000;
constexpr int kMaxRetryMs = 5 * 60 * 1000;
constexpr int kMaxDeviceNameLength = 64;

} // namespace

SessionManager::SessionManager(ApiClient &api, SecretStore &secrets, QObject *parent)
    : QObject(parent), m_api(api), m_secrets(secrets)
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &SessionManager::refreshNow);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (hasSession())
            refreshNow();
        else if (m_state == State::Offline)
            resumeOnline();
        else if (m_state == State::SignedOut)
            restore();
    });
}

SessionManager::~SessionManager() = default;

QString SessionManager::deviceId()
{
    QSettings settings;
    const QUuid stored(settings.value(deviceIdSettingsKey()).toString());
    if (!stored.isNull())
        return stored.toString(QUuid::WithoutBraces);
    const QString id = UuidV7::generate().toString(QUuid::WithoutBraces);
    settings.setValue(deviceIdSettingsKey(), id);
    return id;
}

QString SessionManager::deviceName()
{
    const QString host = QSysInfo::machineHostName().trimmed().left(kMaxDeviceNameLength);
    return host.isEmpty() ? QStringLiteral("Medora") : host;
}

QString SessionManager::normalizedLogin(const QString &loginOrPhone)
{
    const QString text = loginOrPhone.trimmed();
    const bool hasLetters = std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLetter(); });
    if (!hasLetters) {
        const QString e164 = PhoneNumber::toE164(text);
        if (!e164.isEmpty())
            return e164;
    }
    return text;
}

QString SessionManager::savedServerAddress()
{
    return QSettings().value(serverSettingsKey()).toString();
}

ApiError SessionManager::setServerAddress(const QString &address)
{
    QUrl url;
    const ApiError error = ApiClient::parseServerAddress(address, m_api.allowsInsecureHttp(), &url);
    if (!error.ok())
        return error;
    if (url != m_api.serverUrl()) {
        if (hasSession() || m_state == State::Restoring || m_state == State::Offline)
            signOut();
        cancelSignIn();
        m_retryTimer.stop();
        m_api.setServerAddress(address);
    }
    QSettings().setValue(serverSettingsKey(), m_api.serverUrl().toString());
    return ApiError();
}

QString SessionManager::keychainKey() const
{
    if (!m_api.hasServer())
        return QString();
    return QStringLiteral("refresh-token %1").arg(m_api.serverUrl().toString(QUrl::FullyEncoded));
}

QString SessionManager::serverIdentity() const
{
    return m_api.hasServer() ? m_api.serverUrl().toString(QUrl::FullyEncoded) : QString();
}

QDateTime SessionManager::nextRefreshAt() const
{
    if (!m_refreshTimer.isActive())
        return QDateTime();
    return QDateTime::currentDateTimeUtc().addMSecs(m_refreshTimer.remainingTime());
}

void SessionManager::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void SessionManager::signIn(const QString &loginOrPhone, const QString &password)
{
    if (hasSession())
        signOut();
    else if (m_state == State::Restoring)
        abandonRestore();
    cancelSignIn();
    m_retryTimer.stop();
    if (m_refreshRequest != 0)
        m_api.abort(m_refreshRequest); // an offline session's resume: this sign-in replaces it
    setState(State::SigningIn);
    const QString login = normalizedLogin(loginOrPhone);
    m_signInRequest = m_api.login(
        login, password, deviceId(), deviceName(), this,
        [this, login, password](const ApiClient::Response &response) {
            m_signInRequest = 0;
            if (response.error.kind == ApiError::Kind::Cancelled)
                return; // whoever cancelled has settled the state
            std::optional<AuthSession> session;
            ApiError error = response.error;
            if (error.ok()) {
                session = AuthSession::fromJson(response.json);
                if (!session)
                    error = ApiError::make(ApiError::Kind::BadResponse, ApiError::badResponseCode(),
                                           QStringLiteral("the sign-in answer lacks tokens or the user"));
            }
            if (!error.ok()) {
                onSignInFailed(login, password, error);
                return;
            }
            acceptSession(*session, response.serverTime, &password);
        });
}

void SessionManager::onSignInFailed(const QString &login, const QString &password, const ApiError &error)
{
    const bool wasOffline = !m_user.id.isEmpty(); // signing in again on top of an offline session
    const QString server = serverIdentity();
    if (m_offline && error.isNetworkFailure()) {
        const OfflineCredentials::Check check = m_offline->verifyLogin(login, server, password);
        if (check.accepted()) {
            enterOffline(check.user);
            return;
        }
        setState(wasOffline ? State::Offline : State::SignedOut);
        if (wasOffline)
            scheduleRetry();
        emit signInFailed(offlineError(check, error));
        return;
    }
    if (m_offline && error.httpStatus == 401 && error.code == QLatin1String("invalid_credentials") &&
        m_offline->isRememberedLogin(login, server) &&
        m_offline->verifyLogin(login, server, password).accepted()) {
        // The server refuses the very password this PC remembers: the account was disabled or
        // its password changed elsewhere. The verifier no longer speaks for the server.
        forgetOffline();
        if (wasOffline) {
            clearSession();
            setState(State::SignedOut);
            removeStoredRefreshToken();
            emit sessionEnded(error);
            emit signInFailed(error);
            return;
        }
    }
    setState(wasOffline ? State::Offline : State::SignedOut);
    if (wasOffline)
        scheduleRetry();
    emit signInFailed(error);
}

void SessionManager::cancelSignIn()
{
    if (m_signInRequest == 0)
        return;
    const quint64 request = m_signInRequest;
    m_signInRequest = 0;
    m_api.abort(request);
    if (m_state != State::SigningIn)
        return;
    // Back to the offline session the sign-in started from, if any.
    setState(m_user.id.isEmpty() ? State::SignedOut : State::Offline);
    if (m_state == State::Offline)
        scheduleRetry();
}

bool SessionManager::restore()
{
    if (m_state == State::Offline)
        return resumeOnline();
    if (!m_api.hasServer() || hasSession() || m_state == State::SigningIn || m_state == State::Restoring)
        return false;
    bool found = false;
    const QByteArray token = m_secrets.read(keychainKey(), &found);
    if (!found || token.isEmpty()) {
        if (!m_secrets.lastError().isEmpty())
            emit keychainFailed(m_secrets.lastError());
        return false;
    }
    m_refreshToken = token;
    setState(State::Restoring);
    refreshThen(RefreshWaiter());
    return true;
}

void SessionManager::acceptSession(const AuthSession &session, const QDateTime &serverTime,
                                   const QString *password)
{
    const State previous = m_state;
    m_accessToken = session.accessToken;
    m_accessExpiresAt = session.accessExpiresAt;
    m_refreshToken = session.refreshToken;
    m_user = session.user;
    m_retryDelayMs = 0;
    m_retryTimer.stop();
    scheduleRefresh(serverTime);

    if (m_user.mustChangePassword) {
        // A session that may only change the password is not worth resuming after a restart.
        setState(State::PasswordChangeRequired);
        removeStoredRefreshToken();
        // A one-time password verifies nothing, and the last one to sign in online here can
        // no longer work offline until the new password is set.
        if (password)
            forgetOffline();
        if (previous != State::PasswordChangeRequired && m_state == State::PasswordChangeRequired)
            emit passwordChangeRequired(m_user);
        return;
    }
    if (password)
        rememberOffline(m_user, *password);
    setState(State::SignedIn);
    // The token rotates on every refresh: the keychain always gets the newest one.
    storeRefreshToken();
    if (previous != State::SignedIn && m_state == State::SignedIn)
        emit signedIn(m_user);
    if (previous == State::SignedIn || previous == State::PasswordChangeRequired)
        emit refreshed();
}

void SessionManager::scheduleRefresh(const QDateTime &serverTime)
{
    // The expiry is the server's clock; measuring from its Date header makes a PC whose
    // clock is off still refresh in time.
    const QDateTime now = serverTime.isValid() ? serverTime : QDateTime::currentDateTimeUtc();
    const qint64 lifetime = now.msecsTo(m_accessExpiresAt);
    qint64 delay = std::min(lifetime * 4 / 5, lifetime - kRefreshMarginMs);
    delay = std::clamp(delay, kMinRefreshDelayMs, kMaxTimerMs);
    m_refreshTimer.start(static_cast<int>(delay));
}

void SessionManager::refreshNow()
{
    if (m_state == State::Offline) {
        resumeOnline();
        return;
    }
    if (!m_refreshToken.isEmpty())
        refreshThen(RefreshWaiter());
}

void SessionManager::refreshThen(RefreshWaiter waiter)
{
    if (m_refreshToken.isEmpty()) {
        if (waiter)
            waiter(ApiError::make(ApiError::Kind::NotSignedIn, ApiError::notSignedInCode(),
                                  QStringLiteral("no session")));
        return;
    }
    if (waiter)
        m_refreshWaiters.append(std::move(waiter));
    if (m_refreshing)
        return;
    m_refreshing = true;
    m_refreshTimer.stop();
    m_refreshRequest =
        m_api.refresh(m_refreshToken, deviceId(), this,
                      [this](const ApiClient::Response &response) { onRefreshAnswer(response); });
}

bool SessionManager::sessionWasRefused(const ApiError &error)
{
    return error.kind == ApiError::Kind::Server &&
           (error.httpStatus == 400 || error.httpStatus == 401 || error.httpStatus == 403);
}

void SessionManager::onRefreshAnswer(const ApiClient::Response &response)
{
    m_refreshing = false;
    m_refreshRequest = 0;
    QList<RefreshWaiter> waiters;
    waiters.swap(m_refreshWaiters);

    ApiError error = response.error;
    if (error.ok()) {
        const std::optional<AuthSession> session = AuthSession::fromJson(response.json);
        if (session && m_state == State::Offline && session->user.id != m_user.id) {
            // The keychain held another account's session: it must not become this user's.
            logoutOnServer(session->accessToken, session->refreshToken);
            m_refreshToken.clear();
            removeStoredRefreshToken();
            error = ApiError::make(ApiError::Kind::NotSignedIn, ApiError::notSignedInCode(),
                                   QStringLiteral("the stored session belongs to another account"));
        } else if (session) {
            acceptSession(*session, response.serverTime);
        } else {
            error = ApiError::make(ApiError::Kind::BadResponse, ApiError::badResponseCode(),
                                   QStringLiteral("the refresh answer lacks tokens or the user"));
        }
    }
    if (!error.ok() && error.kind != ApiError::Kind::Cancelled) {
        if (sessionWasRefused(error)) {
            endSession(error);
        } else if (error.kind != ApiError::Kind::NotSignedIn) {
            // Offline, busy or a bad gateway: the tokens stay; try again later.
            scheduleRetry();
            if (m_state == State::Restoring) {
                m_refreshToken.clear();
                setState(State::SignedOut);
                emit restoreFailed(error);
            }
        }
    }
    for (const RefreshWaiter &waiter : waiters)
        waiter(error);
}

void SessionManager::clearSession()
{
    m_accessToken.clear();
    m_refreshToken.clear();
    m_accessExpiresAt = QDateTime();
    m_user = UserProfile();
    m_refreshTimer.stop();
    m_retryTimer.stop();
    m_retryDelayMs = 0;
}

void SessionManager::endSession(const ApiError &reason)
{
    const bool restoring = m_state == State::Restoring;
    // Refused (revoked, disabled, password changed elsewhere, expired): the verifier may be
    // stale too, so offline sign-in waits for the next online one.
    forgetOffline();
    clearSession();
    setState(State::SignedOut);
    removeStoredRefreshToken();
    if (restoring)
        emit restoreFailed(reason);
    else
        emit sessionEnded(reason);
}

void SessionManager::signOut()
{
    const bool hadUser = !m_user.id.isEmpty();
    const QByteArray accessToken = m_accessToken;
    QByteArray refreshToken = m_refreshToken;
    // The user goes first, so a sign-in cancelled here falls back to SignedOut, not Offline.
    clearSession();
    cancelSignIn();
    if (m_refreshRequest != 0) {
        const quint64 request = m_refreshRequest;
        m_api.abort(request);
    }
    setState(State::SignedOut);
    // An offline session may not have read its token yet: the server should end it too
    // when it happens to be reachable.
    if (hadUser && refreshToken.isEmpty() && !keychainKey().isEmpty())
        refreshToken = m_secrets.read(keychainKey());
    removeStoredRefreshToken();
    emit signedOut();
    if (!accessToken.isEmpty() || !refreshToken.isEmpty())
        logoutOnServer(accessToken, refreshToken);
}

void SessionManager::logoutOnServer(const QByteArray &accessToken, const QByteArray &refreshToken)
{
    // With an expired access token, a refresh gets one that can end the session.
    const auto viaRefresh = [this, refreshToken] {
        m_api.refresh(refreshToken, deviceId(), this, [this](const ApiClient::Response &response) {
            const std::optional<AuthSession> session =
                response.ok() ? AuthSession::fromJson(response.json) : std::nullopt;
            if (!session) {
                emit serverSignOutFinished(
                    response.ok() ? ApiError::make(ApiError::Kind::BadResponse, ApiError::badResponseCode(),
                                                   QStringLiteral("no tokens to sign out"))
                                  : response.error);
                return;
            }
            m_api.logout(session->accessToken, this, [this](const ApiClient::Response &answer) {
                emit serverSignOutFinished(answer.error);
            });
        });
    };
    if (accessToken.isEmpty()) {
        viaRefresh();
        return;
    }
    m_api.logout(accessToken, this, [this, viaRefresh, refreshToken](const ApiClient::Response &response) {
        if (response.error.httpStatus == 401 && !refreshToken.isEmpty()) {
            viaRefresh();
            return;
        }
        emit serverSignOutFinished(response.error);
    });
}

void SessionManager::changePassword(const QString &currentPassword, const QString &newPassword)
{
    if (!hasSession()) {
        emit passwordChangeFailed(ApiError::make(ApiError::Kind::NotSignedIn, ApiError::notSignedInCode(),
                                                 QStringLiteral("no session")));
        return;
    }
    const QString login = m_user.login;
    const QJsonObject body{{QStringLiteral("currentPassword"), currentPassword},
                           {QStringLiteral("newPassword"), newPassword}};
    authorizedSend("POST", QStringLiteral("me/password"), &body, this,
                   [this, login, newPassword](const ApiClient::Response &response) {
                       if (!response.ok()) {
                           emit passwordChangeFailed(response.error);
                           return;
                       }
                       // The server has ended every session of the account, this one too.
                       const UserProfile user = m_user;
                       clearSession();
                       setState(State::SignedOut);
                       removeStoredRefreshToken();
                       rememberOffline(user, newPassword);
                       emit passwordChanged();
                       signIn(login, newPassword);
                   });
}

void SessionManager::authorizedSend(const QByteArray &method, const QString &path, const QJsonObject *body,
                                    QObject *context, ApiClient::Callback done)
{
    authorizedSend(method, path, body, ApiClient::RequestOptions(), context, std::move(done));
}

quint64 SessionManager::authorizedSend(const QByteArray &method, const QString &path, const QJsonObject *body,
                                       const ApiClient::RequestOptions &options, QObject *context,
                                       ApiClient::Callback done)
{
    auto call = std::make_shared<AuthorizedCall>();
    call->method = method;
    call->path = path;
    call->hasBody = body != nullptr;
    if (body)
        call->body = *body;
    call->context = context;
    call->hasContext = context != nullptr;
    call->done = std::move(done);
    call->options = options;
    call->id = m_nextAuthorizedCall++;
    m_authorizedCalls[call->id] = call;

    if (m_accessToken.isEmpty()) {
        refreshThen([this, call](const ApiError &error) {
            if (call->aborted)
                return;
            if (error.ok()) {
                sendAuthorized(call, true);
            } else {
                ApiClient::Response response;
                response.error = error;
                finishAuthorized(call, response);
            }
        });
        return call->id;
    }
    sendAuthorized(call, false);
    return call->id;
}

void SessionManager::abortAuthorized(quint64 callId)
{
    const auto it = m_authorizedCalls.find(callId);
    if (it == m_authorizedCalls.end())
        return;
    const std::shared_ptr<AuthorizedCall> call = it->second;
    m_authorizedCalls.erase(it);
    call->aborted = true;
    if (call->apiRequest != 0)
        m_api.abort(call->apiRequest); // its callback sees `aborted` and stays silent
}

void SessionManager::finishAuthorized(const std::shared_ptr<AuthorizedCall> &call,
                                      const ApiClient::Response &response)
{
    m_authorizedCalls.erase(call->id);
    if (call->done && (!call->hasContext || call->context))
        call->done(response);
}

void SessionManager::sendAuthorized(const std::shared_ptr<AuthorizedCall> &call, bool retried)
{
    call->apiRequest =
        m_api.send(call->method, call->path, call->hasBody ? &call->body : nullptr, m_accessToken,
                   call->options, this, [this, call, retried](const ApiClient::Response &response) {
                       call->apiRequest = 0;
                       if (call->aborted)
                           return;
                       if (call->hasContext && !call->context) {
                           m_authorizedCalls.erase(call->id);
                           return;
                       }
                       // 401 invalid_credentials is a wrong current password, not a stale token.
                       const bool staleToken = response.error.httpStatus == 401 &&
                                               response.error.code != QLatin1String("invalid_credentials");
                       if (staleToken && !retried && !m_refreshToken.isEmpty()) {
                           refreshThen([this, call](const ApiError &error) {
                               if (call->aborted)
                                   return;
                               if (error.ok()) {
                                   sendAuthorized(call, true);
                               } else {
                                   ApiClient::Response failed;
                                   failed.error = error;
                                   finishAuthorized(call, failed);
                               }
                           });
                           return;
                       }
                       finishAuthorized(call, response);
                   });
}

void SessionManager::setOfflineCredentials(OfflineCredentials *credentials)
{
    m_offline = credentials;
}

void SessionManager::signInOffline(const QString &loginOrPhone, const QString &password)
{
    if (hasSession())
        signOut();
    else if (m_state == State::Restoring)
        abandonRestore();
    cancelSignIn();
    const ApiError unreachable = ApiError::make(ApiError::Kind::Offline, ApiError::offlineCode(),
                                                QStringLiteral("signing in without the server"));
    const OfflineCredentials::Check check =
        m_offline ? m_offline->verifyLogin(normalizedLogin(loginOrPhone), serverIdentity(), password)
                  : OfflineCredentials::Check();
    if (check.accepted()) {
        enterOffline(check.user);
        return;
    }
    emit signInFailed(offlineError(check, unreachable));
}

OfflineCredentials::Check SessionManager::checkPassword(const QString &password)
{
    if (!m_offline || !hasUser())
        return OfflineCredentials::Check();
    return m_offline->verifyUser(m_user.id, password);
}

void SessionManager::abandonRestore()
{
    // The keychain keeps its token: an offline session resumes with it later, and an online
    // sign-in replaces it.
    if (m_refreshRequest != 0)
        m_api.abort(m_refreshRequest);
    m_refreshToken.clear();
    m_retryTimer.stop();
    setState(State::SignedOut);
}

void SessionManager::enterOffline(const UserProfile &user)
{
    if (m_user.id != user.id)
        m_refreshToken.clear();
    m_user = user;
    m_user.mustChangePassword = false;
    m_accessToken.clear();
    m_accessExpiresAt = QDateTime();
    m_refreshTimer.stop();
    m_retryDelayMs = 0;
    setState(State::Offline);
    emit signedInOffline(m_user);
    if (m_state == State::Offline)
        scheduleRetry();
}

bool SessionManager::resumeOnline()
{
    if (m_state != State::Offline || !m_api.hasServer())
        return false;
    if (m_refreshing)
        return true;
    if (m_refreshToken.isEmpty()) {
        bool found = false;
        const QByteArray token = m_secrets.read(keychainKey(), &found);
        if (m_state != State::Offline) // the keychain's wait let something else happen
            return false;
        if (!found || token.isEmpty()) {
            // Without a token only an online sign-in brings the session back.
            if (!m_secrets.lastError().isEmpty()) {
                emit keychainFailed(m_secrets.lastError());
                scheduleRetry();
            }
            return false;
        }
        m_refreshToken = token;
    }
    refreshThen(RefreshWaiter());
    return true;
}

void SessionManager::scheduleRetry()
{
    m_retryDelayMs = m_retryDelayMs == 0 ? kFirstRetryMs : std::min(m_retryDelayMs * 2, kMaxRetryMs);
    m_retryTimer.start(m_retryDelayMs);
}

void SessionManager::rememberOffline(const UserProfile &user, const QString &password)
{
    if (m_offline && !m_offline->remember(user, serverIdentity(), password))
        emit offlineCredentialsFailed(m_offline->lastError());
}

void SessionManager::forgetOffline()
{
    if (m_offline && m_offline->hasVerifier() && !m_offline->forget())
        emit offlineCredentialsFailed(m_offline->lastError());
}

ApiError SessionManager::offlineError(const OfflineCredentials::Check &check, const ApiError &networkError)
{
    ApiError error = networkError;
    switch (check.verdict) {
    case OfflineCredentials::Verdict::Accepted:
    case OfflineCredentials::Verdict::NoVerifier:
        return networkError; // nobody can work offline here: the network is the whole story
    case OfflineCredentials::Verdict::WrongPassword:
        error.code = offlineWrongPasswordCode();
        error.field = QStringLiteral("password");
        break;
    case OfflineCredentials::Verdict::Throttled:
        error.code = offlineThrottledCode();
        error.field = QStringLiteral("password");
        break;
    case OfflineCredentials::Verdict::OtherUser:
        error.code = offlineOtherUserCode();
        error.field = QStringLiteral("login");
        break;
    }
    error.message =
        QStringLiteral("the server is unreachable and the offline check refused: %1").arg(error.code);
    error.retryAfterSeconds = check.retryAfterSeconds > 0 ? check.retryAfterSeconds : -1;
    return error;
}

void SessionManager::storeRefreshToken()
{
    const QString key = keychainKey();
    if (key.isEmpty() || m_refreshToken.isEmpty())
        return;
    if (!m_secrets.write(key, m_refreshToken))
        emit keychainFailed(m_secrets.lastError());
}

void SessionManager::removeStoredRefreshToken()
{
    const QString key = keychainKey();
    if (key.isEmpty())
        return;
    if (!m_secrets.remove(key))
        emit keychainFailed(m_secrets.lastError());
}

} // namespace medora
