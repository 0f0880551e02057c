#include "auth/PasswordPolicy.h"

#include "auth/Sodium.h"
#include "domain/PhoneNumber.h"

#include <QFile>
#include <QSet>
#include <QTextStream>

namespace medora::server {

namespace {

// Loaded once, on first use; a missing resource would be a build defect, so it is loud.
const QSet<QString> &commonPasswords()
{
    static const QSet<QString> passwords = [] {
        QSet<QString> set;
        QFile file(QStringLiteral(":/server/common-passwords.txt"));
        if (!file.open(QIODevice::ReadOnly)) {
            qFatal("medora-server: the common password list is missing from the build");
        }
        QTextStream in(&file);
        in.setEncoding(QStringConverter::Utf8);
        QString line;
        while (in.readLineInto(&line)) {
            const QString word = line.trimmed().toLower();
            if (!word.isEmpty() && !word.startsWith(QLatin1Char('#')))
                set.insert(word);
        }
        set.squeeze();
        return set;
    }();
    return passwords;
}

int codePointCount(const QString &text)
{
    int count = 0;
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

// Unambiguous when read aloud or copied from paper: no 0/O/o, 1/l/I/i.
constexpr char kOneTimeAlphabet[] = "23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
constexpr int kOneTimeLength = 16;

} // namespace

std::optional<ServiceError> PasswordPolicy::check(const QString &password, const QString &field,
                                                  const QString &login, const QString &phone)
{
    const int length = codePointCount(password);
    if (length < minimumLength) {
        return ServiceError::badInput(
            QStringLiteral("password_too_short"), field,
            QStringLiteral("The password must have at least %1 characters.").arg(minimumLength));
    }
    if (length > maximumLength) {
        return ServiceError::badInput(
            QStringLiteral("password_too_long"), field,
            QStringLiteral("The password must have at most %1 characters.").arg(maximumLength));
    }
    if (isCommon(password)) {
        return ServiceError::badInput(QStringLiteral("common_password"), field,
                                      QStringLiteral("This password is too common; choose another."));
    }
    const bool matchesLogin = !login.isEmpty() && password.compare(login, Qt::CaseInsensitive) == 0;
    const QString passwordAsPhone = medora::PhoneNumber::toE164(password);
    const QString accountPhone = medora::PhoneNumber::toE164(phone);
    const bool matchesPhone = !accountPhone.isEmpty() && passwordAsPhone == accountPhone;
    if (matchesLogin || matchesPhone) {
        return ServiceError::badInput(QStringLiteral("password_matches_login"), field,
                                      QStringLiteral("The password must not be the login name or phone."));
    }
    return std::nullopt;
}

bool PasswordPolicy::isCommon(const QString &password)
{
    return commonPasswords().contains(password.toLower());
}

QString PasswordPolicy::generateOneTimePassword()
{
    const quint32 alphabetSize = sizeof kOneTimeAlphabet - 1;
    QString password;
    password.reserve(kOneTimeLength);
    for (int i = 0; i < kOneTimeLength; ++i)
        password.append(QLatin1Char(kOneTimeAlphabet[Sodium::uniform(alphabetSize)]));
    return password;
}

} // namespace medora::server
