#pragma once

#include "domain/Patient.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace medora {

// The patient card printed at the desk: who the patient is and what a doctor must know
// before treating (allergies, current medications). Registration data only; never
// anything from a report.
class PatientCardHtmlBuilder
{
    Q_DECLARE_TR_FUNCTIONS(PatientCardHtmlBuilder)

public:
    explicit PatientCardHtmlBuilder(const Patient &patient, const QDate &printedOn = QDate::currentDate());

    QString title() const;
    QString bodyHtml() const; // every user text escaped

private:
    Patient m_patient;
    QDate m_printedOn;
};

} // namespace medora
