#pragma once

#include "search/IndexRecord.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

namespace medora {

struct SearchHit
{
    qint64 localId = 0;
    int score = 0; // higher first: number of query tokens that equal a whole key
    qint64 lastSeenMs = 0;
};

// Search-as-you-type over the whole registry. A memory-mapped snapshot file holds the
// sorted keys of every patient as of one local change sequence; an in-memory overlay
// holds everything written since. Both are consulted on every query, so the index is
// always current; the snapshot only makes cold start fast (see docs/search.md).
class SearchIndex
{
public:
    SearchIndex();
    ~SearchIndex();
    SearchIndex(const SearchIndex &) = delete;
    SearchIndex &operator=(const SearchIndex &) = delete;

    // Maps `snapshotPath` if it exists, is well formed and was written for the database
    // with `databaseIdentity`. Returns false (and stays empty) otherwise; the caller then
    // rebuilds. Never modifies the file.
    bool loadSnapshot(const QString &snapshotPath, const QString &databaseIdentity);
    // Change sequence the mapped snapshot covers (0 when none is mapped).
    qint64 snapshotChangeSeq() const;

    // Inserts or replaces a patient in the overlay (a deleted record removes it from results).
    void apply(const IndexRecord &record);
    // Drops the snapshot and overlay.
    void clear();

    // Writes snapshot + overlay as a new snapshot (temp file, fsync, atomic rename), then
    // maps it and empties the overlay. `changeSeq` is the store's sequence it now covers.
    bool writeSnapshot(const QString &snapshotPath, const QString &databaseIdentity, qint64 changeSeq);

    // Ranked search: exact whole-key matches before prefix matches, then most recently seen.
    // Query tokens are split on white space; every token must match a name part, the
    // patient number, or (digits only) the beginning or end of the phone number.
    std::vector<SearchHit> search(const QString &query, int limit = 50) const;

    // Every live patient, most recently seen first (for browsing with an empty query).
    std::vector<qint64> browseOrder() const;

    qint64 size() const;        // live patients
    qint64 overlaySize() const; // records held in memory beside the snapshot

    // Lets the system take back the snapshot pages that earlier queries made resident (they
    // stay in its file cache; the next query maps what it needs again). The index is
    // unchanged. Meant for idle moments: after thousands of varied searches most of the
    // file has been touched once and counts towards the client's resident memory.
    void releaseResidentPages() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace medora
