#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace medora {

// The signed-in staff member as the server describes them ("user" in /auth/login and /me).
struct UserProfile
{
    QString id;
    QString clinicId;
    QString clinicName;
    QString login;
    QString phone;
    QString fullName;
    QString role; // clinic_admin, doctor or receptionist
    bool mustChangePassword = false;

    // Empty when a required member (id, clinicId, login, role) is missing or not a string.
    static std::optional<UserProfile> fromJson(const QJsonObject &json);
    // The name to greet with: the full name, else the login.
    QString displayName() const { return fullName.isEmpty() ? login : fullName; }
};

} // namespace medora
