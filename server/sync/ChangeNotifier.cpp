#include "sync/ChangeNotifier.h"

#include <QHash>
#include <QList>
#include <QPromise>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace medora::server {

namespace {

using Clock = std::chrono::steady_clock;

struct Waiter
{
    QString clinicId;
    qint64 seenSequence = 0;
    QPromise<void> promise;
    std::multimap<Clock::time_point, Waiter *>::iterator deadlineEntry;
};

// Promises are finished outside the lock: a finished future may run continuations inline.
void finishAll(std::vector<std::unique_ptr<Waiter>> &waiters)
{
    for (const std::unique_ptr<Waiter> &waiter : waiters)
        waiter->promise.finish();
    waiters.clear();
}

} // namespace

class ChangeNotifier::Private
{
public:
    explicit Private(int max) : maxWaiters(max) {}

    // Under the lock: takes `waiter` out of both indexes, handing its ownership to `out`.
    void detach(Waiter *waiter, std::vector<std::unique_ptr<Waiter>> &out)
    {
        byDeadline.erase(waiter->deadlineEntry);
        auto clinic = byClinic.find(waiter->clinicId);
        if (clinic != byClinic.end()) {
            clinic->removeOne(waiter);
            if (clinic->isEmpty())
                byClinic.erase(clinic);
        }
        out.emplace_back(waiter);
    }

    void runTimer()
    {
        std::unique_lock<std::mutex> lock(mutex);
        while (!stopping) {
            if (byDeadline.empty()) {
                changed.wait(lock);
                continue;
            }
            const Clock::time_point next = byDeadline.begin()->first;
            if (Clock::now() < next) {
                changed.wait_until(lock, next);
                continue;
            }
            std::vector<std::unique_ptr<Waiter>> due;
            const Clock::time_point now = Clock::now();
            while (!byDeadline.empty() && byDeadline.begin()->first <= now)
                detach(byDeadline.begin()->second, due);
            lock.unlock();
            finishAll(due);
            lock.lock();
        }
    }

    const int maxWaiters;
    mutable std::mutex mutex;
    std::condition_variable changed;
    bool stopping = false;
    QHash<QString, qint64> latest; // newest sequence each clinic's feed was notified at
    QHash<QString, QList<Waiter *>> byClinic;
    std::multimap<Clock::time_point, Waiter *> byDeadline; // owns the waiters
    std::thread timer;
};

ChangeNotifier::ChangeNotifier(int maxWaiters) : d(std::make_unique<Private>(qMax(0, maxWaiters)))
{
    d->timer = std::thread([p = d.get()] { p->runTimer(); });
}

ChangeNotifier::~ChangeNotifier()
{
    shutdown();
}

std::optional<QFuture<void>> ChangeNotifier::waitForChange(const QString &clinicId, qint64 seenSequence,
                                                           int timeoutMs)
{
    auto waiter = std::make_unique<Waiter>();
    waiter->clinicId = clinicId;
    waiter->seenSequence = seenSequence;
    waiter->promise.start();
    QFuture<void> future = waiter->promise.future();
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        if (d->stopping || int(d->byDeadline.size()) >= d->maxWaiters)
            return std::nullopt;
        // A commit announced after the caller read the feed: no need to wait for the next one.
        if (d->latest.value(clinicId, 0) <= seenSequence) {
            const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(qMax(0, timeoutMs));
            Waiter *raw = waiter.release();
            const bool earliest = d->byDeadline.empty() || deadline < d->byDeadline.begin()->first;
            raw->deadlineEntry = d->byDeadline.emplace(deadline, raw);
            d->byClinic[clinicId].append(raw);
            if (earliest)
                d->changed.notify_one();
            return future;
        }
    }
    waiter->promise.finish();
    return future;
}

void ChangeNotifier::notify(const QString &clinicId, qint64 sequence)
{
    std::vector<std::unique_ptr<Waiter>> woken;
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        qint64 &latest = d->latest[clinicId];
        if (sequence > latest)
            latest = sequence;
        auto clinic = d->byClinic.find(clinicId);
        if (clinic == d->byClinic.end())
            return;
        const QList<Waiter *> waiters = *clinic;
        for (Waiter *waiter : waiters) {
            if (waiter->seenSequence < sequence)
                d->detach(waiter, woken);
        }
    }
    finishAll(woken);
}

void ChangeNotifier::shutdown()
{
    std::vector<std::unique_ptr<Waiter>> all;
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        d->stopping = true;
        while (!d->byDeadline.empty())
            d->detach(d->byDeadline.begin()->second, all);
        d->changed.notify_all();
    }
    if (d->timer.joinable() && d->timer.get_id() != std::this_thread::get_id())
        d->timer.join();
    finishAll(all);
}

int ChangeNotifier::waiting() const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    return int(d->byDeadline.size());
}

int ChangeNotifier::maxWaiters() const
{
    return d->maxWaiters;
}

} // namespace medora::server
