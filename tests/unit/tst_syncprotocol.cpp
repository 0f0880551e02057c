#include "domain/EntityJson.h"
#include "domain/SyncEntity.h"
#include "domain/SyncProtocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using medora::EntityJson;
using medora::EntityKind;
using medora::FieldError;
using medora::FieldErrors;
using medora::Patient;
using medora::Payment;
using medora::PullPage;
using medora::PushAction;
using medora::PushOperation;
using medora::PushRequest;
using medora::PushResponse;
using medora::PushResult;
using medora::PushStatus;
using medora::Report;
using medora::ReportStatus;
using medora::Sex;
using medora::SyncEntity;
using medora::SyncProtocol;
using medora::SyncRecord;
using medora::Visit;

class TestSyncProtocol : public QObject
{
    Q_OBJECT

private slots:
    void entityNames();
    void pushStatusNames();
    void pushRequestRoundTrip();
    void pushRequestIsCanonical();
    void pushRequestBoundaries();
    void pushRequestRefusals_data();
    void pushRequestRefusals();
    void pushRequestHostileBodies_data();
    void pushRequestHostileBodies();
    void pushRequestDataIsNotJudgedHere();
    void pushResponseRoundTrip();
    void pushResponseRefusals_data();
    void pushResponseRefusals();
    void pullPageRoundTrip();
    void pullPageRefusals_data();
    void pullPageRefusals();
    void decodeRecordPrefixesFields();
};

namespace {

QUuid uuid(int n)
{
    return QUuid::fromString(QStringLiteral("0190f5a4-7b1c-7d3e-8f00-%1").arg(n, 12, 10, QLatin1Char('0')));
}

const QString kUser = QStringLiteral("0190f5a4-0000-7000-8000-00000000000a");
const QString kDatabaseId = QStringLiteral("0123456789abcdef0123456789abcdef");

QDateTime utc(int hour, int minute, int ms = 0)
{
    return QDateTime(QDate(2026, 11, 28), QTime(hour, minute, 0, ms), Qt::UTC);
}

Patient patient()
{
    Patient p;
    p.number = QStringLiteral("KQX-00042");
    p.lastName = QStringLiteral("Toʻxtayeva");
    p.firstName = QStringLiteral("Малика");
    p.birthDate = QDate(1990, 5, 1);
    p.sex = Sex::Female;
    p.phone = QStringLiteral("+998901234567");
    p.createdAt = utc(6, 0);
    p.createdBy = QStringLiteral("reception");
    return p;
}

Visit visit()
{
    Visit v;
    v.patientId = uuid(1);
    v.doctorId = kUser;
    v.day = QDate(2026, 11, 28);
    v.ticket = 3;
    v.createdAt = utc(6, 1);
    v.createdBy = kUser;
    return v;
}

Report report()
{
    Report r;
    r.visitId = uuid(2);
    r.patientId = uuid(1);
    r.authorId = kUser;
    r.status = ReportStatus::Draft;
    r.sections.complaints = QStringLiteral("Yoʻtal, температура");
    r.sections.vitals = {{QStringLiteral("temperature"), QStringLiteral("38.1"), QStringLiteral("°C")}};
    r.sections.icd10 = QStringLiteral("J20.9");
    r.createdAt = utc(6, 30);
    return r;
}

Payment payment()
{
    Payment p;
    p.patientId = uuid(1);
    p.visitId = uuid(2);
    p.amount = 120000;
    p.takenBy = kUser;
    p.takenAt = utc(7, 0);
    return p;
}

SyncRecord record(EntityKind kind, int id, qint64 sequence, bool deleted = false)
{
    SyncRecord r;
    r.entity = kind;
    r.id = uuid(id);
    r.revision = 2;
    r.sequence = sequence;
    r.deleted = deleted;
    r.updatedAt = QStringLiteral("2026-11-28T06:00:00.000Z");
    r.updatedBy = kUser;
    if (!deleted) {
        switch (kind) {
        case EntityKind::Patient:
            r.data = EntityJson::toJson(patient());
            break;
        case EntityKind::Visit:
            r.data = EntityJson::toJson(visit());
            break;
        case EntityKind::Report:
            r.data = EntityJson::toJson(report());
            break;
        case EntityKind::Payment:
            r.data = EntityJson::toJson(payment());
            break;
        }
    }
    return r;
}

PushRequest fullRequest()
{
    PushRequest request;
    request.deviceId = QStringLiteral("pc-abc123");
    PushOperation create;
    create.opId = uuid(101);
    create.entity = EntityKind::Patient;
    create.id = uuid(1);
    create.data = EntityJson::toJson(patient());
    PushOperation edit;
    edit.opId = uuid(102);
    edit.entity = EntityKind::Patient;
    edit.id = uuid(5);
    edit.baseRevision = 4;
    edit.changedFields = {QStringLiteral("phone"), QStringLiteral("lastName")};
    edit.data = EntityJson::toJson(patient());
    PushOperation queue;
    queue.opId = uuid(103);
    queue.entity = EntityKind::Visit;
    queue.id = uuid(2);
    queue.data = EntityJson::toJson(visit());
    PushOperation draft;
    draft.opId = uuid(104);
    draft.entity = EntityKind::Report;
    draft.id = uuid(3);
    draft.baseRevision = 1;
    draft.data = EntityJson::toJson(report());
    PushOperation pay;
    pay.opId = uuid(105);
    pay.entity = EntityKind::Payment;
    pay.id = uuid(4);
    pay.data = EntityJson::toJson(payment());
    PushOperation remove;
    remove.opId = uuid(106);
    remove.entity = EntityKind::Visit;
    remove.id = uuid(6);
    remove.baseRevision = 9007199254740991LL; // 2^53 - 1, the largest exact JSON integer
    remove.action = PushAction::Delete;
    request.ops = {create, edit, queue, draft, pay, remove};
    return request;
}

QJsonObject requestObject()
{
    return SyncProtocol::pushRequestObject(fullRequest());
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject parse(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QString errorsText(const FieldErrors &errors)
{
    QStringList lines;
    for (const FieldError &error : errors)
        lines << QLatin1Char('"') + error.field + QLatin1String("\": ") + error.message;
    return lines.join(QLatin1String("; "));
}

bool hasField(const FieldErrors &errors, const QString &field)
{
    for (const FieldError &error : errors) {
        if (error.field == field && !error.message.isEmpty())
            return true;
    }
    return false;
}

// Replaces the value at a dotted path ("ops.3.opId"); an undefined value removes it.
QJsonValue edited(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    const QString head = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const int index = head.toInt();
        if (path.isEmpty()) {
            if (value.isUndefined())
                array.removeAt(index);
            else
                array[index] = value;
        } else {
            array[index] = edited(array.at(index), path, value);
        }
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty()) {
        if (value.isUndefined())
            object.remove(head);
        else
            object.insert(head, value);
    } else {
        object.insert(head, edited(object.value(head), path, value));
    }
    return object;
}

QJsonObject editedObject(const QJsonObject &object, const QString &path, const QJsonValue &value)
{
    return edited(object, path.split(QLatin1Char('.')), value).toObject();
}

PushRequest sentinelRequest()
{
    PushRequest request;
    request.deviceId = QStringLiteral("sentinel");
    return request;
}

void compareOps(const PushOperation &actual, const PushOperation &expected)
{
    QCOMPARE(actual.opId, expected.opId);
    QCOMPARE(actual.entity, expected.entity);
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.baseRevision, expected.baseRevision);
    QCOMPARE(actual.action, expected.action);
    QCOMPARE(actual.changedFields, expected.changedFields);
    QCOMPARE(actual.data, expected.data);
}

void compareRecords(const SyncRecord &actual, const SyncRecord &expected)
{
    QCOMPARE(actual.entity, expected.entity);
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.revision, expected.revision);
    QCOMPARE(actual.sequence, expected.sequence);
    QCOMPARE(actual.deleted, expected.deleted);
    QCOMPARE(actual.updatedAt, expected.updatedAt);
    QCOMPARE(actual.updatedBy, expected.updatedBy);
    QCOMPARE(actual.data, expected.data);
}

