#include "store/Migration7AccountRecovery.h"

namespace medora::server {

ServerMigrations::Step migration7AccountRecovery()
{
    ServerMigrations::Step step;
    step.version = 7;
    step.description = QStringLiteral("account recovery codes, recovery e-mail, consent records");
    step.statements = {
        // NULLs do not collide in a UNIQUE index on SQLite or PostgreSQL: most accounts have none.
        QStringLiteral("ALTER TABLE staff ADD COLUMN email TEXT"),
        QStringLiteral("CREATE UNIQUE INDEX staff_by_email ON staff (email)"),
        // One row per code request, also for destinations without an account (user_id NULL),
        // so that per-destination limits behave the same either way. The destination is kept
        // only as a keyed hash, the code only as an HMAC over (id, code).
        QStringLiteral("CREATE TABLE verification_codes ("
                       " id TEXT PRIMARY KEY,"
                       " purpose TEXT NOT NULL CHECK (purpose IN ('password_reset', 'signup')),"
                       " channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),"
                       " destination_hash TEXT NOT NULL,"
                       " user_id TEXT,"
                       " code_hash TEXT NOT NULL,"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " max_attempts INTEGER NOT NULL,"
                       " created_at_ms BIGINT NOT NULL,"
                       " expires_at_ms BIGINT NOT NULL,"
                       " used_at_ms BIGINT,"
                       " client_address TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX verification_codes_by_destination"
                       " ON verification_codes (purpose, destination_hash, created_at_ms)"),
        QStringLiteral("CREATE TABLE consent_acceptances ("
                       " id TEXT PRIMARY KEY,"
                       " user_id TEXT NOT NULL REFERENCES staff(id),"
                       " clinic_id TEXT NOT NULL REFERENCES clinics(id),"
                       " document TEXT NOT NULL CHECK (document IN ('terms', 'privacy')),"
                       " version TEXT NOT NULL,"
                       " language TEXT NOT NULL,"
                       " accepted_at TEXT NOT NULL,"
                       " accepted_at_ms BIGINT NOT NULL,"
                       " client_address TEXT NOT NULL DEFAULT '')"),
        QStringLiteral(
            "CREATE INDEX consent_by_user ON consent_acceptances (user_id, document, accepted_at_ms)"),
    };
    return step;
}

} // namespace medora::server
