#include "store/ServerMigrations.h"

namespace medora::server {

namespace {

QList<ServerMigrations::Step> buildSteps()
{
    QList<ServerMigrations::Step> steps;

    ServerMigrations::Step accounts;
    accounts.version = 1;
    accounts.description = QStringLiteral("clinics, staff, sessions, audit trail");
    accounts.statements = {
        QStringLiteral("CREATE TABLE clinics ("
                       " id TEXT PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE staff ("
                       " id TEXT PRIMARY KEY,"
                       " clinic_id TEXT NOT NULL REFERENCES clinics(id),"
                       " login TEXT NOT NULL UNIQUE,"
                       " phone TEXT UNIQUE,"
                       " full_name TEXT NOT NULL,"
                       " role TEXT NOT NULL CHECK (role IN ('clinic_admin', 'doctor', 'receptionist')),"
                       " password_hash TEXT NOT NULL,"
                       " must_change_password INTEGER NOT NULL DEFAULT 0,"
                       " disabled INTEGER NOT NULL DEFAULT 0,"
                       " created_at BIGINT NOT NULL,"
                       " updated_at BIGINT NOT NULL,"
                       " password_changed_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX staff_by_clinic ON staff (clinic_id, login)"),
        QStringLiteral("CREATE TABLE sessions ("
                       " id TEXT PRIMARY KEY,"
                       " user_id TEXT NOT NULL REFERENCES staff(id),"
                       " device_id TEXT NOT NULL,"
                       " device_name TEXT NOT NULL DEFAULT '',"
                       " client_address TEXT NOT NULL DEFAULT '',"
                       " access_hash TEXT NOT NULL UNIQUE,"
                       " access_expires_at BIGINT NOT NULL,"
                       " refresh_hash TEXT NOT NULL UNIQUE,"
                       " previous_refresh_hash TEXT,"
                       " refresh_idle_expires_at BIGINT NOT NULL,"
                       " absolute_expires_at BIGINT NOT NULL,"
                       " created_at BIGINT NOT NULL,"
                       " last_refreshed_at BIGINT,"
                       " revoked_at BIGINT,"
                       " revoke_reason TEXT)"),
        QStringLiteral("CREATE INDEX sessions_by_previous_refresh ON sessions (previous_refresh_hash)"),
        QStringLiteral("CREATE INDEX sessions_by_user ON sessions (user_id, device_id)"),
        QStringLiteral("CREATE TABLE audit_events ("
                       " sequence INTEGER PRIMARY KEY,"
                       " at TEXT NOT NULL,"
                       " at_ms BIGINT NOT NULL,"
                       " clinic_id TEXT NOT NULL DEFAULT '',"
                       " actor_user_id TEXT NOT NULL DEFAULT '',"
                       " actor_login TEXT NOT NULL DEFAULT '',"
                       " action TEXT NOT NULL,"
                       " target_type TEXT NOT NULL DEFAULT '',"
                       " target_id TEXT NOT NULL DEFAULT '',"
                       " client_address TEXT NOT NULL DEFAULT '',"
                       " details TEXT NOT NULL,"
                       " previous_hash TEXT NOT NULL,"
                       " hash TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX audit_by_clinic ON audit_events (clinic_id, sequence)"),
        QStringLiteral("CREATE INDEX audit_by_clinic_action ON audit_events (clinic_id, action, sequence)"),
        QStringLiteral(
            "CREATE INDEX audit_by_clinic_actor ON audit_events (clinic_id, actor_user_id, sequence)"),
        QStringLiteral(
            "CREATE INDEX audit_by_clinic_target ON audit_events (clinic_id, target_id, sequence)"),
    };
    steps.append(accounts);

    ServerMigrations::Step hardening;
    hardening.version = 2;
    hardening.description = QStringLiteral("every rotated refresh token; append-only audit trail");
    hardening.statements = {
        QStringLiteral("CREATE TABLE used_refresh_tokens ("
                       " hash TEXT PRIMARY KEY,"
                       " session_id TEXT NOT NULL,"
                       " used_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX used_refresh_tokens_by_session ON used_refresh_tokens (session_id)"),
        // SQLite trigger syntax; PostgreSQL needs a trigger function when it arrives. They stop
        // the server's own mistakes and SQL injection, not someone who can write the file.
        QStringLiteral("CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
                       "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END"),
        QStringLiteral("CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
                       "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END"),
    };
    steps.append(hardening);
    return steps;
}

} // namespace

const QList<ServerMigrations::Step> &ServerMigrations::steps()
{
    static const QList<Step> all = buildSteps();
    return all;
}

int ServerMigrations::latestVersion()
{
    return steps().isEmpty() ? 0 : steps().constLast().version;
}

QString ServerMigrations::createVersionTable()
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                          " version INTEGER PRIMARY KEY,"
                          " applied_at TEXT NOT NULL)");
}

} // namespace medora::server
