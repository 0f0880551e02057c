#pragma once

#include <QDateTime>
#include <QHostAddress>
#include <QString>

#include <functional>
#include <memory>

namespace medora::server {

// Growing delays after failed sign-ins, keyed by (account, client address) so that an attacker
// hammering an account from elsewhere slows down only themselves: the real user at the clinic
// keeps signing in. A per-account ceiling across all addresses bounds distributed guessing,
// and every delay is capped (docs/security.md gives the numbers), so no lockout is permanent.
// Thread-safe; in memory (state across several instances comes with the PostgreSQL issue).
class LoginThrottle
{
public:
    LoginThrottle();
    // Seconds the caller must still wait before this attempt may be checked; 0 = go ahead.
    int secondsToWait(const QString &accountKey, const QHostAddress &address);
    void recordFailure(const QString &accountKey, const QHostAddress &address);
    void recordSuccess(const QString &accountKey, const QHostAddress &address);
    void setClock(std::function<QDateTime()> clock);

private:
    struct Private;
    std::shared_ptr<Private> d;
};

} // namespace medora::server
