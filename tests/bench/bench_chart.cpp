// Chart benchmark: how long a doctor waits for a chart with many previous reports, and what
// one autosave of a draft costs. Prints plain lines; the baseline runs in the same process.
//
//   bench_chart [--reports N] [--patients M] [--others K] [--runs R] [--dir D] [--keep]
//
// The store is a real SQLite file: M patients (RegistryGenerator), one of them with N
// reports (every tenth with an addendum) and N visits, and K reports of other patients, so
// the patient's rows are spread among others as in a clinic's cache.
//
// [1] ChartLoader::load: the patient, visits and reports in three queries, addenda placed in
//     memory (target <= 100 ms for N = 200, together with [2])
// [2] [1] + the widgets: ChartHeader and ChartHistoryView (timeline model, the newest report
//     rendered in the reader), shown offscreen and painted
// [3] baseline: the same chart read report by report (ReportStore::get per report, addendaOf
//     per report), as a naive chart would
// [4] one autosave of a draft (DraftAutosaver: update + outbox, synchronous=FULL commit)

#include "RegistryGenerator.h"
#include "cabinet/ChartHeader.h"
#include "cabinet/ChartHistoryView.h"
#include "charting/ChartLoader.h"
#include "charting/DraftAutosaver.h"
#include "domain/UuidV7.h"
#include "registry/PatientRegistry.h"
#include "store/ReportStore.h"
#include "store/VisitStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace medora;

namespace {

const QString kDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");
constexpr double kTargetMs = 100.0;

void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

QString loadLine()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2);
}

struct Figures
{
    double median = 0;
    double p95 = 0;
    double max = 0;
    double first = 0;
};

Figures figures(std::vector<double> samples)
{
    Figures f;
    if (samples.empty())
        return f;
    f.first = samples.front();
    std::sort(samples.begin(), samples.end());
    f.median = samples[samples.size() / 2];
    f.p95 = samples[std::min(samples.size() - 1, size_t(double(samples.size()) * 0.95))];
    f.max = samples.back();
    return f;
}

QString describe(const Figures &f)
{
    return QStringLiteral("first %1 ms, median %2 ms, p95 %3 ms, max %4 ms")
        .arg(f.first, 0, 'f', 2)
        .arg(f.median, 0, 'f', 2)
        .arg(f.p95, 0, 'f', 2)
        .arg(f.max, 0, 'f', 2);
}

