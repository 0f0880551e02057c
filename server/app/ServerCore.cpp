#include "app/ServerCore.h"

#include "audit/AuditLog.h"
#include "auth/AccountService.h"
#include "auth/LoginThrottle.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionService.h"
#include "store/ServerDatabase.h"

namespace medora::server {

ServerCore::ServerCore(const ServerConfig &config) : m_config(config) {}

ServerCore::~ServerCore() = default;

SessionPolicy ServerCore::sessionPolicy(const ServerConfig &config)
{
    SessionPolicy policy;
    policy.accessTokenSeconds = config.accessTokenMinutes * 60;
    policy.refreshIdleSeconds = config.refreshIdleDays * 24 * 3600;
    policy.refreshAbsoluteSeconds = config.refreshAbsoluteDays * 24 * 3600;
    return policy;
}

bool ServerCore::open(QString *error)
{
    m_database = std::make_unique<ServerDatabase>(m_config.databaseUrl);
    if (!m_database->open(error) || !m_database->migrate(error))
        return false;
    m_audit = std::make_unique<AuditLog>(*m_database);
    m_hasher = std::make_unique<PasswordHasher>();
    m_throttle = std::make_unique<LoginThrottle>();
    m_sessions = std::make_unique<SessionService>(*m_database, *m_audit, *m_hasher, *m_throttle,
                                                  sessionPolicy(m_config));
    m_accounts = std::make_unique<AccountService>(*m_database, *m_audit, *m_hasher, *m_sessions);
    return true;
}

} // namespace medora::server
