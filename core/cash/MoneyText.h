#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace medora {

// Amounts of so'm as people type and read them: whole numbers grouped by the language's
// thousands separator ("150 000" in Uzbek and Russian, "150,000" in English). Money is
// never a floating-point number anywhere on the way.
class MoneyText
{
    Q_DECLARE_TR_FUNCTIONS(MoneyText)

public:
    // The largest single payment the desk accepts (one billion so'm): anything above is a
    // typing slip (a few zeros too many), not a real fee.
    static constexpr qint64 kMaxAmount = 1000000000LL;

    enum class Problem
    {
        None,
        Empty,
        NotANumber, // letters or other signs
        Fraction,   // a decimal part: so'm are whole
        NotPositive,
        TooLarge,
    };

    struct Parsed
    {
        qint64 amount = 0;
        Problem problem = Problem::Empty;
        bool ok() const { return problem == Problem::None; }
    };

    // Reads a typed amount: digits, with any spaces and the language's group separator.
    static Parsed parse(const QString &text, const QLocale &locale = QLocale());
    // "150 000" (no currency).
    static QString format(qint64 amount, const QLocale &locale = QLocale());
    // "150 000 so'm" in the user's language.
    static QString withCurrency(qint64 amount, const QLocale &locale = QLocale());
    // What is wrong with a typed amount, in the user's language (empty for Problem::None).
    static QString problemText(Problem problem);

    // As-you-type grouping: when `text` holds only digits and separators, returns it with
    // the digits grouped again and moves `cursor` so it stays after the same digit. Anything
    // else (letters, a decimal part) comes back unchanged, so nothing typed is lost.
    static QString regroup(const QString &text, const QLocale &locale, int *cursor);
};

} // namespace medora
