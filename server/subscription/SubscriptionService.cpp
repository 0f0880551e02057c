#include "subscription/SubscriptionService.h"

#include "audit/AuditLog.h"
#include "config/ServerConfig.h"
#include "store/ServerDatabase.h"
#include "subscription/ReceiptButtons.h"
#include "subscription/ReceiptFile.h"
#include "telegram/TelegramOutbox.h"
#include "telegram/TelegramTexts.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>

namespace medora::server {

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

ServiceError internal()
{
    return ServiceError::make(ServiceError::Kind::Internal, QStringLiteral("internal_error"),
                              QStringLiteral("The server could not complete this request."));
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QDateTime local(const QDateTime &utc, const QString &zone)
{
    const QTimeZone timeZone(zone.toUtf8());
    return timeZone.isValid() ? utc.toTimeZone(timeZone) : utc;
}

} // namespace

SubscriptionService::SubscriptionService(const ServerConfig &config, ServerDatabase &database,
                                         AuditLog *audit)
    : m_config(config), m_database(database), m_audit(audit)
{}

QDateTime SubscriptionService::graceEnd(const QDateTime &paidUntil) const
{
    return paidUntil.addMSecs(qint64(m_config.telegram.subscriptionGraceDays) * kDayMs);
}

SubscriptionState::Status SubscriptionService::statusAt(const QDateTime &paidUntil,
                                                        const QDateTime &now) const
{
    if (now < paidUntil)
        return SubscriptionState::Status::Active;
    if (now < graceEnd(paidUntil))
        return SubscriptionState::Status::Grace;
    return SubscriptionState::Status::Expired;
}

Outcome<SubscriptionState> SubscriptionService::state(const QString &clinicId) const
{
    return state(clinicId, QDateTime::currentDateTimeUtc());
}

Outcome<SubscriptionState> SubscriptionService::state(const QString &clinicId, const QDateTime &now) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT c.name, c.created_at, s.plan, s.paid_until_ms, s.payment_chat_id"
                                 " FROM clinics c LEFT JOIN clinic_subscription s ON s.clinic_id = c.id"
                                 " WHERE c.id = ?"));
    query.addBindValue(clinicId);
    if (!query.exec())
        return internal();
    if (!query.next())
        return ServiceError::make(ServiceError::Kind::NotFound, QStringLiteral("clinic_not_found"),
                                  QStringLiteral("There is no such clinic."));
    SubscriptionState s;
    s.clinicId = clinicId;
    s.clinicName = query.value(0).toString();
    if (query.value(2).isNull()) {
        s.plan = QStringLiteral("trial");
        s.paidUntil = fromMs(query.value(1).toLongLong() + qint64(m_config.telegram.trialDays) * kDayMs);
    } else {
        s.plan = query.value(2).toString();
        s.paidUntil = fromMs(query.value(3).toLongLong());
        s.paymentChatId = query.value(4).toString();
    }
    s.graceEndsAt = graceEnd(s.paidUntil);
    s.status = statusAt(s.paidUntil, now);
    return s;
}

Outcome<QList<SubscriptionState>> SubscriptionService::list() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT id FROM clinics ORDER BY name, id")))
        return internal();
    QStringList ids;
    while (query.next())
        ids << query.value(0).toString();
    QList<SubscriptionState> states;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &id : std::as_const(ids)) {
        const Outcome<SubscriptionState> one = state(id, now);
        if (!one.ok())
            return one.error();
        states.append(one.value());
    }
    return states;
}

std::optional<ServiceError> SubscriptionService::refusal(const QString &clinicId, Feature feature) const
{
    const Outcome<SubscriptionState> current = state(clinicId);
    if (!current.ok())
        return current.error();
    const bool allowed =
        feature == Feature::Ai ? current.value().aiAllowed() : current.value().newVisitsAllowed();
    if (allowed)
        return std::nullopt;
    ServiceError error = ServiceError::make(
        ServiceError::Kind::Forbidden, QStringLiteral("subscription_expired"),
        feature == Feature::Ai
            ? QStringLiteral(
                  "The clinic's subscription has expired: AI is available again once it is renewed.")
            : QStringLiteral(
                  "The clinic's subscription has expired: new visits are accepted again once it is "
                  "renewed. Existing patients and records stay available."));
    return error;
}

