#include "domain/UuidV7.h"
#include "store/Database.h"
#include "store/PaymentStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace medora;

namespace {

const QString kReception = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ec01");
const QString kCashier = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ec02");

Payment paymentFor(const QUuid &patientId, qint64 amount)
{
    Payment payment;
    payment.patientId = patientId;
    payment.amount = amount;
    payment.method = PaymentMethod::Card;
    payment.takenBy = kReception;
    payment.receiptRef = QStringLiteral("receipt-0042.jpg");
    return payment;
}

} // namespace

class TestPaymentStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void insertKeepsIntegerMoneyExactly();
    void onlyPositiveAmountsAreEntered();
    void reversalNegatesAndLinksTheOriginal();
    void reversalRules();
    void dayAndTotalsFollowTheClinicDay();

private:
    qint64 outboxCount();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PaymentStore> m_store;
    QUuid m_patient;
};

void TestPaymentStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY2(m_database->open(m_dir->filePath(QStringLiteral("medora.db"))),
             qPrintable(m_database->lastError().message));
    m_store = std::make_unique<PaymentStore>(*m_database);
    m_patient = UuidV7::generate();
}

void TestPaymentStore::cleanup()
{
    m_store.reset();
    m_database.reset();
    m_dir.reset();
}

qint64 TestPaymentStore::outboxCount()
{
    QSqlQuery query(m_database->connection());
    query.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 3"));
    return query.next() ? query.value(0).toLongLong() : -1;
}

void TestPaymentStore::insertKeepsIntegerMoneyExactly()
{
    // Beyond 2^53 nothing would survive a double; these are whole so'm, stored as integers.
    const qint64 large = 999999999999LL;
    Payment payment = paymentFor(m_patient, large);
    payment.visitId = UuidV7::generate();
    QVERIFY2(m_store->insert(payment), qPrintable(m_store->lastError().message));
    QVERIFY(UuidV7::isV7(payment.id));
    QVERIFY(payment.takenAt.isValid());
    QCOMPARE(payment.syncState, SyncState::New);
    Payment small = paymentFor(m_patient, 1);
    QVERIFY(m_store->insert(small));

    const std::optional<Payment> stored = m_store->get(payment.localId);
    QVERIFY(stored);
    QCOMPARE(stored->amount, large);
    QCOMPARE(stored->visitId, payment.visitId);
    QCOMPARE(stored->method, PaymentMethod::Card);
    QCOMPARE(stored->takenBy, kReception);
    QCOMPARE(stored->takenAt, payment.takenAt);
    QCOMPARE(stored->receiptRef, QStringLiteral("receipt-0042.jpg"));
    QCOMPARE(m_store->getById(small.id)->amount, qint64(1));
    QSqlQuery type(m_database->connection());
    QVERIFY(type.exec(QStringLiteral("SELECT typeof(amount) FROM payment")) && type.next());
    QCOMPARE(type.value(0).toString(), QStringLiteral("integer"));
    QCOMPARE(m_store->totalBetween(payment.takenAt.addSecs(-60), small.takenAt.addSecs(60)), large + 1);
    QCOMPARE(outboxCount(), qint64(2));

    const QList<Payment> forPatient = m_store->forPatient(m_patient);
    QCOMPARE(forPatient.size(), 2);
    QCOMPARE(forPatient[0].id, payment.id);
}

void TestPaymentStore::onlyPositiveAmountsAreEntered()
{
    FieldErrors errors;
    Payment zero = paymentFor(m_patient, 0);
    QVERIFY(!m_store->insert(zero, &errors));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::Invalid));
    QVERIFY(m_store->lastError().message.contains(PaymentStore::tr("Amount")));
    QCOMPARE(errors.value(0).field, QStringLiteral("data.amount"));
    Payment negative = paymentFor(m_patient, -5000);
    QVERIFY(!m_store->insert(negative));
    Payment handReversal = paymentFor(m_patient, 5000);
    handReversal.reverses = UuidV7::generate();
    QVERIFY(!m_store->insert(handReversal));
    Payment tooLarge = paymentFor(m_patient, 1000000000001LL);
    QVERIFY(!m_store->insert(tooLarge, &errors));
    QCOMPARE(errors.value(0).field, QStringLiteral("data.amount"));
    Payment noTaker = paymentFor(m_patient, 5000);
    noTaker.takenBy.clear();
    QVERIFY(!m_store->insert(noTaker));
    QVERIFY(m_store->lastError().message.contains(PaymentStore::tr("Taken by")));
    QCOMPARE(outboxCount(), qint64(0));
    QVERIFY(m_store->forPatient(m_patient).isEmpty());
}

