#include "admin/StatisticsView.h"

#include "cash/MoneyText.h"
#include "cash/PaymentService.h"
#include "clinic/ClinicDirectory.h"
#include "queue/QueueService.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace medora {

namespace {

enum Preset
{
    Last7Days,
    Last30Days,
    ThisMonth,
    LastMonth,
    Custom,
};

QTableWidget *makeTable(QWidget *parent, const QString &name, int columns)
{
    auto *table = new QTableWidget(0, columns, parent);
    table->setObjectName(name);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setTabKeyNavigation(false); // Tab leaves the table; the arrows move in it
    return table;
}

void setRow(QTableWidget *table, int row, const QStringList &texts)
{
    for (int column = 0; column < texts.size(); ++column) {
        auto *item = new QTableWidgetItem(texts.at(column));
        if (column > 0)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(row, column, item);
    }
}

} // namespace

StatisticsView::StatisticsView(Database &database, ClinicDirectory &clinic, QWidget *parent)
    : QWidget(parent), m_database(database), m_clinic(clinic)
{
    m_presetLabel = new QLabel(this);
    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("statisticsPreset"));
    m_presetLabel->setBuddy(m_preset);
    m_periodLabel = new QLabel(this);
    m_from = new QDateEdit(this);
    m_from->setObjectName(QStringLiteral("statisticsFrom"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(this);
    m_to->setObjectName(QStringLiteral("statisticsTo"));
    m_to->setCalendarPopup(true);
    m_periodLabel->setBuddy(m_from);
    m_show = new QPushButton(this);

    m_chart = new QChart;
    m_chart->legend()->hide();
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chartView = new QChartView(m_chart, this);
    m_chartView->setObjectName(QStringLiteral("visitsChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(220);
    m_chartView->setFocusPolicy(
        Qt::NoFocus); // nothing to do in it from the keyboard; the tables hold the numbers

    m_methodTitle = new QLabel(this);
    m_methods = makeTable(this, QStringLiteral("paymentMethods"), 4);
    m_doctorTitle = new QLabel(this);
    m_doctors = makeTable(this, QStringLiteral("visitsPerDoctor"), 2);
    m_statuses = makeTable(this, QStringLiteral("visitsPerStatus"), 2);
    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("statisticsTotals"));
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *top = new QHBoxLayout;
    top->addWidget(m_presetLabel);
    top->addWidget(m_preset);
    top->addSpacing(12);
    top->addWidget(m_periodLabel);
    top->addWidget(m_from);
    top->addWidget(new QLabel(QStringLiteral("–"), this));
    top->addWidget(m_to);
    top->addWidget(m_show);
    top->addStretch(1);
    auto *tables = new QGridLayout;
    tables->addWidget(m_methodTitle, 0, 0);
    tables->addWidget(m_methods, 1, 0);
    tables->addWidget(m_doctorTitle, 0, 1, 1, 2);
    tables->addWidget(m_doctors, 1, 1);
    tables->addWidget(m_statuses, 1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_chartView, 2);
    layout->addLayout(tables, 1);
    layout->addWidget(m_totals);

    retranslateUi();
    applyPreset(Last30Days);
    connect(m_preset, &QComboBox::activated, this, [this](int index) {
        applyPreset(index);
        reload();
    });
    connect(m_show, &QPushButton::clicked, this, [this] {
        m_preset->setCurrentIndex(Custom);
        reload();
    });
}

void StatisticsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        fill();
    }
    QWidget::changeEvent(event);
}

void StatisticsView::retranslateUi()
{
    const int preset = m_preset->count() > 0 ? m_preset->currentIndex() : int(Last30Days);
    m_preset->clear();
    m_preset->addItems(
        {tr("Last 7 days"), tr("Last 30 days"), tr("This month"), tr("Last month"), tr("Chosen days")});
    m_preset->setCurrentIndex(preset);
    m_presetLabel->setText(tr("Pe&riod:"));
    m_periodLabel->setText(tr("&From"));
    m_show->setText(tr("Sh&ow"));
    m_from->setAccessibleName(tr("First day"));
    m_to->setAccessibleName(tr("Last day"));
    m_chart->setTitle(tr("Visits per day"));
    m_methodTitle->setText(tr("Payments per method"));
    m_doctorTitle->setText(tr("Visits per doctor and status"));
    m_methods->setHorizontalHeaderLabels({tr("Method"), tr("Payments"), tr("Returned"), tr("Net")});
    m_doctors->setHorizontalHeaderLabels({tr("Doctor"), tr("Visits")});
    m_statuses->setHorizontalHeaderLabels({tr("Status"), tr("Visits")});
    m_chartView->setAccessibleName(tr("Visits per day"));
    m_methods->setAccessibleName(tr("Payments per method"));
    m_doctors->setAccessibleName(tr("Visits per doctor"));
    m_statuses->setAccessibleName(tr("Visits per status"));
}

