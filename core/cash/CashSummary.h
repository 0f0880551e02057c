#pragma once

#include "domain/Payment.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QTimeZone>

namespace medora {

class PaymentStore;

// Money of one group of ledger entries. Reversals are netted, not hidden: `received` is
// what the payments brought in, `reversed` what reversing entries gave back (a positive
// number), and net() what should be in the drawer or on the account.
struct CashTotals
{
    qint64 received = 0;
    qint64 reversed = 0;
    int payments = 0;
    int reversals = 0;

    qint64 net() const { return received - reversed; }
    bool operator==(const CashTotals &other) const
    {
        return received == other.received && reversed == other.reversed && payments == other.payments &&
               reversals == other.reversals;
    }
};

// A clinic day's takings: totals per payment method and per receptionist, and overall.
// Every entry counts on the day and for the person that took it: a reversal made the next
// day lowers the next day's takings (the money left the drawer then), and is counted for
// whoever gave the money back, under the method of the payment it reverses.
class CashSummary
{
public:
    // The day's entries from the ledger, in the clinic's time zone.
    static CashSummary forDay(const PaymentStore &store, const QDate &day,
                              const QTimeZone &zone = QTimeZone::systemTimeZone());
    // Adds up `entries` (which are taken to belong to `day`).
    static CashSummary fromEntries(const QDate &day, const QList<Payment> &entries);

    QDate day() const { return m_day; }
    CashTotals total() const { return m_total; }
    // Only methods with entries appear.
    QMap<PaymentMethod, CashTotals> byMethod() const { return m_byMethod; }
    // Keyed by the server user id of whoever took the entries.
    QMap<QString, CashTotals> byReceptionist() const { return m_byReceptionist; }
    QList<Payment> entries() const { return m_entries; }
    bool isEmpty() const { return m_entries.isEmpty(); }

private:
    QDate m_day;
    CashTotals m_total;
    QMap<PaymentMethod, CashTotals> m_byMethod;
    QMap<QString, CashTotals> m_byReceptionist;
    QList<Payment> m_entries;
};

} // namespace medora
