#include "auth/Sodium.h"

#include <sodium.h>

#include <mutex>

namespace medora::server {

bool Sodium::initialize()
{
    static std::once_flag once;
    static bool ready = false;
    std::call_once(once, [] { ready = sodium_init() >= 0; });
    return ready;
}

QByteArray Sodium::randomBytes(int count)
{
    initialize();
    QByteArray bytes(count, Qt::Uninitialized);
    randombytes_buf(bytes.data(), static_cast<size_t>(bytes.size()));
    return bytes;
}

quint32 Sodium::uniform(quint32 upperBound)
{
    initialize();
    return randombytes_uniform(upperBound);
}

QByteArray Sodium::sha256Hex(const QByteArray &data)
{
    initialize();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char *>(data.constData()),
                       static_cast<unsigned long long>(data.size()));
    return QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex();
}

} // namespace medora::server