void compareResults(const PushResult &actual, const PushResult &expected)
{
    QCOMPARE(actual.opId, expected.opId);
    QCOMPARE(actual.status, expected.status);
    QCOMPARE(actual.firstStatus, expected.firstStatus);
    QCOMPARE(actual.revision, expected.revision);
    QCOMPARE(actual.sequence, expected.sequence);
    QCOMPARE(actual.hasRecord, expected.hasRecord);
    if (expected.hasRecord)
        compareRecords(actual.record, expected.record);
    QCOMPARE(actual.conflictFields, expected.conflictFields);
    QCOMPARE(actual.conflictValues, expected.conflictValues);
    QCOMPARE(actual.keptAsId, expected.keptAsId);
    QCOMPARE(actual.reasonCode, expected.reasonCode);
    QCOMPARE(actual.reasonMessage, expected.reasonMessage);
    QCOMPARE(actual.reasonField, expected.reasonField);
    QCOMPARE(actual.retryable, expected.retryable);
}

PushResponse fullResponse()
{
    PushResult applied;
    applied.opId = uuid(101);
    applied.status = PushStatus::Applied;
    applied.firstStatus = PushStatus::Applied;
    applied.revision = 1;
    applied.sequence = 1234;
    applied.hasRecord = true;
    applied.record = record(EntityKind::Patient, 1, 1234);

    PushResult duplicate = applied;
    duplicate.opId = uuid(102);
    duplicate.status = PushStatus::Duplicate;

    PushResult patientConflict;
    patientConflict.opId = uuid(103);
    patientConflict.status = PushStatus::Conflict;
    patientConflict.firstStatus = PushStatus::Conflict;
    patientConflict.revision = 7;
    patientConflict.sequence = 1301;
    patientConflict.hasRecord = true;
    patientConflict.record = record(EntityKind::Patient, 5, 1301);
    patientConflict.conflictFields = {QStringLiteral("phone"), QStringLiteral("lastName")};
    patientConflict.conflictValues = {{"phone", "+998907654321"}, {"lastName", "Qodirova"}};

    PushResult draftConflict;
    draftConflict.opId = uuid(104);
    draftConflict.status = PushStatus::Conflict;
    draftConflict.firstStatus = PushStatus::Conflict;
    draftConflict.hasRecord = true;
    draftConflict.record = record(EntityKind::Report, 3, 1302);
    draftConflict.keptAsId = uuid(333);

    PushResult rejected;
    rejected.opId = uuid(105);
    rejected.status = PushStatus::Rejected;
    rejected.firstStatus = PushStatus::Rejected;
    rejected.reasonCode = QStringLiteral("signed_report_immutable");
    rejected.reasonMessage = QStringLiteral("A signed report cannot change.");
    rejected.reasonField = QStringLiteral("data.sections");
    rejected.hasRecord = true;
    rejected.record = record(EntityKind::Report, 7, 1100);

    PushResult retry;
    retry.opId = uuid(106);
    retry.status = PushStatus::Rejected;
    retry.firstStatus = PushStatus::Rejected;
    retry.reasonCode = QStringLiteral("missing_dependency");
    retry.reasonMessage = QStringLiteral("The visit is not on the server yet.");
    retry.retryable = true;

    PushResult duplicateRejection = retry;
    duplicateRejection.opId = uuid(107);
    duplicateRejection.status = PushStatus::Duplicate;
    duplicateRejection.retryable = false;
    duplicateRejection.reasonCode = QStringLiteral("payment_immutable");

    PushResult deleted;
    deleted.opId = uuid(108);
    deleted.status = PushStatus::Applied;
    deleted.firstStatus = PushStatus::Applied;
    deleted.revision = 3;
    deleted.sequence = 1303;
    deleted.hasRecord = true;
    deleted.record = record(EntityKind::Visit, 6, 1303, true);
    deleted.record.revision = 3;

    PushResponse response;
    response.results = {applied,  duplicate, patientConflict,    draftConflict,
                        rejected, retry,     duplicateRejection, deleted};
    response.serverSequence = 1303;
    return response;
}

