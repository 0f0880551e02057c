#include "api/AuthApi.h"

#include "api/ApiError.h"
#include "api/JsonBodyDecoder.h"
#include "api/PasswordWorkPool.h"
#include "api/UserJson.h"
#include "auth/AccountService.h"
#include "auth/SessionService.h"
#include "observability/Metrics.h"

namespace medora::server {

namespace {

// Generous bounds on the wire; the services apply the real rules (PasswordPolicy: 8..128
// code points, device id 8..64 of [A-Za-z0-9_-]) and answer with their own field errors.
constexpr int identifierMax = 64;
constexpr int passwordMax = 1024;
constexpr int deviceIdMax = 64;
constexpr int deviceNameMax = 100;
constexpr int tokenMax = 256;

} // namespace

Outcome<AuthApi::LoginRequest> AuthApi::decodeLogin(const QByteArray &body)
{
    JsonBodyDecoder json(body, {QStringLiteral("login"), QStringLiteral("password"),
                                QStringLiteral("deviceId"), QStringLiteral("deviceName")});
    LoginRequest request;
    request.login = json.requiredString(QStringLiteral("login"), identifierMax).trimmed();
    request.password = json.requiredString(QStringLiteral("password"), passwordMax);
    request.deviceId = json.requiredString(QStringLiteral("deviceId"), deviceIdMax);
    request.deviceName = json.optionalString(QStringLiteral("deviceName"), deviceNameMax).value_or(QString());
    if (!json.ok())
        return json.error();
    return request;
}

Outcome<AuthApi::RefreshRequest> AuthApi::decodeRefresh(const QByteArray &body)
{
    JsonBodyDecoder json(body, {QStringLiteral("refreshToken"), QStringLiteral("deviceId")});
    RefreshRequest request;
    request.refreshToken = json.requiredString(QStringLiteral("refreshToken"), tokenMax);
    request.deviceId = json.requiredString(QStringLiteral("deviceId"), deviceIdMax);
    if (!json.ok())
        return json.error();
    return request;
}

Outcome<AuthApi::PasswordChangeRequest> AuthApi::decodePasswordChange(const QByteArray &body)
{
    JsonBodyDecoder json(body, {QStringLiteral("currentPassword"), QStringLiteral("newPassword")});
    PasswordChangeRequest request;
    request.currentPassword = json.requiredString(QStringLiteral("currentPassword"), passwordMax);
    request.newPassword = json.requiredString(QStringLiteral("newPassword"), passwordMax);
    if (!json.ok())
        return json.error();
    return request;
}

AuthApi::AuthApi(SessionService &sessions, AccountService &accounts, Metrics &metrics,
                 PasswordWorkPool &passwordPool)
    : m_sessions(sessions), m_accounts(accounts), m_metrics(metrics), m_passwordPool(passwordPool)
{}

QJsonObject AuthApi::sessionJson(const IssuedSession &session)
{
    return QJsonObject{
        {QStringLiteral("accessToken"), session.accessToken},
        {QStringLiteral("accessExpiresAt"), UserJson::timestamp(session.accessExpiresAt)},
        {QStringLiteral("refreshToken"), session.refreshToken},
        {QStringLiteral("refreshExpiresAt"), UserJson::timestamp(session.refreshExpiresAt)},
        {QStringLiteral("sessionId"), session.sessionId},
        {QStringLiteral("user"), UserJson::toJson(session.account, session.clinicName)},
    };
}

HttpReply AuthApi::login(const HttpRequest &request)
{
    Outcome<LoginRequest> decoded = decodeLogin(request.body);
    if (!decoded.ok())
        return ApiError::response(decoded.error());
    LoginAttempt attempt;
    attempt.identifier = decoded.value().login;
    attempt.password = decoded.value().password;
    attempt.deviceId = decoded.value().deviceId;
    attempt.deviceName = decoded.value().deviceName;
    attempt.clientAddress = request.clientAddress;
    return m_passwordPool.submit([this, attempt]() {
        const Outcome<IssuedSession> session = m_sessions.login(attempt);
        if (!session.ok()) {
            if (session.error().kind == ServiceError::Kind::Unauthorized)
                m_metrics.recordLoginFailure();
            return ApiError::response(session.error());
        }
        return HttpResponse::json(200, sessionJson(session.value()));
    });
}

HttpReply AuthApi::refresh(const HttpRequest &request)
{
    Outcome<RefreshRequest> decoded = decodeRefresh(request.body);
    if (!decoded.ok())
        return ApiError::response(decoded.error());
    const Outcome<IssuedSession> session =
        m_sessions.refresh(decoded.value().refreshToken, decoded.value().deviceId, request.clientAddress);
    if (!session.ok())
        return ApiError::response(session.error());
    return HttpResponse::json(200, sessionJson(session.value()));
}

HttpReply AuthApi::logout(const HttpRequest &, const Actor &actor)
{
    const Outcome<Done> done = m_sessions.logout(actor);
    if (!done.ok())
        return ApiError::response(done.error());
    return HttpResponse::noContent();
}

HttpReply AuthApi::me(const HttpRequest &, const Actor &actor)
{
    const Outcome<StaffAccount> account = m_accounts.staff(actor, actor.clinicId, actor.userId);
    if (!account.ok())
        return ApiError::response(account.error());
    const Outcome<Clinic> clinic = m_accounts.clinic(actor.clinicId);
    if (!clinic.ok())
        return ApiError::response(clinic.error());
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("user"), UserJson::toJson(account.value(), clinic.value().name)}});
}

HttpReply AuthApi::changePassword(const HttpRequest &request, const Actor &actor)
{
    Outcome<PasswordChangeRequest> decoded = decodePasswordChange(request.body);
    if (!decoded.ok())
        return ApiError::response(decoded.error());
    const PasswordChangeRequest change = decoded.value();
    return m_passwordPool.submit([this, actor, change]() {
        const Outcome<Done> done =
            m_accounts.changeOwnPassword(actor, change.currentPassword, change.newPassword);
        if (!done.ok()) {
            if (done.error().kind == ServiceError::Kind::Unauthorized)
                m_metrics.recordLoginFailure();
            return ApiError::response(done.error());
        }
        return HttpResponse::noContent();
    });
}

} // namespace medora::server
