#pragma once

#include "config/ServerConfig.h"

#include <memory>

namespace medora::server {

// `medora-server serve`: logger, database (created and migrated on an empty data folder),
// services, API and the HTTP engine, wired from a loaded ServerConfig. SIGHUP reloads the
// TLS certificate and key (a bad new pair is logged and the old one kept); SIGTERM/SIGINT
// stop gracefully. On listening it logs {"event":"server.listening","port":N,"tls":bool}.
class ServerApplication
{
public:
    explicit ServerApplication(ServerConfig config);
    ~ServerApplication();
    // Returns the process exit code once the server stops; non-zero with a clear message on
    // stderr when it cannot start.
    int run();

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace medora::server
