#include "cash/MoneyText.h"
#include "cash/PaymentService.h"
#include "clinic/ClinicDirectory.h"
#include "domain/UuidV7.h"
#include "queue/QueueService.h"
#include "queue/TicketNumber.h"
#include "queue/TicketSeries.h"
#include "reception/CashSummaryView.h"
#include "reception/MoneyEdit.h"
#include "reception/PatientPicker.h"
#include "reception/PaymentDialog.h"
#include "reception/PaymentsPanel.h"
#include "reception/QueueModel.h"
#include "reception/QueuePanel.h"
#include "reception/ReceptionDesk.h"
#include "reception/ReceptionPrinter.h"
#include "reception/WallDisplay.h"
#include "registry/PatientRegistry.h"
#include "store/Database.h"
#include "store/VisitStore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

const QString kDoctorA = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");
const QString kDoctorB = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c2");
const QString kReception = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ec01");
const QString kAdmin = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ad01");

// Pages of a PDF as QPdfWriter writes them: one "/Type /Page" object per page.
int pdfPageCount(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray bytes = file.readAll();
    if (!bytes.startsWith("%PDF"))
        return -1;
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![s\\w])"));
    return int(QString::fromLatin1(bytes).count(page));
}

// A modal question runs its own event loop; it is answered from a queued call once it is up.
void answerQuestion(bool destructive, QString *asked)
{
    QTimer::singleShot(0, [destructive, asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        *asked = box->text();
        for (QAbstractButton *button : box->buttons()) {
            if ((box->buttonRole(button) == QMessageBox::DestructiveRole) == destructive) {
                button->click();
                return;
            }
        }
    });
}

void typeText(QWidget *widget, const QString &text)
{
    // QTest::keyClicks stops at characters outside Latin-1.
    for (const QChar c : text) {
        QTest::sendKeyEvent(QTest::Press, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

} // namespace

class TestReceptionDesk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void findQueuePrintCallPayAndSummarise();
    void cyrillicSearchFindsThePatient();
    void badAmountsAreNamedAndNothingIsSaved();
    void reversalIsConfirmedAndNettedInTheSummary();
    void reorderCancelNoShowAndBackFromTheKeyboard();
    void queueErrorsNameTheField();
    void doctorSeesTheQueueReadOnlyAndNoMoney();
    void clinicAdminUsesTheWholeDesk();
    void patientCardIsPrinted();
    void controlsHaveAccessibleNames();
    void aTicketTwoPcsGaveOutIsMarked();

private:
    void makeDesk(const QString &role);
    void findKarimov();
    PaymentDialog *openPaymentDialog();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PatientRegistry> m_registry;
    std::unique_ptr<ClinicDirectory> m_clinic;
    std::unique_ptr<ReceptionDesk> m_desk;
    Patient m_karimov;
    Patient m_other;
};

void TestReceptionDesk::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Amounts are grouped the Russian way ("150 000"); the UI strings stay in the source language.
    QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
}

