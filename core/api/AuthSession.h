#pragma once

#include "api/UserProfile.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace medora {

// The answer of /auth/login and /auth/refresh: a token pair and who it belongs to.
// Holds secrets; never log or persist it as a whole.
struct AuthSession
{
    QByteArray accessToken;
    QDateTime accessExpiresAt; // UTC
    QByteArray refreshToken;
    QDateTime refreshExpiresAt; // UTC
    QString sessionId;
    UserProfile user;

    // Empty when a token, an expiry time or the user is missing or malformed.
    static std::optional<AuthSession> fromJson(const QJsonObject &json);
};

} // namespace medora
