#include "queue/PatientCardHtmlBuilder.h"

#include "domain/PhoneNumber.h"

namespace medora {

namespace {

QString multiline(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

PatientCardHtmlBuilder::PatientCardHtmlBuilder(const Patient &patient, const QDate &printedOn)
    : m_patient(patient), m_printedOn(printedOn)
{}

QString PatientCardHtmlBuilder::title() const
{
    return tr("Patient card");
}

QString PatientCardHtmlBuilder::bodyHtml() const
{
    const QString none = tr("not given");
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"0\">");
    const auto row = [&html, &none](const QString &label, const QString &escapedValue) {
        html += QStringLiteral("<tr><td width=\"35%\" valign=\"top\">%1</td><td><b>%2</b></td></tr>")
                    .arg(label.toHtmlEscaped(), escapedValue.isEmpty() ? none.toHtmlEscaped() : escapedValue);
    };
    row(tr("Patient number"), m_patient.number.toHtmlEscaped());
    row(tr("Last name"), m_patient.lastName.toHtmlEscaped());
    row(tr("First name"), m_patient.firstName.toHtmlEscaped());
    row(tr("Father's name"), m_patient.fatherName.toHtmlEscaped());
    QString birth;
    if (m_patient.birthDate.isValid())
        birth = (m_patient.birthDateEstimated ? QStringLiteral("≈ ") : QString()) +
                m_patient.birthDate.toString(QStringLiteral("dd.MM.yyyy"));
    row(tr("Date of birth"), birth.toHtmlEscaped());
    const QString sex = m_patient.sex == Sex::Male     ? tr("Male")
                        : m_patient.sex == Sex::Female ? tr("Female")
                                                       : QString();
    row(tr("Sex"), sex.toHtmlEscaped());
    row(tr("Phone"),
        (m_patient.phone.isEmpty() ? QString() : PhoneNumber::format(m_patient.phone)).toHtmlEscaped());
    row(tr("Address"), multiline(m_patient.address));
    row(tr("Allergies"), multiline(m_patient.allergies));
    row(tr("Current medications"), multiline(m_patient.medications));
    html += QStringLiteral("</table>");
    html +=
        QStringLiteral("<p style=\"font-size:8pt\">%1</p>")
            .arg(tr("Printed on %1").arg(m_printedOn.toString(QStringLiteral("dd.MM.yyyy"))).toHtmlEscaped());
    return html;
}

} // namespace medora
