#include "subscription/SubscriptionTypes.h"

namespace medora::server {

QString SubscriptionState::statusName(Status status)
{
    switch (status) {
    case Status::Active:
        return QStringLiteral("active");
    case Status::Grace:
        return QStringLiteral("grace");
    case Status::Expired:
        return QStringLiteral("expired");
    }
    return QStringLiteral("expired");
}

QStringList SubscriptionPlans::names()
{
    return {QStringLiteral("trial"), QStringLiteral("monthly"), QStringLiteral("quarterly"),
            QStringLiteral("yearly")};
}

int SubscriptionPlans::periodDays(const QString &plan)
{
    if (plan == QLatin1String("trial") || plan == QLatin1String("monthly"))
        return 30;
    if (plan == QLatin1String("quarterly"))
        return 90;
    if (plan == QLatin1String("yearly"))
        return 365;
    return 0;
}

QString SubscriptionPlans::renewalPlan(const QString &plan)
{
    return plan == QLatin1String("trial") || periodDays(plan) == 0 ? QStringLiteral("monthly") : plan;
}

} // namespace medora::server
