#include "MemorySecretStore.h"
#include "api/ApiClient.h"
#include "auth/LoginDialog.h"
#include "cabinet/ChartHeader.h"
#include "cabinet/ChartHistoryView.h"
#include "cabinet/DoctorCabinet.h"
#include "cabinet/MyQueuePanel.h"
#include "cabinet/ReportEditor.h"
#include "cash/CashSummary.h"
#include "cash/PaymentService.h"
#include "clinic/ClinicDirectory.h"
#include "i18n/LanguageManager.h"
#include "print/PrintActions.h"
#include "queue/QueueService.h"
#include "queue/TicketNumber.h"
#include "reception/CashSummaryView.h"
#include "reception/MoneyEdit.h"
#include "reception/PatientPicker.h"
#include "reception/PaymentDialog.h"
#include "reception/PaymentsPanel.h"
#include "reception/QueueModel.h"
#include "reception/QueuePanel.h"
#include "reception/ReceptionDesk.h"
#include "reception/ReceptionPrinter.h"
#include "registry/MainWindow.h"
#include "registry/PatientDialog.h"
#include "registry/PatientListModel.h"
#include "registry/PatientRegistry.h"
#include "session/OfflineCredentials.h"
#include "session/SessionManager.h"
#include "store/ReportStore.h"
#include "store/VisitStore.h"
#include "workspace/WorkspacePages.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

const QString kDoctorId = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");
const QString kOtherDoctorId = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c2");
const QString kReceptionistId = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ec01");
const QString kDoctorPassword = QStringLiteral("Shifokor-parol 2024");
const QString kReceptionistPassword = QStringLiteral("Qabulxona-parol 2024");

// What is typed during the day, in the scripts the clinic writes: Uzbek Latin with its
// letter mark (U+02BB) and Cyrillic.
const QString kLastName = QStringLiteral("Yoʻldosheva");
const QString kFirstName = QStringLiteral("Gʻuncha");
const QString kFatherName = QStringLiteral("Rustamovna");
const QString kComplaints = QStringLiteral("Кашель три дня, ҳарорат 38,2; tomoq ogʻrigʻi");
const QString kExamination = QStringLiteral("Зев гиперемирован, дыхание везикулярное");
const QString kDiagnosis = QStringLiteral("Oʻtkir faringit");
const QString kTreatment = QStringLiteral("Обильное питьё, полоскание горла 3 раза в день");
const QString kQueueNote = QStringLiteral("повторный приём");

UserProfile profile(const QString &id, const QString &login, const QString &name, const QString &role)
{
    UserProfile user;
    user.id = id;
    user.clinicId = QStringLiteral("clinic-1");
    user.clinicName = QStringLiteral("Shifo Klinikasi");
    user.login = login;
    user.fullName = name;
    user.role = role;
    return user;
}

// QTest::keyClicks stops at characters outside Latin-1: one key event per character.
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        QTest::sendKeyEvent(QTest::Press, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

bool activate(QWidget *window)
{
    window->raise();
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

// A modal question runs its own event loop: it is answered from a queued call once it is up.
void answerQuestion(QMessageBox::ButtonRole role)
{
    QTimer::singleShot(0, [role] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == role) {
                button->click();
                return;
            }
        }
        QFAIL("the question has no button with the expected role");
    });
}

bool hasCyrillic(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x400 && c.unicode() <= 0x4FF)
            return true;
    }
    return false;
}

// Every text a widget tree shows (labels, edits, buttons, tab titles, item views), to prove
// what a role does not see.
QString allText(QWidget *root)
{
    QStringList texts;
    for (QLabel *label : root->findChildren<QLabel *>())
        texts << label->text();
    for (QPlainTextEdit *edit : root->findChildren<QPlainTextEdit *>())
        texts << edit->toPlainText();
    for (QTextEdit *edit : root->findChildren<QTextEdit *>())
        texts << edit->toPlainText();
    for (QLineEdit *edit : root->findChildren<QLineEdit *>())
        texts << edit->text();
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>())
        texts << button->text();
    for (QTabWidget *tabs : root->findChildren<QTabWidget *>()) {
        for (int i = 0; i < tabs->count(); ++i)
            texts << tabs->tabText(i);
    }
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
        QAbstractItemModel *model = view->model();
        for (int row = 0; model && row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column)
                texts << model->index(row, column).data().toString();
        }
    }
    return texts.join(QLatin1Char('\n'));
}

