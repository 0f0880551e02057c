#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <memory>

namespace medora::server {

class SqliteStatement;

// The server's database. SQLite (WAL, foreign keys, busy timeout) for now; PostgreSQL comes
// through the same QtSql interface later, so SQL here stays portable where it can.
// Each thread gets its own connection (QtSql connections are per thread).
class ServerDatabase
{
public:
    // `url`: "sqlite:/path/to/medora.sqlite" (or a bare path).
    explicit ServerDatabase(const QString &url);
    ~ServerDatabase();

    // Creates the folder and file if needed and checks it opens; does not migrate.
    bool open(QString *error);
    // Applies every pending migration in one transaction each; safe to re-run. Refuses a
    // database whose schema is newer than this build knows (error says both versions).
    bool migrate(QString *error);
    int schemaVersion(QString *error = nullptr);
    static int latestSchemaVersion();

    // This thread's connection, opened on first use.
    QSqlDatabase connection();
    // A statement prepared once per thread on this thread's connection and kept for reuse
    // (hot paths such as token lookups). Valid on this thread until the thread ends or this
    // object is destroyed; callers bind, exec and finish() it. Null when preparing failed.
    QSqlQuery *cachedQuery(const QString &sql, QString *error = nullptr);
    // A native statement (see SqliteStatement) prepared once on this thread's connection and
    // kept until the connection closes; null when there is no connection. Callers reset it
    // after each use (run() and reset() do).
    std::shared_ptr<SqliteStatement> cachedStatement(const QString &sql);
    bool isReachable(); // a trivial query succeeds (for /ready)

    // Runs `work` inside a write transaction on this thread's connection (BEGIN IMMEDIATE on
    // SQLite so concurrent writers queue instead of failing). Commits when `work` returns
    // true, rolls back otherwise (and on a failed commit). Returns whether it committed.
    bool writeTransaction(const std::function<bool(QSqlDatabase &db)> &work, QString *error = nullptr);

    QString url() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace medora::server
