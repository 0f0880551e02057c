#include "FaultProxy.h"
#include "TestHttpClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

// A tiny HTTP/1.1 origin server that answers every request with what it saw: the path, how
// many complete requests for that path arrived so far ("n"), the body and the forwarding
// headers. It remembers the arrival order and counts connections that closed in the middle
// of a request.
class EchoServer : public QObject
{
public:
    struct Seen
    {
        QByteArray method;
        QByteArray path;
        QByteArray body;
        QByteArray forwardedProto;
        QByteArray forwardedFor;
        QByteArray connection;
    };

    EchoServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QIODevice::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    serve(socket, *buffer);
                });
                connect(socket, &QAbstractSocket::disconnected, socket, [this, socket, buffer] {
                    if (!buffer->isEmpty())
                        ++partial;
                    ++closed;
                    socket->deleteLater();
                });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    int count(const QByteArray &path) const
    {
        int n = 0;
        for (const Seen &request : seen)
            n += request.path == path ? 1 : 0;
        return n;
    }

    QList<Seen> seen;
    int partial = 0; // connections that closed with an incomplete request
    int closed = 0;

private:
    static QByteArray headerValue(const QList<QByteArray> &lines, const QByteArray &name)
    {
        QByteArray value;
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                value = line.mid(colon + 1).trimmed();
        }
        return value;
    }

    void serve(QTcpSocket *socket, QByteArray &buffer)
    {
        while (true) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            const qsizetype length = headerValue(lines, "content-length").toLongLong();
            if (buffer.size() < end + 4 + length)
                return;
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            Seen request;
            request.method = requestLine.value(0);
            request.path = requestLine.value(1);
            request.body = buffer.mid(end + 4, length);
            request.forwardedProto = headerValue(lines, "x-forwarded-proto");
            request.forwardedFor = headerValue(lines, "x-forwarded-for");
            request.connection = headerValue(lines, "connection");
            buffer.remove(0, end + 4 + length);
            seen.append(request);

            const QJsonObject answer{{QStringLiteral("path"), QString::fromLatin1(request.path)},
                                     {QStringLiteral("n"), count(request.path)},
                                     {QStringLiteral("body"), QString::fromUtf8(request.body)},
                                     {QStringLiteral("proto"), QString::fromLatin1(request.forwardedProto)}};
            const QByteArray body = QJsonDocument(answer).toJson(QJsonDocument::Compact);
            const bool close = request.connection.compare("close", Qt::CaseInsensitive) == 0;
            if (request.path == "/api/v1/sync/nolength") {
                // No framing: the body ends where the connection does.
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n" + body);
                socket->disconnectFromHost();
                return;
            }
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\nConnection: " +
                          (close ? QByteArray("close") : QByteArray("keep-alive")) + "\r\n\r\n" + body);
            if (close) {
                socket->disconnectFromHost();
                return;
            }
        }
    }

    QTcpServer m_server;
};

struct Answer
{
    int status = 0;
    QJsonObject json;
};

// Complete answers at the start of `bytes` (Content-Length framing only).
QList<Answer> parseAnswers(const QByteArray &bytes)
{
    QList<Answer> answers;
    qsizetype position = 0;
    while (true) {
        const qsizetype end = bytes.indexOf("\r\n\r\n", position);
        if (end < 0)
            return answers;
        const QList<QByteArray> lines = bytes.mid(position, end - position).split('\n');
        qsizetype length = -1;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (length < 0 || bytes.size() < end + 4 + length)
            return answers;
        Answer answer;
        answer.status = lines.value(0).split(' ').value(1).toInt();
        answer.json = QJsonDocument::fromJson(bytes.mid(end + 4, length)).object();
        answers.append(answer);
        position = end + 4 + length;
    }
}

// A client that writes raw bytes and collects whatever comes back until `answers` complete
// answers arrived or the proxy closed the connection.
struct RawExchange
{
    QByteArray received;
    bool closed = false;
    bool connected = false;
    bool timedOut = false;
    QList<Answer> answers() const { return parseAnswers(received); }
};