PullPage fullPage()
{
    PullPage page;
    page.changes = {record(EntityKind::Patient, 1, 1200), record(EntityKind::Visit, 2, 1201),
                    record(EntityKind::Report, 3, 1205), record(EntityKind::Payment, 4, 1206),
                    record(EntityKind::Patient, 9, 1210, true)};
    page.next = 1212; // a receptionist's page skipped a report at 1212
    page.hasMore = true;
    page.serverSequence = 1301;
    page.horizon = 17;
    page.databaseId = kDatabaseId;
    return page;
}

} // namespace

void TestSyncProtocol::entityNames()
{
    const QStringList names = {"patient", "visit", "report", "payment"};
    for (int i = 0; i < names.size(); ++i) {
        QCOMPARE(SyncEntity::name(EntityKind(i)), names[i]);
        EntityKind kind = EntityKind::Payment;
        QVERIFY(SyncEntity::fromName(names[i], &kind));
        QCOMPARE(kind, EntityKind(i));
        QCOMPARE(SyncEntity::dependencyRank(EntityKind(i)), i);
    }
    EntityKind kind = EntityKind::Visit;
    QVERIFY(!SyncEntity::fromName(QStringLiteral("Patient"), &kind));
    QVERIFY(!SyncEntity::fromName(QStringLiteral("doctor"), &kind));
    QCOMPARE(kind, EntityKind::Visit);
    QCOMPARE(SyncEntity::name(EntityKind(9)), QString());
    QVERIFY(SyncEntity::dependencyRank(EntityKind::Patient) < SyncEntity::dependencyRank(EntityKind::Visit));
    QVERIFY(SyncEntity::dependencyRank(EntityKind::Visit) < SyncEntity::dependencyRank(EntityKind::Report));
    QVERIFY(SyncEntity::dependencyRank(EntityKind::Report) < SyncEntity::dependencyRank(EntityKind::Payment));
}

void TestSyncProtocol::pushStatusNames()
{
    const QStringList names = {"applied", "duplicate", "conflict", "rejected"};
    for (int i = 0; i < names.size(); ++i) {
        QCOMPARE(SyncProtocol::pushStatusName(PushStatus(i)), names[i]);
        PushStatus status = PushStatus::Rejected;
        QVERIFY(SyncProtocol::pushStatusFromName(names[i], &status));
        QCOMPARE(status, PushStatus(i));
    }
    PushStatus status = PushStatus::Conflict;
    QVERIFY(!SyncProtocol::pushStatusFromName(QStringLiteral("ok"), &status));
    QCOMPARE(status, PushStatus::Conflict);
}

void TestSyncProtocol::pushRequestRoundTrip()
{
    const PushRequest original = fullRequest();
    const QByteArray body = SyncProtocol::encodePushRequest(original);
    PushRequest decoded;
    FieldErrors errors;
    QVERIFY2(SyncProtocol::decodePushRequest(body, &decoded, &errors), qPrintable(errorsText(errors)));
    QVERIFY(errors.isEmpty());
    QCOMPARE(decoded.deviceId, original.deviceId);
    QCOMPARE(decoded.ops.size(), original.ops.size());
    for (int i = 0; i < original.ops.size(); ++i)
        compareOps(decoded.ops[i], original.ops[i]);
    // The wire shape of the contract: no data on a delete, changedFields only where given.
    const QJsonArray ops = parse(body).value(QLatin1String("ops")).toArray();
    QVERIFY(!ops[5].toObject().contains(QLatin1String("data")));
    QCOMPARE(ops[5].toObject().value(QLatin1String("action")).toString(), QStringLiteral("delete"));
    QVERIFY(!ops[0].toObject().contains(QLatin1String("changedFields")));
    QCOMPARE(ops[1].toObject().value(QLatin1String("changedFields")).toArray().size(), 2);
    QCOMPARE(ops[2].toObject().value(QLatin1String("entity")).toString(), QStringLiteral("visit"));
}

void TestSyncProtocol::pushRequestIsCanonical()
{
    const PushRequest original = fullRequest();
    const QByteArray body = SyncProtocol::encodePushRequest(original);
    QCOMPARE(SyncProtocol::encodePushRequest(original), body);
    QCOMPARE(compact(SyncProtocol::pushRequestObject(original)), body);
    PushRequest decoded;
    QVERIFY(SyncProtocol::decodePushRequest(body, &decoded, nullptr));
    QCOMPARE(SyncProtocol::encodePushRequest(decoded), body);
    // Ids are written in their lower-case canonical spelling.
    QVERIFY(body.contains(uuid(101).toString(QUuid::WithoutBraces).toLatin1()));
    QVERIFY(!body.contains('{' + uuid(101).toString(QUuid::WithoutBraces).toLatin1()));
}

