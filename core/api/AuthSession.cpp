#include "api/AuthSession.h"

namespace medora {

namespace {

QDateTime utcTime(const QJsonValue &value)
{
    if (!value.isString())
        return QDateTime();
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

} // namespace

std::optional<AuthSession> AuthSession::fromJson(const QJsonObject &json)
{
    AuthSession session;
    session.accessToken = json.value(QLatin1String("accessToken")).toString().toUtf8();
    session.refreshToken = json.value(QLatin1String("refreshToken")).toString().toUtf8();
    session.accessExpiresAt = utcTime(json.value(QLatin1String("accessExpiresAt")));
    session.refreshExpiresAt = utcTime(json.value(QLatin1String("refreshExpiresAt")));
    session.sessionId = json.value(QLatin1String("sessionId")).toString();
    const std::optional<UserProfile> user =
        UserProfile::fromJson(json.value(QLatin1String("user")).toObject());
    if (session.accessToken.isEmpty() || session.refreshToken.isEmpty() ||
        !session.accessExpiresAt.isValid() || !session.refreshExpiresAt.isValid() || !user)
        return std::nullopt;
    session.user = *user;
    return session;
}

} // namespace medora
