#pragma once

// A small SMTP server on 127.0.0.1 speaking enough of RFC 5321 for libcurl (EHLO, STARTTLS,
// AUTH PLAIN and LOGIN, MAIL FROM, RCPT TO, DATA with dot-unstuffing, RSET, NOOP, QUIT), over
// implicit TLS (smtps://) or with a STARTTLS upgrade (smtp://). AUTH is offered only once the
// connection is encrypted. Scripted failures: refused credentials (535) and refused recipients
// (550). Every accepted message is kept with the envelope, whether it came over TLS and the
// credentials used, so tests assert what really left the server. Header-only.

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QString>
#include <QTcpServer>
#include <QTest>

#include <memory>

namespace medora::test {

class FakeSmtpServer : public QTcpServer
{
public:
    enum class Mode
    {
        ImplicitTls, // smtps://: TLS from the first byte
        StartTls     // smtp:// and the STARTTLS command
    };

    struct Message
    {
        QByteArray mailFrom; // without the angle brackets
        QList<QByteArray> recipients;
        QByteArray data; // the message as received, CRLF line ends, dot-unstuffed
        bool overTls = false;
        QByteArray authUser;
        QByteArray authPassword;

        // First header `name` (case-insensitive), unfolded; empty when absent.
        QByteArray header(const QByteArray &name) const
        {
            const qsizetype end = data.indexOf("\r\n\r\n");
            const QList<QByteArray> lines = data.left(end).split('\n');
            QByteArray value;
            bool inside = false;
            for (QByteArray line : lines) {
                line = line.endsWith('\r') ? line.chopped(1) : line;
                if (inside && (line.startsWith(' ') || line.startsWith('\t'))) {
                    value += line;
                    continue;
                }
                if (inside)
                    break;
                const qsizetype colon = line.indexOf(':');
                if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower()) {
                    value = line.mid(colon + 1).trimmed();
                    inside = true;
                }
            }
            return value;
        }
        // RFC 2047 "=?UTF-8?B?…?=" words (the only kind the server writes) joined and decoded.
        QString decodedHeader(const QByteArray &name) const
        {
            const QByteArray raw = header(name);
            if (!raw.contains("=?"))
                return QString::fromUtf8(raw);
            QByteArray bytes;
            qsizetype from = 0;
            while ((from = raw.indexOf("=?UTF-8?B?", from)) >= 0) {
                const qsizetype start = from + 10;
                const qsizetype end = raw.indexOf("?=", start);
                if (end < 0)
                    break;
                bytes += QByteArray::fromBase64(raw.mid(start, end - start));
                from = end + 2;
            }
            return QString::fromUtf8(bytes);
        }
        // The body, decoded when it is base64.
        QString bodyText() const
        {
            const QByteArray body = data.mid(data.indexOf("\r\n\r\n") + 4);
            if (header("content-transfer-encoding").toLower() == "base64")
                return QString::fromUtf8(QByteArray::fromBase64(body));
            return QString::fromUtf8(body);
        }
    };

    FakeSmtpServer(Mode mode, QString user, QString password)
        : m_mode(mode), m_user(std::move(user)), m_password(std::move(password))
    {}
    ~FakeSmtpServer() override
    {
        for (const QPointer<QSslSocket> &socket : m_sockets)
            if (socket)
                socket->abort();
    }

    bool listenTls(const QString &certificateFile, const QString &keyFile)
    {
        QFile certificate(certificateFile);
        QFile key(keyFile);
        if (!certificate.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
            return false;
        m_tls = QSslConfiguration::defaultConfiguration();
        m_tls.setLocalCertificate(QSslCertificate(certificate.readAll(), QSsl::Pem));
        m_tls.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa, QSsl::Pem));
        m_tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        return listen(QHostAddress::LocalHost, 0);
    }

    QString url() const
    {
        return QStringLiteral("%1://127.0.0.1:%2")
            .arg(m_mode == Mode::ImplicitTls ? QStringLiteral("smtps") : QStringLiteral("smtp"))
            .arg(serverPort());
    }
    QList<Message> messages() const { return m_messages; }
    int connections() const { return m_connections; }
    QList<QByteArray> commands() const { return m_commands; } // every command line, AUTH lines masked
    void setRejectRecipients(bool reject) { m_rejectRecipients = reject; }
    void setRefuseCredentials(bool refuse) { m_refuseCredentials = refuse; }
    bool waitForMessages(int count, int timeoutMs = 10000)
    {
        return QTest::qWaitFor([&] { return m_messages.size() >= count; }, timeoutMs);
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        ++m_connections;
        m_sockets.append(socket);
        socket->setSslConfiguration(m_tls);
        auto session = std::make_shared<Session>();
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QSslSocket::readyRead, socket,
                [this, socket, session] { onReadable(socket, *session); });
        if (m_mode == Mode::ImplicitTls) {
            connect(socket, &QSslSocket::encrypted, socket,
                    [socket] { socket->write("220 fake-smtp ESMTP ready\r\n"); });
            socket->startServerEncryption();
        } else {
            socket->write("220 fake-smtp ESMTP ready\r\n");
        }
    }

