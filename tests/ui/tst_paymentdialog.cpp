#include "cash/MoneyText.h"
#include "cash/PaymentService.h"
#include "clinic/ClinicDirectory.h"
#include "domain/UuidV7.h"
#include "i18n/LanguageManager.h"
#include "queue/QueueService.h"
#include "reception/MoneyEdit.h"
#include "reception/PaymentDialog.h"
#include "store/Database.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

const QString kDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");
const QString kReception = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ec01");
const QByteArray kPng = QByteArray::fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

} // namespace

class TestPaymentDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void amountIsGroupedAsTypedInEachLanguage_data();
    void amountIsGroupedAsTypedInEachLanguage();
    void editingInTheMiddleKeepsTheCursor();
    void amountFollowsALanguageSwitch();
    void todaysVisitsAreOffered();
    void receiptPhotoIsCheckedWhenAttached();
    void savedPaymentCarriesEveryField();
    void cancelAfterTypingAsks();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    std::unique_ptr<PaymentDialog> makeDialog();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ClinicDirectory> m_clinic;
    std::unique_ptr<QueueService> m_queue;
    std::unique_ptr<PaymentService> m_payments;
    Patient m_patient;
    UserProfile m_me;
};

void TestPaymentDialog::init()
{
    QLocale::setDefault(QLocale(QLocale::Uzbek, QLocale::LatinScript, QLocale::Uzbekistan));
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("medora.db"))));
    m_clinic = std::make_unique<ClinicDirectory>(m_dir->path());
    m_clinic->setForTesting({{kDoctor, QStringLiteral("Karimova Nodira"), QStringLiteral("doctor"), true}},
                            Letterhead());
    m_queue = std::make_unique<QueueService>(*m_database);
    m_payments = std::make_unique<PaymentService>(*m_database, m_dir->path());
    m_patient = Patient();
    m_patient.id = UuidV7::generate();
    m_patient.number = QStringLiteral("KQX-00001");
    m_patient.lastName = QStringLiteral("Yusupova");
    m_patient.firstName = QStringLiteral("Dilnoza");
    m_me.id = kReception;
    m_me.role = QStringLiteral("receptionist");
    m_me.fullName = QStringLiteral("Azizova Madina");
}

void TestPaymentDialog::cleanup()
{
    m_payments.reset();
    m_queue.reset();
    m_clinic.reset();
    m_database.reset();
    m_dir.reset();
    QLocale::setDefault(QLocale::c());
}

QString TestPaymentDialog::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qWarning() << "cannot write" << path;
    return path;
}

std::unique_ptr<PaymentDialog> TestPaymentDialog::makeDialog()
{
    auto dialog = std::make_unique<PaymentDialog>(*m_payments, *m_queue, *m_clinic, m_patient, m_me,
                                                  QDate::currentDate());
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        qWarning() << "dialog not exposed";
    return dialog;
}

void TestPaymentDialog::amountIsGroupedAsTypedInEachLanguage_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::newRow("uz") << QLocale(QLocale::Uzbek, QLocale::LatinScript, QLocale::Uzbekistan);
    QTest::newRow("ru") << QLocale(QLocale::Russian, QLocale::Russia);
    QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates);
}

void TestPaymentDialog::amountIsGroupedAsTypedInEachLanguage()
{
    QFETCH(QLocale, locale);
    QLocale::setDefault(locale);
    const auto dialog = makeDialog();
    MoneyEdit *amount = dialog->amountEdit();
    QTest::keyClicks(amount, QStringLiteral("1500"));
    QCOMPARE(amount->text(), locale.toString(qint64(1500)));
    QTest::keyClicks(amount, QStringLiteral("00"));
    QCOMPARE(amount->text(), locale.toString(qint64(150000)));
    QCOMPARE(amount->cursorPosition(), amount->text().size());
    QCOMPARE(amount->value().amount, qint64(150000));
    QVERIFY(amount->value().ok());
    QTest::keyClick(amount, Qt::Key_Backspace);
    QCOMPARE(amount->text(), locale.toString(qint64(15000)));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("amountLabel"))->buddy() == amount);
}

void TestPaymentDialog::editingInTheMiddleKeepsTheCursor()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const auto dialog = makeDialog();
    MoneyEdit *amount = dialog->amountEdit();
    QTest::keyClicks(amount, QStringLiteral("15000"));
    QCOMPARE(amount->text(), QStringLiteral("15,000"));
    amount->setCursorPosition(2); // "15|,000"
    QTest::keyClicks(amount, QStringLiteral("0"));
    QCOMPARE(amount->text(), QStringLiteral("150,000"));
    QCOMPARE(amount->cursorPosition(), 3); // "150|,000"
}

