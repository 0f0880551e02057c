#pragma once

// A scriptable stand-in for Google's Gemini generateContent REST API on 127.0.0.1, for the
// server's AI tests: POST /v1beta/models/{model}:generateContent with the key in
// x-goog-api-key, answered with the real response shape (candidates[0].content.parts[].text,
// usageMetadata, finishReason) or the real error shape ({"error":{"code","message","status",
// "details":[google.rpc.RetryInfo]}}). Each model has a queue of scripted behaviours; when
// its queue is empty the default behaviour (a good answer) applies. Every request is kept
// so tests can assert what the server sent. Header-only, like the other fakes.

#include "FakeHttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QQueue>
#include <QString>

namespace medora::test {

class FakeGeminiServer
{
public:
    enum class Behaviour
    {
        Good,            // a valid answer for the kind the response schema asks for
        SchemaViolation, // valid JSON that breaks the schema (probabilities, missing sections)
        Truncated,       // JSON cut off mid-way, finishReason MAX_TOKENS
        RateLimited,     // 429 RESOURCE_EXHAUSTED with a google.rpc.RetryInfo retryDelay
        Unavailable,     // 503 UNAVAILABLE
        NotFound,        // 404 NOT_FOUND: no such model
        Stall,           // accepts the request and never answers
    };

    struct Call
    {
        QString model;
        QByteArray path;
        QByteArray apiKeyHeader;
        QByteArray body;
        QMap<QByteArray, QByteArray> headers;
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };

    explicit FakeGeminiServer(QByteArray expectedKey) : m_expectedKey(std::move(expectedKey))
    {
        m_http.setHandler([this](const FakeHttpServer::Request &request) { return answer(request); });
    }

    bool listen() { return m_http.listen(); }
    QString baseUrl() const { return m_http.baseUrl(); }

    // The next calls to `model` behave like this, in order.
    void script(const QString &model, const QList<Behaviour> &behaviours)
    {
        for (Behaviour b : behaviours)
            m_scripts[model].enqueue(b);
    }
    void setRetryDelay(const QString &protobufDuration) { m_retryDelay = protobufDuration; }
    void clear()
    {
        m_scripts.clear();
        m_calls.clear();
    }
    QList<Call> calls() const { return m_calls; }
    int callCount() const { return int(m_calls.size()); }

    static QJsonObject goodAnswer(const QJsonObject &schema)
    {
        const QJsonObject properties = schema.value("properties").toObject();
        if (properties.contains("questions"))
            return {
                {"questions",
                 QJsonArray{
                     QJsonObject{{"question", "Is the pain worse after meals?"},
                                 {"reason", "Separates gastric from biliary causes."}},
                     QJsonObject{{"question", "Any fever above 38 C?"}, {"reason", "Suggests an infection."}},
                     QJsonObject{{"question", "Any black stools?"}, {"reason", "Bleeding ulcer."}}}}};
        if (properties.contains("specialists"))
            return consiliumAnswer();
        if (properties.contains("impression"))
            return {{"findings",
                     QJsonArray{QJsonObject{{"image", 1},
                                            {"finding", "Gallbladder wall not thickened; no stones seen."},
                                            {"location", "right upper quadrant"}}}},
                    {"impression", "No sonographic sign of cholecystitis."},
                    {"recommendations", QJsonArray{"Correlate with liver function tests."}},
                    {"urgency", "routine"},
                    {"limitations", "Single still image; no measurements are readable."}};
        return {{"diagnoses", QJsonArray{QJsonObject{{"name", "Peptic ulcer"},
                                                     {"icd10", "K27"},
                                                     {"probability", 30},
                                                     {"justification", "Epigastric pain related to meals."},
                                                     {"evidenceLevel", "moderate"}},
                                         QJsonObject{{"name", "Acute gastritis"},
                                                     {"icd10", "K29.1"},
                                                     {"probability", 55.5},
                                                     {"justification", "NSAID use and epigastric pain."},
                                                     {"evidenceLevel", "high"}},
                                         QJsonObject{{"name", "Biliary colic"},
                                                     {"probability", 14.5},
                                                     {"justification", "Pain after fatty meals."},
                                                     {"evidenceLevel", "low"}}}},
                {"redFlags", QJsonArray{"Black stools", "Vomiting blood"}}};
    }

    static QJsonObject consiliumAnswer()
    {
        QJsonArray specialists;
        for (const char *specialty : {"Gastroenterologist", "Surgeon", "Clinical pharmacologist"})
            specialists.append(QJsonObject{{"specialty", specialty}, {"opinion", "Agrees with the chair."}});
        QJsonArray sources;
        for (const char *url : {"https://www.who.int/publications/guidelines",
                                "https://www.nice.org.uk/guidance/cg184", "https://gi.org/guidelines/"})
            sources.append(QJsonObject{{"title", "Guideline"}, {"url", url}});
        return {
            {"chair", QJsonObject{{"specialty", "Internist"}, {"summary", "Likely acid-related disease."}}},
            {"specialists", specialists},
            {"criticalFinding", QJsonObject{{"finding", "No sign of bleeding now."}, {"urgency", "routine"}}},
            {"diagnoses",
             QJsonArray{
                 QJsonObject{{"name", "Acute gastritis"}, {"probability", 70}, {"reasoning", "NSAIDs."}},
                 QJsonObject{{"name", "Peptic ulcer"}, {"probability", 30}, {"reasoning", "Pain."}}}},
            {"rejectedHypotheses",
             QJsonArray{QJsonObject{{"name", "Pancreatitis"}, {"reason", "Normal lipase."}}}},
            {"recommendedTests", QJsonArray{QJsonObject{{"name", "FGDS"}, {"reason", "See the mucosa."}}}},
            {"treatmentPlan", QJsonArray{"Stop NSAIDs.", "Start a proton pump inhibitor."}},
            {"medications", QJsonArray{QJsonObject{{"name", "Omeprazole"},
                                                   {"dose", "20 mg"},
                                                   {"frequency", "twice daily"},
                                                   {"duration", "4 weeks"},
                                                   {"cautions", "Long use: B12 deficiency."},
                                                   {"allergyConflict", false},
                                                   {"interactsWithCurrentMedication", false}},
                                       QJsonObject{{"name", "Amoxicillin"},
                                                   {"dose", "1 g"},
                                                   {"frequency", "twice daily"},
                                                   {"duration", "14 days"},
                                                   {"cautions", "Only if H. pylori is confirmed."},
                                                   {"allergyConflict", false},
                                                   {"interactsWithCurrentMedication", false}}}},
            {"followUp", "Review in 2 weeks."},
            {"prognosis", "Good with treatment."},
            {"sources", sources}};
    }

