#include "backup/DatabaseDigest.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <algorithm>

namespace medora::server {

namespace {

QString quoted(const QString &identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QLatin1String("\"\"")) +
           QLatin1Char('"');
}

// Type tag, length and bytes per value, so ("ab","c") and ("a","bc") never hash alike.
void addValue(QCryptographicHash &hash, const QVariant &value)
{
    QByteArray bytes;
    char tag = 'T';
    if (value.isNull()) {
        tag = 'N';
    } else if (value.typeId() == QMetaType::QByteArray) {
        tag = 'B';
        bytes = value.toByteArray();
    } else if (value.typeId() == QMetaType::Double) {
        tag = 'R';
        bytes = QByteArray::number(value.toDouble(), 'g', 17);
    } else if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int) {
        tag = 'I';
        bytes = QByteArray::number(value.toLongLong());
    } else {
        bytes = value.toString().toUtf8();
    }
    hash.addData(QByteArrayView(&tag, 1));
    hash.addData(QByteArray::number(bytes.size()) + ':');
    hash.addData(bytes);
}

} // namespace

QStringList DatabaseDigest::tables(const QSqlDatabase &db)
{
    QStringList names;
    for (const QString &name : db.tables(QSql::Tables)) {
        if (!name.startsWith(QLatin1String("sqlite_")))
            names << name;
    }
    std::sort(names.begin(), names.end());
    return names;
}

bool DatabaseDigest::rowCounts(const QSqlDatabase &db, QMap<QString, qint64> *counts, QString *error)
{
    counts->clear();
    for (const QString &table : tables(db)) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + quoted(table)) || !query.next()) {
            if (error)
                *error = QStringLiteral("cannot count %1: %2").arg(table, query.lastError().text());
            return false;
        }
        counts->insert(table, query.value(0).toLongLong());
    }
    return true;
}

bool DatabaseDigest::compute(const QSqlDatabase &db, const QStringList &tableNames, const RowFilter &filter,
                             QMap<QString, TableDigest> *digests, QString *error)
{
    digests->clear();
    for (const QString &table : tableNames) {
        const int columns = db.record(table).count();
        if (columns == 0) {
            if (error)
                *error = QStringLiteral("table %1 is missing").arg(table);
            return false;
        }
        QStringList order;
        for (int i = 1; i <= columns; ++i)
            order << QString::number(i);
        const QString condition = filter ? filter(table) : QString();
        QSqlQuery query(db);
        query.setForwardOnly(true);
        const QString sql =
            QStringLiteral("SELECT * FROM %1%2 ORDER BY %3")
                .arg(quoted(table), condition.isEmpty() ? QString() : QStringLiteral(" WHERE ") + condition,
                     order.join(QLatin1Char(',')));
        if (!query.exec(sql)) {
            if (error)
                *error = QStringLiteral("cannot read %1: %2").arg(table, query.lastError().text());
            return false;
        }
        QCryptographicHash hash(QCryptographicHash::Sha256);
        TableDigest digest;
        while (query.next()) {
            for (int i = 0; i < columns; ++i)
                addValue(hash, query.value(i));
            hash.addData(QByteArrayView("\n", 1));
            ++digest.rows;
        }
        digest.sha256 = hash.result().toHex();
        digests->insert(table, digest);
    }
    return true;
}

int DatabaseDigest::schemaVersion(const QSqlDatabase &db, QString *error)
{
    if (!db.tables(QSql::Tables).contains(QStringLiteral("schema_migrations")))
        return 0;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) ||
        !query.next()) {
        if (error)
            *error = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

} // namespace medora::server
