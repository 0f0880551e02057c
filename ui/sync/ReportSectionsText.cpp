#include "sync/ReportSectionsText.h"

#include "charting/ReportVocabulary.h"

#include <QStringList>

namespace medora {

QString ReportSectionsText::vitalName(const QString &code)
{
    return ReportVocabulary::vitalName(code);
}

QString ReportSectionsText::text(const ReportSections &sections)
{
    const QString empty = tr("(empty)");
    QStringList blocks;
    const auto add = [&blocks, &empty](const QString &key, const QString &body) {
        blocks << ReportVocabulary::sectionTitle(key) + QLatin1Char('\n') +
                      (body.trimmed().isEmpty() ? empty : body);
    };
    add(QStringLiteral("complaints"), sections.complaints);
    add(QStringLiteral("anamnesis"), sections.anamnesis);
    QStringList vitals;
    for (const Vital &vital : sections.vitals)
        vitals << tr("%1: %2 %3").arg(vitalName(vital.code), vital.value, vital.unit).trimmed();
    add(QStringLiteral("vitals"), vitals.join(QLatin1Char('\n')));
    add(QStringLiteral("examination"), sections.examination);
    add(QStringLiteral("diagnosis"),
        sections.icd10.isEmpty() ? sections.diagnosis
                                 : tr("%1 (ICD-10 %2)").arg(sections.diagnosis.trimmed(), sections.icd10));
    add(QStringLiteral("treatmentPlan"), sections.treatmentPlan);
    add(QStringLiteral("recommendations"), sections.recommendations);
    add(QStringLiteral("notes"), sections.notes);
    return blocks.join(QStringLiteral("\n\n"));
}

} // namespace medora
