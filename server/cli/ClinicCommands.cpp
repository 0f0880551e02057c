#include "cli/ClinicCommands.h"

#include "api/SubscriptionApi.h"
#include "app/ServerCore.h"
#include "cli/CliOutput.h"
#include "cli/CommandOptions.h"
#include "subscription/SubscriptionService.h"
#include "telegram/TelegramBotClient.h"
#include "telegram/TelegramOutbox.h"
#include "telegram/TelegramTexts.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace medora::server {

namespace {

const QString kClinic = QStringLiteral("clinic");

Actor operatorActor()
{
    Actor actor;
    actor.login = QStringLiteral("operator");
    actor.clientAddress = QHostAddress(QHostAddress::LocalHost);
    return actor;
}

QJsonObject clinicJson(const SubscriptionState &state)
{
    QJsonObject json = SubscriptionApi::stateJson(state);
    json.insert(QStringLiteral("name"), state.clinicName);
    json.insert(QStringLiteral("paymentChatId"), state.paymentChatId);
    return json;
}

bool isChatId(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$"));
    return pattern.match(text).hasMatch();
}

} // namespace

int ClinicCommands::clinics(ServerCore &core, const QStringList &arguments)
{
    CommandOptions options({}, {});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("clinics: ") + error);
    const Outcome<QList<SubscriptionState>> states =
        SubscriptionService(core.config(), core.database()).list();
    if (!states.ok())
        return CliOutput::serviceError(states.error());
    for (const SubscriptionState &state : states.value())
        CliOutput::json(clinicJson(state));
    return 0;
}

int ClinicCommands::setPlan(ServerCore &core, const QStringList &arguments)
{
    CommandOptions options({kClinic, QStringLiteral("plan"), QStringLiteral("paid-until")}, {});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("set-plan: ") + error);
    const QString clinicId = options.required(kClinic, &error);
    const QString plan = options.required(QStringLiteral("plan"), &error);
    if (!error.isEmpty())
        return CliOutput::error(CliOutput::usageError, QStringLiteral("set-plan: ") + error);
    std::optional<QDateTime> paidUntil;
    if (options.has(QStringLiteral("paid-until"))) {
        const QDate day = QDate::fromString(options.value(QStringLiteral("paid-until")), Qt::ISODate);
        if (!day.isValid())
            return CliOutput::error(CliOutput::usageError,
                                    QStringLiteral("set-plan: --paid-until takes a date, YYYY-MM-DD"));
        // The end of that day where the clinic is.
        QTimeZone zone(core.config().telegram.timeZone.toUtf8());
        if (!zone.isValid())
            zone = QTimeZone(5 * 3600);
        paidUntil = QDateTime(day.addDays(1), QTime(0, 0), zone).toUTC();
    }
    SubscriptionService subscriptions(core.config(), core.database(), &core.audit());
    const Outcome<SubscriptionState> state =
        subscriptions.setPlan(operatorActor(), clinicId, plan, paidUntil);
    if (!state.ok())
        return CliOutput::serviceError(state.error());
    CliOutput::json(clinicJson(state.value()));
    return 0;
}

int ClinicCommands::extendSubscription(ServerCore &core, const QStringList &arguments)
{
    CommandOptions options({kClinic, QStringLiteral("days")}, {});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("extend-subscription: ") + error);
    const QString clinicId = options.required(kClinic, &error);
    const QString daysText = options.required(QStringLiteral("days"), &error);
    if (!error.isEmpty())
        return CliOutput::error(CliOutput::usageError, QStringLiteral("extend-subscription: ") + error);
    bool ok = false;
    const int days = daysText.toInt(&ok);
    if (!ok || days < 1 || days > 3660)
        return CliOutput::error(
            CliOutput::usageError,
            QStringLiteral("extend-subscription: --days takes a whole number from 1 to 3660"));
    SubscriptionService subscriptions(core.config(), core.database(), &core.audit());
    const Outcome<SubscriptionState> state = subscriptions.extend(operatorActor(), clinicId, days);
    if (!state.ok())
        return CliOutput::serviceError(state.error());
    CliOutput::json(clinicJson(state.value()));
    return 0;
}

int ClinicCommands::setPaymentChat(ServerCore &core, const QStringList &arguments)
{
    CommandOptions options({kClinic, QStringLiteral("chat")}, {});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("set-payment-chat: ") + error);
    const QString clinicId = options.required(kClinic, &error);
    if (!error.isEmpty())
        return CliOutput::error(CliOutput::usageError, QStringLiteral("set-payment-chat: ") + error);
    const QString chat = options.value(QStringLiteral("chat")).trimmed();
    if (!chat.isEmpty() && !isChatId(chat))
        return CliOutput::error(
            CliOutput::usageError,
            QStringLiteral("set-payment-chat: --chat takes a chat id such as -1001234567890 "
                           "(empty: TELEGRAM_PAYMENT_GROUP_ID)"));
    SubscriptionService subscriptions(core.config(), core.database(), &core.audit());
    const Outcome<SubscriptionState> state = subscriptions.setPaymentChat(operatorActor(), clinicId, chat);
    if (!state.ok())
        return CliOutput::serviceError(state.error());
    CliOutput::json(clinicJson(state.value()));
    return 0;
}

