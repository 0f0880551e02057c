#include "domain/UuidV7.h"
#include "store/Database.h"
#include "store/VisitStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace medora;

namespace {

const QString kDoctorA = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");
const QString kDoctorB = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c2");
const QString kReception = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ec01");
const QDate kDay(2026, 11, 28);

Visit visitFor(const QUuid &patientId, const QString &doctorId = kDoctorA, const QDate &day = kDay)
{
    Visit visit;
    visit.patientId = patientId;
    visit.doctorId = doctorId;
    visit.day = day;
    visit.createdBy = kReception;
    return visit;
}

QList<int> tickets(const QList<Visit> &visits)
{
    QList<int> list;
    for (const Visit &visit : visits)
        list << visit.ticket;
    return list;
}

} // namespace

class TestVisitStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void insertAssignsIdTicketAndTimes();
    void queueIsOrderedByPriorityPositionAndTicket();
    void setStatusStampsTimes();
    void updateKeepsIdentityAndQueuesTheChange();
    void invalidValuesAreRefusedNamingTheField();
    void removeTombstones();
    void patientTimelineNewestFirst();

private:
    qint64 outboxCount();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<VisitStore> m_store;
};

void TestVisitStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY2(m_database->open(m_dir->filePath(QStringLiteral("medora.db"))),
             qPrintable(m_database->lastError().message));
    m_store = std::make_unique<VisitStore>(*m_database);
}

void TestVisitStore::cleanup()
{
    m_store.reset();
    m_database.reset();
    m_dir.reset();
}

qint64 TestVisitStore::outboxCount()
{
    QSqlQuery query(m_database->connection());
    query.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 1"));
    return query.next() ? query.value(0).toLongLong() : -1;
}