void TestPaymentDialog::amountFollowsALanguageSwitch()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(QStringLiteral("en"), false));
    const auto dialog = makeDialog();
    MoneyEdit *amount = dialog->amountEdit();
    QTest::keyClicks(amount, QStringLiteral("150000"));
    QCOMPARE(amount->text(), QStringLiteral("150,000"));
    // "150,000" would read as 150 in Russian; the amount is carried over, not the text.
    QVERIFY(languages.setLanguage(QStringLiteral("ru"), false));
    const QString russian = QLocale(QLocale::Russian, QLocale::Russia).toString(qint64(150000));
    QTRY_COMPARE(amount->text(), russian);
    QCOMPARE(amount->value().amount, qint64(150000));
    QVERIFY(languages.setLanguage(QStringLiteral("en"), false));
    QTRY_COMPARE(amount->text(), QStringLiteral("150,000"));
}

void TestPaymentDialog::todaysVisitsAreOffered()
{
    const std::optional<Visit> today = m_queue->enqueue(m_patient.id, kDoctor, QDate::currentDate(),
                                                        VisitPriority::Normal, QString(), kReception);
    QVERIFY(today);
    QVERIFY(m_queue->enqueue(m_patient.id, kDoctor, QDate::currentDate().addDays(1), VisitPriority::Normal,
                             QString(), kReception));
    const auto dialog = makeDialog();
    QComboBox *visits = dialog->visitBox();
    QCOMPARE(visits->count(), 2); // "not linked" and today's visit
    QCOMPARE(visits->currentData().toString(), today->id.toString(QUuid::WithoutBraces));
    QVERIFY(visits->currentText().contains(QLatin1String("Karimova Nodira")));
    QVERIFY(visits->itemData(0).toString().isEmpty());
}

void TestPaymentDialog::receiptPhotoIsCheckedWhenAttached()
{
    const auto dialog = makeDialog();
    QVERIFY(!dialog->setReceiptFile(writeFile(QStringLiteral("notes.txt"), "hello")));
    QVERIFY(!dialog->errorText(QStringLiteral("receipt")).isEmpty());
    QVERIFY(dialog->receiptFile().isEmpty());
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("removeReceiptButton"))->isEnabled());
    const QString photo = writeFile(QStringLiteral("chek.png"), kPng);
    QVERIFY(dialog->setReceiptFile(photo));
    QVERIFY(dialog->errorText(QStringLiteral("receipt")).isEmpty());
    QCOMPARE(dialog->receiptFile(), photo);
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("receiptNameLabel"))->text(),
             QStringLiteral("chek.png"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("removeReceiptButton")),
                      Qt::LeftButton);
    QVERIFY(dialog->receiptFile().isEmpty());
}

void TestPaymentDialog::savedPaymentCarriesEveryField()
{
    const auto dialog = makeDialog();
    QTest::keyClicks(dialog->amountEdit(), QStringLiteral("75000"));
    dialog->methodBox()->setCurrentIndex(dialog->methodBox()->findData(int(PaymentMethod::Transfer)));
    QTest::keyClicks(dialog->noteEdit(), QStringLiteral("insurance"));
    QVERIFY(dialog->setReceiptFile(writeFile(QStringLiteral("chek.png"), kPng)));
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    const std::optional<Payment> saved = dialog->savedPayment();
    QVERIFY(saved);
    const std::optional<Payment> stored = m_payments->payment(saved->localId);
    QVERIFY(stored);
    QCOMPARE(stored->amount, qint64(75000));
    QCOMPARE(stored->method, PaymentMethod::Transfer);
    QCOMPARE(stored->note, QStringLiteral("insurance"));
    QCOMPARE(stored->takenBy, kReception);
    QVERIFY(stored->visitId.isNull());
    QVERIFY(QFile::exists(m_payments->receiptPath(*stored)));
}

void TestPaymentDialog::cancelAfterTypingAsks()
{
    const auto dialog = makeDialog();
    QTest::keyClicks(dialog->amountEdit(), QStringLiteral("5"));
    QString asked;
    QTimer::singleShot(0, [&asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        asked = box->text();
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::RejectRole)
                button->click();
        }
    });
    dialog->reject();
    QVERIFY(!asked.isEmpty());
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->amountEdit()->text(), QStringLiteral("5"));
    QVERIFY(m_payments->forPatient(m_patient.id).isEmpty());
}

QTEST_MAIN(TestPaymentDialog)
#include "tst_paymentdialog.moc"
