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
// IPv6 addresses count by their /64 (ClientKey). A device that has signed in to the account
// before is keyed by (account, "device:<id>") through the *For methods instead, and the
// per-account ceiling does not apply to it: an attacker elsewhere cannot keep the clinic's own
// computers out. The same subject-keyed methods throttle password-change guesses.
// Thread-safe; in memory (state across several instances comes with the PostgreSQL issue).
class LoginThrottle
{
public:
    LoginThrottle();
    // Seconds the caller must still wait before this attempt may be checked; 0 = go ahead.
    int secondsToWait(const QString &accountKey, const QHostAddress &address);
    void recordFailure(const QString &accountKey, const QHostAddress &address);
    void recordSuccess(const QString &accountKey, const QHostAddress &address);
    // Keyed by (account, subject) alone; the per-account ceiling neither applies nor counts.
    int secondsToWaitFor(const QString &accountKey, const QString &subject);
    void recordFailureFor(const QString &accountKey, const QString &subject);
    void recordSuccessFor(const QString &accountKey, const QString &subject);
    static QString knownDeviceSubject(const QString &deviceId)
    {
        return QStringLiteral("device:") + deviceId;
    }
    void setClock(std::function<QDateTime()> clock);

private:
    struct Private;
    std::shared_ptr<Private> d;
};

} // namespace medora::server
