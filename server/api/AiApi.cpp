#include "api/AiApi.h"

#include "ai/AiAnswerValidator.h"
#include "ai/AiPromptBuilder.h"
#include "api/ApiError.h"
#include "api/JsonBodyDecoder.h"
#include "api/QueryParameters.h"
#include "audit/AuditLog.h"
#include "config/ServerConfig.h"
#include "log/JsonLogger.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>

namespace medora::server {

namespace {

constexpr int kMaxCaseText = 4000;
constexpr int kMaxAnswers = 5;
constexpr int kMaxQuestionLength = 500;
constexpr int kMaxAnswerLength = 2000;
constexpr int kMaxImageDescription = 500;
constexpr int kMaxUsageDays = 366;

QDate todayUtc()
{
    return QDateTime::currentDateTimeUtc().date();
}

QByteArray mimeTypeOf(const QByteArray &data)
{
    if (data.startsWith("\xFF\xD8\xFF"))
        return "image/jpeg";
    if (data.startsWith("\x89PNG\r\n\x1A\n"))
        return "image/png";
    if (data.startsWith("%PDF-"))
        return "application/pdf";
    return {};
}

ServiceError fieldError(const QString &code, const QString &field, const QString &message)
{
    return ServiceError::badInput(code, field, message);
}

QStringList caseFields(AiKind kind)
{
    QStringList fields{QStringLiteral("patientId"),   QStringLiteral("language"),
                       QStringLiteral("complaints"),  QStringLiteral("anamnesis"),
                       QStringLiteral("examination"), QStringLiteral("findings"),
                       QStringLiteral("notes")};
    if (kind == AiKind::Differential || kind == AiKind::Consilium)
        fields << QStringLiteral("answers");
    if (kind == AiKind::ImageFindings)
        fields << QStringLiteral("modality") << QStringLiteral("images");
    return fields;
}

// The body of the four AI calls; `patientId` goes into *patientId.
Outcome<AiCase> decodeCase(AiKind kind, const QByteArray &body, const ServerConfig &config,
                           QString *patientId)
{
    const qsizetype stringLimit = kind == AiKind::ImageFindings ? (config.aiMaxImageBytes + 2) / 3 * 4 + 16
                                                                : JsonBodyDecoder::maxStringBytes;
    JsonBodyDecoder json(body, caseFields(kind), stringLimit);
    AiCase input;
    *patientId = json.requiredString(QStringLiteral("patientId"), 36);
    input.language = json.requiredString(QStringLiteral("language"), 10);
    input.complaints = json.requiredString(QStringLiteral("complaints"), kMaxCaseText);
    input.anamnesis = json.optionalString(QStringLiteral("anamnesis"), kMaxCaseText).value_or(QString());
    input.examination = json.optionalString(QStringLiteral("examination"), kMaxCaseText).value_or(QString());
    input.findings = json.optionalString(QStringLiteral("findings"), kMaxCaseText).value_or(QString());
    input.notes = json.optionalString(QStringLiteral("notes"), kMaxCaseText).value_or(QString());
    if (kind == AiKind::ImageFindings)
        input.modality = json.requiredString(QStringLiteral("modality"), 20);
    if (!json.ok())
        return json.error();
    if (!AiPromptBuilder::languages().contains(input.language))
        return fieldError(QStringLiteral("invalid_value"), QStringLiteral("language"),
                          QStringLiteral("language must be uz-Latn, uz-Cyrl, ru or en."));

    const QJsonValue answers = json.object().value(QLatin1String("answers"));
    if (!answers.isUndefined() && !answers.isNull()) {
        if (!answers.isArray())
            return fieldError(QStringLiteral("invalid_type"), QStringLiteral("answers"),
                              QStringLiteral("answers must be a list of {question, answer}."));
        const QJsonArray list = answers.toArray();
        if (list.size() > kMaxAnswers)
            return fieldError(QStringLiteral("too_long"), QStringLiteral("answers"),
                              QStringLiteral("At most %1 answers.").arg(kMaxAnswers));
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString field = QStringLiteral("answers[%1]").arg(i);
            const QJsonObject item = list.at(i).toObject();
            const QJsonValue question = item.value(QLatin1String("question"));
            const QJsonValue answer = item.value(QLatin1String("answer"));
            if (!list.at(i).isObject() || item.size() != 2 || !question.isString() || !answer.isString())
                return fieldError(QStringLiteral("invalid_type"), field,
                                  QStringLiteral("Each answer is {\"question\":text,\"answer\":text}."));
            if (question.toString().size() > kMaxQuestionLength ||
                answer.toString().size() > kMaxAnswerLength)
                return fieldError(QStringLiteral("too_long"), field,
                                  QStringLiteral("Question or answer too long."));
            input.answers.append({question.toString(), answer.toString()});
        }
    }

