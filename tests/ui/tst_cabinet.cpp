#include "cabinet/ChartHeader.h"
#include "cabinet/ChartHistoryView.h"
#include "cabinet/ChartTimelineModel.h"
#include "cabinet/DoctorCabinet.h"
#include "cabinet/MyQueuePanel.h"
#include "cabinet/PhrasePicker.h"
#include "cabinet/ReportEditor.h"
#include "cabinet/VitalsEditor.h"
#include "clinic/ClinicDirectory.h"
#include "domain/PatientValidator.h"
#include "domain/UuidV7.h"
#include "i18n/LanguageManager.h"
#include "queue/TicketNumber.h"
#include "registry/PatientRegistry.h"
#include "store/ReportStore.h"
#include "store/VisitStore.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

const QString kDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");
const QString kReceptionist = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-0000000000aa");
const QString kOldReportText = QStringLiteral("Секретный анамнез: хронический бронхит с 2019 года");

void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

void answerSignQuestion(bool sign)
{
    QTimer::singleShot(0, [sign] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        for (QAbstractButton *button : box->buttons()) {
            if ((box->buttonRole(button) == QMessageBox::AcceptRole) == sign) {
                button->click();
                return;
            }
        }
    });
}

UserProfile user(const QString &id, const QString &role)
{
    UserProfile me;
    me.id = id;
    me.login = role;
    me.fullName = role == QLatin1String("doctor") ? QStringLiteral("Karimova Aziza") : QStringLiteral("Desk");
    me.role = role;
    return me;
}

// Every text a widget tree shows, to prove what it does not show.
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
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
        QAbstractItemModel *model = view->model();
        for (int row = 0; model && row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column)
                texts << model->index(row, column).data().toString();
        }
    }
    return texts.join(QLatin1Char('\n'));
}

} // namespace

class TestCabinet : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void callStartWriteSignAddendumPrintFinish();
    void chartHeaderAndHistoryShowThePatient();
    void shortcutsAreTheCabinetsAndNamed();
    void oneAtATimeIsExplained();
    void aVisitInProgressOpensAtSignIn();
    void aVisitStartedElsewhereOpensWhenTheCabinetIsShown();
    void languageSwitchMidVisitKeepsTheText();
    void receptionistSeesNoReportContent();
    void adminSeesNoReportContentEither();

private:
    std::unique_ptr<DoctorCabinet> makeCabinet(const UserProfile &me);
    Visit queue(const Patient &patient);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PatientRegistry> m_registry;
    std::unique_ptr<ClinicDirectory> m_directory;
    std::unique_ptr<LanguageManager> m_languages;
    Patient m_first;
    Patient m_second;
    Visit m_firstVisit;
    Visit m_secondVisit;
    Report m_oldReport;
};

void TestCabinet::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_cabinet"));
}

void TestCabinet::init()
{
    QSettings().clear();
    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
    m_dir = std::make_unique<QTemporaryDir>();
    m_registry = std::make_unique<PatientRegistry>();
    QVERIFY(m_registry->open(m_dir->path()));
    m_directory = std::make_unique<ClinicDirectory>(m_dir->path());
    Letterhead letterhead;
    letterhead.clinicName = QStringLiteral("Shifo Klinikasi");
    letterhead.address = QStringLiteral("Toshkent, Chilonzor 5");
    letterhead.phone = QStringLiteral("+998 71 200 00 00");
    m_directory->setForTesting(
        {StaffMember{kDoctor, QStringLiteral("Karimova Aziza Rustamovna"), QStringLiteral("doctor"), true}},
        letterhead);

    m_first = Patient();
    m_first.lastName = QStringLiteral("Тошматов");
    m_first.firstName = QStringLiteral("Алишер");
    m_first.birthDate = QDate(1975, 4, 2);
    m_first.sex = Sex::Male;
    m_first.allergies = QStringLiteral("Пенициллин — отёк Квинке");
    m_first.medications = QStringLiteral("Lisinopril 10 mg daily");
    QVERIFY(m_registry->registerPatient(m_first));
    m_second = Patient();
    m_second.lastName = QStringLiteral("Yoʻldosheva");
    m_second.firstName = QStringLiteral("Malika");
    m_second.sex = Sex::Female;
    QVERIFY(m_registry->registerPatient(m_second));

    // A signed report from an earlier visit.
    ReportStore reports(m_registry->database());
    m_oldReport = Report();
    m_oldReport.visitId = UuidV7::generate();
    m_oldReport.patientId = m_first.id;
    m_oldReport.authorId = kDoctor;
    m_oldReport.createdAt = QDateTime::currentDateTimeUtc().addDays(-30);
    m_oldReport.sections.anamnesis = kOldReportText;
    m_oldReport.sections.diagnosis = QStringLiteral("Хронический бронхит");
    QVERIFY(reports.insert(m_oldReport));
    QVERIFY(reports.sign(m_oldReport.localId));

    m_firstVisit = queue(m_first);
    m_secondVisit = queue(m_second);
}

