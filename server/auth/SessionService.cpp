#include "auth/SessionService.h"

#include "audit/AuditLog.h"
#include "auth/LoginThrottle.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionToken.h"
#include "auth/StaffRecords.h"
#include "domain/UuidV7.h"
#include "store/ServerDatabase.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace medora::server {

namespace {

constexpr int kMaxIdentifierLength = 128;
constexpr int kMaxDeviceNameLength = 100;
// No stored password can be longer than PasswordPolicy::maximumLength code points (4 UTF-16
// units each at most); longer input is refused without spending Argon2 time on it.
constexpr int kMaxPasswordUnits = 4 * 128;
// Revoked and expired sessions are kept this long for the record, then purged at the
// account's next sign-in.
constexpr qint64 kKeepEndedSessionsMs = qint64(30) * 24 * 3600 * 1000;

const QString kAuthenticateSql = QStringLiteral(
    "SELECT s.id, s.user_id, s.access_expires_at, s.revoked_at, st.clinic_id, st.login, st.role, "
    "st.disabled, "
    "st.must_change_password FROM sessions s JOIN staff st ON st.id = s.user_id WHERE s.access_hash = ?");

ServiceError invalidCredentials()
{
    return ServiceError::make(ServiceError::Kind::Unauthorized, QStringLiteral("invalid_credentials"),
                              QStringLiteral("The login or password is wrong."));
}

ServiceError invalidToken()
{
    return ServiceError::make(ServiceError::Kind::Unauthorized, QStringLiteral("invalid_token"),
                              QStringLiteral("The token is not valid; sign in again."));
}

ServiceError internalError()
{
    return ServiceError::make(ServiceError::Kind::Internal, QStringLiteral("internal_error"),
                              QStringLiteral("The server could not complete the request."));
}

bool isValidDeviceId(const QString &deviceId)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{8,64}$"));
    return pattern.match(deviceId).hasMatch();
}

// Never a null QString: QSQLITE would bind it as NULL into a NOT NULL column.
QString addressText(const QHostAddress &address)
{
    return address.isNull() ? QStringLiteral("") : address.toString();
}

struct NewTokens
{
    QString access;
    QString refresh;
    qint64 accessExpiresMs = 0;
    qint64 refreshExpiresMs = 0; // min(idle, absolute)
    qint64 idleExpiresMs = 0;
};

NewTokens makeTokens(qint64 now, qint64 absoluteExpiresMs, const SessionPolicy &policy)
{
    NewTokens tokens;
    tokens.access = SessionToken::generate();
    tokens.refresh = SessionToken::generate();
    tokens.accessExpiresMs = std::min(now + qint64(policy.accessTokenSeconds) * 1000, absoluteExpiresMs);
    tokens.idleExpiresMs = std::min(now + qint64(policy.refreshIdleSeconds) * 1000, absoluteExpiresMs);
    tokens.refreshExpiresMs = tokens.idleExpiresMs;
    return tokens;
}

IssuedSession issued(const QString &sessionId, const NewTokens &tokens, const StaffRecords::Found &found)
{
    IssuedSession session;
    session.sessionId = sessionId;
    session.accessToken = tokens.access;
    session.accessExpiresAt = StaffRecords::fromMs(tokens.accessExpiresMs);
    session.refreshToken = tokens.refresh;
    session.refreshExpiresAt = StaffRecords::fromMs(tokens.refreshExpiresMs);
    session.account = found.account;
    session.clinicName = found.clinicName;
    return session;
}

bool exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

