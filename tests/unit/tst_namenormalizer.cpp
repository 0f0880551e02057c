#include "domain/NameNormalizer.h"

#include <QRandomGenerator>
#include <QTest>

using medora::NameNormalizer;

class TestNameNormalizer : public QObject
{
    Q_OBJECT

private slots:
    void sameKey_data();
    void sameKey();
    void differentKey_data();
    void differentKey();
    void exactKey_data();
    void exactKey();
    void keyIsPlainAsciiForAnyInput();
    void tokens_data();
    void tokens();
    void tidy_data();
    void tidy();
    void letterMarks();
};

namespace {

// Data tags stay on one line in the log even when a row contains tabs or new lines.
QByteArray tagOf(const char *text)
{
    return QByteArray(text).replace('\t', "\\t").replace('\n', "\\n");
}

void addPair(const char *left, const char *right)
{
    QTest::newRow(tagOf(left) + " | " + tagOf(right)) << QString::fromUtf8(left) << QString::fromUtf8(right);
}

} // namespace

void TestNameNormalizer::sameKey_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");

    // Case and script
    addPair("Karimov", "Каримов");
    addPair("Karimov", "KARIMOV");
    addPair("Karimov", "каримов");
    addPair("КАРИМОВ", "karimov");
    addPair("KaримOв", "Karimov"); // Latin and Cyrillic letters mixed inside one word
    // Every spelling of the letter mark, and none at all
    addPair("Oʻktam", "O'ktam");
    addPair("Oʻktam", "O‘ktam");
    addPair("Oʻktam", "O’ktam");
    addPair("Oʻktam", "O`ktam");
    addPair("Oʻktam", "Oʼktam");
    addPair("Oʻktam", "Oʹktam");
    addPair("Oʻktam", "O´ktam");
    addPair("Oʻktam", "Oktam");
    addPair("O'ktam", "Ўктам");
    addPair("Gʻulom", "Ғулом");
    addPair("G'ulom", "ғулом");
    // ё is е
    addPair("Алёна", "Алена");
    addPair("АЛЁНА", "алена");
    addPair("Алёна", "Ale\u0308na"); // decomposed ё is composed first
    // Uzbek letters and Russian-style Latin
    addPair("Qodirov", "Қодиров");
    addPair("Qodirov", "Кодиров");
    addPair("Shoira", "Шоира");
    addPair("Xasanov", "Хасанов");
    addPair("Khasanov", "Хасанов");
    addPair("Hasanov", "Ҳасанов");
    addPair("Hasanov", "Хасанов");
    addPair("Yusupov", "Юсупов");
    addPair("Tsoy", "Цой");
    addPair("Chorshanbiyev", "Чоршанбиев");
    addPair("Aliyev", "Алиев");
    addPair("Aliyev", "Aliev");
    addPair("Jurayev", "Жураев");
    addPair("Zhuraev", "Жураев");
    addPair("Mirziyoyev", "Мирзиёев");
    addPair("Ziyoda", "Зиёда");
    addPair("Yoqubov", "Ёқубов");
    addPair("Yoʻldosh", "Йўлдош");
    addPair("Ergash", "Эргаш");
    addPair("Yergash", "Ергаш");
    addPair("Is'hoq", "Исҳоқ");
    addPair("Yevgeniy", "Евгений");
    addPair("Evgenii", "Евгений");
    addPair("Евгении\u0306", "Евгений"); // decomposed й
    addPair("Grigoryev", "Григорьев");
    addPair("Podyachev", "Подъячев");
    addPair("Shchukin", "Щукин");
    addPair("Ｋａｒｉｍｏｖ", "Karimov"); // full-width letters (NFKC)
    addPair("José", "Jose");
    // Punctuation and white space
    addPair("Abdulla-zoda", "Abdullazoda");
    addPair("Abdulla-zoda", "Абдулла-зода");
    addPair("Karimov  Ali", "  karimov ali ");
    addPair("Karimov\tAli\n", "Karimov Ali");
    addPair("Karimov\u00a0Ali", "Karimov Ali");
    addPair("Karimov\u2003Ali", "Karimov Ali");
    addPair("Karimov - Ali", "Karimov Ali");
    addPair("Karimov, Ali.", "Karimov Ali");
    addPair("(Karimov) Ali", "Karimov Ali");
    addPair("Karimov Ali", "Каримов Али");
    addPair("Karimov Али", "Каримов Ali");
}

void TestNameNormalizer::sameKey()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QCOMPARE(NameNormalizer::searchKey(left), NameNormalizer::searchKey(right));
}

void TestNameNormalizer::differentKey_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");

    addPair("Karimov", "Karimova");
    addPair("Ali", "Vali");
    addPair("Salim", "Salima");
    addPair("Tsoy", "Soy");
    addPair("Oʻktam", "Uktam"); // ў and у are different letters
    addPair("Karimov Ali", "KarimovAli");
    addPair("Ali 1", "Ali 2");
}

void TestNameNormalizer::differentKey()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QVERIFY(NameNormalizer::searchKey(left) != NameNormalizer::searchKey(right));
}

