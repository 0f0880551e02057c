#include "auth/AccountService.h"

#include "audit/AuditLog.h"
#include "auth/LoginThrottle.h"
#include "auth/PasswordHasher.h"
#include "auth/PasswordPolicy.h"
#include "auth/SessionService.h"
#include "auth/StaffRecords.h"
#include "domain/PhoneNumber.h"
#include "domain/UuidV7.h"
#include "store/ServerDatabase.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace medora::server {

namespace {

constexpr int kMaxNameLength = 100;
constexpr int kMaxPageSize = 100;

ServiceError internalError()
{
    return ServiceError::make(ServiceError::Kind::Internal, QStringLiteral("internal_error"),
                              QStringLiteral("The server could not complete the request."));
}

ServiceError notFound()
{
    return ServiceError::make(ServiceError::Kind::NotFound, QStringLiteral("not_found"),
                              QStringLiteral("No such account."));
}

ServiceError forbidden()
{
    return ServiceError::make(ServiceError::Kind::Forbidden, QStringLiteral("forbidden"),
                              QStringLiteral("Your role may not do this."));
}

ServiceError conflict(const QString &code, const QString &field, const QString &message)
{
    ServiceError error = ServiceError::make(ServiceError::Kind::Conflict, code, message);
    error.field = field;
    return error;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString newId()
{
    return medora::UuidV7::generate().toString(QUuid::WithoutBraces);
}

QString addressText(const QHostAddress &address)
{
    return address.isNull() ? QString() : address.toString();
}

int codePointCount(const QString &text)
{
    return int(text.toUcs4().size());
}

bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}

// 1..100 characters, no control characters; returns the trimmed name or nullopt.
std::optional<QString> cleanName(const QString &name)
{
    const QString trimmed = name.trimmed();
    const int length = codePointCount(trimmed);
    if (length < 1 || length > kMaxNameLength || hasControlCharacters(trimmed))
        return std::nullopt;
    return trimmed;
}

bool isValidLogin(const QString &login)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9._-]{3,32}$"));
    return pattern.match(login).hasMatch();
}

AuditEntry auditBy(const Actor &actor, const QString &clinicId, const QString &action,
                   const QString &targetType, const QString &targetId)
{
    AuditEntry entry;
    entry.clinicId = clinicId;
    entry.actorUserId = actor.userId;
    entry.actorLogin = actor.isOperator() && actor.login.isEmpty() ? QStringLiteral("operator") : actor.login;
    entry.action = action;
    entry.targetType = targetType;
    entry.targetId = targetId;
    entry.clientAddress = addressText(actor.clientAddress);
    return entry;
}

bool exec(QSqlQuery &query)
{
    return query.exec();
}

// Whether another account already uses `column` = `value` (unique login / phone).
std::optional<bool> taken(QSqlDatabase &db, const QString &column, const QString &value,
                          const QString &exceptId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM staff WHERE %1 = ? AND id <> ?").arg(column));
    query.addBindValue(value);
    query.addBindValue(exceptId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return query.value(0).toInt() > 0;
}

ServiceError loginTaken()
{
    return conflict(QStringLiteral("login_taken"), QStringLiteral("login"),
                    QStringLiteral("This login name is already in use."));
}

ServiceError phoneTaken()
{
    return conflict(QStringLiteral("phone_taken"), QStringLiteral("phone"),
                    QStringLiteral("This phone number belongs to another account."));
}

std::optional<Clinic> loadClinic(QSqlDatabase &db, const QString &clinicId, bool *failed)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, name, created_at FROM clinics WHERE id = ?"));
    query.addBindValue(clinicId);
    *failed = !query.exec();
    if (*failed || !query.next())
        return std::nullopt;
    return Clinic{query.value(0).toString(), query.value(1).toString(),
                  StaffRecords::fromMs(query.value(2).toLongLong())};
}

// The end of every write: the refusal found inside the transaction, else a failed commit,
// else the value.
template <typename T> Outcome<T> settle(bool committed, const std::optional<ServiceError> &failure, T value)
{
    if (failure)
        return *failure;
    if (!committed)
        return internalError();
    return value;
}

} // namespace

