#pragma once

#include "domain/Payment.h"

#include <QString>

namespace medora::server {

class ServerDatabase;
struct ServerConfig;

// What a sync push asks of subscriptions and Telegram, inside the push's own transaction:
// whether the clinic may create new visits (SubscriptionService), and the payment group's
// notice of every payment applied (PaymentNotices, through the Telegram outbox), so a payment
// and its notice commit together or not at all.
class SyncPushHooks
{
public:
    SyncPushHooks(const ServerConfig &config, ServerDatabase &database);

    // Once per push. A clinic whose state cannot be read is not refused: its own data first.
    bool newVisitsRefused(const QString &clinicId) const;
    // False only on a database error (the op is then rolled back with its payment).
    bool paymentApplied(const QString &clinicId, const Payment &payment, QString *error) const;

private:
    const ServerConfig &m_config;
    ServerDatabase &m_database;
};

} // namespace medora::server
