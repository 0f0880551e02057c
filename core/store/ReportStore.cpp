#include "store/ReportStore.h"

#include "domain/EntityJson.h"
#include "domain/UuidV7.h"
#include "store/Outbox.h"
#include "store/RowIdChunks.h"
#include "store/SqlValues.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace medora {

namespace {

const QString kColumns =
    QStringLiteral("rowid, uuid, visit_uuid, patient_uuid, author_id, status, addendum_to, variant_of,"
                   " complaints, anamnesis, vitals, examination, diagnosis, icd10, treatment_plan,"
                   " recommendations, notes, created_at, updated_at, signed_at, deleted, revision,"
                   " sync_state, ai_drafted");

Report readReport(const QSqlQuery &query)
{
    Report report;
    report.localId = query.value(0).toLongLong();
    report.id = SqlValues::toUuid(query.value(1));
    report.visitId = SqlValues::toUuid(query.value(2));
    report.patientId = SqlValues::toUuid(query.value(3));
    report.authorId = query.value(4).toString();
    report.status = static_cast<ReportStatus>(query.value(5).toInt());
    report.addendumTo = SqlValues::toUuid(query.value(6));
    report.variantOf = SqlValues::toUuid(query.value(7));
    ReportSections &s = report.sections;
    s.complaints = query.value(8).toString();
    s.anamnesis = query.value(9).toString();
    s.vitals = ReportStore::vitalsFromText(query.value(10).toString());
    s.examination = query.value(11).toString();
    s.diagnosis = query.value(12).toString();
    s.icd10 = query.value(13).toString();
    s.treatmentPlan = query.value(14).toString();
    s.recommendations = query.value(15).toString();
    s.notes = query.value(16).toString();
    report.createdAt = SqlValues::toTime(query.value(17));
    report.updatedAt = SqlValues::toTime(query.value(18));
    report.signedAt = SqlValues::toTime(query.value(19));
    report.deleted = query.value(20).toInt() != 0;
    report.revision = query.value(21).toLongLong();
    report.syncState = static_cast<SyncState>(query.value(22).toInt());
    s.aiDrafted = ReportStore::aiDraftedFromText(query.value(23).toString());
    return report;
}

} // namespace

ReportStore::ReportStore(Database &database) : m_database(database) {}

QString ReportStore::vitalsText(const QList<Vital> &vitals)
{
    // Written by hand: QJsonDocument's detour through CBOR cost more than the rest of
    // storing a pulled report. The same compact JSON, strings escaped per RFC 8259.
    const auto appendString = [](QString &out, const QString &text) {
        out += QLatin1Char('"');
        for (const QChar c : text) {
            if (c == QLatin1Char('"') || c == QLatin1Char('\\')) {
                out += QLatin1Char('\\');
                out += c;
            } else if (c.unicode() < 0x20) {
                out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
            } else {
                out += c;
            }
        }
        out += QLatin1Char('"');
    };
    QString text;
    text.reserve(2 + vitals.size() * 64);
    text += QLatin1Char('[');
    for (qsizetype i = 0; i < vitals.size(); ++i) {
        if (i > 0)
            text += QLatin1Char(',');
        text += QLatin1String("{\"code\":");
        appendString(text, vitals[i].code);
        text += QLatin1String(",\"value\":");
        appendString(text, vitals[i].value);
        text += QLatin1String(",\"unit\":");
        appendString(text, vitals[i].unit);
        text += QLatin1Char('}');
    }
    text += QLatin1Char(']');
    return text;
}

QString ReportStore::aiDraftedText(const QStringList &sections)
{
    // Never a null string: the column is NOT NULL, and a null QString binds as NULL.
    return sections.isEmpty() ? QStringLiteral("") : sections.join(QLatin1Char(','));
}

QStringList ReportStore::aiDraftedFromText(const QString &text)
{
    return text.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

QList<Vital> ReportStore::vitalsFromText(const QString &text)
{
    QList<Vital> vitals;
    if (text.isEmpty() || text == QLatin1String("[]"))
        return vitals;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    vitals.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject item = value.toObject();
        vitals.append(Vital{item.value(QLatin1String("code")).toString(),
                            item.value(QLatin1String("value")).toString(),
                            item.value(QLatin1String("unit")).toString()});
    }
    return vitals;
}

