#pragma once

#include "cash/CashSummary.h"
#include "domain/Visit.h"

#include <QCoreApplication>
#include <QDate>
#include <QMap>
#include <QString>
#include <QTimeZone>

namespace medora {

class Database;

// The clinic's visits and payments over a period of days, from this PC's local store (so it
// works offline and shows what has been synced here). Visits count by their queue day, per
// day, doctor and status; tombstoned ones do not count. Payments count on the day they were
// taken in `zone`, per day and method, reversals netted as in the cash summary. Money is
// integer so'm.
class VisitStatistics
{
    Q_DECLARE_TR_FUNCTIONS(VisitStatistics)

public:
    static constexpr int kMaxDays = 366;

    // False, with a translated `error`, for a period that is invalid, reversed or longer
    // than kMaxDays, or when the store cannot be read.
    bool compute(Database &database, const QDate &from, const QDate &to,
                 const QTimeZone &zone = QTimeZone::systemTimeZone(), QString *error = nullptr);

    QDate from() const { return m_from; }
    QDate to() const { return m_to; } // inclusive
    int dayCount() const { return m_from.isValid() ? int(m_from.daysTo(m_to)) + 1 : 0; }

    int totalVisits() const { return m_totalVisits; }
    // Every day of the period, zero days included.
    QMap<QDate, int> visitsPerDay() const { return m_visitsPerDay; }
    QMap<QString, int> visitsPerDoctor() const { return m_visitsPerDoctor; } // doctor's user id
    QMap<VisitStatus, int> visitsPerStatus() const { return m_visitsPerStatus; }

    CashTotals paymentTotal() const { return m_paymentTotal; }
    // Every day of the period, zero days included.
    QMap<QDate, CashTotals> paymentsPerDay() const { return m_paymentsPerDay; }
    // Only methods with entries appear.
    QMap<PaymentMethod, CashTotals> paymentsPerMethod() const { return m_paymentsPerMethod; }

private:
    void clear();

    QDate m_from, m_to;
    int m_totalVisits = 0;
    QMap<QDate, int> m_visitsPerDay;
    QMap<QString, int> m_visitsPerDoctor;
    QMap<VisitStatus, int> m_visitsPerStatus;
    CashTotals m_paymentTotal;
    QMap<QDate, CashTotals> m_paymentsPerDay;
    QMap<PaymentMethod, CashTotals> m_paymentsPerMethod;
};

} // namespace medora
