#include "cabinet/ChartHistoryView.h"

#include "cabinet/ChartTimelineModel.h"
#include "charting/CabinetQueue.h"
#include "queue/TicketNumber.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QListView>
#include <QLocale>
#include <QSplitter>
#include <QTextBrowser>

namespace medora {

ChartHistoryView::ChartHistoryView(ReportHtmlBuilder::NameOf nameOf, QWidget *parent)
    : QWidget(parent), m_nameOf(std::move(nameOf))
{
    setObjectName(QStringLiteral("chartHistory"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter);
    m_model = new ChartTimelineModel(this);
    m_timeline = new QListView(splitter);
    m_timeline->setObjectName(QStringLiteral("chartTimeline"));
    m_timeline->setModel(m_model);
    m_timeline->setUniformItemSizes(true);
    m_timeline->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timeline->setWordWrap(false);
    m_reader = new QTextBrowser(splitter);
    m_reader->setObjectName(QStringLiteral("chartReportReader"));
    m_reader->setReadOnly(true);
    m_reader->setOpenLinks(false);
    splitter->addWidget(m_timeline);
    splitter->addWidget(m_reader);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    connect(m_timeline->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ChartHistoryView::showCurrent);
    setTabOrder(m_timeline, m_reader);
    retranslateUi();
}

void ChartHistoryView::setChart(const PatientChart &chart)
{
    m_chart = chart;
    m_model->setEntries(chart.timeline);
    if (m_model->rowCount() > 0)
        m_timeline->setCurrentIndex(m_model->index(0, 0));
    else
        m_reader->clear();
}

void ChartHistoryView::clear()
{
    setChart(PatientChart());
}

bool ChartHistoryView::showReport(const QUuid &reportId)
{
    const int row = m_model->rowOfReport(reportId);
    if (row < 0)
        return false;
    m_timeline->setCurrentIndex(m_model->index(row, 0));
    showCurrent();
    return true;
}

QString ChartHistoryView::readerText() const
{
    return m_reader->toPlainText();
}

void ChartHistoryView::showCurrent()
{
    const ChartEntry *entry = m_model->entry(m_timeline->currentIndex().row());
    if (!entry) {
        m_reader->clear();
        return;
    }
    if (entry->kind == ChartEntry::Kind::Report) {
        ReportHtmlBuilder::Options options;
        options.locale = QLocale();
        const ReportHtmlBuilder builder(m_nameOf, options);
        m_reader->setHtml(builder.bodyHtml(m_chart.patient, entry->report, entry->addenda));
        return;
    }
    const Visit &visit = entry->visit;
    const QLocale locale;
    const auto time = [&locale](const QDateTime &utc) {
        return utc.isValid() ? locale.toString(utc.toLocalTime(), QLocale::ShortFormat) : QStringLiteral("—");
    };
    QString text = tr("Visit of %1, ticket %2: %3")
                       .arg(locale.toString(visit.day, QLocale::ShortFormat))
                       .arg(TicketNumber::text(visit.ticket))
                       .arg(CabinetQueue::statusName(visit.status));
    text += QLatin1Char('\n') + tr("Queued: %1").arg(time(visit.createdAt));
    text += QLatin1Char('\n') + tr("Called: %1").arg(time(visit.calledAt));
    text += QLatin1Char('\n') + tr("Started: %1").arg(time(visit.startedAt));
    text += QLatin1Char('\n') + tr("Finished: %1").arg(time(visit.finishedAt));
    if (!visit.note.isEmpty())
        text += QLatin1Char('\n') + tr("Reception's note: %1").arg(visit.note);
    m_reader->setPlainText(text);
}

void ChartHistoryView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_timeline->viewport()->update(); // rows are worded when painted
        showCurrent();
    }
    QWidget::changeEvent(event);
}

void ChartHistoryView::retranslateUi()
{
    m_timeline->setAccessibleName(tr("Visits and reports, newest first"));
    m_reader->setAccessibleName(tr("Chosen report, read-only"));
}

} // namespace medora
