#include "auth/PasswordHasher.h"

#include "auth/Sodium.h"

#include <sodium.h>

namespace medora::server {

namespace {

// libsodium reads the encoded hash as a C string of at most crypto_pwhash_STRBYTES bytes.
bool plausibleEncoding(const QByteArray &encodedHash)
{
    return !encodedHash.isEmpty() && encodedHash.size() < int(crypto_pwhash_STRBYTES) &&
           !encodedHash.contains('\0');
}

} // namespace

PasswordHasher::PasswordHasher() : PasswordHasher(Parameters{}) {}

PasswordHasher::PasswordHasher(Parameters parameters) : m_parameters(parameters)
{
    Sodium::initialize();
    m_dummyHash = hash(QString::fromLatin1(Sodium::randomBytes(24).toBase64()));
}

QByteArray PasswordHasher::hash(const QString &password) const
{
    if (!Sodium::initialize())
        return {};
    QByteArray utf8 = password.toUtf8();
    char encoded[crypto_pwhash_STRBYTES];
    const int rc = crypto_pwhash_str_alg(encoded, utf8.constData(),
                                         static_cast<unsigned long long>(utf8.size()), m_parameters.opsLimit,
                                         m_parameters.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13);
    sodium_memzero(utf8.data(), static_cast<size_t>(utf8.size()));
    if (rc != 0)
        return {};
    return QByteArray(encoded);
}

bool PasswordHasher::verify(const QByteArray &encodedHash, const QString &password) const
{
    if (!Sodium::initialize() || !plausibleEncoding(encodedHash))
        return false;
    QByteArray utf8 = password.toUtf8();
    const bool ok = crypto_pwhash_str_verify(encodedHash.constData(), utf8.constData(),
                                             static_cast<unsigned long long>(utf8.size())) == 0;
    sodium_memzero(utf8.data(), static_cast<size_t>(utf8.size()));
    return ok;
}

bool PasswordHasher::needsRehash(const QByteArray &encodedHash) const
{
    if (!Sodium::initialize() || !plausibleEncoding(encodedHash))
        return true;
    // 1 = other parameters, -1 = not an Argon2id encoding at all: both mean "hash again".
    return crypto_pwhash_str_needs_rehash(encodedHash.constData(), m_parameters.opsLimit,
                                          m_parameters.memLimitBytes) != 0;
}

QByteArray PasswordHasher::dummyHash() const
{
    return m_dummyHash;
}

} // namespace medora::server
