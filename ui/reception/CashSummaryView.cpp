#include "reception/CashSummaryView.h"

#include "cash/CashSummaryHtmlBuilder.h"
#include "cash/MoneyText.h"
#include "cash/PaymentService.h"
#include "clinic/ClinicDirectory.h"
#include "reception/ReceptionPrinter.h"

#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace medora {

namespace {

enum Column
{
    NameColumn,
    ReceivedColumn,
    RefundedColumn,
    NetColumn,
    ColumnCount
};

QTableWidget *makeTable(QWidget *parent, const QString &objectName)
{
    auto *table = new QTableWidget(0, ColumnCount, parent);
    table->setObjectName(objectName);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int column = ReceivedColumn; column < ColumnCount; ++column)
        table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    return table;
}

} // namespace

CashSummaryView::CashSummaryView(PaymentService &payments, ClinicDirectory &clinic, ReceptionPrinter &printer,
                                 QWidget *parent)
    : QWidget(parent), m_payments(payments), m_clinic(clinic), m_printer(printer)
{
    setObjectName(QStringLiteral("cashSummaryView"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_dayLabel = new QLabel(this);
    m_day = new QDateEdit(QDate::currentDate(), this);
    m_day->setObjectName(QStringLiteral("cashDayEdit"));
    m_day->setCalendarPopup(true);
    m_day->setDisplayFormat(QStringLiteral("dd.MM.yyyy"));
    m_day->setMaximumDate(QDate::currentDate().addDays(1));
    m_dayLabel->setBuddy(m_day);
    m_print = new QPushButton(this);
    m_print->setObjectName(QStringLiteral("printCashSummaryButton"));
    top->addWidget(m_dayLabel);
    top->addWidget(m_day);
    top->addStretch(1);
    top->addWidget(m_print);
    layout->addLayout(top);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("cashSummaryError"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    m_methodTitle = new QLabel(this);
    layout->addWidget(m_methodTitle);
    m_byMethod = makeTable(this, QStringLiteral("cashByMethodTable"));
    layout->addWidget(m_byMethod, 1);
    m_personTitle = new QLabel(this);
    layout->addWidget(m_personTitle);
    m_byPerson = makeTable(this, QStringLiteral("cashByReceptionistTable"));
    layout->addWidget(m_byPerson, 1);
    m_total = new QLabel(this);
    m_total->setObjectName(QStringLiteral("cashTotalLabel"));
    QFont bold = m_total->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_total->setFont(bold);
    m_total->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_total);

    connect(m_day, &QDateEdit::dateChanged, this, &CashSummaryView::reload);
    connect(m_print, &QPushButton::clicked, this, &CashSummaryView::print);
    connect(&m_clinic, &ClinicDirectory::changed, this, &CashSummaryView::reload);
    setTabOrder(m_day, m_print);
    setTabOrder(m_print, m_byMethod);
    setTabOrder(m_byMethod, m_byPerson);
    retranslateUi();
}

void CashSummaryView::retranslateUi()
{
    m_dayLabel->setText(tr("&Day:"));
    m_day->setAccessibleName(tr("Day of the cash summary"));
    m_print->setText(tr("P&rint summary"));
    m_print->setAccessibleName(tr("Print the cash summary"));
    m_methodTitle->setText(tr("By payment method"));
    m_personTitle->setText(tr("By receptionist"));
    m_byMethod->setAccessibleName(tr("Totals by payment method"));
    m_byPerson->setAccessibleName(tr("Totals by receptionist"));
    const QStringList methodHeaders = {tr("Method"), tr("Received, so'm"), tr("Refunded, so'm"),
                                       tr("Net, so'm")};
    const QStringList personHeaders = {tr("Receptionist"), tr("Received, so'm"), tr("Refunded, so'm"),
                                       tr("Net, so'm")};
    m_byMethod->setHorizontalHeaderLabels(methodHeaders);
    m_byPerson->setHorizontalHeaderLabels(personHeaders);
    reload();
}

void CashSummaryView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // Amounts follow the new language's separators once its locale is the default
        // (LanguageManager sets it after the translators).
        QTimer::singleShot(0, this, &CashSummaryView::reload);
    }
    QWidget::changeEvent(event);
}

void CashSummaryView::setDay(const QDate &day)
{
    m_day->setDate(day);
    reload();
}

QString CashSummaryView::nameOf(const QString &userId) const
{
    return CashSummaryHtmlBuilder::staffName(userId,
                                             [this](const QString &id) { return m_clinic.nameOf(id); });
}

void CashSummaryView::fill(QTableWidget *table, const QList<QPair<QString, CashTotals>> &rows)
{
    table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const CashTotals &totals = rows[row].second;
        const QStringList cells = {rows[row].first, MoneyText::format(totals.received),
                                   MoneyText::format(totals.reversed), MoneyText::format(totals.net())};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column != NameColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (row == rows.size() - 1) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            table->setItem(row, column, item);
        }
    }
}

void CashSummaryView::reload()
{
    m_summary = CashSummary::fromEntries(m_day->date(), m_payments.forDay(m_day->date()));
    const StoreError error = m_payments.store().lastError();
    m_error->setVisible(!error.ok());
    m_error->setText(error.message);

    QList<QPair<QString, CashTotals>> methods;
    const QMap<PaymentMethod, CashTotals> byMethod = m_summary.byMethod();
    for (auto it = byMethod.cbegin(); it != byMethod.cend(); ++it)
        methods.append({PaymentService::methodText(it.key()), it.value()});
    methods.append({tr("Total"), m_summary.total()});
    fill(m_byMethod, methods);

    QList<QPair<QString, CashTotals>> people;
    const QMap<QString, CashTotals> byPerson = m_summary.byReceptionist();
    for (auto it = byPerson.cbegin(); it != byPerson.cend(); ++it)
        people.append({nameOf(it.key()), it.value()});
    people.append({tr("Total"), m_summary.total()});
    fill(m_byPerson, people);

    m_total->setText(totalText());
}

QString CashSummaryView::totalText() const
{
    const CashTotals total = m_summary.total();
    return tr("Net for %1: %2 (payments: %3, refunds: %4)")
        .arg(m_summary.day().toString(QStringLiteral("dd.MM.yyyy")), MoneyText::withCurrency(total.net()),
             QLocale().toString(total.payments), QLocale().toString(total.reversals));
}

bool CashSummaryView::print()
{
    reload();
    const CashSummaryHtmlBuilder builder(m_summary,
                                         [this](const QString &id) { return m_clinic.nameOf(id); });
    const bool printed = m_printer.print(builder.title(), builder.bodyHtml(), PrintDocument::PageSize::A4,
                                         QStringLiteral("cash-summary"));
    if (!printed && !m_printer.lastError().isEmpty()) {
        m_error->setText(tr("The summary was not printed: %1").arg(m_printer.lastError()));
        m_error->show();
    }
    return printed;
}

} // namespace medora
