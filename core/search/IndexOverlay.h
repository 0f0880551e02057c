#pragma once

#include "search/IndexRecord.h"

#include <QtGlobal>

#include <string>
#include <vector>

namespace medora {

// Records applied since the snapshot, held compactly: one small entry per patient and all
// key lists in one pool, so even a full rebuild of a million patients (before the first
// snapshot is written) costs tens of megabytes, not hundreds.
class IndexOverlay
{
public:
    struct Entry
    {
        qint64 localId = 0;
        qint64 lastSeenMs = 0;
        quint32 keyOffset = 0;
        quint32 phone = 0;
        qint32 snapshotIndex = -1; // the snapshot entry this record supersedes, or -1
        bool deleted = false;
    };

    // Inserts or replaces the record for `record.localId`.
    void put(const IndexRecord &record, qint32 snapshotIndex);
    const Entry *find(qint64 localId) const;
    const char *keysOf(const Entry &entry) const { return m_pool.data() + entry.keyOffset; }

    const std::vector<Entry> &entries() const { return m_entries; }
    qint64 size() const { return qint64(m_entries.size()); }
    qint64 liveCount() const { return m_liveCount; }
    void clear();

private:
    void compactPool();
    // The slot of `localId` in m_slots: the one holding its position, or the empty slot
    // where it belongs. m_slots must not be empty.
    size_t slotOf(qint64 localId) const;
    void growSlots();

    std::vector<Entry> m_entries;
    // localId -> index in m_entries, open addressing with linear probing; a slot holds the
    // position (kEmptySlot when free) and the key is read from the entry: 4 bytes per
    // slot, and no allocation per record while a million records are applied.
    static constexpr quint32 kEmptySlot = 0xffffffffu;
    std::vector<quint32> m_slots;
    std::string m_pool;
    size_t m_garbageBytes = 0;
    qint64 m_liveCount = 0;
};

} // namespace medora
