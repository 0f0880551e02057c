#pragma once

#include "charting/PatientChart.h"
#include "charting/ReportHtmlBuilder.h"

#include <QWidget>

class QListView;
class QTextBrowser;

namespace medora {

class ChartTimelineModel;

// The chart's past: the timeline of visits and reports (newest first) and, beside it, the
// chosen report as it reads on paper, read-only, with its addenda under it.
class ChartHistoryView : public QWidget
{
    Q_OBJECT

public:
    ChartHistoryView(ReportHtmlBuilder::NameOf nameOf, QWidget *parent = nullptr);

    void setChart(const PatientChart &chart);
    void clear();
    // Selects the timeline row of this report (or of the report it is an addendum to).
    bool showReport(const QUuid &reportId);

    ChartTimelineModel *model() const { return m_model; }
    QListView *timeline() const { return m_timeline; }
    QString readerText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void showCurrent();
    void retranslateUi();

    ReportHtmlBuilder::NameOf m_nameOf;
    PatientChart m_chart;
    ChartTimelineModel *m_model = nullptr;
    QListView *m_timeline = nullptr;
    QTextBrowser *m_reader = nullptr;
};

} // namespace medora
