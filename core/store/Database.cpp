#include "store/Database.h"

#include "store/Migrations.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace medora {

namespace {

// SQLite primary result codes (sqlite3.h); QSQLITE reports them as nativeErrorCode().
enum SqliteCode
{
    kSqliteBusy = 5,
    kSqliteLocked = 6,
    kSqliteReadOnly = 8,
    kSqliteIoErr = 10,
    kSqliteCorrupt = 11,
    kSqliteFull = 13,
    kSqliteCantOpen = 14,
    kSqliteConstraint = 19,
    kSqliteNotADb = 26,
};

// Every SQLite file starts with these 16 bytes; the header is 100 bytes long.
constexpr char kSqliteMagic[] = "SQLite format 3";
constexpr int kSqliteHeaderSize = 100;

constexpr int kBusyTimeoutMs = 5000;

QAtomicInteger<quint64> connectionCounter;

const QString kDeferredIndexesKey = QStringLiteral("deferred_indexes");
// The schema version from which the meta key exists (the sync tables, version 3).
constexpr int kDeferredIndexesVersion = 3;

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

} // namespace

Database::Database() = default;

Database::~Database()
{
    close();
}

bool Database::open(const QString &filePath)
{
    return openAt(filePath, currentSchemaVersion());
}

bool Database::openAtSchemaVersionForTest(const QString &filePath, int version)
{
    if (QFileInfo(filePath).exists() && QFileInfo(filePath).size() > 0) {
        setError(StoreError::Code::Other,
                 tr("%1 already exists; a test schema needs a fresh file.").arg(nativePath(filePath)));
        return false;
    }
    return openAt(filePath, version);
}

bool Database::openAt(const QString &filePath, int targetVersion)
{
    close();
    clearError();
    m_filePath = filePath;

    if (!checkFolderAndHeader())
        return false;

    m_connectionName = QStringLiteral("medora-db-%1").arg(++connectionCounter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(filePath);
        if (!db.open()) {
            const QSqlError error = db.lastError();
            m_lastError = translate(error, tr("open the database"), m_filePath);
            if (m_lastError.code == StoreError::Code::Other)
                m_lastError.code = StoreError::Code::CannotOpen;
            close();
            return false;
        }
    }

    // None of these touch the file: they only configure this connection.
    if (!exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs), tr("open the database")) ||
        !exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kCacheSizeKiB), tr("open the database")) ||
        !exec(QStringLiteral("PRAGMA foreign_keys = ON"), tr("open the database")) ||
        !checkOwnership(targetVersion)) {
        const StoreError error = m_lastError;
        close();
        m_lastError = error;
        return false;
    }

    // Only now, with the file known to be ours (or new), may it change. Switching to WAL
    // rewrites the header and creates -wal/-shm files, so it must come after the checks.
    bool walOn = false;
    {
        QSqlQuery journal(connection());
        if (journal.exec(QStringLiteral("PRAGMA journal_mode = WAL")) && journal.next())
            walOn = journal.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0;
        if (journal.lastError().isValid())
            fail(journal.lastError(), tr("open the database"));
        else if (!walOn)
            setError(StoreError::Code::CannotOpen,
                     tr("%1 cannot use write-ahead logging (is it on a network drive?).")
                         .arg(nativePath(m_filePath)));
    }
    if (!walOn) {
        const StoreError error = m_lastError;
        close();
        m_lastError = error;
        return false;
    }

    // synchronous=NORMAL is crash-safe in WAL mode: a commit is appended to the WAL and
    // the WAL is fsynced at each checkpoint, before pages are copied into the main file.
    // A killed process loses nothing that was committed; a power cut may lose the last
    // commits since the previous checkpoint but never corrupts the file. FULL would fsync
    // on every commit (every keystroke-sized save) for little gain on a desktop.
    if (!exec(QStringLiteral("PRAGMA synchronous = NORMAL"), tr("open the database")) ||
        !migrate(targetVersion)) {
        const StoreError error = m_lastError;
        close();
        m_lastError = error;
        return false;
    }
    // A long pull cut short (crash, quit) may have left indexes set aside: they come back
    // now. They only speed up look-ups, so a failure here leaves the file usable and is
    // retried at the next open.
    if (targetVersion >= kDeferredIndexesVersion && hasDeferredIndexes()) {
        if (begin() && restoreDeferredIndexes() && commit()) {
            clearError();
        } else {
            rollback();
            qWarning("could not restore the indexes set aside in %s: %s", qPrintable(m_filePath),
                     qPrintable(m_lastError.message));
            clearError();
        }
    }
    return true;
}

