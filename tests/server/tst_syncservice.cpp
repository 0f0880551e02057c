#include "audit/AuditLog.h"
#include "domain/EntityJson.h"
#include "domain/SyncProtocol.h"
#include "domain/UuidV7.h"
#include "store/ServerDatabase.h"
#include "sync/ChangeNotifier.h"
#include "sync/PatientMerge.h"
#include "sync/SyncBatchStore.h"
#include "sync/SyncOpApplier.h"
#include "sync/SyncService.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace medora;
using namespace medora::server;

namespace {

const QDateTime kCreated = QDateTime(QDate(2026, 11, 28), QTime(6, 0), Qt::UTC);

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QJsonObject patientData(const QString &lastName, const QString &phone = QString(),
                        const QString &address = QString())
{
    Patient patient;
    patient.number = QStringLiteral("KQX-00001");
    patient.lastName = lastName;
    patient.firstName = QStringLiteral("Aziz");
    patient.sex = Sex::Male;
    patient.phone = phone;
    patient.address = address;
    patient.createdAt = kCreated;
    patient.createdBy = QStringLiteral("reception");
    return EntityJson::toJson(patient);
}

QJsonObject visitData(const QUuid &patientId, const QString &doctorId,
                      VisitStatus status = VisitStatus::Waiting)
{
    Visit visit;
    visit.patientId = patientId;
    visit.doctorId = doctorId;
    visit.day = QDate(2026, 11, 28);
    visit.ticket = 7;
    visit.status = status;
    visit.createdAt = kCreated;
    visit.createdBy = doctorId;
    return EntityJson::toJson(visit);
}

QJsonObject reportData(const QUuid &visitId, const QUuid &patientId, const QString &authorId,
                       const QString &complaints, bool signedReport = false,
                       const QUuid &addendumTo = QUuid())
{
    Report report;
    report.visitId = visitId;
    report.patientId = patientId;
    report.authorId = authorId;
    report.sections.complaints = complaints;
    report.addendumTo = addendumTo;
    report.createdAt = kCreated;
    if (signedReport) {
        report.status = ReportStatus::Signed;
        report.signedAt = kCreated.addSecs(600);
    }
    return EntityJson::toJson(report);
}

QJsonObject paymentData(const QUuid &patientId, const QString &takenBy, qint64 amount,
                        const QUuid &reverses = QUuid())
{
    Payment payment;
    payment.patientId = patientId;
    payment.amount = amount;
    payment.takenBy = takenBy;
    payment.takenAt = kCreated;
    payment.reverses = reverses;
    return EntityJson::toJson(payment);
}

PushOperation upsert(EntityKind entity, const QUuid &id, qint64 baseRevision, const QJsonObject &data,
                     const QStringList &changedFields = {})
{
    PushOperation op;
    op.opId = UuidV7::generate();
    op.entity = entity;
    op.id = id;
    op.baseRevision = baseRevision;
    op.action = PushAction::Upsert;
    op.data = data;
    op.changedFields = changedFields;
    return op;
}

PushOperation remove(EntityKind entity, const QUuid &id, qint64 baseRevision)
{
    PushOperation op;
    op.opId = UuidV7::generate();
    op.entity = entity;
    op.id = id;
    op.baseRevision = baseRevision;
    op.action = PushAction::Delete;
    return op;
}

QString status(const QJsonObject &result)
{
    return result.value("status").toString();
}

QString reason(const QJsonObject &result)
{
    return result.value("reason").toObject().value("code").toString();
}

QJsonObject recordData(const QJsonObject &result)
{
    return result.value("record").toObject().value("data").toObject();
}

} // namespace

class TestSyncService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createThenPullRoundTrip();
    void sequencesGrowAndAnEntityAppearsOnceAtItsNewestPosition();
    void replayAnswersTheFirstAnswer();
    void opIdReusedForAnotherRecordIsRefused();
    void patientEditsOfDifferentFieldsBothApply();
    void patientFieldChangedOnBothSidesIsAConflict();
    void patientCreateReplayedFromAnotherPath();
    void visitLastWriteToTheServerWins();
    void reportDraftsAreNeverMerged();
    void signedReportsAreImmutableAndAddendaNeedThem();
    void onlyTheAuthorEditsADraft();
    void paymentsAreAppendOnly();
    void reversalRules();
    void dependencyOrderIsEnforced();
    void roleRules();
    void failingOpRollsBackAloneInItsSavepoint();
    void tombstonesStayUntilCompactedThenHorizonForcesResync();
    void auditEventsNameFieldsNeverValues();
    void anotherClinicsRecordsAreInvisible();
    void pullPagesAndCursorBeyondTheEnd();
    void encodedAnswersDecodeWithTheClientsDecoder();
    void patientMergeUnit();
    void acceptedPatientDataIsAlreadyCanonical();
    void feedTextIsEscaped();
    void bothStatementPathsGiveTheSameAnswers();

    void notifierWakesWaitersOfTheClinic();
    void notifierTimesOutAndIsBounded();
    void notifierShutdownFinishesEveryWaiter();
    void pushWakesALongPoll();

private:
    QString newClinic(const QString &name);
    Actor actor(const QString &clinicId, Role role, const QString &login);
    QList<QJsonObject> push(const Actor &who, const QList<PushOperation> &ops,
                            qint64 *serverSequence = nullptr);
    FeedPage pull(const Actor &who, qint64 after, int limit = 1000);
    QList<QJsonObject> pulledRecords(const Actor &who, qint64 after = 0);
    int count(const QString &sql, const QVariantList &values = {});
    QList<QJsonObject> auditDetails(const QString &action);
    QJsonObject patchedPatient(const QJsonObject &base, const QString &field, const QJsonValue &value);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerDatabase> m_database;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ChangeNotifier> m_notifier;
    std::unique_ptr<SyncService> m_sync;
    QString m_clinic;
    Actor m_reception;
    Actor m_doctor;
    Actor m_doctor2;
    Actor m_admin;
};

void TestSyncService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<ServerDatabase>(m_dir->filePath(QStringLiteral("sync.sqlite")));
    QString error;
    QVERIFY2(m_database->open(&error) && m_database->migrate(&error), qPrintable(error));
    m_audit = std::make_unique<AuditLog>(*m_database);
    m_notifier = std::make_unique<ChangeNotifier>(4);
    m_sync = std::make_unique<SyncService>(*m_database, *m_audit, m_notifier.get());
    m_clinic = newClinic(QStringLiteral("Shifo"));
    m_reception = actor(m_clinic, Role::Receptionist, QStringLiteral("reception"));
    m_doctor = actor(m_clinic, Role::Doctor, QStringLiteral("doctor"));
    m_doctor2 = actor(m_clinic, Role::Doctor, QStringLiteral("doctor2"));
    m_admin = actor(m_clinic, Role::ClinicAdmin, QStringLiteral("admin"));
}

void TestSyncService::cleanup()
{
    m_sync.reset();
    m_notifier.reset();
    m_audit.reset();
    m_database.reset();
    m_dir.reset();
}

QString TestSyncService::newClinic(const QString &name)
{
    const QString id = idText(UuidV7::generate());
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("INSERT INTO clinics (id, name, created_at) VALUES (?, ?, 0)"));
    query.addBindValue(id);
    query.addBindValue(name);
    if (!query.exec())
        qWarning() << query.lastError().text();
    return id;
}

Actor TestSyncService::actor(const QString &clinicId, Role role, const QString &login)
{
    Actor a;
    a.userId = idText(UuidV7::generate());
    a.clinicId = clinicId;
    a.login = login;
    a.role = role;
    a.clientAddress = QHostAddress(QStringLiteral("192.0.2.10"));
    return a;
}

