#include "domain/UuidV7.h"
#include "queue/QueueService.h"
#include "queue/TicketNumber.h"
#include "queue/TicketSeries.h"
#include "store/Database.h"
#include "store/VisitStore.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace medora;

namespace {

const QString kDoctorA = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");
const QString kDoctorB = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c2");
const QString kReception = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ec01");

QList<int> tickets(const QList<Visit> &visits)
{
    QList<int> list;
    for (const Visit &visit : visits)
        list << TicketNumber::number(visit.ticket); // this PC numbers in one series
    return list;
}

QStringList fields(const FieldErrors &errors)
{
    QStringList list;
    for (const FieldError &error : errors)
        list << error.field;
    return list;
}

} // namespace

class TestQueueService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void enqueueNumbersTicketsPerDoctorAndDay();
    void urgentPatientsGoFirst();
    void badRequestsNameTheFieldAndWriteNothing();
    void aPatientIsQueuedOnceUntilTheVisitEnds();
    void moveSwapsWithTheNeighbourOfTheSamePriority();
    void moveRenumbersPositionsQueuedElsewhere();
    void aNewcomerGoesBehindAReorderedQueue();
    void statusRules();
    void priorityChangeMovesTheEntry();
    void aStatusSetThroughAnotherConnectionIsSeen();
    void visitsOfAPatientOnADay();

private:
    std::optional<Visit> add(const QString &doctor = kDoctorA, VisitPriority priority = VisitPriority::Normal,
                             const QUuid &patient = QUuid());
    qint64 visitRows();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<QueueService> m_queue;
    QDate m_today;
};

void TestQueueService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY2(m_database->open(m_dir->filePath(QStringLiteral("medora.db"))),
             qPrintable(m_database->lastError().message));
    m_queue = std::make_unique<QueueService>(*m_database);
    m_today = QDate::currentDate();
}

void TestQueueService::cleanup()
{
    m_queue.reset();
    m_database.reset();
    m_dir.reset();
}

std::optional<Visit> TestQueueService::add(const QString &doctor, VisitPriority priority,
                                           const QUuid &patient)
{
    FieldErrors errors;
    const std::optional<Visit> visit =
        m_queue->enqueue(patient.isNull() ? UuidV7::generate() : patient, doctor, m_today, priority,
                         QString(), kReception, &errors);
    if (!visit)
        qWarning() << m_queue->lastError().message << fields(errors);
    return visit;
}

qint64 TestQueueService::visitRows()
{
    QSqlQuery query(m_database->connection());
    query.exec(QStringLiteral("SELECT (SELECT count(*) FROM visit) + (SELECT count(*) FROM outbox)"));
    return query.next() ? query.value(0).toLongLong() : -1;
}

void TestQueueService::enqueueNumbersTicketsPerDoctorAndDay()
{
    QSignalSpy changes(m_queue.get(), &QueueService::localChange);
    const std::optional<Visit> first = add();
    QVERIFY(first);
    QCOMPARE(TicketNumber::number(first->ticket), 1);
    QCOMPARE(first->status, VisitStatus::Waiting);
    QCOMPARE(first->createdBy, kReception);
    QVERIFY(first->queuePosition >= TicketNumber::number(first->ticket));
    // Printed with this PC's letter: "A-001".
    QCOMPARE(TicketNumber::text(first->ticket),
             TicketNumber::letter(TicketSeries(*m_database).series()) + QStringLiteral("-001"));
    QCOMPARE(TicketNumber::number(add()->ticket), 2);
    QCOMPARE(TicketNumber::number(add(kDoctorB)->ticket), 1);
    QCOMPARE(TicketNumber::number(add()->ticket), 3);
    QCOMPARE(changes.count(), 4);
    QCOMPARE(tickets(m_queue->queue(kDoctorA, m_today)), QList<int>({1, 2, 3}));
    QCOMPARE(tickets(m_queue->queue(kDoctorB, m_today)), QList<int>({1}));
    // A cancelled ticket is never handed out again.
    QVERIFY(m_queue->cancel(first->localId));
    QCOMPARE(TicketNumber::number(add()->ticket), 4);
}