QString normalizedSpace(const QString &text)
{
    return text.simplified();
}

// The text pdftotext extracts from a PDF (UTF-8), whitespace folded.
QString pdfText(const QString &path, QString *error)
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty()) {
        *error = QStringLiteral("pdftotext is missing: install poppler-utils (scripts/setup does)");
        return {};
    }
    QProcess process;
    process.start(pdftotext, {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(20000) || process.exitCode() != 0) {
        *error = QString::fromUtf8(process.readAllStandardError());
        return {};
    }
    return normalizedSpace(QString::fromUtf8(process.readAllStandardOutput()));
}

// One person's window on the clinic PC's local store: their session (signed in with the
// password checked on this PC, the server being unreachable), the main window and the pages
// their role gets, exactly as app/main.cpp wires them.
struct Workplace
{
    std::unique_ptr<ApiClient> api;
    MemorySecretStore secrets;
    std::unique_ptr<OfflineCredentials> credentials;
    std::unique_ptr<SessionManager> session;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<WorkspacePages> pages;
};

} // namespace

// The clinic's day on one local store, through the real widgets of the main window: the
// receptionist registers a patient and queues them for the doctor; the doctor calls them,
// reads the chart, writes, signs and prints the report; the receptionist takes the payment
// and sees it in the day's cash summary. Each role sees only its own work, and the language
// is switched from Uzbek to Russian in the middle of it all without losing anything typed.
class TestWorkflowDay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void clinicDay();

private:
    void openWorkplace(Workplace &place, const UserProfile &user, const QString &password);
    void signIn(Workplace &place, const QString &login, const QString &password);
    void registerPatient();
    void queuePatient();
    void doctorCallsAndWrites();
    void switchLanguageMidSession();
    void doctorSignsAndPrints();
    void receptionistTakesPayment();
    void rolesSeeOnlyTheirWork();

    ReceptionDesk *desk() const { return m_reception.pages->receptionDesk(); }
    DoctorCabinet *cabinet() const { return m_doctor.pages->doctorCabinet(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_server; // https:// on a closed port: the server is unreachable all day
    std::unique_ptr<PatientRegistry> m_registry;
    std::unique_ptr<ClinicDirectory> m_clinic;
    std::unique_ptr<LanguageManager> m_languages;
    Workplace m_reception;
    Workplace m_doctor;
    Patient m_patient;
    Visit m_visit;
    qint64 m_reportId = 0;
};

void TestWorkflowDay::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_workflowday"));
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        m_server = QStringLiteral("https://127.0.0.1:%1").arg(closed.serverPort());
    }

    // The clinic's language; both windows share it as they share the application.
    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("uz"), false));
    m_registry = std::make_unique<PatientRegistry>();
    QVERIFY2(m_registry->open(m_dir->path()), qPrintable(m_registry->lastError().message));
    // The staff and letterhead as the last online sign-in cached them.
    m_clinic = std::make_unique<ClinicDirectory>(m_dir->path());
    Letterhead letterhead;
    letterhead.clinicName = QStringLiteral("Shifo Klinikasi");
    letterhead.address = QStringLiteral("Toshkent, Yunusobod 4");
    letterhead.phone = QStringLiteral("+998 71 200 00 00");
    m_clinic->setForTesting(
        {{kDoctorId, QStringLiteral("Karimova Nodira Rustamovna"), QStringLiteral("doctor"), true},
         {kOtherDoctorId, QStringLiteral("Aliyev Sherzod"), QStringLiteral("doctor"), true},
         {kReceptionistId, QStringLiteral("Azizova Madina"), QStringLiteral("receptionist"), true}},
        letterhead);

    openWorkplace(m_reception,
                  profile(kReceptionistId, QStringLiteral("madina"), QStringLiteral("Azizova Madina"),
                          QStringLiteral("receptionist")),
                  kReceptionistPassword);
    if (QTest::currentTestFailed())
        return;
    openWorkplace(m_doctor,
                  profile(kDoctorId, QStringLiteral("nodira"), QStringLiteral("Karimova Nodira Rustamovna"),
                          QStringLiteral("doctor")),
                  kDoctorPassword);
}

