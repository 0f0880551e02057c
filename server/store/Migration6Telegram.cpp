#include "store/Migration6Telegram.h"

#include <QDateTime>

namespace medora::server {

ServerMigrations::Step migration6Telegram()
{
    // Clinics that exist before this step start a 30-day trial now: an upgrade never locks a
    // clinic out on the day it is installed. Later clinics get theirs from their creation time
    // (SubscriptionService), so no row is needed until an operator or a receipt changes it.
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 trialEndMs = nowMs + qint64(30) * 24 * 3600 * 1000;

    ServerMigrations::Step step;
    step.version = 6;
    step.description = QStringLiteral("subscriptions, payment receipts, Telegram outbox and updates");
    step.statements = {
        QStringLiteral("CREATE TABLE clinic_subscription ("
                       " clinic_id TEXT PRIMARY KEY REFERENCES clinics(id),"
                       " plan TEXT NOT NULL,"
                       " paid_until_ms BIGINT NOT NULL,"
                       " payment_chat_id TEXT NOT NULL DEFAULT '',"
                       " updated_at_ms BIGINT NOT NULL,"
                       " updated_by TEXT NOT NULL)"),
        QStringLiteral("INSERT INTO clinic_subscription (clinic_id, plan, paid_until_ms, payment_chat_id,"
                       " updated_at_ms, updated_by) SELECT id, 'trial', %1, '', %2, 'migration' FROM clinics")
            .arg(trialEndMs)
            .arg(nowMs),
        QStringLiteral("CREATE TABLE subscription_receipt ("
                       " id TEXT PRIMARY KEY,"
                       " clinic_id TEXT NOT NULL REFERENCES clinics(id),"
                       " amount BIGINT NOT NULL,"
                       " plan TEXT NOT NULL,"
                       " mime_type TEXT NOT NULL,"
                       " size_bytes BIGINT NOT NULL,"
                       " sha256 TEXT NOT NULL,"
                       " content BLOB NOT NULL,"
                       " state TEXT NOT NULL CHECK (state = 'pending' OR state = 'approved' OR"
                       "   state = 'rejected'),"
                       " uploaded_by TEXT NOT NULL,"
                       " created_at_ms BIGINT NOT NULL,"
                       " decided_by_telegram_id BIGINT NOT NULL DEFAULT 0,"
                       " decided_by_name TEXT NOT NULL DEFAULT '',"
                       " decided_at_ms BIGINT NOT NULL DEFAULT 0,"
                       " paid_until_after_ms BIGINT NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX subscription_receipt_by_clinic ON subscription_receipt (clinic_id,"
                       " created_at_ms)"),
        // `dedupe_key` makes each notice once-only ("payment:<clinic>:<payment id>",
        // "summary:<clinic>:<local date>", ...). `state`: pending -> sending -> sent, or
        // failed (Telegram refused it for good), or unknown (the server stopped while the
        // request was out: never resent automatically, docs/operations.md).
        QStringLiteral(
            "CREATE TABLE telegram_outbox ("
            " id TEXT PRIMARY KEY,"
            " clinic_id TEXT NOT NULL DEFAULT '',"
            " kind TEXT NOT NULL,"
            " dedupe_key TEXT NOT NULL UNIQUE,"
            " method TEXT NOT NULL,"
            " chat_id TEXT NOT NULL,"
            " payload TEXT NOT NULL,"
            " state TEXT NOT NULL CHECK (state = 'pending' OR state = 'sending' OR state = 'sent' OR"
            "   state = 'failed' OR state = 'unknown'),"
            " attempts INTEGER NOT NULL DEFAULT 0,"
            " next_attempt_at_ms BIGINT NOT NULL,"
            " attempt_id TEXT NOT NULL DEFAULT '',"
            " message_id BIGINT NOT NULL DEFAULT 0,"
            " last_error TEXT NOT NULL DEFAULT '',"
            " created_at_ms BIGINT NOT NULL,"
            " updated_at_ms BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX telegram_outbox_due ON telegram_outbox (state, next_attempt_at_ms)"),
        QStringLiteral("CREATE TABLE telegram_callback ("
                       " callback_id TEXT PRIMARY KEY,"
                       " update_id BIGINT NOT NULL,"
                       " from_user_id BIGINT NOT NULL,"
                       " outcome TEXT NOT NULL,"
                       " received_at_ms BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE telegram_state ("
                       " key TEXT PRIMARY KEY,"
                       " value TEXT NOT NULL)"),
    };
    return step;
}

} // namespace medora::server
