#pragma once

#include "domain/Patient.h"
#include "store/StoreError.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

class QIODevice;

namespace medora {

class PatientRegistry;

// Reads a patient list in CSV (RFC 4180: quoted fields, doubled quotes, line breaks and
// delimiters inside quotes, CRLF or LF) and imports it all or not at all. The first line
// names the columns (PatientCsvExporter::columns(), case-insensitive, in any order, plus
// `age` as an alternative to `birth_date`); ';' is the delimiter when the header uses it,
// as Excel writes in Russian and Uzbek locales. The text must be UTF-8, with or without a
// byte order mark: anything else is refused with the line, never guessed at, because a
// guessed encoding is how Russian names turn into mojibake.
//
// Every row is parsed and validated before anything is written; one bad row rejects the
// whole file, and the errors name the line and the column.
class PatientCsvImporter
{
    Q_DECLARE_TR_FUNCTIONS(PatientCsvImporter)

public:
    static constexpr qint64 kMaxFileBytes = 200LL * 1024 * 1024;
    static constexpr qint64 kMaxRowBytes = 64 * 1024;
    static constexpr int kMaxListedErrors = 100;

    enum class Mode
    {
        Import,
        DryRun, // parse and validate only; the registry is not written
    };

    enum class Outcome
    {
        Imported,     // every row was written (possibly none, for a header-only file)
        Valid,        // dry run: every row would be imported
        InvalidInput, // the file cannot be read or has errors; nothing was written
        StoreFailed,  // the rows were valid but the registry refused the write; nothing was written
    };

    struct Error
    {
        qint64 line = 0; // 1 = the header; 0 when the problem concerns the whole file
        QString column;  // column key as written in the header; empty for row-level problems
        QString message; // translated
        // "line 4, column sex: ..." (translated).
        QString text() const;
    };

    explicit PatientCsvImporter(PatientRegistry &registry);

    // The day ages and dates of birth are judged against; today unless set (tests pin it).
    void setToday(const QDate &today) { m_today = today; }

    Outcome importFile(const QString &filePath, Mode mode = Mode::Import);
    // Reads `device` (already open) to its end. Sequential devices work when reads block
    // until data or end of input arrive, as they do for a QFile on stdin or a pipe.
    Outcome importFrom(QIODevice &device, Mode mode = Mode::Import);

    // Valid data rows seen (imported, or that would be in a dry run).
    qint64 rowCount() const { return m_rowCount; }
    // The first kMaxListedErrors errors in file order, and how many there were in all.
    const QList<Error> &errors() const { return m_errors; }
    qint64 errorCount() const { return m_errorCount; }
    // The listed errors as text, followed by a line saying how many more there were.
    QStringList errorReport() const;
    // Why the registry refused the write (Outcome::StoreFailed).
    StoreError storeError() const { return m_storeError; }

private:
    class Parser;

    void reset();
    void addError(qint64 line, const QString &column, const QString &message);

    PatientRegistry &m_registry;
    QDate m_today;
    qint64 m_rowCount = 0;
    QList<Error> m_errors;
    qint64 m_errorCount = 0;
    StoreError m_storeError;
};

} // namespace medora