AccountService::AccountService(ServerDatabase &database, AuditLog &audit, PasswordHasher &hasher,
                               SessionService &sessions)
    : m_database(database), m_audit(audit), m_hasher(hasher), m_sessions(sessions)
{}

// Who may manage `clinicId`'s staff: the operator, or that clinic's admin. Another clinic's
// admin hears NotFound, so clinic and account ids cannot be probed.
static std::optional<ServiceError> mayManage(const Actor &actor, const QString &clinicId)
{
    if (actor.isOperator())
        return std::nullopt;
    if (actor.role != Role::ClinicAdmin)
        return forbidden();
    if (actor.clinicId != clinicId)
        return notFound();
    return std::nullopt;
}

Outcome<Clinic> AccountService::createClinic(const Actor &actor, const QString &name)
{
    if (!actor.isOperator())
        return forbidden();
    const std::optional<QString> cleaned = cleanName(name);
    if (!cleaned) {
        return ServiceError::badInput(QStringLiteral("invalid_name"), QStringLiteral("name"),
                                      QStringLiteral("The clinic name must have 1 to 100 characters."));
    }
    const Clinic clinic{newId(), *cleaned, StaffRecords::fromMs(nowMs())};
    const bool committed = m_database.writeTransaction([&](QSqlDatabase &db) {
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO clinics (id, name, created_at) VALUES (?, ?, ?)"));
        insert.addBindValue(clinic.id);
        insert.addBindValue(clinic.name);
        insert.addBindValue(clinic.createdAt.toMSecsSinceEpoch());
        if (!exec(insert))
            return false;
        AuditEntry entry =
            auditBy(actor, clinic.id, QStringLiteral("clinic.create"), QStringLiteral("clinic"), clinic.id);
        entry.details.insert(QStringLiteral("name"), clinic.name);
        return m_audit.append(db, entry);
    });
    if (!committed)
        return internalError();
    return clinic;
}

Outcome<QList<Clinic>> AccountService::clinics()
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, name, created_at FROM clinics ORDER BY name, id")))
        return internalError();
    QList<Clinic> result;
    while (query.next()) {
        result.append(Clinic{query.value(0).toString(), query.value(1).toString(),
                             StaffRecords::fromMs(query.value(2).toLongLong())});
    }
    return result;
}

Outcome<Clinic> AccountService::clinic(const QString &clinicId)
{
    QSqlQuery *query =
        m_database.cachedQuery(QStringLiteral("SELECT id, name, created_at FROM clinics WHERE id = ?"));
    if (!query)
        return internalError();
    query->addBindValue(clinicId);
    if (!query->exec())
        return internalError();
    std::optional<Clinic> found;
    if (query->next()) {
        found = Clinic{query->value(0).toString(), query->value(1).toString(),
                       StaffRecords::fromMs(query->value(2).toLongLong())};
    }
    query->finish();
    if (!found) {
        return ServiceError::make(ServiceError::Kind::NotFound, QStringLiteral("not_found"),
                                  QStringLiteral("No such clinic."));
    }
    return *found;
}

