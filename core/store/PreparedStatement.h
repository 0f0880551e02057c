#pragma once

#include "store/NativeSqliteStatement.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <memory>

namespace medora {

// A write statement prepared once and run many times with positional values (numbered
// from 0). Through SQLite's C API when Qt's driver shares our libsqlite3
// (NativeSqliteStatement): binding through QSqlQuery costs a QVariant and a formatted
// placeholder name per value, more than SQLite's own work when a pulled page writes a
// thousand rows. Otherwise through QSqlQuery, with the same results.
class PreparedStatement
{
public:
    PreparedStatement(const QSqlDatabase &database, const QString &sql);
    PreparedStatement(const PreparedStatement &) = delete;
    PreparedStatement &operator=(const PreparedStatement &) = delete;

    bool isValid() const { return m_native ? m_native->isValid() : m_prepared; }

    void bindText(int index, const QString &value);         // a null QString binds ''
    void bindOptionalText(int index, const QString &value); // a null QString binds NULL
    void bindInt64(int index, qint64 value);
    bool execute();
    qint64 lastInsertId() const;
    QSqlError lastError() const;

private:
    std::unique_ptr<NativeSqliteStatement> m_native;
    QSqlQuery m_query;
    bool m_prepared = false;
};

} // namespace medora
