#include "ai/ConsiliumDraft.h"

#include <QLocale>
#include <QStringList>

namespace medora {

namespace {

constexpr const char *kAlertColour = "#c62828";

QString escaped(const QString &text)
{
    QString html = text.toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QLatin1String("<br/>"));
    return html;
}

QString alert(const QString &text)
{
    return QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>")
        .arg(QLatin1String(kAlertColour), escaped(text));
}

QString heading(const QString &text)
{
    return QStringLiteral("<h3>%1</h3>").arg(escaped(text));
}

QString list(const QStringList &itemsHtml, bool numbered = false)
{
    if (itemsHtml.isEmpty())
        return {};
    QString html = numbered ? QStringLiteral("<ol>") : QStringLiteral("<ul>");
    for (const QString &item : itemsHtml)
        html += QStringLiteral("<li>%1</li>").arg(item);
    html += numbered ? QStringLiteral("</ol>") : QStringLiteral("</ul>");
    return html;
}

QString percent(double value)
{
    return QLocale().toString(value, 'f', value == double(qint64(value)) ? 0 : 1) + QLatin1Char('%');
}

bool isUrgent(const QString &urgency)
{
    return urgency == QLatin1String("emergency") || urgency == QLatin1String("urgent");
}

QString numbered(const QStringList &lines)
{
    QStringList out;
    for (int i = 0; i < lines.size(); ++i)
        out << QStringLiteral("%1. %2").arg(i + 1).arg(lines.at(i));
    return out.join(QLatin1Char('\n'));
}

} // namespace

QString ConsiliumDraft::urgencyText(const QString &urgency)
{
    if (urgency == QLatin1String("emergency"))
        return tr("emergency");
    if (urgency == QLatin1String("urgent"))
        return tr("urgent");
    return tr("routine");
}

QString ConsiliumDraft::diagnosisLine(const RankedDiagnosis &diagnosis)
{
    QString line = diagnosis.name;
    if (!diagnosis.icd10.trimmed().isEmpty())
        line += QStringLiteral(" (%1)").arg(diagnosis.icd10.trimmed());
    return line + QStringLiteral(" — ") + percent(diagnosis.probability);
}

QString ConsiliumDraft::medicationText(const MedicationAdvice &medication)
{
    QString text =
        tr("%1 %2, %3, %4.").arg(medication.name, medication.dose, medication.frequency, medication.duration);
    if (!medication.cautions.trimmed().isEmpty())
        text += QLatin1Char(' ') + tr("Cautions: %1").arg(medication.cautions.trimmed());
    if (medication.allergyConflict)
        text += QLatin1Char(' ') + tr("WARNING: conflicts with the patient's allergies.");
    if (medication.interactsWithCurrentMedication)
        text += QLatin1Char(' ') + tr("WARNING: interacts with the patient's current medications.");
    return text;
}

QMap<QString, QString> ConsiliumDraft::sections(const ConsiliumReport &report)
{
    QMap<QString, QString> result;
    QStringList diagnoses;
    for (const RankedDiagnosis &diagnosis : report.diagnoses)
        diagnoses << diagnosisLine(diagnosis);
    QString diagnosis = numbered(diagnoses);
    if (!report.criticalFinding.trimmed().isEmpty())
        diagnosis +=
            QLatin1Char('\n') + tr("Critical finding (%1): %2")
                                    .arg(urgencyText(report.urgency), report.criticalFinding.trimmed());
    result.insert(QStringLiteral("diagnosis"), diagnosis);

    QString treatment = numbered(report.treatmentPlan);
    if (!report.medications.isEmpty()) {
        QStringList medications;
        for (const MedicationAdvice &medication : report.medications)
            medications << QStringLiteral("- ") + medicationText(medication);
        treatment +=
            QLatin1Char('\n') + tr("Medications:") + QLatin1Char('\n') + medications.join(QLatin1Char('\n'));
    }
    result.insert(QStringLiteral("treatmentPlan"), treatment);

    QStringList recommendations;
    if (!report.recommendedTests.isEmpty()) {
        recommendations << tr("Tests:");
        for (const NamedReason &test : report.recommendedTests)
            recommendations << QStringLiteral("- %1: %2").arg(test.name, test.reason);
    }
    if (!report.followUp.trimmed().isEmpty())
        recommendations << tr("Follow-up: %1").arg(report.followUp.trimmed());
    if (!report.prognosis.trimmed().isEmpty())
        recommendations << tr("Prognosis: %1").arg(report.prognosis.trimmed());
    result.insert(QStringLiteral("recommendations"), recommendations.join(QLatin1Char('\n')));
    return result;
}

