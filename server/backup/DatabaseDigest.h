#pragma once

#include <QByteArray>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

namespace medora::server {

// Every table's rows of a database, counted and hashed in a fixed order, through QtSql only
// (any driver): a restore drill compares a restored database with its backup this way.
struct TableDigest
{
    qint64 rows = 0;
    QByteArray sha256; // hex, over every row ordered by all columns
};

class DatabaseDigest
{
public:
    // Extra condition for one table's rows ("key <> 'database_id'"), or empty for all rows.
    using RowFilter = std::function<QString(const QString &table)>;

    // User tables, sorted (SQLite's own sqlite_* tables left out).
    static QStringList tables(const QSqlDatabase &db);
    static bool rowCounts(const QSqlDatabase &db, QMap<QString, qint64> *counts, QString *error);
    static bool compute(const QSqlDatabase &db, const QStringList &tables, const RowFilter &filter,
                        QMap<QString, TableDigest> *digests, QString *error);
    // The schema version recorded in schema_migrations (0 when the table is missing).
    static int schemaVersion(const QSqlDatabase &db, QString *error);
};

} // namespace medora::server