    if (kind == AiKind::ImageFindings) {
        static const QStringList modalities{QStringLiteral("ultrasound"), QStringLiteral("xray"),
                                            QStringLiteral("ct"), QStringLiteral("mri"),
                                            QStringLiteral("other")};
        if (!modalities.contains(input.modality))
            return fieldError(QStringLiteral("invalid_value"), QStringLiteral("modality"),
                              QStringLiteral("modality must be ultrasound, xray, ct, mri or other."));
        const QJsonValue images = json.object().value(QLatin1String("images"));
        if (!images.isArray() || images.toArray().isEmpty())
            return fieldError(QStringLiteral("missing_field"), QStringLiteral("images"),
                              QStringLiteral("Attach at least one image: [{\"data\":base64}]."));
        const QJsonArray list = images.toArray();
        if (list.size() > config.aiMaxImages)
            return fieldError(QStringLiteral("too_many_images"), QStringLiteral("images"),
                              QStringLiteral("At most %1 images per call.").arg(config.aiMaxImages));
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString field = QStringLiteral("images[%1]").arg(i);
            const QJsonObject item = list.at(i).toObject();
            const QJsonValue data = item.value(QLatin1String("data"));
            const QJsonValue description = item.value(QLatin1String("description"));
            for (auto it = item.begin(); it != item.end(); ++it) {
                if (it.key() != QLatin1String("data") && it.key() != QLatin1String("description"))
                    return fieldError(QStringLiteral("unknown_field"), field + QLatin1Char('.') + it.key(),
                                      QStringLiteral("Unknown field."));
            }
            if (!list.at(i).isObject() || !data.isString() ||
                !(description.isUndefined() || description.isNull() || description.isString()))
                return fieldError(QStringLiteral("invalid_type"), field,
                                  QStringLiteral("Each image is {\"data\":base64,\"description\"?:text}."));
            if (description.toString().size() > kMaxImageDescription)
                return fieldError(QStringLiteral("too_long"), field + QStringLiteral(".description"),
                                  QStringLiteral("At most %1 characters.").arg(kMaxImageDescription));
            const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
                data.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded || decoded.decoded.isEmpty())
                return fieldError(QStringLiteral("invalid_image"), field + QStringLiteral(".data"),
                                  QStringLiteral("Not base64."));
            if (decoded.decoded.size() > config.aiMaxImageBytes)
                return fieldError(QStringLiteral("image_too_large"), field + QStringLiteral(".data"),
                                  QStringLiteral("At most %1 bytes per image.").arg(config.aiMaxImageBytes));
            const QByteArray mimeType = mimeTypeOf(decoded.decoded);
            if (mimeType.isEmpty())
                return fieldError(QStringLiteral("invalid_image"), field + QStringLiteral(".data"),
                                  QStringLiteral("Only JPEG, PNG and PDF files are accepted."));
            input.images.append(AiImage{mimeType, decoded.decoded, description.toString()});
        }
    }
    return input;
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

AiApi::AiApi(const ServerConfig &config, ServerDatabase &database, AuditLog &audit)
    : m_config(config),
      m_gemini(GeminiClient::Settings{config.geminiBaseUrl, config.geminiApiKey,
                                      config.geminiTimeoutSeconds * 1000, config.geminiMaxRetries,
                                      config.geminiBackoffMs, config.geminiMaxRetryDelaySeconds * 1000,
                                      8 * 1024 * 1024}),
      m_store(database, audit), m_subscriptions(config, database),
      m_pool(config.aiWorkerThreads, config.aiWorkerThreads * 4)
{}

AiApi::~AiApi()
{
    m_pool.waitForDone();
}