void StatisticsView::applyPreset(int index)
{
    const QDate today = QDate::currentDate();
    QDate from, to = today;
    switch (index) {
    case Last7Days:
        from = today.addDays(-6);
        break;
    case Last30Days:
        from = today.addDays(-29);
        break;
    case ThisMonth:
        from = QDate(today.year(), today.month(), 1);
        break;
    case LastMonth:
        from = QDate(today.year(), today.month(), 1).addMonths(-1);
        to = QDate(today.year(), today.month(), 1).addDays(-1);
        break;
    default:
        return;
    }
    m_preset->setCurrentIndex(index);
    m_from->setDate(from);
    m_to->setDate(to);
}

void StatisticsView::setPeriod(const QDate &from, const QDate &to)
{
    m_preset->setCurrentIndex(Custom);
    m_from->setDate(from);
    m_to->setDate(to);
    reload();
}

QString StatisticsView::totalsText() const
{
    return m_totals->text();
}

QString StatisticsView::errorText() const
{
    return m_error;
}

void StatisticsView::reload()
{
    m_error.clear();
    VisitStatistics statistics;
    if (!statistics.compute(m_database, m_from->date(), m_to->date(), QTimeZone::systemTimeZone(), &m_error))
        statistics = VisitStatistics();
    m_statistics = statistics;
    fill();
}

void StatisticsView::fillChart()
{
    m_chart->removeAllSeries();
    // removeAxis() hands the axis back to us (removeAllSeries() deletes the series itself).
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_bars = nullptr;
    if (m_statistics.dayCount() == 0)
        return;
    auto *series = new QBarSeries;
    m_bars = new QBarSet(tr("Visits"));
    QStringList days;
    const QLocale locale;
    const QMap<QDate, int> perDay = m_statistics.visitsPerDay();
    int highest = 0;
    for (auto it = perDay.cbegin(); it != perDay.cend(); ++it) {
        *m_bars << it.value();
        highest = qMax(highest, it.value());
        days << locale.toString(it.key(), QStringLiteral("d MMM"));
    }
    series->append(m_bars);
    m_chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(days);
    // A long period's labels would overlap; the bars still show every day.
    axisX->setLabelsVisible(days.size() <= 31);
    m_chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setRange(0, qMax(highest, 1));
    axisY->setLabelFormat(QStringLiteral("%d"));
    axisY->setTickCount(qMin(qMax(highest, 1), 10) + 1);
    m_chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
}

void StatisticsView::fill()
{
    fillChart();
    const QLocale locale;

    const QMap<PaymentMethod, CashTotals> methods = m_statistics.paymentsPerMethod();
    m_methods->setRowCount(int(methods.size()) + 1);
    int row = 0;
    for (auto it = methods.cbegin(); it != methods.cend(); ++it, ++row)
        setRow(m_methods, row,
               {PaymentService::methodText(it.key()), locale.toString(it.value().payments),
                MoneyText::withCurrency(it.value().reversed, locale),
                MoneyText::withCurrency(it.value().net(), locale)});
    const CashTotals total = m_statistics.paymentTotal();
    setRow(m_methods, row,
           {tr("Total"), locale.toString(total.payments), MoneyText::withCurrency(total.reversed, locale),
            MoneyText::withCurrency(total.net(), locale)});
    m_methods->resizeColumnsToContents();

    const QMap<QString, int> doctors = m_statistics.visitsPerDoctor();
    m_doctors->setRowCount(int(doctors.size()));
    row = 0;
    for (auto it = doctors.cbegin(); it != doctors.cend(); ++it, ++row) {
        const QString name = m_clinic.nameOf(it.key());
        setRow(m_doctors, row, {name.isEmpty() ? tr("Unknown doctor") : name, locale.toString(it.value())});
    }
    m_doctors->sortItems(0);
    m_doctors->resizeColumnsToContents();
    const QMap<VisitStatus, int> statuses = m_statistics.visitsPerStatus();
    m_statuses->setRowCount(int(statuses.size()));
    row = 0;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it, ++row)
        setRow(m_statuses, row, {QueueService::statusText(it.key()), locale.toString(it.value())});
    m_statuses->resizeColumnsToContents();

    if (!m_error.isEmpty()) {
        m_totals->setText(m_error);
        m_totals->setStyleSheet(QStringLiteral("color: #b00020;"));
        return;
    }
    m_totals->setStyleSheet(QString());
    m_totals->setText(tr("%1 – %2: %n visit(s); payments %3 net.", nullptr, m_statistics.totalVisits())
                          .arg(locale.toString(m_statistics.from(), QLocale::ShortFormat),
                               locale.toString(m_statistics.to(), QLocale::ShortFormat),
                               MoneyText::withCurrency(total.net(), locale)));
}

} // namespace medora
