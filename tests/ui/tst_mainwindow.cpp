#include "RegistryGenerator.h"
#include "domain/NameNormalizer.h"
#include "i18n/LanguageManager.h"
#include "registry/MainWindow.h"
#include "registry/PatientDialog.h"
#include "registry/PatientListModel.h"
#include "registry/PatientRegistry.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

// The discard question runs its own event loop; it is answered from a queued call once it
// is up. `asked` receives the question, left empty when none was asked.
void answerDiscardQuestion(bool discard, QString *asked)
{
    QTimer::singleShot(0, [discard, asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        *asked = box->text();
        for (QAbstractButton *button : box->buttons()) {
            if ((box->buttonRole(button) == QMessageBox::DestructiveRole) == discard) {
                button->click();
                return;
            }
        }
    });
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void statusBarCountsAreRight();
    void typingLatinFindsCyrillicFirst();
    void downArrowMovesIntoTheListAndEnterOpensThePatient();
    void doubleClickOpensThePatient();
    void escapeClearsAndCtrlFFocusesTheSearch();
    void typingInTheListContinuesTheSearch();
    void newPatientIsPrefilledSavedAndSelected();
    void rowsHaveOneFixedHeight();
    void disclaimerIsOnTheHomeScreen();
    void languageSwitchesAtRunTimeAndIsRemembered();
    void closingAsksTheOpenDialogFirst();
    void aFailedReadIsReportedNotTakenForAStaleRow();
    void aFailedMarkSeenIsReported();

private:
    QString cell(int row, int column) const
    {
        return m_window->model()->index(row, column).data().toString();
    }

    static constexpr int kGenerated = 300;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PatientRegistry> m_registry;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_cyrillicKarimov = 0;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_registry = std::make_unique<PatientRegistry>();
    QVERIFY2(m_registry->open(m_dir->path()), qPrintable(m_registry->lastError().message));
    RegistryGenerator generator;
    std::vector<Patient> patients = generator.generate(kGenerated);
    QVERIFY(m_registry->importPatients(patients));

    Patient karimov;
    karimov.lastName = QStringLiteral("Каримов");
    karimov.firstName = QStringLiteral("Азиз");
    karimov.fatherName = QStringLiteral("Рустамович");
    karimov.sex = Sex::Male;
    karimov.birthDate = QDate(1985, 3, 12);
    karimov.phone = QStringLiteral("+998901112233");
    QVERIFY(m_registry->registerPatient(karimov));
    m_cyrillicKarimov = karimov.localId;

    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
    m_window = std::make_unique<MainWindow>(*m_registry, *m_languages);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_languages.reset();
    m_registry.reset();
    m_dir.reset();
}

void TestMainWindow::statusBarCountsAreRight()
{
    const int total = kGenerated + 1;
    QCOMPARE(m_window->model()->rowCount(), total);
    QCOMPARE(m_window->statusText(), QStringLiteral("Patients in the registry: %1").arg(total));
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("statusLabel"))->isVisible());

    QTest::keyClicks(m_window->searchField(), QStringLiteral("Karimov"));
    const size_t found = m_registry->search(QStringLiteral("Karimov"), 1000).size();
    QVERIFY(found > 1);
    QCOMPARE(size_t(m_window->model()->rowCount()), found);
    QCOMPARE(m_window->statusText(), QStringLiteral("Found: %1 of %2").arg(found).arg(total));

    m_window->searchField()->setText(QStringLiteral("Zzyzx"));
    QCOMPARE(m_window->model()->rowCount(), 0);
    QVERIFY2(m_window->statusText().startsWith(QStringLiteral("No patient matches “Zzyzx”")),
             qPrintable(m_window->statusText()));
}

