// HttpServerEngine in-process on 127.0.0.1 with small limits, driven by raw sockets so every
// byte on the wire (pipelining, trickled headers, refused bodies) is under the test's control.

#include "http/HttpRequest.h"
#include "http/HttpServerEngine.h"
#include "http/TlsCredentials.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QPromise>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

using namespace medora::server;

namespace {

struct WireResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    QString errorCode() const
    {
        return QJsonDocument::fromJson(body)
            .object()
            .value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
};

// Takes one complete response off the front of `buffer`, if there is one.
std::optional<WireResponse> takeResponse(QByteArray &buffer)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return std::nullopt;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    WireResponse response;
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2)
        return std::nullopt;
    response.status = statusLine.at(1).toInt();
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        if (line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0)
            contentLength = line.mid(colon + 1).trimmed().toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + contentLength)
        return std::nullopt;
    response.body = buffer.mid(headerEnd + 4, contentLength);
    buffer.remove(0, headerEnd + 4 + contentLength);
    return response;
}

// A raw client socket that collects everything the server sends.
class RawClient
{
public:
    explicit RawClient(QTcpSocket *socket) : m_socket(socket)
    {
        QObject::connect(m_socket.get(), &QIODevice::readyRead,
                         [this] { m_received += m_socket->readAll(); });
    }
    static std::unique_ptr<RawClient> plain(quint16 port)
    {
        auto client = std::make_unique<RawClient>(new QTcpSocket);
        client->m_socket->connectToHost(QHostAddress::LocalHost, port);
        return client;
    }
    static std::unique_ptr<RawClient> tls(quint16 port, const QList<QSslCertificate> &trusted)
    {
        auto *socket = new QSslSocket;
        QSslConfiguration configuration = socket->sslConfiguration();
        configuration.setCaCertificates(trusted);
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
        socket->setSslConfiguration(configuration);
        auto client = std::make_unique<RawClient>(socket);
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QStringLiteral("localhost"));
        return client;
    }

    QTcpSocket *socket() const { return m_socket.get(); }
    QSslSocket *sslSocket() const { return qobject_cast<QSslSocket *>(m_socket.get()); }

    bool waitConnected(int ms = 5000)
    {
        return QTest::qWaitFor(
            [this] {
                if (auto *ssl = sslSocket())
                    return ssl->isEncrypted();
                return m_socket->state() == QAbstractSocket::ConnectedState;
            },
            ms);
    }
    void send(const QByteArray &bytes)
    {
        m_socket->write(bytes);
        m_socket->flush();
    }
    std::optional<WireResponse> next(int ms = 5000)
    {
        std::optional<WireResponse> response;
        (void)QTest::qWaitFor(
            [&] {
                m_received += m_socket->readAll();
                response = takeResponse(m_received);
                return response.has_value();
            },
            ms);
        return response;
    }
    bool waitClosed(int ms = 5000)
    {
        return QTest::qWaitFor([this] { return m_socket->state() == QAbstractSocket::UnconnectedState; }, ms);
    }
    QByteArray received() const { return m_received; }

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_received;
};

QByteArray get(const QByteArray &target, const QByteArray &extra = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

HttpLimits smallLimits()
{
    HttpLimits limits;
    limits.workerThreads = 2;
    limits.maxConnections = 64;
    limits.maxHeaderBytes = 1024;
    limits.maxBodyBytes = 1024;
    limits.headerTimeoutMs = 300;
    limits.bodyTimeoutMs = 300;
    limits.idleTimeoutMs = 5000;
    limits.handshakeTimeoutMs = 2000;
    return limits;
}

// Makes a self-signed certificate for "localhost" / 127.0.0.1 with the system's openssl.
bool makeCertificate(const QString &dir, const QString &name, QString *certificatePath, QString *keyPath)
{
    *certificatePath = dir + QLatin1Char('/') + name + QStringLiteral(".crt");
    *keyPath = dir + QLatin1Char('/') + name + QStringLiteral(".key");
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), *keyPath,
                   QStringLiteral("-out"), *certificatePath, QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=localhost/O=") + name,
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
    return openssl.waitForFinished(30000) && openssl.exitStatus() == QProcess::NormalExit &&
           openssl.exitCode() == 0;
}

} // namespace

