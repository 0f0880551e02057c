#pragma once

#include "http/HttpResponse.h"

#include <QThreadPool>

#include <atomic>
#include <functional>

namespace medora::server {

// Runs Argon2-heavy request work (sign-in, password change, one-time passwords) on its own
// small thread pool, away from the engine's request threads. The queue is bounded: when
// `maxThreads + maxPending` jobs are already in, the request is answered 503 busy with
// Retry-After at once, so a login flood costs the server a fixed amount of CPU and memory.
class PasswordWorkPool
{
public:
    explicit PasswordWorkPool(int maxThreads = 1, int maxPending = 8);
    ~PasswordWorkPool();

    HttpReply submit(std::function<HttpResponse()> work);
    int inFlight() const { return m_inFlight.load(); }
    void waitForDone();

private:
    QThreadPool m_pool;
    const int m_capacity;
    std::atomic<int> m_inFlight{0};
};

} // namespace medora::server
