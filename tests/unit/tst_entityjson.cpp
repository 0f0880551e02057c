#include "domain/EntityJson.h"
#include "domain/PatientValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <cmath>
#include <limits>

using medora::EntityJson;
using medora::FieldError;
using medora::FieldErrors;
using medora::Patient;
using medora::Payment;
using medora::PaymentMethod;
using medora::Report;
using medora::ReportStatus;
using medora::Sex;
using medora::SyncState;
using medora::Visit;
using medora::VisitPriority;
using medora::VisitStatus;
using medora::Vital;

class TestEntityJson : public QObject
{
    Q_OBJECT

private slots:
    void patientRoundTrip();
    void patientWithUnknownsRoundTrip();
    void visitRoundTrip_data();
    void visitRoundTrip();
    void reportRoundTrip();
    void paymentRoundTrip();
    void encodingIsCanonical();
    void keysAreTheContract();
    void decodeKeepsBookkeeping();
    void enumNames();
    void timeText_data();
    void timeText();
    void timeFromTextRefuses_data();
    void timeFromTextRefuses();
    void refusals_data();
    void refusals();
    void boundariesAccepted_data();
    void boundariesAccepted();
    void notNumbersAreRefused_data();
    void notNumbersAreRefused();
    void integersBeyondDoublePrecision();
    void emptyObjectNamesEveryField();
    void hostileKeysAreBounded();
    void validatorRulesApply();
};

namespace {

const QString kUuidA = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-0123456789ab");
const QString kUuidB = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-0123456789ac");
const QString kUuidC = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-0123456789ad");
const QString kUserA = QStringLiteral("0190f5a4-0000-7000-8000-00000000000a");
const QString kUserB = QStringLiteral("0190f5a4-0000-7000-8000-00000000000b");

QDateTime utc(int year, int month, int day, int hour, int minute, int second = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), Qt::UTC);
}

Patient fullPatient()
{
    Patient patient;
    patient.number = QStringLiteral("KQX-00042");
    patient.lastName = QStringLiteral("Qoʻchqorova");
    patient.firstName = QStringLiteral("Oʻlmasoy");
    patient.fatherName = QStringLiteral("Gʻayratovna");
    patient.birthDate = QDate(1985, 3, 15);
    patient.birthDateEstimated = false;
    patient.sex = Sex::Female;
    patient.phone = QStringLiteral("+998901234567");
    patient.address = QStringLiteral("Тошкент ш., Чилонзор 9-мавзе, 12-уй \"Ёшлик\"\n2-қават");
    patient.allergies = QStringLiteral("Пенициллин; yongʻoq");
    patient.medications = QStringLiteral("Метформин 500 мг × 2");
    patient.history = QStringLiteral("Qandli diabet 2-tur (2015), гипертония");
    patient.notes = QStringLiteral("Tab\tand emoji 🩺 and \\ backslash");
    patient.createdAt = utc(2026, 11, 28, 6, 0, 0, 123);
    patient.createdBy = QStringLiteral("reception.1");
    return patient;
}

Visit fullVisit()
{
    Visit visit;
    visit.patientId = QUuid::fromString(kUuidA);
    visit.doctorId = kUserA;
    visit.day = QDate(2026, 11, 28);
    visit.ticket = 17;
    visit.priority = VisitPriority::Urgent;
    visit.status = VisitStatus::InProgress;
    visit.queuePosition = 3;
    visit.note = QStringLiteral("Ikkinchi qavat, 214-xona — после анализа");
    visit.createdAt = utc(2026, 11, 28, 4, 1, 2, 3);
    visit.calledAt = utc(2026, 11, 28, 5, 0);
    visit.startedAt = utc(2026, 11, 28, 5, 2, 30, 999);
    visit.createdBy = kUserB;
    return visit;
}

Report fullReport()
{
    Report report;
    report.visitId = QUuid::fromString(kUuidB);
    report.patientId = QUuid::fromString(kUuidA);
    report.authorId = kUserA;
    report.status = ReportStatus::Signed;
    report.addendumTo = QUuid::fromString(kUuidC);
    report.sections.complaints = QStringLiteral("Bosh ogʻrigʻi, ko‘ngil aynishi; головная боль");
    report.sections.anamnesis = QStringLiteral("3 kundan beri.\nРанее не болел.");
    report.sections.vitals = {
        {QStringLiteral("temperature"), QStringLiteral("37.8"), QStringLiteral("°C")},
        {QStringLiteral("pulse"), QStringLiteral("92"), QStringLiteral("bpm")},
        {QStringLiteral("bp_systolic"), QStringLiteral("130"), QStringLiteral("mmHg")},
        {QStringLiteral("bp_diastolic"), QStringLiteral("85"), QStringLiteral("mmHg")},
        {QStringLiteral("resp_rate"), QStringLiteral("18"), QStringLiteral("/min")},
        {QStringLiteral("spo2"), QStringLiteral("97"), QStringLiteral("%")},
        {QStringLiteral("weight"), QStringLiteral("72.45"), QStringLiteral("kg")},
        {QStringLiteral("height"), QStringLiteral("168"), QStringLiteral("cm")},
        {QStringLiteral("glucose"), QStringLiteral("5.6"), QStringLiteral("mmol/L")},
    };
    report.sections.examination = QStringLiteral("Tomoq giperemiyasi.");
    report.sections.diagnosis = QStringLiteral("ОРВИ");
    report.sections.icd10 = QStringLiteral("J06.9");
    report.sections.treatmentPlan = QStringLiteral("Koʻp suyuqlik ichish");
    report.sections.recommendations = QStringLiteral("3 kundan keyin qayta koʻrik");
    report.sections.notes = QStringLiteral("—");
    report.createdAt = utc(2026, 11, 28, 5, 10);
    report.signedAt = utc(2026, 11, 28, 5, 40, 1, 500);
    return report;
}

