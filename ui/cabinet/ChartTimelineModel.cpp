#include "cabinet/ChartTimelineModel.h"

#include "charting/CabinetQueue.h"
#include "queue/TicketNumber.h"

#include <QLocale>

namespace medora {

ChartTimelineModel::ChartTimelineModel(QObject *parent) : QAbstractListModel(parent) {}

void ChartTimelineModel::setEntries(const QList<ChartEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

const ChartEntry *ChartTimelineModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

int ChartTimelineModel::rowOfReport(const QUuid &reportId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        const ChartEntry &candidate = m_entries[row];
        if (candidate.kind != ChartEntry::Kind::Report)
            continue;
        if (candidate.report.id == reportId)
            return row;
        for (const Report &addendum : candidate.addenda) {
            if (addendum.id == reportId)
                return row;
        }
    }
    return -1;
}

int ChartTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QString ChartTimelineModel::entryText(const ChartEntry &entry)
{
    const QString when =
        entry.when.isValid() ? QLocale().toString(entry.when.toLocalTime(), QLocale::ShortFormat) : QString();
    if (entry.kind == ChartEntry::Kind::Visit) {
        return tr("%1 — visit, ticket %2 (%3)")
            .arg(when)
            .arg(TicketNumber::text(entry.visit.ticket))
            .arg(CabinetQueue::statusName(entry.visit.status));
    }
    const Report &report = entry.report;
    QString diagnosis = report.sections.diagnosis.simplified();
    if (diagnosis.size() > 80)
        diagnosis = diagnosis.left(79) + QStringLiteral("…");
    if (!report.sections.icd10.isEmpty())
        diagnosis =
            diagnosis.isEmpty() ? report.sections.icd10 : tr("%1 (%2)").arg(diagnosis, report.sections.icd10);
    const QString state = report.status == ReportStatus::Signed ? tr("signed") : tr("draft");
    QString text = diagnosis.isEmpty() ? tr("%1 — report, %2").arg(when, state)
                                       : tr("%1 — report, %2: %3").arg(when, state, diagnosis);
    if (!entry.addenda.isEmpty())
        text += QLatin1Char(' ') + tr("[addenda: %1]").arg(entry.addenda.size());
    return text;
}

QVariant ChartTimelineModel::data(const QModelIndex &index, int role) const
{
    const ChartEntry *row = index.isValid() ? entry(index.row()) : nullptr;
    if (!row)
        return QVariant();
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
        return entryText(*row);
    return QVariant();
}

} // namespace medora
