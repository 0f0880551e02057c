#pragma once

#include "domain/Report.h"

#include <QList>
#include <QString>

namespace medora {

// Plausible ranges of the vital signs. A value outside its range is more often a typo
// (37 typed as 73) than a finding, so the editor warns; it never refuses, because a real
// patient can be outside any range and the doctor has the last word.
class VitalRanges
{
public:
    enum class Verdict
    {
        Empty,      // nothing typed
        Malformed,  // not a number the report can store (at most 4 + 2 digits, such as 36.6)
        Plausible,  // inside the range
        Implausible // a number outside the range: warn
    };

    struct Range
    {
        double low = 0;
        double high = 0;
    };

    // The range of `code`; {0, 0} for an unknown code.
    static Range range(const QString &code);
    // A typed value as the report stores it: trimmed, a decimal comma turned into a point.
    static QString normalized(const QString &typed);
    // Checks a typed value (normalized first).
    static Verdict check(const QString &code, const QString &typed);
    // Systolic at or below diastolic: swapped fields, most likely.
    static bool pressuresSwapped(const QList<Vital> &vitals);
};

} // namespace medora