Payment fullPayment()
{
    Payment payment;
    payment.patientId = QUuid::fromString(kUuidA);
    payment.visitId = QUuid::fromString(kUuidB);
    payment.amount = -150000;
    payment.method = PaymentMethod::Transfer;
    payment.takenBy = kUserB;
    payment.takenAt = utc(2026, 11, 28, 7, 30);
    payment.reverses = QUuid::fromString(kUuidC);
    payment.receiptRef = QStringLiteral("chek-2026-11-28-0017.jpg");
    payment.note = QStringLiteral("Qaytarildi: xato summa");
    return payment;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The JSON object as it arrives over the wire: encoded to bytes and parsed back.
QJsonObject overTheWire(const QJsonObject &object)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(compact(object), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("test data did not survive encoding");
    return document.object();
}

QString errorsText(const FieldErrors &errors)
{
    QStringList lines;
    for (const FieldError &error : errors)
        lines << error.field + QLatin1String(": ") + error.message;
    return lines.join(QLatin1String("; "));
}

bool hasField(const FieldErrors &errors, const QString &field)
{
    for (const FieldError &error : errors) {
        if (error.field == field)
            return true;
    }
    return false;
}

// Replaces the value at a dotted path ("sections.vitals.0.code"); an undefined value removes it.
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

QJsonObject validData(const QString &kind)
{
    if (kind == QLatin1String("patient"))
        return EntityJson::toJson(fullPatient());
    if (kind == QLatin1String("visit"))
        return EntityJson::toJson(fullVisit());
    if (kind == QLatin1String("report"))
        return EntityJson::toJson(fullReport());
    return EntityJson::toJson(fullPayment());
}

// Decodes into an object holding recognisable values; `untouched` says whether a refused
// decode left it exactly as it was.
bool decodeAs(const QString &kind, const QJsonObject &data, FieldErrors *errors, bool *untouched)
{
    if (kind == QLatin1String("patient")) {
        Patient target;
        target.localId = 7;
        target.lastName = QStringLiteral("Sentinel");
        const bool ok = EntityJson::fromJson(data, &target, errors);
        *untouched = target.localId == 7 && target.lastName == QLatin1String("Sentinel") &&
                     target.number.isEmpty() && !target.createdAt.isValid();
        return ok;
    }
    if (kind == QLatin1String("visit")) {
        Visit target;
        target.localId = 7;
        target.note = QStringLiteral("Sentinel");
        const bool ok = EntityJson::fromJson(data, &target, errors);
        *untouched = target.localId == 7 && target.note == QLatin1String("Sentinel") && target.ticket == 0 &&
                     target.patientId.isNull();
        return ok;
    }
    if (kind == QLatin1String("report")) {
        Report target;
        target.localId = 7;
        target.sections.notes = QStringLiteral("Sentinel");
        const bool ok = EntityJson::fromJson(data, &target, errors);
        *untouched = target.localId == 7 && target.sections.notes == QLatin1String("Sentinel") &&
                     target.sections.vitals.isEmpty() && target.authorId.isEmpty();
        return ok;
    }
    Payment target;
    target.localId = 7;
    target.note = QStringLiteral("Sentinel");
    const bool ok = EntityJson::fromJson(data, &target, errors);
    *untouched = target.localId == 7 && target.note == QLatin1String("Sentinel") && target.amount == 0 &&
                 target.takenBy.isEmpty();
    return ok;
}

void comparePatients(const Patient &actual, const Patient &expected)
{
    QCOMPARE(actual.number, expected.number);
    QCOMPARE(actual.lastName, expected.lastName);
    QCOMPARE(actual.firstName, expected.firstName);
    QCOMPARE(actual.fatherName, expected.fatherName);
    QCOMPARE(actual.birthDate, expected.birthDate);
    QCOMPARE(actual.birthDateEstimated, expected.birthDateEstimated);
    QCOMPARE(actual.sex, expected.sex);
    QCOMPARE(actual.phone, expected.phone);
    QCOMPARE(actual.address, expected.address);
    QCOMPARE(actual.allergies, expected.allergies);
    QCOMPARE(actual.medications, expected.medications);
    QCOMPARE(actual.history, expected.history);
    QCOMPARE(actual.notes, expected.notes);
    QCOMPARE(actual.createdAt, expected.createdAt);
    QCOMPARE(actual.createdAt.toMSecsSinceEpoch(), expected.createdAt.toMSecsSinceEpoch());
    QCOMPARE(actual.createdBy, expected.createdBy);
}

} // namespace

void TestEntityJson::patientRoundTrip()
{
    const Patient original = fullPatient();
    const QJsonObject data = overTheWire(EntityJson::toJson(original));
    Patient decoded;
    FieldErrors errors;
    QVERIFY2(EntityJson::fromJson(data, &decoded, &errors), qPrintable(errorsText(errors)));
    QVERIFY(errors.isEmpty());
    comparePatients(decoded, original);
    QCOMPARE(decoded.createdAt.timeSpec(), Qt::UTC);
}

void TestEntityJson::patientWithUnknownsRoundTrip()
{
    Patient original = fullPatient();
    original.lastName = QStringLiteral("Иванова-Ким");
    original.firstName = QStringLiteral("Анна");
    original.fatherName.clear();
    original.birthDate = QDate();
    original.birthDateEstimated = false;
    original.sex = Sex::Unknown;
    original.phone.clear();
    original.address.clear();
    original.number.clear();
    original.createdBy.clear();
    const QJsonObject data = overTheWire(EntityJson::toJson(original));
    QVERIFY(data.value(QLatin1String("birthDate")).isNull());
    QCOMPARE(data.value(QLatin1String("sex")).toString(), QStringLiteral("unknown"));
    Patient decoded;
    FieldErrors errors;
    QVERIFY2(EntityJson::fromJson(data, &decoded, &errors), qPrintable(errorsText(errors)));
    comparePatients(decoded, original);
    QVERIFY(!decoded.birthDate.isValid());
}

void TestEntityJson::visitRoundTrip_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("priority");
    QTest::addColumn<bool>("withTimes");
    QTest::newRow("waiting normal") << int(VisitStatus::Waiting) << int(VisitPriority::Normal) << false;
    QTest::newRow("called urgent") << int(VisitStatus::Called) << int(VisitPriority::Urgent) << true;
    QTest::newRow("in progress") << int(VisitStatus::InProgress) << int(VisitPriority::Normal) << true;
    QTest::newRow("done") << int(VisitStatus::Done) << int(VisitPriority::Normal) << true;
    QTest::newRow("cancelled") << int(VisitStatus::Cancelled) << int(VisitPriority::Urgent) << false;
    QTest::newRow("no show") << int(VisitStatus::NoShow) << int(VisitPriority::Normal) << true;
}

void TestEntityJson::visitRoundTrip()
{
    QFETCH(int, status);
    QFETCH(int, priority);
    QFETCH(bool, withTimes);
    Visit original = fullVisit();
    original.status = VisitStatus(status);
    original.priority = VisitPriority(priority);
    if (withTimes) {
        original.finishedAt = utc(2026, 11, 28, 5, 20, 0, 1);
    } else {
        original.calledAt = QDateTime();
        original.startedAt = QDateTime();
    }
    const QJsonObject data = overTheWire(EntityJson::toJson(original));
    Visit decoded;
    FieldErrors errors;
    QVERIFY2(EntityJson::fromJson(data, &decoded, &errors), qPrintable(errorsText(errors)));
    QCOMPARE(decoded.patientId, original.patientId);
    QCOMPARE(decoded.doctorId, original.doctorId);
    QCOMPARE(decoded.day, original.day);
    QCOMPARE(decoded.ticket, original.ticket);
    QCOMPARE(decoded.priority, original.priority);
    QCOMPARE(decoded.status, original.status);
    QCOMPARE(decoded.queuePosition, original.queuePosition);
    QCOMPARE(decoded.note, original.note);
    QCOMPARE(decoded.createdAt, original.createdAt);
    QCOMPARE(decoded.calledAt, original.calledAt);
    QCOMPARE(decoded.calledAt.isValid(), original.calledAt.isValid());
    QCOMPARE(decoded.startedAt, original.startedAt);
    QCOMPARE(decoded.startedAt.isValid(), original.startedAt.isValid());
    QCOMPARE(decoded.finishedAt, original.finishedAt);
    QCOMPARE(decoded.finishedAt.isValid(), original.finishedAt.isValid());
    QCOMPARE(decoded.createdBy, original.createdBy);
}

