#pragma once

#include "backup/BackupEngine.h"

namespace medora::server {

// SQLite's online backup API (sqlite3_backup_*) on connections of its own. The source
// connection holds one read transaction for the whole copy: in WAL mode that pins a
// consistent snapshot while writers go on committing to the WAL, so the copy never has to
// restart and no writer waits for it. The copy runs in steps of `stepPages` pages with a
// short pause between them so the disk stays responsive for the serving process.
class SqliteBackupEngine : public BackupEngine
{
public:
    SqliteBackupEngine(QString databasePath, int stepPages);

    QString name() const override { return QStringLiteral("sqlite"); }
    QString fileSuffix() const override { return QStringLiteral("sqlite"); }
    bool writeSnapshot(const QString &path, QString *error) override;
    bool openSnapshot(const QString &path, const QString &connectionName, QString *error) override;
    bool loadSnapshot(const QString &path, QString *error) override;
    bool discardDatabase(QString *error) override;

    int stepsTaken() const { return m_stepsTaken; } // of the last writeSnapshot

private:
    QString m_databasePath;
    int m_stepPages;
    int m_stepsTaken = 0;
};

} // namespace medora::server