QMap<QString, QString> ConsiliumDraft::sections(const DifferentialDiagnosis &differential)
{
    QMap<QString, QString> result;
    QStringList diagnoses;
    for (const RankedDiagnosis &diagnosis : differential.diagnoses)
        diagnoses << diagnosisLine(diagnosis);
    result.insert(QStringLiteral("diagnosis"),
                  tr("Differential diagnosis:") + QLatin1Char('\n') + numbered(diagnoses));
    if (!differential.redFlags.isEmpty()) {
        QStringList flags;
        for (const QString &flag : differential.redFlags)
            flags << QStringLiteral("- ") + flag;
        result.insert(QStringLiteral("notes"),
                      tr("Red flags to watch for:") + QLatin1Char('\n') + flags.join(QLatin1Char('\n')));
    }
    return result;
}

QMap<QString, QString> ConsiliumDraft::sections(const ImageFindings &findings)
{
    QMap<QString, QString> result;
    QStringList lines;
    for (const ImageFinding &finding : findings.findings) {
        QString line = tr("Image %1: %2").arg(finding.image).arg(finding.finding);
        if (!finding.location.trimmed().isEmpty())
            line += QStringLiteral(" (%1)").arg(finding.location.trimmed());
        lines << line;
    }
    lines << tr("Impression: %1").arg(findings.impression);
    if (isUrgent(findings.urgency))
        lines << tr("Urgency: %1").arg(urgencyText(findings.urgency));
    result.insert(QStringLiteral("examination"), lines.join(QLatin1Char('\n')));
    if (!findings.recommendations.isEmpty()) {
        QStringList items;
        for (const QString &item : findings.recommendations)
            items << QStringLiteral("- ") + item;
        result.insert(QStringLiteral("recommendations"), items.join(QLatin1Char('\n')));
    }
    return result;
}

QString ConsiliumDraft::html(const ConsiliumReport &report)
{
    QString html;
    if (!report.criticalFinding.trimmed().isEmpty()) {
        const QString text =
            tr("Critical finding (%1): %2").arg(urgencyText(report.urgency), report.criticalFinding);
        html += QStringLiteral("<p>%1</p>").arg(isUrgent(report.urgency) ? alert(text) : escaped(text));
    }
    html += heading(tr("Chair: %1").arg(report.chair.specialty));
    html += QStringLiteral("<p>%1</p>").arg(escaped(report.chair.opinion));
    QStringList opinions;
    for (const SpecialistOpinion &specialist : report.specialists)
        opinions << QStringLiteral("<b>%1</b>: %2")
                        .arg(escaped(specialist.specialty), escaped(specialist.opinion));
    html += heading(tr("Specialists")) + list(opinions);

    QStringList diagnoses;
    for (const RankedDiagnosis &diagnosis : report.diagnoses)
        diagnoses << QStringLiteral("<b>%1</b><br/>%2")
                         .arg(escaped(diagnosisLine(diagnosis)), escaped(diagnosis.justification));
    html += heading(tr("Consensus diagnoses")) + list(diagnoses, true);
    if (!report.rejectedHypotheses.isEmpty()) {
        QStringList rejected;
        for (const NamedReason &item : report.rejectedHypotheses)
            rejected << QStringLiteral("%1: %2").arg(escaped(item.name), escaped(item.reason));
        html += heading(tr("Rejected hypotheses")) + list(rejected);
    }
    if (!report.recommendedTests.isEmpty()) {
        QStringList tests;
        for (const NamedReason &item : report.recommendedTests)
            tests << QStringLiteral("%1: %2").arg(escaped(item.name), escaped(item.reason));
        html += heading(tr("Recommended tests")) + list(tests);
    }
    QStringList steps;
    for (const QString &step : report.treatmentPlan)
        steps << escaped(step);
    html += heading(tr("Treatment plan")) + list(steps, true);
    if (!report.medications.isEmpty()) {
        QStringList medications;
        for (const MedicationAdvice &medication : report.medications) {
            QString item = escaped(
                tr("%1 %2, %3, %4.")
                    .arg(medication.name, medication.dose, medication.frequency, medication.duration));
            if (!medication.cautions.trimmed().isEmpty())
                item += QLatin1Char(' ') + escaped(tr("Cautions: %1").arg(medication.cautions.trimmed()));
            if (medication.allergyConflict)
                item += QStringLiteral("<br/>") + alert(tr("⚠ Conflicts with the patient's allergies."));
            if (medication.interactsWithCurrentMedication)
                item += QStringLiteral("<br/>") +
                        alert(tr("⚠ Interacts with the patient's current medications."));
            medications << item;
        }
        html += heading(tr("Medications")) + list(medications);
    }
    html += heading(tr("Follow-up")) + QStringLiteral("<p>%1</p>").arg(escaped(report.followUp));
    html += heading(tr("Prognosis")) + QStringLiteral("<p>%1</p>").arg(escaped(report.prognosis));
    QStringList sources;
    for (const SourceLink &source : report.sources) {
        const QString url = source.url.toString(QUrl::FullyEncoded);
        sources << QStringLiteral("<a href=\"%1\">%2</a><br/><small>%3</small>")
                       .arg(url.toHtmlEscaped(), escaped(source.title), url.toHtmlEscaped());
    }
    html += heading(tr("Sources")) + list(sources);
    return html;
}

