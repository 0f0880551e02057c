#include "sync/SyncOpApplier.h"

#include "domain/EntityJson.h"
#include "domain/JsonText.h"
#include "subscription/SyncPushHooks.h"
#include "sync/PatientMerge.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace medora::server {

namespace {

// Kept-draft ids are UUIDv5 names of the op id in this namespace (docs/sync.md).
const QUuid kKeptDraftNamespace(QStringLiteral("{6d1f3c2a-58e4-4b7a-9c0e-3f52a8d4e917}"));

const QString kSigned = QStringLiteral("signed");

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QByteArray canonical(const QJsonObject &object)
{
    return JsonText::compact(object);
}

QJsonObject parseObject(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

bool sameUser(const QString &a, const QString &b)
{
    return !a.isEmpty() && a.compare(b, Qt::CaseInsensitive) == 0;
}

QString uuidOrEmpty(const QUuid &id)
{
    return id.isNull() ? QString() : idText(id);
}

// Reports are medical content: only doctors write them. Everybody records patients, visits
// and payments.
bool mayWrite(Role role, EntityKind entity)
{
    return entity != EntityKind::Report || role == Role::Doctor;
}

// The merge fields a new patient has filled in (never their values). The list for each set
// of filled fields is built once per thread: a push of a hundred new patients asks a hundred
// times for the same few lists.
QJsonArray filledMergeFields(const Patient &patient)
{
    using Filled = bool (*)(const Patient &);
    static const QHash<QString, Filled> tests = {
        {QStringLiteral("lastName"), [](const Patient &p) { return !p.lastName.isEmpty(); }},
        {QStringLiteral("firstName"), [](const Patient &p) { return !p.firstName.isEmpty(); }},
        {QStringLiteral("fatherName"), [](const Patient &p) { return !p.fatherName.isEmpty(); }},
        {QStringLiteral("birthDate"), [](const Patient &p) { return p.birthDate.isValid(); }},
        {QStringLiteral("birthDateEstimated"), [](const Patient &p) { return p.birthDateEstimated; }},
        {QStringLiteral("sex"), [](const Patient &p) { return p.sex != Sex::Unknown; }},
        {QStringLiteral("phone"), [](const Patient &p) { return !p.phone.isEmpty(); }},
        {QStringLiteral("address"), [](const Patient &p) { return !p.address.isEmpty(); }},
        {QStringLiteral("allergies"), [](const Patient &p) { return !p.allergies.isEmpty(); }},
        {QStringLiteral("medications"), [](const Patient &p) { return !p.medications.isEmpty(); }},
        {QStringLiteral("history"), [](const Patient &p) { return !p.history.isEmpty(); }},
        {QStringLiteral("notes"), [](const Patient &p) { return !p.notes.isEmpty(); }},
    };
    static const QStringList names = EntityJson::patientMergeFields();
    quint64 mask = 0;
    for (int i = 0; i < names.size() && i < 64; ++i) {
        const Filled filled = tests.value(names.at(i));
        if (!filled || filled(patient)) // a field unknown here counts as filled
            mask |= quint64(1) << i;
    }
    thread_local QHash<quint64, QJsonArray> lists;
    auto found = lists.constFind(mask);
    if (found != lists.constEnd())
        return *found;
    QJsonArray fields;
    for (int i = 0; i < names.size() && i < 64; ++i) {
        if (mask & (quint64(1) << i))
            fields.append(names.at(i));
    }
    lists.insert(mask, fields);
    return fields;
}

void fillReportColumns(SyncRow &row, const Report &report)
{
    row.patientId = idText(report.patientId);
    row.visitId = idText(report.visitId);
    row.refId = uuidOrEmpty(report.addendumTo);
    row.status = EntityJson::reportStatusName(report.status);
    row.authorId = report.authorId;
}

} // namespace

SyncOpApplier::SyncOpApplier(SyncBatchStore &store, const Actor &actor, const QString &deviceId,
                             qint64 lastSequence)
    : m_store(store), m_actor(actor), m_deviceId(deviceId), m_lastSequence(lastSequence)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_now = EntityJson::timeText(now);
    m_nowMs = now.toMSecsSinceEpoch();
}

