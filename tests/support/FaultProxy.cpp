#include "FaultProxy.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace medora {

namespace {

constexpr int kMaxHeadBytes = 64 * 1024;

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

enum class Parse
{
    Incomplete,
    Complete,
    Malformed,
};

// The start line and header fields of one HTTP/1.x message.
struct Head
{
    QByteArray startLine;
    HeaderList headers;
    int length = 0; // bytes up to and including the blank line

    QByteArray value(const QByteArray &name) const
    {
        QByteArray found;
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                found = header.second;
        }
        return found;
    }
    bool hasToken(const QByteArray &name, const QByteArray &token) const
    {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) != 0)
                continue;
            for (const QByteArray &part : header.second.split(',')) {
                if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
                    return true;
            }
        }
        return false;
    }
};

Parse parseHead(const QByteArray &buffer, Head *head)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return buffer.size() > kMaxHeadBytes ? Parse::Malformed : Parse::Incomplete;
    if (end > kMaxHeadBytes)
        return Parse::Malformed;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    head->startLine = lines.value(0).trimmed();
    head->headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return Parse::Malformed;
        head->headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    head->length = int(end + 4);
    return head->startLine.isEmpty() ? Parse::Malformed : Parse::Complete;
}

// Length of a chunked body starting at `start` (chunks, last chunk and trailers), -1 while
// incomplete, -2 when malformed.
qint64 chunkedBodyLength(const QByteArray &buffer, qint64 start)
{
    qint64 position = start;
    while (true) {
        const qsizetype lineEnd = buffer.indexOf("\r\n", position);
        if (lineEnd < 0)
            return -1;
        QByteArray sizeText = buffer.mid(position, lineEnd - position);
        const qsizetype semicolon = sizeText.indexOf(';');
        if (semicolon >= 0)
            sizeText.truncate(semicolon);
        bool ok = false;
        const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return -2;
        position = lineEnd + 2;
        if (size == 0) {
            // Trailer fields up to an empty line.
            while (true) {
                const qsizetype trailerEnd = buffer.indexOf("\r\n", position);
                if (trailerEnd < 0)
                    return -1;
                const bool empty = trailerEnd == position;
                position = trailerEnd + 2;
                if (empty)
                    return position - start;
            }
        }
        if (buffer.size() < position + size + 2)
            return -1;
        if (buffer.mid(position + size, 2) != "\r\n")
            return -2;
        position += size + 2;
    }
}

// Body length from Transfer-Encoding / Content-Length: >= 0 known, -1 incomplete (chunked),
// -2 malformed, -3 none given.
qint64 framedBodyLength(const Head &head, const QByteArray &buffer)
{
    if (head.hasToken("transfer-encoding", "chunked"))
        return chunkedBodyLength(buffer, head.length);
    const QByteArray contentLength = head.value("content-length");
    if (contentLength.isNull())
        return -3;
    bool ok = false;
    const qint64 length = contentLength.toLongLong(&ok);
    return ok && length >= 0 ? length : -2;
}

struct Request
{
    Head head;
    QByteArray method;
    QString path;
    QByteArray bytes; // as the client sent it
};

Parse takeRequest(QByteArray &buffer, Request *request)
{
    Head head;
    const Parse parsed = parseHead(buffer, &head);
    if (parsed != Parse::Complete)
        return parsed;
    const QList<QByteArray> parts = head.startLine.split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1."))
        return Parse::Malformed;
    qint64 body = framedBodyLength(head, buffer);
    if (body == -3)
        body = 0;
    if (body == -2)
        return Parse::Malformed;
    if (body == -1 || buffer.size() < head.length + body)
        return Parse::Incomplete;
    request->head = head;
    request->method = parts.at(0);
    const QByteArray target = parts.at(1);
    const qsizetype query = target.indexOf('?');
    request->path = QString::fromLatin1(query >= 0 ? target.left(query) : target);
    request->bytes = buffer.left(head.length + body);
    buffer.remove(0, head.length + body);
    return Parse::Complete;
}

