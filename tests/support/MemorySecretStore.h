#pragma once

#include "security/SecretStore.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace medora {

// A SecretStore that only remembers, in memory: for tests that run several signed-in client
// cores in one process without the OS keychain (tst_sessionmanager covers the keychain).
class MemorySecretStore : public SecretStore
{
public:
    bool write(const QString &key, const QByteArray &secret) override;
    QByteArray read(const QString &key, bool *found = nullptr) override;
    bool remove(const QString &key) override;
    QString lastError() const override { return QString(); }

    QMap<QString, QByteArray> values() const { return m_values; }

private:
    QMap<QString, QByteArray> m_values;
};

} // namespace medora
