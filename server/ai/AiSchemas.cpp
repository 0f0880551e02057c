#include "ai/AiSchemas.h"

#include <QJsonArray>

namespace medora::server {

namespace {

QJsonObject text(const QString &description = QString())
{
    QJsonObject schema{{QStringLiteral("type"), QStringLiteral("STRING")}};
    if (!description.isEmpty())
        schema.insert(QStringLiteral("description"), description);
    return schema;
}

QJsonObject oneOf(const QStringList &values)
{
    return {{QStringLiteral("type"), QStringLiteral("STRING")},
            {QStringLiteral("format"), QStringLiteral("enum")},
            {QStringLiteral("enum"), QJsonArray::fromStringList(values)}};
}

QJsonObject number(double minimum, double maximum, const QString &type = QStringLiteral("NUMBER"))
{
    return {{QStringLiteral("type"), type},
            {QStringLiteral("minimum"), minimum},
            {QStringLiteral("maximum"), maximum}};
}

QJsonObject flag()
{
    return {{QStringLiteral("type"), QStringLiteral("BOOLEAN")}};
}

// minItems/maxItems are int64 in the API: strings in proto JSON.
QJsonObject list(const QJsonObject &items, int minItems, int maxItems)
{
    return {{QStringLiteral("type"), QStringLiteral("ARRAY")},
            {QStringLiteral("items"), items},
            {QStringLiteral("minItems"), QString::number(minItems)},
            {QStringLiteral("maxItems"), QString::number(maxItems)}};
}

QJsonObject object(const QList<QPair<QString, QJsonObject>> &properties, const QStringList &optional = {})
{
    QJsonObject props;
    QStringList required;
    QStringList ordering;
    for (const auto &[name, schema] : properties) {
        props.insert(name, schema);
        ordering << name;
        if (!optional.contains(name))
            required << name;
    }
    return {{QStringLiteral("type"), QStringLiteral("OBJECT")},
            {QStringLiteral("properties"), props},
            {QStringLiteral("required"), QJsonArray::fromStringList(required)},
            {QStringLiteral("propertyOrdering"), QJsonArray::fromStringList(ordering)}};
}

QJsonObject urgency()
{
    return oneOf({QStringLiteral("emergency"), QStringLiteral("urgent"), QStringLiteral("routine")});
}

} // namespace

QString AiSchemas::kindName(AiKind kind)
{
    switch (kind) {
    case AiKind::Questions:
        return QStringLiteral("questions");
    case AiKind::Differential:
        return QStringLiteral("differential");
    case AiKind::Consilium:
        return QStringLiteral("consilium");
    case AiKind::ImageFindings:
        return QStringLiteral("image_findings");
    }
    return {};
}

QJsonObject AiSchemas::responseSchema(AiKind kind)
{
    switch (kind) {
    case AiKind::Questions:
        return object(
            {{QStringLiteral("questions"),
              list(object({{QStringLiteral("question"), text()},
                           {QStringLiteral("reason"), text(QStringLiteral("why the answer matters"))}}),
                   kMinQuestions, kMaxQuestions)}});
    case AiKind::Differential:
        return object(
            {{QStringLiteral("diagnoses"),
              list(object(
                       {{QStringLiteral("name"), text()},
                        {QStringLiteral("icd10"), text(QStringLiteral("ICD-10 code, empty when unsure"))},
                        {QStringLiteral("probability"),
                         number(0, 100)}, // percent; all diagnoses together sum to 100
                        {QStringLiteral("justification"), text()},
                        {QStringLiteral("evidenceLevel"),
                         oneOf({QStringLiteral("high"), QStringLiteral("moderate"), QStringLiteral("low")})}},
                       {QStringLiteral("icd10")}),
                   1, 8)},
             {QStringLiteral("redFlags"), list(text(), 0, 10)}});
    case AiKind::Consilium:
        return object(
            {{QStringLiteral("chair"),
              object({{QStringLiteral("specialty"), text()}, {QStringLiteral("summary"), text()}})},
             {QStringLiteral("specialists"),
              list(object({{QStringLiteral("specialty"), text()}, {QStringLiteral("opinion"), text()}}),
                   kMinSpecialists, kMaxSpecialists)},
             {QStringLiteral("criticalFinding"),
              object({{QStringLiteral("finding"), text()}, {QStringLiteral("urgency"), urgency()}})},
             {QStringLiteral("diagnoses"), list(object({{QStringLiteral("name"), text()},
                                                        {QStringLiteral("icd10"), text()},
                                                        {QStringLiteral("probability"), number(0, 100)},
                                                        {QStringLiteral("reasoning"), text()}},
                                                       {QStringLiteral("icd10")}),
                                                1, 6)},
             {QStringLiteral("rejectedHypotheses"),
              list(object({{QStringLiteral("name"), text()}, {QStringLiteral("reason"), text()}}), 0, 8)},
             {QStringLiteral("recommendedTests"),
              list(object({{QStringLiteral("name"), text()}, {QStringLiteral("reason"), text()}}), 0, 15)},
             {QStringLiteral("treatmentPlan"), list(text(), 1, 15)},
             {QStringLiteral("medications"),
              list(object({{QStringLiteral("name"),
                            text(QStringLiteral("generic name available in Uzbekistan"))},
                           {QStringLiteral("dose"), text()},
                           {QStringLiteral("frequency"), text()},
                           {QStringLiteral("duration"), text()},
                           {QStringLiteral("cautions"), text()},
                           {QStringLiteral("allergyConflict"), flag()},
                           {QStringLiteral("interactsWithCurrentMedication"), flag()}}),
                   0, 10)},
             {QStringLiteral("followUp"), text()},
             {QStringLiteral("prognosis"), text()},
             {QStringLiteral("sources"),
              list(object({{QStringLiteral("title"), text()},
                           {QStringLiteral("url"), text(QStringLiteral("http or https URL"))}}),
                   kMinSources, kMaxSources)}});
    case AiKind::ImageFindings:
        return object({{QStringLiteral("findings"),
                        list(object({{QStringLiteral("image"), number(1, 10, QStringLiteral("INTEGER"))},
                                     {QStringLiteral("finding"), text()},
                                     {QStringLiteral("location"), text()}},
                                    {QStringLiteral("location")}),
                             1, 20)},
                       {QStringLiteral("impression"), text()},
                       {QStringLiteral("recommendations"), list(text(), 0, 10)},
                       {QStringLiteral("urgency"), urgency()},
                       {QStringLiteral("limitations"), text(QStringLiteral("what the images cannot show"))}},
                      {QStringLiteral("limitations")});
    }
    return {};
}

} // namespace medora::server
