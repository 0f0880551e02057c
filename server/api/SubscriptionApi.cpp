#include "api/SubscriptionApi.h"

#include "api/ApiError.h"
#include "api/JsonBodyDecoder.h"
#include "config/ServerConfig.h"
#include "log/JsonLogger.h"
#include "telegram/TelegramService.h"
#include "telegram/TelegramUpdateHandler.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <sodium.h>

namespace medora::server {

namespace {

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// Equal length digests compared in constant time: neither the secret's content nor its
// length shows in how long a wrong guess takes.
bool sameSecret(const QByteArray &given, const QByteArray &expected)
{
    const QByteArray a = QCryptographicHash::hash(given, QCryptographicHash::Sha256);
    const QByteArray b = QCryptographicHash::hash(expected, QCryptographicHash::Sha256);
    return !expected.isEmpty() && sodium_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace

SubscriptionApi::SubscriptionApi(const ServerConfig &config, ServerDatabase &database, AuditLog &audit,
                                 TelegramService *telegram)
    : m_config(config), m_subscriptions(config, database, &audit), m_telegram(telegram)
{}

qint64 SubscriptionApi::receiptBodyLimit(const ServerConfig &config)
{
    return (config.telegram.receiptMaxBytes + 2) / 3 * 4 + 4096;
}

QJsonObject SubscriptionApi::stateJson(const SubscriptionState &state)
{
    return {{QStringLiteral("clinicId"), state.clinicId},
            {QStringLiteral("plan"), state.plan},
            {QStringLiteral("status"), SubscriptionState::statusName(state.status)},
            {QStringLiteral("paidUntil"), isoTime(state.paidUntil)},
            {QStringLiteral("graceEndsAt"), isoTime(state.graceEndsAt)},
            {QStringLiteral("newVisitsAllowed"), state.newVisitsAllowed()},
            {QStringLiteral("aiAllowed"), state.aiAllowed()}};
}

HttpReply SubscriptionApi::get(const HttpRequest &, const Actor &actor)
{
    const Outcome<SubscriptionState> state = m_subscriptions.state(actor.clinicId);
    if (!state.ok())
        return ApiError::response(state.error());
    QJsonObject body = stateJson(state.value());
    body.insert(QStringLiteral("receiptsAvailable"), m_subscriptions.receiptsAvailable());
    if (actor.role == Role::ClinicAdmin) {
        const Outcome<QList<SubscriptionReceipt>> receipts = m_subscriptions.receipts(actor.clinicId, 20);
        if (!receipts.ok())
            return ApiError::response(receipts.error());
        QJsonArray list;
        for (const SubscriptionReceipt &r : receipts.value())
            list.append(QJsonObject{{QStringLiteral("id"), r.id},
                                    {QStringLiteral("amount"), double(r.amount)},
                                    {QStringLiteral("plan"), r.plan},
                                    {QStringLiteral("state"), r.state},
                                    {QStringLiteral("createdAt"), isoTime(r.createdAt)},
                                    {QStringLiteral("decidedAt"), isoTime(r.decidedAt)}});
        body.insert(QStringLiteral("receipts"), list);
    }
    return HttpResponse::json(200, body);
}

HttpReply SubscriptionApi::uploadReceipt(const HttpRequest &request, const Actor &actor)
{
    const qint64 maxBase64 = (m_config.telegram.receiptMaxBytes + 2) / 3 * 4;
    JsonBodyDecoder json(request.body, {QStringLiteral("amount"), QStringLiteral("content")},
                         qsizetype(maxBase64 + 16));
    const std::optional<QString> content =
        json.optionalString(QStringLiteral("content"), int(maxBase64 + 16));
    if (!json.ok()) {
        ServiceError error = json.error();
        if (error.field == QLatin1String("content") && error.code == QLatin1String("too_long"))
            error.code = QStringLiteral("receipt_too_large");
        return ApiError::response(error);
    }
    const QJsonValue amountValue = json.object().value(QLatin1String("amount"));
    const double amount = amountValue.toDouble(-1);
    if (!amountValue.isDouble() || amount != double(qint64(amount)) || amount < 1 ||
        amount > double(SubscriptionService::kMaxReceiptAmount))
        return ApiError::response(400, QStringLiteral("invalid_amount"),
                                  QStringLiteral("amount must be a whole number of so'm above zero."),
                                  QStringLiteral("amount"));
    if (!content || content->isEmpty())
        return ApiError::response(400, QStringLiteral("missing_field"),
                                  QStringLiteral("content is required."), QStringLiteral("content"));
    const QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(content->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return ApiError::response(400, QStringLiteral("invalid_receipt"),
                                  QStringLiteral("content must be the receipt file in base64."),
                                  QStringLiteral("content"));
    const Outcome<SubscriptionReceipt> receipt =
        m_subscriptions.submitReceipt(actor, qint64(amount), decoded.decoded);
    if (!receipt.ok())
        return ApiError::response(receipt.error());
    if (m_telegram)
        m_telegram->wake();
    const SubscriptionReceipt &r = receipt.value();
    return HttpResponse::json(201, {{QStringLiteral("receipt"),
                                     QJsonObject{{QStringLiteral("id"), r.id},
                                                 {QStringLiteral("amount"), double(r.amount)},
                                                 {QStringLiteral("plan"), r.plan},
                                                 {QStringLiteral("state"), r.state},
                                                 {QStringLiteral("type"), QString::fromLatin1(r.mimeType)},
                                                 {QStringLiteral("createdAt"), isoTime(r.createdAt)}}}});
}

HttpReply SubscriptionApi::webhook(const HttpRequest &request)
{
    if (!m_telegram || !m_telegram->isEnabled() ||
        m_config.telegram.updatesMode != TelegramConfig::UpdatesMode::Webhook)
        return ApiError::notFound();
    if (!sameSecret(request.header("x-telegram-bot-api-secret-token"), m_config.telegram.webhookSecret)) {
        JsonLogger::instance().warning(QStringLiteral("telegram.webhook_refused"),
                                       {{QStringLiteral("client"), request.clientAddress.toString()}});
        return ApiError::unauthorized(QStringLiteral("invalid_secret"),
                                      QStringLiteral("The webhook secret token is missing or wrong."));
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return ApiError::response(400, QStringLiteral("invalid_json"),
                                  QStringLiteral("An update is a JSON object."));
    QString error;
    const TelegramUpdateHandler::Result result = m_telegram->updates().handle(document.object(), &error);
    if (result == TelegramUpdateHandler::Result::Failed) {
        JsonLogger::instance().error(QStringLiteral("telegram.update_failed"),
                                     {{QStringLiteral("error"), error}});
        return ApiError::internal(); // Telegram delivers it again; the press is recorded only once
    }
    JsonLogger::instance().info(QStringLiteral("telegram.update"),
                                {{QStringLiteral("result"), TelegramUpdateHandler::resultName(result)}});
    m_telegram->wake();
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("ok"), true}});
}

} // namespace medora::server
