#pragma once

#include "store/Database.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace medora {

// Rows read by rowid, a few hundred per statement: `select` gets a WHERE clause and returns
// the rows it finds. Rowids are integers, so writing them into the statement is safe and
// saves binding each one. Returns nothing when a statement fails (the database says why).
template <typename Row, typename Select>
QList<Row> selectByRowIds(const Database &database, const std::vector<qint64> &localIds, Select select)
{
    constexpr size_t kChunk = 500;
    QList<Row> found;
    found.reserve(qsizetype(localIds.size()));
    for (size_t start = 0; start < localIds.size(); start += kChunk) {
        QStringList ids;
        for (size_t i = start; i < std::min(localIds.size(), start + kChunk); ++i)
            ids.append(QString::number(localIds[i]));
        found += select(QStringLiteral("rowid IN (%1)").arg(ids.join(QLatin1Char(','))));
        if (!database.lastError().ok())
            return {};
    }
    return found;
}

} // namespace medora
