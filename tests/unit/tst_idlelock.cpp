#include "session/IdleLock.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

using namespace medora;

class TestIdleLock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void idleTimeComesFromTheSettings();
    void locksAfterTheIdleTimeWhenArmed();
    void activityRestartsTheIdleTime();
    void disarmedOrOffNeverLocksByItself();
    void lockAndUnlockOnRequest();
    void inputWhileLockedDoesNotUnlock();
};

void TestIdleLock::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_idlelock"));
}

void TestIdleLock::init()
{
    QSettings().clear();
}

void TestIdleLock::idleTimeComesFromTheSettings()
{
    QCOMPARE(IdleLock::configuredMinutes(), 10);
    QCOMPARE(IdleLock().timeoutMs(), qint64(10 * 60 * 1000));

    QSettings settings;
    settings.setValue(IdleLock::settingsKey(), 3);
    QCOMPARE(IdleLock::configuredMinutes(), 3);
    QCOMPARE(IdleLock().timeoutMs(), qint64(3 * 60 * 1000));
    settings.setValue(IdleLock::settingsKey(), 0);
    QCOMPARE(IdleLock::configuredMinutes(), 0);
    settings.setValue(IdleLock::settingsKey(), QStringLiteral("soon"));
    QCOMPARE(IdleLock::configuredMinutes(), IdleLock::kDefaultMinutes);
    settings.setValue(IdleLock::settingsKey(), -5);
    QCOMPARE(IdleLock::configuredMinutes(), 0);
    settings.setValue(IdleLock::settingsKey(), 100000);
    QCOMPARE(IdleLock::configuredMinutes(), IdleLock::kMaxMinutes);
}

void TestIdleLock::locksAfterTheIdleTimeWhenArmed()
{
    IdleLock lock;
    lock.setTimeoutMs(150);
    QSignalSpy changed(&lock, &IdleLock::lockedChanged);
    QElapsedTimer clock;
    clock.start();
    lock.setArmed(true);
    QVERIFY(changed.wait(5000));
    QVERIFY2(clock.elapsed() >= 150, "locked before the idle time was over");
    QVERIFY(lock.isLocked());
    QCOMPARE(changed.value(0).value(0).toBool(), true);
    QCOMPARE(lock.idleMs(), qint64(0));
}

void TestIdleLock::activityRestartsTheIdleTime()
{
    IdleLock lock;
    lock.setTimeoutMs(60 * 1000);
    lock.setArmed(true);
    QTRY_VERIFY(lock.idleMs() >= 40);
    lock.userActivity();
    QVERIFY(lock.idleMs() < 40);

    // The timer waits out what is left after the last input, not a fresh period per event.
    lock.setTimeoutMs(1000);
    QSignalSpy changed(&lock, &IdleLock::lockedChanged);
    QElapsedTimer sinceInput;
    for (int i = 0; i < 4; ++i) {
        QTRY_VERIFY(lock.idleMs() >= 100);
        QVERIFY(!lock.isLocked());
        lock.userActivity();
        sinceInput.start();
    }
    QVERIFY(changed.wait(5000));
    QVERIFY(sinceInput.elapsed() >= 1000);
}

void TestIdleLock::disarmedOrOffNeverLocksByItself()
{
    IdleLock lock;
    lock.setTimeoutMs(30);
    QSignalSpy changed(&lock, &IdleLock::lockedChanged);
    QTest::qWait(150); // no signal can say that nothing happened
    QCOMPARE(changed.count(), 0);
    QCOMPARE(lock.idleMs(), qint64(0));

    lock.setTimeoutMs(0);
    lock.setArmed(true);
    QTest::qWait(150);
    QCOMPARE(changed.count(), 0);

    // Disarming stops the count; arming again starts a fresh period.
    lock.setTimeoutMs(200);
    lock.setArmed(false);
    lock.setArmed(true);
    QVERIFY(lock.idleMs() < 200);
    QVERIFY(changed.wait(5000));
}

void TestIdleLock::lockAndUnlockOnRequest()
{
    IdleLock lock;
    lock.setTimeoutMs(0);
    QSignalSpy changed(&lock, &IdleLock::lockedChanged);
    lock.lock();
    lock.lock();
    QVERIFY(lock.isLocked());
    QCOMPARE(changed.count(), 1);
    lock.unlock();
    lock.unlock();
    QVERIFY(!lock.isLocked());
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.value(1).value(0).toBool(), false);
}

void TestIdleLock::inputWhileLockedDoesNotUnlock()
{
    IdleLock lock;
    lock.setTimeoutMs(100);
    lock.setArmed(true);
    lock.lock();
    lock.userActivity();
    QVERIFY(lock.isLocked());

    // After unlocking the idle time starts over.
    QSignalSpy changed(&lock, &IdleLock::lockedChanged);
    lock.unlock();
    QVERIFY(lock.idleMs() < 100);
    QVERIFY(changed.wait(5000));
    QCOMPARE(changed.count(), 2);
    QVERIFY(lock.isLocked());
}

QTEST_GUILESS_MAIN(TestIdleLock)
#include "tst_idlelock.moc"
