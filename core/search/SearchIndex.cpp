#include "search/SearchIndex.h"

#include "search/IndexOverlay.h"
#include "search/QueryPlan.h"
#include "search/SnapshotFile.h"
#include "search/SnapshotQuery.h"
#include "search/SnapshotWriter.h"

#include <algorithm>
#include <string>

namespace medora {

namespace {

// Final order of hits: more exact tokens first, then most recently seen. The snapshot's
// index order is the same recency order, so its hits merge without re-ranking.
bool hitOrder(const SearchHit &a, const SearchHit &b)
{
    if (a.score != b.score)
        return a.score > b.score;
    if (a.lastSeenMs != b.lastSeenMs)
        return a.lastSeenMs > b.lastSeenMs;
    return a.localId < b.localId;
}

struct RecencyKey
{
    qint64 lastSeenMs;
    qint64 localId;
};

bool recencyOrder(const RecencyKey &a, const RecencyKey &b)
{
    return a.lastSeenMs != b.lastSeenMs ? a.lastSeenMs > b.lastSeenMs : a.localId < b.localId;
}

} // namespace

struct SearchIndex::Private
{
    std::unique_ptr<SnapshotFile> snapshot;
    IndexOverlay overlay;
    std::vector<quint64> superseded; // one bit per snapshot patient, empty when none is
    qint64 supersededCount = 0;

    bool isSuperseded(quint32 index) const
    {
        return !superseded.empty() && ((superseded[index >> 6] >> (index & 63)) & 1u);
    }

    void supersede(quint32 index)
    {
        if (superseded.empty())
            superseded.resize((size_t(snapshot->patientCount()) + 63) / 64, 0);
        if (isSuperseded(index))
            return; // only a damaged id map points two local ids at one entry
        superseded[index >> 6] |= quint64(1) << (index & 63);
        ++supersededCount;
    }

    void clearOverlay()
    {
        overlay.clear();
        std::vector<quint64>().swap(superseded); // "= {}" would keep the capacity
        supersededCount = 0;
    }

