#include "charting/ChartLoader.h"
#include "domain/UuidV7.h"
#include "registry/PatientRegistry.h"
#include "store/ReportStore.h"
#include "store/VisitStore.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace medora;

namespace {

const QString kDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");

} // namespace

class TestChartLoader : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void chartHasThePatientAndATimelineNewestFirst();
    void addendaSitUnderTheirReport();
    void anAddendumWithoutItsReportIsStillShown();
    void queuePatientsAreFoundByUuid();
    void unknownPatientIsExplained();

private:
    Report report(const QUuid &visit, const QDateTime &created, const QString &diagnosis);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PatientRegistry> m_registry;
    std::unique_ptr<ReportStore> m_reports;
    std::unique_ptr<VisitStore> m_visits;
    std::unique_ptr<ChartLoader> m_loader;
    Patient m_patient;
};

void TestChartLoader::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_registry = std::make_unique<PatientRegistry>();
    QVERIFY2(m_registry->open(m_dir->path()), qPrintable(m_registry->lastError().message));
    m_patient = Patient();
    m_patient.lastName = QStringLiteral("Каримова");
    m_patient.sex = Sex::Female;
    m_patient.firstName = QStringLiteral("Дилноза");
    m_patient.allergies = QStringLiteral("Пенициллин — крапивница");
    m_patient.medications = QStringLiteral("Metformin 500 mg, 2 times a day");
    QVERIFY(m_registry->registerPatient(m_patient));
    Patient other;
    other.lastName = QStringLiteral("Aliyev");
    other.firstName = QStringLiteral("Vali");
    other.sex = Sex::Male;
    QVERIFY(m_registry->registerPatient(other));
    m_reports = std::make_unique<ReportStore>(m_registry->database());
    m_visits = std::make_unique<VisitStore>(m_registry->database());
    m_loader = std::make_unique<ChartLoader>(m_registry->database(), *m_registry);
}

void TestChartLoader::cleanup()
{
    m_loader.reset();
    m_visits.reset();
    m_reports.reset();
    m_registry.reset();
    m_dir.reset();
}

Report TestChartLoader::report(const QUuid &visit, const QDateTime &created, const QString &diagnosis)
{
    Report r;
    r.visitId = visit;
    r.patientId = m_patient.id;
    r.authorId = kDoctor;
    r.createdAt = created;
    r.sections.diagnosis = diagnosis;
    if (!m_reports->insert(r))
        qWarning() << m_reports->lastError().message;
    return r;
}

void TestChartLoader::chartHasThePatientAndATimelineNewestFirst()
{
    Visit visit;
    visit.patientId = m_patient.id;
    visit.doctorId = kDoctor;
    visit.createdBy = kDoctor;
    visit.day = QDate(2026, 11, 20);
    visit.createdAt = QDateTime(visit.day, QTime(8, 0), Qt::UTC);
    QVERIFY2(m_visits->insert(visit), qPrintable(m_visits->lastError().message));
    const Report older =
        report(visit.id, QDateTime(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC), QStringLiteral("A"));
    const Report newer =
        report(visit.id, QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC), QStringLiteral("B"));

    const std::optional<PatientChart> chart = m_loader->load(m_patient.id);
    QVERIFY2(chart, qPrintable(m_loader->lastError()));
    QCOMPARE(chart->patient.localId, m_patient.localId);
    QCOMPARE(chart->patient.allergies, m_patient.allergies);
    QCOMPARE(chart->reportCount, 2);
    QCOMPARE(chart->timeline.size(), 3);
    QCOMPARE(chart->timeline[0].kind, ChartEntry::Kind::Report);
    QCOMPARE(chart->timeline[0].report.id, newer.id);
    QCOMPARE(chart->timeline[1].kind, ChartEntry::Kind::Visit);
    QCOMPARE(chart->timeline[1].visit.id, visit.id);
    QCOMPARE(chart->timeline[2].report.id, older.id);
    for (int i = 1; i < chart->timeline.size(); ++i)
        QVERIFY(chart->timeline[i - 1].when >= chart->timeline[i].when);
}

void TestChartLoader::addendaSitUnderTheirReport()
{
    const QUuid visit = UuidV7::generate();
    Report signedReport =
        report(visit, QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC), QStringLiteral("J06.9"));
    QVERIFY(m_reports->sign(signedReport.localId));
    Report second;
    second.authorId = kDoctor;
    second.sections.notes = QStringLiteral("second");
    second.createdAt = QDateTime(QDate(2026, 11, 3), QTime(9, 0), Qt::UTC);
    Report first;
    first.authorId = kDoctor;
    first.sections.notes = QStringLiteral("first");
    first.createdAt = QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
    QVERIFY(m_reports->createAddendum(signedReport.localId, second));
    QVERIFY(m_reports->createAddendum(signedReport.localId, first));

    const std::optional<PatientChart> chart = m_loader->load(m_patient.id);
    QVERIFY(chart);
    QCOMPARE(chart->timeline.size(), 1);
    QCOMPARE(chart->reportCount, 3);
    const ChartEntry &entry = chart->timeline.first();
    QCOMPARE(entry.report.id, signedReport.id);
    QCOMPARE(entry.addenda.size(), 2);
    QCOMPARE(entry.addenda[0].sections.notes, QStringLiteral("first"));
    QCOMPARE(entry.addenda[1].sections.notes, QStringLiteral("second"));
}

void TestChartLoader::anAddendumWithoutItsReportIsStillShown()
{
    Report orphan;
    orphan.id = UuidV7::generate();
    orphan.patientId = m_patient.id;
    orphan.addendumTo = UuidV7::generate(); // its report has not been pulled yet
    orphan.createdAt = QDateTime::currentDateTimeUtc();
    const QList<ChartEntry> timeline = ChartLoader::timeline({}, {orphan});
    QCOMPARE(timeline.size(), 1);
    QCOMPARE(timeline.first().report.id, orphan.id);
}

void TestChartLoader::queuePatientsAreFoundByUuid()
{
    const QUuid unknown = UuidV7::generate();
    const QHash<QUuid, Patient> found = m_loader->patients({m_patient.id, unknown});
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.value(m_patient.id).lastName, m_patient.lastName);
    QCOMPARE(m_loader->localIdOf(m_patient.id), m_patient.localId);
    QCOMPARE(m_loader->localIdOf(unknown), qint64(0));
    QVERIFY(m_loader->patients({}).isEmpty());
}

void TestChartLoader::unknownPatientIsExplained()
{
    QVERIFY(!m_loader->load(UuidV7::generate()));
    QVERIFY(!m_loader->lastError().isEmpty());
}

QTEST_GUILESS_MAIN(TestChartLoader)
#include "tst_chartloader.moc"
