#pragma once

#include "domain/Patient.h"
#include "store/Database.h"
#include "store/StoreError.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QStringList>

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

namespace medora {

// Patient rows of the local store. Every write runs in one transaction and stamps the
// row with the next local change sequence (meta "change_seq"), which the search index
// uses to catch up after a restart or crash.
class PatientStore
{
    Q_DECLARE_TR_FUNCTIONS(PatientStore)

public:
    explicit PatientStore(Database &database);

    // Assigns localId, id (UUIDv7 if null), number (PatientNumber, if empty), createdAt,
    // updatedAt, lastSeenAt (now, if invalid), syncState New, and queues the row for the
    // server (outbox) in the same transaction. Returns false and sets lastError() on failure;
    // nothing is written then.
    bool insert(Patient &patient);

    // Bulk import in one transaction (fast path for imports and benchmarks). From
    // kBulkImportRows patients on, it runs with Database::kBulkCacheSizeKiB and, when the
    // batch is at least as large as the table, rebuilds the secondary indexes at the end.
    // On failure nothing is written and the patients are handed back unchanged. The whole
    // batch is queued for the server as one outbox range entry (first..last rowid).
    static constexpr size_t kBulkImportRows = 20000;
    bool insertMany(std::vector<Patient> &patients);

    // Saves every field the user edits (names, birth date, sex, phone, address and the
    // medical text fields); updatedAt = now; syncState becomes Modified unless the stored
    // row is New. Identity, provenance and bookkeeping owned by other operations are kept:
    // id, number, createdAt, createdBy, deleted (remove()), revision (sync), lastSeenAt
    // (markSeen()). The fields that differ from the stored row are queued for the server as
    // the op's changedFields (added to those already pending); a save that changes none of
    // them queues nothing and keeps the sync state.
    bool update(Patient &patient);

    // Tombstones the patient (deleted = 1) and marks it Modified; a New row stays New,
    // since the server has never seen it (and then nothing is queued unless it was sent).
    bool remove(qint64 localId);

    // Records that the patient was opened now; affects ranking only, not sync state.
    bool markSeen(qint64 localId);

    std::optional<Patient> get(qint64 localId) const;
    // Returns the patients in the order of `localIds`, skipping ids that do not exist.
    QList<Patient> getMany(const std::vector<qint64> &localIds) const;

    // Live (not deleted) patients with the same normalised full name and birth date, or the
    // same phone; `patient.localId` itself is excluded.
    QList<Patient> findDuplicates(const Patient &patient, int limit = 10) const;

    qint64 count() const; // live patients
    qint64 changeSeq() const;

    // Calls `visit` for every row (deleted ones too) whose change seq is > `sinceSeq`,
    // in change-seq order. Only the fields the search index needs are filled: localId,
    // number, the three names, phone, lastSeenAt, deleted. Returns false on a read error.
    bool forEachChangedSince(qint64 sinceSeq,
                             const std::function<void(const Patient &, qint64 changeSeq)> &visit) const;

    // The change sequences given to the rows of the last successful insert()/insertMany(),
    // first and last; they are contiguous because writers hold the write lock.
    QPair<qint64, qint64> lastInsertChangeSeqs() const { return m_lastInsertSeqs; }

    StoreError lastError() const { return m_database.lastError(); }
    Database &database() { return m_database; }

    // The duplicate-detection key of a full name (stored as name_key).
    static QString nameKey(const QString &lastName, const QString &firstName, const QString &fatherName);

    // The data keys (EntityJson::patientMergeFields()) whose values differ between the two.
    static QStringList changedFields(const Patient &before, const Patient &after);

private:
    // Reads the row's sync state inside the caller's transaction and returns what a local
    // edit turns it into; false (error set) when the row is missing or unreadable.
    bool loadStateAfterEdit(qint64 localId, const QString &what, SyncState *state);
    // One edit of one row in its own transaction: `write` gets the change sequence the row
    // must carry and returns false (error set) to roll everything back.
    bool changeOneRow(const std::function<bool(qint64 changeSeq)> &write);
    // The outbox entries of freshly inserted rows: one for a single row, one range for a batch.
    bool queueInserted(const std::vector<Patient> &patients);

    Database &m_database;
    QPair<qint64, qint64> m_lastInsertSeqs{0, 0};
};

} // namespace medora
