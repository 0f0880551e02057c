#include "sync/SyncStatusIndicator.h"

#include "auth/ApiErrorText.h"
#include "sync/SyncBadgeIconEngine.h"

#include <QEvent>
#include <QLocale>
#include <QStyle>

#include <algorithm>
#include <climits>

namespace medora {

namespace {

constexpr int kCountdownRefreshMs = 1000;

int clampedCount(qint64 count)
{
    return int(std::min<qint64>(count, INT_MAX));
}

QString separator()
{
    return QStringLiteral(" · ");
}

} // namespace

SyncStatusIndicator::SyncStatusIndicator(QWidget *parent) : QToolButton(parent)
{
    setObjectName(QStringLiteral("syncStatusIndicator"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setAutoRaise(true);
    setFocusPolicy(Qt::TabFocus);
    setCursor(Qt::PointingHandCursor);
    const int iconSide = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    setIconSize(QSize(iconSide, iconSide));
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncStatusIndicator::refresh);
    connect(this, &QToolButton::clicked, this, &SyncStatusIndicator::detailsRequested);
    refresh();
}

void SyncStatusIndicator::setStatus(const SyncStatus &status)
{
    m_status = status;
    refresh();
}

void SyncStatusIndicator::setClock(Clock clock)
{
    m_clock = std::move(clock);
    refresh();
}

void SyncStatusIndicator::setRefreshIntervalMs(int ms)
{
    m_refreshMs = std::max(1, ms);
    refresh();
}

int SyncStatusIndicator::msUntilNextRefresh() const
{
    return m_timer.isActive() ? m_timer.interval() : -1;
}

QDateTime SyncStatusIndicator::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

QString SyncStatusIndicator::ageText(qint64 seconds)
{
    if (seconds < 60)
        return tr("less than a minute");
    if (seconds < 60 * 60)
        return tr("%n min", nullptr, int(seconds / 60));
    if (seconds < 24 * 60 * 60)
        return tr("%n h", nullptr, int(seconds / (60 * 60)));
    return tr("%Ln day(s)", nullptr, clampedCount(seconds / (24 * 60 * 60)));
}

QString SyncStatusIndicator::localTimeText(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

void SyncStatusIndicator::refresh()
{
    const QDateTime current = now();
    m_green = m_status.isGreen(current);
    m_tone = toneFor(m_green);
    const QString summary = summaryFor(current);
    m_details = detailsFor(current);

    using Glyph = SyncBadgeIconEngine::Glyph;
    QColor color;
    Glyph glyph = Glyph::Dash;
    switch (m_tone) {
    case Tone::Green:
        color = QColor(0x2E, 0x7D, 0x32);
        glyph = Glyph::Check;
        break;
    case Tone::Waiting:
        color = QColor(0xB2, 0x6A, 0x00);
        glyph = (m_status.activity == SyncStatus::Activity::Pushing ||
                 m_status.activity == SyncStatus::Activity::Pulling)
                    ? Glyph::ArrowUp
                    : Glyph::Clock;
        break;
    case Tone::Problem:
        color = QColor(0xC6, 0x28, 0x28);
        glyph = m_status.conflicts > 0 ? Glyph::Question : Glyph::Exclamation;
        break;
    case Tone::Inactive:
        color = QColor(0x75, 0x75, 0x75);
        glyph = Glyph::Dash;
        break;
    }
    setIcon(QIcon(new SyncBadgeIconEngine(color, glyph)));
    setText(summary);
    setToolTip(m_details + QLatin1Char('\n') + tr("Click for details."));
    setAccessibleName(tr("Sync status: %1").arg(summary));
    setAccessibleDescription(m_details);
    scheduleRefresh(current);
}

SyncStatusIndicator::Tone SyncStatusIndicator::toneFor(bool green) const
{
    if (green)
        return Tone::Green;
    if (m_status.errors > 0 || m_status.conflicts > 0)
        return Tone::Problem;
    const bool waiting = m_status.pendingOps > 0 || m_status.pendingRows > 0;
    if (!waiting && (m_status.activity == SyncStatus::Activity::Offline ||
                     m_status.activity == SyncStatus::Activity::Paused))
        return Tone::Inactive;
    return Tone::Waiting;
}

QString SyncStatusIndicator::summaryFor(const QDateTime &now) const
{
    QStringList parts;
    if (m_green) {
        parts << tr("All changes synced");
    } else {
        if (m_status.conflicts > 0)
            parts << tr("%Ln conflict(s) need a decision", nullptr, m_status.conflicts);
        if (m_status.errors > 0)
            parts << tr("Sync errors: %Ln", nullptr, m_status.errors);
        const qint64 waiting = std::max<qint64>(m_status.pendingOps, m_status.pendingRows);
        if (waiting > 0) {
            if (m_status.oldestPendingAt.isValid())
                parts << tr("%Ln change(s) waiting for %1", nullptr, clampedCount(waiting))
                             .arg(ageText(std::max<qint64>(0, m_status.oldestPendingAt.secsTo(now))));
            else
                parts << tr("%Ln change(s) waiting", nullptr, clampedCount(waiting));
        }
        if (parts.isEmpty()) {
            // Nothing waits here, but what the server has may not have arrived: say how old it is.
            if (m_status.lastPullSucceededAt.isValid())
                parts << tr("Last synced %1 ago")
                             .arg(ageText(std::max<qint64>(0, m_status.lastPullSucceededAt.secsTo(now))));
            else
                parts << tr("Not synced yet");
        }
    }

    switch (m_status.activity) {
    case SyncStatus::Activity::Idle:
        break;
    case SyncStatus::Activity::Pushing:
    case SyncStatus::Activity::Pulling:
        parts << tr("Syncing…");
        break;
    case SyncStatus::Activity::WaitingToRetry:
        if (m_status.nextAttemptAt.isValid() && now < m_status.nextAttemptAt)
            parts << tr("Retrying in %1")
                         .arg(ApiErrorText::waitTime(int(
                             std::min<qint64>(INT_MAX, (now.msecsTo(m_status.nextAttemptAt) + 999) / 1000))));
        else
            parts << tr("Retrying…");
        break;
    case SyncStatus::Activity::Offline:
        parts << tr("Offline");
        break;
    case SyncStatus::Activity::Paused:
        parts << tr("Sync paused");
        break;
    }
    return parts.join(separator());
}

QString SyncStatusIndicator::detailsFor(const QDateTime &now) const
{
    QStringList lines;
    if (m_status.lastPullSucceededAt.isValid())
        lines << tr("Last successful pull from the server: %1 (%2 ago)")
                     .arg(localTimeText(m_status.lastPullSucceededAt),
                          ageText(std::max<qint64>(0, m_status.lastPullSucceededAt.secsTo(now))));
    else
        lines << tr("No successful pull from the server yet.");
    const qint64 waiting = std::max<qint64>(m_status.pendingOps, m_status.pendingRows);
    if (waiting > 0) {
        if (m_status.oldestPendingAt.isValid())
            lines << tr("Changes waiting to be sent: %L1, the oldest since %2")
                         .arg(waiting)
                         .arg(localTimeText(m_status.oldestPendingAt));
        else
            lines << tr("Changes waiting to be sent: %L1").arg(waiting);
    } else {
        lines << tr("No change is waiting to be sent.");
    }
    if (m_status.errors > 0)
        lines << tr("Changes the server refused: %L1 (kept on this PC; see Sync › Sync errors)")
                     .arg(m_status.errors);
    if (m_status.conflicts > 0)
        lines << tr("Conflicts waiting for a decision: %L1 (see Sync › Conflicts)").arg(m_status.conflicts);
    if (m_status.activity == SyncStatus::Activity::WaitingToRetry && m_status.nextAttemptAt.isValid())
        lines << tr("Next attempt: %1").arg(localTimeText(m_status.nextAttemptAt));
    if (!m_status.lastFailure.isEmpty())
        lines << tr("Last failure: %1").arg(m_status.lastFailure);
    lines << tr("Green means every change is on the server and the last pull is less than %n minute(s) "
                "old.",
                nullptr, SyncStatus::kFreshPullSeconds / 60);
    return lines.join(QLatin1Char('\n'));
}

void SyncStatusIndicator::scheduleRefresh(const QDateTime &now)
{
    qint64 delay = m_refreshMs;
    if (m_status.activity == SyncStatus::Activity::WaitingToRetry && m_status.nextAttemptAt.isValid() &&
        now < m_status.nextAttemptAt)
        delay = std::min<qint64>(delay, kCountdownRefreshMs);
    if (m_green) {
        // isGreen() compares whole seconds: it turns false one second past the limit.
        const qint64 untilStale =
            now.msecsTo(m_status.lastPullSucceededAt.addSecs(SyncStatus::kFreshPullSeconds + 1));
        if (untilStale > 0)
            delay = std::min(delay, untilStale);
    }
    m_timer.start(int(std::max<qint64>(1, delay)));
}

void SyncStatusIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    else if (event->type() == QEvent::StyleChange) {
        const int iconSide = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
        setIconSize(QSize(iconSide, iconSide));
    }
    QToolButton::changeEvent(event);
}

} // namespace medora
