#include "ai/PromptScrubber.h"

#include <QRegularExpression>

namespace medora::server {

namespace {

// Uzbek letter marks that stand for the same apostrophe.
QString foldApostrophes(QString text)
{
    for (const QChar c :
         {QChar(0x02BB), QChar(0x02BC), QChar(0x2018), QChar(0x2019), QChar(0x0060), QChar(0x00B4)})
        text.replace(c, QLatin1Char('\''));
    return text;
}

int digitCount(const QString &text)
{
    int digits = 0;
    for (const QChar c : text)
        digits += c.isDigit() ? 1 : 0;
    return digits;
}

} // namespace

PromptScrubber::PromptScrubber(Identity identity)
{
    for (const QString &part : std::as_const(identity.nameParts)) {
        const QStringList words =
            foldApostrophes(part).split(QRegularExpression(QStringLiteral("[\\s\\-]+")), Qt::SkipEmptyParts);
        for (const QString &word : words) {
            if (word.size() >= 2 && !m_words.contains(word.toLower()))
                m_words << word.toLower();
        }
    }
    for (const QString &literal : {identity.address.trimmed(), identity.patientNumber.trimmed()}) {
        if (literal.size() >= 4)
            m_literal << literal;
    }
}

QString PromptScrubber::scrub(const QString &input) const
{
    QString text = foldApostrophes(input);
    for (const QString &literal : m_literal)
        text.replace(foldApostrophes(literal), numberPlaceholder(), Qt::CaseInsensitive);

    // Phones and document numbers: digit runs with separators.
    static const QRegularExpression digits(
        QStringLiteral("(?<![\\w.,])\\+?\\d(?:[\\s\\-().]{0,2}\\d){6,}(?![\\w])"));
    static const QRegularExpression localPhone(QStringLiteral("^\\d{3}-\\d{2}-\\d{2}$"));
    QString result;
    qsizetype last = 0;
    for (auto it = digits.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString found = m.captured();
        const bool phoneLike = found.startsWith(QLatin1Char('+')) || digitCount(found) >= 9 ||
                               localPhone.match(found).hasMatch();
        if (!phoneLike)
            continue;
        result += text.mid(last, m.capturedStart() - last) + numberPlaceholder();
        last = m.capturedEnd();
    }
    result += text.mid(last);
    text = result;

    static const QRegularExpression passport(QStringLiteral("\\b[A-Za-z]{2}\\s?\\d{7}\\b"));
    text.replace(passport, numberPlaceholder());
    static const QRegularExpression patientNumber(QStringLiteral("\\b[A-Z]{3}-\\d{3,}\\b"));
    text.replace(patientNumber, numberPlaceholder());

    if (m_words.isEmpty())
        return text;
    // A word that is a name part, or starts with one of 4+ letters (suffixes: -ning, -ga, -а, -ой).
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{M}']+"));
    result.clear();
    last = 0;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString lower = m.captured().toLower();
        bool isName = false;
        for (const QString &name : m_words) {
            if (lower == name || (name.size() >= 4 && lower.startsWith(name))) {
                isName = true;
                break;
            }
        }
        if (!isName)
            continue;
        result += text.mid(last, m.capturedStart() - last) + namePlaceholder();
        last = m.capturedEnd();
    }
    result += text.mid(last);
    return result;
}

} // namespace medora::server
