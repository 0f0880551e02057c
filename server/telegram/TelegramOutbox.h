#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace medora::server {

class ServerDatabase;

// One message waiting in (or gone through) the outbox.
struct OutboxItem
{
    QString id;
    QString clinicId;
    QString kind;      // payment, correction, summary, receipt, callback_answer, decision_edit, test
    QString dedupeKey; // unique: the same notice is never queued twice
    QString method;    // sendMessage, sendPhoto, sendDocument, answerCallbackQuery, editMessageCaption
    QString chatId;
    QJsonObject payload; // the Bot API parameters (receipts: {"receiptId", "caption", "reply_markup"})
    QString state;       // pending, sending, sent, failed, unknown
    int attempts = 0;
    qint64 nextAttemptAtMs = 0;
    QString attemptId;
    qint64 messageId = 0;
    QString lastError;
    qint64 createdAtMs = 0;
};

// The server's Telegram outbox (table telegram_outbox, docs/operations.md "Telegram and
// subscriptions"). Exactly-once rule: an item is claimed (state "sending", a fresh attempt id,
// committed) before the Bot API is called, and the answer is recorded against that attempt id.
// An item found still "sending" at start was cut off mid-call: a send whose outcome is unknown
// is never repeated automatically (Telegram has no idempotency key; a repeat could post the
// notice twice) but set to "unknown" for the operator; answering a callback and editing a
// caption are harmless to repeat and go back to "pending".
class TelegramOutbox
{
public:
    explicit TelegramOutbox(ServerDatabase &database);

    // On this thread's connection, so inside the caller's open transaction when there is one.
    // A dedupe key already queued is no error (`queued` false). False only on a database error.
    bool enqueue(const OutboxItem &item, QString *error, bool *queued = nullptr);

    // The oldest due pending item, claimed for this attempt (own transaction).
    std::optional<OutboxItem> claimNext(qint64 nowMs, QString *error);
    bool markSent(const OutboxItem &item, qint64 messageId, QString *error);
    bool markRetry(const OutboxItem &item, qint64 nextAttemptAtMs, const QString &why, QString *error);
    bool markFinal(const OutboxItem &item, const QString &state, const QString &why, QString *error);
    // At start: items left "sending" by a stopped server (see the class comment). Returns how
    // many became unknown; `requeued` counts the harmless ones sent again.
    int recoverInterrupted(QString *error, int *requeued = nullptr);

    std::optional<OutboxItem> find(const QString &id, QString *error);
    std::optional<OutboxItem> findByKey(const QString &dedupeKey, QString *error);
    // Newest first; `states` empty: every state.
    QList<OutboxItem> list(const QStringList &states, int limit, QString *error);
    // An operator's decision after checking the chat: an unknown or failed item is sent again.
    bool resend(const QString &id, QString *error);

    static bool isRepeatable(const QString &method);

private:
    ServerDatabase &m_database;
};

} // namespace medora::server
