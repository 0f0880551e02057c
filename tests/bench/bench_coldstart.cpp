// Cold-start benchmark: how long a receptionist waits from starting Medora to a window that
// answers a search, with 1,000,000 patients cached on the PC (issue 5's target: <= 1 s).
// Prints plain lines; the baseline (the same start-up with an empty store) runs in the same
// process, interleaved with the measured runs.
//
//   bench_coldstart [--patients N] [--runs R] [--cold-runs C] [--dir D] [--keep] [--reuse]
//                   [--medora PATH] [--query TEXT]
//
// Every run starts the real `medora` binary as a new process (offscreen platform, a home and
// settings folder of its own, --data-dir pointing at the seeded store, no server configured,
// so nothing waits for the network) with MEDORA_STARTUP_PROBE=<query> in its environment
// (ui/registry/StartupProbe). The clock starts just before the process is spawned and stops
// when the client prints its "ready" line: the main window has painted the patient list, the
// query has been put into the search field and the answer has been painted.
//
// [1] seed: N generated patients (RegistryGenerator) imported through PatientRegistry, once
//     (--reuse keeps a store seeded earlier in --dir)
// [2] a first, untimed start of each store (creates the empty store; fills the page cache)
// [3] R starts of each store with the files in the page cache (a PC that ran Medora today)
// [4] C starts of each store after `echo 3 > /proc/sys/vm/drop_caches` (the binary, Qt, the
//     store: everything read from disk, as after a reboot); skipped when not root

#include "RegistryGenerator.h"
#include "registry/PatientRegistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <vector>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace medora;

namespace {

constexpr double kTargetMs = 1000.0;
constexpr int kRunTimeoutMs = 60000;
const QString kReadyPrefix = QStringLiteral("medora-startup-probe: ready ");

void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("n/a");
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2);
}

QString ms(double value)
{
    return QString::number(value, 'f', 1);
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MB");
}

struct Run
{
    double wallMs = 0;   // spawn to the "ready" line, measured here
    double insideMs = 0; // main() to ready, measured by the client
    int rows = -1;
    qint64 patients = -1;
    QString marks;
};

struct Stats
{
    double median = 0;
    double p95 = 0;
    double min = 0;
    double max = 0;
};

Stats statsOf(std::vector<double> samples)
{
    Stats stats;
    if (samples.empty())
        return stats;
    std::sort(samples.begin(), samples.end());
    const auto quantile = [&samples](double q) {
        const size_t rank = size_t(std::ceil(q * double(samples.size())));
        return samples[std::min(samples.size() - 1, rank == 0 ? 0 : rank - 1)];
    };
    stats.median = quantile(0.5);
    stats.p95 = quantile(0.95);
    stats.min = samples.front();
    stats.max = samples.back();
    return stats;
}

class Launcher
{
public:
    Launcher(QString medora, QString home, QString query)
        : m_medora(std::move(medora)), m_home(std::move(home)), m_query(std::move(query))
    {}

    QString lastError() const { return m_error; }

