#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <atomic>

namespace medora::server {

// What one Bot API call came to. The four outcomes are what the outbox's exactly-once rule
// rests on (docs/operations.md "Telegram and subscriptions"):
// - Ok: {"ok":true}; `result` holds the method's result.
// - RetryLater: Telegram did not act on the call: it answered with an error that may pass
//   (429 with parameters.retry_after, 5xx, 401/404 while the token or address is wrong), or
//   the request never fully left this machine (no connection, upload cut short).
// - Refused: Telegram answered that this call will never succeed (400 "chat not found",
//   403 "bot was kicked", ...).
// - Unknown: the whole request was sent but no answer came (timeout, connection lost, stop):
//   Telegram may or may not have acted on it.
struct TelegramCall
{
    enum class Outcome
    {
        Ok,
        RetryLater,
        Refused,
        Unknown,
    };
    Outcome outcome = Outcome::Unknown;
    QJsonValue result;
    int httpStatus = 0;       // 0: no HTTP answer
    qint64 retryAfterMs = -1; // parameters.retry_after (or Retry-After) of a 429
    QString description;      // English, for logs and the outbox; never holds the token

    bool ok() const { return outcome == Outcome::Ok; }
    qint64 messageId() const; // result.message_id of a send; 0 when there is none
};

// The Telegram Bot API over libcurl: POST {base}/bot<token>/<method>, JSON bodies, or
// multipart/form-data for sendPhoto/sendDocument. The token is only ever in the request URL;
// every text this class returns has it scrubbed. Blocking: call it from the Telegram threads
// or a command, never from a request thread.
class TelegramBotClient
{
public:
    struct Settings
    {
        QString baseUrl = QStringLiteral("https://api.telegram.org");
        QByteArray token;
        int timeoutMs = 20000; // one call, connect to last byte (a long poll adds its own wait)
        qint64 maxResponseBytes = 2 * 1024 * 1024;
    };

    struct File
    {
        QByteArray data;
        QByteArray mimeType; // "image/jpeg", "image/png", "application/pdf"
        QString fileName;
    };

    explicit TelegramBotClient(Settings settings);

    bool isConfigured() const { return !m_settings.token.isEmpty() && !m_settings.baseUrl.isEmpty(); }

    // `parameters` as the Bot API documents them (chat_id, text, reply_markup, ...).
    TelegramCall call(const QString &method, const QJsonObject &parameters, int extraWaitMs = 0) const;
    // sendPhoto ("photo") / sendDocument ("document"): the file as a multipart part named
    // `fileField`, every other parameter as a form field (objects as JSON text).
    TelegramCall callWithFile(const QString &method, const QJsonObject &parameters, const QString &fileField,
                              const File &file) const;

    // Ends calls in progress (and refuses new ones) while set: stopping the server does not
    // wait for a long poll. A send cut off this way after its upload is Unknown.
    void setAbortFlag(const std::atomic<bool> *abort) { m_abort = abort; }

    // The multipart body callWithFile() sends (tests look at it).
    static QByteArray multipartBody(const QJsonObject &parameters, const QString &fileField, const File &file,
                                    const QByteArray &boundary);
    // Classifies an HTTP answer (status and body) the way call() does.
    static TelegramCall interpret(int httpStatus, const QByteArray &body, const QByteArray &retryAfterHeader);

    QString scrubbed(const QString &text) const;

private:
    TelegramCall post(const QString &method, const QByteArray &contentType, const QByteArray &body,
                      int extraWaitMs) const;

    Settings m_settings;
    const std::atomic<bool> *m_abort = nullptr;
};

} // namespace medora::server
