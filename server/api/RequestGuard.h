#pragma once

#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

#include <optional>

namespace medora::server {

struct ServerConfig;

// The first thing every request meets. Refuses a Host that is not allowed (421), works out
// the real client address and scheme (X-Forwarded-For / X-Forwarded-Proto are believed only
// when the TCP peer is a configured trusted proxy; the client is the rightmost hop that is
// not itself a trusted proxy), and refuses plain HTTP on /api/* (403 https_required) unless
// the connection is TLS, a trusted proxy says the client used https, or debug is on.
class RequestGuard
{
public:
    explicit RequestGuard(const ServerConfig &config);

    // Fills request.clientAddress and request.clientSecure; a response means "refused".
    std::optional<HttpResponse> check(HttpRequest &request) const;

    // "Host" header value without the port ("[::1]:8443" -> "::1", "Example.uz:443" -> "example.uz");
    // empty when malformed.
    static QString hostWithoutPort(const QByteArray &hostHeader);

private:
    void resolveClient(HttpRequest &request) const;
    const ServerConfig &m_config;
};

} // namespace medora::server
