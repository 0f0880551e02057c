#include "session/IdleLock.h"

#include <QSettings>

#include <algorithm>

namespace medora {

namespace {

// QTimer takes an int; a longer wait is split and the rest waited out on the next firing.
constexpr qint64 kMaxTimerMs = 24LL * 60 * 60 * 1000;

} // namespace

int IdleLock::configuredMinutes()
{
    bool ok = false;
    const int minutes = QSettings().value(settingsKey(), kDefaultMinutes).toInt(&ok);
    if (!ok)
        return kDefaultMinutes;
    return std::clamp(minutes, 0, kMaxMinutes);
}

IdleLock::IdleLock(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleLock::onTimeout);
    m_timeoutMs = qint64(configuredMinutes()) * 60 * 1000;
    m_sinceActivity.start();
}

IdleLock::~IdleLock() = default;

void IdleLock::setTimeoutMs(qint64 milliseconds)
{
    m_timeoutMs = std::max<qint64>(0, milliseconds);
    restartTimer();
}

void IdleLock::setArmed(bool armed)
{
    if (m_armed == armed)
        return;
    m_armed = armed;
    // Arming starts a fresh idle period: signing in is input too.
    m_sinceActivity.restart();
    restartTimer();
}

qint64 IdleLock::idleMs() const
{
    return m_armed && !m_locked ? m_sinceActivity.elapsed() : 0;
}

void IdleLock::userActivity()
{
    if (m_locked)
        return;
    m_sinceActivity.restart();
    if (m_armed && m_timeoutMs > 0 && !m_timer.isActive())
        restartTimer();
}

void IdleLock::lock()
{
    if (m_locked)
        return;
    m_locked = true;
    m_timer.stop();
    emit lockedChanged(true);
}

void IdleLock::unlock()
{
    if (!m_locked)
        return;
    m_locked = false;
    m_sinceActivity.restart();
    restartTimer();
    emit lockedChanged(false);
}

void IdleLock::restartTimer()
{
    if (!m_armed || m_locked || m_timeoutMs <= 0) {
        m_timer.stop();
        return;
    }
    const qint64 remaining = std::max<qint64>(0, m_timeoutMs - m_sinceActivity.elapsed());
    m_timer.start(static_cast<int>(std::min(remaining, kMaxTimerMs)));
}

void IdleLock::onTimeout()
{
    if (!m_armed || m_locked || m_timeoutMs <= 0)
        return;
    if (m_sinceActivity.elapsed() >= m_timeoutMs)
        lock();
    else
        restartTimer();
}

} // namespace medora