void TestReceptionDesk::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_registry = std::make_unique<PatientRegistry>();
    QVERIFY2(m_registry->open(m_dir->path()), qPrintable(m_registry->lastError().message));
    // This desk's tickets carry the letter A (TicketSeries), so they print as "A-001".
    QVERIFY(TicketSeries(m_registry->database()).setSeries(TicketNumber::seriesOf(QStringLiteral("A"))));
    m_karimov = Patient();
    m_karimov.lastName = QStringLiteral("Каримов");
    m_karimov.firstName = QStringLiteral("Азиз");
    m_karimov.fatherName = QStringLiteral("Рустамович");
    m_karimov.sex = Sex::Male;
    m_karimov.birthDate = QDate(1985, 3, 12);
    m_karimov.phone = QStringLiteral("+998901112233");
    QVERIFY(m_registry->registerPatient(m_karimov));
    m_other = Patient();
    m_other.lastName = QStringLiteral("Yusupova");
    m_other.firstName = QStringLiteral("Dilnoza");
    m_other.sex = Sex::Female;
    m_other.birthDate = QDate(1990, 7, 1);
    QVERIFY(m_registry->registerPatient(m_other));

    m_clinic = std::make_unique<ClinicDirectory>(m_dir->path());
    Letterhead letterhead;
    letterhead.clinicName = QStringLiteral("Shifo Klinikasi");
    letterhead.address = QStringLiteral("Toshkent, Yunusobod 4");
    letterhead.phone = QStringLiteral("+998 71 200 00 00");
    m_clinic->setForTesting(
        {{kDoctorA, QStringLiteral("Karimova Nodira"), QStringLiteral("doctor"), true},
         {kDoctorB, QStringLiteral("Aliyev Sherzod"), QStringLiteral("doctor"), true},
         {kReception, QStringLiteral("Azizova Madina"), QStringLiteral("receptionist"), true},
         {kAdmin, QStringLiteral("Rahimov Bobur"), QStringLiteral("clinic_admin"), true}},
        letterhead);
    makeDesk(QStringLiteral("receptionist"));
}

void TestReceptionDesk::makeDesk(const QString &role)
{
    m_desk.reset();
    UserProfile me;
    me.id = role == QLatin1String("clinic_admin") ? kAdmin
            : role == QLatin1String("doctor")     ? kDoctorA
                                                  : kReception;
    me.fullName = m_clinic->nameOf(me.id);
    me.role = role;
    me.login = QStringLiteral("user");
    m_desk = std::make_unique<ReceptionDesk>(m_registry->database(), *m_registry, *m_clinic, me);
    m_desk->printer()->setPdfDirectory(m_dir->filePath(QStringLiteral("pdf")));
    m_desk->resize(1200, 700);
    m_desk->show();
    m_desk->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_desk.get()));
}

void TestReceptionDesk::cleanup()
{
    m_desk.reset();
    m_clinic.reset();
    m_registry.reset();
    m_dir.reset();
}

void TestReceptionDesk::findKarimov()
{
    QLineEdit *search = m_desk->patientPicker()->searchField();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("Karimov"));
    QCOMPARE(m_desk->patientPicker()->currentLocalId(), m_karimov.localId);
}

PaymentDialog *TestReceptionDesk::openPaymentDialog()
{
    QTest::keyClick(m_desk->patientPicker()->searchField(), Qt::Key_P, Qt::ControlModifier);
    PaymentDialog *dialog = m_desk->paymentsPanel()->paymentDialog();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        qWarning("the payment dialog was not shown");
    return dialog;
}

