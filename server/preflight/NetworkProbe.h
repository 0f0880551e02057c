#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace medora::server {

// Blocking reachability checks for preflight (a command, not the serving process).
class NetworkProbe
{
public:
    enum class Reach
    {
        Reachable,
        Unresolved,  // the name did not resolve: most likely no network here
        Unreachable, // resolved, but refused, timed out or the TLS handshake failed
    };

    struct Connect
    {
        Reach reach = Reach::Unreachable;
        QString detail;
    };

    struct Http
    {
        Reach reach = Reach::Unreachable;
        int status = 0; // 0: no HTTP answer
        QByteArray body;
        QString detail;
    };

    // TCP connect to host:port, with a verified TLS handshake when `tls`.
    static Connect connect(const QString &host, quint16 port, bool tls, int timeoutMs);
    // GET `url`; `ignoreTlsErrors` only for this server's own loopback address.
    static Http get(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs,
                    bool ignoreTlsErrors = false);
};

} // namespace medora::server
