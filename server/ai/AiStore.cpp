#include "ai/AiStore.h"

#include "audit/AuditLog.h"
#include "domain/UuidV7.h"
#include "store/ServerDatabase.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace medora::server {

namespace {

ServiceError internalError()
{
    return ServiceError::make(ServiceError::Kind::Internal, QStringLiteral("internal_error"),
                              QStringLiteral("The server could not complete the request."));
}

QString dayText(const QDate &day)
{
    return day.toString(Qt::ISODate);
}

std::optional<int> ageOn(const QDate &birth, const QDate &today)
{
    if (!birth.isValid() || birth > today)
        return std::nullopt;
    int years = today.year() - birth.year();
    if (today.month() < birth.month() || (today.month() == birth.month() && today.day() < birth.day()))
        --years;
    return years;
}

// Outcomes that did not reach an answer of the service do not use up the quota.
const char *kCountedOutcomes = "outcome <> 'upstream_failed' AND outcome <> 'refused'";

} // namespace

AiStore::AiStore(ServerDatabase &database, AuditLog &audit) : m_database(database), m_audit(audit) {}

Outcome<AiPatientFacts> AiStore::patient(const QString &clinicId, const QString &patientId,
                                         const QDate &today)
{
    const ServiceError notFound =
        ServiceError::make(ServiceError::Kind::NotFound, QStringLiteral("not_found"),
                           QStringLiteral("No such patient on the server (sync the patient first)."));
    const QUuid uuid = QUuid::fromString(patientId);
    if (uuid.isNull() || patientId.size() != 36)
        return notFound;
    QSqlDatabase db = m_database.connection();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT data, deleted FROM sync_record"
                                 " WHERE clinic_id = ? AND entity = 'patient' AND id = ?"));
    query.addBindValue(clinicId);
    query.addBindValue(patientId.toLower());
    if (!query.exec())
        return internalError();
    if (!query.next() || query.value(1).toInt() != 0)
        return notFound;
    const QJsonObject data = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
    AiPatientFacts facts;
    facts.id = patientId.toLower();
    facts.ageYears =
        ageOn(QDate::fromString(data.value(QLatin1String("birthDate")).toString(), Qt::ISODate), today);
    const QString sex = data.value(QLatin1String("sex")).toString();
    facts.sex =
        (sex == QLatin1String("male") || sex == QLatin1String("female")) ? sex : QStringLiteral("unknown");
    facts.allergies = data.value(QLatin1String("allergies")).toString();
    facts.medications = data.value(QLatin1String("medications")).toString();
    facts.history = data.value(QLatin1String("history")).toString();
    facts.identity.nameParts = {data.value(QLatin1String("lastName")).toString(),
                                data.value(QLatin1String("firstName")).toString(),
                                data.value(QLatin1String("fatherName")).toString()};
    facts.identity.phone = data.value(QLatin1String("phone")).toString();
    facts.identity.patientNumber = data.value(QLatin1String("number")).toString();
    facts.identity.address = data.value(QLatin1String("address")).toString();
    return facts;
}

Outcome<bool> AiStore::enabled(const QString &clinicId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT enabled FROM ai_clinic_settings WHERE clinic_id = ?"));
    query.addBindValue(clinicId);
    if (!query.exec())
        return internalError();
    return query.next() ? query.value(0).toInt() != 0 : true;
}

Outcome<Done> AiStore::setEnabled(const Actor &actor, bool enabled)
{
    const bool committed = m_database.writeTransaction([&](QSqlDatabase &db) {
        QSqlQuery upsert(db);
        upsert.prepare(QStringLiteral(
            "INSERT INTO ai_clinic_settings (clinic_id, enabled, updated_at, updated_by) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (clinic_id) DO UPDATE SET enabled = excluded.enabled,"
            " updated_at = excluded.updated_at, updated_by = excluded.updated_by"));
        upsert.addBindValue(actor.clinicId);
        upsert.addBindValue(enabled ? 1 : 0);
        upsert.addBindValue(QDateTime::currentMSecsSinceEpoch());
        upsert.addBindValue(actor.userId);
        if (!upsert.exec())
            return false;
        AuditEntry entry;
        entry.clinicId = actor.clinicId;
        entry.actorUserId = actor.userId;
        entry.actorLogin = actor.login;
        entry.action = QStringLiteral("ai.settings_update");
        entry.targetType = QStringLiteral("clinic");
        entry.targetId = actor.clinicId;
        entry.clientAddress = actor.clientAddress.toString();
        entry.details = QJsonObject{{QStringLiteral("enabled"), enabled}};
        return m_audit.append(db, entry);
    });
    if (!committed)
        return internalError();
    return Done{};
}

