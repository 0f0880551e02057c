#pragma once

#include "auth/Role.h"

#include <QDateTime>
#include <QHostAddress>
#include <QString>

#include <optional>

namespace medora::server {

struct Clinic
{
    QString id; // UUIDv7
    QString name;
    QDateTime createdAt;
};

struct StaffAccount
{
    QString id; // UUIDv7
    QString clinicId;
    QString login;    // lower-case [a-z0-9._-]{3,32}, unique across the server
    QString phone;    // E.164 "+998..." or empty; unique across the server when set
    QString fullName; // 1..100 characters
    Role role = Role::Receptionist;
    bool disabled = false;
    bool mustChangePassword = false; // set by one-time passwords (create/reset)
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct NewStaff
{
    QString login;
    QString phone; // any local form; stored E.164
    QString fullName;
    Role role = Role::Receptionist;
};

struct StaffChanges
{
    std::optional<Role> role;
    std::optional<bool> disabled;
    std::optional<QString> fullName;
    std::optional<QString> phone;
};

// A clinic that signs itself up from the client (server/auth/ClinicSignup): the clinic and its
// first administrator, created together.
struct ClinicRegistration
{
    QString clinicName;
    NewStaff admin;   // role is always clinic_admin
    QString email;    // optional recovery e-mail, lower case
    QString password; // checked by PasswordPolicy
    QHostAddress clientAddress;
};

struct CreatedStaff
{
    StaffAccount account;
    QString oneTimePassword; // empty when the caller supplied the password
};

// Who is calling: from an access token, or the operator at the command line.
struct Actor
{
    QString userId;   // empty for the operator (CLI)
    QString clinicId; // empty for the operator
    QString login;    // "operator" for the CLI
    Role role = Role::Receptionist;
    QString sessionId;
    QHostAddress clientAddress;
    // From the account at authenticate(): the API lets such an account reach only /me,
    // /me/password and /auth/logout (403 password_change_required elsewhere).
    bool mustChangePassword = false;
    bool isOperator() const { return userId.isEmpty(); }
};

struct LoginAttempt
{
    QString identifier; // login name or phone in any local form
    QString password;
    QString deviceId;   // client-chosen stable id, 8..64 of [A-Za-z0-9_-]
    QString deviceName; // optional, <= 100 characters, shown in session lists
    QHostAddress clientAddress;
};

struct IssuedSession
{
    QString sessionId;
    QString accessToken; // opaque, 256 random bits, base64url; stored only as SHA-256
    QDateTime accessExpiresAt;
    QString refreshToken;       // opaque, 256 random bits, rotated on every refresh
    QDateTime refreshExpiresAt; // min(idle expiry, absolute expiry)
    StaffAccount account;
    QString clinicName;
};

} // namespace medora::server
