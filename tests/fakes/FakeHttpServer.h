#pragma once

// A scripted HTTP/1.1 server on 127.0.0.1 for client tests (plain or TLS). Each request is
// answered by a handler; an answer can also be withheld (a stalled server), sent without a
// Content-Length, or be as large as a test needs. One request per connection
// ("Connection: close"), which is all the client tests need. Header-only: tests in several
// folders include it by relative path.

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>

namespace medora::test {

class FakeHttpServer
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QMap<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;

        QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
        QByteArray bearerToken() const
        {
            const QByteArray value = header("authorization");
            return value.startsWith("Bearer ") ? value.mid(7) : QByteArray();
        }
    };

    struct Response
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        bool answer = true;             // false: keep the connection open and say nothing
        bool omitContentLength = false; // the body ends when the connection closes

        void addHeader(const QByteArray &name, const QByteArray &value)
        {
            headers.append(qMakePair(name, value));
        }

        static Response json(int status, const QJsonObject &object)
        {
            Response response;
            response.status = status;
            response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
            response.addHeader("Content-Type", "application/json");
            return response;
        }
        static Response error(int status, const QString &code, const QString &message = QString(),
                              const QString &field = QString())
        {
            QJsonObject error{{QStringLiteral("code"), code},
                              {QStringLiteral("message"), message.isEmpty() ? code : message}};
            if (!field.isEmpty())
                error.insert(QStringLiteral("field"), field);
            return json(status, QJsonObject{{QStringLiteral("error"), error}});
        }
        static Response noContent()
        {
            Response response;
            response.status = 204;
            return response;
        }
        static Response silence()
        {
            Response response;
            response.answer = false;
            return response;
        }
    };

    using Handler = std::function<Response(const Request &)>;

    FakeHttpServer() = default;
    FakeHttpServer(const FakeHttpServer &) = delete;
    FakeHttpServer &operator=(const FakeHttpServer &) = delete;
    ~FakeHttpServer()
    {
        for (const QPointer<QTcpSocket> &socket : m_sockets)
            if (socket)
                socket->abort();
    }

    void setHandler(Handler handler) { m_handler = std::move(handler); }

    bool listen()
    {
        m_server = std::make_unique<QTcpServer>();
        return start();
    }

    bool listenTls(const QString &certificateFile, const QString &keyFile)
    {
        QFile certificate(certificateFile);
        QFile key(keyFile);
        if (!certificate.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
            return false;
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(QSslCertificate(certificate.readAll(), QSsl::Pem));
        configuration.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa, QSsl::Pem));
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        auto server = std::make_unique<QSslServer>();
        server->setSslConfiguration(configuration);
        m_server = std::move(server);
        m_tls = true;
        return start();
    }

    quint16 port() const { return m_server ? m_server->serverPort() : 0; }
    QString baseUrl() const
    {
        return QStringLiteral("%1://127.0.0.1:%2")
            .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
            .arg(port());
    }
    QList<Request> requests() const { return m_requests; }
    int requestCount() const { return m_requests.size(); }
    // Connections accepted so far (a TLS client that gave up in the handshake counts too).
    int connectionCount() const { return m_connections; }

private:
    bool start()
    {
        if (!m_server->listen(QHostAddress::LocalHost, 0))
            return false;
        QObject::connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, m_server.get(), [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection())
                accept(socket);
        });
        return true;
    }

    void accept(QTcpSocket *socket)
    {
        ++m_connections;
        m_sockets.append(socket);
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            Request request;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.path = requestLine.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                           lines.at(i).mid(colon + 1).trimmed());
            }
            const qsizetype length = request.header("content-length").toLongLong();
            if (buffer->size() < headerEnd + 4 + length)
                return;
            request.body = buffer->mid(headerEnd + 4, length);
            buffer->clear();
            m_requests.append(request);
            const Response response =
                m_handler ? m_handler(request) : Response::error(404, QStringLiteral("not_found"));
            if (!response.answer)
                return;
            QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " Fake\r\n";
            for (const auto &header : response.headers)
                head += header.first + ": " + header.second + "\r\n";
            if (!response.omitContentLength)
                head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
            head += "Connection: close\r\n\r\n";
            socket->write(head);
            socket->write(response.body);
            socket->disconnectFromHost();
        });
    }

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    Handler m_handler;
    QList<Request> m_requests;
    QList<QPointer<QTcpSocket>> m_sockets;
    int m_connections = 0;
};

} // namespace medora::test
