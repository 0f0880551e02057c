#pragma once

#include "api/ApiError.h"

#include <QCoreApplication>
#include <QString>

namespace medora {

// What the user reads when a call to the server fails: one translated sentence per error
// code, with the wait time for throttling and a hint for the fixable cases (address, clinic
// CA certificate). The server's English message is never shown as the explanation.
class ApiErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ApiErrorText)

public:
    static QString describe(const ApiError &error);
    // "clinic administrator", "doctor", "receptionist"; an unknown role as the server spells it.
    static QString roleName(const QString &role);
    // "%n second(s)" up to 90 s, then whole minutes.
    static QString waitTime(int seconds);
};

} // namespace medora