bool isHopByHop(const QByteArray &name)
{
    static const char *const names[] = {"connection", "keep-alive", "proxy-connection", "te", "upgrade"};
    for (const char *hop : names) {
        if (name.compare(hop, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// What goes to the server: hop-by-hop fields replaced by "Connection: close" (one upstream
// connection per request), the forwarded-for/proto fields written by us.
QByteArray upstreamRequest(const Request &request, const QByteArray &forwardedProto)
{
    QByteArray out = request.head.startLine + "\r\n";
    for (const auto &header : request.head.headers) {
        if (isHopByHop(header.first))
            continue;
        if (!forwardedProto.isEmpty() &&
            (header.first.compare("x-forwarded-proto", Qt::CaseInsensitive) == 0 ||
             header.first.compare("x-forwarded-for", Qt::CaseInsensitive) == 0))
            continue;
        out += header.first + ": " + header.second + "\r\n";
    }
    if (!forwardedProto.isEmpty()) {
        out += "X-Forwarded-Proto: " + forwardedProto + "\r\n";
        out += "X-Forwarded-For: 127.0.0.1\r\n";
    }
    out += "Connection: close\r\n\r\n";
    out += request.bytes.mid(request.head.length);
    return out;
}

bool clientWantsClose(const Request &request)
{
    if (request.head.hasToken("connection", "close"))
        return true;
    return request.head.startLine.endsWith("HTTP/1.0") && !request.head.hasToken("connection", "keep-alive");
}

struct Answer
{
    int status = 0;
    QByteArray bytes; // rewritten for the client
};

// One complete answer at the start of `buffer` (interim 1xx answers included, they come
// back with their status). `closed`: the server has closed, so a body without framing ends
// here. Returns Complete and removes the answer from `buffer`.
Parse takeAnswer(QByteArray &buffer, const QByteArray &method, bool closed, bool clientClose, Answer *answer)
{
    Head head;
    const Parse parsed = parseHead(buffer, &head);
    if (parsed != Parse::Complete)
        return parsed;
    const QList<QByteArray> parts = head.startLine.split(' ');
    bool ok = false;
    const int status = parts.value(1).toInt(&ok);
    if (parts.size() < 2 || !parts.at(0).startsWith("HTTP/1.") || !ok || status < 100 || status > 599)
        return Parse::Malformed;
    qint64 body = 0;
    bool untilClose = false;
    if (status >= 200 && status != 204 && status != 304 && method != "HEAD") {
        body = framedBodyLength(head, buffer);
        if (body == -2)
            return Parse::Malformed;
        if (body == -3) {
            untilClose = true;
            if (!closed)
                return Parse::Incomplete;
            body = buffer.size() - head.length;
        }
        if (body == -1 || buffer.size() < head.length + body)
            return Parse::Incomplete;
    }
    QByteArray out = head.startLine + "\r\n";
    for (const auto &header : head.headers) {
        if (!isHopByHop(header.first))
            out += header.first + ": " + header.second + "\r\n";
    }
    if (untilClose)
        out += "Content-Length: " + QByteArray::number(body) + "\r\n";
    if (clientClose && status >= 200)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += buffer.mid(head.length, body);
    buffer.remove(0, head.length + body);
    answer->status = status;
    answer->bytes = out;
    return Parse::Complete;
}

// Closes a socket after what was written to it has left, outliving its old owner.
void closeWhenFlushed(QTcpSocket *socket, QObject *oldOwner, QObject *newParent)
{
    socket->disconnect(oldOwner);
    socket->setParent(newParent);
    QObject::connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    QObject::connect(socket, &QAbstractSocket::errorOccurred, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
    if (socket->state() == QAbstractSocket::UnconnectedState)
        socket->deleteLater();
}

} // namespace

// A request sent once more on its own upstream connection, some time after the original.
class FaultProxy::Replay : public QObject
{
public:
    Replay(FaultProxy &proxy, QByteArray bytes, QByteArray method, QString path, int connectionNumber,
           int delayMs)
        : m_proxy(proxy), m_bytes(std::move(bytes)), m_method(std::move(method)), m_path(std::move(path)),
          m_connectionNumber(connectionNumber)
    {
        QTimer::singleShot(delayMs, this, [this] { send(); });
    }

private:
    void send()
    {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QAbstractSocket::connected, this, [this] {
            m_socket->write(m_bytes);
            ++m_proxy.m_stats.forwarded;
        });
        connect(m_socket, &QIODevice::readyRead, this, [this] { read(false); });
        connect(m_socket, &QAbstractSocket::disconnected, this, [this] { read(true); });
        connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError)
                done(QStringLiteral("upstream error: ") + m_socket->errorString());
        });
        m_socket->connectToHost(m_proxy.m_upstreamHost, m_proxy.m_upstreamPort);
    }
    void read(bool closed)
    {
        if (m_finished)
            return;
        m_buffer += m_socket->readAll();
        while (true) {
            Answer answer;
            const Parse parsed = takeAnswer(m_buffer, m_method, closed, false, &answer);
            if (parsed == Parse::Complete && answer.status < 200)
                continue;
            if (parsed == Parse::Complete) {
                ++m_proxy.m_stats.answered;
                done(QStringLiteral("replay answered %1").arg(answer.status));
            } else if (parsed == Parse::Malformed || closed) {
                done(QStringLiteral("replay got no complete answer"));
            }
            return;
        }
    }
    void done(const QString &what)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_proxy.log(QStringLiteral("c%1 %2 %3 %4")
                        .arg(m_connectionNumber)
                        .arg(QString::fromLatin1(m_method), m_path, what));
        if (m_socket)
            m_socket->abort();
        m_proxy.replayFinished(this);
    }

    FaultProxy &m_proxy;
    QByteArray m_bytes;
    QByteArray m_method;
    QString m_path;
    int m_connectionNumber = 0;
    QTcpSocket *m_socket = nullptr;
    QByteArray m_buffer;
    bool m_finished = false;
};

