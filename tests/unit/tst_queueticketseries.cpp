#include "domain/UuidV7.h"
#include "queue/QueueService.h"
#include "queue/TicketHtmlBuilder.h"
#include "queue/TicketNumber.h"
#include "queue/TicketSeries.h"
#include "store/Database.h"
#include "store/VisitStore.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace medora;

namespace {

const QString kDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");
const QString kDesk = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ec01");

// One clinic PC: its own database file, as on a desk that works offline.
struct Pc
{
    QTemporaryDir dir;
    Database database;
    std::unique_ptr<QueueService> queue;

    bool open()
    {
        if (!database.open(dir.filePath(QStringLiteral("medora.db"))))
            return false;
        queue = std::make_unique<QueueService>(database);
        return true;
    }

    // Queues `count` new patients for the doctor's day and returns the printed ticket numbers
    // (the big number on the paper ticket).
    QStringList issue(int count, const QDate &day)
    {
        QStringList printed;
        for (int i = 0; i < count; ++i) {
            const std::optional<Visit> visit =
                queue->enqueue(UuidV7::generate(), kDoctor, day, VisitPriority::Normal, QString(), kDesk);
            if (!visit)
                return {};
            const QString html = TicketHtmlBuilder(*visit, QStringLiteral("Dr. Karimova")).bodyHtml();
            const QString number = TicketNumber::text(visit->ticket);
            if (!html.contains(QStringLiteral(">%1<").arg(number)))
                return {};
            printed << number;
        }
        return printed;
    }

    // What a sync pull brings: the other PC's visits, tickets as they were issued.
    bool receive(const QList<Visit> &visits)
    {
        VisitStore store(database);
        for (Visit visit : visits) {
            if (store.getById(visit.id))
                continue; // already here (it came from this PC)
            visit.localId = 0;
            if (!store.insert(visit))
                return false;
        }
        return true;
    }
};

QSet<QString> asSet(const QStringList &list)
{
    return QSet<QString>(list.cbegin(), list.cend());
}

} // namespace

// Ticket numbers with a letter per PC (TicketNumber, TicketSeries): two PCs queuing for the
// same doctor and day while offline never print the same ticket.
class TestQueueTicketSeries : public QObject
{
    Q_OBJECT

private slots:
    void ticketsReadAsLetterAndThreeDigits()
    {
        QCOMPARE(TicketNumber::text(TicketNumber::make(1, 17)), QStringLiteral("A-017"));
        QCOMPARE(TicketNumber::text(TicketNumber::make(26, 999)), QStringLiteral("Z-999"));
        QCOMPARE(TicketNumber::text(TicketNumber::make(3, 5)), QStringLiteral("C-005"));
        // Tickets issued before letters existed keep reading as they were printed.
        QCOMPARE(TicketNumber::text(17), QStringLiteral("17"));
        QCOMPARE(TicketNumber::series(17), 0);
        QCOMPARE(TicketNumber::number(17), 17);
        const int ticket = TicketNumber::make(2, 42);
        QCOMPARE(TicketNumber::series(ticket), 2);
        QCOMPARE(TicketNumber::number(ticket), 42);
        QCOMPARE(TicketNumber::make(0, 1), 0);
        QCOMPARE(TicketNumber::make(27, 1), 0);
        QCOMPARE(TicketNumber::make(1, 0), 0);
        QCOMPARE(TicketNumber::make(1, 1000), 0);
        QCOMPARE(TicketNumber::seriesOf(QStringLiteral("b")), 2);
        QCOMPARE(TicketNumber::seriesOf(QStringLiteral("Z")), 26);
        QCOMPARE(TicketNumber::seriesOf(QStringLiteral("AB")), 0);
        QCOMPARE(TicketNumber::seriesOf(QStringLiteral("Ж")), 0);
        QCOMPARE(TicketNumber::urgentText(TicketNumber::make(1, 3)), QStringLiteral("A-003 !"));
    }

    void choosingSkipsLettersInUse()
    {
        QCOMPARE(TicketSeries::choose(5, {}), 5);
        QCOMPARE(TicketSeries::choose(5, {5, 6}), 7);
        QCOMPARE(TicketSeries::choose(26, {26, 1}), 2); // wraps after Z
        QSet<int> all;
        for (int series = 1; series <= TicketNumber::kSeriesCount; ++series)
            all.insert(series);
        QCOMPARE(TicketSeries::choose(9, all), 9);
        const int start = TicketSeries::startFor(QStringLiteral("0123456789abcdef0123456789abcdef"));
        QVERIFY(start >= 1 && start <= TicketNumber::kSeriesCount);
        QCOMPARE(TicketSeries::startFor(QStringLiteral("0123456789abcdef0123456789abcdef")), start);
    }

