#include "store/SyncRecordWriter.h"

#include "domain/EntityJson.h"
#include "store/Outbox.h"
#include "store/PatientStore.h"
#include "store/ReportStore.h"
#include "store/SqlValues.h"

#include <QSqlError>
#include <QStringList>
#include <QVariant>

namespace medora {

namespace {

const QString kChangeSeq = QStringLiteral("change_seq");

int entityIndex(EntityKind entity)
{
    return static_cast<int>(entity);
}

} // namespace

SyncRecordWriter::SyncRecordWriter(Database &database) : m_database(database), m_now(SqlValues::nowUtc()) {}

SyncRecordWriter::~SyncRecordWriter() = default;

PreparedStatement *SyncRecordWriter::prepared(int slot, const std::function<QString()> &sql)
{
    std::unique_ptr<PreparedStatement> &statement = m_prepared[size_t(slot)];
    if (!statement) {
        auto created = std::make_unique<PreparedStatement>(m_database.connection(), sql());
        if (!created->isValid()) {
            m_database.fail(created->lastError(), tr("apply the server's changes"));
            return nullptr;
        }
        statement = std::move(created);
    }
    return statement.get();
}

bool SyncRecordWriter::run(PreparedStatement &statement, const QString &what)
{
    if (!statement.execute()) {
        m_database.fail(statement.lastError(), what);
        return false;
    }
    return true;
}

bool SyncRecordWriter::refuse(const SyncRecord &record, const FieldErrors &errors)
{
    const FieldError first = errors.value(0);
    m_database.setError(
        StoreError::Code::Invalid,
        tr("The server sent a %1 record (%2) this version of Medora cannot read (%3: %4). Nothing "
           "of it was saved.")
            .arg(SyncEntity::name(record.entity), SqlValues::uuid(record.id), first.field, first.message));
    return false;
}

bool SyncRecordWriter::findRows(EntityKind entity, const QList<QUuid> &ids, QHash<QUuid, LocalRow> *rows)
{
    if (ids.isEmpty())
        return true;
    // UUIDs print as hex digits and hyphens only, so they can stand in the statement; one
    // query answers the whole page.
    QStringList quoted;
    quoted.reserve(ids.size());
    for (const QUuid &id : ids)
        quoted.append(QLatin1Char('\'') + SqlValues::uuid(id) + QLatin1Char('\''));
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    // Payments never change, so they keep no time of change.
    const QString updatedAt =
        entity == EntityKind::Payment ? QStringLiteral("''") : QStringLiteral("updated_at");
    if (!query.exec(
            QStringLiteral("SELECT uuid, rowid, revision, sync_state, deleted, %3 FROM %1 WHERE uuid IN (%2)")
                .arg(Outbox::tableName(entity), quoted.join(QLatin1Char(',')), updatedAt))) {
        m_database.fail(query.lastError(), tr("read the rows the server changed"));
        return false;
    }
    while (query.next()) {
        LocalRow row;
        row.localId = query.value(1).toLongLong();
        row.revision = query.value(2).toLongLong();
        row.state = static_cast<SyncState>(query.value(3).toInt());
        row.deleted = query.value(4).toInt() != 0;
        row.updatedAt = query.value(5).toString();
        rows->insert(QUuid::fromString(query.value(0).toString()), row);
    }
    if (query.lastError().isValid()) {
        m_database.fail(query.lastError(), tr("read the rows the server changed"));
        return false;
    }
    return true;
}

bool SyncRecordWriter::findRow(EntityKind entity, const QUuid &id, LocalRow *row)
{
    const QString what = tr("read the row the server changed");
    std::unique_ptr<QSqlQuery> &query = m_findRow[entityIndex(entity)];
    if (!query) {
        query = std::make_unique<QSqlQuery>(m_database.connection());
        query->setForwardOnly(true);
        if (!query->prepare(
                QStringLiteral("SELECT rowid, revision, sync_state, deleted FROM %1 WHERE uuid = ?")
                    .arg(Outbox::tableName(entity)))) {
            m_database.fail(query->lastError(), what);
            query.reset();
            return false;
        }
    }
    query->bindValue(0, SqlValues::uuid(id));
    if (!query->exec()) {
        m_database.fail(query->lastError(), what);
        return false;
    }
    *row = LocalRow();
    if (query->next()) {
        row->localId = query->value(0).toLongLong();
        row->revision = query->value(1).toLongLong();
        row->state = static_cast<SyncState>(query->value(2).toInt());
        row->deleted = query->value(3).toInt() != 0;
    }
    const QSqlError error = query->lastError();
    query->finish();
    if (error.isValid()) {
        m_database.fail(error, what);
        return false;
    }
    return true;
}

bool SyncRecordWriter::nextChangeSeq(qint64 *seq)
{
    if (m_changeSeq < 0) {
        bool ok = false;
        m_changeSeq = m_database.meta(kChangeSeq).toLongLong(&ok);
        if (!m_database.lastError().ok())
            return false;
        if (!ok) {
            m_database.setError(StoreError::Code::Other,
                                tr("The counters in %1 are missing or damaged.").arg(m_database.filePath()));
            m_changeSeq = -1;
            return false;
        }
    }
    *seq = ++m_changeSeq;
    m_changeSeqDirty = true;
    return true;
}

bool SyncRecordWriter::finish()
{
    if (!m_changeSeqDirty)
        return true;
    if (!m_database.setMeta(kChangeSeq, QString::number(m_changeSeq)))
        return false;
    m_changeSeqDirty = false;
    return true;
}

void SyncRecordWriter::decode(const SyncRecord &record, Decoded *decoded)
{
    decoded->errors.clear();
    decoded->ok = false;
    if (record.deleted)
        return;
    switch (record.entity) {
    case EntityKind::Patient:
        decoded->ok = EntityJson::fromJson(record.data, &decoded->patient, &decoded->errors);
        if (decoded->ok)
            decoded->nameKey = PatientStore::nameKey(decoded->patient.lastName, decoded->patient.firstName,
                                                     decoded->patient.fatherName);
        break;
    case EntityKind::Visit:
        decoded->ok = EntityJson::fromJson(record.data, &decoded->visit, &decoded->errors);
        break;
    case EntityKind::Report:
        decoded->ok = EntityJson::fromJson(record.data, &decoded->report, &decoded->errors);
        break;
    case EntityKind::Payment:
        decoded->ok = EntityJson::fromJson(record.data, &decoded->payment, &decoded->errors);
        break;
    }
}

bool SyncRecordWriter::write(const SyncRecord &record, qint64 localId, SyncState state,
                             qint64 *writtenLocalId)
{
    Decoded decoded;
    decode(record, &decoded);
    return write(record, decoded, localId, state, writtenLocalId);
}

bool SyncRecordWriter::write(const SyncRecord &record, const Decoded &decoded, qint64 localId,
                             SyncState state, qint64 *writtenLocalId)
{
    if (writtenLocalId)
        *writtenLocalId = localId;
    if (record.deleted)
        return localId == 0 || tombstone(record, localId, state);
    if (!decoded.ok)
        return refuse(record, decoded.errors);
    bool timeOk = false;
    switch (record.entity) {
    case EntityKind::Patient:
        return writePatient(record, decoded.patient, decoded.nameKey, localId, state, writtenLocalId);
    case EntityKind::Visit: {
        Visit visit = decoded.visit;
        visit.id = record.id;
        visit.updatedAt = EntityJson::timeFromText(record.updatedAt, &timeOk);
        return writeVisit(visit, localId, record.revision, state, writtenLocalId);
    }
    case EntityKind::Report: {
        Report report = decoded.report;
        report.id = record.id;
        report.updatedAt = EntityJson::timeFromText(record.updatedAt, &timeOk);
        return writeReport(report, localId, record.revision, state, writtenLocalId);
    }
    case EntityKind::Payment: {
        Payment payment = decoded.payment;
        payment.id = record.id;
        return writePayment(payment, localId, record.revision, state, writtenLocalId);
    }
    }
    return false;
}

bool SyncRecordWriter::writePatient(const SyncRecord &record, const Patient &patient, const QString &nameKey,
                                    qint64 localId, SyncState state, qint64 *writtenLocalId)
{
    const QString what = tr("save a patient from the server");
    qint64 changeSeq = 0;
    if (!nextChangeSeq(&changeSeq))
        return false;
    bool ok = false;
    const QDateTime updatedAt = EntityJson::timeFromText(record.updatedAt, &ok);

    const auto bindData = [&](PreparedStatement &query, int &i, const QString &number) {
        query.bindText(i++, number);
        query.bindText(i++, patient.lastName);
        query.bindText(i++, patient.firstName);
        query.bindText(i++, patient.fatherName);
        query.bindOptionalText(i++, SqlValues::dateOrNull(patient.birthDate));
        query.bindInt64(i++, patient.birthDateEstimated ? 1 : 0);
        query.bindInt64(i++, static_cast<int>(patient.sex));
        query.bindText(i++, patient.phone);
        query.bindText(i++, patient.address);
        query.bindText(i++, patient.allergies);
        query.bindText(i++, patient.medications);
        query.bindText(i++, patient.history);
        query.bindText(i++, patient.notes);
        query.bindText(i++, SqlValues::time(patient.createdAt));
        query.bindText(i++, SqlValues::time(ok ? updatedAt : m_now));
        query.bindText(i++, patient.createdBy);
        query.bindInt64(i++, record.revision);
        query.bindInt64(i++, static_cast<int>(state));
        query.bindText(i++, nameKey);
        query.bindInt64(i++, changeSeq);
        query.bindInt64(i++, m_epoch);
    };

    PreparedStatement *query = nullptr;
    if (localId == 0) {
        query = prepared(kPatientInsert, [] {
            return QStringLiteral(
                "INSERT INTO patient(number, last_name, first_name, father_name, birth_date,"
                " birth_date_estimated, sex, phone, address, allergies, medications, history, notes,"
                " created_at, updated_at, created_by, revision, sync_state, name_key, change_seq,"
                " pull_epoch, deleted, uuid)"
                " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)");
        });
    } else {
        query = prepared(kPatientUpdate, [] {
            return QStringLiteral(
                "UPDATE patient SET number = ?, last_name = ?, first_name = ?, father_name = ?,"
                " birth_date = ?, birth_date_estimated = ?, sex = ?, phone = ?, address = ?, allergies = ?,"
                " medications = ?, history = ?, notes = ?, created_at = ?, updated_at = ?, created_by = ?,"
                " revision = ?, sync_state = ?, name_key = ?, change_seq = ?, pull_epoch = ?, deleted = 0"
                " WHERE rowid = ?");
        });
    }
    if (!query)
        return false;
    const auto bindAll = [&](const QString &number) {
        int i = 0;
        bindData(*query, i, number);
        if (localId == 0)
            query->bindText(i++, SqlValues::uuid(record.id));
        else
            query->bindInt64(i++, localId);
    };
    bindAll(SqlValues::text(patient.number));
    if (!query->execute()) {
        // Two PCs whose random number prefixes happened to match may have issued the same
        // number to different patients. The server's record must still land (a page that
        // can never be applied would stop sync for good), so this copy's number is told
        // apart by its id; the server keeps the number as it was sent.
        const QSqlError error = query->lastError();
        QSqlQuery clash(m_database.connection());
        clash.prepare(QStringLiteral("SELECT 1 FROM patient WHERE number = ? AND uuid <> ?"));
        clash.addBindValue(patient.number);
        clash.addBindValue(SqlValues::uuid(record.id));
        if (!clash.exec() || !clash.next()) {
            m_database.fail(error, what);
            return false;
        }
        clash.finish();
        qWarning("patient number %s is used by two patients; the copy of %s is stored as a variant",
                 qPrintable(patient.number), qPrintable(SqlValues::uuid(record.id)));
        bindAll(QStringLiteral("%1 (%2)").arg(patient.number, SqlValues::uuid(record.id).left(8)));
        if (!run(*query, what))
            return false;
    }
    if (writtenLocalId)
        *writtenLocalId = localId == 0 ? query->lastInsertId() : localId;
    return true;
}

bool SyncRecordWriter::writeVisit(const Visit &visit, qint64 localId, qint64 revision, SyncState state,
                                  qint64 *writtenLocalId)
{
    PreparedStatement *query = nullptr;
    if (localId == 0) {
        query = prepared(kVisitInsert, [] {
            return QStringLiteral(
                "INSERT INTO visit(patient_uuid, doctor_id, day, ticket, priority, status,"
                " queue_position, note, created_at, called_at, started_at, finished_at, created_by,"
                " updated_at, revision, sync_state, pull_epoch, deleted, uuid) VALUES(?, ?, ?, ?, ?,"
                " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)");
        });
    } else {
        query = prepared(kVisitUpdate, [] {
            return QStringLiteral(
                "UPDATE visit SET patient_uuid = ?, doctor_id = ?, day = ?, ticket = ?, priority = ?,"
                " status = ?, queue_position = ?, note = ?, created_at = ?, called_at = ?, started_at"
                " = ?, finished_at = ?, created_by = ?, updated_at = ?, revision = ?, sync_state = ?,"
                " pull_epoch = ?, deleted = 0 WHERE rowid = ?");
        });
    }
    if (!query)
        return false;
    int i = 0;
    query->bindText(i++, SqlValues::uuid(visit.patientId));
    query->bindText(i++, visit.doctorId);
    query->bindOptionalText(i++, SqlValues::dateOrNull(visit.day));
    query->bindInt64(i++, visit.ticket);
    query->bindInt64(i++, static_cast<int>(visit.priority));
    query->bindInt64(i++, static_cast<int>(visit.status));
    query->bindInt64(i++, visit.queuePosition);
    query->bindText(i++, visit.note);
    query->bindText(i++, SqlValues::time(visit.createdAt));
    query->bindOptionalText(i++, SqlValues::timeOrNull(visit.calledAt));
    query->bindOptionalText(i++, SqlValues::timeOrNull(visit.startedAt));
    query->bindOptionalText(i++, SqlValues::timeOrNull(visit.finishedAt));
    query->bindText(i++, visit.createdBy);
    query->bindText(i++, SqlValues::time(visit.updatedAt.isValid() ? visit.updatedAt : m_now));
    query->bindInt64(i++, revision);
    query->bindInt64(i++, static_cast<int>(state));
    query->bindInt64(i++, m_epoch);
    if (localId == 0)
        query->bindText(i++, SqlValues::uuid(visit.id));
    else
        query->bindInt64(i++, localId);
    if (!run(*query, tr("save a visit from the server")))
        return false;
    if (writtenLocalId)
        *writtenLocalId = localId == 0 ? query->lastInsertId() : localId;
    return true;
}

bool SyncRecordWriter::writeReport(const Report &report, qint64 localId, qint64 revision, SyncState state,
                                   qint64 *writtenLocalId)
{
    PreparedStatement *query = nullptr;
    if (localId == 0) {
        query = prepared(kReportInsert, [] {
            return QStringLiteral(
                "INSERT INTO report(visit_uuid, patient_uuid, author_id, status, addendum_to,"
                " variant_of, complaints, anamnesis, vitals, examination, diagnosis, icd10,"
                " treatment_plan, recommendations, notes, created_at, updated_at, signed_at,"
                " revision, sync_state, pull_epoch, ai_drafted, deleted, uuid) VALUES(?, ?, ?, ?, ?, ?,"
                " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)");
        });
    } else {
        query = prepared(kReportUpdate, [] {
            return QStringLiteral(
                "UPDATE report SET visit_uuid = ?, patient_uuid = ?, author_id = ?, status = ?,"
                " addendum_to = ?, variant_of = ?, complaints = ?, anamnesis = ?, vitals = ?,"
                " examination = ?, diagnosis = ?, icd10 = ?, treatment_plan = ?, recommendations = ?,"
                " notes = ?, created_at = ?, updated_at = ?, signed_at = ?, revision = ?, sync_state"
                " = ?, pull_epoch = ?, ai_drafted = ?, deleted = 0 WHERE rowid = ?");
        });
    }
    if (!query)
        return false;
    const ReportSections &s = report.sections;
    int i = 0;
    query->bindText(i++, SqlValues::uuid(report.visitId));
    query->bindText(i++, SqlValues::uuid(report.patientId));
    query->bindText(i++, report.authorId);
    query->bindInt64(i++, static_cast<int>(report.status));
    query->bindOptionalText(i++, SqlValues::uuidOrNull(report.addendumTo));
    query->bindOptionalText(i++, SqlValues::uuidOrNull(report.variantOf));
    query->bindText(i++, s.complaints);
    query->bindText(i++, s.anamnesis);
    query->bindText(i++, ReportStore::vitalsText(s.vitals));
    query->bindText(i++, s.examination);
    query->bindText(i++, s.diagnosis);
    query->bindText(i++, s.icd10);
    query->bindText(i++, s.treatmentPlan);
    query->bindText(i++, s.recommendations);
    query->bindText(i++, s.notes);
    query->bindText(i++, SqlValues::time(report.createdAt));
    query->bindText(i++, SqlValues::time(report.updatedAt.isValid() ? report.updatedAt : m_now));
    query->bindOptionalText(i++, SqlValues::timeOrNull(report.signedAt));
    query->bindInt64(i++, revision);
    query->bindInt64(i++, static_cast<int>(state));
    query->bindInt64(i++, m_epoch);
    query->bindText(i++, ReportStore::aiDraftedText(s.aiDrafted));
    if (localId == 0)
        query->bindText(i++, SqlValues::uuid(report.id));
    else
        query->bindInt64(i++, localId);
    if (!run(*query, tr("save a report from the server")))
        return false;
    if (writtenLocalId)
        *writtenLocalId = localId == 0 ? query->lastInsertId() : localId;
    return true;
}

bool SyncRecordWriter::writePayment(const Payment &payment, qint64 localId, qint64 revision, SyncState state,
                                    qint64 *writtenLocalId)
{
    PreparedStatement *query = nullptr;
    if (localId == 0) {
        query = prepared(kPaymentInsert, [] {
            return QStringLiteral(
                "INSERT INTO payment(patient_uuid, visit_uuid, amount, method, taken_by, taken_at, reverses,"
                " receipt_ref, note, revision, sync_state, pull_epoch, deleted, uuid)"
                " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)");
        });
    } else {
        query = prepared(kPaymentUpdate, [] {
            return QStringLiteral(
                "UPDATE payment SET patient_uuid = ?, visit_uuid = ?, amount = ?, method = ?, taken_by = ?,"
                " taken_at = ?, reverses = ?, receipt_ref = ?, note = ?, revision = ?, sync_state = ?,"
                " pull_epoch = ?, deleted = 0 WHERE rowid = ?");
        });
    }
    if (!query)
        return false;
    int i = 0;
    query->bindText(i++, SqlValues::uuid(payment.patientId));
    query->bindOptionalText(i++, SqlValues::uuidOrNull(payment.visitId));
    query->bindInt64(i++, payment.amount);
    query->bindInt64(i++, static_cast<int>(payment.method));
    query->bindText(i++, payment.takenBy);
    query->bindText(i++, SqlValues::time(payment.takenAt));
    query->bindOptionalText(i++, SqlValues::uuidOrNull(payment.reverses));
    query->bindText(i++, payment.receiptRef);
    query->bindText(i++, payment.note);
    query->bindInt64(i++, revision);
    query->bindInt64(i++, static_cast<int>(state));
    query->bindInt64(i++, m_epoch);
    if (localId == 0)
        query->bindText(i++, SqlValues::uuid(payment.id));
    else
        query->bindInt64(i++, localId);
    if (!run(*query, tr("save a payment from the server")))
        return false;
    if (writtenLocalId)
        *writtenLocalId = localId == 0 ? query->lastInsertId() : localId;
    return true;
}

bool SyncRecordWriter::tombstone(const SyncRecord &record, qint64 localId, SyncState state)
{
    const EntityKind entity = record.entity;
    PreparedStatement *query = prepared(kTombstone + entityIndex(entity), [entity] {
        const QString table = Outbox::tableName(entity);
        // Payments have no updated_at: an entry never changes once taken.
        if (entity == EntityKind::Payment)
            return QStringLiteral(
                "UPDATE payment SET deleted = 1, revision = ?, sync_state = ?, pull_epoch = ?"
                " WHERE rowid = ?");
        if (entity == EntityKind::Patient)
            return QStringLiteral(
                "UPDATE patient SET deleted = 1, revision = ?, sync_state = ?, pull_epoch = ?,"
                " updated_at = ?, change_seq = ? WHERE rowid = ?");
        return QStringLiteral("UPDATE %1 SET deleted = 1, revision = ?, sync_state = ?, pull_epoch = ?,"
                              " updated_at = ? WHERE rowid = ?")
            .arg(table);
    });
    if (!query)
        return false;
    bool ok = false;
    const QDateTime updatedAt = EntityJson::timeFromText(record.updatedAt, &ok);
    int i = 0;
    query->bindInt64(i++, record.revision);
    query->bindInt64(i++, static_cast<int>(state));
    query->bindInt64(i++, m_epoch);
    if (entity != EntityKind::Payment)
        query->bindText(i++, SqlValues::time(ok ? updatedAt : m_now));
    if (entity == EntityKind::Patient) {
        qint64 changeSeq = 0;
        if (!nextChangeSeq(&changeSeq))
            return false;
        query->bindInt64(i++, changeSeq);
    }
    query->bindInt64(i++, localId);
    return run(*query, tr("delete a row the server deleted"));
}

bool SyncRecordWriter::markSeen(EntityKind entity, qint64 localId)
{
    PreparedStatement *query = prepared(kMarkSeen + entityIndex(entity), [entity] {
        return QStringLiteral("UPDATE %1 SET pull_epoch = ? WHERE rowid = ?").arg(Outbox::tableName(entity));
    });
    if (!query)
        return false;
    query->bindInt64(0, m_epoch);
    query->bindInt64(1, localId);
    return run(*query, tr("apply the server's changes"));
}

bool SyncRecordWriter::setState(EntityKind entity, qint64 localId, SyncState state)
{
    PreparedStatement *query = prepared(kSetState + entityIndex(entity), [entity] {
        return QStringLiteral("UPDATE %1 SET sync_state = ? WHERE rowid = ?").arg(Outbox::tableName(entity));
    });
    if (!query)
        return false;
    query->bindInt64(0, static_cast<int>(state));
    query->bindInt64(1, localId);
    return run(*query, tr("save the sync state"));
}

bool SyncRecordWriter::setRevision(EntityKind entity, qint64 localId, qint64 revision)
{
    PreparedStatement *query = prepared(kSetRevision + entityIndex(entity), [entity] {
        return QStringLiteral("UPDATE %1 SET revision = ? WHERE rowid = ?").arg(Outbox::tableName(entity));
    });
    if (!query)
        return false;
    query->bindInt64(0, revision);
    query->bindInt64(1, localId);
    return run(*query, tr("save the server's revision"));
}

bool SyncRecordWriter::setAcknowledged(EntityKind entity, qint64 localId, qint64 revision, SyncState state,
                                       const QString &updatedAt)
{
    const bool hasUpdatedAt = entity != EntityKind::Payment;
    PreparedStatement *query = prepared(kSetAcknowledged + entityIndex(entity), [entity, hasUpdatedAt] {
        return QStringLiteral("UPDATE %1 SET revision = ?, sync_state = ?%2 WHERE rowid = ?")
            .arg(Outbox::tableName(entity), hasUpdatedAt ? QStringLiteral(", updated_at = ?") : QString());
    });
    if (!query)
        return false;
    int i = 0;
    query->bindInt64(i++, revision);
    query->bindInt64(i++, static_cast<int>(state));
    if (hasUpdatedAt) {
        bool ok = false;
        const QDateTime time = EntityJson::timeFromText(updatedAt, &ok);
        query->bindText(i++, SqlValues::time(ok ? time : m_now));
    }
    query->bindInt64(i++, localId);
    return run(*query, tr("save the server's revision"));
}

} // namespace medora
