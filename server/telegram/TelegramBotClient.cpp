#include "telegram/TelegramBotClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <curl/curl.h>

#include <mutex>

namespace medora::server {

namespace {

struct Transfer
{
    QByteArray body;
    QByteArray retryAfter;
    qint64 limit = 0;
    bool tooLarge = false;
    const std::atomic<bool> *abort = nullptr;
};

size_t onBody(char *data, size_t size, size_t count, void *user)
{
    auto *transfer = static_cast<Transfer *>(user);
    const size_t bytes = size * count;
    if (transfer->body.size() + qint64(bytes) > transfer->limit) {
        transfer->tooLarge = true;
        return 0;
    }
    transfer->body.append(data, qsizetype(bytes));
    return bytes;
}

size_t onHeader(char *data, size_t size, size_t count, void *user)
{
    auto *transfer = static_cast<Transfer *>(user);
    const size_t bytes = size * count;
    const QByteArray line = QByteArray(data, qsizetype(bytes)).trimmed();
    const qsizetype colon = line.indexOf(':');
    if (colon > 0 && line.left(colon).trimmed().compare("retry-after", Qt::CaseInsensitive) == 0)
        transfer->retryAfter = line.mid(colon + 1).trimmed().left(32);
    return bytes;
}

int onProgress(void *user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto *transfer = static_cast<Transfer *>(user);
    return transfer->abort && transfer->abort->load() ? 1 : 0;
}

QByteArray formValue(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    if (value.isBool())
        return value.toBool() ? "true" : "false";
    if (value.isDouble())
        return QByteArray::number(qint64(value.toDouble()));
    return value.toString().toUtf8();
}

// Quotes and line breaks would end the header the file name sits in.
QByteArray safeFileName(const QString &name)
{
    QByteArray out;
    for (const QChar c : name.left(64)) {
        const bool plain = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') ||
                           c == QLatin1Char('-') || c == QLatin1Char('_');
        out += plain ? char(c.unicode()) : '_';
    }
    return out.isEmpty() ? QByteArray("file") : out;
}

} // namespace

qint64 TelegramCall::messageId() const
{
    return qint64(result.toObject().value(QLatin1String("message_id")).toDouble());
}

TelegramBotClient::TelegramBotClient(Settings settings) : m_settings(std::move(settings))
{
    static std::once_flag initialized;
    std::call_once(initialized, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

QString TelegramBotClient::scrubbed(const QString &text) const
{
    QString out = text;
    if (!m_settings.token.isEmpty())
        out.replace(QString::fromUtf8(m_settings.token), QStringLiteral("<token>"));
    return out;
}

QByteArray TelegramBotClient::multipartBody(const QJsonObject &parameters, const QString &fileField,
                                            const File &file, const QByteArray &boundary)
{
    QByteArray body;
    for (auto it = parameters.constBegin(); it != parameters.constEnd(); ++it) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + it.key().toLatin1() +
                "\"\r\n\r\n" + formValue(it.value()) + "\r\n";
    }
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField.toLatin1() +
            "\"; filename=\"" + safeFileName(file.fileName) + "\"\r\nContent-Type: " + file.mimeType +
            "\r\n\r\n";
    body += file.data;
    body += "\r\n--" + boundary + "--\r\n";
    return body;
}

TelegramCall TelegramBotClient::interpret(int httpStatus, const QByteArray &body,
                                          const QByteArray &retryAfterHeader)
{
    TelegramCall call;
    call.httpStatus = httpStatus;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    const QJsonObject answer = document.object();
    const bool parsed = error.error == QJsonParseError::NoError && document.isObject() &&
                        answer.value(QLatin1String("ok")).isBool();
    if (httpStatus == 200 && parsed && answer.value(QLatin1String("ok")).toBool()) {
        call.outcome = TelegramCall::Outcome::Ok;
        call.result = answer.value(QLatin1String("result"));
        return call;
    }
    call.description = parsed ? answer.value(QLatin1String("description")).toString().left(300)
                              : QStringLiteral("HTTP %1 without a Bot API answer").arg(httpStatus);
    if (httpStatus == 200) {
        // A 200 that is not a Bot API answer: whatever sits in between may have passed the
        // call on. Only an answer we understand says whether Telegram acted.
        call.outcome = parsed ? TelegramCall::Outcome::Refused : TelegramCall::Outcome::Unknown;
        return call;
    }
    if (httpStatus == 429) {
        call.outcome = TelegramCall::Outcome::RetryLater;
        const qint64 seconds = qint64(answer.value(QLatin1String("parameters"))
                                          .toObject()
                                          .value(QLatin1String("retry_after"))
                                          .toDouble());
        bool ok = false;
        const qint64 header = retryAfterHeader.trimmed().toLongLong(&ok);
        if (seconds > 0)
            call.retryAfterMs = seconds * 1000;
        else if (ok && header > 0)
            call.retryAfterMs = header * 1000;
        return call;
    }
    // 401/404: a wrong token or address, which an operator fixes; 5xx: Telegram's trouble.
    if (httpStatus == 401 || httpStatus == 404 || httpStatus >= 500 || !parsed) {
        call.outcome = TelegramCall::Outcome::RetryLater;
        return call;
    }
    call.outcome = TelegramCall::Outcome::Refused;
    return call;
}

TelegramCall TelegramBotClient::call(const QString &method, const QJsonObject &parameters,
                                     int extraWaitMs) const
{
    return post(method, "Content-Type: application/json",
                QJsonDocument(parameters).toJson(QJsonDocument::Compact), extraWaitMs);
}

TelegramCall TelegramBotClient::callWithFile(const QString &method, const QJsonObject &parameters,
                                             const QString &fileField, const File &file) const
{
    const QByteArray boundary = "medora-" + QByteArray::number(QRandomGenerator::system()->generate64(), 16) +
                                QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    return post(method, "Content-Type: multipart/form-data; boundary=" + boundary,
                multipartBody(parameters, fileField, file, boundary), 0);
}

TelegramCall TelegramBotClient::post(const QString &method, const QByteArray &contentType,
                                     const QByteArray &body, int extraWaitMs) const
{
    TelegramCall answer;
    answer.outcome = TelegramCall::Outcome::RetryLater;
    if (!isConfigured()) {
        answer.description = QStringLiteral("TELEGRAM_BOT_TOKEN is not set");
        return answer;
    }
    if (m_abort && m_abort->load()) {
        answer.description = QStringLiteral("stopping");
        return answer;
    }
    CURL *curl = curl_easy_init();
    if (!curl) {
        answer.description = QStringLiteral("curl_easy_init failed");
        return answer;
    }
    // The token only ever sits in this URL, wiped after the transfer.
    QByteArray url = m_settings.baseUrl.toUtf8() + "/bot" + m_settings.token + '/' + method.toLatin1();
    curl_slist *headers = nullptr;
    headers = curl_slist_append(headers, contentType.constData());
    headers = curl_slist_append(headers, "Expect:");

    Transfer transfer;
    transfer.limit = m_settings.maxResponseBytes;
    transfer.abort = m_abort;
    const int timeoutMs = m_settings.timeoutMs + qMax(0, extraWaitMs);
    char errorBuffer[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &onProgress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(timeoutMs));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(qMin(m_settings.timeoutMs, 15000)));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS, long(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "medora-server");

    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_off_t uploaded = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(curl, CURLINFO_SIZE_UPLOAD_T, &uploaded);
    curl_easy_cleanup(curl);
    curl_slist_free_all(headers);
    url.fill('\0');

    if (code != CURLE_OK && !(code == CURLE_WRITE_ERROR && transfer.tooLarge && status == 200)) {
        answer.description = scrubbed(code == CURLE_OPERATION_TIMEDOUT
                                          ? QStringLiteral("no complete answer within %1 ms").arg(timeoutMs)
                                      : code == CURLE_ABORTED_BY_CALLBACK ? QStringLiteral("stopped")
                                      : transfer.tooLarge ? QStringLiteral("answer larger than allowed")
                                                          : QString::fromUtf8(curl_easy_strerror(code)));
        // Telegram acts on a request once it has all of it: a request that never fully left
        // cannot have been delivered; one that did may have been.
        const bool fullySent = uploaded >= curl_off_t(body.size()) && code != CURLE_COULDNT_CONNECT &&
                               code != CURLE_COULDNT_RESOLVE_HOST && code != CURLE_COULDNT_RESOLVE_PROXY;
        answer.outcome = fullySent ? TelegramCall::Outcome::Unknown : TelegramCall::Outcome::RetryLater;
        return answer;
    }
    answer = interpret(int(status), transfer.body, transfer.retryAfter);
    answer.description = scrubbed(answer.description);
    return answer;
}

} // namespace medora::server