void TestSyncProtocol::pushRequestBoundaries()
{
    PushRequest request;
    request.deviceId = QString(EntityJson::kMaxShortText, QLatin1Char('d'));
    for (int i = 0; i < SyncProtocol::kMaxOpsPerPush; ++i) {
        PushOperation op;
        op.opId = uuid(1000 + i);
        op.entity = EntityKind::Visit;
        op.id = uuid(i);
        op.data = EntityJson::toJson(visit());
        request.ops.append(op);
    }
    PushRequest decoded;
    FieldErrors errors;
    QVERIFY2(SyncProtocol::decodePushRequest(SyncProtocol::encodePushRequest(request), &decoded, &errors),
             qPrintable(errorsText(errors)));
    QCOMPARE(decoded.ops.size(), SyncProtocol::kMaxOpsPerPush);

    // An empty push is harmless and answered with no results.
    request.ops.clear();
    QVERIFY(SyncProtocol::decodePushRequest(SyncProtocol::encodePushRequest(request), &decoded, &errors));
    QVERIFY(decoded.ops.isEmpty());

    // Nested exactly 16 deep is accepted (the op's data is judged later, when applied).
    QJsonValue nested = QJsonObject{{"x", 1}};
    for (int depth = 0; depth < 11; ++depth)
        nested = QJsonObject{{"n", nested}};
    const QJsonObject deep = editedObject(SyncProtocol::pushRequestObject(fullRequest()),
                                          QStringLiteral("ops.0.data.notes"), nested);
    QVERIFY2(SyncProtocol::decodePushRequest(compact(deep), &decoded, &errors),
             qPrintable(errorsText(errors)));
}

void TestSyncProtocol::pushRequestRefusals_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value"); // undefined: the key is removed
    QTest::addColumn<QString>("field");
    const QJsonValue removed(QJsonValue::Undefined);
    const QJsonValue null(QJsonValue::Null);
    const QString opId = uuid(101).toString(QUuid::WithoutBraces);

    QTest::newRow("unknown top key") << "clinicId" << QJsonValue("c1") << "clinicId";
    QTest::newRow("deviceId missing") << "deviceId" << removed << "deviceId";
    QTest::newRow("deviceId empty") << "deviceId" << QJsonValue("") << "deviceId";
    QTest::newRow("deviceId number") << "deviceId" << QJsonValue(7) << "deviceId";
    QTest::newRow("deviceId control character") << "deviceId" << QJsonValue("pc\n1") << "deviceId";
    QTest::newRow("deviceId too long")
        << "deviceId" << QJsonValue(QString(201, QLatin1Char('d'))) << "deviceId";
    QTest::newRow("ops missing") << "ops" << removed << "ops";
    QTest::newRow("ops object") << "ops" << QJsonValue(QJsonObject()) << "ops";
    QTest::newRow("ops null") << "ops" << null << "ops";
    QTest::newRow("op null") << "ops.0" << null << "ops[0]";
    QTest::newRow("op number") << "ops.2" << QJsonValue(3) << "ops[2]";
    QTest::newRow("op unknown key") << "ops.1.priority" << QJsonValue(1) << "ops[1].priority";
    QTest::newRow("opId missing") << "ops.3.opId" << removed << "ops[3].opId";
    QTest::newRow("opId bad") << "ops.3.opId" << QJsonValue("op-1") << "ops[3].opId";
    QTest::newRow("opId nil") << "ops.3.opId" << QJsonValue("00000000-0000-0000-0000-000000000000")
                              << "ops[3].opId";
    QTest::newRow("opId braces") << "ops.3.opId" << QJsonValue(uuid(104).toString()) << "ops[3].opId";
    QTest::newRow("opId repeated") << "ops.4.opId" << QJsonValue(opId) << "ops[4].opId";
    QTest::newRow("id bad") << "ops.0.id" << QJsonValue(42) << "ops[0].id";
    QTest::newRow("entity unknown") << "ops.0.entity" << QJsonValue("doctor") << "ops[0].entity";
    QTest::newRow("entity capital") << "ops.0.entity" << QJsonValue("Patient") << "ops[0].entity";
    QTest::newRow("action unknown") << "ops.0.action" << QJsonValue("merge") << "ops[0].action";
    QTest::newRow("action missing") << "ops.0.action" << removed << "ops[0].action";
    QTest::newRow("baseRevision negative") << "ops.1.baseRevision" << QJsonValue(-1) << "ops[1].baseRevision";
    QTest::newRow("baseRevision fraction")
        << "ops.1.baseRevision" << QJsonValue(1.5) << "ops[1].baseRevision";
    QTest::newRow("baseRevision text") << "ops.1.baseRevision" << QJsonValue("4") << "ops[1].baseRevision";
    QTest::newRow("baseRevision null") << "ops.1.baseRevision" << null << "ops[1].baseRevision";
    QTest::newRow("baseRevision 2^53")
        << "ops.1.baseRevision" << QJsonValue(qint64(1) << 53) << "ops[1].baseRevision";
    QTest::newRow("data on delete") << "ops.5.data" << QJsonValue(QJsonObject()) << "ops[5].data";
    QTest::newRow("data missing on upsert") << "ops.2.data" << removed << "ops[2].data";
    QTest::newRow("data null") << "ops.2.data" << null << "ops[2].data";
    QTest::newRow("data list") << "ops.2.data" << QJsonValue(QJsonArray()) << "ops[2].data";
    QTest::newRow("changedFields on a visit")
        << "ops.2.changedFields" << QJsonValue(QJsonArray{"note"}) << "ops[2].changedFields";
    QTest::newRow("changedFields on a delete")
        << "ops.5.changedFields" << QJsonValue(QJsonArray()) << "ops[5].changedFields";
    QTest::newRow("changedFields not a list")
        << "ops.1.changedFields" << QJsonValue("phone") << "ops[1].changedFields";
    QTest::newRow("changedFields number field")
        << "ops.1.changedFields" << QJsonValue(QJsonArray{"phone", "number"}) << "ops[1].changedFields[1]";
    QTest::newRow("changedFields createdAt")
        << "ops.1.changedFields" << QJsonValue(QJsonArray{"createdAt"}) << "ops[1].changedFields[0]";
    QTest::newRow("changedFields repeated")
        << "ops.1.changedFields" << QJsonValue(QJsonArray{"phone", "notes", "phone"})
        << "ops[1].changedFields[2]";
    QTest::newRow("changedFields not text")
        << "ops.1.changedFields" << QJsonValue(QJsonArray{1}) << "ops[1].changedFields[0]";
}

