#pragma once

#include "notify/DeliveryResult.h"

#include <QString>

namespace medora::server {

// Sends one plain-text e-mail. Blocking: call it from a worker thread (server/notify/Notifier).
class MailSender
{
public:
    virtual ~MailSender() = default;
    virtual DeliveryResult sendMail(const QString &to, const QString &subject, const QString &body) = 0;
};

} // namespace medora::server
