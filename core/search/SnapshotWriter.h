#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <vector>

namespace medora {

// One patient going into a new snapshot, with its key list (KeyList) wherever it lives now.
struct SnapshotSource
{
    qint64 localId = 0;
    qint64 lastSeenMs = 0;
    quint32 phone = 0;
    const char *keys = nullptr;
};

// Builds the bytes of a snapshot file (layout in SnapshotLayout.h) and writes them safely.
// Keys are interned into distinct terms, the terms sorted once, and the postings placed by
// counting, so a million patients need one sort of the distinct terms and no sort of the
// roughly five million (term, patient) pairs.
class SnapshotWriter
{
public:
    // `patients` must already be in index order (most recently seen first) with unique
    // local ids. The image is returned as 8-byte words so it can be used in place; its
    // length in bytes goes to `byteSize`. Empty when there are too many patients.
    static std::vector<quint64> build(const std::vector<SnapshotSource> &patients, const QByteArray &identity,
                                      qint64 changeSeq, quint64 *byteSize);

    // Writes `image` to a temporary file beside `path`, flushes it to disk and renames it
    // over `path`. `beforeReplace` runs just before the rename: a mapping of the old file
    // must be released by then, as Windows cannot replace a mapped file.
    static bool writeFile(const QString &path, const std::vector<quint64> &image, quint64 byteSize,
                          const std::function<void()> &beforeReplace);
};

} // namespace medora