bool Database::hasDeferredIndexes() const
{
    return !meta(kDeferredIndexesKey).isEmpty();
}

bool Database::deferIndexes(const QStringList &names)
{
    const QString what = tr("set indexes aside");
    QStringList statements = meta(kDeferredIndexesKey).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!m_lastError.ok())
        return false;
    QSqlQuery query(connection());
    for (const QString &name : names) {
        query.prepare(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?"));
        query.addBindValue(name);
        if (!query.exec()) {
            fail(query.lastError(), what);
            return false;
        }
        if (!query.next())
            continue; // absent (already set aside): nothing to do
        const QString sql = query.value(0).toString();
        query.finish();
        if (sql.isEmpty() || sql.contains(QLatin1Char('\n')))
            continue; // a constraint index, or one this list cannot hold: it stays
        if (!query.exec(QStringLiteral("DROP INDEX \"%1\"").arg(name))) {
            fail(query.lastError(), what);
            return false;
        }
        statements.append(sql);
    }
    return setMeta(kDeferredIndexesKey, statements.join(QLatin1Char('\n')));
}

bool Database::restoreDeferredIndexes()
{
    const QString what = tr("rebuild the indexes set aside");
    const QStringList statements = meta(kDeferredIndexesKey).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!m_lastError.ok())
        return false;
    QSqlQuery query(connection());
    for (QString sql : statements) {
        // An index that is back already (built by hand, or by a later schema step) is kept.
        if (sql.startsWith(QLatin1String("CREATE INDEX ")))
            sql.insert(int(qstrlen("CREATE INDEX ")), QLatin1String("IF NOT EXISTS "));
        if (!query.exec(sql)) {
            fail(query.lastError(), what);
            return false;
        }
    }
    return setMeta(kDeferredIndexesKey, QStringLiteral(""));
}

bool Database::checkFolderAndHeader()
{
    const QFileInfo file(m_filePath);
    const QFileInfo folder(file.absolutePath());
    if (!folder.exists() || !folder.isDir()) {
        setError(StoreError::Code::CannotCreateFolder,
                 tr("The data folder %1 does not exist or is not a folder.")
                     .arg(QDir::toNativeSeparators(folder.absoluteFilePath())));
        return false;
    }
    if (file.exists() && !file.isFile()) {
        setError(StoreError::Code::CannotOpen, tr("%1 is not a file.").arg(nativePath(m_filePath)));
        return false;
    }
    if (!file.exists() || file.size() == 0)
        return true; // new: SQLite treats an empty file as an empty database

    // Read the header ourselves so that a file which is not SQLite at all never reaches
    // SQLite, which could otherwise create journal files next to it.
    QFile device(m_filePath);
    if (!device.open(QIODevice::ReadOnly)) {
        setError(StoreError::Code::CannotOpen,
                 tr("Could not open %1: %2.").arg(nativePath(m_filePath), device.errorString()));
        return false;
    }
    const QByteArray header = device.read(kSqliteHeaderSize);
    if (header.size() < kSqliteHeaderSize ||
        !header.startsWith(QByteArray(kSqliteMagic, sizeof kSqliteMagic))) {
        setError(StoreError::Code::NotADatabase,
                 tr("%1 is damaged or is not a database file. It was left unchanged.")
                     .arg(nativePath(m_filePath)));
        return false;
    }
    if (!file.isWritable()) {
        setError(StoreError::Code::ReadOnly,
                 tr("%1 is read-only; Medora cannot save patients in it.").arg(nativePath(m_filePath)));
        return false;
    }
    return true;
}

bool Database::checkOwnership(int targetVersion)
{
    const QString what = tr("open the database");
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    // A cheap read of page 1 and the schema: SQLite reports NOTADB or CORRUPT here for a
    // file whose header looks right but whose content is not.
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next()) {
        fail(query.lastError(), what);
        return false;
    }
    const qint64 objects = query.value(0).toLongLong();
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next()) {
        fail(query.lastError(), what);
        return false;
    }
    const int applicationId = query.value(0).toInt();
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        fail(query.lastError(), what);
        return false;
    }
    const int version = query.value(0).toInt();
    query.finish();

    const bool blank = applicationId == 0 && objects == 0 && version == 0;
    if (applicationId != kApplicationId && !blank) {
        setError(StoreError::Code::ForeignDatabase,
                 tr("%1 belongs to another program, not Medora. It was left unchanged.")
                     .arg(nativePath(m_filePath)));
        return false;
    }
    if (version > targetVersion) {
        setError(StoreError::Code::NewerSchema,
                 tr("%1 was written by a newer version of Medora (database version %2; this version knows up "
                    "to %3). It was left unchanged; update Medora to open it.")
                     .arg(nativePath(m_filePath))
                     .arg(version)
                     .arg(targetVersion));
        return false;
    }
    return true;
}

