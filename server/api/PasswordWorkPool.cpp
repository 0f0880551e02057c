#include "api/PasswordWorkPool.h"

#include "api/ApiError.h"

#include <QtConcurrent/QtConcurrentRun>

namespace medora::server {

PasswordWorkPool::PasswordWorkPool(int maxThreads, int maxPending) : m_capacity(maxThreads + maxPending)
{
    m_pool.setMaxThreadCount(maxThreads);
    m_pool.setExpiryTimeout(60000);
}

PasswordWorkPool::~PasswordWorkPool()
{
    m_pool.waitForDone();
}

HttpReply PasswordWorkPool::submit(std::function<HttpResponse()> work)
{
    int current = m_inFlight.load();
    do {
        if (current >= m_capacity)
            return ApiError::busy(1);
    } while (!m_inFlight.compare_exchange_weak(current, current + 1));

    return HttpReply::later(QtConcurrent::run(&m_pool, [this, work = std::move(work)]() {
        HttpResponse response = work();
        m_inFlight.fetch_sub(1);
        return response;
    }));
}

void PasswordWorkPool::waitForDone()
{
    m_pool.waitForDone();
}

} // namespace medora::server
