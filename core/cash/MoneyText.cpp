#include "cash/MoneyText.h"

namespace medora {

namespace {

// Spaces of every kind count as separators: locales group with U+00A0 or U+202F, people
// type a plain space.
bool isSeparator(QChar c, const QLocale &locale)
{
    return c.isSpace() || c == QChar(0x202F) || c == QChar(0x00A0) || QString(c) == locale.groupSeparator() ||
           c == QLatin1Char('\'');
}

} // namespace

MoneyText::Parsed MoneyText::parse(const QString &text, const QLocale &locale)
{
    Parsed parsed;
    QString digits;
    const QString decimal = locale.decimalPoint();
    const QString trimmed = text.trimmed();
    bool fraction = false;
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9')) {
            if (fraction && c != QLatin1Char('0')) {
                parsed.problem = Problem::Fraction;
                return parsed;
            }
            if (!fraction)
                digits += c;
        } else if (isSeparator(c, locale)) {
            continue;
        } else if (QString(c) == decimal && !fraction && !digits.isEmpty()) {
            // "150 000,00" is whole so'm written with kopecks; "150,5" is not.
            fraction = true;
        } else {
            parsed.problem = Problem::NotANumber;
            return parsed;
        }
    }
    if (digits.isEmpty()) {
        parsed.problem = trimmed.isEmpty() ? Problem::Empty : Problem::NotANumber;
        return parsed;
    }
    while (digits.size() > 1 && digits.startsWith(QLatin1Char('0')))
        digits.remove(0, 1);
    if (digits.size() > 12) {
        parsed.problem = Problem::TooLarge;
        return parsed;
    }
    parsed.amount = digits.toLongLong();
    if (parsed.amount <= 0)
        parsed.problem = Problem::NotPositive;
    else if (parsed.amount > kMaxAmount)
        parsed.problem = Problem::TooLarge;
    else
        parsed.problem = Problem::None;
    return parsed;
}

QString MoneyText::format(qint64 amount, const QLocale &locale)
{
    QLocale grouped = locale;
    grouped.setNumberOptions(grouped.numberOptions() & ~QLocale::OmitGroupSeparator);
    return grouped.toString(amount);
}

QString MoneyText::withCurrency(qint64 amount, const QLocale &locale)
{
    return tr("%1 so'm").arg(format(amount, locale));
}

QString MoneyText::problemText(Problem problem)
{
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::Empty:
        return tr("Enter the amount in so'm.");
    case Problem::NotANumber:
        return tr("Enter the amount in digits only, for example 150 000.");
    case Problem::Fraction:
        return tr("Enter whole so'm, without a fractional part.");
    case Problem::NotPositive:
        return tr("The amount must be more than zero so'm.");
    case Problem::TooLarge:
        return tr("The amount can be at most %1 so'm.").arg(format(kMaxAmount));
    }
    return {};
}

QString MoneyText::regroup(const QString &text, const QLocale &locale, int *cursor)
{
    int digitsBeforeCursor = 0;
    QString digits;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9')) {
            digits += c;
            if (cursor && i < *cursor)
                ++digitsBeforeCursor;
        } else if (!isSeparator(c, locale)) {
            return text;
        }
    }
    // Thirteen digits and more would not fit the amount; a leading zero would be dropped by
    // the formatting. Both are left as typed for the error to name.
    if (digits.isEmpty() || digits.size() > 13 || digits.startsWith(QLatin1Char('0')))
        return text;
    const QString result = format(digits.toLongLong(), locale);
    if (cursor) {
        int seen = 0;
        int newCursor = 0;
        for (qsizetype i = 0; i < result.size() && seen < digitsBeforeCursor; ++i) {
            if (result.at(i).isDigit())
                ++seen;
            newCursor = int(i) + 1;
        }
        *cursor = newCursor;
    }
    return result;
}

} // namespace medora
