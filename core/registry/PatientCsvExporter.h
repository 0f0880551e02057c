#pragma once

#include "domain/Patient.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

class QIODevice;

namespace medora {

class PatientRegistry;

// Writes patients as CSV (RFC 4180) in the layout PatientCsvImporter reads back: a header
// of English column keys, UTF-8 with a byte order mark so that Excel shows Cyrillic and the
// letter mark correctly, CRLF line ends, ISO dates, E.164 phones, sex as m/f. Rows are read
// from the store a page at a time and written straight out, so an export of any size holds
// only one page of patients in memory.
class PatientCsvExporter
{
    Q_DECLARE_TR_FUNCTIONS(PatientCsvExporter)

public:
    static constexpr int kPageSize = 500;

    explicit PatientCsvExporter(PatientRegistry &registry);

    // The column keys of the header, in file order.
    static QStringList columns();

    // Writes the header and the live patients among `localIds`, in that order. Returns
    // false with errorString() set when the store cannot be read or the device not written.
    bool write(QIODevice &device, const std::vector<qint64> &localIds);
    // Same, into `filePath`, which is replaced only once the whole export has been written.
    bool writeFile(const QString &filePath, const std::vector<qint64> &localIds);

    qint64 exportedCount() const { return m_exportedCount; }
    QString errorString() const { return m_errorString; }

    static QByteArray headerLine();
    static QByteArray csvLine(const Patient &patient);
    // One field, quoted when it holds a delimiter (',' or ';'), a quote, a line break or
    // leading or trailing white space.
    static QByteArray csvField(const QString &text);

private:
    PatientRegistry &m_registry;
    qint64 m_exportedCount = 0;
    QString m_errorString;
};

} // namespace medora
