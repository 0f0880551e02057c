#include "api/RecoveryApi.h"

#include "api/ApiError.h"
#include "api/JsonBodyDecoder.h"
#include "api/PasswordWorkPool.h"
#include "auth/ClientKey.h"
#include "auth/RecoveryServices.h"

namespace medora::server {

namespace {

constexpr int kPhoneMax = 32;
constexpr int kEmailMax = 254;
constexpr int kCodeMax = 16;
constexpr int kPasswordMax = 1024;
constexpr int kLanguageMax = 8;

} // namespace

Outcome<RecoveryApi::ResetRequest> RecoveryApi::decodeRequest(const QByteArray &body)
{
    JsonBodyDecoder json(body,
                         {QStringLiteral("phone"), QStringLiteral("email"), QStringLiteral("language")});
    ResetRequest request;
    request.phone = json.optionalString(QStringLiteral("phone"), kPhoneMax).value_or(QString());
    request.email = json.optionalString(QStringLiteral("email"), kEmailMax).value_or(QString());
    request.language = json.optionalString(QStringLiteral("language"), kLanguageMax).value_or(QString());
    if (!json.ok())
        return json.error();
    return request;
}

Outcome<RecoveryApi::ResetConfirm> RecoveryApi::decodeConfirm(const QByteArray &body)
{
    JsonBodyDecoder json(body, {QStringLiteral("phone"), QStringLiteral("email"), QStringLiteral("code"),
                                QStringLiteral("newPassword")});
    ResetConfirm confirm;
    confirm.phone = json.optionalString(QStringLiteral("phone"), kPhoneMax).value_or(QString());
    confirm.email = json.optionalString(QStringLiteral("email"), kEmailMax).value_or(QString());
    confirm.code = json.requiredString(QStringLiteral("code"), kCodeMax);
    confirm.newPassword = json.requiredString(QStringLiteral("newPassword"), kPasswordMax);
    if (!json.ok())
        return json.error();
    return confirm;
}

RecoveryApi::RecoveryApi(RecoveryServices &services, PasswordWorkPool &passwordPool)
    : m_services(services), m_passwordPool(passwordPool)
{}

QString RecoveryApi::language(const QString &requested)
{
    return requested.trimmed().toLower() == QLatin1String("ru") ? QStringLiteral("ru") : QStringLiteral("uz");
}

std::optional<HttpResponse> RecoveryApi::limitAddress(RecoveryServices &services, const HttpRequest &request)
{
    int retryAfter = 0;
    if (!services.perAddress.tryAcquire(
            QStringLiteral("recovery:") + ClientKey::forAddress(request.clientAddress), &retryAfter))
        return ApiError::rateLimited(retryAfter);
    return std::nullopt;
}

HttpReply RecoveryApi::requestCode(const HttpRequest &request)
{
    const Outcome<ResetRequest> decoded = decodeRequest(request.body);
    if (!decoded.ok())
        return ApiError::response(decoded.error());
    const Outcome<PasswordRecovery::Destination> destination =
        PasswordRecovery::destination(decoded.value().phone, decoded.value().email);
    if (!destination.ok())
        return ApiError::response(destination.error());
    // Malformed requests are refused before they spend the address's recovery budget.
    if (auto limited = limitAddress(m_services, request))
        return *limited;
    const Outcome<Done> done = m_services.recovery.request(
        destination.value(), language(decoded.value().language), request.clientAddress);
    if (!done.ok())
        return ApiError::response(done.error());
    // The same answer whether or not an account has this phone or address.
    return HttpResponse::json(
        202, QJsonObject{{QStringLiteral("status"), QStringLiteral("accepted")},
                         {QStringLiteral("channel"), destination.value().channel},
                         {QStringLiteral("expiresInSeconds"), m_services.codes.lifetimeSeconds()}});
}

HttpReply RecoveryApi::confirm(const HttpRequest &request)
{
    const Outcome<ResetConfirm> decoded = decodeConfirm(request.body);
    if (!decoded.ok())
        return ApiError::response(decoded.error());
    const Outcome<PasswordRecovery::Destination> destination =
        PasswordRecovery::destination(decoded.value().phone, decoded.value().email);
    if (!destination.ok())
        return ApiError::response(destination.error());
    // Malformed requests are refused before they spend the address's recovery budget.
    if (auto limited = limitAddress(m_services, request))
        return *limited;
    const ResetConfirm confirm = decoded.value();
    const PasswordRecovery::Destination to = destination.value();
    const QHostAddress address = request.clientAddress;
    RecoveryServices *services = &m_services;
    return m_passwordPool.submit([services, confirm, to, address]() {
        const Outcome<Done> done = services->recovery.confirm(to, confirm.code, confirm.newPassword, address);
        if (!done.ok())
            return ApiError::response(done.error());
        return HttpResponse::noContent();
    });
}

} // namespace medora::server
