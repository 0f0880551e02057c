#include "domain/PhoneNumber.h"

#include <QTest>

using medora::PhoneNumber;

class TestPhoneNumber : public QObject
{
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void rejected_data();
    void rejected();
    void format_data();
    void format();
    void nationalDigits_data();
    void nationalDigits();
    void digitsOnly();
};

void TestPhoneNumber::accepted_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("e164");

    const QString e164 = QStringLiteral("+998901234567");
    QTest::newRow("E.164") << QStringLiteral("+998901234567") << e164;
    QTest::newRow("+998 spaced") << QStringLiteral("+998 90 123 45 67") << e164;
    QTest::newRow("+998 dashes") << QStringLiteral("+998 90 123-45-67") << e164;
    QTest::newRow("+998 parentheses") << QStringLiteral("+998 (90) 123-45-67") << e164;
    QTest::newRow("+998 surrounding space") << QStringLiteral("  +998901234567 \t") << e164;
    QTest::newRow("998 without plus") << QStringLiteral("998901234567") << e164;
    QTest::newRow("998 spaced") << QStringLiteral("998 90 123 45 67") << e164;
    QTest::newRow("9 digits") << QStringLiteral("901234567") << e164;
    QTest::newRow("9 digits spaced") << QStringLiteral("90 123 45 67") << e164;
    QTest::newRow("9 digits parentheses") << QStringLiteral("(90) 1234567") << e164;
    QTest::newRow("trunk 8") << QStringLiteral("8 90 1234567") << e164;
    QTest::newRow("trunk 8 compact") << QStringLiteral("8901234567") << e164;
    QTest::newRow("trunk 0") << QStringLiteral("0 90 1234567") << e164;
    QTest::newRow("trunk 0 dashes") << QStringLiteral("0-90-123-45-67") << e164;
    QTest::newRow("Tashkent landline") << QStringLiteral("71 234 56 78") << QStringLiteral("+998712345678");
    QTest::newRow("national starting with 9")
        << QStringLiteral("99 999 99 99") << QStringLiteral("+998999999999");
}

void TestPhoneNumber::accepted()
{
    QFETCH(QString, input);
    QFETCH(QString, e164);
    QCOMPARE(PhoneNumber::toE164(input), e164);
    QVERIFY(PhoneNumber::isValid(input));
}

void TestPhoneNumber::rejected_data()
{
    QTest::addColumn<QString>("input");

    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << QStringLiteral("   ");
    QTest::newRow("letters") << QStringLiteral("90 123 45 6a");
    QTest::newRow("word") << QStringLiteral("phone");
    QTest::newRow("8 digits") << QStringLiteral("90123456");
    QTest::newRow("10 digits not trunk") << QStringLiteral("9012345678");
    QTest::newRow("11 digits") << QStringLiteral("99890123456");
    QTest::newRow("13 digits") << QStringLiteral("9989012345678");
    QTest::newRow("+998 too short") << QStringLiteral("+998 90 123 45 6");
    QTest::newRow("+998 too long") << QStringLiteral("+998 90 123 45 678");
    QTest::newRow("+7 Russia") << QStringLiteral("+7 912 345 67 89");
    QTest::newRow("+1 with 9 digits") << QStringLiteral("+1 901234567");
    QTest::newRow("+ with 9 national digits") << QStringLiteral("+901234567");
    QTest::newRow("+ trunk") << QStringLiteral("+8901234567");
    QTest::newRow("plus in the middle") << QStringLiteral("998+901234567");
    QTest::newRow("two plus signs") << QStringLiteral("++998901234567");
    QTest::newRow("national starts with 0") << QStringLiteral("012345678");
    QTest::newRow("+998 national starts with 0") << QStringLiteral("+998012345678");
    QTest::newRow("trunk then 0") << QStringLiteral("8012345678");
    QTest::newRow("other trunk digit") << QStringLiteral("7901234567");
    QTest::newRow("dots") << QStringLiteral("90.123.45.67");
    QTest::newRow("slash") << QStringLiteral("90/1234567");
}

void TestPhoneNumber::rejected()
{
    QFETCH(QString, input);
    QCOMPARE(PhoneNumber::toE164(input), QString());
    QVERIFY(!PhoneNumber::isValid(input));
}

void TestPhoneNumber::format_data()
{
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("display");

    QTest::newRow("ours") << QStringLiteral("+998901234567") << QStringLiteral("+998 90 123 45 67");
    QTest::newRow("landline") << QStringLiteral("+998712345678") << QStringLiteral("+998 71 234 56 78");
    QTest::newRow("foreign unchanged") << QStringLiteral("+79123456789") << QStringLiteral("+79123456789");
    QTest::newRow("local form unchanged") << QStringLiteral("90 123 45 67") << QStringLiteral("90 123 45 67");
    QTest::newRow("too long unchanged")
        << QStringLiteral("+9989012345678") << QStringLiteral("+9989012345678");
    QTest::newRow("empty") << QString() << QString();
}

void TestPhoneNumber::format()
{
    QFETCH(QString, e164);
    QFETCH(QString, display);
    QCOMPARE(PhoneNumber::format(e164), display);
}

void TestPhoneNumber::nationalDigits_data()
{
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("national");

    QTest::newRow("ours") << QStringLiteral("+998901234567") << QStringLiteral("901234567");
    QTest::newRow("local form is not E.164") << QStringLiteral("901234567") << QString();
    QTest::newRow("spaced is not E.164") << QStringLiteral("+998 90 123 45 67") << QString();
    QTest::newRow("foreign") << QStringLiteral("+79123456789") << QString();
    QTest::newRow("national starts with 0") << QStringLiteral("+998012345678") << QString();
}

void TestPhoneNumber::nationalDigits()
{
    QFETCH(QString, e164);
    QFETCH(QString, national);
    QCOMPARE(PhoneNumber::nationalDigits(e164), national);
}

void TestPhoneNumber::digitsOnly()
{
    QCOMPARE(PhoneNumber::digitsOnly(QStringLiteral("+998 (90)")), QStringLiteral("99890"));
    QCOMPARE(PhoneNumber::digitsOnly(QStringLiteral("tel: 90-123")), QStringLiteral("90123"));
    QCOMPARE(PhoneNumber::digitsOnly(QStringLiteral("no digits")), QString());
}

QTEST_GUILESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"
