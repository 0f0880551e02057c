#pragma once

#include <QtGlobal>

#include <cstddef>

namespace medora {

// Byte layout of the search snapshot file (docs/search.md, "Index design"). All integers
// are in the writer's native byte order (the file is a local cache; a file from a machine
// of the other order fails the byte-order check and is rebuilt). Every section starts at a
// multiple of 8 bytes.
namespace snapshot {

constexpr char kMagic[8] = {'M', 'D', 'R', 'S', 'R', 'C', 'H', '\0'};
constexpr quint32 kFormatVersion = 2;
constexpr quint32 kByteOrderMark = 0x01020304;
constexpr quint32 kMaxPatients = 1u << 30;

enum Section : int
{
    Identity = 0,        // UTF-8 bytes of the database identity
    Patients,            // SnapshotPatient[patientCount], most recently seen first
    TermLists,           // quint32[termListSize]: per patient [count, termId...]
    TermTextOffsets,     // quint32[termCount]: where each term's text starts in TermText
    TermText,            // the distinct keys ("terms"), NUL-terminated, in sorted order
    TermPostingStarts,   // quint32[termCount + 1]: each term's first entry in Postings
    Postings,            // quint32[postingCount]: patient indexes, by term, ascending
    PhoneForwardValues,  // quint32[phoneCount] phone values, ascending
    PhoneForwardIndexes, // quint32[phoneCount] patient indexes, parallel to the values
    PhoneReverseValues,  // quint32[phoneCount] reversed phone values, ascending
    PhoneReverseIndexes, // quint32[phoneCount]
    LocalIds,            // qint64[patientCount] local ids, ascending
    LocalIdIndexes,      // quint32[patientCount] patient indexes, parallel to the ids
    SectionCount
};

struct SectionSpan
{
    quint64 offset;
    quint64 size; // bytes
};

struct Header
{
    char magic[8];
    quint32 formatVersion;
    quint32 byteOrderMark;
    quint32 headerSize;
    quint32 patientCount;
    quint32 termCount;
    quint32 postingCount;
    quint32 phoneCount;
    quint32 termListSize; // in quint32 units
    quint64 fileSize;
    qint64 changeSeq;
    SectionSpan sections[SectionCount];
    quint64 checksum; // FNV-1a over the header with this field set to 0
};

struct SnapshotPatient
{
    qint64 localId;
    qint64 lastSeenMs;
    quint32 termListOffset; // into TermLists
    quint32 phone;          // KeyList::phoneValue, 0 = none
};

static_assert(sizeof(SnapshotPatient) == 24, "snapshot patient entries are packed to 24 bytes");
static_assert(sizeof(Header) % 8 == 0, "sections after the header stay 8-byte aligned");

inline quint64 headerChecksum(const Header &header)
{
    Header copy = header;
    copy.checksum = 0;
    const auto *bytes = reinterpret_cast<const unsigned char *>(&copy);
    quint64 hash = 14695981039346656037ull;
    for (size_t i = 0; i < sizeof(Header); ++i) {
        hash ^= bytes[i];
        hash *= 1099511628211ull;
    }
    return hash;
}

} // namespace snapshot

} // namespace medora
