#include "auth/VerificationCodes.h"

#include "auth/Sodium.h"
#include "domain/UuidV7.h"
#include "store/ServerDatabase.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QSqlQuery>
#include <QVariant>

#include <sodium.h>

namespace medora::server {

namespace {

constexpr qint64 kHourMs = 3600 * 1000;

ServiceError internalError()
{
    return ServiceError::make(ServiceError::Kind::Internal, QStringLiteral("internal_error"),
                              QStringLiteral("The server could not complete the request."));
}

} // namespace

VerificationCodes::VerificationCodes(ServerDatabase &database, QByteArray secret, Settings settings)
    : m_database(database), m_secret(std::move(secret)), m_settings(settings),
      m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    // A separate key per use, so a code HMAC and a destination HMAC never share a key.
    m_secret =
        QMessageAuthenticationCode::hash("medora verification codes", m_secret, QCryptographicHash::Sha256);
}

void VerificationCodes::setClock(std::function<qint64()> millisecondsClock)
{
    m_clock = std::move(millisecondsClock);
}

QString VerificationCodes::purposeName(Purpose purpose)
{
    return purpose == Purpose::PasswordReset ? QStringLiteral("password_reset") : QStringLiteral("signup");
}

ServiceError VerificationCodes::invalidCode()
{
    return ServiceError::badInput(QStringLiteral("invalid_code"), QStringLiteral("code"),
                                  QStringLiteral("The code is wrong, used or expired; ask for a new one."));
}

QByteArray VerificationCodes::destinationHash(const QString &destination) const
{
    return QMessageAuthenticationCode::hash("destination:" + destination.toUtf8(), m_secret,
                                            QCryptographicHash::Sha256)
        .toHex();
}

QByteArray VerificationCodes::codeHash(const QString &id, const QString &code) const
{
    return QMessageAuthenticationCode::hash("code:" + id.toLatin1() + ':' + code.toLatin1(), m_secret,
                                            QCryptographicHash::Sha256)
        .toHex();
}

Outcome<VerificationCodes::Issued>
VerificationCodes::issue(Purpose purpose, const QString &channel, const QString &destination,
                         const QString &userId, const QHostAddress &clientAddress,
                         const std::function<bool(QSqlDatabase &)> &alsoInTransaction)
{
    Issued issued;
    issued.id = medora::UuidV7::generate().toString(QUuid::WithoutBraces);
    issued.code = QStringLiteral("%1").arg(Sodium::uniform(1000000), 6, 10, QLatin1Char('0'));
    issued.expiresInSeconds = m_settings.lifetimeSeconds;
    const QByteArray destinationKey = destinationHash(destination);
    const qint64 now = m_clock();
    std::optional<ServiceError> failure;
    const bool committed = m_database.writeTransaction([&](QSqlDatabase &db) {
        QSqlQuery recent(db);
        recent.prepare(QStringLiteral("SELECT COUNT(*), MIN(created_at_ms) FROM verification_codes"
                                      " WHERE purpose = ? AND destination_hash = ? AND created_at_ms > ?"));
        recent.addBindValue(purposeName(purpose));
        recent.addBindValue(QString::fromLatin1(destinationKey));
        recent.addBindValue(now - kHourMs);
        if (!recent.exec() || !recent.next())
            return false;
        if (recent.value(0).toInt() >= m_settings.perDestinationPerHour) {
            ServiceError limited =
                ServiceError::make(ServiceError::Kind::Throttled, QStringLiteral("rate_limited"),
                                   QStringLiteral("Too many codes were asked for; try again later."));
            limited.retryAfterSeconds =
                int(qMax<qint64>(1, (recent.value(1).toLongLong() + kHourMs - now + 999) / 1000));
            failure = limited;
            return false;
        }
        QSqlQuery insert(db);
        insert.prepare(
            QStringLiteral("INSERT INTO verification_codes (id, purpose, channel, destination_hash, user_id,"
                           " code_hash, attempts, max_attempts, created_at_ms, expires_at_ms, client_address)"
                           " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)"));
        insert.addBindValue(issued.id);
        insert.addBindValue(purposeName(purpose));
        insert.addBindValue(channel);
        insert.addBindValue(QString::fromLatin1(destinationKey));
        insert.addBindValue(userId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(userId));
        insert.addBindValue(QString::fromLatin1(codeHash(issued.id, issued.code)));
        insert.addBindValue(m_settings.maxAttempts);
        insert.addBindValue(now);
        insert.addBindValue(now + qint64(m_settings.lifetimeSeconds) * 1000);
        insert.addBindValue(clientAddress.isNull() ? QString() : clientAddress.toString());
        if (!insert.exec())
            return false;
        return !alsoInTransaction || alsoInTransaction(db);
    });
    if (failure)
        return *failure;
    if (!committed)
        return internalError();
    return issued;
}

