#pragma once

#include "api/ApiError.h"
#include "domain/SyncProtocol.h"

#include <QObject>

#include <functional>

namespace medora {

// How the sync engine reaches the server: two calls, answered asynchronously on the event
// loop. The real one (ApiSyncTransport) goes through SessionManager, which adds the access
// token and refreshes it; tests may put a fault-injecting one in between.
class SyncTransport
{
public:
    virtual ~SyncTransport() = default;

    using PushDone = std::function<void(const ApiError &error, const PushResponse &response)>;
    using PullDone = std::function<void(const ApiError &error, const PullPage &page)>;

    // POST /api/v1/sync/push. A transport failure or a non-2xx answer comes back as `error`.
    virtual void push(const PushRequest &request, QObject *context, PushDone done) = 0;
    // GET /api/v1/sync/pull?after=&limit=&wait=. With waitSeconds > 0 the server holds the
    // request until the clinic's feed moves past `after` or the wait ends (long poll).
    virtual void pull(qint64 after, int limit, int waitSeconds, QObject *context, PullDone done) = 0;
    // The same, and `ahead` is called with the next page's cursor as soon as the answer says
    // there is more, before the page is decoded and `done` is called, so the next request can
    // overlap the decoding. Transports that cannot tell early simply never call it.
    using PullAhead = std::function<void(qint64 next)>;
    virtual void pull(qint64 after, int limit, int waitSeconds, QObject *context, PullDone done,
                      PullAhead ahead)
    {
        Q_UNUSED(ahead);
        pull(after, limit, waitSeconds, context, std::move(done));
    }
    // Drops every call in flight (their callbacks are not called).
    virtual void cancelAll() = 0;
    // True while the session can make authorized calls.
    virtual bool isAvailable() const = 0;
};

} // namespace medora
