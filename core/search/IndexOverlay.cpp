#include "search/IndexOverlay.h"

#include "search/KeyList.h"

#include <algorithm>
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

    if ((m_entries.size() + 1) * 2 > m_slots.size())
        growSlots();
    const size_t slot = slotOf(record.localId);
    if (m_slots[slot] == kEmptySlot) {
        m_slots[slot] = quint32(m_entries.size());
        m_entries.push_back(entry);
        m_liveCount += entry.deleted ? 0 : 1;
        return;
    }
    Entry &previous = m_entries[m_slots[slot]];
    m_garbageBytes += keyListSize(keysOf(previous));
    m_liveCount += (entry.deleted ? 0 : 1) - (previous.deleted ? 0 : 1);
    previous = entry;
    if (m_pool.size() > kCompactThreshold && m_garbageBytes > m_pool.size() / 2)
        compactPool();
}

const IndexOverlay::Entry *IndexOverlay::find(qint64 localId) const
{
    if (m_slots.empty())
        return nullptr;
    const quint32 position = m_slots[slotOf(localId)];
    return position == kEmptySlot ? nullptr : &m_entries[position];
}

size_t IndexOverlay::slotOf(qint64 localId) const
{
    const size_t mask = m_slots.size() - 1;
    // Fibonacci hashing spreads consecutive row ids over the table.
    size_t slot = size_t((quint64(localId) * 0x9E3779B97F4A7C15ull) >> 20) & mask;
    while (m_slots[slot] != kEmptySlot && m_entries[m_slots[slot]].localId != localId)
        slot = (slot + 1) & mask;
    return slot;
}

void IndexOverlay::growSlots()
{
    std::vector<quint32> table(std::max<size_t>(1024, m_slots.size() * 2), kEmptySlot);
    m_slots.swap(table);
    for (quint32 position = 0; position < quint32(m_entries.size()); ++position)
        m_slots[slotOf(m_entries[position].localId)] = position;
}

void IndexOverlay::clear()
{
    std::vector<Entry>().swap(m_entries); // "= {}" would keep the capacity
    std::vector<quint32>().swap(m_slots);
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