QUuid SyncOpApplier::keptDraftId(const QUuid &opId)
{
    return QUuid::createUuidV5(kKeptDraftNamespace, opId.toRfc4122());
}

bool SyncOpApplier::apply(const PushOperation &op, PushResult *result, QByteArray *recordData, QString *error)
{
    *result = PushResult();
    result->opId = op.opId;
    m_recordData.clear();
    const bool ok = applyOp(op, result, error);
    *recordData = m_recordData;
    return ok;
}

bool SyncOpApplier::applyOp(const PushOperation &op, PushResult *result, QString *error)
{
    if (!mayWrite(m_actor.role, op.entity)) {
        reject(QStringLiteral("forbidden"), QStringLiteral("Only doctors write visit reports."), QString(),
               false, std::nullopt, result);
        return true;
    }
    std::optional<SyncRow> current;
    if (!m_store.find(m_actor.clinicId, op.entity, idText(op.id), &current, error))
        return false;
    if (op.action == PushAction::Delete)
        return applyDelete(op, current, result, error);
    switch (op.entity) {
    case EntityKind::Patient:
        return applyPatient(op, current, result, error);
    case EntityKind::Visit:
        return applyVisit(op, current, result, error);
    case EntityKind::Report:
        return applyReport(op, current, result, error);
    case EntityKind::Payment:
        return applyPayment(op, current, result, error);
    }
    reject(QStringLiteral("invalid_entity"), QStringLiteral("Unknown entity."), QStringLiteral("entity"),
           false, std::nullopt, result);
    return true;
}

bool SyncOpApplier::applyDelete(const PushOperation &op, const std::optional<SyncRow> &current,
                                PushResult *result, QString *error)
{
    if (op.entity == EntityKind::Payment) {
        reject(QStringLiteral("payment_immutable"),
               QStringLiteral("Payments are never deleted; record a reversing entry instead."), QString(),
               false, current, result);
        return true;
    }
    if (current && current->deleted) {
        applied(*current, result);
        return true;
    }
    if (op.entity == EntityKind::Report && current) {
        if (current->status == kSigned) {
            reject(QStringLiteral("signed_report_immutable"),
                   QStringLiteral("A signed report cannot be deleted; write an addendum instead."), QString(),
                   false, current, result);
            return true;
        }
        if (!sameUser(current->authorId, m_actor.userId)) {
            reject(QStringLiteral("not_author"), QStringLiteral("Only the author of a draft may delete it."),
                   QString(), false, current, result);
            return true;
        }
    }
    // A delete of a record the server never had still leaves a tombstone: a late create of
    // the same id then meets it instead of bringing the record back.
    SyncRow row = current ? *current : newRow(op.entity, op.id);
    row.deleted = true;
    row.data = QByteArrayLiteral("{}");
    row.fieldRevisions.clear();
    if (!write(row, current, error))
        return false;
    if (op.entity == EntityKind::Patient)
        audit(QStringLiteral("patient.delete"), QStringLiteral("patient"), row.id, QJsonObject());
    applied(row, result);
    return true;
}

