#pragma once

#include "domain/SyncProtocol.h"
#include "store/Database.h"
#include "store/StoreError.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QUuid>

namespace medora {

class SyncRecordWriter;

// One outbox entry the server refused for good (or that failed too often): kept, shown to
// the user with its reason, retried only when the user asks.
struct OutboxError
{
    qint64 outboxSeq = 0;
    QUuid opId;
    EntityKind entity = EntityKind::Patient;
    QUuid entityId;
    QString entityLabel; // what the user recognises: patient name and number, visit ticket...
    QString reasonCode;  // server's code, or "network" for a transport failure
    QString reasonMessage;
    int attempts = 0;
    QDateTime firstQueuedAt; // UTC
    QDateTime lastTriedAt;   // UTC
};

// A patient field changed on this PC and on the server since the same base revision, or two
// versions of one report draft. Waits for a human; nothing is lost meanwhile.
struct SyncConflict
{
    qint64 conflictId = 0;
    EntityKind entity = EntityKind::Patient;
    QUuid entityId;
    QString entityLabel;
    qint64 serverRevision = 0;
    // Patients: data key -> the two values (EntityJson form).
    QMap<QString, QJsonValue> localValues;
    QMap<QString, QJsonValue> serverValues;
    // Reports: the two drafts (the original and the copy the server kept).
    QUuid otherReportId;
    QDateTime detectedAt; // UTC
};

struct SyncCounts
{
    int pendingOps = 0;        // in the outbox, not in error (includes ops being uploaded)
    qint64 pendingRows = 0;    // rows not yet on the server (bulk imports count here too)
    QDateTime oldestPendingAt; // UTC; invalid when nothing waits
    int errors = 0;
    int conflicts = 0;
};

// The client's side of sync in the local store (docs/sync.md): the outbox that every local
// edit writes in its own transaction, the pull cursor, the application of pulled pages and
// of push results, the error list and the conflict records. The sync engine drives it; it
// never touches the network itself. Every method runs in its own transaction and changes
// nothing when it fails.
class SyncJournal
{
    Q_DECLARE_TR_FUNCTIONS(SyncJournal)

public:
    explicit SyncJournal(Database &database);

    // After a crash or a restart: ops left "uploading" go back to pending. Their opIds stay,
    // so pushing them again is answered "duplicate" when the server already has them.
    bool recoverInterruptedUploads();

    // The next ops to push, in outbox order then dependency order, at most `maxOps` and about
    // `maxBytes` of JSON; ops in error state or waiting for a retry time are skipped. Marks
    // them (and their rows) uploading. Payloads are built from the rows as they are now.
    bool takeBatch(int maxOps, qint64 maxBytes, QList<PushOperation> *ops);

    // Applies the server's answers to a batch from takeBatch() in one transaction: revisions,
    // row states, conflict records, rejected ops into the error list (never deleted), later
    // ops of the same row rebased on the new revision. A row edited during the upload stays
    // Modified.
    bool applyPushResults(const QList<PushOperation> &sent, const PushResponse &response);

    // The whole batch failed (transport, 5xx, 401...): back to pending, attempts + 1. After
    // kMaxTransportAttempts an op moves to the error list with `reason`.
    static constexpr int kMaxTransportAttempts = 8;
    bool returnBatch(const QList<PushOperation> &sent, const QString &reasonCode, const QString &reason);
    // Taken but never sent (the engine had nothing new to say with it): back to pending as if
    // takeBatch() had not run, attempts unchanged.
    bool releaseBatch(const QList<PushOperation> &taken);

    // Applies one pulled page and moves the cursor to page.next in the same transaction.
    // Rows with local changes the server has not acknowledged keep their local data (the
    // server merges them when they are pushed). Patient rows get a new local change sequence
    // so the search index catches up (PatientRegistry::catchUpIndex()).
    bool applyPullPage(const PullPage &page);

    qint64 cursor() const;
    QString serverDatabaseId() const;
    // The server said the cursor is older than its tombstone horizon: pull again from 0.
    // Synced rows the full pull does not bring back are then removed (finishResync()).
    bool beginResync();
    bool isResyncing() const;
    bool finishResync();

    QDateTime lastPullSucceededAt() const; // UTC, persisted
    bool setLastPullSucceededAt(const QDateTime &utc);

    SyncCounts counts() const;
    QList<OutboxError> errors() const;
    bool retryError(qint64 outboxSeq); // back to pending, attempts reset
    bool retryAllErrors();

    QList<SyncConflict> conflicts() const;
    // Patients: for every conflicting field, true = keep the local value, false = take the
    // server's. Writes the result as a new local edit (outbox) and closes the conflict.
    bool resolvePatientConflict(qint64 conflictId, const QMap<QString, bool> &keepLocal);
    // Reports: keeps `keepReportId` (one of the two drafts) and tombstones the other.
    bool resolveReportConflict(qint64 conflictId, const QUuid &keepReportId);

    StoreError lastError() const { return m_database.lastError(); }
    Database &database() { return m_database; }

private:
    // After the server's database was restored: whether this PC's synced row is newer than
    // the server's version of it (by the server's own times), and sending it again.
    static bool newerHere(qint64 revision, const QString &updatedAt, const SyncRecord &record);
    bool requeueNewer(SyncRecordWriter &writer, const SyncRecord &record, qint64 localId, bool deletedHere);
    bool putBack(const QList<PushOperation> &sent, bool countAttempt, const QString &reasonCode,
                 const QString &reason);

    Database &m_database;
};

} // namespace medora
