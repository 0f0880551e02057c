#pragma once

#include "auth/AccountTypes.h"
#include "store/ServiceError.h"
#include "subscription/SubscriptionTypes.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace medora::server {

class AuditLog;
class ServerDatabase;
struct ServerConfig;

// Per-clinic subscriptions and their receipts (docs/security.md "Subscriptions"). The server
// enforces them: after the grace period new visits and AI are refused with
// "subscription_expired"; reading and syncing existing data never are. A clinic without a row
// is on a trial from its creation for MEDORA_SUBSCRIPTION_TRIAL_DAYS.
// Reads run on this thread's connection, so inside the caller's transaction when there is one.
class SubscriptionService
{
public:
    static constexpr int kMaxPendingReceipts = 3;
    static constexpr qint64 kMaxReceiptAmount = 1000000000000LL;

    enum class Feature
    {
        NewVisits,
        Ai,
    };

    SubscriptionService(const ServerConfig &config, ServerDatabase &database, AuditLog *audit = nullptr);

    Outcome<SubscriptionState> state(const QString &clinicId) const;
    Outcome<SubscriptionState> state(const QString &clinicId, const QDateTime &now) const;
    Outcome<QList<SubscriptionState>> list() const;
    // A Forbidden "subscription_expired" error when the clinic may not use `feature` now.
    std::optional<ServiceError> refusal(const QString &clinicId, Feature feature) const;

    // Operator actions (CLI), audited.
    Outcome<SubscriptionState> setPlan(const Actor &actor, const QString &clinicId, const QString &plan,
                                       const std::optional<QDateTime> &paidUntil);
    Outcome<SubscriptionState> extend(const Actor &actor, const QString &clinicId, int days);
    Outcome<SubscriptionState> setPaymentChat(const Actor &actor, const QString &clinicId,
                                              const QString &chatId);
    // The chat a clinic's payment notices go to; empty when there is none.
    QString paymentChat(const SubscriptionState &state) const;

    // A clinic admin's receipt: stored, audited and queued for the operators' group in one
    // transaction. `content` is checked by its bytes (JPEG, PNG, PDF) and size.
    Outcome<SubscriptionReceipt> submitReceipt(const Actor &actor, qint64 amount, const QByteArray &content);
    Outcome<QList<SubscriptionReceipt>> receipts(const QString &clinicId, int limit) const;
    bool receiptsAvailable() const;

    // Inside the caller's transaction.
    bool writeState(const SubscriptionState &state, const QString &updatedBy, QString *error);
    QDateTime graceEnd(const QDateTime &paidUntil) const;
    SubscriptionState::Status statusAt(const QDateTime &paidUntil, const QDateTime &now) const;

private:
    Outcome<SubscriptionState> change(const Actor &actor, const QString &clinicId, const QString &action,
                                      const std::function<void(SubscriptionState &)> &edit);

    const ServerConfig &m_config;
    ServerDatabase &m_database;
    AuditLog *m_audit;
};

} // namespace medora::server