bool SyncOpApplier::applyPatient(const PushOperation &op, const std::optional<SyncRow> &current,
                                 PushResult *result, QString *error)
{
    Patient patient;
    FieldErrors errors;
    if (!EntityJson::fromJson(op.data, &patient, &errors)) {
        const FieldError first = errors.value(0);
        reject(QStringLiteral("invalid_data"), first.message, first.field, false, current, result);
        return true;
    }
    // EntityJson's patient decoding is strict (every key, exact formats, no normalising), so
    // data it accepts is already what toJson() would write: encoding it again would only
    // cost time (tst_syncservice checks this property).
    const QJsonObject &incoming = op.data;
    if (current && current->deleted) {
        reject(QStringLiteral("record_deleted"), QStringLiteral("This patient was deleted on the server."),
               QString(), false, current, result);
        return true;
    }
    if (!current) {
        SyncRow row = newRow(EntityKind::Patient, op.id);
        row.data = canonical(incoming);
        static const QByteArray firstRevisions = canonical(PatientMerge::initialFieldRevisions(1));
        row.fieldRevisions = firstRevisions;
        if (!write(row, current, error))
            return false;
        audit(QStringLiteral("patient.create"), QStringLiteral("patient"), row.id,
              {{QStringLiteral("fields"), filledMergeFields(patient)}});
        applied(row, result);
        return true;
    }

    const QJsonObject server = parseObject(current->data);
    const PatientMergeResult merge =
        PatientMerge::merge(server, parseObject(current->fieldRevisions), current->revision, incoming,
                            op.baseRevision, op.changedFields);
    SyncRow row = *current;
    if (!merge.applied.isEmpty()) {
        // Each side's fields are valid alone; the merged whole is checked once more.
        Patient merged;
        FieldErrors mergedErrors;
        if (!EntityJson::fromJson(merge.merged, &merged, &mergedErrors)) {
            const FieldError first = mergedErrors.value(0);
            reject(QStringLiteral("invalid_data"),
                   QStringLiteral("Merged with the server's version the patient would not be valid: ") +
                       first.message,
                   first.field, false, current, result);
            return true;
        }
        row.data = canonical(EntityJson::toJson(merged));
        row.fieldRevisions = canonical(merge.fieldRevisions);
        if (!write(row, current, error))
            return false;
        audit(QStringLiteral("patient.update"), QStringLiteral("patient"), row.id,
              {{QStringLiteral("fields"), QJsonArray::fromStringList(merge.applied)}});
    }
    if (!merge.conflicts.isEmpty()) {
        if (!recordConflict(op, row, merge.conflicts, merge.serverValues, merge.clientValues, QUuid(), error))
            return false;
        result->status = PushStatus::Conflict;
        result->firstStatus = PushStatus::Conflict;
        result->revision = row.revision;
        result->sequence = row.sequence;
        setRecord(row, result);
        result->conflictFields = merge.conflicts;
        result->conflictValues = merge.clientValues;
        return true;
    }
    applied(row, result);
    return true;
}

bool SyncOpApplier::applyVisit(const PushOperation &op, const std::optional<SyncRow> &current,
                               PushResult *result, QString *error)
{
    Visit visit;
    FieldErrors errors;
    if (!EntityJson::fromJson(op.data, &visit, &errors)) {
        const FieldError first = errors.value(0);
        reject(QStringLiteral("invalid_data"), first.message, first.field, false, current, result);
        return true;
    }
    if (current && current->deleted) {
        reject(QStringLiteral("record_deleted"), QStringLiteral("This visit was deleted on the server."),
               QString(), false, current, result);
        return true;
    }
    if (!current && m_refuseNewVisits) {
        reject(
            QStringLiteral("subscription_expired"),
            QStringLiteral("The clinic's subscription has expired: new visits are accepted again once it is "
                           "renewed."),
            QString(), true, current, result);
        return true;
    }
    bool present = false;
    if (!requireParent(EntityKind::Patient, visit.patientId, QStringLiteral("data.patientId"), current,
                       result, &present, error))
        return false;
    if (!present)
        return true;
    const QJsonObject incoming = EntityJson::toJson(visit);
    const QByteArray text = canonical(incoming);
    if (current && current->data == text) {
        applied(*current, result);
        return true;
    }
    // Last write to the server wins, whole record.
    SyncRow row = current ? *current : newRow(EntityKind::Visit, op.id);
    row.data = text;
    row.patientId = idText(visit.patientId);
    row.status = EntityJson::visitStatusName(visit.status);
    if (!write(row, current, error))
        return false;
    applied(row, result);
    return true;
}

