#pragma once

#include <QStringList>

namespace medora::server {

class ServerCore;

struct ServerConfig;

// Database upkeep: migrate (create or upgrade the schema; --check only reports), verify-audit
// (walk the hash chain), backup, restore and restore-drill (docs/operations.md "Backups").
// migrate and restore open the database themselves: restore must find it untouched, and
// migrate --check must not change it.
class MaintenanceCommands
{
public:
    static int migrate(const ServerConfig &config, const QStringList &arguments);
    static int verifyAudit(ServerCore &core, const QStringList &arguments);
    static int backup(ServerCore &core, const QStringList &arguments);
    static int restore(const ServerConfig &config, const QStringList &arguments);
    static int restoreDrill(ServerCore &core, const QStringList &arguments);
};

} // namespace medora::server
