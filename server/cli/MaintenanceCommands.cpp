#include "cli/MaintenanceCommands.h"

#include "app/ServerCore.h"
#include "audit/AuditLog.h"
#include "backup/BackupService.h"
#include "backup/BackupSettings.h"
#include "cli/CliOutput.h"
#include "cli/CommandOptions.h"
#include "config/ConfigValues.h"
#include "config/ServerConfig.h"
#include "store/ServerDatabase.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QRegularExpression>

namespace medora::server {

namespace {

const QString kExpectHead = QStringLiteral("expect-head");

// "SEQ:HASH" as printed on the "audit chain head:" line.
bool parseHead(const QString &text, qint64 *sequence, QByteArray *hash)
{
    static const QRegularExpression format(QStringLiteral("^([1-9][0-9]{0,17}):([0-9a-fA-F]{64})$"));
    const QRegularExpressionMatch match = format.match(text);
    if (!match.hasMatch())
        return false;
    *sequence = match.captured(1).toLongLong();
    *hash = match.captured(2).toLower().toLatin1();
    return true;
}

QString headText(const AuditVerification &result)
{
    if (result.headSequence == 0)
        return QStringLiteral("audit chain head: none (no events)");
    return QStringLiteral("audit chain head: %1:%2")
        .arg(result.headSequence)
        .arg(QString::fromLatin1(result.headHash));
}

bool loadBackupSettings(const ServerConfig &config, BackupSettings *settings, const QString &command)
{
    QStringList errors;
    if (BackupSettings::load(ConfigValues::load(QProcessEnvironment::systemEnvironment()), config, settings,
                             &errors))
        return true;
    for (const QString &problem : std::as_const(errors))
        CliOutput::error(CliOutput::usageError, command + QStringLiteral(": ") + problem);
    return false;
}

QJsonObject restoreJson(const BackupService::RestoreResult &result)
{
    return QJsonObject{{QStringLiteral("databaseId"), result.databaseId},
                       {QStringLiteral("backupDatabaseId"), result.manifest.databaseId},
                       {QStringLiteral("backupFile"), result.manifest.fileName},
                       {QStringLiteral("schemaVersion"), result.schemaVersion},
                       {QStringLiteral("backupSchemaVersion"), result.migratedFromVersion},
                       {QStringLiteral("auditEventsVerified"), double(result.auditEvents)},
                       {QStringLiteral("rowsCompared"), double(result.rowsCompared)}};
}

} // namespace

int MaintenanceCommands::migrate(const ServerConfig &config, const QStringList &arguments)
{
    const QString check = QStringLiteral("check");
    CommandOptions options({}, {check});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("migrate: ") + error);
    const int latest = ServerDatabase::latestSchemaVersion();
    if (options.has(check) && !config.sqlitePath().isEmpty() && !QFileInfo::exists(config.sqlitePath()))
        return CliOutput::error(
            CliOutput::failure,
            QStringLiteral("migrate: there is no database at %1 yet; medora-server migrate "
                           "creates it")
                .arg(config.sqlitePath()));
    ServerDatabase database(config.databaseUrl);
    if (!database.open(&error))
        return CliOutput::error(CliOutput::failure, QStringLiteral("migrate: ") + error);
    const int found = database.schemaVersion(&error);
    if (found < 0)
        return CliOutput::error(CliOutput::failure, QStringLiteral("migrate: ") + error);
    if (options.has(check)) {
        CliOutput::line(QStringLiteral("schema version %1").arg(found));
        if (found > latest)
            return CliOutput::error(CliOutput::failure,
                                    QStringLiteral("migrate: the database schema (%1) is newer than this "
                                                   "medora-server knows (%2); use a newer medora-server")
                                        .arg(found)
                                        .arg(latest));
        if (found < latest)
            return CliOutput::error(
                CliOutput::failure,
                QStringLiteral("migrate: %1 pending migrations (%2 to %3); run medora-server "
                               "migrate")
                    .arg(latest - found)
                    .arg(found + 1)
                    .arg(latest));
        return 0;
    }
    // Each step runs in its own transaction and is recorded; a step already recorded (by an
    // earlier run or another process) is skipped, so running this again changes nothing.
    if (!database.migrate(&error))
        return CliOutput::error(CliOutput::failure, QStringLiteral("migrate: ") + error);
    const int version = database.schemaVersion(&error);
    if (version < 0 || !error.isEmpty())
        return CliOutput::error(CliOutput::failure, QStringLiteral("migrate: ") + error);
    CliOutput::line(QStringLiteral("schema version %1").arg(version));
    return 0;
}

