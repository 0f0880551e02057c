#pragma once

#include "auth/AccountTypes.h"

#include <QJsonObject>

namespace medora::server {

// The API's "user" object: {"id","clinicId","clinicName","login","phone","fullName","role",
// "mustChangePassword","disabled"}. Never anything secret.
class UserJson
{
public:
    static QJsonObject toJson(const StaffAccount &account, const QString &clinicName);
    // Times as the API writes them: UTC ISO-8601 with milliseconds and "Z".
    static QString timestamp(const QDateTime &at);
};

} // namespace medora::server
