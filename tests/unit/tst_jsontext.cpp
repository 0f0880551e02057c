#include "domain/JsonText.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <limits>

using namespace medora;

class TestJsonText : public QObject
{
    Q_OBJECT

private slots:
    void sameTextAsQJsonDocument_data();
    void sameTextAsQJsonDocument();
    void randomValuesPrintTheSame();
};

void TestJsonText::sameTextAsQJsonDocument_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::newRow("empty") << QJsonObject();
    QTest::newRow("escapes") << QJsonObject{
        {QStringLiteral("text"),
         QString::fromUtf8("q\"b\\s\b\f\n\r\t\x01\x1f\x7f é Ўзбекистон Oʻzbekiston \u2028 😀")},
        {QStringLiteral("key \"quoted\"\n"), QStringLiteral("v")}};
    QTest::newRow("numbers") << QJsonObject{{QStringLiteral("one"), 1.0},
                                            {QStringLiteral("half"), 1.5},
                                            {QStringLiteral("big"), 1e21},
                                            {QStringLiteral("minusZero"), -0.0},
                                            {QStringLiteral("negative"), -125000.0},
                                            {QStringLiteral("long"), 123456789012345.0},
                                            {QStringLiteral("int64"), qint64(9007199254740993LL)},
                                            {QStringLiteral("tenth"), 0.1},
                                            {QStringLiteral("tiny"), 1e-7},
                                            {QStringLiteral("edge"), 9007199254740992.0},
                                            {QStringLiteral("past"), 9007199254740994.0},
                                            {QStringLiteral("nan"), std::numeric_limits<double>::quiet_NaN()},
                                            {QStringLiteral("int"), 5}};
    QTest::newRow("nested") << QJsonObject{
        {QStringLiteral("arr"),
         QJsonArray{1, QStringLiteral("x"), QJsonObject{{QStringLiteral("k"), 2}}, QJsonArray{}}},
        {QStringLiteral("obj"),
         QJsonObject{{QStringLiteral("b"), true}, {QStringLiteral("n"), QJsonValue()}}},
        {QStringLiteral("f"), false}};
}

void TestJsonText::sameTextAsQJsonDocument()
{
    QFETCH(QJsonObject, object);
    QCOMPARE(JsonText::compact(object), QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void TestJsonText::randomValuesPrintTheSame()
{
    QRandomGenerator random(20261128);
    const auto randomText = [&random] {
        QString text;
        const int length = random.bounded(0, 24);
        for (int i = 0; i < length; ++i) {
            switch (random.bounded(5)) {
            case 0:
                text += QChar(char16_t(random.bounded(0, 0x80))); // ASCII, controls included
                break;
            case 1:
                text += QChar(char16_t(random.bounded(0x400, 0x500))); // Cyrillic
                break;
            case 2:
                text += QStringLiteral("ʻ’\"\\");
                break;
            case 3:
                text += QString::fromUcs4(U"\U0001F600");
                break;
            default:
                text += QChar(char16_t(random.bounded(0x80, 0xD7FF)));
                break;
            }
        }
        return text;
    };
    for (int round = 0; round < 2000; ++round) {
        QJsonObject object;
        for (int field = 0; field < 6; ++field) {
            const QString key = randomText();
            switch (random.bounded(5)) {
            case 0:
                object.insert(key, randomText());
                break;
            case 1:
                object.insert(key,
                              double(random.bounded(-1000000, 1000000)) / double(random.bounded(1, 1000)));
                break;
            case 2:
                object.insert(key, qint64(random.generate64() >> random.bounded(1, 60)));
                break;
            case 3:
                object.insert(key, QJsonArray{randomText(), random.bounded(2) == 0, QJsonValue()});
                break;
            default:
                object.insert(key, std::ldexp(random.generateDouble(), random.bounded(-40, 80)));
                break;
            }
        }
        const QByteArray expected = QJsonDocument(object).toJson(QJsonDocument::Compact);
        const QByteArray written = JsonText::compact(object);
        if (written != expected)
            QFAIL(qPrintable(QStringLiteral("round %1:\n%2\n%3")
                                 .arg(round)
                                 .arg(QString::fromUtf8(expected), QString::fromUtf8(written))));
    }
}

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