bool ReportStore::validate(const Report &report, FieldErrors *errors)
{
    FieldErrors found;
    Report decoded;
    EntityJson::fromJson(EntityJson::toJson(report), &decoded, &found);
    if (errors)
        *errors = found;
    if (found.isEmpty())
        return true;
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("data.visitId"), QT_TR_NOOP("Visit")},
        {QStringLiteral("data.patientId"), QT_TR_NOOP("Patient")},
        {QStringLiteral("data.authorId"), QT_TR_NOOP("Author")},
        {QStringLiteral("data.status"), QT_TR_NOOP("Status")},
        {QStringLiteral("data.addendumTo"), QT_TR_NOOP("Corrected report")},
        {QStringLiteral("data.sections.complaints"), QT_TR_NOOP("Complaints")},
        {QStringLiteral("data.sections.anamnesis"), QT_TR_NOOP("Anamnesis")},
        {QStringLiteral("data.sections.vitals"), QT_TR_NOOP("Vital signs")},
        {QStringLiteral("data.sections.examination"), QT_TR_NOOP("Examination")},
        {QStringLiteral("data.sections.diagnosis"), QT_TR_NOOP("Diagnosis")},
        {QStringLiteral("data.sections.icd10"), QT_TR_NOOP("ICD-10 code")},
        {QStringLiteral("data.sections.treatmentPlan"), QT_TR_NOOP("Treatment plan")},
        {QStringLiteral("data.sections.recommendations"), QT_TR_NOOP("Recommendations")},
        {QStringLiteral("data.sections.notes"), QT_TR_NOOP("Notes")},
        {QStringLiteral("data.sections.aiDrafted"), QT_TR_NOOP("Sections drafted with AI")},
        {QStringLiteral("data.createdAt"), QT_TR_NOOP("Created at")},
        {QStringLiteral("data.signedAt"), QT_TR_NOOP("Signed at")},
    };
    const FieldError &first = found.first();
    QString label;
    if (const char *known = labels.value(first.field))
        label = tr(known);
    else if (first.field.startsWith(QLatin1String("data.sections.vitals[")))
        label = tr("Vital signs (%1)").arg(first.field.mid(int(qstrlen("data.sections."))));
    else
        label = first.field;
    m_database.setError(StoreError::Code::Invalid,
                        tr("The report was not saved. %1: %2").arg(label, first.message));
    return false;
}

bool ReportStore::insert(Report &report, FieldErrors *errors)
{
    m_database.clearError();
    if (errors)
        errors->clear();
    if (report.status != ReportStatus::Draft) {
        m_database.setError(StoreError::Code::Invalid,
                            tr("A new report starts as a draft; it is signed once written."));
        return false;
    }
    if (!report.variantOf.isNull()) {
        m_database.setError(StoreError::Code::Invalid,
                            tr("Only the server marks a report as a second version of a draft."));
        return false;
    }
    Report candidate = report;
    const QDateTime now = SqlValues::nowUtc();
    if (candidate.id.isNull())
        candidate.id = UuidV7::generate();
    candidate.createdAt = candidate.createdAt.isValid() ? candidate.createdAt.toUTC() : now;
    candidate.updatedAt = now;
    candidate.signedAt = QDateTime();
    candidate.deleted = false;
    candidate.revision = 0;
    candidate.syncState = SyncState::New;

    if (!m_database.begin())
        return false;
    const auto abandon = [this] {
        m_database.rollback();
        return false;
    };
    if (!candidate.addendumTo.isNull()) {
        const std::optional<Report> corrected = getById(candidate.addendumTo);
        if (!m_database.lastError().ok())
            return abandon();
        if (!corrected || corrected->deleted || corrected->status != ReportStatus::Signed) {
            m_database.setError(StoreError::Code::Invalid,
                                tr("An addendum must correct a signed report, and %1 is not one.")
                                    .arg(SqlValues::uuid(candidate.addendumTo)));
            return abandon();
        }
    }
    if (!validate(candidate, errors))
        return abandon();

    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("INSERT INTO report(uuid, visit_uuid, patient_uuid, author_id, status, addendum_to,"
                       " variant_of, complaints, anamnesis, vitals, examination, diagnosis, icd10,"
                       " treatment_plan, recommendations, notes, created_at, updated_at, signed_at, deleted,"
                       " revision, sync_state, ai_drafted) VALUES(?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?,"
                       " ?, ?, ?, ?, ?, NULL, 0, 0, ?, ?)"));
    const ReportSections &s = candidate.sections;
    query.addBindValue(SqlValues::uuid(candidate.id));
    query.addBindValue(SqlValues::uuid(candidate.visitId));
    query.addBindValue(SqlValues::uuid(candidate.patientId));
    query.addBindValue(SqlValues::text(candidate.authorId));
    query.addBindValue(static_cast<int>(candidate.status));
    query.addBindValue(SqlValues::optionalUuid(candidate.addendumTo));
    query.addBindValue(SqlValues::text(s.complaints));
    query.addBindValue(SqlValues::text(s.anamnesis));
    query.addBindValue(vitalsText(s.vitals));
    query.addBindValue(SqlValues::text(s.examination));
    query.addBindValue(SqlValues::text(s.diagnosis));
    query.addBindValue(SqlValues::text(s.icd10));
    query.addBindValue(SqlValues::text(s.treatmentPlan));
    query.addBindValue(SqlValues::text(s.recommendations));
    query.addBindValue(SqlValues::text(s.notes));
    query.addBindValue(SqlValues::time(candidate.createdAt));
    query.addBindValue(SqlValues::time(candidate.updatedAt));
    query.addBindValue(static_cast<int>(SyncState::New));
    query.addBindValue(aiDraftedText(s.aiDrafted));
    if (!query.exec()) {
        m_database.fail(query.lastError(), tr("save the report"));
        return abandon();
    }
    candidate.localId = query.lastInsertId().toLongLong();
    if (!Outbox(m_database).recordUpsert(EntityKind::Report, candidate.localId, candidate.id) ||
        !m_database.commit())
        return abandon();
    report = candidate;
    return true;
}

