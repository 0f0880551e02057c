#include "cash/CashSummary.h"

#include "store/PaymentStore.h"

namespace medora {

namespace {

void add(CashTotals &totals, const Payment &entry)
{
    if (entry.amount >= 0) {
        totals.received += entry.amount;
        ++totals.payments;
    } else {
        totals.reversed += -entry.amount;
        ++totals.reversals;
    }
}

} // namespace

CashSummary CashSummary::forDay(const PaymentStore &store, const QDate &day, const QTimeZone &zone)
{
    return fromEntries(day, store.forDay(day, zone));
}

CashSummary CashSummary::fromEntries(const QDate &day, const QList<Payment> &entries)
{
    CashSummary summary;
    summary.m_day = day;
    summary.m_entries = entries;
    for (const Payment &entry : entries) {
        add(summary.m_total, entry);
        add(summary.m_byMethod[entry.method], entry);
        add(summary.m_byReceptionist[entry.takenBy], entry);
    }
    return summary;
}

} // namespace medora
