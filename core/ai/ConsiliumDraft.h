#pragma once

#include "ai/ConsiliumResults.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>

namespace medora {

// The AI's answers as report text the doctor may accept, section by section (keys of the
// sync format: "diagnosis", "treatmentPlan", "recommendations", "examination", "notes"), and
// as HTML for reading them first. The HTML escapes every text the AI wrote; links are only
// the sources' http(s) URLs, which ConsiliumResults has checked.
class ConsiliumDraft
{
    Q_DECLARE_TR_FUNCTIONS(ConsiliumDraft)

public:
    static QMap<QString, QString> sections(const ConsiliumReport &report);
    static QMap<QString, QString> sections(const DifferentialDiagnosis &differential);
    static QMap<QString, QString> sections(const ImageFindings &findings);

    static QString html(const ConsiliumReport &report);
    static QString html(const DifferentialDiagnosis &differential);
    static QString html(const ImageFindings &findings);

    static QString urgencyText(const QString &urgency); // emergency, urgent, routine
    // "Omeprazole 20 mg, twice daily, 4 weeks. Cautions: …", with the warnings it carries.
    static QString medicationText(const MedicationAdvice &medication);
    static QString diagnosisLine(const RankedDiagnosis &diagnosis);
};

} // namespace medora
