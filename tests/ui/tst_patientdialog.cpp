#include "domain/PatientValidator.h"
#include "i18n/LanguageManager.h"
#include "registry/PatientDialog.h"
#include "registry/PatientRegistry.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

// QTest::keyClicks() aborts on text outside Latin-1, so Cyrillic and ʻ are sent one key at a time.
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        QTest::sendKeyEvent(QTest::Press, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

template <typename T> T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

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

class TestPatientDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void emptySaveShowsErrorsNextToFieldsAndSavesNothing();
    void badPhoneIsRejected();
    void futureOrUnreadableBirthDateIsRejected();
    void ageOptionStoresEstimatedBirthDate();
    void validInputIsSavedWithE164Phone();
    void cyrillicAndUzbekLettersAreKeptAsTyped();
    void duplicateNeedsASecondPress();
    void editingAfterDuplicateWarningChecksAgain();
    void duplicateWarningCanOpenTheExistingPatient();
    void storeFailureKeepsEverythingTyped();
    void saveErrorFollowsALanguageSwitch();
    void editingKeepsAnUnchangedEstimatedBirthDate();
    void cancellingTypedInputAsksFirst();
    void prefillFromSearchFillsNameOrPhone();
    void shownErrorsFollowALanguageSwitch();
    void birthDateParsing_data();
    void birthDateParsing();

private:
    void fillValid(PatientDialog &dialog);
    void save(PatientDialog &dialog)
    {
        QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PatientRegistry> m_registry;
};

void TestPatientDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("tst_patientdialog"));
}

void TestPatientDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_registry = std::make_unique<PatientRegistry>();
    QVERIFY2(m_registry->open(m_dir->path()), qPrintable(m_registry->lastError().message));
}

void TestPatientDialog::cleanup()
{
    m_registry.reset();
    m_dir.reset();
}

void TestPatientDialog::fillValid(PatientDialog &dialog)
{
    QTest::keyClicks(child<QLineEdit>(dialog, "lastNameEdit"), QStringLiteral("Toshmatov"));
    QTest::keyClicks(child<QLineEdit>(dialog, "firstNameEdit"), QStringLiteral("Bahodir"));
    child<QRadioButton>(dialog, "maleRadio")->click();
    QTest::keyClicks(child<QLineEdit>(dialog, "birthDateEdit"), QStringLiteral("07.11.1979"));
}

void TestPatientDialog::emptySaveShowsErrorsNextToFieldsAndSavesNothing()
{
    PatientDialog dialog(*m_registry);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    save(dialog);

    for (const char *field : {"lastName", "firstName", "sex", "birthDate"}) {
        QVERIFY2(!dialog.errorText(QLatin1String(field)).isEmpty(), field);
        const auto *label = child<QLabel>(dialog, (QByteArray(field) + "Error").constData());
        QVERIFY2(label->isVisible(), field);
        QVERIFY(!label->accessibleName().isEmpty());
    }
    QVERIFY(dialog.errorText(QStringLiteral("phone")).isEmpty());
    QVERIFY(dialog.errorText(QStringLiteral("fatherName")).isEmpty());
    // The error sits directly under its own field.
    const auto *lastName = child<QLineEdit>(dialog, "lastNameEdit");
    const auto *lastNameError = child<QLabel>(dialog, "lastNameError");
    QVERIFY(lastNameError->geometry().top() >= lastName->geometry().bottom());
    QVERIFY(lastNameError->geometry().top() < child<QLineEdit>(dialog, "firstNameEdit")->geometry().top());
    QCOMPARE(lastName->accessibleDescription(), dialog.errorText(QStringLiteral("lastName")));
    QVERIFY(lastName->hasFocus());

    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.savedLocalId(), 0);
    QCOMPARE(m_registry->patientCount(), 0);
}