Outcome<VerificationCodes::Matched> VerificationCodes::check(Purpose purpose, const QString &destination,
                                                             const QString &code)
{
    const QByteArray destinationKey = destinationHash(destination);
    const qint64 now = m_clock();
    std::optional<Matched> matched;
    bool wrong = false;
    const bool committed = m_database.writeTransaction([&](QSqlDatabase &db) {
        QSqlQuery live(db);
        live.prepare(
            QStringLiteral("SELECT id, user_id, code_hash, attempts, max_attempts FROM verification_codes"
                           " WHERE purpose = ? AND destination_hash = ? AND used_at_ms IS NULL"
                           " AND expires_at_ms > ? ORDER BY created_at_ms DESC LIMIT 1"));
        live.addBindValue(purposeName(purpose));
        live.addBindValue(QString::fromLatin1(destinationKey));
        live.addBindValue(now);
        if (!live.exec())
            return false;
        if (!live.next()) {
            wrong = true;
            return true;
        }
        const QString id = live.value(0).toString();
        const QString userId = live.value(1).toString();
        const QByteArray stored = live.value(2).toString().toLatin1();
        const int attempts = live.value(3).toInt();
        const int maxAttempts = live.value(4).toInt();
        const QByteArray given = codeHash(id, code.trimmed());
        const bool same = stored.size() == given.size() &&
                          sodium_memcmp(stored.constData(), given.constData(), size_t(given.size())) == 0;
        if (same && attempts < maxAttempts) {
            matched = Matched{id, userId};
            return true;
        }
        wrong = true;
        QSqlQuery count(db);
        // The last allowed wrong guess ends the code.
        count.prepare(
            QStringLiteral("UPDATE verification_codes SET attempts = attempts + 1,"
                           " used_at_ms = CASE WHEN attempts + 1 >= max_attempts THEN ? ELSE used_at_ms END"
                           " WHERE id = ?"));
        count.addBindValue(now);
        count.addBindValue(id);
        return count.exec();
    });
    if (!committed)
        return internalError();
    if (wrong || !matched)
        return invalidCode();
    return *matched;
}

bool VerificationCodes::consume(QSqlDatabase &db, const Matched &matched, Purpose purpose,
                                const QString &destination)
{
    const qint64 now = m_clock();
    QSqlQuery use(db);
    use.prepare(
        QStringLiteral("UPDATE verification_codes SET used_at_ms = ? WHERE id = ? AND used_at_ms IS NULL"));
    use.addBindValue(now);
    use.addBindValue(matched.id);
    if (!use.exec() || use.numRowsAffected() != 1)
        return false;
    QSqlQuery others(db);
    others.prepare(QStringLiteral("UPDATE verification_codes SET used_at_ms = ?"
                                  " WHERE purpose = ? AND destination_hash = ? AND used_at_ms IS NULL"));
    others.addBindValue(now);
    others.addBindValue(purposeName(purpose));
    others.addBindValue(QString::fromLatin1(destinationHash(destination)));
    return others.exec();
}

} // namespace medora::server
