#pragma once

#include "search/QueryPlan.h"
#include "search/SearchIndex.h"
#include "search/SnapshotFile.h"

#include <vector>

namespace medora {

// Runs a query over a snapshot. A token matches a contiguous range of the sorted term
// dictionary (found by binary search), whose postings are contiguous too, plus, for digits,
// ranges of the two sorted phone arrays. The token with the fewest matches drives: its
// postings are scanned while every other token is tested through bitsets filled from its
// ranges (or, when the driver is tiny, by comparing the candidate's term ids with the
// token's term range), and a bounded heap keeps the best `limit` candidates. Nothing is
// allocated per patient; bitsets are per-thread buffers reused across queries.
class SnapshotQuery
{
public:
    // The best `limit` live snapshot patients matching every token, best first: score
    // (tokens matched exactly) descending, then snapshot index (recency). `superseded`, if
    // not null, has one bit per snapshot patient that the overlay replaces.
    static std::vector<SearchHit> run(const SnapshotFile &snapshot, const QueryPlan &plan,
                                      const quint64 *superseded, int limit);
};

} // namespace medora
