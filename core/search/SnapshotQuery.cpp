#include "search/SnapshotQuery.h"

#include "search/KeyList.h"

#include <algorithm>
#include <cstring>

namespace medora {

using namespace snapshot;

namespace {

// Testing a candidate directly reads its entry and term list at a scattered place (a cache
// miss or two, and pages the client then keeps resident); setting a bit for an entry of a
// scanned range costs a nanosecond or two. A filter therefore tests directly while it has
// tested fewer candidates than 1/kDirectBudgetDivisor of its range, and only then fills
// its bitset. Only candidates that would enter the top are tested at all, so most
// queries never fill it.
constexpr quint64 kDirectBudgetDivisor = 128;

struct Span
{
    quint32 begin = 0;
    quint32 end = 0;
    quint64 size() const { return end - begin; }
};

struct TokenRanges
{
    // Terms: [termBegin, termExactEnd) equal the token (zero or one term), the rest of
    // [termBegin, termEnd) start with it. Postings of those terms: [name.begin, name.end),
    // the exact ones first, up to exactEnd.
    quint32 termBegin = 0;
    quint32 termExactEnd = 0;
    quint32 termEnd = 0;
    Span name;
    quint32 exactEnd = 0;
    Span forward;
    bool forwardExact = false;
    Span reverse;
    bool reverseExact = false;

