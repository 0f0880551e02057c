#include "cash/CashSummary.h"
#include "cash/CashSummaryHtmlBuilder.h"
#include "domain/UuidV7.h"
#include "store/Database.h"
#include "store/PaymentStore.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace medora;

namespace {

const QString kAziza = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ec01");
const QString kBobur = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ec02");
const QDate kDay(2026, 11, 27);
const QTimeZone kTashkent(QByteArrayLiteral("Asia/Tashkent"));

CashTotals totals(qint64 received, qint64 reversed, int payments, int reversals)
{
    CashTotals result;
    result.received = received;
    result.reversed = reversed;
    result.payments = payments;
    result.reversals = reversals;
    return result;
}

} // namespace

class TestCashSummary : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void totalsPerMethodAndReceptionistNetReversals();
    void aReversalCountsOnTheDayItWasMade();
    void anEmptyDay();
    void printableSummaryEscapesNamesAndGroupsMoney();

private:
    Payment take(qint64 amount, PaymentMethod method, const QString &by, const QTime &localTime,
                 const QDate &day = kDay);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PaymentStore> m_store;
    QUuid m_patient;
};

void TestCashSummary::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY2(m_database->open(m_dir->filePath(QStringLiteral("medora.db"))),
             qPrintable(m_database->lastError().message));
    m_store = std::make_unique<PaymentStore>(*m_database);
    m_patient = UuidV7::generate();
}

void TestCashSummary::cleanup()
{
    m_store.reset();
    m_database.reset();
    m_dir.reset();
}

Payment TestCashSummary::take(qint64 amount, PaymentMethod method, const QString &by, const QTime &localTime,
                              const QDate &day)
{
    Payment payment;
    payment.patientId = m_patient;
    payment.amount = amount;
    payment.method = method;
    payment.takenBy = by;
    payment.takenAt = QDateTime(day, localTime, kTashkent);
    if (!m_store->insert(payment))
        qWarning() << m_store->lastError().message;
    return payment;
}

void TestCashSummary::totalsPerMethodAndReceptionistNetReversals()
{
    // A reversal is stamped now, so this day is today in Tashkent.
    const QDate day = QDateTime::currentDateTimeUtc().toTimeZone(kTashkent).date();
    take(150000, PaymentMethod::Cash, kAziza, QTime(8, 5), day);
    const Payment card = take(320000, PaymentMethod::Card, kAziza, QTime(10, 0), day);
    take(75000, PaymentMethod::Cash, kBobur, QTime(23, 59), day);
    take(1000000000, PaymentMethod::Transfer, kBobur, QTime(12, 0), day);
    // Outside the clinic's day (Tashkent): the evening before and just after midnight.
    take(5000, PaymentMethod::Cash, kAziza, QTime(23, 30), day.addDays(-1));
    take(7000, PaymentMethod::Cash, kAziza, QTime(0, 0), day.addDays(1));
    // Bobur gives the card payment back the same day.
    QVERIFY(m_store->reverse(card.localId, kBobur, QStringLiteral("wrong patient")));

    const CashSummary summary = CashSummary::forDay(*m_store, day, kTashkent);
    QCOMPARE(summary.day(), day);
    QCOMPARE(summary.entries().size(), 5);
    QCOMPARE(summary.total(), totals(150000 + 320000 + 75000 + 1000000000, 320000, 4, 1));
    QCOMPARE(summary.total().net(), qint64(150000 + 75000 + 1000000000));

    const QMap<PaymentMethod, CashTotals> byMethod = summary.byMethod();
    QCOMPARE(byMethod.size(), 3);
    QCOMPARE(byMethod.value(PaymentMethod::Cash), totals(225000, 0, 2, 0));
    // The reversal is counted under the method of the payment it cancels.
    QCOMPARE(byMethod.value(PaymentMethod::Card), totals(320000, 320000, 1, 1));
    QCOMPARE(byMethod.value(PaymentMethod::Card).net(), qint64(0));
    QCOMPARE(byMethod.value(PaymentMethod::Transfer), totals(1000000000, 0, 1, 0));
    QVERIFY(!byMethod.contains(PaymentMethod::Other));

    // ... and for whoever gave the money back.
    const QMap<QString, CashTotals> byPerson = summary.byReceptionist();
    QCOMPARE(byPerson.size(), 2);
    QCOMPARE(byPerson.value(kAziza), totals(470000, 0, 2, 0));
    QCOMPARE(byPerson.value(kBobur), totals(1000075000, 320000, 2, 1));
}

void TestCashSummary::aReversalCountsOnTheDayItWasMade()
{
    const Payment payment = take(200000, PaymentMethod::Cash, kAziza, QTime(9, 0), kDay.addDays(-1));
    QVERIFY(m_store->reverse(payment.localId, kBobur, QString()));
    const QDate reversalDay = QDateTime::currentDateTimeUtc().toTimeZone(kTashkent).date();
    const CashSummary first = CashSummary::forDay(*m_store, kDay.addDays(-1), kTashkent);
    QCOMPARE(first.total(), totals(200000, 0, 1, 0));
    const CashSummary second = CashSummary::forDay(*m_store, reversalDay, kTashkent);
    QCOMPARE(second.total(), totals(0, 200000, 0, 1));
    QCOMPARE(second.total().net(), qint64(-200000));
}

void TestCashSummary::anEmptyDay()
{
    const CashSummary summary = CashSummary::forDay(*m_store, kDay, kTashkent);
    QVERIFY(summary.isEmpty());
    QCOMPARE(summary.total(), CashTotals());
    QVERIFY(summary.byMethod().isEmpty());
    const CashSummaryHtmlBuilder builder(summary, nullptr);
    QVERIFY(builder.bodyHtml().contains(QLatin1String("No payments")));
}

void TestCashSummary::printableSummaryEscapesNamesAndGroupsMoney()
{
    QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
    take(150000, PaymentMethod::Cash, kAziza, QTime(9, 0));
    take(25000, PaymentMethod::Card, kBobur, QTime(9, 30));
    const CashSummary summary = CashSummary::forDay(*m_store, kDay, kTashkent);
    const auto names = [](const QString &id) {
        return id == kAziza ? QStringLiteral("Азиза <b>Каримова</b> & Co") : QString();
    };
    const CashSummaryHtmlBuilder builder(summary, names);
    const QString html = builder.bodyHtml();
    QVERIFY(builder.title().contains(QLatin1String("27.11.2026")));
    QVERIFY2(html.contains(QStringLiteral("Азиза &lt;b&gt;Каримова&lt;/b&gt; &amp; Co")), qPrintable(html));
    QVERIFY(!html.contains(QLatin1String("<b>Каримова")));
    // A receptionist the directory does not know yet is still told apart.
    QVERIFY(html.contains(QStringLiteral("(%1)").arg(kBobur.right(8))));
    const QString grouped = QLocale().toString(qint64(150000));
    QCOMPARE(grouped.size(), 7); // "150 000" with the language's separator
    QVERIFY2(html.contains(grouped), qPrintable(html));
    QVERIFY(html.contains(QLocale().toString(qint64(175000))));
    QLocale::setDefault(QLocale::c());
}

QTEST_GUILESS_MAIN(TestCashSummary)
#include "tst_cashsummary.moc"