void TestEntityJson::reportRoundTrip()
{
    Report signedReport = fullReport();
    Report draft = fullReport();
    draft.status = ReportStatus::Draft;
    draft.signedAt = QDateTime();
    draft.addendumTo = QUuid();
    draft.variantOf = QUuid::fromString(kUuidC);
    draft.sections.vitals.clear();
    draft.sections.icd10.clear();
    for (const Report &original : {signedReport, draft}) {
        const QJsonObject data = overTheWire(EntityJson::toJson(original));
        Report decoded;
        FieldErrors errors;
        QVERIFY2(EntityJson::fromJson(data, &decoded, &errors), qPrintable(errorsText(errors)));
        QCOMPARE(decoded.visitId, original.visitId);
        QCOMPARE(decoded.patientId, original.patientId);
        QCOMPARE(decoded.authorId, original.authorId);
        QCOMPARE(decoded.status, original.status);
        QCOMPARE(decoded.addendumTo, original.addendumTo);
        QCOMPARE(decoded.variantOf, original.variantOf);
        QCOMPARE(decoded.sections.vitals.size(), original.sections.vitals.size());
        for (int i = 0; i < original.sections.vitals.size(); ++i) {
            QCOMPARE(decoded.sections.vitals[i].code, original.sections.vitals[i].code);
            QCOMPARE(decoded.sections.vitals[i].value, original.sections.vitals[i].value);
            QCOMPARE(decoded.sections.vitals[i].unit, original.sections.vitals[i].unit);
        }
        QVERIFY(decoded.sections == original.sections);
        QCOMPARE(decoded.createdAt, original.createdAt);
        QCOMPARE(decoded.signedAt, original.signedAt);
        QCOMPARE(decoded.signedAt.isValid(), original.signedAt.isValid());
    }
}

void TestEntityJson::paymentRoundTrip()
{
    Payment reversal = fullPayment();
    Payment plain = fullPayment();
    plain.amount = 1000000000000LL;
    plain.reverses = QUuid();
    plain.visitId = QUuid();
    plain.method = PaymentMethod::Cash;
    plain.receiptRef.clear();
    plain.note.clear();
    for (const Payment &original : {reversal, plain}) {
        const QJsonObject data = overTheWire(EntityJson::toJson(original));
        Payment decoded;
        FieldErrors errors;
        QVERIFY2(EntityJson::fromJson(data, &decoded, &errors), qPrintable(errorsText(errors)));
        QCOMPARE(decoded.patientId, original.patientId);
        QCOMPARE(decoded.visitId, original.visitId);
        QCOMPARE(decoded.amount, original.amount);
        QCOMPARE(decoded.method, original.method);
        QCOMPARE(decoded.takenBy, original.takenBy);
        QCOMPARE(decoded.takenAt, original.takenAt);
        QCOMPARE(decoded.reverses, original.reverses);
        QCOMPARE(decoded.receiptRef, original.receiptRef);
        QCOMPARE(decoded.note, original.note);
    }
    QVERIFY(compact(EntityJson::toJson(plain)).contains("\"amount\":1000000000000"));
}

void TestEntityJson::encodingIsCanonical()
{
    // Same object -> same bytes; decoding and encoding again gives the bytes back unchanged.
    const QList<QJsonObject> encoded = {
        validData(QStringLiteral("patient")), validData(QStringLiteral("visit")),
        validData(QStringLiteral("report")), validData(QStringLiteral("payment"))};
    for (const QJsonObject &data : encoded) {
        const QByteArray bytes = compact(data);
        QCOMPARE(compact(data), bytes);
        FieldErrors errors;
        bool untouched = false;
        const QJsonObject parsed = overTheWire(data);
        QByteArray again;
        if (parsed.contains(QLatin1String("lastName"))) {
            Patient patient;
            QVERIFY(EntityJson::fromJson(parsed, &patient, &errors));
            again = compact(EntityJson::toJson(patient));
        } else if (parsed.contains(QLatin1String("ticket"))) {
            Visit visit;
            QVERIFY(EntityJson::fromJson(parsed, &visit, &errors));
            again = compact(EntityJson::toJson(visit));
        } else if (parsed.contains(QLatin1String("sections"))) {
            Report report;
            QVERIFY(EntityJson::fromJson(parsed, &report, &errors));
            again = compact(EntityJson::toJson(report));
        } else {
            Payment payment;
            QVERIFY(EntityJson::fromJson(parsed, &payment, &errors));
            again = compact(EntityJson::toJson(payment));
        }
        Q_UNUSED(untouched);
        QCOMPARE(again, bytes);
    }
    // A user id typed in capitals is stored in its one canonical spelling.
    QJsonObject visit = validData(QStringLiteral("visit"));
    visit.insert(QLatin1String("doctorId"), kUserA.toUpper());
    Visit decoded;
    QVERIFY(EntityJson::fromJson(visit, &decoded, nullptr));
    QCOMPARE(decoded.doctorId, kUserA);
    // Times written from local time still come out in UTC.
    Patient local = fullPatient();
    local.createdAt = fullPatient().createdAt.toLocalTime();
    QCOMPARE(compact(EntityJson::toJson(local)), compact(EntityJson::toJson(fullPatient())));
}