Outcome<AiStore::UsedToday> AiStore::usedToday(const QString &userId, const QString &clinicId,
                                               const QDate &day)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT COUNT(*), SUM(CASE WHEN user_id = ? THEN 1 ELSE 0 END) FROM ai_usage"
                                 " WHERE clinic_id = ? AND day = ? AND ") +
                  QLatin1String(kCountedOutcomes));
    query.addBindValue(userId);
    query.addBindValue(clinicId);
    query.addBindValue(dayText(day));
    if (!query.exec() || !query.next())
        return internalError();
    return UsedToday{query.value(1).toInt(), query.value(0).toInt()};
}

Outcome<QString> AiStore::reserve(const Actor &actor, const QString &patientId, const QString &kind,
                                  int userQuota, int clinicQuota, const QDate &day)
{
    const QString id = UuidV7::generate().toString(QUuid::WithoutBraces);
    std::optional<ServiceError> refusal;
    const bool committed = m_database.writeTransaction([&](QSqlDatabase &db) {
        QSqlQuery count(db);
        count.prepare(
            QStringLiteral("SELECT COUNT(*), SUM(CASE WHEN user_id = ? THEN 1 ELSE 0 END) FROM ai_usage"
                           " WHERE clinic_id = ? AND day = ? AND ") +
            QLatin1String(kCountedOutcomes));
        count.addBindValue(actor.userId);
        count.addBindValue(actor.clinicId);
        count.addBindValue(dayText(day));
        if (!count.exec() || !count.next())
            return false;
        const int clinicUsed = count.value(0).toInt();
        const int userUsed = count.value(1).toInt();
        count.finish();
        const bool userOver = userQuota > 0 && userUsed >= userQuota;
        const bool clinicOver = clinicQuota > 0 && clinicUsed >= clinicQuota;
        if (userOver || clinicOver) {
            const qint64 untilMidnight =
                QDateTime::currentDateTimeUtc().secsTo(QDateTime(day.addDays(1), QTime(0, 0), Qt::UTC));
            ServiceError error = ServiceError::make(
                ServiceError::Kind::Throttled, QStringLiteral("ai_quota_exceeded"),
                userOver
                    ? QStringLiteral("Your daily AI quota (%1 calls) is used up; it renews at 00:00 UTC.")
                          .arg(userQuota)
                    : QStringLiteral("The clinic's daily AI quota (%1 calls) is used up; it renews at "
                                     "00:00 UTC.")
                          .arg(clinicQuota));
            error.field = userOver ? QStringLiteral("user") : QStringLiteral("clinic");
            error.retryAfterSeconds = int(qBound(qint64(1), untilMidnight, qint64(86400)));
            refusal = error;
            return false;
        }
        QSqlQuery insert(db);
        insert.prepare(
            QStringLiteral("INSERT INTO ai_usage (id, clinic_id, user_id, patient_id, kind, outcome,"
                           " day, created_at_ms) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)"));
        insert.addBindValue(id);
        insert.addBindValue(actor.clinicId);
        insert.addBindValue(actor.userId);
        insert.addBindValue(patientId);
        insert.addBindValue(kind);
        insert.addBindValue(dayText(day));
        insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
        return insert.exec();
    });
    if (refusal)
        return *refusal;
    if (!committed)
        return internalError();
    return id;
}

