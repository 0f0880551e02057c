#include "charting/ChartLoader.h"

#include "registry/PatientRegistry.h"
#include "store/ReportStore.h"
#include "store/SqlValues.h"
#include "store/VisitStore.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <vector>

namespace medora {

ChartLoader::ChartLoader(Database &database, PatientRegistry &registry)
    : m_database(database), m_registry(registry)
{}

qint64 ChartLoader::localIdOf(const QUuid &patientId) const
{
    return patients({patientId}).value(patientId).localId;
}

QHash<QUuid, Patient> ChartLoader::patients(const QList<QUuid> &patientIds) const
{
    m_error.clear();
    QHash<QUuid, Patient> found;
    if (patientIds.isEmpty())
        return found;
    // PatientStore reads by row id only; one IN query maps the ids of a whole queue.
    QStringList marks;
    for (qsizetype i = 0; i < patientIds.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT rowid FROM patient WHERE deleted = 0 AND uuid IN (%1)")
                      .arg(marks.join(QLatin1Char(','))));
    for (const QUuid &id : patientIds)
        query.addBindValue(SqlValues::uuid(id));
    std::vector<qint64> rowIds;
    if (!query.exec()) {
        m_error = m_database.fail(query.lastError(), tr("read the patients of the queue")).message;
        return found;
    }
    while (query.next())
        rowIds.push_back(query.value(0).toLongLong());
    for (const Patient &patient : m_registry.patients(rowIds))
        found.insert(patient.id, patient);
    return found;
}

std::optional<PatientChart> ChartLoader::load(const QUuid &patientId)
{
    QHash<QUuid, Patient> found = patients({patientId});
    if (!m_error.isEmpty())
        return std::nullopt;
    if (!found.contains(patientId)) {
        m_error = tr("This patient is not in the registry of this computer yet. Wait for the next sync.");
        return std::nullopt;
    }
    const VisitStore visits(m_database);
    const QList<Visit> visitList = visits.forPatient(patientId);
    if (!m_database.lastError().ok()) {
        m_error = m_database.lastError().message;
        return std::nullopt;
    }
    const ReportStore reports(m_database);
    const QList<Report> reportList = reports.forPatient(patientId);
    if (!m_database.lastError().ok()) {
        m_error = m_database.lastError().message;
        return std::nullopt;
    }
    PatientChart chart;
    chart.patient = found.take(patientId);
    chart.reportCount = int(reportList.size());
    chart.timeline = timeline(visitList, reportList);
    return chart;
}

QList<ChartEntry> ChartLoader::timeline(const QList<Visit> &visits, const QList<Report> &reports)
{
    QList<ChartEntry> entries;
    entries.reserve(visits.size() + reports.size());
    for (const Visit &visit : visits) {
        ChartEntry entry;
        entry.kind = ChartEntry::Kind::Visit;
        entry.when = visit.startedAt.isValid()  ? visit.startedAt
                     : visit.calledAt.isValid() ? visit.calledAt
                                                : visit.createdAt;
        entry.visit = visit;
        entries.append(std::move(entry));
    }
    QHash<QUuid, qsizetype> reportIndex; // report id -> position in `entries`
    for (const Report &report : reports) {
        if (!report.addendumTo.isNull())
            continue;
        ChartEntry entry;
        entry.kind = ChartEntry::Kind::Report;
        entry.when = report.createdAt;
        entry.report = report;
        reportIndex.insert(report.id, entries.size());
        entries.append(std::move(entry));
    }
    for (const Report &report : reports) {
        if (report.addendumTo.isNull())
            continue;
        const auto parent = reportIndex.constFind(report.addendumTo);
        if (parent != reportIndex.cend()) {
            entries[*parent].addenda.append(report);
            continue;
        }
        // Its report has not arrived yet (sync order): shown on its own rather than hidden.
        ChartEntry entry;
        entry.kind = ChartEntry::Kind::Report;
        entry.when = report.createdAt;
        entry.report = report;
        entries.append(std::move(entry));
    }
    for (ChartEntry &entry : entries) {
        std::stable_sort(entry.addenda.begin(), entry.addenda.end(),
                         [](const Report &a, const Report &b) { return a.createdAt < b.createdAt; });
    }
    // Sorting the entries themselves moves two records of some twenty strings per step;
    // sorting their positions and moving each entry once is several times cheaper.
    std::vector<qsizetype> order(size_t(entries.size()));
    for (qsizetype i = 0; i < entries.size(); ++i)
        order[size_t(i)] = i;
    std::stable_sort(order.begin(), order.end(), [&entries](qsizetype left, qsizetype right) {
        const ChartEntry &a = entries[left];
        const ChartEntry &b = entries[right];
        if (a.when != b.when)
            return a.when > b.when;
        // A visit and its report share a moment: the report reads first.
        return a.kind == ChartEntry::Kind::Report && b.kind == ChartEntry::Kind::Visit;
    });
    QList<ChartEntry> sorted;
    sorted.reserve(entries.size());
    for (const qsizetype i : order)
        sorted.append(std::move(entries[i]));
    return sorted;
}

} // namespace medora
