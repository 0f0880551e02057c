#include "../fakes/FakeGeminiServer.h"
#include "ai/AiSchemas.h"
#include "ai/GeminiClient.h"
#include "config/ServerConfig.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

using namespace medora::server;
using medora::test::FakeGeminiServer;
using Behaviour = FakeGeminiServer::Behaviour;

namespace {

const QByteArray kKey = "unit-test-gemini-key-8Hq2";

GeminiRequest questionsRequest()
{
    GeminiRequest request;
    request.systemInstruction = QStringLiteral("Ask questions.");
    request.contents.append(
        GeminiTurn{QStringLiteral("user"), {GeminiPart{QStringLiteral("Case text"), {}, {}}}});
    request.responseSchema = AiSchemas::responseSchema(AiKind::Questions);
    return request;
}

} // namespace

// GeminiClient (libcurl) against the fake Gemini in this process: the wire format, retries
// with the service's hints or exponential backoff, fallback, time-outs, refusals.
class TestGeminiClient : public QObject
{
    Q_OBJECT

private:
    FakeGeminiServer gemini{kKey};
    QList<qint64> sleeps;

    GeminiClient client(int timeoutMs = 3000, const QByteArray &key = kKey)
    {
        GeminiClient c(GeminiClient::Settings{gemini.baseUrl(), key, timeoutMs, 2, 100, 1000, 1024 * 1024});
        c.setSleeper([this](qint64 ms) { sleeps << ms; });
        return c;
    }

    // generate() blocks; the fake answers from this thread's event loop.
    GeminiResult run(const GeminiClient &c, const QStringList &models)
    {
        QFuture<GeminiResult> future =
            QtConcurrent::run([&c, models] { return c.generate(models, questionsRequest()); });
        // Polled like QTRY_VERIFY (which cannot return a value): the fake needs this event loop.
        for (int i = 0; i < 300 && !future.isFinished(); ++i)
            QTest::qWait(50);
        future.waitForFinished();
        return future.result();
    }

private slots:
    void initTestCase() { QVERIFY(gemini.listen()); }
    void init()
    {
        gemini.clear();
        sleeps.clear();
    }

    void sendsTheRealWireFormat()
    {
        const GeminiClient c = client();
        const GeminiResult result = run(c, {QStringLiteral("fast-1")});
        QVERIFY2(result.ok(), qPrintable(result.detail));
        QCOMPARE(result.model, QStringLiteral("fast-1"));
        QCOMPARE(result.finishReason, QStringLiteral("STOP"));
        QCOMPARE(result.usage.promptTokens, qint64(120));
        QCOMPARE(result.usage.outputTokens, qint64(80));
        QCOMPARE(result.usage.totalTokens, qint64(200));
        QVERIFY(QJsonDocument::fromJson(result.text.toUtf8()).object().contains("questions"));
        QCOMPARE(gemini.callCount(), 1);
        const FakeGeminiServer::Call call = gemini.calls().first();
        QCOMPARE(call.path, QByteArray("/v1beta/models/fast-1:generateContent"));
        QCOMPARE(call.apiKeyHeader, kKey);
        QVERIFY(!call.body.contains(kKey));
        QCOMPARE(call.headers.value("content-type"), QByteArray("application/json"));
        const QJsonObject body = call.json();
        QCOMPARE(body.value("contents").toArray().first().toObject().value("role").toString(),
                 QStringLiteral("user"));
        QCOMPARE(body.value("systemInstruction")
                     .toObject()
                     .value("parts")
                     .toArray()
                     .first()
                     .toObject()
                     .value("text")
                     .toString(),
                 QStringLiteral("Ask questions."));
        const QJsonObject config = body.value("generationConfig").toObject();
        QCOMPARE(config.value("responseMimeType").toString(), QStringLiteral("application/json"));
        QCOMPARE(config.value("responseSchema").toObject(), AiSchemas::responseSchema(AiKind::Questions));
        QCOMPARE(result.bytesSent, qint64(call.body.size()));
    }

    void retriesWithHintsThenBackoff()
    {
        gemini.setRetryDelay(QStringLiteral("0.35s"));
        gemini.script("fast-1", {Behaviour::RateLimited, Behaviour::Unavailable});
        const GeminiResult result = run(client(), {QStringLiteral("fast-1")});
        QVERIFY2(result.ok(), qPrintable(result.detail));
        QCOMPARE(result.attempts, 3);
        QCOMPARE(sleeps, (QList<qint64>{350, 200})); // the RetryInfo hint, then 100 ms doubled
        gemini.setRetryDelay(QStringLiteral("0.2s"));
    }

