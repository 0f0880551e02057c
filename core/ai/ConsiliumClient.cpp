#include "ai/ConsiliumClient.h"

#include "session/SessionManager.h"

#include <QJsonArray>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace medora {

namespace {

QJsonObject withAnswers(const AiCaseInput &input)
{
    QJsonObject body = ConsiliumClient::caseJson(input);
    if (!input.answers.isEmpty()) {
        QJsonArray answers;
        for (const auto &[question, answer] : input.answers)
            answers.append(
                QJsonObject{{QStringLiteral("question"), question}, {QStringLiteral("answer"), answer}});
        body.insert(QStringLiteral("answers"), answers);
    }
    return body;
}

} // namespace

ConsiliumClient::ConsiliumClient(SessionManager &session, QObject *parent)
    : QObject(parent), m_session(session)
{}

bool ConsiliumClient::canSend() const
{
    return m_session.isSignedIn();
}

ConsiliumClient::ErrorKind ConsiliumClient::classify(const ApiError &error)
{
    if (error.kind != ApiError::Kind::Server && error.kind != ApiError::Kind::BadResponse &&
        error.kind != ApiError::Kind::TooLarge)
        return ErrorKind::Offline;
    if (error.kind != ApiError::Kind::Server)
        return ErrorKind::AiFailed;
    const QString &code = error.code;
    if (code == QLatin1String("ai_quota_exceeded"))
        return ErrorKind::Quota;
    if (code == QLatin1String("ai_disabled") || code == QLatin1String("ai_not_configured"))
        return ErrorKind::AiOff;
    if (code == QLatin1String("forbidden") || code == QLatin1String("password_change_required"))
        return ErrorKind::Forbidden;
    if (code.startsWith(QLatin1String("ai_")) || error.httpStatus >= 500)
        return ErrorKind::AiFailed;
    if (error.httpStatus == 401 || error.httpStatus == 429)
        return ErrorKind::Offline; // the session or the rate limit: try again shortly
    return ErrorKind::Invalid;
}

QJsonObject ConsiliumClient::caseJson(const AiCaseInput &input)
{
    QJsonObject body{{QStringLiteral("patientId"), input.patientId},
                     {QStringLiteral("language"), input.language},
                     {QStringLiteral("complaints"), input.complaints}};
    const auto optional = [&body](const char *key, const QString &value) {
        if (!value.trimmed().isEmpty())
            body.insert(QLatin1String(key), value);
    };
    optional("anamnesis", input.anamnesis);
    optional("examination", input.examination);
    optional("findings", input.findings);
    optional("notes", input.notes);
    return body;
}

void ConsiliumClient::askQuestions(const AiCaseInput &input)
{
    send(Operation::Questions, QStringLiteral("ai/questions"), caseJson(input),
         [this](const QJsonObject &result, const AiAnswerInfo &info) {
             const auto questions = ConsiliumResults::questions(result);
             if (questions)
                 emit questionsReady(*questions, info);
             return questions.has_value();
         });
}

void ConsiliumClient::askDifferential(const AiCaseInput &input)
{
    send(Operation::Differential, QStringLiteral("ai/differential"), withAnswers(input),
         [this](const QJsonObject &result, const AiAnswerInfo &info) {
             const auto differential = ConsiliumResults::differential(result);
             if (differential)
                 emit differentialReady(*differential, info);
             return differential.has_value();
         });
}

void ConsiliumClient::askConsilium(const AiCaseInput &input)
{
    send(Operation::Consilium, QStringLiteral("ai/consilium"), withAnswers(input),
         [this](const QJsonObject &result, const AiAnswerInfo &info) {
             const auto report = ConsiliumResults::consilium(result);
             if (report)
                 emit consiliumReady(*report, info);
             return report.has_value();
         });
}

