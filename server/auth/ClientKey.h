#pragma once

#include <QHostAddress>
#include <QString>

namespace medora::server {

// The key that rate limits and sign-in throttling count a client address under. An IPv6
// client usually owns a whole /64 and can pick any address in it, so IPv6 clients are keyed
// by their /64 prefix; IPv4 (also IPv4-mapped IPv6) by the full address.
class ClientKey
{
public:
    static QString forAddress(const QHostAddress &address);
};

} // namespace medora::server
