#include "admin/VisitStatistics.h"

#include "store/Database.h"
#include "store/PaymentStore.h"
#include "store/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

namespace medora {

namespace {

void add(CashTotals &into, const CashTotals &more)
{
    into.received += more.received;
    into.reversed += more.reversed;
    into.payments += more.payments;
    into.reversals += more.reversals;
}

} // namespace

void VisitStatistics::clear()
{
    *this = VisitStatistics();
}

bool VisitStatistics::compute(Database &database, const QDate &from, const QDate &to, const QTimeZone &zone,
                              QString *error)
{
    clear();
    const auto failWith = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!from.isValid() || !to.isValid())
        return failWith(tr("Choose the first and the last day of the period."));
    if (from > to)
        return failWith(tr("The last day of the period is before the first."));
    if (from.daysTo(to) + 1 > kMaxDays)
        return failWith(tr("A period may be at most %n days long.", nullptr, kMaxDays));

    // The stores offer a doctor's queue per day only; one grouped read over the visit table
    // counts a whole year without loading a single visit.
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT day, doctor_id, status, count(*) FROM visit"
                       " WHERE deleted = 0 AND day >= ? AND day <= ? GROUP BY day, doctor_id, status"));
    query.addBindValue(SqlValues::optionalDate(from));
    query.addBindValue(SqlValues::optionalDate(to));
    if (!query.exec())
        return failWith(database.fail(query.lastError(), tr("count the visits")).message);

    QMap<QDate, int> perDay;
    for (QDate day = from; day <= to; day = day.addDays(1))
        perDay.insert(day, 0);
    QMap<QString, int> perDoctor;
    QMap<VisitStatus, int> perStatus;
    int total = 0;
    while (query.next()) {
        const QDate day = SqlValues::toDate(query.value(0));
        const int count = query.value(3).toInt();
        const int status = query.value(2).toInt();
        if (!perDay.contains(day) || count <= 0 || status < int(VisitStatus::Waiting) ||
            status > int(VisitStatus::NoShow))
            continue;
        perDay[day] += count;
        perDoctor[query.value(1).toString()] += count;
        perStatus[VisitStatus(status)] += count;
        total += count;
    }

    // Payments day by day through the ledger, so they count exactly as the cash summary does.
    PaymentStore payments(database);
    QMap<QDate, CashTotals> paymentsPerDay;
    QMap<PaymentMethod, CashTotals> perMethod;
    CashTotals paymentTotal;
    for (QDate day = from; day <= to; day = day.addDays(1)) {
        const QList<Payment> entries = payments.forDay(day, zone);
        if (!payments.lastError().ok())
            return failWith(payments.lastError().message);
        const CashSummary summary = CashSummary::fromEntries(day, entries);
        paymentsPerDay.insert(day, summary.total());
        add(paymentTotal, summary.total());
        const QMap<PaymentMethod, CashTotals> byMethod = summary.byMethod();
        for (auto it = byMethod.cbegin(); it != byMethod.cend(); ++it)
            add(perMethod[it.key()], it.value());
    }

    m_from = from;
    m_to = to;
    m_totalVisits = total;
    m_visitsPerDay = perDay;
    m_visitsPerDoctor = perDoctor;
    m_visitsPerStatus = perStatus;
    m_paymentTotal = paymentTotal;
    m_paymentsPerDay = paymentsPerDay;
    m_paymentsPerMethod = perMethod;
    return true;
}

} // namespace medora