bool SyncOpApplier::applyReport(const PushOperation &op, const std::optional<SyncRow> &current,
                                PushResult *result, QString *error)
{
    Report report;
    FieldErrors errors;
    if (!EntityJson::fromJson(op.data, &report, &errors)) {
        const FieldError first = errors.value(0);
        reject(QStringLiteral("invalid_data"), first.message, first.field, false, current, result);
        return true;
    }
    if (current && current->deleted) {
        reject(QStringLiteral("record_deleted"), QStringLiteral("This report was deleted on the server."),
               QString(), false, current, result);
        return true;
    }
    const QJsonObject incoming = EntityJson::toJson(report);
    const QByteArray text = canonical(incoming);
    if (current && current->status == kSigned) {
        if (current->data == text) {
            applied(*current, result);
            return true;
        }
        reject(QStringLiteral("signed_report_immutable"),
               QStringLiteral("A signed report cannot change; write an addendum instead."), QString(), false,
               current, result);
        return true;
    }
    if (current && !sameUser(current->authorId, m_actor.userId)) {
        reject(QStringLiteral("not_author"), QStringLiteral("Only the author of a draft may edit it."),
               QString(), false, current, result);
        return true;
    }
    if (!sameUser(report.authorId, m_actor.userId)) {
        reject(QStringLiteral("not_author"),
               QStringLiteral("A report's author must be the doctor who sends it."),
               QStringLiteral("data.authorId"), false, current, result);
        return true;
    }
    bool present = false;
    if (!requireParent(EntityKind::Visit, report.visitId, QStringLiteral("data.visitId"), current, result,
                       &present, error))
        return false;
    if (!present)
        return true;
    if (!report.addendumTo.isNull()) {
        std::optional<SyncRow> amended;
        if (!requireParent(EntityKind::Report, report.addendumTo, QStringLiteral("data.addendumTo"), current,
                           result, &present, error, &amended))
            return false;
        if (!present)
            return true;
        if (amended->status != kSigned) {
            reject(QStringLiteral("missing_dependency"),
                   QStringLiteral("The report this addendum amends is not signed on the server yet."),
                   QStringLiteral("data.addendumTo"), true, current, result);
            return true;
        }
    }
    if (current && current->data == text) {
        applied(*current, result);
        return true;
    }
    const bool signs = report.status == ReportStatus::Signed;
    if (!current || op.baseRevision == current->revision) {
        SyncRow row = current ? *current : newRow(EntityKind::Report, op.id);
        row.data = text;
        fillReportColumns(row, report);
        if (!write(row, current, error))
            return false;
        if (signs)
            audit(QStringLiteral("report.sign"), QStringLiteral("report"), row.id,
                  {{QStringLiteral("visitId"), row.visitId}});
        applied(row, result);
        return true;
    }

    // The draft changed on the server since the client's base: drafts are never merged. The
    // client's version is kept as a draft of its own that names the original.
    const QUuid keptId = keptDraftId(op.opId);
    std::optional<SyncRow> kept;
    if (!m_store.find(m_actor.clinicId, EntityKind::Report, idText(keptId), &kept, error))
        return false;
    if (!kept) {
        Report copy = report;
        copy.variantOf = op.id;
        copy.status = ReportStatus::Draft;
        copy.signedAt = QDateTime();
        SyncRow row = newRow(EntityKind::Report, keptId);
        row.data = canonical(EntityJson::toJson(copy));
        fillReportColumns(row, copy);
        if (!write(row, std::nullopt, error))
            return false;
    }
    if (!recordConflict(op, *current, {}, {}, {}, keptId, error))
        return false;
    result->status = PushStatus::Conflict;
    result->firstStatus = PushStatus::Conflict;
    result->revision = current->revision;
    result->sequence = current->sequence;
    setRecord(*current, result);
    result->keptAsId = keptId;
    return true;
}

