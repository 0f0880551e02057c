#include "auth/ClientKey.h"

namespace medora::server {

QString ClientKey::forAddress(const QHostAddress &address)
{
    if (address.isNull())
        return QString();
    bool isIpv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIpv4);
    if (isIpv4)
        return QHostAddress(ipv4).toString();
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address.toString();
    Q_IPV6ADDR prefix = address.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        prefix[i] = 0;
    return QHostAddress(prefix).toString() + QStringLiteral("/64");
}

} // namespace medora::server