void TestWorkflowDay::cleanupTestCase()
{
    for (Workplace *place : {&m_doctor, &m_reception}) {
        place->pages.reset();
        place->window.reset();
        place->session.reset();
        place->credentials.reset();
        place->api.reset();
    }
    m_clinic.reset();
    m_registry.reset();
    m_languages.reset();
    m_dir.reset();
}

void TestWorkflowDay::openWorkplace(Workplace &place, const UserProfile &user, const QString &password)
{
    place.api = std::make_unique<ApiClient>();
    place.session = std::make_unique<SessionManager>(*place.api, place.secrets);
    QVERIFY(place.session->setServerAddress(m_server).ok());
    // What an earlier online sign-in of this person left on the PC: the password's verifier.
    place.credentials = std::make_unique<OfflineCredentials>(
        m_dir->filePath(user.login + QStringLiteral("-offline-sign-in.json")));
    QVERIFY2(place.credentials->remember(user, place.session->serverIdentity(), password),
             qPrintable(place.credentials->lastError()));
    place.session->setOfflineCredentials(place.credentials.get());

    place.window = std::make_unique<MainWindow>(*m_registry, *m_languages);
    place.window->setSession(place.session.get());
    place.pages =
        std::make_unique<WorkspacePages>(*place.window, m_registry->database(), *m_registry, *m_clinic);
    place.pages->follow(*place.session);
    place.window->resize(1400, 900);
    place.window->show();
    QVERIFY(activate(place.window.get()));
    QCOMPARE(place.window->workspace()->count(), 1); // nobody signed in: the registry only
    signIn(place, user.login, password);
}

void TestWorkflowDay::signIn(Workplace &place, const QString &login, const QString &password)
{
    place.window->signInAction()->trigger();
    LoginDialog *dialog = place.window->loginDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY2(dialog->serverField()->text().contains(QLatin1String("127.0.0.1")),
             qPrintable(dialog->serverField()->text()));
    dialog->loginField()->setFocus();
    typeText(dialog->loginField(), login);
    dialog->passwordField()->setFocus();
    typeText(dialog->passwordField(), password);
    QTest::keyClick(dialog->passwordField(), Qt::Key_Return);
    // The server refuses the connection; the password is checked against this PC's verifier.
    QTRY_VERIFY_WITH_TIMEOUT(place.session->isOffline(), 15000);
    QTRY_VERIFY(!place.window->loginDialog());
    QVERIFY(activate(place.window.get()));
}

void TestWorkflowDay::clinicDay()
{
    registerPatient();
    if (QTest::currentTestFailed())
        return;
    queuePatient();
    if (QTest::currentTestFailed())
        return;
    doctorCallsAndWrites();
    if (QTest::currentTestFailed())
        return;
    switchLanguageMidSession();
    if (QTest::currentTestFailed())
        return;
    doctorSignsAndPrints();
    if (QTest::currentTestFailed())
        return;
    receptionistTakesPayment();
    if (QTest::currentTestFailed())
        return;
    rolesSeeOnlyTheirWork();
}

