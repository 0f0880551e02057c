#pragma once

#include "store/ServiceError.h"

#include <QString>

#include <optional>

namespace medora::server {

// NIST/OWASP style: 8..128 characters (code points), not one of the most common passwords
// (list in resources/server/common-passwords.txt, compiled in), not the login or phone.
// No composition rules.
class PasswordPolicy
{
public:
    static constexpr int minimumLength = 8;
    static constexpr int maximumLength = 128;

    // nullopt when acceptable; otherwise a BadInput error for `field`.
    static std::optional<ServiceError> check(const QString &password, const QString &field,
                                             const QString &login = QString(),
                                             const QString &phone = QString());
    static bool isCommon(const QString &password);
    // 16 characters from an unambiguous alphabet, ~90 bits of entropy.
    static QString generateOneTimePassword();
};

} // namespace medora::server
