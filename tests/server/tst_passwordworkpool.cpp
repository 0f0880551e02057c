#include "api/PasswordWorkPool.h"

#include <QJsonDocument>
#include <QSemaphore>
#include <QtTest>

using namespace medora::server;

class TestPasswordWorkPool : public QObject
{
    Q_OBJECT

private slots:
    void fullQueueAnswersBusyAtOnce()
    {
        PasswordWorkPool pool(1, 3);
        QSemaphore release;
        QSemaphore started;
        QList<QFuture<HttpResponse>> accepted;
        for (int i = 0; i < 4; ++i) {
            const HttpReply reply = pool.submit([&release, &started, i]() {
                started.release();
                release.acquire();
                return HttpResponse::text(200, QByteArray::number(i));
            });
            QVERIFY(reply.isDeferred());
            accepted.append(reply.future());
        }
        QVERIFY(started.tryAcquire(1, 10000)); // one runs, three wait
        QCOMPARE(pool.inFlight(), 4);

        const HttpReply refused = pool.submit([]() { return HttpResponse::text(200, "never"); });
        QVERIFY(!refused.isDeferred());
        QCOMPARE(refused.response().status, 503);
        QCOMPARE(QJsonDocument::fromJson(refused.response().body)
                     .object()
                     .value("error")
                     .toObject()
                     .value("code")
                     .toString(),
                 QStringLiteral("busy"));
        bool hasRetryAfter = false;
        for (const auto &header : refused.response().headers)
            hasRetryAfter = hasRetryAfter || (header.first == "Retry-After" && header.second == "1");
        QVERIFY(hasRetryAfter);

        release.release(4);
        for (int i = 0; i < accepted.size(); ++i) {
            accepted[i].waitForFinished();
            QCOMPARE(accepted[i].result().body, QByteArray::number(i)); // one thread: in order
        }
        pool.waitForDone();
        QCOMPARE(pool.inFlight(), 0);

        const HttpReply again = pool.submit([]() { return HttpResponse::text(200, "again"); });
        QVERIFY(again.isDeferred());
        QFuture<HttpResponse> future = again.future();
        future.waitForFinished();
        QCOMPARE(future.result().body, QByteArray("again"));
    }
};

QTEST_GUILESS_MAIN(TestPasswordWorkPool)
#include "tst_passwordworkpool.moc"
