#include "subscription/SubscriptionStatus.h"

#include <QJsonArray>
#include <QLocale>

namespace medora {

namespace {

QDateTime time(const QJsonValue &value)
{
    const QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

QString day(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime().date(), QLocale::ShortFormat);
}

} // namespace

std::optional<SubscriptionStatus> SubscriptionStatus::fromJson(const QJsonObject &json)
{
    static const QStringList statuses{QStringLiteral("active"), QStringLiteral("grace"),
                                      QStringLiteral("expired")};
    SubscriptionStatus s;
    s.plan = json.value(QLatin1String("plan")).toString();
    s.status = json.value(QLatin1String("status")).toString();
    s.paidUntil = time(json.value(QLatin1String("paidUntil")));
    s.graceEndsAt = time(json.value(QLatin1String("graceEndsAt")));
    if (s.plan.isEmpty() || !statuses.contains(s.status) || !s.paidUntil.isValid())
        return std::nullopt;
    s.newVisitsAllowed = json.value(QLatin1String("newVisitsAllowed")).toBool(true);
    s.aiAllowed = json.value(QLatin1String("aiAllowed")).toBool(true);
    s.receiptsAvailable = json.value(QLatin1String("receiptsAvailable")).toBool();
    for (const QJsonValue &value : json.value(QLatin1String("receipts")).toArray()) {
        const QJsonObject r = value.toObject();
        SubscriptionReceiptInfo info;
        info.id = r.value(QLatin1String("id")).toString();
        info.amount = qint64(r.value(QLatin1String("amount")).toDouble());
        info.plan = r.value(QLatin1String("plan")).toString();
        info.state = r.value(QLatin1String("state")).toString();
        info.createdAt = time(r.value(QLatin1String("createdAt")));
        info.decidedAt = time(r.value(QLatin1String("decidedAt")));
        s.receipts.append(info);
    }
    return s;
}

QString SubscriptionStatus::planText() const
{
    if (plan == QLatin1String("trial"))
        return tr("Trial");
    if (plan == QLatin1String("monthly"))
        return tr("Monthly");
    if (plan == QLatin1String("quarterly"))
        return tr("Quarterly");
    if (plan == QLatin1String("yearly"))
        return tr("Yearly");
    return plan;
}

QString SubscriptionStatus::statusText() const
{
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("grace"))
        return tr("Payment overdue (grace period)");
    return tr("Expired");
}

QString SubscriptionStatus::explanation(const QDateTime &nowUtc) const
{
    if (status == QLatin1String("active")) {
        const qint64 days = nowUtc.daysTo(paidUntil);
        return tr("Paid until %1 (%n day(s) left).", nullptr, int(qMax<qint64>(days, 0))).arg(day(paidUntil));
    }
    if (status == QLatin1String("grace"))
        return tr("The subscription ended on %1. Everything keeps working until %2; after that new visits "
                  "and "
                  "AI are refused until it is renewed.")
            .arg(day(paidUntil), day(graceEndsAt));
    return tr("The subscription ended on %1. Patients and records stay available and keep syncing, but the "
              "server refuses new visits and AI until a payment is approved.")
        .arg(day(paidUntil));
}

QString SubscriptionStatus::receiptStateText(const QString &state)
{
    if (state == QLatin1String("pending"))
        return tr("Waiting for approval");
    if (state == QLatin1String("approved"))
        return tr("Approved");
    if (state == QLatin1String("rejected"))
        return tr("Rejected");
    return state;
}

} // namespace medora
