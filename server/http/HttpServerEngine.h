#pragma once

#include "http/HttpLimits.h"
#include "http/HttpResponse.h"
#include "http/TlsCredentials.h"

#include <QHostAddress>
#include <QObject>

#include <memory>

namespace medora::server {

// A small HTTP/1.1 server on QtNetwork. QHttpServer 6.4 runs every handler on one thread,
// buffers any body in full before a handler sees it and never closes idle connections, so
// the server owns its connections here: worker threads, keep-alive with pipelining,
// bounded headers and bodies (431/413 before reading them), header/body/idle deadlines that
// reap slow and abandoned clients, a connection cap, and optional TLS.
//
// Engine-level refusals are JSON errors that close the connection: 400 bad_request
// (malformed, or HTTP/1.1 without Host), 431 headers_too_large, 413 body_too_large (sent as
// soon as the headers end, the body is never read), 411 length_required for any
// Transfer-Encoding (chunked bodies are refused, Content-Length is required), 408 timeout
// when a started request misses its header/body deadline, 503 server_busy (Retry-After: 1)
// past maxConnections. Idle keep-alive connections and stalled TLS handshakes are closed
// silently; both, and the 408s, count in connectionsReaped().
class HttpServerEngine : public QObject
{
    Q_OBJECT
public:
    HttpServerEngine(const HttpLimits &limits, HttpHandler handler, QObject *parent = nullptr);
    ~HttpServerEngine() override;

    // With valid credentials every connection is TLS (no plain HTTP on that port).
    // Invalid credentials are ignored once TLS is on, so a failed reload never downgrades the
    // port to plain HTTP.
    void setTlsCredentials(const TlsCredentials &credentials); // thread-safe; new connections only
    bool isTlsEnabled() const;                                 // thread-safe
    void setResponseObserver(HttpResponseObserver observer);   // before listen()

    bool listen(const QHostAddress &address, quint16 port); // port 0 picks a free one
    quint16 serverPort() const;
    QString errorString() const;
    void close(); // stops listening and closes every connection

    int openConnections() const;      // thread-safe
    qint64 connectionsReaped() const; // closed by a deadline (idle, slow header/body, handshake)

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace medora::server
