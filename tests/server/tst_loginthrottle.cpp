#include "auth/LoginThrottle.h"

#include <QtTest>

using medora::server::LoginThrottle;

class TestLoginThrottle : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void firstFailuresAreFreeThenDelaysDouble();
    void delaysAreCappedAtFifteenMinutes();
    void otherAddressIsUnaffected();
    void successClearsThePair();
    void stateExpiresAfterAnHour();
    void accountCeilingAcrossAddressesIsShortAndCapped();
    void knownDeviceIsOutsideTheAccountCeiling();
    void ipv6AddressesCountByTheirSlash64();

private:
    void fail(int times, const QString &account, const QHostAddress &address);
    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }

    std::unique_ptr<LoginThrottle> m_throttle;
    QDateTime m_now;
    const QHostAddress m_clinic{QStringLiteral("192.0.2.10")};
    const QHostAddress m_attacker{QStringLiteral("203.0.113.66")};
};

void TestLoginThrottle::init()
{
    m_now = QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC);
    m_throttle = std::make_unique<LoginThrottle>();
    m_throttle->setClock([this] { return m_now; });
}

void TestLoginThrottle::fail(int times, const QString &account, const QHostAddress &address)
{
    for (int i = 0; i < times; ++i)
        m_throttle->recordFailure(account, address);
}

void TestLoginThrottle::firstFailuresAreFreeThenDelaysDouble()
{
    const QString account = QStringLiteral("aziza");
    fail(5, account, m_attacker);
    QCOMPARE(m_throttle->secondsToWait(account, m_attacker), 0);
    fail(1, account, m_attacker);
    QCOMPARE(m_throttle->secondsToWait(account, m_attacker), 1);
    fail(1, account, m_attacker);
    QCOMPARE(m_throttle->secondsToWait(account, m_attacker), 2);
    fail(1, account, m_attacker);
    QCOMPARE(m_throttle->secondsToWait(account, m_attacker), 4);
    advance(3);
    QCOMPARE(m_throttle->secondsToWait(account, m_attacker), 1);
    advance(1);
    QCOMPARE(m_throttle->secondsToWait(account, m_attacker), 0);
    fail(1, account, m_attacker);
    QCOMPARE(m_throttle->secondsToWait(account, m_attacker), 8);
}

void TestLoginThrottle::delaysAreCappedAtFifteenMinutes()
{
    const QString account = QStringLiteral("aziza");
    fail(20, account, m_attacker);
    QCOMPARE(m_throttle->secondsToWait(account, m_attacker), 15 * 60);
    fail(40, account, m_attacker);
    QVERIFY(m_throttle->secondsToWait(account, m_attacker) <= 15 * 60);
    advance(15 * 60);
    QCOMPARE(m_throttle->secondsToWait(account, m_attacker), 0);
}

void TestLoginThrottle::otherAddressIsUnaffected()
{
    const QString account = QStringLiteral("aziza");
    fail(30, account, m_attacker);
    QVERIFY(m_throttle->secondsToWait(account, m_attacker) > 0);
    QCOMPARE(m_throttle->secondsToWait(account, m_clinic), 0);
    QCOMPARE(m_throttle->secondsToWait(QStringLiteral("bobur"), m_attacker), 0);
}

void TestLoginThrottle::successClearsThePair()
{
    const QString account = QStringLiteral("aziza");
    fail(8, account, m_clinic);
    QCOMPARE(m_throttle->secondsToWait(account, m_clinic), 4);
    m_throttle->recordSuccess(account, m_clinic);
    QCOMPARE(m_throttle->secondsToWait(account, m_clinic), 0);
    // Counting starts again: five free failures.
    fail(5, account, m_clinic);
    QCOMPARE(m_throttle->secondsToWait(account, m_clinic), 0);
}

