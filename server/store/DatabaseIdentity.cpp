#include "store/DatabaseIdentity.h"

#include "store/ServerDatabase.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace medora::server {

QString DatabaseIdentity::read(const QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT value FROM sync_meta WHERE key = 'database_id'"))) {
        if (error)
            *error = query.lastError().text();
        return {};
    }
    if (!query.next()) {
        if (error)
            *error = QStringLiteral("the database has no identity (sync_meta.database_id is missing)");
        return {};
    }
    return query.value(0).toString();
}

QString DatabaseIdentity::read(ServerDatabase &database)
{
    QSqlQuery *query =
        database.cachedQuery(QStringLiteral("SELECT value FROM sync_meta WHERE key = 'database_id'"));
    if (!query || !query->exec())
        return {};
    const QString id = query->next() ? query->value(0).toString() : QString();
    query->finish();
    return id;
}

bool DatabaseIdentity::replace(QSqlDatabase &db, const QString &id, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE sync_meta SET value = ? WHERE key = 'database_id'"));
    query.addBindValue(id);
    if (!query.exec()) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    if (query.numRowsAffected() == 1)
        return true;
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO sync_meta (key, value) VALUES ('database_id', ?)"));
    insert.addBindValue(id);
    if (!insert.exec()) {
        if (error)
            *error = insert.lastError().text();
        return false;
    }
    return true;
}

QString DatabaseIdentity::generate()
{
    return QString::fromLatin1(QUuid::createUuid().toRfc4122().toHex());
}

bool DatabaseIdentity::isWellFormed(const QString &id)
{
    static const QRegularExpression format(QStringLiteral("^[0-9a-f]{32}$"));
    return format.match(id).hasMatch();
}

} // namespace medora::server
