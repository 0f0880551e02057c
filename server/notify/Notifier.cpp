#include "notify/Notifier.h"

#include "config/ServerConfig.h"
#include "notify/EskizSmsClient.h"
#include "notify/MailSender.h"
#include "notify/SmsSender.h"
#include "notify/SmtpMailer.h"

#include <QtConcurrent>

namespace medora::server {

Notifier::Notifier(const ServerConfig &config)
{
    if (config.smsConfigured()) {
        EskizSmsClient::Settings settings;
        settings.baseUrl = config.eskizBaseUrl;
        settings.email = config.eskizEmail;
        settings.password = config.eskizPassword;
        settings.sender = config.eskizSender;
        settings.timeoutMs = config.notifyTimeoutSeconds * 1000;
        m_sms = std::make_unique<EskizSmsClient>(settings);
    }
    if (config.mailConfigured()) {
        SmtpMailer::Settings settings;
        settings.url = config.smtpUrl;
        settings.user = config.smtpUser;
        settings.password = config.smtpPassword;
        settings.from = config.smtpFrom;
        settings.caFile = config.smtpCaFile;
        settings.timeoutMs = config.notifyTimeoutSeconds * 1000;
        m_mail = std::make_unique<SmtpMailer>(settings);
    }
    m_pool.setMaxThreadCount(2);
}

Notifier::Notifier(std::unique_ptr<SmsSender> sms, std::unique_ptr<MailSender> mail)
    : m_sms(std::move(sms)), m_mail(std::move(mail))
{
    m_pool.setMaxThreadCount(2);
}

Notifier::~Notifier()
{
    m_pool.waitForDone();
}

bool Notifier::canSend(Channel channel) const
{
    return channel == Channel::Sms ? m_sms != nullptr : m_mail != nullptr;
}

QFuture<DeliveryResult> Notifier::send(const Message &message,
                                       std::function<void(const DeliveryResult &)> after)
{
    return QtConcurrent::run(&m_pool, [this, message, after = std::move(after)]() {
        DeliveryResult result;
        if (message.channel == Channel::Sms) {
            result = m_sms ? m_sms->sendSms(message.destination, message.text)
                           : DeliveryResult::failed(QStringLiteral("no SMS gateway is configured"));
        } else {
            result = m_mail ? m_mail->sendMail(message.destination, message.subject, message.text)
                            : DeliveryResult::failed(QStringLiteral("no mail server is configured"));
        }
        if (after)
            after(result);
        return result;
    });
}

void Notifier::waitForDone()
{
    m_pool.waitForDone();
}

} // namespace medora::server