Outcome<CreatedStaff> AccountService::createStaff(const Actor &actor, const QString &clinicId,
                                                  const NewStaff &staff, const QString &password)
{
    if (auto refused = mayManage(actor, clinicId))
        return *refused;

    const QString login = staff.login.trimmed().toLower();
    if (!isValidLogin(login)) {
        return ServiceError::badInput(
            QStringLiteral("invalid_login"), QStringLiteral("login"),
            QStringLiteral("The login name must be 3 to 32 of a-z, 0-9, '.', '_' and '-'."));
    }
    QString phone;
    if (!staff.phone.trimmed().isEmpty()) {
        phone = medora::PhoneNumber::toE164(staff.phone);
        if (phone.isEmpty()) {
            return ServiceError::badInput(QStringLiteral("invalid_phone"), QStringLiteral("phone"),
                                          QStringLiteral("The phone number is not a valid Uzbek number."));
        }
    }
    const std::optional<QString> fullName = cleanName(staff.fullName);
    if (!fullName) {
        return ServiceError::badInput(QStringLiteral("invalid_full_name"), QStringLiteral("fullName"),
                                      QStringLiteral("The full name must have 1 to 100 characters."));
    }

    CreatedStaff created;
    QString secret = password;
    if (secret.isEmpty()) {
        secret = PasswordPolicy::generateOneTimePassword();
        created.oneTimePassword = secret;
    } else if (auto weak = PasswordPolicy::check(secret, QStringLiteral("password"), login, phone)) {
        return *weak;
    }
    const QByteArray hash = m_hasher.hash(secret);
    if (hash.isEmpty())
        return internalError();

    const qint64 now = nowMs();
    StaffAccount &account = created.account;
    account.id = newId();
    account.clinicId = clinicId;
    account.login = login;
    account.phone = phone;
    account.fullName = *fullName;
    account.role = staff.role;
    account.mustChangePassword = !created.oneTimePassword.isEmpty();
    account.createdAt = account.updatedAt = StaffRecords::fromMs(now);

    std::optional<ServiceError> failure;
    const bool committed = m_database.writeTransaction([&](QSqlDatabase &db) {
        bool failed = false;
        if (!loadClinic(db, clinicId, &failed)) {
            failure = failed ? internalError()
                             : ServiceError::make(ServiceError::Kind::NotFound, QStringLiteral("not_found"),
                                                  QStringLiteral("No such clinic."));
            return false;
        }
        const std::optional<bool> loginInUse = taken(db, QStringLiteral("login"), login, account.id);
        const std::optional<bool> phoneInUse = phone.isEmpty()
                                                   ? std::optional<bool>(false)
                                                   : taken(db, QStringLiteral("phone"), phone, account.id);
        if (!loginInUse || !phoneInUse)
            return false;
        if (*loginInUse) {
            failure = loginTaken();
            return false;
        }
        if (*phoneInUse) {
            failure = phoneTaken();
            return false;
        }
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO staff (id, clinic_id, login, phone, full_name, role, "
                                      "password_hash, must_change_password, "
                                      "disabled, created_at, updated_at, password_changed_at) VALUES (?, ?, "
                                      "?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"));
        insert.addBindValue(account.id);
        insert.addBindValue(account.clinicId);
        insert.addBindValue(account.login);
        insert.addBindValue(phone.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(phone));
        insert.addBindValue(account.fullName);
        insert.addBindValue(roleName(account.role));
        insert.addBindValue(QString::fromLatin1(hash));
        insert.addBindValue(account.mustChangePassword ? 1 : 0);
        insert.addBindValue(now);
        insert.addBindValue(now);
        insert.addBindValue(now);
        if (!exec(insert))
            return false;
        AuditEntry entry =
            auditBy(actor, clinicId, QStringLiteral("staff.create"), QStringLiteral("user"), account.id);
        entry.details.insert(QStringLiteral("login"), account.login);
        entry.details.insert(QStringLiteral("role"), roleName(account.role));
        return m_audit.append(db, entry);
    });
    return settle(committed, failure, created);
}

Outcome<StaffAccount> AccountService::staff(const Actor &actor, const QString &clinicId,
                                            const QString &userId)
{
    // Everyone may read their own account (GET /me); managing others needs the admin role.
    const bool self = !actor.isOperator() && actor.userId == userId && actor.clinicId == clinicId;
    if (!self) {
        if (auto refused = mayManage(actor, clinicId))
            return *refused;
    }
    // Every GET /me comes here: keep the statement prepared for this thread.
    QString error;
    QSqlQuery *query = m_database.cachedQuery(StaffRecords::selectSql(QStringLiteral("s.id = ?")), &error);
    if (!query)
        return internalError();
    const std::optional<StaffRecords::Found> found = StaffRecords::readOne(*query, userId, &error);
    if (!error.isEmpty())
        return internalError();
    if (!found || found->account.clinicId != clinicId)
        return notFound();
    return found->account;
}