void TestSyncProtocol::pushRequestRefusals()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    const QJsonObject body = editedObject(requestObject(), path, value);
    PushRequest request = sentinelRequest();
    FieldErrors errors;
    QVERIFY(!SyncProtocol::decodePushRequest(compact(body), &request, &errors));
    QVERIFY2(hasField(errors, field), qPrintable(errorsText(errors)));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(request.deviceId, QStringLiteral("sentinel"));
    QVERIFY(request.ops.isEmpty());
}

void TestSyncProtocol::pushRequestHostileBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");

    const QByteArray valid = SyncProtocol::encodePushRequest(fullRequest());
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("not JSON") << QByteArray("deviceId=pc1") << QString();
    QTest::newRow("truncated") << valid.left(valid.size() / 2) << QString();
    QTest::newRow("array") << QByteArray("[]") << QString();
    QTest::newRow("null") << QByteArray("null") << QString();
    QTest::newRow("string") << QByteArray("\"ops\"") << QString();
    QTest::newRow("unbalanced close") << QByteArray("{}}") << QString();
    QTest::newRow("NaN") << QByteArray(valid).replace("\"baseRevision\":4", "\"baseRevision\":NaN")
                         << QString();
    QTest::newRow("Infinity") << QByteArray(valid).replace("\"baseRevision\":4", "\"baseRevision\":Infinity")
                              << QString();
    QTest::newRow("huge exponent") << QByteArray(valid).replace("\"baseRevision\":4",
                                                                "\"baseRevision\":1e999")
                                   << QString(); // Qt's parser refuses it
    QTest::newRow("2^53 + 1") << QByteArray(valid).replace("\"baseRevision\":4",
                                                           "\"baseRevision\":9007199254740993")
                              << QStringLiteral("ops[1].baseRevision");
    QTest::newRow("2^64") << QByteArray(valid).replace("\"baseRevision\":4",
                                                       "\"baseRevision\":18446744073709551616")
                          << QStringLiteral("ops[1].baseRevision");

    // Nested 17 deep inside an op's data: refused before parsing.
    QByteArray deep =
        QByteArray(valid).replace("\"notes\":\"\"", "\"notes\":" + QByteArray(13, '[') + QByteArray(13, ']'));
    QTest::newRow("17 deep") << deep << QString();
    QTest::newRow("10000 deep") << QByteArray(10000, '[') << QString();
    // Brackets inside strings do not count.
    QTest::newRow("brackets in strings are text")
        << QByteArray(valid).replace("\"deviceId\":\"pc-abc123\"",
                                     "\"deviceId\":\"[[[[[[[[[[[[[[[[[[\\\"{{{{{{{{{{{{{{{{{\"")
        << QStringLiteral("<accepted>");

    // Bigger than 1 MiB, even when mostly white space.
    QByteArray big = valid;
    big.append(QByteArray(SyncProtocol::kMaxPushBytes - valid.size() + 1, ' '));
    QTest::newRow("1 MiB + 1") << big << QString();
    QByteArray fits = valid;
    fits.append(QByteArray(SyncProtocol::kMaxPushBytes - valid.size(), ' '));
    QTest::newRow("exactly 1 MiB") << fits << QStringLiteral("<accepted>");

    // A huge array of ops is refused by its count, not walked.
    QByteArray many = "{\"deviceId\":\"pc\",\"ops\":[";
    for (int i = 0; i < 200000; ++i)
        many += i ? ",0" : "0";
    many += "]}";
    QTest::newRow("200000 ops") << many << QStringLiteral("ops");
    QByteArray hundredOne = "{\"deviceId\":\"pc\",\"ops\":[";
    for (int i = 0; i <= SyncProtocol::kMaxOpsPerPush; ++i)
        hundredOne += i ? ",{}" : "{}";
    hundredOne += "]}";
    QTest::newRow("101 ops") << hundredOne << QStringLiteral("ops");
}

