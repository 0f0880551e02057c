#include "ai/AiAnswerValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace medora::server {

namespace {

constexpr int kMaxProblems = 12;

void problem(QStringList *problems, const QString &path, const QString &what)
{
    if (problems->size() < kMaxProblems)
        problems->append((path.isEmpty() ? QStringLiteral("answer") : path) + QStringLiteral(": ") + what);
}

int itemsBound(const QJsonObject &schema, const char *key, int fallback)
{
    const QJsonValue value = schema.value(QLatin1String(key));
    if (value.isString())
        return value.toString().toInt();
    if (value.isDouble())
        return value.toInt();
    return fallback;
}

// Checks `value` against `schema` (the subset AiSchemas writes) and returns the cleaned value.
QJsonValue check(const QJsonValue &value, const QJsonObject &schema, const QString &path, bool required,
                 QStringList *problems)
{
    const QString type = schema.value(QLatin1String("type")).toString();
    if (type == QLatin1String("OBJECT")) {
        if (!value.isObject()) {
            problem(problems, path, QStringLiteral("expected an object"));
            return {};
        }
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        const QJsonArray requiredList = schema.value(QLatin1String("required")).toArray();
        QJsonObject clean;
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            const bool isRequired = requiredList.contains(QJsonValue(it.key()));
            const QString childPath = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
            const QJsonValue child = object.value(it.key());
            if (child.isUndefined() || child.isNull()) {
                if (isRequired)
                    problem(problems, childPath, QStringLiteral("missing"));
                continue;
            }
            const QJsonValue checked = check(child, it.value().toObject(), childPath, isRequired, problems);
            if (!checked.isUndefined())
                clean.insert(it.key(), checked);
        }
        return clean;
    }
    if (type == QLatin1String("ARRAY")) {
        if (!value.isArray()) {
            problem(problems, path, QStringLiteral("expected a list"));
            return {};
        }
        const QJsonArray array = value.toArray();
        const int minimum = itemsBound(schema, "minItems", 0);
        const int maximum = itemsBound(schema, "maxItems", 1000);
        if (array.size() < minimum || array.size() > maximum)
            problem(problems, path,
                    QStringLiteral("expected %1 to %2 items, got %3")
                        .arg(minimum)
                        .arg(maximum)
                        .arg(array.size()));
        const QJsonObject items = schema.value(QLatin1String("items")).toObject();
        QJsonArray clean;
        for (qsizetype i = 0; i < array.size(); ++i)
            clean.append(
                check(array.at(i), items, QStringLiteral("%1[%2]").arg(path).arg(i), true, problems));
        return clean;
    }
    if (type == QLatin1String("STRING")) {
        if (!value.isString()) {
            problem(problems, path, QStringLiteral("expected text"));
            return {};
        }
        const QString text = value.toString().trimmed();
        if (required && text.isEmpty())
            problem(problems, path, QStringLiteral("empty"));
        if (text.size() > AiSchemas::kMaxTextLength)
            problem(problems, path,
                    QStringLiteral("longer than %1 characters").arg(AiSchemas::kMaxTextLength));
        const QJsonArray allowed = schema.value(QLatin1String("enum")).toArray();
        if (!allowed.isEmpty() && !allowed.contains(QJsonValue(text)))
            problem(problems, path, QStringLiteral("not one of the allowed values"));
        return text;
    }
    if (type == QLatin1String("NUMBER") || type == QLatin1String("INTEGER")) {
        if (!value.isDouble() || !std::isfinite(value.toDouble())) {
            problem(problems, path, QStringLiteral("expected a number"));
            return {};
        }
        const double number = value.toDouble();
        if (type == QLatin1String("INTEGER") && number != std::floor(number))
            problem(problems, path, QStringLiteral("expected a whole number"));
        if (schema.contains(QLatin1String("minimum")) &&
            number < schema.value(QLatin1String("minimum")).toDouble())
            problem(problems, path,
                    QStringLiteral("below %1").arg(schema.value(QLatin1String("minimum")).toDouble()));
        if (schema.contains(QLatin1String("maximum")) &&
            number > schema.value(QLatin1String("maximum")).toDouble())
            problem(problems, path,
                    QStringLiteral("above %1").arg(schema.value(QLatin1String("maximum")).toDouble()));
        return number;
    }
    if (type == QLatin1String("BOOLEAN")) {
        if (!value.isBool()) {
            problem(problems, path, QStringLiteral("expected true or false"));
            return {};
        }
        return value;
    }
    problem(problems, path, QStringLiteral("unexpected schema"));
    return {};
}

