#include "store/ServerDatabase.h"

#include "store/ServerMigrations.h"
#include "store/SqliteStatement.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QSqlError>
#include <QThread>
#include <QVariant>

#include <memory>

#include <sqlite3.h>

namespace medora::server {

namespace {

constexpr int kBusyTimeoutMs = 5000;

QAtomicInteger<quint64> instanceCounter;
QAtomicInteger<quint64> connectionCounter;

QString filePathFromUrl(const QString &url)
{
    static const QLatin1String scheme("sqlite:");
    QString path = url.startsWith(scheme) ? url.mid(scheme.size()) : url;
    // "sqlite:///abs/path" and "sqlite://rel" are accepted too.
    if (path.startsWith(QLatin1String("//")))
        path = path.mid(2);
    return path;
}

bool execute(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

// One thread's connection and the statements prepared on it.
struct ThreadConnection
{
    QString name;
    QSqlDatabase db;
    QHash<QString, std::shared_ptr<QSqlQuery>> queries;
    QHash<QString, std::shared_ptr<SqliteStatement>> statements;
    int transactionDepth = 0;
    QMetaObject::Connection threadFinished;

    // Queries and the handle must go before the connection is removed, or QtSql warns that
    // the connection is still in use.
    void release()
    {
        statements.clear();
        queries.clear();
        if (db.isOpen())
            db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
};

// Shared with the thread-finished handlers, which may run after the ServerDatabase is gone.
struct ConnectionRegistry
{
    quint64 instance = 0;
    QString path;
    QMutex mutex;
    QHash<QThread *, ThreadConnection *> byThread;
};

// The last connection this thread used, so the hot path skips the registry's mutex.
struct ThreadCache
{
    quint64 instance = 0;
    ThreadConnection *connection = nullptr;
};
thread_local ThreadCache threadCache;

} // namespace

class ServerDatabase::Private
{
public:
    QString url;
    std::shared_ptr<ConnectionRegistry> registry = std::make_shared<ConnectionRegistry>();
    // Writers of this process queue here rather than in SQLite's busy handler, which polls
    // with sleeps of up to 100 ms: two sync pushes in flight would otherwise take turns at
    // the pace of those sleeps. Other processes on the same file still meet busy_timeout.
    QMutex writeLock;

    // This thread's connection, opened (with its PRAGMAs) on first use. Null when it cannot open.
    ThreadConnection *current(QString *error)
    {
        if (threadCache.instance == registry->instance && threadCache.connection)
            return threadCache.connection;

        QThread *thread = QThread::currentThread();
        QMutexLocker lock(&registry->mutex);
        ThreadConnection *connection = registry->byThread.value(thread);
        if (!connection) {
            auto fresh = std::make_unique<ThreadConnection>();
            fresh->name =
                QStringLiteral("medora-server-%1-%2").arg(registry->instance).arg(++connectionCounter);
            if (!openConnection(*fresh, error))
                return nullptr;
            connection = fresh.release();
            registry->byThread.insert(thread, connection);
            std::weak_ptr<ConnectionRegistry> weak = registry;
            connection->threadFinished = QObject::connect(
                thread, &QThread::finished, thread,
                [weak, thread] {
                    if (auto alive = weak.lock())
                        releaseThread(*alive, thread);
                },
                Qt::DirectConnection);
        }
        threadCache = {registry->instance, connection};
        return connection;
    }

    bool openConnection(ThreadConnection &connection, QString *error)
    {
        connection.db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection.name);
        connection.db.setDatabaseName(registry->path);
        connection.db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        QString failure;
        bool ok = connection.db.open();
        if (!ok)
            failure = connection.db.lastError().text();
        // WAL lets readers (every authenticated request) run beside the single writer;
        // NORMAL sync is durable across application crashes and loses at most the last
        // commits on power loss, which WAL keeps consistent.
        const QStringList pragmas = {
            QStringLiteral("PRAGMA journal_mode = WAL"),
            QStringLiteral("PRAGMA foreign_keys = ON"),
            QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs),
            QStringLiteral("PRAGMA synchronous = NORMAL"),
        };
        for (const QString &pragma : pragmas) {
            if (!ok)
                break;
            ok = execute(connection.db, pragma, &failure);
        }
        if (!ok) {
            if (error)
                *error = QStringLiteral("cannot open the database %1: %2").arg(registry->path, failure);
            connection.release();
        }
        return ok;
    }