Outcome<QList<StaffAccount>> AccountService::listStaff(const Actor &actor, const QString &clinicId, int limit,
                                                       int offset, int *total)
{
    if (auto refused = mayManage(actor, clinicId))
        return *refused;
    limit = std::clamp(limit, 1, kMaxPageSize);
    offset = std::max(0, offset);
    QSqlDatabase db = m_database.connection();
    if (total) {
        QSqlQuery count(db);
        count.prepare(QStringLiteral("SELECT COUNT(*) FROM staff WHERE clinic_id = ?"));
        count.addBindValue(clinicId);
        if (!count.exec() || !count.next())
            return internalError();
        *total = count.value(0).toInt();
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + StaffRecords::columns() +
                  QStringLiteral(" FROM staff WHERE clinic_id = ? ORDER BY login LIMIT ? OFFSET ?"));
    query.addBindValue(clinicId);
    query.addBindValue(limit);
    query.addBindValue(offset);
    if (!query.exec())
        return internalError();
    QList<StaffAccount> accounts;
    while (query.next())
        accounts.append(StaffRecords::account(query));
    return accounts;
}

Outcome<StaffAccount> AccountService::updateStaff(const Actor &actor, const QString &clinicId,
                                                  const QString &userId, const StaffChanges &changes)
{
    if (auto refused = mayManage(actor, clinicId))
        return *refused;

    const bool self = !actor.isOperator() && actor.userId == userId;
    if (self && changes.role && *changes.role != Role::ClinicAdmin) {
        return ServiceError::badInput(QStringLiteral("cannot_change_own_access"), QStringLiteral("role"),
                                      QStringLiteral("You cannot take away your own admin role."));
    }
    if (self && changes.disabled && *changes.disabled) {
        return ServiceError::badInput(QStringLiteral("cannot_change_own_access"), QStringLiteral("disabled"),
                                      QStringLiteral("You cannot disable your own account."));
    }
    std::optional<QString> fullName;
    if (changes.fullName) {
        fullName = cleanName(*changes.fullName);
        if (!fullName) {
            return ServiceError::badInput(QStringLiteral("invalid_full_name"), QStringLiteral("fullName"),
                                          QStringLiteral("The full name must have 1 to 100 characters."));
        }
    }
    std::optional<QString> phone;
    if (changes.phone) {
        phone = changes.phone->trimmed().isEmpty() ? QString() : medora::PhoneNumber::toE164(*changes.phone);
        if (!changes.phone->trimmed().isEmpty() && phone->isEmpty()) {
            return ServiceError::badInput(QStringLiteral("invalid_phone"), QStringLiteral("phone"),
                                          QStringLiteral("The phone number is not a valid Uzbek number."));
        }
    }

    std::optional<ServiceError> failure;
    std::optional<StaffAccount> updated;
    const qint64 now = nowMs();
    const bool committed = m_database.writeTransaction([&](QSqlDatabase &db) {
        QString error;
        const std::optional<StaffRecords::Found> found = StaffRecords::byId(db, userId, &error);
        if (!error.isEmpty())
            return false;
        if (!found || found->account.clinicId != clinicId) {
            failure = notFound();
            return false;
        }
        const StaffAccount before = found->account;
        StaffAccount after = before;
        if (changes.role)
            after.role = *changes.role;
        if (changes.disabled)
            after.disabled = *changes.disabled;
        if (fullName)
            after.fullName = *fullName;
        if (phone)
            after.phone = *phone;

        if (after.phone != before.phone && !after.phone.isEmpty()) {
            const std::optional<bool> inUse = taken(db, QStringLiteral("phone"), after.phone, userId);
            if (!inUse)
                return false;
            if (*inUse) {
                failure = phoneTaken();
                return false;
            }
        }
        const bool roleChanged = after.role != before.role;
        const bool disabledChanged = after.disabled != before.disabled;
        const bool nameChanged = after.fullName != before.fullName;
        const bool phoneChanged = after.phone != before.phone;
        if (!roleChanged && !disabledChanged && !nameChanged && !phoneChanged) {
            updated = before;
            return true;
        }
        after.updatedAt = StaffRecords::fromMs(now);

        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE staff SET role = ?, disabled = ?, full_name = ?, phone = ?, "
                                      "updated_at = ? WHERE id = ?"));
        update.addBindValue(roleName(after.role));
        update.addBindValue(after.disabled ? 1 : 0);
        update.addBindValue(after.fullName);
        update.addBindValue(after.phone.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                  : QVariant(after.phone));
        update.addBindValue(now);
        update.addBindValue(userId);
        if (!exec(update))
            return false;

        if (roleChanged) {
            AuditEntry entry =
                auditBy(actor, clinicId, QStringLiteral("staff.role_change"), QStringLiteral("user"), userId);
            entry.details.insert(QStringLiteral("from"), roleName(before.role));
            entry.details.insert(QStringLiteral("to"), roleName(after.role));
            if (!m_audit.append(db, entry))
                return false;
        }
        if (disabledChanged) {
            const QString action =
                after.disabled ? QStringLiteral("staff.disable") : QStringLiteral("staff.enable");
            if (!m_audit.append(db, auditBy(actor, clinicId, action, QStringLiteral("user"), userId)))
                return false;
        }
        if (nameChanged || phoneChanged) {
            AuditEntry entry =
                auditBy(actor, clinicId, QStringLiteral("staff.update"), QStringLiteral("user"), userId);
            QJsonArray fields;
            if (nameChanged)
                fields.append(QStringLiteral("fullName"));
            if (phoneChanged)
                fields.append(QStringLiteral("phone"));
            entry.details.insert(QStringLiteral("fields"), fields);
            if (!m_audit.append(db, entry))
                return false;
        }
        // New permissions take effect at once: the account signs in again under them.
        if (roleChanged || (disabledChanged && after.disabled)) {
            const QString reason = roleChanged ? QStringLiteral("role_change") : QStringLiteral("disabled");
            if (!m_sessions.revokeAll(userId, reason, actor, &db))
                return false;
        }
        updated = after;
        return true;
    });
    if (failure)
        return *failure;
    if (!committed || !updated)
        return internalError();
    return *updated;
}

