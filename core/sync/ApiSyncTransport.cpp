#include "sync/ApiSyncTransport.h"

#include "domain/JsonText.h"
#include "session/SessionManager.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QMutex>
#include <QMutexLocker>
#include <QThreadPool>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <optional>

namespace medora {

namespace {

QString describeFieldErrors(const FieldErrors &errors)
{
    if (errors.isEmpty())
        return QStringLiteral("malformed answer");
    const FieldError &first = errors.front();
    return first.field.isEmpty() ? first.message : first.field + QStringLiteral(": ") + first.message;
}

// The server answers one result per op, in request order; anything else cannot be matched
// to the outbox safely.
QString resultsMismatch(const PushRequest &request, const PushResponse &response)
{
    if (response.results.size() != request.ops.size())
        return QStringLiteral("%1 results for %2 ops").arg(response.results.size()).arg(request.ops.size());
    for (qsizetype i = 0; i < request.ops.size(); ++i) {
        if (response.results[i].opId != request.ops[i].opId)
            return QStringLiteral("results[%1].opId does not match the op sent").arg(i);
    }
    return QString();
}

// The next page's cursor from the answer's headers, when the server says there is more.
std::optional<qint64> announcedNext(const ApiClient::Response &response)
{
    QByteArray next;
    bool more = false;
    for (const auto &[name, value] : response.headers) {
        if (name.compare("Medora-Feed-Next", Qt::CaseInsensitive) == 0)
            next = value;
        else if (name.compare("Medora-Feed-More", Qt::CaseInsensitive) == 0)
            more = value.trimmed() == "1";
    }
    bool ok = false;
    const qint64 cursor = next.trimmed().toLongLong(&ok);
    if (!more || !ok || cursor < 0)
        return std::nullopt;
    return cursor;
}

// A push answer as read on the network thread.
struct PushAnswer
{
    bool read = false;
    ApiError error;
    PushResponse response;
};

PushAnswer readPushAnswer(const PushRequest &sent, const QByteArray &body)
{
    PushAnswer answer;
    answer.read = true;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    FieldErrors errors;
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        answer.error = ApiSyncTransport::badResponse(QStringLiteral("push answer: not a JSON object"));
    } else if (!SyncProtocol::decodePushResponse(document.object(), &answer.response, &errors)) {
        answer.error =
            ApiSyncTransport::badResponse(QStringLiteral("push answer: ") + describeFieldErrors(errors));
    } else {
        const QString mismatch = resultsMismatch(sent, answer.response);
        if (!mismatch.isEmpty())
            answer.error = ApiSyncTransport::badResponse(QStringLiteral("push answer: ") + mismatch);
    }
    if (!answer.error.ok())
        answer.response = PushResponse();
    return answer;
}

} // namespace

struct ApiSyncTransport::Mailbox
{
    QMutex mutex;
    ApiSyncTransport *owner = nullptr; // null once the transport is gone

    // From a pool thread: runs `work(transport)` on the transport's thread, unless the
    // transport is gone by then (Qt drops queued calls to a deleted object).
    template <typename Work> void post(Work work)
    {
        QMutexLocker lock(&mutex);
        if (!owner)
            return;
        ApiSyncTransport *target = owner;
        QMetaObject::invokeMethod(
            target, [target, work = std::move(work)] { work(target); }, Qt::QueuedConnection);
    }
};

ApiSyncTransport::ApiSyncTransport(SessionManager &session, QObject *parent)
    : QObject(parent), m_session(session), m_deviceId(SessionManager::deviceId()),
      m_wasAvailable(session.isSignedIn()), m_mailbox(std::make_shared<Mailbox>())
{
    m_mailbox->owner = this;
    connect(&m_session, &SessionManager::stateChanged, this, [this] {
        const bool available = isAvailable();
        if (available == m_wasAvailable)
            return;
        m_wasAvailable = available;
        emit availabilityChanged(available);
    });
}

ApiSyncTransport::~ApiSyncTransport()
{
    {
        // A decoding task that finishes from now on has nowhere to post its page.
        QMutexLocker lock(&m_mailbox->mutex);
        m_mailbox->owner = nullptr;
    }
    cancelAll();
}

ApiError ApiSyncTransport::badResponse(const QString &message)
{
    return ApiError::make(ApiError::Kind::BadResponse, ApiError::badResponseCode(), message);
}

bool ApiSyncTransport::isAvailable() const
{
    return m_session.isSignedIn();
}

quint64 ApiSyncTransport::beginCall(QObject *context)
{
    const quint64 call = m_nextCall++;
    Call &entry = m_calls[call];
    entry.context = context;
    entry.hasContext = context != nullptr;
    return call;
}

bool ApiSyncTransport::endCall(quint64 call)
{
    const auto it = m_calls.find(call);
    if (it == m_calls.end())
        return false;
    const bool contextAlive = !it->second.hasContext || it->second.context;
    m_calls.erase(it);
    return contextAlive;
}

void ApiSyncTransport::cancelAll()
{
    std::map<quint64, Call> calls;
    calls.swap(m_calls);
    for (const auto &entry : calls) {
        if (entry.second.sessionCall != 0)
            m_session.abortAuthorized(entry.second.sessionCall);
    }
}

