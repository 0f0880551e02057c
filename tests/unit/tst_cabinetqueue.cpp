#include "charting/CabinetQueue.h"
#include "domain/UuidV7.h"
#include "queue/TicketNumber.h"
#include "store/Database.h"
#include "store/VisitStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace medora;

namespace {

const QString kDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");
const QString kOtherDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c2");
const QDate kDay(2026, 11, 28);

} // namespace

class TestCabinetQueue : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void transitionsAreTheDoctorsOnly();
    void callNextTakesUrgentFirstAndStampsTheCall();
    void theDeskSeesTheCallFromItsOwnConnection();
    void onePatientInTheCabinetAtATime();
    void startFinishAndNoShow();
    void refusalsChangeNothing();

private:
    Visit queueVisit(const QString &doctor, VisitPriority priority = VisitPriority::Normal);
    qint64 outboxCount();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<VisitStore> m_store;
    std::unique_ptr<CabinetQueue> m_queue;
};

void TestCabinetQueue::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY2(m_database->open(m_dir->filePath(QStringLiteral("medora.db"))),
             qPrintable(m_database->lastError().message));
    m_store = std::make_unique<VisitStore>(*m_database);
    m_queue = std::make_unique<CabinetQueue>(*m_store, kDoctor);
}

void TestCabinetQueue::cleanup()
{
    m_queue.reset();
    m_store.reset();
    m_database.reset();
    m_dir.reset();
}

Visit TestCabinetQueue::queueVisit(const QString &doctor, VisitPriority priority)
{
    Visit visit;
    visit.patientId = UuidV7::generate();
    visit.doctorId = doctor;
    visit.day = kDay;
    visit.priority = priority;
    visit.createdBy = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-0000000000aa");
    if (!m_store->insert(visit))
        qWarning() << m_store->lastError().message;
    return visit;
}

qint64 TestCabinetQueue::outboxCount()
{
    QSqlQuery query(m_database->connection());
    query.exec(QStringLiteral("SELECT count(*) FROM outbox"));
    return query.next() ? query.value(0).toLongLong() : -1;
}

void TestCabinetQueue::transitionsAreTheDoctorsOnly()
{
    const QList<VisitStatus> all = {VisitStatus::Waiting, VisitStatus::Called,    VisitStatus::InProgress,
                                    VisitStatus::Done,    VisitStatus::Cancelled, VisitStatus::NoShow};
    QList<QPair<VisitStatus, VisitStatus>> allowed = {{VisitStatus::Waiting, VisitStatus::Called},
                                                      {VisitStatus::Called, VisitStatus::InProgress},
                                                      {VisitStatus::Called, VisitStatus::NoShow},
                                                      {VisitStatus::InProgress, VisitStatus::Done}};
    for (VisitStatus from : all) {
        for (VisitStatus to : all) {
            const bool expected = allowed.contains(qMakePair(from, to));
            QVERIFY2(CabinetQueue::isAllowed(from, to) == expected,
                     qPrintable(QStringLiteral("%1 -> %2").arg(int(from)).arg(int(to))));
        }
    }
    for (VisitStatus status : all)
        QVERIFY(!CabinetQueue::statusName(status).isEmpty());
}

void TestCabinetQueue::callNextTakesUrgentFirstAndStampsTheCall()
{
    const Visit first = queueVisit(kDoctor);
    const Visit urgent = queueVisit(kDoctor, VisitPriority::Urgent);
    queueVisit(kOtherDoctor, VisitPriority::Urgent);
    QCOMPARE(m_queue->queue(kDay).size(), 2);
    QCOMPARE(m_queue->nextWaiting(kDay)->localId, urgent.localId);

    const QDateTime at(kDay, QTime(9, 5), Qt::UTC);
    const std::optional<Visit> called = m_queue->callNext(kDay, at);
    QVERIFY2(called, qPrintable(m_queue->lastError()));
    QCOMPARE(called->localId, urgent.localId);
    QCOMPARE(called->status, VisitStatus::Called);
    QCOMPARE(called->calledAt, at);
    QCOMPARE(m_queue->called(kDay)->localId, urgent.localId);
    QCOMPARE(m_queue->nextWaiting(kDay)->localId, first.localId);
}

