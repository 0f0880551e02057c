#include "queue/TicketSeries.h"

#include "queue/TicketNumber.h"
#include "store/Database.h"
#include "store/SqlValues.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace medora {

TicketSeries::TicketSeries(Database &database) : m_database(database) {}

int TicketSeries::startFor(const QString &identity)
{
    const QByteArray digest = QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256);
    return int(quint8(digest.at(0)) % TicketNumber::kSeriesCount) + 1;
}

int TicketSeries::choose(int start, const QSet<int> &taken)
{
    if (start < 1 || start > TicketNumber::kSeriesCount)
        start = 1;
    for (int step = 0; step < TicketNumber::kSeriesCount; ++step) {
        const int candidate = (start - 1 + step) % TicketNumber::kSeriesCount + 1;
        if (!taken.contains(candidate))
            return candidate;
    }
    return start;
}

QSet<int> TicketSeries::seriesSeen()
{
    QSet<int> seen;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT DISTINCT ticket / ? FROM visit WHERE ticket >= ?"));
    query.addBindValue(TicketNumber::kPerSeries);
    query.addBindValue(TicketNumber::kPerSeries);
    if (!query.exec()) {
        m_error = m_database.fail(query.lastError(), tr("read the ticket letters in use"));
        return seen;
    }
    while (query.next())
        seen.insert(query.value(0).toInt());
    return seen;
}

int TicketSeries::series()
{
    m_error = {};
    m_database.clearError();
    const int stored = TicketNumber::seriesOf(m_database.meta(metaKey()));
    if (!m_database.lastError().ok()) {
        m_error = m_database.lastError();
        return 0;
    }
    if (stored != 0)
        return stored;
    const QSet<int> taken = seriesSeen();
    if (!m_error.ok())
        return 0;
    const int chosen = choose(startFor(m_database.identity()), taken);
    return setSeries(chosen) ? chosen : 0;
}

bool TicketSeries::setSeries(int series)
{
    m_error = {};
    if (TicketNumber::letter(series).isEmpty()) {
        m_error = StoreError{StoreError::Code::Invalid, tr("The ticket letter must be one of A to Z.")};
        return false;
    }
    if (!m_database.setMeta(metaKey(), TicketNumber::letter(series))) {
        m_error = m_database.lastError();
        return false;
    }
    return true;
}

int TicketSeries::nextTicket(const QString &doctorId, const QDate &day)
{
    const int letter = series();
    if (letter == 0)
        return 0;
    const int first = TicketNumber::make(letter, 1);
    const int last = TicketNumber::make(letter, TicketNumber::kMaxNumber);
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT coalesce(max(ticket), 0) FROM visit"
                                 " WHERE doctor_id = ? AND day = ? AND ticket BETWEEN ? AND ?"));
    query.addBindValue(SqlValues::text(doctorId));
    query.addBindValue(SqlValues::optionalDate(day));
    query.addBindValue(first);
    query.addBindValue(last);
    if (!query.exec() || !query.next()) {
        m_error = m_database.fail(query.lastError(), tr("number the ticket"));
        return 0;
    }
    const int largest = query.value(0).toInt();
    if (largest >= last) {
        m_error = StoreError{StoreError::Code::Invalid,
                             tr("This computer has given out all %1 tickets of letter %2 for this doctor "
                                "that day.")
                                 .arg(TicketNumber::kMaxNumber)
                                 .arg(TicketNumber::letter(letter))};
        return 0;
    }
    return largest == 0 ? first : largest + 1;
}

} // namespace medora
