#pragma once

#include <QString>

#include <memory>

namespace medora::server {

// How one kind of database is copied out while it serves and copied back into an empty
// one. SQLite: the online backup API (SqliteBackupEngine). PostgreSQL, when its store
// arrives: pg_dump --format=custom / pg_restore, behind the same calls. Everything around
// the copy (checksum, manifest, retention, verification, records) is BackupService's and
// the same for every engine.
class BackupEngine
{
public:
    virtual ~BackupEngine() = default;

    virtual QString name() const = 0;       // "sqlite"
    virtual QString fileSuffix() const = 0; // backup file suffix, "sqlite"
    // A consistent copy of the database (as of one moment) written to the new file `path`,
    // taken without holding writers up for long.
    virtual bool writeSnapshot(const QString &path, QString *error) = 0;
    // Opens the backup file `path` read-only as the QtSql connection `connectionName`
    // (removed by the caller through QSqlDatabase::removeDatabase).
    virtual bool openSnapshot(const QString &path, const QString &connectionName, QString *error) = 0;
    // Copies the backup file `path` into the engine's database, which the caller has found
    // empty and which nothing else is writing.
    virtual bool loadSnapshot(const QString &path, QString *error) = 0;
    // Removes what loadSnapshot wrote (the database was empty before the restore).
    virtual bool discardDatabase(QString *error) = 0;

    // The engine for `databaseUrl`; null with `error` for a kind without one.
    static std::unique_ptr<BackupEngine> forDatabase(const QString &databaseUrl, int stepPages,
                                                     QString *error);
};

} // namespace medora::server
