#include "domain/UuidV7.h"

#include <QSet>
#include <QTest>

using medora::UuidV7;

class TestUuidV7 : public QObject
{
    Q_OBJECT

private slots:
    void layout();
    void timestampRoundTrip_data();
    void timestampRoundTrip();
    void generateUsesTheClock();
    void generatedIdsSortInCreationOrder();
    void idsAreUnique();
    void otherVersionsAreNotV7();
};

namespace {

QByteArray bytesOf(const QUuid &uuid)
{
    return uuid.toRfc4122();
}

} // namespace

void TestUuidV7::layout()
{
    const qint64 ms = 0x0123456789ABLL;
    const QUuid uuid = UuidV7::generateAt(ms);
    const QByteArray bytes = bytesOf(uuid);
    QCOMPARE(bytes.size(), 16);
    QCOMPARE(bytes.left(6), QByteArray::fromHex("0123456789ab"));
    QCOMPARE(static_cast<unsigned char>(bytes[6]) >> 4, 7); // version
    QCOMPARE(static_cast<unsigned char>(bytes[8]) >> 6, 2); // variant 10
    QCOMPARE(uuid.variant(), QUuid::DCE);
    QVERIFY(uuid.toString(QUuid::WithoutBraces).startsWith(QLatin1String("01234567-89ab-7")));
    QVERIFY(UuidV7::isV7(uuid));
}

void TestUuidV7::timestampRoundTrip_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::newRow("epoch") << qint64(0);
    QTest::newRow("2024")
        << QDateTime(QDate(2024, 6, 11), QTime(9, 30, 15, 123), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("largest 48-bit") << (qint64(1) << 48) - 1;
}

void TestUuidV7::timestampRoundTrip()
{
    QFETCH(qint64, ms);
    const QDateTime time = UuidV7::timestamp(UuidV7::generateAt(ms));
    QVERIFY(time.isValid());
    QCOMPARE(time.toMSecsSinceEpoch(), ms);
    QCOMPARE(time.timeSpec(), Qt::UTC);
}

void TestUuidV7::generateUsesTheClock()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const QUuid uuid = UuidV7::generate();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(UuidV7::isV7(uuid));
    const qint64 stamped = UuidV7::timestamp(uuid).toMSecsSinceEpoch();
    // The counter may borrow at most a few milliseconds when many ids share one.
    QVERIFY2(stamped >= before && stamped <= after + 5, qPrintable(QString::number(stamped - before)));
}

void TestUuidV7::generatedIdsSortInCreationOrder()
{
    // 20000 ids are made in far fewer milliseconds, so many share a timestamp; each one must
    // still sort after the one before, both as bytes, as QUuid and as text.
    constexpr int count = 20000;
    QUuid previous = UuidV7::generate();
    int sameMillisecond = 0;
    for (int i = 0; i < count; ++i) {
        const QUuid next = UuidV7::generate();
        QVERIFY2(bytesOf(previous) < bytesOf(next), qPrintable(previous.toString() + " " + next.toString()));
        QVERIFY(previous < next);
        QVERIFY(previous.toString() < next.toString());
        if (UuidV7::timestamp(previous) == UuidV7::timestamp(next))
            ++sameMillisecond;
        previous = next;
    }
    QVERIFY2(sameMillisecond > 0, "the test never produced two ids in the same millisecond");
}

void TestUuidV7::idsAreUnique()
{
    QSet<QUuid> seen;
    for (int i = 0; i < 5000; ++i) {
        seen.insert(UuidV7::generate());
        seen.insert(UuidV7::generateAt(1000));
    }
    QCOMPARE(seen.size(), 10000);
}

void TestUuidV7::otherVersionsAreNotV7()
{
    const QUuid v4 = QUuid::createUuid();
    QVERIFY(!UuidV7::isV7(v4));
    QVERIFY(!UuidV7::timestamp(v4).isValid());
    QVERIFY(!UuidV7::isV7(QUuid()));
    QVERIFY(!UuidV7::timestamp(QUuid()).isValid());
    // Version 7 but the wrong variant bits.
    QByteArray bytes = bytesOf(UuidV7::generateAt(1000));
    bytes[8] = char(static_cast<unsigned char>(bytes[8]) & 0x3F);
    QVERIFY(!UuidV7::isV7(QUuid::fromRfc4122(bytes)));
}

QTEST_GUILESS_MAIN(TestUuidV7)
#include "tst_uuidv7.moc"
