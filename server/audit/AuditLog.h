#pragma once

#include "store/ServiceError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace medora::server {

class ServerDatabase;

struct AuditEntry
{
    QString clinicId;    // empty for server-wide events (operator actions on no clinic)
    QString actorUserId; // empty for the operator or an anonymous caller
    QString actorLogin;  // as typed for failed sign-ins (truncated to 64), "operator" for CLI
    QString action;      // "auth.login", "auth.login_failed", "auth.logout", "session.revoke",
                         // "auth.refresh_reuse", "staff.create", "staff.update", "staff.role_change",
                         // "staff.disable", "staff.enable", "staff.password_reset",
                         // "user.password_change", "clinic.create"
    QString targetType;  // "user", "session", "clinic", ...
    QString targetId;
    QString clientAddress;
    QJsonObject details; // never passwords, tokens or secrets
};

struct AuditEvent
{
    qint64 sequence = 0;
    QDateTime at; // UTC
    AuditEntry entry;
    QByteArray previousHash; // hex SHA-256
    QByteArray hash;         // hex SHA-256 over previousHash + canonical JSON of the event
};

struct AuditFilter
{
    QString actorUserId;
    QString action; // exact, or prefix ending in '.' ("staff.")
    QString targetId;
    QDateTime from, to;        // UTC, inclusive/exclusive
    qint64 beforeSequence = 0; // paging: events older than this (0 = newest first page)
    int limit = 50;            // 1..200
};

struct AuditVerification
{
    bool intact = true;
    qint64 eventsChecked = 0;
    qint64 firstBrokenSequence = 0; // 0 when intact
    QString problem;                // "hash mismatch", "previous hash does not link", "sequence gap"
    // The newest event that verified (0 and empty when none did). An operator records it off
    // the server: the chain alone cannot show that its newest events were cut off.
    qint64 headSequence = 0;
    QByteArray headHash; // hex SHA-256 of that event
};

// Append-only, tamper-evident (hash chain over every event of the server) audit trail.
class AuditLog
{
public:
    explicit AuditLog(ServerDatabase &database);
    // Inside the caller's write transaction, so the event commits with the change it records.
    bool append(QSqlDatabase &db, const AuditEntry &entry, QString *error = nullptr);
    // Several events, in order, inside the caller's write transaction: the chain's end is read
    // once and the insert prepared once (a sync push audits up to a hundred operations).
    // `nativeSqlite`: insert through SQLite's C API where Qt's driver allows (store/SqliteStatement).
    bool appendAll(QSqlDatabase &db, const QList<AuditEntry> &entries, QString *error = nullptr,
                   bool nativeSqlite = true);
    // In its own transaction (failed sign-ins: nothing else changes).
    bool appendNow(const AuditEntry &entry, QString *error = nullptr);
    // Newest first; only `clinicId`'s events.
    Outcome<QList<AuditEvent>> list(const QString &clinicId, const AuditFilter &filter);
    AuditVerification verify();
    // The stored hash of event `sequence`; empty when there is no such event.
    Outcome<QByteArray> storedHash(qint64 sequence);

private:
    ServerDatabase &m_database;
};

} // namespace medora::server