void TestEntityJson::keysAreTheContract()
{
    const auto keys = [](const QJsonObject &object) {
        QStringList list = object.keys();
        list.sort();
        return list.join(QLatin1Char(','));
    };
    const auto sorted = [](QStringList list) {
        list.sort();
        return list.join(QLatin1Char(','));
    };
    QCOMPARE(keys(EntityJson::toJson(Patient())),
             sorted({"number", "lastName", "firstName", "fatherName", "birthDate", "birthDateEstimated",
                     "sex", "phone", "address", "allergies", "medications", "history", "notes", "createdAt",
                     "createdBy"}));
    QCOMPARE(keys(EntityJson::toJson(Visit())),
             sorted({"patientId", "doctorId", "day", "ticket", "priority", "status", "queuePosition", "note",
                     "createdAt", "calledAt", "startedAt", "finishedAt", "createdBy"}));
    const QJsonObject report = EntityJson::toJson(Report());
    QCOMPARE(keys(report), sorted({"visitId", "patientId", "authorId", "status", "addendumTo", "variantOf",
                                   "sections", "createdAt", "signedAt"}));
    QCOMPARE(keys(report.value(QLatin1String("sections")).toObject()),
             sorted({"complaints", "anamnesis", "vitals", "examination", "diagnosis", "icd10",
                     "treatmentPlan", "recommendations", "notes"}));
    QCOMPARE(keys(EntityJson::toJson(Payment())),
             sorted({"patientId", "visitId", "amount", "method", "takenBy", "takenAt", "reverses",
                     "receiptRef", "note"}));
    QCOMPARE(EntityJson::patientMergeFields(),
             QStringList({"lastName", "firstName", "fatherName", "birthDate", "birthDateEstimated", "sex",
                          "phone", "address", "allergies", "medications", "history", "notes"}));
}

void TestEntityJson::decodeKeepsBookkeeping()
{
    Patient target;
    target.localId = 42;
    target.id = QUuid::fromString(kUuidC);
    target.revision = 9;
    target.syncState = SyncState::Conflict;
    target.deleted = true;
    target.lastSeenAt = utc(2026, 1, 2, 3, 4);
    target.updatedAt = utc(2026, 1, 2, 3, 5);
    QVERIFY(EntityJson::fromJson(validData(QStringLiteral("patient")), &target, nullptr));
    QCOMPARE(target.localId, qint64(42));
    QCOMPARE(target.id, QUuid::fromString(kUuidC));
    QCOMPARE(target.revision, qint64(9));
    QCOMPARE(target.syncState, SyncState::Conflict);
    QVERIFY(target.deleted);
    QCOMPARE(target.lastSeenAt, utc(2026, 1, 2, 3, 4));
    QCOMPARE(target.updatedAt, utc(2026, 1, 2, 3, 5));
    QCOMPARE(target.lastName, fullPatient().lastName);
}

void TestEntityJson::enumNames()
{
    const QStringList statuses = {"waiting", "called", "in_progress", "done", "cancelled", "no_show"};
    for (int i = 0; i < statuses.size(); ++i) {
        QCOMPARE(EntityJson::visitStatusName(VisitStatus(i)), statuses[i]);
        VisitStatus status = VisitStatus::Waiting;
        QVERIFY(EntityJson::visitStatusFromName(statuses[i], &status));
        QCOMPARE(status, VisitStatus(i));
    }
    QCOMPARE(EntityJson::priorityName(VisitPriority::Normal), QStringLiteral("normal"));
    QCOMPARE(EntityJson::priorityName(VisitPriority::Urgent), QStringLiteral("urgent"));
    const QStringList methods = {"cash", "card", "transfer", "other"};
    for (int i = 0; i < methods.size(); ++i) {
        QCOMPARE(EntityJson::paymentMethodName(PaymentMethod(i)), methods[i]);
        PaymentMethod method = PaymentMethod::Cash;
        QVERIFY(EntityJson::paymentMethodFromName(methods[i], &method));
        QCOMPARE(method, PaymentMethod(i));
    }
    QCOMPARE(EntityJson::reportStatusName(ReportStatus::Signed), QStringLiteral("signed"));
    QCOMPARE(EntityJson::sexName(Sex::Male), QStringLiteral("male"));
    Sex sex = Sex::Female;
    QVERIFY(EntityJson::sexFromName(QStringLiteral("unknown"), &sex));
    QCOMPARE(sex, Sex::Unknown);

    // Unknown and differently spelled names are refused and leave the output alone.
    VisitStatus status = VisitStatus::Done;
    QVERIFY(!EntityJson::visitStatusFromName(QStringLiteral("in-progress"), &status));
    QVERIFY(!EntityJson::visitStatusFromName(QStringLiteral("Waiting"), &status));
    QVERIFY(!EntityJson::visitStatusFromName(QString(), &status));
    QCOMPARE(status, VisitStatus::Done);
    VisitPriority priority = VisitPriority::Urgent;
    QVERIFY(!EntityJson::priorityFromName(QStringLiteral("high"), &priority));
    QCOMPARE(priority, VisitPriority::Urgent);
    ReportStatus reportStatus = ReportStatus::Signed;
    QVERIFY(!EntityJson::reportStatusFromName(QStringLiteral("final"), &reportStatus));
    QCOMPARE(reportStatus, ReportStatus::Signed);
    PaymentMethod method = PaymentMethod::Card;
    QVERIFY(!EntityJson::paymentMethodFromName(QStringLiteral("crypto"), &method));
    QCOMPARE(method, PaymentMethod::Card);
    QVERIFY(!EntityJson::sexFromName(QStringLiteral("f"), &sex));
    QCOMPARE(sex, Sex::Unknown);
    // A value outside the enum has no name, so it can never be encoded as a valid one.
    QCOMPARE(EntityJson::visitStatusName(VisitStatus(17)), QString());
}

void TestEntityJson::timeText_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("text");
    QTest::newRow("contract example")
        << utc(2026, 11, 28, 6, 0) << QStringLiteral("2026-11-28T06:00:00.000Z");
    QTest::newRow("milliseconds") << utc(2024, 2, 29, 23, 59, 59, 999)
                                  << QStringLiteral("2024-02-29T23:59:59.999Z");
    QTest::newRow("epoch") << utc(1970, 1, 1, 0, 0) << QStringLiteral("1970-01-01T00:00:00.000Z");
    QTest::newRow("before epoch") << utc(1969, 12, 31, 23, 59, 59, 1)
                                  << QStringLiteral("1969-12-31T23:59:59.001Z");
    QTest::newRow("year 1") << utc(1, 1, 1, 0, 0) << QStringLiteral("0001-01-01T00:00:00.000Z");
    QTest::newRow("year 9999") << utc(9999, 12, 31, 23, 59, 59, 999)
                               << QStringLiteral("9999-12-31T23:59:59.999Z");
    QTest::newRow("Tashkent local time") << QDateTime(QDate(2026, 11, 28), QTime(11, 0), QTimeZone(5 * 3600))
                                         << QStringLiteral("2026-11-28T06:00:00.000Z");
}

void TestEntityJson::timeText()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, text);
    QCOMPARE(EntityJson::timeText(time), text);
    bool ok = false;
    const QDateTime parsed = EntityJson::timeFromText(text, &ok);
    QVERIFY(ok);
    QCOMPARE(parsed, time);
    QCOMPARE(parsed.timeSpec(), Qt::UTC);
}

