#include "domain/PatientValidator.h"
#include "i18n/LanguageManager.h"

#include <QCoreApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTranslator>
#include <QtTest>

using namespace medora;

namespace {

QString windowTitle()
{
    return QCoreApplication::translate("medora::MainWindow", "Medora — patient registry");
}

} // namespace

class TestLanguageManager : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void embeddedCataloguesLoad_data();
    void embeddedCataloguesLoad();
    void uzbekIsTheDefault();
    void languagesAreNamedInThemselves();
    void switchingInstallsTheCatalogueAndRemembersIt();
    void coreMessagesFollowTheLanguage();
    void unknownLanguageChangesNothing();
    void choiceForOneRunIsNotRemembered();
    void destroyingTheManagerRemovesItsTranslators();
};

void TestLanguageManager::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_languagemanager"));
}

void TestLanguageManager::init()
{
    QSettings().clear();
}

void TestLanguageManager::embeddedCataloguesLoad_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("title");
    QTest::newRow("uz") << "uz" << QStringLiteral("Medora — bemorlar roʻyxati");
    QTest::newRow("ru") << "ru" << QStringLiteral("Medora — реестр пациентов");
}

void TestLanguageManager::embeddedCataloguesLoad()
{
    QFETCH(QString, code);
    QFETCH(QString, title);
    const QString resource = LanguageManager::catalogueResource(code);
    QCOMPARE(resource, QStringLiteral(":/i18n/medora_%1.qm").arg(code));
    QTranslator translator;
    QVERIFY2(translator.load(resource), qPrintable(resource));
    QVERIFY(!translator.isEmpty());
    QCOMPARE(translator.translate("medora::MainWindow", "Medora — patient registry"), title);
    QVERIFY(translator.language().startsWith(code));
    QVERIFY(LanguageManager::catalogueResource(QStringLiteral("en")).isEmpty());
}

void TestLanguageManager::uzbekIsTheDefault()
{
    QCOMPARE(LanguageManager::defaultLanguage(), QStringLiteral("uz"));
    QCOMPARE(LanguageManager::savedLanguage(), QStringLiteral("uz"));
    QSettings().setValue(LanguageManager::settingsKey(), QStringLiteral("klingon"));
    QCOMPARE(LanguageManager::savedLanguage(), QStringLiteral("uz"));
    LanguageManager manager;
    QVERIFY(manager.currentLanguage().isEmpty()); // nothing is installed until asked
}

void TestLanguageManager::languagesAreNamedInThemselves()
{
    QStringList codes;
    QStringList names;
    for (const LanguageManager::Language &language : LanguageManager::languages()) {
        codes << language.code;
        names << language.nativeName;
        QVERIFY(LanguageManager::isSupported(language.code));
    }
    QCOMPARE(codes, QStringList({QStringLiteral("uz"), QStringLiteral("ru"), QStringLiteral("en")}));
    QCOMPARE(names, QStringList(
                        {QStringLiteral("Oʻzbekcha"), QStringLiteral("Русский"), QStringLiteral("English")}));
    QVERIFY(!LanguageManager::isSupported(QStringLiteral("de")));
}

void TestLanguageManager::switchingInstallsTheCatalogueAndRemembersIt()
{
    LanguageManager manager;
    QSignalSpy changed(&manager, &LanguageManager::languageChanged);

    QVERIFY(manager.setLanguage(QStringLiteral("ru")));
    QCOMPARE(manager.currentLanguage(), QStringLiteral("ru"));
    QCOMPARE(windowTitle(), QStringLiteral("Medora — реестр пациентов"));
    QCOMPARE(QLocale().language(), QLocale::Russian);
    QCOMPARE(QSettings().value(LanguageManager::settingsKey()).toString(), QStringLiteral("ru"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("ru"));

    QVERIFY(manager.setLanguage(QStringLiteral("uz")));
    QCOMPARE(windowTitle(), QStringLiteral("Medora — bemorlar roʻyxati"));
    QCOMPARE(QLocale().language(), QLocale::Uzbek);
    QCOMPARE(QLocale().script(), QLocale::LatinScript);
    QCOMPARE(LanguageManager::savedLanguage(), QStringLiteral("uz"));

    QVERIFY(manager.setLanguage(QStringLiteral("uz"))); // already current: no second signal
    QCOMPARE(changed.count(), 2);

    QVERIFY(manager.setLanguage(QStringLiteral("en")));
    QCOMPARE(windowTitle(), QStringLiteral("Medora — patient registry"));
    QCOMPARE(QLocale().language(), QLocale::English);
    QCOMPARE(LanguageManager::savedLanguage(), QStringLiteral("en"));
    QCOMPARE(changed.count(), 3);
}

void TestLanguageManager::coreMessagesFollowTheLanguage()
{
    LanguageManager manager;
    const Patient empty;
    QVERIFY(manager.setLanguage(QStringLiteral("en"), false));
    const FieldErrors english = PatientValidator::validate(empty);
    QVERIFY(!english.isEmpty());
    QVERIFY(manager.setLanguage(QStringLiteral("ru"), false));
    const FieldErrors russian = PatientValidator::validate(empty);
    QCOMPARE(russian.size(), english.size());
    for (int i = 0; i < russian.size(); ++i) {
        QCOMPARE(russian[i].field, english[i].field);
        QVERIFY2(russian[i].message != english[i].message, qPrintable(russian[i].message));
    }
    QVERIFY(manager.setLanguage(QStringLiteral("en"), false));
}

void TestLanguageManager::unknownLanguageChangesNothing()
{
    LanguageManager manager;
    QVERIFY(manager.setLanguage(QStringLiteral("ru")));
    QSignalSpy changed(&manager, &LanguageManager::languageChanged);
    QVERIFY(!manager.setLanguage(QStringLiteral("de")));
    QVERIFY(!manager.setLanguage(QString()));
    QCOMPARE(manager.currentLanguage(), QStringLiteral("ru"));
    QCOMPARE(windowTitle(), QStringLiteral("Medora — реестр пациентов"));
    QCOMPARE(LanguageManager::savedLanguage(), QStringLiteral("ru"));
    QCOMPARE(changed.count(), 0);
}

void TestLanguageManager::choiceForOneRunIsNotRemembered()
{
    LanguageManager manager;
    QVERIFY(manager.setLanguage(QStringLiteral("ru"), false));
    QCOMPARE(windowTitle(), QStringLiteral("Medora — реестр пациентов"));
    QVERIFY(!QSettings().contains(LanguageManager::settingsKey()));
    QCOMPARE(LanguageManager::savedLanguage(), QStringLiteral("uz"));
}

void TestLanguageManager::destroyingTheManagerRemovesItsTranslators()
{
    {
        LanguageManager manager;
        QVERIFY(manager.setLanguage(QStringLiteral("uz"), false));
        QCOMPARE(windowTitle(), QStringLiteral("Medora — bemorlar roʻyxati"));
    }
    QCOMPARE(windowTitle(), QStringLiteral("Medora — patient registry"));
}

QTEST_GUILESS_MAIN(TestLanguageManager)
#include "tst_languagemanager.moc"
