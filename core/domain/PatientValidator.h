#pragma once

#include "domain/FieldError.h"
#include "domain/Patient.h"

#include <QCoreApplication>
#include <QDate>

namespace medora {

// Checks a patient before it is saved. Messages are translated and name the field.
// Rules: last and first name required (1..100 chars, letters, spaces, hyphen, letter mark);
// father's name optional, same charset; birth date not in the future and not more than
// 130 years ago; sex required; phone optional but a valid Uzbek number when given; free
// text fields at most 4000 chars.
class PatientValidator
{
    Q_DECLARE_TR_FUNCTIONS(PatientValidator)

public:
    static FieldErrors validate(const Patient &patient, const QDate &today = QDate::currentDate());
    // Birth date estimated from an age in whole years (1 July of the birth year range midpoint).
    // Invalid for ages outside 0..130; at 130 it is clamped so validate() still accepts it.
    static QDate birthDateFromAge(int years, const QDate &today = QDate::currentDate());
    // Completed years; a 29 February birthday counts as 28 February in common years.
    // -1 when either date is invalid or the birth date lies after `today`.
    static int ageInYears(const QDate &birthDate, const QDate &today = QDate::currentDate());
};

} // namespace medora