Visit TestCabinet::queue(const Patient &patient)
{
    Visit visit;
    visit.patientId = patient.id;
    visit.doctorId = kDoctor;
    visit.day = QDate::currentDate();
    visit.createdBy = kReceptionist;
    VisitStore visits(m_registry->database());
    if (!visits.insert(visit))
        qWarning() << visits.lastError().message;
    return visit;
}

std::unique_ptr<DoctorCabinet> TestCabinet::makeCabinet(const UserProfile &me)
{
    auto cabinet = std::make_unique<DoctorCabinet>(m_registry->database(), *m_registry, *m_directory, me);
    cabinet->resize(1400, 900);
    cabinet->show();
    if (!QTest::qWaitForWindowActive(cabinet.get()))
        qWarning() << "cabinet window not active";
    return cabinet;
}

void TestCabinet::cleanup()
{
    m_directory.reset();
    m_registry.reset();
    m_dir.reset();
    m_languages.reset();
}

void TestCabinet::callStartWriteSignAddendumPrintFinish()
{
    std::unique_ptr<DoctorCabinet> cabinet = makeCabinet(user(kDoctor, QStringLiteral("doctor")));
    QSignalSpy changes(cabinet.get(), &DoctorCabinet::localChange);
    QCOMPARE(cabinet->queuePanel()->table()->rowCount(), 2);
    cabinet->queuePanel()->table()->setFocus();

    // F6: the first in line is called; the desk reads it from its own connection.
    QTest::keyClick(cabinet->queuePanel()->table(), Qt::Key_F6);
    Database desk;
    QVERIFY(desk.open(m_registry->database().filePath()));
    std::optional<Visit> seen = VisitStore(desk).get(m_firstVisit.localId);
    QCOMPARE(seen->status, VisitStatus::Called);
    QVERIFY(seen->calledAt.isValid());
    QCOMPARE(cabinet->queuePanel()->currentVisit()->localId, m_firstVisit.localId);
    QVERIFY(cabinet->chartHeader()->allergiesText().contains(QStringLiteral("Пенициллин")));
    QVERIFY(!cabinet->editor()->hasReport()); // called, not started

    // F7: started; a draft is opened and the cursor waits in the complaints.
    QTest::keyClick(cabinet->queuePanel()->table(), Qt::Key_F7);
    QCOMPARE(VisitStore(desk).get(m_firstVisit.localId)->status, VisitStatus::InProgress);
    QVERIFY(cabinet->editor()->hasReport());
    QVERIFY(cabinet->editor()->isEditable());
    QPlainTextEdit *complaints = cabinet->editor()->sectionEdit(QStringLiteral("complaints"));
    QTRY_VERIFY(complaints->hasFocus());
    QSignalSpy saved(cabinet->editor(), &ReportEditor::draftSaved);
    const QString typed = QStringLiteral("Йўтал, ҳарорат 38; кашель три дня");
    typeText(complaints, typed);
    QVERIFY(saved.wait(3000));
    const qint64 reportId = cabinet->editor()->report().localId;
    ReportStore deskReports(desk);
    QCOMPARE(deskReports.get(reportId)->sections.complaints, typed);

    // Vitals: an implausible pulse warns and is saved as typed.
    QLineEdit *pulse = cabinet->editor()->vitalsEditor()->field(QStringLiteral("pulse"));
    pulse->setFocus();
    QTest::keyClicks(pulse, QStringLiteral("300"));
    QVERIFY(!cabinet->editor()->vitalsEditor()->warningText(QStringLiteral("pulse")).isEmpty());
    QPlainTextEdit *diagnosis = cabinet->editor()->sectionEdit(QStringLiteral("diagnosis"));
    diagnosis->setFocus();
    typeText(diagnosis, QStringLiteral("Oʻtkir bronxit"));
    QLineEdit *icd = cabinet->editor()->icd10Edit();
    icd->setFocus();
    QTest::keyClicks(icd, QStringLiteral("J20.9"));

    // Ctrl+Shift+S, confirmed: signed and read-only.
    answerSignQuestion(true);
    QTest::keyClick(icd, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    Report stored = *deskReports.get(reportId);
    QCOMPARE(stored.status, ReportStatus::Signed);
    QCOMPARE(stored.sections.diagnosis, QStringLiteral("Oʻtkir bronxit"));
    QCOMPARE(stored.sections.icd10, QStringLiteral("J20.9"));
    QCOMPARE(stored.sections.vitals.size(), 1);
    QCOMPARE(stored.sections.vitals[0].value, QStringLiteral("300"));
    QVERIFY(complaints->isReadOnly());
    QVERIFY(!cabinet->editor()->isEditable());

    // An addendum, written and signed.
    cabinet->editor()->addendumButton()->click();
    QVERIFY(cabinet->editor()->isEditable());
    QCOMPARE(cabinet->editor()->report().addendumTo, stored.id);
    QPlainTextEdit *notes = cabinet->editor()->sectionEdit(QStringLiteral("notes"));
    cabinet->activateWindow(); // back from the question box
    QVERIFY(QTest::qWaitForWindowActive(cabinet.get()));
    notes->setFocus();
    typeText(notes, QStringLiteral("Рентген: без очаговых изменений"));
    answerSignQuestion(true);
    QTest::keyClick(notes, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    const QList<Report> addenda = deskReports.addendaOf(stored.id);
    QCOMPARE(addenda.size(), 1);
    QCOMPARE(addenda[0].status, ReportStatus::Signed);
    QCOMPARE(addenda[0].sections.notes, QStringLiteral("Рентген: без очаговых изменений"));

    // The history shows the new report with its addendum under it.
    QVERIFY(cabinet->history()->showReport(stored.id));
    QVERIFY(cabinet->history()->readerText().contains(QStringLiteral("Oʻtkir bronxit")));
    QVERIFY(cabinet->history()->readerText().contains(QStringLiteral("Рентген")));

    // Print to PDF: the report the addendum corrects, under the letterhead.
    const QString pdf = m_dir->filePath(QStringLiteral("report.pdf"));
    QString error;
    QVERIFY2(cabinet->exportPdf(pdf, &error), qPrintable(error));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5).startsWith("%PDF"));

    // F8: finished.
    cabinet->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(cabinet.get()));
    cabinet->queuePanel()->table()->setFocus();
    QTest::keyClick(cabinet->queuePanel()->table(), Qt::Key_F8);
    QCOMPARE(VisitStore(desk).get(m_firstVisit.localId)->status, VisitStatus::Done);
    QVERIFY(changes.size() >= 6);

    // The next one.
    QTest::keyClick(cabinet->queuePanel()->table(), Qt::Key_F6);
    QCOMPARE(VisitStore(desk).get(m_secondVisit.localId)->status, VisitStatus::Called);
    QVERIFY(cabinet->chartHeader()->allergiesText().contains(QStringLiteral("none")));
}

