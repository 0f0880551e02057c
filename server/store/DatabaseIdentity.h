#pragma once

#include <QSqlDatabase>
#include <QString>

namespace medora::server {

class ServerDatabase;

// The database's identity (docs/sync.md "Server restored from a backup"): 32 lowercase hex
// digits in sync_meta under 'database_id', created with the database (migration 3) and
// replaced by `medora-server restore`. Clients that see it change re-push what the server
// lacks. Sent as the pull answer's "databaseId", the Medora-Database-Id header of every
// /api/v1/sync/* answer and in GET /health.
class DatabaseIdentity
{
public:
    static constexpr const char *headerName = "Medora-Database-Id";

    // Empty with `error` when the row is missing or unreadable.
    static QString read(const QSqlDatabase &db, QString *error = nullptr);
    // The same through a statement kept prepared on this thread (every sync answer reads it).
    static QString read(ServerDatabase &database);
    // Inside the caller's write transaction.
    static bool replace(QSqlDatabase &db, const QString &id, QString *error = nullptr);
    static QString generate(); // a fresh random id
    static bool isWellFormed(const QString &id);
};

} // namespace medora::server
