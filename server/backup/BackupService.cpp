#include "backup/BackupService.h"

#include "audit/AuditLog.h"
#include "backup/BackupEngine.h"
#include "backup/BackupRetention.h"
#include "backup/DatabaseDigest.h"
#include "backup/OperationsRecords.h"
#include "config/ServerConfig.h"
#include "store/DatabaseIdentity.h"
#include "store/ServerDatabase.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QVariant>

namespace medora::server {

namespace {

// Tables whose rows say something about this copy of the database rather than the clinic's
// data: an empty database has rows here already.
bool isBookkeeping(const QString &table)
{
    return table == QLatin1String("schema_migrations") || table == QLatin1String("sync_meta");
}

// A QtSql connection to a backup file, removed when it goes out of scope.
class SnapshotConnection
{
public:
    explicit SnapshotConnection(BackupEngine &engine)
        : m_engine(engine),
          m_name(QStringLiteral("medora-backup-snapshot-") + QUuid::createUuid().toString(QUuid::Id128))
    {}
    ~SnapshotConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool open(const QString &path, QString *error) { return m_engine.openSnapshot(path, m_name, error); }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    BackupEngine &m_engine;
    QString m_name;
};

QString backupFileName(const QDateTime &at, const QString &suffix)
{
    return QStringLiteral("medora-%1.%2")
        .arg(at.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")), suffix);
}

} // namespace

BackupService::BackupService(const ServerConfig &config, BackupSettings settings)
    : m_config(config), m_settings(std::move(settings))
{}

QByteArray BackupService::fileSha256(const QString &path, QString *error)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    return hash.result().toHex();
}

QStringList BackupService::backups() const
{
    QList<BackupRetention::Entry> entries;
    const QDir folder(m_settings.directory);
    for (const QFileInfo &info :
         folder.entryInfoList({QStringLiteral("medora-*.manifest.json")}, QDir::Files, QDir::Name)) {
        const QString path = info.absoluteFilePath().chopped(int(qstrlen(".manifest.json")));
        BackupManifest manifest;
        if (QFileInfo::exists(path) && BackupManifest::read(path, &manifest, nullptr))
            entries.append({path, QDateTime::fromMSecsSinceEpoch(manifest.finishedAtMs, Qt::UTC)});
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto &a, const auto &b) { return a.takenAt > b.takenAt; });
    QStringList paths;
    for (const auto &entry : std::as_const(entries))
        paths << entry.path;
    return paths;
}

