#include "auth/LoginThrottle.h"

#include "auth/ClientKey.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <algorithm>

namespace medora::server {

// The numbers (docs/security.md quotes them):
//  - Per (account, client address): the first 5 failures cost nothing (typos). After the 5th,
//    each further attempt must wait 1 s, 2 s, 4 s, ... after the previous failure, doubling
//    per failure and capped at 15 minutes. The pair is forgotten 1 hour after its last failure,
//    and a successful sign-in from that address clears it at once.
//  - Per account, across all addresses: more than 50 failures within an hour (counted in a
//    window that restarts an hour after it began) makes every address wait after the latest
//    failure: 1 s, 2 s, 4 s, ... capped at 60 s. Distributed guessing is bounded to about one
//    try a minute per account, and the real user never waits more than a minute for it.
//  - Per (account, subject), e.g. a device that signed in to the account before or the
//    account's password change: the same rule as a pair, and the account ceiling is ignored.
//  - Memory: at most 100,000 pairs and 100,000 accounts are tracked. Expired entries are swept
//    when a table reaches its cap; if it is still full, entries that impose no delay go
//    first, then the oldest.
namespace {

constexpr int kFreeFailuresPerPair = 5;
constexpr qint64 kPairCapMs = 15 * 60 * 1000;
constexpr qint64 kPairForgetMs = 60 * 60 * 1000;
constexpr int kAccountFailuresPerWindow = 50;
constexpr qint64 kAccountWindowMs = 60 * 60 * 1000;
constexpr qint64 kAccountCapMs = 60 * 1000;
constexpr int kMaxEntries = 100000;

qint64 doublingDelayMs(int excessFailures, qint64 capMs)
{
    if (excessFailures <= 0)
        return 0;
    const int exponent = std::min(excessFailures - 1, 30);
    return std::min<qint64>(qint64(1000) << exponent, capMs);
}

int secondsFromMs(qint64 ms)
{
    return ms <= 0 ? 0 : int((ms + 999) / 1000);
}

struct PairState
{
    int failures = 0;
    qint64 lastFailureMs = 0;
    qint64 waitMs() const { return doublingDelayMs(failures - kFreeFailuresPerPair, kPairCapMs); }
};

struct AccountState
{
    int failures = 0;
    qint64 windowStartMs = 0;
    qint64 lastFailureMs = 0;
    qint64 waitMs() const { return doublingDelayMs(failures - kAccountFailuresPerWindow, kAccountCapMs); }
};

template <typename State, typename Expired> void keepBounded(QHash<QString, State> &table, Expired expired)
{
    if (table.size() < kMaxEntries)
        return;
    for (auto it = table.begin(); it != table.end();) {
        if (expired(it.value()))
            it = table.erase(it);
        else
            ++it;
    }
    const int target = kMaxEntries * 9 / 10;
    for (auto it = table.begin(); table.size() > target && it != table.end();) {
        if (it.value().waitMs() == 0)
            it = table.erase(it);
        else
            ++it;
    }
    while (table.size() > target) {
        auto oldest = std::min_element(table.begin(), table.end(), [](const State &a, const State &b) {
            return a.lastFailureMs < b.lastFailureMs;
        });
        table.erase(oldest);
    }
}

} // namespace

struct LoginThrottle::Private
{
    QMutex mutex;
    std::function<QDateTime()> clock = [] { return QDateTime::currentDateTimeUtc(); };
    QHash<QString, PairState> pairs;
    QHash<QString, AccountState> accounts;

    qint64 nowMs() const { return clock().toMSecsSinceEpoch(); }

    static QString pairKey(const QString &accountKey, const QHostAddress &address)
    {
        return accountKey + QStringLiteral("\nip:") + ClientKey::forAddress(address);
    }

    static QString subjectKey(const QString &accountKey, const QString &subject)
    {
        return accountKey + QStringLiteral("\ns:") + subject;
    }

    void recordPairFailure(const QString &pair, qint64 now)
    {
        keepBounded(pairs, [now](const PairState &s) { return now - s.lastFailureMs >= kPairForgetMs; });
        PairState &p = pairs[pair];
        ++p.failures;
        p.lastFailureMs = now;
    }

    qint64 pairWaitMs(const QString &pair, qint64 now) const
    {
        auto p = pairs.constFind(pair);
        return p == pairs.constEnd() ? 0 : p->lastFailureMs + p->waitMs() - now;
    }

    // Drops state that no longer imposes anything; called with the mutex held.
    void expire(const QString &pair, const QString &account, qint64 now)
    {
        auto p = pairs.find(pair);
        if (p != pairs.end() && now - p->lastFailureMs >= kPairForgetMs)
            pairs.erase(p);
        auto a = accounts.find(account);
        if (a != accounts.end() && now - a->windowStartMs >= kAccountWindowMs)
            accounts.erase(a);
    }
};

LoginThrottle::LoginThrottle() : d(std::make_shared<Private>()) {}

int LoginThrottle::secondsToWait(const QString &accountKey, const QHostAddress &address)
{
    QMutexLocker lock(&d->mutex);
    const qint64 now = d->nowMs();
    const QString pair = Private::pairKey(accountKey, address);
    d->expire(pair, accountKey, now);
    qint64 waitMs = std::max<qint64>(0, d->pairWaitMs(pair, now));
    if (auto a = d->accounts.constFind(accountKey); a != d->accounts.constEnd())
        waitMs = std::max(waitMs, a->lastFailureMs + a->waitMs() - now);
    return secondsFromMs(waitMs);
}

void LoginThrottle::recordFailure(const QString &accountKey, const QHostAddress &address)
{
    QMutexLocker lock(&d->mutex);
    const qint64 now = d->nowMs();
    const QString pair = Private::pairKey(accountKey, address);
    d->expire(pair, accountKey, now);
    d->recordPairFailure(pair, now);

    keepBounded(d->accounts,
                [now](const AccountState &s) { return now - s.windowStartMs >= kAccountWindowMs; });
    AccountState &a = d->accounts[accountKey];
    if (a.failures == 0)
        a.windowStartMs = now;
    ++a.failures;
    a.lastFailureMs = now;
}

void LoginThrottle::recordSuccess(const QString &accountKey, const QHostAddress &address)
{
    QMutexLocker lock(&d->mutex);
    d->pairs.remove(Private::pairKey(accountKey, address));
}

int LoginThrottle::secondsToWaitFor(const QString &accountKey, const QString &subject)
{
    QMutexLocker lock(&d->mutex);
    const qint64 now = d->nowMs();
    const QString pair = Private::subjectKey(accountKey, subject);
    d->expire(pair, accountKey, now);
    return secondsFromMs(d->pairWaitMs(pair, now));
}

void LoginThrottle::recordFailureFor(const QString &accountKey, const QString &subject)
{
    QMutexLocker lock(&d->mutex);
    const qint64 now = d->nowMs();
    const QString pair = Private::subjectKey(accountKey, subject);
    d->expire(pair, accountKey, now);
    d->recordPairFailure(pair, now);
}

void LoginThrottle::recordSuccessFor(const QString &accountKey, const QString &subject)
{
    QMutexLocker lock(&d->mutex);
    d->pairs.remove(Private::subjectKey(accountKey, subject));
}

void LoginThrottle::setClock(std::function<QDateTime()> clock)
{
    QMutexLocker lock(&d->mutex);
    d->clock = std::move(clock);
}

} // namespace medora::server
