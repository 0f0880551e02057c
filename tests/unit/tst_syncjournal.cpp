#include "domain/EntityJson.h"
#include "domain/UuidV7.h"
#include "registry/PatientRegistry.h"
#include "store/Database.h"
#include "store/PatientStore.h"
#include "store/PaymentStore.h"
#include "store/ReportStore.h"
#include "store/SyncJournal.h"
#include "store/VisitStore.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace medora;

namespace {

const QString kDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");
const QString kReception = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ec01");

Patient samplePatient(const QString &lastName, const QString &firstName)
{
    Patient patient;
    patient.lastName = lastName;
    patient.firstName = firstName;
    patient.fatherName = QStringLiteral("Bahodirovich");
    patient.birthDate = QDate(1985, 3, 12);
    patient.sex = Sex::Male;
    patient.phone = QStringLiteral("+998901234567");
    patient.address = QStringLiteral("Toshkent, Chilonzor 5");
    patient.createdBy = QStringLiteral("reception");
    return patient;
}

Visit sampleVisit(const QUuid &patientId)
{
    Visit visit;
    visit.patientId = patientId;
    visit.doctorId = kDoctor;
    visit.day = QDate(2026, 11, 28);
    visit.createdBy = kReception;
    return visit;
}

Report sampleDraft(const Visit &visit, const QString &complaints)
{
    Report report;
    report.visitId = visit.id;
    report.patientId = visit.patientId;
    report.authorId = kDoctor;
    report.sections.complaints = complaints;
    return report;
}

qint64 scalar(Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql) || !query.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return -1;
    }
    return query.value(0).toLongLong();
}

SyncRecord recordOf(const Patient &patient, qint64 revision, qint64 sequence)
{
    SyncRecord record;
    record.entity = EntityKind::Patient;
    record.id = patient.id;
    record.revision = revision;
    record.sequence = sequence;
    record.updatedAt = QStringLiteral("2026-11-28T06:00:00.000Z");
    record.updatedBy = kReception;
    record.data = EntityJson::toJson(patient);
    return record;
}

SyncRecord recordOf(const PushOperation &op, qint64 revision, qint64 sequence)
{
    SyncRecord record;
    record.entity = op.entity;
    record.id = op.id;
    record.revision = revision;
    record.sequence = sequence;
    record.deleted = op.action == PushAction::Delete;
    record.updatedAt = QStringLiteral("2026-11-28T06:00:00.000Z");
    record.updatedBy = kReception;
    record.data = op.data;
    return record;
}

PushResult appliedTo(const PushOperation &op, qint64 revision, qint64 sequence)
{
    PushResult result;
    result.opId = op.opId;
    result.status = PushStatus::Applied;
    result.revision = revision;
    result.sequence = sequence;
    result.hasRecord = true;
    result.record = recordOf(op, revision, sequence);
    return result;
}

PushResult rejectedOp(const PushOperation &op, const QString &code, bool retryable)
{
    PushResult result;
    result.opId = op.opId;
    result.status = PushStatus::Rejected;
    result.reasonCode = code;
    result.reasonMessage = QStringLiteral("refused: ") + code;
    result.retryable = retryable;
    return result;
}

PushResponse answer(const QList<PushResult> &results)
{
    PushResponse response;
    response.results = results;
    response.serverSequence = 1000;
    return response;
}

PullPage pageOf(const QList<SyncRecord> &changes, qint64 next, bool hasMore = false)
{
    PullPage page;
    page.changes = changes;
    page.next = next;
    page.hasMore = hasMore;
    page.serverSequence = next;
    page.databaseId = QStringLiteral("0123456789abcdef0123456789abcdef");
    return page;
}

} // namespace

class TestSyncJournal : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void outboxIsWrittenAndRolledBackWithTheEdit();
    void pendingEditsCoalesce();
    void appliedAnswerTakesTheServersVersionOnlyWhenItDiffers();
    void deleteOfNeverSentRowQueuesNothing();
    void editDuringUploadGetsItsOwnOpAndIsRebased();
    void appliedAndDuplicateAnswers();
    void patientConflictKeepsBothValues();
    void resolvingPatientConflictQueuesKeptValues();
    void rejectedOpGoesToErrorListAndIsNeverDropped();
    void duplicateOfRejectedIsRejected();
    void retryableRejectionWaitsThenFails();
    void editOfRowInErrorRetriesIt();
    void returnBatchCountsAttempts();
    void recoverInterruptedUploadsKeepsOpIds();
    void batchFollowsDependencies();
    void batchRespectsSizeLimits();
    void reportDraftConflictKeepsBothVersions();
    void reportConflictWithEditWaitingMovesEditToCopy();
    void pullAppliesNewAndChangedRows();
    void pullSkipsRowsWithLocalChanges();
    void pullAppliesTombstones();
    void failedPageLeavesCursorAndRows();
    void largePageIsAppliedWholeOrNotAtAll();
    void pulledPatientsReachTheSearchIndex();
    void resyncRemovesRowsNotReturned();
    void replacedServerDatabaseRequeuesLostRows();
    void restoredServerGetsThisPcsNewerVersionsAgain();
    void bulkImportIsOneRangeExpandedWithoutDuplicates();
    void largeCatchUpSetsIndexesAsideUntilItEnds();
    void lastPullTimeIsPersisted();

private:
    void reopen();
    QList<PushOperation> take(int maxOps = 100);
    qint64 outboxCount(const QString &where = QStringLiteral("1"));

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PatientStore> m_patients;
    std::unique_ptr<VisitStore> m_visits;
    std::unique_ptr<ReportStore> m_reports;
    std::unique_ptr<PaymentStore> m_payments;
    std::unique_ptr<SyncJournal> m_journal;
};

void TestSyncJournal::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    reopen();
}

void TestSyncJournal::reopen()
{
    m_journal.reset();
    m_payments.reset();
    m_reports.reset();
    m_visits.reset();
    m_patients.reset();
    m_database.reset();
    m_database = std::make_unique<Database>();
    QVERIFY2(m_database->open(m_dir->filePath(QStringLiteral("medora.db"))),
             qPrintable(m_database->lastError().message));
    m_patients = std::make_unique<PatientStore>(*m_database);
    m_visits = std::make_unique<VisitStore>(*m_database);
    m_reports = std::make_unique<ReportStore>(*m_database);
    m_payments = std::make_unique<PaymentStore>(*m_database);
    m_journal = std::make_unique<SyncJournal>(*m_database);
}

void TestSyncJournal::cleanup()
{
    m_journal.reset();
    m_payments.reset();
    m_reports.reset();
    m_visits.reset();
    m_patients.reset();
    m_database.reset();
    m_dir.reset();
}

QList<PushOperation> TestSyncJournal::take(int maxOps)
{
    QList<PushOperation> ops;
    if (!m_journal->takeBatch(maxOps, SyncProtocol::kMaxPushBytes, &ops))
        qWarning("takeBatch failed: %s", qPrintable(m_journal->lastError().message));
    return ops;
}

qint64 TestSyncJournal::outboxCount(const QString &where)
{
    return scalar(*m_database, QStringLiteral("SELECT count(*) FROM outbox WHERE %1").arg(where));
}

void TestSyncJournal::outboxIsWrittenAndRolledBackWithTheEdit()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_patients->insert(patient));
    QCOMPARE(outboxCount(), qint64(1));
    QCOMPARE(m_journal->counts().pendingOps, 1);
    QCOMPARE(m_journal->counts().pendingRows, qint64(1));
    QVERIFY(m_journal->counts().oldestPendingAt.isValid());

    // A failed insert (number clash) leaves no entry behind.
    Patient clash = samplePatient(QStringLiteral("Rahimova"), QStringLiteral("Nilufar"));
    clash.number = patient.number;
    QVERIFY(!m_patients->insert(clash));
    QCOMPARE(outboxCount(), qint64(1));

    // The edit and its entry are one transaction: rolled back together.
    QVERIFY(m_database->begin());
    Patient visitor = samplePatient(QStringLiteral("Yusupov"), QStringLiteral("Bobur"));
    QVERIFY(m_patients->insert(visitor));
    Visit visit = sampleVisit(patient.id);
    QVERIFY2(m_visits->insert(visit), qPrintable(m_visits->lastError().message));
    QCOMPARE(outboxCount(), qint64(3));
    m_database->rollback();
    QCOMPARE(outboxCount(), qint64(1));
    QCOMPARE(m_patients->count(), qint64(1));
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM visit")), qint64(0));
    QCOMPARE(m_journal->counts().pendingOps, 1);

    // An invalid visit is refused before anything is written.
    Visit invalid = sampleVisit(patient.id);
    invalid.note = QString(501, QLatin1Char('x'));
    QVERIFY(!m_visits->insert(invalid));
    QCOMPARE(outboxCount(), qint64(1));

    // A save that changes nothing the server keeps queues nothing.
    QVERIFY(m_patients->update(patient));
    QCOMPARE(outboxCount(), qint64(1));
}

