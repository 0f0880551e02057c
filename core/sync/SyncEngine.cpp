#include "sync/SyncEngine.h"

#include "store/SyncJournal.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace medora {

namespace {

// A long poll answered this fast with nothing new was not held by the server (it sheds
// waiters when it has too many): asking again at once would hammer it.
constexpr qint64 kQuickEmptyLongPollMs = 500;
constexpr int kLongPollPauseMs = 1000;
// A debounce restarted by every save still runs at most this many debounce periods after
// the first of them.
constexpr int kDebounceCapFactor = 3;
// Pull requests out at once: the page being decoded and the one after it (the server names
// its cursor in a header before the body is parsed).
constexpr int kMaxPullsInFlight = 3;

bool sameStatus(const SyncStatus &a, const SyncStatus &b)
{
    return a.activity == b.activity && a.pendingOps == b.pendingOps && a.pendingRows == b.pendingRows &&
           a.oldestPendingAt == b.oldestPendingAt && a.errors == b.errors && a.conflicts == b.conflicts &&
           a.lastPullSucceededAt == b.lastPullSucceededAt && a.nextAttemptAt == b.nextAttemptAt &&
           a.lastFailure == b.lastFailure;
}

// Whether a failed push may have been the batch's own fault, so that it counts as an attempt
// of its ops (after SyncJournal::kMaxTransportAttempts they go to the error list). Being
// offline, a refused session or a busy server says nothing about the ops: they wait as long
// as it takes.
bool countsAsAttempt(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::BadResponse:
    case ApiError::Kind::TooLarge:
        return true;
    case ApiError::Kind::Server:
        return error.httpStatus == 400 || error.httpStatus == 413 || error.httpStatus == 422 ||
               error.httpStatus == 500;
    default:
        return false;
    }
}

bool isResyncRequired(const ApiError &error)
{
    return error.kind == ApiError::Kind::Server && error.httpStatus == 410 &&
           error.code == QLatin1String("resync_required");
}

} // namespace

class SyncEngine::Private
{
public:
    enum class Phase
    {
        Stopped,
        Idle, // nothing in flight; timers may be armed
        Pushing,
        Pulling,     // catching up with the feed (a round's pull, or after a long poll)
        LongPolling, // waiting for the server to report a change
        WaitingToRetry,
        Paused, // the transport cannot make calls (signed out, locked)
    };

    Private(SyncEngine *engine, SyncJournal &journal, SyncTransport &transport)
        : q(engine), journal(journal), transport(transport)
    {}

    const Options &options() const { return q->m_options; }

    void start();
    void stop();
    void startRound();
    void pushNext();
    void onPushed(quint64 batchId, const ApiError &error, const PushResponse &response);
    bool dropInFlight();
    void beginPull(int waitSeconds);
    void requestPull(qint64 after, int waitSeconds);
    void requestAhead(qint64 next);
    void onPulled(qint64 after, int waitSeconds, qint64 elapsedMs, const ApiError &error,
                  const PullPage &page);
    void caughtUp(int waitSeconds, bool nothingNew, qint64 elapsedMs);
    void fail(const QString &reason, int retryAfterSeconds = -1);
    void failStore();
    void succeeded();
    void abandonCalls();
    void localChange();
    void periodic();

    void setPhase(Phase next) { phase = next; }
    // Emits statusChanged when something the user sees changed. Returns false when a slot
    // stopped or restarted the engine meanwhile (the caller must then not go on).
    bool publish();
    SyncStatus makeStatus() const;
    QString failureText(const ApiError &error) const;

    SyncEngine *const q;
    SyncJournal &journal;
    SyncTransport &transport;

    Phase phase = Phase::Stopped;
    QTimer debounceTimer;
    QTimer periodicTimer;
    QTimer retryTimer;
    QTimer longPollPauseTimer;
    QElapsedTimer debounceClock;

