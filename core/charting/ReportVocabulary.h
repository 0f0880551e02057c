#pragma once

#include "domain/Report.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace medora {

// The names of a report's parts as doctors read them, shared by the editor, the chart's
// reader and the printout so that one heading is translated once. Section keys are those of
// the sync format ("complaints", "treatmentPlan"); the vitals are their codes.
class ReportVocabulary
{
    Q_DECLARE_TR_FUNCTIONS(ReportVocabulary)

public:
    // The free-text sections in the order of a report (vitals and ICD-10 are not text).
    static QStringList textSectionKeys();
    static QString sectionTitle(const QString &key);
    static QString sectionText(const ReportSections &sections, const QString &key);
    static void setSectionText(ReportSections &sections, const QString &key, const QString &text);

    // The vital codes of the sync format, in the order of a form.
    static QStringList vitalCodes();
    static QString vitalName(const QString &code);
    static QString vitalUnit(const QString &code); // the unit the sync format requires
};

} // namespace medora