Outcome<QString> AccountService::resetPassword(const Actor &actor, const QString &clinicId,
                                               const QString &userId)
{
    if (auto refused = mayManage(actor, clinicId))
        return *refused;
    const QString oneTimePassword = PasswordPolicy::generateOneTimePassword();
    const QByteArray hash = m_hasher.hash(oneTimePassword);
    if (hash.isEmpty())
        return internalError();
    const qint64 now = nowMs();
    std::optional<ServiceError> failure;
    const bool committed = m_database.writeTransaction([&](QSqlDatabase &db) {
        QString error;
        const std::optional<StaffRecords::Found> found = StaffRecords::byId(db, userId, &error);
        if (!error.isEmpty())
            return false;
        if (!found || found->account.clinicId != clinicId) {
            failure = notFound();
            return false;
        }
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE staff SET password_hash = ?, must_change_password = 1, "
                                      "password_changed_at = ?, updated_at = ? WHERE id = ?"));
        update.addBindValue(QString::fromLatin1(hash));
        update.addBindValue(now);
        update.addBindValue(now);
        update.addBindValue(userId);
        if (!exec(update))
            return false;
        if (!m_audit.append(db, auditBy(actor, clinicId, QStringLiteral("staff.password_reset"),
                                        QStringLiteral("user"), userId)))
            return false;
        return m_sessions.revokeAll(userId, QStringLiteral("password_reset"), actor, &db);
    });
    return settle(committed, failure, oneTimePassword);
}

Outcome<Done> AccountService::revokeSessions(const Actor &actor, const QString &clinicId,
                                             const QString &userId)
{
    if (auto refused = mayManage(actor, clinicId))
        return *refused;
    std::optional<ServiceError> failure;
    const bool committed = m_database.writeTransaction([&](QSqlDatabase &db) {
        QString error;
        const std::optional<StaffRecords::Found> found = StaffRecords::byId(db, userId, &error);
        if (!error.isEmpty())
            return false;
        if (!found || found->account.clinicId != clinicId) {
            failure = notFound();
            return false;
        }
        return m_sessions.revokeAll(userId, QStringLiteral("admin_revoke"), actor, &db);
    });
    return settle(committed, failure, Done{});
}

