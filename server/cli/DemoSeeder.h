#pragma once

#include <QStringList>

namespace medora::server {

class ServerCore;

// seed-demo: the clinic scripts/run signs in to. Creates "Medora Demo Clinic" with an admin,
// a doctor and a receptionist whose random passwords are printed once; refuses when the
// clinic already exists (the passwords cannot be shown again).
class DemoSeeder
{
public:
    static const char *clinicName() { return "Medora Demo Clinic"; }
    static int run(ServerCore &core, const QStringList &arguments);
};

} // namespace medora::server
