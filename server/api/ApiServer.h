#pragma once

#include "http/HttpRouter.h"

#include <memory>

namespace medora::server {

struct ServerConfig;
class ServerDatabase;
class AuditLog;
class SessionService;
class AccountService;
class Metrics;

struct ServerServices
{
    const ServerConfig &config;
    ServerDatabase &database;
    AuditLog &audit;
    SessionService &sessions;
    AccountService &accounts;
    Metrics &metrics;
};

// The HTTP API (docs/api.md): request guard (allowed Host, trusted X-Forwarded-*, HTTPS
// required for /api unless debug, rate limits), routing, JSON decoding with bounds,
// authentication and role checks, JSON errors {"error":{"code","message","field"}}.
// Password work (login, password change) runs in a small bounded pool; when it is full the
// answer is 503 with Retry-After instead of a growing queue.
class ApiServer
{
public:
    explicit ApiServer(ServerServices services);
    ~ApiServer();
    HttpHandler handler(); // thread-safe; give it to HttpServerEngine
    QList<HttpRouter::Route> routes() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace medora::server
