#include "auth/ApiErrorText.h"

#include "session/SessionManager.h"

#include <algorithm>

namespace medora {

QString ApiErrorText::waitTime(int seconds)
{
    if (seconds <= 90)
        return tr("%n second(s)", nullptr, std::max(seconds, 1));
    return tr("%n minute(s)", nullptr, (seconds + 59) / 60);
}

QString ApiErrorText::roleName(const QString &role)
{
    if (role == QLatin1String("clinic_admin"))
        return tr("clinic administrator");
    if (role == QLatin1String("doctor"))
        return tr("doctor");
    if (role == QLatin1String("receptionist"))
        return tr("receptionist");
    return role;
}

QString ApiErrorText::describe(const ApiError &error)
{
    const QString &code = error.code;
    if (error.ok())
        return QString();
    if (code == ApiError::offlineCode())
        return tr("The server cannot be reached. Check the network connection and the server address. "
                  "You can keep working offline.");
    if (code == ApiError::timeoutCode())
        return tr("The server did not answer in time. Try again; you can keep working offline meanwhile.");
    if (code == ApiError::tlsCode())
        return tr(
            "The server's certificate is not trusted, so Medora did not connect. If your clinic runs its "
            "own server, ask its administrator for the clinic's CA certificate and start Medora with "
            "--ca-certificate FILE.");
    if (code == ApiError::insecureUrlCode())
        return tr(
            "Addresses starting with http:// are not secure and are refused. Use the https:// address of "
            "the server.");
    if (code == ApiError::invalidUrlCode())
        return tr(
            "The server address is not valid. Enter it like clinic.example.uz or https://clinic.example.uz.");
    if (code == ApiError::tooLargeCode() || code == ApiError::badResponseCode() ||
        code.startsWith(QLatin1String("http_")))
        return tr("The server gave an answer Medora does not understand (%1). Check the server address.")
            .arg(error.httpStatus > 0 ? QString::number(error.httpStatus) : code);
    if (code == ApiError::notSignedInCode())
        return tr("You are not signed in.");
    if (code == ApiError::cancelledCode())
        return tr("Cancelled.");
    if (code == QLatin1String("invalid_credentials"))
        return error.field == QLatin1String("currentPassword") ? tr("The current password is wrong.")
                                                               : tr("The login or the password is wrong.");
    if (code == QLatin1String("login_throttled"))
        return error.retryAfterSeconds >= 0
                   ? tr("Too many sign-in attempts. Try again in %1.").arg(waitTime(error.retryAfterSeconds))
                   : tr("Too many sign-in attempts. Try again later.");
    if (code == QLatin1String("rate_limited"))
        return error.retryAfterSeconds >= 0 ? tr("Too many requests to the server. Try again in %1.")
                                                  .arg(waitTime(error.retryAfterSeconds))
                                            : tr("Too many requests to the server. Try again later.");
    if (code == QLatin1String("busy") || error.httpStatus == 503)
        return error.retryAfterSeconds >= 0
                   ? tr("The server is busy. Try again in %1.").arg(waitTime(error.retryAfterSeconds))
                   : tr("The server is busy. Try again in a moment.");
    if (code == QLatin1String("https_required"))
        return tr("The server accepts only secure connections. Use its https:// address.");
    if (code == QLatin1String("host_not_allowed"))
        return tr("The server does not answer to this address. Use the address your clinic's administrator "
                  "gave you.");
    if (code == QLatin1String("invalid_token"))
        return tr("Your session has ended. Please sign in again.");
    if (code == QLatin1String("password_change_required"))
        return tr("You must change your password first.");
    if (code == QLatin1String("password_too_short"))
        return tr("The password is too short: use at least 8 characters.");
    if (code == QLatin1String("password_too_long"))
        return tr("The password is too long: use at most 128 characters.");
    if (code == QLatin1String("common_password"))
        return tr("This password is one of the most common ones. Choose another.");
    if (code == QLatin1String("weak_password"))
        return tr("This password is too easy to guess. Choose a longer one.");
    if (code == QLatin1String("forbidden"))
        return tr("Your account may not do this.");
    if (code == SessionManager::offlineWrongPasswordCode()) {
        const QString text =
            tr("The server cannot be reached, and the password does not match the one last used "
               "on this computer, so you cannot work offline.");
        return error.retryAfterSeconds > 0
                   ? text + QLatin1Char(' ') +
                         tr("Wait %1 before the next attempt.").arg(waitTime(error.retryAfterSeconds))
                   : text;
    }
    if (code == SessionManager::offlineThrottledCode())
        return tr("The server cannot be reached, and the password was entered wrong too many times on this "
                  "computer. Try again in %1.")
            .arg(waitTime(std::max(error.retryAfterSeconds, 1)));
    if (code == SessionManager::offlineOtherUserCode())
        return tr(
            "The server cannot be reached. Only the person who last signed in online on this computer can "
            "work offline here; sign in when the server is reachable.");
    if (error.httpStatus > 0)
        return tr("The server refused the request (%1, HTTP %2).").arg(code).arg(error.httpStatus);
    return tr("The request failed (%1).").arg(code);
}

} // namespace medora