void AiStore::cancel(const QString &usageId)
{
    m_database.writeTransaction([&](QSqlDatabase &db) {
        QSqlQuery remove(db);
        remove.prepare(QStringLiteral("DELETE FROM ai_usage WHERE id = ? AND outcome = 'pending'"));
        remove.addBindValue(usageId);
        return remove.exec();
    });
}

bool AiStore::finish(const AiUsageRecord &record, const AuditEntry &event)
{
    return m_database.writeTransaction([&](QSqlDatabase &db) {
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE ai_usage SET model = ?, outcome = ?, prompt_tokens = ?,"
                                      " output_tokens = ?, total_tokens = ?, bytes_sent = ?, latency_ms = ?"
                                      " WHERE id = ?"));
        update.addBindValue(record.model.isNull() ? QStringLiteral("") : record.model);
        update.addBindValue(record.outcome);
        update.addBindValue(record.promptTokens);
        update.addBindValue(record.outputTokens);
        update.addBindValue(record.totalTokens);
        update.addBindValue(record.bytesSent);
        update.addBindValue(record.latencyMs);
        update.addBindValue(record.id);
        if (!update.exec())
            return false;
        return m_audit.append(db, event);
    });
}

Outcome<QJsonObject> AiStore::statistics(const QString &clinicId, const QDate &from, const QDate &to)
{
    QSqlDatabase db = m_database.connection();
    const QString failed =
        QStringLiteral("SUM(CASE WHEN outcome = 'ok' OR outcome = 'pending' THEN 0 ELSE 1 END)");
    const QString sums = QStringLiteral("COUNT(*), ") + failed +
                         QStringLiteral(", SUM(prompt_tokens), SUM(output_tokens), SUM(total_tokens)");
    auto totals = [](const QSqlQuery &row, int first) {
        return QJsonObject{{QStringLiteral("calls"), row.value(first).toLongLong()},
                           {QStringLiteral("failures"), row.value(first + 1).toLongLong()},
                           {QStringLiteral("promptTokens"), row.value(first + 2).toLongLong()},
                           {QStringLiteral("outputTokens"), row.value(first + 3).toLongLong()},
                           {QStringLiteral("totalTokens"), row.value(first + 4).toLongLong()}};
    };
    auto grouped = [&](const QString &column, const QString &key, QJsonArray *out) {
        QSqlQuery query(db);
        query.prepare(
            QStringLiteral("SELECT %1, %2 FROM ai_usage WHERE clinic_id = ? AND day >= ? AND day <= ?"
                           " GROUP BY %1 ORDER BY %1")
                .arg(column, sums));
        query.addBindValue(clinicId);
        query.addBindValue(dayText(from));
        query.addBindValue(dayText(to));
        if (!query.exec())
            return false;
        while (query.next()) {
            QJsonObject row = totals(query, 1);
            row.insert(key, query.value(0).toString());
            out->append(row);
        }
        return true;
    };
    QSqlQuery all(db);
    all.prepare(QStringLiteral("SELECT ") + sums +
                QStringLiteral(" FROM ai_usage WHERE clinic_id = ? AND day >= ? AND day <= ?"));
    all.addBindValue(clinicId);
    all.addBindValue(dayText(from));
    all.addBindValue(dayText(to));
    if (!all.exec() || !all.next())
        return internalError();
    QJsonObject result = totals(all, 0);
    all.finish();
    QJsonArray byModel, byKind, byDay;
    if (!grouped(QStringLiteral("model"), QStringLiteral("model"), &byModel) ||
        !grouped(QStringLiteral("kind"), QStringLiteral("kind"), &byKind) ||
        !grouped(QStringLiteral("day"), QStringLiteral("day"), &byDay))
        return internalError();
    result.insert(QStringLiteral("from"), dayText(from));
    result.insert(QStringLiteral("to"), dayText(to));
    result.insert(QStringLiteral("byModel"), byModel);
    result.insert(QStringLiteral("byKind"), byKind);
    result.insert(QStringLiteral("byDay"), byDay);
    return result;
}

} // namespace medora::server
