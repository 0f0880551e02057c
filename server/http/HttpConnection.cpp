#include "http/HttpConnection.h"

#include "http/HttpResponseWriter.h"
#include "http/HttpWorker.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace medora::server {

namespace {

// Above this many unsent response bytes, pipelined requests wait until the client reads.
constexpr qint64 kMaxPendingOutput = 1024 * 1024;
// How long a closing connection may take to flush its last response and see the client
// close: reading (and discarding) for a while after the final response keeps the kernel from
// answering unread input with a reset that would destroy that response (RFC 9112 9.6).
constexpr qint64 kClosingMs = 2000;

HttpResponse internalError()
{
    return HttpResponseWriter::error(500, "internal_error", "The server could not complete the request.");
}

} // namespace

HttpConnection::HttpConnection(HttpEngineState &state, HttpWorker &worker, bool counted)
    : m_state(state), m_worker(worker), m_parser(state.limits), m_counted(counted)
{}

HttpConnection::~HttpConnection() = default;

qint64 HttpConnection::monotonicMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool HttpConnection::adopt(qintptr descriptor, const std::optional<QSslConfiguration> &tls)
{
    if (tls) {
        auto *ssl = new QSslSocket(this);
        ssl->setSslConfiguration(*tls);
        m_socket = ssl;
        m_tls = true;
    } else {
        m_socket = new QTcpSocket(this);
    }
    if (!m_socket->setSocketDescriptor(descriptor)) {
        ::close(static_cast<int>(descriptor));
        finish(false);
        return false;
    }
    // Answers go out as headers then body; without this Nagle holds the second segment until
    // the client's delayed ACK (40 ms), which capped sync at about 20 requests a second.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_peerAddress = m_socket->peerAddress();
    m_peerPort = m_socket->peerPort();
    connect(m_socket, &QIODevice::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QIODevice::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QAbstractSocket::disconnected, this, [this] { finish(false); });
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this] { finish(false); });
    if (m_tls) {
        auto *ssl = static_cast<QSslSocket *>(m_socket);
        connect(ssl, &QSslSocket::encrypted, this, &HttpConnection::onEncrypted);
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, &HttpConnection::onBytesWritten);
    }
    return true;
}

void HttpConnection::start(qintptr descriptor, const std::optional<QSslConfiguration> &tls)
{
    if (!adopt(descriptor, tls))
        return;
    if (m_tls) {
        m_stage = Stage::Handshake;
        setDeadline(DeadlineKind::Handshake, m_state.limits.handshakeTimeoutMs);
        static_cast<QSslSocket *>(m_socket)->startServerEncryption();
    } else {
        m_stage = Stage::Reading;
        setDeadline(DeadlineKind::Idle, m_state.limits.idleTimeoutMs);
    }
}

void HttpConnection::startRefusing(qintptr descriptor)
{
    if (!adopt(descriptor, std::nullopt))
        return;
    m_stage = Stage::Reading;
    HttpResponse busy = HttpResponseWriter::error(503, "server_busy",
                                                  "The server has too many open connections; retry shortly.");
    busy.setHeader("Retry-After", "1");
    m_requestCompletedAt = std::chrono::steady_clock::now();
    HttpRequest request;
    request.peerAddress = m_peerAddress;
    request.peerPort = m_peerPort;
    m_keepAlive = false;
    writeResponse(request, busy);
}

