#pragma once

#include "notify/DeliveryResult.h"

#include <QFuture>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace medora::server {

struct ServerConfig;
class MailSender;
class SmsSender;

// Sends SMS and e-mail away from the request threads: each message runs on a small pool of
// its own, so a slow gateway never holds an HTTP worker and an answer never waits for (or
// reveals) a delivery. The channels are those the configuration enables.
class Notifier
{
public:
    enum class Channel
    {
        Sms,
        Email
    };
    struct Message
    {
        Channel channel = Channel::Sms;
        QString destination; // E.164 phone or e-mail address
        QString subject;     // e-mail only
        QString text;
    };

    explicit Notifier(const ServerConfig &config);
    Notifier(std::unique_ptr<SmsSender> sms, std::unique_ptr<MailSender> mail);
    ~Notifier(); // waits for messages still being sent

    bool canSend(Channel channel) const;
    // Runs on the pool; a channel that is not configured fails at once. `after`, when set,
    // runs on the pool thread with the result before the future finishes.
    QFuture<DeliveryResult> send(const Message &message,
                                 std::function<void(const DeliveryResult &)> after = nullptr);
    void waitForDone();

private:
    std::unique_ptr<SmsSender> m_sms;
    std::unique_ptr<MailSender> m_mail;
    QThreadPool m_pool;
};

} // namespace medora::server
