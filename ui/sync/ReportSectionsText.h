#pragma once

#include "domain/Report.h"

#include <QCoreApplication>
#include <QString>

namespace medora {

// A report's sections as plain text with translated headings, for reading two versions of a
// draft side by side. Empty sections are named too, so a section one version left out shows.
class ReportSectionsText
{
    Q_DECLARE_TR_FUNCTIONS(ReportSectionsText)

public:
    static QString text(const ReportSections &sections);
    static QString vitalName(const QString &code);
};

} // namespace medora