void TestMainWindow::typingLatinFindsCyrillicFirst()
{
    QLineEdit *search = m_window->searchField();
    QVERIFY(search->hasFocus());
    QCOMPARE(search->placeholderText(), QStringLiteral("Search by name, phone or patient number"));
    QTest::keyClicks(search, QStringLiteral("Karimov"));

    QCOMPARE(m_window->model()->localIdAt(0), m_cyrillicKarimov);
    QCOMPARE(cell(0, PatientListModel::NameColumn), QStringLiteral("Каримов Азиз Рустамович"));
    QCOMPARE(cell(0, PatientListModel::PhoneColumn), QStringLiteral("+998 90 111 22 33"));
    QCOMPARE(cell(0, PatientListModel::BirthDateColumn), QStringLiteral("12.03.1985"));
    // The best match is selected, so Enter would open it.
    QCOMPARE(m_window->patientTable()->currentIndex().row(), 0);

    bool latinSeen = false;
    for (int row = 0; row < m_window->model()->rowCount(); ++row) {
        const QString name = cell(row, PatientListModel::NameColumn);
        const QStringList tokens = NameNormalizer::searchTokens(name);
        QVERIFY2(std::any_of(tokens.begin(), tokens.end(),
                             [](const QString &token) { return token.startsWith(QLatin1String("karimov")); }),
                 qPrintable(name));
        latinSeen = latinSeen || name.startsWith(QLatin1String("Karimov"));
    }
    QVERIFY(latinSeen); // both scripts are found by one query

    // Cyrillic typed finds the Latin spellings too.
    search->clear();
    for (const QChar c : QStringLiteral("Каримов")) {
        QTest::sendKeyEvent(QTest::Press, search, Qt::Key_unknown, QString(c), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, search, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
    QCOMPARE(search->text(), QStringLiteral("Каримов"));
    bool latinFound = false;
    for (int row = 0; row < m_window->model()->rowCount(); ++row)
        latinFound =
            latinFound || cell(row, PatientListModel::NameColumn).startsWith(QLatin1String("Karimov"));
    QVERIFY(latinFound);
}

void TestMainWindow::downArrowMovesIntoTheListAndEnterOpensThePatient()
{
    QLineEdit *search = m_window->searchField();
    QTableView *table = m_window->patientTable();
    QTest::keyClicks(search, QStringLiteral("Karimov"));
    QVERIFY(m_window->model()->rowCount() > 2);

    QTest::keyClick(search, Qt::Key_Down);
    QVERIFY(table->hasFocus());
    QCOMPARE(table->currentIndex().row(), 0);
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(table->currentIndex().row(), 1);
    QTest::keyClick(table, Qt::Key_Up);
    QCOMPARE(table->currentIndex().row(), 0);
    QTest::keyClick(table, Qt::Key_Up); // above the first row is the search box
    QVERIFY(search->hasFocus());
    QCOMPARE(search->text(), QStringLiteral("Karimov"));

    QTest::keyClick(search, Qt::Key_Down);
    QTest::keyClick(table, Qt::Key_Down);
    const qint64 second = m_window->model()->localIdAt(1);
    QTest::keyClick(table, Qt::Key_Return);
    QTRY_VERIFY(m_window->patientDialog());
    PatientDialog *dialog = m_window->patientDialog();
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isNewPatient());
    const Patient expected = *m_registry->patient(second);
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("lastNameEdit"))->text(), expected.lastName);
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("firstNameEdit"))->text(), expected.firstName);
    QVERIFY(dialog->windowTitle().contains(expected.displayName()));

    dialog->reject();
    QTRY_VERIFY(!m_window->patientDialog());

    // Enter in the search box opens the selected (best) match directly.
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Up);
    m_window->patientTable()->setCurrentIndex(m_window->model()->index(0, 0));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY(m_window->patientDialog());
    QCOMPARE(m_window->patientDialog()->findChild<QLineEdit *>(QStringLiteral("lastNameEdit"))->text(),
             QStringLiteral("Каримов"));
}

void TestMainWindow::doubleClickOpensThePatient()
{
    QTableView *table = m_window->patientTable();
    const QModelIndex third = m_window->model()->index(2, PatientListModel::NameColumn);
    const QRect rect = table->visualRect(third);
    QVERIFY(rect.isValid());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    QTRY_VERIFY(m_window->patientDialog());
    QCOMPARE(m_window->patientDialog()->findChild<QLineEdit *>(QStringLiteral("lastNameEdit"))->text(),
             m_registry->patient(m_window->model()->localIdAt(2))->lastName);
}

void TestMainWindow::escapeClearsAndCtrlFFocusesTheSearch()
{
    QLineEdit *search = m_window->searchField();
    QTest::keyClicks(search, QStringLiteral("Rahim"));
    QVERIFY(m_window->model()->isSearching());
    QTest::keyClick(search, Qt::Key_Escape);
    QVERIFY(search->text().isEmpty());
    QVERIFY(!m_window->model()->isSearching());
    QCOMPARE(m_window->model()->rowCount(), kGenerated + 1);

    m_window->patientTable()->setFocus();
    QVERIFY(!search->hasFocus());
    QTest::keySequence(m_window.get(), QKeySequence::Find);
    QVERIFY(search->hasFocus());
}