void TestCabinet::chartHeaderAndHistoryShowThePatient()
{
    std::unique_ptr<DoctorCabinet> cabinet = makeCabinet(user(kDoctor, QStringLiteral("doctor")));
    QVERIFY(cabinet->queuePanel()->selectVisit(m_firstVisit.localId));
    QVERIFY(cabinet->chartHeader()->hasPatient());
    QVERIFY(cabinet->chartHeader()->medicationsText().contains(QStringLiteral("Lisinopril")));
    // The header sits above the tabs, outside anything that scrolls.
    for (QWidget *parent = cabinet->chartHeader()->parentWidget(); parent; parent = parent->parentWidget())
        QVERIFY(!qobject_cast<QAbstractScrollArea *>(parent));
    cabinet->tabs()->setCurrentWidget(cabinet->history());
    QCOMPARE(cabinet->history()->model()->rowCount(), 2); // today's visit and the old report
    QVERIFY(cabinet->history()->showReport(m_oldReport.id));
    QVERIFY(cabinet->history()->readerText().contains(kOldReportText));
    QVERIFY(cabinet->history()->findChild<QTextBrowser *>()->isReadOnly());
    QCOMPARE(cabinet->reportInView().id, m_oldReport.id);
    // Reload (a sync page) keeps the chart and what is shown.
    cabinet->reload();
    QVERIFY(cabinet->history()->readerText().contains(kOldReportText));
}

