#pragma once

#include <QJsonObject>
#include <QString>

namespace medora::server {

class AuditLog;
class ServerDatabase;
struct ServerConfig;

// Handles one Telegram update (from getUpdates or the webhook): a press of a receipt's
// Approve / Reject button. Everything it changes happens in one transaction: the press is
// recorded by its callback query id first (a replayed update changes nothing), the button's
// data, chat and message must be the ones the server posted (a forged press changes
// nothing), only TELEGRAM_OPERATOR_USER_IDS may decide, and a receipt is decided once. The
// subscription is extended by the plan's period, the decision audited, and the callback
// answer and the caption edit ("approved by ... at ...") are queued in the outbox.
class TelegramUpdateHandler
{
public:
    enum class Result
    {
        Ignored,        // not a callback query
        Replayed,       // this callback query was handled before
        Forged,         // data, chat or message do not match a receipt the server posted
        NotOperator,    // the presser is not on the operator list
        AlreadyDecided, // the receipt was approved or rejected before
        Approved,
        Rejected,
        Failed, // database error: the caller answers so that Telegram delivers it again
    };

    TelegramUpdateHandler(const ServerConfig &config, ServerDatabase &database, AuditLog &audit);

    Result handle(const QJsonObject &update, QString *error = nullptr);
    static QString resultName(Result result);

private:
    const ServerConfig &m_config;
    ServerDatabase &m_database;
    AuditLog &m_audit;
};

} // namespace medora::server
