#include "store/PreparedStatement.h"

#include <QVariant>

namespace medora {

PreparedStatement::PreparedStatement(const QSqlDatabase &database, const QString &sql) : m_query(database)
{
    if (NativeSqliteStatement::isSupported(database)) {
        m_native = std::make_unique<NativeSqliteStatement>(database, sql);
        return;
    }
    m_prepared = m_query.prepare(sql);
}

void PreparedStatement::bindText(int index, const QString &value)
{
    if (m_native)
        m_native->bindText(index + 1, value);
    else
        m_query.bindValue(index, value.isNull() ? QStringLiteral("") : value);
}

void PreparedStatement::bindOptionalText(int index, const QString &value)
{
    if (m_native)
        m_native->bindOptionalText(index + 1, value);
    else
        m_query.bindValue(index, value.isNull() ? QVariant() : QVariant(value));
}

void PreparedStatement::bindInt64(int index, qint64 value)
{
    if (m_native)
        m_native->bindInt64(index + 1, value);
    else
        m_query.bindValue(index, value);
}

bool PreparedStatement::execute()
{
    return m_native ? m_native->execute() : m_query.exec();
}

qint64 PreparedStatement::lastInsertId() const
{
    return m_native ? m_native->lastInsertRowId() : m_query.lastInsertId().toLongLong();
}

QSqlError PreparedStatement::lastError() const
{
    return m_native ? m_native->lastError() : m_query.lastError();
}

} // namespace medora