bool ReportStore::loadForChange(qint64 localId, Report *stored)
{
    const std::optional<Report> found = get(localId);
    if (!found) {
        if (m_database.lastError().ok())
            m_database.setError(StoreError::Code::NotFound,
                                tr("Report record %1 is not in %2.").arg(localId).arg(m_database.filePath()));
        return false;
    }
    if (found->deleted) {
        m_database.setError(StoreError::Code::Immutable,
                            tr("This report was deleted and can no longer change."));
        return false;
    }
    if (found->status == ReportStatus::Signed) {
        m_database.setError(StoreError::Code::Immutable,
                            tr("This report is signed and can no longer be changed. Write an addendum to "
                               "correct it."));
        return false;
    }
    *stored = *found;
    return true;
}

bool ReportStore::writeChange(Report &candidate, const Report &stored)
{
    // A save that changes nothing the server keeps queues nothing.
    if (EntityJson::toJson(candidate) == EntityJson::toJson(stored))
        return true;
    candidate.updatedAt = SqlValues::nowUtc();
    candidate.syncState = Outbox::stateAfterLocalEdit(stored.syncState);
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("UPDATE report SET status = ?, complaints = ?, anamnesis = ?, vitals = ?, examination"
                       " = ?, diagnosis = ?, icd10 = ?, treatment_plan = ?, recommendations = ?, notes = ?,"
                       " signed_at = ?, updated_at = ?, sync_state = ?, ai_drafted = ? WHERE rowid = ?"));
    const ReportSections &s = candidate.sections;
    query.addBindValue(static_cast<int>(candidate.status));
    query.addBindValue(SqlValues::text(s.complaints));
    query.addBindValue(SqlValues::text(s.anamnesis));
    query.addBindValue(vitalsText(s.vitals));
    query.addBindValue(SqlValues::text(s.examination));
    query.addBindValue(SqlValues::text(s.diagnosis));
    query.addBindValue(SqlValues::text(s.icd10));
    query.addBindValue(SqlValues::text(s.treatmentPlan));
    query.addBindValue(SqlValues::text(s.recommendations));
    query.addBindValue(SqlValues::text(s.notes));
    query.addBindValue(SqlValues::optionalTime(candidate.signedAt));
    query.addBindValue(SqlValues::time(candidate.updatedAt));
    query.addBindValue(static_cast<int>(candidate.syncState));
    query.addBindValue(aiDraftedText(s.aiDrafted));
    query.addBindValue(candidate.localId);
    if (!query.exec()) {
        m_database.fail(query.lastError(), tr("save the report"));
        return false;
    }
    return Outbox(m_database).recordUpsert(EntityKind::Report, candidate.localId, candidate.id);
}

bool ReportStore::update(Report &report, FieldErrors *errors)
{
    m_database.clearError();
    if (errors)
        errors->clear();
    if (!m_database.begin())
        return false;
    Report stored;
    if (!loadForChange(report.localId, &stored)) {
        m_database.rollback();
        return false;
    }
    Report candidate = stored;
    candidate.sections = report.sections;
    if (!validate(candidate, errors) || !writeChange(candidate, stored) || !m_database.commit()) {
        m_database.rollback();
        return false;
    }
    report = candidate;
    return true;
}

