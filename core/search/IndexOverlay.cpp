#include "search/IndexOverlay.h"

#include "search/KeyList.h"

#include <cstring>

namespace medora {

namespace {

// Below this a pool is not worth compacting.
constexpr size_t kCompactThreshold = 1 << 20;

size_t keyListSize(const char *keys)
{
    const char *end = keys;
    while (*end)
        end += std::strlen(end) + 1;
    return size_t(end - keys) + 1;
}

} // namespace

void IndexOverlay::put(const IndexRecord &record, qint32 snapshotIndex)
{
    Entry entry;
    entry.localId = record.localId;
    entry.lastSeenMs = record.lastSeenMs;
    entry.keyOffset = quint32(m_pool.size());
    entry.phone = KeyList::phoneValue(record.phoneDigits);
    entry.snapshotIndex = snapshotIndex;
    entry.deleted = record.deleted;
    KeyList::append(record, m_pool);

    const auto found = m_positions.constFind(record.localId);
    if (found == m_positions.cend()) {
        m_positions.insert(record.localId, quint32(m_entries.size()));
        m_entries.push_back(entry);
        m_liveCount += entry.deleted ? 0 : 1;
        return;
    }
    Entry &previous = m_entries[found.value()];
    m_garbageBytes += keyListSize(keysOf(previous));
    m_liveCount += (entry.deleted ? 0 : 1) - (previous.deleted ? 0 : 1);
    previous = entry;
    if (m_pool.size() > kCompactThreshold && m_garbageBytes > m_pool.size() / 2)
        compactPool();
}

const IndexOverlay::Entry *IndexOverlay::find(qint64 localId) const
{
    const auto found = m_positions.constFind(localId);
    return found == m_positions.cend() ? nullptr : &m_entries[found.value()];
}

void IndexOverlay::clear()
{
    std::vector<Entry>().swap(m_entries); // "= {}" would keep the capacity
    m_positions = QHash<qint64, quint32>();
    std::string().swap(m_pool);
    m_garbageBytes = 0;
    m_liveCount = 0;
}

void IndexOverlay::compactPool()
{
    std::string pool;
    pool.reserve(m_pool.size() - m_garbageBytes);
    for (Entry &entry : m_entries) {
        const char *keys = keysOf(entry);
        const size_t size = keyListSize(keys);
        entry.keyOffset = quint32(pool.size());
        pool.append(keys, size);
    }
    m_pool.swap(pool);
    m_garbageBytes = 0;
}

} // namespace medora
