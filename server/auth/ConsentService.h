#pragma once

#include "auth/AccountTypes.h"
#include "store/ServiceError.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace medora::server {

class AuditLog;
class LegalTexts;
class ServerDatabase;

// Who accepted which version of the terms of use and the privacy policy, and when
// (consent_acceptances, migration 7; docs/security.md "Consent"). An account whose newest
// acceptance of either document is older than the published version must accept again; the
// client asks before it continues. Rows are never changed or deleted: the history stays.
class ConsentService
{
public:
    struct Status
    {
        QString currentTerms;
        QString currentPrivacy;
        QString acceptedTerms; // empty when never accepted
        QString acceptedPrivacy;
        QDateTime termsAcceptedAt; // UTC, invalid when never
        QDateTime privacyAcceptedAt;
        bool required() const { return acceptedTerms != currentTerms || acceptedPrivacy != currentPrivacy; }
    };

    ConsentService(ServerDatabase &database, AuditLog &audit, const LegalTexts &texts);

    // Conflict consent_outdated (field termsVersion / privacyVersion) unless both are current.
    std::optional<ServiceError> checkCurrent(const QString &termsVersion,
                                             const QString &privacyVersion) const;
    Outcome<Status> status(const Actor &actor);
    Outcome<Done> accept(const Actor &actor, const QString &termsVersion, const QString &privacyVersion,
                         const QString &language);
    // Both current versions for `userId`, inside the caller's transaction (sign-up).
    bool record(QSqlDatabase &db, const QString &userId, const QString &clinicId, const QString &actorLogin,
                const QString &language, const QString &clientAddress);

private:
    ServerDatabase &m_database;
    AuditLog &m_audit;
    const LegalTexts &m_texts;
};

} // namespace medora::server
