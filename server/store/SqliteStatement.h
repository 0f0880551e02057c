#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace medora::server {

// One statement prepared on the SQLite connection behind a QSqlDatabase and run through
// SQLite's C API. A sync push runs a handful of statements a hundred times per batch (and
// appends as many audit events), and QSqlQuery's per-value bookkeeping cost more than
// SQLite's own work there. Only available
// when Qt's SQLite driver uses the shared libsqlite3 this program links
// (MEDORA_QT_SQLITE_IS_SYSTEM, detected by CMake); everywhere else isAvailable() is false
// and callers use QSqlQuery. Statements live no longer than the batch that prepared them.
class SqliteStatement
{
public:
    SqliteStatement(const QSqlDatabase &database, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    static bool isAvailable(const QSqlDatabase &database);
    bool isValid() const { return m_statement != nullptr; }

    // Parameters are numbered from 1. Text is copied until the statement is reset.
    void bindText(int index, const QByteArray &utf8); // a null QByteArray binds ''
    void bindText(int index, const QString &text);
    void bindOptionalText(int index, const QString &text); // empty binds NULL
    void bindInt64(int index, qint64 value);

    // Steps once: true with a row, false when done or failed (see failed()).
    bool next();
    // Runs a statement that returns no rows.
    bool run();
    // Ready for new bindings (also after a failure).
    void reset();
    bool failed() const { return m_failed; }
    QString errorText() const;
    int changes() const;

    QByteArray columnText(int column) const; // UTF-8, empty for NULL
    qint64 columnInt64(int column) const;

private:
    std::vector<QByteArray> m_bound;
    sqlite3 *m_connection = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    bool m_failed = false;
    int m_lastCode = 0;
    QString m_error;
};

} // namespace medora::server
