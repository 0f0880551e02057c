#include "api/UserJson.h"

namespace medora::server {

QJsonObject UserJson::toJson(const StaffAccount &account, const QString &clinicName)
{
    return QJsonObject{
        {QStringLiteral("id"), account.id},
        {QStringLiteral("clinicId"), account.clinicId},
        {QStringLiteral("clinicName"), clinicName},
        {QStringLiteral("login"), account.login},
        {QStringLiteral("phone"),
         account.phone.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(account.phone)},
        {QStringLiteral("fullName"), account.fullName},
        {QStringLiteral("role"), roleName(account.role)},
        {QStringLiteral("mustChangePassword"), account.mustChangePassword},
        {QStringLiteral("disabled"), account.disabled},
    };
}

QString UserJson::timestamp(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    return at.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace medora::server