    std::vector<SearchHit> searchOverlay(const QueryPlan &plan, int limit) const
    {
        std::vector<SearchHit> hits;
        for (const IndexOverlay::Entry &entry : overlay.entries()) {
            if (entry.deleted)
                continue;
            const char *keys = overlay.keysOf(entry);
            int score = 0;
            bool matchesAll = true;
            for (const QueryToken &token : plan.tokens()) {
                const QueryToken::Match match = token.match(keys, entry.phone);
                if (match == QueryToken::NoMatch) {
                    matchesAll = false;
                    break;
                }
                score += match;
            }
            if (matchesAll)
                hits.push_back({entry.localId, score, entry.lastSeenMs});
        }
        if (hits.size() > size_t(limit)) {
            std::partial_sort(hits.begin(), hits.begin() + limit, hits.end(), hitOrder);
            hits.resize(size_t(limit));
        }
        return hits;
    }
};

SearchIndex::SearchIndex() : d(std::make_unique<Private>()) {}

SearchIndex::~SearchIndex() = default;

bool SearchIndex::loadSnapshot(const QString &snapshotPath, const QString &databaseIdentity)
{
    clear();
    d->snapshot = SnapshotFile::open(snapshotPath, databaseIdentity.toUtf8());
    return d->snapshot != nullptr;
}

qint64 SearchIndex::snapshotChangeSeq() const
{
    return d->snapshot ? d->snapshot->changeSeq() : 0;
}

void SearchIndex::apply(const IndexRecord &record)
{
    const IndexOverlay::Entry *existing = d->overlay.find(record.localId);
    qint32 snapshotIndex = -1;
    if (existing) {
        snapshotIndex = existing->snapshotIndex;
    } else if (d->snapshot) {
        snapshotIndex = qint32(d->snapshot->indexOfLocalId(record.localId));
        if (snapshotIndex >= 0)
            d->supersede(quint32(snapshotIndex));
    }
    if (!existing && snapshotIndex < 0 && record.deleted)
        return; // a patient the index never had: nothing to remove
    d->overlay.put(record, snapshotIndex);
}

void SearchIndex::clear()
{
    d->snapshot.reset();
    d->clearOverlay();
}

bool SearchIndex::writeSnapshot(const QString &snapshotPath, const QString &databaseIdentity,
                                qint64 changeSeq)
{
    std::vector<SnapshotSource> sources;
    sources.reserve(size_t(size()));
    // The mapped snapshot keeps term ids per patient; its surviving patients' key lists are
    // spelled out again so old and new patients go through the writer the same way.
    std::string snapshotKeys;
    if (const SnapshotFile *snapshot = d->snapshot.get()) {
        std::vector<size_t> keyOffsets;
        for (quint32 index = 0; index < snapshot->patientCount(); ++index) {
            if (d->isSuperseded(index))
                continue;
            keyOffsets.push_back(snapshotKeys.size());
            const SnapshotFile::TermList terms = snapshot->termsOf(index);
            for (quint32 i = 0; i < terms.count; ++i) {
                if (terms.ids[i] < snapshot->termCount()) {
                    snapshotKeys.append(snapshot->termText(terms.ids[i]));
                    snapshotKeys.push_back('\0');
                }
            }
            snapshotKeys.push_back('\0');
            const snapshot::SnapshotPatient &patient = snapshot->patient(index);
            sources.push_back({patient.localId, patient.lastSeenMs, patient.phone, nullptr});
        }
        for (size_t i = 0; i < sources.size(); ++i)
            sources[i].keys = snapshotKeys.data() + keyOffsets[i];
    }
    for (const IndexOverlay::Entry &entry : d->overlay.entries()) {
        if (!entry.deleted)
            sources.push_back({entry.localId, entry.lastSeenMs, entry.phone, d->overlay.keysOf(entry)});
    }
    std::sort(sources.begin(), sources.end(), [](const SnapshotSource &a, const SnapshotSource &b) {
        return recencyOrder({a.lastSeenMs, a.localId}, {b.lastSeenMs, b.localId});
    });

    const QByteArray identity = databaseIdentity.toUtf8();
    quint64 byteSize = 0;
    std::vector<quint64> image = SnapshotWriter::build(sources, identity, changeSeq, &byteSize);
    std::vector<SnapshotSource>().swap(sources);
    std::string().swap(snapshotKeys);
    if (byteSize == 0)
        return false;

    bool released = false;
    const bool written = SnapshotWriter::writeFile(snapshotPath, image, byteSize, [this, &released]() {
        d->snapshot.reset();
        released = true;
    });
    if (!written && !released)
        return false; // nothing changed: the old snapshot and the overlay are still in place

    std::unique_ptr<SnapshotFile> replacement;
    if (written)
        replacement = SnapshotFile::open(snapshotPath, identity);
    if (!replacement)
        replacement = SnapshotFile::fromImage(std::move(image), byteSize, identity);
    if (!replacement)
        return false;
    d->snapshot = std::move(replacement);
    d->clearOverlay();
    return written;
}

std::vector<SearchHit> SearchIndex::search(const QString &query, int limit) const
{
    if (limit <= 0)
        return {};
    const QueryPlan plan = QueryPlan::parse(query);
    if (plan.isEmpty())
        return {};
    std::vector<SearchHit> hits;
    if (d->snapshot) {
        hits = SnapshotQuery::run(*d->snapshot, plan, d->superseded.empty() ? nullptr : d->superseded.data(),
                                  limit);
    }
    const std::vector<SearchHit> overlayHits = d->searchOverlay(plan, limit);
    hits.insert(hits.end(), overlayHits.begin(), overlayHits.end());
    std::sort(hits.begin(), hits.end(), hitOrder);
    if (hits.size() > size_t(limit))
        hits.resize(size_t(limit));
    return hits;
}

std::vector<qint64> SearchIndex::browseOrder() const
{
    std::vector<RecencyKey> recent;
    for (const IndexOverlay::Entry &entry : d->overlay.entries()) {
        if (!entry.deleted)
            recent.push_back({entry.lastSeenMs, entry.localId});
    }
    std::sort(recent.begin(), recent.end(), recencyOrder);

    std::vector<qint64> order;
    order.reserve(size_t(size()));
    auto next = recent.cbegin();
    if (const SnapshotFile *snapshot = d->snapshot.get()) {
        for (quint32 index = 0; index < snapshot->patientCount(); ++index) {
            if (d->isSuperseded(index))
                continue;
            const snapshot::SnapshotPatient &patient = snapshot->patient(index);
            for (; next != recent.cend() && recencyOrder(*next, {patient.lastSeenMs, patient.localId});
                 ++next)
                order.push_back(next->localId);
            order.push_back(patient.localId);
        }
    }
    for (; next != recent.cend(); ++next)
        order.push_back(next->localId);
    return order;
}

qint64 SearchIndex::size() const
{
    const qint64 snapshotCount = d->snapshot ? qint64(d->snapshot->patientCount()) : 0;
    return snapshotCount - d->supersededCount + d->overlay.liveCount();
}

qint64 SearchIndex::overlaySize() const
{
    return d->overlay.size();
}

void SearchIndex::releaseResidentPages() const
{
    if (d->snapshot)
        d->snapshot->releaseResidentPages();
}

} // namespace medora