RawExchange exchange(quint16 port, const QByteArray &bytes, int answers = 1, int timeoutMs = 5000)
{
    RawExchange result;
    QTcpSocket socket;
    QObject::connect(&socket, &QIODevice::readyRead, [&] { result.received += socket.readAll(); });
    QObject::connect(&socket, &QAbstractSocket::disconnected, [&] { result.closed = true; });
    QObject::connect(&socket, &QAbstractSocket::errorOccurred, [&](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            result.closed = true;
    });
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState || result.closed; },
                         timeoutMs))
        return result;
    result.connected = socket.state() == QAbstractSocket::ConnectedState;
    if (!result.connected)
        return result;
    socket.write(bytes);
    result.timedOut = !QTest::qWaitFor(
        [&] { return result.closed || parseAnswers(result.received).size() >= answers; }, timeoutMs);
    result.received += socket.readAll();
    socket.disconnect(); // destroying a connected socket would report a close we did not see
    return result;
}

QByteArray post(const QByteArray &path, const QByteArray &body, const QByteArray &extraHeaders = QByteArray())
{
    return "POST " + path +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

QByteArray get(const QByteArray &path, const QByteArray &extraHeaders = QByteArray())
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

const QByteArray kPush = "/api/v1/sync/push";
const QByteArray kPull = "/api/v1/sync/pull";

} // namespace

class TestFaultProxy : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void forwardsAndWritesForwardingHeaders();
    void keepsClientConnectionsAliveAcrossRequests();
    void answerWithoutFramingEndsAtClose();
    void dropMidRequestNeverCompletesOnTheServer();
    void loseResponseAfterTheServerApplied();
    void truncateResponseDeliversPartOfTheAnswer();
    void duplicateRequestReachesTheServerTwice();
    void replayLaterArrivesAfterTheOriginal();
    void delayLetsOtherConnectionsOvertake();
    void faultsOnlyHitTheirPaths();
    void refuseConnectionResetsOneConnection();
    void offlineRefusesAndComesBackOnTheSamePort();
    void serverDownCutsTheClient();
    void faultOwedWhenTheExchangeDiesFirst();
    void upstreamCanMoveToARestartedServer();
    void randomFaultsFollowTheSeed();
    void realHttpClientWorksThroughTheProxy();

private:
    std::unique_ptr<EchoServer> m_echo;
    std::unique_ptr<FaultProxy> m_proxy;
};

void TestFaultProxy::init()
{
    m_echo = std::make_unique<EchoServer>();
    QVERIFY(m_echo->listen());
    m_proxy = std::make_unique<FaultProxy>();
    QVERIFY(m_proxy->listen());
    m_proxy->setUpstream(m_echo->port());
}

void TestFaultProxy::cleanup()
{
    if (QTest::currentTestFailed())
        qInfo().noquote() << "proxy events:\n" << m_proxy->eventLogTail();
    m_proxy.reset();
    m_echo.reset();
}

void TestFaultProxy::forwardsAndWritesForwardingHeaders()
{
    const RawExchange result =
        exchange(m_proxy->port(), post(kPush, "{\"ops\":[]}",
                                       "X-Forwarded-Proto: https-spoofed\r\nX-Forwarded-For: 10.9.9.9\r\n"));
    const QList<Answer> answers = result.answers();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.at(0).status, 200);
    QCOMPARE(answers.at(0).json.value(QStringLiteral("body")).toString(), QStringLiteral("{\"ops\":[]}"));
    QCOMPARE(m_echo->seen.size(), 1);
    // What the client claimed is replaced by what the proxy knows.
    QCOMPARE(m_echo->seen.at(0).forwardedProto, QByteArray("https"));
    QCOMPARE(m_echo->seen.at(0).forwardedFor, QByteArray("127.0.0.1"));
    QCOMPARE(m_echo->seen.at(0).connection, QByteArray("close"));
    // The upstream's "Connection: close" is not passed on: the client connection stays.
    QVERIFY(!result.received.contains("Connection: close"));
    QVERIFY(!result.closed);

    m_proxy->setForwardedProto(QByteArray());
    const RawExchange untouched = exchange(m_proxy->port(), get(kPull, "X-Forwarded-Proto: http\r\n"));
    QCOMPARE(untouched.answers().size(), 1);
    QCOMPARE(m_echo->seen.at(1).forwardedProto, QByteArray("http"));
    const FaultProxy::Stats stats = m_proxy->stats();
    QCOMPARE(stats.requests, 2);
    QCOMPARE(stats.forwarded, 2);
    QCOMPARE(stats.delivered, 2);
    QCOMPARE(stats.faults(), 0);
}

