#pragma once

#include "domain/FieldError.h"
#include "domain/SyncEntity.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace medora {

// The wire format of POST /api/v1/sync/push and GET /api/v1/sync/pull (docs/sync.md), shared
// by the client's sync engine and the server. Decoders are the trust boundary: they bound
// sizes and counts and refuse anything malformed, naming the field ("ops[3].baseRevision").

enum class PushAction : int
{
    Upsert = 0, // create, or change to the given data
    Delete = 1, // tombstone (patients, visits, report drafts; never payments)
};

struct PushOperation
{
    QUuid opId; // client-generated, idempotency key (scoped to the clinic)
    EntityKind entity = EntityKind::Patient;
    QUuid id;                // the entity's id
    qint64 baseRevision = 0; // the server revision the edit was made on; 0 = new
    PushAction action = PushAction::Upsert;
    QStringList changedFields; // patients: data keys changed since baseRevision
    QJsonObject data;          // EntityJson form; empty for Delete
};

enum class PushStatus : int
{
    Applied = 0,
    Duplicate = 1,
    Conflict = 2,
    Rejected = 3,
};

// One entity as the server holds it, as pushed back in results and served by pull.
struct SyncRecord
{
    EntityKind entity = EntityKind::Patient;
    QUuid id;
    qint64 revision = 0;
    qint64 sequence = 0; // the clinic feed's sequence of this revision
    bool deleted = false;
    QString updatedAt; // UTC ISO text, as the server wrote it
    QString updatedBy; // server user id
    QJsonObject data;  // empty when deleted
};

struct PushResult
{
    QUuid opId;
    PushStatus status = PushStatus::Applied;
    PushStatus firstStatus = PushStatus::Applied; // for Duplicate: what the first answer was
    qint64 revision = 0;
    qint64 sequence = 0;
    bool hasRecord = false;
    SyncRecord record;          // the server's current version (always for Conflict)
    QStringList conflictFields; // patient fields changed on both sides (kept server-side)
    QJsonObject conflictValues; // the client's values of those fields, as pushed
    QUuid keptAsId;             // report draft conflict: the id the client's copy got
    QString reasonCode;         // Rejected: stable snake_case code
    QString reasonMessage;      // Rejected: English text for logs; the client translates by code
    QString reasonField;
    bool retryable = false; // Rejected only because something it needs has not arrived yet
};

struct PushRequest
{
    QString deviceId;
    QList<PushOperation> ops;
};

struct PushResponse
{
    QList<PushResult> results; // one per op, in request order
    qint64 serverSequence = 0;
};

struct PullPage
{
    QList<SyncRecord> changes; // ascending sequence
    qint64 next = 0;           // the cursor to ask with next time
    bool hasMore = false;
    qint64 serverSequence = 0; // the clinic's newest sequence when the page was read
    qint64 horizon = 0;        // cursors older than this must resync from 0
    QString databaseId;        // changes when the server's database is restored or replaced
};

class SyncProtocol
{
    Q_DECLARE_TR_FUNCTIONS(SyncProtocol)

public:
    static constexpr int kMaxOpsPerPush = 500;
    static constexpr qint64 kMaxPushBytes = 1024 * 1024;
    static constexpr int kMaxPullLimit = 1000;
    static constexpr int kDefaultPullLimit = 500;
    static constexpr int kMaxWaitSeconds = 25;

    static QString pushStatusName(PushStatus status); // "applied", "duplicate", "conflict", "rejected"
    static bool pushStatusFromName(const QString &name, PushStatus *status);

    static QByteArray encodePushRequest(const PushRequest &request);
    // Structure only (ops' "data" is checked by EntityJson when applied). False + errors when
    // the body is not JSON, not an object, has unknown keys, too many ops, duplicate opIds,
    // bad UUIDs, negative revisions, changedFields outside the patient merge fields, data on
    // a delete, or exceeds kMaxPushBytes.
    static bool decodePushRequest(const QByteArray &body, PushRequest *request, FieldErrors *errors);

    static QJsonObject encodeResult(const PushResult &result);
    static QJsonObject encodeRecord(const SyncRecord &record);
    static QByteArray encodePushResponse(const PushResponse &response);
    static bool decodePushResponse(const QJsonObject &body, PushResponse *response, FieldErrors *errors);

    static QByteArray encodePullPage(const PullPage &page);
    // Push requests are built by the client as objects too (SyncEngine hands them to ApiClient).
    static QJsonObject pushRequestObject(const PushRequest &request);
    static bool decodePullPage(const QJsonObject &body, PullPage *page, FieldErrors *errors);
    static bool decodeRecord(const QJsonObject &object, SyncRecord *record, FieldErrors *errors,
                             const QString &fieldPrefix = QString());
};

} // namespace medora
