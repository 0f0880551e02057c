#include "telegram/TelegramOutbox.h"

#include "store/ServerDatabase.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace medora::server {

namespace {

const QString kColumns = QStringLiteral("id, clinic_id, kind, dedupe_key, method, chat_id, payload, state, "
                                        "attempts, next_attempt_at_ms, attempt_id,"
                                        " message_id, last_error, created_at_ms");

bool run(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

OutboxItem read(const QSqlQuery &query)
{
    OutboxItem item;
    item.id = query.value(0).toString();
    item.clinicId = query.value(1).toString();
    item.kind = query.value(2).toString();
    item.dedupeKey = query.value(3).toString();
    item.method = query.value(4).toString();
    item.chatId = query.value(5).toString();
    item.payload = QJsonDocument::fromJson(query.value(6).toString().toUtf8()).object();
    item.state = query.value(7).toString();
    item.attempts = query.value(8).toInt();
    item.nextAttemptAtMs = query.value(9).toLongLong();
    item.attemptId = query.value(10).toString();
    item.messageId = query.value(11).toLongLong();
    item.lastError = query.value(12).toString();
    item.createdAtMs = query.value(13).toLongLong();
    return item;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

TelegramOutbox::TelegramOutbox(ServerDatabase &database) : m_database(database) {}

bool TelegramOutbox::isRepeatable(const QString &method)
{
    return method == QLatin1String("answerCallbackQuery") || method == QLatin1String("editMessageCaption");
}

bool TelegramOutbox::enqueue(const OutboxItem &item, QString *error, bool *queued)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO telegram_outbox (id, clinic_id, kind, dedupe_key, method, "
                                  "chat_id, payload, state, attempts,"
                                  " next_attempt_at_ms, created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, "
                                  "?, ?, 'pending', 0, ?, ?, ?)"
                                  " ON CONFLICT (dedupe_key) DO NOTHING"));
    const qint64 now = nowMs();
    insert.addBindValue(item.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : item.id);
    insert.addBindValue(item.clinicId);
    insert.addBindValue(item.kind);
    insert.addBindValue(item.dedupeKey);
    insert.addBindValue(item.method);
    insert.addBindValue(item.chatId);
    insert.addBindValue(QString::fromUtf8(QJsonDocument(item.payload).toJson(QJsonDocument::Compact)));
    insert.addBindValue(item.nextAttemptAtMs > 0 ? item.nextAttemptAtMs : now);
    insert.addBindValue(now);
    insert.addBindValue(now);
    if (!run(insert, error))
        return false;
    if (queued)
        *queued = insert.numRowsAffected() > 0;
    return true;
}

std::optional<OutboxItem> TelegramOutbox::claimNext(qint64 now, QString *error)
{
    std::optional<OutboxItem> claimed;
    m_database.writeTransaction(
        [&](QSqlDatabase &db) {
            QSqlQuery next(db);
            next.prepare(
                QStringLiteral("SELECT ") + kColumns +
                QStringLiteral(" FROM telegram_outbox WHERE state = 'pending' AND next_attempt_at_ms <= ?"
                               " ORDER BY next_attempt_at_ms, created_at_ms LIMIT 1"));
            next.addBindValue(now);
            if (!run(next, error))
                return false;
            if (!next.next())
                return true;
            OutboxItem item = read(next);
            next.finish();
            item.attemptId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            item.attempts += 1;
            item.state = QStringLiteral("sending");
            QSqlQuery claim(db);
            claim.prepare(
                QStringLiteral("UPDATE telegram_outbox SET state = 'sending', attempt_id = ?,"
                               " attempts = ?, updated_at_ms = ? WHERE id = ? AND state = 'pending'"));
            claim.addBindValue(item.attemptId);
            claim.addBindValue(item.attempts);
            claim.addBindValue(now);
            claim.addBindValue(item.id);
            if (!run(claim, error))
                return false;
            if (claim.numRowsAffected() == 1)
                claimed = item;
            return true;
        },
        error);
    return claimed;
}

bool TelegramOutbox::markSent(const OutboxItem &item, qint64 messageId, QString *error)
{
    QSqlQuery update(m_database.connection());
    update.prepare(
        QStringLiteral("UPDATE telegram_outbox SET state = 'sent', message_id = ?, last_error = '',"
                       " updated_at_ms = ? WHERE id = ? AND attempt_id = ?"));
    update.addBindValue(messageId);
    update.addBindValue(nowMs());
    update.addBindValue(item.id);
    update.addBindValue(item.attemptId);
    return run(update, error);
}

bool TelegramOutbox::markRetry(const OutboxItem &item, qint64 nextAttemptAtMs, const QString &why,
                               QString *error)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE telegram_outbox SET state = 'pending', next_attempt_at_ms = ?,"
                                  " last_error = ?, updated_at_ms = ? WHERE id = ? AND attempt_id = ?"));
    update.addBindValue(nextAttemptAtMs);
    update.addBindValue(why.left(300));
    update.addBindValue(nowMs());
    update.addBindValue(item.id);
    update.addBindValue(item.attemptId);
    return run(update, error);
}