void TestQueueService::urgentPatientsGoFirst()
{
    add();
    add();
    const std::optional<Visit> urgent = add(kDoctorA, VisitPriority::Urgent);
    QVERIFY(urgent);
    QCOMPARE(TicketNumber::number(urgent->ticket), 3);
    add(kDoctorA, VisitPriority::Urgent);
    add();
    QCOMPARE(tickets(m_queue->queue(kDoctorA, m_today)), QList<int>({3, 4, 1, 2, 5}));
}

void TestQueueService::badRequestsNameTheFieldAndWriteNothing()
{
    const qint64 before = visitRows();
    QSignalSpy changes(m_queue.get(), &QueueService::localChange);
    FieldErrors errors;
    QVERIFY(
        !m_queue->enqueue(QUuid(), kDoctorA, m_today, VisitPriority::Normal, QString(), kReception, &errors));
    QCOMPARE(fields(errors), QStringList({QStringLiteral("patient")}));
    QCOMPARE(int(m_queue->lastError().code), int(StoreError::Code::Invalid));
    QVERIFY(!m_queue->lastError().message.isEmpty());

    QVERIFY(!m_queue->enqueue(UuidV7::generate(), QString(), m_today, VisitPriority::Normal, QString(),
                              kReception, &errors));
    QCOMPARE(fields(errors), QStringList({QStringLiteral("doctor")}));

    QVERIFY(!m_queue->enqueue(UuidV7::generate(), kDoctorA, m_today.addDays(-1), VisitPriority::Normal,
                              QString(), kReception, &errors));
    QCOMPARE(fields(errors), QStringList({QStringLiteral("day")}));
    QVERIFY(!m_queue->enqueue(UuidV7::generate(), kDoctorA, QDate(), VisitPriority::Normal, QString(),
                              kReception, &errors));
    QCOMPARE(fields(errors), QStringList({QStringLiteral("day")}));

    QVERIFY(!m_queue->enqueue(UuidV7::generate(), kDoctorA, m_today, VisitPriority::Normal,
                              QString(QueueService::kMaxNoteLength + 1, QLatin1Char('x')), kReception,
                              &errors));
    QCOMPARE(fields(errors), QStringList({QStringLiteral("note")}));

    // What only the sync format knows (a doctor id that is no user id) is named too.
    QVERIFY(!m_queue->enqueue(UuidV7::generate(), QStringLiteral("dr-karimova"), m_today,
                              VisitPriority::Normal, QString(), kReception, &errors));
    QCOMPARE(fields(errors), QStringList({QStringLiteral("doctor")}));

    QCOMPARE(visitRows(), before);
    QCOMPARE(changes.count(), 0);
    // The failed attempts left no ticket behind.
    QCOMPARE(TicketNumber::number(add()->ticket), 1);
}

void TestQueueService::aPatientIsQueuedOnceUntilTheVisitEnds()
{
    const QUuid patient = UuidV7::generate();
    const std::optional<Visit> first = add(kDoctorA, VisitPriority::Normal, patient);
    QVERIFY(first);
    FieldErrors errors;
    QVERIFY(
        !m_queue->enqueue(patient, kDoctorA, m_today, VisitPriority::Urgent, QString(), kReception, &errors));
    QCOMPARE(fields(errors), QStringList({QStringLiteral("patient")}));
    QVERIFY2(errors.first().message.contains(QLatin1String("1")), qPrintable(errors.first().message));
    // Another doctor is another visit.
    QVERIFY(add(kDoctorB, VisitPriority::Normal, patient));
    // Once the visit is over the patient may queue again (a second consultation).
    QVERIFY(m_queue->setStatus(first->localId, VisitStatus::Called));
    QVERIFY(m_queue->setStatus(first->localId, VisitStatus::InProgress));
    QVERIFY(m_queue->setStatus(first->localId, VisitStatus::Done));
    QVERIFY(add(kDoctorA, VisitPriority::Normal, patient));
}

