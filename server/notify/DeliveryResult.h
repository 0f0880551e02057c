#pragma once

#include <QString>

namespace medora::server {

// What became of one SMS or e-mail. `detail` is English for the log: the provider's status
// and HTTP code, never the destination, the text, a code or a credential.
struct DeliveryResult
{
    bool delivered = false; // accepted by the provider / the mail server
    int httpStatus = 0;     // the gateway's last HTTP status (0: no HTTP answer / not HTTP)
    QString providerId;     // the provider's message id, when it gave one
    QString detail;

    static DeliveryResult failed(const QString &detail, int httpStatus = 0)
    {
        DeliveryResult result;
        result.detail = detail;
        result.httpStatus = httpStatus;
        return result;
    }
};

} // namespace medora::server
