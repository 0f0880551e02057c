#include "store/Migration8Operations.h"

namespace medora::server {

ServerMigrations::Step migration8Operations()
{
    ServerMigrations::Step step;
    step.version = 8;
    step.description = QStringLiteral("operations: backups, restore drills and restores on record");
    step.statements = {
        // One row per backup that was written, checked and recorded; times in epoch ms.
        QStringLiteral("CREATE TABLE ops_backup ("
                       " id TEXT PRIMARY KEY,"
                       " engine TEXT NOT NULL,"
                       " file_path TEXT NOT NULL,"
                       " sha256 TEXT NOT NULL,"
                       " size_bytes BIGINT NOT NULL,"
                       " schema_version INTEGER NOT NULL,"
                       " database_id TEXT NOT NULL,"
                       " started_at_ms BIGINT NOT NULL,"
                       " finished_at_ms BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX ops_backup_by_time ON ops_backup (finished_at_ms)"),
        // `medora-server restore-drill`: a backup restored into a scratch database and compared.
        QStringLiteral("CREATE TABLE ops_restore_drill ("
                       " id TEXT PRIMARY KEY,"
                       " backup_path TEXT NOT NULL,"
                       " backup_sha256 TEXT NOT NULL,"
                       " succeeded INTEGER NOT NULL,"
                       " rows_compared BIGINT NOT NULL,"
                       " detail TEXT NOT NULL,"
                       " at_ms BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX ops_restore_drill_by_time ON ops_restore_drill (at_ms)"),
        // Written into the restored database itself: where it came from and its new identity.
        QStringLiteral("CREATE TABLE ops_restore ("
                       " id TEXT PRIMARY KEY,"
                       " backup_path TEXT NOT NULL,"
                       " backup_sha256 TEXT NOT NULL,"
                       " backup_database_id TEXT NOT NULL,"
                       " database_id TEXT NOT NULL,"
                       " restored_at_ms BIGINT NOT NULL)"),
    };
    return step;
}

} // namespace medora::server