void TestFaultProxy::keepsClientConnectionsAliveAcrossRequests()
{
    // Two requests in one write (pipelined) and a third asking to close afterwards.
    const QByteArray bytes =
        get(kPull + "?after=0") + post(kPush, "one") + post(kPush, "two", "Connection: close\r\n");
    const RawExchange result = exchange(m_proxy->port(), bytes, 3);
    const QList<Answer> answers = result.answers();
    QCOMPARE(answers.size(), 3);
    QCOMPARE(answers.at(0).json.value(QStringLiteral("path")).toString(),
             QStringLiteral("/api/v1/sync/pull?after=0"));
    QCOMPARE(answers.at(1).json.value(QStringLiteral("body")).toString(), QStringLiteral("one"));
    QCOMPARE(answers.at(2).json.value(QStringLiteral("body")).toString(), QStringLiteral("two"));
    QVERIFY(result.received.endsWith("\"two\"}") || result.received.contains("Connection: close"));
    QTRY_VERIFY(m_proxy->openConnections() == 0); // closed after the third, as asked
    QCOMPARE(m_proxy->stats().connections, 1);
    QCOMPARE(m_echo->closed, 3); // one upstream connection per request
}

void TestFaultProxy::answerWithoutFramingEndsAtClose()
{
    const RawExchange result = exchange(m_proxy->port(), get("/api/v1/sync/nolength"));
    const QList<Answer> answers = result.answers();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.at(0).json.value(QStringLiteral("n")).toInt(), 1);
    QVERIFY(!result.closed); // framed for the client, which keeps its connection
}

void TestFaultProxy::dropMidRequestNeverCompletesOnTheServer()
{
    QSignalSpy faults(m_proxy.get(), &FaultProxy::faultApplied);
    m_proxy->injectFault(FaultProxy::Fault::DropMidRequest, QString::fromLatin1(kPush));
    const RawExchange result = exchange(m_proxy->port(), post(kPush, QByteArray(5000, 'x')));
    QVERIFY(result.connected);
    QVERIFY(result.closed);
    QVERIFY(result.received.isEmpty());
    QTRY_COMPARE(m_echo->partial, 1);
    QCOMPARE(m_echo->seen.size(), 0);
    QCOMPARE(faults.size(), 1);
    QCOMPARE(faults.at(0).at(0).value<FaultProxy::Fault>(), FaultProxy::Fault::DropMidRequest);
    QCOMPARE(m_proxy->stats().droppedMidRequest, 1);
    QCOMPARE(m_proxy->pendingInjectedFaults(), 0);

    // Only that request: the next one passes.
    QCOMPARE(exchange(m_proxy->port(), post(kPush, "again")).answers().size(), 1);
    QCOMPARE(m_echo->count(kPush), 1);
}

void TestFaultProxy::loseResponseAfterTheServerApplied()
{
    m_proxy->injectFault(FaultProxy::Fault::LoseResponse);
    const RawExchange result = exchange(m_proxy->port(), post(kPush, "applied"));
    QVERIFY(result.closed);
    QVERIFY(result.received.isEmpty());
    QCOMPARE(m_echo->count(kPush), 1); // the server has it
    QCOMPARE(m_echo->seen.at(0).body, QByteArray("applied"));
    QCOMPARE(m_proxy->stats().lostResponses, 1);
    QCOMPARE(m_proxy->stats().answered, 1);
    QCOMPARE(m_proxy->stats().delivered, 0);
}