void TestEntityJson::timeFromTextRefuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("no milliseconds") << QStringLiteral("2026-11-28T06:00:00Z");
    QTest::newRow("no zone") << QStringLiteral("2026-11-28T06:00:00.000");
    QTest::newRow("offset") << QStringLiteral("2026-11-28T06:00:00.000+05:00");
    QTest::newRow("lower z") << QStringLiteral("2026-11-28T06:00:00.000z");
    QTest::newRow("space") << QStringLiteral("2026-11-28 06:00:00.000Z");
    QTest::newRow("30 February") << QStringLiteral("2026-02-30T06:00:00.000Z");
    QTest::newRow("29 February common year") << QStringLiteral("2025-02-29T06:00:00.000Z");
    QTest::newRow("hour 24") << QStringLiteral("2026-11-28T24:00:00.000Z");
    QTest::newRow("minute 60") << QStringLiteral("2026-11-28T06:60:00.000Z");
    QTest::newRow("leap second") << QStringLiteral("2026-12-31T23:59:60.000Z");
    QTest::newRow("year 0") << QStringLiteral("0000-01-01T00:00:00.000Z");
    QTest::newRow("month 13") << QStringLiteral("2026-13-01T00:00:00.000Z");
    QTest::newRow("signed digits") << QStringLiteral("2026-+1-01T00:00:00.000Z");
    QTest::newRow("arabic-indic digits") << QStringLiteral("٢٠٢٦-11-28T06:00:00.000Z");
    QTest::newRow("trailing") << QStringLiteral("2026-11-28T06:00:00.000Z ");
}

void TestEntityJson::timeFromTextRefuses()
{
    QFETCH(QString, text);
    bool ok = true;
    QVERIFY(!EntityJson::timeFromText(text, &ok).isValid());
    QVERIFY(!ok);
    QCOMPARE(EntityJson::timeText(QDateTime()), QString());
}