// The presented token was valid once and has been rotated away: whoever holds it is either the
// thief or the victim of a thief who refreshed first. Either way the device's session ends.
bool endReusedSession(AuditLog &audit, QSqlDatabase &tx, const QString &presentedHash, const QString &address,
                      qint64 now, std::optional<ServiceError> *failure, QString *dbError)
{
    *failure = invalidToken();
    // Every refresh token a session has rotated away is remembered in used_refresh_tokens;
    // previous_refresh_hash still covers sessions rotated before that table existed.
    QSqlQuery previous(tx);
    previous.prepare(QStringLiteral(
        "SELECT s.id, s.user_id, st.clinic_id, st.login, s.revoked_at FROM sessions s "
        "JOIN staff st ON st.id = s.user_id WHERE s.id = (SELECT session_id FROM used_refresh_tokens "
        "WHERE hash = ?) OR s.previous_refresh_hash = ? LIMIT 1"));
    previous.addBindValue(presentedHash);
    previous.addBindValue(presentedHash);
    if (!exec(previous, dbError))
        return false;
    if (!previous.next())
        return false; // unknown token: nothing to record
    const QString sessionId = previous.value(0).toString();
    const QString userId = previous.value(1).toString();
    const QString clinicId = previous.value(2).toString();
    const QString login = previous.value(3).toString();
    const bool alreadyRevoked = !previous.value(4).isNull();
    previous.finish();
    if (alreadyRevoked)
        return false;

    QSqlQuery revoke(tx);
    revoke.prepare(
        QStringLiteral("UPDATE sessions SET revoked_at = ?, revoke_reason = 'refresh_reuse' WHERE id = ?"));
    revoke.addBindValue(now);
    revoke.addBindValue(sessionId);
    if (!exec(revoke, dbError))
        return false;

    AuditEntry entry;
    entry.clinicId = clinicId;
    entry.actorUserId = userId;
    entry.actorLogin = login;
    entry.action = QStringLiteral("auth.refresh_reuse");
    entry.targetType = QStringLiteral("session");
    entry.targetId = sessionId;
    entry.clientAddress = address;
    return audit.append(tx, entry, dbError);
}

} // namespace

SessionService::SessionService(ServerDatabase &database, AuditLog &audit, PasswordHasher &hasher,
                               LoginThrottle &throttle, SessionPolicy policy)
    : m_database(database), m_audit(audit), m_hasher(hasher), m_throttle(throttle), m_policy(policy),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

