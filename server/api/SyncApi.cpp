#include "api/SyncApi.h"

#include "api/ApiError.h"
#include "api/QueryParameters.h"
#include "domain/SyncProtocol.h"
#include "sync/ChangeNotifier.h"

namespace medora::server {

namespace {

// Cursors and sequences stay exact in a JSON number up to 2^53 - 1.
constexpr qint64 kMaxCursor = (qint64(1) << 53) - 1;
constexpr int kPoolThreads = 2;

HttpResponse jsonText(const QByteArray &body)
{
    return HttpResponse::text(200, body, "application/json; charset=utf-8");
}

} // namespace

SyncApi::SyncApi(SyncService &service, ChangeNotifier &notifier) : m_service(service), m_notifier(notifier)
{
    m_pool.setMaxThreadCount(kPoolThreads);
}

SyncApi::~SyncApi()
{
    m_stopping = true;
    m_notifier.shutdown();
    m_pool.waitForDone();
}

HttpReply SyncApi::push(const HttpRequest &request, const Actor &actor)
{
    PushRequest decoded;
    FieldErrors errors;
    if (!SyncProtocol::decodePushRequest(request.body, &decoded, &errors)) {
        const FieldError first = errors.value(0);
        // Nothing of a malformed push is applied, also not its sound ops.
        if (first.field.isEmpty())
            return ApiError::response(400, QStringLiteral("invalid_json"), first.message);
        return ApiError::response(400, QStringLiteral("invalid_push"), first.message, first.field);
    }
    const Outcome<PushBatch> batch = m_service.push(actor, decoded);
    if (!batch.ok())
        return ApiError::response(batch.error());
    return jsonText(batch.value().toJson());
}

HttpReply SyncApi::pull(const HttpRequest &request, const Actor &actor)
{
    QueryParameters parameters(request.query,
                               {QStringLiteral("after"), QStringLiteral("limit"), QStringLiteral("wait")});
    const qint64 after = parameters.integer64(QStringLiteral("after"), 0, 0, kMaxCursor);
    const int limit = parameters.integer(QStringLiteral("limit"), SyncProtocol::kDefaultPullLimit, 1,
                                         SyncProtocol::kMaxPullLimit);
    const int wait = parameters.integer(QStringLiteral("wait"), 0, 0, SyncProtocol::kMaxWaitSeconds);
    if (!parameters.ok())
        return ApiError::response(parameters.error());

    const Outcome<FeedPage> page = m_service.pull(actor, after, limit);
    const bool nothingNew = page.ok() && !page.value().resyncRequired && page.value().rows.isEmpty() &&
                            page.value().next == after;
    if (wait > 0 && nothingNew && !m_stopping) {
        std::optional<QFuture<void>> woken =
            m_notifier.waitForChange(actor.clinicId, page.value().serverSequence, wait * 1000);
        // Past the waiter bound the empty page is the answer; the client asks again.
        if (woken) {
            return HttpReply::later(woken->then(&m_pool, [this, actor, after, limit]() -> HttpResponse {
                if (m_stopping)
                    return ApiError::busy(1);
                return pageResponse(m_service.pull(actor, after, limit));
            }));
        }
    }
    return pageResponse(page);
}

HttpResponse SyncApi::pageResponse(const Outcome<FeedPage> &page)
{
    if (!page.ok())
        return ApiError::response(page.error());
    if (page.value().resyncRequired)
        return ApiError::response(
            410, QStringLiteral("resync_required"),
            QStringLiteral("The cursor is older than the feed keeps, or unknown to this "
                           "database: pull again from 0."));
    HttpResponse response = jsonText(page.value().toJson());
    // The next page's cursor, readable before the body is parsed: a client asks for that page
    // while it still decodes this one (docs/sync.md, "Pull").
    response.setHeader("Medora-Feed-Next", QByteArray::number(page.value().next));
    response.setHeader("Medora-Feed-More", page.value().hasMore ? "1" : "0");
    return response;
}

} // namespace medora::server
