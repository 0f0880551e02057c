#include "preflight/PreflightCommand.h"

#include "backup/BackupSettings.h"
#include "cli/CliOutput.h"
#include "cli/CommandOptions.h"
#include "config/ConfigValues.h"
#include "preflight/Preflight.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>

#include <cstdio>

namespace medora::server {

namespace {

constexpr int kItemWidth = 52;
constexpr int kStatusWidth = 6;

QString padded(const QString &text, int width)
{
    return text.leftJustified(width, QLatin1Char(' '));
}

} // namespace

QString PreflightCommand::table(const QList<PreflightItem> &items)
{
    QString out;
    const QString indent(kItemWidth + kStatusWidth + 4, QLatin1Char(' '));
    out += padded(QStringLiteral("Item"), kItemWidth) + QStringLiteral("  ") +
           padded(QStringLiteral("Status"), kStatusWidth) + QStringLiteral("  Detail / how to fix\n");
    out += QString(kItemWidth, QLatin1Char('-')) + QStringLiteral("  ") +
           QString(kStatusWidth, QLatin1Char('-')) + QStringLiteral("  ") + QString(40, QLatin1Char('-')) +
           QLatin1Char('\n');
    int counts[3] = {0, 0, 0};
    for (const PreflightItem &item : items) {
        ++counts[int(item.status)];
        out += padded(item.title, kItemWidth) + QStringLiteral("  ") +
               padded(PreflightItem::statusName(item.status), kStatusWidth) + QStringLiteral("  ") +
               item.detail + QLatin1Char('\n');
        if (!item.fix.isEmpty())
            out += indent + QStringLiteral("fix: ") + item.fix + QLatin1Char('\n');
    }
    out += QStringLiteral("\n%1 passed, %2 warnings, %3 failed: %4\n")
               .arg(counts[0])
               .arg(counts[1])
               .arg(counts[2])
               .arg(counts[2] == 0 ? QStringLiteral("ready for production")
                                   : QStringLiteral("NOT ready for production"));
    return out;
}

int PreflightCommand::run(const ServerConfig &config, const QStringList &arguments)
{
    const QString json = QStringLiteral("json");
    const QString offline = QStringLiteral("offline");
    const QString timeout = QStringLiteral("timeout");
    CommandOptions options({timeout}, {json, offline});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("preflight: ") + error);
    Preflight::Options probe;
    probe.offline = options.has(offline);
    if (options.has(timeout)) {
        bool ok = false;
        const int seconds = options.value(timeout).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 120)
            return CliOutput::error(CliOutput::usageError,
                                    QStringLiteral("preflight: --timeout takes 1 to 120 seconds"));
        probe.timeoutMs = seconds * 1000;
    }
    const ConfigValues values = ConfigValues::load(QProcessEnvironment::systemEnvironment());
    BackupSettings backup;
    QStringList problems;
    if (!BackupSettings::load(values, config, &backup, &problems)) {
        for (const QString &problem : std::as_const(problems))
            CliOutput::error(CliOutput::usageError, QStringLiteral("preflight: ") + problem);
        return CliOutput::usageError;
    }
    const QList<PreflightItem> items = Preflight(config, values, backup, probe).run();
    const bool passed = Preflight::passes(items);
    if (options.has(json)) {
        QJsonArray array;
        for (const PreflightItem &item : items)
            array.append(QJsonObject{{QStringLiteral("id"), item.id},
                                     {QStringLiteral("item"), item.title},
                                     {QStringLiteral("status"), PreflightItem::statusName(item.status)},
                                     {QStringLiteral("detail"), item.detail},
                                     {QStringLiteral("fix"), item.fix}});
        CliOutput::json(QJsonObject{{QStringLiteral("ready"), passed}, {QStringLiteral("items"), array}});
    } else {
        std::fputs(table(items).toUtf8().constData(), stdout);
        std::fflush(stdout);
    }
    return passed ? 0 : CliOutput::failure;
}

} // namespace medora::server
