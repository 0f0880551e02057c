#pragma once

#include <QByteArray>
#include <QString>

namespace medora {

// Where the client keeps secrets that must not sit in its settings (refresh tokens).
// The real implementation is KeychainSecretStore (OS keychain through QtKeychain).
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    virtual bool write(const QString &key, const QByteArray &secret) = 0;
    // Empty when absent; `found` tells absent from empty.
    virtual QByteArray read(const QString &key, bool *found = nullptr) = 0;
    virtual bool remove(const QString &key) = 0;
    virtual QString lastError() const = 0;
};

} // namespace medora
