#include "store/ServerMigrations.h"

#include "store/Migration6Telegram.h"
#include "store/Migration7AccountRecovery.h"
#include "store/Migration8Operations.h"

#include <QUuid>

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

    // Sync (docs/sync.md): one row per synced entity holding its newest revision as canonical
    // JSON text, so a pull page is one range scan of (clinic_id, sequence) whose rows are
    // copied into the answer as they are. Typed columns hold what rules look up by. (The
    // entity CHECK is a chain of ORs: SQLite evaluates IN (...) through a temporary table
    // on every insert.)
    ServerMigrations::Step sync;
    sync.version = 3;
    sync.description = QStringLiteral("sync feed: records, clinic feed positions, op results, conflicts");
    sync.statements = {
        // A random id per database: a client that sees it change (the server's database was
        // replaced) starts its feed from the beginning.
        QStringLiteral("CREATE TABLE sync_meta ("
                       " key TEXT PRIMARY KEY,"
                       " value TEXT NOT NULL)"),
        QStringLiteral("INSERT INTO sync_meta (key, value) VALUES ('database_id', '%1')")
            .arg(QString::fromLatin1(QUuid::createUuid().toRfc4122().toHex())),
        QStringLiteral("CREATE TABLE sync_clinic ("
                       " clinic_id TEXT PRIMARY KEY REFERENCES clinics(id),"
                       " last_sequence BIGINT NOT NULL DEFAULT 0,"
                       " horizon BIGINT NOT NULL DEFAULT 0)"),
        QStringLiteral(
            "CREATE TABLE sync_record ("
            " clinic_id TEXT NOT NULL REFERENCES clinics(id),"
            " entity TEXT NOT NULL CHECK (entity = 'patient' OR entity = 'visit' OR entity = 'report' OR"
            "   entity = 'payment'),"
            " id TEXT NOT NULL,"
            " revision BIGINT NOT NULL,"
            " sequence BIGINT NOT NULL,"
            " deleted INTEGER NOT NULL DEFAULT 0,"
            " updated_at TEXT NOT NULL,"
            " updated_at_ms BIGINT NOT NULL,"
            " updated_by TEXT NOT NULL,"
            " data TEXT NOT NULL,"
            " field_revisions TEXT,"
            " patient_id TEXT,"
            " visit_id TEXT,"
            " ref_id TEXT,"
            " status TEXT,"
            " author_id TEXT,"
            " PRIMARY KEY (clinic_id, entity, id))"),
        QStringLiteral("CREATE UNIQUE INDEX sync_record_feed ON sync_record (clinic_id, sequence)"),
        QStringLiteral(
            "CREATE INDEX sync_record_by_ref ON sync_record (clinic_id, ref_id) WHERE ref_id IS NOT NULL"),
        QStringLiteral("CREATE TABLE sync_op ("
                       " clinic_id TEXT NOT NULL,"
                       " op_id TEXT NOT NULL,"
                       " entity TEXT NOT NULL,"
                       " entity_id TEXT NOT NULL,"
                       " user_id TEXT NOT NULL,"
                       " device_id TEXT NOT NULL,"
                       " result TEXT NOT NULL,"
                       " created_at_ms BIGINT NOT NULL,"
                       " PRIMARY KEY (clinic_id, op_id))"),
        QStringLiteral("CREATE TABLE sync_conflict ("
                       " id TEXT PRIMARY KEY,"
                       " clinic_id TEXT NOT NULL,"
                       " entity TEXT NOT NULL,"
                       " entity_id TEXT NOT NULL,"
                       " op_id TEXT NOT NULL,"
                       " user_id TEXT NOT NULL,"
                       " device_id TEXT NOT NULL,"
                       " base_revision BIGINT NOT NULL,"
                       " server_revision BIGINT NOT NULL,"
                       " fields TEXT NOT NULL,"
                       " server_values TEXT NOT NULL,"
                       " client_values TEXT NOT NULL,"
                       " kept_as_id TEXT,"
                       " created_at TEXT NOT NULL,"
                       " created_at_ms BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX sync_conflict_by_clinic ON sync_conflict (clinic_id, created_at_ms)"),
    };
    steps.append(sync);

    // The letterhead printouts carry (name from clinics); one row per clinic once an admin
    // has set it. The logo is a PNG of at most 256 KiB (checked by the API).
    ServerMigrations::Step letterhead;
    letterhead.version = 4;
    letterhead.description = QStringLiteral("clinic letterhead: address, phone, footer, logo");
    letterhead.statements = {
        QStringLiteral("CREATE TABLE clinic_letterhead ("
                       " clinic_id TEXT PRIMARY KEY REFERENCES clinics(id),"
                       " address TEXT NOT NULL DEFAULT '',"
                       " phone TEXT NOT NULL DEFAULT '',"
                       " footer TEXT NOT NULL DEFAULT '',"
                       " logo_png BLOB,"
                       " updated_at BIGINT NOT NULL,"
                       " updated_by TEXT NOT NULL)"),
    };
    steps.append(letterhead);

    // AI consilium (server/ai, docs/api.md "AI consilium"): one row per call, written before
    // Gemini is asked (the daily quotas count it at once) and completed afterwards; never
    // any prompt or answer text. `day` is the UTC date, so quotas and statistics group by it
    // without date functions that differ between SQLite and PostgreSQL.
    ServerMigrations::Step ai;
    ai.version = 5;
    ai.description = QStringLiteral("AI consilium: per-call usage and the clinic's AI switch");
    ai.statements = {
        QStringLiteral("CREATE TABLE ai_usage ("
                       " id TEXT PRIMARY KEY,"
                       " clinic_id TEXT NOT NULL REFERENCES clinics(id),"
                       " user_id TEXT NOT NULL,"
                       " patient_id TEXT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " model TEXT NOT NULL DEFAULT '',"
                       " outcome TEXT NOT NULL,"
                       " day TEXT NOT NULL,"
                       " prompt_tokens BIGINT NOT NULL DEFAULT 0,"
                       " output_tokens BIGINT NOT NULL DEFAULT 0,"
                       " total_tokens BIGINT NOT NULL DEFAULT 0,"
                       " bytes_sent BIGINT NOT NULL DEFAULT 0,"
                       " latency_ms BIGINT NOT NULL DEFAULT 0,"
                       " created_at_ms BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX ai_usage_by_clinic_day ON ai_usage (clinic_id, day)"),
        QStringLiteral("CREATE INDEX ai_usage_by_user_day ON ai_usage (user_id, day)"),
        QStringLiteral("CREATE TABLE ai_clinic_settings ("
                       " clinic_id TEXT PRIMARY KEY REFERENCES clinics(id),"
                       " enabled INTEGER NOT NULL,"
                       " updated_at BIGINT NOT NULL,"
                       " updated_by TEXT NOT NULL)"),
    };
    steps.append(ai);
    steps << migration6Telegram();
    steps << migration7AccountRecovery();
    steps << migration8Operations();
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