bool TelegramOutbox::markFinal(const OutboxItem &item, const QString &state, const QString &why,
                               QString *error)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE telegram_outbox SET state = ?, last_error = ?, updated_at_ms = ?"
                                  " WHERE id = ? AND attempt_id = ?"));
    update.addBindValue(state);
    update.addBindValue(why.left(300));
    update.addBindValue(nowMs());
    update.addBindValue(item.id);
    update.addBindValue(item.attemptId);
    return run(update, error);
}

int TelegramOutbox::recoverInterrupted(QString *error, int *requeued)
{
    int unknown = 0;
    int again = 0;
    m_database.writeTransaction(
        [&](QSqlDatabase &db) {
            QSqlQuery repeat(db);
            repeat.prepare(QStringLiteral(
                "UPDATE telegram_outbox SET state = 'pending', updated_at_ms = ? WHERE state = 'sending' AND"
                " (method = 'answerCallbackQuery' OR method = 'editMessageCaption')"));
            repeat.addBindValue(nowMs());
            if (!run(repeat, error))
                return false;
            again = repeat.numRowsAffected();
            QSqlQuery stuck(db);
            stuck.prepare(QStringLiteral("UPDATE telegram_outbox SET state = 'unknown', last_error = ?,"
                                         " updated_at_ms = ? WHERE state = 'sending'"));
            stuck.addBindValue(
                QStringLiteral("the server stopped while this was being sent; not resent "
                               "automatically (check the chat, then telegram-outbox --resend)"));
            stuck.addBindValue(nowMs());
            if (!run(stuck, error))
                return false;
            unknown = stuck.numRowsAffected();
            return true;
        },
        error);
    if (requeued)
        *requeued = again;
    return unknown;
}

std::optional<OutboxItem> TelegramOutbox::find(const QString &id, QString *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT ") + kColumns +
                  QStringLiteral(" FROM telegram_outbox WHERE id = ?"));
    query.addBindValue(id);
    if (!run(query, error) || !query.next())
        return std::nullopt;
    return read(query);
}

std::optional<OutboxItem> TelegramOutbox::findByKey(const QString &dedupeKey, QString *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT ") + kColumns +
                  QStringLiteral(" FROM telegram_outbox WHERE dedupe_key = ?"));
    query.addBindValue(dedupeKey);
    if (!run(query, error) || !query.next())
        return std::nullopt;
    return read(query);
}

QList<OutboxItem> TelegramOutbox::list(const QStringList &states, int limit, QString *error)
{
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM telegram_outbox");
    if (!states.isEmpty()) {
        QStringList marks;
        for (qsizetype i = 0; i < states.size(); ++i)
            marks << QStringLiteral("?");
        sql += QStringLiteral(" WHERE state IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    sql += QStringLiteral(" ORDER BY created_at_ms DESC LIMIT ?");
    QSqlQuery query(m_database.connection());
    query.prepare(sql);
    for (const QString &state : states)
        query.addBindValue(state);
    query.addBindValue(qBound(1, limit, 1000));
    QList<OutboxItem> items;
    if (!run(query, error))
        return items;
    while (query.next())
        items.append(read(query));
    return items;
}

bool TelegramOutbox::resend(const QString &id, QString *error)
{
    QSqlQuery update(m_database.connection());
    update.prepare(
        QStringLiteral("UPDATE telegram_outbox SET state = 'pending', next_attempt_at_ms = ?,"
                       " updated_at_ms = ? WHERE id = ? AND (state = 'unknown' OR state = 'failed')"));
    update.addBindValue(nowMs());
    update.addBindValue(nowMs());
    update.addBindValue(id);
    if (!run(update, error))
        return false;
    if (update.numRowsAffected() != 1) {
        if (error)
            *error = QStringLiteral("no unknown or failed outbox item with this id");
        return false;
    }
    return true;
}

} // namespace medora::server
