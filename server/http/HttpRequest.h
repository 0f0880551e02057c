#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace medora::server {

// One parsed HTTP/1.1 request, as handed by HttpServerEngine to the application handler.
struct HttpRequest
{
    QByteArray method; // "GET", "POST", ... as sent (upper case)
    QByteArray target; // raw request-target, e.g. "/api/v1/staff?limit=20"
    QString path;      // percent-decoded path without the query, e.g. "/api/v1/staff"
    QUrlQuery query;   // decoded query parameters
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, values trimmed
    QByteArray body; // complete body (never larger than HttpLimits::bodyLimitFor(path))

    QHostAddress peerAddress; // the TCP peer (a reverse proxy when one is in front)
    quint16 peerPort = 0;
    bool overTls = false; // the TCP connection itself is TLS

    // Filled by HttpRouter when a pattern like "/api/v1/staff/{id}" matched.
    QHash<QString, QString> pathParams;

    // Filled by the API layer's request guard from trusted X-Forwarded-* (or the peer).
    QHostAddress clientAddress;
    bool clientSecure = false;

    // First value of a header (name compared lower-case), empty when absent.
    QByteArray header(const QByteArray &lowerCaseName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowerCaseName)
                return h.second;
        }
        return {};
    }
    bool hasHeader(const QByteArray &lowerCaseName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowerCaseName)
                return true;
        }
        return false;
    }
};

} // namespace medora::server