void TestReceptionDesk::findQueuePrintCallPayAndSummarise()
{
    QSignalSpy changes(m_desk.get(), &ReceptionDesk::localChange);
    findKarimov();
    QueuePanel *queue = m_desk->queuePanel();
    queue->selectDoctor(kDoctorA);
    QVERIFY(queue->printTicketCheck()->isChecked());

    // Ctrl+T: the patient goes into the doctor's queue and the ticket is printed.
    QTest::keyClick(m_desk->patientPicker()->searchField(), Qt::Key_T, Qt::ControlModifier);
    QVERIFY2(queue->errorText().isEmpty(), qPrintable(queue->errorText()));
    QCOMPARE(queue->model()->rowCount(), 1);
    const Visit visit = queue->model()->visitAt(0);
    QCOMPARE(TicketNumber::text(visit.ticket), QStringLiteral("A-001"));
    QCOMPARE(queue->model()->index(0, QueueModel::TicketColumn).data().toString(), QStringLiteral("A-001"));
    QCOMPARE(visit.patientId, m_karimov.id);
    QCOMPARE(visit.createdBy, kReception);
    QCOMPARE(queue->model()->index(0, QueueModel::PatientColumn).data().toString(),
             QStringLiteral("Каримов Азиз Рустамович"));
    QCOMPARE(queue->model()->index(0, QueueModel::StatusColumn).data().toString(), QStringLiteral("Waiting"));
    QCOMPARE(changes.count(), 1);
    const QString ticketPdf = m_desk->printer()->lastPdfPath();
    QVERIFY2(ticketPdf.contains(QLatin1String("ticket-A-001")), qPrintable(ticketPdf));
    QVERIFY(QFile::exists(ticketPdf));
    QVERIFY2(pdfPageCount(ticketPdf) >= 1, qPrintable(ticketPdf));

    // The doctor calls the patient on their own connection (cabinet, or a pulled sync page).
    Database doctorsConnection;
    QVERIFY(doctorsConnection.open(m_registry->database().filePath()));
    QVERIFY(VisitStore(doctorsConnection).setStatus(visit.localId, VisitStatus::Called));
    WallDisplay *wall = m_desk->openWallDisplay();
    QVERIFY(wall);
    QVERIFY(wall->isVisible());
    QCOMPARE(wall->rows().size(), 1);
    // Shortcuts belong to the desk's window; it is the active one again after the screen opened.
    m_desk->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_desk.get()));
    m_desk->reload();
    QCOMPARE(queue->model()->index(0, QueueModel::StatusColumn).data().toString(), QStringLiteral("Called"));
    QCOMPARE(wall->rows().size(), 1);
    QCOMPARE(wall->rows().first().ticket, TicketNumber::make(1, 1));
    QCOMPARE(wall->rows().first().doctorName, QStringLiteral("Karimova Nodira"));
    // The waiting room never sees a patient's name.
    for (const QLabel *label : wall->findChildren<QLabel *>()) {
        QVERIFY2(!label->text().contains(QStringLiteral("Каримов")), qPrintable(label->text()));
        QVERIFY(!label->accessibleName().contains(QStringLiteral("Каримов")));
    }

    // Ctrl+P: the payment, typed as the receptionist types it.
    PaymentDialog *dialog = openPaymentDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->visitBox()->currentData().toString(), visit.id.toString(QUuid::WithoutBraces));
    QTest::keyClicks(dialog->amountEdit(), QStringLiteral("150000"));
    QCOMPARE(dialog->amountEdit()->text(), QLocale().toString(qint64(150000)));
    QCOMPARE(dialog->amountEdit()->text().size(), 7);
    QVERIFY(!dialog->amountEdit()->text().at(3).isDigit());
    QVERIFY(dialog->printReceiptCheck()->isChecked());
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QTRY_VERIFY(!m_desk->paymentsPanel()->paymentDialog());
    QCOMPARE(changes.count(), 2);

    const QList<Payment> payments = m_desk->paymentService().forPatient(m_karimov.id);
    QCOMPARE(payments.size(), 1);
    QCOMPARE(payments.first().amount, qint64(150000));
    QCOMPARE(payments.first().visitId, visit.id);
    QCOMPARE(payments.first().method, PaymentMethod::Cash);
    QCOMPARE(payments.first().takenBy, kReception);
    QTableWidget *table = m_desk->paymentsPanel()->table();
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 1)->text(), QLocale().toString(qint64(150000)));
    const QString receiptPdf = m_desk->printer()->lastPdfPath();
    QVERIFY2(receiptPdf.contains(QLatin1String("receipt-")), qPrintable(receiptPdf));
    QVERIFY(pdfPageCount(receiptPdf) >= 1);

    // The day's cash summary shows it, per method and per receptionist.
    m_desk->cashSummaryAction()->trigger();
    CashSummaryView *cash = m_desk->cashSummaryView();
    QCOMPARE(m_desk->tabs()->currentWidget(), cash);
    QVERIFY2(cash->totalText().contains(QLocale().toString(qint64(150000))), qPrintable(cash->totalText()));
    QCOMPARE(cash->methodTable()->item(0, 0)->text(), QStringLiteral("Cash"));
    QCOMPARE(cash->methodTable()->item(0, 1)->text(), QLocale().toString(qint64(150000)));
    QCOMPARE(cash->receptionistTable()->item(0, 0)->text(), QStringLiteral("Azizova Madina"));
    QCOMPARE(cash->receptionistTable()->item(0, 3)->text(), QLocale().toString(qint64(150000)));
    QVERIFY(cash->print());
    QVERIFY(m_desk->printer()->lastPdfPath().contains(QLatin1String("cash-summary")));
    QVERIFY(pdfPageCount(m_desk->printer()->lastPdfPath()) >= 1);
}

