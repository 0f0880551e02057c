#include "subscription/SyncPushHooks.h"

#include "subscription/SubscriptionService.h"
#include "telegram/PaymentNotices.h"

namespace medora::server {

SyncPushHooks::SyncPushHooks(const ServerConfig &config, ServerDatabase &database)
    : m_config(config), m_database(database)
{}

bool SyncPushHooks::newVisitsRefused(const QString &clinicId) const
{
    const std::optional<ServiceError> refusal =
        SubscriptionService(m_config, m_database).refusal(clinicId, SubscriptionService::Feature::NewVisits);
    return refusal && refusal->code == QLatin1String("subscription_expired");
}

bool SyncPushHooks::paymentApplied(const QString &clinicId, const Payment &payment, QString *error) const
{
    return PaymentNotices(m_config, m_database).enqueue(clinicId, payment, error);
}

} // namespace medora::server