void TestSyncJournal::pendingEditsCoalesce()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_patients->insert(patient));
    patient.lastName = QStringLiteral("Karimova");
    QVERIFY(m_patients->update(patient));
    patient.phone = QStringLiteral("+998935556677");
    QVERIFY(m_patients->update(patient));
    QCOMPARE(outboxCount(), qint64(1));

    // A new row: the op creates it, with all the merge fields and the data as it is now.
    QList<PushOperation> ops = take();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].baseRevision, qint64(0));
    QCOMPARE(ops[0].action, PushAction::Upsert);
    QCOMPARE(ops[0].changedFields, EntityJson::patientMergeFields());
    QCOMPARE(ops[0].data.value(QLatin1String("lastName")).toString(), QStringLiteral("Karimova"));
    QCOMPARE(ops[0].data.value(QLatin1String("phone")).toString(), QStringLiteral("+998935556677"));
    QCOMPARE(m_patients->get(patient.localId)->syncState, SyncState::Uploading);
    QVERIFY(m_journal->applyPushResults(ops, answer({appliedTo(ops[0], 1, 10)})));
    QCOMPARE(m_patients->get(patient.localId)->syncState, SyncState::Synced);
    QCOMPARE(m_patients->get(patient.localId)->revision, qint64(1));
    QCOMPARE(outboxCount(), qint64(0));
    QCOMPARE(m_journal->counts().pendingOps, 0);
    QVERIFY(!m_journal->counts().oldestPendingAt.isValid());

    // A known row: only the fields changed, their union over the pending edits.
    patient = *m_patients->get(patient.localId);
    patient.lastName = QStringLiteral("Karimova-Yusupova");
    QVERIFY(m_patients->update(patient));
    patient.address = QStringLiteral("Samarqand");
    QVERIFY(m_patients->update(patient));
    patient.lastName = QStringLiteral("Karimova");
    QVERIFY(m_patients->update(patient));
    QCOMPARE(outboxCount(), qint64(1));
    QCOMPARE(m_patients->get(patient.localId)->syncState, SyncState::Modified);
    ops = take();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].baseRevision, qint64(1));
    QCOMPARE(QSet<QString>(ops[0].changedFields.begin(), ops[0].changedFields.end()),
             QSet<QString>({QStringLiteral("lastName"), QStringLiteral("address")}));
    QCOMPARE(ops[0].data.value(QLatin1String("address")).toString(), QStringLiteral("Samarqand"));

    // Visits coalesce too; the delete replaces the pending upsert of a known row.
    QVERIFY(m_journal->applyPushResults(ops, answer({appliedTo(ops[0], 2, 11)})));
    Visit visit = sampleVisit(patient.id);
    QVERIFY(m_visits->insert(visit));
    QVERIFY(m_visits->setStatus(visit.localId, VisitStatus::Called));
    QVERIFY(m_visits->setStatus(visit.localId, VisitStatus::InProgress));
    QCOMPARE(outboxCount(), qint64(1));
    ops = take();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].data.value(QLatin1String("status")).toString(), QStringLiteral("in_progress"));
    QVERIFY(m_journal->applyPushResults(ops, answer({appliedTo(ops[0], 1, 12)})));
    QVERIFY(m_visits->setStatus(visit.localId, VisitStatus::Done));
    QVERIFY(m_visits->remove(visit.localId));
    QCOMPARE(outboxCount(), qint64(1));
    ops = take();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].action, PushAction::Delete);
    QCOMPARE(ops[0].baseRevision, qint64(1));
    QVERIFY(ops[0].data.isEmpty());
}

void TestSyncJournal::deleteOfNeverSentRowQueuesNothing()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_patients->insert(patient));
    QVERIFY(m_patients->remove(patient.localId));
    QCOMPARE(outboxCount(), qint64(0));
    QCOMPARE(m_patients->get(patient.localId)->syncState, SyncState::New);
    QVERIFY(take().isEmpty());

    // Once the create may have reached the server, the delete must follow it.
    Patient sent = samplePatient(QStringLiteral("Rahimova"), QStringLiteral("Nilufar"));
    QVERIFY(m_patients->insert(sent));
    const QList<PushOperation> ops = take();
    QCOMPARE(ops.size(), 1);
    QVERIFY(m_patients->remove(sent.localId));
    QCOMPARE(outboxCount(), qint64(2));
    QVERIFY(m_journal->returnBatch(ops, QStringLiteral("network"), QStringLiteral("offline")));
    const QList<PushOperation> retry = take();
    QCOMPARE(retry.size(), 1); // the create again (same op id); the delete waits behind it
    QCOMPARE(retry[0].opId, ops[0].opId);
    QCOMPARE(retry[0].action, PushAction::Delete); // the row is a tombstone now
}

void TestSyncJournal::editDuringUploadGetsItsOwnOpAndIsRebased()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_patients->insert(patient));
    const QList<PushOperation> first = take();
    QCOMPARE(first.size(), 1);
    QCOMPARE(m_patients->get(patient.localId)->syncState, SyncState::Uploading);

    patient.notes = QStringLiteral("typed while uploading");
    QVERIFY(m_patients->update(patient));
    QCOMPARE(m_patients->get(patient.localId)->syncState, SyncState::Modified);
    QCOMPARE(outboxCount(), qint64(2));
    QCOMPARE(m_journal->counts().pendingOps, 2);
    // The row's second op waits until the first is answered.
    QVERIFY(take().isEmpty());

    PushResult applied = appliedTo(first[0], 1, 20);
    applied.record.data.insert(QStringLiteral("notes"), QString()); // the server's copy predates the edit
    QVERIFY(m_journal->applyPushResults(first, answer({applied})));
    std::optional<Patient> stored = m_patients->get(patient.localId);
    QCOMPARE(stored->revision, qint64(1));
    QCOMPARE(stored->syncState, SyncState::Modified);
    QCOMPARE(stored->notes, QStringLiteral("typed while uploading")); // the local edit stays

    const QList<PushOperation> second = take();
    QCOMPARE(second.size(), 1);
    QVERIFY(second[0].opId != first[0].opId);
    QCOMPARE(second[0].baseRevision, qint64(1)); // rebased on the applied revision
    QCOMPARE(second[0].changedFields, QStringList({QStringLiteral("notes")}));
    QVERIFY(m_journal->applyPushResults(second, answer({appliedTo(second[0], 2, 21)})));
    stored = m_patients->get(patient.localId);
    QCOMPARE(stored->syncState, SyncState::Synced);
    QCOMPARE(stored->revision, qint64(2));
    QCOMPARE(m_journal->counts().pendingOps, 0);
}

void TestSyncJournal::appliedAndDuplicateAnswers()
{
    Patient first = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    Patient second = samplePatient(QStringLiteral("Rahimova"), QStringLiteral("Nilufar"));
    QVERIFY(m_patients->insert(first));
    QVERIFY(m_patients->insert(second));
    const qint64 seqBefore = m_patients->changeSeq();
    const QList<PushOperation> ops = take();
    QCOMPARE(ops.size(), 2);

    // The server merged another PC's address into the first; the answer carries it.
    PushResult merged = appliedTo(ops[0], 3, 30);
    merged.record.data.insert(QStringLiteral("address"), QStringLiteral("Buxoro"));
    PushResult duplicate = appliedTo(ops[1], 1, 31);
    duplicate.status = PushStatus::Duplicate;
    duplicate.firstStatus = PushStatus::Applied;
    QVERIFY(m_journal->applyPushResults(ops, answer({merged, duplicate})));

    const std::optional<Patient> a = m_patients->get(first.localId);
    QCOMPARE(a->syncState, SyncState::Synced);
    QCOMPARE(a->revision, qint64(3));
    QCOMPARE(a->address, QStringLiteral("Buxoro"));
    const std::optional<Patient> b = m_patients->get(second.localId);
    QCOMPARE(b->syncState, SyncState::Synced);
    QCOMPARE(b->revision, qint64(1));
    QCOMPARE(outboxCount(), qint64(0));
    // Rows that took the server's version get a new change sequence for the search index.
    QVERIFY(m_patients->changeSeq() > seqBefore);

    // A replayed answer for ops already handled changes nothing.
    QVERIFY(m_journal->applyPushResults(ops, answer({merged, duplicate})));
    QCOMPARE(m_patients->get(first.localId)->revision, qint64(3));
}

