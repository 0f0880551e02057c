#pragma once

#include <QString>

namespace medora {

// Human patient numbers "PPP-NNNNN": a per-device prefix of three letters (no I or O)
// chosen at random when the local database is created, then a per-device sequence. Two
// PCs registering offline therefore never issue the same number (the server can later
// hand out prefixes to make even a prefix clash impossible; see docs/architecture.md).
class PatientNumber
{
public:
    static QString randomDevicePrefix();
    static bool isValidPrefix(const QString &prefix);
    // "KQX-00042"; empty when the prefix is not valid or the sequence is below 1.
    static QString format(const QString &prefix, qint64 sequence);
    static bool isValid(const QString &number);
    // Lower-case key without separators, as indexed: "KQX-00042" -> "kqx00042".
    static QString searchKey(const QString &number);
};

} // namespace medora
