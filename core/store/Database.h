#pragma once

#include "store/StoreError.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>

namespace medora {

// The client's local SQLite file: opens it in WAL mode with foreign keys on, checks that
// it is ours (PRAGMA application_id), and migrates its schema to `currentSchemaVersion()`
// inside one transaction. A file that is damaged, foreign or newer is refused untouched.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    static constexpr int kApplicationId = 0x4D44524F; // "MDRO"
    // Page cache bound in KiB: the desktop client must stay small, and the OS file cache
    // holds the rest of a large registry anyway. A bulk import raises it for its duration,
    // since index pages evicted mid-transaction are spilled to the WAL and read back.
    static constexpr int kCacheSizeKiB = 8 * 1024;
    static constexpr int kBulkCacheSizeKiB = 64 * 1024;

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if absent) the database file at `filePath`; its folder must exist.
    bool open(const QString &filePath);
    void close();
    bool isOpen() const;

    QSqlDatabase connection() const;
    QString filePath() const { return m_filePath; }
    StoreError lastError() const { return m_lastError; }

    int schemaVersion() const;
    static int currentSchemaVersion();

    // Random identity of this database file, created with it (hex, 32 chars).
    QString identity() const;

    // Meta key/value table used for counters (device prefix, patient sequence, change seq).
    QString meta(const QString &key, const QString &fallback = QString()) const;
    bool setMeta(const QString &key, const QString &value);

    // Sets this connection's page cache bound (kCacheSizeKiB after open).
    void setCacheSizeKiB(int kib);

    // WAL pages after which a commit copies the WAL into the file (SQLite's default, 4 MiB).
    // A run of pulled pages raises it: rows spread over the indexes dirty the same index
    // pages commit after commit, and a checkpoint copies each of them once however often it
    // changed. The WAL file may then grow to about that size (64 MiB) until the run ends.
    static constexpr int kWalCheckpointPages = 1000;
    static constexpr int kBulkWalCheckpointPages = 16384;
    void setWalCheckpointPages(int pages);

    // A bulk import into a table it at least doubles writes every new page once into the
    // main file under a rollback journal (synchronous=FULL) instead of twice (WAL, then
    // checkpoint). Still one atomic, crash-safe transaction: a crash leaves a hot journal
    // that the next open rolls back. Needs the only connection to the file; returns false
    // and stays in WAL mode (no error set) when SQLite refuses. endBulkJournal() goes back
    // to WAL + NORMAL; outside a transaction only.
    bool beginBulkJournal();
    void endBulkJournal();
    QString journalMode() const;

    // Secondary indexes a long run of writes may set aside (SyncJournal, while a large pull
    // catches up: rows spread over an index dirty most of its pages in every commit). Inside
    // the caller's transaction, deferIndexes() drops the named indexes that exist and keeps
    // their CREATE statements in meta "deferred_indexes"; restoreDeferredIndexes() creates
    // them again. A run cut short by a crash gets them back at the next open().
    bool deferIndexes(const QStringList &names);
    bool restoreDeferredIndexes();
    bool hasDeferredIndexes() const;

    // Transactions; commit() failing rolls back and sets lastError() (a nested level is left
    // for the caller's rollback(), which must follow a failed commit()). They nest: a begin()
    // inside a transaction opens a SAVEPOINT, whose commit() releases it and whose rollback()
    // undoes only what was written since, so one write can be composed of others (a conflict
    // resolution saving a patient, say) and still land whole or not at all.
    bool begin();
    bool commit();
    void rollback(); // leaves lastError() as it was, so the reason for rolling back survives
    bool inTransaction() const { return m_depth > 0; }

    // Translates a failed QSqlError (SQLITE_FULL, SQLITE_NOTADB, ...) into a StoreError and
    // remembers it as lastError(). `what` names the operation for the message.
    StoreError fail(const class QSqlError &error, const QString &what);
    void setError(StoreError::Code code, const QString &message);
    void clearError() { m_lastError = StoreError(); }

    // For tests: applies migrations only up to `version` on a fresh file.
    bool openAtSchemaVersionForTest(const QString &filePath, int version);

private:
    bool openAt(const QString &filePath, int targetVersion);
    bool checkFolderAndHeader();
    bool checkOwnership(int targetVersion);
    bool exec(const QString &sql, const QString &what);
    bool migrate(int targetVersion);
    static StoreError translate(const QSqlError &error, const QString &what, const QString &filePath);

    QString m_connectionName;
    QString m_filePath;
    int m_depth = 0; // open begin() levels: 1 = the transaction, more = savepoints in it
    // Reads are const but still report their failure through lastError().
    mutable StoreError m_lastError;
};

} // namespace medora
