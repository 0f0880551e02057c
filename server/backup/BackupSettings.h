#pragma once

#include <QString>
#include <QStringList>

namespace medora::server {

class ConfigValues;
struct ServerConfig;

// Where backups go and how many are kept (docs/operations.md "Backups").
struct BackupSettings
{
    QString directory;        // MEDORA_BACKUP_DIR (default <MEDORA_DATA_DIR>/backups)
    int keepDaily = 7;        // MEDORA_BACKUP_KEEP_DAILY: newest backup of each of the last N days
    int keepWeekly = 4;       // MEDORA_BACKUP_KEEP_WEEKLY: newest backup of each of the last N weeks
    int maxAgeHours = 26;     // MEDORA_BACKUP_MAX_AGE_HOURS: preflight fails beyond this
    int drillMaxAgeDays = 90; // MEDORA_RESTORE_DRILL_MAX_AGE_DAYS: preflight warns beyond this
    int stepPages = 256;      // MEDORA_BACKUP_STEP_PAGES: pages copied per step of the online copy

    // False with `errors` naming each bad variable.
    static bool load(const ConfigValues &values, const ServerConfig &config, BackupSettings *settings,
                     QStringList *errors);
};

} // namespace medora::server
