#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace medora {

// One specialty's phrases in one language (resources/templates/<specialty>.<language>.json),
// which the doctor inserts into a report section at the cursor.
struct ReportTemplate
{
    QString specialty;                  // "internal_medicine", "paediatrics", ...
    QString language;                   // "uz" (Latin script) or "ru"
    QString title;                      // shown in the specialty list, in the template's language
    QMap<QString, QStringList> phrases; // by text section key ("complaints", "treatmentPlan")
};

} // namespace medora
