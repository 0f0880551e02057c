#pragma once

#include "sync/SyncStore.h"

#include <QSqlDatabase>

#include <memory>

namespace medora::server {

class ServerDatabase;

// What one push batch runs for every op (look a record up, insert or update it, store the
// op's answer), prepared once per batch on the transaction's connection: through SQLite's C
// API where Qt's driver allows it (SqliteStatement), else through SyncStore's QSqlQuery
// statements. Lives inside one transaction on one thread; everything else goes to store().
class SyncBatchStore
{
public:
    // With `cache`, the statements are prepared once per connection and kept by it: a push
    // then spends nothing on preparing them again.
    SyncBatchStore(SyncStore &store, const QSqlDatabase &db, bool allowNative = true,
                   ServerDatabase *cache = nullptr);
    ~SyncBatchStore();
    SyncBatchStore(const SyncBatchStore &) = delete;
    SyncBatchStore &operator=(const SyncBatchStore &) = delete;

    SyncStore &store() { return m_store; }
    bool isNative() const { return m_native != nullptr; }

    bool find(const QString &clinicId, EntityKind entity, const QString &id, std::optional<SyncRow> *row,
              QString *error);
    bool insert(const QString &clinicId, const SyncRow &row, QString *error);
    bool update(const QString &clinicId, const SyncRow &row, QString *error);
    bool storeOpResult(const QString &clinicId, const QString &opId, EntityKind entity,
                       const QString &entityId, const QString &userId, const QString &deviceId,
                       const QByteArray &result, QString *error);

private:
    struct Native;
    SyncStore &m_store;
    std::unique_ptr<Native> m_native;
};

} // namespace medora::server