void TestMainWindow::typingInTheListContinuesTheSearch()
{
    QLineEdit *search = m_window->searchField();
    QTest::keyClicks(search, QStringLiteral("Kari"));
    QTest::keyClick(search, Qt::Key_Down);
    QVERIFY(m_window->patientTable()->hasFocus());
    QTest::keyClicks(m_window->patientTable(), QStringLiteral("m"));
    QVERIFY(search->hasFocus());
    QCOMPARE(search->text(), QStringLiteral("Karim"));
}

void TestMainWindow::newPatientIsPrefilledSavedAndSelected()
{
    QLineEdit *search = m_window->searchField();
    QTest::keyClicks(search, QStringLiteral("tursunboyev sardor"));
    QTest::keySequence(m_window.get(), QKeySequence::New);
    QTRY_VERIFY(m_window->patientDialog());
    PatientDialog *dialog = m_window->patientDialog();
    QVERIFY(dialog->isNewPatient());
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("lastNameEdit"))->text(),
             QStringLiteral("Tursunboyev"));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("firstNameEdit"))->text(),
             QStringLiteral("Sardor"));
    dialog->findChild<QRadioButton *>(QStringLiteral("maleRadio"))->click();
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("birthDateEdit")),
                     QStringLiteral("14.02.1999"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);

    QTRY_VERIFY(!m_window->patientDialog());
    QCOMPARE(m_registry->patientCount(), kGenerated + 2);
    const QModelIndex current = m_window->patientTable()->currentIndex();
    QVERIFY(current.isValid());
    const Patient saved = *m_registry->patient(m_window->model()->localIdAt(current.row()));
    QCOMPARE(saved.lastName, QStringLiteral("Tursunboyev"));
    QCOMPARE(saved.birthDate, QDate(1999, 2, 14));
    QCOMPARE(m_window->statusText(), QStringLiteral("Found: 1 of %1").arg(kGenerated + 2));
    QVERIFY(m_window->patientTable()->hasFocus());
}

void TestMainWindow::rowsHaveOneFixedHeight()
{
    QHeaderView *rows = m_window->patientTable()->verticalHeader();
    QVERIFY(rows->isHidden());
    QCOMPARE(rows->sectionResizeMode(0), QHeaderView::Fixed);
    QCOMPARE(rows->sectionSize(0), rows->defaultSectionSize());
    QCOMPARE(rows->sectionSize(kGenerated), rows->defaultSectionSize());
    QVERIFY(rows->defaultSectionSize() >= m_window->patientTable()->fontMetrics().height());
    QCOMPARE(m_window->patientTable()->selectionBehavior(), QAbstractItemView::SelectRows);
}

void TestMainWindow::disclaimerIsOnTheHomeScreen()
{
    auto *disclaimer = m_window->findChild<QLabel *>(QStringLiteral("disclaimerLabel"));
    QVERIFY(disclaimer);
    QVERIFY(disclaimer->isVisible());
    QCOMPARE(disclaimer->text(), QStringLiteral("Medora does not replace a doctor's judgement."));
    QVERIFY(!m_window->searchField()->accessibleName().isEmpty());
    QVERIFY(!m_window->patientTable()->accessibleName().isEmpty());
}

