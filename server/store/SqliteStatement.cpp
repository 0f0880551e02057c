#include "store/SqliteStatement.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace medora::server {

namespace {

sqlite3 *connectionOf(const QSqlDatabase &database)
{
#ifdef MEDORA_QT_SQLITE_IS_SYSTEM
    if (!database.isOpen() || !database.driver())
        return nullptr;
    const QVariant handle = database.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
#else
    Q_UNUSED(database)
    return nullptr;
#endif
}

} // namespace

bool SqliteStatement::isAvailable(const QSqlDatabase &database)
{
    return connectionOf(database) != nullptr;
}

SqliteStatement::SqliteStatement(const QSqlDatabase &database, const QString &sql)
    : m_connection(connectionOf(database))
{
    if (!m_connection)
        return;
    const QByteArray utf8 = sql.toUtf8();
    m_lastCode = sqlite3_prepare_v2(m_connection, utf8.constData(), int(utf8.size()), &m_statement, nullptr);
    if (m_lastCode != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_connection));
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
        m_failed = true;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::bindText(int index, const QByteArray &utf8)
{
    if (index < 1)
        return;
    if (size_t(index) > m_bound.size())
        m_bound.resize(size_t(index));
    // Kept (shared, not copied) until reset, so SQLite may use the bytes in place.
    QByteArray &kept = m_bound[size_t(index) - 1];
    kept = utf8;
    sqlite3_bind_text(m_statement, index, kept.isEmpty() ? "" : kept.constData(), int(kept.size()),
                      SQLITE_STATIC);
}

void SqliteStatement::bindText(int index, const QString &text)
{
    bindText(index, text.toUtf8());
}

void SqliteStatement::bindOptionalText(int index, const QString &text)
{
    if (text.isEmpty())
        sqlite3_bind_null(m_statement, index);
    else
        bindText(index, text);
}

void SqliteStatement::bindInt64(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

bool SqliteStatement::next()
{
    m_lastCode = sqlite3_step(m_statement);
    if (m_lastCode == SQLITE_ROW)
        return true;
    m_failed = m_lastCode != SQLITE_DONE;
    if (m_failed)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_connection));
    return false;
}

bool SqliteStatement::run()
{
    next();
    const bool ok = !m_failed;
    reset();
    m_failed = !ok;
    return ok;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    // SQLITE_STATIC values must not outlive their buffers: clear before they are released.
    sqlite3_clear_bindings(m_statement);
    for (QByteArray &bound : m_bound)
        bound = QByteArray();
    m_failed = false;
}

QString SqliteStatement::errorText() const
{
    if (!m_error.isEmpty())
        return m_error;
    return m_connection ? QString::fromUtf8(sqlite3_errmsg(m_connection))
                        : QStringLiteral("no SQLite connection");
}

int SqliteStatement::changes() const
{
    return m_connection ? sqlite3_changes(m_connection) : 0;
}

QByteArray SqliteStatement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return text ? QByteArray(text, sqlite3_column_bytes(m_statement, column)) : QByteArray();
}

qint64 SqliteStatement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

} // namespace medora::server
