#pragma once

#include "auth/VerificationCodes.h"
#include "store/ServiceError.h"

#include <QHostAddress>
#include <QString>

namespace medora::server {

class AuditLog;
class Notifier;
class PasswordHasher;
class ServerDatabase;
class SessionService;

// "Forgot password" (docs/security.md "Password reset"): a code goes by SMS to the account's
// phone or by e-mail to its recovery address; the code and a new password set the password and
// end every session of the account. The answer to a request is the same whether or not an
// account has that phone or address (same status, same body, the same database work, the
// sending happens after the answer); only the person who receives the code learns anything.
// Every step is audited, never the code.
class PasswordRecovery
{
public:
    struct Destination
    {
        QString channel; // "sms" or "email"
        QString value;   // E.164 phone or lower-case e-mail address
    };

    PasswordRecovery(ServerDatabase &database, AuditLog &audit, SessionService &sessions,
                     PasswordHasher &hasher, VerificationCodes &codes, Notifier &notifier);

    // Exactly one of phone and e-mail; BadInput naming the field otherwise.
    static Outcome<Destination> destination(const QString &phone, const QString &email);
    static QString maskedDestination(const Destination &destination); // "+99890*****67", "a***@mail.uz"

    // Done for every well-formed request within the limits (429 beyond them; 503
    // channel_unavailable when the server has no gateway for that channel).
    Outcome<Done> request(const Destination &destination, const QString &language,
                          const QHostAddress &clientAddress);
    // Runs Argon2: call it from the password pool. invalid_code for any code that does not
    // open an account; weak_password etc. for the new password (the code stays usable).
    Outcome<Done> confirm(const Destination &destination, const QString &code, const QString &newPassword,
                          const QHostAddress &clientAddress);

private:
    ServerDatabase &m_database;
    AuditLog &m_audit;
    SessionService &m_sessions;
    PasswordHasher &m_hasher;
    VerificationCodes &m_codes;
    Notifier &m_notifier;
};

} // namespace medora::server
