#include "ai/GeminiClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QUrl>

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
};

size_t onBody(char *data, size_t size, size_t count, void *user)
{
    auto *transfer = static_cast<Transfer *>(user);
    const size_t bytes = size * count;
    if (transfer->body.size() + qint64(bytes) > transfer->limit) {
        transfer->tooLarge = true;
        return 0; // aborts the transfer
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
        transfer->retryAfter = line.mid(colon + 1).trimmed().left(64);
    return bytes;
}

// "12s", "0.5s", "1.500s": google.protobuf.Duration in JSON.
qint64 durationMs(const QString &text)
{
    if (!text.endsWith(QLatin1Char('s')))
        return -1;
    bool ok = false;
    const double seconds = text.chopped(1).toDouble(&ok);
    if (!ok || seconds < 0 || seconds > 86400)
        return -1;
    return qint64(seconds * 1000.0 + 0.5);
}

bool retryable(int status)
{
    return status == 429 || status == 500 || status == 503;
}

} // namespace

GeminiClient::GeminiClient(Settings settings) : m_settings(std::move(settings))
{
    static std::once_flag initialized;
    std::call_once(initialized, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_sleep = [](qint64 ms) { QThread::msleep(static_cast<unsigned long>(ms)); };
}

QByteArray GeminiClient::requestBody(const GeminiRequest &request)
{
    QJsonArray contents;
    for (const GeminiTurn &turn : request.contents) {
        QJsonArray parts;
        for (const GeminiPart &part : turn.parts) {
            if (!part.mimeType.isEmpty())
                parts.append(QJsonObject{
                    {QStringLiteral("inlineData"),
                     QJsonObject{{QStringLiteral("mimeType"), QString::fromLatin1(part.mimeType)},
                                 {QStringLiteral("data"), QString::fromLatin1(part.data.toBase64())}}}});
            else
                parts.append(QJsonObject{{QStringLiteral("text"), part.text}});
        }
        contents.append(QJsonObject{{QStringLiteral("role"), turn.role}, {QStringLiteral("parts"), parts}});
    }
    QJsonObject body{{QStringLiteral("contents"), contents}};
    if (!request.systemInstruction.isEmpty())
        body.insert(
            QStringLiteral("systemInstruction"),
            QJsonObject{{QStringLiteral("parts"),
                         QJsonArray{QJsonObject{{QStringLiteral("text"), request.systemInstruction}}}}});
    body.insert(QStringLiteral("generationConfig"),
                QJsonObject{{QStringLiteral("responseMimeType"), QStringLiteral("application/json")},
                            {QStringLiteral("responseSchema"), request.responseSchema},
                            {QStringLiteral("temperature"), request.temperature}});
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

qint64 GeminiClient::retryHintMs(const QByteArray &retryAfterHeader, const QByteArray &errorBody)
{
    qint64 hint = -1;
    bool ok = false;
    const qint64 seconds = retryAfterHeader.trimmed().toLongLong(&ok);
    if (ok && seconds >= 0 && seconds <= 86400)
        hint = seconds * 1000;
    const QJsonArray details = QJsonDocument::fromJson(errorBody)
                                   .object()
                                   .value(QLatin1String("error"))
                                   .toObject()
                                   .value(QLatin1String("details"))
                                   .toArray();
    for (const QJsonValue &detail : details) {
        const QJsonObject object = detail.toObject();
        if (!object.value(QLatin1String("@type")).toString().endsWith(QLatin1String("google.rpc.RetryInfo")))
            continue;
        const qint64 delay = durationMs(object.value(QLatin1String("retryDelay")).toString());
        if (delay >= 0)
            hint = qMax(hint, delay);
    }
    return hint;
}

bool GeminiClient::parseAnswer(const QByteArray &body, GeminiResult *result)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    const QJsonObject answer = document.object();
    const QJsonObject usage = answer.value(QLatin1String("usageMetadata")).toObject();
    result->usage.promptTokens = qint64(usage.value(QLatin1String("promptTokenCount")).toDouble());
    result->usage.outputTokens = qint64(usage.value(QLatin1String("candidatesTokenCount")).toDouble());
    result->usage.totalTokens = qint64(usage.value(QLatin1String("totalTokenCount")).toDouble());
    const QJsonArray candidates = answer.value(QLatin1String("candidates")).toArray();
    result->text.clear();
    result->finishReason.clear();
    if (candidates.isEmpty())
        return answer.contains(QLatin1String("promptFeedback")) ||
               answer.contains(QLatin1String("usageMetadata"));
    const QJsonObject first = candidates.first().toObject();
    result->finishReason = first.value(QLatin1String("finishReason")).toString();
    const QJsonArray parts =
        first.value(QLatin1String("content")).toObject().value(QLatin1String("parts")).toArray();
    for (const QJsonValue &part : parts) {
        const QJsonObject object = part.toObject();
        if (object.value(QLatin1String("thought")).toBool())
            continue; // a thinking model's reasoning summary is not the answer
        result->text += object.value(QLatin1String("text")).toString();
    }
    return true;
}

GeminiClient::HttpAnswer GeminiClient::post(const QString &model, const QByteArray &body) const
{
    HttpAnswer answer;
    CURL *curl = curl_easy_init();
    if (!curl) {
        answer.transportError = QStringLiteral("curl_easy_init failed");
        return answer;
    }
    const QByteArray url =
        (m_settings.baseUrl + QStringLiteral("/v1beta/models/") +
         QString::fromLatin1(QUrl::toPercentEncoding(model)) + QStringLiteral(":generateContent"))
            .toUtf8();
    // The key only ever goes into this header list, freed right after the transfer.
    QByteArray keyHeader = "x-goog-api-key: " + m_settings.apiKey;
    curl_slist *headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, keyHeader.constData());
    headers = curl_slist_append(headers, "Expect:");
    keyHeader.fill('\0');

    Transfer transfer;
    transfer.limit = m_settings.maxResponseBytes;
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
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(m_settings.timeoutMs));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(qMin(m_settings.timeoutMs, 15000)));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L); // worker threads: no SIGALRM for timeouts
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
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(curl);
    curl_slist_free_all(headers);

    if (code == CURLE_OPERATION_TIMEDOUT) {
        answer.timedOut = true;
        answer.transportError = QStringLiteral("no complete answer within %1 ms").arg(m_settings.timeoutMs);
        return answer;
    }
    if (code != CURLE_OK) {
        answer.transportError = transfer.tooLarge ? QStringLiteral("answer larger than allowed")
                                                  : QString::fromUtf8(curl_easy_strerror(code));
        return answer;
    }
    answer.status = int(status);
    answer.body = transfer.body;
    answer.retryAfter = transfer.retryAfter;
    return answer;
}