void TestEntityJson::refusals_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value"); // undefined: the key is removed
    QTest::addColumn<QString>("field");

    const QJsonValue removed(QJsonValue::Undefined);
    const QJsonValue null(QJsonValue::Null);
    const QString longName(201, QLatin1Char('a'));
    const QString p = QStringLiteral("patient");
    QTest::newRow("patient unknown key") << p << "middleName" << QJsonValue("x") << "data.middleName";
    QTest::newRow("patient missing lastName") << p << "lastName" << removed << "data.lastName";
    QTest::newRow("patient lastName number") << p << "lastName" << QJsonValue(5) << "data.lastName";
    QTest::newRow("patient lastName null") << p << "lastName" << null << "data.lastName";
    QTest::newRow("patient lastName empty") << p << "lastName" << QJsonValue("") << "data.lastName";
    QTest::newRow("patient lastName too long") << p << "lastName" << QJsonValue(longName) << "data.lastName";
    QTest::newRow("patient lastName 101 letters")
        << p << "lastName" << QJsonValue(QString(101, QLatin1Char('a'))) << "data.lastName";
    QTest::newRow("patient lastName digits") << p << "lastName" << QJsonValue("Karimov2") << "data.lastName";
    QTest::newRow("patient lastName only a mark") << p << "lastName" << QJsonValue("ʻ") << "data.lastName";
    QTest::newRow("patient fatherName digit")
        << p << "fatherName" << QJsonValue("Ali 2") << "data.fatherName";
    QTest::newRow("patient firstName blank") << p << "firstName" << QJsonValue("   ") << "data.firstName";
    QTest::newRow("patient fatherName markup")
        << p << "fatherName" << QJsonValue("<b>x</b>") << "data.fatherName";
    QTest::newRow("patient number too long") << p << "number" << QJsonValue(longName) << "data.number";
    QTest::newRow("patient birthDate impossible")
        << p << "birthDate" << QJsonValue("1990-02-30") << "data.birthDate";
    QTest::newRow("patient birthDate with time")
        << p << "birthDate" << QJsonValue("1990-02-03T00:00:00.000Z") << "data.birthDate";
    QTest::newRow("patient birthDate number") << p << "birthDate" << QJsonValue(19900203) << "data.birthDate";
    QTest::newRow("patient birthDate implausible")
        << p << "birthDate" << QJsonValue("1799-12-31") << "data.birthDate";
    QTest::newRow("patient birthDate far future")
        << p << "birthDate" << QJsonValue("2200-01-01") << "data.birthDate";
    QTest::newRow("patient birthDateEstimated text")
        << p << "birthDateEstimated" << QJsonValue("true") << "data.birthDateEstimated";
    QTest::newRow("patient birthDateEstimated number")
        << p << "birthDateEstimated" << QJsonValue(1) << "data.birthDateEstimated";
    QTest::newRow("patient sex unknown name") << p << "sex" << QJsonValue("f") << "data.sex";
    QTest::newRow("patient sex capital") << p << "sex" << QJsonValue("Male") << "data.sex";
    QTest::newRow("patient phone local form") << p << "phone" << QJsonValue("90 123 45 67") << "data.phone";
    QTest::newRow("patient phone foreign") << p << "phone" << QJsonValue("+79001234567") << "data.phone";
    QTest::newRow("patient phone trunk zero") << p << "phone" << QJsonValue("+998012345678") << "data.phone";
    QTest::newRow("patient phone number type") << p << "phone" << QJsonValue(998901234567.0) << "data.phone";
    QTest::newRow("patient address too long")
        << p << "address" << QJsonValue(QString(4001, QLatin1Char('x'))) << "data.address";
    QTest::newRow("patient allergies too long")
        << p << "allergies" << QJsonValue(QString(4001, QLatin1Char('x'))) << "data.allergies";
    QTest::newRow("patient medications object")
        << p << "medications" << QJsonValue(QJsonObject()) << "data.medications";
    QTest::newRow("patient history array") << p << "history" << QJsonValue(QJsonArray()) << "data.history";
    QTest::newRow("patient notes too long")
        << p << "notes" << QJsonValue(QString(4001, QLatin1Char('x'))) << "data.notes";
    QTest::newRow("patient createdAt null") << p << "createdAt" << null << "data.createdAt";
    QTest::newRow("patient createdAt no ms")
        << p << "createdAt" << QJsonValue("2026-11-28T06:00:00Z") << "data.createdAt";
    QTest::newRow("patient createdBy too long")
        << p << "createdBy" << QJsonValue(longName) << "data.createdBy";

    const QString v = QStringLiteral("visit");
    QTest::newRow("visit unknown key") << v << "room" << QJsonValue(12) << "data.room";
    QTest::newRow("visit patientId not uuid")
        << v << "patientId" << QJsonValue("patient-1") << "data.patientId";
    QTest::newRow("visit patientId braces")
        << v << "patientId" << QJsonValue(QLatin1Char('{') + kUuidA + '}') << "data.patientId";
    QTest::newRow("visit patientId no hyphens")
        << v << "patientId" << QJsonValue(QString(kUuidA).remove(QLatin1Char('-'))) << "data.patientId";
    QTest::newRow("visit patientId nil")
        << v << "patientId" << QJsonValue("00000000-0000-0000-0000-000000000000") << "data.patientId";
    QTest::newRow("visit patientId null") << v << "patientId" << null << "data.patientId";
    QTest::newRow("visit patientId not hex")
        << v << "patientId" << QJsonValue("0190f5a4-7b1c-7d3e-8f00-0123456789ag") << "data.patientId";
    QTest::newRow("visit doctorId login") << v << "doctorId" << QJsonValue("dr.karimov") << "data.doctorId";
    QTest::newRow("visit doctorId empty") << v << "doctorId" << QJsonValue("") << "data.doctorId";
    QTest::newRow("visit day missing") << v << "day" << removed << "data.day";
    QTest::newRow("visit day month 13") << v << "day" << QJsonValue("2026-13-01") << "data.day";
    QTest::newRow("visit day short") << v << "day" << QJsonValue("2026-1-1") << "data.day";
    QTest::newRow("visit ticket zero") << v << "ticket" << QJsonValue(0) << "data.ticket";
    QTest::newRow("visit ticket negative") << v << "ticket" << QJsonValue(-3) << "data.ticket";
    QTest::newRow("visit ticket fraction") << v << "ticket" << QJsonValue(1.5) << "data.ticket";
    QTest::newRow("visit ticket text") << v << "ticket" << QJsonValue("1") << "data.ticket";
    QTest::newRow("visit ticket huge") << v << "ticket" << QJsonValue(qint64(1) << 40) << "data.ticket";
    QTest::newRow("visit queuePosition negative")
        << v << "queuePosition" << QJsonValue(-1) << "data.queuePosition";
    QTest::newRow("visit queuePosition bool")
        << v << "queuePosition" << QJsonValue(true) << "data.queuePosition";
    QTest::newRow("visit note 501") << v << "note" << QJsonValue(QString(501, QLatin1Char('n')))
                                    << "data.note";
    QTest::newRow("visit priority high") << v << "priority" << QJsonValue("high") << "data.priority";
    QTest::newRow("visit status hyphen") << v << "status" << QJsonValue("in-progress") << "data.status";
    QTest::newRow("visit calledAt text") << v << "calledAt" << QJsonValue("soon") << "data.calledAt";
    QTest::newRow("visit finishedAt missing") << v << "finishedAt" << removed << "data.finishedAt";
    QTest::newRow("visit createdAt null") << v << "createdAt" << null << "data.createdAt";
    QTest::newRow("visit createdBy missing") << v << "createdBy" << removed << "data.createdBy";

    const QString r = QStringLiteral("report");
    QTest::newRow("report unknown key") << r << "title" << QJsonValue("x") << "data.title";
    QTest::newRow("report visitId null") << r << "visitId" << null << "data.visitId";
    QTest::newRow("report authorId bad") << r << "authorId" << QJsonValue("doctor") << "data.authorId";
    QTest::newRow("report status final") << r << "status" << QJsonValue("final") << "data.status";
    QTest::newRow("report signed without time") << r << "signedAt" << null << "data.signedAt";
    QTest::newRow("report addendumTo bad") << r << "addendumTo" << QJsonValue("") << "data.addendumTo";
    QTest::newRow("report variantOf number") << r << "variantOf" << QJsonValue(1) << "data.variantOf";
    QTest::newRow("report sections null") << r << "sections" << null << "data.sections";
    QTest::newRow("report sections list") << r << "sections" << QJsonValue(QJsonArray()) << "data.sections";
    QTest::newRow("report sections unknown key")
        << r << "sections.plan" << QJsonValue("x") << "data.sections.plan";
    QTest::newRow("report sections missing diagnosis")
        << r << "sections.diagnosis" << removed << "data.sections.diagnosis";
    QTest::newRow("report complaints too long")
        << r << "sections.complaints" << QJsonValue(QString(20001, QLatin1Char('c')))
        << "data.sections.complaints";
    QTest::newRow("report vitals object")
        << r << "sections.vitals" << QJsonValue(QJsonObject()) << "data.sections.vitals";
    QTest::newRow("report vital null") << r << "sections.vitals.0" << null << "data.sections.vitals[0]";
    QTest::newRow("report vital code unknown")
        << r << "sections.vitals.2.code" << QJsonValue("bmi") << "data.sections.vitals[2].code";
    QTest::newRow("report vital value 3 decimals")
        << r << "sections.vitals.0.value" << QJsonValue("36.666") << "data.sections.vitals[0].value";
    QTest::newRow("report vital value 5 digits")
        << r << "sections.vitals.1.value" << QJsonValue("12345") << "data.sections.vitals[1].value";
    QTest::newRow("report vital value exponent")
        << r << "sections.vitals.1.value" << QJsonValue("1e2") << "data.sections.vitals[1].value";
    QTest::newRow("report vital value empty")
        << r << "sections.vitals.1.value" << QJsonValue("") << "data.sections.vitals[1].value";
    QTest::newRow("report vital value leading point")
        << r << "sections.vitals.1.value" << QJsonValue(".5") << "data.sections.vitals[1].value";
    QTest::newRow("report vital value trailing point")
        << r << "sections.vitals.1.value" << QJsonValue("5.") << "data.sections.vitals[1].value";
    QTest::newRow("report vital value comma")
        << r << "sections.vitals.0.value" << QJsonValue("36,6") << "data.sections.vitals[0].value";
    QTest::newRow("report vital value number")
        << r << "sections.vitals.0.value" << QJsonValue(36.6) << "data.sections.vitals[0].value";
    QTest::newRow("report vital unit wrong")
        << r << "sections.vitals.0.unit" << QJsonValue("°F") << "data.sections.vitals[0].unit";
    QTest::newRow("report vital unit of another code")
        << r << "sections.vitals.8.unit" << QJsonValue("mg/dL") << "data.sections.vitals[8].unit";
    QTest::newRow("report vital extra key")
        << r << "sections.vitals.3.note" << QJsonValue("x") << "data.sections.vitals[3].note";
    QTest::newRow("report vital missing unit")
        << r << "sections.vitals.4.unit" << removed << "data.sections.vitals[4].unit";
    QTest::newRow("report icd10 lower case")
        << r << "sections.icd10" << QJsonValue("j06.9") << "data.sections.icd10";
    QTest::newRow("report icd10 dangling dot")
        << r << "sections.icd10" << QJsonValue("J06.") << "data.sections.icd10";
    QTest::newRow("report icd10 short") << r << "sections.icd10" << QJsonValue("J0") << "data.sections.icd10";
    QTest::newRow("report icd10 long")
        << r << "sections.icd10" << QJsonValue("J06.12345") << "data.sections.icd10";
    QTest::newRow("report icd10 null") << r << "sections.icd10" << null << "data.sections.icd10";

    const QString y = QStringLiteral("payment");
    QTest::newRow("payment unknown key") << y << "currency" << QJsonValue("UZS") << "data.currency";
    QTest::newRow("payment amount zero") << y << "amount" << QJsonValue(0) << "data.amount";
    QTest::newRow("payment amount too big") << y << "amount" << QJsonValue(1000000000001LL) << "data.amount";
    QTest::newRow("payment amount too small")
        << y << "amount" << QJsonValue(-1000000000001LL) << "data.amount";
    QTest::newRow("payment amount fraction") << y << "amount" << QJsonValue(-100.5) << "data.amount";
    QTest::newRow("payment amount text") << y << "amount" << QJsonValue("-150000") << "data.amount";
    QTest::newRow("payment reversal positive") << y << "amount" << QJsonValue(150000) << "data.amount";
    QTest::newRow("payment negative without reverses") << y << "reverses" << null << "data.amount";
    QTest::newRow("payment method crypto") << y << "method" << QJsonValue("crypto") << "data.method";
    QTest::newRow("payment takenBy empty") << y << "takenBy" << QJsonValue("") << "data.takenBy";
    QTest::newRow("payment takenAt null") << y << "takenAt" << null << "data.takenAt";
    QTest::newRow("payment visitId bad") << y << "visitId" << QJsonValue("visit-1") << "data.visitId";
    QTest::newRow("payment patientId null") << y << "patientId" << null << "data.patientId";
    QTest::newRow("payment receiptRef too long")
        << y << "receiptRef" << QJsonValue(longName) << "data.receiptRef";
    QTest::newRow("payment note 501")
        << y << "note" << QJsonValue(QString(501, QLatin1Char('n'))) << "data.note";
}