void TestSyncProtocol::pushRequestHostileBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    PushRequest request = sentinelRequest();
    FieldErrors errors;
    const bool ok = SyncProtocol::decodePushRequest(body, &request, &errors);
    if (field == QLatin1String("<accepted>")) {
        QVERIFY2(ok, qPrintable(errorsText(errors)));
        QVERIFY(errors.isEmpty());
        return;
    }
    QVERIFY(!ok);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(hasField(errors, field), qPrintable(errorsText(errors)));
    QCOMPARE(request.deviceId, QStringLiteral("sentinel"));
}

void TestSyncProtocol::pushRequestDataIsNotJudgedHere()
{
    // The request's structure is sound; a bad "data" fails only its own op when applied.
    const QJsonObject body =
        editedObject(requestObject(), QStringLiteral("ops.2.data.ticket"), QJsonValue(QStringLiteral("x")));
    PushRequest request;
    FieldErrors errors;
    QVERIFY(SyncProtocol::decodePushRequest(compact(body), &request, &errors));
    Visit decoded;
    QVERIFY(!EntityJson::fromJson(request.ops[2].data, &decoded, &errors));
    QVERIFY(hasField(errors, QStringLiteral("data.ticket")));
}

void TestSyncProtocol::pushResponseRoundTrip()
{
    const PushResponse original = fullResponse();
    const QByteArray body = SyncProtocol::encodePushResponse(original);
    QCOMPARE(SyncProtocol::encodePushResponse(original), body);
    PushResponse decoded;
    FieldErrors errors;
    QVERIFY2(SyncProtocol::decodePushResponse(parse(body), &decoded, &errors),
             qPrintable(errorsText(errors)));
    QCOMPARE(decoded.serverSequence, original.serverSequence);
    QCOMPARE(decoded.results.size(), original.results.size());
    for (int i = 0; i < original.results.size(); ++i)
        compareResults(decoded.results[i], original.results[i]);
    QCOMPARE(SyncProtocol::encodePushResponse(decoded), body);

    // The contract's shapes.
    const QJsonArray results = parse(body).value(QLatin1String("results")).toArray();
    QCOMPARE(results[1].toObject().value(QLatin1String("firstStatus")).toString(), QStringLiteral("applied"));
    QVERIFY(!results[0].toObject().contains(QLatin1String("firstStatus")));
    QVERIFY(!results[0].toObject().contains(QLatin1String("reason")));
    QCOMPARE(results[4]
                 .toObject()
                 .value(QLatin1String("reason"))
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
             QStringLiteral("signed_report_immutable"));
    QCOMPARE(results[5].toObject().value(QLatin1String("retryable")).toBool(), true);
    QVERIFY(
        !results[5].toObject().value(QLatin1String("reason")).toObject().contains(QLatin1String("field")));
    QCOMPARE(results[3].toObject().value(QLatin1String("keptAsId")).toString(),
             uuid(333).toString(QUuid::WithoutBraces));
    QCOMPARE(SyncProtocol::encodeResult(original.results[2]), results[2].toObject());
}

void TestSyncProtocol::pushResponseRefusals_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");
    const QJsonValue removed(QJsonValue::Undefined);
    const QJsonValue null(QJsonValue::Null);

    QTest::newRow("unknown key") << "warnings" << QJsonValue(QJsonArray()) << "warnings";
    QTest::newRow("results missing") << "results" << removed << "results";
    QTest::newRow("results object") << "results" << QJsonValue(QJsonObject()) << "results";
    QTest::newRow("serverSequence negative") << "serverSequence" << QJsonValue(-1) << "serverSequence";
    QTest::newRow("serverSequence missing") << "serverSequence" << removed << "serverSequence";
    QTest::newRow("result null") << "results.2" << null << "results[2]";
    QTest::newRow("result unknown key") << "results.0.extra" << QJsonValue(1) << "results[0].extra";
    QTest::newRow("opId bad") << "results.0.opId" << QJsonValue("x") << "results[0].opId";
    QTest::newRow("status unknown") << "results.0.status" << QJsonValue("ok") << "results[0].status";
    QTest::newRow("applied without record") << "results.0.record" << removed << "results[0].record";
    QTest::newRow("record null") << "results.0.record" << null << "results[0].record";
    QTest::newRow("record data bad") << "results.0.record.data.phone" << QJsonValue("123")
                                     << "results[0].record.data.phone";
    QTest::newRow("record revision 0")
        << "results.0.record.revision" << QJsonValue(0) << "results[0].record.revision";
    QTest::newRow("revision negative") << "results.0.revision" << QJsonValue(-2) << "results[0].revision";
    QTest::newRow("sequence text") << "results.0.sequence" << QJsonValue("1") << "results[0].sequence";
    QTest::newRow("firstStatus on applied")
        << "results.0.firstStatus" << QJsonValue("applied") << "results[0].firstStatus";
    QTest::newRow("duplicate without firstStatus")
        << "results.1.firstStatus" << removed << "results[1].firstStatus";
    QTest::newRow("firstStatus duplicate")
        << "results.1.firstStatus" << QJsonValue("duplicate") << "results[1].firstStatus";
    QTest::newRow("conflictFields on applied")
        << "results.0.conflictFields" << QJsonValue(QJsonArray{"phone"}) << "results[0].conflictFields";
    QTest::newRow("conflictFields not merge field")
        << "results.2.conflictFields" << QJsonValue(QJsonArray{"phone", "createdBy"})
        << "results[2].conflictFields[1]";
    QTest::newRow("conflictValues of another field")
        << "results.2.conflictValues.notes" << QJsonValue("x") << "results[2].conflictValues.notes";
    QTest::newRow("conflictValues nested")
        << "results.2.conflictValues.phone" << QJsonValue(QJsonObject()) << "results[2].conflictValues.phone";
    QTest::newRow("conflict without record") << "results.3.record" << removed << "results[3].record";
    QTest::newRow("keptAsId bad") << "results.3.keptAsId" << QJsonValue("copy") << "results[3].keptAsId";
    QTest::newRow("keptAsId on rejected")
        << "results.4.keptAsId" << QJsonValue(uuid(3).toString(QUuid::WithoutBraces))
        << "results[4].keptAsId";
    QTest::newRow("rejected without reason") << "results.4.reason" << removed << "results[4].reason";
    QTest::newRow("reason text") << "results.4.reason" << QJsonValue("nope") << "results[4].reason";
    QTest::newRow("reason code spaces")
        << "results.4.reason.code" << QJsonValue("Signed Report") << "results[4].reason.code";
    QTest::newRow("reason code empty")
        << "results.4.reason.code" << QJsonValue("") << "results[4].reason.code";
    QTest::newRow("reason message missing")
        << "results.4.reason.message" << removed << "results[4].reason.message";
    QTest::newRow("reason unknown key")
        << "results.4.reason.hint" << QJsonValue("x") << "results[4].reason.hint";
    QTest::newRow("retryable missing") << "results.5.retryable" << removed << "results[5].retryable";
    QTest::newRow("retryable text") << "results.5.retryable" << QJsonValue("true") << "results[5].retryable";
    QTest::newRow("reason on applied")
        << "results.0.reason" << QJsonValue(QJsonObject{{"code", "x"}, {"message", "y"}})
        << "results[0].reason";
    QTest::newRow("retryable on applied")
        << "results.0.retryable" << QJsonValue(false) << "results[0].retryable";
    QTest::newRow("duplicate of rejection without reason")
        << "results.6.reason" << removed << "results[6].reason";
}

