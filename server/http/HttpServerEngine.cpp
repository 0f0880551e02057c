#include "http/HttpServerEngine.h"

#include "http/HttpEngineState.h"
#include "http/HttpListener.h"
#include "http/HttpWorker.h"

#include <QMutex>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QThread>

#include <unistd.h>

#include <optional>
#include <vector>

namespace medora::server {

namespace {

// The kernel queue of connections not yet accepted; Qt's default of 50 drops SYNs when
// hundreds of clients connect at once.
constexpr int kListenBacklog = 1024;
// At most this many over-the-cap connections are being answered 503 at once; beyond it
// they are closed without an answer.
constexpr int kMaxRefusing = 64;

} // namespace

class HttpServerEngine::Private
{
public:
    std::shared_ptr<HttpEngineState> state = std::make_shared<HttpEngineState>();
    HttpListener *listener = nullptr;
    std::vector<QThread *> threads;
    std::vector<HttpWorker *> workers;
    std::size_t nextWorker = 0;
    QString errorString;

    mutable QMutex tlsMutex;
    std::optional<QSslConfiguration> tls;

    void startWorkers();
    void stopWorkers();
    void accept(qintptr descriptor);
};

void HttpServerEngine::Private::startWorkers()
{
    const int count = qMax(1, state->limits.workerThreads);
    for (int i = 0; i < count; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("http-worker-%1").arg(i));
        auto *worker = new HttpWorker(state);
        worker->moveToThread(thread);
        thread->start();
        QMetaObject::invokeMethod(
            worker, [worker] { worker->start(); }, Qt::QueuedConnection);
        threads.push_back(thread);
        workers.push_back(worker);
    }
}

void HttpServerEngine::Private::stopWorkers()
{
    QThread *owner = QThread::currentThread();
    for (std::size_t i = 0; i < workers.size(); ++i) {
        HttpWorker *worker = workers[i];
        QThread *thread = threads[i];
        // Queued after any descriptor still on its way to this worker, so those close too.
        QMetaObject::invokeMethod(
            worker, [worker, owner] { worker->shutdown(owner); }, Qt::BlockingQueuedConnection);
        thread->quit();
        thread->wait();
        delete worker;
        delete thread;
    }
    workers.clear();
    threads.clear();
}

void HttpServerEngine::Private::accept(qintptr descriptor)
{
    std::optional<QSslConfiguration> configuration;
    {
        QMutexLocker locker(&tlsMutex);
        configuration = tls;
    }
    HttpWorker *worker = workers[nextWorker++ % workers.size()];

    // Only this thread increments, so the check and the increment cannot race past the cap.
    if (state->openConnections.load(std::memory_order_acquire) >= state->limits.maxConnections) {
        // A 503 over TLS would need a full handshake first: those are simply closed.
        if (configuration || state->refusingConnections.load(std::memory_order_acquire) >= kMaxRefusing) {
            ::close(static_cast<int>(descriptor));
            return;
        }
        state->refusingConnections.fetch_add(1, std::memory_order_acq_rel);
        QMetaObject::invokeMethod(
            worker, [worker, descriptor] { worker->refuse(descriptor); }, Qt::QueuedConnection);
        return;
    }
    state->openConnections.fetch_add(1, std::memory_order_acq_rel);
    QMetaObject::invokeMethod(
        worker, [worker, descriptor, configuration] { worker->adopt(descriptor, configuration); },
        Qt::QueuedConnection);
}

HttpServerEngine::HttpServerEngine(const HttpLimits &limits, HttpHandler handler, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->state->limits = limits;
    d->state->handler = std::move(handler);
}

HttpServerEngine::~HttpServerEngine()
{
    close();
}

void HttpServerEngine::setTlsCredentials(const TlsCredentials &credentials)
{
    if (!credentials.isValid()) {
        // A failed reload must never turn a TLS port into a plain HTTP one.
        QMutexLocker locker(&d->tlsMutex);
        if (d->tls)
            qWarning("medora-server: invalid TLS credentials ignored; the previous ones stay in use");
        return;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(credentials.chain);
    configuration.setPrivateKey(credentials.key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    QMutexLocker locker(&d->tlsMutex);
    d->tls = configuration;
}

bool HttpServerEngine::isTlsEnabled() const
{
    QMutexLocker locker(&d->tlsMutex);
    return d->tls.has_value();
}

void HttpServerEngine::setResponseObserver(HttpResponseObserver observer)
{
    if (!d->workers.empty()) {
        qWarning("medora-server: HttpServerEngine::setResponseObserver must be called before listen()");
        return;
    }
    d->state->observer = std::move(observer);
}

bool HttpServerEngine::listen(const QHostAddress &address, quint16 port)
{
    if (d->listener) {
        d->errorString = QStringLiteral("the server is already listening");
        return false;
    }
    if (!d->state->handler) {
        d->errorString = QStringLiteral("no request handler");
        return false;
    }
    d->startWorkers();
    d->listener = new HttpListener([this](qintptr descriptor) { d->accept(descriptor); }, this);
    d->listener->setListenBacklogSize(kListenBacklog);
    if (!d->listener->listen(address, port)) {
        d->errorString = d->listener->errorString();
        delete d->listener;
        d->listener = nullptr;
        d->stopWorkers();
        return false;
    }
    d->errorString.clear();
    return true;
}

quint16 HttpServerEngine::serverPort() const
{
    return d->listener ? d->listener->serverPort() : 0;
}

QString HttpServerEngine::errorString() const
{
    return d->errorString;
}

void HttpServerEngine::close()
{
    if (d->listener) {
        d->listener->close();
        delete d->listener;
        d->listener = nullptr;
    }
    d->stopWorkers();
}

int HttpServerEngine::openConnections() const
{
    return d->state->openConnections.load(std::memory_order_acquire);
}

qint64 HttpServerEngine::connectionsReaped() const
{
    return d->state->connectionsReaped.load(std::memory_order_acquire);
}

} // namespace medora::server
