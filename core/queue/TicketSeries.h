#pragma once

#include "store/StoreError.h"

#include <QCoreApplication>
#include <QDate>
#include <QSet>
#include <QString>

namespace medora {

class Database;

// This PC's ticket series (TicketNumber): one letter, chosen once and kept in the local
// database (meta "queue/ticket_series"), so desks sharing one database file share it and
// number from it inside the insert's transaction, while another PC, online or not, numbers
// its own letter.
//
// The first choice starts at a letter derived from the database's random identity and skips
// every letter this PC has already seen on visits from other PCs (synced before), so PCs set
// up one after another online never pick the same letter. Two PCs installed offline at the
// same moment can still draw the same one; the desk's queue then marks the tickets that
// clash (QueueModel), and setSeries() gives one of the PCs another letter.
class TicketSeries
{
    Q_DECLARE_TR_FUNCTIONS(TicketSeries)

public:
    static QString metaKey() { return QStringLiteral("queue/ticket_series"); }

    explicit TicketSeries(Database &database);

    // 1 (A) … 26 (Z); chosen and stored on first use. 0 when the database failed (lastError).
    int series();
    // The admin's choice; false (and lastError) for an invalid series or a failed write.
    bool setSeries(int series);
    // The next ticket of this PC's series for the doctor's day: one more than the largest
    // issued in it (tombstoned ones included, so a number is never handed out twice). Call it
    // inside the insert's transaction. 0 when the series is used up (999 tickets) or the
    // database failed (lastError).
    int nextTicket(const QString &doctorId, const QDate &day);

    // The letter a new PC takes: the first from `start` (1 … 26, wrapping) not in `taken`;
    // `start` itself when every letter is taken.
    static int choose(int start, const QSet<int> &taken);
    // A stable start letter for a database identity.
    static int startFor(const QString &identity);

    StoreError lastError() const { return m_error; }

private:
    QSet<int> seriesSeen();

    Database &m_database;
    StoreError m_error;
};

} // namespace medora
