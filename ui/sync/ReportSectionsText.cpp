#include "sync/ReportSectionsText.h"

#include <QStringList>

namespace medora {

QString ReportSectionsText::vitalName(const QString &code)
{
    if (code == QLatin1String("temperature"))
        return tr("Temperature");
    if (code == QLatin1String("pulse"))
        return tr("Pulse");
    if (code == QLatin1String("bp_systolic"))
        return tr("Blood pressure, systolic");
    if (code == QLatin1String("bp_diastolic"))
        return tr("Blood pressure, diastolic");
    if (code == QLatin1String("resp_rate"))
        return tr("Respiratory rate");
    if (code == QLatin1String("spo2"))
        return tr("Oxygen saturation (SpO₂)");
    if (code == QLatin1String("weight"))
        return tr("Weight");
    if (code == QLatin1String("height"))
        return tr("Height");
    if (code == QLatin1String("glucose"))
        return tr("Blood glucose");
    return code;
}

QString ReportSectionsText::text(const ReportSections &sections)
{
    const QString empty = tr("(empty)");
    QStringList blocks;
    const auto add = [&blocks, &empty](const QString &heading, const QString &body) {
        blocks << heading + QLatin1Char('\n') + (body.trimmed().isEmpty() ? empty : body);
    };
    add(tr("Complaints"), sections.complaints);
    add(tr("Anamnesis"), sections.anamnesis);
    QStringList vitals;
    for (const Vital &vital : sections.vitals)
        vitals << tr("%1: %2 %3").arg(vitalName(vital.code), vital.value, vital.unit).trimmed();
    add(tr("Vital signs"), vitals.join(QLatin1Char('\n')));
    add(tr("Examination"), sections.examination);
    add(tr("Diagnosis"), sections.icd10.isEmpty()
                             ? sections.diagnosis
                             : tr("%1 (ICD-10 %2)").arg(sections.diagnosis.trimmed(), sections.icd10));
    add(tr("Treatment plan"), sections.treatmentPlan);
    add(tr("Recommendations"), sections.recommendations);
    add(tr("Notes"), sections.notes);
    return blocks.join(QStringLiteral("\n\n"));
}

} // namespace medora
