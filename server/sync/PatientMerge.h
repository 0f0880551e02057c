#pragma once

#include <QJsonObject>
#include <QStringList>

namespace medora::server {

struct PatientMergeResult
{
    QJsonObject merged;         // the server's data after the merge
    QJsonObject fieldRevisions; // field -> revision it last changed in, after the merge
    QStringList applied;        // fields that took the client's value
    QStringList conflicts;      // fields changed on both sides: the server kept its value
    QJsonObject clientValues;   // the client's values of the conflicting fields
    QJsonObject serverValues;   // the server's values of the conflicting fields
};

// A patient edit merged field by field into the server's version (docs/sync.md). A field the
// client changed is applied when the server has not changed it since the client's base
// revision; when both changed it to different values the server keeps its own and the field
// is a conflict for a human. Fields the client did not change keep the server's value, and
// the fields that are not merge fields (number, createdAt, createdBy) never change.
class PatientMerge
{
public:
    // `changedFields` empty: every merge field whose value differs is treated as changed.
    // A `baseRevision` above `serverRevision` (a client ahead of the server) counts as the
    // server's revision. Applied fields get `serverRevision + 1` in fieldRevisions.
    static PatientMergeResult merge(const QJsonObject &server, const QJsonObject &fieldRevisions,
                                    qint64 serverRevision, const QJsonObject &incoming, qint64 baseRevision,
                                    const QStringList &changedFields);

    // Every merge field at `revision` (a new patient).
    static QJsonObject initialFieldRevisions(qint64 revision);
};

} // namespace medora::server
