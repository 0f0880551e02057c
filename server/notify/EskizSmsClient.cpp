#include "notify/EskizSmsClient.h"

#include "notify/CurlTransfer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>

namespace medora::server {

namespace {

QString describe(const CurlTransfer::Result &answer, const QString &step)
{
    if (answer.httpStatus == 0)
        return QStringLiteral("Eskiz %1: no answer (%2)").arg(step, answer.error);
    const QJsonObject json = QJsonDocument::fromJson(answer.body).object();
    QString status = json.value(QStringLiteral("status")).toString();
    if (status.isEmpty())
        status = json.value(QStringLiteral("message")).toString();
    return QStringLiteral("Eskiz %1: HTTP %2 %3")
        .arg(step)
        .arg(answer.httpStatus)
        .arg(status.left(80))
        .trimmed();
}

} // namespace

EskizSmsClient::EskizSmsClient(Settings settings) : m_settings(std::move(settings)) {}

QByteArray EskizSmsClient::login(DeliveryResult *failure)
{
    const QByteArray body = CurlTransfer::formEncode(
        {{"email", m_settings.email}, {"password", QString::fromUtf8(m_settings.password)}});
    const CurlTransfer::Result answer =
        CurlTransfer::post((m_settings.baseUrl + QStringLiteral("/api/auth/login")).toUtf8(),
                           {"Content-Type: application/x-www-form-urlencoded", "Accept: application/json"},
                           body, m_settings.timeoutMs);
    const QByteArray token = QJsonDocument::fromJson(answer.body)
                                 .object()
                                 .value(QStringLiteral("data"))
                                 .toObject()
                                 .value(QStringLiteral("token"))
                                 .toString()
                                 .toLatin1();
    if (answer.httpStatus != 200 || token.isEmpty()) {
        *failure = DeliveryResult::failed(describe(answer, QStringLiteral("login")), answer.httpStatus);
        return {};
    }
    return token;
}

DeliveryResult EskizSmsClient::sendSms(const QString &phoneE164, const QString &text)
{
    QString digits = phoneE164;
    if (digits.startsWith(QLatin1Char('+')))
        digits.remove(0, 1);
    const QByteArray body =
        CurlTransfer::formEncode({{"mobile_phone", digits}, {"message", text}, {"from", m_settings.sender}});
    // One send at a time keeps the token logic simple; reset codes are rare.
    QMutexLocker lock(&m_mutex);
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (m_token.isEmpty()) {
            DeliveryResult failure;
            m_token = login(&failure);
            if (m_token.isEmpty())
                return failure;
        }
        const CurlTransfer::Result answer =
            CurlTransfer::post((m_settings.baseUrl + QStringLiteral("/api/message/sms/send")).toUtf8(),
                               {"Content-Type: application/x-www-form-urlencoded", "Accept: application/json",
                                "Authorization: Bearer " + m_token},
                               body, m_settings.timeoutMs);
        if (answer.httpStatus == 401 && attempt == 0) {
            m_token.clear(); // expired or revoked: sign in again once
            continue;
        }
        if (answer.httpStatus < 200 || answer.httpStatus > 299)
            return DeliveryResult::failed(describe(answer, QStringLiteral("send")), answer.httpStatus);
        const QJsonObject json = QJsonDocument::fromJson(answer.body).object();
        DeliveryResult result;
        result.delivered = true;
        result.httpStatus = answer.httpStatus;
        result.providerId = json.value(QStringLiteral("id")).toVariant().toString();
        result.detail = QStringLiteral("Eskiz send: %1").arg(json.value(QStringLiteral("status")).toString());
        return result;
    }
    return DeliveryResult::failed(QStringLiteral("Eskiz send: refused the new token"), 401);
}

} // namespace medora::server
