#include "subscription/SubscriptionClient.h"

#include "session/SessionManager.h"

#include <QFile>
#include <QTimer>

namespace medora {

SubscriptionClient::SubscriptionClient(SessionManager &session, QObject *parent)
    : QObject(parent), m_session(session)
{}

QByteArray SubscriptionClient::receiptType(const QByteArray &content)
{
    if (content.size() >= 4 && content.startsWith("\xFF\xD8\xFF"))
        return QByteArrayLiteral("image/jpeg");
    if (content.size() >= 16 && content.startsWith("\x89PNG\r\n\x1A\n") && content.mid(12, 4) == "IHDR")
        return QByteArrayLiteral("image/png");
    if (content.size() >= 8 && content.startsWith("%PDF-"))
        return QByteArrayLiteral("application/pdf");
    return {};
}

QByteArray SubscriptionClient::readReceipt(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The file cannot be read: %1").arg(file.errorString());
        return {};
    }
    if (file.size() > kMaxReceiptBytes) {
        if (error)
            *error = tr("The receipt may be at most %1 MB.").arg(kMaxReceiptBytes / (1024 * 1024));
        return {};
    }
    const QByteArray content = file.read(kMaxReceiptBytes + 1);
    if (content.size() > kMaxReceiptBytes) {
        if (error)
            *error = tr("The receipt may be at most %1 MB.").arg(kMaxReceiptBytes / (1024 * 1024));
        return {};
    }
    if (receiptType(content).isEmpty()) {
        if (error)
            *error = tr("The receipt must be a photo (JPEG or PNG) or a PDF.");
        return {};
    }
    return content;
}

void SubscriptionClient::refresh()
{
    if (!m_session.isSignedIn()) {
        QTimer::singleShot(0, this, [this] {
            emit failed(ApiError::make(ApiError::Kind::Offline, ApiError::offlineCode(),
                                       QStringLiteral("the subscription is read from the server")));
        });
        return;
    }
    m_session.authorizedSend(
        "GET", QStringLiteral("subscription"), nullptr, this, [this](const ApiClient::Response &response) {
            if (!response.ok()) {
                emit failed(response.error);
                return;
            }
            const std::optional<SubscriptionStatus> status = SubscriptionStatus::fromJson(response.json);
            if (!status) {
                emit failed(ApiError::make(ApiError::Kind::BadResponse, ApiError::badResponseCode(),
                                           QStringLiteral("not a subscription answer")));
                return;
            }
            m_status = status;
            emit statusChanged(*status);
        });
}

void SubscriptionClient::uploadReceipt(qint64 amount, const QByteArray &content)
{
    if (m_busy)
        return;
    if (!m_session.isSignedIn()) {
        QTimer::singleShot(0, this, [this] {
            emit failed(ApiError::make(ApiError::Kind::Offline, ApiError::offlineCode(),
                                       QStringLiteral("receipts are sent to the server only")));
        });
        return;
    }
    const QJsonObject body{{QStringLiteral("amount"), double(amount)},
                           {QStringLiteral("content"), QString::fromLatin1(content.toBase64())}};
    m_busy = true;
    m_session.authorizedSend("POST", QStringLiteral("subscription/receipts"), &body, this,
                             [this](const ApiClient::Response &response) {
                                 m_busy = false;
                                 if (!response.ok()) {
                                     emit failed(response.error);
                                     return;
                                 }
                                 emit receiptUploaded();
                                 refresh();
                             });
}

} // namespace medora
