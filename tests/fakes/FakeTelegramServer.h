#pragma once

// A fake Telegram Bot API on 127.0.0.1 for tests: POST /bot<token>/<method> with JSON or
// multipart/form-data bodies, answering sendMessage, sendPhoto, sendDocument, getUpdates
// (long polling held until an update arrives or the timeout passes), answerCallbackQuery and
// editMessageCaption with the Bot API's own JSON shapes ({"ok":true,"result":...} or
// {"ok":false,"error_code":N,"description":...,"parameters":{"retry_after":N}}).
// Faults are scripted per method: 429 with retry_after, 5xx, ok:false, a stall (the request is
// taken, and for a send the message is delivered, but no answer ever comes), garbage.
// Button presses are injected as callback_query updates from any user. Header-only, no
// QObject: tests await conditions with QTRY_*.

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <memory>

namespace medora::test {

class FakeTelegramServer
{
public:
    static constexpr qint64 kBotId = 7000000001;

    struct Fault
    {
        enum class Kind
        {
            TooManyRequests, // 429, parameters.retry_after = retryAfterSeconds
            ServerError,     // httpStatus (500, 502, ...), not delivered
            NotOk,           // httpStatus 400/403 with ok:false and `description`
            Stall,           // delivered (for sends), never answered
            Garbage,         // 200 with a body that is not JSON, delivered
        };
        Kind kind = Kind::ServerError;
        int httpStatus = 500;
        int retryAfterSeconds = 1;
        QString description = QStringLiteral("Internal Server Error");
    };

    struct Request
    {
        QString method;
        QByteArray token;
        QByteArray contentType;
        QJsonObject parameters; // JSON body, or the multipart form fields (JSON-looking ones parsed)
        QByteArray fileField;   // multipart: name of the file part
        QByteArray fileName;
        QByteArray fileType;
        QByteArray fileData;
        QDateTime at;
    };

    // A message the "chat" now shows.
    struct Message
    {
        qint64 messageId = 0;
        QString chatId;
        QString method; // sendMessage / sendPhoto / sendDocument
        QString text;   // text or caption
        QJsonObject replyMarkup;
        QByteArray fileData;
        QByteArray fileType;
        QByteArray fileName;
    };

