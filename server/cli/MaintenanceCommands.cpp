#include "cli/MaintenanceCommands.h"

#include "app/ServerCore.h"
#include "audit/AuditLog.h"
#include "cli/CliOutput.h"
#include "cli/CommandOptions.h"
#include "store/ServerDatabase.h"

namespace medora::server {

int MaintenanceCommands::migrate(ServerCore &core, const QStringList &arguments)
{
    CommandOptions options({}, {});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("migrate: ") + error);
    // ServerCore::open() has applied every pending migration already.
    const int version = core.database().schemaVersion(&error);
    if (version < 0 || !error.isEmpty())
        return CliOutput::error(CliOutput::failure, QStringLiteral("migrate: ") + error);
    CliOutput::line(QStringLiteral("schema version %1").arg(version));
    return 0;
}

int MaintenanceCommands::verifyAudit(ServerCore &core, const QStringList &arguments)
{
    CommandOptions options({}, {});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("verify-audit: ") + error);
    const AuditVerification result = core.audit().verify();
    if (result.intact) {
        CliOutput::line(QStringLiteral("audit chain intact: %1 events").arg(result.eventsChecked));
        return 0;
    }
    const QString message = QStringLiteral("audit chain broken at sequence %1: %2 (%3 events checked)")
                                .arg(result.firstBrokenSequence)
                                .arg(result.problem)
                                .arg(result.eventsChecked);
    CliOutput::line(message);
    return CliOutput::error(CliOutput::failure, message);
}

} // namespace medora::server