void TestCabinetQueue::theDeskSeesTheCallFromItsOwnConnection()
{
    const Visit visit = queueVisit(kDoctor);
    const qint64 before = outboxCount();
    QVERIFY(m_queue->callNext(kDay));
    // The reception desk and the wall display read the same file through their own
    // connection (and other PCs through sync, which carries the outbox entry).
    Database desk;
    QVERIFY(desk.open(m_dir->filePath(QStringLiteral("medora.db"))));
    const std::optional<Visit> seen = VisitStore(desk).get(visit.localId);
    QVERIFY(seen);
    QCOMPARE(seen->status, VisitStatus::Called);
    QVERIFY(seen->calledAt.isValid());
    QVERIFY(outboxCount() >= before);
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(
        QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 1 AND local_id = %1").arg(visit.localId)));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
}

void TestCabinetQueue::onePatientInTheCabinetAtATime()
{
    const Visit a = queueVisit(kDoctor);
    const Visit b = queueVisit(kDoctor);
    QVERIFY(m_queue->callNext(kDay));
    // A second call while the first is called and not started is refused.
    QVERIFY(!m_queue->callNext(kDay));
    QVERIFY(m_queue->lastError().contains(TicketNumber::text(a.ticket)));
    QVERIFY(m_queue->start(a.localId));
    QCOMPARE(m_queue->inProgress(kDay)->localId, a.localId);
    QVERIFY(!m_queue->callNext(kDay));
    QVERIFY(!m_queue->lastError().isEmpty());

    // b cannot be started while a is in the cabinet, even if someone called it elsewhere.
    QVERIFY(m_store->setStatus(b.localId, VisitStatus::Called));
    QVERIFY(!m_queue->start(b.localId));
    QVERIFY(m_queue->lastError().contains(TicketNumber::text(a.ticket)));
    QCOMPARE(m_store->get(b.localId)->status, VisitStatus::Called);

    QVERIFY(m_queue->finish(a.localId));
    QVERIFY(m_queue->start(b.localId));
}

void TestCabinetQueue::startFinishAndNoShow()
{
    const Visit a = queueVisit(kDoctor);
    const Visit b = queueVisit(kDoctor);
    QVERIFY(m_queue->callNext(kDay));
    QVERIFY(m_queue->markNoShow(a.localId));
    QCOMPARE(m_store->get(a.localId)->status, VisitStatus::NoShow);
    const std::optional<Visit> called = m_queue->callNext(kDay);
    QCOMPARE(called->localId, b.localId);
    QVERIFY(m_queue->start(b.localId));
    QVERIFY(m_store->get(b.localId)->startedAt.isValid());
    QVERIFY(m_queue->finish(b.localId));
    const Visit done = *m_store->get(b.localId);
    QCOMPARE(done.status, VisitStatus::Done);
    QVERIFY(done.finishedAt.isValid());
    QVERIFY(!m_queue->callNext(kDay));
    QVERIFY(!m_queue->lastError().isEmpty()); // nobody waits
}

void TestCabinetQueue::refusalsChangeNothing()
{
    const Visit mine = queueVisit(kDoctor);
    const Visit theirs = queueVisit(kOtherDoctor);
    QVERIFY(!m_queue->start(mine.localId)); // not called yet
    QVERIFY(!m_queue->finish(mine.localId));
    QVERIFY(!m_queue->lastError().isEmpty());
    QVERIFY(m_store->setStatus(theirs.localId, VisitStatus::Called));
    QVERIFY(!m_queue->start(theirs.localId));
    QVERIFY(!m_queue->lastError().isEmpty());
    QVERIFY(!m_queue->start(424242));
    QCOMPARE(m_store->get(mine.localId)->status, VisitStatus::Waiting);
    QCOMPARE(m_store->get(theirs.localId)->status, VisitStatus::Called);
    QVERIFY(m_store->remove(mine.localId));
    QVERIFY(!m_queue->markNoShow(mine.localId));
}

QTEST_GUILESS_MAIN(TestCabinetQueue)
#include "tst_cabinetqueue.moc"
