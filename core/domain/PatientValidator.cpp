#include "domain/PatientValidator.h"

#include "domain/NameNormalizer.h"
#include "domain/PhoneNumber.h"

namespace medora {

namespace {

constexpr int kMaxNameLength = 100;
constexpr int kMaxFreeTextLength = 4000;
constexpr int kMaxAgeYears = 130;

enum class NameProblem
{
    None,
    Missing,
    TooLong,
    BadCharacter
};

NameProblem checkName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return NameProblem::Missing;
    if (trimmed.size() > kMaxNameLength)
        return NameProblem::TooLong;
    bool hasLetter = false;
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed[i];
        if (NameNormalizer::isLetterMark(c) || c.isSpace() || c == QLatin1Char('-'))
            continue;
        char32_t codePoint = c.unicode();
        if (c.isHighSurrogate() && i + 1 < trimmed.size() && trimmed[i + 1].isLowSurrogate())
            codePoint = QChar::surrogateToUcs4(c, trimmed[++i]);
        if (QChar::isLetter(codePoint)) {
            hasLetter = true;
            continue;
        }
        // Combining accents of a decomposed letter ("й" typed as и + U+0306).
        if (hasLetter && QChar::isMark(codePoint))
            continue;
        return NameProblem::BadCharacter;
    }
    return hasLetter ? NameProblem::None : NameProblem::BadCharacter;
}

} // namespace

FieldErrors PatientValidator::validate(const Patient &patient, const QDate &today)
{
    FieldErrors errors;
    const auto add = [&errors](const char *field, const QString &message) {
        errors.append(FieldError{QLatin1String(field), message});
    };

    switch (checkName(patient.lastName)) {
    case NameProblem::None:
        break;
    case NameProblem::Missing:
        add("lastName", tr("Last name is required."));
        break;
    case NameProblem::TooLong:
        add("lastName", tr("Last name must be at most %n characters.", nullptr, kMaxNameLength));
        break;
    case NameProblem::BadCharacter:
        add("lastName", tr("Last name may contain only letters, spaces, hyphens and the ʻ mark."));
        break;
    }

    switch (checkName(patient.firstName)) {
    case NameProblem::None:
        break;
    case NameProblem::Missing:
        add("firstName", tr("First name is required."));
        break;
    case NameProblem::TooLong:
        add("firstName", tr("First name must be at most %n characters.", nullptr, kMaxNameLength));
        break;
    case NameProblem::BadCharacter:
        add("firstName", tr("First name may contain only letters, spaces, hyphens and the ʻ mark."));
        break;
    }

    switch (checkName(patient.fatherName)) {
    case NameProblem::None:
    case NameProblem::Missing: // optional
        break;
    case NameProblem::TooLong:
        add("fatherName", tr("Father's name must be at most %n characters.", nullptr, kMaxNameLength));
        break;
    case NameProblem::BadCharacter:
        add("fatherName", tr("Father's name may contain only letters, spaces, hyphens and the ʻ mark."));
        break;
    }

    // An unknown date of birth is allowed (invalid QDate); a known one must be plausible.
    if (patient.birthDate.isValid()) {
        if (patient.birthDate > today)
            add("birthDate", tr("Date of birth cannot be in the future."));
        else if (patient.birthDate < today.addYears(-kMaxAgeYears))
            add("birthDate", tr("Date of birth is more than %n years ago.", nullptr, kMaxAgeYears));
    }

    if (patient.sex != Sex::Male && patient.sex != Sex::Female)
        add("sex", tr("Sex is required."));

    if (!patient.phone.trimmed().isEmpty() && !PhoneNumber::isValid(patient.phone))
        add("phone", tr("Phone number must be an Uzbek number such as +998 90 123 45 67."));

    const auto checkFreeText = [&add](const char *field, const QString &text, const QString &message) {
        if (text.size() > kMaxFreeTextLength)
            add(field, message);
    };
    checkFreeText("address", patient.address,
                  tr("Address must be at most %n characters.", nullptr, kMaxFreeTextLength));
    checkFreeText("allergies", patient.allergies,
                  tr("Allergies must be at most %n characters.", nullptr, kMaxFreeTextLength));
    checkFreeText("medications", patient.medications,
                  tr("Current medications must be at most %n characters.", nullptr, kMaxFreeTextLength));
    checkFreeText("history", patient.history,
                  tr("Medical history must be at most %n characters.", nullptr, kMaxFreeTextLength));
    checkFreeText("notes", patient.notes,
                  tr("Notes must be at most %n characters.", nullptr, kMaxFreeTextLength));

    return errors;
}

QDate PatientValidator::birthDateFromAge(int years, const QDate &today)
{
    if (years < 0 || years > kMaxAgeYears || !today.isValid())
        return {};
    // 1 July always lies inside the range of birth dates that give this age today, and
    // on a card it reads as an obvious estimate.
    const int birthYear = today.year() - years - (today < QDate(today.year(), 7, 1) ? 1 : 0);
    const QDate estimate(birthYear, 7, 1);
    // At the 130-year limit 1 July may fall just outside what validate() accepts.
    const QDate oldest = today.addYears(-kMaxAgeYears);
    return estimate < oldest ? oldest : estimate;
}

int PatientValidator::ageInYears(const QDate &birthDate, const QDate &today)
{
    if (!birthDate.isValid() || !today.isValid() || birthDate > today)
        return -1;
    // Someone born on 29 February turns a year older on 28 February in common years, the
    // same rule QDate::addYears() applies (and the civil-code rule for month-based terms).
    int years = today.year() - birthDate.year();
    if (birthDate.addYears(years) > today)
        --years;
    return years;
}

} // namespace medora