void TestSyncProtocol::pushResponseRefusals()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    const QJsonObject body =
        editedObject(parse(SyncProtocol::encodePushResponse(fullResponse())), path, value);
    PushResponse response;
    response.serverSequence = -77;
    FieldErrors errors;
    QVERIFY(!SyncProtocol::decodePushResponse(body, &response, &errors));
    QVERIFY2(hasField(errors, field), qPrintable(errorsText(errors)));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(response.serverSequence, qint64(-77));
    QVERIFY(response.results.isEmpty());

    // More results than a push may carry ops.
    QJsonArray results;
    const QJsonObject one = SyncProtocol::encodeResult(fullResponse().results.first());
    for (int i = 0; i <= SyncProtocol::kMaxOpsPerPush; ++i)
        results.append(one);
    QVERIFY(!SyncProtocol::decodePushResponse(QJsonObject{{"results", results}, {"serverSequence", 1}},
                                              &response, &errors));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, QStringLiteral("results"));
}

void TestSyncProtocol::pullPageRoundTrip()
{
    const PullPage original = fullPage();
    const QByteArray body = SyncProtocol::encodePullPage(original);
    QCOMPARE(SyncProtocol::encodePullPage(original), body);
    PullPage decoded;
    FieldErrors errors;
    QVERIFY2(SyncProtocol::decodePullPage(parse(body), &decoded, &errors), qPrintable(errorsText(errors)));
    QCOMPARE(decoded.next, original.next);
    QCOMPARE(decoded.hasMore, original.hasMore);
    QCOMPARE(decoded.serverSequence, original.serverSequence);
    QCOMPARE(decoded.horizon, original.horizon);
    QCOMPARE(decoded.databaseId, original.databaseId);
    QCOMPARE(decoded.changes.size(), original.changes.size());
    for (int i = 0; i < original.changes.size(); ++i)
        compareRecords(decoded.changes[i], original.changes[i]);
    QCOMPARE(SyncProtocol::encodePullPage(decoded), body);
    // A tombstone's data is the empty object.
    QCOMPARE(parse(body).value(QLatin1String("changes")).toArray()[4].toObject().value(QLatin1String("data")),
             QJsonValue(QJsonObject()));

    // An empty page at the end of the feed.
    PullPage empty;
    empty.next = 1301;
    empty.serverSequence = 1301;
    empty.databaseId = kDatabaseId;
    QVERIFY(SyncProtocol::decodePullPage(parse(SyncProtocol::encodePullPage(empty)), &decoded, &errors));
    QVERIFY(decoded.changes.isEmpty());
    QCOMPARE(decoded.next, qint64(1301));
    QVERIFY(!decoded.hasMore);
}

