#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace medora::server {

// What a backup holds, written beside it as <backup>.manifest.json; restore checks the
// restored database against it. The checksum also lives in <backup>.sha256 in the format
// `sha256sum -c` reads.
struct BackupManifest
{
    static constexpr const char *formatName = "medora-backup-1";

    QString engine;    // "sqlite" (later "postgresql")
    QString fileName;  // the backup file's name, no folder
    QByteArray sha256; // hex
    qint64 sizeBytes = 0;
    int schemaVersion = 0;
    QString databaseId;     // the identity of the database it was taken from
    qint64 startedAtMs = 0; // epoch ms, UTC
    qint64 finishedAtMs = 0;
    QString serverVersion;
    QMap<QString, qint64> rowCounts; // every table
    qint64 auditHeadSequence = 0;
    QByteArray auditHeadHash;

    QJsonObject toJson() const;
    // False with `error` when `object` is not a manifest of this format.
    static bool fromJson(const QJsonObject &object, BackupManifest *manifest, QString *error);

    // <folder>/<name>.manifest.json and <folder>/<name>.sha256 for the backup file `path`.
    static QString manifestPath(const QString &backupPath);
    static QString checksumPath(const QString &backupPath);
    // Writes both files atomically (0600).
    bool write(const QString &backupPath, QString *error) const;
    static bool read(const QString &backupPath, BackupManifest *manifest, QString *error);
};

} // namespace medora::server
