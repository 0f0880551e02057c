#pragma once

#include "api/ApiError.h"
#include "subscription/SubscriptionStatus.h"

#include <QObject>

#include <optional>

namespace medora {

class SessionManager;

// The clinic's subscription through the server: GET /api/v1/subscription (any role; the
// status explains why new visits or AI are refused) and POST /api/v1/subscription/receipts
// (clinic admins: a payment receipt the operators approve in Telegram). The receipt's type is
// checked by its content here as on the server, so a wrong file is named before upload.
class SubscriptionClient : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kMaxReceiptBytes = 5 * 1024 * 1024;

    explicit SubscriptionClient(SessionManager &session, QObject *parent = nullptr);

    // The file's bytes when it is a JPEG, PNG or PDF within the limit; empty with `error`
    // (translated) otherwise.
    static QByteArray readReceipt(const QString &path, QString *error);
    // "image/jpeg", "image/png", "application/pdf" or empty: by content, never by name.
    static QByteArray receiptType(const QByteArray &content);

    // Asynchronous: statusChanged() or failed().
    void refresh();
    // Asynchronous: receiptUploaded() (then a refresh) or failed().
    void uploadReceipt(qint64 amount, const QByteArray &content);

    std::optional<SubscriptionStatus> status() const { return m_status; }
    bool isBusy() const { return m_busy; }

signals:
    void statusChanged(const medora::SubscriptionStatus &status);
    void receiptUploaded();
    void failed(const medora::ApiError &error);

private:
    SessionManager &m_session;
    std::optional<SubscriptionStatus> m_status;
    bool m_busy = false;
};

} // namespace medora
