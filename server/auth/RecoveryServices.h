#pragma once

#include "auth/ClinicSignup.h"
#include "auth/ConsentService.h"
#include "auth/PasswordHasher.h"
#include "auth/PasswordRecovery.h"
#include "auth/RateLimiter.h"
#include "auth/VerificationCodes.h"
#include "legal/LegalTexts.h"
#include "notify/Notifier.h"

namespace medora::server {

struct ServerConfig;
class AccountService;
class AuditLog;
class ServerDatabase;
class SessionService;

// Password reset, clinic sign-up and consent, wired from the configuration in one place for
// the API (api/RecoveryApi, api/SignupApi). Destroyed in reverse order: the notifier (first)
// waits for messages still being sent, which audit through the services above it.
class RecoveryServices
{
public:
    RecoveryServices(const ServerConfig &config, ServerDatabase &database, AuditLog &audit,
                     SessionService &sessions, AccountService &accounts);

    LegalTexts legal;
    PasswordHasher hasher;
    VerificationCodes codes;
    ConsentService consent;
    // Per client address, on top of the general anonymous limit: code requests and confirms.
    RateLimiter perAddress;
    Notifier notifier;
    PasswordRecovery recovery;
    ClinicSignup signup;
    QString legalLoadError; // empty when the texts loaded (the built-in ones always do)

    static VerificationCodes::Settings codeSettings(const ServerConfig &config);
};

} // namespace medora::server
