#pragma once

#include <QStringList>

namespace medora::server {

class ServerCore;

// Database upkeep: migrate (report the schema version) and verify-audit (walk the hash chain).
class MaintenanceCommands
{
public:
    static int migrate(ServerCore &core, const QStringList &arguments);
    static int verifyAudit(ServerCore &core, const QStringList &arguments);
};

} // namespace medora::server
