#include "api/UserProfile.h"

namespace medora {

std::optional<UserProfile> UserProfile::fromJson(const QJsonObject &json)
{
    const auto text = [&json](const char *name, bool required, QString *out) {
        const QJsonValue value = json.value(QLatin1String(name));
        if (value.isString()) {
            *out = value.toString();
            return !required || !out->isEmpty();
        }
        return !required && (value.isUndefined() || value.isNull());
    };
    UserProfile user;
    if (!text("id", true, &user.id) || !text("clinicId", true, &user.clinicId) ||
        !text("login", true, &user.login) || !text("role", true, &user.role) ||
        !text("clinicName", false, &user.clinicName) || !text("phone", false, &user.phone) ||
        !text("fullName", false, &user.fullName))
        return std::nullopt;
    const QJsonValue mustChange = json.value(QLatin1String("mustChangePassword"));
    if (!mustChange.isBool() && !mustChange.isUndefined())
        return std::nullopt;
    user.mustChangePassword = mustChange.toBool(false);
    return user;
}

} // namespace medora