void TestPaymentStore::reversalNegatesAndLinksTheOriginal()
{
    Payment original = paymentFor(m_patient, 120000);
    original.visitId = UuidV7::generate();
    QVERIFY(m_store->insert(original));
    Payment reversal;
    QVERIFY2(m_store->reverse(original.localId, kCashier, QStringLiteral("charged twice"), &reversal),
             qPrintable(m_store->lastError().message));
    QCOMPARE(reversal.amount, qint64(-120000));
    QCOMPARE(reversal.reverses, original.id);
    QCOMPARE(reversal.patientId, m_patient);
    QCOMPARE(reversal.visitId, original.visitId);
    QCOMPARE(reversal.method, original.method);
    QCOMPARE(reversal.takenBy, kCashier);
    QCOMPARE(reversal.note, QStringLiteral("charged twice"));
    QVERIFY(reversal.id != original.id);
    QCOMPARE(m_store->reversalOf(original.id)->id, reversal.id);
    QVERIFY(!m_store->reversalOf(reversal.id));
    // The original is untouched: the ledger only grows.
    QCOMPARE(m_store->get(original.localId)->amount, qint64(120000));
    QCOMPARE(m_store->forPatient(m_patient).size(), 2);
    QCOMPARE(m_store->totalBetween(original.takenAt.addSecs(-60), reversal.takenAt.addSecs(60)), qint64(0));
    QCOMPARE(outboxCount(), qint64(2));
}

void TestPaymentStore::reversalRules()
{
    Payment original = paymentFor(m_patient, 50000);
    QVERIFY(m_store->insert(original));
    Payment reversal;
    QVERIFY(m_store->reverse(original.localId, kCashier, QString(), &reversal));

    QVERIFY(!m_store->reverse(original.localId, kCashier, QString()));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::Immutable));
    QVERIFY(!m_store->reverse(reversal.localId, kCashier, QString()));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::Immutable));
    QVERIFY(!m_store->reverse(reversal.localId + 100, kCashier, QString()));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::NotFound));
    QVERIFY(!m_store->reverse(original.localId + 0, QString(), QString()));
    QCOMPARE(m_store->forPatient(m_patient).size(), 2);
    QCOMPARE(outboxCount(), qint64(2));

    // A reversal needs a valid taker, like any entry.
    Payment second = paymentFor(m_patient, 7000);
    QVERIFY(m_store->insert(second));
    QVERIFY(!m_store->reverse(second.localId, QStringLiteral("not a user id"), QString()));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::Invalid));
    QVERIFY(!m_store->reversalOf(second.id));
}

void TestPaymentStore::dayAndTotalsFollowTheClinicDay()
{
    const QTimeZone tashkent("Asia/Tashkent");
    QVERIFY(tashkent.isValid());
    const QDate day(2026, 11, 28);
    // 23:30 the evening before in Tashkent is 18:30 UTC; 00:30 on the day is 19:30 UTC of the
    // day before; 23:59 on the day is 18:59 UTC on the day.
    const QList<QPair<QDateTime, qint64>> entries = {
        {QDateTime(day.addDays(-1), QTime(23, 30), tashkent), 1000},
        {QDateTime(day, QTime(0, 30), tashkent), 2000},
        {QDateTime(day, QTime(23, 59), tashkent), 4000},
        {QDateTime(day.addDays(1), QTime(0, 0), tashkent), 8000},
    };
    for (const auto &[takenAt, amount] : entries) {
        Payment payment = paymentFor(m_patient, amount);
        payment.takenAt = takenAt;
        QVERIFY(m_store->insert(payment));
        QCOMPARE(payment.takenAt.timeSpec(), Qt::UTC);
    }
    const QList<Payment> ofDay = m_store->forDay(day, tashkent);
    QCOMPARE(ofDay.size(), 2);
    QCOMPARE(ofDay[0].amount, qint64(2000));
    QCOMPARE(ofDay[1].amount, qint64(4000));
    QCOMPARE(m_store->forDay(day, QTimeZone::utc()).size(), 2); // 18:30 and 19:30 UTC of the 27th are out
    QCOMPARE(m_store->totalBetween(QDateTime(day, QTime(0, 0), tashkent).toUTC(),
                                   QDateTime(day.addDays(1), QTime(0, 0), tashkent).toUTC()),
             qint64(6000));
}

QTEST_GUILESS_MAIN(TestPaymentStore)

#include "tst_paymentstore.moc"