void TestSyncJournal::patientConflictKeepsBothValues()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_patients->insert(patient));
    QList<PushOperation> ops = take();
    QVERIFY(m_journal->applyPushResults(ops, answer({appliedTo(ops[0], 1, 1)})));

    patient = *m_patients->get(patient.localId);
    patient.phone = QStringLiteral("+998935556677");
    patient.notes = QStringLiteral("local note");
    QVERIFY(m_patients->update(patient));
    ops = take();
    QCOMPARE(ops.size(), 1);

    // Another PC changed the phone since revision 1: the server kept its phone, applied the
    // notes, and answered with its merged record.
    PushResult result;
    result.opId = ops[0].opId;
    result.status = PushStatus::Conflict;
    result.revision = 3;
    result.sequence = 40;
    result.hasRecord = true;
    result.record = recordOf(ops[0], 3, 40);
    result.record.data.insert(QStringLiteral("phone"), QStringLiteral("+998901112233"));
    result.conflictFields = {QStringLiteral("phone")};
    result.conflictValues.insert(QStringLiteral("phone"), QStringLiteral("+998935556677"));
    QVERIFY(m_journal->applyPushResults(ops, answer({result})));

    const std::optional<Patient> stored = m_patients->get(patient.localId);
    QCOMPARE(stored->syncState, SyncState::Conflict);
    QCOMPARE(stored->revision, qint64(3));
    QCOMPARE(stored->phone, QStringLiteral("+998901112233"));
    QCOMPARE(stored->notes, QStringLiteral("local note"));
    QCOMPARE(outboxCount(), qint64(0));
    QCOMPARE(m_journal->counts().conflicts, 1);
    const QList<SyncConflict> conflicts = m_journal->conflicts();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts[0].entity, EntityKind::Patient);
    QCOMPARE(conflicts[0].entityId, patient.id);
    QCOMPARE(conflicts[0].serverRevision, qint64(3));
    QCOMPARE(conflicts[0].localValues.value(QStringLiteral("phone")).toString(),
             QStringLiteral("+998935556677"));
    QCOMPARE(conflicts[0].serverValues.value(QStringLiteral("phone")).toString(),
             QStringLiteral("+998901112233"));
    QVERIFY(conflicts[0].entityLabel.contains(QStringLiteral("Karimov")));
    QVERIFY(conflicts[0].entityLabel.contains(patient.number));

    // A pull keeps the conflict visible while updating the row.
    Patient later = *stored;
    later.address = QStringLiteral("Navoiy");
    QVERIFY(m_journal->applyPullPage(pageOf({recordOf(later, 4, 41)}, 41)));
    QCOMPARE(m_patients->get(patient.localId)->address, QStringLiteral("Navoiy"));
    QCOMPARE(m_patients->get(patient.localId)->syncState, SyncState::Conflict);
}

void TestSyncJournal::resolvingPatientConflictQueuesKeptValues()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_patients->insert(patient));
    QList<PushOperation> ops = take();
    QVERIFY(m_journal->applyPushResults(ops, answer({appliedTo(ops[0], 1, 1)})));
    patient = *m_patients->get(patient.localId);
    patient.phone = QStringLiteral("+998935556677");
    patient.address = QStringLiteral("Local address");
    QVERIFY(m_patients->update(patient));
    ops = take();

    PushResult result;
    result.opId = ops[0].opId;
    result.status = PushStatus::Conflict;
    result.revision = 3;
    result.hasRecord = true;
    result.record = recordOf(ops[0], 3, 40);
    result.record.data.insert(QStringLiteral("phone"), QStringLiteral("+998901112233"));
    result.record.data.insert(QStringLiteral("address"), QStringLiteral("Server address"));
    result.conflictFields = {QStringLiteral("phone"), QStringLiteral("address")};
    result.conflictValues.insert(QStringLiteral("phone"), QStringLiteral("+998935556677"));
    result.conflictValues.insert(QStringLiteral("address"), QStringLiteral("Local address"));
    QVERIFY(m_journal->applyPushResults(ops, answer({result})));
    const qint64 conflictId = m_journal->conflicts().value(0).conflictId;
    QVERIFY(conflictId > 0);

    // A conflict of another kind is not resolved as a patient's.
    QVERIFY(!m_journal->resolveReportConflict(conflictId, patient.id));
    QCOMPARE(m_journal->counts().conflicts, 1);

    QVERIFY2(m_journal->resolvePatientConflict(
                 conflictId, {{QStringLiteral("phone"), true}, {QStringLiteral("address"), false}}),
             qPrintable(m_journal->lastError().message));
    const std::optional<Patient> stored = m_patients->get(patient.localId);
    QCOMPARE(stored->phone, QStringLiteral("+998935556677"));
    QCOMPARE(stored->address, QStringLiteral("Server address"));
    QCOMPARE(stored->syncState, SyncState::Modified);
    QCOMPARE(m_journal->counts().conflicts, 0);
    QVERIFY(m_journal->conflicts().isEmpty());
    ops = take();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].baseRevision, qint64(3));
    QCOMPARE(ops[0].changedFields, QStringList({QStringLiteral("phone")}));
    QVERIFY(!m_journal->resolvePatientConflict(conflictId, {})); // already closed

    // Taking the server's values everywhere closes the conflict without an op.
    QVERIFY(m_journal->applyPushResults(ops, answer({appliedTo(ops[0], 4, 41)})));
    patient = *m_patients->get(patient.localId);
    patient.notes = QStringLiteral("mine");
    QVERIFY(m_patients->update(patient));
    ops = take();
    result.opId = ops[0].opId;
    result.record = recordOf(ops[0], 6, 43);
    result.record.data.insert(QStringLiteral("notes"), QStringLiteral("theirs"));
    result.revision = 6;
    result.conflictFields = {QStringLiteral("notes")};
    result.conflictValues = {{QStringLiteral("notes"), QStringLiteral("mine")}};
    QVERIFY(m_journal->applyPushResults(ops, answer({result})));
    QVERIFY(m_journal->resolvePatientConflict(m_journal->conflicts().value(0).conflictId,
                                              {{QStringLiteral("notes"), false}}));
    QCOMPARE(m_patients->get(patient.localId)->syncState, SyncState::Synced);
    QCOMPARE(m_patients->get(patient.localId)->notes, QStringLiteral("theirs"));
    QCOMPARE(outboxCount(), qint64(0));
}

void TestSyncJournal::rejectedOpGoesToErrorListAndIsNeverDropped()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_patients->insert(patient));
    QList<PushOperation> ops = take();
    PushResult refused = rejectedOp(ops[0], QStringLiteral("forbidden"), false);
    refused.reasonField = QStringLiteral("data");
    QVERIFY(m_journal->applyPushResults(ops, answer({refused})));

    QCOMPARE(m_patients->get(patient.localId)->syncState, SyncState::Error);
    const SyncCounts counts = m_journal->counts();
    QCOMPARE(counts.errors, 1);
    QCOMPARE(counts.pendingOps, 0);
    QList<OutboxError> errors = m_journal->errors();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].entity, EntityKind::Patient);
    QCOMPARE(errors[0].entityId, patient.id);
    QCOMPARE(errors[0].reasonCode, QStringLiteral("forbidden"));
    QVERIFY(!errors[0].reasonMessage.isEmpty());
    QCOMPARE(errors[0].attempts, 1);
    QVERIFY(errors[0].entityLabel.contains(QStringLiteral("Karimov")));
    QVERIFY(errors[0].firstQueuedAt.isValid());
    QVERIFY(errors[0].lastTriedAt.isValid());
    // Not applied, so it gets a fresh op id: the old one may be remembered with this answer.
    QVERIFY(errors[0].opId != ops[0].opId);

    // Never dropped, never pushed on its own.
    QVERIFY(take().isEmpty());
    QVERIFY(m_journal->recoverInterruptedUploads());
    QVERIFY(take().isEmpty());
    QCOMPARE(m_journal->errors().size(), 1);

    QVERIFY(!m_journal->retryError(errors[0].outboxSeq + 1000));
    QVERIFY(m_journal->retryError(errors[0].outboxSeq));
    QCOMPARE(m_journal->counts().errors, 0);
    QCOMPARE(m_patients->get(patient.localId)->syncState, SyncState::New);
    ops = take();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].opId, errors[0].opId);

    // retryAllErrors brings every error back.
    QVERIFY(m_journal->applyPushResults(ops, answer({rejectedOp(ops[0], QStringLiteral("x"), false)})));
    Patient other = samplePatient(QStringLiteral("Rahimova"), QStringLiteral("Nilufar"));
    QVERIFY(m_patients->insert(other));
    ops = take();
    QVERIFY(m_journal->applyPushResults(ops, answer({rejectedOp(ops[0], QStringLiteral("y"), false)})));
    QCOMPARE(m_journal->counts().errors, 2);
    errors = m_journal->errors();
    QCOMPARE(errors[0].reasonMessage, QStringLiteral("refused: x")); // unknown code: the server's text
    QVERIFY(m_journal->retryAllErrors());
    QCOMPARE(m_journal->counts().errors, 0);
    QCOMPARE(take().size(), 2);
}

