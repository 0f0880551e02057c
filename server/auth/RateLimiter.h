#pragma once

#include <QDateTime>
#include <QString>

#include <functional>
#include <memory>

namespace medora::server {

// Token buckets keyed by a string ("ip:203.0.113.5", "user:<id>"). Thread-safe, sharded
// locks, stale buckets swept so memory stays bounded under a flood of distinct keys.
class RateLimiter
{
public:
    RateLimiter(int perMinute, int burst);
    ~RateLimiter();
    // True when a request may proceed; otherwise `retryAfterSeconds` (>= 1) is set.
    bool tryAcquire(const QString &key, int *retryAfterSeconds);
    void setClock(std::function<qint64()> millisecondsClock);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace medora::server