void checkProbabilities(const QJsonArray &diagnoses, const QString &path, QStringList *problems)
{
    double sum = 0;
    for (const QJsonValue &diagnosis : diagnoses)
        sum += diagnosis.toObject().value(QLatin1String("probability")).toDouble();
    if (std::fabs(sum - 100.0) > 1.0)
        problem(problems, path, QStringLiteral("probabilities sum to %1, not 100").arg(sum));
}

// Highest probability first; the order among equals stays the model's.
QJsonArray ranked(const QJsonArray &diagnoses)
{
    QList<QJsonObject> items;
    for (const QJsonValue &value : diagnoses)
        items << value.toObject();
    std::stable_sort(items.begin(), items.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QLatin1String("probability")).toDouble() >
               b.value(QLatin1String("probability")).toDouble();
    });
    QJsonArray result;
    for (int i = 0; i < items.size(); ++i) {
        QJsonObject item = items.at(i);
        item.insert(QStringLiteral("rank"), i + 1);
        result.append(item);
    }
    return result;
}

} // namespace

bool AiAnswerValidator::isWebUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() &&
           (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) &&
           !url.host().isEmpty() && url.host().contains(QLatin1Char('.')) && url.userInfo().isEmpty() &&
           !text.contains(QLatin1Char(' '));
}

AiAnswerValidator::Outcome AiAnswerValidator::validate(AiKind kind, const QString &text,
                                                       const Context &context)
{
    Outcome outcome;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        outcome.problems << QStringLiteral("answer: not valid JSON (%1 at offset %2)")
                                .arg(error.errorString())
                                .arg(error.offset);
        return outcome;
    }
    if (!document.isObject()) {
        outcome.problems << QStringLiteral("answer: expected a JSON object");
        return outcome;
    }
    QJsonObject clean =
        check(document.object(), AiSchemas::responseSchema(kind), QString(), true, &outcome.problems)
            .toObject();
    if (!outcome.problems.isEmpty())
        return outcome;

    switch (kind) {
    case AiKind::Questions:
        break;
    case AiKind::Differential:
        checkProbabilities(clean.value(QLatin1String("diagnoses")).toArray(), QStringLiteral("diagnoses"),
                           &outcome.problems);
        clean.insert(QStringLiteral("diagnoses"), ranked(clean.value(QLatin1String("diagnoses")).toArray()));
        break;
    case AiKind::Consilium: {
        checkProbabilities(clean.value(QLatin1String("diagnoses")).toArray(), QStringLiteral("diagnoses"),
                           &outcome.problems);
        clean.insert(QStringLiteral("diagnoses"), ranked(clean.value(QLatin1String("diagnoses")).toArray()));
        const QJsonArray sources = clean.value(QLatin1String("sources")).toArray();
        for (qsizetype i = 0; i < sources.size(); ++i) {
            if (!isWebUrl(sources.at(i).toObject().value(QLatin1String("url")).toString()))
                problem(&outcome.problems, QStringLiteral("sources[%1].url").arg(i),
                        QStringLiteral("not an http(s) URL"));
        }
        // The model's own flag is kept; a medication that names one of the patient's
        // allergies is flagged whatever the model said.
        QJsonArray medications = clean.value(QLatin1String("medications")).toArray();
        for (qsizetype i = 0; i < medications.size(); ++i) {
            QJsonObject medication = medications.at(i).toObject();
            const QString named = medication.value(QLatin1String("name")).toString();
            for (const QString &word : context.allergyWords) {
                if (named.contains(word, Qt::CaseInsensitive))
                    medication.insert(QStringLiteral("allergyConflict"), true);
            }
            medications[i] = medication;
        }
        clean.insert(QStringLiteral("medications"), medications);
        break;
    }
    case AiKind::ImageFindings: {
        const QJsonArray findings = clean.value(QLatin1String("findings")).toArray();
        for (qsizetype i = 0; i < findings.size(); ++i) {
            const int image = findings.at(i).toObject().value(QLatin1String("image")).toInt();
            if (image < 1 || image > context.imageCount)
                problem(&outcome.problems, QStringLiteral("findings[%1].image").arg(i),
                        QStringLiteral("no image %1 was sent").arg(image));
        }
        break;
    }
    }
    if (!outcome.problems.isEmpty())
        return outcome;
    outcome.valid = true;
    outcome.answer = clean;
    return outcome;
}

} // namespace medora::server
