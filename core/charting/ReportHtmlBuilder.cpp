#include "charting/ReportHtmlBuilder.h"

#include "charting/ReportVocabulary.h"

#include <QStringList>

#include <algorithm>

namespace medora {

ReportHtmlBuilder::ReportHtmlBuilder(NameOf nameOf, const Options &options)
    : m_nameOf(std::move(nameOf)), m_options(options)
{}

QString ReportHtmlBuilder::title(const Report &report)
{
    return report.addendumTo.isNull() ? tr("Visit report") : tr("Addendum to a visit report");
}

QString ReportHtmlBuilder::disclaimer()
{
    return tr("This report records the doctor's examination on the date above. Take medicines only as "
              "prescribed, and see a doctor if you feel worse or your condition changes.");
}

QString ReportHtmlBuilder::draftDisclaimer()
{
    return tr("Draft: not a medical document until the doctor signs it.");
}

QString ReportHtmlBuilder::disclaimerFor(const Report &report)
{
    return report.status == ReportStatus::Signed ? disclaimer() : draftDisclaimer();
}

QString ReportHtmlBuilder::aiDraftDisclaimer()
{
    return tr("This report does not replace a doctor's judgement.");
}

QString ReportHtmlBuilder::aiSectionMark()
{
    return tr("(drafted with AI)");
}

QString ReportHtmlBuilder::aiDraftNote()
{
    return tr("Sections marked %1 contain text drafted by the AI consilium and accepted by the doctor.")
               .arg(aiSectionMark()) +
           QLatin1Char(' ') + aiDraftDisclaimer();
}

bool ReportHtmlBuilder::hasAiDraftedText(const Report &report, const QList<Report> &addenda)
{
    if (!report.sections.aiDrafted.isEmpty())
        return true;
    return std::any_of(addenda.cbegin(), addenda.cend(),
                       [](const Report &addendum) { return !addendum.sections.aiDrafted.isEmpty(); });
}

QString ReportHtmlBuilder::footerFor(const Report &report, const QList<Report> &addenda)
{
    const QString footer = disclaimerFor(report);
    return hasAiDraftedText(report, addenda) ? footer + QLatin1Char(' ') + aiDraftDisclaimer() : footer;
}

QString ReportHtmlBuilder::escaped(const QString &text)
{
    QString html = text.toHtmlEscaped();
    html.replace(QLatin1String("\r\n"), QLatin1String("<br/>"));
    html.replace(QLatin1Char('\n'), QLatin1String("<br/>"));
    return html;
}

QString ReportHtmlBuilder::doctorName(const QString &userId) const
{
    const QString name = m_nameOf ? m_nameOf(userId) : QString();
    return name.isEmpty() ? tr("(doctor not in this computer's staff list)") : name;
}

QString ReportHtmlBuilder::dateTime(const QDateTime &utc) const
{
    return utc.isValid() ? m_options.locale.toString(utc.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString ReportHtmlBuilder::sectionsHtml(const ReportSections &sections) const
{
    QString html;
    // A section with AI-drafted text says so beside its heading, in its own colour.
    const auto section = [&html, &sections](const QString &key, const QString &body) {
        QString heading = escaped(ReportVocabulary::sectionTitle(key));
        if (sections.aiDrafted.contains(key))
            heading +=
                QStringLiteral(" <span style=\"color:#8a4b00\">%1</span>").arg(escaped(aiSectionMark()));
        html += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(heading, body);
    };
    const QStringList keys = ReportVocabulary::textSectionKeys();
    for (const QString &key : keys) {
        if (key == QLatin1String("examination") && !sections.vitals.isEmpty()) {
            // Vitals read before the examination, as on the paper forms.
            QString rows;
            for (const Vital &vital : sections.vitals) {
                rows += QStringLiteral("<tr><td>%1</td><td>%2 %3</td></tr>")
                            .arg(escaped(ReportVocabulary::vitalName(vital.code)), escaped(vital.value),
                                 escaped(vital.unit));
            }
            html += QStringLiteral("<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"2\">%2</table>")
                        .arg(escaped(ReportVocabulary::sectionTitle(QStringLiteral("vitals"))), rows);
        }
        const QString text = ReportVocabulary::sectionText(sections, key);
        if (key == QLatin1String("diagnosis") && !sections.icd10.isEmpty()) {
            const QString code =
                tr("ICD-10: %1").arg(QStringLiteral("<b>%1</b>").arg(escaped(sections.icd10)));
            section(key, text.trimmed().isEmpty() ? code
                                                  : escaped(text.trimmed()) + QStringLiteral("<br/>") + code);
            continue;
        }
        if (!text.trimmed().isEmpty())
            section(key, escaped(text.trimmed()));
    }
    return html;
}

QString ReportHtmlBuilder::signatureHtml(const Report &report) const
{
    if (report.status != ReportStatus::Signed)
        return QStringLiteral("<p><b>%1</b></p>").arg(escaped(tr("DRAFT — not signed")));
    return QStringLiteral("<p>%1</p><p>%2 ______________________ %3</p>")
        .arg(escaped(tr("Signed: %1").arg(dateTime(report.signedAt))), escaped(tr("Doctor:")),
             escaped(doctorName(report.authorId)));
}

QString ReportHtmlBuilder::bodyHtml(const Patient &patient, const Report &report,
                                    const QList<Report> &addenda) const
{
    QString html;
    html.reserve(4096);
    QString born;
    if (patient.birthDate.isValid()) {
        born = m_options.locale.toString(patient.birthDate, QLocale::ShortFormat);
        if (patient.birthDateEstimated)
            born = QStringLiteral("≈ ") + born;
    }
    const QString sex = patient.sex == Sex::Male     ? tr("male")
                        : patient.sex == Sex::Female ? tr("female")
                                                     : QString();
    const auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(escaped(label), escaped(value));
    };
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
    html += row(tr("Patient:"), patient.displayName());
    html += row(tr("Patient number:"), patient.number);
    if (!born.isEmpty())
        html += row(tr("Date of birth:"), born);
    if (!sex.isEmpty())
        html += row(tr("Sex:"), sex);
    html += row(tr("Doctor:"), doctorName(report.authorId));
    html += row(tr("Date:"), dateTime(report.createdAt));
    html += QStringLiteral("</table>");

    html += sectionsHtml(report.sections);
    html += signatureHtml(report);

    for (const Report &addendum : addenda) {
        html += QStringLiteral("<hr/><h2>%1</h2>")
                    .arg(escaped(tr("Addendum of %1, %2")
                                     .arg(dateTime(addendum.createdAt), doctorName(addendum.authorId))));
        html += sectionsHtml(addendum.sections);
        html += signatureHtml(addendum);
    }
    // AI-drafted text always carries its note in the body, whatever the footer says.
    if (hasAiDraftedText(report, addenda))
        html += QStringLiteral("<hr/><p><b>%1</b></p>").arg(escaped(aiDraftNote()));
    if (m_options.disclaimerInBody)
        html += QStringLiteral("<hr/><p><i>%1</i></p>").arg(escaped(disclaimerFor(report)));
    return html;
}

} // namespace medora
