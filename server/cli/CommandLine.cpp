#include "cli/CommandLine.h"

#include "app/ServerApplication.h"
#include "app/ServerCore.h"
#include "cli/AccountCommands.h"
#include "cli/CliOutput.h"
#include "cli/ClinicCommands.h"
#include "cli/DemoSeeder.h"
#include "cli/MaintenanceCommands.h"
#include "cli/SyncCommands.h"
#include "config/ServerConfig.h"
#include "preflight/PreflightCommand.h"

#include <cstdio>
#include <functional>

namespace medora::server {

CommandLine::CommandLine(QString version) : m_version(std::move(version)) {}

QString CommandLine::usage()
{
    return QStringLiteral(
        "Usage: medora-server <command> [options]\n"
        "\n"
        "Commands:\n"
        "  serve                         run the server (configuration: environment and .env)\n"
        "  migrate [--check]             create or upgrade the database; prints the schema version\n"
        "                                (safe to repeat); --check changes nothing and fails when\n"
        "                                migrations are pending or the schema is newer than this build\n"
        "  backup                        write a checked backup of the serving database (online),\n"
        "                                apply the retention policy; prints {\"backup\",\"sha256\",...}\n"
        "  restore FILE                  restore a backup into an EMPTY database (stop the server first);\n"
        "                                verifies checksum, schema and audit chain; new database identity\n"
        "  restore-drill [--from FILE]   restore the newest backup (or FILE) into a scratch database,\n"
        "                                compare every row, and record the result for preflight\n"
        "  preflight [--json] [--offline]\n"
        "                                check the configuration against the launch checklist; exit 1\n"
        "                                when a must-have fails (docs/operations.md \"Preflight\")\n"
        "  create-clinic --name NAME     prints {\"clinicId\":...}\n"
        "  create-user --clinic ID --login LOGIN --full-name NAME --role ROLE\n"
        "              [--phone +998...] [--password-stdin]\n"
        "                                ROLE: clinic_admin, doctor or receptionist; prints\n"
        "                                {\"userId\",\"login\",\"oneTimePassword\"} (no password with\n"
        "                                --password-stdin, which reads it from standard input)\n"
        "  disable-user --login LOGIN    disable an account (login name or phone); ends its sessions\n"
        "  enable-user --login LOGIN     enable a disabled account again\n"
        "  revoke-sessions --login LOGIN end every session of an account\n"
        "  verify-audit [--expect-head SEQ:HASH]\n"
        "                                check the audit log's hash chain and print its head; with\n"
        "                                --expect-head, fail unless that recorded event is still there\n"
        "  compact-sync [--older-than-days N]\n"
        "                                drop sync tombstones older than N days (default\n"
        "                                MEDORA_SYNC_TOMBSTONE_DAYS; 0: all); clients whose cursor\n"
        "                                is older must pull again from the start\n"
        "  seed-demo                     create the demo clinic and staff (prints their passwords once)\n"
        "  clinics                       list clinics with their subscription (one JSON object a line)\n"
        "  set-plan --clinic ID --plan PLAN [--paid-until YYYY-MM-DD]\n"
        "                                PLAN: trial, monthly, quarterly or yearly\n"
        "  extend-subscription --clinic ID --days N\n"
        "                                extend by hand (a bank transfer), from paid-until or today\n"
        "  set-payment-chat --clinic ID [--chat CHAT_ID]\n"
        "                                the clinic's payment group (empty: TELEGRAM_PAYMENT_GROUP_ID)\n"
        "  telegram-test CHAT_ID         send a test message through the configured bot\n"
        "  telegram-outbox [--state unknown,failed|all] [--limit N] [--resend ID]\n"
        "                                list Telegram messages not delivered; --resend sends an\n"
        "                                unknown or failed one again (check the chat first)\n"
        "  help, --help                  this text\n"
        "  version, --version            the version\n"
        "\n"
        "Configuration: docs/operations.md and server/.env.example. The .env file is read from\n"
        "MEDORA_ENV_FILE or ./.env; environment variables override it.\n");
}

int CommandLine::run(const QStringList &arguments)
{
    if (arguments.size() < 2) {
        CliOutput::error(CliOutput::usageError, QStringLiteral("no command given"));
        std::fputs(qPrintable(usage()), stderr);
        return CliOutput::usageError;
    }
    const QString command = arguments.at(1);
    const QStringList rest = arguments.mid(2);
    if (command == QLatin1String("help") || command == QLatin1String("--help") ||
        command == QLatin1String("-h")) {
        CliOutput::line(usage().trimmed());
        return 0;
    }
    if (command == QLatin1String("version") || command == QLatin1String("--version")) {
        CliOutput::line(QStringLiteral("medora-server ") + m_version);
        return 0;
    }

    using Action = std::function<int(ServerCore &, const QStringList &)>;
    const QList<QPair<QString, Action>> commands{
        {QStringLiteral("verify-audit"), &MaintenanceCommands::verifyAudit},
        {QStringLiteral("backup"), &MaintenanceCommands::backup},
        {QStringLiteral("restore-drill"), &MaintenanceCommands::restoreDrill},
        {QStringLiteral("create-clinic"), &AccountCommands::createClinic},
        {QStringLiteral("create-user"), &AccountCommands::createUser},
        {QStringLiteral("disable-user"),
         [](ServerCore &core, const QStringList &a) { return AccountCommands::setDisabled(core, a, true); }},
        {QStringLiteral("enable-user"),
         [](ServerCore &core, const QStringList &a) { return AccountCommands::setDisabled(core, a, false); }},
        {QStringLiteral("revoke-sessions"), &AccountCommands::revokeSessions},
        {QStringLiteral("compact-sync"), &SyncCommands::compactSync},
        {QStringLiteral("seed-demo"), &DemoSeeder::run},
        {QStringLiteral("clinics"), &ClinicCommands::clinics},
        {QStringLiteral("set-plan"), &ClinicCommands::setPlan},
        {QStringLiteral("extend-subscription"), &ClinicCommands::extendSubscription},
        {QStringLiteral("set-payment-chat"), &ClinicCommands::setPaymentChat},
        {QStringLiteral("telegram-test"), &ClinicCommands::telegramTest},
        {QStringLiteral("telegram-outbox"), &ClinicCommands::telegramOutbox},
    };
    Action action;
    for (const auto &entry : commands) {
        if (entry.first == command)
            action = entry.second;
    }
    // Commands that open the database their own way (or not at all): migrate --check and
    // preflight must not change it, restore must find it untouched.
    using ConfigAction = std::function<int(const ServerConfig &, const QStringList &)>;
    const QList<QPair<QString, ConfigAction>> configCommands{
        {QStringLiteral("migrate"), &MaintenanceCommands::migrate},
        {QStringLiteral("restore"), &MaintenanceCommands::restore},
        {QStringLiteral("preflight"), &PreflightCommand::run},
    };
    ConfigAction configAction;
    for (const auto &entry : configCommands) {
        if (entry.first == command)
            configAction = entry.second;
    }
    if (!action && !configAction && command != QLatin1String("serve"))
        return CliOutput::error(
            CliOutput::usageError,
            QStringLiteral("unknown command '%1' (try: medora-server help)").arg(command));

    ServerConfig config;
    QStringList errors;
    if (!ServerConfig::load(QProcessEnvironment::systemEnvironment(), &config, &errors)) {
        for (const QString &error : std::as_const(errors))
            CliOutput::error(CliOutput::usageError, error);
        return CliOutput::usageError;
    }

    if (command == QLatin1String("serve")) {
        if (!rest.isEmpty())
            return CliOutput::error(
                CliOutput::usageError,
                QStringLiteral("serve takes no arguments; it is configured by environment "
                               "variables (see server/.env.example)"));
        ServerApplication application(config);
        return application.run();
    }

    if (configAction)
        return configAction(config, rest);

    ServerCore core(config);
    QString error;
    if (!core.open(&error))
        return CliOutput::error(CliOutput::failure, QStringLiteral("database: ") + error);
    return action(core, rest);
}

} // namespace medora::server