// One client connection: reads its requests one after the other, forwards each on a new
// upstream connection with its fault applied, and hands the answers back in order.
class FaultProxy::Connection : public QObject
{
public:
    Connection(FaultProxy &proxy, QTcpSocket *client, int number)
        : m_proxy(proxy), m_client(client), m_number(number)
    {
        m_client->setParent(this);
        connect(m_client, &QIODevice::readyRead, this, [this] { onClientData(); });
        connect(m_client, &QAbstractSocket::disconnected, this, [this] { onClientGone(); });
        connect(m_client, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError)
                onClientGone();
        });
    }

    // Reads what the client sent before the connection was registered.
    void start() { onClientData(); }

    bool busy() const { return m_phase != Phase::Idle && m_phase != Phase::Finished; }

    // Cuts the client and whatever this connection has in flight.
    void cut(const QString &why)
    {
        if (m_phase == Phase::Finished)
            return;
        log(why);
        abortUpstream();
        finish(true);
    }

private:
    enum class Phase
    {
        Idle,           // waiting for the client's next request
        HoldingRequest, // Delay
        AwaitingAnswer, // forwarded (or being forwarded), the answer not complete yet
        HoldingAnswer,  // Delay
        Finished,
    };

    void log(const QString &what)
    {
        m_proxy.log(QStringLiteral("c%1 %2 %3 %4")
                        .arg(m_number)
                        .arg(QString::fromLatin1(m_request.method), m_request.path, what));
    }

    void onClientData()
    {
        if (m_phase == Phase::Finished)
            return;
        m_clientBuffer += m_client->readAll();
        processNext();
    }

    void processNext()
    {
        if (m_phase != Phase::Idle)
            return;
        Request request;
        const Parse parsed = takeRequest(m_clientBuffer, &request);
        if (parsed == Parse::Incomplete)
            return;
        if (parsed == Parse::Malformed) {
            m_proxy.log(QStringLiteral("c%1 malformed request, closing").arg(m_number));
            m_client->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            closeClientAfterWrite();
            return;
        }
        ++m_proxy.m_stats.requests;
        m_request = request;
        m_upstreamBytes = upstreamRequest(request, m_proxy.m_forwardedProto);
        m_clientClose = clientWantsClose(request);
        m_decision = m_proxy.decideRequestFault(request.path);
        m_fault = m_decision.fault;
        m_delayMs = m_decision.delayMs;
        m_applied = false;
        m_sendsLeft = m_fault == Fault::DuplicateRequest ? 2 : 1;
        log(m_fault == Fault::None
                ? QStringLiteral("forward")
                : faultName(m_fault) + (m_delayMs > 0 ? QStringLiteral(" %1ms").arg(m_delayMs) : QString()));
        switch (m_fault) {
        case Fault::Delay:
            ++m_proxy.m_stats.delayed;
            applied();
            m_phase = Phase::HoldingRequest;
            QTimer::singleShot(m_delayMs, this, [this] { sendUpstream(); });
            return;
        case Fault::ReplayLater:
            ++m_proxy.m_stats.replayed;
            applied();
            m_proxy.m_replays.insert(
                new Replay(m_proxy, m_upstreamBytes, m_request.method, m_request.path, m_number, m_delayMs));
            break;
        default:
            break;
        }
        sendUpstream();
    }

    // The chosen fault acted on this exchange.
    void applied()
    {
        m_applied = true;
        emit m_proxy.faultApplied(m_fault, QString::fromLatin1(m_request.method), m_request.path);
    }

    void sendUpstream()
    {
        if (m_phase == Phase::Finished)
            return;
        m_phase = Phase::AwaitingAnswer;
        m_upstreamBuffer.clear();
        m_upstream = new QTcpSocket(this);
        QTcpSocket *socket = m_upstream;
        connect(socket, &QAbstractSocket::connected, this, [this, socket] {
            if (socket == m_upstream)
                onUpstreamConnected();
        });
        connect(socket, &QIODevice::readyRead, this, [this, socket] {
            if (socket == m_upstream)
                onUpstreamData(false);
        });
        connect(socket, &QAbstractSocket::disconnected, this, [this, socket] {
            if (socket == m_upstream)
                onUpstreamData(true);
        });
        connect(socket, &QAbstractSocket::errorOccurred, this,
                [this, socket](QAbstractSocket::SocketError error) {
                    if (socket == m_upstream && error != QAbstractSocket::RemoteHostClosedError)
                        upstreamFailed(QStringLiteral("upstream error: ") + socket->errorString());
                });
        socket->connectToHost(m_proxy.m_upstreamHost, m_proxy.m_upstreamPort);
    }

    void onUpstreamConnected()
    {
        if (m_fault == Fault::DropMidRequest) {
            // A cut point strictly inside the request (inside the body when there is one),
            // so the server never holds a complete request.
            const int total = int(m_upstreamBytes.size());
            const int headEnd = int(m_upstreamBytes.indexOf("\r\n\r\n")) + 4;
            const int from = headEnd < total ? headEnd : 1;
            const int cutAt = from + m_proxy.randomBelow(std::max(1, total - from));
            ++m_proxy.m_stats.droppedMidRequest;
            applied();
            log(QStringLiteral("cut after %1 of %2 bytes").arg(cutAt).arg(total));
            m_upstream->write(m_upstreamBytes.left(std::max(1, std::min(cutAt, total - 1))));
            QTcpSocket *upstream = m_upstream;
            m_upstream = nullptr;
            closeWhenFlushed(upstream, this, &m_proxy);
            finish(true);
            return;
        }
        m_upstream->write(m_upstreamBytes);
        ++m_proxy.m_stats.forwarded;
    }

    void onUpstreamData(bool closed)
    {
        if (m_phase != Phase::AwaitingAnswer || !m_upstream)
            return;
        m_upstreamBuffer += m_upstream->readAll();
        while (true) {
            Answer answer;
            const Parse parsed =
                takeAnswer(m_upstreamBuffer, m_request.method, closed, m_clientClose, &answer);
            if (parsed == Parse::Malformed) {
                upstreamFailed(QStringLiteral("malformed answer from the server"));
                return;
            }
            if (parsed == Parse::Incomplete) {
                if (closed)
                    upstreamFailed(QStringLiteral("the server closed before a complete answer"));
                return;
            }
            if (answer.status < 200) {
                // Interim (100 Continue): only meaningful to a client that is still listening.
                if (m_sendsLeft == 1 && m_fault != Fault::LoseResponse && m_fault != Fault::TruncateResponse)
                    m_client->write(answer.bytes);
                continue;
            }
            ++m_proxy.m_stats.answered;
            abortUpstream();
            onAnswer(answer);
            return;
        }
    }

    void onAnswer(const Answer &answer)
    {
        if (--m_sendsLeft > 0) {
            ++m_proxy.m_stats.duplicated;
            applied();
            log(QStringLiteral("first answer %1 discarded, sending again").arg(answer.status));
            sendUpstream();
            return;
        }
        switch (m_fault) {
        case Fault::LoseResponse:
            ++m_proxy.m_stats.lostResponses;
            applied();
            log(QStringLiteral("answer %1 lost").arg(answer.status));
            finish(true);
            return;
        case Fault::TruncateResponse: {
            ++m_proxy.m_stats.truncatedResponses;
            applied();
            const int size = int(answer.bytes.size());
            const int keep = 1 + m_proxy.randomBelow(std::max(1, size - 1));
            log(QStringLiteral("answer %1 cut after %2 of %3 bytes").arg(answer.status).arg(keep).arg(size));
            m_client->write(answer.bytes.left(keep));
            closeClientAfterWrite();
            return;
        }
        case Fault::Delay: {
            m_phase = Phase::HoldingAnswer;
            const int hold = std::max(1, m_delayMs / 2);
            QTimer::singleShot(hold, this, [this, answer] { deliver(answer); });
            return;
        }
        default:
            deliver(answer);
        }
    }

    void deliver(const Answer &answer)
    {
        if (m_phase == Phase::Finished)
            return;
        m_client->write(answer.bytes);
        ++m_proxy.m_stats.delivered;
        log(QStringLiteral("delivered %1").arg(answer.status));
        emit m_proxy.delivered(QString::fromLatin1(m_request.method), m_request.path, answer.status);
        if (m_clientClose) {
            closeClientAfterWrite();
            return;
        }
        m_phase = Phase::Idle;
        m_proxy.checkIdle();
        processNext();
    }

    void upstreamFailed(const QString &why)
    {
        if (m_phase != Phase::AwaitingAnswer)
            return;
        ++m_proxy.m_stats.upstreamFailures;
        log(why);
        abortUpstream();
        // No gateway error page: the client sees the connection cut, as it would see a
        // server that went away.
        finish(true);
    }

    void closeClientAfterWrite()
    {
        abortUpstream();
        QTcpSocket *client = m_client;
        m_client = nullptr;
        closeWhenFlushed(client, this, &m_proxy);
        finish(false);
    }

    void onClientGone()
    {
        if (m_phase == Phase::Finished)
            return;
        if (m_phase == Phase::HoldingRequest || m_phase == Phase::AwaitingAnswer ||
            m_phase == Phase::HoldingAnswer) {
            ++m_proxy.m_stats.clientAborts;
            log(QStringLiteral("client went away"));
        }
        abortUpstream();
        finish(true);
    }

    void abortUpstream()
    {
        if (!m_upstream)
            return;
        QTcpSocket *upstream = m_upstream;
        m_upstream = nullptr;
        upstream->disconnect(this);
        upstream->abort();
        upstream->deleteLater();
    }

    void finish(bool abortClient)
    {
        if (m_phase == Phase::Finished)
            return;
        m_phase = Phase::Finished;
        if (m_fault != Fault::None && !m_applied && m_decision.scripted) {
            log(faultName(m_fault) + QStringLiteral(" never acted: owed to the next request"));
            m_proxy.requeueFault(m_decision);
            m_fault = Fault::None;
        }
        if (m_client) {
            m_client->disconnect(this);
            if (abortClient)
                m_client->abort();
        }
        m_proxy.connectionFinished(this);
    }

    FaultProxy &m_proxy;
    QTcpSocket *m_client = nullptr;
    QTcpSocket *m_upstream = nullptr;
    int m_number = 0;
    Phase m_phase = Phase::Idle;
    QByteArray m_clientBuffer;
    QByteArray m_upstreamBuffer;
    Request m_request;
    QByteArray m_upstreamBytes;
    bool m_clientClose = false;
    Decision m_decision;
    Fault m_fault = Fault::None;
    bool m_applied = false;
    int m_delayMs = 0;
    int m_sendsLeft = 1;
};