    // Bumped whenever what is in flight is abandoned or the engine is (re)started; answers and
    // code after a signal compare against it.
    quint64 generation = 0;
    bool inRound = false;        // a round from startRound() is running (roundFinished follows)
    bool roundRequested = false; // another round is due as soon as the current one ends
    bool needsRecovery = true;   // ops may be left "uploading" (start, stop, a store failure)
    int failures = 0;            // consecutive failed attempts
    int pullLimit = 0;           // halved when a page is too large for the response limit
    // Pages asked for ahead of the one being applied, by the cursor they start from, and
    // answers that came before their predecessor was applied (applied in order, never early).
    struct EarlyPage
    {
        int waitSeconds = 0;
        qint64 elapsedMs = 0;
        ApiError error;
        PullPage page;
    };
    QSet<qint64> pullsRequested;
    std::map<qint64, EarlyPage> earlyPages;
    int pullsInFlight = 0;
    std::map<quint64, QList<PushOperation>> inFlight; // pushes sent and not yet answered
    quint64 nextBatchId = 0;
    QSet<QUuid> sentThisRound;
    QString lastFailure;
    QDateTime nextAttemptAt;
    Totals totals;
    bool published = false;
    SyncStatus lastPublished;
};

SyncEngine::SyncEngine(SyncJournal &journal, SyncTransport &transport, QObject *parent)
    : SyncEngine(journal, transport, Options(), parent)
{}

SyncEngine::SyncEngine(SyncJournal &journal, SyncTransport &transport, Options options, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(this, journal, transport)), m_options(options)
{
    d->pullLimit = m_options.pullLimit;
    // The status promises when the next attempt comes; coarse timers could be 5% off.
    d->retryTimer.setTimerType(Qt::PreciseTimer);
    d->debounceTimer.setTimerType(Qt::PreciseTimer);
    d->debounceTimer.setSingleShot(true);
    connect(&d->debounceTimer, &QTimer::timeout, this, [this] { d->startRound(); });
    connect(&d->periodicTimer, &QTimer::timeout, this, [this] { d->periodic(); });
    d->retryTimer.setSingleShot(true);
    connect(&d->retryTimer, &QTimer::timeout, this, [this] { d->startRound(); });
    d->longPollPauseTimer.setSingleShot(true);
    connect(&d->longPollPauseTimer, &QTimer::timeout, this, [this] {
        if (d->phase == Private::Phase::Idle)
            d->beginPull(m_options.longPollSeconds);
    });
}

SyncEngine::~SyncEngine()
{
    // The transport may outlive the engine: nothing it still carries may call back here.
    d->abandonCalls();
}

void SyncEngine::start()
{
    d->start();
}

void SyncEngine::stop()
{
    d->stop();
}

bool SyncEngine::isRunning() const
{
    return d->phase != Private::Phase::Stopped;
}

void SyncEngine::notifyLocalChange()
{
    d->localChange();
}

void SyncEngine::notifyReconnected()
{
    // The backoff was waiting for the network; the network is back.
    d->startRound();
}

void SyncEngine::syncNow()
{
    d->startRound();
}

SyncStatus SyncEngine::status() const
{
    return d->makeStatus();
}

const SyncEngine::Totals &SyncEngine::totals() const
{
    return d->totals;
}

qint64 SyncEngine::backoffDelayMs(int failures, int initialMs, int maxMs, double unitRandom)
{
    const int exponent = std::clamp(failures - 1, 0, 40);
    const double ceiling = std::max(1, maxMs);
    const double base = std::min(ceiling, std::max(1, initialMs) * std::ldexp(1.0, exponent));
    const double scale = 0.5 + 0.5 * std::clamp(unitRandom, 0.0, 1.0);
    return std::max<qint64>(1, static_cast<qint64>(base * scale));
}

void SyncEngine::Private::start()
{
    if (phase != Phase::Stopped)
        return;
    ++generation;
    setPhase(Phase::Idle);
    needsRecovery = true;
    failures = 0;
    pullLimit = options().pullLimit;
    totals = Totals();
    if (options().periodicMs > 0)
        periodicTimer.start(options().periodicMs);
    startRound();
}

void SyncEngine::Private::stop()
{
    if (phase == Phase::Stopped)
        return;
    abandonCalls();
    debounceTimer.stop();
    periodicTimer.stop();
    retryTimer.stop();
    longPollPauseTimer.stop();
    dropInFlight();
    inRound = false;
    roundRequested = false;
    nextAttemptAt = QDateTime();
    setPhase(Phase::Stopped);
    publish();
}

