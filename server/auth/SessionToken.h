#pragma once

#include <QByteArray>
#include <QString>

namespace medora::server {

// Bearer tokens: 256 random bits as unpadded base64url (43 characters). Only their SHA-256
// is stored, so a copy of the database does not let anyone sign in.
class SessionToken
{
public:
    static constexpr int randomBytes = 32;
    static constexpr int encodedLength = 43;

    static QString generate();
    // Hex SHA-256 of the token as sent; the value stored and looked up.
    static QByteArray hash(const QString &token);
    // Cheap shape check before any lookup (length and alphabet).
    static bool looksValid(const QString &token);
};

} // namespace medora::server
