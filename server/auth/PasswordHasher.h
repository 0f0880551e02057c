#pragma once

#include <QByteArray>
#include <QString>

namespace medora::server {

// Argon2id through libsodium with OWASP's minimum parameters (m = 19 MiB, t = 2, p = 1),
// encoded in the standard "$argon2id$v=19$m=...,t=...,p=...$salt$hash" form so parameters
// can be raised later and old hashes still verify (needsRehash tells when to upgrade).
class PasswordHasher
{
public:
    struct Parameters
    {
        unsigned long long opsLimit = 2;
        size_t memLimitBytes = 19 * 1024 * 1024;
    };

    PasswordHasher(); // OWASP parameters
    explicit PasswordHasher(Parameters parameters);

    QByteArray hash(const QString &password) const; // empty on failure (out of memory)
    bool verify(const QByteArray &encodedHash, const QString &password) const;
    bool needsRehash(const QByteArray &encodedHash) const;
    // A hash of a random password, verified against when the account does not exist, so an
    // unknown login costs the same time as a wrong password.
    QByteArray dummyHash() const;

private:
    Parameters m_parameters;
    QByteArray m_dummyHash;
};

} // namespace medora::server