int MaintenanceCommands::backup(ServerCore &core, const QStringList &arguments)
{
    CommandOptions options({}, {});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("backup: ") + error);
    BackupSettings settings;
    if (!loadBackupSettings(core.config(), &settings, QStringLiteral("backup")))
        return CliOutput::usageError;
    BackupService service(core.config(), settings);
    BackupService::BackupResult result;
    if (!service.backup(core.database(), &result, &error))
        return CliOutput::error(CliOutput::failure, error);
    qint64 rows = 0;
    for (const qint64 count : std::as_const(result.manifest.rowCounts))
        rows += count;
    CliOutput::json(QJsonObject{{QStringLiteral("backup"), result.path},
                                {QStringLiteral("sha256"), QString::fromLatin1(result.manifest.sha256)},
                                {QStringLiteral("sizeBytes"), double(result.manifest.sizeBytes)},
                                {QStringLiteral("schemaVersion"), result.manifest.schemaVersion},
                                {QStringLiteral("databaseId"), result.manifest.databaseId},
                                {QStringLiteral("rows"), double(rows)},
                                {QStringLiteral("removed"), QJsonArray::fromStringList(result.removed)}});
    return 0;
}

int MaintenanceCommands::restore(const ServerConfig &config, const QStringList &arguments)
{
    // `restore FILE` or `restore --from FILE`.
    QStringList rest = arguments;
    QString file;
    if (!rest.isEmpty() && !rest.constFirst().startsWith(QLatin1String("--")))
        file = rest.takeFirst();
    const QString from = QStringLiteral("from");
    CommandOptions options({from}, {});
    QString error;
    if (!options.parse(rest, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("restore: ") + error);
    if (options.has(from))
        file = options.value(from);
    if (file.isEmpty())
        return CliOutput::error(CliOutput::usageError,
                                QStringLiteral("restore: name the backup file (medora-server restore FILE)"));
    BackupSettings settings;
    if (!loadBackupSettings(config, &settings, QStringLiteral("restore")))
        return CliOutput::usageError;
    BackupService service(config, settings);
    BackupService::RestoreResult result;
    if (!service.restore(file, config.databaseUrl, &result, &error))
        return CliOutput::error(CliOutput::failure, QStringLiteral("restore: ") + error);
    CliOutput::json(restoreJson(result));
    return 0;
}

int MaintenanceCommands::restoreDrill(ServerCore &core, const QStringList &arguments)
{
    const QString from = QStringLiteral("from");
    CommandOptions options({from}, {});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("restore-drill: ") + error);
    BackupSettings settings;
    if (!loadBackupSettings(core.config(), &settings, QStringLiteral("restore-drill")))
        return CliOutput::usageError;
    BackupService service(core.config(), settings);
    BackupService::RestoreResult result;
    if (!service.drill(core.database(), options.value(from), &result, &error))
        return CliOutput::error(CliOutput::failure, QStringLiteral("restore-drill: ") + error);
    QJsonObject json = restoreJson(result);
    json.insert(QStringLiteral("drill"), QStringLiteral("passed"));
    CliOutput::json(json);
    return 0;
}

int MaintenanceCommands::verifyAudit(ServerCore &core, const QStringList &arguments)
{
    CommandOptions options({kExpectHead}, {});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("verify-audit: ") + error);
    qint64 expectedSequence = 0;
    QByteArray expectedHash;
    if (options.has(kExpectHead) &&
        !parseHead(options.value(kExpectHead), &expectedSequence, &expectedHash)) {
        return CliOutput::error(CliOutput::usageError,
                                QStringLiteral("verify-audit: --expect-head takes SEQUENCE:HASH as printed "
                                               "on the \"audit chain head:\" line"));
    }

    const AuditVerification result = core.audit().verify();
    if (!result.intact) {
        const QString message = QStringLiteral("audit chain broken at sequence %1: %2 (%3 events checked)")
                                    .arg(result.firstBrokenSequence)
                                    .arg(result.problem)
                                    .arg(result.eventsChecked);
        CliOutput::line(message);
        return CliOutput::error(CliOutput::failure, message);
    }
    CliOutput::line(QStringLiteral("audit chain intact: %1 events").arg(result.eventsChecked));
    CliOutput::line(headText(result));
    if (expectedSequence == 0)
        return 0;

    // An intact chain can still have lost its newest events, or have been rebuilt from some
    // point on with fresh hashes; only a head recorded elsewhere shows either.
    if (result.headSequence < expectedSequence) {
        return CliOutput::error(
            CliOutput::failure,
            QStringLiteral("audit chain ends at sequence %1, before the recorded head %2: "
                           "its newest events were removed")
                .arg(result.headSequence)
                .arg(expectedSequence));
    }
    const Outcome<QByteArray> stored = core.audit().storedHash(expectedSequence);
    if (!stored.ok())
        return CliOutput::serviceError(stored.error());
    if (stored.value() != expectedHash) {
        return CliOutput::error(
            CliOutput::failure,
            QStringLiteral("audit event %1 has hash %2, not the recorded %3: the chain "
                           "was rewritten")
                .arg(expectedSequence)
                .arg(QString::fromLatin1(stored.value()), QString::fromLatin1(expectedHash)));
    }
    CliOutput::line(QStringLiteral("recorded head %1 found with the same hash").arg(expectedSequence));
    return 0;
}

} // namespace medora::server