bool SubscriptionService::writeState(const SubscriptionState &s, const QString &updatedBy, QString *error)
{
    QSqlQuery upsert(m_database.connection());
    upsert.prepare(QStringLiteral(
        "INSERT INTO clinic_subscription (clinic_id, plan, paid_until_ms, payment_chat_id, updated_at_ms, "
        "updated_by)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (clinic_id) DO UPDATE SET plan = excluded.plan,"
        " paid_until_ms = excluded.paid_until_ms, payment_chat_id = excluded.payment_chat_id,"
        " updated_at_ms = excluded.updated_at_ms, updated_by = excluded.updated_by"));
    upsert.addBindValue(s.clinicId);
    upsert.addBindValue(s.plan);
    upsert.addBindValue(s.paidUntil.toMSecsSinceEpoch());
    upsert.addBindValue(s.paymentChatId);
    upsert.addBindValue(QDateTime::currentMSecsSinceEpoch());
    upsert.addBindValue(updatedBy);
    if (upsert.exec())
        return true;
    if (error)
        *error = upsert.lastError().text();
    return false;
}

Outcome<SubscriptionState> SubscriptionService::change(const Actor &actor, const QString &clinicId,
                                                       const QString &action,
                                                       const std::function<void(SubscriptionState &)> &edit)
{
    std::optional<ServiceError> failure;
    SubscriptionState result;
    QString error;
    const bool committed = m_database.writeTransaction(
        [&](QSqlDatabase &db) {
            const Outcome<SubscriptionState> current = state(clinicId);
            if (!current.ok()) {
                failure = current.error();
                return false;
            }
            result = current.value();
            const QDateTime before = result.paidUntil;
            const QString planBefore = result.plan;
            edit(result);
            result.graceEndsAt = graceEnd(result.paidUntil);
            result.status = statusAt(result.paidUntil, QDateTime::currentDateTimeUtc());
            if (!writeState(result, actor.login.isEmpty() ? QStringLiteral("operator") : actor.login, &error))
                return false;
            if (!m_audit)
                return true;
            AuditEntry entry;
            entry.clinicId = clinicId;
            entry.actorUserId = actor.userId;
            entry.actorLogin = actor.login;
            entry.action = action;
            entry.targetType = QStringLiteral("clinic");
            entry.targetId = clinicId;
            entry.clientAddress = actor.clientAddress.isNull() ? QString() : actor.clientAddress.toString();
            entry.details = {{QStringLiteral("planBefore"), planBefore},
                             {QStringLiteral("plan"), result.plan},
                             {QStringLiteral("paidUntilBefore"), before.toString(Qt::ISODateWithMs)},
                             {QStringLiteral("paidUntil"), result.paidUntil.toString(Qt::ISODateWithMs)},
                             {QStringLiteral("paymentChatSet"), !result.paymentChatId.isEmpty()}};
            return m_audit->append(db, entry, &error);
        },
        &error);
    if (failure)
        return *failure;
    if (!committed)
        return internal();
    return result;
}

Outcome<SubscriptionState> SubscriptionService::setPlan(const Actor &actor, const QString &clinicId,
                                                        const QString &plan,
                                                        const std::optional<QDateTime> &paidUntil)
{
    if (SubscriptionPlans::periodDays(plan) == 0)
        return ServiceError::badInput(QStringLiteral("invalid_plan"), QStringLiteral("plan"),
                                      QStringLiteral("The plan must be one of: %1.")
                                          .arg(SubscriptionPlans::names().join(QStringLiteral(", "))));
    return change(actor, clinicId, QStringLiteral("subscription.set_plan"), [&](SubscriptionState &s) {
        s.plan = plan;
        if (paidUntil)
            s.paidUntil = paidUntil->toUTC();
    });
}

Outcome<SubscriptionState> SubscriptionService::extend(const Actor &actor, const QString &clinicId, int days)
{
    if (days < 1 || days > 3660)
        return ServiceError::badInput(QStringLiteral("invalid_days"), QStringLiteral("days"),
                                      QStringLiteral("Extend by 1 to 3660 days."));
    return change(actor, clinicId, QStringLiteral("subscription.extend"), [&](SubscriptionState &s) {
        const QDateTime from = qMax(s.paidUntil, QDateTime::currentDateTimeUtc());
        s.paidUntil = from.addMSecs(qint64(days) * kDayMs);
    });
}