void TestSyncJournal::duplicateOfRejectedIsRejected()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_patients->insert(patient));
    const QList<PushOperation> ops = take();
    PushResult replay = rejectedOp(ops[0], QStringLiteral("not_author"), false);
    replay.status = PushStatus::Duplicate;
    replay.firstStatus = PushStatus::Rejected;
    QVERIFY(m_journal->applyPushResults(ops, answer({replay})));
    QCOMPARE(m_journal->counts().errors, 1);
    QCOMPARE(m_journal->errors().value(0).reasonCode, QStringLiteral("not_author"));
    QCOMPARE(m_patients->get(patient.localId)->revision, qint64(0));
}

void TestSyncJournal::retryableRejectionWaitsThenFails()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_patients->insert(patient));
    QList<PushOperation> ops = take();
    QVERIFY(m_journal->applyPushResults(
        ops, answer({rejectedOp(ops[0], QStringLiteral("missing_dependency"), true)})));
    QCOMPARE(m_journal->counts().pendingOps, 1);
    QCOMPARE(m_journal->counts().errors, 0);
    QCOMPARE(m_patients->get(patient.localId)->syncState, SyncState::New);
    QCOMPARE(outboxCount(QStringLiteral("attempts = 1 AND not_before_ms > 0")), qint64(1));
    // Waiting for its retry time: not in the next batch.
    QVERIFY(take().isEmpty());

    for (int attempt = 2; attempt <= SyncJournal::kMaxTransportAttempts; ++attempt) {
        // The retry time has come (set instead of waited for).
        QVERIFY(
            QSqlQuery(m_database->connection()).exec(QStringLiteral("UPDATE outbox SET not_before_ms = 0")));
        ops = take();
        QCOMPARE(ops.size(), 1);
        QVERIFY(m_journal->applyPushResults(
            ops, answer({rejectedOp(ops[0], QStringLiteral("missing_dependency"), true)})));
    }
    QCOMPARE(m_journal->counts().errors, 1);
    QCOMPARE(m_journal->counts().pendingOps, 0);
    QCOMPARE(m_journal->errors().value(0).attempts, SyncJournal::kMaxTransportAttempts);
    QCOMPARE(m_journal->errors().value(0).reasonCode, QStringLiteral("missing_dependency"));
    QCOMPARE(m_patients->get(patient.localId)->syncState, SyncState::Error);
}

void TestSyncJournal::editOfRowInErrorRetriesIt()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_patients->insert(patient));
    QList<PushOperation> ops = take();
    QVERIFY(m_journal->applyPushResults(ops, answer({rejectedOp(ops[0], QStringLiteral("invalid"), false)})));
    QCOMPARE(m_journal->counts().errors, 1);

    patient.notes = QStringLiteral("fixed");
    QVERIFY(m_patients->update(patient));
    // The edit joins the refused op, which goes back to pending: the edit is the retry.
    QCOMPARE(m_journal->counts().errors, 0);
    QCOMPARE(outboxCount(), qint64(1));
    ops = take();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].data.value(QLatin1String("notes")).toString(), QStringLiteral("fixed"));
}

void TestSyncJournal::returnBatchCountsAttempts()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_patients->insert(patient));
    QUuid opId;
    for (int attempt = 1; attempt <= SyncJournal::kMaxTransportAttempts; ++attempt) {
        const QList<PushOperation> ops = take();
        QCOMPARE(ops.size(), 1);
        if (opId.isNull())
            opId = ops[0].opId;
        QCOMPARE(ops[0].opId, opId); // it may have reached the server: same id, always
        QVERIFY(m_journal->returnBatch(ops, QStringLiteral("network"),
                                       QStringLiteral("The server did not answer.")));
        if (attempt < SyncJournal::kMaxTransportAttempts) {
            QCOMPARE(m_journal->counts().pendingOps, 1);
            QCOMPARE(m_patients->get(patient.localId)->syncState, SyncState::New);
            QCOMPARE(outboxCount(QStringLiteral("attempts = %1").arg(attempt)), qint64(1));
        }
    }
    QCOMPARE(m_journal->counts().pendingOps, 0);
    QCOMPARE(m_journal->counts().errors, 1);
    const OutboxError error = m_journal->errors().value(0);
    QCOMPARE(error.reasonCode, QStringLiteral("network"));
    QCOMPARE(error.reasonMessage, QStringLiteral("The server did not answer."));
    QCOMPARE(error.opId, opId);
    QCOMPARE(m_patients->get(patient.localId)->syncState, SyncState::Error);

    // Retried by hand, it goes under the same id again.
    QVERIFY(m_journal->retryError(error.outboxSeq));
    QCOMPARE(take().value(0).opId, opId);
}

void TestSyncJournal::recoverInterruptedUploadsKeepsOpIds()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_patients->insert(patient));
    const QList<PushOperation> ops = take();
    QCOMPARE(ops.size(), 1);
    reopen(); // the process died with the batch in flight
    QCOMPARE(m_patients->get(patient.localId)->syncState, SyncState::Uploading);
    QVERIFY(take().isEmpty());
    QVERIFY(m_journal->recoverInterruptedUploads());
    QCOMPARE(m_patients->get(patient.localId)->syncState, SyncState::New);
    const QList<PushOperation> again = take();
    QCOMPARE(again.size(), 1);
    QCOMPARE(again[0].opId, ops[0].opId);
    // The server had applied it before the crash: the replay is answered "duplicate".
    PushResult duplicate = appliedTo(again[0], 1, 5);
    duplicate.status = PushStatus::Duplicate;
    QVERIFY(m_journal->applyPushResults(again, answer({duplicate})));
    QCOMPARE(m_patients->get(patient.localId)->syncState, SyncState::Synced);
    QCOMPARE(m_journal->counts().pendingOps, 0);
}

void TestSyncJournal::batchFollowsDependencies()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_patients->insert(patient));
    QList<PushOperation> ops = take();
    QVERIFY(m_journal->applyPushResults(ops, answer({appliedTo(ops[0], 1, 1)})));

    // Queued in the order payment-visit-patient, sent patient-visit-payment.
    Visit visit = sampleVisit(patient.id);
    QVERIFY(m_visits->insert(visit));
    Payment payment;
    payment.patientId = patient.id;
    payment.visitId = visit.id;
    payment.amount = 150000;
    payment.takenBy = kReception;
    QVERIFY(m_payments->insert(payment));
    patient = *m_patients->get(patient.localId);
    patient.notes = QStringLiteral("paid");
    QVERIFY(m_patients->update(patient));
    ops = take();
    QCOMPARE(ops.size(), 3);
    QCOMPARE(ops[0].entity, EntityKind::Patient);
    QCOMPARE(ops[1].entity, EntityKind::Visit);
    QCOMPARE(ops[2].entity, EntityKind::Payment);
    QCOMPARE(ops[2].data.value(QLatin1String("amount")).toInteger(), qint64(150000));
    QVERIFY(m_journal->applyPushResults(
        ops, answer({appliedTo(ops[0], 2, 2), appliedTo(ops[1], 1, 3), appliedTo(ops[2], 1, 4)})));

    // A child whose new parent cannot go yet (refused) waits instead of being refused too.
    Patient newcomer = samplePatient(QStringLiteral("Rahimova"), QStringLiteral("Nilufar"));
    QVERIFY(m_patients->insert(newcomer));
    ops = take();
    QVERIFY(m_journal->applyPushResults(ops, answer({rejectedOp(ops[0], QStringLiteral("invalid"), false)})));
    Visit waiting = sampleVisit(newcomer.id);
    QVERIFY(m_visits->insert(waiting));
    QVERIFY(take().isEmpty());
    QCOMPARE(m_journal->counts().pendingOps, 1);
    // With the parent in the same batch, the child goes right after it.
    QVERIFY(m_journal->retryAllErrors());
    ops = take();
    QCOMPARE(ops.size(), 2);
    QCOMPARE(ops[0].entity, EntityKind::Patient);
    QCOMPARE(ops[1].entity, EntityKind::Visit);
    QCOMPARE(ops[1].id, waiting.id);
}