void TestPatientDialog::badPhoneIsRejected()
{
    PatientDialog dialog(*m_registry);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    fillValid(dialog);
    auto *phone = child<QLineEdit>(dialog, "phoneEdit");
    QTest::keyClicks(phone, QStringLiteral("12 34"));
    save(dialog);

    QVERIFY(!dialog.errorText(QStringLiteral("phone")).isEmpty());
    for (const char *field : {"lastName", "firstName", "sex", "birthDate"})
        QVERIFY2(dialog.errorText(QLatin1String(field)).isEmpty(), field);
    QVERIFY(phone->hasFocus());
    QCOMPARE(m_registry->patientCount(), 0);

    // Correcting the number clears the error on the next save.
    phone->clear();
    QTest::keyClicks(phone, QStringLiteral("8 90 1234567"));
    save(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(m_registry->patient(dialog.savedLocalId())->phone, QStringLiteral("+998901234567"));
}

void TestPatientDialog::futureOrUnreadableBirthDateIsRejected()
{
    PatientDialog dialog(*m_registry);
    dialog.show();
    fillValid(dialog);
    auto *birthDate = child<QLineEdit>(dialog, "birthDateEdit");

    birthDate->setText(QDate::currentDate().addDays(1).toString(QStringLiteral("dd.MM.yyyy")));
    save(dialog);
    QVERIFY(!dialog.errorText(QStringLiteral("birthDate")).isEmpty());
    QCOMPARE(m_registry->patientCount(), 0);

    birthDate->setText(QStringLiteral("31.02.1990"));
    save(dialog);
    QVERIFY(!dialog.errorText(QStringLiteral("birthDate")).isEmpty());
    QCOMPARE(m_registry->patientCount(), 0);

    birthDate->setText(QStringLiteral("1990"));
    save(dialog);
    QVERIFY(!dialog.errorText(QStringLiteral("birthDate")).isEmpty());
    QCOMPARE(m_registry->patientCount(), 0);
    QVERIFY(dialog.isVisible());
}

void TestPatientDialog::ageOptionStoresEstimatedBirthDate()
{
    PatientDialog dialog(*m_registry);
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(dialog, "lastNameEdit"), QStringLiteral("Rahimova"));
    QTest::keyClicks(child<QLineEdit>(dialog, "firstNameEdit"), QStringLiteral("Zuhra"));
    child<QRadioButton>(dialog, "femaleRadio")->click();
    auto *ageOnly = child<QCheckBox>(dialog, "ageOnlyCheck");
    auto *age = child<QSpinBox>(dialog, "ageSpin");
    QVERIFY(!age->isEnabled());
    ageOnly->click();
    QVERIFY(age->isEnabled());
    QVERIFY(!child<QLineEdit>(dialog, "birthDateEdit")->isEnabled());

    save(dialog); // the age has not been entered yet
    QVERIFY(!dialog.errorText(QStringLiteral("birthDate")).isEmpty());
    QCOMPARE(m_registry->patientCount(), 0);

    age->setValue(40);
    save(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const std::optional<Patient> saved = m_registry->patient(dialog.savedLocalId());
    QVERIFY(saved);
    QVERIFY(saved->birthDateEstimated);
    QCOMPARE(saved->birthDate, PatientValidator::birthDateFromAge(40));
    QCOMPARE(PatientValidator::ageInYears(saved->birthDate), 40);
}

void TestPatientDialog::validInputIsSavedWithE164Phone()
{
    PatientDialog dialog(*m_registry);
    dialog.show();
    fillValid(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, "fatherNameEdit"), QStringLiteral("Anvarovich"));
    QTest::keyClicks(child<QLineEdit>(dialog, "phoneEdit"), QStringLiteral("(90) 123-45-67"));
    QTest::keyClicks(child<QLineEdit>(dialog, "addressEdit"), QStringLiteral("Toshkent, Chilonzor 9"));
    QTest::keyClicks(child<QPlainTextEdit>(dialog, "allergiesEdit"), QStringLiteral("Penicillin: rash"));
    QTest::keyClicks(child<QPlainTextEdit>(dialog, "medicationsEdit"), QStringLiteral("Metformin 500 mg"));
    QTest::keyClicks(child<QPlainTextEdit>(dialog, "historyEdit"), QStringLiteral("Type 2 diabetes"));
    QTest::keyClicks(child<QPlainTextEdit>(dialog, "notesEdit"), QStringLiteral("Prefers mornings"));
    save(dialog);

    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(m_registry->patientCount(), 1);
    const std::optional<Patient> saved = m_registry->patient(dialog.savedLocalId());
    QVERIFY(saved);
    QCOMPARE(saved->lastName, QStringLiteral("Toshmatov"));
    QCOMPARE(saved->firstName, QStringLiteral("Bahodir"));
    QCOMPARE(saved->fatherName, QStringLiteral("Anvarovich"));
    QCOMPARE(saved->sex, Sex::Male);
    QCOMPARE(saved->birthDate, QDate(1979, 11, 7));
    QVERIFY(!saved->birthDateEstimated);
    QCOMPARE(saved->phone, QStringLiteral("+998901234567"));
    QCOMPARE(saved->address, QStringLiteral("Toshkent, Chilonzor 9"));
    QCOMPARE(saved->allergies, QStringLiteral("Penicillin: rash"));
    QCOMPARE(saved->medications, QStringLiteral("Metformin 500 mg"));
    QCOMPARE(saved->history, QStringLiteral("Type 2 diabetes"));
    QCOMPARE(saved->notes, QStringLiteral("Prefers mornings"));
    QVERIFY(!saved->number.isEmpty());
}

