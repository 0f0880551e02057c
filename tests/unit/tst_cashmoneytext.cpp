#include "cash/MoneyText.h"

#include <QTest>

using namespace medora;

namespace {

const QLocale kRussian(QLocale::Russian, QLocale::Russia);
const QLocale kUzbek(QLocale::Uzbek, QLocale::LatinScript, QLocale::Uzbekistan);
const QLocale kEnglish(QLocale::English, QLocale::UnitedStates);

} // namespace

class TestCashMoneyText : public QObject
{
    Q_OBJECT

private slots:
    void formatGroupsThousands();
    void parseReadsWhatPeopleType_data();
    void parseReadsWhatPeopleType();
    void regroupKeepsTheCursorAfterTheSameDigit();
    void regroupLeavesAnythingElseAsTyped();
    void problemsAreExplained();
};

void TestCashMoneyText::formatGroupsThousands()
{
    for (const QLocale &locale : {kRussian, kUzbek}) {
        const QString text = MoneyText::format(150000, locale);
        QCOMPARE(text.size(), 7);
        QCOMPARE(text.left(3), QStringLiteral("150"));
        QVERIFY2(text.at(3).isSpace() || text.at(3) == QChar(0x202F), qPrintable(text));
        QCOMPARE(MoneyText::format(1000000000, locale).size(), 13);
    }
    QCOMPARE(MoneyText::format(150000, kEnglish), QStringLiteral("150,000"));
    QCOMPARE(MoneyText::format(-320000, kEnglish), QStringLiteral("-320,000"));
    QLocale noGroups = kEnglish;
    noGroups.setNumberOptions(QLocale::OmitGroupSeparator);
    QCOMPARE(MoneyText::format(150000, noGroups), QStringLiteral("150,000"));
    QCOMPARE(MoneyText::withCurrency(5000, kEnglish), QStringLiteral("5,000 so'm"));
}

void TestCashMoneyText::parseReadsWhatPeopleType_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("problem");
    QTest::addColumn<qint64>("amount");
    const int none = int(MoneyText::Problem::None);
    QTest::newRow("digits") << kRussian << "150000" << none << qint64(150000);
    QTest::newRow("spaces") << kRussian << " 150 000 " << none << qint64(150000);
    QTest::newRow("nbsp") << kRussian << QStringLiteral("150\u00a0000") << none << qint64(150000);
    QTest::newRow("narrow nbsp") << kUzbek << QStringLiteral("1\u202f500\u202f000") << none
                                 << qint64(1500000);
    QTest::newRow("own format ru") << kRussian << MoneyText::format(987654, kRussian) << none
                                   << qint64(987654);
    QTest::newRow("own format uz") << kUzbek << MoneyText::format(987654, kUzbek) << none << qint64(987654);
    QTest::newRow("english commas") << kEnglish << "1,500,000" << none << qint64(1500000);
    QTest::newRow("zero kopecks") << kRussian << "150 000,00" << none << qint64(150000);
    QTest::newRow("leading zeros") << kRussian << "000150" << none << qint64(150);
    QTest::newRow("limit") << kRussian << "1 000 000 000" << none << qint64(1000000000);
    QTest::newRow("empty") << kRussian << "  " << int(MoneyText::Problem::Empty) << qint64(0);
    QTest::newRow("letters") << kRussian << "abc" << int(MoneyText::Problem::NotANumber) << qint64(0);
    QTest::newRow("cyrillic") << kRussian << QStringLiteral("сто") << int(MoneyText::Problem::NotANumber)
                              << qint64(0);
    QTest::newRow("mixed") << kRussian << "150k" << int(MoneyText::Problem::NotANumber) << qint64(0);
    QTest::newRow("minus") << kRussian << "-5000" << int(MoneyText::Problem::NotANumber) << qint64(0);
    QTest::newRow("fraction") << kRussian << "150,5" << int(MoneyText::Problem::Fraction) << qint64(0);
    QTest::newRow("english fraction")
        << kEnglish << "99.90" << int(MoneyText::Problem::Fraction) << qint64(0);
    QTest::newRow("zero") << kRussian << "0" << int(MoneyText::Problem::NotPositive) << qint64(0);
    QTest::newRow("too large") << kRussian << "1000000001" << int(MoneyText::Problem::TooLarge)
                               << qint64(1000000001);
    QTest::newRow("far too large") << kRussian << "99999999999999999999" << int(MoneyText::Problem::TooLarge)
                                   << qint64(0);
}

void TestCashMoneyText::parseReadsWhatPeopleType()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, text);
    QFETCH(int, problem);
    QFETCH(qint64, amount);
    const MoneyText::Parsed parsed = MoneyText::parse(text, locale);
    QCOMPARE(int(parsed.problem), problem);
    if (problem == int(MoneyText::Problem::None) || amount != 0)
        QCOMPARE(parsed.amount, amount);
    QCOMPARE(parsed.ok(), problem == int(MoneyText::Problem::None));
}

void TestCashMoneyText::regroupKeepsTheCursorAfterTheSameDigit()
{
    int cursor = 6;
    QCOMPARE(MoneyText::regroup(QStringLiteral("150000"), kEnglish, &cursor), QStringLiteral("150,000"));
    QCOMPARE(cursor, 7);
    // The cursor after "15" of "1500000" stays after the "15" of "1 500 000".
    cursor = 2;
    const QString regrouped = MoneyText::regroup(QStringLiteral("1500000"), kRussian, &cursor);
    QCOMPARE(regrouped, MoneyText::format(1500000, kRussian));
    QCOMPARE(cursor, 3);
    QCOMPARE(regrouped.at(cursor - 1), QLatin1Char('5'));
    cursor = 0;
    QCOMPARE(MoneyText::regroup(QStringLiteral("1234"), kEnglish, &cursor), QStringLiteral("1,234"));
    QCOMPARE(cursor, 0);
}

void TestCashMoneyText::regroupLeavesAnythingElseAsTyped()
{
    int cursor = 3;
    QCOMPARE(MoneyText::regroup(QStringLiteral("15a000"), kRussian, &cursor), QStringLiteral("15a000"));
    QCOMPARE(MoneyText::regroup(QStringLiteral("150,5"), kRussian, &cursor), QStringLiteral("150,5"));
    QCOMPARE(MoneyText::regroup(QStringLiteral("0150"), kRussian, &cursor), QStringLiteral("0150"));
    QCOMPARE(MoneyText::regroup(QString(), kRussian, &cursor), QString());
    QCOMPARE(MoneyText::regroup(QStringLiteral("12345678901234"), kEnglish, &cursor),
             QStringLiteral("12345678901234"));
}

void TestCashMoneyText::problemsAreExplained()
{
    QVERIFY(MoneyText::problemText(MoneyText::Problem::None).isEmpty());
    for (MoneyText::Problem problem :
         {MoneyText::Problem::Empty, MoneyText::Problem::NotANumber, MoneyText::Problem::Fraction,
          MoneyText::Problem::NotPositive, MoneyText::Problem::TooLarge})
        QVERIFY2(MoneyText::problemText(problem).contains(QLatin1String("amount")) ||
                     MoneyText::problemText(problem).contains(QLatin1String("so'm")),
                 qPrintable(MoneyText::problemText(problem)));
}

QTEST_GUILESS_MAIN(TestCashMoneyText)
#include "tst_cashmoneytext.moc"