void TestReceptionDesk::cyrillicSearchFindsThePatient()
{
    QLineEdit *search = m_desk->patientPicker()->searchField();
    search->setFocus();
    typeText(search, QStringLiteral("Юсупова"));
    QCOMPARE(search->text(), QStringLiteral("Юсупова"));
    QCOMPARE(m_desk->patientPicker()->currentLocalId(), m_other.localId);
    QVERIFY(m_desk->queuePanel()->addButton()->isEnabled());
    // Enter takes the patient to the queue form.
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(m_desk->tabs()->currentWidget(), m_desk->queuePanel());
    QCOMPARE(m_desk->window()->focusWidget(), m_desk->queuePanel()->doctorBox());
}

void TestReceptionDesk::badAmountsAreNamedAndNothingIsSaved()
{
    findKarimov();
    PaymentDialog *dialog = openPaymentDialog();
    QVERIFY(dialog);
    MoneyEdit *amount = dialog->amountEdit();
    const auto payments = [this] { return m_desk->paymentService().forPatient(m_karimov.id).size(); };

    QTest::keyClicks(amount, QStringLiteral("0"));
    dialog->save();
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->errorText(QStringLiteral("amount")).contains(QLatin1String("more than zero")),
             qPrintable(dialog->errorText(QStringLiteral("amount"))));
    QVERIFY(amount->accessibleDescription().startsWith(QLatin1String("Amount:")));
    QCOMPARE(dialog->focusWidget(), amount);

    amount->clear();
    QTest::keyClicks(amount, QStringLiteral("15abc"));
    QCOMPARE(amount->text(), QStringLiteral("15abc")); // nothing typed is lost
    dialog->save();
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->errorText(QStringLiteral("amount")).contains(QLatin1String("digits")));

    amount->clear();
    typeText(amount, QStringLiteral("сто"));
    dialog->save();
    QVERIFY(dialog->errorText(QStringLiteral("amount")).contains(QLatin1String("digits")));

    amount->clear();
    QTest::keyClicks(amount, QStringLiteral("1000000001"));
    dialog->save();
    QVERIFY(dialog->errorText(QStringLiteral("amount")).contains(QLatin1String("at most")));
    QCOMPARE(payments(), 0);

    // Corrected, it goes through; the error is gone.
    amount->clear();
    QTest::keyClicks(amount, QStringLiteral("50000"));
    dialog->printReceiptCheck()->setChecked(false);
    dialog->save();
    QVERIFY(dialog->errorText(QStringLiteral("amount")).isEmpty());
    QCOMPARE(payments(), 1);
}

