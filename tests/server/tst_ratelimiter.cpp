#include "auth/RateLimiter.h"

#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using medora::server::RateLimiter;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private slots:
    void burstThenRefillAtTheConfiguredRate();
    void retryAfterSaysWhenTheNextTokenArrives();
    void keysAreIndependent();
    void concurrentCallersNeverExceedTheBucket();
    void manyDistinctKeysKeepWorking();
};

void TestRateLimiter::burstThenRefillAtTheConfiguredRate()
{
    qint64 now = 1'000'000;
    RateLimiter limiter(60, 5);
    limiter.setClock([&now] { return now; });
    int retry = 0;
    for (int i = 0; i < 5; ++i)
        QVERIFY(limiter.tryAcquire(QStringLiteral("ip:192.0.2.1"), &retry));
    QVERIFY(!limiter.tryAcquire(QStringLiteral("ip:192.0.2.1"), &retry));
    QCOMPARE(retry, 1);
    now += 1000;
    QVERIFY(limiter.tryAcquire(QStringLiteral("ip:192.0.2.1"), &retry));
    QVERIFY(!limiter.tryAcquire(QStringLiteral("ip:192.0.2.1"), &retry));
    // A long pause refills only up to the burst.
    now += 3'600'000;
    for (int i = 0; i < 5; ++i)
        QVERIFY(limiter.tryAcquire(QStringLiteral("ip:192.0.2.1"), &retry));
    QVERIFY(!limiter.tryAcquire(QStringLiteral("ip:192.0.2.1"), &retry));
}

void TestRateLimiter::retryAfterSaysWhenTheNextTokenArrives()
{
    qint64 now = 0;
    RateLimiter limiter(6, 1); // one every 10 s
    limiter.setClock([&now] { return now; });
    int retry = 0;
    QVERIFY(limiter.tryAcquire(QStringLiteral("user:a"), &retry));
    QVERIFY(!limiter.tryAcquire(QStringLiteral("user:a"), &retry));
    QCOMPARE(retry, 10);
    now += 7500;
    QVERIFY(!limiter.tryAcquire(QStringLiteral("user:a"), &retry));
    QCOMPARE(retry, 3);
    now += 2500;
    QVERIFY(limiter.tryAcquire(QStringLiteral("user:a"), &retry));
}

void TestRateLimiter::keysAreIndependent()
{
    qint64 now = 0;
    RateLimiter limiter(60, 2);
    limiter.setClock([&now] { return now; });
    int retry = 0;
    QVERIFY(limiter.tryAcquire(QStringLiteral("ip:a"), &retry));
    QVERIFY(limiter.tryAcquire(QStringLiteral("ip:a"), &retry));
    QVERIFY(!limiter.tryAcquire(QStringLiteral("ip:a"), &retry));
    QVERIFY(limiter.tryAcquire(QStringLiteral("ip:b"), &retry));
    QVERIFY(limiter.tryAcquire(QStringLiteral("user:a"), &retry));
}

void TestRateLimiter::concurrentCallersNeverExceedTheBucket()
{
    RateLimiter limiter(60, 1000);
    limiter.setClock([] { return qint64(5000); }); // frozen: no refill during the test
    std::atomic<int> granted{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            int retry = 0;
            for (int i = 0; i < 1000; ++i) {
                if (limiter.tryAcquire(QStringLiteral("user:shared"), &retry))
                    ++granted;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(granted.load(), 1000);
}

void TestRateLimiter::manyDistinctKeysKeepWorking()
{
    qint64 now = 0;
    RateLimiter limiter(60, 3);
    limiter.setClock([&now] { return now; });
    int retry = 0;
    // A flood of distinct keys, far beyond the per-shard cap, each fully idle after a minute.
    for (int i = 0; i < 200000; ++i) {
        QVERIFY(limiter.tryAcquire(QStringLiteral("ip:flood-%1").arg(i), &retry));
        if (i % 20000 == 0)
            now += 60'000;
    }
    now += 60'000;
    // Limiting still works for a key used now.
    for (int i = 0; i < 3; ++i)
        QVERIFY(limiter.tryAcquire(QStringLiteral("ip:real"), &retry));
    QVERIFY(!limiter.tryAcquire(QStringLiteral("ip:real"), &retry));
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
