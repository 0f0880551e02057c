#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace medora::server {

// A clinic's subscription as the server enforces it (docs/security.md "Subscriptions").
struct SubscriptionState
{
    enum class Status
    {
        Active,  // paid
        Grace,   // paid-until passed, within MEDORA_SUBSCRIPTION_GRACE_DAYS: everything still works
        Expired, // after the grace period: read and sync of existing data only
    };

    QString clinicId;
    QString clinicName;
    QString plan;          // SubscriptionPlans::names()
    QDateTime paidUntil;   // UTC
    QDateTime graceEndsAt; // UTC
    Status status = Status::Active;
    QString paymentChatId; // the clinic's own payment group; empty: TELEGRAM_PAYMENT_GROUP_ID

    // A clinic is never locked out of its own data: only new visits and AI stop.
    bool newVisitsAllowed() const { return status != Status::Expired; }
    bool aiAllowed() const { return status != Status::Expired; }
    static QString statusName(Status status);
};

struct SubscriptionReceipt
{
    QString id;
    QString clinicId;
    qint64 amount = 0; // so'm
    QString plan;
    QByteArray mimeType;
    qint64 sizeBytes = 0;
    QString state; // pending, approved, rejected
    QString uploadedBy;
    QDateTime createdAt;
    QString decidedBy; // "@username (id)" of the operator
    QDateTime decidedAt;
};

// The plans a clinic can be on and how long a paid period of each lasts.
class SubscriptionPlans
{
public:
    static QStringList names();                 // trial, monthly, quarterly, yearly
    static int periodDays(const QString &plan); // 0 for an unknown plan
    // A receipt renews the clinic's plan; a trial renews as monthly.
    static QString renewalPlan(const QString &plan);
};

} // namespace medora::server