void TestPatientDialog::cyrillicAndUzbekLettersAreKeptAsTyped()
{
    PatientDialog dialog(*m_registry);
    dialog.show();
    typeText(child<QLineEdit>(dialog, "lastNameEdit"), QStringLiteral("Gʻulomova"));
    typeText(child<QLineEdit>(dialog, "firstNameEdit"), QStringLiteral("Oʻgʻiloy"));
    typeText(child<QLineEdit>(dialog, "fatherNameEdit"), QStringLiteral("Шукуровна"));
    QCOMPARE(child<QLineEdit>(dialog, "firstNameEdit")->text(), QStringLiteral("Oʻgʻiloy"));
    child<QRadioButton>(dialog, "femaleRadio")->click();
    QTest::keyClicks(child<QLineEdit>(dialog, "birthDateEdit"), QStringLiteral("01.02.2001"));
    typeText(child<QPlainTextEdit>(dialog, "allergiesEdit"), QStringLiteral("Аллергия на пенициллин"));
    save(dialog);

    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const std::optional<Patient> saved = m_registry->patient(dialog.savedLocalId());
    QVERIFY(saved);
    QCOMPARE(saved->lastName, QStringLiteral("Gʻulomova"));
    QCOMPARE(saved->firstName, QStringLiteral("Oʻgʻiloy"));
    QCOMPARE(saved->fatherName, QStringLiteral("Шукуровна"));
    QCOMPARE(saved->allergies, QStringLiteral("Аллергия на пенициллин"));
}

