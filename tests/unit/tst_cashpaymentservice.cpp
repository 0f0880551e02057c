#include "cash/PaymentService.h"
#include "domain/UuidV7.h"
#include "queue/QueueService.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace medora;

namespace {

const QString kDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");
const QString kReception = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ec01");
// A 1 x 1 pixel PNG.
const QByteArray kPng = QByteArray::fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

QStringList fields(const FieldErrors &errors)
{
    QStringList list;
    for (const FieldError &error : errors)
        list << error.field;
    return list;
}

} // namespace

class TestCashPaymentService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void takesAPaymentLinkedToTheVisit();
    void amountsOutsideTheDesksLimitsAreRefused();
    void theVisitMustBeThePatients();
    void receiptPhotoIsCopiedUnderThePaymentsId();
    void aFileThatIsNoPhotoOrTooLargeIsRefused();
    void reversalAddsAnEntryOnce();
    void receiptPathNeverLeavesTheFolder();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    PaymentRequest request(qint64 amount);
    qint64 rows();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PaymentService> m_payments;
    QUuid m_patient;
};

void TestCashPaymentService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY2(m_database->open(m_dir->filePath(QStringLiteral("medora.db"))),
             qPrintable(m_database->lastError().message));
    m_payments = std::make_unique<PaymentService>(*m_database, m_dir->path());
    m_patient = UuidV7::generate();
}

void TestCashPaymentService::cleanup()
{
    m_payments.reset();
    m_database.reset();
    m_dir.reset();
}