void SyncEngine::Private::abandonCalls()
{
    ++generation;
    transport.cancelAll();
    pullsRequested.clear();
    earlyPages.clear();
    pullsInFlight = 0;
}

void SyncEngine::Private::startRound()
{
    if (phase == Phase::Stopped)
        return;
    if (phase == Phase::Pushing || phase == Phase::Pulling) {
        roundRequested = true;
        return;
    }
    if (phase == Phase::LongPolling)
        abandonCalls(); // the round's own pull replaces it
    ++generation;
    debounceTimer.stop();
    retryTimer.stop();
    longPollPauseTimer.stop();
    nextAttemptAt = QDateTime();
    roundRequested = false;

    if (needsRecovery) {
        if (!journal.recoverInterruptedUploads()) {
            failStore();
            return;
        }
        needsRecovery = false;
    }
    if (!transport.isAvailable()) {
        inRound = false;
        setPhase(Phase::Paused);
        publish();
        return;
    }
    inRound = true;
    sentThisRound.clear();
    pushNext();
}

void SyncEngine::Private::pushNext()
{
    const int depth = std::max(1, options().pushBatchesInFlight);
    while (int(inFlight.size()) < depth) {
        QList<PushOperation> ops;
        if (!journal.takeBatch(options().batchOps, options().batchBytes, &ops)) {
            abandonCalls();
            dropInFlight();
            needsRecovery = true;
            failStore();
            return;
        }
        if (ops.isEmpty())
            break;
        const bool anyFresh = std::any_of(ops.begin(), ops.end(), [this](const PushOperation &op) {
            return !sentThisRound.contains(op.opId);
        });
        if (!anyFresh) {
            // Everything ready was already answered in this round (rejected for now, to retry):
            // sending it again at once would only get the same answer.
            const bool released =
                inFlight.empty() ? journal.recoverInterruptedUploads() : journal.releaseBatch(ops);
            if (!released) {
                abandonCalls();
                dropInFlight();
                needsRecovery = true;
                failStore();
                return;
            }
            break;
        }
        for (const PushOperation &op : ops)
            sentThisRound.insert(op.opId);
        const quint64 batchId = nextBatchId++;
        inFlight.emplace(batchId, ops);
        setPhase(Phase::Pushing);
        const quint64 expected = generation;
        if (!publish() || expected != generation)
            return;

        PushRequest request;
        request.ops = ops;
        transport.push(request, q,
                       [this, expected, batchId](const ApiError &error, const PushResponse &response) {
                           if (expected == generation && phase == Phase::Pushing)
                               onPushed(batchId, error, response);
                       });
        if (expected != generation)
            return; // the transport answered at once and that ended the push
    }
    if (inFlight.empty())
        beginPull(0);
}

// Abandoned pushes: the server may have applied them, and the replay of the same opIds is
// then answered "duplicate". Returns false when the store could not take them back now (the
// next round's recovery does).
bool SyncEngine::Private::dropInFlight()
{
    if (inFlight.empty())
        return true;
    inFlight.clear();
    if (journal.recoverInterruptedUploads())
        return true;
    needsRecovery = true;
    return false;
}

void SyncEngine::Private::onPushed(quint64 batchId, const ApiError &error, const PushResponse &response)
{
    const auto it = inFlight.find(batchId);
    if (it == inFlight.end())
        return;
    QList<PushOperation> sent;
    sent.swap(it->second);
    inFlight.erase(it);
    if (!error.ok()) {
        // The other pushes in flight are abandoned with this one: the round ends here.
        abandonCalls();
        const bool stored =
            (!countsAsAttempt(error) || journal.returnBatch(sent, error.code, failureText(error))) &&
            journal.recoverInterruptedUploads();
        inFlight.clear();
        if (!stored) {
            needsRecovery = true;
            failStore();
            return;
        }
        fail(failureText(error), error.retryAfterSeconds);
        return;
    }
    if (!journal.applyPushResults(sent, response)) {
        abandonCalls();
        dropInFlight();
        needsRecovery = true;
        failStore();
        return;
    }
    for (const PushResult &result : response.results) {
        ++totals.pushedOps;
        const PushStatus status = result.status == PushStatus::Duplicate ? result.firstStatus : result.status;
        switch (status) {
        case PushStatus::Applied:
        case PushStatus::Duplicate:
            ++totals.appliedOps;
            break;
        case PushStatus::Conflict:
            ++totals.conflicts;
            break;
        case PushStatus::Rejected:
            ++totals.rejectedOps;
            break;
        }
    }
    succeeded();
    const quint64 expected = generation;
    if (!publish() || expected != generation)
        return;
    pushNext();
}

