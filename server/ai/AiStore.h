#pragma once

#include "ai/PromptScrubber.h"
#include "auth/AccountTypes.h"
#include "store/ServiceError.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace medora::server {

class AuditLog;
class ServerDatabase;
struct AuditEntry;

// What the AI may know about a patient: age in years, sex and the clinical fields. The
// identity (names, phone, number, address) is kept only to scrub it out of free text.
struct AiPatientFacts
{
    QString id;
    std::optional<int> ageYears;
    QString sex; // "male", "female", "unknown"
    QString allergies;
    QString medications;
    QString history;
    PromptScrubber::Identity identity;
};

// One AI call as stored in ai_usage (never prompt or answer text).
struct AiUsageRecord
{
    QString id;
    QString kind;
    QString model;
    QString outcome; // "ok", "invalid_answer", "upstream_failed", "blocked", "refused"
    qint64 promptTokens = 0;
    qint64 outputTokens = 0;
    qint64 totalTokens = 0;
    qint64 bytesSent = 0;
    qint64 latencyMs = 0;
};

// The AI consilium's tables (migration 5): the patient row from sync, the clinic's switch,
// daily quotas (a call is counted when it starts, atomically with the check), usage
// statistics.
class AiStore
{
public:
    AiStore(ServerDatabase &database, AuditLog &audit);

    // The clinic's own patient, not deleted; NotFound otherwise.
    Outcome<AiPatientFacts> patient(const QString &clinicId, const QString &patientId, const QDate &today);

    Outcome<bool> enabled(const QString &clinicId);
    // Audited as ai.settings_update.
    Outcome<Done> setEnabled(const Actor &actor, bool enabled);

    struct UsedToday
    {
        int user = 0;
        int clinic = 0;
    };
    Outcome<UsedToday> usedToday(const QString &userId, const QString &clinicId, const QDate &day);

    // Counts the call against both quotas (0 = unlimited) or answers 429 ai_quota_exceeded.
    // Returns the usage row's id.
    Outcome<QString> reserve(const Actor &actor, const QString &patientId, const QString &kind, int userQuota,
                             int clinicQuota, const QDate &day);
    void cancel(const QString &usageId);
    // Completes the usage row and appends the audit event in one transaction.
    bool finish(const AiUsageRecord &record, const AuditEntry &event);

    // Calls, failures and tokens of the clinic from `from` to `to` (UTC days, inclusive).
    Outcome<QJsonObject> statistics(const QString &clinicId, const QDate &from, const QDate &to);

private:
    ServerDatabase &m_database;
    AuditLog &m_audit;
};

} // namespace medora::server