void TestEntityJson::refusals()
{
    QFETCH(QString, kind);
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    QJsonObject data = edited(validData(kind), path.split(QLatin1Char('.')), value).toObject();
    if (kind == QLatin1String("report") && path.startsWith(QLatin1String("signedAt")))
        QCOMPARE(data.value(QLatin1String("status")).toString(), QStringLiteral("signed"));
    FieldErrors errors;
    bool untouched = false;
    QVERIFY(!decodeAs(kind, data, &errors, &untouched));
    QVERIFY2(untouched, "a refused decode changed its output");
    QVERIFY2(hasField(errors, field), qPrintable(errorsText(errors)));
    for (const FieldError &error : errors)
        QVERIFY(!error.message.isEmpty());
    // One broken field gives one error; the others were sound.
    QCOMPARE(errors.size(), 1);
}

void TestEntityJson::boundariesAccepted_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");

    const QString p = QStringLiteral("patient");
    QTest::newRow("lastName 100 letters") << p << "lastName" << QJsonValue(QString(100, QChar(0x0436)));
    QTest::newRow("names with letter marks") << p << "lastName" << QJsonValue("Toʻxtaboyev-Oʼgʻli");
    QTest::newRow("lastName padded (as PatientValidator allows)") << p << "lastName" << QJsonValue(" Ali ");
    QTest::newRow("empty fatherName") << p << "fatherName" << QJsonValue("");
    // Names only PatientValidator itself can judge (the fast check defers to it).
    QTest::newRow("decomposed letter") << p << "firstName" << QJsonValue(QStringLiteral("Ии\u0306"));
    QTest::newRow("tab inside name") << p << "fatherName" << QJsonValue("Ali\tVali");
    QTest::newRow("letter outside the BMP") << p << "lastName" << QJsonValue(QStringLiteral("A\U0001D49C"));
    QTest::newRow("address 4000") << p << "address" << QJsonValue(QString(4000, QLatin1Char('x')));
    QTest::newRow("notes 4000 Cyrillic") << p << "notes" << QJsonValue(QString(4000, QChar(0x0416)));
    QTest::newRow("oldest birth date") << p << "birthDate" << QJsonValue("1800-01-01");
    QTest::newRow("latest birth date") << p << "birthDate" << QJsonValue("2199-12-31");
    QTest::newRow("null birth date") << p << "birthDate" << QJsonValue(QJsonValue::Null);
    QTest::newRow("no phone") << p << "phone" << QJsonValue("");
    QTest::newRow("sex unknown") << p << "sex" << QJsonValue("unknown");
    QTest::newRow("number 200") << p << "number" << QJsonValue(QString(200, QLatin1Char('N')));

    const QString v = QStringLiteral("visit");
    QTest::newRow("ticket 1") << v << "ticket" << QJsonValue(1);
    QTest::newRow("ticket as 2.0") << v << "ticket" << QJsonValue(2.0);
    QTest::newRow("ticket 1000000") << v << "ticket" << QJsonValue(1000000);
    QTest::newRow("queuePosition 0") << v << "queuePosition" << QJsonValue(0);
    QTest::newRow("note 500") << v << "note" << QJsonValue(QString(500, QLatin1Char('n')));
    QTest::newRow("upper case patientId") << v << "patientId" << QJsonValue(kUuidA.toUpper());
    QTest::newRow("leap day") << v << "day" << QJsonValue("2028-02-29");

    const QString r = QStringLiteral("report");
    QTest::newRow("complaints 20000")
        << r << "sections.complaints" << QJsonValue(QString(20000, QLatin1Char('c')));
    QTest::newRow("vital -9999.99") << r << "sections.vitals.0.value" << QJsonValue("-9999.99");
    QTest::newRow("vital 0") << r << "sections.vitals.0.value" << QJsonValue("0");
    QTest::newRow("icd10 none") << r << "sections.icd10" << QJsonValue("");
    QTest::newRow("icd10 three characters") << r << "sections.icd10" << QJsonValue("A00");
    QTest::newRow("icd10 four after dot") << r << "sections.icd10" << QJsonValue("Z99.AB12");
    QJsonArray thirty;
    for (int i = 0; i < EntityJson::kMaxVitals; ++i)
        thirty.append(QJsonObject{{"code", "pulse"}, {"value", QString::number(60 + i)}, {"unit", "bpm"}});
    QTest::newRow("30 vitals") << r << "sections.vitals" << QJsonValue(thirty);
    QTest::newRow("no vitals") << r << "sections.vitals" << QJsonValue(QJsonArray());

    const QString y = QStringLiteral("payment");
    QTest::newRow("largest reversal") << y << "amount" << QJsonValue(-1000000000000LL);
    QTest::newRow("smallest reversal") << y << "amount" << QJsonValue(-1);
    QTest::newRow("receiptRef 200") << y << "receiptRef" << QJsonValue(QString(200, QLatin1Char('r')));
    QTest::newRow("note 500") << y << "note" << QJsonValue(QString(500, QLatin1Char('n')));
    QTest::newRow("no visit") << y << "visitId" << QJsonValue(QJsonValue::Null);
}