FaultProxy::FaultProxy(QObject *parent) : QObject(parent), m_random(0)
{
    m_clock.start();
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy()
{
    disconnect(&m_server, nullptr, this, nullptr);
    m_server.close();
    const QSet<Connection *> connections = m_connections;
    m_connections.clear();
    qDeleteAll(connections);
    const QSet<Replay *> replays = m_replays;
    m_replays.clear();
    qDeleteAll(replays);
}

bool FaultProxy::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port)) {
        log(QStringLiteral("cannot listen: ") + m_server.errorString());
        return false;
    }
    m_port = m_server.serverPort();
    m_offline = false;
    log(QStringLiteral("listening on %1").arg(m_port));
    return true;
}

QString FaultProxy::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

void FaultProxy::setUpstream(quint16 port, const QString &host)
{
    m_upstreamHost = host;
    m_upstreamPort = port;
    log(QStringLiteral("upstream %1:%2").arg(host).arg(port));
}

bool FaultProxy::setOffline(bool offline)
{
    if (offline == m_offline)
        return true;
    if (offline) {
        m_offline = true;
        m_server.close();
        log(QStringLiteral("offline"));
        cutAllConnections();
        return true;
    }
    if (!m_server.listen(QHostAddress::LocalHost, m_port)) {
        log(QStringLiteral("cannot listen again on %1: %2").arg(m_port).arg(m_server.errorString()));
        return false;
    }
    m_offline = false;
    log(QStringLiteral("online"));
    return true;
}

