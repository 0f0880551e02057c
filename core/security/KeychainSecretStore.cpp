#include "security/KeychainSecretStore.h"

#include <QEventLoop>

#include <qt6keychain/keychain.h>

namespace medora {

namespace {

// Starts `job` and waits for its finished() signal. The job may also finish before
// start() returns (e.g. when no keychain backend exists), hence the flag.
void runJob(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    bool finished = false;
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    job.start();
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service) : m_service(service) {}

bool KeychainSecretStore::write(const QString &key, const QByteArray &secret)
{
    m_lastError.clear();
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(key);
    job.setBinaryData(secret);
    runJob(job);
    if (job.error() != QKeychain::NoError) {
        m_lastError = tr("Could not save \"%1\" in the system keychain: %2").arg(key, job.errorString());
        return false;
    }
    return true;
}

QByteArray KeychainSecretStore::read(const QString &key, bool *found)
{
    m_lastError.clear();
    if (found)
        *found = false;
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(key);
    runJob(job);
    if (job.error() == QKeychain::EntryNotFound)
        return QByteArray();
    if (job.error() != QKeychain::NoError) {
        m_lastError = tr("Could not read \"%1\" from the system keychain: %2").arg(key, job.errorString());
        return QByteArray();
    }
    if (found)
        *found = true;
    return job.binaryData();
}

bool KeychainSecretStore::remove(const QString &key)
{
    m_lastError.clear();
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(key);
    runJob(job);
    // Removing what is already gone is success: the caller wants it absent.
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound) {
        m_lastError = tr("Could not remove \"%1\" from the system keychain: %2").arg(key, job.errorString());
        return false;
    }
    return true;
}

} // namespace medora
