#pragma once

#include "preflight/PreflightItem.h"

#include <QList>
#include <QStringList>

namespace medora::server {

struct ServerConfig;

// `medora-server preflight [--json] [--offline] [--timeout SECONDS]`: prints the checklist
// table (or one JSON object) and exits 1 when a must-have fails, 0 otherwise.
class PreflightCommand
{
public:
    static int run(const ServerConfig &config, const QStringList &arguments);
    static QString table(const QList<PreflightItem> &items);
};

} // namespace medora::server
