#include "MemorySecretStore.h"

namespace medora {

bool MemorySecretStore::write(const QString &key, const QByteArray &secret)
{
    m_values.insert(key, secret);
    return true;
}

QByteArray MemorySecretStore::read(const QString &key, bool *found)
{
    if (found)
        *found = m_values.contains(key);
    return m_values.value(key);
}

bool MemorySecretStore::remove(const QString &key)
{
    m_values.remove(key);
    return true;
}

} // namespace medora