void TestNameNormalizer::exactKey_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("key");

    const auto row = [](const char *input, const char *key) {
        QTest::addRow("%s", input) << QString::fromUtf8(input) << QString::fromLatin1(key);
    };
    row("", "");
    row("   ", "");
    row("-.,()'", "");
    row("Karimov", "karimov");
    row("Oʻktam", "oktam");
    row("Ўктам", "oktam");
    row("Хасанов", "xasanov");
    row("Khasanov", "xasanov");
    row("Hasan", "xasan");
    row("Shoira", "shoira");
    row("Цой", "tsoy");
    row("Чоршанбиев", "chorshanbiev");
    row("Жураев", "juraev");
    row("Qodir", "kodir");
    row("Евгений", "evgeni");
    row("Щукин", "shukin");
    row("Абдулла-зода", "abdullazoda");
    row("  Karimov   Ali  ", "karimov ali");
    row("Karimov 2", "karimov 2");
    row("Room 12b", "room 12b");
    row("Ali١٢", "ali12"); // Arabic-Indic digits
    row("Straße", "strasse");
    row("Ωmega", "mega"); // letters of other scripts have no Latin skeleton
}

void TestNameNormalizer::exactKey()
{
    QFETCH(QString, input);
    QFETCH(QString, key);
    QCOMPARE(NameNormalizer::searchKey(input), key);
    QCOMPARE(NameNormalizer::searchKeyUtf8(input), key.toUtf8());
}

void TestNameNormalizer::keyIsPlainAsciiForAnyInput()
{
    // Random strings drawn from the blocks names are typed in, plus punctuation, spaces,
    // digits and combining marks: the key must always be [a-z0-9 ] with single inner spaces.
    const char16_t ranges[][2] = {{0x20, 0x7E},     {0xA0, 0xFF},    {0x100, 0x17F},   {0x2B0, 0x2FF},
                                  {0x300, 0x36F},   {0x400, 0x4FF},  {0x2000, 0x206F}, {0xFF01, 0xFF5E},
                                  {0x0660, 0x0669}, {0x0391, 0x03C9}};
    QRandomGenerator random(20240611);
    for (int sample = 0; sample < 3000; ++sample) {
        QString input;
        const int length = random.bounded(1, 30);
        for (int i = 0; i < length; ++i) {
            const auto &range = ranges[random.bounded(int(std::size(ranges)))];
            input.append(QChar(char16_t(random.bounded(int(range[0]), int(range[1]) + 1))));
        }
        const QString key = NameNormalizer::searchKey(input);
        for (const QChar c : key) {
            const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                                 (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char(' ');
            if (!allowed)
                QFAIL(qPrintable(
                    QStringLiteral("key %1 of %2 has U+%3").arg(key, input).arg(c.unicode(), 4, 16)));
        }
        QVERIFY2(!key.startsWith(QLatin1Char(' ')) && !key.endsWith(QLatin1Char(' ')), qPrintable(input));
        QVERIFY2(!key.contains(QLatin1String("  ")), qPrintable(input));
    }
}

void TestNameNormalizer::tokens_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("tokens");

    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("only punctuation") << QStringLiteral(" - , ") << QStringList();
    QTest::newRow("three words") << QStringLiteral("  Karimov   Ali-Vali  Oʻktamovich ")
                                 << QStringList{"karimov", "alivali", "oktamovich"};
    QTest::newRow("cyrillic") << QStringLiteral("Каримова Алёна") << QStringList{"karimova", "alena"};
}

void TestNameNormalizer::tokens()
{
    QFETCH(QString, input);
    QFETCH(QStringList, tokens);
    QCOMPARE(NameNormalizer::searchTokens(input), tokens);
}

void TestNameNormalizer::tidy_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("tidy");

    const auto row = [](const char *input, const char *tidy) {
        QTest::addRow("%s", input) << QString::fromUtf8(input) << QString::fromUtf8(tidy);
    };
    row("", "");
    row("   ", "");
    row("  Oʻktam   O'ktamov  ", "Oʻktam Oʻktamov");
    row("G‘ulom", "Gʻulom");
    row("O`ktam", "Oʻktam");
    row("O’ktam", "Oʻktam");
    row("Oʼktam", "Oʻktam");
    row("Oʹktam", "Oʻktam");
    row("KARIMOV\tali", "KARIMOV ali");
    row("Каримов \n Али", "Каримов Али");
    row("Абдулла-зода", "Абдулла-зода");
    row("Евгении\u0306", "Евгений"); // composed, so it looks and compares the same
}

void TestNameNormalizer::tidy()
{
    QFETCH(QString, input);
    QFETCH(QString, tidy);
    QCOMPARE(NameNormalizer::tidy(input), tidy);
}

void TestNameNormalizer::letterMarks()
{
    for (const char16_t mark : {u'ʻ', u'‘', u'’', u'\'', u'`', u'ʼ', u'ʹ', u'´'})
        QVERIFY2(NameNormalizer::isLetterMark(QChar(mark)), qPrintable(QString(QChar(mark))));
    for (const char16_t other : {u'a', u'-', u'"', u' ', u'ь', u'«'})
        QVERIFY2(!NameNormalizer::isLetterMark(QChar(other)), qPrintable(QString(QChar(other))));
}

QTEST_GUILESS_MAIN(TestNameNormalizer)
#include "tst_namenormalizer.moc"