void TestQueueService::moveSwapsWithTheNeighbourOfTheSamePriority()
{
    const Visit a = *add();
    const Visit b = *add();
    const Visit c = *add();
    const Visit urgent = *add(kDoctorA, VisitPriority::Urgent);
    QCOMPARE(tickets(m_queue->queue(kDoctorA, m_today)), QList<int>({4, 1, 2, 3}));

    QSignalSpy changes(m_queue.get(), &QueueService::localChange);
    QVERIFY(m_queue->canMove(c.localId, -1));
    QVERIFY(m_queue->move(c.localId, -1));
    QCOMPARE(tickets(m_queue->queue(kDoctorA, m_today)), QList<int>({4, 1, 3, 2}));
    QVERIFY(m_queue->move(a.localId, 1));
    QCOMPARE(tickets(m_queue->queue(kDoctorA, m_today)), QList<int>({4, 3, 1, 2}));
    QCOMPARE(changes.count(), 2);

    // A normal patient never passes an urgent one, and the first cannot go further up.
    QVERIFY(!m_queue->canMove(c.localId, -1));
    QVERIFY(!m_queue->move(c.localId, -1));
    QVERIFY(!m_queue->lastError().message.isEmpty());
    QVERIFY(!m_queue->move(b.localId, 1));
    QVERIFY(!m_queue->move(urgent.localId, -1));
    QCOMPARE(changes.count(), 2);

    // Only waiting patients move; a called one keeps its place and is skipped over.
    QVERIFY(m_queue->setStatus(a.localId, VisitStatus::Called));
    QVERIFY(!m_queue->canMove(a.localId, 1));
    QVERIFY(!m_queue->move(a.localId, 1));
    QVERIFY(m_queue->move(b.localId, -1));
    QCOMPARE(tickets(m_queue->queue(kDoctorA, m_today)), QList<int>({4, 2, 1, 3}));
}

void TestQueueService::moveRenumbersPositionsQueuedElsewhere()
{
    // Entries another PC queued without positions (0 = by ticket).
    VisitStore store(*m_database);
    QList<Visit> visits;
    for (int i = 0; i < 3; ++i) {
        Visit visit;
        visit.patientId = UuidV7::generate();
        visit.doctorId = kDoctorA;
        visit.day = m_today;
        visit.createdBy = kReception;
        QVERIFY(store.insert(visit));
        visits << visit;
    }
    QVERIFY(m_queue->move(visits[2].localId, -1));
    QCOMPARE(tickets(m_queue->queue(kDoctorA, m_today)), QList<int>({1, 3, 2}));
    QVERIFY(m_queue->move(visits[2].localId, -1));
    QCOMPARE(tickets(m_queue->queue(kDoctorA, m_today)), QList<int>({3, 1, 2}));
}

void TestQueueService::aNewcomerGoesBehindAReorderedQueue()
{
    const Visit a = *add();
    add();
    const Visit c = *add();
    QVERIFY(m_queue->move(c.localId, -1));
    QVERIFY(m_queue->move(c.localId, -1));
    QVERIFY(m_queue->move(a.localId, 1));
    QCOMPARE(tickets(m_queue->queue(kDoctorA, m_today)), QList<int>({3, 2, 1}));
    add();
    QCOMPARE(tickets(m_queue->queue(kDoctorA, m_today)), QList<int>({3, 2, 1, 4}));
}

