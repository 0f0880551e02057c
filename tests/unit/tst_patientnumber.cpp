#include "domain/PatientNumber.h"

#include <QSet>
#include <QTest>

using medora::PatientNumber;

class TestPatientNumber : public QObject
{
    Q_OBJECT

private slots:
    void randomPrefixUsesTheAlphabet();
    void prefixValidity_data();
    void prefixValidity();
    void format_data();
    void format();
    void validity_data();
    void validity();
    void searchKey_data();
    void searchKey();
};

void TestPatientNumber::randomPrefixUsesTheAlphabet()
{
    const QString alphabet = QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZ");
    QSet<QChar> seen;
    QSet<QString> prefixes;
    for (int i = 0; i < 2000; ++i) {
        const QString prefix = PatientNumber::randomDevicePrefix();
        QCOMPARE(prefix.size(), 3);
        QVERIFY2(PatientNumber::isValidPrefix(prefix), qPrintable(prefix));
        for (const QChar c : prefix) {
            QVERIFY2(alphabet.contains(c), qPrintable(prefix));
            seen.insert(c);
        }
        prefixes.insert(prefix);
    }
    // 6000 draws from 24 letters: every letter shows up, and prefixes are not all the same.
    QCOMPARE(seen.size(), 24);
    QVERIFY(prefixes.size() > 1000);
}

void TestPatientNumber::prefixValidity_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<bool>("valid");

    QTest::newRow("KQX") << QStringLiteral("KQX") << true;
    QTest::newRow("ABZ") << QStringLiteral("ABZ") << true;
    QTest::newRow("contains I") << QStringLiteral("KIX") << false;
    QTest::newRow("contains O") << QStringLiteral("OQX") << false;
    QTest::newRow("lower case") << QStringLiteral("kqx") << false;
    QTest::newRow("two letters") << QStringLiteral("KQ") << false;
    QTest::newRow("four letters") << QStringLiteral("KQXA") << false;
    QTest::newRow("digit") << QStringLiteral("KQ1") << false;
    QTest::newRow("cyrillic") << QStringLiteral("КQX") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestPatientNumber::prefixValidity()
{
    QFETCH(QString, prefix);
    QFETCH(bool, valid);
    QCOMPARE(PatientNumber::isValidPrefix(prefix), valid);
}

void TestPatientNumber::format_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<qint64>("sequence");
    QTest::addColumn<QString>("number");

    QTest::newRow("first") << QStringLiteral("KQX") << qint64(1) << QStringLiteral("KQX-00001");
    QTest::newRow("42") << QStringLiteral("KQX") << qint64(42) << QStringLiteral("KQX-00042");
    QTest::newRow("five digits") << QStringLiteral("ABC") << qint64(99999) << QStringLiteral("ABC-99999");
    QTest::newRow("six digits") << QStringLiteral("ABC") << qint64(100000) << QStringLiteral("ABC-100000");
    QTest::newRow("zero") << QStringLiteral("KQX") << qint64(0) << QString();
    QTest::newRow("negative") << QStringLiteral("KQX") << qint64(-5) << QString();
    QTest::newRow("bad prefix") << QStringLiteral("KIX") << qint64(42) << QString();
}

void TestPatientNumber::format()
{
    QFETCH(QString, prefix);
    QFETCH(qint64, sequence);
    QFETCH(QString, number);
    const QString formatted = PatientNumber::format(prefix, sequence);
    QCOMPARE(formatted, number);
    if (!number.isEmpty())
        QVERIFY(PatientNumber::isValid(formatted));
}

void TestPatientNumber::validity_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("valid");

    QTest::newRow("KQX-00042") << QStringLiteral("KQX-00042") << true;
    QTest::newRow("KQX-123456") << QStringLiteral("KQX-123456") << true;
    QTest::newRow("four digits") << QStringLiteral("KQX-0042") << false;
    QTest::newRow("over-padded") << QStringLiteral("KQX-000042") << false;
    QTest::newRow("sequence zero") << QStringLiteral("KQX-00000") << false;
    QTest::newRow("no hyphen") << QStringLiteral("KQX00042") << false;
    QTest::newRow("space instead of hyphen") << QStringLiteral("KQX 00042") << false;
    QTest::newRow("lower case") << QStringLiteral("kqx-00042") << false;
    QTest::newRow("letter O") << QStringLiteral("KOX-00042") << false;
    QTest::newRow("letter in sequence") << QStringLiteral("KQX-0004A") << false;
    QTest::newRow("trailing space") << QStringLiteral("KQX-00042 ") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestPatientNumber::validity()
{
    QFETCH(QString, number);
    QFETCH(bool, valid);
    QCOMPARE(PatientNumber::isValid(number), valid);
}

void TestPatientNumber::searchKey_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("key");

    QTest::newRow("canonical") << QStringLiteral("KQX-00042") << QStringLiteral("kqx00042");
    QTest::newRow("already a key") << QStringLiteral("kqx00042") << QStringLiteral("kqx00042");
    QTest::newRow("typed with space") << QStringLiteral(" kqx 00042") << QStringLiteral("kqx00042");
    QTest::newRow("long") << QStringLiteral("ABC-100000") << QStringLiteral("abc100000");
}

void TestPatientNumber::searchKey()
{
    QFETCH(QString, number);
    QFETCH(QString, key);
    QCOMPARE(PatientNumber::searchKey(number), key);
}

QTEST_GUILESS_MAIN(TestPatientNumber)
#include "tst_patientnumber.moc"