bool BackupService::backup(ServerDatabase &live, BackupResult *result, QString *error)
{
    std::unique_ptr<BackupEngine> engine =
        BackupEngine::forDatabase(m_config.databaseUrl, m_settings.stepPages, error);
    if (!engine)
        return false;
    QDir folder(m_settings.directory);
    if (!folder.mkpath(QStringLiteral("."))) {
        if (error)
            *error = QStringLiteral("cannot create the backup folder %1").arg(m_settings.directory);
        return false;
    }
    QFile::setPermissions(m_settings.directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    BackupManifest manifest;
    manifest.engine = engine->name();
    manifest.serverVersion = QCoreApplication::applicationVersion();
    manifest.startedAtMs = QDateTime::currentMSecsSinceEpoch();
    QString name =
        backupFileName(QDateTime::fromMSecsSinceEpoch(manifest.startedAtMs, Qt::UTC), engine->fileSuffix());
    for (int n = 2; QFileInfo::exists(folder.filePath(name)); ++n)
        name = backupFileName(QDateTime::fromMSecsSinceEpoch(manifest.startedAtMs, Qt::UTC),
                              QStringLiteral("%1.%2").arg(n).arg(engine->fileSuffix()));
    const QString path = folder.absoluteFilePath(name);
    const QString partial = path + QStringLiteral(".partial");
    QFile::remove(partial);

    auto fail = [&](const QString &why) {
        QFile::remove(partial);
        if (error)
            *error = why;
        return false;
    };
    QString why;
    if (!engine->writeSnapshot(partial, &why))
        return fail(QStringLiteral("backup: ") + why);
    QFile::setPermissions(partial, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    // What the copy holds, read from the copy itself.
    {
        SnapshotConnection snapshot(*engine);
        if (!snapshot.open(partial, &why))
            return fail(why);
        QSqlDatabase db = snapshot.db();
        QSqlQuery check(db);
        if (engine->name() == QLatin1String("sqlite") &&
            (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next() ||
             check.value(0).toString() != QLatin1String("ok")))
            return fail(QStringLiteral("the copy failed its integrity check"));
        check.finish();
        manifest.schemaVersion = DatabaseDigest::schemaVersion(db, &why);
        manifest.databaseId = DatabaseIdentity::read(db, &why);
        if (manifest.schemaVersion <= 0 || manifest.databaseId.isEmpty())
            return fail(QStringLiteral("the copy has no schema version or identity: ") + why);
        if (!DatabaseDigest::rowCounts(db, &manifest.rowCounts, &why))
            return fail(why);
        QSqlQuery head(db);
        if (head.exec(
                QStringLiteral("SELECT sequence, hash FROM audit_events ORDER BY sequence DESC LIMIT 1")) &&
            head.next()) {
            manifest.auditHeadSequence = head.value(0).toLongLong();
            manifest.auditHeadHash = head.value(1).toByteArray();
        }
    }
    manifest.sha256 = fileSha256(partial, &why);
    if (manifest.sha256.isEmpty())
        return fail(why);
    manifest.sizeBytes = QFileInfo(partial).size();
    manifest.fileName = name;
    manifest.finishedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (!QFile::rename(partial, path))
        return fail(QStringLiteral("cannot rename %1 to %2").arg(partial, path));
    if (!manifest.write(path, &why)) {
        QFile::remove(path);
        return fail(why);
    }

    OperationsRecords::Backup record;
    record.engine = manifest.engine;
    record.filePath = path;
    record.sha256 = manifest.sha256;
    record.sizeBytes = manifest.sizeBytes;
    record.schemaVersion = manifest.schemaVersion;
    record.databaseId = manifest.databaseId;
    record.startedAtMs = manifest.startedAtMs;
    record.finishedAtMs = manifest.finishedAtMs;
    if (!OperationsRecords::recordBackup(live, record, &why)) {
        if (error)
            *error = QStringLiteral("the backup %1 was written but could not be recorded: %2").arg(path, why);
        return false;
    }

    QList<BackupRetention::Entry> entries;
    for (const QString &existing : backups()) {
        BackupManifest other;
        if (BackupManifest::read(existing, &other, nullptr))
            entries.append({existing, QDateTime::fromMSecsSinceEpoch(other.finishedAtMs, Qt::UTC)});
    }
    QStringList removed;
    for (const QString &doomed :
         BackupRetention::toDelete(entries, m_settings.keepDaily, m_settings.keepWeekly)) {
        if (doomed == path)
            continue;
        QFile::remove(doomed);
        QFile::remove(BackupManifest::checksumPath(doomed));
        QFile::remove(BackupManifest::manifestPath(doomed));
        removed << doomed;
    }
    if (result)
        *result = {path, manifest, removed};
    return true;
}

bool BackupService::restore(const QString &backupPath, const QString &targetUrl, RestoreResult *result,
                            QString *error)
{
    return restoreInto(backupPath, targetUrl, false, result, error);
}

bool BackupService::restoreInto(const QString &backupPath, const QString &targetUrl, bool compareRows,
                                RestoreResult *result, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const QString path = QFileInfo(backupPath).absoluteFilePath();
    if (!QFileInfo(path).isFile())
        return fail(QStringLiteral("there is no backup file %1").arg(path));
    BackupManifest manifest;
    QString why;
    if (!BackupManifest::read(path, &manifest, &why))
        return fail(why);

    // 1. The bytes are the ones that were written.
    QFile checksumFile(BackupManifest::checksumPath(path));
    if (!checksumFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read the checksum file %1").arg(checksumFile.fileName()));
    const QByteArray recorded = checksumFile.readLine().left(64).toLower();
    if (recorded != manifest.sha256)
        return fail(QStringLiteral("the checksum file and the manifest of %1 disagree").arg(path));
    const QByteArray actual = fileSha256(path, &why);
    if (actual.isEmpty())
        return fail(why);
    if (actual != manifest.sha256)
        return fail(
            QStringLiteral("checksum mismatch: %1 is damaged or was changed (SHA-256 %2, expected %3); "
                           "restore another backup")
                .arg(path, QString::fromLatin1(actual), QString::fromLatin1(manifest.sha256)));

    std::unique_ptr<BackupEngine> sourceEngine = BackupEngine::forDatabase(
        manifest.engine == QLatin1String("sqlite") ? QStringLiteral("sqlite:") + path : manifest.engine + ':',
        0, &why);
    std::unique_ptr<BackupEngine> targetEngine =
        BackupEngine::forDatabase(targetUrl, m_settings.stepPages, &why);
    if (!sourceEngine || !targetEngine)
        return fail(why);
    if (sourceEngine->name() != targetEngine->name())
        return fail(QStringLiteral("a %1 backup cannot be restored into a %2 database")
                        .arg(sourceEngine->name(), targetEngine->name()));

    // 2. The schema is one this build knows.
    SnapshotConnection snapshot(*sourceEngine);
    if (!snapshot.open(path, &why))
        return fail(why);
    const int backupVersion = DatabaseDigest::schemaVersion(snapshot.db(), &why);
    if (backupVersion <= 0)
        return fail(QStringLiteral("%1 has no schema version: not a medora-server backup").arg(path));
    const int latest = ServerDatabase::latestSchemaVersion();
    if (backupVersion > latest)
        return fail(
            QStringLiteral("the backup has schema version %1, newer than this medora-server knows (%2): "
                           "restore it with a medora-server at least as new as the one that wrote it (%3)")
                .arg(backupVersion)
                .arg(latest)
                .arg(manifest.serverVersion));
    if (backupVersion != manifest.schemaVersion)
        return fail(QStringLiteral("the backup's schema version %1 is not the manifest's %2")
                        .arg(backupVersion)
                        .arg(manifest.schemaVersion));

    // 3. The target holds nothing yet.
    {
        ServerDatabase target(targetUrl);
        if (!target.open(&why))
            return fail(why);
        QMap<QString, qint64> counts;
        if (!DatabaseDigest::rowCounts(target.connection(), &counts, &why))
            return fail(why);
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (!isBookkeeping(it.key()) && it.value() > 0)
                return fail(
                    QStringLiteral("the target database %1 is not empty (table %2 has %3 rows): restore "
                                   "only into an empty database; move the old one aside or set "
                                   "MEDORA_DATABASE_URL to a new file")
                        .arg(targetUrl, it.key())
                        .arg(it.value()));
        }
    }

    // 4. Copy, then check the copy before anything may use it.
    if (!targetEngine->loadSnapshot(path, &why))
        return fail(QStringLiteral("restore: ") + why);
    RestoreResult restored;
    restored.manifest = manifest;
    restored.migratedFromVersion = backupVersion;
    const bool verified = [&] {
        ServerDatabase target(targetUrl);
        if (!target.open(&why))
            return false;
        const AuditVerification audit = AuditLog(target).verify();
        if (!audit.intact) {
            why = QStringLiteral("the audit hash chain is broken at event %1 (%2)")
                      .arg(audit.firstBrokenSequence)
                      .arg(audit.problem);
            return false;
        }
        if (audit.headSequence != manifest.auditHeadSequence || audit.headHash != manifest.auditHeadHash) {
            why = QStringLiteral("the audit chain ends at event %1, the manifest says %2")
                      .arg(audit.headSequence)
                      .arg(manifest.auditHeadSequence);
            return false;
        }
        restored.auditEvents = audit.eventsChecked;
        QMap<QString, qint64> counts;
        if (!DatabaseDigest::rowCounts(target.connection(), &counts, &why))
            return false;
        for (auto it = manifest.rowCounts.cbegin(); it != manifest.rowCounts.cend(); ++it) {
            if (counts.value(it.key(), -1) != it.value()) {
                why = QStringLiteral("table %1 has %2 rows, the manifest says %3")
                          .arg(it.key())
                          .arg(counts.value(it.key(), -1))
                          .arg(it.value());
                return false;
            }
        }
        if (compareRows) {
            const QStringList tables = DatabaseDigest::tables(snapshot.db());
            QMap<QString, TableDigest> expected;
            QMap<QString, TableDigest> found;
            if (!DatabaseDigest::compute(snapshot.db(), tables, {}, &expected, &why) ||
                !DatabaseDigest::compute(target.connection(), tables, {}, &found, &why))
                return false;
            for (const QString &table : tables) {
                if (expected.value(table).sha256 != found.value(table).sha256) {
                    why = QStringLiteral("table %1 differs from the backup").arg(table);
                    return false;
                }
                restored.rowsCompared += found.value(table).rows;
            }
        }
        // 5. Bring an older backup up to this build's schema, then give it a new identity.
        if (!target.migrate(&why))
            return false;
        restored.schemaVersion = target.schemaVersion(&why);
        restored.databaseId = DatabaseIdentity::generate();
        AuditLog audit2(target);
        AuditEntry event;
        event.actorLogin = QStringLiteral("operator");
        event.action = QStringLiteral("database.restore");
        event.targetType = QStringLiteral("database");
        event.targetId = restored.databaseId;
        event.details = QJsonObject{{QStringLiteral("backupFile"), manifest.fileName},
                                    {QStringLiteral("backupSha256"), QString::fromLatin1(manifest.sha256)},
                                    {QStringLiteral("backupDatabaseId"), manifest.databaseId},
                                    {QStringLiteral("backupSchemaVersion"), backupVersion}};
        return target.writeTransaction(
            [&](QSqlDatabase &db) {
                return DatabaseIdentity::replace(db, restored.databaseId, &why) &&
                       OperationsRecords::recordRestore(db, path, manifest.sha256, manifest.databaseId,
                                                        restored.databaseId, &why) &&
                       audit2.append(db, event, &why);
            },
            &why);
    }();
    if (!verified) {
        QString cleanup;
        const bool discarded = targetEngine->discardDatabase(&cleanup);
        return fail(QStringLiteral("the restored database failed verification and was %1: %2")
                        .arg(discarded ? QStringLiteral("removed")
                                       : QStringLiteral("left in place (") + cleanup + QLatin1Char(')'),
                             why));
    }
    if (result)
        *result = restored;
    return true;
}

bool BackupService::drill(ServerDatabase &live, const QString &backupPath, RestoreResult *result,
                          QString *error)
{
    QString path = backupPath;
    if (path.isEmpty()) {
        const QStringList all = backups();
        if (all.isEmpty()) {
            if (error)
                *error =
                    QStringLiteral("there is no backup in %1 to drill with: run medora-server backup first")
                        .arg(m_settings.directory);
            return false;
        }
        path = all.constFirst();
    }
    path = QFileInfo(path).absoluteFilePath();
    QDir().mkpath(m_settings.directory);
    QTemporaryDir scratch(QDir(m_settings.directory).filePath(QStringLiteral(".drill-XXXXXX")));
    if (!scratch.isValid()) {
        if (error)
            *error = QStringLiteral("cannot create a scratch folder in %1").arg(m_settings.directory);
        return false;
    }
    RestoreResult restored;
    QString why;
    const bool ok =
        restoreInto(path, QStringLiteral("sqlite:") + scratch.filePath(QStringLiteral("drill.sqlite")), true,
                    &restored, &why);
    OperationsRecords::Drill record;
    record.backupPath = path;
    BackupManifest manifest;
    if (BackupManifest::read(path, &manifest, nullptr))
        record.backupSha256 = manifest.sha256;
    record.succeeded = ok;
    record.rowsCompared = restored.rowsCompared;
    record.detail = ok ? QStringLiteral("restored %1 rows, %2 audit events verified")
                             .arg(restored.rowsCompared)
                             .arg(restored.auditEvents)
                       : why;
    record.atMs = QDateTime::currentMSecsSinceEpoch();
    QString recordError;
    const bool recorded = OperationsRecords::recordDrill(live, record, &recordError);
    if (!ok) {
        if (error)
            *error = why;
        return false;
    }
    if (!recorded) {
        if (error)
            *error = QStringLiteral("the drill passed but could not be recorded: ") + recordError;
        return false;
    }
    if (result)
        *result = restored;
    return true;
}

} // namespace medora::server