QString TestCashPaymentService::writeFile(const QString &name, const QByteArray &bytes)
{
    QDir().mkpath(m_dir->filePath(QStringLiteral("incoming")));
    const QString path = m_dir->filePath(QStringLiteral("incoming/") + name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qWarning() << "cannot write" << path;
    return path;
}

PaymentRequest TestCashPaymentService::request(qint64 amount)
{
    PaymentRequest request;
    request.patientId = m_patient;
    request.amount = amount;
    request.method = PaymentMethod::Cash;
    request.takenBy = kReception;
    return request;
}

qint64 TestCashPaymentService::rows()
{
    QSqlQuery query(m_database->connection());
    query.exec(QStringLiteral("SELECT (SELECT count(*) FROM payment) + (SELECT count(*) FROM outbox)"));
    return query.next() ? query.value(0).toLongLong() : -1;
}

void TestCashPaymentService::takesAPaymentLinkedToTheVisit()
{
    QueueService queue(*m_database);
    const std::optional<Visit> visit =
        queue.enqueue(m_patient, kDoctor, QDate::currentDate(), VisitPriority::Normal, QString(), kReception);
    QVERIFY(visit);
    QSignalSpy changes(m_payments.get(), &PaymentService::localChange);
    PaymentRequest paid = request(150000);
    paid.visitId = visit->id;
    paid.method = PaymentMethod::Card;
    paid.note = QStringLiteral("Консультация");
    FieldErrors errors;
    const std::optional<Payment> payment = m_payments->take(paid, &errors);
    QVERIFY2(payment, qPrintable(m_payments->lastError().message));
    QVERIFY(errors.isEmpty());
    QCOMPARE(changes.count(), 1);
    const std::optional<Payment> stored = m_payments->payment(payment->localId);
    QVERIFY(stored);
    QCOMPARE(stored->amount, qint64(150000));
    QCOMPARE(stored->method, PaymentMethod::Card);
    QCOMPARE(stored->visitId, visit->id);
    QCOMPARE(stored->takenBy, kReception);
    QCOMPARE(stored->note, QStringLiteral("Консультация"));
    QVERIFY(stored->receiptRef.isEmpty());
    QCOMPARE(m_payments->forDay(QDate::currentDate()).size(), 1);
    QCOMPARE(m_payments->forPatient(m_patient).size(), 1);
    // The largest amount the desk takes is one billion so'm.
    QVERIFY(m_payments->take(request(1000000000)));
}

void TestCashPaymentService::amountsOutsideTheDesksLimitsAreRefused()
{
    const qint64 before = rows();
    QSignalSpy changes(m_payments.get(), &PaymentService::localChange);
    for (qint64 amount : {qint64(0), qint64(-5000), qint64(1000000001), qint64(999999999999)}) {
        FieldErrors errors;
        QVERIFY(!m_payments->take(request(amount), &errors));
        QCOMPARE(fields(errors), QStringList({QStringLiteral("amount")}));
        QVERIFY(!errors.first().message.isEmpty());
        QCOMPARE(int(m_payments->lastError().code), int(StoreError::Code::Invalid));
    }
    FieldErrors errors;
    PaymentRequest noPatient = request(1000);
    noPatient.patientId = QUuid();
    QVERIFY(!m_payments->take(noPatient, &errors));
    QCOMPARE(fields(errors), QStringList({QStringLiteral("patient")}));
    PaymentRequest longNote = request(1000);
    longNote.note = QString(PaymentService::kMaxNoteLength + 1, QLatin1Char('n'));
    QVERIFY(!m_payments->take(longNote, &errors));
    QCOMPARE(fields(errors), QStringList({QStringLiteral("note")}));
    // Who takes the money must be a staff member's id (the sync format's rule).
    PaymentRequest nobody = request(1000);
    nobody.takenBy = QStringLiteral("reception");
    QVERIFY(!m_payments->take(nobody, &errors));
    QVERIFY(!m_payments->lastError().message.isEmpty());
    QCOMPARE(rows(), before);
    QCOMPARE(changes.count(), 0);
}

void TestCashPaymentService::theVisitMustBeThePatients()
{
    QueueService queue(*m_database);
    const std::optional<Visit> someoneElses = queue.enqueue(UuidV7::generate(), kDoctor, QDate::currentDate(),
                                                            VisitPriority::Normal, QString(), kReception);
    QVERIFY(someoneElses);
    PaymentRequest paid = request(1000);
    paid.visitId = someoneElses->id;
    FieldErrors errors;
    QVERIFY(!m_payments->take(paid, &errors));
    QCOMPARE(fields(errors), QStringList({QStringLiteral("visit")}));
    paid.visitId = UuidV7::generate();
    QVERIFY(!m_payments->take(paid, &errors));
    QCOMPARE(fields(errors), QStringList({QStringLiteral("visit")}));
    QVERIFY(m_payments->forPatient(m_patient).isEmpty());
}

void TestCashPaymentService::receiptPhotoIsCopiedUnderThePaymentsId()
{
    // The name says .jpeg; the content is a PNG, and the content decides.
    const QString photo = writeFile(QStringLiteral("чек 1.jpeg"), kPng);
    PaymentRequest paid = request(20000);
    paid.receiptImagePath = photo;
    const std::optional<Payment> payment = m_payments->take(paid);
    QVERIFY2(payment, qPrintable(m_payments->lastError().message));
    const QString expected = payment->id.toString(QUuid::WithoutBraces) + QStringLiteral(".png");
    QCOMPARE(payment->receiptRef, expected);
    QCOMPARE(m_payments->payment(payment->localId)->receiptRef, expected);
    const QString copy = m_payments->receiptPath(*payment);
    QCOMPARE(copy, QDir(m_dir->filePath(QStringLiteral("receipts"))).filePath(expected));
    QFile file(copy);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), kPng);
    QVERIFY(QFile::exists(photo)); // the original stays where it was

    const QString jpeg =
        writeFile(QStringLiteral("receipt"),
                  QByteArray("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11) + QByteArray(100, '\0'));
    paid.receiptImagePath = jpeg;
    const std::optional<Payment> second = m_payments->take(paid);
    QVERIFY(second);
    QVERIFY(second->receiptRef.endsWith(QLatin1String(".jpg")));
}

void TestCashPaymentService::aFileThatIsNoPhotoOrTooLargeIsRefused()
{
    const qint64 before = rows();
    const QString text = writeFile(QStringLiteral("receipt.png"), QByteArray("not a picture at all\n"));
    const QString empty = writeFile(QStringLiteral("empty.png"), QByteArray());
    const QString huge =
        writeFile(QStringLiteral("huge.png"), kPng + QByteArray(PaymentService::kMaxReceiptBytes, 'x'));
    for (const QString &path : {text, empty, huge, m_dir->filePath(QStringLiteral("missing.png"))}) {
        QVERIFY(!PaymentService::checkReceiptImage(path).isEmpty());
        PaymentRequest paid = request(20000);
        paid.receiptImagePath = path;
        FieldErrors errors;
        QVERIFY(!m_payments->take(paid, &errors));
        QCOMPARE(fields(errors), QStringList({QStringLiteral("receipt")}));
    }
    QVERIFY(PaymentService::checkReceiptImage(huge).contains(QLatin1String("10")));
    QCOMPARE(rows(), before);
    QVERIFY(!QDir(m_dir->filePath(QStringLiteral("receipts"))).exists() ||
            QDir(m_dir->filePath(QStringLiteral("receipts"))).isEmpty());
}

void TestCashPaymentService::reversalAddsAnEntryOnce()
{
    const std::optional<Payment> payment = m_payments->take(request(90000));
    QVERIFY(payment);
    QVERIFY(!m_payments->isReversed(payment->id));
    QSignalSpy changes(m_payments.get(), &PaymentService::localChange);
    const std::optional<Payment> reversal =
        m_payments->reverse(payment->localId, kReception, QStringLiteral("ошибка"));
    QVERIFY2(reversal, qPrintable(m_payments->lastError().message));
    QCOMPARE(reversal->amount, qint64(-90000));
    QCOMPARE(reversal->reverses, payment->id);
    QCOMPARE(reversal->method, payment->method);
    QVERIFY(m_payments->isReversed(payment->id));
    QCOMPARE(changes.count(), 1);
    QVERIFY(!m_payments->reverse(payment->localId, kReception, QString()));
    QCOMPARE(int(m_payments->lastError().code), int(StoreError::Code::Immutable));
    QVERIFY(!m_payments->reverse(reversal->localId, kReception, QString()));
    QCOMPARE(changes.count(), 1);
    QCOMPARE(m_payments->forPatient(m_patient).size(), 2); // append-only: both entries stay
}

void TestCashPaymentService::receiptPathNeverLeavesTheFolder()
{
    Payment payment;
    payment.receiptRef = QStringLiteral("../../etc/passwd");
    QVERIFY(m_payments->receiptPath(payment).isEmpty());
    payment.receiptRef = QStringLiteral(".hidden.png");
    QVERIFY(m_payments->receiptPath(payment).isEmpty());
    payment.receiptRef.clear();
    QVERIFY(m_payments->receiptPath(payment).isEmpty());
}

QTEST_GUILESS_MAIN(TestCashPaymentService)
#include "tst_cashpaymentservice.moc"
