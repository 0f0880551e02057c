#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace medora {

// A prepared statement on the SQLite connection behind a QSqlDatabase, driven through
// SQLite's C API. Bulk imports bind a million rows; QSqlQuery's per-value QVariant work
// costs more than SQLite itself there. Only available when Qt's SQLite driver uses the
// same shared libsqlite3 we link (MEDORA_QT_SQLITE_IS_SYSTEM, detected by CMake):
// handing a connection to another copy of SQLite would be undefined behaviour.
class NativeSqliteStatement
{
public:
    NativeSqliteStatement(const QSqlDatabase &database, const QString &sql);
    ~NativeSqliteStatement();
    NativeSqliteStatement(const NativeSqliteStatement &) = delete;
    NativeSqliteStatement &operator=(const NativeSqliteStatement &) = delete;

    static bool isSupported(const QSqlDatabase &database);
    bool isValid() const { return m_statement != nullptr; }

    // Parameters are numbered from 1, in the order they appear in the SQL.
    void bindText(int index, const QString &value);         // a null QString binds ''
    void bindOptionalText(int index, const QString &value); // a null QString binds NULL
    void bindInt64(int index, qint64 value);
    void bindNull(int index);
    // UTF-8 the caller keeps unchanged and alive until execute() has returned.
    void bindBorrowedText(int index, const char *utf8, int size);
    // Runs the statement once and resets it for the next row.
    bool execute();
    qint64 lastInsertRowId() const;
    // The failure as a QSqlError whose native code is SQLite's result code.
    QSqlError lastError() const;

private:
    // UTF-8 copies of the bound text, alive until the row is executed, so SQLite can use
    // them in place (SQLITE_STATIC) instead of copying every value again.
    std::vector<QByteArray> m_boundText;
    sqlite3 *m_connection = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    int m_lastCode = 0;
};

} // namespace medora
