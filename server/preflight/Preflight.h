#pragma once

#include "backup/BackupSettings.h"
#include "config/ConfigValues.h"
#include "preflight/PreflightItem.h"

#include <QList>

namespace medora::server {

struct ServerConfig;

// `medora-server preflight`: the customer's launch checklist (docs/operations.md
// "Preflight") checked against the configuration `serve` would run with, the database, the
// backups and the outside services. It reads; it never migrates, writes or starts anything.
class Preflight
{
public:
    struct Options
    {
        bool offline = false;  // skip every network probe (each becomes a warning)
        int timeoutMs = 10000; // one probe
    };

    Preflight(const ServerConfig &config, ConfigValues values, BackupSettings backup, Options options);

    QList<PreflightItem> run() const;
    static bool passes(const QList<PreflightItem> &items); // no Fail

private:
    PreflightItem secret() const;
    PreflightItem secretsFile() const;
    PreflightItem debugMode() const;
    PreflightItem allowedHosts() const;
    PreflightItem tls() const;
    PreflightItem transport() const;
    PreflightItem databaseKind() const;
    QList<PreflightItem> databaseState() const; // migrations, backup, restore drill
    PreflightItem passwordReset() const;
    PreflightItem gemini() const;
    PreflightItem telegram() const;
    PreflightItem monitoring() const;
    PreflightItem logging() const;
    PreflightItem rateLimits() const;
    PreflightItem legalTexts() const;
    PreflightItem dataLocation() const;

    const ServerConfig &m_config;
    ConfigValues m_values;
    BackupSettings m_backup;
    Options m_options;
};

} // namespace medora::server