void TestCabinet::shortcutsAreTheCabinetsAndNamed()
{
    std::unique_ptr<DoctorCabinet> cabinet = makeCabinet(user(kDoctor, QStringLiteral("doctor")));
    QHash<QString, QKeySequence> keys;
    for (QAction *action : cabinet->shortcutActions()) {
        QVERIFY2(!action->text().isEmpty(), qPrintable(action->objectName()));
        QCOMPARE(action->shortcutContext(), Qt::WidgetWithChildrenShortcut);
        QVERIFY2(!keys.values().contains(action->shortcut()), qPrintable(action->objectName()));
        keys.insert(action->objectName(), action->shortcut());
    }
    QCOMPARE(keys.value(QStringLiteral("callNextAction")), QKeySequence(Qt::Key_F6));
    QCOMPARE(keys.value(QStringLiteral("signReportAction")), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QCOMPARE(keys.value(QStringLiteral("printReportAction")), QKeySequence(QKeySequence::Print));
    QVERIFY(keys.contains(QStringLiteral("templatePhrasesAction")));
    for (QPushButton *button : cabinet->findChildren<QPushButton *>())
        QVERIFY2(!button->text().isEmpty() || !button->accessibleName().isEmpty(),
                 qPrintable(button->objectName()));
}

void TestCabinet::oneAtATimeIsExplained()
{
    std::unique_ptr<DoctorCabinet> cabinet = makeCabinet(user(kDoctor, QStringLiteral("doctor")));
    QVERIFY(cabinet->queuePanel()->callNext());
    QVERIFY(cabinet->queuePanel()->startCurrent());
    QVERIFY(!cabinet->queuePanel()->callNext());
    QVERIFY(cabinet->queuePanel()->errorText().contains(TicketNumber::text(m_firstVisit.ticket)));
    QCOMPARE(VisitStore(m_registry->database()).get(m_secondVisit.localId)->status, VisitStatus::Waiting);
}

void TestCabinet::aVisitInProgressOpensAtSignIn()
{
    // The doctor was writing the second patient's report when the PC restarted.
    VisitStore visits(m_registry->database());
    QVERIFY(visits.setStatus(m_secondVisit.localId, VisitStatus::Called));
    QVERIFY(visits.setStatus(m_secondVisit.localId, VisitStatus::InProgress));
    ReportStore reports(m_registry->database());
    Report draft;
    draft.visitId = m_secondVisit.id;
    draft.patientId = m_second.id;
    draft.authorId = kDoctor;
    draft.sections.complaints = QStringLiteral("Boshi ogʻriydi, uch kundan beri");
    QVERIFY(reports.insert(draft));

    std::unique_ptr<DoctorCabinet> cabinet = makeCabinet(user(kDoctor, QStringLiteral("doctor")));
    QVERIFY(cabinet->queuePanel()->currentVisit());
    QCOMPARE(cabinet->queuePanel()->currentVisit()->localId, m_secondVisit.localId);
    QCOMPARE(cabinet->tabs()->currentWidget(), cabinet->editor());
    QVERIFY(cabinet->editor()->hasReport());
    QVERIFY(cabinet->editor()->isEditable());
    QCOMPARE(cabinet->editor()->report().localId, draft.localId);
    QCOMPARE(cabinet->editor()->sectionEdit(QStringLiteral("complaints"))->toPlainText(),
             draft.sections.complaints);
    QVERIFY(cabinet->chartHeader()->nameText().contains(QStringLiteral("Yoʻldosheva")));
    // Nothing else was started or written by opening it.
    QCOMPARE(visits.get(m_firstVisit.localId)->status, VisitStatus::Waiting);
    QCOMPARE(reports.forVisit(m_secondVisit.id).size(), 1);
}

void TestCabinet::aVisitStartedElsewhereOpensWhenTheCabinetIsShown()
{
    std::unique_ptr<DoctorCabinet> cabinet = makeCabinet(user(kDoctor, QStringLiteral("doctor")));
    // Nobody in the cabinet: nothing is opened, the queue waits for F6.
    QVERIFY(!cabinet->editor()->hasReport());
    QVERIFY(!cabinet->queuePanel()->currentVisit());
    QVERIFY(!cabinet->resumeVisitInProgress());

    // The doctor started the first visit on the PC next door; this page is hidden meanwhile.
    cabinet->hide();
    Database other;
    QVERIFY(other.open(m_registry->database().filePath()));
    VisitStore visits(other);
    QVERIFY(visits.setStatus(m_firstVisit.localId, VisitStatus::Called));
    QVERIFY(visits.setStatus(m_firstVisit.localId, VisitStatus::InProgress));
    cabinet->reload();
    QVERIFY(!cabinet->editor()->hasReport());
    cabinet->show();
    QCOMPARE(cabinet->queuePanel()->currentVisit()->localId, m_firstVisit.localId);
    QVERIFY(cabinet->editor()->hasReport());
    QCOMPARE(cabinet->editor()->report().visitId, m_firstVisit.id);
    QVERIFY(cabinet->editor()->isEditable());
    QVERIFY(cabinet->chartHeader()->allergiesText().contains(QStringLiteral("Пенициллин")));
    // The age is a count (plural forms in Uzbek and Russian): "born 02.04.1975 (age 51)".
    QVERIFY2(cabinet->chartHeader()->detailsText().contains(
                 QStringLiteral("(age %1)").arg(PatientValidator::ageInYears(QDate(1975, 4, 2)))),
             qPrintable(cabinet->chartHeader()->detailsText()));
}

void TestCabinet::languageSwitchMidVisitKeepsTheText()
{
    std::unique_ptr<DoctorCabinet> cabinet = makeCabinet(user(kDoctor, QStringLiteral("doctor")));
    QVERIFY(cabinet->queuePanel()->callNext());
    QVERIFY(cabinet->queuePanel()->startCurrent());
    cabinet->editor()->autosaver().setDebounceMs(60000);
    QPlainTextEdit *complaints = cabinet->editor()->sectionEdit(QStringLiteral("complaints"));
    complaints->setFocus();
    typeText(complaints, QStringLiteral("Боль в горле"));
    QVERIFY(m_languages->setLanguage(QStringLiteral("ru"), false));
    QTRY_COMPARE(cabinet->editor()->phrasePicker()->language(), QStringLiteral("ru"));
    QCOMPARE(complaints->toPlainText(), QStringLiteral("Боль в горле"));
    QVERIFY(cabinet->editor()->autosaver().isPending());
    QVERIFY(m_languages->setLanguage(QStringLiteral("uz"), false));
    QTRY_COMPARE(cabinet->editor()->phrasePicker()->language(), QStringLiteral("uz"));
    QVERIFY(cabinet->flushDrafts());
    QCOMPARE(
        ReportStore(m_registry->database()).get(cabinet->editor()->report().localId)->sections.complaints,
        QStringLiteral("Боль в горле"));
    QVERIFY(cabinet->chartHeader()->allergiesText().contains(QStringLiteral("Пенициллин")));
    // The age is a count, with the language's plural forms.
    const int age = PatientValidator::ageInYears(QDate(1975, 4, 2));
    QVERIFY2(cabinet->chartHeader()->detailsText().contains(QStringLiteral("(%1 yosh)").arg(age)),
             qPrintable(cabinet->chartHeader()->detailsText()));
    QVERIFY(m_languages->setLanguage(QStringLiteral("ru"), false));
    const int last = age % 10;
    const bool teens = age % 100 >= 11 && age % 100 <= 14;
    const QString years = last == 1 && !teens                ? QStringLiteral("год")
                          : last >= 2 && last <= 4 && !teens ? QStringLiteral("года")
                                                             : QStringLiteral("лет");
    QTRY_VERIFY2(
        cabinet->chartHeader()->detailsText().contains(QStringLiteral("(%1 %2)").arg(age).arg(years)),
        qPrintable(cabinet->chartHeader()->detailsText()));
}

void TestCabinet::receptionistSeesNoReportContent()
{
    std::unique_ptr<DoctorCabinet> cabinet = makeCabinet(user(kReceptionist, QStringLiteral("receptionist")));
    QVERIFY(!cabinet->isDoctor());
    QVERIFY(!cabinet->editor());
    QVERIFY(!cabinet->history());
    QVERIFY(cabinet->findChildren<ReportEditor *>().isEmpty());
    QVERIFY(cabinet->findChildren<ChartHistoryView *>().isEmpty());
    QVERIFY(cabinet->findChildren<QTextEdit *>().isEmpty());
    QVERIFY(cabinet->shortcutActions().isEmpty());
    cabinet->reload();
    QTest::keyClick(cabinet.get(), Qt::Key_F6);
    const QString shown = allText(cabinet.get());
    QVERIFY(!shown.contains(kOldReportText));
    QVERIFY(!shown.contains(QStringLiteral("бронхит")));
    QVERIFY(!shown.isEmpty()); // the notice
    QVERIFY(!cabinet->exportPdf(m_dir->filePath(QStringLiteral("x.pdf"))));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("x.pdf"))));
    QCOMPARE(VisitStore(m_registry->database()).get(m_firstVisit.localId)->status, VisitStatus::Waiting);
    QVERIFY(cabinet->reportInView().id.isNull());
}

void TestCabinet::adminSeesNoReportContentEither()
{
    std::unique_ptr<DoctorCabinet> cabinet = makeCabinet(user(kDoctor, QStringLiteral("clinic_admin")));
    QVERIFY(!cabinet->isDoctor());
    QVERIFY(!allText(cabinet.get()).contains(kOldReportText));
    QVERIFY(cabinet->findChildren<ReportEditor *>().isEmpty());
}

QTEST_MAIN(TestCabinet)
#include "tst_cabinet.moc"
