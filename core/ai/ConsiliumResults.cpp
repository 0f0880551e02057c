#include "ai/ConsiliumResults.h"

#include <QJsonArray>

namespace medora {

namespace {

// Collects the first failure; every read after it is skipped.
class Reader
{
public:
    bool ok = true;

    QString text(const QJsonObject &object, const char *key, bool required = true)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (!required && value.isUndefined())
            return {};
        if (!value.isString() || (required && value.toString().trimmed().isEmpty()))
            ok = false;
        return value.toString();
    }
    double number(const QJsonObject &object, const char *key)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isDouble())
            ok = false;
        return value.toDouble();
    }
    bool flag(const QJsonObject &object, const char *key)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isBool())
            ok = false;
        return value.toBool();
    }
    QJsonArray list(const QJsonObject &object, const char *key)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isArray())
            ok = false;
        return value.toArray();
    }
    QJsonObject child(const QJsonObject &object, const char *key)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isObject())
            ok = false;
        return value.toObject();
    }
    QJsonObject item(const QJsonValue &value)
    {
        if (!value.isObject())
            ok = false;
        return value.toObject();
    }
    QStringList texts(const QJsonObject &object, const char *key)
    {
        QStringList result;
        for (const QJsonValue &value : list(object, key)) {
            if (!value.isString())
                ok = false;
            result << value.toString();
        }
        return result;
    }
    QList<NamedReason> reasons(const QJsonObject &object, const char *key)
    {
        QList<NamedReason> result;
        for (const QJsonValue &value : list(object, key)) {
            const QJsonObject entry = item(value);
            result.append({text(entry, "name"), text(entry, "reason")});
        }
        return result;
    }
    QList<RankedDiagnosis> diagnoses(const QJsonObject &object, const char *justificationKey,
                                     bool withEvidence)
    {
        QList<RankedDiagnosis> result;
        double sum = 0;
        for (const QJsonValue &value : list(object, "diagnoses")) {
            const QJsonObject entry = item(value);
            RankedDiagnosis diagnosis;
            diagnosis.rank = int(number(entry, "rank"));
            diagnosis.name = text(entry, "name");
            diagnosis.icd10 = text(entry, "icd10", false);
            diagnosis.probability = number(entry, "probability");
            diagnosis.justification = text(entry, justificationKey);
            if (withEvidence)
                diagnosis.evidenceLevel = text(entry, "evidenceLevel");
            sum += diagnosis.probability;
            result.append(diagnosis);
        }
        if (result.isEmpty() || sum < 99.0 || sum > 101.0)
            ok = false;
        return result;
    }
};

} // namespace

std::optional<AiAnswerInfo> ConsiliumResults::info(const QJsonObject &answer)
{
    Reader read;
    AiAnswerInfo info;
    info.model = read.text(answer, "model");
    info.language = read.text(answer, "language");
    info.generatedAt = QDateTime::fromString(read.text(answer, "generatedAt"), Qt::ISODateWithMs);
    info.totalTokens = qint64(read.number(read.child(answer, "usage"), "totalTokens"));
    if (!read.ok || !answer.value(QLatin1String("aiGenerated")).toBool() ||
        !answer.value(QLatin1String("result")).isObject())
        return std::nullopt;
    return info;
}

std::optional<AiSettings> ConsiliumResults::settings(const QJsonObject &answer)
{
    Reader read;
    AiSettings settings;
    settings.enabled = read.flag(answer, "enabled");
    settings.available = read.flag(answer, "available");
    settings.languages = read.texts(answer, "languages");
    settings.maxImages = int(read.number(answer, "maxImages"));
    settings.maxImageBytes = qint64(read.number(answer, "maxImageBytes"));
    const QJsonObject quota = read.child(answer, "quota");
    settings.userDailyQuota = int(read.number(quota, "userDaily"));
    settings.clinicDailyQuota = int(read.number(quota, "clinicDaily"));
    settings.userUsedToday = int(read.number(quota, "userUsedToday"));
    settings.clinicUsedToday = int(read.number(quota, "clinicUsedToday"));
    if (!read.ok)
        return std::nullopt;
    return settings;
}

