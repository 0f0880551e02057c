#pragma once

#include <QByteArray>

namespace medora::server {

// libsodium's process-wide setup and the few primitives the server uses outside hashing
// passwords. sodium_init() must run before any other libsodium call; initialize() does it
// once and is cheap to call again.
class Sodium
{
public:
    static bool initialize();
    static QByteArray randomBytes(int count);
    // Uniform in [0, upperBound) without modulo bias.
    static quint32 uniform(quint32 upperBound);
    // Lower-case hex SHA-256 (64 characters).
    static QByteArray sha256Hex(const QByteArray &data);
};

} // namespace medora::server
