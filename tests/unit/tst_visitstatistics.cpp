#include "admin/VisitStatistics.h"
#include "domain/UuidV7.h"
#include "store/Database.h"
#include "store/PaymentStore.h"
#include "store/VisitStore.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace medora;

namespace {

const QString kDoctorA = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-0000000000a1");
const QString kDoctorB = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-0000000000b2");
const QString kDesk = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-0000000000c3");
const QDate kFirst(2026, 11, 2);
const QTimeZone kTashkent(QByteArrayLiteral("Asia/Tashkent"));

} // namespace

// VisitStatistics over a real SQLite store, written through VisitStore and PaymentStore.
class TestVisitStatistics : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void countsVisitsPerDayDoctorAndStatus();
    void paymentsPerDayAndMethodNetReversalsInTheClinicsDay();
    void emptyPeriodHasZeroDays();
    void refusesBadPeriods();

private:
    Visit visit(const QString &doctorId, const QDate &day, VisitStatus status = VisitStatus::Waiting);
    Payment pay(qint64 amount, PaymentMethod method, const QDate &day, const QTime &localTime);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<VisitStore> m_visits;
    std::unique_ptr<PaymentStore> m_payments;
};

void TestVisitStatistics::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY2(m_database->open(m_dir->filePath(QStringLiteral("medora.db"))),
             qPrintable(m_database->lastError().message));
    m_visits = std::make_unique<VisitStore>(*m_database);
    m_payments = std::make_unique<PaymentStore>(*m_database);
}

void TestVisitStatistics::cleanup()
{
    m_payments.reset();
    m_visits.reset();
    m_database.reset();
    m_dir.reset();
}

Visit TestVisitStatistics::visit(const QString &doctorId, const QDate &day, VisitStatus status)
{
    Visit entry;
    entry.patientId = UuidV7::generate();
    entry.doctorId = doctorId;
    entry.day = day;
    entry.createdBy = kDesk;
    if (!m_visits->insert(entry))
        qWarning() << m_visits->lastError().message;
    if (status != VisitStatus::Waiting && !m_visits->setStatus(entry.localId, status))
        qWarning() << m_visits->lastError().message;
    return entry;
}

Payment TestVisitStatistics::pay(qint64 amount, PaymentMethod method, const QDate &day,
                                 const QTime &localTime)
{
    Payment payment;
    payment.patientId = UuidV7::generate();
    payment.amount = amount;
    payment.method = method;
    payment.takenBy = kDesk;
    payment.takenAt = QDateTime(day, localTime, kTashkent);
    if (!m_payments->insert(payment))
        qWarning() << m_payments->lastError().message;
    return payment;
}

void TestVisitStatistics::countsVisitsPerDayDoctorAndStatus()
{
    visit(kDoctorA, kFirst, VisitStatus::Done);
    visit(kDoctorA, kFirst, VisitStatus::Done);
    visit(kDoctorB, kFirst, VisitStatus::NoShow);
    visit(kDoctorB, kFirst.addDays(2), VisitStatus::Cancelled);
    visit(kDoctorA, kFirst.addDays(6));
    // Outside the period on both sides, and a tombstoned visit inside it.
    visit(kDoctorA, kFirst.addDays(-1), VisitStatus::Done);
    visit(kDoctorA, kFirst.addDays(7), VisitStatus::Done);
    const Visit removed = visit(kDoctorB, kFirst.addDays(3));
    QVERIFY(m_visits->remove(removed.localId));

    VisitStatistics statistics;
    QString error;
    QVERIFY2(statistics.compute(*m_database, kFirst, kFirst.addDays(6), kTashkent, &error),
             qPrintable(error));
    QCOMPARE(statistics.dayCount(), 7);
    QCOMPARE(statistics.totalVisits(), 5);
    const QMap<QDate, int> perDay = statistics.visitsPerDay();
    QCOMPARE(perDay.size(), 7);
    QCOMPARE(perDay.value(kFirst), 3);
    QCOMPARE(perDay.value(kFirst.addDays(1)), 0);
    QCOMPARE(perDay.value(kFirst.addDays(2)), 1);
    QCOMPARE(perDay.value(kFirst.addDays(3)), 0);
    QCOMPARE(perDay.value(kFirst.addDays(6)), 1);
    QCOMPARE(statistics.visitsPerDoctor().value(kDoctorA), 3);
    QCOMPARE(statistics.visitsPerDoctor().value(kDoctorB), 2);
    const QMap<VisitStatus, int> perStatus = statistics.visitsPerStatus();
    QCOMPARE(perStatus.value(VisitStatus::Done), 2);
    QCOMPARE(perStatus.value(VisitStatus::NoShow), 1);
    QCOMPARE(perStatus.value(VisitStatus::Cancelled), 1);
    QCOMPARE(perStatus.value(VisitStatus::Waiting), 1);
    QVERIFY(!perStatus.contains(VisitStatus::InProgress));
}

