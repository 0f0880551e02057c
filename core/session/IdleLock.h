#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace medora {

// When a shared clinic PC locks its screen: after `timeout` without user input while it is
// armed (someone is signed in), or at once on request. Only the policy: the UI reports input
// through userActivity(), shows the lock screen on lockedChanged(true) and calls unlock() once
// the user has proved who they are. No Widgets.
// Input restarts a monotonic clock rather than the timer, so a flood of mouse moves costs
// nothing; the timer checks the clock when it fires and waits out the rest.
class IdleLock : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultMinutes = 10;
    static constexpr int kMaxMinutes = 24 * 60;

    // QSettings key of the idle time in minutes; 0 turns the idle lock off.
    static QString settingsKey() { return QStringLiteral("security/idleLockMinutes"); }
    // The saved idle time: kDefaultMinutes when absent or not a number, clamped to 0..kMaxMinutes.
    static int configuredMinutes();

    // Starts with configuredMinutes(), disarmed and unlocked.
    explicit IdleLock(QObject *parent = nullptr);
    ~IdleLock() override;

    // 0 turns the idle lock off (lock() still works).
    void setTimeoutMs(qint64 milliseconds);
    qint64 timeoutMs() const { return m_timeoutMs; }

    // Time counts only while armed; disarming never unlocks.
    void setArmed(bool armed);
    bool isArmed() const { return m_armed; }
    bool isLocked() const { return m_locked; }
    // Milliseconds of input silence so far (0 while locked or disarmed).
    qint64 idleMs() const;

public slots:
    // Any keyboard, mouse, wheel or touch input of the user.
    void userActivity();
    void lock();
    void unlock();

signals:
    void lockedChanged(bool locked);

private:
    void onTimeout();
    void restartTimer();

    QTimer m_timer;
    QElapsedTimer m_sinceActivity;
    qint64 m_timeoutMs = 0;
    bool m_armed = false;
    bool m_locked = false;
};

} // namespace medora
