#include "telegram/TelegramUpdateHandler.h"

#include "audit/AuditLog.h"
#include "config/ServerConfig.h"
#include "store/ServerDatabase.h"
#include "subscription/ReceiptButtons.h"
#include "subscription/SubscriptionService.h"
#include "telegram/TelegramOutbox.h"
#include "telegram/TelegramTexts.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace medora::server {

namespace {

qint64 number(const QJsonValue &value)
{
    return qint64(value.toDouble());
}

QDateTime local(const QDateTime &utc, const QString &zone)
{
    const QTimeZone timeZone(zone.toUtf8());
    return timeZone.isValid() ? utc.toTimeZone(timeZone) : utc;
}

QString operatorName(const QJsonObject &from)
{
    const QString username = from.value(QLatin1String("username")).toString().left(64);
    const QString name = (from.value(QLatin1String("first_name")).toString() + QLatin1Char(' ') +
                          from.value(QLatin1String("last_name")).toString())
                             .trimmed()
                             .left(64);
    const QString id = QString::number(number(from.value(QLatin1String("id"))));
    if (!username.isEmpty())
        return QStringLiteral("@%1 (%2)").arg(username, id);
    return QStringLiteral("%1 (%2)").arg(name.isEmpty() ? QStringLiteral("?") : name, id);
}

} // namespace

TelegramUpdateHandler::TelegramUpdateHandler(const ServerConfig &config, ServerDatabase &database,
                                             AuditLog &audit)
    : m_config(config), m_database(database), m_audit(audit)
{}