bool Database::migrate(int targetVersion)
{
    const int current = schemaVersion();
    if (!m_lastError.ok())
        return false;
    if (current >= targetVersion)
        return true;

    if (!begin())
        return false;
    // Another process may have migrated the file while we waited for the write lock.
    const int lockedCurrent = schemaVersion();
    if (!m_lastError.ok()) {
        rollback();
        return false;
    }
    if (lockedCurrent >= targetVersion)
        return commit();
    QSqlDatabase db = connection();
    for (const Migrations::Step &step : Migrations::steps()) {
        if (step.version <= lockedCurrent || step.version > targetVersion)
            continue;
        QSqlError error;
        if (!step.apply(db, error)) {
            m_lastError = translate(error, tr("update the database structure"), m_filePath);
            rollback();
            return false;
        }
    }
    // Both live in the file header and are part of this transaction: either the whole
    // migration lands with its version, or nothing does.
    const QString what = tr("update the database structure");
    if (!exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId), what) ||
        !exec(QStringLiteral("PRAGMA user_version = %1").arg(targetVersion), what)) {
        rollback();
        return false;
    }
    return commit();
}

void Database::close()
{
    m_depth = 0;
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

bool Database::isOpen() const
{
    return !m_connectionName.isEmpty() && connection().isOpen();
}

QSqlDatabase Database::connection() const
{
    if (m_connectionName.isEmpty())
        return QSqlDatabase();
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    if (m_connectionName.isEmpty())
        return 0;
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        m_lastError = translate(query.lastError(), tr("read the database version"), m_filePath);
        return 0;
    }
    return query.value(0).toInt();
}

int Database::currentSchemaVersion()
{
    return Migrations::latestVersion();
}

QString Database::identity() const
{
    return meta(QStringLiteral("db_identity"));
}

QString Database::meta(const QString &key, const QString &fallback) const
{
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec()) {
        m_lastError = translate(query.lastError(), tr("read the database settings"), m_filePath);
        return fallback;
    }
    if (!query.next()) {
        if (query.lastError().isValid())
            m_lastError = translate(query.lastError(), tr("read the database settings"), m_filePath);
        return fallback;
    }
    return query.value(0).toString();
}

bool Database::setMeta(const QString &key, const QString &value)
{
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?)"
                                 " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(key);
    query.addBindValue(value);
    if (!query.exec()) {
        fail(query.lastError(), tr("save the database settings"));
        return false;
    }
    return true;
}

void Database::setCacheSizeKiB(int kib)
{
    // A tuning knob only: if SQLite refuses, the old bound stays and nothing is lost.
    QSqlQuery query(connection());
    query.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kib));
}

void Database::setWalCheckpointPages(int pages)
{
    // Tuning only, like the cache bound: a refusal leaves SQLite's interval in place.
    QSqlQuery query(connection());
    query.exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(pages));
}

bool Database::begin()
{
    if (m_depth > 0) {
        if (!exec(QStringLiteral("SAVEPOINT medora_%1").arg(m_depth), tr("start saving")))
            return false;
        ++m_depth;
        return true;
    }
    // IMMEDIATE takes the write lock up front, so a second writer waits (busy_timeout)
    // instead of failing half-way through when its read lock cannot be upgraded.
    if (!exec(QStringLiteral("BEGIN IMMEDIATE"), tr("start saving")))
        return false;
    m_depth = 1;
    return true;
}

bool Database::commit()
{
    QSqlQuery query(connection());
    const QString sql =
        m_depth > 1 ? QStringLiteral("RELEASE medora_%1").arg(m_depth - 1) : QStringLiteral("COMMIT");
    if (!query.exec(sql)) {
        const StoreError failure = translate(query.lastError(), tr("save the changes"), m_filePath);
        // A savepoint stays open for the caller's rollback(), which every caller issues after
        // a failed commit; undoing it here as well would make that call undo the level above.
        if (m_depth <= 1)
            rollback();
        m_lastError = failure;
        return false;
    }
    m_depth = std::max(0, m_depth - 1);
    return true;
}

