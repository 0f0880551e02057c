#include "http/HttpWorker.h"

#include "http/HttpConnection.h"

#include <QThread>
#include <QTimer>

#include <algorithm>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace medora::server {

namespace {

// Deadlines are checked at a quarter of the shortest timeout (between 20 and 250 ms), so a
// deadline fires at most ~25% late and the sweep stays negligible at thousands of connections.
int sweepIntervalMs(const HttpLimits &limits)
{
    const int shortest = std::min(
        {limits.headerTimeoutMs, limits.bodyTimeoutMs, limits.idleTimeoutMs, limits.handshakeTimeoutMs});
    return std::clamp(shortest / 4, 20, 250);
}

} // namespace

HttpWorker::HttpWorker(std::shared_ptr<HttpEngineState> state)
    : m_state(std::move(state)), m_sweepTimer(new QTimer(this))
{
    m_sweepTimer->setInterval(sweepIntervalMs(m_state->limits));
    connect(m_sweepTimer, &QTimer::timeout, this, &HttpWorker::sweep);
}

HttpWorker::~HttpWorker() = default;

void HttpWorker::start()
{
    m_sweepTimer->start();
}

HttpConnection *HttpWorker::add(bool counted)
{
    auto *connection = new HttpConnection(*m_state, *this, counted);
    connection->setSlot(m_connections.size());
    m_connections.push_back(connection);
    return connection;
}

void HttpWorker::adopt(qintptr descriptor, const std::optional<QSslConfiguration> &tls)
{
    add(true)->start(descriptor, tls);
}

void HttpWorker::refuse(qintptr descriptor)
{
    add(false)->startRefusing(descriptor);
}

void HttpWorker::connectionFinished(HttpConnection *connection)
{
    const std::size_t slot = connection->slot();
    if (slot < m_connections.size() && m_connections[slot] == connection) {
        HttpConnection *last = m_connections.back();
        m_connections[slot] = last;
        last->setSlot(slot);
        m_connections.pop_back();
    }
    if (connection->isCounted())
        m_state->openConnections.fetch_sub(1, std::memory_order_acq_rel);
    else
        m_state->refusingConnections.fetch_sub(1, std::memory_order_acq_rel);
    ++m_closedSinceTrim;
    connection->deleteLater();
}

void HttpWorker::sweep()
{
    const qint64 now = HttpConnection::monotonicMs();
    std::vector<HttpConnection *> due;
    for (HttpConnection *connection : m_connections) {
        if (connection->isDue(now))
            due.push_back(connection);
    }
    // Connections close only through deleteLater, so every pointer in `due` stays valid here.
    for (HttpConnection *connection : due)
        connection->checkDeadline(now);
    releaseFreedMemory();
}

void HttpWorker::releaseFreedMemory()
{
    // glibc keeps freed per-thread arena memory mapped; after many connections closed (for
    // instance 2,000 reaped idle ones) give it back so resident memory returns to baseline.
    // Trimming waits one sweep so the closed connections' deleteLater has run by then.
    if (m_trimDue) {
        m_trimDue = false;
#if defined(__GLIBC__)
        malloc_trim(0);
#endif
    }
    if (m_closedSinceTrim >= 64 || (m_closedSinceTrim > 0 && m_connections.empty())) {
        m_closedSinceTrim = 0;
        m_trimDue = true;
    }
}

void HttpWorker::shutdown(QThread *owner)
{
    m_sweepTimer->stop();
    const std::vector<HttpConnection *> connections = m_connections;
    for (HttpConnection *connection : connections) {
        connection->closeNow();
        delete connection; // removes its pending deleteLater too
    }
    moveToThread(owner);
}

} // namespace medora::server
