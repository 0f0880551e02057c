#pragma once

#include "auth/AccountTypes.h"
#include "clinic/ClinicTypes.h"
#include "store/ServiceError.h"

namespace medora::server {

class AuditLog;
class ServerDatabase;

// The clinic's profile as its staff see it (name, letterhead, colleagues' names and roles)
// and the letterhead's update by a clinic admin. The clinic is always the actor's own.
class ClinicService
{
public:
    static constexpr int kMaxAddressLength = 300;
    static constexpr int kMaxPhoneLength = 100;
    static constexpr int kMaxFooterLength = 600;
    static constexpr qsizetype kMaxLogoBytes = 256 * 1024;

    ClinicService(ServerDatabase &database, AuditLog &audit);

    Outcome<ClinicProfile> profile(const Actor &actor);
    Outcome<ClinicLetterhead> letterhead(const QString &clinicId);
    // Replaces the whole letterhead (an empty logo removes it); audited as
    // clinic.letterhead_update with the names of the fields that changed, never their values.
    // Field errors: invalid_value (control characters), invalid_logo, logo_too_large.
    Outcome<ClinicLetterhead> updateLetterhead(const Actor &actor, const ClinicLetterhead &letterhead);

private:
    ServerDatabase &m_database;
    AuditLog &m_audit;
};

} // namespace medora::server
