#pragma once

#include "backup/BackupManifest.h"
#include "backup/BackupSettings.h"

#include <QString>
#include <QStringList>

namespace medora::server {

struct ServerConfig;
class ServerDatabase;

// backup, restore and restore-drill (docs/operations.md "Backups"). The engine copies the
// bytes (BackupEngine); this class makes the copy provable: checksum, manifest, retention,
// and on the way back checksum, schema version, row counts and the audit hash chain.
class BackupService
{
public:
    struct BackupResult
    {
        QString path;
        BackupManifest manifest;
        QStringList removed; // older backups the retention policy deleted
    };

    struct RestoreResult
    {
        BackupManifest manifest;
        QString databaseId;      // the restored database's new identity
        qint64 auditEvents = 0;  // verified in the restored chain
        qint64 rowsCompared = 0; // drill: rows compared one by one with the backup
        int migratedFromVersion = 0;
        int schemaVersion = 0;
    };

    BackupService(const ServerConfig &config, BackupSettings settings);

    // A backup of the serving database, recorded in `live` (ops_backup).
    bool backup(ServerDatabase &live, BackupResult *result, QString *error);
    // Restores `backupPath` into the database at `targetUrl`, which must be empty. Refuses a
    // damaged file (checksum), a schema newer than this build, a broken audit chain and row
    // counts that differ from the manifest; the restored database gets a new identity.
    bool restore(const QString &backupPath, const QString &targetUrl, RestoreResult *result, QString *error);
    // Restores `backupPath` (empty: the newest backup) into a scratch database, compares every
    // row with the backup, and records the outcome in `live` (ops_restore_drill).
    bool drill(ServerDatabase &live, const QString &backupPath, RestoreResult *result, QString *error);

    // Backup files in the folder, newest first (those with a readable manifest).
    QStringList backups() const;
    const BackupSettings &settings() const { return m_settings; }

    static QByteArray fileSha256(const QString &path, QString *error);

private:
    bool restoreInto(const QString &backupPath, const QString &targetUrl, bool compareRows,
                     RestoreResult *result, QString *error);

    const ServerConfig &m_config;
    BackupSettings m_settings;
};

} // namespace medora::server
