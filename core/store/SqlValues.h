#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QUuid>
#include <QVariant>

namespace medora {

// How the local store writes values into SQLite and reads them back (docs/store.md):
// times as ISO 8601 UTC with milliseconds ("2024-05-01T09:30:00.250Z", which sorts in time
// order as text), dates as "yyyy-MM-dd", ids as lower-case UUIDs without braces. An absent
// optional value is SQL NULL; text columns are NOT NULL and store "" for a null QString.
class SqlValues
{
public:
    static QString text(const QString &value) { return value.isNull() ? QStringLiteral("") : value; }

    static QString time(const QDateTime &utc);          // "" when invalid
    static QVariant optionalTime(const QDateTime &utc); // NULL when invalid
    static QDateTime toTime(const QVariant &value);     // invalid for NULL or ""

    static QVariant optionalDate(const QDate &date);
    static QDate toDate(const QVariant &value);

    // The same values as text for PreparedStatement: a null QString stands for NULL.
    static QString timeOrNull(const QDateTime &utc);
    static QString dateOrNull(const QDate &date);
    static QString uuidOrNull(const QUuid &id);

    static QString uuid(const QUuid &id);
    static QVariant optionalUuid(const QUuid &id); // NULL for a null id
    static QUuid toUuid(const QVariant &value);    // null for NULL

    // Now, in UTC, to the millisecond (what is stored is what the caller gets back).
    static QDateTime nowUtc();
};

} // namespace medora