Outcome<SubscriptionState> SubscriptionService::setPaymentChat(const Actor &actor, const QString &clinicId,
                                                               const QString &chatId)
{
    return change(actor, clinicId, QStringLiteral("subscription.set_payment_chat"),
                  [&](SubscriptionState &s) { s.paymentChatId = chatId; });
}

QString SubscriptionService::paymentChat(const SubscriptionState &s) const
{
    return s.paymentChatId.isEmpty() ? m_config.telegram.paymentGroupId : s.paymentChatId;
}

bool SubscriptionService::receiptsAvailable() const
{
    return !m_config.telegramBotToken.isEmpty() && !m_config.telegram.operatorGroupId.isEmpty() &&
           !m_config.telegram.operatorUserIds.isEmpty();
}

Outcome<SubscriptionReceipt> SubscriptionService::submitReceipt(const Actor &actor, qint64 amount,
                                                                const QByteArray &content)
{
    if (!receiptsAvailable())
        return ServiceError::make(
            ServiceError::Kind::Busy, QStringLiteral("receipts_unavailable"),
            QStringLiteral("Receipts cannot be approved through this server yet; contact "
                           "the Medora operator."));
    if (amount < 1 || amount > kMaxReceiptAmount)
        return ServiceError::badInput(
            QStringLiteral("invalid_amount"), QStringLiteral("amount"),
            QStringLiteral("The amount must be a whole number of so'm above zero."));
    if (content.size() > m_config.telegram.receiptMaxBytes)
        return ServiceError::badInput(QStringLiteral("receipt_too_large"), QStringLiteral("content"),
                                      QStringLiteral("The receipt may be at most %1 KiB.")
                                          .arg(m_config.telegram.receiptMaxBytes / 1024));
    const QByteArray mimeType = ReceiptFile::mimeType(content);
    if (mimeType.isEmpty())
        return ServiceError::badInput(QStringLiteral("invalid_receipt"), QStringLiteral("content"),
                                      QStringLiteral("The receipt must be a JPEG or PNG picture or a PDF."));

    SubscriptionReceipt receipt;
    receipt.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    receipt.clinicId = actor.clinicId;
    receipt.amount = amount;
    receipt.mimeType = mimeType;
    receipt.sizeBytes = content.size();
    receipt.state = QStringLiteral("pending");
    receipt.uploadedBy = actor.userId;
    receipt.createdAt = QDateTime::currentDateTimeUtc();

    std::optional<ServiceError> failure;
    QString error;
    const bool committed = m_database.writeTransaction(
        [&](QSqlDatabase &db) {
            const Outcome<SubscriptionState> current = state(actor.clinicId);
            if (!current.ok()) {
                failure = current.error();
                return false;
            }
            QSqlQuery pending(db);
            pending.prepare(QStringLiteral(
                "SELECT COUNT(*) FROM subscription_receipt WHERE clinic_id = ? AND state = 'pending'"));
            pending.addBindValue(actor.clinicId);
            if (!pending.exec() || !pending.next())
                return false;
            if (pending.value(0).toInt() >= kMaxPendingReceipts) {
                failure = ServiceError::make(
                    ServiceError::Kind::Conflict, QStringLiteral("too_many_pending_receipts"),
                    QStringLiteral("Earlier receipts are still waiting for the operator."));
                return false;
            }
            QSqlQuery uploader(db);
            uploader.prepare(QStringLiteral("SELECT full_name FROM staff WHERE id = ?"));
            uploader.addBindValue(actor.userId);
            const QString uploaderName =
                uploader.exec() && uploader.next() ? uploader.value(0).toString() : actor.login;
            receipt.plan = SubscriptionPlans::renewalPlan(current.value().plan);

            QSqlQuery insert(db);
            insert.prepare(QStringLiteral(
                "INSERT INTO subscription_receipt (id, clinic_id, amount, plan, mime_type, size_bytes, "
                "sha256, content,"
                " state, uploaded_by, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)"));
            insert.addBindValue(receipt.id);
            insert.addBindValue(receipt.clinicId);
            insert.addBindValue(amount);
            insert.addBindValue(receipt.plan);
            insert.addBindValue(QString::fromLatin1(mimeType));
            insert.addBindValue(receipt.sizeBytes);
            insert.addBindValue(
                QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));
            insert.addBindValue(content);
            insert.addBindValue(actor.userId);
            insert.addBindValue(receipt.createdAt.toMSecsSinceEpoch());
            if (!insert.exec()) {
                error = insert.lastError().text();
                return false;
            }

            const TelegramTexts texts(m_config.telegram.language);
            const int days = SubscriptionPlans::periodDays(receipt.plan);
            OutboxItem item;
            item.clinicId = actor.clinicId;
            item.kind = QStringLiteral("receipt");
            item.dedupeKey = QStringLiteral("receipt:") + receipt.id;
            item.method =
                ReceiptFile::isPhoto(mimeType) ? QStringLiteral("sendPhoto") : QStringLiteral("sendDocument");
            item.chatId = m_config.telegram.operatorGroupId;
            const QJsonArray row{QJsonObject{{QStringLiteral("text"), texts.approveButton()},
                                             {QStringLiteral("callback_data"),
                                              ReceiptButtons::data(true, receipt.id, m_config.secret)}},
                                 QJsonObject{{QStringLiteral("text"), texts.rejectButton()},
                                             {QStringLiteral("callback_data"),
                                              ReceiptButtons::data(false, receipt.id, m_config.secret)}}};
            item.payload = {{QStringLiteral("receiptId"), receipt.id},
                            {QStringLiteral("caption"),
                             texts.receiptCaption(
                                 current.value().clinicName, amount, receipt.plan, days,
                                 local(current.value().paidUntil, m_config.telegram.timeZone), uploaderName)},
                            {QStringLiteral("reply_markup"),
                             QJsonObject{{QStringLiteral("inline_keyboard"), QJsonArray{row}}}}};
            if (!TelegramOutbox(m_database).enqueue(item, &error))
                return false;
            if (!m_audit)
                return true;
            AuditEntry entry;
            entry.clinicId = actor.clinicId;
            entry.actorUserId = actor.userId;
            entry.actorLogin = actor.login;
            entry.action = QStringLiteral("subscription.receipt_uploaded");
            entry.targetType = QStringLiteral("receipt");
            entry.targetId = receipt.id;
            entry.clientAddress = actor.clientAddress.isNull() ? QString() : actor.clientAddress.toString();
            entry.details = {{QStringLiteral("amount"), double(amount)},
                             {QStringLiteral("bytes"), double(content.size())},
                             {QStringLiteral("type"), QString::fromLatin1(mimeType)}};
            return m_audit->append(db, entry, &error);
        },
        &error);
    if (failure)
        return *failure;
    if (!committed)
        return internal();
    return receipt;
}

Outcome<QList<SubscriptionReceipt>> SubscriptionService::receipts(const QString &clinicId, int limit) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT id, amount, plan, mime_type, size_bytes, state, uploaded_by, created_at_ms, decided_by_name,"
        " decided_at_ms FROM subscription_receipt WHERE clinic_id = ? ORDER BY created_at_ms DESC LIMIT ?"));
    query.addBindValue(clinicId);
    query.addBindValue(qBound(1, limit, 100));
    if (!query.exec())
        return internal();
    QList<SubscriptionReceipt> list;
    while (query.next()) {
        SubscriptionReceipt r;
        r.id = query.value(0).toString();
        r.clinicId = clinicId;
        r.amount = query.value(1).toLongLong();
        r.plan = query.value(2).toString();
        r.mimeType = query.value(3).toString().toLatin1();
        r.sizeBytes = query.value(4).toLongLong();
        r.state = query.value(5).toString();
        r.uploadedBy = query.value(6).toString();
        r.createdAt = fromMs(query.value(7).toLongLong());
        r.decidedBy = query.value(8).toString();
        if (query.value(9).toLongLong() > 0)
            r.decidedAt = fromMs(query.value(9).toLongLong());
        list.append(r);
    }
    return list;
}

} // namespace medora::server
