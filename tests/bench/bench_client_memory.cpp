// Client memory benchmark: opens a registry (e.g. 1,000,000 patients made by
// `bench_registry --patients 1000000 --dir D --keep`) in the real MainWindow, offscreen,
// and scrolls the whole list from top to bottom one page at a time, painting every page
// (which fetches its rows). Prints resident memory before and after, against the target,
// and the time of one page step, then the time of each key typed into the search box.
//
//   bench_client_memory --dir D [--width W] [--height H] [--max-pages P]

#include "i18n/LanguageManager.h"
#include "registry/MainWindow.h"
#include "registry/PatientListModel.h"
#include "registry/PatientRegistry.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace medora;

namespace {

constexpr double kResidentTargetMb = 150.0;

void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

// A line of /proc/self/status ("VmRSS", "VmHWM") in MB, or -1 where there is none.
double procStatusMb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

QString memoryLine(const QString &when)
{
    return QStringLiteral("%1: VmRSS %2 MB, VmHWM %3 MB")
        .arg(when, -34)
        .arg(procStatusMb("VmRSS"), 0, 'f', 1)
        .arg(procStatusMb("VmHWM"), 0, 'f', 1);
}

double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(fraction * double(values.size())));
    return values[at];
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_client_memory"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Medora client memory benchmark"));
    parser.addHelpOption();
    const QCommandLineOption dirOption(
        QStringLiteral("dir"), QStringLiteral("Data folder holding a registry."), QStringLiteral("D"));
    const QCommandLineOption widthOption(QStringLiteral("width"), QStringLiteral("Window width."),
                                         QStringLiteral("W"), QStringLiteral("1280"));
    const QCommandLineOption heightOption(QStringLiteral("height"), QStringLiteral("Window height."),
                                          QStringLiteral("H"), QStringLiteral("900"));
    const QCommandLineOption maxPagesOption(
        QStringLiteral("max-pages"), QStringLiteral("Stop after this many page steps (0: the whole list)."),
        QStringLiteral("P"), QStringLiteral("0"));
    parser.addOptions({dirOption, widthOption, heightOption, maxPagesOption});
    parser.process(app);

    const QString dir = parser.value(dirOption);
    if (dir.isEmpty() || !QFileInfo::exists(QDir(dir).filePath(QStringLiteral("medora.db")))) {
        say(QStringLiteral("--dir must name a folder holding a registry (make one with "
                           "bench_registry --patients 1000000 --dir D --keep)"));
        return 2;
    }
    const int maxPages = parser.value(maxPagesOption).toInt();

    say(QStringLiteral("Medora client memory benchmark"));
    const double baselineRss = procStatusMb("VmRSS");
    say(memoryLine(QStringLiteral("baseline (Qt loaded, no registry)")));

    LanguageManager languages;
    languages.setLanguage(QStringLiteral("uz"), false);
    PatientRegistry registry;
    QElapsedTimer timer;
    timer.start();
    if (!registry.open(dir)) {
        say(QStringLiteral("cannot open the registry: %1").arg(registry.lastError().message));
        return 1;
    }
    say(QStringLiteral("registry opened in %1 ms: %2 patients")
            .arg(double(timer.nsecsElapsed()) / 1e6, 0, 'f', 1)
            .arg(registry.patientCount()));
    say(memoryLine(QStringLiteral("registry open")));

    timer.restart();
    MainWindow window(registry, languages);
    window.resize(parser.value(widthOption).toInt(), parser.value(heightOption).toInt());
    window.show();
    QCoreApplication::processEvents();
    QTableView *table = window.patientTable();
    say(QStringLiteral("window shown in %1 ms: %2 rows listed, %3 rows per page")
            .arg(double(timer.nsecsElapsed()) / 1e6, 0, 'f', 1)
            .arg(window.model()->rowCount())
            .arg(table->verticalScrollBar()->pageStep()));
    say(memoryLine(QStringLiteral("window shown")));

    // Page Down through the whole list, painting each page as a user scrolling would see it.
    QScrollBar *scroll = table->verticalScrollBar();
    std::vector<double> stepMs;
    double peakDuringScroll = 0;
    QElapsedTimer total;
    total.start();
    while (scroll->value() < scroll->maximum() && (maxPages <= 0 || int(stepMs.size()) < maxPages)) {
        timer.restart();
        scroll->triggerAction(QAbstractSlider::SliderPageStepAdd);
        QCoreApplication::processEvents(); // paints the exposed page, which fetches its rows
        stepMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (stepMs.size() % 4096 == 0) {
            peakDuringScroll = std::max(peakDuringScroll, procStatusMb("VmRSS"));
            say(QStringLiteral("  ... %1 pages, row %2 of %3, VmRSS %4 MB")
                    .arg(stepMs.size())
                    .arg(table->rowAt(0))
                    .arg(window.model()->rowCount())
                    .arg(procStatusMb("VmRSS"), 0, 'f', 1));
        }
    }
    const double totalS = double(total.nsecsElapsed()) / 1e9;
    const bool reachedEnd = scroll->value() == scroll->maximum();
    say(QStringLiteral("scrolled %1 pages in %2 s%3; last row shown: %4")
            .arg(stepMs.size())
            .arg(totalS, 0, 'f', 1)
            .arg(reachedEnd ? QStringLiteral(" (top to bottom)")
                            : QStringLiteral(" (stopped by --max-pages)"))
            .arg(table->rowAt(table->viewport()->height() - 1)));
    say(QStringLiteral("page step: mean %1 ms, median %2 ms, p99 %3 ms, max %4 ms; pages cached %5 of %6")
            .arg(stepMs.empty() ? 0.0 : totalS * 1000.0 / double(stepMs.size()), 0, 'f', 3)
            .arg(percentile(stepMs, 0.5), 0, 'f', 3)
            .arg(percentile(stepMs, 0.99), 0, 'f', 3)
            .arg(percentile(stepMs, 1.0), 0, 'f', 3)
            .arg(window.model()->cachedPageCount())
            .arg(PatientListModel::kCachedPages));
    say(memoryLine(QStringLiteral("after scrolling")));

    // Search as you type at this size: each key runs the query, resets the list, updates the
    // status bar and repaints, all before the next key is read.
    QLineEdit *search = window.searchField();
    const QString typed = QStringLiteral("Karimov Aziz");
    std::vector<double> keyMs;
    for (int length = 1; length <= typed.size(); ++length) {
        timer.restart();
        search->setText(typed.left(length));
        QCoreApplication::processEvents();
        keyMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    // Baseline in the same run: the same queries straight to the registry, no window.
    std::vector<double> indexMs;
    for (int length = 1; length <= typed.size(); ++length) {
        timer.restart();
        const std::vector<qint64> found =
            registry.search(typed.left(length), PatientListModel::kSearchLimit + 1);
        indexMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        Q_UNUSED(found);
    }
    say(QStringLiteral(
            "typing \"%1\" key by key: median %2 ms, max %3 ms per key (the registry search alone: "
            "median %4 ms, max %5 ms); %6 rows found")
            .arg(typed)
            .arg(percentile(keyMs, 0.5), 0, 'f', 3)
            .arg(percentile(keyMs, 1.0), 0, 'f', 3)
            .arg(percentile(indexMs, 0.5), 0, 'f', 3)
            .arg(percentile(indexMs, 1.0), 0, 'f', 3)
            .arg(window.model()->rowCount()));
    timer.restart();
    search->clear();
    QCoreApplication::processEvents();
    say(QStringLiteral("clearing the search (all %1 patients listed again): %2 ms")
            .arg(window.model()->rowCount())
            .arg(double(timer.nsecsElapsed()) / 1e6, 0, 'f', 1));
    say(memoryLine(QStringLiteral("after searching")));

    const double rss = procStatusMb("VmRSS");
    const double hwm = procStatusMb("VmHWM");
    peakDuringScroll = std::max(peakDuringScroll, rss);
    const bool pass = hwm >= 0 && hwm <= kResidentTargetMb;
    say(QStringLiteral("client resident memory: VmRSS %1 MB, VmHWM %2 MB (%3 MB above the Qt baseline); "
                       "target VmHWM <= %4 MB: %5")
            .arg(rss, 0, 'f', 1)
            .arg(hwm, 0, 'f', 1)
            .arg(hwm - baselineRss, 0, 'f', 1)
            .arg(kResidentTargetMb, 0, 'f', 0)
            .arg(pass ? QStringLiteral("PASS") : QStringLiteral("FAIL")));
    registry.close();
    return pass ? 0 : 1;
}