QString TelegramUpdateHandler::resultName(Result result)
{
    switch (result) {
    case Result::Ignored:
        return QStringLiteral("ignored");
    case Result::Replayed:
        return QStringLiteral("replayed");
    case Result::Forged:
        return QStringLiteral("forged");
    case Result::NotOperator:
        return QStringLiteral("not_operator");
    case Result::AlreadyDecided:
        return QStringLiteral("already_decided");
    case Result::Approved:
        return QStringLiteral("approved");
    case Result::Rejected:
        return QStringLiteral("rejected");
    case Result::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

TelegramUpdateHandler::Result TelegramUpdateHandler::handle(const QJsonObject &update, QString *error)
{
    const QJsonObject query = update.value(QLatin1String("callback_query")).toObject();
    const QString callbackId = query.value(QLatin1String("id")).toString().left(100);
    const QJsonObject from = query.value(QLatin1String("from")).toObject();
    const qint64 fromId = number(from.value(QLatin1String("id")));
    if (callbackId.isEmpty() || fromId <= 0)
        return Result::Ignored;
    const QString data = query.value(QLatin1String("data")).toString().left(100);
    const QJsonObject message = query.value(QLatin1String("message")).toObject();
    const QString chatId =
        QString::number(number(message.value(QLatin1String("chat")).toObject().value(QLatin1String("id"))));
    const qint64 messageId = number(message.value(QLatin1String("message_id")));
    const QString who = operatorName(from);
    const TelegramTexts texts(m_config.telegram.language);

    Result result = Result::Failed;
    QString failure;
    const bool committed = m_database.writeTransaction(
        [&](QSqlDatabase &db) {
            const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
            QSqlQuery seen(db);
            seen.prepare(
                QStringLiteral("INSERT INTO telegram_callback (callback_id, update_id, from_user_id, outcome,"
                               " received_at_ms) VALUES (?, ?, ?, 'received', ?)"
                               " ON CONFLICT (callback_id) DO NOTHING"));
            seen.addBindValue(callbackId);
            seen.addBindValue(number(update.value(QLatin1String("update_id"))));
            seen.addBindValue(fromId);
            seen.addBindValue(nowMs);
            if (!seen.exec()) {
                failure = seen.lastError().text();
                return false;
            }
            if (seen.numRowsAffected() == 0) {
                result = Result::Replayed;
                return true;
            }

            TelegramOutbox outbox(m_database);
            SubscriptionService subscriptions(m_config, m_database);
            const std::optional<ReceiptButtons::Press> press = ReceiptButtons::parse(data, m_config.secret);
            std::optional<OutboxItem> posted;
            if (press)
                posted = outbox.findByKey(QStringLiteral("receipt:") + press->receiptId, &failure);
            QString clinicId;
            qint64 amount = 0;
            QString plan;
            QString state;
            if (press && posted) {
                QSqlQuery receipt(db);
                receipt.prepare(QStringLiteral(
                    "SELECT clinic_id, amount, plan, state FROM subscription_receipt WHERE id = ?"));
                receipt.addBindValue(press->receiptId);
                if (!receipt.exec()) {
                    failure = receipt.lastError().text();
                    return false;
                }
                if (receipt.next()) {
                    clinicId = receipt.value(0).toString();
                    amount = receipt.value(1).toLongLong();
                    plan = receipt.value(2).toString();
                    state = receipt.value(3).toString();
                }
            }
            QJsonObject details{{QStringLiteral("telegramUserId"), double(fromId)},
                                {QStringLiteral("telegramUser"), who}};
            QDateTime paidUntil;
            if (!press || !posted || posted->state != QLatin1String("sent") || posted->chatId != chatId ||
                posted->messageId != messageId || clinicId.isEmpty()) {
                result = Result::Forged;
            } else if (!m_config.telegram.isOperator(fromId)) {
                result = Result::NotOperator;
            } else if (state != QLatin1String("pending")) {
                result = Result::AlreadyDecided;
            } else {
                result = press->approve ? Result::Approved : Result::Rejected;
                if (press->approve) {
                    const Outcome<SubscriptionState> current = subscriptions.state(clinicId);
                    if (!current.ok()) {
                        failure = current.error().message;
                        return false;
                    }
                    SubscriptionState next = current.value();
                    const QDateTime start = qMax(next.paidUntil, QDateTime::currentDateTimeUtc());
                    next.plan = plan;
                    next.paidUntil = start.addDays(SubscriptionPlans::periodDays(plan));
                    if (!subscriptions.writeState(next, QStringLiteral("telegram:") + QString::number(fromId),
                                                  &failure))
                        return false;
                    paidUntil = next.paidUntil;
                    details.insert(QStringLiteral("paidUntilBefore"),
                                   current.value().paidUntil.toString(Qt::ISODateWithMs));
                    details.insert(QStringLiteral("paidUntil"), paidUntil.toString(Qt::ISODateWithMs));
                }
                QSqlQuery decide(db);
                decide.prepare(QStringLiteral(
                    "UPDATE subscription_receipt SET state = ?, decided_by_telegram_id = ?, decided_by_name "
                    "= ?,"
                    " decided_at_ms = ?, paid_until_after_ms = ? WHERE id = ? AND state = 'pending'"));
                decide.addBindValue(press->approve ? QStringLiteral("approved") : QStringLiteral("rejected"));
                decide.addBindValue(fromId);
                decide.addBindValue(who);
                decide.addBindValue(nowMs);
                decide.addBindValue(paidUntil.isValid() ? paidUntil.toMSecsSinceEpoch() : 0);
                decide.addBindValue(press->receiptId);
                if (!decide.exec() || decide.numRowsAffected() != 1) {
                    failure = decide.lastError().text();
                    return false;
                }
                const QString caption =
                    posted->payload.value(QLatin1String("caption")).toString() + QStringLiteral("\n\n") +
                    texts.decisionLine(press->approve, who,
                                       local(QDateTime::currentDateTimeUtc(), m_config.telegram.timeZone),
                                       local(paidUntil, m_config.telegram.timeZone));
                OutboxItem edit;
                edit.clinicId = clinicId;
                edit.kind = QStringLiteral("decision_edit");
                edit.dedupeKey = QStringLiteral("decision_edit:") + press->receiptId;
                edit.method = QStringLiteral("editMessageCaption");
                edit.chatId = chatId;
                edit.payload = {{QStringLiteral("message_id"), double(messageId)},
                                {QStringLiteral("caption"), caption.left(1024)},
                                {QStringLiteral("reply_markup"),
                                 QJsonObject{{QStringLiteral("inline_keyboard"), QJsonArray()}}}};
                if (!outbox.enqueue(edit, &failure))
                    return false;
            }
            if (press) {
                details.insert(QStringLiteral("receiptId"), press->receiptId);
                if (amount > 0)
                    details.insert(QStringLiteral("amount"), double(amount));
            }

            QString answerText;
            switch (result) {
            case Result::Approved:
                answerText = texts.answerApproved();
                break;
            case Result::Rejected:
                answerText = texts.answerRejected();
                break;
            case Result::AlreadyDecided:
                answerText = texts.answerAlreadyDecided();
                break;
            case Result::NotOperator:
                answerText = texts.answerNotOperator();
                break;
            default:
                answerText = texts.answerInvalid();
                break;
            }
            OutboxItem answer;
            answer.clinicId = clinicId;
            answer.kind = QStringLiteral("callback_answer");
            answer.dedupeKey = QStringLiteral("answer:") + callbackId;
            answer.method = QStringLiteral("answerCallbackQuery");
            answer.chatId = chatId;
            answer.payload = {
                {QStringLiteral("callback_query_id"), callbackId},
                {QStringLiteral("text"), answerText},
                {QStringLiteral("show_alert"), result != Result::Approved && result != Result::Rejected}};
            if (!outbox.enqueue(answer, &failure))
                return false;

            QSqlQuery outcome(db);
            outcome.prepare(QStringLiteral("UPDATE telegram_callback SET outcome = ? WHERE callback_id = ?"));
            outcome.addBindValue(resultName(result));
            outcome.addBindValue(callbackId);
            if (!outcome.exec()) {
                failure = outcome.lastError().text();
                return false;
            }

            AuditEntry entry;
            entry.clinicId = clinicId;
            entry.actorLogin = QStringLiteral("telegram:") + QString::number(fromId);
            entry.action = result == Result::Approved   ? QStringLiteral("subscription.receipt_approved")
                           : result == Result::Rejected ? QStringLiteral("subscription.receipt_rejected")
                           : result == Result::Forged   ? QStringLiteral("telegram.callback_forged")
                                                      : QStringLiteral("subscription.receipt_press_refused");
            entry.targetType = QStringLiteral("receipt");
            entry.targetId = press ? press->receiptId : QString();
            details.insert(QStringLiteral("outcome"), resultName(result));
            entry.details = details;
            return m_audit.append(db, entry, &failure);
        },
        &failure);
    if (!committed) {
        if (error)
            *error = failure;
        return Result::Failed;
    }
    return result;
}

} // namespace medora::server
