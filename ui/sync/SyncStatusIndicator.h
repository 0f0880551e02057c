#pragma once

#include "sync/SyncStatus.h"

#include <QDateTime>
#include <QTimer>
#include <QToolButton>

#include <functional>

namespace medora {

// The sync status in the status bar, honest at every moment: green "All changes synced" only
// while SyncStatus::isGreen() holds for the current time, otherwise how many changes wait and
// for how long, errors, conflicts and whether sync is offline or waiting to retry. A timer
// renews the ages and turns the green off the moment the last pull grows too old, even when
// the engine says nothing new. Clicking asks for the details (detailsRequested()).
class SyncStatusIndicator : public QToolButton
{
    Q_OBJECT

public:
    enum class Tone
    {
        Green,    // everything is on the server and the last pull is fresh
        Waiting,  // changes wait, or the last pull is old
        Problem,  // errors or conflicts need a person
        Inactive, // offline or paused with nothing waiting
    };

    using Clock = std::function<QDateTime()>; // current time, UTC
    static constexpr int kDefaultRefreshMs = 15 * 1000;

    explicit SyncStatusIndicator(QWidget *parent = nullptr);

    void setStatus(const SyncStatus &status);
    const SyncStatus &status() const { return m_status; }

    // Tests replace the clock and shorten the refresh interval.
    void setClock(Clock clock);
    void setRefreshIntervalMs(int ms);
    int refreshIntervalMs() const { return m_refreshMs; }
    // Milliseconds until the text is next renewed (the timer's interval), -1 when idle.
    int msUntilNextRefresh() const;

    bool isShowingGreen() const { return m_green; }
    Tone tone() const { return m_tone; }
    QString summaryText() const { return text(); }
    // Several lines: last successful pull (local time), what waits since when, errors,
    // conflicts, the next attempt and the last failure. The tool tip shows it too.
    QString detailsText() const { return m_details; }

    // "less than a minute", "%n min", "%n h", "%n day(s)".
    static QString ageText(qint64 seconds);
    // A UTC time shown in this PC's time zone, in the UI language's short format.
    static QString localTimeText(const QDateTime &utc);

public slots:
    // Recomputes the text for the current time (the timer calls it too).
    void refresh();

signals:
    void detailsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    QDateTime now() const;
    QString summaryFor(const QDateTime &now) const;
    QString detailsFor(const QDateTime &now) const;
    Tone toneFor(bool green) const;
    void scheduleRefresh(const QDateTime &now);

    SyncStatus m_status;
    Clock m_clock;
    QTimer m_timer;
    int m_refreshMs = kDefaultRefreshMs;
    bool m_green = false;
    Tone m_tone = Tone::Inactive;
    QString m_details;
};

} // namespace medora
