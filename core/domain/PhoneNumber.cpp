#include "domain/PhoneNumber.h"

namespace medora {

namespace {

constexpr int kNationalLength = 9;
const QLatin1String kCountryCode("998");

bool isE164(const QString &text)
{
    if (text.size() != 1 + 3 + kNationalLength || !text.startsWith(QLatin1String("+998")))
        return false;
    for (qsizetype i = 4; i < text.size(); ++i) {
        if (text[i] < QLatin1Char('0') || text[i] > QLatin1Char('9'))
            return false;
    }
    return text[4] != QLatin1Char('0');
}

} // namespace

QString PhoneNumber::toE164(const QString &input)
{
    const QString text = input.trimmed();
    QString digits;
    digits.reserve(text.size());
    bool plus = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digits.append(c);
        else if (c == QLatin1Char('+') && i == 0)
            plus = true;
        else if (!c.isSpace() && c != QLatin1Char('-') && c != QLatin1Char('(') && c != QLatin1Char(')'))
            return {};
    }

    QString national;
    if (digits.size() == 3 + kNationalLength && digits.startsWith(kCountryCode))
        national = digits.mid(3);
    else if (plus)
        return {}; // "+" is only accepted in front of the full +998 number
    else if (digits.size() == kNationalLength)
        national = digits;
    else if (digits.size() == 1 + kNationalLength &&
             (digits.front() == QLatin1Char('8') || digits.front() == QLatin1Char('0')))
        national = digits.mid(1); // old trunk prefix: "8 90 1234567", "0 90 1234567"
    else
        return {};

    if (national.front() == QLatin1Char('0'))
        return {};
    return QLatin1String("+998") + national;
}

QString PhoneNumber::format(const QString &e164)
{
    if (!isE164(e164))
        return e164;
    const QString national = e164.mid(4);
    return QLatin1String("+998 ") + national.left(2) + QLatin1Char(' ') + national.mid(2, 3) +
           QLatin1Char(' ') + national.mid(5, 2) + QLatin1Char(' ') + national.mid(7, 2);
}

QString PhoneNumber::nationalDigits(const QString &e164)
{
    return isE164(e164) ? e164.mid(4) : QString();
}

QString PhoneNumber::digitsOnly(const QString &text)
{
    QString digits;
    digits.reserve(text.size());
    for (const QChar c : text) {
        if (c.isDigit())
            digits.append(QLatin1Char(char('0' + c.digitValue())));
    }
    return digits;
}

} // namespace medora