void HttpConnection::onEncrypted()
{
    if (m_stage != Stage::Handshake)
        return;
    m_stage = Stage::Reading;
    setDeadline(DeadlineKind::Idle, m_state.limits.idleTimeoutMs);
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

void HttpConnection::setDeadline(DeadlineKind kind, qint64 timeoutMs)
{
    m_deadlineKind = kind;
    m_deadline = kind == DeadlineKind::None ? 0 : monotonicMs() + qMax<qint64>(timeoutMs, 1);
    m_pendingAtDeadline = -1;
}

qint64 HttpConnection::pendingOutput() const
{
    qint64 pending = m_socket->bytesToWrite();
    if (m_tls)
        pending += static_cast<QSslSocket *>(m_socket)->encryptedBytesToWrite();
    return pending;
}

bool HttpConnection::outputBlocked() const
{
    return pendingOutput() > kMaxPendingOutput;
}

qint64 HttpConnection::inputCap() const
{
    return qint64(m_state.limits.maxHeaderBytes) + m_state.limits.largestBodyLimit() + 64 * 1024;
}

void HttpConnection::readIntoParser()
{
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    char *destination = m_parser.appendSpace(available);
    m_parser.commitAppend(m_socket->read(destination, available));
}

void HttpConnection::onReadyRead()
{
    // A client that writes a request in several small pieces (TLS records of a push body)
    // waits with each for our ACK (Nagle); a delayed ACK would stall every push by 40 ms.
    // Linux clears the flag after each ACK, hence per read.
    const int quickAck = 1;
    ::setsockopt(int(m_socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &quickAck, sizeof quickAck);
    switch (m_stage) {
    case Stage::Handshake:
    case Stage::Finished:
        return;
    case Stage::Draining:
    case Stage::Lingering:
        m_socket->skip(m_socket->bytesAvailable());
        return;
    case Stage::Deferred:
        readIntoParser();
        // Requests pipelined behind a pending reply are kept, within reason.
        if (m_parser.bufferedBytes() > inputCap())
            finish(false);
        return;
    case Stage::Reading:
        readIntoParser();
        processInput();
        return;
    }
}

void HttpConnection::onBytesWritten()
{
    if (m_stage == Stage::Draining)
        continueClosing();
    else if (m_stage == Stage::Reading && m_parser.bufferedBytes() > 0 && !outputBlocked())
        processInput();
}

void HttpConnection::processInput()
{
    while (m_stage == Stage::Reading) {
        if (outputBlocked()) {
            if (m_parser.bufferedBytes() > inputCap())
                finish(false);
            break;
        }
        const HttpRequestParser::Result result = m_parser.parse();
        if (result == HttpRequestParser::Result::NeedMore) {
            if (m_parser.takeContinueExpected())
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            armReadDeadline();
            break;
        }
        if (result == HttpRequestParser::Result::Error) {
            respondAndClose(HttpResponseWriter::error(m_parser.errorStatus(), m_parser.errorCode(),
                                                      m_parser.errorMessage()));
            break;
        }
        HttpRequest request = m_parser.takeRequest();
        handleRequest(request);
    }
    // One flush per batch of pipelined responses instead of waiting for the write notifier.
    if (m_stage != Stage::Finished)
        m_socket->flush();
}

void HttpConnection::armReadDeadline()
{
    switch (m_parser.phase()) {
    case HttpRequestParser::Phase::Idle:
        if (m_deadlineKind != DeadlineKind::Idle)
            setDeadline(DeadlineKind::Idle, m_state.limits.idleTimeoutMs);
        break;
    case HttpRequestParser::Phase::Headers:
        // Set once at the request's first byte: trickling bytes does not extend it.
        if (m_deadlineKind != DeadlineKind::Header)
            setDeadline(DeadlineKind::Header, m_state.limits.headerTimeoutMs);
        break;
    case HttpRequestParser::Phase::Body:
        if (m_deadlineKind != DeadlineKind::Body)
            setDeadline(DeadlineKind::Body, m_state.limits.bodyTimeoutMs);
        break;
    }
}

void HttpConnection::handleRequest(HttpRequest &request)
{
    ++m_requestsServed;
    request.peerAddress = m_peerAddress;
    request.peerPort = m_peerPort;
    request.overTls = m_tls;
    m_keepAlive = m_parser.keepAlive() && m_requestsServed < m_state.limits.maxRequestsPerConnection;
    m_http10 = m_parser.isHttp10();
    m_requestCompletedAt = std::chrono::steady_clock::now();
    setDeadline(DeadlineKind::None, 0);

    std::optional<HttpReply> reply;
    try {
        reply.emplace(m_state.handler(request));
    } catch (...) {
        reply.emplace(internalError());
    }
    if (!reply->isDeferred()) {
        writeResponse(request, reply->response());
        return;
    }
    m_stage = Stage::Deferred;
    m_deferredRequest = std::move(request);
    m_watcher = new QFutureWatcher<HttpResponse>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &HttpConnection::onDeferredFinished);
    m_watcher->setFuture(reply->future());
}

void HttpConnection::onDeferredFinished()
{
    if (m_stage != Stage::Deferred || !m_watcher)
        return;
    const QFuture<HttpResponse> future = m_watcher->future();
    m_watcher->disconnect(this);
    m_watcher->deleteLater();
    m_watcher = nullptr;

    HttpResponse response;
    try {
        response = (future.isCanceled() || future.resultCount() < 1) ? internalError() : future.result();
    } catch (...) {
        response = internalError();
    }
    const HttpRequest request = std::move(m_deferredRequest);
    m_deferredRequest = HttpRequest();
    m_stage = Stage::Reading;
    writeResponse(request, response);
    processInput();
}

void HttpConnection::writeResponse(const HttpRequest &request, const HttpResponse &response)
{
    const bool closing = response.closeConnection || !m_keepAlive;
    m_socket->write(HttpResponseWriter::serialize(response, closing, m_http10 && !closing));
    if (m_state.observer) {
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - m_requestCompletedAt;
        try {
            m_state.observer(request, response, elapsed.count());
        } catch (...) {
            // An observer (metrics, logs) must never take a connection down.
        }
    }
    if (closing)
        beginClose();
}

void HttpConnection::respondAndClose(const HttpResponse &response)
{
    HttpRequest request = m_parser.takeRequest();
    request.peerAddress = m_peerAddress;
    request.peerPort = m_peerPort;
    request.overTls = m_tls;
    m_keepAlive = false;
    m_http10 = false;
    m_requestCompletedAt = std::chrono::steady_clock::now();
    writeResponse(request, response);
}

void HttpConnection::beginClose()
{
    m_stage = Stage::Draining;
    setDeadline(DeadlineKind::Closing, kClosingMs);
    m_socket->flush();
    continueClosing();
}

void HttpConnection::continueClosing()
{
    if (m_stage != Stage::Draining || pendingOutput() > 0)
        return;
    // Everything is with the kernel: send FIN after it, then wait for the client to close.
    ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
    m_stage = Stage::Lingering;
    setDeadline(DeadlineKind::Closing, kClosingMs);
    if (m_socket->bytesAvailable() > 0)
        m_socket->skip(m_socket->bytesAvailable());
}

void HttpConnection::checkDeadline(qint64 nowMs)
{
    if (!isDue(nowMs))
        return;
    switch (m_deadlineKind) {
    case DeadlineKind::None:
        return;
    case DeadlineKind::Handshake:
        finish(true);
        return;
    case DeadlineKind::Header:
    case DeadlineKind::Body:
        m_state.connectionsReaped.fetch_add(1, std::memory_order_relaxed);
        respondAndClose(HttpResponseWriter::error(408, "timeout", "The request was not received in time."));
        return;
    case DeadlineKind::Idle:
    case DeadlineKind::Closing: {
        // A client still reading a large response is slow, not gone: extend while it progresses.
        const qint64 pending = pendingOutput();
        if (pending > 0 && pending != m_pendingAtDeadline) {
            m_pendingAtDeadline = pending;
            m_deadline =
                nowMs + (m_deadlineKind == DeadlineKind::Idle ? m_state.limits.idleTimeoutMs : kClosingMs);
            return;
        }
        finish(m_deadlineKind == DeadlineKind::Idle);
        return;
    }
    }
}

void HttpConnection::closeNow()
{
    finish(false);
}

void HttpConnection::finish(bool reaped)
{
    if (m_stage == Stage::Finished)
        return;
    m_stage = Stage::Finished;
    m_deadlineKind = DeadlineKind::None;
    m_deadline = 0;
    if (reaped)
        m_state.connectionsReaped.fetch_add(1, std::memory_order_relaxed);
    if (m_watcher)
        m_watcher->disconnect(this);
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    m_worker.connectionFinished(this);
}

} // namespace medora::server
