#pragma once

#include "notify/SmsSender.h"

#include <QByteArray>
#include <QMutex>
#include <QString>

namespace medora::server {

// Eskiz.uz's SMS gateway (https://notify.eskiz.uz, docs/operations.md): POST
// {base}/api/auth/login with the account's email and password (form fields) answers
// {"message":"token_generated","data":{"token":"…"}}; POST {base}/api/message/sms/send with
// "Authorization: Bearer <token>" and the form fields mobile_phone (digits, no "+"),
// message and from answers {"id":"…","status":"waiting",…}. The token is kept in memory and
// fetched again once when the gateway answers 401 (it expires after about 30 days).
// Thread-safe; blocking.
class EskizSmsClient : public SmsSender
{
public:
    struct Settings
    {
        QString baseUrl; // "https://notify.eskiz.uz" (no trailing slash)
        QString email;
        QByteArray password;
        QString sender; // "from": the approved sender name or short number, e.g. "4546"
        int timeoutMs = 15000;
    };

    explicit EskizSmsClient(Settings settings);
    DeliveryResult sendSms(const QString &phoneE164, const QString &text) override;

private:
    // A fresh token, or empty with `failure` set.
    QByteArray login(DeliveryResult *failure);

    Settings m_settings;
    QMutex m_mutex;
    QByteArray m_token;
};

} // namespace medora::server
