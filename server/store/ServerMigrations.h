#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace medora::server {

// The server's schema, as an ordered list of steps. Each step runs in one transaction and is
// recorded in schema_migrations(version, applied_at). SQL stays portable (TEXT ids, integer
// epoch milliseconds for every time that is compared) so PostgreSQL can take the same steps.
class ServerMigrations
{
public:
    struct Step
    {
        int version = 0;
        QString description;
        QStringList statements;
    };

    static const QList<Step> &steps();
    static int latestVersion();
    // Creates the bookkeeping table itself; safe on every start.
    static QString createVersionTable();
};

} // namespace medora::server
