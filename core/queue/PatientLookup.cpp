#include "queue/PatientLookup.h"

#include "store/PatientStore.h"
#include "store/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <vector>

namespace medora {

namespace {

// Below SQLite's default bound of host parameters in one statement, with room to spare.
constexpr qsizetype kIdsPerQuery = 500;

} // namespace

PatientLookup::PatientLookup(Database &database) : m_database(database) {}

QHash<QUuid, Patient> PatientLookup::byIds(const QList<QUuid> &ids) const
{
    QHash<QUuid, Patient> found;
    std::vector<qint64> localIds;
    for (qsizetype start = 0; start < ids.size(); start += kIdsPerQuery) {
        const QList<QUuid> chunk = ids.mid(start, kIdsPerQuery);
        QStringList marks;
        for (qsizetype i = 0; i < chunk.size(); ++i)
            marks << QStringLiteral("?");
        QSqlQuery query(m_database.connection());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT rowid FROM patient WHERE deleted = 0 AND uuid IN (%1)")
                          .arg(marks.join(QLatin1Char(','))));
        for (const QUuid &id : chunk)
            query.addBindValue(SqlValues::uuid(id));
        if (!query.exec()) {
            m_database.fail(query.lastError(), tr("read the patients"));
            return found;
        }
        while (query.next())
            localIds.push_back(query.value(0).toLongLong());
    }
    if (localIds.empty())
        return found;
    const QList<Patient> patients = PatientStore(m_database).getMany(localIds);
    for (const Patient &patient : patients)
        found.insert(patient.id, patient);
    return found;
}

std::optional<Patient> PatientLookup::byId(const QUuid &id) const
{
    const QHash<QUuid, Patient> found = byIds({id});
    const auto it = found.constFind(id);
    return it == found.constEnd() ? std::nullopt : std::optional<Patient>(*it);
}

} // namespace medora
