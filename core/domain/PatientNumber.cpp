#include "domain/PatientNumber.h"

#include <QRandomGenerator>

namespace medora {

namespace {

// No I or O: on a printed card they are mistaken for 1 and 0.
constexpr char kPrefixAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";
constexpr int kPrefixAlphabetSize = sizeof(kPrefixAlphabet) - 1;
constexpr int kPrefixLength = 3;
constexpr int kMinSequenceDigits = 5;

bool isPrefixLetter(QChar c)
{
    for (int i = 0; i < kPrefixAlphabetSize; ++i) {
        if (c == QLatin1Char(kPrefixAlphabet[i]))
            return true;
    }
    return false;
}

} // namespace

QString PatientNumber::randomDevicePrefix()
{
    QString prefix;
    for (int i = 0; i < kPrefixLength; ++i)
        prefix.append(QLatin1Char(kPrefixAlphabet[QRandomGenerator::system()->bounded(kPrefixAlphabetSize)]));
    return prefix;
}

bool PatientNumber::isValidPrefix(const QString &prefix)
{
    if (prefix.size() != kPrefixLength)
        return false;
    for (const QChar c : prefix) {
        if (!isPrefixLetter(c))
            return false;
    }
    return true;
}

QString PatientNumber::format(const QString &prefix, qint64 sequence)
{
    if (!isValidPrefix(prefix) || sequence < 1)
        return {};
    return prefix + QLatin1Char('-') +
           QStringLiteral("%1").arg(sequence, kMinSequenceDigits, 10, QLatin1Char('0'));
}

bool PatientNumber::isValid(const QString &number)
{
    if (number.size() < kPrefixLength + 1 + kMinSequenceDigits ||
        !isValidPrefix(number.left(kPrefixLength)) || number[kPrefixLength] != QLatin1Char('-'))
        return false;
    const QString digits = number.mid(kPrefixLength + 1);
    for (const QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    // Only the canonical spelling format() produces: padding to five digits, no more.
    if (digits.size() > kMinSequenceDigits && digits.front() == QLatin1Char('0'))
        return false;
    bool ok = false;
    const qint64 sequence = digits.toLongLong(&ok);
    return ok && sequence >= 1;
}

QString PatientNumber::searchKey(const QString &number)
{
    QString key;
    key.reserve(number.size());
    for (const QChar c : number) {
        const char16_t u = c.unicode();
        if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9'))
            key.append(c);
        else if (u >= u'A' && u <= u'Z')
            key.append(QChar(u - u'A' + u'a'));
    }
    return key;
}

} // namespace medora
