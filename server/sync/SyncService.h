#pragma once

#include "auth/AccountTypes.h"
#include "domain/SyncProtocol.h"
#include "store/ServiceError.h"
#include "sync/SyncStore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace medora::server {

class AuditLog;
class SyncPushHooks;
class ChangeNotifier;
class ServerDatabase;

// The answer to one push: each op's result as the JSON text that was (or, for answers that
// must not be replayed, would have been) stored, in request order.
struct PushBatch
{
    QList<QByteArray> results;
    qint64 serverSequence = 0;

    // {"results":[...],"serverSequence":N}
    QByteArray toJson() const;
};

// One pull page. `resyncRequired`: the cursor lies before the horizon (or beyond the feed's
// end); nothing else is filled and the caller answers 410 resync_required.
struct FeedPage
{
    QList<FeedRow> rows;
    qint64 next = 0;
    bool hasMore = false;
    qint64 serverSequence = 0;
    qint64 horizon = 0;
    QString databaseId;
    bool resyncRequired = false;

    // The pull response body, built from the stored JSON texts without parsing them.
    QByteArray toJson() const;
};

struct CompactionReport
{
    qint64 removed = 0;
    QList<CompactedClinic> clinics;
};

// Sync for one server (docs/sync.md): pushes apply in one write transaction per request
// with a savepoint per op, each op's first answer stored for idempotent replays; pulls read
// one page of the caller's clinic feed; compaction drops old tombstones and raises the
// horizon. Thread-safe: every call works on the calling thread's connection.
class SyncService
{
public:
    // `notifier` (optional) hears of every commit that moved a clinic's feed.
    SyncService(ServerDatabase &database, AuditLog &audit, ChangeNotifier *notifier = nullptr);

    Outcome<PushBatch> push(const Actor &actor, const PushRequest &request);
    // `limit` 1..SyncProtocol::kMaxPullLimit. Receptionists never get report records.
    Outcome<FeedPage> pull(const Actor &actor, qint64 after, int limit);
    // Tombstones last changed more than `olderThanDays` days ago (0: every tombstone).
    Outcome<CompactionReport> compact(int olderThanDays, const Actor &operatorActor);

    // Pushes and pulls run their hot statements through SQLite's C API when Qt's driver allows
    // it; tests turn that off to cover the QSqlQuery path too. Not thread-safe: set before use.
    void setNativeSqliteAllowed(bool allowed) { m_nativeSqlite = allowed; }
    // Subscriptions and payment notices (server/subscription), asked inside each push. Optional;
    // not thread-safe: set before use.
    void setPushHooks(const SyncPushHooks *hooks) { m_pushHooks = hooks; }

private:
    // SAVEPOINT / RELEASE / ROLLBACK TO of one op, prepared once per thread.
    bool savepoint(const QString &statement, QString *error);
    bool audit(QSqlDatabase &db, const Actor &actor, const QString &action, const QString &targetType,
               const QString &targetId, const QJsonObject &details, QString *error);

    ServerDatabase &m_database;
    AuditLog &m_audit;
    ChangeNotifier *m_notifier;
    SyncStore m_store;
    bool m_nativeSqlite = true;
    const SyncPushHooks *m_pushHooks = nullptr;
};

} // namespace medora::server