bool SyncOpApplier::applyPayment(const PushOperation &op, const std::optional<SyncRow> &current,
                                 PushResult *result, QString *error)
{
    Payment payment;
    FieldErrors errors;
    if (!EntityJson::fromJson(op.data, &payment, &errors)) {
        const FieldError first = errors.value(0);
        reject(QStringLiteral("invalid_data"), first.message, first.field, false, current, result);
        return true;
    }
    const QJsonObject incoming = EntityJson::toJson(payment);
    const QByteArray text = canonical(incoming);
    if (current) {
        if (current->data == text) {
            applied(*current, result);
            return true;
        }
        reject(QStringLiteral("payment_immutable"),
               QStringLiteral("A payment never changes; record a reversing entry instead."), QString(), false,
               current, result);
        return true;
    }
    if (!sameUser(payment.takenBy, m_actor.userId)) {
        reject(QStringLiteral("taken_by_mismatch"),
               QStringLiteral("A payment is sent by the person who took it."), QStringLiteral("data.takenBy"),
               false, current, result);
        return true;
    }
    bool present = false;
    if (!requireParent(EntityKind::Patient, payment.patientId, QStringLiteral("data.patientId"), current,
                       result, &present, error))
        return false;
    if (!present)
        return true;
    if (!payment.visitId.isNull()) {
        if (!requireParent(EntityKind::Visit, payment.visitId, QStringLiteral("data.visitId"), current,
                           result, &present, error))
            return false;
        if (!present)
            return true;
    }
    if (!payment.reverses.isNull()) {
        std::optional<SyncRow> original;
        if (!requireParent(EntityKind::Payment, payment.reverses, QStringLiteral("data.reverses"), current,
                           result, &present, error, &original))
            return false;
        if (!present)
            return true;
        if (!original->refId.isEmpty()) {
            reject(QStringLiteral("invalid_reversal"),
                   QStringLiteral("A reversing entry cannot itself be reversed."),
                   QStringLiteral("data.reverses"), false, current, result);
            return true;
        }
        const qint64 originalAmount = parseObject(original->data).value(QStringLiteral("amount")).toInteger();
        if (payment.amount != -originalAmount) {
            reject(QStringLiteral("invalid_reversal"),
                   QStringLiteral("A reversing entry's amount must be the original amount negated."),
                   QStringLiteral("data.amount"), false, current, result);
            return true;
        }
        bool reversed = false;
        if (!m_store.store().isReversed(m_actor.clinicId, original->id, &reversed, error))
            return false;
        if (reversed) {
            reject(QStringLiteral("already_reversed"),
                   QStringLiteral("This payment has been reversed already."), QStringLiteral("data.reverses"),
                   false, current, result);
            return true;
        }
    }
    SyncRow row = newRow(EntityKind::Payment, op.id);
    row.data = text;
    row.patientId = idText(payment.patientId);
    row.visitId = uuidOrEmpty(payment.visitId);
    row.refId = uuidOrEmpty(payment.reverses);
    if (!write(row, current, error))
        return false;
    if (m_pushHooks && !m_pushHooks->paymentApplied(m_actor.clinicId, payment, error))
        return false;
    applied(row, result);
    return true;
}

bool SyncOpApplier::requireParent(EntityKind entity, const QUuid &id, const QString &field,
                                  const std::optional<SyncRow> &current, PushResult *result, bool *present,
                                  QString *error, std::optional<SyncRow> *parent)
{
    *present = false;
    std::optional<SyncRow> found;
    if (!m_store.find(m_actor.clinicId, entity, idText(id), &found, error))
        return false;
    const QString name = SyncEntity::name(entity);
    if (!found) {
        reject(QStringLiteral("missing_dependency"),
               QStringLiteral("The %1 this refers to is not on the server yet; send it first.").arg(name),
               field, true, current, result);
        return true;
    }
    if (found->deleted) {
        reject(QStringLiteral("parent_deleted"),
               QStringLiteral("The %1 this refers to was deleted.").arg(name), field, false, current, result);
        return true;
    }
    *present = true;
    if (parent)
        *parent = std::move(found);
    return true;
}

SyncRow SyncOpApplier::newRow(EntityKind entity, const QUuid &id) const
{
    SyncRow row;
    row.entity = entity;
    row.id = idText(id);
    return row;
}