void SyncEngine::Private::beginPull(int waitSeconds)
{
    if (pullsInFlight > 0)
        abandonCalls(); // pages asked for ahead of a pull that now starts over
    pullsRequested.clear();
    earlyPages.clear();
    setPhase(waitSeconds > 0 ? Phase::LongPolling : Phase::Pulling);
    const quint64 expected = generation;
    if (!publish() || expected != generation)
        return;
    requestPull(journal.cursor(), waitSeconds);
}

void SyncEngine::Private::requestPull(qint64 after, int waitSeconds)
{
    const quint64 expected = generation;
    pullsRequested.insert(after);
    ++pullsInFlight;
    QElapsedTimer clock;
    clock.start();
    transport.pull(
        after, pullLimit, waitSeconds, q,
        [this, expected, after, waitSeconds, clock](const ApiError &error, const PullPage &page) {
            if (expected != generation || (phase != Phase::Pulling && phase != Phase::LongPolling))
                return;
            --pullsInFlight;
            onPulled(after, waitSeconds, clock.elapsed(), error, page);
        },
        [this, expected](qint64 next) {
            if (expected == generation && phase == Phase::Pulling)
                requestAhead(next);
        });
}

void SyncEngine::Private::requestAhead(qint64 next)
{
    if (!options().prefetchPages || pullsRequested.contains(next) || pullsInFlight >= kMaxPullsInFlight)
        return;
    requestPull(next, 0);
}

void SyncEngine::Private::onPulled(qint64 after, int waitSeconds, qint64 elapsedMs, const ApiError &error,
                                   const PullPage &page)
{
    if (!error.ok()) {
        if (isResyncRequired(error) && after > 0) {
            // The cursor is older than the server's tombstone horizon: deletions in between are
            // gone from the feed, so only a full pull can tell what still exists.
            abandonCalls();
            if (!journal.beginResync()) {
                failStore();
                return;
            }
            ++totals.resyncs;
            beginPull(0);
            return;
        }
        if (error.kind == ApiError::Kind::TooLarge && pullLimit > 1) {
            abandonCalls();
            pullLimit = std::max(1, pullLimit / 2);
            beginPull(waitSeconds);
            return;
        }
        fail(failureText(error), error.retryAfterSeconds);
        return;
    }
    if (after != journal.cursor()) {
        if (after > journal.cursor() && pullsRequested.contains(after) && !earlyPages.count(after)) {
            // A page asked for ahead came before the one it follows: it waits its turn.
            earlyPages.emplace(after, EarlyPage{waitSeconds, elapsedMs, error, page});
            return;
        }
        // Not the page that follows what is applied (the cursor moved under us): ask again.
        abandonCalls();
        beginPull(0);
        return;
    }
    if (page.next < after || (page.hasMore && page.next == after)) {
        // Backwards, or "more" without moving on: following it would loop or lose changes.
        fail(failureText(ApiError::make(ApiError::Kind::BadResponse, ApiError::badResponseCode(),
                                        QStringLiteral("the page does not move the cursor forward"))));
        return;
    }

    // Ask for the next page now (unless the answer's headers already did), so the server reads
    // it while this one is written here.
    if (page.hasMore)
        requestAhead(page.next);
    const bool prefetched = page.hasMore && pullsRequested.contains(page.next);

    if (!journal.applyPullPage(page) || !journal.setLastPullSucceededAt(QDateTime::currentDateTimeUtc())) {
        abandonCalls();
        failStore();
        return;
    }
    succeeded();
    ++totals.pulledPages;
    totals.pulledRecords += page.changes.size();

    const quint64 expected = generation;
    if (!page.changes.isEmpty()) {
        emit q->pageApplied(static_cast<int>(page.changes.size()));
        if (expected != generation || phase == Phase::Stopped)
            return;
    }
    if (journal.cursor() != page.next) {
        // The journal started the feed over (the server's database was replaced): everything
        // is pulled again from its cursor, and the page asked for ahead is not the next one.
        abandonCalls();
        ++totals.resyncs;
        beginPull(0);
        return;
    }
    if (page.hasMore) {
        if (!prefetched) {
            beginPull(0);
            return;
        }
        setPhase(Phase::Pulling);
        if (!publish() || expected != generation)
            return;
        const auto early = earlyPages.find(journal.cursor());
        if (early != earlyPages.end()) {
            const EarlyPage next = std::move(early->second);
            earlyPages.erase(early);
            onPulled(journal.cursor(), next.waitSeconds, next.elapsedMs, next.error, next.page);
        }
        return;
    }
    if (journal.isResyncing()) {
        if (!journal.finishResync()) {
            failStore();
            return;
        }
        // Rows the full pull did not bring back were removed (or queued again): the store
        // changed beyond the pages themselves.
        emit q->pageApplied(0);
        if (expected != generation || phase == Phase::Stopped)
            return;
    }
    pullLimit = options().pullLimit;
    caughtUp(waitSeconds, page.changes.isEmpty() && page.next == after, elapsedMs);
}