void TestVisitStore::insertAssignsIdTicketAndTimes()
{
    const QUuid patient = UuidV7::generate();
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    Visit first = visitFor(patient);
    QVERIFY2(m_store->insert(first), qPrintable(m_store->lastError().message));
    Visit second = visitFor(UuidV7::generate());
    QVERIFY(m_store->insert(second));
    Visit otherDoctor = visitFor(patient, kDoctorB);
    QVERIFY(m_store->insert(otherDoctor));
    Visit nextDay = visitFor(patient, kDoctorA, kDay.addDays(1));
    QVERIFY(m_store->insert(nextDay));

    QVERIFY(UuidV7::isV7(first.id));
    QVERIFY(first.localId > 0);
    QCOMPARE(first.ticket, 1);
    QCOMPARE(second.ticket, 2);
    QCOMPARE(otherDoctor.ticket, 1); // tickets count per doctor and day
    QCOMPARE(nextDay.ticket, 1);
    QCOMPARE(m_store->nextTicket(kDoctorA, kDay), 3);
    QCOMPARE(first.status, VisitStatus::Waiting);
    QCOMPARE(first.syncState, SyncState::New);
    QCOMPARE(first.revision, qint64(0));
    QVERIFY(first.createdAt.toMSecsSinceEpoch() >= before);
    QCOMPARE(first.createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(outboxCount(), qint64(4));

    const std::optional<Visit> stored = m_store->get(first.localId);
    QVERIFY(stored);
    QCOMPARE(stored->id, first.id);
    QCOMPARE(stored->patientId, patient);
    QCOMPARE(stored->doctorId, kDoctorA);
    QCOMPARE(stored->day, kDay);
    QCOMPARE(stored->createdAt, first.createdAt);
    QCOMPARE(stored->createdBy, kReception);
    QVERIFY(!stored->calledAt.isValid());
    QCOMPARE(m_store->getById(second.id)->localId, second.localId);
    QVERIFY(!m_store->getById(UuidV7::generate()));

    // A ticket given by the caller is kept.
    Visit walkIn = visitFor(patient);
    walkIn.ticket = 40;
    QVERIFY(m_store->insert(walkIn));
    QCOMPARE(walkIn.ticket, 40);
    QCOMPARE(m_store->nextTicket(kDoctorA, kDay), 41);
}

void TestVisitStore::queueIsOrderedByPriorityPositionAndTicket()
{
    QList<Visit> visits;
    for (int i = 0; i < 5; ++i) {
        Visit visit = visitFor(UuidV7::generate());
        QVERIFY(m_store->insert(visit));
        visits << visit;
    }
    Visit elsewhere = visitFor(UuidV7::generate(), kDoctorB);
    QVERIFY(m_store->insert(elsewhere));
    QCOMPARE(tickets(m_store->queue(kDoctorA, kDay)), QList<int>({1, 2, 3, 4, 5}));

    visits[3].priority = VisitPriority::Urgent; // ticket 4 jumps the queue
    QVERIFY(m_store->update(visits[3]));
    visits[0].queuePosition = 10; // ticket 1 moved to the end of the normal ones
    QVERIFY(m_store->update(visits[0]));
    for (int i : {1, 2, 4}) {
        visits[i].queuePosition = i;
        QVERIFY(m_store->update(visits[i]));
    }
    QCOMPARE(tickets(m_store->queue(kDoctorA, kDay)), QList<int>({4, 2, 3, 5, 1}));
    QVERIFY(m_store->remove(visits[2].localId));
    QCOMPARE(tickets(m_store->queue(kDoctorA, kDay)), QList<int>({4, 2, 5, 1}));
    QCOMPARE(tickets(m_store->queue(kDoctorB, kDay)), QList<int>({1}));
    QVERIFY(m_store->queue(kDoctorA, kDay.addDays(1)).isEmpty());

    // The queue is served by its index, not by reading the table.
    QSqlQuery plan(m_database->connection());
    QVERIFY(plan.exec(
        QStringLiteral("EXPLAIN QUERY PLAN SELECT rowid FROM visit WHERE doctor_id = 'x' AND day = "
                       "'2026-11-28' AND deleted = 0 ORDER BY priority DESC, queue_position, ticket")));
    QString planText;
    while (plan.next())
        planText += plan.value(3).toString() + QLatin1Char(';');
    QVERIFY2(planText.contains(QStringLiteral("visit_queue")), qPrintable(planText));
    QVERIFY2(!planText.contains(QStringLiteral("TEMP B-TREE")), qPrintable(planText));
}

void TestVisitStore::setStatusStampsTimes()
{
    Visit visit = visitFor(UuidV7::generate());
    QVERIFY(m_store->insert(visit));
    const QDateTime called(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC);
    QVERIFY(m_store->setStatus(visit.localId, VisitStatus::Called, called));
    QVERIFY(m_store->setStatus(visit.localId, VisitStatus::InProgress, called.addSecs(120)));
    // Calling again later does not move the first call time.
    QVERIFY(m_store->setStatus(visit.localId, VisitStatus::Called, called.addSecs(300)));
    QVERIFY(m_store->setStatus(visit.localId, VisitStatus::Done, called.addSecs(900)));
    const std::optional<Visit> stored = m_store->get(visit.localId);
    QCOMPARE(stored->status, VisitStatus::Done);
    QCOMPARE(stored->calledAt, called);
    QCOMPARE(stored->startedAt, called.addSecs(120));
    QCOMPARE(stored->finishedAt, called.addSecs(900));
    QCOMPARE(outboxCount(), qint64(1)); // never sent: one coalesced op
    QVERIFY(!m_store->setStatus(visit.localId + 100, VisitStatus::Done));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::NotFound));
}

