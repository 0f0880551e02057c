#include "cash/CashSummaryHtmlBuilder.h"

#include "cash/MoneyText.h"
#include "cash/PaymentService.h"

#include <QLocale>

namespace medora {

CashSummaryHtmlBuilder::CashSummaryHtmlBuilder(const CashSummary &summary,
                                               std::function<QString(const QString &)> nameOf)
    : m_summary(summary), m_nameOf(std::move(nameOf))
{}

QString CashSummaryHtmlBuilder::staffName(const QString &userId,
                                          const std::function<QString(const QString &)> &nameOf)
{
    const QString name = nameOf ? nameOf(userId) : QString();
    if (!name.isEmpty())
        return name;
    // The end of the id: its beginning is a time stamp, shared by accounts made together.
    return tr("Unknown staff member (%1)").arg(userId.right(8));
}

QString CashSummaryHtmlBuilder::title() const
{
    return tr("Cash summary for %1").arg(m_summary.day().toString(QStringLiteral("dd.MM.yyyy")));
}

QString CashSummaryHtmlBuilder::bodyHtml() const
{
    const QLocale locale;
    const auto money = [&locale](qint64 amount) { return MoneyText::format(amount, locale).toHtmlEscaped(); };
    const auto header = [](const QString &first) {
        return QStringLiteral(
                   "<tr><th align=\"left\">%1</th><th align=\"right\">%2</th><th align=\"right\">%3</th>"
                   "<th align=\"right\">%4</th></tr>")
            .arg(first.toHtmlEscaped(), tr("Received, so'm").toHtmlEscaped(),
                 tr("Refunded, so'm").toHtmlEscaped(), tr("Net, so'm").toHtmlEscaped());
    };
    const auto line = [&money](const QString &label, const CashTotals &totals, bool bold) {
        const QString open = bold ? QStringLiteral("<b>") : QString();
        const QString close = bold ? QStringLiteral("</b>") : QString();
        return QStringLiteral(
                   "<tr><td>%5%1%6</td><td align=\"right\">%5%2%6</td><td align=\"right\">%5%3%6</td>"
                   "<td align=\"right\">%5%4%6</td></tr>")
            .arg(label.toHtmlEscaped(), money(totals.received), money(totals.reversed), money(totals.net()),
                 open, close);
    };
    const QString table =
        QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\">");

    QString html;
    if (m_summary.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(tr("No payments were taken on this day.").toHtmlEscaped());
        return html;
    }
    html += QStringLiteral("<h3>%1</h3>").arg(tr("By payment method").toHtmlEscaped()) + table +
            header(tr("Method"));
    const QMap<PaymentMethod, CashTotals> byMethod = m_summary.byMethod();
    for (auto it = byMethod.cbegin(); it != byMethod.cend(); ++it)
        html += line(PaymentService::methodText(it.key()), it.value(), false);
    html += line(tr("Total"), m_summary.total(), true) + QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3>").arg(tr("By receptionist").toHtmlEscaped()) + table +
            header(tr("Receptionist"));
    const QMap<QString, CashTotals> byPerson = m_summary.byReceptionist();
    for (auto it = byPerson.cbegin(); it != byPerson.cend(); ++it)
        html += line(staffName(it.key(), m_nameOf), it.value(), false);
    html += line(tr("Total"), m_summary.total(), true) + QStringLiteral("</table>");

    const CashTotals total = m_summary.total();
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("Payments: %1. Refunds: %2.")
                         .arg(locale.toString(total.payments), locale.toString(total.reversals))
                         .toHtmlEscaped());
    return html;
}

} // namespace medora
