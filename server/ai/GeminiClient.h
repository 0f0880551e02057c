#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace medora::server {

// One part of a turn: text, or inline data (an image or PDF, sent base64).
struct GeminiPart
{
    QString text;
    QByteArray mimeType; // set for inline data
    QByteArray data;     // raw bytes; base64-encoded on the wire
};

struct GeminiTurn
{
    QString role; // "user" or "model"
    QList<GeminiPart> parts;
};

// What one generateContent call asks for: always JSON constrained by `responseSchema`.
struct GeminiRequest
{
    QString systemInstruction;
    QList<GeminiTurn> contents;
    QJsonObject responseSchema;
    double temperature = 0.2;
};

struct GeminiUsage
{
    qint64 promptTokens = 0;
    qint64 outputTokens = 0;
    qint64 totalTokens = 0;
    GeminiUsage &operator+=(const GeminiUsage &other)
    {
        promptTokens += other.promptTokens;
        outputTokens += other.outputTokens;
        totalTokens += other.totalTokens;
        return *this;
    }
};

struct GeminiResult
{
    enum class Failure
    {
        None,
        Unavailable, // every model of the chain failed (HTTP 404/429/5xx, network, timeouts)
        Refused,     // the service refused the request itself (400, 401, 403): no fallback helps
        Blocked,     // answered without a candidate (safety block) or with an empty one
    };
    Failure failure = Failure::None;
    QString text;         // candidates[0].content.parts[].text joined
    QString finishReason; // "STOP", "MAX_TOKENS", ...
    QString model;        // the model that answered (or was tried last)
    GeminiUsage usage;
    int attempts = 0;       // HTTP requests made
    qint64 bytesSent = 0;   // request bodies, all attempts
    int lastHttpStatus = 0; // 0: no HTTP answer (network error or timeout)
    bool timedOut = false;  // the last attempt hit the timeout
    QString detail;         // English, for logs; never the key, the prompt or the answer
    bool ok() const { return failure == Failure::None; }
};

// Google's generateContent REST API over libcurl (docs/security.md "AI calls"):
// POST {base}/v1beta/models/{model}:generateContent, the key only in the x-goog-api-key
// header. Blocking: call it from a worker pool, never from a request thread. Retries 429,
// 500 and 503 with exponential backoff, or after the service's hint (Retry-After, or the
// google.rpc.RetryInfo retryDelay in the error body) when it gives one; a hint longer than
// the allowed delay, a 404, or retries used up move on to the next model of the chain.
class GeminiClient
{
public:
    struct Settings
    {
        QString baseUrl; // "https://generativelanguage.googleapis.com"
        QByteArray apiKey;
        int timeoutMs = 90000; // one attempt, connect to last byte
        int maxRetries = 2;    // per model, after the first attempt
        int backoffMs = 1000;  // first retry; doubles each time
        int maxRetryDelayMs = 20000;
        qint64 maxResponseBytes = 8 * 1024 * 1024;
    };

    explicit GeminiClient(Settings settings);

    bool isConfigured() const { return !m_settings.apiKey.isEmpty() && !m_settings.baseUrl.isEmpty(); }
    // Tries `models` in order (duplicates skipped) until one answers 200.
    GeminiResult generate(const QStringList &models, const GeminiRequest &request) const;

    static QByteArray requestBody(const GeminiRequest &request);
    // The wait a 429/503 answer asks for, in ms; -1 when it gives none.
    static qint64 retryHintMs(const QByteArray &retryAfterHeader, const QByteArray &errorBody);
    // Parses a 200 body; false when it is not a generateContent answer.
    static bool parseAnswer(const QByteArray &body, GeminiResult *result);

    // Replaces the sleeping between retries (tests).
    void setSleeper(std::function<void(qint64 ms)> sleeper) { m_sleep = std::move(sleeper); }

private:
    struct HttpAnswer
    {
        int status = 0;
        QByteArray body;
        QByteArray retryAfter;
        bool timedOut = false;
        QString transportError;
    };
    HttpAnswer post(const QString &model, const QByteArray &body) const;

    Settings m_settings;
    std::function<void(qint64)> m_sleep;
};

} // namespace medora::server
