#pragma once

#include <QString>

namespace medora::server {

// The words around a one-time code, in the language the person asked in (Uzbek Latin or
// Russian; anything else gets Uzbek). Short enough for one SMS segment where possible; the
// code is never logged, only sent.
class RecoveryMessages
{
public:
    enum class Purpose
    {
        PasswordReset,
        Signup
    };
    static QString smsText(Purpose purpose, const QString &language, const QString &code, int minutes);
    static QString mailSubject(Purpose purpose, const QString &language);
    static QString mailBody(Purpose purpose, const QString &language, const QString &code, int minutes);
};

} // namespace medora::server