class TestHttpServerEngine : public QObject
{
    Q_OBJECT

private:
    // What the test handler saw, shared with the worker threads.
    struct Seen
    {
        QMutex mutex;
        QList<QByteArray> targets;
        HttpRequest last;
        std::shared_ptr<QPromise<HttpResponse>> promise;
        std::atomic<int> observed{0};
        std::atomic<bool> negativeSeconds{false};
    };
    std::shared_ptr<Seen> m_seen;
    std::unique_ptr<HttpServerEngine> m_engine;
    // Two certificates made once: key generation is the slowest part of this test.
    QTemporaryDir m_certificates;
    QString m_firstCertificate, m_firstKey, m_secondCertificate, m_secondKey;

    // Echo handler: answers the path as text; "/deferred" answers later, when the test says so.
    bool start(const HttpLimits &limits)
    {
        m_seen = std::make_shared<Seen>();
        auto seen = m_seen;
        m_engine = std::make_unique<HttpServerEngine>(limits, [seen](HttpRequest &request) -> HttpReply {
            {
                QMutexLocker locker(&seen->mutex);
                seen->targets.append(request.target);
                seen->last = request;
            }
            if (request.path == QLatin1String("/deferred")) {
                auto promise = std::make_shared<QPromise<HttpResponse>>();
                promise->start();
                QMutexLocker locker(&seen->mutex);
                seen->promise = promise;
                return HttpReply::later(promise->future());
            }
            if (request.path == QLatin1String("/cached")) {
                HttpResponse response = HttpResponse::text(200, "cached");
                response.setHeader("Cache-Control", "max-age=60");
                return response;
            }
            return HttpResponse::text(200, "path=" + request.path.toUtf8() + " body=" + request.body);
        });
        m_engine->setResponseObserver([seen](const HttpRequest &, const HttpResponse &, double seconds) {
            if (seconds < 0)
                seen->negativeSeconds = true;
            ++seen->observed;
        });
        return true;
    }
    bool listen() { return m_engine->listen(QHostAddress::LocalHost, 0) && m_engine->serverPort() != 0; }
    int handled()
    {
        QMutexLocker locker(&m_seen->mutex);
        return int(m_seen->targets.size());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_certificates.isValid());
        QVERIFY(makeCertificate(m_certificates.path(), QStringLiteral("first"), &m_firstCertificate,
                                &m_firstKey));
        QVERIFY(makeCertificate(m_certificates.path(), QStringLiteral("second"), &m_secondCertificate,
                                &m_secondKey));
    }

    void cleanup()
    {
        m_engine.reset();
        m_seen.reset();
    }

    void keepAliveServesSeveralRequestsOnOneConnection()
    {
        start(smallLimits());
        QVERIFY(listen());
        auto client = RawClient::plain(m_engine->serverPort());
        QVERIFY(client->waitConnected());
        for (int i = 0; i < 5; ++i) {
            client->send(get("/item/" + QByteArray::number(i) + "?a=1"));
            const auto response = client->next();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QCOMPARE(response->body, "path=/item/" + QByteArray::number(i) + " body=");
            QCOMPARE(response->header("Content-Length").toInt(), response->body.size());
            QVERIFY(response->header("Date").endsWith(" GMT"));
            QCOMPARE(response->header("X-Content-Type-Options"), QByteArray("nosniff"));
            QCOMPARE(response->header("Cache-Control"), QByteArray("no-store"));
            QVERIFY(!response->hasHeader("Connection"));
        }
        QCOMPARE(client->socket()->state(), QAbstractSocket::ConnectedState);
        QCOMPARE(m_engine->openConnections(), 1);
        QTRY_COMPARE(m_seen->observed.load(), 5);
        QVERIFY(!m_seen->negativeSeconds);

        // A handler's own Cache-Control is kept, not replaced.
        client->send(get("/cached"));
        const auto cached = client->next();
        QVERIFY(cached);
        QCOMPARE(cached->header("Cache-Control"), QByteArray("max-age=60"));
    }

    void handlerSeesParsedRequest()
    {
        start(smallLimits());
        QVERIFY(listen());
        auto client = RawClient::plain(m_engine->serverPort());
        QVERIFY(client->waitConnected());
        client->send("POST /api/v1/caf%C3%A9?limit=20&name=a%20b HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     "X-Custom-Header:   spaced value  \r\nContent-Length: 5\r\n\r\nhello");
        const auto response = client->next();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QMutexLocker locker(&m_seen->mutex);
        const HttpRequest &request = m_seen->last;
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.target, QByteArray("/api/v1/caf%C3%A9?limit=20&name=a%20b"));
        QCOMPARE(request.path, QStringLiteral("/api/v1/café"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("limit")), QStringLiteral("20"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded),
                 QStringLiteral("a b"));
        QCOMPARE(request.header("x-custom-header"), QByteArray("spaced value"));
        QCOMPARE(request.body, QByteArray("hello"));
        QCOMPARE(request.peerAddress, QHostAddress(QHostAddress::LocalHost));
        QVERIFY(request.peerPort != 0);
        QVERIFY(!request.overTls);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        start(smallLimits());
        QVERIFY(listen());
        auto client = RawClient::plain(m_engine->serverPort());
        QVERIFY(client->waitConnected());
        client->send(get("/one") + "POST /two HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc" +
                     get("/three"));
        const QByteArray expected[] = {"path=/one body=", "path=/two body=abc", "path=/three body="};
        for (const QByteArray &body : expected) {
            const auto response = client->next();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QCOMPARE(response->body, body);
        }
        QCOMPARE(client->socket()->state(), QAbstractSocket::ConnectedState);
    }

    void deferredReplyHoldsBackPipelinedRequests()
    {
        start(smallLimits());
        QVERIFY(listen());
        auto client = RawClient::plain(m_engine->serverPort());
        QVERIFY(client->waitConnected());
        client->send(get("/deferred") + get("/after"));
        QTRY_VERIFY(m_seen->promise != nullptr);
        // While the reply is pending, the pipelined request is not even handed to the handler.
        QTest::qWait(150);
        QCOMPARE(handled(), 1);
        QVERIFY(client->received().isEmpty());

        HttpResponse late = HttpResponse::json(202, QJsonObject{{QStringLiteral("done"), true}});
        m_seen->promise->addResult(late);
        m_seen->promise->finish();
        const auto first = client->next();
        QVERIFY(first);
        QCOMPARE(first->status, 202);
        QCOMPARE(first->body, QByteArray(R"({"done":true})"));
        const auto second = client->next();
        QVERIFY(second);
        QCOMPARE(second->body, QByteArray("path=/after body="));
        QCOMPARE(handled(), 2);
    }

    void oversizedBodyIsRefusedWithoutReadingIt()
    {
        start(smallLimits());
        QVERIFY(listen());
        auto client = RawClient::plain(m_engine->serverPort());
        QVERIFY(client->waitConnected());
        // Only the headers are sent: the 413 must come without the server waiting for a body.
        client->send("POST /upload HTTP/1.1\r\nHost: h\r\nContent-Length: 100000\r\n\r\n");
        const auto response = client->next();
        QVERIFY(response);
        QCOMPARE(response->status, 413);
        QCOMPARE(response->errorCode(), QStringLiteral("body_too_large"));
        QCOMPARE(response->header("Connection"), QByteArray("close"));
        QVERIFY(client->waitClosed());
        QCOMPARE(handled(), 0);
    }

    void expectContinueGetsInterimResponse()
    {
        start(smallLimits());
        QVERIFY(listen());
        auto client = RawClient::plain(m_engine->serverPort());
        QVERIFY(client->waitConnected());
        client->send("POST /e HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
        const auto interim = client->next();
        QVERIFY(interim);
        QCOMPARE(interim->status, 100);
        client->send("data");
        const auto response = client->next();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, QByteArray("path=/e body=data"));
    }

    void oversizedHeadersAreRefused()
    {
        start(smallLimits());
        QVERIFY(listen());
        auto complete = RawClient::plain(m_engine->serverPort());
        QVERIFY(complete->waitConnected());
        complete->send(get("/", "X-Big: " + QByteArray(2000, 'a') + "\r\n"));
        auto response = complete->next();
        QVERIFY(response);
        QCOMPARE(response->status, 431);
        QCOMPARE(response->errorCode(), QStringLiteral("headers_too_large"));
        QVERIFY(complete->waitClosed());

        // Refused as soon as the limit is passed, without waiting for the headers to end.
        auto endless = RawClient::plain(m_engine->serverPort());
        QVERIFY(endless->waitConnected());
        endless->send("GET / HTTP/1.1\r\nX-Big: " + QByteArray(1500, 'b'));
        response = endless->next(1000);
        QVERIFY(response);
        QCOMPARE(response->status, 431);
        QCOMPARE(handled(), 0);
    }

    void malformedRequestsGet400()
    {
        start(smallLimits());
        QVERIFY(listen());
        const QByteArray garbage[] = {
            "HELLO\r\n\r\n",
            QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11), // a TLS ClientHello
            "GET / HTTP/1.1\r\nHost: h\r\nNo colon here\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 12abc\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
            "GET / HTTP/2.0\r\nHost: h\r\n\r\n",
            "GET /\r\n\r\n",
            "GET / HTTP/1.1\r\n\r\n", // HTTP/1.1 without Host
            "GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n",
        };
        for (const QByteArray &bytes : garbage) {
            auto client = RawClient::plain(m_engine->serverPort());
            QVERIFY(client->waitConnected());
            client->send(bytes);
            const auto response = client->next();
            QVERIFY2(response, bytes.constData());
            QCOMPARE(response->status, 400);
            QCOMPARE(response->errorCode(), QStringLiteral("bad_request"));
            QVERIFY(client->waitClosed());
        }
        QCOMPARE(handled(), 0);
    }

    void chunkedBodiesAreRefused()
    {
        start(smallLimits());
        QVERIFY(listen());
        auto client = RawClient::plain(m_engine->serverPort());
        QVERIFY(client->waitConnected());
        client->send(
            "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        const auto response = client->next();
        QVERIFY(response);
        QCOMPARE(response->status, 411);
        QCOMPARE(response->errorCode(), QStringLiteral("length_required"));
        QVERIFY(client->waitClosed());
        QCOMPARE(handled(), 0);
    }

    void http10ClosesUnlessKeepAliveAsked()
    {
        start(smallLimits());
        QVERIFY(listen());
        auto closing = RawClient::plain(m_engine->serverPort());
        QVERIFY(closing->waitConnected());
        closing->send("GET /old HTTP/1.0\r\n\r\n");
        auto response = closing->next();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->header("Connection"), QByteArray("close"));
        QVERIFY(closing->waitClosed());

        auto keeping = RawClient::plain(m_engine->serverPort());
        QVERIFY(keeping->waitConnected());
        keeping->send("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        response = keeping->next();
        QVERIFY(response);
        QCOMPARE(response->header("Connection"), QByteArray("keep-alive"));
        keeping->send("GET /again HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        response = keeping->next();
        QVERIFY(response);
        QCOMPARE(response->body, QByteArray("path=/again body="));

        // HTTP/1.1 "Connection: close" is honoured too.
        keeping->send(get("/last", "Connection: close\r\n"));
        response = keeping->next();
        QVERIFY(response);
        QCOMPARE(response->header("Connection"), QByteArray("close"));
        QVERIFY(keeping->waitClosed());
    }

    void slowHeadersAreCutOffAtTheDeadline()
    {
        HttpLimits limits = smallLimits();
        limits.headerTimeoutMs = 300;
        start(limits);
        QVERIFY(listen());
        auto client = RawClient::plain(m_engine->serverPort());
        QVERIFY(client->waitConnected());
        // One byte every 50 ms: the whole request would take ~2.5 s, far past the deadline,
        // although every single byte arrives well within it.
        const QByteArray request = get("/", "X-Padding: aaaaaaaaaaaa\r\n");
        int sent = 0;
        QTimer trickle;
        QObject::connect(&trickle, &QTimer::timeout, [&] {
            if (sent < request.size() && client->socket()->state() == QAbstractSocket::ConnectedState)
                client->send(request.mid(sent++, 1));
        });
        QElapsedTimer elapsed;
        elapsed.start();
        trickle.start(50);
        const auto response = client->next(3000);
        QVERIFY(response);
        QCOMPARE(response->status, 408);
        QCOMPARE(response->errorCode(), QStringLiteral("timeout"));
        QVERIFY(client->waitClosed());
        QVERIFY2(elapsed.elapsed() < 1500, qPrintable(QString::number(elapsed.elapsed())));
        QVERIFY(sent < request.size());
        trickle.stop();
        QCOMPARE(m_engine->connectionsReaped(), 1);
        QCOMPARE(handled(), 0);
        QTRY_COMPARE(m_engine->openConnections(), 0);
    }

    void slowBodyIsCutOff()
    {
        start(smallLimits());
        QVERIFY(listen());
        auto client = RawClient::plain(m_engine->serverPort());
        QVERIFY(client->waitConnected());
        client->send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc");
        const auto response = client->next(3000);
        QVERIFY(response);
        QCOMPARE(response->status, 408);
        QVERIFY(client->waitClosed());
        QCOMPARE(m_engine->connectionsReaped(), 1);
        QCOMPARE(handled(), 0);
    }

    void idleKeepAliveConnectionsAreReaped()
    {
        HttpLimits limits = smallLimits();
        limits.idleTimeoutMs = 300;
        start(limits);
        QVERIFY(listen());
        auto used = RawClient::plain(m_engine->serverPort());
        auto silent = RawClient::plain(m_engine->serverPort());
        QVERIFY(used->waitConnected());
        QVERIFY(silent->waitConnected());
        used->send(get("/"));
        const auto response = used->next();
        QVERIFY(response);
        QVERIFY(!response->hasHeader("Connection"));
        QTRY_COMPARE(m_engine->openConnections(), 2);

        QVERIFY(used->waitClosed(3000));
        QVERIFY(silent->waitClosed(3000));
        // Idle connections close silently: nothing more was sent.
        QVERIFY(used->received().isEmpty());
        QVERIFY(silent->received().isEmpty());
        QCOMPARE(m_engine->connectionsReaped(), 2);
        QTRY_COMPARE(m_engine->openConnections(), 0);
    }

    void connectionCapAnswers503()
    {
        HttpLimits limits = smallLimits();
        limits.maxConnections = 2;
        start(limits);
        QVERIFY(listen());
        auto first = RawClient::plain(m_engine->serverPort());
        auto second = RawClient::plain(m_engine->serverPort());
        QVERIFY(first->waitConnected());
        QVERIFY(second->waitConnected());
        QTRY_COMPARE(m_engine->openConnections(), 2);

        auto refused = RawClient::plain(m_engine->serverPort());
        const auto busy = refused->next();
        QVERIFY(busy);
        QCOMPARE(busy->status, 503);
        QCOMPARE(busy->errorCode(), QStringLiteral("server_busy"));
        QCOMPARE(busy->header("Connection"), QByteArray("close"));
        QCOMPARE(busy->header("Retry-After"), QByteArray("1"));
        QVERIFY(refused->waitClosed());
        QCOMPARE(m_engine->openConnections(), 2);

        // The connections inside the cap are unaffected; a closed one frees a place.
        second->send(get("/inside"));
        QVERIFY(second->next());
        first->socket()->abort();
        QTRY_COMPARE(m_engine->openConnections(), 1);
        auto admitted = RawClient::plain(m_engine->serverPort());
        QVERIFY(admitted->waitConnected());
        admitted->send(get("/admitted"));
        const auto response = admitted->next();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(m_engine->openConnections(), 2);
    }

    void tlsServesRequests()
    {
        QString error;
        const TlsCredentials credentials = TlsCredentials::load(m_firstCertificate, m_firstKey, &error);
        QVERIFY2(credentials.isValid(), qPrintable(error));

        start(smallLimits());
        m_engine->setTlsCredentials(credentials);
        QVERIFY(m_engine->isTlsEnabled());
        QVERIFY(listen());
        auto client = RawClient::tls(m_engine->serverPort(), credentials.chain);
        QVERIFY(client->waitConnected());
        QVERIFY(client->sslSocket()->sessionProtocol() >= QSsl::TlsV1_2);
        for (int i = 0; i < 3; ++i) {
            client->send(get("/secure"));
            const auto response = client->next();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QCOMPARE(response->body, QByteArray("path=/secure body="));
        }
        {
            QMutexLocker locker(&m_seen->mutex);
            QVERIFY(m_seen->last.overTls);
        }

        // Invalid credentials never switch a TLS port back to plain HTTP.
        QTest::ignoreMessage(QtWarningMsg,
                             "medora-server: invalid TLS credentials ignored; the previous ones stay in use");
        m_engine->setTlsCredentials(TlsCredentials());
        QVERIFY(m_engine->isTlsEnabled());
    }

    void tlsHandshakeHasADeadline()
    {
        HttpLimits limits = smallLimits();
        limits.handshakeTimeoutMs = 300;
        start(limits);
        m_engine->setTlsCredentials(TlsCredentials::load(m_firstCertificate, m_firstKey, nullptr));
        QVERIFY(listen());
        auto silent = RawClient::plain(m_engine->serverPort());
        QVERIFY(silent->waitConnected());
        QVERIFY(silent->waitClosed(3000));
        QCOMPARE(m_engine->connectionsReaped(), 1);
        QTRY_COMPARE(m_engine->openConnections(), 0);
    }

    void tlsReloadAffectsOnlyNewConnections()
    {
        const TlsCredentials before = TlsCredentials::load(m_firstCertificate, m_firstKey, nullptr);
        const TlsCredentials after = TlsCredentials::load(m_secondCertificate, m_secondKey, nullptr);
        QVERIFY(before.isValid());
        QVERIFY(after.isValid());
        QVERIFY(before.chain.first() != after.chain.first());

        start(smallLimits());
        m_engine->setTlsCredentials(before);
        QVERIFY(listen());
        const QList<QSslCertificate> trusted = before.chain + after.chain;
        auto old = RawClient::tls(m_engine->serverPort(), trusted);
        QVERIFY(old->waitConnected());
        old->send(get("/before"));
        QVERIFY(old->next());
        QCOMPARE(old->sslSocket()->peerCertificate(), before.chain.first());

        m_engine->setTlsCredentials(after);

        old->send(get("/still"));
        const auto kept = old->next();
        QVERIFY(kept);
        QCOMPARE(kept->status, 200);
        QCOMPARE(kept->body, QByteArray("path=/still body="));
        QCOMPARE(old->sslSocket()->peerCertificate(), before.chain.first());

        auto fresh = RawClient::tls(m_engine->serverPort(), trusted);
        QVERIFY(fresh->waitConnected());
        QCOMPARE(fresh->sslSocket()->peerCertificate(), after.chain.first());
        fresh->send(get("/after"));
        const auto response = fresh->next();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
    }

    void tlsCredentialErrorsNameTheFile()
    {
        QTemporaryDir dir;
        QString error;
        TlsCredentials missing = TlsCredentials::load(dir.filePath(QStringLiteral("none.crt")),
                                                      dir.filePath(QStringLiteral("none.key")), &error);
        QVERIFY(!missing.isValid());
        QVERIFY(error.contains(QStringLiteral("none.crt")));

        QFile broken(dir.filePath(QStringLiteral("broken.key")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1ieXRlcw==\n-----END PRIVATE KEY-----\n");
        broken.close();
        TlsCredentials badKey = TlsCredentials::load(m_firstCertificate, broken.fileName(), &error);
        QVERIFY(!badKey.isValid());
        QVERIFY(error.contains(QStringLiteral("broken.key")));
        QVERIFY(!error.contains(QStringLiteral("c2VjcmV0")));
    }

    void closeStopsEverything()
    {
        start(smallLimits());
        QVERIFY(listen());
        const quint16 port = m_engine->serverPort();
        auto client = RawClient::plain(port);
        QVERIFY(client->waitConnected());
        client->send(get("/"));
        QVERIFY(client->next());
        m_engine->close();
        QVERIFY(client->waitClosed());
        QCOMPARE(m_engine->openConnections(), 0);
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!probe.waitForConnected(1000) || probe.state() != QAbstractSocket::ConnectedState);
    }
};

QTEST_GUILESS_MAIN(TestHttpServerEngine)
#include "tst_httpserverengine.moc"
