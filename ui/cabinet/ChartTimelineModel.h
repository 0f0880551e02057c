#pragma once

#include "charting/PatientChart.h"

#include <QAbstractListModel>

namespace medora {

// A chart's timeline for a list view: one row per visit or report, newest first. Rows are
// worded when painted, so a chart with hundreds of reports costs nothing until scrolled.
class ChartTimelineModel : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit ChartTimelineModel(QObject *parent = nullptr);

    void setEntries(const QList<ChartEntry> &entries);
    const ChartEntry *entry(int row) const;
    int rowOfReport(const QUuid &reportId) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString entryText(const ChartEntry &entry);

private:
    QList<ChartEntry> m_entries;
};

} // namespace medora
