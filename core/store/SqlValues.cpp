#include "store/SqlValues.h"

#include "store/EncodedPatientRows.h"

namespace medora {

QString SqlValues::time(const QDateTime &utc)
{
    if (!utc.isValid())
        return QStringLiteral("");
    char buffer[24];
    if (EncodedPatientRows::writeTime(utc, buffer) == 24)
        return QString::fromLatin1(buffer, 24);
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

QVariant SqlValues::optionalTime(const QDateTime &utc)
{
    return utc.isValid() ? QVariant(time(utc)) : QVariant();
}

QDateTime SqlValues::toTime(const QVariant &value)
{
    if (value.isNull())
        return QDateTime();
    const QString text = value.toString();
    if (text.isEmpty())
        return QDateTime();
    const auto digits = [&text](int at, int count, int &out) {
        out = 0;
        for (int i = at; i < at + count; ++i) {
            const char16_t c = text[i].unicode();
            if (c < u'0' || c > u'9')
                return false;
            out = out * 10 + (c - u'0');
        }
        return true;
    };
    // The exact shape time() writes is parsed by hand: Qt's parser costs more than the rest
    // of reading a row.
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millisecond = 0;
    if (text.size() == 24 && text[4] == u'-' && text[7] == u'-' && text[10] == u'T' && text[13] == u':' &&
        text[16] == u':' && text[19] == u'.' && text[23] == u'Z' && digits(0, 4, year) &&
        digits(5, 2, month) && digits(8, 2, day) && digits(11, 2, hour) && digits(14, 2, minute) &&
        digits(17, 2, second) && digits(20, 3, millisecond)) {
        const QDate date(year, month, day);
        const QTime clock(hour, minute, second, millisecond);
        if (date.isValid() && clock.isValid())
            return QDateTime(date, clock, Qt::UTC);
    }
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

QVariant SqlValues::optionalDate(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();
}

QDate SqlValues::toDate(const QVariant &value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

QString SqlValues::timeOrNull(const QDateTime &utc)
{
    return utc.isValid() ? time(utc) : QString();
}

QString SqlValues::dateOrNull(const QDate &date)
{
    if (!date.isValid())
        return QString();
    char buffer[10];
    if (EncodedPatientRows::writeDate(date, buffer) == 10)
        return QString::fromLatin1(buffer, 10);
    return date.toString(Qt::ISODate);
}

QString SqlValues::uuidOrNull(const QUuid &id)
{
    return id.isNull() ? QString() : uuid(id);
}

QString SqlValues::uuid(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QVariant SqlValues::optionalUuid(const QUuid &id)
{
    return id.isNull() ? QVariant() : QVariant(uuid(id));
}

QUuid SqlValues::toUuid(const QVariant &value)
{
    return value.isNull() ? QUuid() : QUuid::fromString(value.toString());
}

QDateTime SqlValues::nowUtc()
{
    return QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
}

} // namespace medora
