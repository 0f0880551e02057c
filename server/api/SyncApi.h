#pragma once

#include "auth/AccountTypes.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "sync/SyncService.h"

#include <QThreadPool>

#include <atomic>

namespace medora::server {

class ChangeNotifier;

// POST /api/v1/sync/push and GET /api/v1/sync/pull (docs/api.md, docs/sync.md). A pull with
// wait > 0 that finds nothing new is held without a request thread: the reply is a future
// the ChangeNotifier finishes when the clinic's feed moves or the wait is over, and the
// page is then read on a small pool of this API's own.
class SyncApi
{
public:
    SyncApi(SyncService &service, ChangeNotifier &notifier);
    ~SyncApi(); // ends every held pull and waits for the pool
    SyncApi(const SyncApi &) = delete;
    SyncApi &operator=(const SyncApi &) = delete;

    HttpReply push(const HttpRequest &request, const Actor &actor);
    HttpReply pull(const HttpRequest &request, const Actor &actor);

private:
    static HttpResponse pageResponse(const Outcome<FeedPage> &page);

    SyncService &m_service;
    ChangeNotifier &m_notifier;
    QThreadPool m_pool;
    std::atomic<bool> m_stopping{false};
};

} // namespace medora::server