void ApiSyncTransport::push(const PushRequest &request, QObject *context, PushDone done)
{
    if (!isAvailable()) {
        const QPointer<QObject> guard(context);
        const bool hasContext = context != nullptr;
        QTimer::singleShot(0, this, [guard, hasContext, done = std::move(done)] {
            if (hasContext && !guard)
                return;
            done(ApiError::make(ApiError::Kind::NotSignedIn, ApiError::notSignedInCode(),
                                QStringLiteral("no session")),
                 PushResponse());
        });
        return;
    }

    PushRequest sent = request;
    if (sent.deviceId.isEmpty())
        sent.deviceId = m_deviceId;
    const quint64 call = beginCall(context);
    // Printing a batch as JSON and reading the records in its answer cost more than anything
    // else a push does on this side: both run on the API client's network thread, so the
    // window's thread (and the engine preparing the next batch) only hands the batch over.
    const auto answer = std::make_shared<PushAnswer>();
    ApiClient::RequestOptions options;
    options.maxResponseBytes = kMaxPushResponseBytes;
    options.rawBody = true;
    options.networkThread = true;
    options.printBody = [sent] { return JsonText::compact(SyncProtocol::pushRequestObject(sent)); };
    options.readBody = [sent, answer](const QByteArray &body) { *answer = readPushAnswer(sent, body); };
    const quint64 sessionCall = m_session.authorizedSend(
        "POST", QStringLiteral("sync/push"), nullptr, options, this,
        [this, call, answer, done](const ApiClient::Response &response) {
            const auto it = m_calls.find(call);
            if (it == m_calls.end())
                return;
            it->second.sessionCall = 0; // answered: nothing left to abort
            if (!response.ok())
                pushDecoded(call, response.error, PushResponse(), done);
            else if (!answer->read)
                pushDecoded(call, badResponse(QStringLiteral("push answer: not read")), PushResponse(), done);
            else
                pushDecoded(call, answer->error, answer->response, done);
        });
    const auto it = m_calls.find(call);
    if (it != m_calls.end())
        it->second.sessionCall = sessionCall;
}

void ApiSyncTransport::pushDecoded(quint64 call, const ApiError &error, const PushResponse &response,
                                   const PushDone &done)
{
    if (!endCall(call))
        return;
    done(error, response);
}

void ApiSyncTransport::pull(qint64 after, int limit, int waitSeconds, QObject *context, PullDone done)
{
    pull(after, limit, waitSeconds, context, std::move(done), PullAhead());
}

void ApiSyncTransport::pull(qint64 after, int limit, int waitSeconds, QObject *context, PullDone done,
                            PullAhead ahead)
{
    if (!isAvailable()) {
        const QPointer<QObject> guard(context);
        const bool hasContext = context != nullptr;
        QTimer::singleShot(0, this, [guard, hasContext, done = std::move(done)] {
            if (hasContext && !guard)
                return;
            done(ApiError::make(ApiError::Kind::NotSignedIn, ApiError::notSignedInCode(),
                                QStringLiteral("no session")),
                 PullPage());
        });
        return;
    }

    ApiClient::RequestOptions options;
    options.query.addQueryItem(QStringLiteral("after"), QString::number(std::max<qint64>(after, 0)));
    options.query.addQueryItem(QStringLiteral("limit"),
                               QString::number(std::clamp(limit, 1, SyncProtocol::kMaxPullLimit)));
    const int wait = std::clamp(waitSeconds, 0, SyncProtocol::kMaxWaitSeconds);
    if (wait > 0) {
        options.query.addQueryItem(QStringLiteral("wait"), QString::number(wait));
        options.transferTimeoutMs = wait * 1000 + kLongPollMarginMs;
    }
    options.maxResponseBytes = kMaxPullResponseBytes;
    options.rawBody = true;
    options.networkThread = true;

    const quint64 call = beginCall(context);
    m_calls[call].pullDone = std::move(done);
    const quint64 sessionCall = m_session.authorizedSend(
        "GET", QStringLiteral("sync/pull"), nullptr, options, this,
        [this, call, after, ahead = std::move(ahead)](const ApiClient::Response &response) {
            const auto it = m_calls.find(call);
            if (it == m_calls.end())
                return;
            it->second.sessionCall = 0; // answered: nothing left to abort
            if (!response.ok()) {
                pageDecoded(call, response.error, PullPage());
                return;
            }
            decodePage(call, response.body);
            if (ahead) {
                // Only a hint: the decoded page decides. A cursor that
                // does not move forward is not worth asking for.
                const std::optional<qint64> next = announcedNext(response);
                if (next && *next > after)
                    ahead(*next);
            }
        });
    const auto it = m_calls.find(call);
    if (it != m_calls.end() && it->second.pullDone)
        it->second.sessionCall = sessionCall;
}

void ApiSyncTransport::decodePage(quint64 call, const QByteArray &body)
{
    const std::shared_ptr<Mailbox> mailbox = m_mailbox;
    QThreadPool::globalInstance()->start([mailbox, call, body] {
        ApiError error;
        PullPage page;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        FieldErrors errors;
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            error = badResponse(QStringLiteral("pull answer: not a JSON object"));
        else if (!SyncProtocol::decodePullPage(document.object(), &page, &errors))
            error = badResponse(QStringLiteral("pull answer: ") + describeFieldErrors(errors));

        mailbox->post(
            [call, error, page](ApiSyncTransport *owner) { owner->pageDecoded(call, error, page); });
    });
}

void ApiSyncTransport::pageDecoded(quint64 call, const ApiError &error, const PullPage &page)
{
    const auto it = m_calls.find(call);
    if (it == m_calls.end())
        return;
    const PullDone done = std::move(it->second.pullDone);
    if (!endCall(call) || !done)
        return;
    done(error, error.ok() ? page : PullPage());
}

} // namespace medora
