#include "cli/AccountCommands.h"

#include "app/ServerCore.h"
#include "auth/AccountService.h"
#include "cli/CliOutput.h"
#include "cli/CommandOptions.h"

#include <QFile>
#include <QJsonObject>

#include <cstdio>

namespace medora::server {

namespace {

Actor operatorActor()
{
    Actor actor;
    actor.login = QStringLiteral("operator");
    actor.clientAddress = QHostAddress(QHostAddress::LocalHost);
    return actor;
}

// One line from stdin without its line ending; the password never appears in argv (and so
// never in `ps` output or shell history).
bool readPasswordLine(QString *password)
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return false;
    QByteArray line = input.readLine(4096);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    *password = QString::fromUtf8(line);
    return true;
}

} // namespace

int AccountCommands::createClinic(ServerCore &core, const QStringList &arguments)
{
    CommandOptions options({QStringLiteral("name")}, {});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("create-clinic: ") + error);
    const QString name = options.required(QStringLiteral("name"), &error);
    if (!error.isEmpty())
        return CliOutput::error(CliOutput::usageError, QStringLiteral("create-clinic: ") + error);

    const Outcome<Clinic> clinic = core.accounts().createClinic(operatorActor(), name);
    if (!clinic.ok())
        return CliOutput::serviceError(clinic.error());
    CliOutput::json({{QStringLiteral("clinicId"), clinic.value().id}});
    return 0;
}

int AccountCommands::createUser(ServerCore &core, const QStringList &arguments)
{
    CommandOptions options({QStringLiteral("clinic"), QStringLiteral("login"), QStringLiteral("full-name"),
                            QStringLiteral("role"), QStringLiteral("phone")},
                           {QStringLiteral("password-stdin")});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("create-user: ") + error);
    const QString clinicId = options.required(QStringLiteral("clinic"), &error);
    NewStaff staff;
    staff.login = options.required(QStringLiteral("login"), &error);
    staff.fullName = options.required(QStringLiteral("full-name"), &error);
    const QString roleText = options.required(QStringLiteral("role"), &error);
    staff.phone = options.value(QStringLiteral("phone")).trimmed();
    if (!error.isEmpty())
        return CliOutput::error(CliOutput::usageError, QStringLiteral("create-user: ") + error);
    const std::optional<Role> role = roleFromName(roleText);
    if (!role)
        return CliOutput::error(
            CliOutput::usageError,
            QStringLiteral("create-user: --role must be clinic_admin, doctor or receptionist"));
    staff.role = *role;

    QString password;
    const bool fromStdin = options.has(QStringLiteral("password-stdin"));
    if (fromStdin) {
        if (!readPasswordLine(&password) || password.isEmpty())
            return CliOutput::error(
                CliOutput::usageError,
                QStringLiteral("create-user: --password-stdin: no password on standard input"));
    }

    const Outcome<CreatedStaff> created =
        core.accounts().createStaff(operatorActor(), clinicId, staff, password);
    if (!created.ok())
        return CliOutput::serviceError(created.error());
    QJsonObject result{{QStringLiteral("userId"), created.value().account.id},
                       {QStringLiteral("login"), created.value().account.login}};
    if (!fromStdin)
        result.insert(QStringLiteral("oneTimePassword"), created.value().oneTimePassword);
    CliOutput::json(result);
    return 0;
}

int AccountCommands::setDisabled(ServerCore &core, const QStringList &arguments, bool disabled)
{
    const QString command = disabled ? QStringLiteral("disable-user") : QStringLiteral("enable-user");
    CommandOptions options({QStringLiteral("login")}, {});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, command + QStringLiteral(": ") + error);
    const QString identifier = options.required(QStringLiteral("login"), &error);
    if (!error.isEmpty())
        return CliOutput::error(CliOutput::usageError, command + QStringLiteral(": ") + error);

    const Outcome<StaffAccount> account = core.accounts().findByIdentifier(identifier);
    if (!account.ok())
        return CliOutput::serviceError(account.error());
    StaffChanges changes;
    changes.disabled = disabled;
    const Outcome<StaffAccount> updated =
        core.accounts().updateStaff(operatorActor(), account.value().clinicId, account.value().id, changes);
    if (!updated.ok())
        return CliOutput::serviceError(updated.error());
    CliOutput::json({{QStringLiteral("userId"), updated.value().id},
                     {QStringLiteral("login"), updated.value().login},
                     {QStringLiteral("disabled"), updated.value().disabled}});
    return 0;
}

int AccountCommands::revokeSessions(ServerCore &core, const QStringList &arguments)
{
    CommandOptions options({QStringLiteral("login")}, {});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("revoke-sessions: ") + error);
    const QString identifier = options.required(QStringLiteral("login"), &error);
    if (!error.isEmpty())
        return CliOutput::error(CliOutput::usageError, QStringLiteral("revoke-sessions: ") + error);

    const Outcome<StaffAccount> account = core.accounts().findByIdentifier(identifier);
    if (!account.ok())
        return CliOutput::serviceError(account.error());
    const Outcome<Done> revoked =
        core.accounts().revokeSessions(operatorActor(), account.value().clinicId, account.value().id);
    if (!revoked.ok())
        return CliOutput::serviceError(revoked.error());
    CliOutput::json({{QStringLiteral("userId"), account.value().id},
                     {QStringLiteral("login"), account.value().login},
                     {QStringLiteral("sessionsRevoked"), true}});
    return 0;
}

} // namespace medora::server
