#pragma once

#include "domain/SyncEntity.h"
#include "domain/SyncState.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUuid>

namespace medora {

// The outbox side of a local edit (docs/store.md, "Outbox"): every store calls one of these
// inside the transaction that writes the row, so the row and its pending operation land
// together or not at all. Edits of a row coalesce into its pending entry as long as the
// server cannot have seen that entry's op id; an edit while the entry is being uploaded gets
// a new entry. SyncJournal reads and answers the entries.
class Outbox
{
    Q_DECLARE_TR_FUNCTIONS(Outbox)

public:
    enum class State : int
    {
        Pending = 0,
        Uploading = 1,
        Error = 2,
    };

    explicit Outbox(Database &database);

    // An insert or edit of one row. `changedFields` (patients): the data keys the edit
    // changed; they are added to those already pending for the row.
    bool recordUpsert(EntityKind entity, qint64 localId, const QUuid &id,
                      const QStringList &changedFields = {});
    // A tombstone. `revision` is the row's server revision: a row the server has never had
    // (revision 0, no entry ever sent) needs no operation at all.
    bool recordDelete(EntityKind entity, qint64 localId, const QUuid &id, qint64 revision);
    // A bulk import of the new rows firstLocalId..lastLocalId, as one entry.
    bool recordRange(EntityKind entity, qint64 firstLocalId, qint64 lastLocalId);

    // What a local edit makes of a row's state: New stays New (the server has never seen
    // it); anything else, an upload in flight included, becomes Modified.
    static SyncState stateAfterLocalEdit(SyncState stored)
    {
        return stored == SyncState::New ? SyncState::New : SyncState::Modified;
    }

    // The SQL table of an entity ("patient", "visit", "report", "payment").
    static QString tableName(EntityKind entity);

private:
    bool record(EntityKind entity, qint64 localId, const QUuid &id, int action,
                const QStringList &changedFields, qint64 revision);

    Database &m_database;
};

} // namespace medora
