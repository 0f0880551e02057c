#include "auth/ClinicSignup.h"

#include "audit/AuditLog.h"
#include "auth/AccountService.h"
#include "auth/ConsentService.h"
#include "auth/PasswordPolicy.h"
#include "auth/PasswordRecovery.h"
#include "auth/VerificationCodes.h"
#include "domain/PhoneNumber.h"
#include "log/JsonLogger.h"
#include "notify/Notifier.h"
#include "notify/RecoveryMessages.h"

namespace medora::server {

ClinicSignup::ClinicSignup(AccountService &accounts, VerificationCodes &codes, ConsentService &consent,
                           Notifier &notifier, AuditLog &audit, int codeMinutes)
    : m_accounts(accounts), m_codes(codes), m_consent(consent), m_notifier(notifier), m_audit(audit),
      m_codeMinutes(codeMinutes)
{}

QString ClinicSignup::loginFor(const QString &phoneE164)
{
    QString digits = phoneE164;
    digits.remove(QLatin1Char('+'));
    return QStringLiteral("u") + digits;
}

Outcome<QFuture<DeliveryResult>> ClinicSignup::requestPhoneCode(const QString &phone, const QString &language,
                                                                const QHostAddress &clientAddress)
{
    const QString e164 = medora::PhoneNumber::toE164(phone);
    if (e164.isEmpty())
        return ServiceError::badInput(QStringLiteral("invalid_phone"), QStringLiteral("phone"),
                                      QStringLiteral("The phone number is not a valid Uzbek number."));
    if (!m_notifier.canSend(Notifier::Channel::Sms)) {
        ServiceError unavailable =
            ServiceError::make(ServiceError::Kind::Busy, QStringLiteral("channel_unavailable"),
                               QStringLiteral("This server cannot send SMS, so sign-up is not open here."));
        unavailable.field = QStringLiteral("phone");
        return unavailable;
    }
    const QString masked = PasswordRecovery::maskedDestination({QStringLiteral("sms"), e164});
    const Outcome<VerificationCodes::Issued> issued =
        m_codes.issue(VerificationCodes::Purpose::Signup, QStringLiteral("sms"), e164, QString(),
                      clientAddress, [&](QSqlDatabase &db) {
                          AuditEntry entry;
                          entry.actorLogin = QStringLiteral("anonymous");
                          entry.action = QStringLiteral("signup.code_requested");
                          entry.clientAddress = clientAddress.isNull() ? QString() : clientAddress.toString();
                          entry.details.insert(QStringLiteral("destination"), masked);
                          return m_audit.append(db, entry);
                      });
    if (!issued.ok())
        return issued.error();
    Notifier::Message message;
    message.channel = Notifier::Channel::Sms;
    message.destination = e164;
    message.text = RecoveryMessages::smsText(RecoveryMessages::Purpose::Signup, language, issued.value().code,
                                             m_codeMinutes);
    return m_notifier.send(message, [masked](const DeliveryResult &result) {
        QJsonObject fields{{QStringLiteral("channel"), QStringLiteral("sms")},
                           {QStringLiteral("purpose"), QStringLiteral("signup")},
                           {QStringLiteral("destination"), masked},
                           {QStringLiteral("detail"), result.detail}};
        if (result.delivered) {
            JsonLogger::instance().info(QStringLiteral("notify.delivered"), fields);
        } else {
            fields.insert(QStringLiteral("httpStatus"), result.httpStatus);
            JsonLogger::instance().warning(QStringLiteral("notify.delivery_failed"), fields);
        }
    });
}

Outcome<CreatedStaff> ClinicSignup::signUp(const Form &form)
{
    const QString e164 = medora::PhoneNumber::toE164(form.phone);
    if (e164.isEmpty())
        return ServiceError::badInput(QStringLiteral("invalid_phone"), QStringLiteral("phone"),
                                      QStringLiteral("The phone number is not a valid Uzbek number."));
    QString email;
    if (!form.email.trimmed().isEmpty()) {
        const Outcome<PasswordRecovery::Destination> checked =
            PasswordRecovery::destination(QString(), form.email);
        if (!checked.ok())
            return checked.error();
        email = checked.value().value;
    }
    if (auto outdated = m_consent.checkCurrent(form.termsVersion, form.privacyVersion))
        return *outdated;
    if (auto weak = PasswordPolicy::check(form.password, QStringLiteral("password"), loginFor(e164), e164))
        return *weak;
    const Outcome<VerificationCodes::Matched> matched =
        m_codes.check(VerificationCodes::Purpose::Signup, e164, form.code);
    if (!matched.ok())
        return matched.error();

    ClinicRegistration registration;
    registration.clinicName = form.clinicName;
    registration.admin.login = loginFor(e164);
    registration.admin.phone = e164;
    registration.admin.fullName = form.fullName;
    registration.admin.role = Role::ClinicAdmin;
    registration.email = email;
    registration.password = form.password;
    registration.clientAddress = form.clientAddress;
    const QString address = form.clientAddress.isNull() ? QString() : form.clientAddress.toString();
    return m_accounts.registerClinic(
        registration, [&](QSqlDatabase &db, const Clinic &clinic, const StaffAccount &account) {
            if (!m_codes.consume(db, matched.value(), VerificationCodes::Purpose::Signup, e164))
                return false;
            return m_consent.record(db, account.id, clinic.id, account.login, form.language, address);
        });
}

} // namespace medora::server