std::optional<QList<ClarifyingQuestion>> ConsiliumResults::questions(const QJsonObject &result)
{
    Reader read;
    QList<ClarifyingQuestion> questions;
    for (const QJsonValue &value : read.list(result, "questions")) {
        const QJsonObject entry = read.item(value);
        questions.append({read.text(entry, "question"), read.text(entry, "reason")});
    }
    if (!read.ok || questions.size() < 2 || questions.size() > 5)
        return std::nullopt;
    return questions;
}

std::optional<DifferentialDiagnosis> ConsiliumResults::differential(const QJsonObject &result)
{
    Reader read;
    DifferentialDiagnosis differential;
    differential.diagnoses = read.diagnoses(result, "justification", true);
    differential.redFlags = read.texts(result, "redFlags");
    if (!read.ok)
        return std::nullopt;
    return differential;
}

std::optional<ConsiliumReport> ConsiliumResults::consilium(const QJsonObject &result)
{
    Reader read;
    ConsiliumReport report;
    const QJsonObject chair = read.child(result, "chair");
    report.chair = {read.text(chair, "specialty"), read.text(chair, "summary")};
    for (const QJsonValue &value : read.list(result, "specialists")) {
        const QJsonObject entry = read.item(value);
        report.specialists.append({read.text(entry, "specialty"), read.text(entry, "opinion")});
    }
    const QJsonObject critical = read.child(result, "criticalFinding");
    report.criticalFinding = read.text(critical, "finding");
    report.urgency = read.text(critical, "urgency");
    report.diagnoses = read.diagnoses(result, "reasoning", false);
    report.rejectedHypotheses = read.reasons(result, "rejectedHypotheses");
    report.recommendedTests = read.reasons(result, "recommendedTests");
    report.treatmentPlan = read.texts(result, "treatmentPlan");
    for (const QJsonValue &value : read.list(result, "medications")) {
        const QJsonObject entry = read.item(value);
        MedicationAdvice medication;
        medication.name = read.text(entry, "name");
        medication.dose = read.text(entry, "dose");
        medication.frequency = read.text(entry, "frequency");
        medication.duration = read.text(entry, "duration");
        medication.cautions = read.text(entry, "cautions");
        medication.allergyConflict = read.flag(entry, "allergyConflict");
        medication.interactsWithCurrentMedication = read.flag(entry, "interactsWithCurrentMedication");
        report.medications.append(medication);
    }
    report.followUp = read.text(result, "followUp");
    report.prognosis = read.text(result, "prognosis");
    for (const QJsonValue &value : read.list(result, "sources")) {
        const QJsonObject entry = read.item(value);
        const QUrl url(read.text(entry, "url"), QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
            url.host().isEmpty())
            read.ok = false;
        report.sources.append({read.text(entry, "title"), url});
    }
    const QStringList urgencies{QStringLiteral("emergency"), QStringLiteral("urgent"),
                                QStringLiteral("routine")};
    if (!read.ok || !urgencies.contains(report.urgency) || report.specialists.size() < 3 ||
        report.specialists.size() > 6 || report.sources.size() < 3 || report.sources.size() > 6)
        return std::nullopt;
    return report;
}

std::optional<ImageFindings> ConsiliumResults::imageFindings(const QJsonObject &result)
{
    Reader read;
    ImageFindings findings;
    for (const QJsonValue &value : read.list(result, "findings")) {
        const QJsonObject entry = read.item(value);
        findings.findings.append({int(read.number(entry, "image")), read.text(entry, "finding"),
                                  read.text(entry, "location", false)});
    }
    findings.impression = read.text(result, "impression");
    findings.recommendations = read.texts(result, "recommendations");
    findings.urgency = read.text(result, "urgency");
    findings.limitations = read.text(result, "limitations", false);
    if (!read.ok || findings.findings.isEmpty())
        return std::nullopt;
    return findings;
}

} // namespace medora