void TestQueueService::statusRules()
{
    QVERIFY(QueueService::canChange(VisitStatus::Waiting, VisitStatus::Called));
    QVERIFY(QueueService::canChange(VisitStatus::Waiting, VisitStatus::Cancelled));
    QVERIFY(QueueService::canChange(VisitStatus::Waiting, VisitStatus::NoShow));
    QVERIFY(!QueueService::canChange(VisitStatus::Waiting, VisitStatus::Done));
    QVERIFY(!QueueService::canChange(VisitStatus::Waiting, VisitStatus::InProgress));
    QVERIFY(QueueService::canChange(VisitStatus::Called, VisitStatus::InProgress));
    QVERIFY(QueueService::canChange(VisitStatus::Called, VisitStatus::Waiting));
    QVERIFY(QueueService::canChange(VisitStatus::InProgress, VisitStatus::Done));
    QVERIFY(!QueueService::canChange(VisitStatus::InProgress, VisitStatus::Cancelled));
    QVERIFY(!QueueService::canChange(VisitStatus::Done, VisitStatus::Waiting));
    QVERIFY(!QueueService::canChange(VisitStatus::Done, VisitStatus::Cancelled));
    QVERIFY(QueueService::canChange(VisitStatus::Cancelled, VisitStatus::Waiting));
    QVERIFY(QueueService::canChange(VisitStatus::NoShow, VisitStatus::Waiting));
    QVERIFY(!QueueService::canChange(VisitStatus::NoShow, VisitStatus::Done));

    const Visit visit = *add();
    QVERIFY(m_queue->markNoShow(visit.localId));
    QCOMPARE(m_queue->visit(visit.localId)->status, VisitStatus::NoShow);
    QVERIFY(!m_queue->setStatus(visit.localId, VisitStatus::Done));
    QCOMPARE(int(m_queue->lastError().code), int(StoreError::Code::Invalid));
    QVERIFY2(m_queue->lastError().message.contains(QLatin1String("Did not come")),
             qPrintable(m_queue->lastError().message));
    QCOMPARE(m_queue->visit(visit.localId)->status, VisitStatus::NoShow);
    QVERIFY(m_queue->requeue(visit.localId));
    QVERIFY(m_queue->cancel(visit.localId));
    QVERIFY(m_queue->requeue(visit.localId));
    QVERIFY(m_queue->setStatus(visit.localId, VisitStatus::Called));
    QVERIFY(m_queue->setStatus(visit.localId, VisitStatus::InProgress));
    QVERIFY(m_queue->setStatus(visit.localId, VisitStatus::Done));
    QVERIFY(!m_queue->cancel(visit.localId));
    const Visit done = *m_queue->visit(visit.localId);
    QCOMPARE(done.status, VisitStatus::Done);
    QVERIFY(done.calledAt.isValid() && done.startedAt.isValid() && done.finishedAt.isValid());
    QVERIFY(!m_queue->setStatus(visit.localId + 1000, VisitStatus::Called));
    QCOMPARE(int(m_queue->lastError().code), int(StoreError::Code::NotFound));
}

void TestQueueService::priorityChangeMovesTheEntry()
{
    add();
    const Visit b = *add();
    QVERIFY(m_queue->setPriority(b.localId, VisitPriority::Urgent));
    QCOMPARE(tickets(m_queue->queue(kDoctorA, m_today)), QList<int>({2, 1}));
    QVERIFY(m_queue->setPriority(b.localId, VisitPriority::Normal));
    QCOMPARE(tickets(m_queue->queue(kDoctorA, m_today)), QList<int>({1, 2}));
    QVERIFY(m_queue->cancel(b.localId));
    QVERIFY(!m_queue->setPriority(b.localId, VisitPriority::Urgent));
}

void TestQueueService::aStatusSetThroughAnotherConnectionIsSeen()
{
    const Visit visit = *add();
    // The doctor's cabinet (or a pulled sync page) writes through a connection of its own.
    Database other;
    QVERIFY2(other.open(m_dir->filePath(QStringLiteral("medora.db"))), qPrintable(other.lastError().message));
    QVERIFY(VisitStore(other).setStatus(visit.localId, VisitStatus::Called));
    QCOMPARE(m_queue->queue(kDoctorA, m_today).first().status, VisitStatus::Called);
    QVERIFY(m_queue->visit(visit.localId)->calledAt.isValid());
}

void TestQueueService::visitsOfAPatientOnADay()
{
    const QUuid patient = UuidV7::generate();
    const Visit a = *add(kDoctorA, VisitPriority::Normal, patient);
    const Visit b = *add(kDoctorB, VisitPriority::Normal, patient);
    add();
    FieldErrors errors;
    QVERIFY(m_queue->enqueue(patient, kDoctorA, m_today.addDays(1), VisitPriority::Normal, QString(),
                             kReception, &errors));
    const QList<Visit> today = m_queue->visitsOf(patient, m_today);
    QCOMPARE(today.size(), 2);
    QVERIFY(today[0].id == a.id || today[1].id == a.id);
    QVERIFY(today[0].id == b.id || today[1].id == b.id);
    QCOMPARE(m_queue->visitById(b.id)->localId, b.localId);
}

QTEST_GUILESS_MAIN(TestQueueService)
#include "tst_queueservice.moc"
