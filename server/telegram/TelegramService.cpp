#include "telegram/TelegramService.h"

#include "config/ServerConfig.h"
#include "log/JsonLogger.h"
#include "store/ServerDatabase.h"
#include "telegram/PaymentNotices.h"
#include "telegram/TelegramOutbox.h"
#include "telegram/TelegramUpdateHandler.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QThread>

namespace medora::server {

namespace {

constexpr int kIdleLookMs = 500;         // how often an idle sender looks at the outbox
constexpr qint64 kSummaryLookMs = 30000; // how often it checks whether summaries are due

TelegramBotClient::Settings clientSettings(const ServerConfig &config)
{
    TelegramBotClient::Settings settings;
    settings.baseUrl = config.telegram.apiBaseUrl;
    settings.token = config.telegramBotToken;
    settings.timeoutMs = config.telegram.timeoutSeconds * 1000;
    return settings;
}

bool isHarmlessRepeat(const TelegramCall &call)
{
    // Editing to the same caption again, or answering a press twice, is what these say.
    const QString text = call.description.toLower();
    return text.contains(QLatin1String("message is not modified")) ||
           text.contains(QLatin1String("query is too old")) ||
           text.contains(QLatin1String("query id is invalid"));
}

} // namespace

TelegramService::TelegramService(const ServerConfig &config, ServerDatabase &database, AuditLog &audit)
    : m_config(config), m_database(database), m_audit(audit),
      m_updates(std::make_unique<TelegramUpdateHandler>(config, database, audit)),
      m_client(clientSettings(config)), m_pollClient(clientSettings(config))
{
    m_client.setAbortFlag(&m_stopping);
    m_pollClient.setAbortFlag(&m_stopping);
}

TelegramService::~TelegramService()
{
    stop();
}

bool TelegramService::isEnabled() const
{
    return m_client.isConfigured();
}

void TelegramService::start()
{
    if (!isEnabled() || m_sender)
        return;
    m_stopping = false;
    m_sender = QThread::create([this] { sendLoop(); });
    m_sender->setObjectName(QStringLiteral("telegram-sender"));
    m_sender->start();
    if (m_config.telegram.updatesMode == TelegramConfig::UpdatesMode::Polling &&
        !m_config.telegram.operatorGroupId.isEmpty()) {
        m_poller = QThread::create([this] { pollLoop(); });
        m_poller->setObjectName(QStringLiteral("telegram-poller"));
        m_poller->start();
    }
}

void TelegramService::stop()
{
    m_stopping = true;
    {
        QMutexLocker lock(&m_mutex);
        m_woken.wakeAll();
    }
    for (QThread **thread : {&m_sender, &m_poller}) {
        if (*thread) {
            (*thread)->wait();
            delete *thread;
            *thread = nullptr;
        }
    }
}

void TelegramService::wake()
{
    QMutexLocker lock(&m_mutex);
    m_wakePending = true;
    m_woken.wakeAll();
}

void TelegramService::pause(qint64 ms)
{
    QMutexLocker lock(&m_mutex);
    if (!m_wakePending && !m_stopping)
        m_woken.wait(&m_mutex, QDeadlineTimer(qMax<qint64>(ms, 0)));
    m_wakePending = false;
}

qint64 TelegramService::backoffMs(int attempts) const
{
    const int shift = qBound(0, attempts - 1, 20);
    const qint64 base =
        qMin<qint64>(qint64(m_config.telegram.backoffMs) << shift, m_config.telegram.maxBackoffMs);
    // Up to a fifth more, so many notices failing together do not retry in lockstep.
    return base + qint64(QRandomGenerator::global()->bounded(double(base) / 5.0 + 1.0));
}

void TelegramService::sendLoop()
{
    JsonLogger &log = JsonLogger::instance();
    TelegramOutbox outbox(m_database);
    QString error;
    int requeued = 0;
    const int unknown = outbox.recoverInterrupted(&error, &requeued);
    if (unknown > 0 || requeued > 0)
        log.warning(QStringLiteral("telegram.interrupted_sends"),
                    {{QStringLiteral("unknown"), unknown}, {QStringLiteral("requeued"), requeued}});
    PaymentNotices notices(m_config, m_database);
    qint64 nextSummaryLook = 0;
    while (!m_stopping) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now >= nextSummaryLook) {
            nextSummaryLook = now + kSummaryLookMs;
            int queued = 0;
            bool ok = false;
            m_database.writeTransaction(
                [&](QSqlDatabase &) {
                    ok = notices.enqueueDueSummaries(QDateTime::currentDateTimeUtc(), &error, &queued);
                    return ok;
                },
                &error);
            if (!ok)
                log.error(QStringLiteral("telegram.summary_failed"), {{QStringLiteral("error"), error}});
            else if (queued > 0)
                log.info(QStringLiteral("telegram.summaries_queued"), {{QStringLiteral("clinics"), queued}});
        }
        error.clear();
        const std::optional<OutboxItem> item = outbox.claimNext(now, &error);
        if (!item) {
            if (!error.isEmpty())
                log.error(QStringLiteral("telegram.outbox_failed"), {{QStringLiteral("error"), error}});
            pause(kIdleLookMs);
            continue;
        }
        deliver(*item);
    }
}

