#pragma once

#include <QChar>
#include <QCoreApplication>
#include <QString>

namespace medora {

// How a visit's ticket (Visit::ticket, an integer in the sync format) reads on paper, on the
// wall screen and in the queues. Each PC hands out its own series, one letter per PC
// (TicketSeries): ticket = series × 1000 + number, shown as "A-017". Two PCs that queue
// patients for the same doctor while both are offline therefore never print the same ticket.
// Tickets below 1000 were issued before series existed and read as the plain number ("17").
class TicketNumber
{
    Q_DECLARE_TR_FUNCTIONS(TicketNumber)

public:
    static constexpr int kPerSeries = 1000; // numbers 1 … 999 in each series
    static constexpr int kMaxNumber = kPerSeries - 1;
    static constexpr int kSeriesCount = 26; // A … Z

    // 0 for a ticket without a series, else 1 (A) … 26 (Z).
    static int series(int ticket);
    static int number(int ticket);
    // The ticket of `number` in `series`; 0 when either is out of range.
    static int make(int series, int number);
    // "A", "B", … for 1, 2, …; empty for 0 or out of range.
    static QString letter(int series);
    // 1 … 26 for "A" … "Z" (either case); 0 otherwise.
    static int seriesOf(const QString &letter);
    // "A-017"; a ticket without a series as its number, "17".
    static QString text(int ticket);
    // text() marked urgent for the queues: "A-017 !".
    static QString urgentText(int ticket);
};

} // namespace medora
