#include "backup/BackupEngine.h"

#include "backup/SqliteBackupEngine.h"

namespace medora::server {

std::unique_ptr<BackupEngine> BackupEngine::forDatabase(const QString &databaseUrl, int stepPages,
                                                        QString *error)
{
    if (databaseUrl.startsWith(QLatin1String("sqlite:"))) {
        QString path = databaseUrl.mid(7);
        if (path.startsWith(QLatin1String("//")))
            path = path.mid(2);
        return std::make_unique<SqliteBackupEngine>(path, stepPages);
    }
    if (error)
        *error = QStringLiteral("no backup engine for %1 (PostgreSQL backups come with the PostgreSQL store: "
                                "pg_dump behind the same commands)")
                     .arg(databaseUrl.section(QLatin1Char(':'), 0, 0));
    return nullptr;
}

} // namespace medora::server
