#pragma once

#include "security/SecretStore.h"

#include <QCoreApplication>
#include <QString>

namespace medora {

// SecretStore on the operating system's keychain (Secret Service on Linux, Keychain on
// macOS, Credential Manager on Windows) through QtKeychain. Calls block until the
// keychain answers; QtKeychain's jobs are asynchronous, so each call runs its own local
// event loop. Never falls back to storing secrets in plain files.
class KeychainSecretStore : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(KeychainSecretStore)

public:
    explicit KeychainSecretStore(const QString &service = QStringLiteral("Medora"));

    bool write(const QString &key, const QByteArray &secret) override;
    QByteArray read(const QString &key, bool *found = nullptr) override;
    bool remove(const QString &key) override;
    QString lastError() const override { return m_lastError; }

    QString service() const { return m_service; }

private:
    QString m_service;
    QString m_lastError;
};

} // namespace medora