void TelegramService::deliver(const OutboxItem &item)
{
    JsonLogger &log = JsonLogger::instance();
    TelegramOutbox outbox(m_database);
    TelegramCall call;
    QJsonObject parameters = item.payload;
    parameters.insert(QStringLiteral("chat_id"), item.chatId);
    if (item.method == QLatin1String("sendPhoto") || item.method == QLatin1String("sendDocument")) {
        const QString receiptId = parameters.take(QStringLiteral("receiptId")).toString();
        QSqlQuery file(m_database.connection());
        file.prepare(QStringLiteral("SELECT content, mime_type FROM subscription_receipt WHERE id = ?"));
        file.addBindValue(receiptId);
        if (!file.exec() || !file.next()) {
            QString ignored;
            outbox.markFinal(item, QStringLiteral("failed"), QStringLiteral("the receipt is gone"), &ignored);
            return;
        }
        TelegramBotClient::File upload;
        upload.data = file.value(0).toByteArray();
        upload.mimeType = file.value(1).toString().toLatin1();
        upload.fileName =
            QStringLiteral("receipt-%1.%2")
                .arg(receiptId.left(8), upload.mimeType == "image/png"    ? QStringLiteral("png")
                                        : upload.mimeType == "image/jpeg" ? QStringLiteral("jpg")
                                                                          : QStringLiteral("pdf"));
        file.finish();
        const QString field =
            item.method == QLatin1String("sendPhoto") ? QStringLiteral("photo") : QStringLiteral("document");
        call = m_client.callWithFile(item.method, parameters, field, upload);
    } else {
        if (item.method == QLatin1String("answerCallbackQuery"))
            parameters.remove(QStringLiteral("chat_id"));
        call = m_client.call(item.method, parameters);
    }

    const QJsonObject context{{QStringLiteral("outboxId"), item.id},
                              {QStringLiteral("kind"), item.kind},
                              {QStringLiteral("method"), item.method},
                              {QStringLiteral("attempt"), item.attempts},
                              {QStringLiteral("httpStatus"), call.httpStatus}};
    QString error;
    bool recorded = true;
    switch (call.outcome) {
    case TelegramCall::Outcome::Ok:
        recorded = outbox.markSent(item, call.messageId(), &error);
        log.info(QStringLiteral("telegram.sent"), context);
        break;
    case TelegramCall::Outcome::RetryLater: {
        const qint64 wait = call.retryAfterMs >= 0 ? call.retryAfterMs : backoffMs(item.attempts);
        recorded =
            outbox.markRetry(item, QDateTime::currentMSecsSinceEpoch() + wait, call.description, &error);
        QJsonObject details = context;
        details.insert(QStringLiteral("retryInMs"), double(wait));
        details.insert(QStringLiteral("error"), call.description);
        log.warning(QStringLiteral("telegram.retry"), details);
        break;
    }
    case TelegramCall::Outcome::Refused: {
        const bool done = TelegramOutbox::isRepeatable(item.method) && isHarmlessRepeat(call);
        recorded = done ? outbox.markSent(item, 0, &error)
                        : outbox.markFinal(item, QStringLiteral("failed"), call.description, &error);
        QJsonObject details = context;
        details.insert(QStringLiteral("error"), call.description);
        if (!done)
            log.error(QStringLiteral("telegram.refused"), details);
        break;
    }
    case TelegramCall::Outcome::Unknown: {
        QJsonObject details = context;
        details.insert(QStringLiteral("error"), call.description);
        if (TelegramOutbox::isRepeatable(item.method)) {
            recorded = outbox.markRetry(item, QDateTime::currentMSecsSinceEpoch() + backoffMs(item.attempts),
                                        call.description, &error);
            log.warning(QStringLiteral("telegram.retry"), details);
        } else {
            recorded = outbox.markFinal(item, QStringLiteral("unknown"), call.description, &error);
            log.error(QStringLiteral("telegram.delivery_unknown"), details);
        }
        break;
    }
    }
    if (!recorded)
        log.error(QStringLiteral("telegram.outbox_failed"), {{QStringLiteral("error"), error}});
}