void TestPatientDialog::duplicateNeedsASecondPress()
{
    Patient existing;
    existing.lastName = QStringLiteral("Karimov");
    existing.firstName = QStringLiteral("Aziz");
    existing.sex = Sex::Male;
    existing.birthDate = QDate(1985, 3, 12);
    existing.phone = QStringLiteral("+998935554433");
    QVERIFY(m_registry->registerPatient(existing));

    PatientDialog dialog(*m_registry);
    dialog.show();
    typeText(child<QLineEdit>(dialog, "lastNameEdit"), QStringLiteral("Каримов"));
    typeText(child<QLineEdit>(dialog, "firstNameEdit"), QStringLiteral("Азиз"));
    child<QRadioButton>(dialog, "maleRadio")->click();
    QTest::keyClicks(child<QLineEdit>(dialog, "birthDateEdit"), QStringLiteral("12.03.1985"));
    auto *saveButton = child<QPushButton>(dialog, "saveButton");
    const QString plainSaveText = saveButton->text();
    save(dialog);

    QVERIFY(dialog.isDuplicateWarningShown());
    QVERIFY(child<QWidget>(dialog, "duplicateWarning")->isVisible());
    QVERIFY(dialog.isVisible());
    QCOMPARE(m_registry->patientCount(), 1);
    QVERIFY(saveButton->text() != plainSaveText);
    QVERIFY(saveButton->text().contains(QLatin1String("anyway")));
    auto *list = child<QListWidget>(dialog, "duplicateList");
    QCOMPARE(list->count(), 1);
    const QString line = list->item(0)->text();
    QVERIFY2(line.contains(existing.number), qPrintable(line));
    QVERIFY2(line.contains(QLatin1String("Karimov Aziz")), qPrintable(line));
    QVERIFY2(line.contains(QLatin1String("12.03.1985")), qPrintable(line));
    QVERIFY2(line.contains(QLatin1String("+998 93 555 44 33")), qPrintable(line));

    save(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(m_registry->patientCount(), 2);
    QCOMPARE(m_registry->patient(dialog.savedLocalId())->lastName, QStringLiteral("Каримов"));
}

void TestPatientDialog::editingAfterDuplicateWarningChecksAgain()
{
    Patient existing;
    existing.lastName = QStringLiteral("Aliyev");
    existing.firstName = QStringLiteral("Jasur");
    existing.sex = Sex::Male;
    existing.birthDate = QDate(1990, 1, 5);
    QVERIFY(m_registry->registerPatient(existing));

    PatientDialog dialog(*m_registry);
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(dialog, "lastNameEdit"), QStringLiteral("Aliyev"));
    QTest::keyClicks(child<QLineEdit>(dialog, "firstNameEdit"), QStringLiteral("Jasur"));
    child<QRadioButton>(dialog, "maleRadio")->click();
    auto *birthDate = child<QLineEdit>(dialog, "birthDateEdit");
    QTest::keyClicks(birthDate, QStringLiteral("05.01.1990"));
    save(dialog);
    QVERIFY(dialog.isDuplicateWarningShown());

    // The user corrects the date instead: the next press checks again and saves, since
    // the corrected patient no longer matches.
    birthDate->selectAll();
    QTest::keyClicks(birthDate, QStringLiteral("05.01.1991"));
    QVERIFY(!child<QPushButton>(dialog, "saveButton")->text().contains(QLatin1String("anyway")));
    save(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(m_registry->patientCount(), 2);
}

void TestPatientDialog::duplicateWarningCanOpenTheExistingPatient()
{
    Patient existing;
    existing.lastName = QStringLiteral("Ivanova");
    existing.firstName = QStringLiteral("Olga");
    existing.sex = Sex::Female;
    existing.birthDate = QDate(1970, 6, 30);
    existing.phone = QStringLiteral("+998711234567");
    QVERIFY(m_registry->registerPatient(existing));

    PatientDialog dialog(*m_registry);
    dialog.show();
    typeText(child<QLineEdit>(dialog, "lastNameEdit"), QStringLiteral("Новикова"));
    typeText(child<QLineEdit>(dialog, "firstNameEdit"), QStringLiteral("Ольга"));
    child<QRadioButton>(dialog, "femaleRadio")->click();
    QTest::keyClicks(child<QLineEdit>(dialog, "birthDateEdit"), QStringLiteral("30.06.1970"));
    QTest::keyClicks(child<QLineEdit>(dialog, "phoneEdit"), QStringLiteral("71 123 45 67")); // same phone
    save(dialog);
    QVERIFY(dialog.isDuplicateWarningShown());

    // Going to the existing card drops what was typed here, so it is asked first.
    QString asked;
    answerDiscardQuestion(false, &asked);
    QTest::mouseClick(child<QPushButton>(dialog, "openExistingButton"), Qt::LeftButton);
    QVERIFY(!asked.isEmpty());
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.chosenExistingLocalId(), 0);
    QCOMPARE(child<QLineEdit>(dialog, "lastNameEdit")->text(), QStringLiteral("Новикова"));

    asked.clear();
    answerDiscardQuestion(true, &asked);
    QTest::mouseClick(child<QPushButton>(dialog, "openExistingButton"), Qt::LeftButton);
    QVERIFY(!asked.isEmpty());
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), PatientDialog::OpenExistingResult);
    QCOMPARE(dialog.chosenExistingLocalId(), existing.localId);
    QCOMPARE(m_registry->patientCount(), 1);
}

