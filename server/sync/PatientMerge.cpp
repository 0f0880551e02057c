#include "sync/PatientMerge.h"

#include "domain/EntityJson.h"

#include <algorithm>

namespace medora::server {

PatientMergeResult PatientMerge::merge(const QJsonObject &server, const QJsonObject &fieldRevisions,
                                       qint64 serverRevision, const QJsonObject &incoming,
                                       qint64 baseRevision, const QStringList &changedFields)
{
    static const QStringList mergeFields = EntityJson::patientMergeFields();
    const QStringList &candidates = changedFields.isEmpty() ? mergeFields : changedFields;
    const qint64 base = std::min(baseRevision, serverRevision);

    PatientMergeResult result;
    result.merged = server;
    result.fieldRevisions = fieldRevisions;
    for (const QString &field : candidates) {
        if (!mergeFields.contains(field))
            continue;
        const QJsonValue theirs = incoming.value(field);
        const QJsonValue ours = server.value(field);
        if (theirs == ours)
            continue;
        // A field without a recorded revision is as new as the record: never overwritten blindly.
        const qint64 changedIn =
            fieldRevisions.contains(field) ? qint64(fieldRevisions.value(field).toDouble()) : serverRevision;
        if (changedIn > base) {
            result.conflicts.append(field);
            result.clientValues.insert(field, theirs);
            result.serverValues.insert(field, ours);
            continue;
        }
        result.merged.insert(field, theirs);
        result.fieldRevisions.insert(field, double(serverRevision + 1));
        result.applied.append(field);
    }
    return result;
}

QJsonObject PatientMerge::initialFieldRevisions(qint64 revision)
{
    QJsonObject revisions;
    for (const QString &field : EntityJson::patientMergeFields())
        revisions.insert(field, double(revision));
    return revisions;
}

} // namespace medora::server
