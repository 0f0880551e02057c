#pragma once

#include "admin/AuditClient.h"

#include <QCoreApplication>
#include <QHash>
#include <QTimeZone>

namespace medora {

// The audit trail as CSV for a spreadsheet: UTF-8 with a byte-order mark (without it Excel
// reads Cyrillic and Uzbek letters as Windows-1251 garbage), comma-separated, CRLF, every
// field quoted. A field that a spreadsheet would run as a formula (=, +, -, @ first) gets a
// leading apostrophe, so an action name or login typed by an attacker cannot become one.
class AuditCsvWriter
{
    Q_DECLARE_TR_FUNCTIONS(AuditCsvWriter)

public:
    // `names`: staff user id -> full name, for the "who" column; times shown in `zone`.
    explicit AuditCsvWriter(const QHash<QString, QString> &names = {},
                            const QTimeZone &zone = QTimeZone::systemTimeZone());

    QByteArray header() const; // starts with the BOM
    QByteArray row(const AuditEvent &event) const;
    static QString field(const QString &text);

    // Writes the whole file atomically (QSaveFile): a failure leaves no half file behind.
    // Safe on any thread; `error` is translated.
    bool write(const QString &path, const QList<AuditEvent> &events, QString *error = nullptr) const;

private:
    QHash<QString, QString> m_names;
    QTimeZone m_zone;
    QStringList m_columns; // translated when the writer is made, on the caller's thread
};

} // namespace medora
