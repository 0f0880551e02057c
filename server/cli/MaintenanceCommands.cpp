#include "cli/MaintenanceCommands.h"

#include "app/ServerCore.h"
#include "audit/AuditLog.h"
#include "cli/CliOutput.h"
#include "cli/CommandOptions.h"
#include "store/ServerDatabase.h"

#include <QRegularExpression>

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

} // namespace

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
