#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

#include <functional>

namespace medora::server {

// The Telegram and subscription part of the server's configuration (docs/operations.md
// "Telegram and subscriptions"). The bot token itself stays in ServerConfig::telegramBotToken
// with the other secrets; everything here may be logged except webhookSecret.
struct TelegramConfig
{
    enum class UpdatesMode
    {
        Polling, // getUpdates long polling: works behind NAT
        Webhook, // Telegram posts to /api/v1/telegram/webhook with the secret header
    };

    QString apiBaseUrl = QStringLiteral("https://api.telegram.org"); // TELEGRAM_API_BASE_URL
    QString paymentGroupId;        // TELEGRAM_PAYMENT_GROUP_ID: default payment chat of every clinic
    QString operatorGroupId;       // TELEGRAM_OPERATOR_GROUP_ID: receipts go here
    QList<qint64> operatorUserIds; // TELEGRAM_OPERATOR_USER_IDS=111,222: who may approve
    UpdatesMode updatesMode = UpdatesMode::Polling; // TELEGRAM_UPDATES_MODE=polling|webhook
    QByteArray webhookSecret;                       // TELEGRAM_WEBHOOK_SECRET (1-256 of A-Z a-z 0-9 _ -)
    int timeoutSeconds = 20;                 // TELEGRAM_TIMEOUT_SECONDS: one call, connect to last byte
    int pollSeconds = 25;                    // TELEGRAM_POLL_SECONDS: getUpdates long-poll timeout
    int backoffMs = 2000;                    // TELEGRAM_BACKOFF_MS: first retry; doubles up to maxBackoffMs
    int maxBackoffMs = 15 * 60 * 1000;       // TELEGRAM_MAX_BACKOFF_MS
    QString language = QStringLiteral("uz"); // MEDORA_TELEGRAM_LANGUAGE=uz|ru: messages to groups
    QTime dailySummaryTime{20, 0};           // MEDORA_DAILY_SUMMARY_TIME=HH:MM (clinic local time) or off
    QString timeZone = QStringLiteral("Asia/Tashkent"); // MEDORA_TIME_ZONE
    int subscriptionGraceDays = 7;                      // MEDORA_SUBSCRIPTION_GRACE_DAYS
    int trialDays = 30;                                 // MEDORA_SUBSCRIPTION_TRIAL_DAYS: new clinics
    qint64 receiptMaxBytes = 5 * 1024 * 1024;           // MEDORA_RECEIPT_MAX_BYTES

    bool isOperator(qint64 userId) const { return userId != 0 && operatorUserIds.contains(userId); }

    // Reads the variables through `value` (environment first, then .env); appends a message
    // naming the variable to `problems` for each bad one.
    static TelegramConfig parse(const std::function<QString(const QString &name)> &value,
                                QStringList *problems);
};

} // namespace medora::server