void TestSyncJournal::appliedAnswerTakesTheServersVersionOnlyWhenItDiffers()
{
    Patient same = samplePatient(QStringLiteral("Karimova"), QStringLiteral("Nodira"));
    Patient merged = samplePatient(QStringLiteral("Yusupov"), QStringLiteral("Sardor"));
    QVERIFY(m_patients->insert(same));
    QVERIFY(m_patients->insert(merged));
    const QList<PushOperation> ops = take();
    QCOMPARE(ops.size(), 2);
    const int mergedAt = ops[0].id == merged.id ? 0 : 1;
    PushResult sameAnswer = appliedTo(ops[1 - mergedAt], 1, 30);
    PushResult mergedAnswer = appliedTo(ops[mergedAt], 2, 31);
    // The server kept another PC's phone for this one.
    mergedAnswer.record.data.insert(QStringLiteral("phone"), QStringLiteral("+998901112233"));
    QList<PushResult> results = {sameAnswer, mergedAnswer};
    if (mergedAt == 0)
        std::swap(results[0], results[1]);
    QVERIFY(m_journal->applyPushResults(ops, answer(results)));

    const QDateTime serverTime = QDateTime(QDate(2026, 11, 28), QTime(6, 0), Qt::UTC);
    const Patient storedSame = *m_patients->get(same.localId);
    QCOMPARE(storedSame.syncState, SyncState::Synced);
    QCOMPARE(storedSame.revision, qint64(1));
    QCOMPARE(storedSame.updatedAt, serverTime);
    QCOMPARE(storedSame.phone, same.phone);
    QCOMPARE(storedSame.lastName, QStringLiteral("Karimova"));
    const Patient storedMerged = *m_patients->get(merged.localId);
    QCOMPARE(storedMerged.syncState, SyncState::Synced);
    QCOMPARE(storedMerged.revision, qint64(2));
    QCOMPARE(storedMerged.updatedAt, serverTime);
    QCOMPARE(storedMerged.phone, QStringLiteral("+998901112233"));
    QCOMPARE(outboxCount(), qint64(0));
}

void TestSyncJournal::batchRespectsSizeLimits()
{
    for (int i = 0; i < 5; ++i) {
        Patient patient = samplePatient(QStringLiteral("Familiya%1").arg(i), QStringLiteral("Ism"));
        patient.notes = QString(3000, QLatin1Char('n'));
        QVERIFY(m_patients->insert(patient));
    }
    QList<PushOperation> ops;
    QVERIFY(m_journal->takeBatch(2, SyncProtocol::kMaxPushBytes, &ops));
    QCOMPARE(ops.size(), 2);
    // About 3.5 KB each: 8 KB holds two; one op always goes, however large.
    QVERIFY(m_journal->takeBatch(100, 8000, &ops));
    QCOMPARE(ops.size(), 2);
    QVERIFY(m_journal->takeBatch(100, 100, &ops));
    QCOMPARE(ops.size(), 1);
    QVERIFY(m_journal->takeBatch(100, SyncProtocol::kMaxPushBytes, &ops));
    QCOMPARE(ops.size(), 0);
    QCOMPARE(m_journal->counts().pendingOps, 5); // uploading ones count as pending

    // The budget holds for the JSON actually sent, also for Cyrillic text with quotes and
    // line breaks (two and more bytes a character, escapes).
    for (int i = 0; i < 6; ++i) {
        Patient patient = samplePatient(QStringLiteral("Каримова%1").arg(i), QStringLiteral("Дилноза"));
        patient.notes = QStringLiteral("Жалобы: \"боль\"\n").repeated(150);
        QVERIFY(m_patients->insert(patient));
    }
    QVERIFY(m_journal->takeBatch(100, 12000, &ops));
    QVERIFY(ops.size() >= 2);
    QVERIFY(ops.size() < 6);
    qint64 sent = 0;
    for (const PushOperation &op : std::as_const(ops))
        sent += QJsonDocument(op.data).toJson(QJsonDocument::Compact).size();
    QVERIFY2(sent <= 12000, qPrintable(QString::number(sent)));
}

void TestSyncJournal::reportDraftConflictKeepsBothVersions()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_patients->insert(patient));
    Visit visit = sampleVisit(patient.id);
    QVERIFY(m_visits->insert(visit));
    Report draft = sampleDraft(visit, QStringLiteral("headache since Monday"));
    QVERIFY2(m_reports->insert(draft), qPrintable(m_reports->lastError().message));
    QList<PushOperation> ops = take();
    QCOMPARE(ops.size(), 3);
    QVERIFY(m_journal->applyPushResults(
        ops, answer({appliedTo(ops[0], 1, 1), appliedTo(ops[1], 1, 2), appliedTo(ops[2], 1, 3)})));

    draft = *m_reports->get(draft.localId);
    draft.sections.diagnosis = QStringLiteral("migraine (this PC)");
    QVERIFY(m_reports->update(draft));
    ops = take();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].baseRevision, qint64(1));

    // The draft changed on another PC since revision 1: the server kept ours as a copy.
    const QUuid keptAs = QUuid::createUuidV5(ops[0].opId, QStringLiteral("kept"));
    PushResult result;
    result.opId = ops[0].opId;
    result.status = PushStatus::Conflict;
    result.hasRecord = true;
    result.record = recordOf(ops[0], 2, 10);
    QJsonObject sections = result.record.data.value(QLatin1String("sections")).toObject();
    sections.insert(QStringLiteral("diagnosis"), QStringLiteral("tension headache (other PC)"));
    result.record.data.insert(QStringLiteral("sections"), sections);
    result.keptAsId = keptAs;
    QVERIFY(m_journal->applyPushResults(ops, answer({result})));

    const std::optional<Report> original = m_reports->get(draft.localId);
    QCOMPARE(original->sections.diagnosis, QStringLiteral("tension headache (other PC)"));
    QCOMPARE(original->syncState, SyncState::Conflict);
    QCOMPARE(original->revision, qint64(2));
    const std::optional<Report> copy = m_reports->getById(keptAs);
    QVERIFY(copy);
    QCOMPARE(copy->sections.diagnosis, QStringLiteral("migraine (this PC)"));
    QCOMPARE(copy->variantOf, draft.id);
    QCOMPARE(copy->status, ReportStatus::Draft);
    QCOMPARE(copy->syncState, SyncState::Conflict);
    QCOMPARE(outboxCount(), qint64(0));

    const QList<SyncConflict> conflicts = m_journal->conflicts();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts[0].entity, EntityKind::Report);
    QCOMPARE(conflicts[0].entityId, draft.id);
    QCOMPARE(conflicts[0].otherReportId, keptAs);

    QVERIFY(!m_journal->resolveReportConflict(conflicts[0].conflictId, UuidV7::generate()));
    QVERIFY2(m_journal->resolveReportConflict(conflicts[0].conflictId, keptAs),
             qPrintable(m_journal->lastError().message));
    QCOMPARE(m_journal->counts().conflicts, 0);
    QVERIFY(m_reports->get(draft.localId)->deleted);
    QCOMPARE(m_reports->getById(keptAs)->syncState, SyncState::Synced);
    ops = take();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].id, draft.id);
    QCOMPARE(ops[0].action, PushAction::Delete);
    QCOMPARE(ops[0].baseRevision, qint64(2));
    QCOMPARE(m_reports->forVisit(visit.id).size(), 1);
}

void TestSyncJournal::reportConflictWithEditWaitingMovesEditToCopy()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_patients->insert(patient));
    Visit visit = sampleVisit(patient.id);
    QVERIFY(m_visits->insert(visit));
    Report draft = sampleDraft(visit, QStringLiteral("cough"));
    QVERIFY(m_reports->insert(draft));
    QList<PushOperation> ops = take();
    QVERIFY(m_journal->applyPushResults(
        ops, answer({appliedTo(ops[0], 1, 1), appliedTo(ops[1], 1, 2), appliedTo(ops[2], 1, 3)})));

    draft = *m_reports->get(draft.localId);
    draft.sections.diagnosis = QStringLiteral("bronchitis");
    QVERIFY(m_reports->update(draft));
    ops = take();
    draft.sections.treatmentPlan = QStringLiteral("typed during the upload");
    QVERIFY(m_reports->update(draft));

    const QUuid keptAs = QUuid::createUuidV5(ops[0].opId, QStringLiteral("kept"));
    PushResult result;
    result.opId = ops[0].opId;
    result.status = PushStatus::Conflict;
    result.hasRecord = true;
    result.record = recordOf(ops[0], 2, 10);
    QJsonObject sections = result.record.data.value(QLatin1String("sections")).toObject();
    sections.insert(QStringLiteral("diagnosis"), QStringLiteral("asthma (other PC)"));
    sections.insert(QStringLiteral("treatmentPlan"), QString());
    result.record.data.insert(QStringLiteral("sections"), sections);
    result.keptAsId = keptAs;
    QVERIFY(m_journal->applyPushResults(ops, answer({result})));

    // The other PC's text stays on the original; this PC's newest text is on the copy, and
    // the waiting edit now goes to the copy instead of overwriting the other version.
    QCOMPARE(m_reports->get(draft.localId)->sections.diagnosis, QStringLiteral("asthma (other PC)"));
    const std::optional<Report> copy = m_reports->getById(keptAs);
    QVERIFY(copy);
    QCOMPARE(copy->sections.treatmentPlan, QStringLiteral("typed during the upload"));
    QCOMPARE(copy->sections.diagnosis, QStringLiteral("bronchitis"));
    ops = take();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].id, keptAs);
    QCOMPARE(ops[0].baseRevision, qint64(1));
    QCOMPARE(ops[0].data.value(QLatin1String("variantOf")).toString(),
             draft.id.toString(QUuid::WithoutBraces));
}

