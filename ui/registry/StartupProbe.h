#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace medora {

class MainWindow;

// Measures the client's start-up to a usable window, for tests/bench/bench_coldstart. Off
// unless the environment variable MEDORA_STARTUP_PROBE holds a search text (an environment
// variable, not a command line option: it is for benchmarks, not for users, and adds no text
// to translate).
//
// Once the main window has painted its patient list, the probe puts the search text into the
// search field (as a paste would), waits until the answer has been painted, prints one line
// to standard output and quits the application:
//   medora-startup-probe: ready total_ms=412.5 rows=37 patients=1000000 marks=app:…,registry:…
// Times are milliseconds since main() began; marks are the steps main() reported on the way.
class StartupProbe : public QObject
{
    Q_OBJECT

public:
    static QString environmentVariable() { return QStringLiteral("MEDORA_STARTUP_PROBE"); }
    static bool isRequested();

    // `sinceStart` was started as main() began.
    explicit StartupProbe(const QElapsedTimer &sinceStart, QObject *parent = nullptr);

    // Notes a step of the start-up ("registry opened") with the time since main() began.
    void mark(const QString &step);
    // Watches `window` from now on; call before it is shown.
    void watch(MainWindow &window, qint64 patientCount);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Stage
    {
        WaitingForWindow,
        WaitingForAnswer,
        Done,
    };
    void searchNow();
    void report();
    double elapsedMs() const;

    QElapsedTimer m_sinceStart;
    QString m_query;
    QStringList m_marks;
    QPointer<MainWindow> m_window;
    qint64 m_patientCount = 0;
    Stage m_stage = Stage::WaitingForWindow;
};

} // namespace medora
