#include "cabinet/PhrasePicker.h"
#include "cabinet/ReportEditor.h"
#include "cabinet/VitalsEditor.h"
#include "domain/UuidV7.h"
#include "i18n/LanguageManager.h"
#include "store/Database.h"
#include "store/ReportStore.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QVBoxLayout>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

const QString kDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");
const QString kOtherDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c2");

// QTest::keyClicks goes through Latin-1; Uzbek and Russian letters are sent one by one.
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c == QLatin1Char('\n'))
            QTest::keyClick(widget, Qt::Key_Return);
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

// Answers the next message box (the signing question) with the button whose text contains
// `choice` once it is up.
void answerMessageBox(const QString &choice, QString *asked)
{
    QTimer::singleShot(0, [choice, asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        *asked = box->text();
        for (QAbstractButton *button : box->buttons()) {
            if (button->text().remove(QLatin1Char('&')).contains(choice)) {
                button->click();
                return;
            }
        }
        QFAIL("no such button");
    });
}

UserProfile doctor(const QString &id = kDoctor)
{
    UserProfile me;
    me.id = id;
    me.login = QStringLiteral("dr");
    me.fullName = QStringLiteral("Dr. Aziza Karimova");
    me.role = QStringLiteral("doctor");
    return me;
}

} // namespace

class TestReportEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void everySectionIsThereWithAccessibleNames();
    void typedCyrillicIsAutosaved();
    void focusLeavingTheEditorSavesAtOnce();
    void closingTheEditorSavesWhatIsPending();
    void implausibleVitalsWarnButAreSaved();
    void malformedValuesAreKeptOnScreenButNotSaved();
    void templatePhraseIsInsertedAtTheCursor();
    void templateLanguageFollowsTheUiLanguage();
    void signingAsksFirstThenMakesTheReportReadOnly();
    void addendumIsANewDraftOfTheSignedReport();
    void onlyTheAuthorEditsADraft();

private:
    void openEditor(const Report &report, const UserProfile &me = doctor());

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ReportStore> m_store;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<QWidget> m_window;
    ReportEditor *m_editor = nullptr;
    QLineEdit *m_outside = nullptr;
    Report m_draft;
};

void TestReportEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_reporteditor"));
}

void TestReportEditor::init()
{
    QSettings().clear();
    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("medora.db"))));
    m_store = std::make_unique<ReportStore>(*m_database);
    m_draft = Report();
    m_draft.visitId = UuidV7::generate();
    m_draft.patientId = UuidV7::generate();
    m_draft.authorId = kDoctor;
    QVERIFY(m_store->insert(m_draft));
    openEditor(m_draft);
}

