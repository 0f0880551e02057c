#include "store/NativeSqliteStatement.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace medora {

namespace {

sqlite3 *connectionOf(const QSqlDatabase &database)
{
#ifdef MEDORA_QT_SQLITE_IS_SYSTEM
    if (!database.isOpen() || !database.driver())
        return nullptr;
    const QVariant handle = database.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.data());
#else
    Q_UNUSED(database)
    return nullptr;
#endif
}

} // namespace

bool NativeSqliteStatement::isSupported(const QSqlDatabase &database)
{
    return connectionOf(database) != nullptr;
}

NativeSqliteStatement::NativeSqliteStatement(const QSqlDatabase &database, const QString &sql)
    : m_connection(connectionOf(database))
{
    if (!m_connection)
        return;
    const QByteArray utf8 = sql.toUtf8();
    m_lastCode = sqlite3_prepare_v2(m_connection, utf8.constData(), int(utf8.size()), &m_statement, nullptr);
    if (m_lastCode != SQLITE_OK) {
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

NativeSqliteStatement::~NativeSqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void NativeSqliteStatement::bindText(int index, const QString &value)
{
    if (index < 1)
        return;
    if (size_t(index) > m_boundText.size())
        m_boundText.resize(size_t(index));
    QByteArray &utf8 = m_boundText[size_t(index) - 1];
    utf8 = value.toUtf8();
    sqlite3_bind_text(m_statement, index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()),
                      SQLITE_STATIC);
}

void NativeSqliteStatement::bindOptionalText(int index, const QString &value)
{
    if (value.isNull())
        sqlite3_bind_null(m_statement, index);
    else
        bindText(index, value);
}

void NativeSqliteStatement::bindInt64(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void NativeSqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
}

void NativeSqliteStatement::bindBorrowedText(int index, const char *utf8, int size)
{
    sqlite3_bind_text(m_statement, index, size > 0 ? utf8 : "", size > 0 ? size : 0, SQLITE_STATIC);
}

bool NativeSqliteStatement::execute()
{
    m_lastCode = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    // SQLITE_STATIC values must stay put until the next bind replaces them; clearing the
    // bindings first means no stale pointer survives a later reuse of a buffer.
    sqlite3_clear_bindings(m_statement);
    return m_lastCode == SQLITE_DONE || m_lastCode == SQLITE_ROW;
}

qint64 NativeSqliteStatement::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_connection);
}

QSqlError NativeSqliteStatement::lastError() const
{
    const QString message = m_connection ? QString::fromUtf8(sqlite3_errmsg(m_connection)) : QString();
    return QSqlError(message, message, QSqlError::StatementError, QString::number(m_lastCode & 0xff));
}

} // namespace medora
