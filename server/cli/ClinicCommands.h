#pragma once

#include <QStringList>

namespace medora::server {

class ServerCore;

// Operator commands for clinics' subscriptions and Telegram (docs/operations.md "Telegram
// and subscriptions"): list clinics with their subscription state, set a plan or extend by
// hand (a bank transfer), set a clinic's payment chat, send a test message, and look at or
// resend outbox messages whose delivery is unknown.
class ClinicCommands
{
public:
    static int clinics(ServerCore &core, const QStringList &arguments);
    static int setPlan(ServerCore &core, const QStringList &arguments);
    static int extendSubscription(ServerCore &core, const QStringList &arguments);
    static int setPaymentChat(ServerCore &core, const QStringList &arguments);
    static int telegramTest(ServerCore &core, const QStringList &arguments);
    static int telegramOutbox(ServerCore &core, const QStringList &arguments);
};

} // namespace medora::server
