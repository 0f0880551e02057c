#include "api/RequestGuard.h"

#include "api/ApiError.h"
#include "config/ServerConfig.h"

namespace medora::server {

namespace {

// "::ffff:10.0.0.1" from a dual-stack socket is the IPv4 client 10.0.0.1.
QHostAddress plain(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        bool isV4 = false;
        const quint32 v4 = address.toIPv4Address(&isV4);
        if (isV4)
            return QHostAddress(v4);
    }
    return address;
}

} // namespace

RequestGuard::RequestGuard(const ServerConfig &config) : m_config(config) {}

QString RequestGuard::hostWithoutPort(const QByteArray &hostHeader)
{
    const QByteArray host = hostHeader.trimmed();
    if (host.isEmpty())
        return {};
    QByteArray name;
    QByteArray port;
    if (host.startsWith('[')) {
        const qsizetype close = host.indexOf(']');
        if (close < 0)
            return {};
        name = host.mid(1, close - 1);
        const QByteArray rest = host.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(':'))
                return {};
            port = rest.mid(1);
        }
    } else {
        const qsizetype colon = host.indexOf(':');
        if (colon >= 0) {
            if (host.indexOf(':', colon + 1) >= 0)
                return {};
            name = host.left(colon);
            port = host.mid(colon + 1);
        } else {
            name = host;
        }
    }
    for (const char c : port) {
        if (c < '0' || c > '9')
            return {};
    }
    if (port.size() > 5 || name.isEmpty())
        return {};
    for (const char c : name) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                             c == '.' || c == '-' || c == ':' || c == '_';
        if (!allowed)
            return {};
    }
    return QString::fromLatin1(name).toLower();
}

void RequestGuard::resolveClient(HttpRequest &request) const
{
    request.clientAddress = plain(request.peerAddress);
    request.clientSecure = request.overTls;
    if (!m_config.isTrustedProxy(request.peerAddress) && !m_config.isTrustedProxy(request.clientAddress))
        return;

    QList<QByteArray> hops;
    for (const auto &header : request.headers) {
        if (header.first == "x-forwarded-for") {
            for (const QByteArray &hop : header.second.split(','))
                hops.append(hop.trimmed());
        }
    }
    // Walk from the proxy next to us towards the client; stop at the first address that is
    // not one of our proxies: everything left of it was written by the client itself.
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        QHostAddress hop;
        if (!hop.setAddress(QString::fromLatin1(hops.at(i))))
            break;
        hop = plain(hop);
        request.clientAddress = hop;
        if (!m_config.isTrustedProxy(hop))
            break;
    }

    QByteArray proto;
    for (const auto &header : request.headers) {
        if (header.first == "x-forwarded-proto")
            proto = header.second;
    }
    // The last value is the one our own proxy wrote; earlier ones came from further away.
    const QList<QByteArray> protos = proto.split(',');
    if (!proto.isEmpty() && protos.last().trimmed().toLower() == "https")
        request.clientSecure = true;
}

std::optional<HttpResponse> RequestGuard::check(HttpRequest &request) const
{
    const QString host = hostWithoutPort(request.header("host"));
    const bool anyHost = m_config.debug && m_config.allowedHosts.isEmpty();
    if (!anyHost && (host.isEmpty() || !m_config.isAllowedHost(host)))
        return ApiError::response(421, QStringLiteral("host_not_allowed"),
                                  QStringLiteral("This server does not answer for that host name."));

    resolveClient(request);

    const bool api = request.path == QLatin1String("/api") || request.path.startsWith(QLatin1String("/api/"));
    if (api && !request.clientSecure && !m_config.debug)
        return ApiError::response(403, QStringLiteral("https_required"),
                                  QStringLiteral("The API is served over HTTPS only."));
    return std::nullopt;
}

} // namespace medora::server