void TestFaultProxy::truncateResponseDeliversPartOfTheAnswer()
{
    m_proxy->injectFault(FaultProxy::Fault::TruncateResponse, QString::fromLatin1(kPull));
    const RawExchange result = exchange(m_proxy->port(), get(kPull));
    QVERIFY(result.closed);
    QVERIFY(!result.received.isEmpty());
    const QByteArray statusLine = "HTTP/1.1 200 OK\r\n";
    QVERIFY(result.received.startsWith(statusLine.left(result.received.size())));
    QCOMPARE(result.answers().size(), 0);
    QCOMPARE(m_echo->count(kPull), 1);
    QCOMPARE(m_proxy->stats().truncatedResponses, 1);
}

void TestFaultProxy::duplicateRequestReachesTheServerTwice()
{
    m_proxy->injectFault(FaultProxy::Fault::DuplicateRequest, QString::fromLatin1(kPush));
    const RawExchange result = exchange(m_proxy->port(), post(kPush, "twice"));
    const QList<Answer> answers = result.answers();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.at(0).json.value(QStringLiteral("n")).toInt(), 2); // the second answer
    QCOMPARE(m_echo->count(kPush), 2);
    QCOMPARE(m_echo->seen.at(0).body, m_echo->seen.at(1).body);
    QCOMPARE(m_proxy->stats().duplicated, 1);
    QCOMPARE(m_proxy->stats().forwarded, 2);
}

void TestFaultProxy::replayLaterArrivesAfterTheOriginal()
{
    QSignalSpy idle(m_proxy.get(), &FaultProxy::idle);
    m_proxy->injectFault(FaultProxy::Fault::ReplayLater, QString::fromLatin1(kPush), 1, 200);
    const RawExchange first = exchange(m_proxy->port(), post(kPush, "original"));
    QCOMPARE(first.answers().size(), 1);
    QCOMPARE(first.answers().at(0).json.value(QStringLiteral("n")).toInt(), 1);
    QVERIFY(m_proxy->busyExchanges() > 0); // the replay still waits
    const RawExchange second = exchange(m_proxy->port(), post(kPush, "later"));
    QCOMPARE(second.answers().size(), 1);
    QTRY_COMPARE(m_proxy->busyExchanges(), 0);
    QVERIFY(!idle.isEmpty());
    QCOMPARE(m_echo->count(kPush), 3);
    // The replay came after the request that followed the original.
    QCOMPARE(m_echo->seen.at(0).body, QByteArray("original"));
    QCOMPARE(m_echo->seen.at(1).body, QByteArray("later"));
    QCOMPARE(m_echo->seen.at(2).body, QByteArray("original"));
    QCOMPARE(m_proxy->stats().replayed, 1);
    QCOMPARE(m_proxy->stats().answered, 3);
}

void TestFaultProxy::delayLetsOtherConnectionsOvertake()
{
    m_proxy->injectFault(FaultProxy::Fault::Delay, QString::fromLatin1(kPush), 1, 400);
    QTcpSocket slow;
    QByteArray slowReceived;
    connect(&slow, &QIODevice::readyRead, this, [&] { slowReceived += slow.readAll(); });
    slow.connectToHost(QHostAddress::LocalHost, m_proxy->port());
    QTRY_COMPARE(slow.state(), QAbstractSocket::ConnectedState);
    slow.write(post(kPush, "first sent"));
    QTRY_COMPARE(m_proxy->stats().requests, 1);

    const RawExchange fast = exchange(m_proxy->port(), get(kPull));
    QCOMPARE(fast.answers().size(), 1);
    QTRY_COMPARE(parseAnswers(slowReceived).size(), 1);
    QCOMPARE(m_echo->seen.size(), 2);
    QCOMPARE(m_echo->seen.at(0).path, kPull);
    QCOMPARE(m_echo->seen.at(1).path, kPush);
    QCOMPARE(m_proxy->stats().delayed, 1);
}

