#pragma once

#include "telegram/TelegramBotClient.h"

#include <QMutex>
#include <QWaitCondition>

#include <atomic>
#include <memory>

class QThread;

namespace medora::server {

class AuditLog;
class ServerDatabase;
class TelegramUpdateHandler;
struct OutboxItem;
struct ServerConfig;

// The server's Telegram side while it serves: a sender thread delivering the outbox (with
// exponential backoff, Telegram's retry_after, and the exactly-once rule of TelegramOutbox),
// queuing each clinic's end-of-day summary when it is due, and — in polling mode — a thread
// long-polling getUpdates for button presses. Neither ever runs on a request thread.
// Off when TELEGRAM_BOT_TOKEN is not set.
class TelegramService
{
public:
    TelegramService(const ServerConfig &config, ServerDatabase &database, AuditLog &audit);
    ~TelegramService(); // stop()

    bool isEnabled() const;
    void start();
    void stop();
    // Something was queued: deliver without waiting for the next look at the outbox.
    void wake();

    TelegramUpdateHandler &updates() { return *m_updates; }

private:
    void sendLoop();
    void pollLoop();
    void deliver(const OutboxItem &item);
    qint64 backoffMs(int attempts) const;
    void pause(qint64 ms); // returns early on wake() or stop()

    const ServerConfig &m_config;
    ServerDatabase &m_database;
    AuditLog &m_audit;
    std::unique_ptr<TelegramUpdateHandler> m_updates;
    std::atomic<bool> m_stopping{false};
    TelegramBotClient m_client;     // sender thread
    TelegramBotClient m_pollClient; // poller thread
    QThread *m_sender = nullptr;
    QThread *m_poller = nullptr;
    QMutex m_mutex;
    QWaitCondition m_woken;
    bool m_wakePending = false;
};

} // namespace medora::server
