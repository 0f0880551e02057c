#include "sync/SyncBatchStore.h"

#include "store/ServerDatabase.h"
#include "store/SqliteStatement.h"

#include <QDateTime>

namespace medora::server {

namespace {

const QByteArray &entityName(EntityKind entity)
{
    static const QByteArray names[] = {QByteArrayLiteral("patient"), QByteArrayLiteral("visit"),
                                       QByteArrayLiteral("report"), QByteArrayLiteral("payment")};
    return names[static_cast<int>(entity)];
}

bool fail(const SqliteStatement &statement, QString *error)
{
    if (error)
        *error = statement.errorText();
    return false;
}

// Parameters 1..13 of an insert after the key, or of an update before it (the same order).
void bindContent(SqliteStatement &statement, int first, const SyncRow &row)
{
    statement.bindInt64(first, row.revision);
    statement.bindInt64(first + 1, row.sequence);
    statement.bindInt64(first + 2, row.deleted ? 1 : 0);
    statement.bindText(first + 3, row.updatedAt);
    statement.bindInt64(first + 4, row.updatedAtMs);
    statement.bindText(first + 5, row.updatedBy);
    statement.bindText(first + 6, row.data);
    if (row.fieldRevisions.isEmpty())
        statement.bindOptionalText(first + 7, QString());
    else
        statement.bindText(first + 7, row.fieldRevisions);
    statement.bindOptionalText(first + 8, row.patientId);
    statement.bindOptionalText(first + 9, row.visitId);
    statement.bindOptionalText(first + 10, row.refId);
    statement.bindOptionalText(first + 11, row.status);
    statement.bindOptionalText(first + 12, row.authorId);
}

} // namespace

struct SyncBatchStore::Native
{
    bool isValid() const
    {
        return find && find->isValid() && insert && insert->isValid() && update && update->isValid() &&
               storeOp && storeOp->isValid();
    }

    std::shared_ptr<SqliteStatement> find;
    std::shared_ptr<SqliteStatement> insert;
    std::shared_ptr<SqliteStatement> update;
    std::shared_ptr<SqliteStatement> storeOp;
};

SyncBatchStore::SyncBatchStore(SyncStore &store, const QSqlDatabase &db, bool allowNative,
                               ServerDatabase *cache)
    : m_store(store)
{
    if (!allowNative || !SqliteStatement::isAvailable(db))
        return;
    const auto statement = [&](const QString &sql) {
        return cache ? cache->cachedStatement(sql) : std::make_shared<SqliteStatement>(db, sql);
    };
    m_native = std::make_unique<Native>();
    m_native->find = statement(SyncStore::findSql());
    m_native->insert = statement(SyncStore::insertSql());
    m_native->update = statement(SyncStore::updateSql());
    m_native->storeOp = statement(SyncStore::storeOpResultSql());
    if (!m_native->isValid())
        m_native.reset();
}

SyncBatchStore::~SyncBatchStore() = default;

bool SyncBatchStore::find(const QString &clinicId, EntityKind entity, const QString &id,
                          std::optional<SyncRow> *row, QString *error)
{
    if (!m_native)
        return m_store.find(clinicId, entity, id, row, error);
    row->reset();
    SqliteStatement &statement = *m_native->find;
    statement.bindText(1, clinicId);
    statement.bindText(2, entityName(entity));
    statement.bindText(3, id);
    if (statement.next()) {
        SyncRow found;
        found.entity = entity;
        found.id = id;
        found.revision = statement.columnInt64(0);
        found.sequence = statement.columnInt64(1);
        found.deleted = statement.columnInt64(2) != 0;
        found.updatedAt = QString::fromUtf8(statement.columnText(3));
        found.updatedAtMs = statement.columnInt64(4);
        found.updatedBy = QString::fromUtf8(statement.columnText(5));
        found.data = statement.columnText(6);
        found.fieldRevisions = statement.columnText(7);
        found.patientId = QString::fromUtf8(statement.columnText(8));
        found.visitId = QString::fromUtf8(statement.columnText(9));
        found.refId = QString::fromUtf8(statement.columnText(10));
        found.status = QString::fromUtf8(statement.columnText(11));
        found.authorId = QString::fromUtf8(statement.columnText(12));
        *row = std::move(found);
    }
    const bool ok = !statement.failed();
    if (!ok)
        fail(statement, error);
    statement.reset();
    return ok;
}

bool SyncBatchStore::insert(const QString &clinicId, const SyncRow &row, QString *error)
{
    if (!m_native)
        return m_store.insert(clinicId, row, error);
    SqliteStatement &statement = *m_native->insert;
    statement.bindText(1, clinicId);
    statement.bindText(2, entityName(row.entity));
    statement.bindText(3, row.id);
    bindContent(statement, 4, row);
    return statement.run() || fail(statement, error);
}

bool SyncBatchStore::update(const QString &clinicId, const SyncRow &row, QString *error)
{
    if (!m_native)
        return m_store.update(clinicId, row, error);
    SqliteStatement &statement = *m_native->update;
    bindContent(statement, 1, row);
    statement.bindText(14, clinicId);
    statement.bindText(15, entityName(row.entity));
    statement.bindText(16, row.id);
    if (!statement.run())
        return fail(statement, error);
    if (statement.changes() != 1) {
        if (error)
            *error = QStringLiteral("the sync record to update is missing");
        return false;
    }
    return true;
}

bool SyncBatchStore::storeOpResult(const QString &clinicId, const QString &opId, EntityKind entity,
                                   const QString &entityId, const QString &userId, const QString &deviceId,
                                   const QByteArray &result, QString *error)
{
    if (!m_native)
        return m_store.storeOpResult(clinicId, opId, entity, entityId, userId, deviceId, result, error);
    SqliteStatement &statement = *m_native->storeOp;
    statement.bindText(1, clinicId);
    statement.bindText(2, opId);
    statement.bindText(3, entityName(entity));
    statement.bindText(4, entityId);
    statement.bindText(5, userId);
    statement.bindText(6, deviceId);
    statement.bindText(7, result);
    statement.bindInt64(8, QDateTime::currentMSecsSinceEpoch());
    return statement.run() || fail(statement, error);
}

} // namespace medora::server
