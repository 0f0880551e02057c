#pragma once

#include "domain/Patient.h"
#include "domain/Report.h"
#include "domain/Visit.h"

#include <QDateTime>
#include <QList>

namespace medora {

// One line of a chart's timeline: a visit, or a report with its addenda under it.
struct ChartEntry
{
    enum class Kind
    {
        Visit,
        Report
    };
    Kind kind = Kind::Visit;
    QDateTime when;        // UTC: the visit's start (else call, else queueing); the report's creation
    Visit visit;           // Kind::Visit
    Report report;         // Kind::Report
    QList<Report> addenda; // of a report, oldest first
};

// What the doctor sees of a patient: who they are and everything that happened, newest first.
struct PatientChart
{
    Patient patient;
    QList<ChartEntry> timeline;
    int reportCount = 0; // reports and addenda
};

} // namespace medora
