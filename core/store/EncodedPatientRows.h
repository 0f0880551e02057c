#pragma once

#include "domain/Patient.h"

#include <QStringEncoder>

#include <cstddef>
#include <vector>

namespace medora {

class NativeSqliteStatement;

// Insert rows of patients, already turned into the values SQLite stores (UTF-8 text,
// integers, NULL), so that a bulk import can prepare rows on one thread while another
// only binds them and steps SQLite. The columns are those of PatientStore's insert
// statement, in its order. All text of a batch lives in one buffer: no allocation per
// value once the buffer has grown to a batch's size.
class EncodedPatientRows
{
public:
    static constexpr int kColumns = 23;

    EncodedPatientRows();

    void clear();
    // `nameKey` is PatientStore::nameKey of the patient's names.
    void append(const Patient &patient, const QString &nameKey, qint64 changeSeq);
    size_t size() const { return m_cells.size() / kColumns; }

    // Binds row `row` to parameters 1..kColumns; the text stays owned by this object, which
    // must not change until the statement has been executed.
    void bind(size_t row, NativeSqliteStatement &statement) const;

    // The stored form of a time: ISO 8601 UTC with milliseconds ("2024-05-01T09:30:00.250Z")
    // written into `out` (24 characters, no terminator); returns 0 when the year is outside
    // 1..9999 or the time is invalid (callers fall back to Qt's formatter then).
    static int writeTime(const QDateTime &time, char *out);
    // "yyyy-MM-dd" into `out` (10 characters); 0 outside years 1..9999 or when invalid.
    static int writeDate(const QDate &date, char *out);

private:
    // size >= 0: text of that many bytes at m_bytes[value]; kNull; kInteger: value itself.
    struct Cell
    {
        qint64 value;
        qint32 size;
    };
    static constexpr qint32 kNull = -1;
    static constexpr qint32 kInteger = -2;

    void appendText(QStringView text);
    void appendAscii(const char *text, int size);
    void appendInteger(qint64 value) { m_cells.push_back({value, kInteger}); }

    std::vector<char> m_bytes;
    std::vector<Cell> m_cells;
    QStringEncoder m_utf8;
};

} // namespace medora
