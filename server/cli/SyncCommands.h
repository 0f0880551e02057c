#pragma once

#include <QStringList>

namespace medora::server {

class ServerCore;

// Sync upkeep: compact-sync drops tombstones older than the retention and raises each
// affected clinic's horizon (clients behind it must pull from 0 again).
class SyncCommands
{
public:
    static int compactSync(ServerCore &core, const QStringList &arguments);
};

} // namespace medora::server
