#pragma once

#include "search/SnapshotLayout.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <algorithm>
#include <memory>
#include <vector>

namespace medora {

// A validated, read-only view of a search snapshot: either a memory-mapped file (pages are
// read from disk only when a query touches them) or an image held in memory. Opening
// checks the header and the bounds of every section and nothing else, so it takes the same
// time for ten patients or a million. Accessors stay inside the mapping whatever the bytes
// are: a damaged file can give wrong answers but cannot crash the reader.
class SnapshotFile
{
public:
    ~SnapshotFile();
    SnapshotFile(const SnapshotFile &) = delete;
    SnapshotFile &operator=(const SnapshotFile &) = delete;

    // nullptr when the file is missing, damaged, of another format, or written for a
    // database with another identity.
    static std::unique_ptr<SnapshotFile> open(const QString &path, const QByteArray &identity);
    // Takes an image built by SnapshotWriter (used when the file could not be written).
    static std::unique_ptr<SnapshotFile> fromImage(std::vector<quint64> image, quint64 byteSize,
                                                   const QByteArray &identity);

    qint64 changeSeq() const { return m_header.changeSeq; }
    quint32 patientCount() const { return m_header.patientCount; }
    quint32 termCount() const { return m_header.termCount; }
    quint32 postingCount() const { return m_header.postingCount; }
    quint32 phoneCount() const { return m_header.phoneCount; }

    // `index` < patientCount().
    const snapshot::SnapshotPatient &patient(quint32 index) const { return m_patients[index]; }

    struct TermList
    {
        const quint32 *ids;
        quint32 count;
    };
    // The term ids of a patient (at most KeyList::kMaxKeys); ids are not checked.
    TermList termsOf(quint32 index) const;

    // `term` < termCount(): its NUL-terminated text ("" if its offset is out of range).
    const char *termText(quint32 term) const
    {
        const quint32 offset = m_termTextOffsets[term];
        return offset < m_termTextSize ? m_termText + offset : m_termText + m_termTextSize - 1;
    }
    // `term` <= termCount(): where its postings start, never past the end.
    quint32 postingStart(quint32 term) const
    {
        return std::min(m_postingStarts[term], m_header.postingCount);
    }
    const quint32 *postings() const { return m_postings; }

    const quint32 *phoneForwardValues() const { return m_phoneForwardValues; }
    const quint32 *phoneForwardIndexes() const { return m_phoneForwardIndexes; }
    const quint32 *phoneReverseValues() const { return m_phoneReverseValues; }
    const quint32 *phoneReverseIndexes() const { return m_phoneReverseIndexes; }

    // Position of the patient with `localId`, or -1.
    qint64 indexOfLocalId(qint64 localId) const;

    // Drops the mapped pages from this process's resident set. They stay in the system's
    // file cache, so the next query that needs one maps it again cheaply.
    void releaseResidentPages() const;

private:
    SnapshotFile() = default;
    bool attach(const uchar *data, quint64 size, const QByteArray &identity);

    QFile m_file;
    uchar *m_map = nullptr;
    std::vector<quint64> m_image;

    snapshot::Header m_header{};
    const snapshot::SnapshotPatient *m_patients = nullptr;
    const quint32 *m_termLists = nullptr;
    const quint32 *m_termTextOffsets = nullptr;
    const char *m_termText = nullptr;
    quint32 m_termTextSize = 0;
    const quint32 *m_postingStarts = nullptr;
    const quint32 *m_postings = nullptr;
    const quint32 *m_phoneForwardValues = nullptr;
    const quint32 *m_phoneForwardIndexes = nullptr;
    const quint32 *m_phoneReverseValues = nullptr;
    const quint32 *m_phoneReverseIndexes = nullptr;
    const qint64 *m_localIds = nullptr;
    const quint32 *m_localIdIndexes = nullptr;
};

} // namespace medora