void TestMainWindow::languageSwitchesAtRunTimeAndIsRemembered()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Medora — patient registry"));
    auto *russian = m_window->findChild<QAction *>(QStringLiteral("language_ru"));
    QVERIFY(russian);
    QVERIFY(!russian->isChecked());
    russian->trigger();

    QTRY_COMPARE(m_window->windowTitle(), QStringLiteral("Medora — реестр пациентов"));
    QVERIFY(russian->isChecked());
    QCOMPARE(m_window->searchField()->placeholderText(),
             QStringLiteral("Поиск по имени, телефону или номеру пациента"));
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("disclaimerLabel"))->text(),
             QStringLiteral("Medora не заменяет решение врача."));
    QCOMPARE(m_window->model()->headerData(PatientListModel::NameColumn, Qt::Horizontal).toString(),
             QStringLiteral("ФИО"));
    QCOMPARE(m_window->statusText(), QStringLiteral("Пациентов в реестре: %1").arg(kGenerated + 1));
    QCOMPARE(QSettings().value(LanguageManager::settingsKey()).toString(), QStringLiteral("ru"));
    QCOMPARE(LanguageManager::savedLanguage(), QStringLiteral("ru"));

    // A dialog opened now speaks the new language, and follows a later switch while open.
    m_window->newPatient();
    QTRY_VERIFY(m_window->patientDialog());
    QCOMPARE(m_window->patientDialog()->windowTitle(), QStringLiteral("Новый пациент"));
    m_window->findChild<QAction *>(QStringLiteral("language_uz"))->trigger();
    QTRY_COMPARE(m_window->windowTitle(), QStringLiteral("Medora — bemorlar roʻyxati"));
    QTRY_COMPARE(m_window->patientDialog()->windowTitle(), QStringLiteral("Yangi bemor"));
    QCOMPARE(LanguageManager::savedLanguage(), QStringLiteral("uz"));
    m_window->patientDialog()->reject();

    m_window->findChild<QAction *>(QStringLiteral("language_en"))->trigger();
    QTRY_COMPARE(m_window->windowTitle(), QStringLiteral("Medora — patient registry"));
    QCOMPARE(m_window->statusText(), QStringLiteral("Patients in the registry: %1").arg(kGenerated + 1));
}

void TestMainWindow::closingAsksTheOpenDialogFirst()
{
    m_window->newPatient();
    QTRY_VERIFY(m_window->patientDialog());
    QPointer<PatientDialog> dialog = m_window->patientDialog();
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("lastNameEdit")),
                     QStringLiteral("Nazarov"));
    QVERIFY(dialog->hasUnsavedInput());

    QString asked;
    answerDiscardQuestion(false, &asked);
    QVERIFY(!m_window->close());
    QVERIFY(!asked.isEmpty());
    QVERIFY(m_window->isVisible());
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_window->patientDialog(), dialog.data());
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("lastNameEdit"))->text(),
             QStringLiteral("Nazarov"));

    asked.clear();
    answerDiscardQuestion(true, &asked);
    QVERIFY(m_window->close());
    QVERIFY(!asked.isEmpty());
    QVERIFY(!m_window->isVisible());
    QVERIFY(!m_window->patientDialog());
    QTRY_VERIFY(!dialog);
    QCOMPARE(m_registry->patientCount(), kGenerated + 1);
}

void TestMainWindow::aFailedReadIsReportedNotTakenForAStaleRow()
{
    const qint64 localId = m_window->model()->localIdAt(0);
    QVERIFY(m_window->statusBar()->currentMessage().isEmpty());
    QSqlQuery sql(m_registry->database().connection());
    QVERIFY(sql.exec(QStringLiteral("ALTER TABLE patient RENAME TO patient_away")));

    m_window->openPatient(localId);
    QVERIFY(!m_window->patientDialog());
    const QString reason = m_registry->store().lastError().message;
    QVERIFY(!reason.isEmpty());
    const QString shown = m_window->statusBar()->currentMessage();
    QVERIFY2(shown.contains(reason), qPrintable(shown));
    QVERIFY2(shown.startsWith(QLatin1String("The patient could not be opened")), qPrintable(shown));

    QVERIFY(sql.exec(QStringLiteral("ALTER TABLE patient_away RENAME TO patient")));
    m_window->openPatient(localId);
    QVERIFY(m_window->patientDialog());
    QVERIFY(m_window->statusBar()->currentMessage().isEmpty());
}

void TestMainWindow::aFailedMarkSeenIsReported()
{
    const qint64 localId = m_window->model()->localIdAt(0);
    QSqlQuery pragma(m_registry->database().connection());
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA query_only = 1")));

    m_window->openPatient(localId);
    QVERIFY(m_window->patientDialog()); // the card still opens; only the ranking suffers
    QVERIFY(!m_registry->lastError().ok());
    const QString shown = m_window->statusBar()->currentMessage();
    QVERIFY2(shown.contains(m_registry->lastError().message), qPrintable(shown));
    QVERIFY(!shown.isEmpty());
    m_window->patientDialog()->reject();
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA query_only = 0")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