    explicit FakeTelegramServer(QByteArray token) : m_token(std::move(token)) {}
    FakeTelegramServer(const FakeTelegramServer &) = delete;
    FakeTelegramServer &operator=(const FakeTelegramServer &) = delete;
    ~FakeTelegramServer()
    {
        for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets))
            if (socket)
                socket->abort();
    }

    bool listen()
    {
        m_server = std::make_unique<QTcpServer>();
        if (!m_server->listen(QHostAddress::LocalHost, 0))
            return false;
        QObject::connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, m_server.get(), [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection())
                accept(socket);
        });
        return true;
    }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort()); }

    // The next call(s) of `method` meet `fault` (queued: one per call).
    void failNext(const QString &method, const Fault &fault, int times = 1)
    {
        for (int i = 0; i < times; ++i)
            m_faults[method].append(fault);
    }
    static Fault tooManyRequests(int retryAfterSeconds)
    {
        Fault f;
        f.kind = Fault::Kind::TooManyRequests;
        f.httpStatus = 429;
        f.retryAfterSeconds = retryAfterSeconds;
        f.description = QStringLiteral("Too Many Requests: retry after %1").arg(retryAfterSeconds);
        return f;
    }
    static Fault serverError(int status = 500)
    {
        Fault f;
        f.kind = Fault::Kind::ServerError;
        f.httpStatus = status;
        return f;
    }
    static Fault notOk(int status, const QString &description)
    {
        Fault f;
        f.kind = Fault::Kind::NotOk;
        f.httpStatus = status;
        f.description = description;
        return f;
    }
    static Fault stall()
    {
        Fault f;
        f.kind = Fault::Kind::Stall;
        return f;
    }
    static Fault garbage()
    {
        Fault f;
        f.kind = Fault::Kind::Garbage;
        f.httpStatus = 200;
        return f;
    }

    // A press of an inline button, as Telegram would report it. Returns the update.
    QJsonObject injectCallback(qint64 fromUserId, const QString &username, const QString &data,
                               const QString &chatId, qint64 messageId)
    {
        QJsonObject update = callbackUpdate(++m_lastUpdateId, fromUserId, username, data, chatId, messageId);
        m_updates.append(update);
        QTimer::singleShot(0, m_server.get(), [this] { answerHeldPolls(); });
        return update;
    }
    // The same update again (a replay).
    void injectUpdate(const QJsonObject &update)
    {
        m_updates.append(update);
        QTimer::singleShot(0, m_server.get(), [this] { answerHeldPolls(); });
    }
    QJsonObject callbackUpdate(qint64 updateId, qint64 fromUserId, const QString &username,
                               const QString &data, const QString &chatId, qint64 messageId)
    {
        const Message *message = findMessage(chatId, messageId);
        QJsonObject shown{{QStringLiteral("message_id"), double(messageId)},
                          {QStringLiteral("date"), double(QDateTime::currentSecsSinceEpoch())},
                          {QStringLiteral("chat"), chatJson(chatId)},
                          {QStringLiteral("from"), botJson()}};
        if (message) {
            shown.insert(QStringLiteral("caption"), message->text);
            shown.insert(QStringLiteral("reply_markup"), message->replyMarkup);
        }
        const QJsonObject query{
            {QStringLiteral("id"), QString::number(4400000000000000000LL + updateId)},
            {QStringLiteral("from"), QJsonObject{{QStringLiteral("id"), double(fromUserId)},
                                                 {QStringLiteral("is_bot"), false},
                                                 {QStringLiteral("first_name"), QStringLiteral("Operator")},
                                                 {QStringLiteral("username"), username},
                                                 {QStringLiteral("language_code"), QStringLiteral("ru")}}},
            {QStringLiteral("message"), shown},
            {QStringLiteral("chat_instance"), QStringLiteral("-5812345678901234567")},
            {QStringLiteral("data"), data}};
        return {{QStringLiteral("update_id"), double(updateId)}, {QStringLiteral("callback_query"), query}};
    }

    QList<Request> requests() const { return m_requests; }
    int requestCount(const QString &method) const
    {
        int n = 0;
        for (const Request &r : m_requests)
            n += r.method == method ? 1 : 0;
        return n;
    }
    QList<Message> messages() const { return m_messages; }
    QList<Message> messagesIn(const QString &chatId) const
    {
        QList<Message> found;
        for (const Message &m : m_messages)
            if (m.chatId == chatId)
                found.append(m);
        return found;
    }
    QList<QJsonObject> callbackAnswers() const { return m_answers; }
    int heldPolls() const { return int(m_heldPolls.size()); }
    int wrongTokenRequests() const { return m_wrongToken; }
    const Message *findMessage(const QString &chatId, qint64 messageId) const
    {
        for (const Message &m : m_messages)
            if (m.chatId == chatId && m.messageId == messageId)
                return &m;
        return nullptr;
    }

