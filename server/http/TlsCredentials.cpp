#include "http/TlsCredentials.h"

#include <QFile>
#include <QSslSocket>

namespace medora::server {

namespace {

// PEM files are small; anything bigger is not a certificate or key and is not read whole.
constexpr qint64 kMaxPemBytes = 1024 * 1024;

bool readPem(const QString &path, const char *what, QByteArray *data, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            QStringLiteral("cannot read %1 file %2: %3").arg(QLatin1String(what), path, file.errorString());
        return false;
    }
    if (file.size() > kMaxPemBytes) {
        *error = QStringLiteral("%1 file %2 is too large to be PEM").arg(QLatin1String(what), path);
        return false;
    }
    *data = file.readAll();
    return true;
}

} // namespace

TlsCredentials TlsCredentials::load(const QString &certificatePath, const QString &keyPath, QString *error)
{
    QString ignored;
    QString &message = error ? *error : ignored;
    message.clear();
    if (!QSslSocket::supportsSsl()) {
        message = QStringLiteral("TLS is not available: no TLS backend could be loaded");
        return {};
    }

    QByteArray certificateData;
    if (!readPem(certificatePath, "certificate", &certificateData, &message))
        return {};
    TlsCredentials credentials;
    credentials.chain = QSslCertificate::fromData(certificateData, QSsl::Pem);
    if (credentials.chain.isEmpty() || credentials.chain.first().isNull()) {
        message = QStringLiteral("certificate file %1 contains no PEM certificate").arg(certificatePath);
        return {};
    }

    QByteArray keyData;
    if (!readPem(keyPath, "key", &keyData, &message))
        return {};
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa, QSsl::Dh}) {
        QSslKey key(keyData, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull()) {
            credentials.key = key;
            break;
        }
    }
    // Never echo key bytes: the message names the file and the problem only.
    keyData.fill('\0');
    if (credentials.key.isNull()) {
        message =
            QStringLiteral("key file %1 contains no unencrypted PEM private key (RSA or EC)").arg(keyPath);
        return {};
    }
    return credentials;
}

} // namespace medora::server
