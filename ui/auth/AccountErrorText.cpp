#include "auth/AccountErrorText.h"

#include "auth/ApiErrorText.h"

namespace medora {

QString AccountErrorText::describe(const ApiError &error)
{
    const QString &code = error.code;
    const QString &field = error.field;
    if (code == QLatin1String("invalid_code"))
        return tr("The code is wrong or has expired. Check the code or ask for a new one.");
    if (code == QLatin1String("channel_unavailable"))
        return field == QLatin1String("email")
                   ? tr("This server cannot send e-mail. Use the phone number or ask your clinic's "
                        "administrator.")
                   : tr("This server cannot send SMS. Ask your clinic's administrator for help.");
    if (code == QLatin1String("delivery_failed"))
        return tr("The SMS could not be sent. Check the phone number and try again in a few minutes.");
    if (code == QLatin1String("consent_outdated"))
        return tr("The terms of use or the privacy policy have just been updated. Read the new version "
                  "and accept it to continue.");
    if (code == QLatin1String("phone_taken"))
        return tr("This phone number already has an account. Sign in, or use \"Forgot password?\".");
    if (code == QLatin1String("email_taken"))
        return tr("This e-mail address already belongs to an account.");
    if (code == QLatin1String("invalid_phone"))
        return tr("The phone number is not a valid Uzbek number. Enter it like +998 90 123 45 67.");
    if (code == QLatin1String("invalid_email"))
        return tr("The e-mail address is not valid.");
    if (code == QLatin1String("invalid_name"))
        return tr("Enter the clinic's name (up to 100 characters).");
    if (code == QLatin1String("invalid_full_name"))
        return tr("Enter your full name (up to 100 characters).");
    if (code == QLatin1String("rate_limited"))
        return error.retryAfterSeconds >= 0 ? tr("Too many codes were asked for. Try again in %1.")
                                                  .arg(ApiErrorText::waitTime(error.retryAfterSeconds))
                                            : tr("Too many codes were asked for. Try again later.");
    return ApiErrorText::describe(error);
}

} // namespace medora
