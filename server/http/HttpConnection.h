#pragma once

#include "http/HttpEngineState.h"
#include "http/HttpRequest.h"
#include "http/HttpRequestParser.h"

#include <QFutureWatcher>
#include <QObject>
#include <QSslConfiguration>

#include <chrono>
#include <optional>

class QTcpSocket;

namespace medora::server {

class HttpWorker;

// One client connection, owned by a worker thread: reads and parses requests, runs the
// handler synchronously on this thread (or waits for its deferred reply), writes responses
// in order, and closes on errors and deadlines. Deadlines are plain numbers that the
// worker's periodic sweep checks, so no timer is touched per byte or per request.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    // `counted`: part of openConnections (false for a connection accepted only to be refused).
    HttpConnection(HttpEngineState &state, HttpWorker &worker, bool counted);
    ~HttpConnection() override;

    void start(qintptr descriptor, const std::optional<QSslConfiguration> &tls);
    // Past the connection cap: answer 503 server_busy and close.
    void startRefusing(qintptr descriptor);

    bool isDue(qint64 nowMs) const { return m_deadline != 0 && nowMs >= m_deadline; }
    void checkDeadline(qint64 nowMs);
    void closeNow(); // engine shutdown

    bool isCounted() const { return m_counted; }
    std::size_t slot() const { return m_slot; }
    void setSlot(std::size_t slot) { m_slot = slot; }

    static qint64 monotonicMs();

private:
    enum class Stage
    {
        Handshake,
        Reading,
        Deferred,
        Draining,
        Lingering,
        Finished
    };
    enum class DeadlineKind
    {
        None,
        Handshake,
        Idle,
        Header,
        Body,
        Closing
    };

    bool adopt(qintptr descriptor, const std::optional<QSslConfiguration> &tls);
    void onReadyRead();
    void onBytesWritten();
    void onEncrypted();
    void onDeferredFinished();
    void readIntoParser();
    void processInput();
    void handleRequest(HttpRequest &request);
    void writeResponse(const HttpRequest &request, const HttpResponse &response);
    void respondAndClose(const HttpResponse &response);
    void beginClose();
    void continueClosing();
    void finish(bool reaped);
    void armReadDeadline();
    void setDeadline(DeadlineKind kind, qint64 timeoutMs);
    qint64 pendingOutput() const;
    bool outputBlocked() const;
    qint64 inputCap() const;

    HttpEngineState &m_state;
    HttpWorker &m_worker;
    HttpRequestParser m_parser;
    QTcpSocket *m_socket = nullptr;
    QFutureWatcher<HttpResponse> *m_watcher = nullptr;
    HttpRequest m_deferredRequest;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    bool m_tls = false;
    bool m_counted = true;
    std::size_t m_slot = 0;

    Stage m_stage = Stage::Reading;
    DeadlineKind m_deadlineKind = DeadlineKind::None;
    qint64 m_deadline = 0;
    qint64 m_pendingAtDeadline = -1;

    int m_requestsServed = 0;
    bool m_keepAlive = true;
    bool m_http10 = false;
    std::chrono::steady_clock::time_point m_requestCompletedAt;
};

} // namespace medora::server
