#pragma once

#include "search/IndexRecord.h"

#include <QByteArray>

#include <cstring>
#include <string>

namespace medora {

// The searchable keys of one patient as the index stores them, both in the snapshot's key
// pool and in the overlay: NUL-terminated ASCII keys closed by an empty key, e.g.
// "kqx00042\0karimov\0alisher\0\0". The patient number comes first, then every word of
// the last, first and father's name (a name of several words is also kept joined, so
// "Abdulla zoda" is found by "zoda" and by "abdullazoda"). Duplicates are dropped.
class KeyList
{
public:
    static constexpr int kMaxKeys = 8;
    static constexpr int kPhoneDigits = 9;

    static void append(const IndexRecord &record, std::string &out);

    // The 9 national digits as a number (they never start with 0), or 0 for none.
    static quint32 phoneValue(const QByteArray &digits);
    // The phone's digits read backwards as a number, so that a suffix becomes a prefix.
    static quint32 reversedPhoneValue(quint32 phone);

    // Visits each key of the list at `keys` (at most kMaxKeys) as (key, length, slot) until
    // the empty key. The buffer must end with a NUL, which every pool does.
    template <typename Visit> static void forEach(const char *keys, Visit &&visit)
    {
        for (int slot = 0; slot < kMaxKeys && *keys; ++slot) {
            const size_t length = std::strlen(keys);
            visit(keys, length, slot);
            keys += length + 1;
        }
    }
};

} // namespace medora
