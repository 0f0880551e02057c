#include "auth/RateLimiter.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <array>
#include <chrono>
#include <cmath>

namespace medora::server {

namespace {

// 16 independent locks keep request threads from queueing on one mutex; each shard holds at
// most 8,192 buckets (131,072 keys in all).
constexpr int kShardCount = 16;
constexpr int kMaxBucketsPerShard = 8192;
// A shard sweeps full (idle) buckets every this many acquisitions, so it stays small in normal
// operation instead of only when it hits its cap.
constexpr int kSweepEvery = 4096;

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

struct Bucket
{
    double tokens = 0;
    qint64 updatedMs = 0;
};

struct Shard
{
    QMutex mutex;
    QHash<QString, Bucket> buckets;
    int sinceSweep = 0;
};

} // namespace

struct RateLimiter::Private
{
    double tokensPerMs = 0;
    double capacity = 1;
    bool unlimited = false;
    std::function<qint64()> clock = steadyMs;
    std::array<Shard, kShardCount> shards;

    // A bucket that would be full by now is the same as no bucket: forgetting it loses nothing.
    bool isRefilled(const Bucket &bucket, qint64 now) const
    {
        return bucket.tokens + double(now - bucket.updatedMs) * tokensPerMs >= capacity;
    }

    void sweep(Shard &shard, qint64 now)
    {
        for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
            if (isRefilled(it.value(), now))
                it = shard.buckets.erase(it);
            else
                ++it;
        }
        // A flood of distinct active keys: drop arbitrary ones (they start again with a full
        // burst, which is the least harmful way to stay within memory).
        for (auto it = shard.buckets.begin();
             shard.buckets.size() >= kMaxBucketsPerShard && it != shard.buckets.end();)
            it = shard.buckets.erase(it);
        shard.sinceSweep = 0;
    }
};

RateLimiter::RateLimiter(int perMinute, int burst) : d(std::make_unique<Private>())
{
    d->unlimited = perMinute <= 0;
    d->tokensPerMs = perMinute > 0 ? double(perMinute) / 60000.0 : 0;
    d->capacity = std::max(1, burst);
}

RateLimiter::~RateLimiter() = default;

bool RateLimiter::tryAcquire(const QString &key, int *retryAfterSeconds)
{
    if (d->unlimited)
        return true;
    Shard &shard = d->shards[qHash(key) % kShardCount];
    QMutexLocker lock(&shard.mutex);
    const qint64 now = d->clock();
    if (++shard.sinceSweep >= kSweepEvery || shard.buckets.size() >= kMaxBucketsPerShard)
        d->sweep(shard, now);

    auto it = shard.buckets.find(key);
    if (it == shard.buckets.end())
        it = shard.buckets.insert(key, Bucket{d->capacity, now});
    Bucket &bucket = it.value();
    if (now > bucket.updatedMs) {
        bucket.tokens =
            std::min(d->capacity, bucket.tokens + double(now - bucket.updatedMs) * d->tokensPerMs);
        bucket.updatedMs = now;
    }
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return true;
    }
    if (retryAfterSeconds) {
        const double waitMs = (1.0 - bucket.tokens) / d->tokensPerMs;
        *retryAfterSeconds = std::max(1, int(std::ceil(waitMs / 1000.0)));
    }
    return false;
}

void RateLimiter::setClock(std::function<qint64()> millisecondsClock)
{
    for (Shard &shard : d->shards) {
        QMutexLocker lock(&shard.mutex);
        shard.buckets.clear();
    }
    d->clock = std::move(millisecondsClock);
}

} // namespace medora::server