void TestSyncProtocol::pullPageRefusals_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");
    const QJsonValue removed(QJsonValue::Undefined);
    const QJsonValue null(QJsonValue::Null);

    QTest::newRow("unknown key") << "clinic" << QJsonValue("c") << "clinic";
    QTest::newRow("changes null") << "changes" << null << "changes";
    QTest::newRow("change null") << "changes.1" << null << "changes[1]";
    QTest::newRow("change list") << "changes.1" << QJsonValue(QJsonArray()) << "changes[1]";
    QTest::newRow("record unknown key") << "changes.0.clinicId" << QJsonValue(1) << "changes[0].clinicId";
    QTest::newRow("record entity unknown")
        << "changes.0.entity" << QJsonValue("doctor") << "changes[0].entity";
    QTest::newRow("record id missing") << "changes.0.id" << removed << "changes[0].id";
    QTest::newRow("record revision 0") << "changes.0.revision" << QJsonValue(0) << "changes[0].revision";
    QTest::newRow("record sequence fraction")
        << "changes.0.sequence" << QJsonValue(1199.5) << "changes[0].sequence";
    QTest::newRow("record sequence repeated")
        << "changes.1.sequence" << QJsonValue(1200) << "changes[1].sequence";
    QTest::newRow("record sequence descending")
        << "changes.2.sequence" << QJsonValue(1100) << "changes[2].sequence";
    QTest::newRow("record deleted text")
        << "changes.0.deleted" << QJsonValue("false") << "changes[0].deleted";
    QTest::newRow("record updatedAt local")
        << "changes.0.updatedAt" << QJsonValue("2026-11-28T11:00:00.000+05:00") << "changes[0].updatedAt";
    QTest::newRow("record updatedBy login")
        << "changes.0.updatedBy" << QJsonValue("admin") << "changes[0].updatedBy";
    QTest::newRow("record data null") << "changes.0.data" << null << "changes[0].data";
    QTest::newRow("record data missing") << "changes.0.data" << removed << "changes[0].data";
    QTest::newRow("tombstone with data") << "changes.4.data.lastName" << QJsonValue("X") << "changes[4].data";
    QTest::newRow("patient data bad") << "changes.0.data.sex" << QJsonValue("m") << "changes[0].data.sex";
    QTest::newRow("visit data bad") << "changes.1.data.ticket" << QJsonValue(0) << "changes[1].data.ticket";
    QTest::newRow("report data bad") << "changes.2.data.sections.vitals.0.unit" << QJsonValue("F")
                                     << "changes[2].data.sections.vitals[0].unit";
    QTest::newRow("payment data bad") << "changes.3.data.amount" << QJsonValue(0) << "changes[3].data.amount";
    QTest::newRow("data of another entity")
        << "changes.1.entity" << QJsonValue("payment") << "changes[1].data.amount";
    QTest::newRow("next before changes") << "next" << QJsonValue(1205) << "next";
    QTest::newRow("next missing") << "next" << removed << "next";
    QTest::newRow("hasMore text") << "hasMore" << QJsonValue("true") << "hasMore";
    QTest::newRow("serverSequence negative") << "serverSequence" << QJsonValue(-1) << "serverSequence";
    QTest::newRow("horizon fraction") << "horizon" << QJsonValue(0.5) << "horizon";
    QTest::newRow("databaseId short") << "databaseId" << QJsonValue("abc") << "databaseId";
    QTest::newRow("databaseId not hex")
        << "databaseId" << QJsonValue(QString(32, QLatin1Char('g'))) << "databaseId";
    QTest::newRow("databaseId missing") << "databaseId" << removed << "databaseId";
}

void TestSyncProtocol::pullPageRefusals()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    const QJsonObject body = editedObject(parse(SyncProtocol::encodePullPage(fullPage())), path, value);
    PullPage page;
    page.next = -5;
    page.databaseId = QStringLiteral("sentinel");
    FieldErrors errors;
    QVERIFY(!SyncProtocol::decodePullPage(body, &page, &errors));
    QVERIFY2(hasField(errors, field), qPrintable(errorsText(errors)));
    if (!path.endsWith(QLatin1String("entity"))) // else the data is judged as another kind
        QCOMPARE(errors.size(), 1);
    QCOMPARE(page.next, qint64(-5));
    QCOMPARE(page.databaseId, QStringLiteral("sentinel"));
    QVERIFY(page.changes.isEmpty());

    // A page longer than any pull limit.
    QJsonArray changes;
    for (int i = 0; i <= SyncProtocol::kMaxPullLimit; ++i)
        changes.append(QJsonValue(QJsonValue::Null));
    const QJsonObject huge =
        editedObject(parse(SyncProtocol::encodePullPage(fullPage())), QStringLiteral("changes"), changes);
    QVERIFY(!SyncProtocol::decodePullPage(huge, &page, &errors));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, QStringLiteral("changes"));
}

void TestSyncProtocol::decodeRecordPrefixesFields()
{
    SyncRecord original = record(EntityKind::Payment, 4, 88);
    SyncRecord decoded;
    FieldErrors errors;
    QVERIFY(SyncProtocol::decodeRecord(SyncProtocol::encodeRecord(original), &decoded, &errors));
    compareRecords(decoded, original);

    QJsonObject broken = SyncProtocol::encodeRecord(original);
    broken = editedObject(broken, QStringLiteral("data.method"), QJsonValue(QStringLiteral("barter")));
    SyncRecord untouched;
    QVERIFY(!SyncProtocol::decodeRecord(broken, &untouched, &errors, QStringLiteral("results[3].record")));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, QStringLiteral("results[3].record.data.method"));
    QVERIFY(untouched.id.isNull());
    QVERIFY(!SyncProtocol::decodeRecord(broken, &untouched, &errors));
    QCOMPARE(errors.first().field, QStringLiteral("data.method"));
    broken.insert(QLatin1String("revision"), -1);
    QVERIFY(!SyncProtocol::decodeRecord(broken, &untouched, &errors, QStringLiteral("record")));
    QVERIFY(hasField(errors, QStringLiteral("record.revision")));

    // A deleted record is written with empty data whatever the struct holds.
    original.deleted = true;
    QCOMPARE(SyncProtocol::encodeRecord(original).value(QLatin1String("data")), QJsonValue(QJsonObject()));
    QVERIFY(SyncProtocol::decodeRecord(SyncProtocol::encodeRecord(original), &decoded, &errors));
    QVERIFY(decoded.deleted);
    QVERIFY(decoded.data.isEmpty());
}

QTEST_GUILESS_MAIN(TestSyncProtocol)
#include "tst_syncprotocol.moc"