void ConsiliumClient::askImageFindings(const AiCaseInput &input, const QString &modality,
                                       const QList<AiImageInput> &images)
{
    QJsonObject body = caseJson(input);
    body.insert(QStringLiteral("modality"), modality);
    QJsonArray list;
    for (const AiImageInput &image : images) {
        QJsonObject item{{QStringLiteral("data"), QString::fromLatin1(image.data.toBase64())}};
        if (!image.description.trimmed().isEmpty())
            item.insert(QStringLiteral("description"), image.description);
        list.append(item);
    }
    body.insert(QStringLiteral("images"), list);
    send(Operation::ImageFindings, QStringLiteral("ai/image-findings"), body,
         [this](const QJsonObject &result, const AiAnswerInfo &info) {
             const auto findings = ConsiliumResults::imageFindings(result);
             if (findings)
                 emit imageFindingsReady(*findings, info);
             return findings.has_value();
         });
}

void ConsiliumClient::fetchSettings()
{
    sendAuthorized(Operation::Settings, "GET", QStringLiteral("ai/settings"), nullptr, 0,
                   [this](const QJsonObject &answer) {
                       const auto settings = ConsiliumResults::settings(answer);
                       if (settings)
                           emit settingsReady(*settings);
                       return settings.has_value();
                   });
}

void ConsiliumClient::send(Operation operation, const QString &path, const QJsonObject &body, Handler handler)
{
    sendAuthorized(operation, "POST", path, &body, kTransferTimeoutMs, [handler](const QJsonObject &answer) {
        const std::optional<AiAnswerInfo> info = ConsiliumResults::info(answer);
        return info && handler(answer.value(QLatin1String("result")).toObject(), *info);
    });
}

void ConsiliumClient::sendAuthorized(Operation operation, const QByteArray &method, const QString &path,
                                     const QJsonObject *body, int timeoutMs,
                                     std::function<bool(const QJsonObject &answer)> handler)
{
    if (!canSend()) {
        failLater(operation,
                  ApiError::make(ApiError::Kind::Offline, ApiError::offlineCode(),
                                 QStringLiteral("the AI consilium needs a connection to the server")));
        return;
    }
    ++m_pending;
    emit stageChanged(operation, Stage::Sending);
    ApiClient::RequestOptions options;
    options.transferTimeoutMs = timeoutMs;
    // The last byte of the body is written: the server now waits for the AI service.
    auto waiting = std::make_shared<bool>(false);
    QPointer<ConsiliumClient> self(this);
    options.uploadProgress = [self, operation, waiting](qint64 sent, qint64 total) {
        if (self && !*waiting && total > 0 && sent >= total) {
            *waiting = true;
            emit self->stageChanged(operation, Stage::WaitingForModel);
        }
    };
    struct Call
    {
        quint64 id = 0;
        bool finished = false;
    };
    auto call = std::make_shared<Call>();
    const quint64 id = m_session.authorizedSend(
        method, path, body, options, this,
        [this, operation, handler, call](const ApiClient::Response &response) {
            --m_pending;
            call->finished = true;
            m_calls.remove(call->id);
            if (!response.ok()) {
                fail(operation, response.error);
                return;
            }
            emit stageChanged(operation, Stage::Validating);
            if (!handler(response.json)) {
                fail(operation, ApiError::make(ApiError::Kind::BadResponse, ApiError::badResponseCode(),
                                               QStringLiteral("AI answer not readable as a whole")));
                return;
            }
            emit stageChanged(operation, Stage::Done);
        });
    // The callback may already have run (no session at all): then there is nothing to cancel.
    if (!call->finished) {
        call->id = id;
        m_calls.insert(id, operation);
    }
}

void ConsiliumClient::cancel()
{
    const QMap<quint64, Operation> calls = m_calls;
    m_calls.clear();
    for (auto it = calls.cbegin(); it != calls.cend(); ++it) {
        m_session.abortAuthorized(it.key());
        --m_pending;
        emit stageChanged(it.value(), Stage::Cancelled);
    }
}

void ConsiliumClient::fail(Operation operation, const ApiError &error)
{
    emit stageChanged(operation, Stage::Failed);
    emit failed(operation, classify(error), error);
}

void ConsiliumClient::failLater(Operation operation, const ApiError &error)
{
    ++m_pending;
    QTimer::singleShot(0, this, [this, operation, error] {
        --m_pending;
        fail(operation, error);
    });
}

} // namespace medora
