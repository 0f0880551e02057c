#pragma once

#include "charting/PatientChart.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QUuid>

#include <optional>

namespace medora {

class PatientRegistry;

// Reads a patient's chart: the patient, their visits and every report, in three queries
// whatever the number of reports (addenda are placed under their report in memory rather
// than asked for report by report), so a chart with hundreds of reports opens at once.
class ChartLoader
{
    Q_DECLARE_TR_FUNCTIONS(ChartLoader)

public:
    ChartLoader(Database &database, PatientRegistry &registry);

    std::optional<PatientChart> load(const QUuid &patientId);
    QString lastError() const { return m_error; }

    // Visits and reports name their patient by UUID; the registry reads by local row id.
    qint64 localIdOf(const QUuid &patientId) const;
    QHash<QUuid, Patient> patients(const QList<QUuid> &patientIds) const;

    // The timeline of `visits` and `reports` (any order), newest first.
    static QList<ChartEntry> timeline(const QList<Visit> &visits, const QList<Report> &reports);

private:
    Database &m_database;
    PatientRegistry &m_registry;
    mutable QString m_error;
};

} // namespace medora
