#pragma once

#include "auth/AccountTypes.h"
#include "notify/DeliveryResult.h"
#include "store/ServiceError.h"

#include <QFuture>
#include <QHostAddress>
#include <QString>

namespace medora::server {

class AccountService;
class AuditLog;
class ConsentService;
class Notifier;
class VerificationCodes;

// A new clinic signs up from the client (docs/api.md "Sign-up"): the admin's phone gets a
// code by SMS; the code, the clinic's and the admin's names, a password and the versions of
// the terms and the privacy policy the person read create the clinic, its administrator and
// the consent records in one transaction. The answer to the code request does not say
// whether the phone already has an account; only the code's holder hears phone_taken.
class ClinicSignup
{
public:
    struct Form
    {
        QString clinicName;
        QString fullName;
        QString phone;
        QString code;
        QString email; // optional recovery e-mail
        QString password;
        QString termsVersion;
        QString privacyVersion;
        QString language; // "uz" or "ru": the texts the person read
        QHostAddress clientAddress;
    };

    ClinicSignup(AccountService &accounts, VerificationCodes &codes, ConsentService &consent,
                 Notifier &notifier, AuditLog &audit, int codeMinutes);

    // The sending itself, to wait for: a gateway failure is reported to the caller (502).
    Outcome<QFuture<DeliveryResult>> requestPhoneCode(const QString &phone, const QString &language,
                                                      const QHostAddress &clientAddress);
    // Runs Argon2: call it from the password pool.
    Outcome<CreatedStaff> signUp(const Form &form);
    // The admin's login name: "u" and the phone's digits (the phone signs in as well).
    static QString loginFor(const QString &phoneE164);

private:
    AccountService &m_accounts;
    VerificationCodes &m_codes;
    ConsentService &m_consent;
    Notifier &m_notifier;
    AuditLog &m_audit;
    int m_codeMinutes;
};

} // namespace medora::server
