#pragma once

#include "auth/AccountTypes.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "subscription/SubscriptionService.h"

#include <QString>

namespace medora::server {

class TelegramService;

// The clinic's subscription (docs/api.md "Subscription"): every role reads its state (the
// client shows why new visits or AI are refused), the clinic admin uploads a payment receipt
// for the operators to approve in Telegram; and the Telegram webhook, whose caller proves
// itself with the X-Telegram-Bot-Api-Secret-Token header (compared in constant time).
class SubscriptionApi
{
public:
    SubscriptionApi(const ServerConfig &config, ServerDatabase &database, AuditLog &audit,
                    TelegramService *telegram);

    static QString receiptsPath() { return QStringLiteral("/api/v1/subscription/receipts"); }
    static QString webhookPath() { return QStringLiteral("/api/v1/telegram/webhook"); }
    // The receipt route's body limit: the largest receipt as base64, plus the JSON around it.
    static qint64 receiptBodyLimit(const ServerConfig &config);

    HttpReply get(const HttpRequest &request, const Actor &actor);
    HttpReply uploadReceipt(const HttpRequest &request, const Actor &actor);
    HttpReply webhook(const HttpRequest &request);

    static QJsonObject stateJson(const SubscriptionState &state);

private:
    const ServerConfig &m_config;
    SubscriptionService m_subscriptions;
    TelegramService *m_telegram;
};

} // namespace medora::server