Outcome<Done> AccountService::changeOwnPassword(const Actor &actor, const QString &currentPassword,
                                                const QString &newPassword)
{
    if (actor.isOperator())
        return forbidden();
    QSqlDatabase db = m_database.connection();
    QString error;
    const std::optional<StaffRecords::Found> found = StaffRecords::byId(db, actor.userId, &error);
    if (!error.isEmpty())
        return internalError();
    if (!found)
        return notFound();
    // Whoever holds a stolen access token must not get unlimited guesses at the password
    // behind it: the same doubling delays as sign-in, keyed by the account alone.
    LoginThrottle &throttle = m_sessions.throttle();
    const QString throttleKey = QStringLiteral("user:") + actor.userId;
    const QString throttleSubject = QStringLiteral("password-change");
    AuditEntry failed = auditBy(actor, found->account.clinicId, QStringLiteral("user.password_change_failed"),
                                QStringLiteral("user"), actor.userId);
    if (const int wait = throttle.secondsToWaitFor(throttleKey, throttleSubject); wait > 0) {
        failed.details.insert(QStringLiteral("reason"), QStringLiteral("throttled"));
        m_audit.appendNow(failed);
        ServiceError error =
            ServiceError::make(ServiceError::Kind::Throttled, QStringLiteral("login_throttled"),
                               QStringLiteral("Too many wrong passwords; try again later."));
        error.retryAfterSeconds = wait;
        return error;
    }
    if (!m_hasher.verify(found->passwordHash, currentPassword)) {
        throttle.recordFailureFor(throttleKey, throttleSubject);
        failed.details.insert(QStringLiteral("reason"), QStringLiteral("wrong_password"));
        m_audit.appendNow(failed);
        ServiceError wrong =
            ServiceError::make(ServiceError::Kind::Unauthorized, QStringLiteral("invalid_credentials"),
                               QStringLiteral("The current password is wrong."));
        wrong.field = QStringLiteral("currentPassword");
        return wrong;
    }
    throttle.recordSuccessFor(throttleKey, throttleSubject);
    if (auto weak = PasswordPolicy::check(newPassword, QStringLiteral("newPassword"), found->account.login,
                                          found->account.phone))
        return *weak;
    const QByteArray hash = m_hasher.hash(newPassword);
    if (hash.isEmpty())
        return internalError();
    const qint64 now = nowMs();
    const bool committed = m_database.writeTransaction([&](QSqlDatabase &tx) {
        QSqlQuery update(tx);
        update.prepare(QStringLiteral("UPDATE staff SET password_hash = ?, must_change_password = 0, "
                                      "password_changed_at = ?, updated_at = ? WHERE id = ?"));
        update.addBindValue(QString::fromLatin1(hash));
        update.addBindValue(now);
        update.addBindValue(now);
        update.addBindValue(actor.userId);
        if (!exec(update))
            return false;
        if (!m_audit.append(tx,
                            auditBy(actor, found->account.clinicId, QStringLiteral("user.password_change"),
                                    QStringLiteral("user"), actor.userId)))
            return false;
        return m_sessions.revokeAll(actor.userId, QStringLiteral("password_change"), actor, &tx);
    });
    if (!committed)
        return internalError();
    return Done{};
}

