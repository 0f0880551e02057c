#include "registry/StartupProbe.h"

#include "registry/MainWindow.h"
#include "registry/PatientListModel.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>

#include <cstdio>

namespace medora {

bool StartupProbe::isRequested()
{
    return qEnvironmentVariableIsSet("MEDORA_STARTUP_PROBE");
}

StartupProbe::StartupProbe(const QElapsedTimer &sinceStart, QObject *parent)
    : QObject(parent), m_sinceStart(sinceStart), m_query(qEnvironmentVariable("MEDORA_STARTUP_PROBE"))
{}

double StartupProbe::elapsedMs() const
{
    return double(m_sinceStart.nsecsElapsed()) / 1e6;
}

void StartupProbe::mark(const QString &step)
{
    m_marks << step + QLatin1Char(':') + QString::number(elapsedMs(), 'f', 1);
}

void StartupProbe::watch(MainWindow &window, qint64 patientCount)
{
    m_window = &window;
    m_patientCount = patientCount;
    window.patientTable()->viewport()->installEventFilter(this);
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && m_window && watched == m_window->patientTable()->viewport()) {
        // The filter runs before the list paints: the next step is queued behind the painting.
        if (m_stage == Stage::WaitingForWindow) {
            m_stage = Stage::WaitingForAnswer;
            QTimer::singleShot(0, this, &StartupProbe::searchNow);
        } else if (m_stage == Stage::WaitingForAnswer &&
                   m_marks.last().startsWith(QLatin1String("searched:"))) {
            m_stage = Stage::Done;
            QTimer::singleShot(0, this, &StartupProbe::report);
        }
    }
    return QObject::eventFilter(watched, event);
}

void StartupProbe::searchNow()
{
    if (!m_window)
        return;
    mark(QStringLiteral("painted"));
    // The model answers synchronously; the list then repaints with the answer.
    m_window->searchField()->setText(m_query);
    mark(QStringLiteral("searched"));
    m_window->patientTable()->viewport()->update();
}

void StartupProbe::report()
{
    const double total = elapsedMs();
    const int rows = m_window ? m_window->model()->rowCount() : -1;
    const QString line =
        QStringLiteral("medora-startup-probe: ready total_ms=%1 rows=%2 patients=%3 marks=%4\n")
            .arg(QString::number(total, 'f', 1))
            .arg(rows)
            .arg(m_patientCount)
            .arg(m_marks.join(QLatin1Char(',')));
    std::fputs(line.toUtf8().constData(), stdout);
    std::fflush(stdout);
    QCoreApplication::quit();
}

} // namespace medora
