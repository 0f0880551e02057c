#pragma once

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace medora::server {

class ServerDatabase;

// The ops_* tables of migration 8: what backups, restore drills and restores left on record.
class OperationsRecords
{
public:
    struct Backup
    {
        QString id;
        QString engine;
        QString filePath;
        QByteArray sha256;
        qint64 sizeBytes = 0;
        int schemaVersion = 0;
        QString databaseId;
        qint64 startedAtMs = 0;
        qint64 finishedAtMs = 0;
    };
    struct Drill
    {
        QString id;
        QString backupPath;
        QByteArray backupSha256;
        bool succeeded = false;
        qint64 rowsCompared = 0;
        QString detail;
        qint64 atMs = 0;
    };

    static bool recordBackup(ServerDatabase &database, const Backup &backup, QString *error);
    static bool recordDrill(ServerDatabase &database, const Drill &drill, QString *error);
    // Inside the caller's transaction, in the restored database.
    static bool recordRestore(QSqlDatabase &db, const QString &backupPath, const QByteArray &backupSha256,
                              const QString &backupDatabaseId, const QString &databaseId, QString *error);

    // The newest records; nullopt when there is none (or the table is missing: `error` says so).
    static std::optional<Backup> lastBackup(const QSqlDatabase &db, QString *error);
    static std::optional<Drill> lastDrill(const QSqlDatabase &db, QString *error);
};

} // namespace medora::server