    void aPcKeepsItsLetter()
    {
        Pc pc;
        QVERIFY(pc.open());
        const int series = TicketSeries(pc.database).series();
        QVERIFY(series >= 1 && series <= TicketNumber::kSeriesCount);
        QCOMPARE(TicketSeries(pc.database).series(), series);
        QCOMPARE(pc.database.meta(TicketSeries::metaKey()), TicketNumber::letter(series));
        TicketSeries admin(pc.database);
        QVERIFY(!admin.setSeries(0));
        QCOMPARE(int(admin.lastError().code), int(StoreError::Code::Invalid));
        QCOMPARE(TicketSeries(pc.database).series(), series);
        QVERIFY(admin.setSeries(3));
        QCOMPARE(pc.issue(1, QDate::currentDate()), QStringList({QStringLiteral("C-001")}));
    }

    void twoOfflinePcsNeverPrintTheSameTicket()
    {
        const QDate today = QDate::currentDate();
        Pc front, upstairs;
        QVERIFY(front.open());
        QVERIFY(upstairs.open());
        // The front desk starts the day online; the second desk syncs its tickets once.
        const QStringList morning = front.issue(3, today);
        QCOMPARE(morning.size(), 3);
        QVERIFY(upstairs.receive(front.queue->queue(kDoctor, today)));
        const int frontLetter = TicketSeries(front.database).series();
        const int upstairsLetter = TicketSeries(upstairs.database).series();
        QVERIFY(frontLetter != upstairsLetter);

        // The network goes down; both desks go on queuing for the same doctor and day.
        QStringList fromFront = front.issue(20, today);
        const QStringList fromUpstairs = upstairs.issue(20, today);
        QCOMPARE(fromFront.size(), 20);
        QCOMPARE(fromUpstairs.size(), 20);
        fromFront << morning;
        QVERIFY2(!asSet(fromFront).intersects(asSet(fromUpstairs)),
                 qPrintable(fromFront.join(QLatin1Char(' ')) + QStringLiteral(" / ") +
                            fromUpstairs.join(QLatin1Char(' '))));
        QCOMPARE(asSet(fromFront).size(), 23);
        QCOMPARE(asSet(fromUpstairs).size(), 20);
        QVERIFY(fromUpstairs.first().startsWith(TicketNumber::letter(upstairsLetter) + QLatin1Char('-')));
        QCOMPARE(fromUpstairs.first().mid(1), QStringLiteral("-001"));

        // After the sync both queues hold all 43 visits with 43 different tickets.
        QVERIFY(front.receive(upstairs.queue->queue(kDoctor, today)));
        QSet<int> tickets;
        for (const Visit &visit : front.queue->queue(kDoctor, today))
            tickets.insert(visit.ticket);
        QCOMPARE(tickets.size(), 43);
        // And each desk goes on in its own letter.
        QVERIFY(front.issue(1, today).first().startsWith(TicketNumber::letter(frontLetter)));
    }

    void desksGivenTheirLettersNeverClashEvenUnsynced()
    {
        const QDate today = QDate::currentDate();
        Pc a, b;
        QVERIFY(a.open());
        QVERIFY(b.open());
        QVERIFY(TicketSeries(a.database).setSeries(TicketNumber::seriesOf(QStringLiteral("A"))));
        QVERIFY(TicketSeries(b.database).setSeries(TicketNumber::seriesOf(QStringLiteral("B"))));
        const QStringList fromA = a.issue(10, today);
        const QStringList fromB = b.issue(10, today);
        QCOMPARE(fromA.first(), QStringLiteral("A-001"));
        QCOMPARE(fromB.last(), QStringLiteral("B-010"));
        QVERIFY(!asSet(fromA).intersects(asSet(fromB)));
    }

    void aTombstonedTicketIsNotHandedOutAgain()
    {
        Pc pc;
        QVERIFY(pc.open());
        QVERIFY(TicketSeries(pc.database).setSeries(1));
        const QDate today = QDate::currentDate();
        QCOMPARE(pc.issue(2, today), QStringList({QStringLiteral("A-001"), QStringLiteral("A-002")}));
        VisitStore store(pc.database);
        const QList<Visit> queued = pc.queue->queue(kDoctor, today);
        QVERIFY(store.remove(queued.last().localId));
        QCOMPARE(pc.issue(1, today), QStringList({QStringLiteral("A-003")}));
        // Another doctor's day starts at 001 again.
        QCOMPARE(TicketSeries(pc.database)
                     .nextTicket(QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c2"), today),
                 TicketNumber::make(1, 1));
    }
};

QTEST_GUILESS_MAIN(TestQueueTicketSeries)
#include "tst_queueticketseries.moc"
