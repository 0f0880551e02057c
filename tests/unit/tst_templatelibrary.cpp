#include "charting/ReportVocabulary.h"
#include "charting/TemplateLibrary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace medora;

namespace {

QByteArray goodTemplate(const QString &specialty = QStringLiteral("cardiology"),
                        const QString &language = QStringLiteral("ru"))
{
    QJsonObject sections;
    sections.insert(QStringLiteral("complaints"), QJsonArray{QStringLiteral("Боль за грудиной.")});
    sections.insert(QStringLiteral("diagnosis"), QJsonArray{QStringLiteral("ИБС."), QStringLiteral("АГ.")});
    QJsonObject root;
    root.insert(QStringLiteral("format"), 1);
    root.insert(QStringLiteral("specialty"), specialty);
    root.insert(QStringLiteral("language"), language);
    root.insert(QStringLiteral("title"), QStringLiteral("Кардиология"));
    root.insert(QStringLiteral("sections"), sections);
    return QJsonDocument(root).toJson();
}

QByteArray edited(const std::function<void(QJsonObject &)> &change)
{
    QJsonObject root = QJsonDocument::fromJson(goodTemplate()).object();
    change(root);
    return QJsonDocument(root).toJson();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

class TestTemplateLibrary : public QObject
{
    Q_OBJECT

private slots:
    void embeddedTemplatesCoverTheSpecialtiesInBothLanguages();
    void languageFollowsTheUi();
    void goodFileParses();
    void badFilesAreRefusedNamingTheField_data();
    void badFilesAreRefusedNamingTheField();
    void aBadFileDoesNotTakeTheOthersDown();
};

void TestTemplateLibrary::embeddedTemplatesCoverTheSpecialtiesInBothLanguages()
{
    const QStringList required = {QStringLiteral("internal_medicine"), QStringLiteral("paediatrics"),
                                  QStringLiteral("cardiology"),        QStringLiteral("neurology"),
                                  QStringLiteral("gynaecology"),       QStringLiteral("ent")};
    for (const QString &language : {QStringLiteral("uz"), QStringLiteral("ru")}) {
        TemplateLibrary library;
        QVERIFY2(library.load(language), qPrintable(library.errors().join(QLatin1Char('\n'))));
        QCOMPARE(library.language(), language);
        QVERIFY(library.templates().size() >= required.size());
        for (const QString &specialty : required) {
            const std::optional<ReportTemplate> found = library.find(specialty);
            QVERIFY2(found, qPrintable(specialty + QLatin1Char('/') + language));
            QCOMPARE(found->language, language);
            QVERIFY(!found->title.isEmpty());
            // Phrases for the sections a doctor writes most.
            for (const QString &section : {QStringLiteral("complaints"), QStringLiteral("examination"),
                                           QStringLiteral("diagnosis"), QStringLiteral("recommendations")})
                QVERIFY2(!found->phrases.value(section).isEmpty(),
                         qPrintable(specialty + QLatin1Char('.') + section));
        }
    }
    // The two languages are really two texts: Uzbek Latin with its letter marks, Russian Cyrillic.
    TemplateLibrary uz;
    TemplateLibrary ru;
    QVERIFY(uz.load(QStringLiteral("uz")));
    QVERIFY(ru.load(QStringLiteral("ru")));
    const QString uzText = uz.find(QStringLiteral("internal_medicine"))
                               ->phrases.value(QStringLiteral("complaints"))
                               .join(QLatin1Char(' '));
    const QString ruText = ru.find(QStringLiteral("internal_medicine"))
                               ->phrases.value(QStringLiteral("complaints"))
                               .join(QLatin1Char(' '));
    QVERIFY(uzText.contains(QChar(0x02BB))); // ʻ as in "ogʻrigʻi"
    QVERIFY(ruText.contains(QStringLiteral("слабость")));
    QVERIFY(uz.find(QStringLiteral("cardiology"))->title != ru.find(QStringLiteral("cardiology"))->title);
}

void TestTemplateLibrary::languageFollowsTheUi()
{
    QCOMPARE(TemplateLibrary::languageFor(QLocale(QLocale::Russian, QLocale::Russia)), QStringLiteral("ru"));
    QCOMPARE(TemplateLibrary::languageFor(QLocale(QLocale::Uzbek, QLocale::Uzbekistan)),
             QStringLiteral("uz"));
    QCOMPARE(TemplateLibrary::languageFor(QLocale(QLocale::English)), QStringLiteral("uz"));
}

void TestTemplateLibrary::goodFileParses()
{
    QString error = QStringLiteral("stale");
    const std::optional<ReportTemplate> parsed =
        TemplateLibrary::parse(goodTemplate(), QStringLiteral("x.json"), &error);
    QVERIFY2(parsed, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(parsed->specialty, QStringLiteral("cardiology"));
    QCOMPARE(parsed->phrases.value(QStringLiteral("diagnosis")).size(), 2);
}

void TestTemplateLibrary::badFilesAreRefusedNamingTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("not json") << QByteArray("{\"format\": 1,") << QString();
    QTest::newRow("array") << QByteArray("[1, 2]") << QString();
    QTest::newRow("empty file") << QByteArray() << QString();
    QTest::newRow("wrong format") << edited([](QJsonObject &o) { o.insert(QStringLiteral("format"), 2); })
                                  << QStringLiteral("format");
    QTest::newRow("unknown key") << edited([](QJsonObject &o) { o.insert(QStringLiteral("script"), 1); })
                                 << QStringLiteral("script");
    QTest::newRow("bad specialty") << edited([](QJsonObject &o) {
        o.insert(QStringLiteral("specialty"), QStringLiteral("Cardio logy"));
    }) << QStringLiteral("specialty");
    QTest::newRow("bad language") << edited([](QJsonObject &o) {
        o.insert(QStringLiteral("language"), QStringLiteral("en"));
    }) << QStringLiteral("language");
    QTest::newRow("empty title") << edited([](QJsonObject &o) {
        o.insert(QStringLiteral("title"), QStringLiteral(" "));
    }) << QStringLiteral("title");
    QTest::newRow("no sections") << edited([](QJsonObject &o) { o.remove(QStringLiteral("sections")); })
                                 << QStringLiteral("sections");
    QTest::newRow("unknown section") << edited([](QJsonObject &o) {
        QJsonObject s = o.value(QStringLiteral("sections")).toObject();
        s.insert(QStringLiteral("vitals"), QJsonArray{QStringLiteral("x")});
        o.insert(QStringLiteral("sections"), s);
    }) << QStringLiteral("sections.vitals");
    QTest::newRow("phrase not text") << edited([](QJsonObject &o) {
        QJsonObject s = o.value(QStringLiteral("sections")).toObject();
        s.insert(QStringLiteral("notes"), QJsonArray{QStringLiteral("ok"), 5});
        o.insert(QStringLiteral("sections"), s);
    }) << QStringLiteral("sections.notes[1]");
    QTest::newRow("empty phrase") << edited([](QJsonObject &o) {
        QJsonObject s = o.value(QStringLiteral("sections")).toObject();
        s.insert(QStringLiteral("notes"), QJsonArray{QStringLiteral("  ")});
        o.insert(QStringLiteral("sections"), s);
    }) << QStringLiteral("sections.notes[0]");
    QTest::newRow("empty list") << edited([](QJsonObject &o) {
        QJsonObject s = o.value(QStringLiteral("sections")).toObject();
        s.insert(QStringLiteral("notes"), QJsonArray());
        o.insert(QStringLiteral("sections"), s);
    }) << QStringLiteral("sections.notes");
    QTest::newRow("huge") << QByteArray(TemplateLibrary::kMaxFileBytes + 1, ' ') << QString();
}

void TestTemplateLibrary::badFilesAreRefusedNamingTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QString error;
    QVERIFY(!TemplateLibrary::parse(json, QStringLiteral("broken.ru.json"), &error));
    QVERIFY2(error.contains(QStringLiteral("broken.ru.json")), qPrintable(error));
    if (!field.isEmpty())
        QVERIFY2(error.contains(QStringLiteral("“%1”").arg(field)), qPrintable(error));
}

void TestTemplateLibrary::aBadFileDoesNotTakeTheOthersDown()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("cardiology.ru.json")), goodTemplate());
    writeFile(dir.filePath(QStringLiteral("ent.ru.json")), "{ broken");
    writeFile(dir.filePath(QStringLiteral("ent.uz.json")),
              goodTemplate(QStringLiteral("ent"), QStringLiteral("uz")));
    writeFile(dir.filePath(QStringLiteral("twice.ru.json")), goodTemplate());
    TemplateLibrary library;
    QVERIFY(!library.load(QStringLiteral("ru"), dir.path()));
    QCOMPARE(library.templates().size(), 1);
    QCOMPARE(library.templates().first().specialty, QStringLiteral("cardiology"));
    QCOMPARE(library.errors().size(), 2);
    QVERIFY(library.errors().join(QLatin1Char('\n')).contains(QStringLiteral("ent.ru.json")));
    QVERIFY(library.errors().join(QLatin1Char('\n')).contains(QStringLiteral("twice.ru.json")));
    QString error;
    QVERIFY(!TemplateLibrary::loadFile(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY(error.contains(QStringLiteral("missing.json")));
    // An empty or missing folder gives no templates and no crash.
    QVERIFY(library.load(QStringLiteral("uz"), dir.filePath(QStringLiteral("nowhere"))));
    QVERIFY(library.templates().isEmpty());
}

QTEST_GUILESS_MAIN(TestTemplateLibrary)
#include "tst_templatelibrary.moc"