void TestVisitStore::updateKeepsIdentityAndQueuesTheChange()
{
    Visit visit = visitFor(UuidV7::generate());
    visit.note = QStringLiteral("first visit");
    QVERIFY(m_store->insert(visit));
    // The server has it now.
    QVERIFY(QSqlQuery(m_database->connection())
                .exec(QStringLiteral("UPDATE visit SET revision = 3, sync_state = %1")
                          .arg(static_cast<int>(SyncState::Synced))));
    QVERIFY(QSqlQuery(m_database->connection()).exec(QStringLiteral("DELETE FROM outbox")));

    Visit edited = visit;
    edited.patientId = UuidV7::generate(); // not the store's to change
    edited.createdBy = kDoctorB;
    edited.note = QStringLiteral("brought test results");
    edited.doctorId = kDoctorB;
    QVERIFY(m_store->update(edited));
    const std::optional<Visit> stored = m_store->get(visit.localId);
    QCOMPARE(stored->patientId, visit.patientId);
    QCOMPARE(stored->createdBy, kReception);
    QCOMPARE(stored->note, QStringLiteral("brought test results"));
    QCOMPARE(stored->doctorId, kDoctorB);
    QCOMPARE(stored->revision, qint64(3));
    QCOMPARE(stored->syncState, SyncState::Modified);
    QCOMPARE(edited.syncState, SyncState::Modified);
    QCOMPARE(outboxCount(), qint64(1));

    // Saving the same again queues nothing new.
    QVERIFY(m_store->update(edited));
    QCOMPARE(outboxCount(), qint64(1));
}

void TestVisitStore::invalidValuesAreRefusedNamingTheField()
{
    Visit visit = visitFor(UuidV7::generate());
    visit.note = QString(501, QLatin1Char('n'));
    FieldErrors errors;
    QVERIFY(!m_store->insert(visit, &errors));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::Invalid));
    QVERIFY2(m_store->lastError().message.contains(VisitStore::tr("Note")),
             qPrintable(m_store->lastError().message));
    QCOMPARE(errors.value(0).field, QStringLiteral("data.note"));
    QCOMPARE(visit.localId, qint64(0));
    QVERIFY(visit.id.isNull());

    Visit noDoctor = visitFor(UuidV7::generate(), QString());
    QVERIFY(!m_store->insert(noDoctor, &errors));
    QVERIFY(m_store->lastError().message.contains(VisitStore::tr("Doctor")));
    Visit noPatient = visitFor(QUuid());
    QVERIFY(!m_store->insert(noPatient));
    QVERIFY(m_store->lastError().message.contains(VisitStore::tr("Patient")));
    Visit badPosition = visitFor(UuidV7::generate());
    badPosition.queuePosition = -1;
    QVERIFY(!m_store->insert(badPosition));
    QVERIFY(m_store->lastError().message.contains(VisitStore::tr("Queue position")));
    QCOMPARE(outboxCount(), qint64(0));
    QCOMPARE(m_store->nextTicket(kDoctorA, kDay), 1);

    Visit good = visitFor(UuidV7::generate());
    QVERIFY(m_store->insert(good));
    good.ticket = 0;
    QVERIFY(!m_store->update(good, &errors));
    QCOMPARE(errors.value(0).field, QStringLiteral("data.ticket"));
    QCOMPARE(m_store->get(good.localId)->ticket, 1);
}

void TestVisitStore::removeTombstones()
{
    Visit visit = visitFor(UuidV7::generate());
    QVERIFY(m_store->insert(visit));
    QVERIFY(m_store->remove(visit.localId));
    const std::optional<Visit> stored = m_store->get(visit.localId);
    QVERIFY(stored && stored->deleted);
    QCOMPARE(outboxCount(), qint64(0)); // the server never had it
    QVERIFY(!m_store->update(visit));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::Immutable));
    QVERIFY(m_store->remove(visit.localId)); // already gone: nothing to do
    QVERIFY(!m_store->remove(visit.localId + 1));
}

void TestVisitStore::patientTimelineNewestFirst()
{
    const QUuid patient = UuidV7::generate();
    for (int days : {0, 7, 3}) {
        Visit visit = visitFor(patient, kDoctorA, kDay.addDays(days));
        QVERIFY(m_store->insert(visit));
    }
    Visit other = visitFor(UuidV7::generate());
    QVERIFY(m_store->insert(other));
    QList<QDate> days;
    for (const Visit &visit : m_store->forPatient(patient))
        days << visit.day;
    QCOMPARE(days, QList<QDate>({kDay.addDays(7), kDay.addDays(3), kDay}));
}

QTEST_GUILESS_MAIN(TestVisitStore)

#include "tst_visitstore.moc"