    static void releaseThread(ConnectionRegistry &registry, QThread *thread)
    {
        QMutexLocker lock(&registry.mutex);
        ThreadConnection *connection = registry.byThread.take(thread);
        if (!connection)
            return;
        if (threadCache.connection == connection)
            threadCache = {};
        QObject::disconnect(connection->threadFinished);
        connection->release();
        delete connection;
    }
};

ServerDatabase::ServerDatabase(const QString &url) : d(std::make_unique<Private>())
{
    // SQLite counts every allocation under one process-wide mutex unless told not to; with
    // several request threads reading at once that mutex became the server's hottest lock.
    // Only possible before SQLite initialises; a later call is refused and changes nothing.
    static const bool memoryStatisticsOff = [] {
        return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    }();
    Q_UNUSED(memoryStatisticsOff);
    d->url = url;
    d->registry->instance = ++instanceCounter;
    d->registry->path = filePathFromUrl(url);
}

ServerDatabase::~ServerDatabase()
{
    QMutexLocker lock(&d->registry->mutex);
    for (ThreadConnection *connection : std::as_const(d->registry->byThread)) {
        QObject::disconnect(connection->threadFinished);
        connection->release();
        delete connection;
    }
    d->registry->byThread.clear();
    if (threadCache.instance == d->registry->instance)
        threadCache = {};
}

bool ServerDatabase::open(QString *error)
{
    const QString path = d->registry->path;
    if (path.isEmpty()) {
        if (error)
            *error = QStringLiteral("no database location is configured");
        return false;
    }
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = QStringLiteral("cannot create the folder %1").arg(info.absolutePath());
        return false;
    }
    ThreadConnection *connection = d->current(error);
    if (!connection)
        return false;
    // Reading the schema proves the file is an SQLite database and not something else.
    return execute(connection->db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master"), error);
}

bool ServerDatabase::migrate(QString *error)
{
    ThreadConnection *connection = d->current(error);
    if (!connection)
        return false;
    if (!execute(connection->db, ServerMigrations::createVersionTable(), error))
        return false;
    const int latest = ServerMigrations::latestVersion();
    const int found = schemaVersion(error);
    if (found < 0)
        return false;
    if (found > latest) {
        if (error) {
            *error =
                QStringLiteral("the database schema is version %1 but this medora-server knows only up to "
                               "version %2; use a newer medora-server")
                    .arg(found)
                    .arg(latest);
        }
        return false;
    }
    for (const ServerMigrations::Step &step : ServerMigrations::steps()) {
        if (step.version <= found)
            continue;
        QString failure;
        const bool committed = writeTransaction(
            [&](QSqlDatabase &db) {
                // Another process may have applied it since we looked.
                QSqlQuery check(db);
                check.prepare(QStringLiteral("SELECT COUNT(*) FROM schema_migrations WHERE version = ?"));
                check.addBindValue(step.version);
                if (!check.exec() || !check.next()) {
                    failure = check.lastError().text();
                    return false;
                }
                if (check.value(0).toInt() > 0)
                    return true;
                for (const QString &statement : step.statements) {
                    if (!execute(db, statement, &failure))
                        return false;
                }
                QSqlQuery record(db);
                record.prepare(
                    QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"));
                record.addBindValue(step.version);
                record.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
                if (!record.exec()) {
                    failure = record.lastError().text();
                    return false;
                }
                return true;
            },
            &failure);
        if (!committed) {
            if (error)
                *error = QStringLiteral("migration %1 (%2) failed: %3")
                             .arg(step.version)
                             .arg(step.description, failure);
            return false;
        }
    }
    return true;
}

int ServerDatabase::schemaVersion(QString *error)
{
    ThreadConnection *connection = d->current(error);
    if (!connection)
        return -1;
    QSqlQuery exists(connection->db);
    if (!exists.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
                                    "'schema_migrations'")) ||
        !exists.next()) {
        if (error)
            *error = exists.lastError().text();
        return -1;
    }
    if (exists.value(0).toInt() == 0)
        return 0;
    QSqlQuery query(connection->db);
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) ||
        !query.next()) {
        if (error)
            *error = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

int ServerDatabase::latestSchemaVersion()
{
    return ServerMigrations::latestVersion();
}

QSqlDatabase ServerDatabase::connection()
{
    ThreadConnection *connection = d->current(nullptr);
    return connection ? connection->db : QSqlDatabase();
}

QSqlQuery *ServerDatabase::cachedQuery(const QString &sql, QString *error)
{
    ThreadConnection *connection = d->current(error);
    if (!connection)
        return nullptr;
    auto found = connection->queries.constFind(sql);
    if (found != connection->queries.constEnd())
        return found.value().get();
    auto query = std::make_shared<QSqlQuery>(connection->db);
    query->setForwardOnly(true);
    if (!query->prepare(sql)) {
        if (error)
            *error = query->lastError().text();
        return nullptr;
    }
    connection->queries.insert(sql, query);
    return query.get();
}

std::shared_ptr<SqliteStatement> ServerDatabase::cachedStatement(const QString &sql)
{
    ThreadConnection *connection = d->current(nullptr);
    if (!connection)
        return nullptr;
    auto found = connection->statements.constFind(sql);
    if (found != connection->statements.constEnd())
        return found.value();
    auto statement = std::make_shared<SqliteStatement>(connection->db, sql);
    if (statement->isValid())
        connection->statements.insert(sql, statement);
    return statement;
}

bool ServerDatabase::isReachable()
{
    ThreadConnection *connection = d->current(nullptr);
    if (!connection)
        return false;
    QSqlQuery query(connection->db);
    return query.exec(QStringLiteral("SELECT 1")) && query.next();
}

bool ServerDatabase::writeTransaction(const std::function<bool(QSqlDatabase &)> &work, QString *error)
{
    ThreadConnection *connection = d->current(error);
    if (!connection)
        return false;
    QSqlDatabase &db = connection->db;

    // Nested calls (a service calling another inside its transaction) become savepoints, so the
    // inner work still rolls back alone and the outer transaction decides about the commit.
    if (connection->transactionDepth > 0) {
        const QString savepoint = QStringLiteral("nested_%1").arg(connection->transactionDepth);
        if (!execute(db, QStringLiteral("SAVEPOINT ") + savepoint, error))
            return false;
        ++connection->transactionDepth;
        const bool ok = work(db);
        --connection->transactionDepth;
        if (ok)
            return execute(db, QStringLiteral("RELEASE SAVEPOINT ") + savepoint, error);
        execute(db, QStringLiteral("ROLLBACK TO SAVEPOINT ") + savepoint, nullptr);
        execute(db, QStringLiteral("RELEASE SAVEPOINT ") + savepoint, nullptr);
        return false;
    }

    // IMMEDIATE takes the write lock up front: concurrent writers wait (busy_timeout) instead
    // of failing later when a read lock cannot be upgraded.
    const QMutexLocker writer(&d->writeLock);
    if (!execute(db, QStringLiteral("BEGIN IMMEDIATE"), error))
        return false;
    ++connection->transactionDepth;
    const bool ok = work(db);
    --connection->transactionDepth;
    if (ok && execute(db, QStringLiteral("COMMIT"), error))
        return true;
    execute(db, QStringLiteral("ROLLBACK"), nullptr);
    return false;
}

QString ServerDatabase::url() const
{
    return d->url;
}

} // namespace medora::server