void TestFaultProxy::faultsOnlyHitTheirPaths()
{
    m_proxy->injectFault(FaultProxy::Fault::LoseResponse, QString::fromLatin1(kPull));
    // Outside the proxy's fault prefix (sign-in) and outside the fault's own path: untouched.
    QCOMPARE(exchange(m_proxy->port(), post("/api/v1/auth/login", "{}")).answers().size(), 1);
    QCOMPARE(exchange(m_proxy->port(), post(kPush, "{}")).answers().size(), 1);
    QCOMPARE(m_proxy->pendingInjectedFaults(), 1);
    const RawExchange lost = exchange(m_proxy->port(), get(kPull));
    QVERIFY(lost.closed);
    QCOMPARE(lost.answers().size(), 0);
    QCOMPARE(m_proxy->pendingInjectedFaults(), 0);

    m_proxy->setFaultPathPrefix(QString());
    m_proxy->injectFault(FaultProxy::Fault::LoseResponse, QStringLiteral("/api/v1/auth/"));
    QVERIFY(exchange(m_proxy->port(), post("/api/v1/auth/login", "{}")).closed);
}

void TestFaultProxy::refuseConnectionResetsOneConnection()
{
    m_proxy->injectFault(FaultProxy::Fault::RefuseConnection);
    const RawExchange refused = exchange(m_proxy->port(), get(kPull));
    QVERIFY(refused.closed);
    QVERIFY(refused.received.isEmpty());
    QCOMPARE(m_echo->seen.size(), 0);
    QCOMPARE(m_proxy->stats().refusedConnections, 1);
    QCOMPARE(exchange(m_proxy->port(), get(kPull)).answers().size(), 1);
}

void TestFaultProxy::offlineRefusesAndComesBackOnTheSamePort()
{
    // An open keep-alive connection is cut when the network goes.
    QTcpSocket open;
    bool openClosed = false;
    connect(&open, &QAbstractSocket::disconnected, this, [&] { openClosed = true; });
    open.connectToHost(QHostAddress::LocalHost, m_proxy->port());
    QTRY_COMPARE(open.state(), QAbstractSocket::ConnectedState);
    QTRY_COMPARE(m_proxy->openConnections(), 1);

    const quint16 port = m_proxy->port();
    QVERIFY(m_proxy->setOffline(true));
    QVERIFY(m_proxy->isOffline());
    QTRY_VERIFY(openClosed);
    QTcpSocket refused;
    QSignalSpy errors(&refused, &QAbstractSocket::errorOccurred);
    refused.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).value<QAbstractSocket::SocketError>(),
             QAbstractSocket::ConnectionRefusedError);

    QVERIFY(m_proxy->setOffline(false));
    QCOMPARE(m_proxy->port(), port);
    QCOMPARE(exchange(port, get(kPull)).answers().size(), 1);
}

void TestFaultProxy::serverDownCutsTheClient()
{
    QTcpServer unused;
    QVERIFY(unused.listen(QHostAddress::LocalHost));
    const quint16 closedPort = unused.serverPort();
    unused.close();
    m_proxy->setUpstream(closedPort);
    const RawExchange result = exchange(m_proxy->port(), post(kPush, "nobody home"));
    QVERIFY(result.closed);
    QVERIFY(result.received.isEmpty());
    QCOMPARE(m_proxy->stats().upstreamFailures, 1);
}

void TestFaultProxy::faultOwedWhenTheExchangeDiesFirst()
{
    QSignalSpy faults(m_proxy.get(), &FaultProxy::faultApplied);
    m_proxy->injectFault(FaultProxy::Fault::LoseResponse, QString::fromLatin1(kPush));
    QTcpServer unused;
    QVERIFY(unused.listen(QHostAddress::LocalHost));
    const quint16 closedPort = unused.serverPort();
    unused.close();
    m_proxy->setUpstream(closedPort);
    // The server is away: no answer could be lost, so the fault is still owed.
    QVERIFY(exchange(m_proxy->port(), post(kPush, "while down")).closed);
    QCOMPARE(m_proxy->stats().upstreamFailures, 1);
    QCOMPARE(m_proxy->stats().lostResponses, 0);
    QCOMPARE(m_proxy->pendingInjectedFaults(), 1);
    QCOMPARE(faults.size(), 0);

    m_proxy->setUpstream(m_echo->port());
    const RawExchange lost = exchange(m_proxy->port(), post(kPush, "back up"));
    QVERIFY(lost.closed);
    QCOMPARE(lost.answers().size(), 0);
    QCOMPARE(m_echo->count(kPush), 1);
    QCOMPARE(m_proxy->stats().lostResponses, 1);
    QCOMPARE(m_proxy->pendingInjectedFaults(), 0);
    QCOMPARE(faults.size(), 1);
}

