#include "auth/PasswordRecovery.h"

#include "audit/AuditLog.h"
#include "auth/LoginThrottle.h"
#include "auth/PasswordHasher.h"
#include "auth/PasswordPolicy.h"
#include "auth/SessionService.h"
#include "auth/StaffRecords.h"
#include "domain/PhoneNumber.h"
#include "log/JsonLogger.h"
#include "notify/Notifier.h"
#include "notify/RecoveryMessages.h"
#include "store/ServerDatabase.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

namespace medora::server {

namespace {

ServiceError internalError()
{
    return ServiceError::make(ServiceError::Kind::Internal, QStringLiteral("internal_error"),
                              QStringLiteral("The server could not complete the request."));
}

QString addressText(const QHostAddress &address)
{
    return address.isNull() ? QString() : address.toString();
}

AuditEntry anonymousEvent(const QString &action, const QHostAddress &address)
{
    AuditEntry entry;
    entry.actorLogin = QStringLiteral("anonymous");
    entry.action = action;
    entry.clientAddress = addressText(address);
    return entry;
}

struct Owner
{
    QString userId;
    QString clinicId;
    QString login;
    QString phone;
};

// The enabled account the destination belongs to; empty userId when none.
std::optional<Owner> ownerOf(QSqlDatabase db, const PasswordRecovery::Destination &destination)
{
    QSqlQuery query(db);
    query.prepare(
        destination.channel == QLatin1String("sms")
            ? QStringLiteral("SELECT id, clinic_id, login, phone FROM staff WHERE phone = ? AND disabled = 0")
            : QStringLiteral(
                  "SELECT id, clinic_id, login, phone FROM staff WHERE email = ? AND disabled = 0"));
    query.addBindValue(destination.value);
    if (!query.exec())
        return std::nullopt;
    Owner owner;
    if (query.next())
        owner = Owner{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                      query.value(3).toString()};
    return owner;
}

} // namespace

PasswordRecovery::PasswordRecovery(ServerDatabase &database, AuditLog &audit, SessionService &sessions,
                                   PasswordHasher &hasher, VerificationCodes &codes, Notifier &notifier)
    : m_database(database), m_audit(audit), m_sessions(sessions), m_hasher(hasher), m_codes(codes),
      m_notifier(notifier)
{}

Outcome<PasswordRecovery::Destination> PasswordRecovery::destination(const QString &phone,
                                                                     const QString &email)
{
    const bool hasPhone = !phone.trimmed().isEmpty();
    const bool hasEmail = !email.trimmed().isEmpty();
    if (hasPhone == hasEmail) {
        return ServiceError::badInput(QStringLiteral("missing_field"), QStringLiteral("phone"),
                                      QStringLiteral("Give either the phone number or the e-mail address."));
    }
    if (hasPhone) {
        const QString e164 = medora::PhoneNumber::toE164(phone);
        if (e164.isEmpty())
            return ServiceError::badInput(QStringLiteral("invalid_phone"), QStringLiteral("phone"),
                                          QStringLiteral("The phone number is not a valid Uzbek number."));
        return Destination{QStringLiteral("sms"), e164};
    }
    static const QRegularExpression pattern(
        QStringLiteral("^[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,190}\\.[^@\\s<>\"]{2,63}$"));
    const QString address = email.trimmed().toLower();
    if (!pattern.match(address).hasMatch())
        return ServiceError::badInput(QStringLiteral("invalid_email"), QStringLiteral("email"),
                                      QStringLiteral("The e-mail address is not valid."));
    return Destination{QStringLiteral("email"), address};
}

QString PasswordRecovery::maskedDestination(const Destination &destination)
{
    const QString &v = destination.value;
    if (destination.channel == QLatin1String("sms"))
        return v.left(6) + QString(qMax<qsizetype>(0, v.size() - 8), QLatin1Char('*')) + v.right(2);
    const qsizetype at = v.indexOf(QLatin1Char('@'));
    return v.left(1) + QStringLiteral("***") + v.mid(at);
}

Outcome<Done> PasswordRecovery::request(const Destination &destination, const QString &language,
                                        const QHostAddress &clientAddress)
{
    const Notifier::Channel channel =
        destination.channel == QLatin1String("sms") ? Notifier::Channel::Sms : Notifier::Channel::Email;
    if (!m_notifier.canSend(channel)) {
        ServiceError unavailable = ServiceError::make(
            ServiceError::Kind::Busy, QStringLiteral("channel_unavailable"),
            destination.channel == QLatin1String("sms")
                ? QStringLiteral("This server cannot send SMS; ask your clinic's administrator.")
                : QStringLiteral("This server cannot send e-mail; ask your clinic's administrator."));
        unavailable.field =
            destination.channel == QLatin1String("sms") ? QStringLiteral("phone") : QStringLiteral("email");
        return unavailable;
    }
    const std::optional<Owner> owner = ownerOf(m_database.connection(), destination);
    if (!owner)
        return internalError();
    const QString masked = maskedDestination(destination);
    const Outcome<VerificationCodes::Issued> issued = m_codes.issue(
        VerificationCodes::Purpose::PasswordReset, destination.channel, destination.value, owner->userId,
        clientAddress, [&](QSqlDatabase &db) {
            AuditEntry entry = anonymousEvent(QStringLiteral("auth.password_reset_requested"), clientAddress);
            entry.clinicId = owner->clinicId;
            entry.targetType = owner->userId.isEmpty() ? QString() : QStringLiteral("user");
            entry.targetId = owner->userId;
            entry.details.insert(QStringLiteral("channel"), destination.channel);
            entry.details.insert(QStringLiteral("destination"), masked);
            entry.details.insert(QStringLiteral("account"),
                                 owner->userId.isEmpty() ? QStringLiteral("none") : QStringLiteral("found"));
            return m_audit.append(db, entry);
        });
    if (!issued.ok()) {
        if (issued.error().kind == ServiceError::Kind::Throttled) {
            AuditEntry entry = anonymousEvent(QStringLiteral("auth.password_reset_throttled"), clientAddress);
            entry.details.insert(QStringLiteral("channel"), destination.channel);
            entry.details.insert(QStringLiteral("destination"), masked);
            m_audit.appendNow(entry);
        }
        return issued.error();
    }
    if (owner->userId.isEmpty())
        return Done{};

    Notifier::Message message;
    message.channel = channel;
    message.destination = destination.value;
    const int minutes = (issued.value().expiresInSeconds + 59) / 60;
    if (channel == Notifier::Channel::Sms) {
        message.text = RecoveryMessages::smsText(RecoveryMessages::Purpose::PasswordReset, language,
                                                 issued.value().code, minutes);
    } else {
        message.subject = RecoveryMessages::mailSubject(RecoveryMessages::Purpose::PasswordReset, language);
        message.text = RecoveryMessages::mailBody(RecoveryMessages::Purpose::PasswordReset, language,
                                                  issued.value().code, minutes);
    }
    const Owner who = *owner;
    const QString channelName = destination.channel;
    AuditLog *audit = &m_audit;
    // After the answer: a failed delivery is the operator's to see (log, audit), never the caller's.
    m_notifier.send(message, [audit, who, channelName, masked, clientAddress](const DeliveryResult &result) {
        QJsonObject fields{{QStringLiteral("channel"), channelName},
                           {QStringLiteral("purpose"), QStringLiteral("password_reset")},
                           {QStringLiteral("destination"), masked},
                           {QStringLiteral("detail"), result.detail}};
        AuditEntry entry =
            anonymousEvent(result.delivered ? QStringLiteral("auth.password_reset_code_sent")
                                            : QStringLiteral("auth.password_reset_delivery_failed"),
                           clientAddress);
        entry.clinicId = who.clinicId;
        entry.targetType = QStringLiteral("user");
        entry.targetId = who.userId;
        entry.details.insert(QStringLiteral("channel"), channelName);
        entry.details.insert(QStringLiteral("detail"), result.detail);
        if (result.delivered) {
            JsonLogger::instance().info(QStringLiteral("notify.delivered"), fields);
        } else {
            if (result.httpStatus)
                fields.insert(QStringLiteral("httpStatus"), result.httpStatus);
            JsonLogger::instance().warning(QStringLiteral("notify.delivery_failed"), fields);
        }
        audit->appendNow(entry);
    });
    return Done{};
}

Outcome<Done> PasswordRecovery::confirm(const Destination &destination, const QString &code,
                                        const QString &newPassword, const QHostAddress &clientAddress)
{
    if (auto weak = PasswordPolicy::check(newPassword, QStringLiteral("newPassword")))
        return *weak;
    // Hashed before the code is looked at, so a wrong code costs the same time as a right one.
    const QByteArray hash = m_hasher.hash(newPassword);
    if (hash.isEmpty())
        return internalError();
    const QString masked = maskedDestination(destination);
    auto failed = [&](const QString &reason, const QString &userId, const QString &clinicId) {
        AuditEntry entry = anonymousEvent(QStringLiteral("auth.password_reset_failed"), clientAddress);
        entry.clinicId = clinicId;
        entry.targetType = userId.isEmpty() ? QString() : QStringLiteral("user");
        entry.targetId = userId;
        entry.details.insert(QStringLiteral("channel"), destination.channel);
        entry.details.insert(QStringLiteral("destination"), masked);
        entry.details.insert(QStringLiteral("reason"), reason);
        m_audit.appendNow(entry);
    };
    const Outcome<VerificationCodes::Matched> matched =
        m_codes.check(VerificationCodes::Purpose::PasswordReset, destination.value, code);
    if (!matched.ok()) {
        if (matched.error().code == QLatin1String("invalid_code"))
            failed(QStringLiteral("invalid_code"), QString(), QString());
        return matched.error();
    }
    QSqlDatabase connection = m_database.connection();
    QString error;
    const std::optional<StaffRecords::Found> found =
        StaffRecords::byId(connection, matched.value().userId, &error);
    if (!error.isEmpty())
        return internalError();
    if (!found || found->account.disabled) {
        // A code sent to no account (requests for unknown destinations store one nobody has).
        failed(QStringLiteral("invalid_code"), QString(), QString());
        return VerificationCodes::invalidCode();
    }
    const StaffAccount account = found->account;
    if (auto weak =
            PasswordPolicy::check(newPassword, QStringLiteral("newPassword"), account.login, account.phone))
        return *weak;

    Actor actor;
    actor.userId = account.id;
    actor.clinicId = account.clinicId;
    actor.login = account.login;
    actor.role = account.role;
    actor.clientAddress = clientAddress;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool raced = false;
    const bool committed = m_database.writeTransaction([&](QSqlDatabase &db) {
        if (!m_codes.consume(db, matched.value(), VerificationCodes::Purpose::PasswordReset,
                             destination.value)) {
            raced = true;
            return false;
        }
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE staff SET password_hash = ?, must_change_password = 0,"
                                      " password_changed_at = ?, updated_at = ? WHERE id = ?"));
        update.addBindValue(QString::fromLatin1(hash));
        update.addBindValue(now);
        update.addBindValue(now);
        update.addBindValue(account.id);
        if (!update.exec())
            return false;
        AuditEntry entry = anonymousEvent(QStringLiteral("auth.password_reset_completed"), clientAddress);
        entry.clinicId = account.clinicId;
        entry.actorUserId = account.id;
        entry.actorLogin = account.login;
        entry.targetType = QStringLiteral("user");
        entry.targetId = account.id;
        entry.details.insert(QStringLiteral("channel"), destination.channel);
        if (!m_audit.append(db, entry))
            return false;
        return m_sessions.revokeAll(account.id, QStringLiteral("password_reset_by_code"), actor, &db);
    });
    if (raced) {
        failed(QStringLiteral("invalid_code"), account.id, account.clinicId);
        return VerificationCodes::invalidCode();
    }
    if (!committed)
        return internalError();
    // Sign-in delays earned by wrong passwords before the reset do not hold the owner back.
    m_sessions.throttle().recordSuccessFor(QStringLiteral("user:") + account.id,
                                           QStringLiteral("password-change"));
    return Done{};
}

} // namespace medora::server