int ClinicCommands::telegramTest(ServerCore &core, const QStringList &arguments)
{
    // `telegram-test <chat id>` or `telegram-test --chat <chat id>`.
    QString chat;
    if (arguments.size() == 1 && !arguments.first().startsWith(QLatin1String("--"))) {
        chat = arguments.first().trimmed();
    } else {
        CommandOptions options({QStringLiteral("chat")}, {});
        QString error;
        if (!options.parse(arguments, &error))
            return CliOutput::error(CliOutput::usageError, QStringLiteral("telegram-test: ") + error);
        chat = options.required(QStringLiteral("chat"), &error).trimmed();
        if (!error.isEmpty())
            return CliOutput::error(CliOutput::usageError, QStringLiteral("telegram-test: ") + error);
    }
    if (!isChatId(chat))
        return CliOutput::error(CliOutput::usageError,
                                QStringLiteral("telegram-test: expected a chat id such as -1001234567890"));
    const ServerConfig &config = core.config();
    TelegramBotClient::Settings settings;
    settings.baseUrl = config.telegram.apiBaseUrl;
    settings.token = config.telegramBotToken;
    settings.timeoutMs = config.telegram.timeoutSeconds * 1000;
    const TelegramBotClient client(settings);
    if (!client.isConfigured())
        return CliOutput::error(CliOutput::usageError,
                                QStringLiteral("telegram-test: TELEGRAM_BOT_TOKEN is not set"));
    const TelegramCall call =
        client.call(QStringLiteral("sendMessage"),
                    {{QStringLiteral("chat_id"), chat},
                     {QStringLiteral("text"), TelegramTexts(config.telegram.language).testMessage()}});
    if (!call.ok())
        return CliOutput::error(
            CliOutput::failure,
            QStringLiteral("telegram-test: %1 (HTTP %2)")
                .arg(call.description.isEmpty() ? QStringLiteral("no answer") : call.description)
                .arg(call.httpStatus));
    CliOutput::json({{QStringLiteral("sent"), true},
                     {QStringLiteral("chatId"), chat},
                     {QStringLiteral("messageId"), double(call.messageId())}});
    return 0;
}

int ClinicCommands::telegramOutbox(ServerCore &core, const QStringList &arguments)
{
    CommandOptions options({QStringLiteral("state"), QStringLiteral("resend"), QStringLiteral("limit")}, {});
    QString error;
    if (!options.parse(arguments, &error))
        return CliOutput::error(CliOutput::usageError, QStringLiteral("telegram-outbox: ") + error);
    TelegramOutbox outbox(core.database());
    if (options.has(QStringLiteral("resend"))) {
        const QString id = options.value(QStringLiteral("resend")).trimmed();
        if (!outbox.resend(id, &error))
            return CliOutput::error(CliOutput::failure, QStringLiteral("telegram-outbox: ") + error);
        CliOutput::json({{QStringLiteral("id"), id}, {QStringLiteral("state"), QStringLiteral("pending")}});
        return 0;
    }
    static const QStringList known{QStringLiteral("pending"), QStringLiteral("sending"),
                                   QStringLiteral("sent"), QStringLiteral("failed"),
                                   QStringLiteral("unknown")};
    QStringList states =
        options.has(QStringLiteral("state"))
            ? options.value(QStringLiteral("state")).split(QLatin1Char(','), Qt::SkipEmptyParts)
            : QStringList{QStringLiteral("unknown"), QStringLiteral("failed")};
    for (QString &state : states) {
        state = state.trimmed();
        if (state == QLatin1String("all")) {
            states.clear();
            break;
        }
        if (!known.contains(state))
            return CliOutput::error(
                CliOutput::usageError,
                QStringLiteral("telegram-outbox: --state takes %1 or all").arg(known.join(QLatin1Char(','))));
    }
    int limit = 100;
    if (options.has(QStringLiteral("limit"))) {
        bool ok = false;
        limit = options.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 1000)
            return CliOutput::error(CliOutput::usageError,
                                    QStringLiteral("telegram-outbox: --limit takes 1 to 1000"));
    }
    const QList<OutboxItem> items = outbox.list(states, limit, &error);
    if (!error.isEmpty())
        return CliOutput::error(CliOutput::failure, QStringLiteral("telegram-outbox: ") + error);
    for (const OutboxItem &item : items)
        CliOutput::json({{QStringLiteral("id"), item.id},
                         {QStringLiteral("clinicId"), item.clinicId},
                         {QStringLiteral("kind"), item.kind},
                         {QStringLiteral("method"), item.method},
                         {QStringLiteral("chatId"), item.chatId},
                         {QStringLiteral("state"), item.state},
                         {QStringLiteral("attempts"), item.attempts},
                         {QStringLiteral("messageId"), double(item.messageId)},
                         {QStringLiteral("lastError"), item.lastError},
                         {QStringLiteral("createdAt"),
                          QDateTime::fromMSecsSinceEpoch(item.createdAtMs, Qt::UTC).toString(Qt::ISODate)}});
    return 0;
}

} // namespace medora::server
