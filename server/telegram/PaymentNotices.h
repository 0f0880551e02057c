#pragma once

#include "domain/Payment.h"

#include <QDateTime>
#include <QString>

namespace medora::server {

class ServerDatabase;
struct ServerConfig;

// The payment group's messages, queued in the Telegram outbox: a notice per payment (a
// correction for a reversing entry), written in the transaction of the sync push that
// applies the payment, and one end-of-day summary per clinic and local day.
class PaymentNotices
{
public:
    PaymentNotices(const ServerConfig &config, ServerDatabase &database);

    // Inside the push transaction, right after `payment` was stored for `clinicId`. Nothing is
    // queued when the server has no bot token or the clinic no payment chat. False only on a
    // database error (the push then takes the payment back too).
    bool enqueue(const QString &clinicId, const Payment &payment, QString *error);

    // Queues the summary of the clinic-local day for every clinic with payments that day once
    // `nowUtc` is past MEDORA_DAILY_SUMMARY_TIME in MEDORA_TIME_ZONE; the outbox's dedupe key
    // ("summary:<clinic>:<date>") keeps it to once per day, restarts included.
    bool enqueueDueSummaries(const QDateTime &nowUtc, QString *error, int *queued = nullptr);

private:
    QString staffName(const QString &userId) const;

    const ServerConfig &m_config;
    ServerDatabase &m_database;
};

} // namespace medora::server