ReportSections sectionsFor(int i)
{
    ReportSections s;
    s.complaints = QStringLiteral("Жалобы на головную боль и слабость, %1-й день. Bosh ogʻrigʻi, holsizlik.")
                       .arg(i % 9 + 1);
    s.anamnesis = QStringLiteral(
        "Болеет с понедельника. Хронические заболевания: артериальная гипертензия с 2015 года. "
        "Аллергия на пенициллин. Принимает лизиноприл 10 мг.");
    s.vitals = {
        Vital{QStringLiteral("temperature"), QStringLiteral("37.%1").arg(i % 10), QStringLiteral("°C")},
        Vital{QStringLiteral("pulse"), QString::number(60 + i % 40), QStringLiteral("bpm")},
        Vital{QStringLiteral("bp_systolic"), QString::number(110 + i % 50), QStringLiteral("mmHg")},
        Vital{QStringLiteral("bp_diastolic"), QString::number(70 + i % 25), QStringLiteral("mmHg")}};
    s.examination =
        QStringLiteral("Общее состояние удовлетворительное. В лёгких везикулярное дыхание, хрипов нет. "
                       "Тоны сердца ясные, ритм правильный. Живот мягкий, безболезненный.");
    s.diagnosis = QStringLiteral("Артериальная гипертензия II степени");
    s.icd10 = QStringLiteral("I11.9");
    s.treatmentPlan = QStringLiteral("ЭКГ, общий анализ крови, липидный спектр. Лизиноприл 10 мг утром.");
    s.recommendations =
        QStringLiteral("Ограничить соль, контроль давления дважды в день, повторный приём через 2 недели.");
    return s;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_chart"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Medora chart benchmark"));
    parser.addHelpOption();
    const QCommandLineOption reportsOption(QStringLiteral("reports"),
                                           QStringLiteral("Reports of the patient."), QStringLiteral("N"),
                                           QStringLiteral("200"));
    const QCommandLineOption patientsOption(QStringLiteral("patients"),
                                            QStringLiteral("Patients in the registry."), QStringLiteral("M"),
                                            QStringLiteral("20000"));
    const QCommandLineOption othersOption(QStringLiteral("others"),
                                          QStringLiteral("Reports of other patients."), QStringLiteral("K"),
                                          QStringLiteral("10000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Timed runs of each step."),
                                        QStringLiteral("R"), QStringLiteral("30"));
    const QCommandLineOption dirOption(
        QStringLiteral("dir"), QStringLiteral("Data folder (default: temporary)."), QStringLiteral("D"));
    const QCommandLineOption keepOption(QStringLiteral("keep"), QStringLiteral("Keep the data folder."));
    parser.addOptions({reportsOption, patientsOption, othersOption, runsOption, dirOption, keepOption});
    parser.process(app);
    const int reportCount = parser.value(reportsOption).toInt();
    const int patientCount = std::max(1, parser.value(patientsOption).toInt());
    const int otherCount = parser.value(othersOption).toInt();
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QTemporaryDir temporary;
    temporary.setAutoRemove(!parser.isSet(keepOption));
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    QDir().mkpath(dir);
    say(QStringLiteral(
            "Medora chart benchmark: %1 reports of one patient among %2 patients and %3 other reports")
            .arg(reportCount)
            .arg(patientCount)
            .arg(otherCount));
    say(QStringLiteral("data folder: %1; load average: %2").arg(dir, loadLine()));

    // Seed.
    QElapsedTimer seedClock;
    seedClock.start();
    PatientRegistry registry;
    if (!registry.open(dir)) {
        say(QStringLiteral("cannot open: %1").arg(registry.lastError().message));
        return 1;
    }
    RegistryGenerator generator;
    std::vector<Patient> patients = generator.generate(patientCount);
    if (!registry.importPatients(patients)) {
        say(QStringLiteral("import failed: %1").arg(registry.lastError().message));
        return 1;
    }
    const Patient patient = *registry.patient(patients[size_t(patientCount / 2)].localId);
    Database &database = registry.database();
    ReportStore reports(database);
    VisitStore visits(database);
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-3 * reportCount);
    database.begin();
    for (int i = 0; i < otherCount; ++i) {
        Report other;
        other.visitId = UuidV7::generate();
        other.patientId = patients[size_t(i % patientCount)].id;
        other.authorId = kDoctor;
        other.createdAt = start.addSecs(qint64(i) * 600);
        other.sections = sectionsFor(i);
        if (other.patientId != patient.id)
            reports.insert(other);
    }
    for (int i = 0; i < reportCount; ++i) {
        Visit visit;
        visit.patientId = patient.id;
        visit.doctorId = kDoctor;
        visit.day = start.addDays(i * 3).date();
        visit.createdAt = start.addDays(i * 3);
        visit.createdBy = kDoctor;
        visits.insert(visit);
        Report report;
        report.visitId = visit.id;
        report.patientId = patient.id;
        report.authorId = kDoctor;
        report.createdAt = start.addDays(i * 3).addSecs(900);
        report.sections = sectionsFor(i);
        reports.insert(report);
        reports.sign(report.localId, report.createdAt.addSecs(1200));
        if (i % 10 == 0) {
            Report addendum;
            addendum.authorId = kDoctor;
            addendum.createdAt = report.createdAt.addDays(1);
            addendum.sections.notes = QStringLiteral("Результаты анализов: без отклонений.");
            reports.createAddendum(report.localId, addendum);
        }
    }
    if (!database.commit()) {
        say(QStringLiteral("seeding failed: %1").arg(database.lastError().message));
        return 1;
    }
    say(QStringLiteral("seeded in %1 s").arg(double(seedClock.elapsed()) / 1000.0, 0, 'f', 1));

    ChartLoader loader(database, registry);
    int timelineRows = 0;
    int loadedReports = 0;

    // [1]
    std::vector<double> loadSamples;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        const std::optional<PatientChart> chart = loader.load(patient.id);
        loadSamples.push_back(double(clock.nsecsElapsed()) / 1e6);
        if (!chart) {
            say(QStringLiteral("load failed: %1").arg(loader.lastError()));
            return 1;
        }
        timelineRows = int(chart->timeline.size());
        loadedReports = chart->reportCount;
    }
    const Figures load = figures(loadSamples);
    say(QStringLiteral("[1] load chart (%1 reports, %2 timeline rows): %3")
            .arg(loadedReports)
            .arg(timelineRows)
            .arg(describe(load)));

    // [2]
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *header = new ChartHeader(&window);
    auto *history =
        new ChartHistoryView([](const QString &) { return QStringLiteral("Dr. Karimova"); }, &window);
    layout->addWidget(header);
    layout->addWidget(history, 1);
    window.resize(1280, 900);
    window.show();
    QCoreApplication::processEvents();
    std::vector<double> widgetSamples;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        const std::optional<PatientChart> chart = loader.load(patient.id);
        header->setPatient(chart->patient);
        history->setChart(*chart);
        window.repaint(); // paint now, as the first frame the doctor sees
        widgetSamples.push_back(double(clock.nsecsElapsed()) / 1e6);
        history->clear();
        header->clear();
        window.repaint();
    }
    const Figures widget = figures(widgetSamples);
    say(QStringLiteral("[2] load + chart model + widgets painted: %1 (target <= %2 ms): %3")
            .arg(describe(widget))
            .arg(kTargetMs, 0, 'f', 0)
            .arg(widget.median <= kTargetMs && widget.p95 <= kTargetMs ? QStringLiteral("PASS")
                                                                       : QStringLiteral("FAIL")));
    std::vector<double> viewSamples;
    const std::optional<PatientChart> loaded = loader.load(patient.id);
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        header->setPatient(loaded->patient);
        history->setChart(*loaded);
        window.repaint();
        viewSamples.push_back(double(clock.nsecsElapsed()) / 1e6);
        history->clear();
        header->clear();
        window.repaint();
    }
    say(QStringLiteral("    of which model + widgets painted (chart already loaded): %1")
            .arg(describe(figures(viewSamples))));

    // [3]
    std::vector<qint64> rowIds;
    {
        QSqlQuery query(database.connection());
        query.prepare(
            QStringLiteral("SELECT rowid FROM report WHERE patient_uuid = ? AND addendum_to IS NULL"));
        query.addBindValue(patient.id.toString(QUuid::WithoutBraces));
        query.exec();
        while (query.next())
            rowIds.push_back(query.value(0).toLongLong());
    }
    std::vector<double> baselineSamples;
    const int baselineRuns = std::max(3, runs / 3);
    for (int run = 0; run < baselineRuns; ++run) {
        QElapsedTimer clock;
        clock.start();
        std::optional<Patient> one = registry.patient(patient.localId);
        QList<Visit> visitList = visits.forPatient(patient.id);
        QList<Report> all;
        for (const qint64 rowId : rowIds) {
            const std::optional<Report> report = reports.get(rowId);
            if (!report)
                continue;
            all << *report;
            all << reports.addendaOf(report->id);
        }
        const QList<ChartEntry> timeline = ChartLoader::timeline(visitList, all);
        baselineSamples.push_back(double(clock.nsecsElapsed()) / 1e6);
        if (!one || timeline.size() != timelineRows)
            say(QStringLiteral("baseline read a different chart (%1 rows)").arg(timeline.size()));
    }
    const Figures baseline = figures(baselineSamples);
    say(QStringLiteral("[3] baseline, report by report (%1 reports): %2; [1] is %3x faster")
            .arg(rowIds.size())
            .arg(describe(baseline))
            .arg(load.median > 0 ? baseline.median / load.median : 0.0, 0, 'f', 1));

    // [4]
    Report draft;
    draft.visitId = UuidV7::generate();
    draft.patientId = patient.id;
    draft.authorId = kDoctor;
    reports.insert(draft);
    ReportSections typed = sectionsFor(1);
    DraftAutosaver saver(reports);
    saver.setDraft(draft, [&typed] { return typed; });
    std::vector<double> saveSamples;
    for (int run = 0; run < runs; ++run) {
        typed.complaints += QStringLiteral(" ещё");
        saver.markEdited();
        QElapsedTimer clock;
        clock.start();
        if (!saver.flush()) {
            say(QStringLiteral("autosave failed: %1").arg(saver.lastError()));
            return 1;
        }
        saveSamples.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    say(QStringLiteral("[4] one draft autosave (update + outbox, fsynced): %1")
            .arg(describe(figures(saveSamples))));
    say(QStringLiteral("load average at the end: %1").arg(loadLine()));
    return 0;
}
