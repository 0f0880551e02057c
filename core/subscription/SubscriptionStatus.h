#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace medora {

struct SubscriptionReceiptInfo
{
    QString id;
    qint64 amount = 0; // so'm
    QString plan;
    QString state; // pending, approved, rejected
    QDateTime createdAt;
    QDateTime decidedAt;
};

// GET /api/v1/subscription: what the server enforces for this clinic. After the grace period
// an expired clinic keeps its data and sync of it; new visits and AI are refused.
struct SubscriptionStatus
{
    Q_DECLARE_TR_FUNCTIONS(SubscriptionStatus)

public:
    QString plan;   // trial, monthly, quarterly, yearly
    QString status; // active, grace, expired
    QDateTime paidUntil;
    QDateTime graceEndsAt;
    bool newVisitsAllowed = true;
    bool aiAllowed = true;
    bool receiptsAvailable = false;
    QList<SubscriptionReceiptInfo> receipts; // clinic admins only

    // Nullopt when `json` is not a subscription answer.
    static std::optional<SubscriptionStatus> fromJson(const QJsonObject &json);

    // For people: the plan, the state and what it means for the clinic, translated.
    QString planText() const;
    QString statusText() const;
    QString explanation(const QDateTime &nowUtc) const;
    static QString receiptStateText(const QString &state);
};

} // namespace medora

Q_DECLARE_METATYPE(medora::SubscriptionStatus)
