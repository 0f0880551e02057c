#pragma once

#include "domain/SyncEntity.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace medora::server {

class ServerDatabase;

// One synced entity as the server holds it: its newest revision, as canonical JSON text.
struct SyncRow
{
    EntityKind entity = EntityKind::Patient;
    QString id; // lower-case UUID text
    qint64 revision = 0;
    qint64 sequence = 0; // the clinic feed position of this revision
    bool deleted = false;
    QString updatedAt; // UTC ISO text with milliseconds and "Z"
    qint64 updatedAtMs = 0;
    QString updatedBy;         // server user id
    QByteArray data;           // canonical (compact, sorted keys) JSON object; "{}" when deleted
    QByteArray fieldRevisions; // patients: {"field": revision it last changed in}; empty otherwise
    QString patientId;         // visits, reports, payments
    QString visitId;           // reports, payments
    QString refId;             // reports: addendumTo; payments: reverses
    QString status;            // visits and reports: the wire name of the status
    QString authorId;          // reports
};

// A feed row as a pull page serves it: only what goes on the wire.
struct FeedRow
{
    EntityKind entity = EntityKind::Patient;
    QByteArray id;
    qint64 revision = 0;
    qint64 sequence = 0;
    bool deleted = false;
    QByteArray updatedAt;
    QByteArray updatedBy;
    QByteArray data; // JSON text as stored
};

struct ClinicFeedState
{
    qint64 lastSequence = 0;
    qint64 horizon = 0;
};

struct StoredConflict
{
    QString clinicId;
    EntityKind entity = EntityKind::Patient;
    QString entityId;
    QString opId;
    QString userId;
    QString deviceId;
    qint64 baseRevision = 0;
    qint64 serverRevision = 0;
    QByteArray fields;       // JSON array of field names ("[]" for whole-record conflicts)
    QByteArray serverValues; // JSON object
    QByteArray clientValues; // JSON object
    QString keptAsId;        // report drafts: the id the client's version was kept under
};

struct StoredOp
{
    QByteArray result; // the first answer's JSON text
    QString entity;    // what the op was about, to refuse an op id reused for something else
    QString entityId;
};

struct CompactedClinic
{
    QString clinicId;
    qint64 removed = 0;
    qint64 horizon = 0; // after compaction
};

// The SQL of sync (tables of migration 3) on the calling thread's connection, through
// ServerDatabase::cachedQuery so hot statements are prepared once per thread. Callers own
// the transaction; every method returns false (with `error`) when the database failed.
class SyncStore
{
public:
    explicit SyncStore(ServerDatabase &database);

    bool databaseId(QString *id, QString *error);

    // Creates the clinic's feed row when missing.
    bool ensureClinic(const QString &clinicId, QString *error);
    // A clinic without a feed row has state {0, 0}.
    bool clinicState(const QString &clinicId, ClinicFeedState *state, QString *error);
    bool setLastSequence(const QString &clinicId, qint64 lastSequence, QString *error);

    // Empty optional when the clinic has no such record (or on error: check `error`).
    bool find(const QString &clinicId, EntityKind entity, const QString &id, std::optional<SyncRow> *row,
              QString *error);
    bool insert(const QString &clinicId, const SyncRow &row, QString *error);
    // Replaces the record's revision, feed position and content (the key stays).
    bool update(const QString &clinicId, const SyncRow &row, QString *error);
    // Whether a live (not deleted) payment reverses `paymentId`.
    bool isReversed(const QString &clinicId, const QString &paymentId, bool *reversed, QString *error);

    // The stored first answers of those of `opIds` that were answered before, by op id.
    bool opResults(const QString &clinicId, const QStringList &opIds, QHash<QString, StoredOp> *ops,
                   QString *error);
    bool storeOpResult(const QString &clinicId, const QString &opId, EntityKind entity,
                       const QString &entityId, const QString &userId, const QString &deviceId,
                       const QByteArray &result, QString *error);
    bool storeConflict(const StoredConflict &conflict, QString *error);

    // Rows of the clinic's feed after `after`, ascending, at most `limit`; reports skipped
    // unless `includeReports`.
    // `nativeSqlite`: read through SQLite's C API where Qt's driver allows (store/SqliteStatement).
    bool readFeed(const QString &clinicId, qint64 after, int limit, bool includeReports, QList<FeedRow> *rows,
                  QString *error, bool nativeSqlite = true);

    // Removes tombstones last changed before `cutoffMs` and raises each affected clinic's
    // horizon past the highest sequence removed.
    bool compactTombstones(qint64 cutoffMs, QList<CompactedClinic> *clinics, QString *error);

    // The statements SyncBatchStore also prepares natively; parameters in the same order.
    static const QString &findSql();          // clinic, entity, id
    static const QString &insertSql();        // see insert()
    static const QString &updateSql();        // see update()
    static const QString &storeOpResultSql(); // see storeOpResult()

private:
    ServerDatabase &m_database;
};

} // namespace medora::server