void TestWorkflowDay::registerPatient()
{
    MainWindow *window = m_reception.window.get();
    QVERIFY(activate(window));
    QVERIFY(desk());
    QVERIFY(!desk()->isReadOnly());
    QVERIFY(!m_reception.pages->doctorCabinet());
    QCOMPARE(window->workspace()->currentWidget(), desk());

    // Ctrl+1: the registry; the name is searched first, as the desk does, and is not there.
    QTest::keyClick(window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(window->workspace()->currentIndex(), 0);
    window->searchField()->setFocus();
    typeText(window->searchField(), kLastName);
    QCOMPARE(window->model()->rowCount(), 0);

    // Ctrl+N: the patient dialog, prefilled from the search.
    QTest::keyClick(window->searchField(), Qt::Key_N, Qt::ControlModifier);
    PatientDialog *dialog = window->patientDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto *lastName = dialog->findChild<QLineEdit *>(QStringLiteral("lastNameEdit"));
    QVERIFY(lastName);
    QCOMPARE(lastName->text(), kLastName);
    auto *firstName = dialog->findChild<QLineEdit *>(QStringLiteral("firstNameEdit"));
    firstName->setFocus();
    typeText(firstName, kFirstName);
    auto *fatherName = dialog->findChild<QLineEdit *>(QStringLiteral("fatherNameEdit"));
    fatherName->setFocus();
    typeText(fatherName, kFatherName);
    auto *female = dialog->findChild<QRadioButton *>(QStringLiteral("femaleRadio"));
    female->setFocus();
    QTest::keyClick(female, Qt::Key_Space);
    QVERIFY(female->isChecked());
    auto *birthDate = dialog->findChild<QLineEdit *>(QStringLiteral("birthDateEdit"));
    birthDate->setFocus();
    QTest::keyClicks(birthDate, QStringLiteral("12.03.1985"));
    auto *phone = dialog->findChild<QLineEdit *>(QStringLiteral("phoneEdit"));
    phone->setFocus();
    QTest::keyClicks(phone, QStringLiteral("90 123 45 67"));
    auto *allergies = dialog->findChild<QPlainTextEdit *>(QStringLiteral("allergiesEdit"));
    QVERIFY(allergies);
    allergies->setFocus();
    typeText(allergies, QStringLiteral("Пенициллин"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_VERIFY(!window->patientDialog());

    // The list shows the new patient, selected.
    QCOMPARE(window->model()->rowCount(), 1);
    const std::optional<Patient> saved = m_registry->patient(window->model()->localIdAt(0));
    QVERIFY(saved);
    m_patient = *saved;
    QCOMPARE(m_patient.lastName, kLastName);
    QCOMPARE(m_patient.firstName, kFirstName);
    QCOMPARE(m_patient.fatherName, kFatherName);
    QCOMPARE(m_patient.birthDate, QDate(1985, 3, 12));
    QCOMPARE(m_patient.phone, QStringLiteral("+998901234567"));
    QCOMPARE(m_patient.sex, Sex::Female);
    QVERIFY(!m_patient.number.isEmpty());
}

void TestWorkflowDay::queuePatient()
{
    MainWindow *window = m_reception.window.get();
    QVERIFY(activate(window)); // back from the patient dialog
    QTest::keyClick(window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window->workspace()->currentWidget(), desk());
    desk()->printer()->setPdfDirectory(m_dir->filePath(QStringLiteral("desk-printouts")));

    QLineEdit *search = desk()->patientPicker()->searchField();
    search->setFocus();
    typeText(search, m_patient.number);
    QCOMPARE(desk()->patientPicker()->currentLocalId(), m_patient.localId);

    QueuePanel *queue = desk()->queuePanel();
    QComboBox *doctors = queue->doctorBox();
    QCOMPARE(doctors->count(), 2);
    doctors->setCurrentIndex(doctors->findData(kDoctorId));
    QCOMPARE(queue->currentDoctorId(), kDoctorId);
    queue->noteEdit()->setFocus();
    typeText(queue->noteEdit(), kQueueNote);
    QVERIFY(queue->printTicketCheck()->isChecked());

    // Ctrl+T: into the doctor's queue, the ticket printed.
    search->setFocus();
    QTest::keyClick(search, Qt::Key_T, Qt::ControlModifier);
    QVERIFY2(queue->errorText().isEmpty(), qPrintable(queue->errorText()));
    QCOMPARE(queue->model()->rowCount(), 1);
    m_visit = queue->model()->visitAt(0);
    QCOMPARE(m_visit.patientId, m_patient.id);
    QCOMPARE(m_visit.doctorId, kDoctorId);
    QCOMPARE(m_visit.status, VisitStatus::Waiting);
    QCOMPARE(m_visit.createdBy, kReceptionistId);
    QCOMPARE(m_visit.note, kQueueNote);
    QVERIFY(m_visit.ticket > 0);
    const QString ticket = desk()->printer()->lastPdfPath();
    QVERIFY2(QFile::exists(ticket), qPrintable(ticket));
    QString error;
    const QString ticketText = pdfText(ticket, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(ticketText.contains(TicketNumber::text(m_visit.ticket)), qPrintable(ticketText));
}

void TestWorkflowDay::doctorCallsAndWrites()
{
    MainWindow *window = m_doctor.window.get();
    QVERIFY(activate(window));
    QVERIFY(cabinet());
    QVERIFY(cabinet()->isDoctor());
    QCOMPARE(window->workspace()->currentWidget(), cabinet());
    // The queue was filled at the desk after the cabinet opened: a sync page or a restart
    // would reload it; here the window is reloaded as WorkspacePages does after a pulled page.
    cabinet()->reload();
    MyQueuePanel *queue = cabinet()->queuePanel();
    QCOMPARE(queue->visits().size(), 1);

    // F6: called. The desk sees it.
    queue->table()->setFocus();
    QTest::keyClick(queue->table(), Qt::Key_F6);
    QCOMPARE(queue->currentVisit()->localId, m_visit.localId);
    QCOMPARE(VisitStore(m_registry->database()).get(m_visit.localId)->status, VisitStatus::Called);
    desk()->reload();
    QCOMPARE(desk()->queuePanel()->model()->visitAt(0).status, VisitStatus::Called);
    QCOMPARE(desk()->queuePanel()->model()->index(0, QueueModel::StatusColumn).data().toString(),
             QueueService::statusText(VisitStatus::Called));

    // The chart: allergies always in view.
    QVERIFY(cabinet()->chartHeader()->hasPatient());
    QVERIFY2(cabinet()->chartHeader()->allergiesText().contains(QStringLiteral("Пенициллин")),
             qPrintable(cabinet()->chartHeader()->allergiesText()));

    // F7: started; the cursor waits in the complaints.
    QTest::keyClick(queue->table(), Qt::Key_F7);
    QCOMPARE(VisitStore(m_registry->database()).get(m_visit.localId)->status, VisitStatus::InProgress);
    ReportEditor *editor = cabinet()->editor();
    QVERIFY(editor->hasReport());
    QVERIFY(editor->isEditable());
    m_reportId = editor->report().localId;
    QPlainTextEdit *complaints = editor->sectionEdit(QStringLiteral("complaints"));
    QTRY_VERIFY(complaints->hasFocus());
    QSignalSpy saved(editor, &ReportEditor::draftSaved);
    typeText(complaints, kComplaints);
    QVERIFY(saved.wait(5000));
    QCOMPARE(ReportStore(m_registry->database()).get(m_reportId)->sections.complaints, kComplaints);

    QPlainTextEdit *examination = editor->sectionEdit(QStringLiteral("examination"));
    examination->setFocus();
    typeText(examination, kExamination);
}

void TestWorkflowDay::switchLanguageMidSession()
{
    // Half-typed text in both windows when the language changes: the doctor's diagnosis (not
    // yet autosaved) and the receptionist's next search.
    ReportEditor *editor = cabinet()->editor();
    editor->autosaver().setDebounceMs(60000);
    QPlainTextEdit *diagnosis = editor->sectionEdit(QStringLiteral("diagnosis"));
    diagnosis->setFocus();
    typeText(diagnosis, kDiagnosis);
    QVERIFY(editor->autosaver().isPending());
    QLineEdit *deskSearch = desk()->patientPicker()->searchField();
    deskSearch->clear();
    typeText(deskSearch, QStringLiteral("Karimov"));

    MainWindow *doctorWindow = m_doctor.window.get();
    MainWindow *receptionWindow = m_reception.window.get();
    // Texts on visible widgets, read before and after.
    const auto callNextText = [this] { return cabinet()->queuePanel()->callNextButton()->text(); };
    const auto signText = [this] { return cabinet()->editor()->signButton()->text(); };
    const auto deskAddText = [this] { return desk()->queuePanel()->addButton()->text(); };
    const QString callNextUz = callNextText();
    const QString signUz = signText();
    const QString deskAddUz = deskAddText();
    const QString doctorTabsUz =
        doctorWindow->workspace()->tabText(0) + QLatin1Char('|') + doctorWindow->workspace()->tabText(1);
    const QString receptionTitleUz = receptionWindow->windowTitle();
    const QString deskSearchHintUz = deskSearch->placeholderText();
    for (const QString &text : {callNextUz, signUz, deskAddUz, doctorTabsUz, receptionTitleUz})
        QVERIFY2(!text.isEmpty() && !hasCyrillic(text), qPrintable(text));

    // The Language menu of the doctor's window: Русский.
    QAction *russian = doctorWindow->findChild<QAction *>(QStringLiteral("language_ru"));
    QVERIFY(russian);
    russian->trigger();
    QCOMPARE(m_languages->currentLanguage(), QStringLiteral("ru"));
    QTRY_VERIFY2(hasCyrillic(callNextText()), qPrintable(callNextText()));
    QTRY_VERIFY2(hasCyrillic(deskAddText()), qPrintable(deskAddText()));
    QVERIFY2(hasCyrillic(signText()), qPrintable(signText()));
    const QString doctorTabsRu =
        doctorWindow->workspace()->tabText(0) + QLatin1Char('|') + doctorWindow->workspace()->tabText(1);
    QVERIFY2(hasCyrillic(doctorTabsRu) && doctorTabsRu != doctorTabsUz, qPrintable(doctorTabsRu));
    QVERIFY2(hasCyrillic(receptionWindow->windowTitle()), qPrintable(receptionWindow->windowTitle()));
    QVERIFY(deskSearch->placeholderText() != deskSearchHintUz);
    // Both windows' Language menus show the new choice.
    QVERIFY(receptionWindow->findChild<QAction *>(QStringLiteral("language_ru"))->isChecked());

    // Nothing typed is lost: the report's sections, the unsaved diagnosis, the desk's search.
    QCOMPARE(editor->sectionEdit(QStringLiteral("complaints"))->toPlainText(), kComplaints);
    QCOMPARE(editor->sectionEdit(QStringLiteral("examination"))->toPlainText(), kExamination);
    QCOMPARE(diagnosis->toPlainText(), kDiagnosis);
    QVERIFY(editor->autosaver().isPending());
    QCOMPARE(deskSearch->text(), QStringLiteral("Karimov"));
    QVERIFY(editor->isEditable());
    // Money and dates follow the language too.
    QCOMPARE(QLocale().language(), QLocale::Russian);

    QVERIFY(editor->flush());
    const std::optional<Report> stored = ReportStore(m_registry->database()).get(m_reportId);
    QCOMPARE(stored->sections.diagnosis, kDiagnosis);
    QCOMPARE(stored->sections.examination, kExamination);
    deskSearch->clear();
}

void TestWorkflowDay::doctorSignsAndPrints()
{
    MainWindow *window = m_doctor.window.get();
    QVERIFY(activate(window));
    ReportEditor *editor = cabinet()->editor();
    QPlainTextEdit *treatment = editor->sectionEdit(QStringLiteral("treatmentPlan"));
    treatment->setFocus();
    typeText(treatment, kTreatment);
    QLineEdit *icd = editor->icd10Edit();
    icd->setFocus();
    QTest::keyClicks(icd, QStringLiteral("J02.9"));

    // Ctrl+Shift+S, confirmed: signed and read-only from now on.
    answerQuestion(QMessageBox::AcceptRole);
    QTest::keyClick(icd, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    const std::optional<Report> signedReport = ReportStore(m_registry->database()).get(m_reportId);
    QVERIFY(signedReport);
    QCOMPARE(signedReport->status, ReportStatus::Signed);
    QCOMPARE(signedReport->sections.complaints, kComplaints);
    QCOMPARE(signedReport->sections.treatmentPlan, kTreatment);
    QCOMPARE(signedReport->sections.icd10, QStringLiteral("J02.9"));
    QVERIFY(!editor->isEditable());
    QVERIFY(treatment->isReadOnly());

    // Ctrl+P: "Save as PDF…" in the choice, the file named in the save dialog, written on a
    // worker thread.
    QVERIFY(activate(window));
    treatment->setFocus();
    QTest::keyClick(treatment, Qt::Key_P, Qt::ControlModifier);
    QMessageBox *choice = nullptr;
    QTRY_VERIFY((choice = window->findChild<QMessageBox *>(QStringLiteral("printOrSaveChoice"))));
    QVERIFY(QTest::qWaitForWindowExposed(choice));
    auto *actions = cabinet()->findChild<PrintActions *>();
    QVERIFY(actions);
    QSignalSpy printed(actions, &PrintActions::finished);
    QAbstractButton *saveAsPdf = nullptr;
    const QString saveAsPdfText = QCoreApplication::translate("medora::PrintActions", "Save as PDF…");
    for (QAbstractButton *button : choice->buttons()) {
        if (button->text() == saveAsPdfText)
            saveAsPdf = button;
    }
    QVERIFY2(saveAsPdf, qPrintable(saveAsPdfText));
    // The save dialog is modal: it is answered from a timer once it is up.
    const QString pdfPath = m_dir->filePath(QStringLiteral("xulosa-заключение.pdf"));
    bool answered = false;
    QTimer fileDialogWatch;
    fileDialogWatch.setInterval(20);
    connect(&fileDialogWatch, &QTimer::timeout, this, [&] {
        auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!files || answered)
            return;
        answered = true;
        files->selectFile(pdfPath);
        static_cast<QDialog *>(files)->accept(); // QFileDialog::accept() is protected
    });
    fileDialogWatch.start();
    QTest::mouseClick(saveAsPdf, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(printed.size() == 1, 20000);
    fileDialogWatch.stop();
    QVERIFY(answered);
    QCOMPARE(printed.first().at(0).toBool(), true);
    QCOMPARE(printed.first().at(1).toString(), pdfPath);

    // The PDF says what was typed, in both scripts, letter for letter.
    QString error;
    const QString text = pdfText(pdfPath, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const QString &typed : {kLastName, kFirstName, kComplaints, kExamination, kDiagnosis, kTreatment,
                                 QStringLiteral("J02.9"), QStringLiteral("Shifo Klinikasi")})
        QVERIFY2(text.contains(normalizedSpace(typed)),
                 qPrintable(QStringLiteral("\"%1\" is not in the PDF's text:\n%2").arg(typed, text)));

    // F8: the visit is done; the desk sees it.
    QVERIFY(activate(window));
    cabinet()->queuePanel()->table()->setFocus();
    QTest::keyClick(cabinet()->queuePanel()->table(), Qt::Key_F8);
    QCOMPARE(VisitStore(m_registry->database()).get(m_visit.localId)->status, VisitStatus::Done);
    desk()->reload();
    QCOMPARE(desk()->queuePanel()->model()->visitAt(0).status, VisitStatus::Done);
}

void TestWorkflowDay::receptionistTakesPayment()
{
    MainWindow *window = m_reception.window.get();
    QVERIFY(activate(window));
    QCOMPARE(window->workspace()->currentWidget(), desk());
    QLineEdit *search = desk()->patientPicker()->searchField();
    search->setFocus();
    typeText(search, kLastName);
    QCOMPARE(desk()->patientPicker()->currentLocalId(), m_patient.localId);

    // Ctrl+P: the payment for today's visit, typed as the receptionist types it.
    QTest::keyClick(search, Qt::Key_P, Qt::ControlModifier);
    PaymentDialog *dialog = desk()->paymentsPanel()->paymentDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    // The visit is over, so none is preselected: the receptionist links today's ticket.
    QComboBox *visitBox = dialog->visitBox();
    const int visitItem = visitBox->findData(m_visit.id.toString(QUuid::WithoutBraces));
    QVERIFY(visitItem > 0);
    QVERIFY2(visitBox->itemText(visitItem).contains(QStringLiteral("Karimova Nodira")),
             qPrintable(visitBox->itemText(visitItem)));
    visitBox->setCurrentIndex(visitItem);
    dialog->amountEdit()->setFocus();
    QTest::keyClicks(dialog->amountEdit(), QStringLiteral("150000"));
    // Grouped the Russian way now ("150 000").
    QCOMPARE(dialog->amountEdit()->text(), QLocale().toString(qint64(150000)));
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QTRY_VERIFY(!desk()->paymentsPanel()->paymentDialog());

    const QList<Payment> payments = desk()->paymentService().forPatient(m_patient.id);
    QCOMPARE(payments.size(), 1);
    QCOMPARE(payments.first().amount, qint64(150000));
    QCOMPARE(payments.first().visitId, m_visit.id);
    QCOMPARE(payments.first().takenBy, kReceptionistId);
    const QString receipt = desk()->printer()->lastPdfPath();
    QVERIFY2(receipt.contains(QLatin1String("receipt")), qPrintable(receipt));
    QString error;
    const QString receiptText = pdfText(receipt, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(receiptText.contains(kLastName), qPrintable(receiptText));

    // Ctrl+Shift+S: the day's cash summary shows it, per method and per receptionist.
    QVERIFY(activate(window)); // back from the payment dialog
    QTest::keyClick(search, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    CashSummaryView *cash = desk()->cashSummaryView();
    QCOMPARE(desk()->tabs()->currentWidget(), cash);
    QCOMPARE(cash->summary().total().received, qint64(150000));
    QVERIFY2(cash->totalText().contains(QLocale().toString(qint64(150000))), qPrintable(cash->totalText()));
    QCOMPARE(cash->methodTable()->item(0, 1)->text(), QLocale().toString(qint64(150000)));
    QCOMPARE(cash->receptionistTable()->item(0, 0)->text(), QStringLiteral("Azizova Madina"));
    QCOMPARE(cash->receptionistTable()->item(0, 3)->text(), QLocale().toString(qint64(150000)));
}

void TestWorkflowDay::rolesSeeOnlyTheirWork()
{
    // The receptionist: no cabinet, no report anywhere in the window, though the patient and
    // the visit are on the desk.
    MainWindow *receptionWindow = m_reception.window.get();
    QVERIFY(activate(receptionWindow));
    QVERIFY(!m_reception.pages->doctorCabinet());
    QVERIFY(receptionWindow->findChildren<DoctorCabinet *>().isEmpty());
    QVERIFY(receptionWindow->findChildren<ReportEditor *>().isEmpty());
    QVERIFY(receptionWindow->findChildren<ChartHistoryView *>().isEmpty());
    const QString shown = allText(receptionWindow);
    QVERIFY(shown.contains(kLastName));
    for (const QString &secret : {kComplaints, kExamination, kDiagnosis, kTreatment})
        QVERIFY2(!shown.contains(secret), qPrintable(secret));
    // The doctor's actions are not offered: F6 there calls nobody.
    for (QAction *action : receptionWindow->findChildren<QAction *>()) {
        QVERIFY2(action->shortcut() != QKeySequence(Qt::Key_F6), qPrintable(action->objectName()));
        QVERIFY(action->objectName() != QLatin1String("signReportAction"));
    }
    VisitStore visits(m_registry->database());
    QueueService &queue = desk()->queueService();
    const std::optional<Visit> second = queue.enqueue(m_patient.id, kDoctorId, QDate::currentDate(),
                                                      VisitPriority::Normal, QString(), kReceptionistId);
    QVERIFY(second);
    QTest::keyClick(desk()->patientPicker()->searchField(), Qt::Key_F6);
    QCOMPARE(visits.get(second->localId)->status, VisitStatus::Waiting);

    // The doctor: the desk read-only, no money at all.
    MainWindow *doctorWindow = m_doctor.window.get();
    QVERIFY(activate(doctorWindow));
    ReceptionDesk *doctorsDesk = m_doctor.pages->receptionDesk();
    QVERIFY(doctorsDesk);
    QVERIFY(doctorsDesk->isReadOnly());
    QVERIFY(!doctorsDesk->paymentsPanel());
    QVERIFY(!doctorsDesk->cashSummaryView());
    QVERIFY(!doctorsDesk->takePaymentAction()->isEnabled());
    QVERIFY(!doctorsDesk->addToQueueAction()->isVisible());
    QVERIFY(!doctorsDesk->takePaymentAction()->isVisible());
    QVERIFY(doctorWindow->findChildren<PaymentsPanel *>().isEmpty());
    QVERIFY(doctorWindow->findChildren<CashSummaryView *>().isEmpty());
}

QTEST_MAIN(TestWorkflowDay)
#include "tst_workflowday.moc"
