#pragma once

#include "ai/ConsiliumResults.h"
#include "api/ApiClient.h"
#include "api/ApiError.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <functional>

namespace medora {

class SessionManager;

// The doctor's AI consilium over the signed-in session (POST /api/v1/ai/questions,
// /differential, /consilium, /image-findings; docs/api.md). The Gemini key never reaches the
// client: the server calls the AI service. Asynchronous: each call ends in exactly one of
// its ...Ready signals or failed(), from the event loop. Failures are sorted into the few
// kinds the UI explains differently; nothing here changes anything the doctor typed.
class ConsiliumClient : public QObject
{
    Q_OBJECT

public:
    enum class Operation
    {
        Questions,
        Differential,
        Consilium,
        ImageFindings,
        Settings,
    };
    Q_ENUM(Operation)

    enum class ErrorKind
    {
        Offline,   // no session, no connection or no answer in time: AI needs the server
        Quota,     // the doctor's or the clinic's daily quota is used up (retryAfterSeconds)
        AiOff,     // the clinic admin turned AI off, or the server has no AI configured
        AiFailed,  // the AI service failed or its answer did not pass validation
        Forbidden, // only doctors may ask
        Invalid,   // the request was refused (a field, an image, an unknown patient)
    };
    Q_ENUM(ErrorKind)

    // Where a call is, from the state of its real request: the body is being written to the
    // server; it is all written and the server waits for the AI service (and checks its
    // answer); the answer has arrived and is being read here; then one of the ends.
    enum class Stage
    {
        Sending,
        WaitingForModel,
        Validating,
        Done,
        Failed,
        Cancelled,
    };
    Q_ENUM(Stage)

    // A full consilium can take minutes on the strong model with retries and a fallback.
    static constexpr int kTransferTimeoutMs = 300000;

    explicit ConsiliumClient(SessionManager &session, QObject *parent = nullptr);

    bool canSend() const;
    int pendingCount() const { return m_pending; }
    // Drops every call in flight: no ...Ready or failed() follows, stageChanged(Cancelled) does.
    void cancel();
    static ErrorKind classify(const ApiError &error);

    void askQuestions(const AiCaseInput &input);
    void askDifferential(const AiCaseInput &input);
    void askConsilium(const AiCaseInput &input);
    // modality: ultrasound, xray, ct, mri or other.
    void askImageFindings(const AiCaseInput &input, const QString &modality,
                          const QList<AiImageInput> &images);

    // Whether AI is on for the clinic and the day's quotas (any role may read them).
    void fetchSettings();

    static QJsonObject caseJson(const AiCaseInput &input);

signals:
    void questionsReady(const QList<medora::ClarifyingQuestion> &questions, const medora::AiAnswerInfo &info);
    void differentialReady(const medora::DifferentialDiagnosis &differential,
                           const medora::AiAnswerInfo &info);
    void consiliumReady(const medora::ConsiliumReport &report, const medora::AiAnswerInfo &info);
    void settingsReady(const medora::AiSettings &settings);
    void imageFindingsReady(const medora::ImageFindings &findings, const medora::AiAnswerInfo &info);
    void failed(medora::ConsiliumClient::Operation operation, medora::ConsiliumClient::ErrorKind kind,
                const medora::ApiError &error);
    void stageChanged(medora::ConsiliumClient::Operation operation, medora::ConsiliumClient::Stage stage);

private:
    using Handler = std::function<bool(const QJsonObject &result, const AiAnswerInfo &info)>;
    void send(Operation operation, const QString &path, const QJsonObject &body, Handler handler);
    void sendAuthorized(Operation operation, const QByteArray &method, const QString &path,
                        const QJsonObject *body, int timeoutMs,
                        std::function<bool(const QJsonObject &answer)> handler);
    void fail(Operation operation, const ApiError &error);
    void failLater(Operation operation, const ApiError &error);

    SessionManager &m_session;
    int m_pending = 0;
    QMap<quint64, Operation> m_calls; // authorizedSend ids of the calls in flight
};

} // namespace medora
