#pragma once

#include "domain/SyncState.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace medora {

enum class ReportStatus : int
{
    Draft = 0,
    Signed = 1,
};

// One measured vital sign. The value is kept as typed (a decimal string such as "36.6") so
// that nothing is lost to floating point; `code` names the measure and fixes its unit.
struct Vital
{
    QString code;  // "temperature", "pulse", "bp_systolic", "bp_diastolic", "resp_rate",
                   // "spo2", "weight", "height", "glucose"
    QString value; // decimal, up to 4 integer and 2 fraction digits
    QString unit;  // "°C", "bpm", "mmHg", "mmHg", "/min", "%", "kg", "cm", "mmol/L"
    bool operator==(const Vital &o) const { return code == o.code && value == o.value && unit == o.unit; }
};

struct ReportSections
{
    QString complaints;
    QString anamnesis;
    QList<Vital> vitals;
    QString examination;
    QString diagnosis;
    QString icd10; // optional ICD-10 code, e.g. "J06.9"
    QString treatmentPlan;
    QString recommendations;
    QString notes;
    // The text sections ("diagnosis", "treatmentPlan", ...) that contain text the AI consilium
    // drafted and the doctor accepted (issue 6): marked on screen and on the printout. In the
    // order of a report; empty for a report written by the doctor alone.
    QStringList aiDrafted;
    bool operator==(const ReportSections &o) const
    {
        return complaints == o.complaints && anamnesis == o.anamnesis && vitals == o.vitals &&
               examination == o.examination && diagnosis == o.diagnosis && icd10 == o.icd10 &&
               treatmentPlan == o.treatmentPlan && recommendations == o.recommendations && notes == o.notes &&
               aiDrafted == o.aiDrafted;
    }
};

// A visit report. A signed report never changes again; a correction is a new report whose
// addendumTo names it. When two PCs edited one draft, the server keeps the second version as
// its own draft whose variantOf names the first, for the doctor to choose.
struct Report
{
    qint64 localId = 0;
    QUuid id;
    QUuid visitId;
    QUuid patientId;
    QString authorId; // server user id of the doctor
    ReportStatus status = ReportStatus::Draft;
    QUuid addendumTo; // null unless this is an addendum to a signed report
    QUuid variantOf;  // null unless the server kept this as a conflicting copy of a draft
    ReportSections sections;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime signedAt; // invalid while a draft
    bool deleted = false;
    qint64 revision = 0;
    SyncState syncState = SyncState::New;
};

} // namespace medora
