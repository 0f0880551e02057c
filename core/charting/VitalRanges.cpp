#include "charting/VitalRanges.h"

#include <QHash>
#include <QRegularExpression>

namespace medora {

VitalRanges::Range VitalRanges::range(const QString &code)
{
    // Wide on purpose: the warning is for values no living patient in a clinic has, not for
    // abnormal ones (a fever of 40 °C is plausible and must not nag).
    static const QHash<QString, Range> ranges = {
        {QStringLiteral("temperature"), {34.0, 42.5}}, {QStringLiteral("pulse"), {30, 220}},
        {QStringLiteral("bp_systolic"), {60, 260}},    {QStringLiteral("bp_diastolic"), {30, 160}},
        {QStringLiteral("resp_rate"), {6, 60}},        {QStringLiteral("spo2"), {70, 100}},
        {QStringLiteral("weight"), {0.5, 300}},        {QStringLiteral("height"), {30, 250}},
        {QStringLiteral("glucose"), {1.5, 35}},
    };
    return ranges.value(code);
}

QString VitalRanges::normalized(const QString &typed)
{
    QString value = typed.trimmed();
    value.replace(QLatin1Char(','), QLatin1Char('.'));
    return value;
}

VitalRanges::Verdict VitalRanges::check(const QString &code, const QString &typed)
{
    const QString value = normalized(typed);
    if (value.isEmpty())
        return Verdict::Empty;
    // The sync format's number: 1..4 integer digits, optionally 1..2 fraction digits.
    static const QRegularExpression number(QStringLiteral("^-?[0-9]{1,4}(\\.[0-9]{1,2})?$"));
    if (!number.match(value).hasMatch())
        return Verdict::Malformed;
    const Range bounds = range(code);
    const double x = value.toDouble();
    if (bounds.low == 0 && bounds.high == 0)
        return Verdict::Plausible;
    return x < bounds.low || x > bounds.high ? Verdict::Implausible : Verdict::Plausible;
}

bool VitalRanges::pressuresSwapped(const QList<Vital> &vitals)
{
    QString systolic;
    QString diastolic;
    for (const Vital &vital : vitals) {
        if (vital.code == QLatin1String("bp_systolic"))
            systolic = vital.value;
        else if (vital.code == QLatin1String("bp_diastolic"))
            diastolic = vital.value;
    }
    if (systolic.isEmpty() || diastolic.isEmpty())
        return false;
    return systolic.toDouble() <= diastolic.toDouble();
}

} // namespace medora