void TestVisitStatistics::paymentsPerDayAndMethodNetReversalsInTheClinicsDay()
{
    pay(150000, PaymentMethod::Cash, kFirst, QTime(8, 0));
    const Payment card = pay(320000, PaymentMethod::Card, kFirst, QTime(23, 59));
    pay(1000000000, PaymentMethod::Transfer, kFirst.addDays(1), QTime(0, 0));
    pay(75000, PaymentMethod::Cash, kFirst.addDays(1), QTime(12, 0));
    // 23:30 the evening before in Tashkent is 18:30 UTC of that day: outside the period.
    pay(5000, PaymentMethod::Cash, kFirst.addDays(-1), QTime(23, 30));

    VisitStatistics statistics;
    QVERIFY(statistics.compute(*m_database, kFirst, kFirst.addDays(1), kTashkent));
    QCOMPARE(statistics.paymentTotal().received, qint64(1000000000) + 150000 + 320000 + 75000);
    QCOMPARE(statistics.paymentTotal().payments, 4);
    QCOMPARE(statistics.paymentsPerDay().value(kFirst).net(), qint64(470000));
    QCOMPARE(statistics.paymentsPerDay().value(kFirst.addDays(1)).net(), qint64(1000075000));
    const QMap<PaymentMethod, CashTotals> perMethod = statistics.paymentsPerMethod();
    QCOMPARE(perMethod.value(PaymentMethod::Cash).net(), qint64(225000));
    QCOMPARE(perMethod.value(PaymentMethod::Cash).payments, 2);
    QCOMPARE(perMethod.value(PaymentMethod::Card).net(), qint64(320000));
    QCOMPARE(perMethod.value(PaymentMethod::Transfer).net(), qint64(1000000000));
    QVERIFY(!perMethod.contains(PaymentMethod::Other));

    // A reversal counts on the day it was made (today), under the original's method.
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(kTashkent).date();
    QVERIFY(m_payments->reverse(card.localId, kDesk, QStringLiteral("wrong patient")));
    QVERIFY(statistics.compute(*m_database, kFirst, kFirst.addDays(1), kTashkent));
    QCOMPARE(statistics.paymentsPerMethod().value(PaymentMethod::Card).reversed, qint64(0));
    QVERIFY(statistics.compute(*m_database, today.addDays(-1), today, kTashkent));
    QCOMPARE(statistics.paymentsPerMethod().value(PaymentMethod::Card).reversed, qint64(320000));
    QCOMPARE(statistics.paymentsPerMethod().value(PaymentMethod::Card).reversals, 1);
    QCOMPARE(statistics.paymentTotal().net(), qint64(-320000));
}

void TestVisitStatistics::emptyPeriodHasZeroDays()
{
    VisitStatistics statistics;
    QVERIFY(statistics.compute(*m_database, kFirst, kFirst, kTashkent));
    QCOMPARE(statistics.totalVisits(), 0);
    QCOMPARE(statistics.visitsPerDay(), (QMap<QDate, int>{{kFirst, 0}}));
    QCOMPARE(statistics.paymentTotal(), CashTotals());
    QVERIFY(statistics.paymentsPerMethod().isEmpty());
}

void TestVisitStatistics::refusesBadPeriods()
{
    VisitStatistics statistics;
    QString error;
    QVERIFY(!statistics.compute(*m_database, kFirst, kFirst.addDays(-1), kTashkent, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!statistics.compute(*m_database, QDate(), kFirst, kTashkent, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!statistics.compute(*m_database, kFirst, kFirst.addDays(VisitStatistics::kMaxDays), kTashkent,
                                &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(
        statistics.compute(*m_database, kFirst, kFirst.addDays(VisitStatistics::kMaxDays - 1), kTashkent));
    QCOMPARE(statistics.visitsPerDay().size(), VisitStatistics::kMaxDays);
    QCOMPARE(statistics.dayCount(), VisitStatistics::kMaxDays);
}

QTEST_GUILESS_MAIN(TestVisitStatistics)
#include "tst_visitstatistics.moc"