QList<QJsonObject> TestSyncService::push(const Actor &who, const QList<PushOperation> &ops,
                                         qint64 *serverSequence)
{
    PushRequest request;
    request.deviceId = QStringLiteral("pc-test-1");
    request.ops = ops;
    const Outcome<PushBatch> batch = m_sync->push(who, request);
    if (!batch.ok()) {
        qWarning() << "push failed:" << batch.error().message;
        return {};
    }
    if (serverSequence)
        *serverSequence = batch.value().serverSequence;
    const QJsonObject body = QJsonDocument::fromJson(batch.value().toJson()).object();
    QList<QJsonObject> results;
    for (const QJsonValue &value : body.value("results").toArray())
        results.append(value.toObject());
    return results;
}

FeedPage TestSyncService::pull(const Actor &who, qint64 after, int limit)
{
    const Outcome<FeedPage> page = m_sync->pull(who, after, limit);
    if (!page.ok()) {
        qWarning() << "pull failed:" << page.error().message;
        return {};
    }
    return page.value();
}

QList<QJsonObject> TestSyncService::pulledRecords(const Actor &who, qint64 after)
{
    const QJsonObject body = QJsonDocument::fromJson(pull(who, after).toJson()).object();
    QList<QJsonObject> records;
    for (const QJsonValue &value : body.value("changes").toArray())
        records.append(value.toObject());
    return records;
}

int TestSyncService::count(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_database->connection());
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        qWarning() << query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

QList<QJsonObject> TestSyncService::auditDetails(const QString &action)
{
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("SELECT details FROM audit_events WHERE action = ? ORDER BY sequence"));
    query.addBindValue(action);
    QList<QJsonObject> details;
    if (!query.exec())
        return details;
    while (query.next())
        details.append(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
    return details;
}

QJsonObject TestSyncService::patchedPatient(const QJsonObject &base, const QString &field,
                                            const QJsonValue &value)
{
    QJsonObject copy = base;
    copy.insert(field, value);
    return copy;
}

void TestSyncService::createThenPullRoundTrip()
{
    const QUuid id = UuidV7::generate();
    const QJsonObject data = patientData(QStringLiteral("Karimov"), QStringLiteral("+998901234567"));
    qint64 serverSequence = 0;
    const QList<QJsonObject> results =
        push(m_reception, {upsert(EntityKind::Patient, id, 0, data)}, &serverSequence);
    QCOMPARE(results.size(), 1);
    QCOMPARE(status(results[0]), QStringLiteral("applied"));
    QCOMPARE(results[0].value("revision").toInteger(), 1);
    QCOMPARE(results[0].value("sequence").toInteger(), 1);
    QCOMPARE(serverSequence, 1);
    QCOMPARE(recordData(results[0]), data);
    QCOMPARE(results[0].value("record").toObject().value("updatedBy").toString(), m_reception.userId);

    const FeedPage page = pull(m_doctor, 0);
    QCOMPARE(page.rows.size(), 1);
    QCOMPARE(page.next, 1);
    QCOMPARE(page.serverSequence, 1);
    QVERIFY(!page.hasMore);
    QCOMPARE(page.databaseId.size(), 32);
    const QList<QJsonObject> records = pulledRecords(m_doctor);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records[0].value("entity").toString(), QStringLiteral("patient"));
    QCOMPARE(records[0].value("id").toString(), idText(id));
    QCOMPARE(records[0].value("deleted").toBool(), false);
    QCOMPARE(records[0].value("data").toObject(), data);

    // Nothing new after the cursor.
    const FeedPage empty = pull(m_doctor, 1);
    QVERIFY(empty.rows.isEmpty());
    QCOMPARE(empty.next, 1);
}

void TestSyncService::sequencesGrowAndAnEntityAppearsOnceAtItsNewestPosition()
{
    const QUuid a = UuidV7::generate();
    const QUuid b = UuidV7::generate();
    QList<QJsonObject> results =
        push(m_reception, {upsert(EntityKind::Patient, a, 0, patientData(QStringLiteral("Alimov"))),
                           upsert(EntityKind::Patient, b, 0, patientData(QStringLiteral("Botirov")))});
    QCOMPARE(results.size(), 2);
    QCOMPARE(results[0].value("sequence").toInteger(), 1);
    QCOMPARE(results[1].value("sequence").toInteger(), 2);

    results =
        push(m_reception, {upsert(EntityKind::Patient, a, 1,
                                  patientData(QStringLiteral("Alimov"), QStringLiteral("+998901112233")),
                                  {QStringLiteral("phone")})});
    QCOMPARE(status(results[0]), QStringLiteral("applied"));
    QCOMPARE(results[0].value("revision").toInteger(), 2);
    QCOMPARE(results[0].value("sequence").toInteger(), 3);

    const QList<QJsonObject> records = pulledRecords(m_reception);
    QCOMPARE(records.size(), 2); // a moved forward: its old position 1 is gone
    QCOMPARE(records[0].value("id").toString(), idText(b));
    QCOMPARE(records[0].value("sequence").toInteger(), 2);
    QCOMPARE(records[1].value("id").toString(), idText(a));
    QCOMPARE(records[1].value("sequence").toInteger(), 3);
    QCOMPARE(records[1].value("revision").toInteger(), 2);
    QCOMPARE(pulledRecords(m_reception, 2).size(), 1);
}

