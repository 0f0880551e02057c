#include "telegram/PaymentNotices.h"

#include "config/ServerConfig.h"
#include "domain/EntityJson.h"
#include "domain/Patient.h"
#include "domain/Visit.h"
#include "store/ServerDatabase.h"
#include "subscription/SubscriptionService.h"
#include "telegram/TelegramOutbox.h"
#include "telegram/TelegramTexts.h"

#include <QJsonDocument>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace medora::server {

namespace {

QTimeZone zoneOf(const ServerConfig &config)
{
    const QTimeZone zone(config.telegram.timeZone.toUtf8());
    return zone.isValid() ? zone : QTimeZone(5 * 3600); // Asia/Tashkent has no DST
}

QJsonObject recordData(ServerDatabase &database, const QString &clinicId, const QString &entity,
                       const QString &id)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral(
        "SELECT data FROM sync_record WHERE clinic_id = ? AND entity = ? AND id = ? AND deleted = 0"));
    query.addBindValue(clinicId);
    query.addBindValue(entity);
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return {};
    return QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
}

} // namespace

PaymentNotices::PaymentNotices(const ServerConfig &config, ServerDatabase &database)
    : m_config(config), m_database(database)
{}

QString PaymentNotices::staffName(const QString &userId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT full_name FROM staff WHERE id = ?"));
    query.addBindValue(userId);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return QStringLiteral("—");
}

bool PaymentNotices::enqueue(const QString &clinicId, const Payment &payment, QString *error)
{
    if (m_config.telegramBotToken.isEmpty())
        return true;
    const SubscriptionService subscriptions(m_config, m_database);
    const Outcome<SubscriptionState> state = subscriptions.state(clinicId);
    if (!state.ok()) {
        if (error)
            *error = state.error().message;
        return false;
    }
    const QString chat = subscriptions.paymentChat(state.value());
    if (chat.isEmpty())
        return true;

    const QString paymentId = payment.id.toString(QUuid::WithoutBraces);
    PaymentNoticeFacts facts;
    facts.amount = payment.amount;
    facts.method = EntityJson::paymentMethodName(payment.method);
    facts.receptionist = staffName(payment.takenBy);
    facts.takenAt = payment.takenAt.toTimeZone(zoneOf(m_config));
    facts.correction = !payment.reverses.isNull();
    Patient patient;
    FieldErrors ignored;
    if (EntityJson::fromJson(recordData(m_database, clinicId, QStringLiteral("patient"),
                                        payment.patientId.toString(QUuid::WithoutBraces)),
                             &patient, &ignored)) {
        facts.patientNumber = patient.number;
        facts.patientInitials = TelegramTexts::initials(patient.lastName, patient.firstName);
    }
    if (!payment.visitId.isNull()) {
        const QString doctorId = recordData(m_database, clinicId, QStringLiteral("visit"),
                                            payment.visitId.toString(QUuid::WithoutBraces))
                                     .value(QLatin1String("doctorId"))
                                     .toString();
        if (!doctorId.isEmpty())
            facts.doctor = staffName(doctorId);
    }

    OutboxItem item;
    item.clinicId = clinicId;
    item.kind = facts.correction ? QStringLiteral("correction") : QStringLiteral("payment");
    item.dedupeKey = QStringLiteral("payment:%1:%2").arg(clinicId, paymentId);
    item.method = QStringLiteral("sendMessage");
    item.chatId = chat;
    item.payload = {{QStringLiteral("text"), TelegramTexts(m_config.telegram.language).paymentNotice(facts)}};
    return TelegramOutbox(m_database).enqueue(item, error);
}

bool PaymentNotices::enqueueDueSummaries(const QDateTime &nowUtc, QString *error, int *queued)
{
    if (queued)
        *queued = 0;
    if (m_config.telegramBotToken.isEmpty() || !m_config.telegram.dailySummaryTime.isValid())
        return true;
    const QTimeZone zone = zoneOf(m_config);
    const QDateTime nowLocal = nowUtc.toTimeZone(zone);
    if (nowLocal.time() < m_config.telegram.dailySummaryTime)
        return true;
    const QDate day = nowLocal.date();
    const QDateTime dayStart = QDateTime(day, QTime(0, 0), zone).toUTC();
    const QDateTime dayEnd = QDateTime(day.addDays(1), QTime(0, 0), zone).toUTC();

    QSqlQuery clinics(m_database.connection());
    if (!clinics.exec(QStringLiteral("SELECT id FROM clinics ORDER BY id"))) {
        if (error)
            *error = clinics.lastError().text();
        return false;
    }
    QStringList ids;
    while (clinics.next())
        ids << clinics.value(0).toString();
    clinics.finish();

    TelegramOutbox outbox(m_database);
    const SubscriptionService subscriptions(m_config, m_database);
    const TelegramTexts texts(m_config.telegram.language);
    for (const QString &clinicId : std::as_const(ids)) {
        const QString key = QStringLiteral("summary:%1:%2").arg(clinicId, day.toString(Qt::ISODate));
        QString findError;
        if (outbox.findByKey(key, &findError))
            continue;
        const Outcome<SubscriptionState> state = subscriptions.state(clinicId);
        if (!state.ok())
            continue;
        const QString chat = subscriptions.paymentChat(state.value());
        if (chat.isEmpty())
            continue;
        // Payments reach the server after they are taken; one taken today arrived today or later,
        // and those of a PC that was offline for days are still counted on the day they were taken
        // only if they arrived by the summary.
        QSqlQuery payments(m_database.connection());
        payments.prepare(
            QStringLiteral("SELECT data FROM sync_record WHERE clinic_id = ? AND entity = 'payment'"
                           " AND updated_at_ms >= ?"));
        payments.addBindValue(clinicId);
        payments.addBindValue(dayStart.toMSecsSinceEpoch() - 24LL * 3600 * 1000);
        if (!payments.exec()) {
            if (error)
                *error = payments.lastError().text();
            return false;
        }
        DailySummaryFacts facts;
        facts.clinicName = state.value().clinicName;
        facts.day = day;
        QMap<QString, qint64> byMethod;
        QMap<QString, qint64> byTaker;
        while (payments.next()) {
            Payment payment;
            FieldErrors ignored;
            if (!EntityJson::fromJson(QJsonDocument::fromJson(payments.value(0).toString().toUtf8()).object(),
                                      &payment, &ignored))
                continue;
            if (payment.takenAt < dayStart || payment.takenAt >= dayEnd)
                continue;
            facts.payments += payment.reverses.isNull() ? 1 : 0;
            facts.total += payment.amount;
            byMethod[EntityJson::paymentMethodName(payment.method)] += payment.amount;
            byTaker[payment.takenBy] += payment.amount;
        }
        payments.finish();
        if (byMethod.isEmpty())
            continue; // no payment that day: nothing to sum up
        for (auto it = byMethod.constBegin(); it != byMethod.constEnd(); ++it)
            facts.byMethod.append({it.key(), it.value()});
        for (auto it = byTaker.constBegin(); it != byTaker.constEnd(); ++it)
            facts.byReceptionist.append({staffName(it.key()), it.value()});

        OutboxItem item;
        item.clinicId = clinicId;
        item.kind = QStringLiteral("summary");
        item.dedupeKey = key;
        item.method = QStringLiteral("sendMessage");
        item.chatId = chat;
        item.payload = {{QStringLiteral("text"), texts.dailySummary(facts)}};
        bool added = false;
        if (!outbox.enqueue(item, error, &added))
            return false;
        if (added && queued)
            ++*queued;
    }
    return true;
}

} // namespace medora::server