QString Database::journalMode() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA journal_mode")) || !query.next())
        return QString();
    return query.value(0).toString().toLower();
}

bool Database::beginBulkJournal()
{
    QSqlQuery query(connection());
    // FULL first: a rollback journal with NORMAL could, after a power cut at the wrong
    // moment, leave a damaged file; FULL syncs the journal before the file is changed.
    if (!query.exec(QStringLiteral("PRAGMA synchronous = FULL")))
        return false;
    // Leaving WAL needs an exclusive lock; when another connection holds the file, give up
    // at once instead of waiting out the busy timeout.
    query.exec(QStringLiteral("PRAGMA busy_timeout = 0"));
    const bool switched =
        query.exec(QStringLiteral("PRAGMA journal_mode = DELETE")) && query.next() &&
        query.value(0).toString().compare(QLatin1String("delete"), Qt::CaseInsensitive) == 0;
    query.finish();
    query.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs));
    if (!switched) {
        endBulkJournal();
        return false;
    }
    return true;
}

void Database::endBulkJournal()
{
    // Both are tuning of the open connection; open() insists on WAL again next time if
    // this should ever fail, and the rollback journal is crash-safe meanwhile.
    QSqlQuery query(connection());
    query.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    query.finish();
    query.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
}

void Database::rollback()
{
    QSqlQuery query(connection());
    if (m_depth > 1) {
        // Undoes the savepoint's writes, then drops it; the outer transaction goes on.
        const QString name = QStringLiteral("medora_%1").arg(m_depth - 1);
        query.exec(QStringLiteral("ROLLBACK TO ") + name);
        query.exec(QStringLiteral("RELEASE ") + name);
        --m_depth;
        return;
    }
    // SQLite may already have rolled back on its own (SQLITE_FULL, IOERR); then this
    // statement fails harmlessly with "no transaction is active". A second rollback() after
    // a failed commit() lands here too, at depth 0, and changes nothing.
    query.exec(QStringLiteral("ROLLBACK"));
    m_depth = 0;
}

bool Database::exec(const QString &sql, const QString &what)
{
    QSqlQuery query(connection());
    if (!query.exec(sql)) {
        fail(query.lastError(), what);
        return false;
    }
    return true;
}

StoreError Database::fail(const QSqlError &error, const QString &what)
{
    m_lastError = translate(error, what, m_filePath);
    return m_lastError;
}

void Database::setError(StoreError::Code code, const QString &message)
{
    m_lastError = {code, message};
}

StoreError Database::translate(const QSqlError &error, const QString &what, const QString &filePath)
{
    const QString file = nativePath(filePath);
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    bool numeric = false;
    // Extended result codes carry the primary code in their low byte.
    const int code = error.nativeErrorCode().toInt(&numeric) & 0xff;
    switch (numeric ? code : -1) {
    case kSqliteFull:
        return {
            StoreError::Code::DiskFull,
            tr("The disk holding %1 is full. Nothing was saved; free some space and try again.").arg(file)};
    case kSqliteReadOnly:
        return {StoreError::Code::ReadOnly, tr("Could not %1: %2 is read-only.").arg(what, file)};
    case kSqliteBusy:
    case kSqliteLocked:
        return {StoreError::Code::Busy,
                tr("Could not %1: %2 is in use by another program. Try again in a moment.").arg(what, file)};
    case kSqliteIoErr:
        return {StoreError::Code::Io,
                tr("Could not %1: reading or writing %2 failed (%3).").arg(what, file, detail)};
    case kSqliteConstraint:
        return {StoreError::Code::Constraint,
                tr("Could not %1: it conflicts with data already in %2 (%3).").arg(what, file, detail)};
    case kSqliteNotADb:
    case kSqliteCorrupt:
        return {StoreError::Code::NotADatabase, tr("%1 is damaged or is not a database file.").arg(file)};
    case kSqliteCantOpen:
        return {StoreError::Code::CannotOpen, tr("Could not open %1 (%2).").arg(file, detail)};
    default:
        return {StoreError::Code::Other, tr("Could not %1 in %2 (%3).").arg(what, file, detail)};
    }
}

} // namespace medora
