#pragma once

#include "audit/AuditLog.h"
#include "auth/AccountTypes.h"
#include "domain/SyncProtocol.h"
#include "sync/SyncBatchStore.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace medora::server {

class SyncPushHooks;

// Applies the ops of one push, one at a time, inside the push's open write transaction
// (docs/sync.md "Server rules"): role rules, the dependency rule, and each entity's
// conflict rule. Every change of a record takes the clinic's next sequence and writes the
// record's new revision; its audit events are collected for the batch. A rule that refuses
// an op writes nothing.
class SyncOpApplier
{
public:
    // `lastSequence`: the clinic feed's newest sequence when the batch began.
    SyncOpApplier(SyncBatchStore &store, const Actor &actor, const QString &deviceId, qint64 lastSequence);

    // Fills `result` (its opId included). Its record's data stays empty: `recordData` gets the
    // stored JSON text of it instead, to be written into the answer without another encode.
    // False only when the database failed (`error`): the caller then rolls back whatever the
    // op wrote.
    bool apply(const PushOperation &op, PushResult *result, QByteArray *recordData, QString *error);

    qint64 lastSequence() const { return m_lastSequence; }

    // The audit events of the ops applied so far, for AuditLog::appendAll() before the
    // batch commits (one chain read and one prepared insert for the whole batch).
    const QList<AuditEntry> &auditEntries() const { return m_auditEntries; }

    // Subscriptions and payment notices (SyncPushHooks); `refuseNewVisits`: the clinic's
    // subscription has expired, so creating a visit is refused (subscription_expired, retryable).
    void setPushHooks(const SyncPushHooks *hooks, bool refuseNewVisits)
    {
        m_pushHooks = hooks;
        m_refuseNewVisits = refuseNewVisits;
    }

    // Where the batch stood before an op, to forget that op's effects when its savepoint
    // is rolled back.
    struct Mark
    {
        qint64 lastSequence = 0;
        qsizetype auditEntries = 0;
    };
    Mark mark() const { return {m_lastSequence, m_auditEntries.size()}; }
    void rollBackTo(const Mark &mark);

    // The id under which a conflicting report draft is kept: derived from the op, so a replay
    // of the same op lands on the same copy.
    static QUuid keptDraftId(const QUuid &opId);

private:
    bool applyOp(const PushOperation &op, PushResult *result, QString *error);
    bool applyPatient(const PushOperation &op, const std::optional<SyncRow> &current, PushResult *result,
                      QString *error);
    bool applyVisit(const PushOperation &op, const std::optional<SyncRow> &current, PushResult *result,
                    QString *error);
    bool applyReport(const PushOperation &op, const std::optional<SyncRow> &current, PushResult *result,
                     QString *error);
    bool applyPayment(const PushOperation &op, const std::optional<SyncRow> &current, PushResult *result,
                      QString *error);
    bool applyDelete(const PushOperation &op, const std::optional<SyncRow> &current, PushResult *result,
                     QString *error);

    // Missing parent -> missing_dependency (retryable); tombstoned -> parent_deleted. True
    // with `result` untouched when the parent is there.
    bool requireParent(EntityKind entity, const QUuid &id, const QString &field,
                       const std::optional<SyncRow> &current, PushResult *result, bool *present,
                       QString *error, std::optional<SyncRow> *parent = nullptr);

    // Writes `row` as a new record (revision 1) or the next revision of `current`, at the next
    // sequence.
    bool write(SyncRow &row, const std::optional<SyncRow> &current, QString *error);
    SyncRow newRow(EntityKind entity, const QUuid &id) const;
    void audit(const QString &action, const QString &targetType, const QString &targetId,
               const QJsonObject &details);
    bool recordConflict(const PushOperation &op, const SyncRow &server, const QStringList &fields,
                        const QJsonObject &serverValues, const QJsonObject &clientValues,
                        const QUuid &keptAsId, QString *error);

    void applied(const SyncRow &row, PushResult *result);
    void reject(const QString &code, const QString &message, const QString &field, bool retryable,
                const std::optional<SyncRow> &current, PushResult *result);
    void setRecord(const SyncRow &row, PushResult *result);

    SyncBatchStore &m_store;
    const Actor &m_actor;
    QString m_deviceId;
    qint64 m_lastSequence = 0;
    QString m_now;
    qint64 m_nowMs = 0;
    QList<AuditEntry> m_auditEntries;
    QByteArray m_recordData; // of the op being applied
    const SyncPushHooks *m_pushHooks = nullptr;
    bool m_refuseNewVisits = false;
};

} // namespace medora::server