bool SyncOpApplier::write(SyncRow &row, const std::optional<SyncRow> &current, QString *error)
{
    row.revision = current ? current->revision + 1 : 1;
    row.sequence = ++m_lastSequence;
    row.updatedAt = m_now;
    row.updatedAtMs = m_nowMs;
    row.updatedBy = m_actor.userId;
    return current ? m_store.update(m_actor.clinicId, row, error)
                   : m_store.insert(m_actor.clinicId, row, error);
}

void SyncOpApplier::audit(const QString &action, const QString &targetType, const QString &targetId,
                          const QJsonObject &details)
{
    AuditEntry entry;
    entry.clinicId = m_actor.clinicId;
    entry.actorUserId = m_actor.userId;
    entry.actorLogin = m_actor.login;
    entry.action = action;
    entry.targetType = targetType;
    entry.targetId = targetId;
    entry.clientAddress = m_actor.clientAddress.isNull() ? QString() : m_actor.clientAddress.toString();
    entry.details = details;
    m_auditEntries.append(std::move(entry));
}

void SyncOpApplier::rollBackTo(const Mark &mark)
{
    m_lastSequence = mark.lastSequence;
    m_auditEntries.resize(mark.auditEntries);
}

bool SyncOpApplier::recordConflict(const PushOperation &op, const SyncRow &server, const QStringList &fields,
                                   const QJsonObject &serverValues, const QJsonObject &clientValues,
                                   const QUuid &keptAsId, QString *error)
{
    StoredConflict conflict;
    conflict.clinicId = m_actor.clinicId;
    conflict.entity = op.entity;
    conflict.entityId = idText(op.id);
    conflict.opId = idText(op.opId);
    conflict.userId = m_actor.userId;
    conflict.deviceId = m_deviceId;
    conflict.baseRevision = op.baseRevision;
    conflict.serverRevision = server.revision;
    conflict.fields = JsonText::compact(QJsonArray::fromStringList(fields));
    conflict.serverValues = canonical(serverValues);
    conflict.clientValues = canonical(clientValues);
    conflict.keptAsId = uuidOrEmpty(keptAsId);
    if (!m_store.store().storeConflict(conflict, error))
        return false;
    // Which fields, never their values.
    QJsonObject details{{QStringLiteral("entity"), SyncEntity::name(op.entity)},
                        {QStringLiteral("baseRevision"), double(op.baseRevision)},
                        {QStringLiteral("serverRevision"), double(server.revision)}};
    if (!fields.isEmpty())
        details.insert(QStringLiteral("fields"), QJsonArray::fromStringList(fields));
    if (!keptAsId.isNull())
        details.insert(QStringLiteral("keptAsId"), idText(keptAsId));
    audit(QStringLiteral("sync.conflict"), SyncEntity::name(op.entity), conflict.entityId, details);
    return true;
}

void SyncOpApplier::applied(const SyncRow &row, PushResult *result)
{
    result->status = PushStatus::Applied;
    result->firstStatus = PushStatus::Applied;
    result->revision = row.revision;
    result->sequence = row.sequence;
    setRecord(row, result);
}

void SyncOpApplier::reject(const QString &code, const QString &message, const QString &field, bool retryable,
                           const std::optional<SyncRow> &current, PushResult *result)
{
    result->status = PushStatus::Rejected;
    result->firstStatus = PushStatus::Rejected;
    result->reasonCode = code;
    result->reasonMessage = message;
    result->reasonField = field;
    result->retryable = retryable;
    if (current)
        setRecord(*current, result);
}

void SyncOpApplier::setRecord(const SyncRow &row, PushResult *result)
{
    result->hasRecord = true;
    SyncRecord &record = result->record;
    record.entity = row.entity;
    record.id = QUuid::fromString(row.id);
    record.revision = row.revision;
    record.sequence = row.sequence;
    record.deleted = row.deleted;
    record.updatedAt = row.updatedAt;
    record.updatedBy = row.updatedBy;
    record.data = QJsonObject();
    m_recordData = row.deleted || row.data.isEmpty() ? QByteArrayLiteral("{}") : row.data;
}

} // namespace medora::server