void TelegramService::pollLoop()
{
    JsonLogger &log = JsonLogger::instance();
    qint64 offset = 0;
    {
        QSqlQuery query(m_database.connection());
        if (query.exec(QStringLiteral("SELECT value FROM telegram_state WHERE key = 'update_offset'")) &&
            query.next())
            offset = query.value(0).toString().toLongLong();
    }
    int failures = 0;
    while (!m_stopping) {
        QJsonObject parameters{
            {QStringLiteral("timeout"), m_config.telegram.pollSeconds},
            {QStringLiteral("allowed_updates"), QJsonArray{QStringLiteral("callback_query")}}};
        if (offset > 0)
            parameters.insert(QStringLiteral("offset"), double(offset));
        const TelegramCall call =
            m_pollClient.call(QStringLiteral("getUpdates"), parameters, m_config.telegram.pollSeconds * 1000);
        if (m_stopping)
            break;
        if (!call.ok()) {
            ++failures;
            const qint64 wait = call.retryAfterMs >= 0 ? call.retryAfterMs : backoffMs(failures);
            log.warning(QStringLiteral("telegram.poll_failed"),
                        {{QStringLiteral("httpStatus"), call.httpStatus},
                         {QStringLiteral("error"), call.description},
                         {QStringLiteral("retryInMs"), double(wait)}});
            QMutexLocker lock(&m_mutex);
            if (!m_stopping)
                m_woken.wait(&m_mutex, QDeadlineTimer(wait));
            continue;
        }
        failures = 0;
        bool handledAll = true;
        qint64 next = offset;
        for (const QJsonValue &value : call.result.toArray()) {
            const QJsonObject update = value.toObject();
            QString error;
            const TelegramUpdateHandler::Result result = m_updates->handle(update, &error);
            if (result == TelegramUpdateHandler::Result::Failed) {
                log.error(QStringLiteral("telegram.update_failed"), {{QStringLiteral("error"), error}});
                handledAll = false;
                break; // asked for again from here on the next poll
            }
            log.info(QStringLiteral("telegram.update"),
                     {{QStringLiteral("result"), TelegramUpdateHandler::resultName(result)}});
            next = qMax(next, qint64(update.value(QLatin1String("update_id")).toDouble()) + 1);
        }
        if (next != offset) {
            offset = next;
            QSqlQuery save(m_database.connection());
            save.prepare(QStringLiteral("INSERT INTO telegram_state (key, value) VALUES ('update_offset', ?)"
                                        " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
            save.addBindValue(QString::number(offset));
            if (!save.exec())
                log.error(QStringLiteral("telegram.offset_failed"), {});
            wake(); // the answers just queued
        }
        if (!handledAll)
            pause(backoffMs(1));
    }
}

} // namespace medora::server