qint64 AiApi::imageBodyLimit(const ServerConfig &config)
{
    return qint64(config.aiMaxImages) * ((config.aiMaxImageBytes + 2) / 3 * 4 + 1024) + 64 * 1024;
}

HttpReply AiApi::questions(HttpRequest &request, const Actor &actor)
{
    return run(AiKind::Questions, request, actor);
}

HttpReply AiApi::differential(HttpRequest &request, const Actor &actor)
{
    return run(AiKind::Differential, request, actor);
}

HttpReply AiApi::consilium(HttpRequest &request, const Actor &actor)
{
    return run(AiKind::Consilium, request, actor);
}

HttpReply AiApi::imageFindings(HttpRequest &request, const Actor &actor)
{
    return run(AiKind::ImageFindings, request, actor);
}

HttpReply AiApi::run(AiKind kind, HttpRequest &request, const Actor &actor)
{
    if (actor.role != Role::Doctor)
        return ApiError::forbidden();
    QString patientId;
    const Outcome<AiCase> input = decodeCase(kind, request.body, m_config, &patientId);
    if (!input.ok())
        return ApiError::response(input.error());
    const Outcome<bool> enabled = m_store.enabled(actor.clinicId);
    if (!enabled.ok())
        return ApiError::response(enabled.error());
    if (!enabled.value())
        return ApiError::response(403, QStringLiteral("ai_disabled"),
                                  QStringLiteral("The clinic admin has turned AI off for this clinic."));
    if (const std::optional<ServiceError> refused =
            m_subscriptions.refusal(actor.clinicId, SubscriptionService::Feature::Ai))
        return ApiError::response(*refused);
    if (!m_gemini.isConfigured())
        return ApiError::response(503, QStringLiteral("ai_not_configured"),
                                  QStringLiteral("This server has no AI service configured."));
    const QDate today = todayUtc();
    const Outcome<AiPatientFacts> patient = m_store.patient(actor.clinicId, patientId, today);
    if (!patient.ok())
        return ApiError::response(patient.error());
    const Outcome<QString> usageId =
        m_store.reserve(actor, patient.value().id, AiSchemas::kindName(kind), m_config.aiUserDailyQuota,
                        m_config.aiClinicDailyQuota, today);
    if (!usageId.ok())
        return ApiError::response(usageId.error());

    HttpReply reply =
        m_pool.submit([this, kind, caseInput = input.value(), facts = patient.value(), actor,
                       id = usageId.value()]() { return work(kind, caseInput, facts, actor, id); });
    if (!reply.isDeferred())
        m_store.cancel(usageId.value()); // the pool was full: the call never started
    return reply;
}

