#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace medora::server {

// One blocking HTTP POST over libcurl for the notification gateways: TLS verified, no
// redirects, a timeout, http/https only. The body and the headers may carry credentials, so
// nothing of them is ever put in `error`.
class CurlTransfer
{
public:
    struct Result
    {
        int httpStatus = 0; // 0: no HTTP answer
        QByteArray body;
        QString error; // curl's error text for transport failures
    };

    static void initializeOnce();
    static Result post(const QByteArray &url, const QList<QByteArray> &headers, const QByteArray &body,
                       int timeoutMs);
    // application/x-www-form-urlencoded value.
    static QByteArray formEncode(const QList<QPair<QByteArray, QString>> &fields);
};

} // namespace medora::server