void FaultProxy::cutAllConnections()
{
    const QSet<Connection *> connections = m_connections;
    for (Connection *connection : connections)
        connection->cut(QStringLiteral("cut by the test"));
}

void FaultProxy::injectFault(Fault fault, const QString &pathPrefix, int count, int delayMs)
{
    if (fault == Fault::None || count <= 0)
        return;
    m_scripted.append({fault, pathPrefix, count, delayMs});
}

void FaultProxy::clearInjectedFaults()
{
    m_scripted.clear();
}

int FaultProxy::pendingInjectedFaults() const
{
    int pending = 0;
    for (const ScriptedFault &scripted : m_scripted)
        pending += scripted.remaining;
    return pending;
}

void FaultProxy::setRandomFaults(quint64 seed, const FaultRates &rates)
{
    m_random.seed(seed);
    m_rates = rates;
    m_randomEnabled = true;
    log(QStringLiteral("random faults, seed %1").arg(seed));
}

void FaultProxy::disableRandomFaults()
{
    m_randomEnabled = false;
    log(QStringLiteral("random faults off"));
}

QString FaultProxy::eventLogTail(int lines) const
{
    return m_eventLog.mid(std::max<qsizetype>(0, m_eventLog.size() - lines)).join(QLatin1Char('\n'));
}

