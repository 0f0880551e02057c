#pragma once

#include "config/ServerConfig.h"

#include <QString>

#include <memory>

namespace medora::server {

class AccountService;
class AuditLog;
class LoginThrottle;
class PasswordHasher;
class ServerDatabase;
class SessionService;
struct SessionPolicy;

// The database and the services on it, as both `serve` and the operator commands use them:
// one place decides how they are wired (session lifetimes from the config, one hasher).
class ServerCore
{
public:
    explicit ServerCore(const ServerConfig &config);
    ~ServerCore();
    ServerCore(const ServerCore &) = delete;
    ServerCore &operator=(const ServerCore &) = delete;

    // Creates the data folder and database when missing, applies pending migrations and
    // builds the services. False with `error` when the database cannot be used.
    bool open(QString *error);

    static SessionPolicy sessionPolicy(const ServerConfig &config);

    const ServerConfig &config() const { return m_config; }
    ServerDatabase &database() { return *m_database; }
    AuditLog &audit() { return *m_audit; }
    PasswordHasher &hasher() { return *m_hasher; }
    LoginThrottle &throttle() { return *m_throttle; }
    SessionService &sessions() { return *m_sessions; }
    AccountService &accounts() { return *m_accounts; }

private:
    const ServerConfig &m_config;
    std::unique_ptr<ServerDatabase> m_database;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<PasswordHasher> m_hasher;
    std::unique_ptr<LoginThrottle> m_throttle;
    std::unique_ptr<SessionService> m_sessions;
    std::unique_ptr<AccountService> m_accounts;
};

} // namespace medora::server
