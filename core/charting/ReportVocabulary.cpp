#include "charting/ReportVocabulary.h"

namespace medora {

QStringList ReportVocabulary::textSectionKeys()
{
    return {QStringLiteral("complaints"), QStringLiteral("anamnesis"),     QStringLiteral("examination"),
            QStringLiteral("diagnosis"),  QStringLiteral("treatmentPlan"), QStringLiteral("recommendations"),
            QStringLiteral("notes")};
}

QString ReportVocabulary::sectionTitle(const QString &key)
{
    if (key == QLatin1String("complaints"))
        return tr("Complaints");
    if (key == QLatin1String("anamnesis"))
        return tr("Anamnesis");
    if (key == QLatin1String("vitals"))
        return tr("Vital signs");
    if (key == QLatin1String("examination"))
        return tr("Examination");
    if (key == QLatin1String("diagnosis"))
        return tr("Diagnosis");
    if (key == QLatin1String("icd10"))
        return tr("ICD-10 code");
    if (key == QLatin1String("treatmentPlan"))
        return tr("Treatment plan");
    if (key == QLatin1String("recommendations"))
        return tr("Recommendations");
    if (key == QLatin1String("notes"))
        return tr("Notes");
    return key;
}

QString ReportVocabulary::sectionText(const ReportSections &sections, const QString &key)
{
    if (key == QLatin1String("complaints"))
        return sections.complaints;
    if (key == QLatin1String("anamnesis"))
        return sections.anamnesis;
    if (key == QLatin1String("examination"))
        return sections.examination;
    if (key == QLatin1String("diagnosis"))
        return sections.diagnosis;
    if (key == QLatin1String("icd10"))
        return sections.icd10;
    if (key == QLatin1String("treatmentPlan"))
        return sections.treatmentPlan;
    if (key == QLatin1String("recommendations"))
        return sections.recommendations;
    if (key == QLatin1String("notes"))
        return sections.notes;
    return QString();
}

void ReportVocabulary::setSectionText(ReportSections &sections, const QString &key, const QString &text)
{
    if (key == QLatin1String("complaints"))
        sections.complaints = text;
    else if (key == QLatin1String("anamnesis"))
        sections.anamnesis = text;
    else if (key == QLatin1String("examination"))
        sections.examination = text;
    else if (key == QLatin1String("diagnosis"))
        sections.diagnosis = text;
    else if (key == QLatin1String("icd10"))
        sections.icd10 = text;
    else if (key == QLatin1String("treatmentPlan"))
        sections.treatmentPlan = text;
    else if (key == QLatin1String("recommendations"))
        sections.recommendations = text;
    else if (key == QLatin1String("notes"))
        sections.notes = text;
}

QStringList ReportVocabulary::vitalCodes()
{
    return {QStringLiteral("temperature"),  QStringLiteral("pulse"),     QStringLiteral("bp_systolic"),
            QStringLiteral("bp_diastolic"), QStringLiteral("resp_rate"), QStringLiteral("spo2"),
            QStringLiteral("weight"),       QStringLiteral("height"),    QStringLiteral("glucose")};
}

QString ReportVocabulary::vitalName(const QString &code)
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

QString ReportVocabulary::vitalUnit(const QString &code)
{
    // The sync format fixes these exact strings (EntityJson); they are stored, not shown
    // translated, so that every PC and the server agree.
    if (code == QLatin1String("temperature"))
        return QStringLiteral("°C");
    if (code == QLatin1String("pulse"))
        return QStringLiteral("bpm");
    if (code == QLatin1String("bp_systolic") || code == QLatin1String("bp_diastolic"))
        return QStringLiteral("mmHg");
    if (code == QLatin1String("resp_rate"))
        return QStringLiteral("/min");
    if (code == QLatin1String("spo2"))
        return QStringLiteral("%");
    if (code == QLatin1String("weight"))
        return QStringLiteral("kg");
    if (code == QLatin1String("height"))
        return QStringLiteral("cm");
    if (code == QLatin1String("glucose"))
        return QStringLiteral("mmol/L");
    return QString();
}

} // namespace medora