HttpResponse AiApi::work(AiKind kind, const AiCase &input, const AiPatientFacts &patient, const Actor &actor,
                         const QString &usageId)
{
    QElapsedTimer timer;
    timer.start();
    const bool strong = kind == AiKind::Consilium || kind == AiKind::ImageFindings;
    QStringList chain{strong ? m_config.geminiModelStrong : m_config.geminiModelFast};
    chain << m_config.geminiFallbackModels;

    const GeminiRequest request = AiPromptBuilder::build(kind, input, patient);
    AiAnswerValidator::Context context;
    context.imageCount = int(input.images.size());
    context.allergyWords = AiPromptBuilder::allergyWords(patient.allergies);

    GeminiResult result = m_gemini.generate(chain, request);
    GeminiUsage usage = result.usage;
    qint64 bytesSent = result.bytesSent;
    int attempts = result.attempts;
    bool corrected = false;
    AiAnswerValidator::Outcome checked;
    if (result.ok()) {
        checked = AiAnswerValidator::validate(kind, result.text, context);
        if (!checked.valid) {
            // One more try, on the model that answered first, then its fallbacks.
            corrected = true;
            QStringList retryChain{result.model};
            retryChain << chain;
            const GeminiRequest again = AiPromptBuilder::correction(request, result.text, checked.problems);
            const QStringList firstProblems = checked.problems;
            result = m_gemini.generate(retryChain, again);
            usage += result.usage;
            bytesSent += result.bytesSent;
            attempts += result.attempts;
            if (result.ok())
                checked = AiAnswerValidator::validate(kind, result.text, context);
            else
                checked.problems = firstProblems;
        }
    }

    QString outcome;
    HttpResponse response;
    if (result.ok() && checked.valid) {
        outcome = QStringLiteral("ok");
        response = HttpResponse::json(
            200, QJsonObject{{QStringLiteral("kind"), AiSchemas::kindName(kind)},
                             {QStringLiteral("language"), input.language},
                             {QStringLiteral("model"), result.model},
                             {QStringLiteral("aiGenerated"), true},
                             {QStringLiteral("generatedAt"), isoTime(QDateTime::currentDateTimeUtc())},
                             {QStringLiteral("result"), checked.answer},
                             {QStringLiteral("usage"),
                              QJsonObject{{QStringLiteral("promptTokens"), usage.promptTokens},
                                          {QStringLiteral("outputTokens"), usage.outputTokens},
                                          {QStringLiteral("totalTokens"), usage.totalTokens}}}});
    } else if (result.ok()) {
        outcome = QStringLiteral("invalid_answer");
        response = ApiError::response(
            502, QStringLiteral("ai_invalid_answer"),
            QStringLiteral("The AI answer did not pass validation, also after a correction request: ") +
                checked.problems.mid(0, 3).join(QStringLiteral("; ")));
    } else if (result.failure == GeminiResult::Failure::Refused) {
        outcome = QStringLiteral("refused");
        response = ApiError::response(502, QStringLiteral("ai_refused"),
                                      QStringLiteral("The AI service refused the server's request (HTTP %1); "
                                                     "the operator should check the key and model names.")
                                          .arg(result.lastHttpStatus));
    } else if (result.failure == GeminiResult::Failure::Blocked) {
        outcome = QStringLiteral("blocked");
        response = ApiError::response(502, QStringLiteral("ai_blocked"),
                                      QStringLiteral("The AI service gave no answer for this case."));
    } else {
        outcome = QStringLiteral("upstream_failed");
        response = ApiError::response(
            502, QStringLiteral("ai_unavailable"),
            result.timedOut
                ? QStringLiteral("The AI service did not answer in time on any model; try again later.")
                : QStringLiteral("The AI service is unavailable on every configured model; try again "
                                 "later."));
    }

    AiUsageRecord record;
    record.id = usageId;
    record.kind = AiSchemas::kindName(kind);
    record.model = result.model;
    record.outcome = outcome;
    record.promptTokens = usage.promptTokens;
    record.outputTokens = usage.outputTokens;
    record.totalTokens = usage.totalTokens;
    record.bytesSent = bytesSent;
    record.latencyMs = timer.elapsed();

    AuditEntry event;
    event.clinicId = actor.clinicId;
    event.actorUserId = actor.userId;
    event.actorLogin = actor.login;
    event.action = QStringLiteral("ai.") + record.kind;
    event.targetType = QStringLiteral("patient");
    event.targetId = patient.id;
    event.clientAddress = actor.clientAddress.toString();
    event.details = QJsonObject{{QStringLiteral("kind"), record.kind},
                                {QStringLiteral("model"), record.model},
                                {QStringLiteral("language"), input.language},
                                {QStringLiteral("outcome"), outcome},
                                {QStringLiteral("bytesSent"), bytesSent},
                                {QStringLiteral("promptTokens"), usage.promptTokens},
                                {QStringLiteral("outputTokens"), usage.outputTokens},
                                {QStringLiteral("totalTokens"), usage.totalTokens},
                                {QStringLiteral("latencyMs"), record.latencyMs},
                                {QStringLiteral("attempts"), attempts},
                                {QStringLiteral("corrected"), corrected},
                                {QStringLiteral("images"), int(input.images.size())}};
    if (!m_store.finish(record, event)) {
        JsonLogger::instance().error(QStringLiteral("ai.audit_failed"),
                                     QJsonObject{{QStringLiteral("usageId"), usageId}});
        return ApiError::internal(); // an AI call that cannot be audited is not handed out
    }
    if (outcome != QLatin1String("ok"))
        JsonLogger::instance().warning(QStringLiteral("ai.call_failed"),
                                       QJsonObject{{QStringLiteral("kind"), record.kind},
                                                   {QStringLiteral("outcome"), outcome},
                                                   {QStringLiteral("model"), record.model},
                                                   {QStringLiteral("attempts"), attempts},
                                                   {QStringLiteral("detail"), result.detail}});
    return response;
}