    // One start of the client on `dataDir`, to its "ready" line and its exit.
    std::optional<Run> start(const QString &dataDir)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("HOME"), m_home);
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home + QStringLiteral("/.config"));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home + QStringLiteral("/.local/share"));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), m_home + QStringLiteral("/.cache"));
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home + QStringLiteral("/runtime"));
        environment.insert(QStringLiteral("MEDORA_STARTUP_PROBE"), m_query);
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setProgram(m_medora);
        process.setArguments(
            {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--language"), QStringLiteral("uz")});

        QElapsedTimer clock;
        clock.start();
        process.start();
        QByteArray output;
        std::optional<double> readyAt;
        QByteArray readyLine;
        while (!readyAt) {
            if (!process.waitForReadyRead(kRunTimeoutMs)) {
                m_error = QStringLiteral("no ready line (%1, exit %2): %3")
                              .arg(process.errorString())
                              .arg(process.exitCode())
                              .arg(QString::fromUtf8(process.readAllStandardError()).trimmed());
                process.kill();
                process.waitForFinished();
                return std::nullopt;
            }
            output += process.readAllStandardOutput();
            const qsizetype at = output.indexOf(kReadyPrefix.toUtf8());
            if (at >= 0 && output.indexOf('\n', at) > at) {
                readyAt = double(clock.nsecsElapsed()) / 1e6;
                readyLine = output.mid(at, output.indexOf('\n', at) - at);
            }
        }
        if (!process.waitForFinished(kRunTimeoutMs) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0) {
            m_error = QStringLiteral("the client did not exit cleanly (exit %1): %2")
                          .arg(process.exitCode())
                          .arg(QString::fromUtf8(process.readAllStandardError()).trimmed());
            process.kill();
            process.waitForFinished();
            return std::nullopt;
        }

        Run run;
        run.wallMs = *readyAt;
        const QString line = QString::fromUtf8(readyLine);
        static const QRegularExpression field(QStringLiteral("(\\w+)=(\\S+)"));
        for (auto it = field.globalMatch(line); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            const QString name = match.captured(1);
            if (name == QLatin1String("total_ms"))
                run.insideMs = match.captured(2).toDouble();
            else if (name == QLatin1String("rows"))
                run.rows = match.captured(2).toInt();
            else if (name == QLatin1String("patients"))
                run.patients = match.captured(2).toLongLong();
            else if (name == QLatin1String("marks"))
                run.marks = match.captured(2);
        }
        return run;
    }

private:
    QString m_medora;
    QString m_home;
    QString m_query;
    QString m_error;
};

// Everything the kernel caches of files: the binary, Qt's libraries and plugins, the store.
bool dropPageCache()
{
#ifdef Q_OS_LINUX
    ::sync();
    QFile control(QStringLiteral("/proc/sys/vm/drop_caches"));
    if (!control.open(QIODevice::WriteOnly))
        return false;
    return control.write("3\n") == 2 && control.flush();
#else
    return false;
#endif
}

struct Series
{
    QString label;
    QString dataDir;
    std::vector<Run> runs;
};

void printSeries(const Series &series)
{
    std::vector<double> wall;
    std::vector<double> inside;
    for (const Run &run : series.runs) {
        wall.push_back(run.wallMs);
        inside.push_back(run.insideMs);
    }
    const Stats w = statsOf(wall);
    const Stats i = statsOf(inside);
    say(QStringLiteral("    %1: %2 runs, spawn to usable window: median %3 ms, p95 %4 ms (min %5, max %6)")
            .arg(series.label)
            .arg(series.runs.size())
            .arg(ms(w.median), ms(w.p95), ms(w.min), ms(w.max)));
    say(QStringLiteral("      of which inside main() (client's own clock): median %1 ms, p95 %2 ms")
            .arg(ms(i.median), ms(i.p95)));
    if (!series.runs.empty()) {
        // The steps of the run closest to the median, to see where the time goes.
        const auto typical =
            std::min_element(series.runs.begin(), series.runs.end(), [&w](const Run &a, const Run &b) {
                return std::abs(a.wallMs - w.median) < std::abs(b.wallMs - w.median);
            });
        say(QStringLiteral("      steps of a typical run (ms since main()): %1; %2 rows found")
                .arg(typical->marks)
                .arg(typical->rows));
    }
}

Stats wallStats(const Series &series)
{
    std::vector<double> wall;
    for (const Run &run : series.runs)
        wall.push_back(run.wallMs);
    return statsOf(wall);
}

