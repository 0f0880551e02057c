#include "store/EncodedPatientRows.h"

#include "store/NativeSqliteStatement.h"

namespace medora {

namespace {

void putDigits(char *out, qint64 value, int digits)
{
    for (int i = digits - 1; i >= 0; --i, value /= 10)
        out[i] = char('0' + value % 10);
}

} // namespace

EncodedPatientRows::EncodedPatientRows() : m_utf8(QStringEncoder::Utf8, QStringConverter::Flag::Stateless) {}

void EncodedPatientRows::clear()
{
    m_bytes.clear();
    m_cells.clear();
}

int EncodedPatientRows::writeDate(const QDate &date, char *out)
{
    int year = 0;
    int month = 0;
    int day = 0;
    if (!date.isValid())
        return 0;
    date.getDate(&year, &month, &day);
    if (year < 1 || year > 9999)
        return 0;
    putDigits(out, year, 4);
    out[4] = '-';
    putDigits(out + 5, month, 2);
    out[7] = '-';
    putDigits(out + 8, day, 2);
    return 10;
}

int EncodedPatientRows::writeTime(const QDateTime &time, char *out)
{
    if (!time.isValid())
        return 0;
    const qint64 ms = time.toMSecsSinceEpoch();
    constexpr qint64 kMsPerDay = 86400000;
    const qint64 days = ms >= 0 ? ms / kMsPerDay : -((-ms + kMsPerDay - 1) / kMsPerDay);
    const qint64 msOfDay = ms - days * kMsPerDay;
    if (writeDate(QDate(1970, 1, 1).addDays(days), out) == 0)
        return 0;
    out[10] = 'T';
    putDigits(out + 11, msOfDay / 3600000, 2);
    out[13] = ':';
    putDigits(out + 14, msOfDay / 60000 % 60, 2);
    out[16] = ':';
    putDigits(out + 17, msOfDay / 1000 % 60, 2);
    out[19] = '.';
    putDigits(out + 20, msOfDay % 1000, 3);
    out[23] = 'Z';
    return 24;
}

void EncodedPatientRows::appendText(QStringView text)
{
    const size_t start = m_bytes.size();
    m_bytes.resize(start + size_t(m_utf8.requiredSpace(text.size())));
    char *const end = m_utf8.appendToBuffer(m_bytes.data() + start, text);
    const size_t size = size_t(end - (m_bytes.data() + start));
    m_bytes.resize(start + size);
    m_cells.push_back({qint64(start), qint32(size)});
}

void EncodedPatientRows::appendAscii(const char *text, int size)
{
    const size_t start = m_bytes.size();
    m_bytes.insert(m_bytes.end(), text, text + size);
    m_cells.push_back({qint64(start), qint32(size)});
}

void EncodedPatientRows::append(const Patient &patient, const QString &nameKey, qint64 changeSeq)
{
    char buffer[36];
    const auto appendTime = [&](const QDateTime &time) {
        const int size = writeTime(time, buffer);
        if (size > 0)
            appendAscii(buffer, size);
        else if (time.isValid())
            appendText(time.toUTC().toString(Qt::ISODateWithMs));
        else
            appendAscii(buffer, 0);
    };

    // QUuid::toString(WithoutBraces): lower-case 8-4-4-4-12 hex digits.
    const QByteArray uuid = patient.id.toByteArray(QUuid::WithoutBraces);
    appendAscii(uuid.constData(), int(uuid.size()));
    appendText(patient.number);
    appendText(patient.lastName);
    appendText(patient.firstName);
    appendText(patient.fatherName);
    if (!patient.birthDate.isValid()) {
        m_cells.push_back({0, kNull});
    } else if (const int size = writeDate(patient.birthDate, buffer); size > 0) {
        appendAscii(buffer, size);
    } else {
        appendText(patient.birthDate.toString(Qt::ISODate));
    }
    appendInteger(patient.birthDateEstimated ? 1 : 0);
    appendInteger(static_cast<int>(patient.sex));
    appendText(patient.phone);
    appendText(patient.address);
    appendText(patient.allergies);
    appendText(patient.medications);
    appendText(patient.history);
    appendText(patient.notes);
    appendTime(patient.createdAt);
    appendTime(patient.updatedAt);
    appendText(patient.createdBy);
    appendInteger(patient.deleted ? 1 : 0);
    appendInteger(patient.revision);
    appendInteger(static_cast<int>(patient.syncState));
    appendText(nameKey);
    appendInteger(patient.lastSeenAt.toMSecsSinceEpoch());
    appendInteger(changeSeq);
    Q_ASSERT(m_cells.size() % kColumns == 0);
}

void EncodedPatientRows::bind(size_t row, NativeSqliteStatement &statement) const
{
    const Cell *cell = m_cells.data() + row * kColumns;
    for (int column = 1; column <= kColumns; ++column, ++cell) {
        if (cell->size == kInteger)
            statement.bindInt64(column, cell->value);
        else if (cell->size == kNull)
            statement.bindNull(column);
        else
            statement.bindBorrowedText(column, m_bytes.data() + cell->value, cell->size);
    }
}

} // namespace medora
