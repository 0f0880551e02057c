#include "backup/BackupSettings.h"

#include "config/ConfigValues.h"
#include "config/ServerConfig.h"

#include <QDir>

namespace medora::server {

bool BackupSettings::load(const ConfigValues &values, const ServerConfig &config, BackupSettings *settings,
                          QStringList *errors)
{
    BackupSettings s;
    QStringList problems;
    const QString directory = values.value(QStringLiteral("MEDORA_BACKUP_DIR"));
    s.directory = QDir::cleanPath(QDir::current().absoluteFilePath(
        directory.isEmpty() ? QDir(config.dataDir).filePath(QStringLiteral("backups")) : directory));
    auto integer = [&](const char *name, int minimum, int maximum, int *target) {
        const QString key = QLatin1String(name);
        if (!values.has(key))
            return;
        bool ok = false;
        const int parsed = values.value(key).toInt(&ok);
        if (!ok || parsed < minimum || parsed > maximum) {
            problems << QStringLiteral("%1: expected a whole number from %2 to %3 ('%4')")
                            .arg(key)
                            .arg(minimum)
                            .arg(maximum)
                            .arg(values.value(key).left(20));
            return;
        }
        *target = parsed;
    };
    integer("MEDORA_BACKUP_KEEP_DAILY", 1, 3650, &s.keepDaily);
    integer("MEDORA_BACKUP_KEEP_WEEKLY", 0, 520, &s.keepWeekly);
    integer("MEDORA_BACKUP_MAX_AGE_HOURS", 1, 24 * 366, &s.maxAgeHours);
    integer("MEDORA_RESTORE_DRILL_MAX_AGE_DAYS", 1, 3660, &s.drillMaxAgeDays);
    integer("MEDORA_BACKUP_STEP_PAGES", 1, 1000000, &s.stepPages);
    if (errors)
        *errors = problems;
    if (!problems.isEmpty())
        return false;
    *settings = s;
    return true;
}

} // namespace medora::server
