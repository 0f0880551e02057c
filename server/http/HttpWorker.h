#pragma once

#include "http/HttpEngineState.h"

#include <QObject>
#include <QSslConfiguration>

#include <memory>
#include <optional>
#include <vector>

class QThread;
class QTimer;

namespace medora::server {

class HttpConnection;

// Owns the connections handed to one worker thread and runs their handlers there. A single
// coarse timer sweeps this thread's connections for expired deadlines, which costs the
// same whether a client sends one byte or a thousand.
class HttpWorker : public QObject
{
    Q_OBJECT
public:
    explicit HttpWorker(std::shared_ptr<HttpEngineState> state);
    ~HttpWorker() override;

    // Everything below runs on the worker's own thread.
    void start();
    void adopt(qintptr descriptor, const std::optional<QSslConfiguration> &tls);
    void refuse(qintptr descriptor);
    // Closes every connection and hands this object back to `owner` so it can be deleted there.
    void shutdown(QThread *owner);

    void connectionFinished(HttpConnection *connection);

private:
    HttpConnection *add(bool counted);
    void sweep();
    void releaseFreedMemory();

    std::shared_ptr<HttpEngineState> m_state;
    std::vector<HttpConnection *> m_connections;
    QTimer *m_sweepTimer = nullptr;
    int m_closedSinceTrim = 0;
    bool m_trimDue = false;
};

} // namespace medora::server