void TestPatientDialog::storeFailureKeepsEverythingTyped()
{
    PatientDialog dialog(*m_registry);
    dialog.show();
    fillValid(dialog);
    QTest::keyClicks(child<QPlainTextEdit>(dialog, "notesEdit"), QStringLiteral("Came with her son"));

    // The connection refuses every write, as a full or read-only disk would.
    QSqlQuery pragma(m_registry->database().connection());
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA query_only = 1")));
    save(dialog);

    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    auto *saveError = child<QLabel>(dialog, "saveErrorLabel");
    QVERIFY(saveError->isVisible());
    QVERIFY(!m_registry->lastError().message.isEmpty());
    QVERIFY2(saveError->text().contains(m_registry->lastError().message), qPrintable(saveError->text()));
    QCOMPARE(child<QLineEdit>(dialog, "lastNameEdit")->text(), QStringLiteral("Toshmatov"));
    QCOMPARE(child<QLineEdit>(dialog, "birthDateEdit")->text(), QStringLiteral("07.11.1979"));
    QCOMPARE(child<QPlainTextEdit>(dialog, "notesEdit")->toPlainText(), QStringLiteral("Came with her son"));
    QVERIFY(child<QRadioButton>(dialog, "maleRadio")->isChecked());

    QVERIFY(pragma.exec(QStringLiteral("PRAGMA query_only = 0")));
    QCOMPARE(m_registry->patientCount(), 0);
    save(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(m_registry->patient(dialog.savedLocalId())->notes, QStringLiteral("Came with her son"));
}

void TestPatientDialog::saveErrorFollowsALanguageSwitch()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(QStringLiteral("en"), false));
    PatientDialog dialog(*m_registry);
    dialog.show();
    fillValid(dialog);
    QSqlQuery pragma(m_registry->database().connection());
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA query_only = 1")));
    save(dialog);
    auto *saveError = child<QLabel>(dialog, "saveErrorLabel");
    QVERIFY(saveError->isVisible());
    const QString reason = m_registry->lastError().message;
    QVERIFY(!reason.isEmpty());
    const QString english = saveError->text();
    QVERIFY2(english.startsWith(QLatin1String("The patient was not saved: ")), qPrintable(english));

    QVERIFY(languages.setLanguage(QStringLiteral("ru"), false));
    const QString russian =
        QCoreApplication::translate("medora::PatientDialog",
                                    "The patient was not saved: %1\nEverything you typed is still here; "
                                    "correct the problem and press Save again.")
            .arg(reason);
    QVERIFY(!russian.startsWith(QLatin1String("The patient")));
    QTRY_COMPARE(saveError->text(), russian);
    QVERIFY(saveError->isVisible());
    QCOMPARE(saveError->accessibleName(), russian);

    QVERIFY(languages.setLanguage(QStringLiteral("en"), false));
    QTRY_COMPARE(saveError->text(), english);
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA query_only = 0")));
}

void TestPatientDialog::editingKeepsAnUnchangedEstimatedBirthDate()
{
    Patient existing;
    existing.lastName = QStringLiteral("Yusupov");
    existing.firstName = QStringLiteral("Rustam");
    existing.sex = Sex::Male;
    existing.birthDate = QDate::currentDate().addYears(-52).addDays(-40);
    existing.birthDateEstimated = true;
    QVERIFY(m_registry->registerPatient(existing));

    PatientDialog dialog(*m_registry, *m_registry->patient(existing.localId));
    dialog.show();
    QVERIFY(!dialog.isNewPatient());
    QVERIFY(child<QCheckBox>(dialog, "ageOnlyCheck")->isChecked());
    QCOMPARE(child<QSpinBox>(dialog, "ageSpin")->value(), 52);
    QVERIFY(child<QLabel>(dialog, "patientNumberLabel")->text().contains(existing.number));
    auto *phone = child<QLineEdit>(dialog, "phoneEdit");
    QTest::keyClicks(phone, QStringLiteral("+998 97 700 11 22"));
    save(dialog);

    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(m_registry->patientCount(), 1);
    const std::optional<Patient> saved = m_registry->patient(existing.localId);
    QCOMPARE(saved->phone, QStringLiteral("+998977001122"));
    QCOMPARE(saved->birthDate, existing.birthDate);
    QVERIFY(saved->birthDateEstimated);
}