QString ConsiliumDraft::html(const DifferentialDiagnosis &differential)
{
    QString html;
    if (!differential.redFlags.isEmpty()) {
        QStringList flags;
        for (const QString &flag : differential.redFlags)
            flags << alert(flag);
        html += heading(tr("Red flags")) + list(flags);
    }
    QStringList diagnoses;
    for (const RankedDiagnosis &diagnosis : differential.diagnoses) {
        QString evidence = diagnosis.evidenceLevel;
        if (evidence == QLatin1String("high"))
            evidence = tr("high");
        else if (evidence == QLatin1String("moderate"))
            evidence = tr("moderate");
        else if (evidence == QLatin1String("low"))
            evidence = tr("low");
        diagnoses << QStringLiteral("<b>%1</b><br/>%2<br/><i>%3</i>")
                         .arg(escaped(diagnosisLine(diagnosis)), escaped(diagnosis.justification),
                              escaped(tr("Evidence: %1").arg(evidence)));
    }
    html += heading(tr("Differential diagnosis")) + list(diagnoses, true);
    return html;
}

QString ConsiliumDraft::html(const ImageFindings &findings)
{
    QString html;
    const QString urgency = tr("Urgency: %1").arg(urgencyText(findings.urgency));
    html += QStringLiteral("<p>%1</p>").arg(isUrgent(findings.urgency) ? alert(urgency) : escaped(urgency));
    QStringList items;
    for (const ImageFinding &finding : findings.findings) {
        QString item = escaped(tr("Image %1: %2").arg(finding.image).arg(finding.finding));
        if (!finding.location.trimmed().isEmpty())
            item += QStringLiteral(" <i>(%1)</i>").arg(escaped(finding.location.trimmed()));
        items << item;
    }
    html += heading(tr("Findings")) + list(items);
    html += heading(tr("Impression")) + QStringLiteral("<p>%1</p>").arg(escaped(findings.impression));
    if (!findings.recommendations.isEmpty()) {
        QStringList recommendations;
        for (const QString &item : findings.recommendations)
            recommendations << escaped(item);
        html += heading(tr("Recommendations")) + list(recommendations);
    }
    if (!findings.limitations.trimmed().isEmpty())
        html += heading(tr("Limitations")) + QStringLiteral("<p>%1</p>").arg(escaped(findings.limitations));
    return html;
}

} // namespace medora
