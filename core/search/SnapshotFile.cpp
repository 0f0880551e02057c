#include "search/SnapshotFile.h"

#include "search/KeyList.h"

#include <cstring>

#if defined(Q_OS_UNIX)
#include <sys/mman.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <qt_windows.h>
#endif

namespace medora {

using namespace snapshot;

namespace {

const char kEmptyText[1] = {'\0'};

// Whether `span` lies inside a file of `fileSize` bytes, starts 8-byte aligned after the
// header and holds exactly `count` elements of `elementSize` bytes.
bool spanFits(const SectionSpan &span, quint64 fileSize, quint64 count, quint64 elementSize)
{
    if (span.offset % 8 != 0 || span.offset < sizeof(Header) || span.offset > fileSize)
        return false;
    if (count > fileSize || span.size != count * elementSize)
        return false;
    return span.size <= fileSize - span.offset;
}

} // namespace

SnapshotFile::~SnapshotFile()
{
    if (m_map)
        m_file.unmap(m_map);
}

std::unique_ptr<SnapshotFile> SnapshotFile::open(const QString &path, const QByteArray &identity)
{
    std::unique_ptr<SnapshotFile> snapshot(new SnapshotFile);
    snapshot->m_file.setFileName(path);
    if (!snapshot->m_file.open(QIODevice::ReadOnly))
        return nullptr;
    const qint64 size = snapshot->m_file.size();
    if (size < qint64(sizeof(Header)))
        return nullptr;
    snapshot->m_map = snapshot->m_file.map(0, size);
    if (!snapshot->m_map)
        return nullptr;
    if (!snapshot->attach(snapshot->m_map, quint64(size), identity))
        return nullptr;
    return snapshot;
}

std::unique_ptr<SnapshotFile> SnapshotFile::fromImage(std::vector<quint64> image, quint64 byteSize,
                                                      const QByteArray &identity)
{
    if (byteSize > image.size() * sizeof(quint64))
        return nullptr;
    std::unique_ptr<SnapshotFile> snapshot(new SnapshotFile);
    snapshot->m_image = std::move(image);
    const auto *data = reinterpret_cast<const uchar *>(snapshot->m_image.data());
    if (!snapshot->attach(data, byteSize, identity))
        return nullptr;
    return snapshot;
}

bool SnapshotFile::attach(const uchar *data, quint64 size, const QByteArray &identity)
{
    if (size < sizeof(Header) || reinterpret_cast<quintptr>(data) % 8 != 0)
        return false;
    Header header;
    std::memcpy(&header, data, sizeof(Header));
    if (std::memcmp(header.magic, kMagic, sizeof(kMagic)) != 0 || header.formatVersion != kFormatVersion ||
        header.byteOrderMark != kByteOrderMark || header.headerSize != sizeof(Header) ||
        header.fileSize != size || header.checksum != headerChecksum(header))
        return false;

    const quint64 patients = header.patientCount;
    const quint64 terms = header.termCount;
    const quint64 phones = header.phoneCount;
    if (patients > kMaxPatients || phones > patients || header.postingCount > patients * KeyList::kMaxKeys ||
        header.termListSize > patients * (KeyList::kMaxKeys + 1))
        return false;
    const SectionSpan *sections = header.sections;
    const SectionSpan &text = sections[TermText];
    if (!spanFits(sections[Identity], size, sections[Identity].size, 1) ||
        !spanFits(sections[Patients], size, patients, sizeof(SnapshotPatient)) ||
        !spanFits(sections[TermLists], size, header.termListSize, sizeof(quint32)) ||
        !spanFits(sections[TermTextOffsets], size, terms, sizeof(quint32)) ||
        !spanFits(text, size, text.size, 1) || text.size > 0xFFFFFFFFu ||
        !spanFits(sections[TermPostingStarts], size, terms + 1, sizeof(quint32)) ||
        !spanFits(sections[Postings], size, header.postingCount, sizeof(quint32)) ||
        !spanFits(sections[PhoneForwardValues], size, phones, sizeof(quint32)) ||
        !spanFits(sections[PhoneForwardIndexes], size, phones, sizeof(quint32)) ||
        !spanFits(sections[PhoneReverseValues], size, phones, sizeof(quint32)) ||
        !spanFits(sections[PhoneReverseIndexes], size, phones, sizeof(quint32)) ||
        !spanFits(sections[LocalIds], size, patients, sizeof(qint64)) ||
        !spanFits(sections[LocalIdIndexes], size, patients, sizeof(quint32)))
        return false;

    const auto at = [data](const SectionSpan &span) { return data + span.offset; };
    const QByteArray storedIdentity = QByteArray::fromRawData(
        reinterpret_cast<const char *>(at(sections[Identity])), qsizetype(sections[Identity].size));
    if (storedIdentity != identity)
        return false;
    // Every term read ends at a NUL inside the text, so the text must end with one.
    if ((text.size > 0 && at(text)[text.size - 1] != 0) || (terms > 0 && text.size == 0))
        return false;
    const auto *postingStarts = reinterpret_cast<const quint32 *>(at(sections[TermPostingStarts]));
    if (postingStarts[0] != 0 || postingStarts[terms] != header.postingCount)
        return false;

    m_header = header;
    m_patients = reinterpret_cast<const SnapshotPatient *>(at(sections[Patients]));
    m_termLists = reinterpret_cast<const quint32 *>(at(sections[TermLists]));
    m_termTextOffsets = reinterpret_cast<const quint32 *>(at(sections[TermTextOffsets]));
    if (text.size > 0) {
        m_termText = reinterpret_cast<const char *>(at(text));
        m_termTextSize = quint32(text.size);
    } else {
        m_termText = kEmptyText;
        m_termTextSize = 1;
    }
    m_postingStarts = postingStarts;
    m_postings = reinterpret_cast<const quint32 *>(at(sections[Postings]));
    m_phoneForwardValues = reinterpret_cast<const quint32 *>(at(sections[PhoneForwardValues]));
    m_phoneForwardIndexes = reinterpret_cast<const quint32 *>(at(sections[PhoneForwardIndexes]));
    m_phoneReverseValues = reinterpret_cast<const quint32 *>(at(sections[PhoneReverseValues]));
    m_phoneReverseIndexes = reinterpret_cast<const quint32 *>(at(sections[PhoneReverseIndexes]));
    m_localIds = reinterpret_cast<const qint64 *>(at(sections[LocalIds]));
    m_localIdIndexes = reinterpret_cast<const quint32 *>(at(sections[LocalIdIndexes]));
    return true;
}

void SnapshotFile::releaseResidentPages() const
{
    if (!m_map)
        return;
#if defined(Q_OS_UNIX)
    // For a read-only file mapping this only unmaps the pages; their contents are the
    // file's and come back from the page cache on the next access.
    ::madvise(m_map, size_t(m_header.fileSize), MADV_DONTNEED);
#elif defined(Q_OS_WIN)
    // Unlocking pages that are not locked removes them from the working set.
    ::VirtualUnlock(m_map, SIZE_T(m_header.fileSize));
#endif
}

SnapshotFile::TermList SnapshotFile::termsOf(quint32 index) const
{
    const quint32 offset = m_patients[index].termListOffset;
    const quint32 size = m_header.termListSize;
    if (offset >= size)
        return {m_termLists, 0};
    const quint32 count = std::min({m_termLists[offset], quint32(KeyList::kMaxKeys), size - offset - 1});
    return {m_termLists + offset + 1, count};
}

qint64 SnapshotFile::indexOfLocalId(qint64 localId) const
{
    const qint64 *end = m_localIds + m_header.patientCount;
    const qint64 *found = std::lower_bound(m_localIds, end, localId);
    if (found == end || *found != localId)
        return -1;
    const quint32 index = m_localIdIndexes[found - m_localIds];
    return index < m_header.patientCount ? qint64(index) : -1;
}

} // namespace medora
