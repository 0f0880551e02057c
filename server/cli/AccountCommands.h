#pragma once

#include <QStringList>

namespace medora::server {

class ServerCore;

// Operator commands on clinics and accounts: create-clinic, create-user, disable-user,
// enable-user, revoke-sessions. They act as the operator (audited as "operator").
// Each returns the process exit code.
class AccountCommands
{
public:
    static int createClinic(ServerCore &core, const QStringList &arguments);
    static int createUser(ServerCore &core, const QStringList &arguments);
    static int setDisabled(ServerCore &core, const QStringList &arguments, bool disabled);
    static int revokeSessions(ServerCore &core, const QStringList &arguments);
};

} // namespace medora::server