QJsonObject AiApi::settingsJson(const Actor &actor, bool enabled, const AiStore::UsedToday &used) const
{
    Q_UNUSED(actor)
    return QJsonObject{
        {QStringLiteral("enabled"), enabled},
        {QStringLiteral("available"), m_gemini.isConfigured()},
        {QStringLiteral("languages"), QJsonArray::fromStringList(AiPromptBuilder::languages())},
        {QStringLiteral("maxImages"), m_config.aiMaxImages},
        {QStringLiteral("maxImageBytes"), m_config.aiMaxImageBytes},
        {QStringLiteral("quota"), QJsonObject{{QStringLiteral("userDaily"), m_config.aiUserDailyQuota},
                                              {QStringLiteral("clinicDaily"), m_config.aiClinicDailyQuota},
                                              {QStringLiteral("userUsedToday"), used.user},
                                              {QStringLiteral("clinicUsedToday"), used.clinic}}}};
}

HttpReply AiApi::settings(HttpRequest &request, const Actor &actor)
{
    if (!request.query.isEmpty()) {
        QueryParameters query(request.query, {});
        if (!query.ok())
            return ApiError::response(query.error());
    }
    const Outcome<bool> enabled = m_store.enabled(actor.clinicId);
    if (!enabled.ok())
        return ApiError::response(enabled.error());
    const Outcome<AiStore::UsedToday> used = m_store.usedToday(actor.userId, actor.clinicId, todayUtc());
    if (!used.ok())
        return ApiError::response(used.error());
    return HttpResponse::json(200, settingsJson(actor, enabled.value(), used.value()));
}

HttpReply AiApi::updateSettings(HttpRequest &request, const Actor &actor)
{
    JsonBodyDecoder json(request.body, {QStringLiteral("enabled")});
    const std::optional<bool> enabled = json.optionalBool(QStringLiteral("enabled"));
    if (!json.ok())
        return ApiError::response(json.error());
    if (!enabled)
        return ApiError::response(400, QStringLiteral("missing_field"),
                                  QStringLiteral("enabled is required."), QStringLiteral("enabled"));
    const Outcome<Done> saved = m_store.setEnabled(actor, *enabled);
    if (!saved.ok())
        return ApiError::response(saved.error());
    const Outcome<AiStore::UsedToday> used = m_store.usedToday(actor.userId, actor.clinicId, todayUtc());
    if (!used.ok())
        return ApiError::response(used.error());
    return HttpResponse::json(200, settingsJson(actor, *enabled, used.value()));
}

HttpReply AiApi::usage(HttpRequest &request, const Actor &actor)
{
    QueryParameters query(request.query, {QStringLiteral("from"), QStringLiteral("to")});
    const QString fromText = query.text(QStringLiteral("from"), 10);
    const QString toText = query.text(QStringLiteral("to"), 10);
    if (!query.ok())
        return ApiError::response(query.error());
    const QDate today = todayUtc();
    const QDate to = toText.isEmpty() ? today : QDate::fromString(toText, Qt::ISODate);
    if (!to.isValid())
        return ApiError::response(400, QStringLiteral("invalid_parameter"),
                                  QStringLiteral("to must be a date YYYY-MM-DD."), QStringLiteral("to"));
    const QDate from = fromText.isEmpty() ? to.addDays(-29) : QDate::fromString(fromText, Qt::ISODate);
    if (!from.isValid() || from > to || from.daysTo(to) >= kMaxUsageDays)
        return ApiError::response(
            400, QStringLiteral("invalid_parameter"),
            QStringLiteral("from must be a date YYYY-MM-DD, not after to, at most %1 days "
                           "before it.")
                .arg(kMaxUsageDays - 1),
            QStringLiteral("from"));
    const Outcome<QJsonObject> statistics = m_store.statistics(actor.clinicId, from, to);
    if (!statistics.ok())
        return ApiError::response(statistics.error());
    return HttpResponse::json(200, statistics.value());
}

} // namespace medora::server
