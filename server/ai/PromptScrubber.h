#pragma once

#include <QString>
#include <QStringList>

namespace medora::server {

// Takes identity out of free text before it goes to the AI service: phone numbers (any
// form with 9+ digits, a leading '+', or a local 123-45-67), long digit runs (document
// numbers, PINFL), passport-like numbers (AA1234567), patient numbers (KQX-00042), the
// patient's own name parts (also with Uzbek/Russian endings: "Karimovaning") and address.
class PromptScrubber
{
public:
    struct Identity
    {
        QStringList nameParts; // last, first and father's name as stored
        QString phone;
        QString patientNumber;
        QString address;
    };

    explicit PromptScrubber(Identity identity);
    QString scrub(const QString &text) const;

    static QString namePlaceholder() { return QStringLiteral("[patient]"); }
    static QString numberPlaceholder() { return QStringLiteral("[number removed]"); }

private:
    QStringList m_words;   // lower-case name parts, >= 2 letters
    QStringList m_literal; // exact strings to remove (address, patient number)
};

} // namespace medora::server