bool ReportStore::sign(qint64 localId, const QDateTime &at)
{
    m_database.clearError();
    if (!m_database.begin())
        return false;
    Report stored;
    if (!loadForChange(localId, &stored)) {
        m_database.rollback();
        return false;
    }
    Report candidate = stored;
    candidate.status = ReportStatus::Signed;
    candidate.signedAt = at.isValid() ? at.toUTC() : SqlValues::nowUtc();
    if (!validate(candidate, nullptr) || !writeChange(candidate, stored) || !m_database.commit()) {
        m_database.rollback();
        return false;
    }
    return true;
}

bool ReportStore::remove(qint64 localId)
{
    m_database.clearError();
    if (!m_database.begin())
        return false;
    Report stored;
    if (!loadForChange(localId, &stored)) {
        m_database.rollback();
        return false;
    }
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("UPDATE report SET deleted = 1, updated_at = ?, sync_state = ? WHERE rowid = ?"));
    query.addBindValue(SqlValues::time(SqlValues::nowUtc()));
    query.addBindValue(static_cast<int>(Outbox::stateAfterLocalEdit(stored.syncState)));
    query.addBindValue(localId);
    if (!query.exec()) {
        m_database.fail(query.lastError(), tr("delete the report"));
        m_database.rollback();
        return false;
    }
    if (!Outbox(m_database).recordDelete(EntityKind::Report, localId, stored.id, stored.revision) ||
        !m_database.commit()) {
        m_database.rollback();
        return false;
    }
    return true;
}

bool ReportStore::createAddendum(qint64 signedLocalId, Report &addendum, FieldErrors *errors)
{
    m_database.clearError();
    const std::optional<Report> corrected = get(signedLocalId);
    if (!corrected) {
        if (m_database.lastError().ok())
            m_database.setError(
                StoreError::Code::NotFound,
                tr("Report record %1 is not in %2.").arg(signedLocalId).arg(m_database.filePath()));
        return false;
    }
    Report candidate = addendum;
    candidate.visitId = corrected->visitId;
    candidate.patientId = corrected->patientId;
    candidate.addendumTo = corrected->id;
    if (!insert(candidate, errors))
        return false;
    addendum = candidate;
    return true;
}

QList<Report> ReportStore::select(const QString &where, const QVariantList &values, const QString &what) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM report WHERE %2").arg(kColumns, where));
    for (const QVariant &value : values)
        query.addBindValue(value);
    QList<Report> reports;
    if (!query.exec()) {
        m_database.fail(query.lastError(), what);
        return reports;
    }
    while (query.next())
        reports.append(readReport(query));
    if (query.lastError().isValid())
        m_database.fail(query.lastError(), what);
    return reports;
}

QList<Report> ReportStore::getMany(const std::vector<qint64> &localIds) const
{
    m_database.clearError();
    return selectByRowIds<Report>(m_database, localIds, [this](const QString &where) {
        return select(where, {}, tr("read the reports"));
    });
}

std::optional<Report> ReportStore::get(qint64 localId) const
{
    m_database.clearError();
    const QList<Report> found = select(QStringLiteral("rowid = ?"), {localId}, tr("read the report"));
    return found.isEmpty() ? std::nullopt : std::optional<Report>(found.first());
}

std::optional<Report> ReportStore::getById(const QUuid &id) const
{
    m_database.clearError();
    const QList<Report> found =
        select(QStringLiteral("uuid = ?"), {SqlValues::uuid(id)}, tr("read the report"));
    return found.isEmpty() ? std::nullopt : std::optional<Report>(found.first());
}

QList<Report> ReportStore::forPatient(const QUuid &patientId) const
{
    m_database.clearError();
    return select(QStringLiteral("patient_uuid = ? AND deleted = 0 ORDER BY created_at, rowid"),
                  {SqlValues::uuid(patientId)}, tr("read the patient's reports"));
}

QList<Report> ReportStore::forVisit(const QUuid &visitId) const
{
    m_database.clearError();
    return select(QStringLiteral("visit_uuid = ? AND deleted = 0 ORDER BY created_at, rowid"),
                  {SqlValues::uuid(visitId)}, tr("read the visit's reports"));
}

QList<Report> ReportStore::addendaOf(const QUuid &reportId) const
{
    m_database.clearError();
    return select(QStringLiteral("addendum_to = ? AND deleted = 0 ORDER BY created_at, rowid"),
                  {SqlValues::uuid(reportId)}, tr("read the addenda"));
}

} // namespace medora
