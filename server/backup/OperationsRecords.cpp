#include "backup/OperationsRecords.h"

#include "store/ServerDatabase.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace medora::server {

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool run(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

} // namespace

bool OperationsRecords::recordBackup(ServerDatabase &database, const Backup &backup, QString *error)
{
    return database.writeTransaction(
        [&](QSqlDatabase &db) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral(
                "INSERT INTO ops_backup (id, engine, file_path, sha256, size_bytes, schema_version, "
                "database_id, started_at_ms, finished_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            query.addBindValue(backup.id.isEmpty() ? newId() : backup.id);
            query.addBindValue(backup.engine);
            query.addBindValue(backup.filePath);
            query.addBindValue(QString::fromLatin1(backup.sha256));
            query.addBindValue(backup.sizeBytes);
            query.addBindValue(backup.schemaVersion);
            query.addBindValue(backup.databaseId);
            query.addBindValue(backup.startedAtMs);
            query.addBindValue(backup.finishedAtMs);
            return run(query, error);
        },
        error);
}

bool OperationsRecords::recordDrill(ServerDatabase &database, const Drill &drill, QString *error)
{
    return database.writeTransaction(
        [&](QSqlDatabase &db) {
            QSqlQuery query(db);
            query.prepare(
                QStringLiteral("INSERT INTO ops_restore_drill (id, backup_path, backup_sha256, "
                               "succeeded, rows_compared, detail, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"));
            query.addBindValue(drill.id.isEmpty() ? newId() : drill.id);
            query.addBindValue(drill.backupPath);
            query.addBindValue(QString::fromLatin1(drill.backupSha256));
            query.addBindValue(drill.succeeded ? 1 : 0);
            query.addBindValue(drill.rowsCompared);
            query.addBindValue(drill.detail);
            query.addBindValue(drill.atMs);
            return run(query, error);
        },
        error);
}

bool OperationsRecords::recordRestore(QSqlDatabase &db, const QString &backupPath,
                                      const QByteArray &backupSha256, const QString &backupDatabaseId,
                                      const QString &databaseId, QString *error)
{
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("INSERT INTO ops_restore (id, backup_path, backup_sha256, backup_database_id, "
                       "database_id, restored_at_ms) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(newId());
    query.addBindValue(backupPath);
    query.addBindValue(QString::fromLatin1(backupSha256));
    query.addBindValue(backupDatabaseId);
    query.addBindValue(databaseId);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    return run(query, error);
}

std::optional<OperationsRecords::Backup> OperationsRecords::lastBackup(const QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(
            QStringLiteral("SELECT id, engine, file_path, sha256, size_bytes, schema_version, database_id, "
                           "started_at_ms, finished_at_ms FROM ops_backup "
                           "ORDER BY finished_at_ms DESC LIMIT 1"))) {
        if (error)
            *error = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    Backup backup;
    backup.id = query.value(0).toString();
    backup.engine = query.value(1).toString();
    backup.filePath = query.value(2).toString();
    backup.sha256 = query.value(3).toString().toLatin1();
    backup.sizeBytes = query.value(4).toLongLong();
    backup.schemaVersion = query.value(5).toInt();
    backup.databaseId = query.value(6).toString();
    backup.startedAtMs = query.value(7).toLongLong();
    backup.finishedAtMs = query.value(8).toLongLong();
    return backup;
}

std::optional<OperationsRecords::Drill> OperationsRecords::lastDrill(const QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(
            QStringLiteral("SELECT id, backup_path, backup_sha256, succeeded, rows_compared, detail, at_ms "
                           "FROM ops_restore_drill ORDER BY at_ms DESC LIMIT 1"))) {
        if (error)
            *error = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    Drill drill;
    drill.id = query.value(0).toString();
    drill.backupPath = query.value(1).toString();
    drill.backupSha256 = query.value(2).toString().toLatin1();
    drill.succeeded = query.value(3).toInt() != 0;
    drill.rowsCompared = query.value(4).toLongLong();
    drill.detail = query.value(5).toString();
    drill.atMs = query.value(6).toLongLong();
    return drill;
}

} // namespace medora::server
