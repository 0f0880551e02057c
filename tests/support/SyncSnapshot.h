#pragma once

#include "domain/SyncEntity.h"
#include "domain/SyncState.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace medora {

class Database;
class TestHttpClient;

// One synced entity as a side holds it: its server revision, whether it is a tombstone and
// its data in the sync format (EntityJson), so that a client's SQLite rows and the server's
// feed compare field for field.
struct SyncRow
{
    EntityKind entity = EntityKind::Patient;
    QUuid id;
    qint64 revision = 0;
    bool deleted = false;
    SyncState state = SyncState::Synced; // client rows; Synced for the server's
    QJsonObject data;                    // empty for a tombstone
    bool isLive() const { return !deleted; }
};

// Everything one side (a client core's local store, or the server's feed as a client of a
// role sees it) holds of the synced entities, keyed "patient/<uuid>".
class SyncSnapshot
{
public:
    static QString key(EntityKind entity, const QUuid &id);

    // The whole feed from sequence 0 through GET /api/v1/sync/pull (`client` is signed in and
    // aimed at the server). `requests`, when given, counts the HTTP requests it took.
    static bool fromServerFeed(TestHttpClient &client, SyncSnapshot *snapshot, QString *error,
                               int limit = 1000, int *requests = nullptr);
    // A client's local store, read through its stores (PatientStore, VisitStore, ...).
    static bool fromDatabase(Database &database, SyncSnapshot *snapshot, QString *error);

    QMap<QString, SyncRow> rows;

    bool contains(EntityKind entity, const QUuid &id) const { return rows.contains(key(entity, id)); }
    SyncRow row(EntityKind entity, const QUuid &id) const { return rows.value(key(entity, id)); }
    bool isLive(EntityKind entity, const QUuid &id) const;
    int liveCount(EntityKind entity) const;
    int count(EntityKind entity) const; // tombstones included
    QList<SyncRow> liveRows(EntityKind entity) const;
    qint64 livePaymentSum() const; // reversals included (they are negative)
    SyncSnapshot without(EntityKind entity) const;
    SyncSnapshot withoutKeys(const QStringList &keys) const;

    // Human-readable differences in what is live and in its data (and revisions, when asked):
    // "patient/<id>: lastName 'A' (pc-a) != 'B' (server)". A tombstone and a row one side
    // never had count as the same. At most `maxLines` lines, then a count of the rest.
    QStringList differences(const SyncSnapshot &other, const QString &thisName, const QString &otherName,
                            bool compareRevisions = true, int maxLines = 40) const;
};

} // namespace medora