Outcome<CreatedStaff> AccountService::registerClinic(
    const ClinicRegistration &registration,
    const std::function<bool(QSqlDatabase &, const Clinic &, const StaffAccount &)> &alsoInTransaction)
{
    const std::optional<QString> clinicName = cleanName(registration.clinicName);
    if (!clinicName) {
        return ServiceError::badInput(QStringLiteral("invalid_name"), QStringLiteral("clinicName"),
                                      QStringLiteral("The clinic name must have 1 to 100 characters."));
    }
    const QString login = registration.admin.login.trimmed().toLower();
    if (!isValidLogin(login)) {
        return ServiceError::badInput(
            QStringLiteral("invalid_login"), QStringLiteral("login"),
            QStringLiteral("The login name must be 3 to 32 of a-z, 0-9, '.', '_' and '-'."));
    }
    const QString phone = medora::PhoneNumber::toE164(registration.admin.phone);
    if (phone.isEmpty()) {
        return ServiceError::badInput(QStringLiteral("invalid_phone"), QStringLiteral("phone"),
                                      QStringLiteral("The phone number is not a valid Uzbek number."));
    }
    const std::optional<QString> fullName = cleanName(registration.admin.fullName);
    if (!fullName) {
        return ServiceError::badInput(QStringLiteral("invalid_full_name"), QStringLiteral("fullName"),
                                      QStringLiteral("The full name must have 1 to 100 characters."));
    }
    if (auto weak = PasswordPolicy::check(registration.password, QStringLiteral("password"), login, phone))
        return *weak;
    const QByteArray hash = m_hasher.hash(registration.password);
    if (hash.isEmpty())
        return internalError();

    const qint64 now = nowMs();
    const Clinic clinic{newId(), *clinicName, StaffRecords::fromMs(now)};
    CreatedStaff created;
    StaffAccount &account = created.account;
    account.id = newId();
    account.clinicId = clinic.id;
    account.login = login;
    account.phone = phone;
    account.fullName = *fullName;
    account.role = Role::ClinicAdmin;
    account.createdAt = account.updatedAt = StaffRecords::fromMs(now);
    Actor actor;
    actor.login = QStringLiteral("signup");
    actor.clientAddress = registration.clientAddress;

    std::optional<ServiceError> failure;
    const bool committed = m_database.writeTransaction([&](QSqlDatabase &db) {
        const std::optional<bool> loginInUse = taken(db, QStringLiteral("login"), login, account.id);
        const std::optional<bool> phoneInUse = taken(db, QStringLiteral("phone"), phone, account.id);
        const std::optional<bool> emailInUse =
            registration.email.isEmpty() ? std::optional<bool>(false)
                                         : taken(db, QStringLiteral("email"), registration.email, account.id);
        if (!loginInUse || !phoneInUse || !emailInUse)
            return false;
        // The login is made from the phone: a taken phone is the conflict to name.
        if (*phoneInUse) {
            failure = phoneTaken();
            return false;
        }
        if (*loginInUse) {
            failure = loginTaken();
            return false;
        }
        if (*emailInUse) {
            failure = conflict(QStringLiteral("email_taken"), QStringLiteral("email"),
                               QStringLiteral("This e-mail address belongs to another account."));
            return false;
        }
        QSqlQuery insertClinic(db);
        insertClinic.prepare(QStringLiteral("INSERT INTO clinics (id, name, created_at) VALUES (?, ?, ?)"));
        insertClinic.addBindValue(clinic.id);
        insertClinic.addBindValue(clinic.name);
        insertClinic.addBindValue(now);
        if (!exec(insertClinic))
            return false;
        QSqlQuery insert(db);
        insert.prepare(
            QStringLiteral("INSERT INTO staff (id, clinic_id, login, phone, email, full_name, role, "
                           "password_hash, must_change_password, disabled, created_at, updated_at, "
                           "password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)"));
        insert.addBindValue(account.id);
        insert.addBindValue(clinic.id);
        insert.addBindValue(login);
        insert.addBindValue(phone);
        insert.addBindValue(registration.email.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                         : QVariant(registration.email));
        insert.addBindValue(account.fullName);
        insert.addBindValue(roleName(account.role));
        insert.addBindValue(QString::fromLatin1(hash));
        insert.addBindValue(now);
        insert.addBindValue(now);
        insert.addBindValue(now);
        if (!exec(insert))
            return false;
        AuditEntry entry =
            auditBy(actor, clinic.id, QStringLiteral("clinic.signup"), QStringLiteral("clinic"), clinic.id);
        entry.actorUserId = account.id;
        entry.actorLogin = login;
        entry.details.insert(QStringLiteral("name"), clinic.name);
        entry.details.insert(QStringLiteral("adminUserId"), account.id);
        if (!m_audit.append(db, entry))
            return false;
        return !alsoInTransaction || alsoInTransaction(db, clinic, account);
    });
    return settle(committed, failure, created);
}

Outcome<StaffAccount> AccountService::findByIdentifier(const QString &identifier)
{
    QSqlDatabase db = m_database.connection();
    QString error;
    const std::optional<StaffRecords::Found> found = StaffRecords::byIdentifier(db, identifier, &error);
    if (!error.isEmpty())
        return internalError();
    if (!found)
        return notFound();
    return found->account;
}

} // namespace medora::server