void TestEntityJson::boundariesAccepted()
{
    QFETCH(QString, kind);
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    const QJsonObject data = edited(validData(kind), path.split(QLatin1Char('.')), value).toObject();
    FieldErrors errors;
    bool untouched = false;
    QVERIFY2(decodeAs(kind, data, &errors, &untouched), qPrintable(errorsText(errors)));
    QVERIFY(errors.isEmpty());
    QVERIFY(!untouched);
}

void TestEntityJson::notNumbersAreRefused_data()
{
    QTest::addColumn<double>("number");
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity();
    QTest::newRow("minus infinity") << -std::numeric_limits<double>::infinity();
    QTest::newRow("largest double") << std::numeric_limits<double>::max();
    QTest::newRow("tiny fraction") << 1e-300;
}

void TestEntityJson::notNumbersAreRefused()
{
    QFETCH(double, number);
    QJsonObject payment = validData(QStringLiteral("payment"));
    payment.insert(QLatin1String("amount"), number);
    FieldErrors errors;
    bool untouched = false;
    QVERIFY(!decodeAs(QStringLiteral("payment"), payment, &errors, &untouched));
    QVERIFY(untouched);
    QVERIFY2(hasField(errors, QStringLiteral("data.amount")), qPrintable(errorsText(errors)));

    QJsonObject visit = validData(QStringLiteral("visit"));
    visit.insert(QLatin1String("ticket"), number);
    QVERIFY(!decodeAs(QStringLiteral("visit"), visit, &errors, &untouched));
    QVERIFY(untouched);
    QVERIFY2(hasField(errors, QStringLiteral("data.ticket")), qPrintable(errorsText(errors)));
}

void TestEntityJson::integersBeyondDoublePrecision()
{
    // 2^53 + 1 cannot be told apart from 2^53 once read as a double; far past every bound.
    for (const QByteArray &text : {QByteArray("9007199254740993"), QByteArray("-9007199254740993"),
                                   QByteArray("18446744073709551616"), QByteArray("1e300")}) {
        QByteArray json = compact(validData(QStringLiteral("payment")));
        json.replace("\"amount\":-150000", "\"amount\":" + text);
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        FieldErrors errors;
        bool untouched = false;
        QVERIFY(!decodeAs(QStringLiteral("payment"), document.object(), &errors, &untouched));
        QVERIFY(untouched);
        QVERIFY2(hasField(errors, QStringLiteral("data.amount")), qPrintable(errorsText(errors)));
    }
}

void TestEntityJson::emptyObjectNamesEveryField()
{
    FieldErrors errors;
    Patient patient;
    QVERIFY(!EntityJson::fromJson(QJsonObject(), &patient, &errors));
    QSet<QString> fields;
    for (const FieldError &error : errors)
        fields.insert(error.field);
    for (const QString &key : EntityJson::toJson(Patient()).keys())
        QVERIFY2(fields.contains(QLatin1String("data.") + key), qPrintable(key));

    Report report;
    QVERIFY(!EntityJson::fromJson(QJsonObject(), &report, &errors));
    QVERIFY(hasField(errors, QStringLiteral("data.sections")));
    QVERIFY(hasField(errors, QStringLiteral("data.authorId")));
    QVERIFY(report.authorId.isEmpty());

    Visit visit;
    QVERIFY(!EntityJson::fromJson(QJsonObject(), &visit, nullptr)); // errors are optional
    Payment payment;
    QVERIFY(!EntityJson::fromJson(QJsonObject(), &payment, &errors));
    QCOMPARE(errors.size(), EntityJson::toJson(Payment()).size());
}

void TestEntityJson::hostileKeysAreBounded()
{
    // Thousands of unknown keys, one of them enormous: one error, with a bounded field name.
    QJsonObject data = validData(QStringLiteral("visit"));
    for (int i = 0; i < 5000; ++i)
        data.insert(QStringLiteral("extra%1").arg(i), i);
    data.insert(QString(100000, QLatin1Char('k')), 1);
    FieldErrors errors;
    bool untouched = false;
    QVERIFY(!decodeAs(QStringLiteral("visit"), data, &errors, &untouched));
    QVERIFY(untouched);
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.first().field.startsWith(QLatin1String("data.")));
    QVERIFY(errors.first().field.size() <= 64);

    // 100000 vitals: refused by count without looking at each one.
    QJsonArray many;
    for (int i = 0; i < 100000; ++i)
        many.append(QJsonValue(QJsonValue::Null));
    QJsonObject report = edited(validData(QStringLiteral("report")),
                                {QStringLiteral("sections"), QStringLiteral("vitals")}, many)
                             .toObject();
    QVERIFY(!decodeAs(QStringLiteral("report"), report, &errors, &untouched));
    QVERIFY(untouched);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, QStringLiteral("data.sections.vitals"));

    // A vitals list of 31 is one over the limit.
    QJsonArray thirtyOne;
    for (int i = 0; i <= EntityJson::kMaxVitals; ++i)
        thirtyOne.append(QJsonObject{{"code", "pulse"}, {"value", "60"}, {"unit", "bpm"}});
    report = edited(validData(QStringLiteral("report")),
                    {QStringLiteral("sections"), QStringLiteral("vitals")}, thirtyOne)
                 .toObject();
    QVERIFY(!decodeAs(QStringLiteral("report"), report, &errors, &untouched));
    QCOMPARE(errors.first().field, QStringLiteral("data.sections.vitals"));
}

void TestEntityJson::validatorRulesApply()
{
    // The same verdict as PatientValidator for what a user types, with the field prefixed.
    QJsonObject data = validData(QStringLiteral("patient"));
    data.insert(QLatin1String("lastName"), QStringLiteral("Karimov2"));
    data.insert(QLatin1String("firstName"), QString());
    FieldErrors errors;
    Patient patient;
    QVERIFY(!EntityJson::fromJson(data, &patient, &errors));
    QCOMPARE(errors.size(), 2);
    Patient typed = fullPatient();
    typed.lastName = QStringLiteral("Karimov2");
    typed.firstName.clear();
    const FieldErrors expected = medora::PatientValidator::validate(typed, QDate(2026, 11, 28));
    QCOMPARE(expected.size(), 2);
    for (const FieldError &error : expected) {
        QVERIFY(errors.contains(FieldError{QLatin1String("data.") + error.field, error.message}));
    }
    // Birth dates PatientValidator would only refuse relative to a clock still sync: a card
    // typed in 2026 for someone born in 1896 stays valid when read in 2040.
    data = validData(QStringLiteral("patient"));
    data.insert(QLatin1String("birthDate"), QStringLiteral("1896-12-01"));
    QVERIFY(EntityJson::fromJson(data, &patient, &errors));
    QCOMPARE(patient.birthDate, QDate(1896, 12, 1));
}

QTEST_GUILESS_MAIN(TestEntityJson)
#include "tst_entityjson.moc"