int FaultProxy::busyExchanges() const
{
    int busy = int(m_replays.size());
    for (const Connection *connection : m_connections)
        busy += connection->busy() ? 1 : 0;
    return busy;
}

int FaultProxy::openConnections() const
{
    return int(m_connections.size());
}

QString FaultProxy::faultName(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return QStringLiteral("none");
    case Fault::DropMidRequest:
        return QStringLiteral("drop-mid-request");
    case Fault::LoseResponse:
        return QStringLiteral("lose-response");
    case Fault::TruncateResponse:
        return QStringLiteral("truncate-response");
    case Fault::DuplicateRequest:
        return QStringLiteral("duplicate-request");
    case Fault::ReplayLater:
        return QStringLiteral("replay-later");
    case Fault::Delay:
        return QStringLiteral("delay");
    case Fault::RefuseConnection:
        return QStringLiteral("refuse-connection");
    }
    return QString();
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        const int number = m_nextConnectionNumber++;
        ++m_stats.connections;
        if (m_offline || decideRefuseConnection()) {
            ++m_stats.refusedConnections;
            log(QStringLiteral("c%1 refuse-connection").arg(number));
            emit faultApplied(Fault::RefuseConnection, QString(), QString());
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *connection = new Connection(*this, socket, number);
        m_connections.insert(connection);
        connection->start();
    }
}

