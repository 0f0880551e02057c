#pragma once

#include "notify/DeliveryResult.h"

#include <QString>

namespace medora::server {

// Sends one text message. Blocking: call it from a worker thread (server/notify/Notifier).
class SmsSender
{
public:
    virtual ~SmsSender() = default;
    // `phoneE164`: "+998901234567".
    virtual DeliveryResult sendSms(const QString &phoneE164, const QString &text) = 0;
};

} // namespace medora::server