void TestFaultProxy::upstreamCanMoveToARestartedServer()
{
    // The client keeps the proxy's address while the server comes back on another port.
    QTcpSocket client;
    QByteArray received;
    connect(&client, &QIODevice::readyRead, this, [&] { received += client.readAll(); });
    client.connectToHost(QHostAddress::LocalHost, m_proxy->port());
    QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
    client.write(get(kPull));
    QTRY_COMPARE(parseAnswers(received).size(), 1);

    EchoServer restarted;
    QVERIFY(restarted.listen());
    m_proxy->setUpstream(restarted.port());
    client.write(get(kPull));
    QTRY_COMPARE(parseAnswers(received).size(), 2);
    QCOMPARE(m_echo->count(kPull), 1);
    QCOMPARE(restarted.count(kPull), 1);
}

void TestFaultProxy::randomFaultsFollowTheSeed()
{
    FaultProxy::FaultRates rates;
    rates.dropMidRequest = 0.15;
    rates.loseResponse = 0.15;
    rates.truncateResponse = 0.1;
    rates.duplicateRequest = 0.15;
    rates.replayLater = 0.1;
    rates.delay = 0.1;
    rates.maxDelayMs = 20;

    auto run = [&](quint64 seed) {
        EchoServer echo;
        FaultProxy proxy;
        if (!echo.listen() || !proxy.listen())
            return QStringList();
        proxy.setUpstream(echo.port());
        proxy.setRandomFaults(seed, rates);
        QStringList faults;
        connect(&proxy, &FaultProxy::faultApplied, this,
                [&](FaultProxy::Fault fault) { faults << FaultProxy::faultName(fault); });
        for (int i = 0; i < 30; ++i) {
            const int before = int(faults.size());
            exchange(proxy.port(), post(kPush, QByteArray::number(i)));
            if (faults.size() == before)
                faults << QStringLiteral("none");
        }
        if (!QTest::qWaitFor([&] { return proxy.busyExchanges() == 0; }, 5000))
            faults << QStringLiteral("still busy");
        return faults;
    };
    const QStringList first = run(20261128);
    const QStringList again = run(20261128);
    const QStringList other = run(7);
    QCOMPARE(first.size(), 30);
    QCOMPARE(again, first);
    QVERIFY(other != first);
    // With these rates 30 requests see several kinds of fault.
    QStringList kinds = first;
    kinds.removeDuplicates();
    QVERIFY2(kinds.size() >= 4, qPrintable(kinds.join(QLatin1Char(','))));
}

void TestFaultProxy::realHttpClientWorksThroughTheProxy()
{
    TestHttpClient client;
    client.setBaseUrl(m_proxy->baseUrl());
    for (int i = 0; i < 3; ++i) {
        const TestHttpResponse response =
            client.postJson(QString::fromLatin1(kPush), {{QStringLiteral("i"), i}});
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(QStringLiteral("proto")).toString(), QStringLiteral("https"));
        QCOMPARE(response.json().value(QStringLiteral("n")).toInt(), i + 1);
    }
    QCOMPARE(m_proxy->stats().connections, 1); // kept alive by the client

    // A lost answer is a network error to the client, after the server applied it. Qt's
    // HTTP stack may resend the request on its own: the server then sees it again.
    m_proxy->injectFault(FaultProxy::Fault::LoseResponse, QString::fromLatin1(kPush), 10);
    client.resetConnections();
    const TestHttpResponse lost = client.postJson(QString::fromLatin1(kPush), {{QStringLiteral("i"), 3}});
    QCOMPARE(lost.status, 0);
    QVERIFY(lost.networkError != QNetworkReply::NoError);
    QVERIFY(m_echo->count(kPush) >= 4);
    qInfo("a lost answer made the client send the request %d time(s)", m_echo->count(kPush) - 3);
}

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
