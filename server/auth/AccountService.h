#pragma once

#include "auth/AccountTypes.h"
#include "store/ServiceError.h"

#include <QList>
#include <QSqlDatabase>

#include <functional>

namespace medora::server {

class ServerDatabase;
class AuditLog;
class PasswordHasher;
class SessionService;

// Clinics and staff accounts. Every method that takes an Actor checks that the actor may do
// it (operator: anything; clinic admin: own clinic's staff only; others: nothing here) and
// writes its audit event in the same transaction as the change. Another clinic's account is
// reported as NotFound, never Forbidden, so ids cannot be probed.
class AccountService
{
public:
    AccountService(ServerDatabase &database, AuditLog &audit, PasswordHasher &hasher,
                   SessionService &sessions);

    Outcome<Clinic> createClinic(const Actor &actor, const QString &name);
    Outcome<QList<Clinic>> clinics();
    Outcome<Clinic> clinic(const QString &clinicId);

    // An empty `password` makes a random one-time password (returned once, must be changed
    // at first sign-in). A given password must pass PasswordPolicy.
    Outcome<CreatedStaff> createStaff(const Actor &actor, const QString &clinicId, const NewStaff &staff,
                                      const QString &password = QString());
    Outcome<StaffAccount> staff(const Actor &actor, const QString &clinicId, const QString &userId);
    Outcome<QList<StaffAccount>> listStaff(const Actor &actor, const QString &clinicId, int limit, int offset,
                                           int *total = nullptr);
    // Role change or disable ends the account's sessions at once. An admin cannot disable
    // or demote themself (there must always be someone to manage the clinic).
    Outcome<StaffAccount> updateStaff(const Actor &actor, const QString &clinicId, const QString &userId,
                                      const StaffChanges &changes);
    // New one-time password; ends every session of the account.
    Outcome<QString> resetPassword(const Actor &actor, const QString &clinicId, const QString &userId);
    Outcome<Done> revokeSessions(const Actor &actor, const QString &clinicId, const QString &userId);
    // The account's own password; ends every session of the account (the client signs in again).
    Outcome<Done> changeOwnPassword(const Actor &actor, const QString &currentPassword,
                                    const QString &newPassword);

    // Sign-up from the client (no actor: the caller proved the phone with a code). Creates the
    // clinic and its administrator in one transaction, runs `alsoInTransaction` inside it (the
    // code is used up, the consent recorded there), audits "clinic.signup". Same validation and
    // conflicts as createClinic/createStaff; email_taken for a recovery e-mail in use.
    Outcome<CreatedStaff> registerClinic(
        const ClinicRegistration &registration,
        const std::function<bool(QSqlDatabase &, const Clinic &, const StaffAccount &)> &alsoInTransaction);

    // Operator (CLI) lookups by login name or phone.
    Outcome<StaffAccount> findByIdentifier(const QString &identifier);

private:
    ServerDatabase &m_database;
    AuditLog &m_audit;
    PasswordHasher &m_hasher;
    SessionService &m_sessions;
};

} // namespace medora::server
