#include "backup/SqliteBackupEngine.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>

#include <sqlite3.h>

namespace medora::server {

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kPauseBetweenStepsMs = 2;

// One sqlite3 handle, closed on every path.
class Handle
{
public:
    ~Handle()
    {
        if (db)
            sqlite3_close_v2(db);
    }
    bool open(const QString &path, int flags, QString *error)
    {
        const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &db, flags, nullptr);
        if (rc != SQLITE_OK) {
            if (error)
                *error = QStringLiteral("cannot open %1: %2")
                             .arg(path, QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
            return false;
        }
        sqlite3_busy_timeout(db, kBusyTimeoutMs);
        return true;
    }
    bool exec(const char *sql, QString *error)
    {
        char *message = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
            return true;
        if (error)
            *error = QString::fromUtf8(message ? message : sqlite3_errmsg(db));
        sqlite3_free(message);
        return false;
    }
    QString message() const { return QString::fromUtf8(sqlite3_errmsg(db)); }

    sqlite3 *db = nullptr;
};

// Copies every page of `source` into `destination`, `stepPages` at a time (-1: at once).
bool copyPages(Handle &source, Handle &destination, int stepPages, int *steps, QString *error)
{
    sqlite3_backup *backup = sqlite3_backup_init(destination.db, "main", source.db, "main");
    if (!backup) {
        if (error)
            *error = destination.message();
        return false;
    }
    int rc = SQLITE_OK;
    int taken = 0;
    while (true) {
        rc = sqlite3_backup_step(backup, stepPages);
        ++taken;
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        sqlite3_sleep(kPauseBetweenStepsMs);
    }
    const int finished = sqlite3_backup_finish(backup);
    if (steps)
        *steps = taken;
    if (rc != SQLITE_DONE || finished != SQLITE_OK) {
        if (error)
            *error = QStringLiteral("the copy stopped: %1").arg(destination.message());
        return false;
    }
    return true;
}

} // namespace

SqliteBackupEngine::SqliteBackupEngine(QString databasePath, int stepPages)
    : m_databasePath(std::move(databasePath)), m_stepPages(stepPages > 0 ? stepPages : 256)
{}

bool SqliteBackupEngine::writeSnapshot(const QString &path, QString *error)
{
    m_stepsTaken = 0;
    if (!QFile::exists(m_databasePath)) {
        if (error)
            *error = QStringLiteral("there is no database at %1").arg(m_databasePath);
        return false;
    }
    Handle source;
    Handle destination;
    // Read-write without create: a read-only handle could not recover a WAL left by a crash.
    if (!source.open(m_databasePath, SQLITE_OPEN_READWRITE, error) ||
        !destination.open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
        return false;
    // The read transaction is the snapshot: every step reads the same moment of the database.
    if (!source.exec("BEGIN", error) || !source.exec("SELECT COUNT(*) FROM sqlite_master", error))
        return false;
    const bool copied = copyPages(source, destination, m_stepPages, &m_stepsTaken, error);
    source.exec("COMMIT", nullptr);
    if (!copied)
        return false;
    // The copy carries the source's WAL flag; a backup is one self-contained file.
    if (!destination.exec("PRAGMA journal_mode = DELETE", error))
        return false;
    return true;
}

bool SqliteBackupEngine::openSnapshot(const QString &path, const QString &connectionName, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open()) {
        if (error)
            *error = QStringLiteral("cannot open the backup %1: %2").arg(path, db.lastError().text());
        return false;
    }
    return true;
}

bool SqliteBackupEngine::loadSnapshot(const QString &path, QString *error)
{
    Handle source;
    Handle destination;
    if (!source.open(path, SQLITE_OPEN_READONLY, error) ||
        !destination.open(m_databasePath, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
        return false;
    return copyPages(source, destination, -1, nullptr, error);
}

bool SqliteBackupEngine::discardDatabase(QString *error)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QString file = m_databasePath + suffix;
        if (QFile::exists(file) && !QFile::remove(file)) {
            if (error)
                *error = QStringLiteral("cannot remove %1").arg(file);
            return false;
        }
    }
    return true;
}

} // namespace medora::server
