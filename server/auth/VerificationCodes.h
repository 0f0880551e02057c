#pragma once

#include "store/ServiceError.h"

#include <QByteArray>
#include <QHostAddress>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace medora::server {

class ServerDatabase;

// Short-lived one-time codes sent by SMS or e-mail (password reset, sign-up phone check),
// in the verification_codes table (migration 7). Six digits; stored only as an HMAC keyed
// by the server secret over (row id, code), so a copy of the database does not give the codes
// away; the destination is kept only as an HMAC too. A code dies after `maxAttempts` wrong
// guesses, after its lifetime, or once used. Every request is a row, also for destinations
// without an account, so the per-destination limit answers the same either way.
class VerificationCodes
{
public:
    enum class Purpose
    {
        PasswordReset,
        Signup
    };
    struct Settings
    {
        int lifetimeSeconds = 600;
        int maxAttempts = 5;
        int perDestinationPerHour = 3;
    };
    struct Issued
    {
        QString id;
        QString code; // handed to the notifier, never stored or logged
        int expiresInSeconds = 0;
    };
    struct Matched
    {
        QString id;
        QString userId; // empty for a sign-up code
    };

    VerificationCodes(ServerDatabase &database, QByteArray secret, Settings settings);

    // `destination`: an E.164 phone or a lower-case e-mail address. Throttled (429 with
    // Retry-After) when the destination has had perDestinationPerHour codes in the last hour.
    // `alsoInTransaction` runs in the same transaction (the audit event).
    Outcome<Issued> issue(Purpose purpose, const QString &channel, const QString &destination,
                          const QString &userId, const QHostAddress &clientAddress,
                          const std::function<bool(QSqlDatabase &)> &alsoInTransaction);
    // The newest live code of the destination, compared in constant time. A wrong code
    // counts against the code (committed at once); a right one is NOT used up yet: the caller
    // calls consume() inside the transaction that does the work, so a refused new password
    // leaves the code usable. invalid_code (400, field "code") covers wrong, expired, used
    // up and never sent alike.
    Outcome<Matched> check(Purpose purpose, const QString &destination, const QString &code);
    // Marks the code used, and every other live code of the same purpose and destination.
    // False when it was used meanwhile (a concurrent confirm) or on a database error.
    bool consume(QSqlDatabase &db, const Matched &matched, Purpose purpose, const QString &destination);

    QByteArray destinationHash(const QString &destination) const;
    int lifetimeSeconds() const { return m_settings.lifetimeSeconds; }
    static QString purposeName(Purpose purpose);
    static ServiceError invalidCode();
    void setClock(std::function<qint64()> millisecondsClock);

private:
    QByteArray codeHash(const QString &id, const QString &code) const;

    ServerDatabase &m_database;
    QByteArray m_secret;
    Settings m_settings;
    std::function<qint64()> m_clock;
};

} // namespace medora::server