void TestReceptionDesk::reversalIsConfirmedAndNettedInTheSummary()
{
    findKarimov();
    PaymentRequest request;
    request.patientId = m_karimov.id;
    request.amount = 80000;
    request.method = PaymentMethod::Card;
    request.takenBy = kReception;
    const std::optional<Payment> payment = m_desk->paymentService().take(request);
    QVERIFY(payment);
    PaymentsPanel *panel = m_desk->paymentsPanel();
    panel->reload();
    panel->selectPayment(payment->localId);
    QVERIFY(panel->reverseButton()->isEnabled());

    QString asked;
    answerQuestion(false, &asked);
    QVERIFY(!panel->reverseCurrent());
    QVERIFY(asked.contains(QLocale().toString(qint64(80000))));
    QVERIFY(!m_desk->paymentService().isReversed(payment->id));

    answerQuestion(true, &asked);
    QVERIFY(panel->reverseCurrent());
    QVERIFY(m_desk->paymentService().isReversed(payment->id));
    QCOMPARE(panel->table()->rowCount(), 2);
    QCOMPARE(panel->table()->item(0, 1)->text(), QLocale().toString(qint64(-80000)));
    // The reversal itself cannot be reversed, nor the original twice.
    QVERIFY(!panel->reverseButton()->isEnabled());
    panel->selectPayment(payment->localId);
    QVERIFY(!panel->reverseButton()->isEnabled());
    QVERIFY(panel->printCurrentReceipt());

    CashSummaryView *cash = m_desk->cashSummaryView();
    cash->reload();
    QCOMPARE(cash->summary().total().received, qint64(80000));
    QCOMPARE(cash->summary().total().reversed, qint64(80000));
    QCOMPARE(cash->summary().total().net(), qint64(0));
    QCOMPARE(cash->methodTable()->item(0, 0)->text(), QStringLiteral("Card"));
    QCOMPARE(cash->methodTable()->item(0, 3)->text(), QStringLiteral("0"));
}

