#include "queue/TicketHtmlBuilder.h"

#include "queue/TicketNumber.h"

#include <QLocale>

namespace medora {

TicketHtmlBuilder::TicketHtmlBuilder(const Visit &visit, const QString &doctorName)
    : m_visit(visit), m_doctorName(doctorName)
{}

QString TicketHtmlBuilder::title() const
{
    return tr("Queue ticket");
}

QString TicketHtmlBuilder::bodyHtml() const
{
    const QLocale locale;
    QString html;
    html += QStringLiteral("<p align=\"center\" style=\"font-size:11pt\">%1</p>")
                .arg(tr("Your number").toHtmlEscaped());
    html += QStringLiteral("<p align=\"center\" style=\"font-size:44pt; font-weight:bold\">%1</p>")
                .arg(TicketNumber::text(m_visit.ticket));
    if (m_visit.priority == VisitPriority::Urgent)
        html += QStringLiteral("<p align=\"center\" style=\"font-weight:bold\">%1</p>")
                    .arg(tr("Urgent").toHtmlEscaped());
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">");
    const auto row = [&html](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\"><b>%2</b></td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("Doctor"), m_doctorName.isEmpty() ? tr("Unknown doctor") : m_doctorName);
    row(tr("Day"), m_visit.day.toString(QStringLiteral("dd.MM.yyyy")));
    if (m_visit.createdAt.isValid())
        row(tr("Queued at"), locale.toString(m_visit.createdAt.toLocalTime().time(), QLocale::ShortFormat));
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p align=\"center\">%1</p>")
                .arg(tr("Please wait until your number is shown on the screen.").toHtmlEscaped());
    return html;
}

} // namespace medora
