#include "FakeSyncTransport.h"

#include <QTimer>

#include <algorithm>

namespace medora {

FakeSyncTransport::FakeSyncTransport(QObject *parent) : QObject(parent)
{
    m_clock.start();
}

FakeSyncTransport::~FakeSyncTransport()
{
    for (auto &entry : m_pending)
        delete entry.second.timer;
}

ApiError FakeSyncTransport::offline()
{
    return ApiError::make(ApiError::Kind::Offline, ApiError::offlineCode(),
                          QStringLiteral("connection refused"));
}

ApiError FakeSyncTransport::serverError(int httpStatus, const QString &code)
{
    ApiError error = ApiError::make(ApiError::Kind::Server, code, code);
    error.httpStatus = httpStatus;
    return error;
}

int FakeSyncTransport::heldLongPolls() const
{
    return static_cast<int>(std::count_if(m_pending.begin(), m_pending.end(),
                                          [](const auto &entry) { return entry.second.longPoll; }));
}

qint64 FakeSyncTransport::putRecord(EntityKind entity, const QUuid &id, const QJsonObject &data, bool deleted)
{
    SyncRecord record;
    record.entity = entity;
    record.id = id;
    record.revision = records.value(id).revision + 1;
    record.sequence = ++lastSequence;
    record.deleted = deleted;
    record.updatedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    record.updatedBy = QStringLiteral("0190a1b2-0000-7000-8000-00000000abcd");
    record.data = deleted ? QJsonObject() : data;
    records.insert(id, record);
    timesApplied[id] += 1;
    wakeLongPolls();
    return record.sequence;
}

PushResult FakeSyncTransport::apply(const PushOperation &op)
{
    const auto answered = answeredOps.constFind(op.opId);
    if (answered != answeredOps.constEnd()) {
        PushResult duplicate = *answered;
        duplicate.firstStatus = answered->status;
        duplicate.status = PushStatus::Duplicate;
        return duplicate;
    }
    PushResult result;
    if (pushRule) {
        if (const std::optional<PushResult> ruled = pushRule(op)) {
            result = *ruled;
            result.opId = op.opId;
            answeredOps.insert(op.opId, result);
            return result;
        }
    }
    putRecord(op.entity, op.id, op.data, op.action == PushAction::Delete);
    result.opId = op.opId;
    result.status = PushStatus::Applied;
    result.hasRecord = true;
    result.record = records.value(op.id);
    result.revision = result.record.revision;
    result.sequence = result.record.sequence;
    answeredOps.insert(op.opId, result);
    return result;
}

PullPage FakeSyncTransport::pageAfter(qint64 after, int limit) const
{
    QList<SyncRecord> newer;
    for (const SyncRecord &record : records) {
        if (record.sequence > after)
            newer.append(record);
    }
    std::sort(newer.begin(), newer.end(),
              [](const SyncRecord &a, const SyncRecord &b) { return a.sequence < b.sequence; });
    PullPage page;
    page.changes = newer.mid(0, std::max(1, limit));
    page.hasMore = newer.size() > page.changes.size();
    page.next = page.changes.isEmpty() ? after : page.changes.back().sequence;
    page.serverSequence = lastSequence;
    page.horizon = horizon;
    page.databaseId = databaseId;
    return page;
}

quint64 FakeSyncTransport::schedule(int delayMs, std::function<void()> deliver)
{
    const quint64 id = m_nextId++;
    Pending &pending = m_pending[id];
    pending.deliver = std::move(deliver);
    pending.timer = new QTimer;
    pending.timer->setSingleShot(true);
    connect(pending.timer, &QTimer::timeout, this, [this, id] { finish(id); });
    pending.timer->start(std::max(0, delayMs));
    return id;
}

void FakeSyncTransport::finish(quint64 id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(it->second);
    m_pending.erase(it);
    pending.timer->deleteLater();
    if (pending.deliver)
        pending.deliver();
    emit answered();
}

void FakeSyncTransport::wakeLongPolls()
{
    for (auto &entry : m_pending) {
        Pending &pending = entry.second;
        if (!pending.longPoll || lastSequence <= pending.after)
            continue;
        pending.longPoll = false;
        const PullPage page = pageAfter(pending.after, pending.limit);
        const QPointer<QObject> context = pending.context;
        const bool hasContext = pending.hasContext;
        PullDone done = pending.pullDone;
        pending.deliver = [context, hasContext, done, page] {
            if (!hasContext || context)
                done(ApiError(), page);
        };
        pending.timer->start(responseDelayMs);
    }
}

void FakeSyncTransport::push(const PushRequest &request, QObject *context, PushDone done)
{
    pushes.append(PushCall{request.ops, m_clock.elapsed()});
    emit pushReceived(static_cast<int>(pushes.size()) - 1);
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    const auto answer = [guard, hasContext, done](const ApiError &error, const PushResponse &response) {
        return [guard, hasContext, done, error, response] {
            if (!hasContext || guard)
                done(error, response);
        };
    };
    if (holdPushes) {
        schedule(24 * 3600 * 1000, [] {});
        return;
    }
    if (!available) {
        schedule(responseDelayMs,
                 answer(ApiError::make(ApiError::Kind::NotSignedIn, ApiError::notSignedInCode(),
                                       QStringLiteral("no session")),
                        PushResponse()));
        return;
    }
    if (!pushFailures.isEmpty()) {
        schedule(responseDelayMs, answer(pushFailures.takeFirst(), PushResponse()));
        return;
    }
    PushResponse response;
    for (const PushOperation &op : request.ops)
        response.results.append(apply(op));
    response.serverSequence = lastSequence;
    if (losePushResponses > 0) {
        --losePushResponses;
        schedule(responseDelayMs, answer(offline(), PushResponse()));
        return;
    }
    schedule(responseDelayMs, answer(ApiError(), response));
}

void FakeSyncTransport::pull(qint64 after, int limit, int waitSeconds, QObject *context, PullDone done)
{
    pull(after, limit, waitSeconds, context, std::move(done), PullAhead());
}

void FakeSyncTransport::pull(qint64 after, int limit, int waitSeconds, QObject *context, PullDone done,
                             PullAhead ahead)
{
    pulls.append(PullCall{after, limit, waitSeconds, m_clock.elapsed()});
    emit pullReceived(static_cast<int>(pulls.size()) - 1);
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    const auto answer = [guard, hasContext, done](const ApiError &error, const PullPage &page) {
        return [guard, hasContext, done, error, page] {
            if (!hasContext || guard)
                done(error, page);
        };
    };
    if (!available) {
        schedule(responseDelayMs,
                 answer(ApiError::make(ApiError::Kind::NotSignedIn, ApiError::notSignedInCode(),
                                       QStringLiteral("no session")),
                        PullPage()));
        return;
    }
    if (pullFault) {
        if (const std::optional<ApiError> fault = pullFault(pulls.back())) {
            schedule(responseDelayMs, answer(*fault, PullPage()));
            return;
        }
    }
    if (!pullFailures.isEmpty()) {
        schedule(responseDelayMs, answer(pullFailures.takeFirst(), PullPage()));
        return;
    }
    if (after > 0 && after < horizon) {
        schedule(responseDelayMs, answer(serverError(410, QStringLiteral("resync_required")), PullPage()));
        return;
    }
    const PullPage page = pageAfter(after, limit);
    if (!page.changes.isEmpty() || waitSeconds <= 0) {
        const int delay = pullDelaysMs.isEmpty() ? responseDelayMs : pullDelaysMs.takeFirst();
        if (announceNext && ahead && page.hasMore) {
            const qint64 next = page.next;
            schedule(delay / 2, [guard, hasContext, ahead, next] {
                if (!hasContext || guard)
                    ahead(next);
            });
        }
        schedule(delay, answer(ApiError(), page));
        return;
    }
    // Held until the feed moves past `after` or the wait ends, then answered with what there is.
    const quint64 id = schedule(waitSeconds * msPerWaitSecond, [this, after, limit, answer] {
        answer(ApiError(), pageAfter(after, limit))();
    });
    Pending &pending = m_pending[id];
    pending.longPoll = true;
    pending.after = after;
    pending.limit = limit;
    pending.context = guard;
    pending.hasContext = hasContext;
    pending.pullDone = done;
}

void FakeSyncTransport::cancelAll()
{
    std::map<quint64, Pending> pending;
    pending.swap(m_pending);
    cancelled += static_cast<int>(pending.size());
    for (auto &entry : pending)
        delete entry.second.timer;
}

} // namespace medora