void TestSyncJournal::pullAppliesNewAndChangedRows()
{
    QCOMPARE(m_journal->cursor(), qint64(0));
    Patient remote = samplePatient(QStringLiteral("Toʻxtayev"), QStringLiteral("Ulugʻbek"));
    remote.id = UuidV7::generate();
    remote.number = QStringLiteral("ZZZ-00001");
    remote.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
    Visit visit = sampleVisit(remote.id);
    visit.id = UuidV7::generate();
    visit.ticket = 7;
    visit.createdAt = remote.createdAt;
    Report report = sampleDraft(visit, QStringLiteral("fever"));
    report.id = UuidV7::generate();
    report.status = ReportStatus::Signed;
    report.signedAt = remote.createdAt.addSecs(600);
    report.createdAt = remote.createdAt;
    report.sections.vitals = {
        Vital{QStringLiteral("temperature"), QStringLiteral("38.2"), QStringLiteral("°C")}};
    Payment payment;
    payment.id = UuidV7::generate();
    payment.patientId = remote.id;
    payment.amount = 250000;
    payment.takenBy = kReception;
    payment.takenAt = remote.createdAt;

    const auto record = [](EntityKind entity, const QUuid &id, qint64 sequence, const QJsonObject &data) {
        SyncRecord r;
        r.entity = entity;
        r.id = id;
        r.revision = 1;
        r.sequence = sequence;
        r.updatedAt = QStringLiteral("2026-01-02T03:04:05.006Z");
        r.data = data;
        return r;
    };
    PullPage page =
        pageOf({record(EntityKind::Visit, visit.id, 1, EntityJson::toJson(visit)), recordOf(remote, 1, 2),
                record(EntityKind::Report, report.id, 3, EntityJson::toJson(report)),
                record(EntityKind::Payment, payment.id, 4, EntityJson::toJson(payment))},
               4);
    QVERIFY2(m_journal->applyPullPage(page), qPrintable(m_journal->lastError().message));
    QCOMPARE(m_journal->cursor(), qint64(4));
    QCOMPARE(m_journal->serverDatabaseId(), page.databaseId);

    QCOMPARE(m_patients->count(), qint64(1));
    const Patient stored = m_patients->getMany({1}).value(0);
    QCOMPARE(stored.id, remote.id);
    QCOMPARE(stored.number, QStringLiteral("ZZZ-00001"));
    QCOMPARE(stored.lastName, remote.lastName);
    QCOMPARE(stored.createdAt, remote.createdAt);
    QCOMPARE(stored.revision, qint64(1));
    QCOMPARE(stored.syncState, SyncState::Synced);
    const std::optional<Visit> storedVisit = m_visits->getById(visit.id);
    QVERIFY(storedVisit);
    QCOMPARE(storedVisit->ticket, 7);
    QCOMPARE(storedVisit->syncState, SyncState::Synced);
    const std::optional<Report> storedReport = m_reports->getById(report.id);
    QVERIFY(storedReport);
    QCOMPARE(storedReport->status, ReportStatus::Signed);
    QCOMPARE(storedReport->sections.vitals, report.sections.vitals);
    QCOMPARE(m_payments->getById(payment.id)->amount, qint64(250000));
    QCOMPARE(m_journal->counts().pendingOps, 0); // pulled rows are not queued back

    // A newer revision replaces the row; an older or equal one is ignored.
    Patient changed = remote;
    changed.phone = QStringLiteral("+998935556677");
    QVERIFY(m_journal->applyPullPage(pageOf({recordOf(changed, 2, 5)}, 5)));
    QCOMPARE(m_patients->getMany({1}).value(0).phone, QStringLiteral("+998935556677"));
    QVERIFY(m_journal->applyPullPage(pageOf({recordOf(remote, 2, 6)}, 6)));
    QCOMPARE(m_patients->getMany({1}).value(0).phone, QStringLiteral("+998935556677"));
    QCOMPARE(m_journal->cursor(), qint64(6));
}

void TestSyncJournal::pullSkipsRowsWithLocalChanges()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_patients->insert(patient));
    QList<PushOperation> ops = take();
    QVERIFY(m_journal->applyPushResults(ops, answer({appliedTo(ops[0], 1, 1)})));

    patient = *m_patients->get(patient.localId);
    patient.notes = QStringLiteral("not yet pushed");
    QVERIFY(m_patients->update(patient));
    Patient remote = patient;
    remote.notes = QString();
    remote.address = QStringLiteral("Server address");
    QVERIFY(m_journal->applyPullPage(pageOf({recordOf(remote, 2, 2)}, 2)));
    std::optional<Patient> stored = m_patients->get(patient.localId);
    QCOMPARE(stored->notes, QStringLiteral("not yet pushed"));
    QCOMPARE(stored->address, patient.address);
    QCOMPARE(stored->revision, qint64(1)); // the push still says what it was based on
    QCOMPARE(stored->syncState, SyncState::Modified);
    QCOMPARE(m_journal->cursor(), qint64(2));

    // Uploading rows are skipped too; the push answer brings the server's version.
    ops = take();
    QVERIFY(m_journal->applyPullPage(pageOf({recordOf(remote, 2, 3)}, 3)));
    QCOMPARE(m_patients->get(patient.localId)->notes, QStringLiteral("not yet pushed"));
    PushResult merged = appliedTo(ops[0], 3, 4);
    merged.record.data.insert(QStringLiteral("address"), QStringLiteral("Server address"));
    QVERIFY(m_journal->applyPushResults(ops, answer({merged})));
    stored = m_patients->get(patient.localId);
    QCOMPARE(stored->address, QStringLiteral("Server address"));
    QCOMPARE(stored->notes, QStringLiteral("not yet pushed"));
    QCOMPARE(stored->syncState, SyncState::Synced);
}

void TestSyncJournal::pullAppliesTombstones()
{
    Patient remote = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    remote.id = UuidV7::generate();
    remote.number = QStringLiteral("ZZZ-00001");
    remote.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
    QVERIFY(m_journal->applyPullPage(pageOf({recordOf(remote, 1, 1)}, 1)));
    QCOMPARE(m_patients->count(), qint64(1));
    const qint64 seqBefore = m_patients->changeSeq();

    SyncRecord tombstone;
    tombstone.entity = EntityKind::Patient;
    tombstone.id = remote.id;
    tombstone.revision = 2;
    tombstone.sequence = 2;
    tombstone.deleted = true;
    SyncRecord unknown = tombstone;
    unknown.id = UuidV7::generate();
    QVERIFY(m_journal->applyPullPage(pageOf({tombstone, unknown}, 2)));
    QCOMPARE(m_patients->count(), qint64(0));
    const Patient stored = m_patients->getMany({1}).value(0);
    QVERIFY(stored.deleted);
    QCOMPARE(stored.revision, qint64(2));
    QCOMPARE(stored.syncState, SyncState::Synced);
    QCOMPARE(m_patients->changeSeq(), seqBefore + 1);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM patient")), qint64(1));
    QCOMPARE(m_journal->counts().pendingOps, 0);
}

void TestSyncJournal::failedPageLeavesCursorAndRows()
{
    QVERIFY(m_journal->applyPullPage(pageOf({}, 10)));
    QCOMPARE(m_journal->cursor(), qint64(10));
    Patient good = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    good.id = UuidV7::generate();
    good.number = QStringLiteral("ZZZ-00001");
    good.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
    Patient bad = good;
    bad.id = UuidV7::generate();
    bad.number = QStringLiteral("ZZZ-00002");
    SyncRecord badRecord = recordOf(bad, 1, 12);
    badRecord.data.insert(QStringLiteral("shoeSize"), 42); // a field this version does not know
    const qint64 seqBefore = m_patients->changeSeq();

    QVERIFY(!m_journal->applyPullPage(pageOf({recordOf(good, 1, 11), badRecord}, 12)));
    QCOMPARE(int(m_journal->lastError().code), int(StoreError::Code::Invalid));
    QVERIFY(m_journal->lastError().message.contains(bad.id.toString(QUuid::WithoutBraces)));
    QVERIFY(m_journal->lastError().message.contains(QStringLiteral("shoeSize")));
    QCOMPARE(m_journal->cursor(), qint64(10));
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM patient")), qint64(0));
    QCOMPARE(m_patients->changeSeq(), seqBefore);

    QVERIFY(m_journal->applyPullPage(pageOf({recordOf(good, 1, 11)}, 12)));
    QCOMPARE(m_journal->cursor(), qint64(12));
    QCOMPARE(m_patients->count(), qint64(1));
}