    quint64 total() const { return name.size() + forward.size() + reverse.size(); }
};

struct Candidate
{
    int score;
    quint32 index;
};

bool isBetter(const Candidate &a, const Candidate &b)
{
    return a.score > b.score || (a.score == b.score && a.index < b.index);
}

inline bool testBit(const quint64 *bits, quint32 index)
{
    return (bits[index >> 6] >> (index & 63)) & 1u;
}

inline void setBit(quint64 *bits, quint32 index)
{
    bits[index >> 6] |= quint64(1) << (index & 63);
}

inline void clearBit(quint64 *bits, quint32 index)
{
    bits[index >> 6] &= ~(quint64(1) << (index & 63));
}

// Per-thread buffers reused across queries; `inHeap` is all zero between queries.
struct Scratch
{
    std::vector<quint64> filterBits;
    std::vector<quint64> inHeap;
};

Scratch &scratch()
{
    thread_local Scratch buffers;
    return buffers;
}

Span valueRange(const quint32 *values, quint32 count, quint32 prefix, int length)
{
    const quint64 scale = QueryToken::powerOfTen(KeyList::kPhoneDigits - length);
    const quint64 low = quint64(prefix) * scale;
    const quint64 high = (quint64(prefix) + 1) * scale;
    const auto below = [](quint32 value, quint64 bound) { return value < bound; };
    const quint32 *first = std::lower_bound(values, values + count, low, below);
    const quint32 *last = std::lower_bound(first, values + count, high, below);
    return {quint32(first - values), quint32(last - values)};
}

// Binary search over the sorted distinct terms: only the term dictionary is read.
TokenRanges rangesOf(const SnapshotFile &snapshot, const QueryToken &token)
{
    TokenRanges ranges;
    const char *text = token.text.constData();
    const size_t length = size_t(token.text.size());
    const auto firstWhere = [&snapshot](quint32 low, quint32 high, auto &&isBefore) {
        while (low < high) {
            const quint32 middle = low + (high - low) / 2;
            if (isBefore(snapshot.termText(middle)))
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    };
    const quint32 termCount = snapshot.termCount();
    ranges.termBegin =
        firstWhere(0, termCount, [&](const char *term) { return std::strcmp(term, text) < 0; });
    ranges.termExactEnd = ranges.termBegin;
    if (ranges.termBegin < termCount && std::strcmp(snapshot.termText(ranges.termBegin), text) == 0)
        ++ranges.termExactEnd;
    ranges.termEnd = firstWhere(ranges.termExactEnd, termCount,
                                [&](const char *term) { return std::strncmp(term, text, length) == 0; });
    ranges.name = {snapshot.postingStart(ranges.termBegin), snapshot.postingStart(ranges.termEnd)};
    ranges.exactEnd = std::min(snapshot.postingStart(ranges.termExactEnd), ranges.name.end);
    if (ranges.name.begin > ranges.name.end)
        ranges.name.begin = ranges.exactEnd = ranges.name.end; // only in a damaged file

    if (token.phonePrefixLength > 0) {
        ranges.forward = valueRange(snapshot.phoneForwardValues(), snapshot.phoneCount(), token.phonePrefix,
                                    token.phonePrefixLength);
        ranges.forwardExact = token.phonePrefixLength == KeyList::kPhoneDigits;
    }
    if (token.phoneSuffixLength > 0) {
        ranges.reverse = valueRange(snapshot.phoneReverseValues(), snapshot.phoneCount(),
                                    token.phoneSuffixReversed, token.phoneSuffixLength);
        ranges.reverseExact = token.phoneSuffixLength == KeyList::kPhoneDigits;
    }
    return ranges;
}

// A token other than the driver. Its exact matches (one term's postings, or a whole
// phone) are few and go into a bitset up front, so a candidate's score is known before
// anything else is read. Whether the candidate matches the token at all is asked only of
// candidates that would enter the top: directly against the token's term range and phone
// until the budget is spent, then through a bitset filled once from the token's ranges.
struct Filter
{
    const QueryToken *token = nullptr;
    const TokenRanges *ranges = nullptr;
    const quint64 *exact = nullptr;   // null when the token has no exact match anywhere
    const quint64 *matched = nullptr; // null until filled
    qint64 directBudget = 0;
};

bool matchesDirectly(const SnapshotFile &snapshot, const Filter &filter, quint32 index)
{
    const TokenRanges &ranges = *filter.ranges;
    const SnapshotFile::TermList terms = snapshot.termsOf(index);
    for (quint32 i = 0; i < terms.count; ++i) {
        if (terms.ids[i] >= ranges.termBegin && terms.ids[i] < ranges.termEnd)
            return true;
    }
    const QueryToken &token = *filter.token;
    const quint32 phone = snapshot.patient(index).phone;
    if (phone == 0)
        return false;
    return (token.phonePrefixLength > 0 &&
            phone / QueryToken::powerOfTen(KeyList::kPhoneDigits - token.phonePrefixLength) ==
                token.phonePrefix) ||
           (token.phoneSuffixLength > 0 &&
            phone % QueryToken::powerOfTen(token.phoneSuffixLength) == token.phoneSuffix);
}

bool hasExactMatches(const TokenRanges &ranges)
{
    return ranges.exactEnd > ranges.name.begin || (ranges.forwardExact && ranges.forward.size() > 0) ||
           (ranges.reverseExact && ranges.reverse.size() > 0);
}

void fillExactBits(const SnapshotFile &snapshot, const TokenRanges &ranges, quint64 *exact)
{
    const quint32 count = snapshot.patientCount();
    const auto mark = [&](quint32 index) {
        if (index < count)
            setBit(exact, index);
    };
    for (quint32 i = ranges.name.begin; i < ranges.exactEnd; ++i)
        mark(snapshot.postings()[i]);
    if (ranges.forwardExact) {
        for (quint32 i = ranges.forward.begin; i < ranges.forward.end; ++i)
            mark(snapshot.phoneForwardIndexes()[i]);
    }
    if (ranges.reverseExact) {
        for (quint32 i = ranges.reverse.begin; i < ranges.reverse.end; ++i)
            mark(snapshot.phoneReverseIndexes()[i]);
    }
}

void fillMatchedBits(const SnapshotFile &snapshot, const TokenRanges &ranges, quint64 *matched)
{
    const quint32 count = snapshot.patientCount();
    const auto markAll = [&](const quint32 *indexes, Span span) {
        for (quint32 i = span.begin; i < span.end; ++i) {
            if (indexes[i] < count)
                setBit(matched, indexes[i]);
        }
    };
    markAll(snapshot.postings(), ranges.name);
    markAll(snapshot.phoneForwardIndexes(), ranges.forward);
    markAll(snapshot.phoneReverseIndexes(), ranges.reverse);
}

class TopCandidates
{
public:
    TopCandidates(size_t limit, quint64 *inHeap) : m_limit(limit), m_inHeap(inHeap) { m_heap.reserve(limit); }
    ~TopCandidates()
    {
        for (const Candidate &candidate : m_heap)
            clearBit(m_inHeap, candidate.index);
    }
    TopCandidates(const TopCandidates &) = delete;
    TopCandidates &operator=(const TopCandidates &) = delete;

    bool isFull() const { return m_heap.size() == m_limit; }
    const Candidate &worst() const { return m_heap.front(); }

    // Whether a candidate with this score and index could still enter.
    bool admits(int score, quint32 index) const { return !isFull() || isBetter({score, index}, worst()); }

    // The first time a patient is offered carries its best score (exact ranges are scanned
    // first), so a later offer of the same patient is dropped.
    void offer(int score, quint32 index)
    {
        if (!admits(score, index) || testBit(m_inHeap, index))
            return;
        if (isFull()) {
            std::pop_heap(m_heap.begin(), m_heap.end(), isBetter);
            clearBit(m_inHeap, m_heap.back().index);
            m_heap.pop_back();
        }
        m_heap.push_back({score, index});
        std::push_heap(m_heap.begin(), m_heap.end(), isBetter);
        setBit(m_inHeap, index);
    }

    std::vector<Candidate> sorted() const
    {
        std::vector<Candidate> result = m_heap;
        std::sort(result.begin(), result.end(), isBetter);
        return result;
    }

private:
    size_t m_limit;
    quint64 *m_inHeap;
    std::vector<Candidate> m_heap; // a heap whose front is the worst candidate kept
};

} // namespace

std::vector<SearchHit> SnapshotQuery::run(const SnapshotFile &snapshot, const QueryPlan &plan,
                                          const quint64 *superseded, int limit)
{
    const quint32 count = snapshot.patientCount();
    const std::vector<QueryToken> &queryTokens = plan.tokens();
    if (count == 0 || queryTokens.empty() || limit <= 0)
        return {};

    std::vector<TokenRanges> ranges;
    ranges.reserve(queryTokens.size());
    size_t driver = 0;
    for (const QueryToken &token : queryTokens) {
        ranges.push_back(rangesOf(snapshot, token));
        if (ranges.back().total() == 0)
            return {};
        if (ranges.back().total() < ranges[driver].total())
            driver = ranges.size() - 1;
    }
    const TokenRanges &drive = ranges[driver];

    const size_t words = (size_t(count) + 63) / 64;
    Scratch &buffers = scratch();
    if (buffers.inHeap.size() < words)
        buffers.inHeap.resize(words, 0);
    if (buffers.filterBits.size() < 2 * (ranges.size() - 1) * words)
        buffers.filterBits.resize(2 * (ranges.size() - 1) * words);

    quint64 *nextBits = buffers.filterBits.data();
    const auto takeBits = [&]() {
        quint64 *bits = nextBits;
        nextBits += words;
        std::fill_n(bits, words, 0);
        return bits;
    };
    std::vector<Filter> filters;
    for (size_t i = 0; i < ranges.size(); ++i) {
        if (i == driver)
            continue;
        Filter filter;
        filter.token = &queryTokens[i];
        filter.ranges = &ranges[i];
        filter.directBudget = qint64(ranges[i].total() / kDirectBudgetDivisor);
        if (hasExactMatches(ranges[i])) {
            quint64 *exact = takeBits();
            fillExactBits(snapshot, ranges[i], exact);
            filter.exact = exact;
        }
        filters.push_back(filter);
    }
    // The most selective filters first: they reject a candidate soonest.
    std::sort(filters.begin(), filters.end(),
              [](const Filter &a, const Filter &b) { return a.ranges->total() < b.ranges->total(); });
    // The most the other tokens can add to a candidate's score.
    const int othersExact =
        int(std::count_if(filters.begin(), filters.end(), [](const Filter &filter) { return filter.exact; }));

    TopCandidates top(std::min<size_t>(size_t(limit), count), buffers.inHeap.data());
    const auto consider = [&](quint32 index, int base) {
        if (index >= count || (superseded && testBit(superseded, index)))
            return;
        int score = base;
        for (const Filter &filter : filters)
            score += filter.exact && testBit(filter.exact, index) ? 1 : 0;
        if (!top.admits(score, index))
            return;
        for (Filter &filter : filters) {
            if (filter.exact && testBit(filter.exact, index))
                continue; // an exact match is a match
            if (!filter.matched && --filter.directBudget < 0) {
                quint64 *matched = takeBits();
                fillMatchedBits(snapshot, *filter.ranges, matched);
                filter.matched = matched;
            }
            if (filter.matched ? !testBit(filter.matched, index) : !matchesDirectly(snapshot, filter, index))
                return;
        }
        top.offer(score, index);
    };
    // A term's postings are ascending, so once a run has passed the worst candidate kept
    // (and no score could make up for it) the rest of that run cannot enter either. A
    // wide prefix thus costs about `limit` entries per term, not its whole range.
    const quint32 *postings = snapshot.postings();
    const auto scanTerms = [&](quint32 termBegin, quint32 termEnd, int base) {
        const int bestPossible = base + othersExact;
        for (quint32 term = termBegin; term < termEnd; ++term) {
            const quint32 end = snapshot.postingStart(term + 1);
            for (quint32 i = snapshot.postingStart(term); i < end; ++i) {
                const quint32 index = postings[i];
                if (top.isFull() && (bestPossible < top.worst().score ||
                                     (bestPossible == top.worst().score && index > top.worst().index)))
                    break;
                consider(index, base);
            }
        }
    };
    const auto scanPhones = [&](const quint32 *indexes, Span span, int base) {
        for (quint32 i = span.begin; i < span.end; ++i)
            consider(indexes[i], base);
    };
    // A partial match of the driver scores at most `othersExact`; once the kept candidates all
    // score more, the partial ranges cannot contribute.
    const auto partialCanEnter = [&]() { return !top.isFull() || top.worst().score <= othersExact; };

    scanTerms(drive.termBegin, drive.termExactEnd, 1);
    if (drive.forwardExact)
        scanPhones(snapshot.phoneForwardIndexes(), drive.forward, 1);
    if (drive.reverseExact)
        scanPhones(snapshot.phoneReverseIndexes(), drive.reverse, 1);
    if (partialCanEnter())
        scanTerms(drive.termExactEnd, drive.termEnd, 0);
    if (!drive.forwardExact && partialCanEnter())
        scanPhones(snapshot.phoneForwardIndexes(), drive.forward, 0);
    if (!drive.reverseExact && partialCanEnter())
        scanPhones(snapshot.phoneReverseIndexes(), drive.reverse, 0);

    std::vector<SearchHit> hits;
    for (const Candidate &candidate : top.sorted()) {
        const SnapshotPatient &patient = snapshot.patient(candidate.index);
        hits.push_back({patient.localId, candidate.score, patient.lastSeenMs});
    }
    return hits;
}

} // namespace medora
