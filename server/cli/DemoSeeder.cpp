#include "cli/DemoSeeder.h"

#include "app/ServerCore.h"
#include "auth/AccountService.h"
#include "auth/PasswordPolicy.h"
#include "cli/CliOutput.h"
#include "cli/CommandOptions.h"

namespace medora::server {

int DemoSeeder::run(ServerCore &core, const QStringList &arguments)
{
    CommandOptions options({}, {});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("seed-demo: ") + error);

    const QString name = QLatin1String(clinicName());
    const Outcome<QList<Clinic>> clinics = core.accounts().clinics();
    if (!clinics.ok())
        return CliOutput::serviceError(clinics.error());
    for (const Clinic &clinic : clinics.value()) {
        if (clinic.name == name)
            return CliOutput::error(
                CliOutput::failure,
                QStringLiteral("seed-demo: \"%1\" already exists (id %2); its passwords were "
                               "printed when it was created")
                    .arg(name, clinic.id));
    }

    Actor actor;
    actor.login = QStringLiteral("operator");
    const Outcome<Clinic> clinic = core.accounts().createClinic(actor, name);
    if (!clinic.ok())
        return CliOutput::serviceError(clinic.error());

    struct DemoUser
    {
        const char *login;
        const char *fullName;
        Role role;
        QString password;
    };
    // Passwords are chosen here rather than as one-time passwords so the demo signs in
    // without a forced password change.
    QList<DemoUser> users{{"admin", "Demo Clinic Admin", Role::ClinicAdmin, {}},
                          {"doctor", "Demo Doctor", Role::Doctor, {}},
                          {"reception", "Demo Receptionist", Role::Receptionist, {}}};
    for (DemoUser &user : users) {
        NewStaff staff;
        staff.login = QLatin1String(user.login);
        staff.fullName = QLatin1String(user.fullName);
        staff.role = user.role;
        user.password = PasswordPolicy::generateOneTimePassword();
        const Outcome<CreatedStaff> created =
            core.accounts().createStaff(actor, clinic.value().id, staff, user.password);
        if (!created.ok())
            return CliOutput::serviceError(created.error());
    }

    CliOutput::line(QString());
    CliOutput::line(QStringLiteral("  Demo clinic \"%1\" created (id %2).").arg(name, clinic.value().id));
    CliOutput::line(QStringLiteral("  These passwords are shown only this once; write them down:"));
    CliOutput::line(QString());
    CliOutput::line(QStringLiteral("    %1 %2 %3")
                        .arg(QStringLiteral("role"), -14)
                        .arg(QStringLiteral("login"), -11)
                        .arg(QStringLiteral("password")));
    for (const DemoUser &user : std::as_const(users))
        CliOutput::line(QStringLiteral("    %1 %2 %3")
                            .arg(roleName(user.role), -14)
                            .arg(QLatin1String(user.login), -11)
                            .arg(user.password));
    CliOutput::line(QString());
    return 0;
}

} // namespace medora::server