FaultProxy::Decision FaultProxy::decideRequestFault(const QString &path)
{
    if (!path.startsWith(m_faultPathPrefix))
        return {};
    for (int i = 0; i < m_scripted.size(); ++i) {
        ScriptedFault &scripted = m_scripted[i];
        if (scripted.fault == Fault::RefuseConnection || !path.startsWith(scripted.pathPrefix))
            continue;
        Decision decision{scripted.fault, scripted.delayMs, true, scripted.pathPrefix, scripted.delayMs};
        if (--scripted.remaining <= 0)
            m_scripted.removeAt(i);
        if ((decision.fault == Fault::Delay || decision.fault == Fault::ReplayLater) && decision.delayMs <= 0)
            decision.delayMs = randomDelay();
        return decision;
    }
    if (!m_randomEnabled)
        return {};
    const double roll = std::uniform_real_distribution<double>(0.0, 1.0)(m_random);
    const std::pair<double, Fault> table[] = {
        {m_rates.dropMidRequest, Fault::DropMidRequest},
        {m_rates.loseResponse, Fault::LoseResponse},
        {m_rates.truncateResponse, Fault::TruncateResponse},
        {m_rates.duplicateRequest, Fault::DuplicateRequest},
        {m_rates.replayLater, Fault::ReplayLater},
        {m_rates.delay, Fault::Delay},
    };
    double cumulative = 0;
    for (const auto &entry : table) {
        cumulative += entry.first;
        if (roll < cumulative) {
            Decision decision{entry.second, 0, false, QString(), 0};
            if (decision.fault == Fault::Delay || decision.fault == Fault::ReplayLater)
                decision.delayMs = randomDelay();
            return decision;
        }
    }
    return {};
}

void FaultProxy::requeueFault(const Decision &decision)
{
    m_scripted.prepend({decision.fault, decision.pathPrefix, 1, decision.scriptedDelayMs});
}

bool FaultProxy::decideRefuseConnection()
{
    for (int i = 0; i < m_scripted.size(); ++i) {
        if (m_scripted.at(i).fault != Fault::RefuseConnection)
            continue;
        if (--m_scripted[i].remaining <= 0)
            m_scripted.removeAt(i);
        return true;
    }
    if (!m_randomEnabled || m_rates.refuseConnection <= 0)
        return false;
    return std::uniform_real_distribution<double>(0.0, 1.0)(m_random) < m_rates.refuseConnection;
}

int FaultProxy::randomDelay()
{
    const int maxDelay = m_randomEnabled ? std::max(1, m_rates.maxDelayMs) : 300;
    return 1 + randomBelow(maxDelay);
}

int FaultProxy::randomBelow(int bound)
{
    if (bound <= 1)
        return 0;
    return int(std::uniform_int_distribution<int>(0, bound - 1)(m_random));
}

void FaultProxy::log(const QString &line)
{
    m_eventLog.append(QStringLiteral("%1 %2").arg(double(m_clock.elapsed()) / 1000.0, 0, 'f', 3).arg(line));
    if (m_eventLog.size() > kEventLogLines)
        m_eventLog.removeFirst();
}

void FaultProxy::connectionFinished(Connection *connection)
{
    if (m_connections.remove(connection))
        connection->deleteLater();
    checkIdle();
}

void FaultProxy::replayFinished(Replay *replay)
{
    if (m_replays.remove(replay))
        replay->deleteLater();
    checkIdle();
}

void FaultProxy::checkIdle()
{
    if (busyExchanges() == 0)
        emit idle();
}

} // namespace medora