void TestReportEditor::openEditor(const Report &report, const UserProfile &me)
{
    m_window.reset();
    m_window = std::make_unique<QWidget>();
    auto *layout = new QVBoxLayout(m_window.get());
    m_outside = new QLineEdit(m_window.get());
    m_outside->setObjectName(QStringLiteral("outside"));
    layout->addWidget(m_outside);
    m_editor = new ReportEditor(*m_store, me, m_window.get());
    layout->addWidget(m_editor);
    m_editor->openReport(report);
    m_window->resize(1100, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestReportEditor::cleanup()
{
    m_window.reset();
    m_store.reset();
    m_database.reset();
    m_dir.reset();
    m_languages.reset();
}

void TestReportEditor::everySectionIsThereWithAccessibleNames()
{
    for (const char *key : {"complaints", "anamnesis", "examination", "diagnosis", "treatmentPlan",
                            "recommendations", "notes"}) {
        QPlainTextEdit *edit = m_editor->sectionEdit(QLatin1String(key));
        QVERIFY2(edit, key);
        QVERIFY2(!edit->accessibleName().isEmpty(), key);
        QVERIFY(!edit->isReadOnly());
    }
    QVERIFY(!m_editor->icd10Edit()->accessibleName().isEmpty());
    for (const char *code : {"temperature", "pulse", "bp_systolic", "bp_diastolic", "resp_rate", "spo2",
                             "weight", "height", "glucose"}) {
        QLineEdit *field = m_editor->vitalsEditor()->field(QLatin1String(code));
        QVERIFY2(field, code);
        QVERIFY2(field->accessibleName().contains(QLatin1String(",")), code); // name and unit
    }
    QVERIFY(m_editor->isEditable());
    QVERIFY(m_editor->signButton()->isVisible());
    QVERIFY(!m_editor->addendumButton()->isVisible());
    QVERIFY(m_editor->phrasePicker()->specialtyBox()->count() >= 6);
    QVERIFY(m_editor->phrasePicker()->loadErrors().isEmpty());
}

void TestReportEditor::typedCyrillicIsAutosaved()
{
    QSignalSpy saved(m_editor, &ReportEditor::draftSaved);
    QSignalSpy changes(m_editor, &ReportEditor::localChange);
    QPlainTextEdit *complaints = m_editor->sectionEdit(QStringLiteral("complaints"));
    complaints->setFocus();
    const QString text = QStringLiteral("Бош оғриғи, ҳолсизлик; Oʻtkir yoʻtal");
    typeText(complaints, text);
    QCOMPARE(complaints->toPlainText(), text);
    QVERIFY(m_editor->autosaver().isPending());
    QVERIFY(saved.wait(3000));
    QCOMPARE(m_store->get(m_draft.localId)->sections.complaints, text);
    QVERIFY(changes.size() >= 1);
    QVERIFY(m_editor->statusText().contains(QStringLiteral("saved")));
}

void TestReportEditor::focusLeavingTheEditorSavesAtOnce()
{
    m_editor->autosaver().setDebounceMs(60000);
    QPlainTextEdit *anamnesis = m_editor->sectionEdit(QStringLiteral("anamnesis"));
    anamnesis->setFocus();
    typeText(anamnesis, QStringLiteral("Болеет 3 дня"));
    QVERIFY(m_store->get(m_draft.localId)->sections.anamnesis.isEmpty());
    m_outside->setFocus();
    QTRY_COMPARE(m_store->get(m_draft.localId)->sections.anamnesis, QStringLiteral("Болеет 3 дня"));
}

void TestReportEditor::closingTheEditorSavesWhatIsPending()
{
    m_editor->autosaver().setDebounceMs(60000);
    QPlainTextEdit *notes = m_editor->sectionEdit(QStringLiteral("notes"));
    notes->setFocus();
    typeText(notes, QStringLiteral("Последняя строка перед закрытием"));
    QVERIFY(m_editor->autosaver().isPending());
    m_window->close();
    m_window.reset(); // the editor goes with its window
    m_editor = nullptr;
    QCOMPARE(m_store->get(m_draft.localId)->sections.notes,
             QStringLiteral("Последняя строка перед закрытием"));
}

void TestReportEditor::implausibleVitalsWarnButAreSaved()
{
    VitalsEditor *vitals = m_editor->vitalsEditor();
    QLineEdit *temperature = vitals->field(QStringLiteral("temperature"));
    temperature->setFocus();
    QTest::keyClicks(temperature, QStringLiteral("73"));
    QVERIFY(!vitals->warningText(QStringLiteral("temperature")).isEmpty());
    QVERIFY(vitals->warningText(QStringLiteral("temperature")).contains(QStringLiteral("73")));
    QVERIFY(!temperature->accessibleDescription().isEmpty());
    QLineEdit *systolic = vitals->field(QStringLiteral("bp_systolic"));
    QLineEdit *diastolic = vitals->field(QStringLiteral("bp_diastolic"));
    systolic->setFocus();
    QTest::keyClicks(systolic, QStringLiteral("70"));
    diastolic->setFocus();
    QTest::keyClicks(diastolic, QStringLiteral("110"));
    QVERIFY(!vitals->pressureWarningText().isEmpty());
    QLineEdit *pulse = vitals->field(QStringLiteral("pulse"));
    pulse->setFocus();
    QTest::keyClicks(pulse, QStringLiteral("72"));
    QVERIFY(vitals->warningText(QStringLiteral("pulse")).isEmpty());
    QVERIFY(m_editor->flush());
    const QList<Vital> stored = m_store->get(m_draft.localId)->sections.vitals;
    QCOMPARE(stored.size(), 4);
    QCOMPARE(stored[0], (Vital{QStringLiteral("temperature"), QStringLiteral("73"), QStringLiteral("°C")}));
    QCOMPARE(stored[1], (Vital{QStringLiteral("pulse"), QStringLiteral("72"), QStringLiteral("bpm")}));
    QVERIFY(m_editor->errorText().isEmpty());
    // Correcting it takes the warning away.
    temperature->setFocus();
    temperature->selectAll();
    QTest::keyClicks(temperature, QStringLiteral("37,3"));
    QVERIFY(vitals->warningText(QStringLiteral("temperature")).isEmpty());
    QVERIFY(m_editor->flush());
    QCOMPARE(m_store->get(m_draft.localId)->sections.vitals[0].value, QStringLiteral("37.3"));
}

void TestReportEditor::malformedValuesAreKeptOnScreenButNotSaved()
{
    QPlainTextEdit *diagnosis = m_editor->sectionEdit(QStringLiteral("diagnosis"));
    diagnosis->setFocus();
    typeText(diagnosis, QStringLiteral("ОРВИ"));
    QLineEdit *icd = m_editor->icd10Edit();
    icd->setFocus();
    QTest::keyClicks(icd, QStringLiteral("j06"));
    QCOMPARE(icd->text(), QStringLiteral("J06")); // capitals, as codes are written
    QVERIFY(m_editor->icd10Warning().isEmpty());
    QVERIFY(m_editor->flush());
    QCOMPARE(m_store->get(m_draft.localId)->sections.icd10, QStringLiteral("J06"));
    QTest::keyClicks(icd, QStringLiteral("."));
    QVERIFY(!m_editor->icd10Warning().isEmpty());
    QLineEdit *temperature = m_editor->vitalsEditor()->field(QStringLiteral("temperature"));
    temperature->setFocus();
    QTest::keyClicks(temperature, QStringLiteral("36."));
    QVERIFY(!m_editor->vitalsEditor()->warningText(QStringLiteral("temperature")).isEmpty());
    diagnosis->setFocus();
    typeText(diagnosis, QStringLiteral(" лёгкая"));
    QVERIFY(m_editor->flush());
    const Report stored = *m_store->get(m_draft.localId);
    QCOMPARE(stored.sections.diagnosis, QStringLiteral("ОРВИ лёгкая")); // the rest is saved
    QCOMPARE(stored.sections.icd10, QStringLiteral("J06"));             // the last good code stays
    QVERIFY(stored.sections.vitals.isEmpty());
    QCOMPARE(icd->text(), QStringLiteral("J06.")); // nothing typed is lost
    QCOMPARE(temperature->text(), QStringLiteral("36."));
    QVERIFY(m_editor->errorText().isEmpty());
}

void TestReportEditor::templatePhraseIsInsertedAtTheCursor()
{
    PhrasePicker *picker = m_editor->phrasePicker();
    QVERIFY(picker->selectSpecialty(QStringLiteral("cardiology")));
    QPlainTextEdit *examination = m_editor->sectionEdit(QStringLiteral("examination"));
    examination->setFocus();
    typeText(examination, QStringLiteral("Status:"));
    QCOMPARE(picker->section(), QStringLiteral("examination"));
    const QStringList phrases = picker->phrases();
    QVERIFY(!phrases.isEmpty());
    QTest::keyClick(examination, Qt::Key_T, Qt::ControlModifier);
    QTRY_VERIFY(picker->phraseList()->hasFocus());
    QTest::keyClick(picker->phraseList(), Qt::Key_Down);
    const QString chosen = picker->phraseList()->currentItem()->text();
    QCOMPARE(chosen, phrases.value(1));
    QTest::keyClick(picker->phraseList(), Qt::Key_Return);
    QTRY_VERIFY(examination->hasFocus());
    QCOMPARE(examination->toPlainText(), QStringLiteral("Status: ") + chosen);
    // In the middle of the text, at the cursor.
    QTextCursor cursor = examination->textCursor();
    cursor.setPosition(0);
    examination->setTextCursor(cursor);
    m_editor->insertPhrase(QStringLiteral("X."));
    QVERIFY(examination->toPlainText().startsWith(QStringLiteral("X.Status: ")));
    QVERIFY(m_editor->flush());
    QCOMPARE(m_store->get(m_draft.localId)->sections.examination, examination->toPlainText());
}

void TestReportEditor::templateLanguageFollowsTheUiLanguage()
{
    QVERIFY(m_languages->setLanguage(QStringLiteral("ru"), false));
    QTRY_COMPARE(m_editor->phrasePicker()->language(), QStringLiteral("ru"));
    QVERIFY(m_editor->phrasePicker()->selectSpecialty(QStringLiteral("cardiology")));
    QCOMPARE(m_editor->phrasePicker()->specialtyBox()->currentText(), QStringLiteral("Кардиология"));
    QVERIFY(m_languages->setLanguage(QStringLiteral("uz"), false));
    QTRY_COMPARE(m_editor->phrasePicker()->language(), QStringLiteral("uz"));
    QCOMPARE(m_editor->phrasePicker()->specialty(), QStringLiteral("cardiology")); // the choice is kept
    QCOMPARE(m_editor->phrasePicker()->specialtyBox()->currentText(), QStringLiteral("Kardiologiya"));
}

void TestReportEditor::signingAsksFirstThenMakesTheReportReadOnly()
{
    QPlainTextEdit *diagnosis = m_editor->sectionEdit(QStringLiteral("diagnosis"));
    diagnosis->setFocus();
    typeText(diagnosis, QStringLiteral("Gipertoniya"));
    QString asked;
    answerMessageBox(QStringLiteral("Keep editing"), &asked);
    QTest::keyClick(diagnosis, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!asked.isEmpty());
    QCOMPARE(m_store->get(m_draft.localId)->status, ReportStatus::Draft);
    // Declining still saved what was typed.
    QCOMPARE(m_store->get(m_draft.localId)->sections.diagnosis, QStringLiteral("Gipertoniya"));

    QSignalSpy signedSpy(m_editor, &ReportEditor::reportSigned);
    // Shortcuts go to the active window; the question box has just given it back.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    answerMessageBox(QStringLiteral("Sign"), &asked);
    QTest::keyClick(diagnosis, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(signedSpy.size(), 1);
    const Report stored = *m_store->get(m_draft.localId);
    QCOMPARE(stored.status, ReportStatus::Signed);
    QCOMPARE(stored.sections.diagnosis, QStringLiteral("Gipertoniya"));
    QVERIFY(!m_editor->isEditable());
    QVERIFY(diagnosis->isReadOnly());
    QVERIFY(m_editor->icd10Edit()->isReadOnly());
    QVERIFY(m_editor->vitalsEditor()->field(QStringLiteral("pulse"))->isReadOnly());
    QVERIFY(!m_editor->signButton()->isVisible());
    QVERIFY(m_editor->addendumButton()->isVisible());
    diagnosis->setFocus();
    typeText(diagnosis, QStringLiteral("zzz"));
    QCOMPARE(diagnosis->toPlainText(), QStringLiteral("Gipertoniya"));
    QVERIFY(!m_editor->autosaver().isPending());
}

void TestReportEditor::addendumIsANewDraftOfTheSignedReport()
{
    QVERIFY(m_store->sign(m_draft.localId));
    m_editor->openReport(*m_store->get(m_draft.localId));
    QSignalSpy started(m_editor, &ReportEditor::addendumStarted);
    m_editor->addendumButton()->click();
    QCOMPARE(started.size(), 1);
    const Report addendum = m_editor->report();
    QVERIFY(addendum.localId != m_draft.localId);
    QCOMPARE(addendum.addendumTo, m_draft.id);
    QCOMPARE(addendum.authorId, kDoctor);
    QVERIFY(m_editor->isEditable());
    QPlainTextEdit *notes = m_editor->sectionEdit(QStringLiteral("notes"));
    notes->setFocus();
    typeText(notes, QStringLiteral("Анализ крови: норма"));
    QVERIFY(m_editor->sign(false));
    const QList<Report> addenda = m_store->addendaOf(m_draft.id);
    QCOMPARE(addenda.size(), 1);
    QCOMPARE(addenda[0].sections.notes, QStringLiteral("Анализ крови: норма"));
    QCOMPARE(addenda[0].status, ReportStatus::Signed);
}

void TestReportEditor::onlyTheAuthorEditsADraft()
{
    openEditor(*m_store->get(m_draft.localId), doctor(kOtherDoctor));
    QVERIFY(!m_editor->isEditable());
    QVERIFY(m_editor->sectionEdit(QStringLiteral("complaints"))->isReadOnly());
    QVERIFY(!m_editor->signButton()->isVisible());
    QVERIFY(!m_editor->sign(false));
    QCOMPARE(m_store->get(m_draft.localId)->status, ReportStatus::Draft);

    UserProfile receptionist = doctor();
    receptionist.role = QStringLiteral("receptionist");
    openEditor(*m_store->get(m_draft.localId), receptionist);
    QVERIFY(!m_editor->isEditable());
}

QTEST_MAIN(TestReportEditor)
#include "tst_reporteditor.moc"
