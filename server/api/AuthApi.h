#pragma once

#include "auth/AccountTypes.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "store/ServiceError.h"

#include <QJsonObject>

namespace medora::server {

class AccountService;
class SessionService;
class Metrics;
class PasswordWorkPool;

// /api/v1/auth/* and /api/v1/me*: sign-in, refresh, sign-out, the caller's own account.
// The decoders are static so the fuzz target drives exactly what the server runs.
class AuthApi
{
public:
    struct LoginRequest
    {
        QString login;
        QString password;
        QString deviceId;
        QString deviceName;
    };
    struct RefreshRequest
    {
        QString refreshToken;
        QString deviceId;
    };
    struct PasswordChangeRequest
    {
        QString currentPassword;
        QString newPassword;
    };

    static Outcome<LoginRequest> decodeLogin(const QByteArray &body);
    static Outcome<RefreshRequest> decodeRefresh(const QByteArray &body);
    static Outcome<PasswordChangeRequest> decodePasswordChange(const QByteArray &body);

    AuthApi(SessionService &sessions, AccountService &accounts, Metrics &metrics,
            PasswordWorkPool &passwordPool);

    HttpReply login(const HttpRequest &request);
    HttpReply refresh(const HttpRequest &request);
    HttpReply logout(const HttpRequest &request, const Actor &actor);
    HttpReply me(const HttpRequest &request, const Actor &actor);
    HttpReply changePassword(const HttpRequest &request, const Actor &actor);

    static QJsonObject sessionJson(const IssuedSession &session);

private:
    SessionService &m_sessions;
    AccountService &m_accounts;
    Metrics &m_metrics;
    PasswordWorkPool &m_passwordPool;
};

} // namespace medora::server
