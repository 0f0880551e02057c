#include "queue/TicketNumber.h"

namespace medora {

int TicketNumber::series(int ticket)
{
    const int series = ticket / kPerSeries;
    return series >= 1 && series <= kSeriesCount ? series : 0;
}

int TicketNumber::number(int ticket)
{
    return series(ticket) == 0 ? ticket : ticket % kPerSeries;
}

int TicketNumber::make(int series, int number)
{
    if (series < 1 || series > kSeriesCount || number < 1 || number > kMaxNumber)
        return 0;
    return series * kPerSeries + number;
}

QString TicketNumber::letter(int series)
{
    if (series < 1 || series > kSeriesCount)
        return QString();
    return QString(QChar(char16_t(u'A' + series - 1)));
}

int TicketNumber::seriesOf(const QString &letter)
{
    const QString trimmed = letter.trimmed().toUpper();
    if (trimmed.size() != 1 || trimmed.at(0) < u'A' || trimmed.at(0) > u'Z')
        return 0;
    return trimmed.at(0).unicode() - u'A' + 1;
}

QString TicketNumber::text(int ticket)
{
    const int letterSeries = series(ticket);
    if (letterSeries == 0)
        return QString::number(ticket);
    // Three digits, so "A-007" and "A-017" line up on the wall screen and read the same aloud.
    return QStringLiteral("%1-%2").arg(letter(letterSeries)).arg(number(ticket), 3, 10, QLatin1Char('0'));
}

QString TicketNumber::urgentText(int ticket)
{
    return tr("%1 !", "urgent ticket").arg(text(ticket));
}

} // namespace medora