void TestSyncJournal::largePageIsAppliedWholeOrNotAtAll()
{
    // Large enough for the records to be decoded on a second thread ahead of the writes.
    QList<SyncRecord> records;
    for (int i = 0; i < 300; ++i) {
        Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
        patient.id = UuidV7::generate();
        patient.number = QStringLiteral("ZZZ-%1").arg(i + 1, 5, 10, QLatin1Char('0'));
        patient.notes = QStringLiteral("row %1").arg(i);
        patient.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
        records.append(recordOf(patient, 1, i + 1));
    }
    QList<SyncRecord> broken = records;
    broken[250].data.insert(QStringLiteral("phone"), QStringLiteral("not a phone"));
    QVERIFY(!m_journal->applyPullPage(pageOf(broken, 300)));
    QVERIFY(m_journal->lastError().message.contains(QStringLiteral("data.phone")));
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM patient")), qint64(0));
    QCOMPARE(m_journal->cursor(), qint64(0));

    QVERIFY2(m_journal->applyPullPage(pageOf(records, 300)), qPrintable(m_journal->lastError().message));
    QCOMPARE(m_patients->count(), qint64(300));
    QCOMPARE(m_journal->cursor(), qint64(300));
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT notes FROM patient ORDER BY rowid")));
    int row = 0;
    while (query.next())
        QCOMPARE(query.value(0).toString(), QStringLiteral("row %1").arg(row++));
    QCOMPARE(row, 300);
}

void TestSyncJournal::pulledPatientsReachTheSearchIndex()
{
    m_journal.reset();
    m_payments.reset();
    m_reports.reset();
    m_visits.reset();
    m_patients.reset();
    m_database.reset();
    PatientRegistry registry;
    QVERIFY(registry.open(m_dir->path()));
    SyncJournal journal(registry.database());
    QSignalSpy changed(&registry, &PatientRegistry::patientsChanged);

    Patient remote = samplePatient(QStringLiteral("Oʻktamova"), QStringLiteral("Dilnoza"));
    remote.id = UuidV7::generate();
    remote.number = QStringLiteral("ZZZ-00009");
    remote.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
    QVERIFY(journal.applyPullPage(pageOf({recordOf(remote, 1, 1)}, 1)));
    QVERIFY(registry.search(QStringLiteral("oktamova")).empty());
    QVERIFY(registry.refreshFromStore());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), qint64(1));
    QCOMPARE(registry.search(QStringLiteral("oktamova")).size(), size_t(1));

    // A tombstone takes it out of the search again.
    SyncRecord tombstone;
    tombstone.entity = EntityKind::Patient;
    tombstone.id = remote.id;
    tombstone.revision = 2;
    tombstone.deleted = true;
    QVERIFY(journal.applyPullPage(pageOf({tombstone}, 2)));
    QVERIFY(registry.refreshFromStore());
    QCOMPARE(changed.size(), 2);
    QVERIFY(registry.search(QStringLiteral("oktamova")).empty());
    // Nothing new: no signal.
    QVERIFY(registry.refreshFromStore());
    QCOMPARE(changed.size(), 2);
}

void TestSyncJournal::resyncRemovesRowsNotReturned()
{
    Patient kept = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    kept.id = UuidV7::generate();
    kept.number = QStringLiteral("ZZZ-00001");
    kept.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
    Patient gone = kept;
    gone.id = UuidV7::generate();
    gone.number = QStringLiteral("ZZZ-00002");
    gone.lastName = QStringLiteral("Gone");
    QVERIFY(m_journal->applyPullPage(pageOf({recordOf(kept, 1, 1), recordOf(gone, 1, 2)}, 2)));
    Patient local = samplePatient(QStringLiteral("Local"), QStringLiteral("Only"));
    QVERIFY(m_patients->insert(local));

    QVERIFY(!m_journal->isResyncing());
    QVERIFY(m_journal->beginResync());
    QVERIFY(m_journal->isResyncing());
    QCOMPARE(m_journal->cursor(), qint64(0));
    QVERIFY(m_journal->applyPullPage(pageOf({recordOf(kept, 1, 50)}, 50, true)));
    QVERIFY(m_journal->applyPullPage(pageOf({}, 60)));
    QVERIFY(m_journal->finishResync());
    QVERIFY(!m_journal->isResyncing());

    QCOMPARE(m_patients->count(), qint64(2)); // kept + the local one
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT last_name, deleted FROM patient ORDER BY rowid")));
    QStringList rows;
    while (query.next())
        rows << query.value(0).toString() + QLatin1Char('=') + query.value(1).toString();
    QCOMPARE(rows,
             QStringList({QStringLiteral("Karimov=0"), QStringLiteral("Gone=1"), QStringLiteral("Local=0")}));
    QCOMPARE(m_journal->counts().pendingOps, 1); // only the local row's own op
    QVERIFY(m_journal->finishResync());          // a second finish has nothing to do
}

void TestSyncJournal::replacedServerDatabaseRequeuesLostRows()
{
    Patient kept = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    kept.id = UuidV7::generate();
    kept.number = QStringLiteral("ZZZ-00001");
    kept.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
    Patient lost = kept;
    lost.id = UuidV7::generate();
    lost.number = QStringLiteral("ZZZ-00002");
    QVERIFY(m_journal->applyPullPage(pageOf({recordOf(kept, 5, 100), recordOf(lost, 5, 101)}, 101)));

    // The server was restored from an older backup: another database id, lower sequences.
    PullPage page = pageOf({recordOf(kept, 2, 7)}, 7);
    page.databaseId = QStringLiteral("fedcba9876543210fedcba9876543210");
    QVERIFY(m_journal->applyPullPage(page));
    QVERIFY(m_journal->isResyncing());
    QCOMPARE(m_journal->cursor(), qint64(0));
    QCOMPARE(m_journal->serverDatabaseId(), page.databaseId);
    QVERIFY(m_journal->applyPullPage(page));
    QVERIFY(m_journal->finishResync());

    QCOMPARE(m_patients->count(), qint64(2)); // nothing deleted
    const QList<PushOperation> ops = take();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].id, lost.id);
    QCOMPARE(ops[0].baseRevision, qint64(0));
    QCOMPARE(m_patients->getMany({1}).value(0).revision, qint64(2)); // the server's numbering now
}

void TestSyncJournal::restoredServerGetsThisPcsNewerVersionsAgain()
{
    // Synced here at revision 5 (changed at 10:00), while the backup the server was restored
    // from holds revision 3 of it (changed at 08:00).
    Patient newer = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    newer.id = UuidV7::generate();
    newer.number = QStringLiteral("ZZZ-00001");
    newer.phone = QStringLiteral("+998901112233");
    newer.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
    SyncRecord synced = recordOf(newer, 5, 100);
    synced.updatedAt = QStringLiteral("2026-11-28T10:00:00.000Z");
    // Changed on the server after the restore (11:00), by another PC: the server's is newer.
    Patient edited = newer;
    edited.id = UuidV7::generate();
    edited.number = QStringLiteral("ZZZ-00002");
    edited.phone = QStringLiteral("+998905556677");
    SyncRecord editedHere = recordOf(edited, 4, 101);
    editedHere.updatedAt = QStringLiteral("2026-11-28T10:00:00.000Z");
    QVERIFY(m_journal->applyPullPage(pageOf({synced, editedHere}, 101)));

    Patient older = newer;
    older.phone = QStringLiteral("+998900000000");
    SyncRecord restored = recordOf(older, 3, 7);
    restored.updatedAt = QStringLiteral("2026-11-28T08:00:00.000Z");
    Patient later = edited;
    later.phone = QStringLiteral("+998907778899");
    SyncRecord changedThere = recordOf(later, 2, 8);
    changedThere.updatedAt = QStringLiteral("2026-11-28T11:00:00.000Z");
    PullPage page = pageOf({restored, changedThere}, 8);
    page.databaseId = QStringLiteral("fedcba9876543210fedcba9876543210");
    QVERIFY(m_journal->applyPullPage(page)); // detects the restore: full pull from 0
    QVERIFY(m_journal->applyPullPage(page));
    QVERIFY(m_journal->finishResync());

    const QList<Patient> rows = m_patients->getMany({1, 2});
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].phone, newer.phone);  // this PC's newer version is kept ...
    QCOMPARE(rows[0].revision, qint64(3)); // ... on top of the server's revision
    QCOMPARE(rows[0].syncState, SyncState::Modified);
    QCOMPARE(rows[1].phone, later.phone); // the server's newer version is taken
    QCOMPARE(rows[1].revision, qint64(2));
    QCOMPARE(rows[1].syncState, SyncState::Synced);

    const QList<PushOperation> ops = take();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].id, newer.id);
    QCOMPARE(ops[0].baseRevision, qint64(3));
    QCOMPARE(ops[0].data.value(QStringLiteral("phone")).toString(), newer.phone);
    QCOMPARE(ops[0].changedFields, EntityJson::patientMergeFields());
}