QString verdict(const Stats &stats)
{
    return stats.p95 <= kTargetMs && stats.median <= kTargetMs ? QStringLiteral("PASS")
                                                               : QStringLiteral("MISS");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Medora cold-start benchmark"));
    parser.addHelpOption();
    const QCommandLineOption patientsOption(QStringLiteral("patients"),
                                            QStringLiteral("Patients in the seeded store."),
                                            QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Timed starts per store with a warm page cache."),
                                        QStringLiteral("R"), QStringLiteral("7"));
    const QCommandLineOption coldRunsOption(
        QStringLiteral("cold-runs"),
        QStringLiteral("Timed starts per store after dropping the page cache (root only; 0: none)."),
        QStringLiteral("C"), QStringLiteral("5"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Work folder (default: a temporary one)."),
                                       QStringLiteral("D"));
    const QCommandLineOption keepOption(QStringLiteral("keep"), QStringLiteral("Keep the work folder."));
    const QCommandLineOption reuseOption(QStringLiteral("reuse"),
                                         QStringLiteral("Reuse a store seeded earlier in --dir."));
    const QCommandLineOption medoraOption(
        QStringLiteral("medora"), QStringLiteral("The client binary (default: app/medora of this build)."),
        QStringLiteral("PATH"));
    const QCommandLineOption queryOption(
        QStringLiteral("query"),
        QStringLiteral("The search typed once the window is up (default: a surname prefix from the seed)."),
        QStringLiteral("TEXT"));
    parser.addOptions({patientsOption, runsOption, coldRunsOption, dirOption, keepOption, reuseOption,
                       medoraOption, queryOption});
    parser.process(app);

    const int patientCount = parser.value(patientsOption).toInt();
    const int runs = parser.value(runsOption).toInt();
    const int coldRuns = parser.value(coldRunsOption).toInt();
    if (patientCount <= 0 || runs <= 0 || coldRuns < 0) {
        say(QStringLiteral("--patients and --runs must be positive, --cold-runs not negative"));
        return 2;
    }
    const QString medora =
        parser.isSet(medoraOption)
            ? parser.value(medoraOption)
            : QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../../app/medora"));
    if (!QFileInfo(medora).isExecutable()) {
        say(QStringLiteral("the client %1 is not there: build the medora target or pass --medora")
                .arg(medora));
        return 2;
    }

    QTemporaryDir temporary;
    QString dir = parser.value(dirOption);
    if (dir.isEmpty()) {
        if (!temporary.isValid()) {
            say(QStringLiteral("cannot create a temporary folder"));
            return 2;
        }
        dir = temporary.path();
    }
    temporary.setAutoRemove(!parser.isSet(keepOption));
    const QString bigStore = QDir(dir).filePath(QStringLiteral("store-%1").arg(patientCount));
    const QString emptyStore = QDir(dir).filePath(QStringLiteral("store-empty"));
    const QString home = QDir(dir).filePath(QStringLiteral("home"));
    for (const QString &folder : {home, home + QStringLiteral("/runtime"), emptyStore}) {
        if (!QDir().mkpath(folder)) {
            say(QStringLiteral("cannot create %1").arg(folder));
            return 2;
        }
    }
    QFile::setPermissions(home + QStringLiteral("/runtime"),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    say(QStringLiteral("Medora cold-start benchmark (target: usable window <= %1 ms)").arg(kTargetMs));
    say(QStringLiteral("load average at start: %1 (%2 cores); client %3")
            .arg(loadAverage())
            .arg(QThread::idealThreadCount())
            .arg(QFileInfo(medora).canonicalFilePath()));

    // [1] Seed.
    QString query = parser.value(queryOption);
    {
        RegistryGenerator generator;
        const bool reuse = parser.isSet(reuseOption) &&
                           QFileInfo::exists(QDir(bigStore).filePath(QStringLiteral("medora.db")));
        QElapsedTimer timer;
        timer.start();
        std::vector<Patient> patients = generator.generate(reuse ? 1000 : patientCount);
        if (query.isEmpty()) {
            // A surname prefix as a receptionist types it: one patient's, from the seed.
            query = patients[std::min<size_t>(500, patients.size() - 1)].lastName.left(5);
        }
        if (reuse) {
            say(QStringLiteral("[1] seed: reusing %1").arg(bigStore));
        } else {
            if (QFileInfo::exists(QDir(bigStore).filePath(QStringLiteral("medora.db")))) {
                say(QStringLiteral("%1 already holds a store: pass --reuse, or another --dir").arg(bigStore));
                return 2;
            }
            PatientRegistry registry;
            if (!registry.open(bigStore) || !registry.importPatients(patients)) {
                say(QStringLiteral("seeding failed: %1").arg(registry.lastError().message));
                return 1;
            }
            registry.close();
            say(QStringLiteral("[1] seed: %1 patients imported in %2 s")
                    .arg(patientCount)
                    .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
        }
    }
    qint64 storeBytes = 0;
    for (const QFileInfo &file : QDir(bigStore).entryInfoList(QDir::Files))
        storeBytes += file.size();
    say(QStringLiteral("    store %1: %2 on disk; search typed once the window is up: \"%3\"")
            .arg(bigStore, megabytes(storeBytes), query));

    Launcher launcher(medora, home, query);
    Series empty{QStringLiteral("empty store (baseline)"), emptyStore, {}};
    Series big{QStringLiteral("%L1 patients").arg(patientCount), bigStore, {}};

    // [2] First starts, untimed: the empty store is created, the page cache filled.
    for (Series *series : {&empty, &big}) {
        const std::optional<Run> first = launcher.start(series->dataDir);
        if (!first) {
            say(QStringLiteral("the client failed on %1: %2").arg(series->dataDir, launcher.lastError()));
            return 1;
        }
        say(QStringLiteral("[2] first start, %1: %2 ms (untimed; %3 patients, %4 rows found)")
                .arg(series->label, ms(first->wallMs))
                .arg(first->patients)
                .arg(first->rows));
    }

    const auto measure = [&](bool dropCaches, int count, Series &emptySeries, Series &bigSeries) {
        for (int i = 0; i < count; ++i) {
            // Interleaved, so that a busy moment on a shared machine hits both alike.
            for (Series *series : {&emptySeries, &bigSeries}) {
                if (dropCaches && !dropPageCache())
                    return false;
                const std::optional<Run> run = launcher.start(series->dataDir);
                if (!run) {
                    say(QStringLiteral("the client failed on %1: %2")
                            .arg(series->dataDir, launcher.lastError()));
                    return false;
                }
                const qint64 expected = series == &bigSeries ? patientCount : 0;
                if (run->patients != expected || (expected > 0 && run->rows <= 0)) {
                    say(QStringLiteral("the client saw %1 patients and found %2 rows; expected %3 patients")
                            .arg(run->patients)
                            .arg(run->rows)
                            .arg(expected));
                    return false;
                }
                series->runs.push_back(*run);
            }
        }
        return true;
    };

    // [3] Warm page cache.
    say(QStringLiteral("[3] files in the page cache (the PC ran Medora earlier today)"));
    if (!measure(false, runs, empty, big))
        return 1;
    printSeries(empty);
    printSeries(big);
    const Stats warm = wallStats(big);
    say(QStringLiteral("    %1 patients, warm page cache: median %2 ms, p95 %3 ms, target <= %4 ms: %5")
            .arg(patientCount)
            .arg(ms(warm.median), ms(warm.p95))
            .arg(kTargetMs)
            .arg(verdict(warm)));

    // [4] Dropped page cache.
    say(QStringLiteral("[4] page cache dropped before every start (echo 3 > /proc/sys/vm/drop_caches)"));
    bool allPass = verdict(warm) == QLatin1String("PASS");
    if (coldRuns == 0) {
        say(QStringLiteral("    skipped (--cold-runs 0)"));
    } else if (!dropPageCache()) {
        say(QStringLiteral("    skipped: the page cache cannot be dropped here (needs root)"));
    } else {
        Series coldEmpty{empty.label, emptyStore, {}};
        Series coldBig{big.label, bigStore, {}};
        if (!measure(true, coldRuns, coldEmpty, coldBig))
            return 1;
        printSeries(coldEmpty);
        printSeries(coldBig);
        const Stats cold = wallStats(coldBig);
        allPass = allPass && verdict(cold) == QLatin1String("PASS");
        say(QStringLiteral(
                "    %1 patients, dropped page cache: median %2 ms, p95 %3 ms, target <= %4 ms: %5")
                .arg(patientCount)
                .arg(ms(cold.median), ms(cold.p95))
                .arg(kTargetMs)
                .arg(verdict(cold)));
    }
    say(QStringLiteral("load average at end: %1").arg(loadAverage()));
    say(QStringLiteral("result: %1")
            .arg(allPass ? QStringLiteral("target met") : QStringLiteral("target missed")));
    return 0;
}