void TestReceptionDesk::reorderCancelNoShowAndBackFromTheKeyboard()
{
    QueueService &service = m_desk->queueService();
    QList<Visit> visits;
    for (int i = 0; i < 3; ++i) {
        const std::optional<Visit> visit =
            service.enqueue(i == 0   ? m_karimov.id
                            : i == 1 ? m_other.id
                                     : QUuid::createUuid(),
                            kDoctorB, QDate::currentDate(), VisitPriority::Normal, QString(), kReception);
        QVERIFY(visit);
        visits << *visit;
    }
    QueuePanel *queue = m_desk->queuePanel();
    queue->selectDoctor(kDoctorB);
    QCOMPARE(queue->model()->rowCount(), 3);
    queue->selectVisit(visits[2].localId);
    queue->focusQueue();
    QTest::keyClick(queue->table(), Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(queue->model()->visitAt(1).localId, visits[2].localId);
    QCOMPARE(queue->currentVisit()->localId, visits[2].localId); // the selection follows
    QTest::keyClick(queue->table(), Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(queue->model()->visitAt(0).localId, visits[2].localId);
    QTest::keyClick(queue->table(), Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(queue->model()->visitAt(1).localId, visits[2].localId);
    // A patient not on this PC yet is still listed, by ticket.
    QCOMPARE(queue->model()->index(1, QueueModel::PatientColumn).data().toString(),
             QStringLiteral("(patient not yet on this PC)"));

    queue->selectVisit(visits[0].localId);
    QVERIFY(queue->findChild<QPushButton *>(QStringLiteral("cancelVisitButton"))->isEnabled());
    QTest::mouseClick(queue->findChild<QPushButton *>(QStringLiteral("cancelVisitButton")), Qt::LeftButton);
    QCOMPARE(service.visit(visits[0].localId)->status, VisitStatus::Cancelled);
    QCOMPARE(queue->model()
                 ->index(queue->model()->rowOf(visits[0].localId), QueueModel::StatusColumn)
                 .data()
                 .toString(),
             QStringLiteral("Cancelled"));
    QVERIFY(queue->requeue());
    QVERIFY(queue->markNoShow());
    QCOMPARE(service.visit(visits[0].localId)->status, VisitStatus::NoShow);
    QVERIFY(!queue->findChild<QPushButton *>(QStringLiteral("noShowButton"))->isEnabled());
    QVERIFY(queue->setUrgent(true) == false); // a no-show's priority stays
    QVERIFY(queue->requeue());
    QVERIFY(queue->setUrgent(true));
    QCOMPARE(queue->model()->visitAt(0).localId, visits[0].localId);
    QCOMPARE(queue->model()->index(0, QueueModel::PriorityColumn).data().toString(),
             QStringLiteral("Urgent"));
    QVERIFY(queue->printTicket());
    QVERIFY(m_desk->printer()->lastPdfPath().contains(QLatin1String("ticket-A-001")));
}

void TestReceptionDesk::queueErrorsNameTheField()
{
    QueuePanel *queue = m_desk->queuePanel();
    QVERIFY(!queue->addButton()->isEnabled());
    QVERIFY(!queue->addToQueue());
    QVERIFY2(queue->errorText().startsWith(QLatin1String("Patient:")), qPrintable(queue->errorText()));
    findKarimov();
    queue->noteEdit()->setText(QStringLiteral("повторный приём"));
    QVERIFY(queue->addToQueue());
    QVERIFY(queue->errorText().isEmpty());
    QCOMPARE(queue->model()->visitAt(0).note, QStringLiteral("повторный приём"));
    QVERIFY(queue->noteEdit()->text().isEmpty());
    // The same patient twice in one doctor's queue: refused, naming the patient and the ticket.
    QVERIFY(!queue->addToQueue());
    QVERIFY2(queue->errorText().startsWith(QLatin1String("Patient:")), qPrintable(queue->errorText()));
    QVERIFY(queue->errorText().contains(QLatin1String("ticket A-001")));
    QCOMPARE(queue->model()->rowCount(), 1);

    // No doctors known yet (never signed in on this PC).
    m_clinic->setForTesting({}, Letterhead());
    QVERIFY(!queue->doctorBox()->isEnabled());
    QVERIFY(!queue->addToQueue());
    QVERIFY2(queue->errorText().startsWith(QLatin1String("Doctor:")), qPrintable(queue->errorText()));
}

void TestReceptionDesk::doctorSeesTheQueueReadOnlyAndNoMoney()
{
    QVERIFY(m_desk->queueService().enqueue(m_karimov.id, kDoctorA, QDate::currentDate(),
                                           VisitPriority::Normal, QString(), kReception));
    makeDesk(QStringLiteral("doctor"));
    QVERIFY(m_desk->isReadOnly());
    QVERIFY(!m_desk->paymentsPanel());
    QVERIFY(!m_desk->cashSummaryView());
    QCOMPARE(m_desk->tabs()->count(), 1);
    QueuePanel *queue = m_desk->queuePanel();
    QVERIFY(queue->isReadOnly());
    QCOMPARE(queue->model()->rowCount(), 1);   // the queue is visible ...
    QVERIFY(!queue->addButton()->isVisible()); // ... but not editable
    QVERIFY(!queue->findChild<QPushButton *>(QStringLiteral("cancelVisitButton"))->isVisible());
    findKarimov();
    QVERIFY(!queue->addToQueue());
    queue->selectVisit(queue->model()->visitAt(0).localId);
    QVERIFY(!queue->cancelVisit());
    QCOMPARE(m_desk->queueService().queue(kDoctorA, QDate::currentDate()).first().status,
             VisitStatus::Waiting);
    QVERIFY(!m_desk->addToQueueAction()->isVisible());
    QVERIFY(!m_desk->takePaymentAction()->isVisible());
    QVERIFY(!m_desk->takePaymentAction()->isEnabled());
    QVERIFY(!m_desk->printPatientCard());
    QCOMPARE(m_desk->deskActions(), QList<QAction *>({m_desk->wallDisplayAction()}));
    QTest::keyClick(m_desk->patientPicker()->searchField(), Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(m_desk->queueService().queue(kDoctorA, QDate::currentDate()).size(), 1);
    QVERIFY(!ReceptionDesk::canEdit(QStringLiteral("doctor")));
    QVERIFY(!ReceptionDesk::canEdit(QString()));
    QVERIFY(ReceptionDesk::canEdit(QStringLiteral("receptionist")));
}

void TestReceptionDesk::clinicAdminUsesTheWholeDesk()
{
    makeDesk(QStringLiteral("clinic_admin"));
    QVERIFY(!m_desk->isReadOnly());
    QVERIFY(m_desk->paymentsPanel());
    QVERIFY(m_desk->cashSummaryView());
    QCOMPARE(m_desk->tabs()->count(), 3);
    QCOMPARE(m_desk->deskActions().size(), 8);
    findKarimov();
    m_desk->queuePanel()->printTicketCheck()->setChecked(false);
    QVERIFY(m_desk->queuePanel()->addToQueue());
    QCOMPARE(m_desk->queuePanel()->model()->visitAt(0).createdBy, kAdmin);
}

void TestReceptionDesk::patientCardIsPrinted()
{
    QVERIFY(!m_desk->printCardAction()->isEnabled());
    findKarimov();
    QVERIFY(m_desk->printCardAction()->isEnabled());
    QTest::keyClick(m_desk->patientPicker()->searchField(), Qt::Key_P,
                    Qt::ControlModifier | Qt::ShiftModifier);
    const QString card = m_desk->printer()->lastPdfPath();
    QVERIFY2(card.contains(m_karimov.number), qPrintable(card));
    QVERIFY(pdfPageCount(card) >= 1);
}

void TestReceptionDesk::aTicketTwoPcsGaveOutIsMarked()
{
    // Another PC that drew the same letter while offline: its visit arrives with ticket A-001.
    const std::optional<Visit> ours = m_desk->queueService().enqueue(
        m_karimov.id, kDoctorA, QDate::currentDate(), VisitPriority::Normal, QString(), kReception);
    QVERIFY(ours);
    Visit theirs;
    theirs.patientId = m_other.id;
    theirs.doctorId = kDoctorA;
    theirs.day = QDate::currentDate();
    theirs.ticket = ours->ticket;
    theirs.createdBy = kReception;
    VisitStore store(m_registry->database());
    QVERIFY2(store.insert(theirs), qPrintable(store.lastError().message));
    // A ticket of its own is not marked.
    QVERIFY(m_desk->queueService().enqueue(UuidV7::generate(), kDoctorA, QDate::currentDate(),
                                           VisitPriority::Normal, QString(), kReception));

    QueuePanel *queue = m_desk->queuePanel();
    queue->selectDoctor(kDoctorA);
    m_desk->reload();
    QCOMPARE(queue->model()->rowCount(), 3);
    int marked = 0;
    for (int row = 0; row < 3; ++row) {
        const QModelIndex ticket = queue->model()->index(row, QueueModel::TicketColumn);
        if (queue->model()->visitAt(row).ticket != ours->ticket) {
            QCOMPARE(ticket.data().toString(), QStringLiteral("A-002"));
            QVERIFY(ticket.data(Qt::ToolTipRole).isNull());
            continue;
        }
        ++marked;
        QCOMPARE(ticket.data().toString(), QStringLiteral("A-001 (twice!)"));
        QVERIFY(ticket.data(Qt::ToolTipRole).toString().contains(QLatin1String("by name")));
    }
    QCOMPARE(marked, 2);
}

void TestReceptionDesk::controlsHaveAccessibleNames()
{
    for (QWidget *widget : m_desk->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget) ||
                             qobject_cast<QAbstractItemView *>(widget) ||
                             qobject_cast<QAbstractButton *>(widget);
        // Qt's own parts (scroll bars, spin box editors, clear buttons) are named by Qt.
        if (!control || widget->objectName().isEmpty() ||
            widget->objectName().startsWith(QLatin1String("qt_")) ||
            widget->objectName().startsWith(QLatin1String("_q_")))
            continue;
        const auto *button = qobject_cast<QAbstractButton *>(widget);
        const bool named = !widget->accessibleName().isEmpty() || (button && !button->text().isEmpty());
        QVERIFY2(named,
                 qPrintable(widget->objectName() + QLatin1Char(' ') + widget->metaObject()->className()));
    }
}

QTEST_MAIN(TestReceptionDesk)
#include "tst_receptiondesk.moc"
