#pragma once

#include "auth/AccountTypes.h"
#include "store/ServiceError.h"

#include <QDateTime>
#include <QSqlDatabase>

#include <functional>

namespace medora::server {

class ServerDatabase;
class AuditLog;
class PasswordHasher;
class LoginThrottle;

struct SessionPolicy
{
    int accessTokenSeconds = 15 * 60;
    int refreshIdleSeconds = 14 * 24 * 3600;     // unused refresh token expires after this
    int refreshAbsoluteSeconds = 60 * 24 * 3600; // a device's session ends after this, used or not
};

// Sign-in, token refresh and sign-out. Tokens are random 256-bit values handed out once and
// stored only as SHA-256 hashes. A session belongs to one account and one device; refreshing
// rotates the refresh token, and presenting an already-rotated refresh token (a stolen copy)
// ends that device's session.
class SessionService
{
public:
    SessionService(ServerDatabase &database, AuditLog &audit, PasswordHasher &hasher, LoginThrottle &throttle,
                   SessionPolicy policy);

    // Runs Argon2 verification: call it off the request threads (the API runs it in the
    // bounded password pool). Failure modes: invalid_credentials (unknown account, wrong
    // password and disabled account look the same), throttled (Retry-After), bad input.
    Outcome<IssuedSession> login(const LoginAttempt &attempt);
    Outcome<IssuedSession> refresh(const QString &refreshToken, const QString &deviceId,
                                   const QHostAddress &clientAddress);
    // Fast path for every authenticated request: read-only lookup by token hash; checks
    // expiry, session revocation and account state. Unauthorized ("invalid_token" /
    // "token_expired" / "password_change_required" for must-change accounts on other routes
    // is the API's business, so the account is returned with its flag).
    Outcome<Actor> authenticate(const QString &accessToken, const QHostAddress &clientAddress);
    Outcome<Done> logout(const Actor &actor);
    // Ends every session of an account (admin revoke, disable, password change/reset, CLI).
    // `reason` goes to the audit log. When `db` is given, runs inside that transaction.
    bool revokeAll(const QString &userId, const QString &reason, const Actor &actor,
                   QSqlDatabase *db = nullptr);

    // The sign-in throttle, shared with AccountService for password-change guesses.
    LoginThrottle &throttle() { return m_throttle; }

    // For tests: the clock the service uses (default: QDateTime::currentDateTimeUtc).
    void setClock(std::function<QDateTime()> clock);

private:
    ServerDatabase &m_database;
    AuditLog &m_audit;
    PasswordHasher &m_hasher;
    LoginThrottle &m_throttle;
    SessionPolicy m_policy;
    std::function<QDateTime()> m_clock;
};

} // namespace medora::server