void SyncEngine::Private::caughtUp(int waitSeconds, bool nothingNew, qint64 elapsedMs)
{
    const bool wasRound = inRound;
    inRound = false;
    const bool longPoll = options().longPollSeconds > 0;
    setPhase(Phase::Idle);
    const quint64 expected = generation;
    if (!publish() || expected != generation)
        return;
    if (wasRound) {
        ++totals.rounds;
        emit q->roundFinished(true);
        if (expected != generation || phase != Phase::Idle)
            return;
    }
    if (roundRequested) {
        startRound();
        return;
    }
    if (!longPoll)
        return;
    if (waitSeconds > 0 && nothingNew && elapsedMs < kQuickEmptyLongPollMs) {
        const int pause = kLongPollPauseMs + QRandomGenerator::global()->bounded(kLongPollPauseMs);
        longPollPauseTimer.start(pause);
        return;
    }
    beginPull(options().longPollSeconds);
}

void SyncEngine::Private::succeeded()
{
    failures = 0;
    lastFailure.clear();
    nextAttemptAt = QDateTime();
}

void SyncEngine::Private::failStore()
{
    const StoreError error = journal.lastError();
    fail(error.message.isEmpty()
             ? SyncEngine::tr("The local database could not be read or written.")
             : SyncEngine::tr("The local database could not be read or written: %1").arg(error.message));
}

void SyncEngine::Private::fail(const QString &reason, int retryAfterSeconds)
{
    abandonCalls();
    ++failures;
    lastFailure = reason;
    inRound = false;
    roundRequested = false;
    if (!transport.isAvailable()) {
        // Signed out or locked: nothing to retry until the session is back (notifyReconnected).
        nextAttemptAt = QDateTime();
        setPhase(Phase::Paused);
    } else {
        qint64 delay = backoffDelayMs(failures, options().backoffInitialMs, options().backoffMaxMs,
                                      QRandomGenerator::global()->generateDouble());
        if (retryAfterSeconds > 0)
            delay =
                std::max(delay, std::min<qint64>(qint64(retryAfterSeconds) * 1000, options().backoffMaxMs));
        nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(delay);
        retryTimer.start(static_cast<int>(std::min<qint64>(delay, std::numeric_limits<int>::max())));
        setPhase(Phase::WaitingToRetry);
    }
    const quint64 expected = generation;
    if (!publish() || expected != generation)
        return;
    ++totals.rounds;
    ++totals.failedRounds;
    emit q->roundFinished(false);
}

