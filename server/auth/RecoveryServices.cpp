#include "auth/RecoveryServices.h"

#include "config/ServerConfig.h"

namespace medora::server {

VerificationCodes::Settings RecoveryServices::codeSettings(const ServerConfig &config)
{
    VerificationCodes::Settings settings;
    settings.lifetimeSeconds = config.recoveryCodeMinutes * 60;
    settings.maxAttempts = config.recoveryMaxAttempts;
    settings.perDestinationPerHour = config.recoveryPerDestinationPerHour;
    return settings;
}

RecoveryServices::RecoveryServices(const ServerConfig &config, ServerDatabase &database, AuditLog &audit,
                                   SessionService &sessions, AccountService &accounts)
    : codes(database, config.secret, codeSettings(config)), consent(database, audit, legal),
      perAddress(config.recoveryPerIp.perMinute, config.recoveryPerIp.burst), notifier(config),
      recovery(database, audit, sessions, hasher, codes, notifier),
      signup(accounts, codes, consent, notifier, audit, config.recoveryCodeMinutes)
{
    // ServerConfig::load has already refused a MEDORA_LEGAL_DIR that does not load.
    if (!legal.load(config.legalDir, &legalLoadError) && !config.legalDir.isEmpty())
        legal.load(QString(), &legalLoadError);
}

} // namespace medora::server
