#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace medora::server {

// A certificate chain and private key read from PEM files. The engine takes a copy for each
// new connection, so replacing it (reload) never disturbs connections already open.
struct TlsCredentials
{
    QList<QSslCertificate> chain; // leaf first
    QSslKey key;

    bool isValid() const { return !chain.isEmpty() && !key.isNull(); }
    // Reads both PEM files; on failure returns invalid credentials and sets `error`
    // (names the file and what is wrong, never key material).
    static TlsCredentials load(const QString &certificatePath, const QString &keyPath, QString *error);
};

} // namespace medora::server
