#pragma once

#include "domain/FieldError.h"
#include "domain/Patient.h"
#include "domain/Payment.h"
#include "domain/Report.h"
#include "domain/SyncProtocol.h"
#include "domain/Visit.h"
#include "store/Database.h"
#include "store/PreparedStatement.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

#include <array>
#include <functional>
#include <memory>

namespace medora {

// Writes the server's versions of rows (pulled records, the records in push answers) into
// the local tables, inside the caller's transaction. Statements are prepared once per
// writer and reused, so a 1000-record page costs a few thousand statement steps and no
// re-parsing. Patient rows get the next local change sequence (meta "change_seq", saved by
// finish()), so the search index catches up with them.
class SyncRecordWriter
{
    Q_DECLARE_TR_FUNCTIONS(SyncRecordWriter)

public:
    struct LocalRow
    {
        qint64 localId = 0; // 0: not in this store
        qint64 revision = 0;
        SyncState state = SyncState::Synced;
        bool deleted = false;
        QString updatedAt; // as stored (server time once synced); empty for payments
    };

    explicit SyncRecordWriter(Database &database);
    ~SyncRecordWriter();
    SyncRecordWriter(const SyncRecordWriter &) = delete;
    SyncRecordWriter &operator=(const SyncRecordWriter &) = delete;

    // Rows written get this pull epoch (SyncJournal's resync bookkeeping).
    void setPullEpoch(qint64 epoch) { m_epoch = epoch; }

    // The local rows of `ids` (one entity), found in one query.
    bool findRows(EntityKind entity, const QList<QUuid> &ids, QHash<QUuid, LocalRow> *rows);
    bool findRow(EntityKind entity, const QUuid &id, LocalRow *row);

    // A record's data decoded (EntityJson) into its kind's struct, and a patient's name key.
    // decode() touches no database and no shared state, so a page's records can be decoded
    // on another thread while this one writes.
    struct Decoded
    {
        bool ok = false;
        FieldErrors errors;
        Patient patient;
        QString nameKey;
        Visit visit;
        Report report;
        Payment payment;
    };
    static void decode(const SyncRecord &record, Decoded *decoded);

    // Writes `record` into the row `localId` (0: a new row) with the record's revision and
    // `state`. A tombstone marks an existing row deleted (and is ignored for a row this store
    // never had). Data the sync format refuses fails with an error naming the record.
    bool write(const SyncRecord &record, qint64 localId, SyncState state, qint64 *writtenLocalId = nullptr);
    // The same with the record decoded beforehand (ignored for a tombstone).
    bool write(const SyncRecord &record, const Decoded &decoded, qint64 localId, SyncState state,
               qint64 *writtenLocalId = nullptr);
    // The same with data already decoded (a report draft copy the server kept, say).
    bool writeReport(const Report &report, qint64 localId, qint64 revision, SyncState state,
                     qint64 *writtenLocalId = nullptr);

    // Bookkeeping only: the data stays as it is.
    bool markSeen(EntityKind entity, qint64 localId); // pull epoch
    bool setState(EntityKind entity, qint64 localId, SyncState state);
    bool setRevision(EntityKind entity, qint64 localId, qint64 revision);
    // The server took the row as it is here: only its revision, state and the server's time
    // of the change (`updatedAt`, the record's text; payments have none) are stored.
    bool setAcknowledged(EntityKind entity, qint64 localId, qint64 revision, SyncState state,
                         const QString &updatedAt);

    // Saves the change sequence counter; call before committing.
    bool finish();

private:
    // Statements prepared on first use and kept for the writer's life.
    enum Slot
    {
        kPatientInsert,
        kPatientUpdate,
        kVisitInsert,
        kVisitUpdate,
        kReportInsert,
        kReportUpdate,
        kPaymentInsert,
        kPaymentUpdate,
        kTombstone, // + entity
        kMarkSeen = kTombstone + 4,
        kSetState = kMarkSeen + 4,
        kSetRevision = kSetState + 4,
        kSetAcknowledged = kSetRevision + 4,
        kSlotCount = kSetAcknowledged + 4,
    };

    bool writePatient(const SyncRecord &record, const Patient &patient, const QString &nameKey,
                      qint64 localId, SyncState state, qint64 *writtenLocalId);
    bool writeVisit(const Visit &visit, qint64 localId, qint64 revision, SyncState state,
                    qint64 *writtenLocalId);
    bool writePayment(const Payment &payment, qint64 localId, qint64 revision, SyncState state,
                      qint64 *writtenLocalId);
    bool tombstone(const SyncRecord &record, qint64 localId, SyncState state);
    bool nextChangeSeq(qint64 *seq);
    PreparedStatement *prepared(int slot, const std::function<QString()> &sql);
    bool run(PreparedStatement &statement, const QString &what);
    bool refuse(const SyncRecord &record, const FieldErrors &errors);

    Database &m_database;
    std::array<std::unique_ptr<PreparedStatement>, kSlotCount> m_prepared;
    std::unique_ptr<QSqlQuery> m_findRow[4];
    qint64 m_epoch = 0;
    qint64 m_changeSeq = -1; // -1: not loaded yet
    bool m_changeSeqDirty = false;
    QDateTime m_now;
};

} // namespace medora