GeminiResult GeminiClient::generate(const QStringList &models, const GeminiRequest &request) const
{
    GeminiResult result;
    result.failure = GeminiResult::Failure::Unavailable;
    if (!isConfigured()) {
        result.detail = QStringLiteral("GEMINI_API_KEY is not set");
        return result;
    }
    const QByteArray body = requestBody(request);
    QStringList tried;
    QStringList problems;
    for (const QString &model : models) {
        if (model.isEmpty() || tried.contains(model))
            continue;
        tried << model;
        result.model = model;
        for (int attempt = 0; attempt <= m_settings.maxRetries; ++attempt) {
            ++result.attempts;
            result.bytesSent += body.size();
            const HttpAnswer answer = post(model, body);
            result.lastHttpStatus = answer.status;
            result.timedOut = answer.timedOut;
            if (answer.status == 200) {
                if (!parseAnswer(answer.body, &result)) {
                    problems << model + QStringLiteral(": answer is not a generateContent response");
                    break; // a broken 200 is not retried on the same model
                }
                if (result.text.trimmed().isEmpty()) {
                    result.failure = GeminiResult::Failure::Blocked;
                    result.detail = QStringLiteral("%1 answered without content (finishReason %2)")
                                        .arg(model, result.finishReason.isEmpty() ? QStringLiteral("none")
                                                                                  : result.finishReason);
                    return result;
                }
                result.failure = GeminiResult::Failure::None;
                result.detail.clear();
                return result;
            }
            if (answer.status == 0) {
                problems << model + QStringLiteral(": ") + answer.transportError;
                break; // a stalled or unreachable model: the next one, not the same wait again
            }
            if (answer.status == 400 || answer.status == 401 || answer.status == 403) {
                result.failure = GeminiResult::Failure::Refused;
                result.detail =
                    QStringLiteral("%1 refused the request with HTTP %2").arg(model).arg(answer.status);
                return result;
            }
            problems << model + QStringLiteral(": HTTP ") + QString::number(answer.status);
            if (!retryable(answer.status) || attempt == m_settings.maxRetries)
                break;
            const qint64 hint = retryHintMs(answer.retryAfter, answer.body);
            if (hint > m_settings.maxRetryDelayMs)
                break; // the model is out for longer than a doctor should wait: fall back
            const qint64 backoff = qint64(m_settings.backoffMs) << attempt;
            m_sleep(hint >= 0 ? hint : qMin<qint64>(backoff, m_settings.maxRetryDelayMs));
        }
    }
    result.detail = problems.isEmpty()
                        ? QStringLiteral("no model configured")
                        : QStringLiteral("every model failed: ") + problems.join(QStringLiteral("; "));
    return result;
}

} // namespace medora::server
