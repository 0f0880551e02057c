#include "search/SnapshotWriter.h"

#include "search/KeyList.h"
#include "search/SnapshotLayout.h"

#include <QSaveFile>

#include <algorithm>
#include <cstring>
#include <numeric>
#include <string_view>

namespace medora {

using namespace snapshot;

namespace {

// memcpy must not be given the null pointer of an empty vector, even for zero bytes.
void copyBytes(char *to, const void *from, size_t size)
{
    if (size > 0)
        std::memcpy(to, from, size);
}

quint64 alignUp(quint64 value)
{
    return (value + 7) & ~quint64(7);
}

// Gives each distinct key an id in order of first appearance. Open addressing over a flat
// array: a million mostly distinct keys (patient numbers) cost no allocation per key.
class TermInterner
{
public:
    explicit TermInterner(size_t expected)
    {
        size_t capacity = 1024;
        while (capacity < expected * 2)
            capacity *= 2;
        m_slots.assign(capacity, Slot{0, 0});
        m_terms.reserve(expected);
    }

    quint32 intern(std::string_view key)
    {
        const quint32 hash = hashOf(key);
        const size_t mask = m_slots.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.idPlusOne == 0) {
                m_terms.push_back(key);
                slot = {quint32(m_terms.size()), hash};
                if (m_terms.size() * 2 > m_slots.size())
                    grow();
                return quint32(m_terms.size() - 1);
            }
            if (slot.hash == hash && m_terms[slot.idPlusOne - 1] == key)
                return slot.idPlusOne - 1;
        }
    }

    std::vector<std::string_view> takeTerms()
    {
        std::vector<Slot>().swap(m_slots); // "= {}" would keep the capacity
        return std::move(m_terms);
    }

private:
    struct Slot
    {
        quint32 idPlusOne; // 0: empty
        quint32 hash;
    };

    static quint32 hashOf(std::string_view key)
    {
        quint64 hash = 14695981039346656037ull; // FNV-1a
        for (const char c : key) {
            hash ^= quint8(c);
            hash *= 1099511628211ull;
        }
        return quint32(hash ^ (hash >> 32));
    }

    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2, Slot{0, 0});
        old.swap(m_slots);
        const size_t mask = m_slots.size() - 1;
        for (const Slot &slot : old) {
            if (slot.idPlusOne == 0)
                continue;
            size_t i = slot.hash & mask;
            while (m_slots[i].idPlusOne != 0)
                i = (i + 1) & mask;
            m_slots[i] = slot;
        }
    }

    std::vector<Slot> m_slots;
    std::vector<std::string_view> m_terms;
};

} // namespace