void TestLoginThrottle::stateExpiresAfterAnHour()
{
    const QString account = QStringLiteral("aziza");
    fail(12, account, m_attacker);
    QVERIFY(m_throttle->secondsToWait(account, m_attacker) > 0);
    advance(3600);
    QCOMPARE(m_throttle->secondsToWait(account, m_attacker), 0);
    // Forgotten: the next failure is free again.
    fail(1, account, m_attacker);
    QCOMPARE(m_throttle->secondsToWait(account, m_attacker), 0);
}

void TestLoginThrottle::accountCeilingAcrossAddressesIsShortAndCapped()
{
    const QString account = QStringLiteral("aziza");
    // 50 addresses, one failure each: under the ceiling, nobody waits.
    for (int i = 1; i <= 50; ++i)
        m_throttle->recordFailure(account, QHostAddress(QStringLiteral("198.51.100.%1").arg(i)));
    QCOMPARE(m_throttle->secondsToWait(account, m_clinic), 0);
    m_throttle->recordFailure(account, QHostAddress(QStringLiteral("198.51.100.51")));
    QCOMPARE(m_throttle->secondsToWait(account, m_clinic), 1);
    m_throttle->recordFailure(account, QHostAddress(QStringLiteral("198.51.100.52")));
    QCOMPARE(m_throttle->secondsToWait(account, m_clinic), 2);
    for (int i = 53; i <= 120; ++i)
        m_throttle->recordFailure(account, QHostAddress(QStringLiteral("198.51.100.%1").arg(i)));
    QCOMPARE(m_throttle->secondsToWait(account, m_clinic), 60);
    // Never longer than a minute for the real user, and other accounts are untouched.
    advance(60);
    QCOMPARE(m_throttle->secondsToWait(account, m_clinic), 0);
    QCOMPARE(m_throttle->secondsToWait(QStringLiteral("bobur"), m_clinic), 0);
}

void TestLoginThrottle::knownDeviceIsOutsideTheAccountCeiling()
{
    const QString account = QStringLiteral("user:aziza");
    const QString device = LoginThrottle::knownDeviceSubject(QStringLiteral("reception-pc-01"));
    // Once a minute for two hours, each guess from another address.
    for (int minute = 1; minute <= 120; ++minute) {
        advance(60);
        m_throttle->recordFailure(account, QHostAddress(QStringLiteral("198.51.100.%1").arg(minute)));
        QCOMPARE(m_throttle->secondsToWaitFor(account, device), 0);
        // An unknown device is still under the per-account ceiling (the hour window restarts
        // at minute 61, so it is reached again by minute 120).
        if (minute == 60 || minute == 120)
            QVERIFY(m_throttle->secondsToWait(account, m_clinic) > 0);
    }
    // The known device's own mistakes still cost it, and a success clears them.
    for (int i = 0; i < 6; ++i)
        m_throttle->recordFailureFor(account, device);
    QCOMPARE(m_throttle->secondsToWaitFor(account, device), 1);
    QCOMPARE(
        m_throttle->secondsToWaitFor(account, LoginThrottle::knownDeviceSubject(QStringLiteral("other-pc"))),
        0);
    m_throttle->recordSuccessFor(account, device);
    QCOMPARE(m_throttle->secondsToWaitFor(account, device), 0);
}

void TestLoginThrottle::ipv6AddressesCountByTheirSlash64()
{
    const QString account = QStringLiteral("aziza");
    // Walking through one /64 does not earn fresh free failures.
    for (int i = 1; i <= 6; ++i)
        m_throttle->recordFailure(account, QHostAddress(QStringLiteral("2001:db8:1:2::%1").arg(i, 0, 16)));
    QCOMPARE(m_throttle->secondsToWait(account, QHostAddress(QStringLiteral("2001:db8:1:2:ffff::1"))), 1);
    QCOMPARE(m_throttle->secondsToWait(account, QHostAddress(QStringLiteral("2001:db8:1:3::1"))), 0);
    m_throttle->recordSuccess(account, QHostAddress(QStringLiteral("2001:db8:1:2::abcd")));
    QCOMPARE(m_throttle->secondsToWait(account, QHostAddress(QStringLiteral("2001:db8:1:2::1"))), 0);
}

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
