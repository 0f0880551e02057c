#include "cli/SyncCommands.h"

#include "app/ServerCore.h"
#include "cli/CliOutput.h"
#include "cli/CommandOptions.h"
#include "sync/SyncService.h"

#include <QJsonArray>

namespace medora::server {

namespace {

const QString kOlderThanDays = QStringLiteral("older-than-days");
constexpr int kMaxDays = 36500;

} // namespace

int SyncCommands::compactSync(ServerCore &core, const QStringList &arguments)
{
    CommandOptions options({kOlderThanDays}, {});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("compact-sync: ") + error);
    int days = core.config().syncTombstoneDays;
    if (options.has(kOlderThanDays)) {
        bool ok = false;
        days = options.value(kOlderThanDays).toInt(&ok);
        if (!ok || days < 0 || days > kMaxDays)
            return CliOutput::error(
                CliOutput::usageError,
                QStringLiteral("compact-sync: --older-than-days takes a whole number of days from 0 to %1")
                    .arg(kMaxDays));
    }

    Actor operatorActor;
    operatorActor.login = QStringLiteral("operator");
    operatorActor.clientAddress = QHostAddress(QHostAddress::LocalHost);
    SyncService sync(core.database(), core.audit());
    const Outcome<CompactionReport> report = sync.compact(days, operatorActor);
    if (!report.ok())
        return CliOutput::serviceError(report.error());
    QJsonArray clinics;
    for (const CompactedClinic &clinic : report.value().clinics)
        clinics.append(QJsonObject{{QStringLiteral("clinicId"), clinic.clinicId},
                                   {QStringLiteral("removedTombstones"), double(clinic.removed)},
                                   {QStringLiteral("horizon"), double(clinic.horizon)}});
    CliOutput::json({{QStringLiteral("removedTombstones"), double(report.value().removed)},
                     {QStringLiteral("olderThanDays"), days},
                     {QStringLiteral("clinics"), clinics}});
    return 0;
}

} // namespace medora::server
