#include "cash/ReceiptHtmlBuilder.h"

#include "cash/MoneyText.h"
#include "cash/PaymentService.h"

#include <QLocale>

namespace medora {

ReceiptHtmlBuilder::ReceiptHtmlBuilder(const Payment &payment) : m_payment(payment) {}

void ReceiptHtmlBuilder::setVisit(const Visit &visit, const QString &doctorName)
{
    m_visit = visit;
    m_doctorName = doctorName;
}

QString ReceiptHtmlBuilder::receiptNumber(const Payment &payment)
{
    return payment.id.toString(QUuid::WithoutBraces).left(8).toUpper();
}

QString ReceiptHtmlBuilder::title() const
{
    return m_payment.reverses.isNull() ? tr("Payment receipt") : tr("Refund receipt");
}

QString ReceiptHtmlBuilder::bodyHtml() const
{
    const QLocale locale;
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">");
    const auto row = [&html](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td valign=\"top\">%1</td><td align=\"right\"><b>%2</b></td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("Receipt No."), receiptNumber(m_payment));
    const QDateTime taken = m_payment.takenAt.toLocalTime();
    row(tr("Date"), taken.date().toString(QStringLiteral("dd.MM.yyyy")) + QLatin1Char(' ') +
                        locale.toString(taken.time(), QLocale::ShortFormat));
    if (m_patient) {
        row(tr("Patient"), m_patient->displayName());
        row(tr("Patient number"), m_patient->number);
    }
    if (m_visit) {
        row(tr("Doctor"), m_doctorName.isEmpty() ? tr("Unknown doctor") : m_doctorName);
        row(tr("Ticket"), locale.toString(m_visit->ticket));
    }
    if (m_original)
        row(tr("Cancels receipt No."), receiptNumber(*m_original));
    row(tr("Method"), PaymentService::methodText(m_payment.method));
    if (!m_payment.note.isEmpty())
        row(tr("Note"), m_payment.note);
    row(tr("Taken by"), m_takenByName.isEmpty() ? tr("Unknown staff member") : m_takenByName);
    html += QStringLiteral("</table><hr>");
    const QString label = m_payment.amount < 0 ? tr("Refunded") : tr("Paid");
    html += QStringLiteral("<p align=\"right\" style=\"font-size:14pt\">%1: <b>%2</b></p>")
                .arg(label.toHtmlEscaped(),
                     MoneyText::withCurrency(qAbs(m_payment.amount), locale).toHtmlEscaped());
    return html;
}

} // namespace medora
