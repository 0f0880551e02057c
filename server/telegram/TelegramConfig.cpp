#include "telegram/TelegramConfig.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

namespace medora::server {

namespace {

// A chat id: a number (groups are negative, "-100..." for supergroups) or "@channelname".
bool isChatId(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$"));
    return pattern.match(text).hasMatch();
}

} // namespace

TelegramConfig TelegramConfig::parse(const std::function<QString(const QString &)> &value,
                                     QStringList *problems)
{
    TelegramConfig c;
    auto trimmed = [&](const char *name) { return value(QLatin1String(name)).trimmed(); };
    auto integer = [&](const char *name, qint64 minimum, qint64 maximum, auto *target) {
        const QString text = trimmed(name);
        if (text.isEmpty())
            return;
        bool ok = false;
        const qint64 number = text.toLongLong(&ok);
        if (!ok || number < minimum || number > maximum) {
            *problems << QStringLiteral("%1: expected a whole number from %2 to %3 ('%4')")
                             .arg(QLatin1String(name))
                             .arg(minimum)
                             .arg(maximum)
                             .arg(text.left(40));
            return;
        }
        *target = static_cast<std::remove_pointer_t<decltype(target)>>(number);
    };

    const QString base = trimmed("TELEGRAM_API_BASE_URL");
    if (!base.isEmpty()) {
        const QUrl url(base, QUrl::StrictMode);
        const bool loopback = QHostAddress(url.host()).isLoopback() ||
                              url.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0;
        // The token travels in the path: plain http only to this machine (a local test double).
        if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() ||
            !(url.scheme() == QLatin1String("https") || (url.scheme() == QLatin1String("http") && loopback)))
            *problems << QStringLiteral(
                             "TELEGRAM_API_BASE_URL: expected https://host[:port] (http only for a "
                             "loopback address) ('%1')")
                             .arg(base.left(80));
        else
            c.apiBaseUrl = base.endsWith(QLatin1Char('/')) ? base.chopped(1) : base;
    }
    for (const auto &[name, target] : {qMakePair("TELEGRAM_PAYMENT_GROUP_ID", &c.paymentGroupId),
                                       qMakePair("TELEGRAM_OPERATOR_GROUP_ID", &c.operatorGroupId)}) {
        const QString text = trimmed(name);
        if (text.isEmpty())
            continue;
        if (!isChatId(text))
            *problems << QStringLiteral("%1: expected a chat id such as -1001234567890 ('%2')")
                             .arg(QLatin1String(name), text.left(40));
        else
            *target = text;
    }
    for (const QString &item :
         trimmed("TELEGRAM_OPERATOR_USER_IDS").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 id = item.trimmed().toLongLong(&ok);
        if (!ok || id <= 0)
            *problems << QStringLiteral("TELEGRAM_OPERATOR_USER_IDS: '%1' is not a Telegram user id")
                             .arg(item.trimmed().left(40));
        else if (!c.operatorUserIds.contains(id))
            c.operatorUserIds << id;
    }
    const QString mode = trimmed("TELEGRAM_UPDATES_MODE").toLower();
    if (mode == QLatin1String("webhook"))
        c.updatesMode = UpdatesMode::Webhook;
    else if (!mode.isEmpty() && mode != QLatin1String("polling"))
        *problems
            << QStringLiteral("TELEGRAM_UPDATES_MODE: expected polling or webhook ('%1')").arg(mode.left(20));
    c.webhookSecret = value(QStringLiteral("TELEGRAM_WEBHOOK_SECRET")).trimmed().toUtf8();
    static const QRegularExpression secretPattern(QStringLiteral("^[A-Za-z0-9_-]{16,256}$"));
    // Never echoed: the value is a secret.
    if (!c.webhookSecret.isEmpty() && !secretPattern.match(QString::fromLatin1(c.webhookSecret)).hasMatch())
        *problems << QStringLiteral(
            "TELEGRAM_WEBHOOK_SECRET: expected 16 to 256 characters of A-Z, a-z, 0-9, _ "
            "and -");
    if (c.updatesMode == UpdatesMode::Webhook && c.webhookSecret.isEmpty())
        *problems << QStringLiteral("TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_UPDATES_MODE=webhook");
    integer("TELEGRAM_TIMEOUT_SECONDS", 1, 300, &c.timeoutSeconds);
    integer("TELEGRAM_POLL_SECONDS", 0, 50, &c.pollSeconds);
    integer("TELEGRAM_BACKOFF_MS", 10, 600000, &c.backoffMs);
    integer("TELEGRAM_MAX_BACKOFF_MS", 10, 24LL * 3600 * 1000, &c.maxBackoffMs);
    const QString language = trimmed("MEDORA_TELEGRAM_LANGUAGE").toLower();
    if (language == QLatin1String("uz") || language == QLatin1String("ru"))
        c.language = language;
    else if (!language.isEmpty())
        *problems
            << QStringLiteral("MEDORA_TELEGRAM_LANGUAGE: expected uz or ru ('%1')").arg(language.left(20));
    const QString time = trimmed("MEDORA_DAILY_SUMMARY_TIME");
    if (time.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0) {
        c.dailySummaryTime = QTime();
    } else if (!time.isEmpty()) {
        const QTime parsed = QTime::fromString(time, QStringLiteral("H:mm"));
        if (!parsed.isValid())
            *problems
                << QStringLiteral("MEDORA_DAILY_SUMMARY_TIME: expected HH:MM ('%1')").arg(time.left(20));
        else
            c.dailySummaryTime = parsed;
    }
    const QString zone = trimmed("MEDORA_TIME_ZONE");
    if (!zone.isEmpty()) {
        if (!QTimeZone(zone.toUtf8()).isValid())
            *problems
                << QStringLiteral("MEDORA_TIME_ZONE: not a known IANA time zone ('%1')").arg(zone.left(60));
        else
            c.timeZone = zone;
    }
    integer("MEDORA_SUBSCRIPTION_GRACE_DAYS", 0, 365, &c.subscriptionGraceDays);
    integer("MEDORA_SUBSCRIPTION_TRIAL_DAYS", 0, 3650, &c.trialDays);
    integer("MEDORA_RECEIPT_MAX_BYTES", 1024, 20LL * 1024 * 1024, &c.receiptMaxBytes);
    return c;
}

} // namespace medora::server
