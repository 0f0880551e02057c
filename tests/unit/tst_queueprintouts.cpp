#include "cash/ReceiptHtmlBuilder.h"
#include "domain/UuidV7.h"
#include "queue/PatientCardHtmlBuilder.h"
#include "queue/TicketHtmlBuilder.h"

#include <QTest>

using namespace medora;

namespace {

Patient hostilePatient()
{
    Patient patient;
    patient.id = UuidV7::generate();
    patient.number = QStringLiteral("KQX-00042");
    patient.lastName = QStringLiteral("Каримов<script>alert(1)</script>");
    patient.firstName = QStringLiteral("Oʻktam & <i>Aziz</i>");
    patient.fatherName = QStringLiteral("Рустамович");
    patient.birthDate = QDate(1985, 3, 12);
    patient.sex = Sex::Male;
    patient.phone = QStringLiteral("+998901112233");
    patient.address = QStringLiteral("Toshkent,\n\"Yunusobod\" 4");
    patient.allergies = QStringLiteral("Penicillin <b>rash</b>");
    return patient;
}

} // namespace

class TestQueuePrintouts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia)); }
    void ticketShowsNumberDoctorAndNoName();
    void patientCardEscapesEverythingTyped();
    void receiptShowsGroupedAmountAndEscapes();
    void refundReceiptNamesTheOriginal();
};

void TestQueuePrintouts::ticketShowsNumberDoctorAndNoName()
{
    Visit visit;
    visit.ticket = 17;
    visit.day = QDate(2026, 11, 28);
    visit.priority = VisitPriority::Urgent;
    visit.createdAt = QDateTime(QDate(2026, 11, 28), QTime(4, 5), Qt::UTC);
    const TicketHtmlBuilder builder(visit, QStringLiteral("Dr <Karimova> & Co"));
    const QString html = builder.bodyHtml();
    QCOMPARE(builder.title(), QStringLiteral("Queue ticket"));
    QVERIFY(html.contains(QLatin1String(">17<")));
    QVERIFY(html.contains(QLatin1String("Dr &lt;Karimova&gt; &amp; Co")));
    QVERIFY(!html.contains(QLatin1String("<Karimova>")));
    QVERIFY(html.contains(QLatin1String("28.11.2026")));
    QVERIFY(html.contains(QLatin1String("Urgent")));
    QVERIFY(!TicketHtmlBuilder(visit, QString()).bodyHtml().isEmpty());
}

void TestQueuePrintouts::patientCardEscapesEverythingTyped()
{
    const PatientCardHtmlBuilder builder(hostilePatient(), QDate(2026, 11, 28));
    const QString html = builder.bodyHtml();
    QCOMPARE(builder.title(), QStringLiteral("Patient card"));
    QVERIFY(!html.contains(QLatin1String("<script>")));
    QVERIFY(!html.contains(QLatin1String("<i>Aziz")));
    QVERIFY(!html.contains(QLatin1String("<b>rash")));
    QVERIFY(html.contains(QStringLiteral("Каримов&lt;script&gt;alert(1)&lt;/script&gt;")));
    QVERIFY(html.contains(QStringLiteral("Oʻktam &amp; &lt;i&gt;Aziz&lt;/i&gt;")));
    QVERIFY(html.contains(QLatin1String("KQX-00042")));
    QVERIFY(html.contains(QLatin1String("12.03.1985")));
    QVERIFY(html.contains(QLatin1String("+998 90 111 22 33")));
    QVERIFY(html.contains(QLatin1String("Toshkent,<br>&quot;Yunusobod&quot; 4")));
}

void TestQueuePrintouts::receiptShowsGroupedAmountAndEscapes()
{
    Payment payment;
    payment.id = UuidV7::generate();
    payment.amount = 150000;
    payment.method = PaymentMethod::Card;
    payment.takenAt = QDateTime(QDate(2026, 11, 28), QTime(6, 30), Qt::UTC);
    payment.note = QStringLiteral("<img src=x>");
    Visit visit;
    visit.ticket = 5;
    ReceiptHtmlBuilder builder(payment);
    builder.setPatient(hostilePatient());
    builder.setVisit(visit, QStringLiteral("Каримова Н."));
    builder.setTakenByName(QStringLiteral("Aziza & Bobur"));
    const QString html = builder.bodyHtml();
    QCOMPARE(builder.title(), QStringLiteral("Payment receipt"));
    QVERIFY2(html.contains(QLocale().toString(qint64(150000)).toHtmlEscaped()), qPrintable(html));
    QVERIFY(html.contains(QLatin1String("so'm")));
    QVERIFY(html.contains(QLatin1String("Card")));
    QVERIFY(html.contains(QStringLiteral("Каримова Н.")));
    QVERIFY(html.contains(QLatin1String("Aziza &amp; Bobur")));
    QVERIFY(!html.contains(QLatin1String("<img")));
    QVERIFY(!html.contains(QLatin1String("<script>")));
    QVERIFY(html.contains(ReceiptHtmlBuilder::receiptNumber(payment)));
    QCOMPARE(ReceiptHtmlBuilder::receiptNumber(payment).size(), 8);
}

void TestQueuePrintouts::refundReceiptNamesTheOriginal()
{
    Payment original;
    original.id = UuidV7::generate();
    original.amount = 90000;
    Payment reversal;
    reversal.id = UuidV7::generate();
    reversal.amount = -90000;
    reversal.reverses = original.id;
    reversal.takenAt = QDateTime::currentDateTimeUtc();
    ReceiptHtmlBuilder builder(reversal);
    builder.setReversedPayment(original);
    const QString html = builder.bodyHtml();
    QCOMPARE(builder.title(), QStringLiteral("Refund receipt"));
    QVERIFY(html.contains(ReceiptHtmlBuilder::receiptNumber(original)));
    QVERIFY(html.contains(QLocale().toString(qint64(90000))));
    QVERIFY(!html.contains(QLocale().toString(qint64(-90000))));
}

QTEST_GUILESS_MAIN(TestQueuePrintouts)
#include "tst_queueprintouts.moc"