private:
    struct HeldPoll
    {
        QPointer<QTcpSocket> socket;
        qint64 offset = 0;
        std::shared_ptr<QTimer> timer;
    };

    static QJsonObject botJson()
    {
        return {{QStringLiteral("id"), double(kBotId)},
                {QStringLiteral("is_bot"), true},
                {QStringLiteral("first_name"), QStringLiteral("Medora")},
                {QStringLiteral("username"), QStringLiteral("medora_test_bot")}};
    }
    static QJsonObject chatJson(const QString &chatId)
    {
        return {{QStringLiteral("id"), double(chatId.toLongLong())},
                {QStringLiteral("title"), QStringLiteral("Test group")},
                {QStringLiteral("type"), QStringLiteral("supergroup")}};
    }
    static QJsonObject ok(const QJsonValue &result)
    {
        return {{QStringLiteral("ok"), true}, {QStringLiteral("result"), result}};
    }
    static QJsonObject notOkBody(int code, const QString &description, int retryAfter = 0)
    {
        QJsonObject body{{QStringLiteral("ok"), false},
                         {QStringLiteral("error_code"), code},
                         {QStringLiteral("description"), description}};
        if (retryAfter > 0)
            body.insert(QStringLiteral("parameters"),
                        QJsonObject{{QStringLiteral("retry_after"), retryAfter}});
        return body;
    }

    static void reply(QTcpSocket *socket, int status, const QByteArray &body)
    {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        QByteArray head =
            "HTTP/1.1 " + QByteArray::number(status) + " Fake\r\nContent-Type: application/json\r\n";
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
        socket->write(head + body);
        socket->disconnectFromHost();
    }
    static void reply(QTcpSocket *socket, int status, const QJsonObject &body)
    {
        reply(socket, status, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    void accept(QTcpSocket *socket)
    {
        m_sockets.append(socket);
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            QMap<QByteArray, QByteArray> headers;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                   lines.at(i).mid(colon + 1).trimmed());
            }
            const qsizetype length = headers.value("content-length").toLongLong();
            if (buffer->size() < headerEnd + 4 + length)
                return;
            const QByteArray body = buffer->mid(headerEnd + 4, length);
            buffer->clear();
            handle(socket, requestLine.value(1), headers.value("content-type"), body);
        });
    }

    static Request parse(const QByteArray &path, const QByteArray &contentType, const QByteArray &body)
    {
        Request request;
        request.at = QDateTime::currentDateTimeUtc();
        request.contentType = contentType;
        // /bot<token>/<method>
        if (path.startsWith("/bot")) {
            const qsizetype slash = path.indexOf('/', 4);
            request.token = path.mid(4, slash - 4);
            request.method = QString::fromLatin1(path.mid(slash + 1));
        }
        if (contentType.startsWith("application/json")) {
            request.parameters = QJsonDocument::fromJson(body).object();
            return request;
        }
        const qsizetype b = contentType.indexOf("boundary=");
        if (b < 0)
            return request;
        const QByteArray boundary = "--" + contentType.mid(b + 9).trimmed();
        qsizetype at = body.indexOf(boundary);
        while (at >= 0) {
            const qsizetype start = at + boundary.size();
            if (body.mid(start, 2) == "--")
                break;
            const qsizetype next = body.indexOf("\r\n" + boundary, start);
            if (next < 0)
                break;
            const QByteArray part = body.mid(start + 2, next - start - 2);
            const qsizetype split = part.indexOf("\r\n\r\n");
            const QByteArray partHeaders = part.left(split);
            const QByteArray data = part.mid(split + 4);
            auto attribute = [&](const QByteArray &name) {
                const qsizetype p = partHeaders.indexOf(name + "=\"");
                if (p < 0)
                    return QByteArray();
                const qsizetype s = p + name.size() + 2;
                return partHeaders.mid(s, partHeaders.indexOf('"', s) - s);
            };
            const QByteArray name = attribute("name");
            const QByteArray fileName = attribute("filename");
            if (!fileName.isEmpty()) {
                request.fileField = name;
                request.fileName = fileName;
                const qsizetype t = partHeaders.toLower().indexOf("content-type:");
                request.fileType =
                    t >= 0 ? partHeaders.mid(t + 13).split('\r').value(0).trimmed() : QByteArray();
                request.fileData = data;
            } else {
                const QJsonDocument json = QJsonDocument::fromJson(data);
                if (json.isObject())
                    request.parameters.insert(QString::fromUtf8(name), json.object());
                else
                    request.parameters.insert(QString::fromUtf8(name), QString::fromUtf8(data));
            }
            at = next + 2;
        }
        return request;
    }

    QJsonObject messageJson(const Message &m) const
    {
        QJsonObject json{{QStringLiteral("message_id"), double(m.messageId)},
                         {QStringLiteral("from"), botJson()},
                         {QStringLiteral("chat"), chatJson(m.chatId)},
                         {QStringLiteral("date"), double(QDateTime::currentSecsSinceEpoch())}};
        if (m.method == QLatin1String("sendMessage")) {
            json.insert(QStringLiteral("text"), m.text);
        } else {
            if (!m.text.isEmpty())
                json.insert(QStringLiteral("caption"), m.text);
            const QString fileId = QStringLiteral("AgAC-fake-%1").arg(m.messageId);
            if (m.method == QLatin1String("sendPhoto"))
                json.insert(QStringLiteral("photo"),
                            QJsonArray{QJsonObject{{QStringLiteral("file_id"), fileId},
                                                   {QStringLiteral("file_unique_id"), fileId.right(8)},
                                                   {QStringLiteral("file_size"), double(m.fileData.size())},
                                                   {QStringLiteral("width"), 90},
                                                   {QStringLiteral("height"), 90}}});
            else
                json.insert(QStringLiteral("document"),
                            QJsonObject{{QStringLiteral("file_id"), fileId},
                                        {QStringLiteral("file_unique_id"), fileId.right(8)},
                                        {QStringLiteral("file_name"), QString::fromLatin1(m.fileName)},
                                        {QStringLiteral("mime_type"), QString::fromLatin1(m.fileType)},
                                        {QStringLiteral("file_size"), double(m.fileData.size())}});
        }
        if (!m.replyMarkup.isEmpty())
            json.insert(QStringLiteral("reply_markup"), m.replyMarkup);
        return json;
    }

    Message deliver(const Request &r)
    {
        Message m;
        m.messageId = ++m_lastMessageId;
        m.chatId = r.parameters.value(QStringLiteral("chat_id")).isDouble()
                       ? QString::number(qint64(r.parameters.value(QStringLiteral("chat_id")).toDouble()))
                       : r.parameters.value(QStringLiteral("chat_id")).toString();
        m.method = r.method;
        m.text = r.method == QLatin1String("sendMessage")
                     ? r.parameters.value(QStringLiteral("text")).toString()
                     : r.parameters.value(QStringLiteral("caption")).toString();
        m.replyMarkup = r.parameters.value(QStringLiteral("reply_markup")).toObject();
        m.fileData = r.fileData;
        m.fileType = r.fileType;
        m.fileName = r.fileName;
        m_messages.append(m);
        return m;
    }

    static bool isSend(const QString &method)
    {
        return method == QLatin1String("sendMessage") || method == QLatin1String("sendPhoto") ||
               method == QLatin1String("sendDocument");
    }

    void handle(QTcpSocket *socket, const QByteArray &path, const QByteArray &contentType,
                const QByteArray &body)
    {
        const Request r = parse(path, contentType, body);
        m_requests.append(r);
        if (r.token != m_token) {
            ++m_wrongToken;
            reply(socket, 401, notOkBody(401, QStringLiteral("Unauthorized")));
            return;
        }
        if (!m_faults.value(r.method).isEmpty()) {
            const Fault fault = m_faults[r.method].takeFirst();
            switch (fault.kind) {
            case Fault::Kind::TooManyRequests:
                reply(socket, 429, notOkBody(429, fault.description, fault.retryAfterSeconds));
                return;
            case Fault::Kind::ServerError:
                reply(socket, fault.httpStatus, notOkBody(fault.httpStatus, fault.description));
                return;
            case Fault::Kind::NotOk:
                reply(socket, fault.httpStatus, notOkBody(fault.httpStatus, fault.description));
                return;
            case Fault::Kind::Stall:
                if (isSend(r.method))
                    deliver(r);
                return; // the connection stays open, silent
            case Fault::Kind::Garbage:
                if (isSend(r.method))
                    deliver(r);
                reply(socket, 200, QByteArray("<html>upstream says hi</html>"));
                return;
            }
        }
        if (isSend(r.method)) {
            if (r.method != QLatin1String("sendMessage") && r.fileData.isEmpty()) {
                reply(socket, 400,
                      notOkBody(400, QStringLiteral("Bad Request: there is no photo in the request")));
                return;
            }
            reply(socket, 200, ok(messageJson(deliver(r))));
            return;
        }
        if (r.method == QLatin1String("answerCallbackQuery")) {
            m_answers.append(r.parameters);
            reply(socket, 200, ok(true));
            return;
        }
        if (r.method == QLatin1String("editMessageCaption")) {
            const QString chatId = r.parameters.value(QStringLiteral("chat_id")).toString();
            const qint64 messageId = qint64(r.parameters.value(QStringLiteral("message_id")).toDouble());
            for (Message &m : m_messages) {
                if (m.chatId != chatId || m.messageId != messageId)
                    continue;
                const QString caption = r.parameters.value(QStringLiteral("caption")).toString();
                const QJsonObject markup = r.parameters.value(QStringLiteral("reply_markup")).toObject();
                if (caption == m.text && markup == m.replyMarkup) {
                    reply(socket, 400,
                          notOkBody(400,
                                    QStringLiteral("Bad Request: message is not modified: specified new "
                                                   "message content and reply markup are exactly the same")));
                    return;
                }
                m.text = caption;
                m.replyMarkup = markup;
                reply(socket, 200, ok(messageJson(m)));
                return;
            }
            reply(socket, 400, notOkBody(400, QStringLiteral("Bad Request: message to edit not found")));
            return;
        }
        if (r.method == QLatin1String("getUpdates")) {
            const qint64 offset = qint64(r.parameters.value(QStringLiteral("offset")).toDouble());
            confirmBefore(offset);
            const QJsonArray pending = updatesFrom(offset);
            const int timeout = r.parameters.value(QStringLiteral("timeout")).toInt();
            if (!pending.isEmpty() || timeout <= 0) {
                reply(socket, 200, ok(pending));
                return;
            }
            HeldPoll held;
            held.socket = socket;
            held.offset = offset;
            held.timer = std::make_shared<QTimer>();
            held.timer->setSingleShot(true);
            QTcpSocket *raw = socket;
            QObject::connect(held.timer.get(), &QTimer::timeout, m_server.get(), [this, raw] {
                for (qsizetype i = 0; i < m_heldPolls.size(); ++i) {
                    if (m_heldPolls.at(i).socket == raw) {
                        const HeldPoll poll = m_heldPolls.takeAt(i);
                        reply(poll.socket, 200, ok(QJsonArray()));
                        return;
                    }
                }
            });
            held.timer->start(timeout * 1000);
            m_heldPolls.append(held);
            return;
        }
        reply(socket, 404, notOkBody(404, QStringLiteral("Not Found")));
    }

    // getUpdates with an offset confirms (forgets) every update before it.
    void confirmBefore(qint64 offset)
    {
        if (offset <= 0)
            return;
        for (qsizetype i = m_updates.size() - 1; i >= 0; --i) {
            if (qint64(m_updates.at(i).value(QStringLiteral("update_id")).toDouble()) < offset)
                m_updates.removeAt(i);
        }
    }
    QJsonArray updatesFrom(qint64 offset) const
    {
        QJsonArray list;
        for (const QJsonObject &update : m_updates)
            if (qint64(update.value(QStringLiteral("update_id")).toDouble()) >= offset)
                list.append(update);
        return list;
    }
    void answerHeldPolls()
    {
        const QList<HeldPoll> held = m_heldPolls;
        m_heldPolls.clear();
        for (const HeldPoll &poll : held) {
            const QJsonArray pending = updatesFrom(poll.offset);
            if (pending.isEmpty()) {
                m_heldPolls.append(poll);
                continue;
            }
            poll.timer->stop();
            reply(poll.socket, 200, ok(pending));
        }
    }

    QByteArray m_token;
    std::unique_ptr<QTcpServer> m_server;
    QList<QPointer<QTcpSocket>> m_sockets;
    QHash<QString, QList<Fault>> m_faults;
    QList<Request> m_requests;
    QList<Message> m_messages;
    QList<QJsonObject> m_answers;
    QList<QJsonObject> m_updates;
    QList<HeldPoll> m_heldPolls;
    qint64 m_lastMessageId = 100;
    qint64 m_lastUpdateId = 500000000;
    int m_wrongToken = 0;
};

} // namespace medora::test
