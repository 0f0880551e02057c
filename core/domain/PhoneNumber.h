#pragma once

#include <QString>

namespace medora {

// Uzbek phone numbers. Stored as E.164 "+998XXXXXXXXX" (9 national digits); typed in any
// of the local forms receptionists use: "+998 90 123-45-67", "998901234567",
// "90 123 45 67", "(90) 1234567", "8 90 1234567", "0 90 1234567".
class PhoneNumber
{
public:
    // E.164 form, or an empty string when `input` is not a valid Uzbek number.
    static QString toE164(const QString &input);
    static bool isValid(const QString &input) { return !toE164(input).isEmpty(); }
    // "+998 90 123 45 67" for display; returns `e164` unchanged if it is not one of ours.
    static QString format(const QString &e164);
    // The 9 national digits of an E.164 number ("901234567"), or empty.
    static QString nationalDigits(const QString &e164);
    // Only the digits of any text ("+998 (90)" -> "99890").
    static QString digitsOnly(const QString &text);
};

} // namespace medora