void TestSyncService::replayAnswersTheFirstAnswer()
{
    const QUuid id = UuidV7::generate();
    const PushOperation create = upsert(EntityKind::Patient, id, 0, patientData(QStringLiteral("Qodirov")));
    const QList<QJsonObject> first = push(m_reception, {create});
    QCOMPARE(status(first[0]), QStringLiteral("applied"));

    // Someone else changes the patient; the replay still answers what the first push got.
    const QList<QJsonObject> other =
        push(m_doctor, {upsert(EntityKind::Patient, id, 1, patientData(QStringLiteral("Qodirova")),
                               {QStringLiteral("lastName")})});
    QCOMPARE(status(other[0]), QStringLiteral("applied"));

    qint64 serverSequence = 0;
    const QList<QJsonObject> replay = push(m_reception, {create}, &serverSequence);
    QCOMPARE(replay.size(), 1);
    QCOMPARE(status(replay[0]), QStringLiteral("duplicate"));
    QCOMPARE(replay[0].value("firstStatus").toString(), QStringLiteral("applied"));
    QCOMPARE(replay[0].value("revision"), first[0].value("revision"));
    QCOMPARE(replay[0].value("sequence"), first[0].value("sequence"));
    QCOMPARE(replay[0].value("record"), first[0].value("record"));
    QCOMPARE(serverSequence, 2); // nothing applied again
    QCOMPARE(count(QStringLiteral("SELECT revision FROM sync_record WHERE id = ?"), {idText(id)}), 2);

    // A conflict's answer replays as a conflict too.
    const PushOperation stale = upsert(EntityKind::Patient, id, 1, patientData(QStringLiteral("Qodirovna")),
                                       {QStringLiteral("lastName")});
    const QList<QJsonObject> conflict = push(m_reception, {stale});
    QCOMPARE(status(conflict[0]), QStringLiteral("conflict"));
    const QList<QJsonObject> again = push(m_reception, {stale});
    QCOMPARE(status(again[0]), QStringLiteral("duplicate"));
    QCOMPARE(again[0].value("firstStatus").toString(), QStringLiteral("conflict"));
    QCOMPARE(again[0].value("conflictFields"), conflict[0].value("conflictFields"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sync_conflict")), 1);
}

void TestSyncService::opIdReusedForAnotherRecordIsRefused()
{
    PushOperation create =
        upsert(EntityKind::Patient, UuidV7::generate(), 0, patientData(QStringLiteral("Umarov")));
    QCOMPARE(status(push(m_reception, {create})[0]), QStringLiteral("applied"));
    create.id = UuidV7::generate();
    const QList<QJsonObject> reused = push(m_reception, {create});
    QCOMPARE(status(reused[0]), QStringLiteral("rejected"));
    QCOMPARE(reason(reused[0]), QStringLiteral("op_id_reused"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sync_record")), 1);
}

void TestSyncService::patientEditsOfDifferentFieldsBothApply()
{
    const QUuid id = UuidV7::generate();
    const QJsonObject base = patientData(QStringLiteral("Rahimov"));
    push(m_reception, {upsert(EntityKind::Patient, id, 0, base)});

    const QJsonObject phoneEdit =
        patchedPatient(base, QStringLiteral("phone"), QStringLiteral("+998901234567"));
    const QJsonObject addressEdit =
        patchedPatient(base, QStringLiteral("address"), QStringLiteral("Chilonzor 5"));
    const QList<QJsonObject> first =
        push(m_reception, {upsert(EntityKind::Patient, id, 1, phoneEdit, {QStringLiteral("phone")})});
    QCOMPARE(status(first[0]), QStringLiteral("applied"));
    const QList<QJsonObject> second =
        push(m_doctor, {upsert(EntityKind::Patient, id, 1, addressEdit, {QStringLiteral("address")})});
    QCOMPARE(status(second[0]), QStringLiteral("applied"));
    QCOMPARE(second[0].value("revision").toInteger(), 3);
    const QJsonObject merged = recordData(second[0]);
    QCOMPARE(merged.value("phone").toString(), QStringLiteral("+998901234567"));
    QCOMPARE(merged.value("address").toString(), QStringLiteral("Chilonzor 5"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sync_conflict")), 0);
}

void TestSyncService::patientFieldChangedOnBothSidesIsAConflict()
{
    const QUuid id = UuidV7::generate();
    const QJsonObject base = patientData(QStringLiteral("Sobirov"));
    push(m_reception, {upsert(EntityKind::Patient, id, 0, base)});
    push(m_reception, {upsert(EntityKind::Patient, id, 1,
                              patchedPatient(base, QStringLiteral("phone"), QStringLiteral("+998901111111")),
                              {QStringLiteral("phone")})});

    // The other PC edited phone and address on revision 1.
    QJsonObject theirs = patchedPatient(base, QStringLiteral("phone"), QStringLiteral("+998902222222"));
    theirs.insert(QStringLiteral("address"), QStringLiteral("Yunusobod 12"));
    const QList<QJsonObject> results = push(
        m_doctor,
        {upsert(EntityKind::Patient, id, 1, theirs, {QStringLiteral("phone"), QStringLiteral("address")})});
    QCOMPARE(status(results[0]), QStringLiteral("conflict"));
    QCOMPARE(results[0].value("conflictFields").toArray(), QJsonArray{QStringLiteral("phone")});
    QCOMPARE(results[0].value("conflictValues").toObject().value("phone").toString(),
             QStringLiteral("+998902222222"));
    const QJsonObject kept = recordData(results[0]);
    QCOMPARE(kept.value("phone").toString(), QStringLiteral("+998901111111"));  // the server kept its value
    QCOMPARE(kept.value("address").toString(), QStringLiteral("Yunusobod 12")); // the other field applied
    QCOMPARE(results[0].value("revision").toInteger(), 3);

    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(
        QStringLiteral("SELECT entity, entity_id, fields, server_values, client_values, base_revision, "
                       "server_revision FROM sync_conflict")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("patient"));
    QCOMPARE(query.value(1).toString(), idText(id));
    QCOMPARE(query.value(2).toString(), QStringLiteral("[\"phone\"]"));
    QVERIFY(query.value(3).toString().contains(QStringLiteral("+998901111111")));
    QVERIFY(query.value(4).toString().contains(QStringLiteral("+998902222222")));
    QCOMPARE(query.value(5).toInt(), 1);
    QCOMPARE(query.value(6).toInt(), 3);
    QCOMPARE(auditDetails(QStringLiteral("sync.conflict")).size(), 1);

    // The same value on both sides is no conflict.
    const QList<QJsonObject> same =
        push(m_doctor, {upsert(EntityKind::Patient, id, 1,
                               patchedPatient(base, QStringLiteral("phone"), QStringLiteral("+998901111111")),
                               {QStringLiteral("phone")})});
    QCOMPARE(status(same[0]), QStringLiteral("applied"));
    QCOMPARE(same[0].value("revision").toInteger(), 3);

    // Only what changed is merged: a stale value of a field the client did not change stays.
    const QList<QJsonObject> untouched =
        push(m_doctor, {upsert(EntityKind::Patient, id, 1,
                               patchedPatient(base, QStringLiteral("notes"), QStringLiteral("diabetic")),
                               {QStringLiteral("notes")})});
    QCOMPARE(status(untouched[0]), QStringLiteral("applied"));
    QCOMPARE(recordData(untouched[0]).value("phone").toString(), QStringLiteral("+998901111111"));
    QCOMPARE(recordData(untouched[0]).value("notes").toString(), QStringLiteral("diabetic"));
}

void TestSyncService::patientCreateReplayedFromAnotherPath()
{
    const QUuid id = UuidV7::generate();
    const QJsonObject data = patientData(QStringLiteral("Tursunov"), QStringLiteral("+998903333333"));
    push(m_reception, {upsert(EntityKind::Patient, id, 0, data)});

    // Same create under another op id (e.g. re-sent from a restored outbox): equal -> no-op.
    const QList<QJsonObject> equal = push(m_reception, {upsert(EntityKind::Patient, id, 0, data)});
    QCOMPARE(status(equal[0]), QStringLiteral("applied"));
    QCOMPARE(equal[0].value("revision").toInteger(), 1);
    QCOMPARE(count(QStringLiteral("SELECT last_sequence FROM sync_clinic")), 1);

    // A different create of the same id merges against revision 0: every differing field conflicts.
    const QList<QJsonObject> different =
        push(m_reception,
             {upsert(EntityKind::Patient, id, 0,
                     patchedPatient(data, QStringLiteral("phone"), QStringLiteral("+998904444444")))});
    QCOMPARE(status(different[0]), QStringLiteral("conflict"));
    QCOMPARE(different[0].value("conflictFields").toArray(), QJsonArray{QStringLiteral("phone")});
    QCOMPARE(recordData(different[0]).value("phone").toString(), QStringLiteral("+998903333333"));
}

void TestSyncService::visitLastWriteToTheServerWins()
{
    const QUuid patient = UuidV7::generate();
    const QUuid visit = UuidV7::generate();
    push(m_reception, {upsert(EntityKind::Patient, patient, 0, patientData(QStringLiteral("Valiyev"))),
                       upsert(EntityKind::Visit, visit, 0, visitData(patient, m_doctor.userId))});
    const QList<QJsonObject> called = push(
        m_doctor,
        {upsert(EntityKind::Visit, visit, 1, visitData(patient, m_doctor.userId, VisitStatus::InProgress))});
    QCOMPARE(status(called[0]), QStringLiteral("applied"));
    QCOMPARE(called[0].value("revision").toInteger(), 2);

    // A stale write still wins: whole record, next revision.
    const QList<QJsonObject> stale = push(
        m_reception,
        {upsert(EntityKind::Visit, visit, 1, visitData(patient, m_doctor.userId, VisitStatus::Cancelled))});
    QCOMPARE(status(stale[0]), QStringLiteral("applied"));
    QCOMPARE(stale[0].value("revision").toInteger(), 3);
    QCOMPARE(recordData(stale[0]).value("status").toString(), QStringLiteral("cancelled"));
}

void TestSyncService::reportDraftsAreNeverMerged()
{
    const QUuid patient = UuidV7::generate();
    const QUuid visit = UuidV7::generate();
    const QUuid report = UuidV7::generate();
    push(m_reception, {upsert(EntityKind::Patient, patient, 0, patientData(QStringLiteral("Nazarov"))),
                       upsert(EntityKind::Visit, visit, 0, visitData(patient, m_doctor.userId))});
    QCOMPARE(status(push(m_doctor,
                         {upsert(EntityKind::Report, report, 0,
                                 reportData(visit, patient, m_doctor.userId, QStringLiteral("cough")))})[0]),
             QStringLiteral("applied"));
    const QList<QJsonObject> edited =
        push(m_doctor, {upsert(EntityKind::Report, report, 1,
                               reportData(visit, patient, m_doctor.userId, QStringLiteral("cough, fever")))});
    QCOMPARE(status(edited[0]), QStringLiteral("applied"));
    QCOMPARE(edited[0].value("revision").toInteger(), 2);

    // The same doctor's second PC edited revision 1: kept as its own draft.
    const PushOperation stale =
        upsert(EntityKind::Report, report, 1,
               reportData(visit, patient, m_doctor.userId, QStringLiteral("headache")));
    const QList<QJsonObject> conflict = push(m_doctor, {stale});
    QCOMPARE(status(conflict[0]), QStringLiteral("conflict"));
    const QString keptAsId = conflict[0].value("keptAsId").toString();
    QCOMPARE(keptAsId, idText(SyncOpApplier::keptDraftId(stale.opId)));
    QCOMPARE(recordData(conflict[0]).value("sections").toObject().value("complaints").toString(),
             QStringLiteral("cough, fever"));

    const QList<QJsonObject> records = pulledRecords(m_doctor);
    QJsonObject copy;
    for (const QJsonObject &record : records) {
        if (record.value("id").toString() == keptAsId)
            copy = record.value("data").toObject();
    }
    QCOMPARE(copy.value("variantOf").toString(), idText(report));
    QCOMPARE(copy.value("status").toString(), QStringLiteral("draft"));
    QCOMPARE(copy.value("sections").toObject().value("complaints").toString(), QStringLiteral("headache"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sync_conflict WHERE kept_as_id = ?"), {keptAsId}), 1);
}

void TestSyncService::signedReportsAreImmutableAndAddendaNeedThem()
{
    const QUuid patient = UuidV7::generate();
    const QUuid visit = UuidV7::generate();
    const QUuid report = UuidV7::generate();
    const QUuid addendum = UuidV7::generate();
    push(m_reception, {upsert(EntityKind::Patient, patient, 0, patientData(QStringLiteral("Ergashev"))),
                       upsert(EntityKind::Visit, visit, 0, visitData(patient, m_doctor.userId))});
    push(m_doctor, {upsert(EntityKind::Report, report, 0,
                           reportData(visit, patient, m_doctor.userId, QStringLiteral("pain")))});

    // An addendum to a draft waits until the report is signed.
    const PushOperation early =
        upsert(EntityKind::Report, addendum, 0,
               reportData(visit, patient, m_doctor.userId, QStringLiteral("x-ray ok"), false, report));
    const QList<QJsonObject> waiting = push(m_doctor, {early});
    QCOMPARE(reason(waiting[0]), QStringLiteral("missing_dependency"));
    QCOMPARE(waiting[0].value("retryable").toBool(), true);

    const PushOperation sign =
        upsert(EntityKind::Report, report, 1,
               reportData(visit, patient, m_doctor.userId, QStringLiteral("pain"), true));
    QCOMPARE(status(push(m_doctor, {sign})[0]), QStringLiteral("applied"));
    QCOMPARE(auditDetails(QStringLiteral("report.sign")).size(), 1);

    const QList<QJsonObject> changed = push(
        m_doctor, {upsert(EntityKind::Report, report, 2,
                          reportData(visit, patient, m_doctor.userId, QStringLiteral("no pain"), true))});
    QCOMPARE(reason(changed[0]), QStringLiteral("signed_report_immutable"));
    QCOMPARE(recordData(changed[0]).value("sections").toObject().value("complaints").toString(),
             QStringLiteral("pain"));
    QCOMPARE(reason(push(m_doctor, {remove(EntityKind::Report, report, 2)})[0]),
             QStringLiteral("signed_report_immutable"));

    // The retry of the same addendum op now applies (retryable answers are not stored).
    const QList<QJsonObject> retried = push(m_doctor, {early});
    QCOMPARE(status(retried[0]), QStringLiteral("applied"));
}

void TestSyncService::onlyTheAuthorEditsADraft()
{
    const QUuid patient = UuidV7::generate();
    const QUuid visit = UuidV7::generate();
    const QUuid report = UuidV7::generate();
    push(m_reception, {upsert(EntityKind::Patient, patient, 0, patientData(QStringLiteral("Yusupov"))),
                       upsert(EntityKind::Visit, visit, 0, visitData(patient, m_doctor.userId))});
    push(m_doctor, {upsert(EntityKind::Report, report, 0,
                           reportData(visit, patient, m_doctor.userId, QStringLiteral("rash")))});

    const QList<QJsonObject> other =
        push(m_doctor2, {upsert(EntityKind::Report, report, 1,
                                reportData(visit, patient, m_doctor2.userId, QStringLiteral("eczema")))});
    QCOMPARE(reason(other[0]), QStringLiteral("not_author"));
    QCOMPARE(reason(push(m_doctor2, {remove(EntityKind::Report, report, 1)})[0]),
             QStringLiteral("not_author"));

    // A new report must name its pusher as author.
    const QList<QJsonObject> impostor =
        push(m_doctor2, {upsert(EntityKind::Report, UuidV7::generate(), 0,
                                reportData(visit, patient, m_doctor.userId, QStringLiteral("forged")))});
    QCOMPARE(reason(impostor[0]), QStringLiteral("not_author"));
    QCOMPARE(impostor[0].value("reason").toObject().value("field").toString(),
             QStringLiteral("data.authorId"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sync_record WHERE entity = 'report'")), 1);
}

void TestSyncService::paymentsAreAppendOnly()
{
    const QUuid patient = UuidV7::generate();
    const QUuid payment = UuidV7::generate();
    push(m_reception, {upsert(EntityKind::Patient, patient, 0, patientData(QStringLiteral("Hasanov")))});
    const QJsonObject data = paymentData(patient, m_reception.userId, 150000);
    QCOMPARE(status(push(m_reception, {upsert(EntityKind::Payment, payment, 0, data)})[0]),
             QStringLiteral("applied"));

    const QList<QJsonObject> identical = push(m_reception, {upsert(EntityKind::Payment, payment, 0, data)});
    QCOMPARE(status(identical[0]), QStringLiteral("applied"));
    QCOMPARE(identical[0].value("revision").toInteger(), 1);
    const QList<QJsonObject> changed =
        push(m_reception,
             {upsert(EntityKind::Payment, payment, 1, paymentData(patient, m_reception.userId, 90000))});
    QCOMPARE(reason(changed[0]), QStringLiteral("payment_immutable"));
    QCOMPARE(recordData(changed[0]).value("amount").toInteger(), 150000);
    QCOMPARE(reason(push(m_reception, {remove(EntityKind::Payment, payment, 1)})[0]),
             QStringLiteral("payment_immutable"));

    // Only the person who took the money sends the entry.
    const QList<QJsonObject> forged = push(m_reception, {upsert(EntityKind::Payment, UuidV7::generate(), 0,
                                                                paymentData(patient, m_admin.userId, 5000))});
    QCOMPARE(reason(forged[0]), QStringLiteral("taken_by_mismatch"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sync_record WHERE entity = 'payment'")), 1);
}

void TestSyncService::reversalRules()
{
    const QUuid patient = UuidV7::generate();
    const QUuid payment = UuidV7::generate();
    push(m_reception,
         {upsert(EntityKind::Patient, patient, 0, patientData(QStringLiteral("Ismoilov"))),
          upsert(EntityKind::Payment, payment, 0, paymentData(patient, m_reception.userId, 80000))});

    const QList<QJsonObject> unknown =
        push(m_reception, {upsert(EntityKind::Payment, UuidV7::generate(), 0,
                                  paymentData(patient, m_reception.userId, -80000, UuidV7::generate()))});
    QCOMPARE(reason(unknown[0]), QStringLiteral("missing_dependency"));
    const QList<QJsonObject> wrongAmount =
        push(m_reception, {upsert(EntityKind::Payment, UuidV7::generate(), 0,
                                  paymentData(patient, m_reception.userId, -70000, payment))});
    QCOMPARE(reason(wrongAmount[0]), QStringLiteral("invalid_reversal"));

    const QUuid reversal = UuidV7::generate();
    QCOMPARE(
        status(push(m_reception, {upsert(EntityKind::Payment, reversal, 0,
                                         paymentData(patient, m_reception.userId, -80000, payment))})[0]),
        QStringLiteral("applied"));
    const QList<QJsonObject> twice =
        push(m_reception, {upsert(EntityKind::Payment, UuidV7::generate(), 0,
                                  paymentData(patient, m_reception.userId, -80000, payment))});
    QCOMPARE(reason(twice[0]), QStringLiteral("already_reversed"));
    const QList<QJsonObject> ofReversal =
        push(m_reception, {upsert(EntityKind::Payment, UuidV7::generate(), 0,
                                  paymentData(patient, m_reception.userId, -80000, reversal))});
    QCOMPARE(reason(ofReversal[0]), QStringLiteral("invalid_reversal"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sync_record WHERE entity = 'payment'")), 2);
}

void TestSyncService::dependencyOrderIsEnforced()
{
    const QUuid patient = UuidV7::generate();
    const QUuid visit = UuidV7::generate();
    const PushOperation visitOp = upsert(EntityKind::Visit, visit, 0, visitData(patient, m_doctor.userId));
    const PushOperation patientOp =
        upsert(EntityKind::Patient, patient, 0, patientData(QStringLiteral("Olimov")));

    // The visit before its patient in one batch: rejected, retryable, nothing half-applied.
    QList<QJsonObject> results = push(m_reception, {visitOp, patientOp});
    QCOMPARE(reason(results[0]), QStringLiteral("missing_dependency"));
    QCOMPARE(results[0].value("retryable").toBool(), true);
    QCOMPARE(results[0].value("reason").toObject().value("field").toString(),
             QStringLiteral("data.patientId"));
    QCOMPARE(status(results[1]), QStringLiteral("applied"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sync_record WHERE entity = 'visit'")), 0);
    // Retried with the same op id once the patient is there: applied, not "duplicate".
    results = push(m_reception, {visitOp});
    QCOMPARE(status(results[0]), QStringLiteral("applied"));

    // Earlier in the same batch counts.
    const QUuid patient2 = UuidV7::generate();
    const QUuid visit2 = UuidV7::generate();
    const QUuid report2 = UuidV7::generate();
    results = push(
        m_doctor,
        {upsert(EntityKind::Patient, patient2, 0, patientData(QStringLiteral("Po'latov"))),
         upsert(EntityKind::Visit, visit2, 0, visitData(patient2, m_doctor.userId)),
         upsert(EntityKind::Report, report2, 0,
                reportData(visit2, patient2, m_doctor.userId, QStringLiteral("ok"))),
         upsert(EntityKind::Payment, UuidV7::generate(), 0, paymentData(patient2, m_doctor.userId, 1000))});
    for (const QJsonObject &result : results)
        QCOMPARE(status(result), QStringLiteral("applied"));

    // Children of a deleted parent are refused for good.
    QCOMPARE(status(push(m_reception, {remove(EntityKind::Patient, patient2, 1)})[0]),
             QStringLiteral("applied"));
    results = push(
        m_reception,
        {upsert(EntityKind::Visit, UuidV7::generate(), 0, visitData(patient2, m_doctor.userId)),
         upsert(EntityKind::Payment, UuidV7::generate(), 0, paymentData(patient2, m_reception.userId, 500))});
    QCOMPARE(reason(results[0]), QStringLiteral("parent_deleted"));
    QCOMPARE(results[0].value("retryable").toBool(), false);
    QCOMPARE(reason(results[1]), QStringLiteral("parent_deleted"));
    // A report of an unknown visit waits for it.
    results = push(m_doctor,
                   {upsert(EntityKind::Report, UuidV7::generate(), 0,
                           reportData(UuidV7::generate(), patient, m_doctor.userId, QStringLiteral("?")))});
    QCOMPARE(reason(results[0]), QStringLiteral("missing_dependency"));
}

void TestSyncService::roleRules()
{
    const QUuid patient = UuidV7::generate();
    const QUuid visit = UuidV7::generate();
    push(m_reception, {upsert(EntityKind::Patient, patient, 0, patientData(QStringLiteral("Jo'rayev"))),
                       upsert(EntityKind::Visit, visit, 0, visitData(patient, m_doctor.userId))});
    for (const Actor &who : {m_reception, m_admin}) {
        const QList<QJsonObject> refused =
            push(who, {upsert(EntityKind::Report, UuidV7::generate(), 0,
                              reportData(visit, patient, who.userId, QStringLiteral("x")))});
        QCOMPARE(reason(refused[0]), QStringLiteral("forbidden"));
        QVERIFY(!refused[0].contains("record"));
    }
    // Admins and receptionists record patients, visits and payments.
    QCOMPARE(status(push(m_admin, {upsert(EntityKind::Payment, UuidV7::generate(), 0,
                                          paymentData(patient, m_admin.userId, 2000))})[0]),
             QStringLiteral("applied"));
    const QUuid report = UuidV7::generate();
    QCOMPARE(status(push(m_doctor,
                         {upsert(EntityKind::Report, report, 0,
                                 reportData(visit, patient, m_doctor.userId, QStringLiteral("flu")))})[0]),
             QStringLiteral("applied"));
    QCOMPARE(reason(push(m_reception, {remove(EntityKind::Report, report, 1)})[0]),
             QStringLiteral("forbidden"));
    QCOMPARE(pull(m_doctor, 0).rows.size(), 4);
    QCOMPARE(pull(m_admin, 0).rows.size(), 4);

    // Receptionists never receive reports, and their cursor still moves past them.
    const FeedPage reception = pull(m_reception, 0);
    for (const FeedRow &row : reception.rows)
        QVERIFY(row.entity != EntityKind::Report);
    QCOMPARE(reception.rows.size(), 3);
    QCOMPARE(reception.rows.constLast().sequence, 3);
    QCOMPARE(reception.next, 4); // the report's position
    const FeedPage onlyReport = pull(m_reception, 3);
    QVERIFY(onlyReport.rows.isEmpty());
    QCOMPARE(onlyReport.next, 4);
}

void TestSyncService::failingOpRollsBackAloneInItsSavepoint()
{
    const QUuid good1 = UuidV7::generate();
    const QUuid bad = UuidV7::generate();
    const QUuid good2 = UuidV7::generate();
    // The database refuses this one record half-way (after its audit event was written).
    QSqlQuery trigger(m_database->connection());
    QVERIFY2(
        trigger.exec(QStringLiteral("CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON sync_op "
                                    "WHEN NEW.entity_id = '%1' BEGIN SELECT RAISE(ABORT, 'refused'); END")
                         .arg(idText(bad))),
        qPrintable(trigger.lastError().text()));
    const PushOperation badOp = upsert(EntityKind::Patient, bad, 0, patientData(QStringLiteral("Badalov")));
    const QList<QJsonObject> results = push(
        m_reception, {upsert(EntityKind::Patient, good1, 0, patientData(QStringLiteral("Aliyev"))), badOp,
                      upsert(EntityKind::Patient, good2, 0, patientData(QStringLiteral("Karimova")))});
    QCOMPARE(results.size(), 3);
    QCOMPARE(status(results[0]), QStringLiteral("applied"));
    QCOMPARE(status(results[1]), QStringLiteral("rejected"));
    QCOMPARE(reason(results[1]), QStringLiteral("internal_error"));
    QCOMPARE(results[1].value("retryable").toBool(), true);
    QCOMPARE(status(results[2]), QStringLiteral("applied"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sync_record WHERE id = ?"), {idText(bad)}), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE target_id = ?"), {idText(bad)}),
             0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sync_record")), 2);
    QVERIFY(AuditLog(*m_database).verify().intact);

    QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER refuse_one")));
    const QList<QJsonObject> retried = push(m_reception, {badOp});
    QCOMPARE(status(retried[0]), QStringLiteral("applied"));
}

void TestSyncService::tombstonesStayUntilCompactedThenHorizonForcesResync()
{
    const QUuid kept = UuidV7::generate();
    const QUuid gone = UuidV7::generate();
    push(m_reception, {upsert(EntityKind::Patient, kept, 0, patientData(QStringLiteral("Saidov"))),
                       upsert(EntityKind::Patient, gone, 0, patientData(QStringLiteral("Mirzayev")))});
    const QList<QJsonObject> deleted = push(m_reception, {remove(EntityKind::Patient, gone, 1)});
    QCOMPARE(status(deleted[0]), QStringLiteral("applied"));
    QCOMPARE(deleted[0].value("record").toObject().value("deleted").toBool(), true);
    QCOMPARE(recordData(deleted[0]), QJsonObject());

    QList<QJsonObject> records = pulledRecords(m_reception);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records[1].value("deleted").toBool(), true);
    QCOMPARE(records[1].value("data").toObject(), QJsonObject());
    // A deleted patient is not brought back by a late edit.
    QCOMPARE(reason(push(m_doctor, {upsert(EntityKind::Patient, gone, 1, patientData(QStringLiteral("Mirzo")),
                                           {QStringLiteral("lastName")})})[0]),
             QStringLiteral("record_deleted"));

    // Younger than the retention: kept.
    Actor operatorActor;
    operatorActor.login = QStringLiteral("operator");
    Outcome<CompactionReport> report = m_sync->compact(180, operatorActor);
    QVERIFY(report.ok());
    QCOMPARE(report.value().removed, 0);
    QCOMPARE(pull(m_reception, 0).horizon, 0);

    report = m_sync->compact(0, operatorActor);
    QVERIFY(report.ok());
    QCOMPARE(report.value().removed, 1);
    QCOMPARE(report.value().clinics.size(), 1);
    QCOMPARE(report.value().clinics[0].horizon, 4); // the tombstone was sequence 3
    QCOMPARE(auditDetails(QStringLiteral("sync.compact")).size(), 1);

    // Pulling from 0 again ends at or past the horizon, even though the newest record went.
    const FeedPage fresh = pull(m_reception, 0);
    QCOMPARE(fresh.horizon, 4);
    QCOMPARE(fresh.rows.size(), 1);
    QVERIFY(!fresh.resyncRequired);
    QCOMPARE(fresh.next, 4);
    QVERIFY(pull(m_reception, 2).resyncRequired); // a cursor from before the horizon
    QVERIFY(pull(m_reception, 3).resyncRequired);
    QVERIFY(!pull(m_reception, fresh.next).resyncRequired);
    const QList<QJsonObject> next =
        push(m_reception,
             {upsert(EntityKind::Patient, UuidV7::generate(), 0, patientData(QStringLiteral("Yangi")))});
    QCOMPARE(next[0].value("sequence").toInteger(), 5);
    QCOMPARE(pull(m_reception, fresh.next).rows.size(), 1);
}

void TestSyncService::auditEventsNameFieldsNeverValues()
{
    const QUuid id = UuidV7::generate();
    const QJsonObject base = patientData(QStringLiteral("Abdullayev"), QStringLiteral("+998905556677"));
    push(m_reception, {upsert(EntityKind::Patient, id, 0, base)});
    push(m_reception, {upsert(EntityKind::Patient, id, 1,
                              patchedPatient(base, QStringLiteral("allergies"), QStringLiteral("penicillin")),
                              {QStringLiteral("allergies")})});
    push(m_reception, {remove(EntityKind::Patient, id, 2)});

    QCOMPARE(auditDetails(QStringLiteral("patient.create")).size(), 1);
    QVERIFY(auditDetails(QStringLiteral("patient.create"))[0].value("fields").toArray().contains(
        QStringLiteral("phone")));
    QCOMPARE(auditDetails(QStringLiteral("patient.update")).size(), 1);
    QCOMPARE(auditDetails(QStringLiteral("patient.update"))[0].value("fields").toArray(),
             QJsonArray{QStringLiteral("allergies")});
    QCOMPARE(auditDetails(QStringLiteral("patient.delete")).size(), 1);
    QCOMPARE(
        count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE details LIKE '%penicillin%' OR details "
                             "LIKE '%556677%' OR details LIKE '%Abdullayev%'")),
        0);
    QCOMPARE(
        count(QStringLiteral(
                  "SELECT COUNT(*) FROM audit_events WHERE action LIKE 'patient.%' AND actor_user_id = ? "
                  "AND target_type = 'patient' AND target_id = ? AND client_address = '192.0.2.10'"),
              {m_reception.userId, idText(id)}),
        3);

    // A pull page with patients is a read of patient data.
    push(m_reception,
         {upsert(EntityKind::Patient, UuidV7::generate(), 0, patientData(QStringLiteral("Ahmedov")))});
    pull(m_doctor, 0);
    const QList<QJsonObject> reads = auditDetails(QStringLiteral("patient.read"));
    QCOMPARE(reads.size(), 1);
    QCOMPARE(reads[0].value("count").toInteger(), 2);
    QCOMPARE(reads[0].value("firstSequence").toInteger(), 3);
    QCOMPARE(reads[0].value("lastSequence").toInteger(), 4);
    // An empty page reads nothing.
    pull(m_doctor, 4);
    QCOMPARE(auditDetails(QStringLiteral("patient.read")).size(), 1);

    // Batched events hash exactly like single ones, plain text or not.
    Actor unusual = actor(m_clinic, Role::Receptionist, QStringLiteral("Ömer \"quoted\" \\ login"));
    unusual.clientAddress = QHostAddress(QStringLiteral("2001:db8::7"));
    push(unusual, {upsert(EntityKind::Patient, UuidV7::generate(), 0, patientData(QStringLiteral("Ünal"))),
                   upsert(EntityKind::Patient, UuidV7::generate(), 0, patientData(QStringLiteral("Plain")))});
    const AuditVerification verification = AuditLog(*m_database).verify();
    QVERIFY2(verification.intact, qPrintable(verification.problem));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'patient.create'")), 4);
}

void TestSyncService::anotherClinicsRecordsAreInvisible()
{
    const QString otherClinic = newClinic(QStringLiteral("Nur"));
    const Actor stranger = actor(otherClinic, Role::Doctor, QStringLiteral("stranger"));
    const QUuid patient = UuidV7::generate();
    const QJsonObject data = patientData(QStringLiteral("Xolmatov"));
    push(m_reception, {upsert(EntityKind::Patient, patient, 0, data)});

    QVERIFY(pull(stranger, 0).rows.isEmpty());
    QCOMPARE(pull(stranger, 0).serverSequence, 0);
    // Its ids mean nothing elsewhere: no dependency, no record to conflict with.
    QCOMPARE(reason(push(stranger, {upsert(EntityKind::Visit, UuidV7::generate(), 0,
                                           visitData(patient, stranger.userId))})[0]),
             QStringLiteral("missing_dependency"));
    const QList<QJsonObject> same =
        push(stranger, {upsert(EntityKind::Patient, patient, 0, patientData(QStringLiteral("Boshqa")))});
    QCOMPARE(status(same[0]), QStringLiteral("applied"));
    QCOMPARE(same[0].value("sequence").toInteger(), 1);
    QCOMPARE(pulledRecords(m_reception)[0].value("data").toObject(), data);
    QCOMPARE(pull(m_reception, 0).serverSequence, 1);
}

void TestSyncService::pullPagesAndCursorBeyondTheEnd()
{
    QList<PushOperation> ops;
    for (int i = 0; i < 5; ++i)
        ops.append(upsert(EntityKind::Patient, UuidV7::generate(), 0, patientData(QStringLiteral("Page"))));
    push(m_reception, ops);
    FeedPage page = pull(m_doctor, 0, 2);
    QCOMPARE(page.rows.size(), 2);
    QVERIFY(page.hasMore);
    QCOMPARE(page.next, 2);
    page = pull(m_doctor, page.next, 2);
    QCOMPARE(page.rows.constFirst().sequence, 3);
    QCOMPARE(page.next, 4);
    page = pull(m_doctor, page.next, 2);
    QCOMPARE(page.rows.size(), 1);
    QVERIFY(!page.hasMore);
    QCOMPARE(page.next, 5);
    QVERIFY(pull(m_doctor, 6).resyncRequired);
}

void TestSyncService::encodedAnswersDecodeWithTheClientsDecoder()
{
    const QUuid patient = UuidV7::generate();
    const QUuid visit = UuidV7::generate();
    PushRequest request;
    request.deviceId = QStringLiteral("pc-1");
    request.ops = {
        upsert(EntityKind::Patient, patient, 0, patientData(QStringLiteral("Decoder"))),
        upsert(EntityKind::Visit, visit, 0, visitData(patient, m_doctor.userId)),
        upsert(EntityKind::Payment, UuidV7::generate(), 0, paymentData(patient, m_admin.userId, 7))};
    const Outcome<PushBatch> batch = m_sync->push(m_reception, request);
    QVERIFY(batch.ok());
    PushResponse response;
    FieldErrors errors;
    QVERIFY2(SyncProtocol::decodePushResponse(QJsonDocument::fromJson(batch.value().toJson()).object(),
                                              &response, &errors),
             qPrintable(errors.value(0).field + QStringLiteral(": ") + errors.value(0).message));
    QCOMPARE(response.results.size(), 3);
    QCOMPARE(response.results[0].status, PushStatus::Applied);
    QCOMPARE(response.results[2].status, PushStatus::Rejected);
    const Outcome<PushBatch> replay = m_sync->push(m_reception, request);
    QVERIFY(SyncProtocol::decodePushResponse(QJsonDocument::fromJson(replay.value().toJson()).object(),
                                             &response, &errors));
    QCOMPARE(response.results[0].status, PushStatus::Duplicate);
    QCOMPARE(response.results[0].firstStatus, PushStatus::Applied);
    push(m_reception, {remove(EntityKind::Visit, visit, 1)});

    PullPage page;
    const QByteArray body = pull(m_doctor, 0).toJson();
    QVERIFY2(SyncProtocol::decodePullPage(QJsonDocument::fromJson(body).object(), &page, &errors),
             qPrintable(errors.value(0).field + QStringLiteral(": ") + errors.value(0).message));
    QCOMPARE(page.changes.size(), 2);
    QCOMPARE(page.changes[0].id, patient);
    QCOMPARE(page.changes[1].deleted, true);
    QCOMPARE(page.next, 3);
}

void TestSyncService::patientMergeUnit()
{
    const QJsonObject server = patientData(QStringLiteral("Server"), QStringLiteral("+998901111111"));
    QJsonObject revisions = PatientMerge::initialFieldRevisions(1);
    revisions.insert(QStringLiteral("phone"), 3);
    const QJsonObject client = patientData(QStringLiteral("Client"), QStringLiteral("+998902222222"));

    PatientMergeResult merged = PatientMerge::merge(server, revisions, 3, client, 2, {});
    QCOMPARE(merged.applied, QStringList{QStringLiteral("lastName")});
    QCOMPARE(merged.conflicts, QStringList{QStringLiteral("phone")});
    QCOMPARE(merged.merged.value("lastName").toString(), QStringLiteral("Client"));
    QCOMPARE(merged.merged.value("phone").toString(), QStringLiteral("+998901111111"));
    QCOMPARE(merged.fieldRevisions.value("lastName").toInteger(), 4);
    QCOMPARE(merged.serverValues.value("phone").toString(), QStringLiteral("+998901111111"));

    // Only listed fields are considered; a base at the server's revision applies them all.
    merged = PatientMerge::merge(server, revisions, 3, client, 3, {QStringLiteral("phone")});
    QCOMPARE(merged.applied, QStringList{QStringLiteral("phone")});
    QVERIFY(merged.conflicts.isEmpty());
    QCOMPARE(merged.merged.value("lastName").toString(), QStringLiteral("Server"));
    // A base ahead of the server counts as the server's revision.
    merged = PatientMerge::merge(server, revisions, 3, client, 9, {});
    QVERIFY(merged.conflicts.isEmpty());
    QCOMPARE(merged.applied.size(), 2);
}

void TestSyncService::acceptedPatientDataIsAlreadyCanonical()
{
    // The server stores accepted patient data as sent (SyncOpApplier::applyPatient): that is
    // only right while EntityJson accepts nothing it would write differently.
    QJsonObject full = patientData(QStringLiteral("O'g'ilxon-Qizi"), QStringLiteral("+998901234567"),
                                   QStringLiteral("Toshkent, \"Chilonzor\" 5\n12-uy"));
    full.insert(QStringLiteral("birthDate"), QStringLiteral("1987-02-28"));
    full.insert(QStringLiteral("birthDateEstimated"), true);
    full.insert(QStringLiteral("sex"), QStringLiteral("female"));
    full.insert(QStringLiteral("fatherName"), QStringLiteral("Ахмедовна"));
    full.insert(QStringLiteral("allergies"), QStringLiteral("penitsillin; 🐝"));
    full.insert(QStringLiteral("createdAt"), QStringLiteral("2026-01-02T03:04:05.678Z"));
    QJsonObject unknownSex = patientData(QStringLiteral("Noma'lum"));
    unknownSex.insert(QStringLiteral("sex"), QStringLiteral("unknown"));
    for (const QJsonObject &data : {patientData(QStringLiteral("Oddiy")), full, unknownSex}) {
        Patient decoded;
        FieldErrors errors;
        QVERIFY2(EntityJson::fromJson(data, &decoded, &errors), qPrintable(errors.value(0).field));
        QCOMPARE(EntityJson::toJson(decoded), data);
    }
}

void TestSyncService::feedTextIsEscaped()
{
    // The page is written by hand around stored JSON: text that needs escaping must get it.
    FeedPage page;
    FeedRow row;
    row.entity = EntityKind::Visit;
    row.id = "0190f5a4-7b1c-7d3e-8f00-0123456789ab";
    row.revision = 2;
    row.sequence = 9;
    row.updatedAt = "2026-11-28T06:00:00.000Z";
    row.updatedBy = "odd \"user\"\\\n\x01 ü";
    row.data = R"({"note":"a \"b\""})";
    page.rows = {row};
    page.next = 9;
    page.databaseId = QStringLiteral("00112233445566778899aabbccddeeff");
    QJsonParseError error;
    const QJsonObject body = QJsonDocument::fromJson(page.toJson(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject record = body.value("changes").toArray().at(0).toObject();
    QCOMPARE(record.value("updatedBy").toString(), QString::fromUtf8(row.updatedBy));
    QCOMPARE(record.value("data").toObject().value("note").toString(), QStringLiteral("a \"b\""));
    QCOMPARE(record.value("entity").toString(), QStringLiteral("visit"));
    QCOMPARE(record.value("sequence").toInteger(), 9);
    QCOMPARE(body.value("databaseId").toString(), page.databaseId);
}

void TestSyncService::bothStatementPathsGiveTheSameAnswers()
{
    // This build runs pushes through SQLite's C API; the QSqlQuery path must agree with it.
    SyncStore store(*m_database);
    QVERIFY(SyncBatchStore(store, m_database->connection()).isNative());
    QVERIFY(!SyncBatchStore(store, m_database->connection(), false).isNative());

    QList<QStringList> answers;
    for (const bool native : {true, false}) {
        m_sync->setNativeSqliteAllowed(native);
        const Actor who = actor(newClinic(QStringLiteral("Path")), Role::Doctor, QStringLiteral("path"));
        const QUuid patient = UuidV7::generate();
        const QUuid visit = UuidV7::generate();
        const QJsonObject base = patientData(QStringLiteral("Yo'ldosh"));
        const PushOperation create = upsert(EntityKind::Patient, patient, 0, base);
        QStringList seen;
        QList<QList<PushOperation>> batches = {
            {create, upsert(EntityKind::Visit, visit, 0, visitData(patient, who.userId))},
            {upsert(EntityKind::Patient, patient, 1,
                    patchedPatient(base, QStringLiteral("phone"), QStringLiteral("+998901234567")),
                    {QStringLiteral("phone")}),
             upsert(EntityKind::Patient, patient, 1,
                    patchedPatient(base, QStringLiteral("phone"), QStringLiteral("+998907654321")),
                    {QStringLiteral("phone")}),
             create, remove(EntityKind::Visit, visit, 1),
             upsert(EntityKind::Visit, visit, 2, visitData(patient, who.userId))}};
        for (const QList<PushOperation> &batch : batches) {
            for (const QJsonObject &result : push(who, batch))
                seen << status(result) + QLatin1Char('/') + reason(result) + QLatin1Char('/') +
                            QString::number(result.value("revision").toInteger()) + QLatin1Char('/') +
                            QString::number(result.value("record").toObject().value("sequence").toInteger());
        }
        const QList<QJsonObject> records = pulledRecords(who);
        QCOMPARE(records.size(), 2);
        seen << records[0].value("data").toObject().value("phone").toString();
        answers << seen;
    }
    m_sync->setNativeSqliteAllowed(true);
    QCOMPARE(answers[0], answers[1]);
    // Audit events written either way chain up.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'patient.update'")), 2);
    QVERIFY(AuditLog(*m_database).verify().intact);
    QCOMPARE(answers[0].value(3), QStringLiteral("conflict//2/3"));
    QCOMPARE(answers[0].value(4), QStringLiteral("duplicate//1/1"));
}

void TestSyncService::notifierWakesWaitersOfTheClinic()
{
    ChangeNotifier notifier(10);
    std::optional<QFuture<void>> mine = notifier.waitForChange(QStringLiteral("a"), 5, 10000);
    std::optional<QFuture<void>> other = notifier.waitForChange(QStringLiteral("b"), 5, 10000);
    QVERIFY(mine && other);
    QCOMPARE(notifier.waiting(), 2);
    notifier.notify(QStringLiteral("a"), 5); // not past what it has seen
    QVERIFY(!mine->isFinished());
    QElapsedTimer timer;
    timer.start();
    notifier.notify(QStringLiteral("a"), 6);
    mine->waitForFinished();
    QVERIFY(timer.elapsed() < 100);
    QVERIFY(!other->isFinished());
    QCOMPARE(notifier.waiting(), 1);
    // Already known to be past the caller's sequence: finished at once, nothing held.
    std::optional<QFuture<void>> late = notifier.waitForChange(QStringLiteral("a"), 5, 10000);
    QVERIFY(late && late->isFinished());
    QCOMPARE(notifier.waiting(), 1);
}

void TestSyncService::notifierTimesOutAndIsBounded()
{
    ChangeNotifier notifier(2);
    QElapsedTimer timer;
    timer.start();
    std::optional<QFuture<void>> shortWait = notifier.waitForChange(QStringLiteral("a"), 0, 150);
    std::optional<QFuture<void>> longWait = notifier.waitForChange(QStringLiteral("a"), 0, 10000);
    QVERIFY(shortWait && longWait);
    QVERIFY(!notifier.waitForChange(QStringLiteral("a"), 0, 100)); // over the bound
    shortWait->waitForFinished();
    QVERIFY(timer.elapsed() >= 140);
    QVERIFY(timer.elapsed() < 2000);
    QVERIFY(!longWait->isFinished());
    QCOMPARE(notifier.waiting(), 1);
    QVERIFY(notifier.waitForChange(QStringLiteral("a"), 0, 10000)); // room again
}

void TestSyncService::notifierShutdownFinishesEveryWaiter()
{
    auto notifier = std::make_unique<ChangeNotifier>(5);
    std::optional<QFuture<void>> waiting = notifier->waitForChange(QStringLiteral("a"), 0, 60000);
    QVERIFY(waiting);
    notifier->shutdown();
    QVERIFY(waiting->isFinished());
    QVERIFY(!notifier->waitForChange(QStringLiteral("a"), 0, 1000));
    notifier.reset();
}

void TestSyncService::pushWakesALongPoll()
{
    const qint64 seen = pull(m_doctor, 0).serverSequence;
    std::optional<QFuture<void>> woken = m_notifier->waitForChange(m_clinic, seen, 10000);
    QVERIFY(woken);
    // A push of another clinic does not wake it.
    const QString otherClinic = newClinic(QStringLiteral("Other"));
    push(actor(otherClinic, Role::Receptionist, QStringLiteral("x")),
         {upsert(EntityKind::Patient, UuidV7::generate(), 0, patientData(QStringLiteral("Other")))});
    QVERIFY(!woken->isFinished());
    push(m_reception,
         {upsert(EntityKind::Patient, UuidV7::generate(), 0, patientData(QStringLiteral("Wake")))});
    QVERIFY(woken->isFinished());
    // A push that changes nothing moves no feed and wakes nobody.
    std::optional<QFuture<void>> idle = m_notifier->waitForChange(m_clinic, seen + 1, 10000);
    push(m_reception, {upsert(EntityKind::Report, UuidV7::generate(), 0,
                              reportData(UuidV7::generate(), UuidV7::generate(), m_reception.userId,
                                         QStringLiteral("no")))});
    QVERIFY(idle && !idle->isFinished());
}

QTEST_GUILESS_MAIN(TestSyncService)
#include "tst_syncservice.moc"