void TestSyncJournal::bulkImportIsOneRangeExpandedWithoutDuplicates()
{
    std::vector<Patient> batch;
    for (int i = 0; i < 250; ++i) {
        // Names are letters only (the validator's rule): "Bulkaa", "Bulkab", ...
        const QString suffix = QString(QChar(u'a' + i / 26)) + QChar(u'a' + i % 26);
        batch.push_back(samplePatient(QStringLiteral("Bulk") + suffix, QStringLiteral("Row")));
    }
    QVERIFY(m_patients->insertMany(batch));
    QCOMPARE(outboxCount(), qint64(1));
    QCOMPARE(outboxCount(QStringLiteral("range_last IS NOT NULL")), qint64(1));
    SyncCounts counts = m_journal->counts();
    QCOMPARE(counts.pendingOps, 1);
    QCOMPARE(counts.pendingRows, qint64(250));
    QSqlQuery rangeQuery(m_database->connection());
    QVERIFY(rangeQuery.exec(QStringLiteral("SELECT op_id FROM outbox")) && rangeQuery.next());
    const QUuid rangeId = QUuid::fromString(rangeQuery.value(0).toString());
    rangeQuery.finish();

    // Edited and deleted before they were pushed: the edit's own op speaks for the row, and
    // the never-sent tombstone needs no op at all.
    Patient edited = batch[150];
    edited.notes = QStringLiteral("edited after the import");
    QVERIFY(m_patients->update(edited));
    QVERIFY(m_patients->remove(batch[151].localId));

    QHash<qint64, QUuid> opByRow;
    QSet<QUuid> opIds;
    const QHash<QUuid, qint64> rowById = [&] {
        QHash<QUuid, qint64> map;
        for (const Patient &patient : batch)
            map.insert(patient.id, patient.localId);
        return map;
    }();
    const auto collect = [&](const QList<PushOperation> &ops) {
        for (const PushOperation &op : ops) {
            const qint64 row = rowById.value(op.id);
            QVERIFY(row > 0);
            QVERIFY2(!opByRow.contains(row) || opByRow.value(row) == op.opId, "a row got two different ops");
            opByRow.insert(row, op.opId);
            opIds.insert(op.opId);
        }
    };

    QList<PushOperation> ops = take(100);
    QCOMPARE(ops.size(), 100);
    for (const PushOperation &op : ops) {
        QCOMPARE(op.baseRevision, qint64(0));
        QCOMPARE(op.opId, QUuid::createUuidV5(rangeId, QString::number(rowById.value(op.id))));
    }
    collect(ops);
    counts = m_journal->counts();
    // 100 uploading + the 150 rows left in the range + the edit's own op: rows edited or
    // deleted inside a range still count with it until it is expanded past them.
    QCOMPARE(counts.pendingRows, qint64(251));
    QCOMPARE(counts.pendingOps, 102); // 100 + the range + the edit's own op

    // The process dies with the batch in flight; after recovery the same rows go with the
    // same op ids (answered "duplicate" by a server that had them), and nothing twice.
    reopen();
    QVERIFY(m_journal->recoverInterruptedUploads());
    QSet<qint64> acknowledged;
    for (int round = 0; round < 10; ++round) {
        ops = take(100);
        if (ops.isEmpty())
            break;
        collect(ops);
        QList<PushResult> results;
        for (const PushOperation &op : ops) {
            QVERIFY2(!acknowledged.contains(rowById.value(op.id)), "a row was pushed again after its answer");
            acknowledged.insert(rowById.value(op.id));
            results.append(appliedTo(op, 1, round * 1000 + results.size()));
        }
        QVERIFY2(m_journal->applyPushResults(ops, answer(results)),
                 qPrintable(m_journal->lastError().message));
    }
    QCOMPARE(acknowledged.size(), 249);
    QVERIFY(!acknowledged.contains(batch[151].localId));
    QCOMPARE(m_journal->counts().pendingOps, 0);
    QCOMPARE(m_journal->counts().pendingRows, qint64(0));
    QCOMPARE(outboxCount(), qint64(0));
    QCOMPARE(scalar(*m_database,
                    QStringLiteral("SELECT count(*) FROM patient WHERE sync_state = %1 AND revision = 1")
                        .arg(static_cast<int>(SyncState::Synced))),
             qint64(249));
    QCOMPARE(m_patients->get(edited.localId)->notes, QStringLiteral("edited after the import"));
}

void TestSyncJournal::largeCatchUpSetsIndexesAsideUntilItEnds()
{
    const auto indexes = [this] {
        QStringList names;
        QSqlQuery query(m_database->connection());
        query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                                  " ORDER BY name"));
        while (query.next())
            names << query.value(0).toString();
        return names;
    };
    const QStringList all = indexes();
    QVERIFY(all.contains(QStringLiteral("patient_phone")));
    const auto patientAt = [](int i) {
        Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
        patient.id = UuidV7::generate();
        patient.number = QStringLiteral("ZZZ-%1").arg(i, 5, 10, QLatin1Char('0'));
        patient.phone = QStringLiteral("+9989012%1").arg(i, 5, 10, QLatin1Char('0'));
        patient.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
        return patient;
    };

    // Far from the end of the feed: the random indexes are set aside...
    PullPage first = pageOf({recordOf(patientAt(1), 1, 1)}, 1, true);
    first.serverSequence = 50000;
    QVERIFY(m_journal->applyPullPage(first));
    QStringList during = indexes();
    QVERIFY(!during.contains(QStringLiteral("patient_phone")));
    QVERIFY(!during.contains(QStringLiteral("patient_name_birth")));
    QVERIFY(during.contains(QStringLiteral("patient_change_seq"))); // the search index catches up by it
    // ...and the data stays reachable: the duplicate check scans instead.
    QCOMPARE(m_patients->findDuplicates(patientAt(1)).size(), 1);

    // A run cut short (the process ends): the next open builds them again.
    reopen();
    QCOMPARE(indexes(), all);
    PullPage second = pageOf({recordOf(patientAt(2), 1, 2)}, 2, true);
    second.serverSequence = 50000;
    QVERIFY(m_journal->applyPullPage(second));
    QVERIFY(!indexes().contains(QStringLiteral("patient_phone")));

    // The page that ends the run builds them in its transaction.
    PullPage last = pageOf({recordOf(patientAt(3), 1, 50000)}, 50000, false);
    last.serverSequence = 50000;
    QVERIFY(m_journal->applyPullPage(last));
    QCOMPARE(indexes(), all);
    QCOMPARE(m_patients->count(), qint64(3));
    QCOMPARE(m_patients->findDuplicates(patientAt(3)).size(), 3); // same name and birth date
    QSqlQuery plan(m_database->connection());
    QVERIFY(plan.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT rowid FROM patient WHERE phone = '+99890'")));
    QString planText;
    while (plan.next())
        planText += plan.value(3).toString();
    QVERIFY2(planText.contains(QStringLiteral("patient_phone")), qPrintable(planText));
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM meta WHERE key = 'deferred_indexes'"
                                                " AND value <> ''")),
             qint64(0));
}

void TestSyncJournal::lastPullTimeIsPersisted()
{
    QVERIFY(!m_journal->lastPullSucceededAt().isValid());
    const QDateTime when(QDate(2026, 11, 28), QTime(6, 30, 15, 250), Qt::UTC);
    QVERIFY(m_journal->setLastPullSucceededAt(when));
    reopen();
    QCOMPARE(m_journal->lastPullSucceededAt(), when);
    QCOMPARE(m_journal->lastPullSucceededAt().timeSpec(), Qt::UTC);
}

QTEST_GUILESS_MAIN(TestSyncJournal)

#include "tst_syncjournal.moc"
