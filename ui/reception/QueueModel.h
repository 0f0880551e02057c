#pragma once

#include "domain/Patient.h"
#include "domain/Visit.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace medora {

class PatientLookup;
class QueueService;

// One doctor's queue of one day, in calling order, every status included. Holds the visits
// and the names of their patients; reload() reads them again (after a local change, a
// pulled sync page, or a status the doctor set on another PC).
class QueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TicketColumn,
        PatientColumn,
        PriorityColumn,
        StatusColumn,
        QueuedAtColumn,
        NoteColumn,
        ColumnCount
    };
    static constexpr int LocalIdRole = Qt::UserRole + 1;

    QueueModel(QueueService &queue, PatientLookup &patients, QObject *parent = nullptr);

    void setQueue(const QString &doctorId, const QDate &day);
    QString doctorId() const { return m_doctorId; }
    QDate day() const { return m_day; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    Visit visitAt(int row) const { return m_visits.value(row); }
    int rowOf(qint64 localId) const;
    // How many patients still wait (not yet called).
    int waitingCount() const;

public slots:
    void reload();

private:
    QueueService &m_queue;
    PatientLookup &m_patients;
    QString m_doctorId;
    QDate m_day;
    QList<Visit> m_visits;
    QHash<QUuid, Patient> m_names;
    QSet<int> m_clashingTickets; // tickets two live visits of the queue share
};

} // namespace medora
