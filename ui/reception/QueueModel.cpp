#include "reception/QueueModel.h"

#include "queue/PatientLookup.h"
#include "queue/QueueService.h"
#include "queue/TicketNumber.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include <algorithm>

namespace medora {

QueueModel::QueueModel(QueueService &queue, PatientLookup &patients, QObject *parent)
    : QAbstractTableModel(parent), m_queue(queue), m_patients(patients)
{}

void QueueModel::setQueue(const QString &doctorId, const QDate &day)
{
    m_doctorId = doctorId;
    m_day = day;
    reload();
}

void QueueModel::reload()
{
    beginResetModel();
    m_visits = m_doctorId.isEmpty() ? QList<Visit>() : m_queue.queue(m_doctorId, m_day);
    QList<QUuid> ids;
    for (const Visit &visit : m_visits)
        ids.append(visit.patientId);
    m_names = m_patients.byIds(ids);
    // Two PCs that drew the same ticket letter offline print the same ticket: said, not hidden.
    m_clashingTickets.clear();
    QSet<int> seen;
    for (const Visit &visit : std::as_const(m_visits)) {
        if (seen.contains(visit.ticket))
            m_clashingTickets.insert(visit.ticket);
        seen.insert(visit.ticket);
    }
    endResetModel();
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visits.size());
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int QueueModel::rowOf(qint64 localId) const
{
    for (qsizetype row = 0; row < m_visits.size(); ++row) {
        if (m_visits[row].localId == localId)
            return int(row);
    }
    return -1;
}

int QueueModel::waitingCount() const
{
    return int(std::count_if(m_visits.cbegin(), m_visits.cend(),
                             [](const Visit &visit) { return visit.status == VisitStatus::Waiting; }));
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_visits.size())
        return {};
    const Visit &visit = m_visits[index.row()];
    if (role == LocalIdRole)
        return visit.localId;
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case TicketColumn:
            return m_clashingTickets.contains(visit.ticket)
                       ? tr("%1 (twice!)").arg(TicketNumber::text(visit.ticket))
                       : TicketNumber::text(visit.ticket);
        case PatientColumn: {
            const auto patient = m_names.constFind(visit.patientId);
            // A visit pulled before its patient: the name arrives with a later page.
            return patient == m_names.constEnd() ? tr("(patient not yet on this PC)")
                                                 : patient->displayName();
        }
        case PriorityColumn:
            return QueueService::priorityText(visit.priority);
        case StatusColumn:
            return QueueService::statusText(visit.status);
        case QueuedAtColumn:
            return visit.createdAt.isValid()
                       ? QLocale().toString(visit.createdAt.toLocalTime().time(), QLocale::ShortFormat)
                       : QString();
        case NoteColumn:
            return visit.note;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == TicketColumn && m_clashingTickets.contains(visit.ticket))
        return tr("Another computer gave out the same ticket for this doctor and day: call these patients "
                  "by name.");
    if (role == Qt::ForegroundRole && index.column() == TicketColumn &&
        m_clashingTickets.contains(visit.ticket))
        return QBrush(QColor(0xc6, 0x28, 0x28));
    if (role == Qt::FontRole && visit.priority == VisitPriority::Urgent && index.column() == PriorityColumn) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole && !QueueService::isActive(visit.status))
        return QBrush(Qt::gray);
    if (role == Qt::TextAlignmentRole && index.column() == TicketColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TicketColumn:
        return tr("Ticket");
    case PatientColumn:
        return tr("Patient");
    case PriorityColumn:
        return tr("Priority");
    case StatusColumn:
        return tr("Status");
    case QueuedAtColumn:
        return tr("Queued at");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace medora