private:
    struct Session
    {
        QByteArray buffer;
        bool inData = false;
        QByteArray authStep; // "plain", "login-user", "login-password"
        QByteArray loginUser;
        bool authenticated = false;
        Message message;
    };

    void reply(QSslSocket *socket, const QByteArray &line) { socket->write(line + "\r\n"); }

    void checkCredentials(QSslSocket *socket, Session &session, const QByteArray &user,
                          const QByteArray &password)
    {
        session.authStep.clear();
        if (m_refuseCredentials || user != m_user.toUtf8() || password != m_password.toUtf8()) {
            reply(socket, "535 5.7.8 Authentication credentials invalid");
            return;
        }
        session.authenticated = true;
        session.message.authUser = user;
        session.message.authPassword = password;
        reply(socket, "235 2.7.0 Authentication successful");
    }

    void onReadable(QSslSocket *socket, Session &session)
    {
        session.buffer += socket->readAll();
        qsizetype end;
        while ((end = session.buffer.indexOf("\r\n")) >= 0) {
            const QByteArray line = session.buffer.left(end);
            session.buffer.remove(0, end + 2);
            if (session.inData) {
                if (line == ".") {
                    session.inData = false;
                    session.message.overTls = socket->isEncrypted();
                    m_messages.append(session.message);
                    Message next; // the next message on this connection keeps its sign-in
                    next.authUser = session.message.authUser;
                    next.authPassword = session.message.authPassword;
                    session.message = next;
                    reply(socket, "250 2.0.0 queued as fake");
                } else {
                    session.message.data += (line.startsWith("..") ? line.mid(1) : line) + "\r\n";
                }
                continue;
            }
            if (!session.authStep.isEmpty()) {
                m_commands.append("(credentials)");
                const QByteArray decoded = QByteArray::fromBase64(line);
                if (session.authStep == "plain") {
                    const QList<QByteArray> parts = decoded.split('\0');
                    checkCredentials(socket, session, parts.value(1), parts.value(2));
                } else if (session.authStep == "login-user") {
                    session.loginUser = decoded;
                    session.authStep = "login-password";
                    reply(socket, "334 UGFzc3dvcmQ6");
                } else {
                    checkCredentials(socket, session, session.loginUser, decoded);
                }
                continue;
            }
            const QByteArray upper = line.toUpper();
            m_commands.append(upper.startsWith("AUTH") ? line.left(10) + " (masked)" : line);
            if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                QByteArray answer = "250-fake-smtp greets you\r\n";
                if (m_mode == Mode::StartTls && !socket->isEncrypted())
                    answer += "250-STARTTLS\r\n";
                if (socket->isEncrypted())
                    answer += "250-AUTH PLAIN LOGIN\r\n";
                answer += "250-8BITMIME\r\n250 SIZE 1048576\r\n";
                socket->write(answer);
            } else if (upper == "STARTTLS") {
                if (m_mode != Mode::StartTls || socket->isEncrypted()) {
                    reply(socket, "503 5.5.1 TLS already active");
                    continue;
                }
                reply(socket, "220 2.0.0 Ready to start TLS");
                socket->flush();
                session.buffer.clear();
                socket->startServerEncryption();
            } else if (upper.startsWith("AUTH PLAIN")) {
                if (!socket->isEncrypted()) {
                    reply(socket, "538 5.7.11 Encryption required");
                } else if (line.size() > 11) {
                    const QList<QByteArray> parts =
                        QByteArray::fromBase64(line.mid(11).trimmed()).split('\0');
                    checkCredentials(socket, session, parts.value(1), parts.value(2));
                } else {
                    session.authStep = "plain";
                    reply(socket, "334 ");
                }
            } else if (upper.startsWith("AUTH LOGIN")) {
                if (!socket->isEncrypted()) {
                    reply(socket, "538 5.7.11 Encryption required");
                } else if (line.size() > 11) {
                    session.loginUser = QByteArray::fromBase64(line.mid(11).trimmed());
                    session.authStep = "login-password";
                    reply(socket, "334 UGFzc3dvcmQ6");
                } else {
                    session.authStep = "login-user";
                    reply(socket, "334 VXNlcm5hbWU6");
                }
            } else if (upper.startsWith("MAIL FROM:")) {
                if (!m_user.isEmpty() && !session.authenticated) {
                    reply(socket, "530 5.7.0 Authentication required");
                    continue;
                }
                QByteArray address = line.mid(10).trimmed();
                address = address.mid(address.indexOf('<') + 1);
                session.message.mailFrom = address.left(address.indexOf('>'));
                session.message.recipients.clear();
                reply(socket, "250 2.1.0 Ok");
            } else if (upper.startsWith("RCPT TO:")) {
                if (m_rejectRecipients) {
                    reply(socket, "550 5.1.1 Recipient address rejected: no such mailbox");
                    continue;
                }
                QByteArray address = line.mid(8).trimmed();
                address = address.mid(address.indexOf('<') + 1);
                session.message.recipients.append(address.left(address.indexOf('>')));
                reply(socket, "250 2.1.5 Ok");
            } else if (upper == "DATA") {
                if (session.message.recipients.isEmpty()) {
                    reply(socket, "554 5.5.1 No valid recipients");
                    continue;
                }
                session.inData = true;
                reply(socket, "354 End data with <CR><LF>.<CR><LF>");
            } else if (upper == "RSET") {
                session.message.recipients.clear();
                session.message.data.clear();
                reply(socket, "250 2.0.0 Ok");
            } else if (upper == "NOOP") {
                reply(socket, "250 2.0.0 Ok");
            } else if (upper == "QUIT") {
                reply(socket, "221 2.0.0 Bye");
                socket->disconnectFromHost();
            } else {
                reply(socket, "502 5.5.2 Command not recognized");
            }
        }
    }

    Mode m_mode;
    QString m_user;
    QString m_password;
    QSslConfiguration m_tls;
    QList<QPointer<QSslSocket>> m_sockets;
    QList<Message> m_messages;
    QList<QByteArray> m_commands;
    int m_connections = 0;
    bool m_rejectRecipients = false;
    bool m_refuseCredentials = false;
};

} // namespace medora::test