void SyncEngine::Private::localChange()
{
    if (phase == Phase::Stopped)
        return;
    const quint64 expected = generation;
    if (!publish() || expected != generation)
        return;
    switch (phase) {
    case Phase::Stopped:
    case Phase::WaitingToRetry: // the retry takes it along
    case Phase::Paused:         // nothing can be sent until the session is back
        return;
    case Phase::Pushing:
    case Phase::Pulling:
        roundRequested = true;
        return;
    case Phase::Idle:
    case Phase::LongPolling:
        break;
    }
    const int debounce = std::max(0, options().debounceMs);
    if (!debounceTimer.isActive())
        debounceClock.start();
    const qint64 cap = qint64(debounce) * kDebounceCapFactor - debounceClock.elapsed();
    debounceTimer.start(static_cast<int>(std::clamp<qint64>(cap, 0, debounce)));
}

void SyncEngine::Private::periodic()
{
    // A backoff in progress decides when the next attempt is; anything else gets a full round
    // (ops whose retry time has come, a long poll that may be stuck on a dead connection).
    if (phase == Phase::WaitingToRetry)
        return;
    startRound();
}

bool SyncEngine::Private::publish()
{
    const SyncStatus status = makeStatus();
    if (published && sameStatus(status, lastPublished))
        return true;
    published = true;
    lastPublished = status;
    const quint64 expected = generation;
    emit q->statusChanged(status);
    return expected == generation;
}

SyncStatus SyncEngine::Private::makeStatus() const
{
    SyncStatus status;
    const SyncCounts counts = journal.counts();
    status.pendingOps = counts.pendingOps;
    status.pendingRows = counts.pendingRows;
    status.oldestPendingAt = counts.oldestPendingAt;
    status.errors = counts.errors;
    status.conflicts = counts.conflicts;
    status.lastPullSucceededAt = journal.lastPullSucceededAt();
    status.lastFailure = lastFailure;
    switch (phase) {
    case Phase::Stopped:
        status.activity = SyncStatus::Activity::Offline;
        break;
    case Phase::Idle:
    case Phase::LongPolling:
        status.activity = SyncStatus::Activity::Idle;
        break;
    case Phase::Pushing:
        status.activity = SyncStatus::Activity::Pushing;
        break;
    case Phase::Pulling:
        status.activity = SyncStatus::Activity::Pulling;
        break;
    case Phase::WaitingToRetry:
        status.activity = SyncStatus::Activity::WaitingToRetry;
        status.nextAttemptAt = nextAttemptAt;
        break;
    case Phase::Paused:
        status.activity = SyncStatus::Activity::Paused;
        break;
    }
    return status;
}

QString SyncEngine::Private::failureText(const ApiError &error) const
{
    switch (error.kind) {
    case ApiError::Kind::None:
        return QString();
    case ApiError::Kind::Offline:
        return SyncEngine::tr("The server cannot be reached. Changes are kept on this computer and sent "
                              "when the connection is back.");
    case ApiError::Kind::Timeout:
        return SyncEngine::tr("The server did not answer in time. Sync will try again.");
    case ApiError::Kind::Tls:
        return SyncEngine::tr("The server's certificate is not trusted, so nothing was sent.");
    case ApiError::Kind::InsecureUrl:
    case ApiError::Kind::InvalidUrl:
        return SyncEngine::tr("No usable server address is set.");
    case ApiError::Kind::TooLarge:
        return SyncEngine::tr("The server's answer was larger than Medora accepts.");
    case ApiError::Kind::BadResponse:
        return SyncEngine::tr("The server gave an answer Medora does not understand (%1).")
            .arg(error.message);
    case ApiError::Kind::Cancelled:
        return SyncEngine::tr("Sync was cancelled.");
    case ApiError::Kind::NotSignedIn:
        return SyncEngine::tr("Not signed in to the server: sync waits until someone signs in.");
    case ApiError::Kind::Server:
        break;
    }
    const QString &code = error.code;
    if (code == QLatin1String("invalid_token"))
        return SyncEngine::tr("The session has ended: sign in again to continue syncing.");
    if (code == QLatin1String("password_change_required"))
        return SyncEngine::tr("The password must be changed before this account can sync.");
    if (code == QLatin1String("forbidden"))
        return SyncEngine::tr("This account may not sync.");
    if (error.httpStatus == 429 || error.httpStatus == 503)
        return SyncEngine::tr("The server is busy. Sync will try again shortly.");
    return SyncEngine::tr("The server refused the sync request (%1, HTTP %2).")
        .arg(code)
        .arg(error.httpStatus);
}

} // namespace medora