    void longHintsAndMissingModelsFallBack()
    {
        gemini.setRetryDelay(QStringLiteral("30s"));
        gemini.script("fast-1", {Behaviour::RateLimited});
        gemini.script("fast-2", {Behaviour::NotFound});
        const GeminiResult result = run(client(), {"fast-1", "fast-2", "fast-3"});
        QVERIFY2(result.ok(), qPrintable(result.detail));
        QCOMPARE(result.model, QStringLiteral("fast-3"));
        QVERIFY(sleeps.isEmpty()); // a 30 s hint is over the 1 s allowed: no waiting
        QCOMPARE(gemini.callCount(), 3);
        gemini.setRetryDelay(QStringLiteral("0.2s"));
    }

    void stallTimesOutAndEveryFailureIsNamed()
    {
        gemini.script("slow", {Behaviour::Stall});
        gemini.script("busy", {Behaviour::Unavailable, Behaviour::Unavailable, Behaviour::Unavailable});
        QElapsedTimer timer;
        timer.start();
        const GeminiResult result = run(client(1000), {"slow", "busy"});
        QVERIFY(!result.ok());
        QCOMPARE(result.failure, GeminiResult::Failure::Unavailable);
        QVERIFY(timer.elapsed() >= 1000);
        QCOMPARE(result.attempts, 4);
        QVERIFY2(result.detail.contains("slow: no complete answer"), qPrintable(result.detail));
        QVERIFY(result.detail.contains("busy: HTTP 503"));
        QVERIFY(!result.detail.contains(QString::fromLatin1(kKey)));
    }

    void aWrongKeyIsRefusedWithoutFallback()
    {
        const GeminiResult result = run(client(3000, "wrong-key-xxxxxxxx"), {"fast-1", "fast-2"});
        QCOMPARE(result.failure, GeminiResult::Failure::Refused);
        QCOMPARE(result.lastHttpStatus, 400);
        QCOMPARE(gemini.callCount(), 1);
    }

    void retryHintsFromHeaderAndBody()
    {
        QCOMPARE(GeminiClient::retryHintMs("3", {}), qint64(3000));
        QCOMPARE(GeminiClient::retryHintMs({}, {}), qint64(-1));
        const QByteArray body =
            R"({"error":{"code":429,"details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.5s"}]}})";
        QCOMPARE(GeminiClient::retryHintMs({}, body), qint64(1500));
        QCOMPARE(GeminiClient::retryHintMs("2", body), qint64(2000));
        QCOMPARE(GeminiClient::retryHintMs("soon", R"({"error":{"details":[{"retryDelay":"9s"}]}})"),
                 qint64(-1));
    }

    void configurationIsCheckedAndTheKeyStaysSecret()
    {
        auto load = [](const QMap<QString, QString> &values, ServerConfig *config, QStringList *errors) {
            QProcessEnvironment environment;
            for (auto it = values.begin(); it != values.end(); ++it)
                environment.insert(it.key(), it.value());
            return ServerConfig::load(environment, config, errors);
        };
        ServerConfig config;
        QStringList errors;
        QVERIFY2(load({{"GEMINI_API_KEY", "AIzaSecretValue-123456"},
                       {"GEMINI_BASE_URL", "http://127.0.0.1:9/"},
                       {"GEMINI_MODEL_FAST", "gemini-x-flash"},
                       {"GEMINI_MODEL_FALLBACKS", "a-1, b-2,a-1"},
                       {"GEMINI_TIMEOUT_SECONDS", "5"},
                       {"MEDORA_AI_USER_DAILY_QUOTA", "0"}},
                      &config, &errors),
                 qPrintable(errors.join("; ")));
        QCOMPARE(config.geminiBaseUrl, QStringLiteral("http://127.0.0.1:9"));
        QCOMPARE(config.geminiModelFast, QStringLiteral("gemini-x-flash"));
        QCOMPARE(config.geminiModelStrong, QStringLiteral("gemini-2.5-pro"));
        QCOMPARE(config.geminiFallbackModels, (QStringList{"a-1", "b-2"}));
        QCOMPARE(config.geminiTimeoutSeconds, 5);
        QCOMPARE(config.aiUserDailyQuota, 0);
        QVERIFY(config.secretValues().contains("AIzaSecretValue-123456"));

        // The key would travel in clear text to another machine: refused.
        QVERIFY(!load(
            {{"GEMINI_API_KEY", "AIzaSecretValue-123456"}, {"GEMINI_BASE_URL", "http://gemini.example.org"}},
            &config, &errors));
        QVERIFY(errors.join(" ").contains("GEMINI_BASE_URL"));
        QVERIFY(!errors.join(" ").contains("AIzaSecretValue"));
        QVERIFY(!load({{"GEMINI_MODEL_STRONG", "../../v1/other"}}, &config, &errors));
        QVERIFY(!load({{"GEMINI_MAX_RETRIES", "99"}}, &config, &errors));
    }

    void unconfiguredClientNeverCalls()
    {
        const GeminiClient c = client(3000, QByteArray());
        QVERIFY(!c.isConfigured());
        QCOMPARE(c.generate({"fast-1"}, questionsRequest()).failure, GeminiResult::Failure::Unavailable);
        QCOMPARE(gemini.callCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGeminiClient)
#include "tst_geminiclient.moc"
