#pragma once

#include <QString>

#include <optional>

namespace medora::server {

enum class Role
{
    ClinicAdmin,
    Doctor,
    Receptionist
};

inline QString roleName(Role role)
{
    switch (role) {
    case Role::ClinicAdmin:
        return QStringLiteral("clinic_admin");
    case Role::Doctor:
        return QStringLiteral("doctor");
    case Role::Receptionist:
        return QStringLiteral("receptionist");
    }
    return {};
}

inline std::optional<Role> roleFromName(const QString &name)
{
    if (name == QLatin1String("clinic_admin"))
        return Role::ClinicAdmin;
    if (name == QLatin1String("doctor"))
        return Role::Doctor;
    if (name == QLatin1String("receptionist"))
        return Role::Receptionist;
    return std::nullopt;
}

} // namespace medora::server