void TestPatientDialog::cancellingTypedInputAsksFirst()
{
    PatientDialog dialog(*m_registry);
    dialog.show();
    QVERIFY(!dialog.hasUnsavedInput());
    QTest::keyClicks(child<QLineEdit>(dialog, "lastNameEdit"), QStringLiteral("Nazarov"));
    QVERIFY(dialog.hasUnsavedInput());

    QString asked;
    answerDiscardQuestion(false, &asked);
    dialog.reject();
    QVERIFY(!asked.isEmpty());
    QVERIFY(dialog.isVisible());
    QCOMPARE(child<QLineEdit>(dialog, "lastNameEdit")->text(), QStringLiteral("Nazarov"));

    asked.clear();
    answerDiscardQuestion(true, &asked);
    dialog.reject();
    QVERIFY(!asked.isEmpty());
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestPatientDialog::prefillFromSearchFillsNameOrPhone()
{
    PatientDialog byName(*m_registry);
    byName.prefillFromSearch(QStringLiteral("  karimov   aziz "));
    QCOMPARE(child<QLineEdit>(byName, "lastNameEdit")->text(), QStringLiteral("Karimov"));
    QCOMPARE(child<QLineEdit>(byName, "firstNameEdit")->text(), QStringLiteral("Aziz"));
    QVERIFY(child<QLineEdit>(byName, "phoneEdit")->text().isEmpty());

    PatientDialog byPhone(*m_registry);
    byPhone.prefillFromSearch(QStringLiteral("901234567"));
    QCOMPARE(child<QLineEdit>(byPhone, "phoneEdit")->text(), QStringLiteral("+998 90 123 45 67"));
    QVERIFY(child<QLineEdit>(byPhone, "lastNameEdit")->text().isEmpty());

    PatientDialog byNumber(*m_registry);
    byNumber.prefillFromSearch(QStringLiteral("KQX-00042"));
    QVERIFY(child<QLineEdit>(byNumber, "lastNameEdit")->text().isEmpty());
    QVERIFY(child<QLineEdit>(byNumber, "phoneEdit")->text().isEmpty());
}

void TestPatientDialog::shownErrorsFollowALanguageSwitch()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(QStringLiteral("en"), false));
    PatientDialog dialog(*m_registry);
    dialog.show();
    save(dialog);
    const QString english = dialog.errorText(QStringLiteral("lastName"));
    QCOMPARE(english, QStringLiteral("Last name is required."));

    QVERIFY(languages.setLanguage(QStringLiteral("ru"), false));
    const QString russian = QCoreApplication::translate("PatientValidator", "Last name is required.");
    QVERIFY(russian != english);
    QTRY_COMPARE(dialog.errorText(QStringLiteral("lastName")), russian);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Новый пациент"));
    QCOMPARE(child<QPushButton>(dialog, "saveButton")->text(), QStringLiteral("&Сохранить"));
    QCOMPARE(m_registry->patientCount(), 0);

    QVERIFY(languages.setLanguage(QStringLiteral("en"), false));
    QTRY_COMPARE(dialog.errorText(QStringLiteral("lastName")), english);
}

void TestPatientDialog::birthDateParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("canonical") << "25.03.1984" << QDate(1984, 3, 25);
    QTest::newRow("short day and month") << "5.3.1984" << QDate(1984, 3, 5);
    QTest::newRow("slashes") << "25/03/1984" << QDate(1984, 3, 25);
    QTest::newRow("digits only") << "25031984" << QDate(1984, 3, 25);
    QTest::newRow("spaces around") << " 25.03.1984 " << QDate(1984, 3, 25);
    QTest::newRow("no such day") << "30.02.1984" << QDate();
    QTest::newRow("two-digit year") << "25.03.84" << QDate();
    QTest::newRow("iso order") << "1984-03-25" << QDate();
    QTest::newRow("text") << "yesterday" << QDate();
}

void TestPatientDialog::birthDateParsing()
{
    QFETCH(QString, text);
    QFETCH(QDate, expected);
    QCOMPARE(PatientDialog::parseBirthDate(text), expected);
}

QTEST_MAIN(TestPatientDialog)
#include "tst_patientdialog.moc"