Outcome<IssuedSession> SessionService::login(const LoginAttempt &attempt)
{
    const QString identifier = attempt.identifier.trimmed();
    if (identifier.isEmpty() || identifier.size() > kMaxIdentifierLength) {
        return ServiceError::badInput(QStringLiteral("invalid_login"), QStringLiteral("login"),
                                      QStringLiteral("Enter a login name or phone number."));
    }
    if (attempt.password.isEmpty()) {
        return ServiceError::badInput(QStringLiteral("required"), QStringLiteral("password"),
                                      QStringLiteral("Enter the password."));
    }
    if (!isValidDeviceId(attempt.deviceId)) {
        return ServiceError::badInput(QStringLiteral("invalid_device_id"), QStringLiteral("deviceId"),
                                      QStringLiteral("deviceId must be 8 to 64 of A-Z, a-z, 0-9, _ and -."));
    }
    if (attempt.deviceName.size() > kMaxDeviceNameLength) {
        return ServiceError::badInput(QStringLiteral("too_long"), QStringLiteral("deviceName"),
                                      QStringLiteral("deviceName must have at most 100 characters."));
    }

    const QString address = addressText(attempt.clientAddress);
    AuditEntry failed;
    failed.actorLogin = identifier;
    failed.action = QStringLiteral("auth.login_failed");
    failed.targetType = QStringLiteral("user");
    failed.clientAddress = address;

    // The account is looked up before the throttle gate (a cheap indexed read) so that its
    // login name and phone share one counter, and so that a device which has signed in to it
    // before is throttled on its own, outside the per-account ceiling.
    QSqlDatabase db = m_database.connection();
    QString dbError;
    const std::optional<StaffRecords::Found> found = StaffRecords::byIdentifier(db, identifier, &dbError);
    if (!found && !dbError.isEmpty())
        return internalError();
    bool knownDevice = false;
    if (found) {
        failed.clinicId = found->account.clinicId;
        failed.targetId = found->account.id;
        QSqlQuery device(db);
        device.prepare(QStringLiteral("SELECT 1 FROM sessions WHERE user_id = ? AND device_id = ? LIMIT 1"));
        device.addBindValue(found->account.id);
        device.addBindValue(attempt.deviceId);
        if (!exec(device, &dbError))
            return internalError();
        knownDevice = device.next();
        device.finish();
    }
    const QString throttleKey =
        found ? QStringLiteral("user:") + found->account.id
              : QStringLiteral("name:") + StaffRecords::normalizedIdentifier(identifier);
    const QString deviceSubject = LoginThrottle::knownDeviceSubject(attempt.deviceId);

    const int wait = knownDevice ? m_throttle.secondsToWaitFor(throttleKey, deviceSubject)
                                 : m_throttle.secondsToWait(throttleKey, attempt.clientAddress);
    if (wait > 0) {
        failed.details.insert(QStringLiteral("reason"), QStringLiteral("throttled"));
        m_audit.appendNow(failed);
        ServiceError error =
            ServiceError::make(ServiceError::Kind::Throttled, QStringLiteral("login_throttled"),
                               QStringLiteral("Too many failed sign-ins; try again later."));
        error.retryAfterSeconds = wait;
        return error;
    }

    // Every path below spends one Argon2 verification, so timing does not tell whether the
    // account exists or is disabled.
    QString reason;
    if (attempt.password.size() > kMaxPasswordUnits) {
        reason = found ? QStringLiteral("wrong_password") : QStringLiteral("unknown_account");
    } else if (!found) {
        m_hasher.verify(m_hasher.dummyHash(), attempt.password);
        reason = QStringLiteral("unknown_account");
    } else if (!m_hasher.verify(found->passwordHash, attempt.password)) {
        reason = QStringLiteral("wrong_password");
    } else if (found->account.disabled) {
        reason = QStringLiteral("disabled");
    }
    if (!reason.isEmpty()) {
        if (knownDevice)
            m_throttle.recordFailureFor(throttleKey, deviceSubject);
        else
            m_throttle.recordFailure(throttleKey, attempt.clientAddress);
        failed.details.insert(QStringLiteral("reason"), reason);
        m_audit.appendNow(failed);
        return invalidCredentials();
    }
    if (knownDevice)
        m_throttle.recordSuccessFor(throttleKey, deviceSubject);
    else
        m_throttle.recordSuccess(throttleKey, attempt.clientAddress);

    const StaffAccount &account = found->account;
    const QByteArray upgradedHash =
        m_hasher.needsRehash(found->passwordHash) ? m_hasher.hash(attempt.password) : QByteArray();
    const qint64 now = m_clock().toMSecsSinceEpoch();
    const qint64 absoluteExpires = now + qint64(m_policy.refreshAbsoluteSeconds) * 1000;
    const NewTokens tokens = makeTokens(now, absoluteExpires, m_policy);
    const QString sessionId = medora::UuidV7::generate().toString(QUuid::WithoutBraces);

    const bool committed = m_database.writeTransaction([&](QSqlDatabase &tx) {
        // One live session per account and device: signing in again on the same device
        // replaces the old session.
        QSqlQuery replace(tx);
        replace.prepare(QStringLiteral("UPDATE sessions SET revoked_at = ?, revoke_reason = 'replaced' "
                                       "WHERE user_id = ? AND device_id = ? AND revoked_at IS NULL"));
        replace.addBindValue(now);
        replace.addBindValue(account.id);
        replace.addBindValue(attempt.deviceId);
        if (!exec(replace, &dbError))
            return false;

        const QString purgeable =
            QStringLiteral("SELECT id FROM sessions WHERE user_id = ? AND (absolute_expires_at < ? OR "
                           "(revoked_at IS NOT NULL AND revoked_at < ?))");
        QSqlQuery purgeUsed(tx);
        purgeUsed.prepare(QStringLiteral("DELETE FROM used_refresh_tokens WHERE session_id IN (") +
                          purgeable + QStringLiteral(")"));
        QSqlQuery purge(tx);
        purge.prepare(QStringLiteral("DELETE FROM sessions WHERE id IN (") + purgeable + QStringLiteral(")"));
        for (QSqlQuery *query : {&purgeUsed, &purge}) {
            query->addBindValue(account.id);
            query->addBindValue(now - kKeepEndedSessionsMs);
            query->addBindValue(now - kKeepEndedSessionsMs);
            if (!exec(*query, &dbError))
                return false;
        }

        QSqlQuery insert(tx);
        insert.prepare(QStringLiteral(
            "INSERT INTO sessions (id, user_id, device_id, device_name, client_address, access_hash, "
            "access_expires_at, refresh_hash, refresh_idle_expires_at, absolute_expires_at, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        insert.addBindValue(sessionId);
        insert.addBindValue(account.id);
        insert.addBindValue(attempt.deviceId);
        insert.addBindValue(attempt.deviceName.isNull() ? QStringLiteral("") : attempt.deviceName);
        insert.addBindValue(address);
        insert.addBindValue(QString::fromLatin1(SessionToken::hash(tokens.access)));
        insert.addBindValue(tokens.accessExpiresMs);
        insert.addBindValue(QString::fromLatin1(SessionToken::hash(tokens.refresh)));
        insert.addBindValue(tokens.idleExpiresMs);
        insert.addBindValue(absoluteExpires);
        insert.addBindValue(now);
        if (!exec(insert, &dbError))
            return false;

        if (!upgradedHash.isEmpty()) {
            QSqlQuery rehash(tx);
            rehash.prepare(QStringLiteral("UPDATE staff SET password_hash = ? WHERE id = ?"));
            rehash.addBindValue(QString::fromLatin1(upgradedHash));
            rehash.addBindValue(account.id);
            if (!exec(rehash, &dbError))
                return false;
        }

        AuditEntry entry;
        entry.clinicId = account.clinicId;
        entry.actorUserId = account.id;
        entry.actorLogin = account.login;
        entry.action = QStringLiteral("auth.login");
        entry.targetType = QStringLiteral("session");
        entry.targetId = sessionId;
        entry.clientAddress = address;
        entry.details.insert(QStringLiteral("deviceId"), attempt.deviceId);
        if (!attempt.deviceName.isEmpty())
            entry.details.insert(QStringLiteral("deviceName"), attempt.deviceName);
        return m_audit.append(tx, entry, &dbError);
    });
    if (!committed)
        return internalError();
    return issued(sessionId, tokens, *found);
}

Outcome<IssuedSession> SessionService::refresh(const QString &refreshToken, const QString &deviceId,
                                               const QHostAddress &clientAddress)
{
    if (!SessionToken::looksValid(refreshToken))
        return invalidToken();
    const QString presentedHash = QString::fromLatin1(SessionToken::hash(refreshToken));
    const QString address = addressText(clientAddress);
    const qint64 now = m_clock().toMSecsSinceEpoch();

    std::optional<ServiceError> failure;
    std::optional<IssuedSession> result;
    QString dbError;
    const bool committed = m_database.writeTransaction([&](QSqlDatabase &tx) {
        QSqlQuery current(tx);
        current.prepare(
            QStringLiteral("SELECT id, user_id, device_id, refresh_idle_expires_at, absolute_expires_at, "
                           "revoked_at FROM sessions WHERE refresh_hash = ?"));
        current.addBindValue(presentedHash);
        if (!exec(current, &dbError))
            return false;
        if (!current.next()) {
            current.finish();
            return endReusedSession(m_audit, tx, presentedHash, address, now, &failure, &dbError);
        }
        const QString sessionId = current.value(0).toString();
        const QString userId = current.value(1).toString();
        const QString boundDevice = current.value(2).toString();
        const qint64 idleExpires = current.value(3).toLongLong();
        const qint64 absoluteExpires = current.value(4).toLongLong();
        const bool revoked = !current.value(5).isNull();
        current.finish();

        if (revoked || boundDevice != deviceId || now >= idleExpires || now >= absoluteExpires) {
            failure = invalidToken();
            return false; // nothing changes
        }
        const std::optional<StaffRecords::Found> found = StaffRecords::byId(tx, userId, &dbError);
        if (!found || found->account.disabled) {
            failure = invalidToken();
            return false;
        }

        const NewTokens tokens = makeTokens(now, absoluteExpires, m_policy);
        QSqlQuery rotate(tx);
        rotate.prepare(
            QStringLiteral("UPDATE sessions SET access_hash = ?, access_expires_at = ?, refresh_hash = ?, "
                           "previous_refresh_hash = ?, refresh_idle_expires_at = ?, last_refreshed_at = ?, "
                           "client_address = ? "
                           "WHERE id = ?"));
        rotate.addBindValue(QString::fromLatin1(SessionToken::hash(tokens.access)));
        rotate.addBindValue(tokens.accessExpiresMs);
        rotate.addBindValue(QString::fromLatin1(SessionToken::hash(tokens.refresh)));
        rotate.addBindValue(presentedHash);
        rotate.addBindValue(tokens.idleExpiresMs);
        rotate.addBindValue(now);
        rotate.addBindValue(address);
        rotate.addBindValue(sessionId);
        if (!exec(rotate, &dbError))
            return false;
        QSqlQuery remember(tx);
        remember.prepare(
            QStringLiteral("INSERT INTO used_refresh_tokens (hash, session_id, used_at) VALUES (?, ?, ?)"));
        remember.addBindValue(presentedHash);
        remember.addBindValue(sessionId);
        remember.addBindValue(now);
        if (!exec(remember, &dbError))
            return false;

        AuditEntry entry;
        entry.clinicId = found->account.clinicId;
        entry.actorUserId = found->account.id;
        entry.actorLogin = found->account.login;
        entry.action = QStringLiteral("auth.refresh");
        entry.targetType = QStringLiteral("session");
        entry.targetId = sessionId;
        entry.clientAddress = address;
        if (!m_audit.append(tx, entry, &dbError))
            return false;
        result = issued(sessionId, tokens, *found);
        return true;
    });
    if (failure)
        return *failure;
    if (!committed || !result)
        return internalError();
    return *result;
}

Outcome<Actor> SessionService::authenticate(const QString &accessToken, const QHostAddress &clientAddress)
{
    if (!SessionToken::looksValid(accessToken))
        return invalidToken();
    QSqlQuery *query = m_database.cachedQuery(kAuthenticateSql);
    if (!query)
        return internalError();
    query->bindValue(0, QString::fromLatin1(SessionToken::hash(accessToken)));
    if (!query->exec())
        return internalError();
    if (!query->next()) {
        query->finish();
        return invalidToken();
    }
    const qint64 accessExpires = query->value(2).toLongLong();
    const bool revoked = !query->value(3).isNull();
    const bool disabled = query->value(7).toInt() != 0;
    Actor actor;
    actor.sessionId = query->value(0).toString();
    actor.userId = query->value(1).toString();
    actor.clinicId = query->value(4).toString();
    actor.login = query->value(5).toString();
    actor.role = roleFromName(query->value(6).toString()).value_or(Role::Receptionist);
    actor.mustChangePassword = query->value(8).toInt() != 0;
    actor.clientAddress = clientAddress;
    // Ends the statement's read transaction at once, so WAL checkpoints are not held back.
    query->finish();

    if (revoked || disabled)
        return invalidToken();
    if (m_clock().toMSecsSinceEpoch() >= accessExpires) {
        return ServiceError::make(ServiceError::Kind::Unauthorized, QStringLiteral("token_expired"),
                                  QStringLiteral("The access token has expired; refresh it."));
    }
    return actor;
}

Outcome<Done> SessionService::logout(const Actor &actor)
{
    if (actor.sessionId.isEmpty())
        return invalidToken();
    const qint64 now = m_clock().toMSecsSinceEpoch();
    QString dbError;
    const bool committed = m_database.writeTransaction([&](QSqlDatabase &tx) {
        QSqlQuery revoke(tx);
        revoke.prepare(QStringLiteral("UPDATE sessions SET revoked_at = ?, revoke_reason = 'logout' "
                                      "WHERE id = ? AND user_id = ? AND revoked_at IS NULL"));
        revoke.addBindValue(now);
        revoke.addBindValue(actor.sessionId);
        revoke.addBindValue(actor.userId);
        if (!exec(revoke, &dbError))
            return false;
        AuditEntry entry;
        entry.clinicId = actor.clinicId;
        entry.actorUserId = actor.userId;
        entry.actorLogin = actor.login;
        entry.action = QStringLiteral("auth.logout");
        entry.targetType = QStringLiteral("session");
        entry.targetId = actor.sessionId;
        entry.clientAddress = addressText(actor.clientAddress);
        return m_audit.append(tx, entry, &dbError);
    });
    if (!committed)
        return internalError();
    return Done{};
}

bool SessionService::revokeAll(const QString &userId, const QString &reason, const Actor &actor,
                               QSqlDatabase *db)
{
    const qint64 now = m_clock().toMSecsSinceEpoch();
    auto work = [&](QSqlDatabase &tx) {
        QSqlQuery revoke(tx);
        revoke.prepare(QStringLiteral("UPDATE sessions SET revoked_at = ?, revoke_reason = ? "
                                      "WHERE user_id = ? AND revoked_at IS NULL"));
        revoke.addBindValue(now);
        revoke.addBindValue(reason);
        revoke.addBindValue(userId);
        if (!exec(revoke, nullptr))
            return false;
        const int ended = revoke.numRowsAffected();

        QSqlQuery owner(tx);
        owner.prepare(QStringLiteral("SELECT clinic_id FROM staff WHERE id = ?"));
        owner.addBindValue(userId);
        if (!exec(owner, nullptr))
            return false;
        const QString clinicId = owner.next() ? owner.value(0).toString() : actor.clinicId;
        owner.finish();

        AuditEntry entry;
        entry.clinicId = clinicId;
        entry.actorUserId = actor.userId;
        entry.actorLogin =
            actor.isOperator() && actor.login.isEmpty() ? QStringLiteral("operator") : actor.login;
        entry.action = QStringLiteral("session.revoke");
        entry.targetType = QStringLiteral("user");
        entry.targetId = userId;
        entry.clientAddress = addressText(actor.clientAddress);
        entry.details.insert(QStringLiteral("reason"), reason);
        entry.details.insert(QStringLiteral("sessions"), ended);
        return m_audit.append(tx, entry, nullptr);
    };
    if (db)
        return work(*db);
    return m_database.writeTransaction(work);
}

void SessionService::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

} // namespace medora::server