std::vector<quint64> SnapshotWriter::build(const std::vector<SnapshotSource> &patients,
                                           const QByteArray &identity, qint64 changeSeq, quint64 *byteSize)
{
    *byteSize = 0;
    if (patients.size() >= kMaxPatients)
        return {};
    const auto patientCount = quint32(patients.size());

    // Intern every key; term ids are first provisional (order of first appearance).
    TermInterner interner(patients.size() + 4096);
    std::vector<SnapshotPatient> entries(patientCount);
    std::vector<quint32> termLists;
    termLists.reserve(patients.size() * 6);
    std::vector<std::pair<quint32, quint32>> phones;
    std::vector<std::pair<qint64, quint32>> localIds(patientCount);
    for (quint32 index = 0; index < patientCount; ++index) {
        const SnapshotSource &source = patients[index];
        SnapshotPatient &entry = entries[index];
        entry.localId = source.localId;
        entry.lastSeenMs = source.lastSeenMs;
        entry.termListOffset = quint32(termLists.size());
        entry.phone = source.phone;
        termLists.push_back(0);
        KeyList::forEach(source.keys, [&](const char *key, size_t length, int) {
            termLists.push_back(interner.intern(std::string_view(key, length)));
            ++termLists[entry.termListOffset];
        });
        if (source.phone != 0)
            phones.emplace_back(source.phone, index);
        localIds[index] = {source.localId, index};
    }
    if (termLists.size() > 0xFFFFFFF0u)
        return {};
    const std::vector<std::string_view> terms = interner.takeTerms();

    // Sort the distinct terms and renumber: a term's id becomes its rank. The first 8 bytes
    // of each term, packed big-endian, decide most comparisons without touching the text.
    const auto termCount = quint32(terms.size());
    struct TermSortItem
    {
        quint64 head;
        quint32 id;
    };
    std::vector<TermSortItem> order(termCount);
    for (quint32 id = 0; id < termCount; ++id) {
        quint64 head = 0;
        for (size_t i = 0; i < 8; ++i)
            head = (head << 8) | (i < terms[id].size() ? quint8(terms[id][i]) : 0u);
        order[id] = {head, id};
    }
    std::sort(order.begin(), order.end(), [&terms](const TermSortItem &a, const TermSortItem &b) {
        if (a.head != b.head)
            return a.head < b.head;
        return terms[a.id] < terms[b.id];
    });
    std::vector<quint32> rank(termCount);
    for (quint32 r = 0; r < termCount; ++r)
        rank[order[r].id] = r;

    // Postings by counting: patients are visited in index order, so every term's
    // postings come out ascending.
    std::vector<quint32> postingStarts(size_t(termCount) + 1, 0);
    for (quint32 index = 0; index < patientCount; ++index) {
        const quint32 offset = entries[index].termListOffset;
        for (quint32 i = 1; i <= termLists[offset]; ++i) {
            quint32 &id = termLists[offset + i];
            id = rank[id];
            ++postingStarts[id + 1];
        }
    }
    std::partial_sum(postingStarts.begin(), postingStarts.end(), postingStarts.begin());
    const quint32 postingCount = postingStarts.back();
    std::vector<quint32> postings(postingCount);
    {
        std::vector<quint32> next(postingStarts.begin(), postingStarts.end() - 1);
        for (quint32 index = 0; index < patientCount; ++index) {
            const quint32 offset = entries[index].termListOffset;
            for (quint32 i = 1; i <= termLists[offset]; ++i)
                postings[next[termLists[offset + i]]++] = index;
        }
    }
    std::vector<quint32>().swap(rank);

    std::string termText;
    std::vector<quint32> termTextOffsets(termCount);
    for (quint32 r = 0; r < termCount; ++r) {
        termTextOffsets[r] = quint32(termText.size());
        termText.append(terms[order[r].id]);
        termText.push_back('\0');
        if (termText.size() > 0xFFFF0000u)
            return {};
    }
    std::vector<TermSortItem>().swap(order);

    std::sort(phones.begin(), phones.end());
    std::vector<std::pair<quint32, quint32>> reversedPhones;
    reversedPhones.reserve(phones.size());
    for (const auto &[phone, index] : phones)
        reversedPhones.emplace_back(KeyList::reversedPhoneValue(phone), index);
    std::sort(reversedPhones.begin(), reversedPhones.end());
    std::sort(localIds.begin(), localIds.end());

    Header header;
    std::memset(&header, 0, sizeof(header));
    std::memcpy(header.magic, kMagic, sizeof(kMagic));
    header.formatVersion = kFormatVersion;
    header.byteOrderMark = kByteOrderMark;
    header.headerSize = sizeof(Header);
    header.patientCount = patientCount;
    header.termCount = termCount;
    header.postingCount = postingCount;
    header.phoneCount = quint32(phones.size());
    header.termListSize = quint32(termLists.size());
    header.changeSeq = changeSeq;

    const quint64 phoneBytes = phones.size() * sizeof(quint32);
    const quint64 sizes[SectionCount] = {
        quint64(identity.size()),
        patientCount * sizeof(SnapshotPatient),
        termLists.size() * sizeof(quint32),
        termTextOffsets.size() * sizeof(quint32),
        termText.size(),
        postingStarts.size() * sizeof(quint32),
        postings.size() * sizeof(quint32),
        phoneBytes,
        phoneBytes,
        phoneBytes,
        phoneBytes,
        patientCount * sizeof(qint64),
        patientCount * sizeof(quint32),
    };
    quint64 offset = sizeof(Header);
    for (int section = 0; section < SectionCount; ++section) {
        header.sections[section] = {offset, sizes[section]};
        offset = alignUp(offset + sizes[section]);
    }
    header.fileSize = offset;
    header.checksum = headerChecksum(header);

    std::vector<quint64> image(offset / sizeof(quint64), 0);
    auto *bytes = reinterpret_cast<char *>(image.data());
    const auto sectionAt = [&](int section) { return bytes + header.sections[section].offset; };
    std::memcpy(bytes, &header, sizeof(header));
    copyBytes(sectionAt(Identity), identity.constData(), sizes[Identity]);
    copyBytes(sectionAt(Patients), entries.data(), sizes[Patients]);
    copyBytes(sectionAt(TermLists), termLists.data(), sizes[TermLists]);
    copyBytes(sectionAt(TermTextOffsets), termTextOffsets.data(), sizes[TermTextOffsets]);
    copyBytes(sectionAt(TermText), termText.data(), sizes[TermText]);
    copyBytes(sectionAt(TermPostingStarts), postingStarts.data(), sizes[TermPostingStarts]);
    copyBytes(sectionAt(Postings), postings.data(), sizes[Postings]);
    auto *forwardValues = reinterpret_cast<quint32 *>(sectionAt(PhoneForwardValues));
    auto *forwardIndexes = reinterpret_cast<quint32 *>(sectionAt(PhoneForwardIndexes));
    auto *reverseValues = reinterpret_cast<quint32 *>(sectionAt(PhoneReverseValues));
    auto *reverseIndexes = reinterpret_cast<quint32 *>(sectionAt(PhoneReverseIndexes));
    for (size_t i = 0; i < phones.size(); ++i) {
        forwardValues[i] = phones[i].first;
        forwardIndexes[i] = phones[i].second;
        reverseValues[i] = reversedPhones[i].first;
        reverseIndexes[i] = reversedPhones[i].second;
    }
    auto *idValues = reinterpret_cast<qint64 *>(sectionAt(LocalIds));
    auto *idIndexes = reinterpret_cast<quint32 *>(sectionAt(LocalIdIndexes));
    for (size_t i = 0; i < localIds.size(); ++i) {
        idValues[i] = localIds[i].first;
        idIndexes[i] = localIds[i].second;
    }
    *byteSize = offset;
    return image;
}

bool SnapshotWriter::writeFile(const QString &path, const std::vector<quint64> &image, quint64 byteSize,
                               const std::function<void()> &beforeReplace)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const char *data = reinterpret_cast<const char *>(image.data());
    if (file.write(data, qint64(byteSize)) != qint64(byteSize)) {
        file.cancelWriting();
        return false;
    }
    if (beforeReplace)
        beforeReplace();
    // QSaveFile::commit() flushes the temporary file to disk before renaming it over `path`.
    return file.commit();
}

} // namespace medora
