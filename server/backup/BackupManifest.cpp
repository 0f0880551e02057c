#include "backup/BackupManifest.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace medora::server {

namespace {

bool writeFile(const QString &path, const QByteArray &content, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

QJsonObject BackupManifest::toJson() const
{
    QJsonObject rows;
    for (auto it = rowCounts.cbegin(); it != rowCounts.cend(); ++it)
        rows.insert(it.key(), double(it.value()));
    return QJsonObject{
        {QStringLiteral("format"), QLatin1String(formatName)},
        {QStringLiteral("engine"), engine},
        {QStringLiteral("file"), fileName},
        {QStringLiteral("sha256"), QString::fromLatin1(sha256)},
        {QStringLiteral("sizeBytes"), double(sizeBytes)},
        {QStringLiteral("schemaVersion"), schemaVersion},
        {QStringLiteral("databaseId"), databaseId},
        {QStringLiteral("startedAt"),
         QDateTime::fromMSecsSinceEpoch(startedAtMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("finishedAt"),
         QDateTime::fromMSecsSinceEpoch(finishedAtMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("startedAtMs"), double(startedAtMs)},
        {QStringLiteral("finishedAtMs"), double(finishedAtMs)},
        {QStringLiteral("serverVersion"), serverVersion},
        {QStringLiteral("rowCounts"), rows},
        {QStringLiteral("auditHead"),
         QJsonObject{{QStringLiteral("sequence"), double(auditHeadSequence)},
                     {QStringLiteral("hash"), QString::fromLatin1(auditHeadHash)}}},
    };
}

bool BackupManifest::fromJson(const QJsonObject &object, BackupManifest *manifest, QString *error)
{
    if (object.value(QStringLiteral("format")).toString() != QLatin1String(formatName)) {
        if (error)
            *error = QStringLiteral("not a %1 manifest").arg(QLatin1String(formatName));
        return false;
    }
    BackupManifest m;
    m.engine = object.value(QStringLiteral("engine")).toString();
    m.fileName = object.value(QStringLiteral("file")).toString();
    m.sha256 = object.value(QStringLiteral("sha256")).toString().toLatin1();
    m.sizeBytes = qint64(object.value(QStringLiteral("sizeBytes")).toDouble());
    m.schemaVersion = object.value(QStringLiteral("schemaVersion")).toInt();
    m.databaseId = object.value(QStringLiteral("databaseId")).toString();
    m.startedAtMs = qint64(object.value(QStringLiteral("startedAtMs")).toDouble());
    m.finishedAtMs = qint64(object.value(QStringLiteral("finishedAtMs")).toDouble());
    m.serverVersion = object.value(QStringLiteral("serverVersion")).toString();
    const QJsonObject rows = object.value(QStringLiteral("rowCounts")).toObject();
    for (auto it = rows.constBegin(); it != rows.constEnd(); ++it)
        m.rowCounts.insert(it.key(), qint64(it.value().toDouble()));
    const QJsonObject head = object.value(QStringLiteral("auditHead")).toObject();
    m.auditHeadSequence = qint64(head.value(QStringLiteral("sequence")).toDouble());
    m.auditHeadHash = head.value(QStringLiteral("hash")).toString().toLatin1();
    if (m.engine.isEmpty() || m.fileName.isEmpty() || m.sha256.size() != 64 || m.schemaVersion <= 0) {
        if (error)
            *error = QStringLiteral("the manifest lacks engine, file, sha256 or schemaVersion");
        return false;
    }
    *manifest = m;
    return true;
}

QString BackupManifest::manifestPath(const QString &backupPath)
{
    return backupPath + QStringLiteral(".manifest.json");
}

QString BackupManifest::checksumPath(const QString &backupPath)
{
    return backupPath + QStringLiteral(".sha256");
}

bool BackupManifest::write(const QString &backupPath, QString *error) const
{
    const QByteArray checksum = sha256 + "  " + fileName.toUtf8() + '\n';
    return writeFile(checksumPath(backupPath), checksum, error) &&
           writeFile(manifestPath(backupPath), QJsonDocument(toJson()).toJson(QJsonDocument::Indented),
                     error);
}

bool BackupManifest::read(const QString &backupPath, BackupManifest *manifest, QString *error)
{
    QFile file(manifestPath(backupPath));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error =
                QStringLiteral("cannot read the manifest %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    QString why;
    if (!document.isObject() || !fromJson(document.object(), manifest, &why)) {
        if (error)
            *error = QStringLiteral("the manifest %1 is not valid: %2")
                         .arg(file.fileName(), why.isEmpty() ? parseError.errorString() : why);
        return false;
    }
    return true;
}

} // namespace medora::server