    static QJsonObject violatingAnswer(const QJsonObject &schema)
    {
        QJsonObject answer = goodAnswer(schema);
        if (answer.contains("diagnoses")) {
            QJsonArray diagnoses = answer.value("diagnoses").toArray();
            QJsonObject first = diagnoses.first().toObject();
            first.insert("probability", 90); // the sum is no longer 100
            diagnoses[0] = first;
            answer.insert("diagnoses", diagnoses);
        }
        if (answer.contains("sources"))
            answer.insert("sources", QJsonArray{QJsonObject{{"title", "x"}, {"url", "javascript:alert(1)"}}});
        if (answer.contains("questions"))
            answer.insert("questions", QJsonArray{QJsonObject{{"question", "Only one?"}, {"reason", "x"}}});
        if (answer.contains("impression"))
            answer.remove("impression");
        return answer;
    }

private:
    static FakeHttpServer::Response errorResponse(int status, const char *grpcStatus, const QString &message,
                                                  const QJsonArray &details = {})
    {
        QJsonObject error{{"code", status}, {"message", message}, {"status", grpcStatus}};
        if (!details.isEmpty())
            error.insert("details", details);
        return FakeHttpServer::Response::json(status, QJsonObject{{"error", error}});
    }

    FakeHttpServer::Response answer(const FakeHttpServer::Request &request)
    {
        Call call;
        call.path = request.path;
        call.body = request.body;
        call.headers = request.headers;
        call.apiKeyHeader = request.header("x-goog-api-key");
        static const QByteArray prefix = "/v1beta/models/";
        static const QByteArray suffix = ":generateContent";
        if (request.method == "POST" && request.path.startsWith(prefix) && request.path.endsWith(suffix))
            call.model = QString::fromUtf8(
                request.path.mid(prefix.size(), request.path.size() - prefix.size() - suffix.size()));
        m_calls.append(call);
        if (call.model.isEmpty())
            return errorResponse(404, "NOT_FOUND", "Unknown path");
        if (call.apiKeyHeader != m_expectedKey)
            return errorResponse(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.");

        const Behaviour behaviour =
            m_scripts.value(call.model).isEmpty() ? Behaviour::Good : m_scripts[call.model].dequeue();
        const QJsonObject schema =
            call.json().value("generationConfig").toObject().value("responseSchema").toObject();
        switch (behaviour) {
        case Behaviour::Good:
            return candidate(QJsonDocument(goodAnswer(schema)).toJson(QJsonDocument::Compact), "STOP");
        case Behaviour::SchemaViolation:
            return candidate(QJsonDocument(violatingAnswer(schema)).toJson(QJsonDocument::Compact), "STOP");
        case Behaviour::Truncated: {
            const QByteArray full = QJsonDocument(goodAnswer(schema)).toJson(QJsonDocument::Compact);
            return candidate(full.left(full.size() / 2), "MAX_TOKENS");
        }
        case Behaviour::RateLimited: {
            FakeHttpServer::Response response =
                errorResponse(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).",
                              QJsonArray{QJsonObject{{"@type", "type.googleapis.com/google.rpc.RetryInfo"},
                                                     {"retryDelay", m_retryDelay}}});
            return response;
        }
        case Behaviour::Unavailable:
            return errorResponse(503, "UNAVAILABLE", "The model is overloaded. Please try again later.");
        case Behaviour::NotFound:
            return errorResponse(
                404, "NOT_FOUND",
                QStringLiteral("models/%1 is not found for API version v1beta").arg(call.model));
        case Behaviour::Stall:
            return FakeHttpServer::Response::silence();
        }
        return errorResponse(500, "INTERNAL", "unscripted");
    }

    static FakeHttpServer::Response candidate(const QByteArray &text, const char *finishReason)
    {
        const QJsonObject body{
            {"candidates",
             QJsonArray{QJsonObject{
                 {"content",
                  QJsonObject{{"role", "model"},
                              {"parts", QJsonArray{QJsonObject{{"text", QString::fromUtf8(text)}}}}}},
                 {"finishReason", finishReason},
                 {"index", 0}}}},
            {"usageMetadata",
             QJsonObject{{"promptTokenCount", 120}, {"candidatesTokenCount", 80}, {"totalTokenCount", 200}}},
            {"modelVersion", "fake"}};
        return FakeHttpServer::Response::json(200, body);
    }

    FakeHttpServer m_http;
    QByteArray m_expectedKey;
    QMap<QString, QQueue<Behaviour>> m_scripts;
    QList<Call> m_calls;
    QString m_retryDelay = QStringLiteral("0.2s");
};

} // namespace medora::test
