#include "api/ApiNetworkThread.h"

#include "api/ReplyReader.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <map>

namespace medora {

class ApiNetworkThread::Worker : public QObject
{
public:
    Worker(QObject *receiver, Finished finished) : m_receiver(receiver), m_finished(std::move(finished)) {}

    void start(quint64 id, const ApiNetworkThread::Transfer &what)
    {
        if (!m_network) {
            // Created here, so that it and its replies belong to this thread.
            m_network = new QNetworkAccessManager(this);
            m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
            m_network->setStrictTransportSecurityEnabled(true);
        }
        const QByteArray payload = what.printBody ? what.printBody() : what.payload;
        QNetworkReply *reply = what.method.isEmpty()
                                   ? m_network->get(what.request)
                                   : m_network->sendCustomRequest(what.request, what.method, payload);
        Running &transfer = m_transfers[id];
        transfer.reply = reply;
        transfer.readBody = what.readBody;
        transfer.state.maxResponseBytes = what.maxResponseBytes;
        transfer.state.rawBody = what.rawBody;
        connect(reply, &QNetworkReply::metaDataChanged, this, [this, id] {
            const auto it = m_transfers.find(id);
            if (it != m_transfers.end())
                ReplyReader::checkDeclaredLength(it->second.reply, it->second.state);
        });
        connect(reply, &QNetworkReply::readyRead, this, [this, id] {
            const auto it = m_transfers.find(id);
            if (it != m_transfers.end())
                ReplyReader::readAvailable(it->second.reply, it->second.state);
        });
        connect(reply, &QNetworkReply::sslErrors, this, [this, id](const QList<QSslError> &errors) {
            const auto it = m_transfers.find(id);
            if (it != m_transfers.end())
                it->second.state.sslErrors += errors;
        });
        connect(reply, &QNetworkReply::finished, this, [this, id] { finish(id); });
    }

    void abort(quint64 id)
    {
        const auto it = m_transfers.find(id);
        if (it == m_transfers.end())
            return;
        it->second.state.cancelled = true;
        it->second.reply->abort();
    }

    void clearConnectionCache()
    {
        if (m_network)
            m_network->clearConnectionCache();
    }

    void abortSilently()
    {
        std::map<quint64, Running> transfers;
        transfers.swap(m_transfers);
        for (auto &entry : transfers) {
            entry.second.reply->disconnect(this);
            entry.second.reply->abort();
            entry.second.reply->deleteLater();
        }
    }

private:
    struct Running
    {
        QNetworkReply *reply = nullptr;
        ReplyTransfer state;
        std::function<void(const QByteArray &)> readBody;
    };

    void finish(quint64 id)
    {
        const auto it = m_transfers.find(id);
        if (it == m_transfers.end())
            return;
        ReplyReader::readAvailable(it->second.reply, it->second.state); // the last chunk
        const ApiClient::Response response = ReplyReader::response(it->second.reply, it->second.state);
        if (it->second.readBody && response.ok() && response.httpStatus >= 200 && response.httpStatus < 300)
            it->second.readBody(response.body);
        it->second.reply->deleteLater();
        m_transfers.erase(it);
        QMetaObject::invokeMethod(
            m_receiver, [finished = m_finished, id, response] { finished(id, response); },
            Qt::QueuedConnection);
    }

    QObject *m_receiver; // outlives this thread: its owner joins the thread first
    Finished m_finished;
    QNetworkAccessManager *m_network = nullptr;
    std::map<quint64, Running> m_transfers;
};

ApiNetworkThread::ApiNetworkThread(QObject *receiver, Finished finished)
    : m_worker(new Worker(receiver, std::move(finished)))
{
    m_thread.setObjectName(QStringLiteral("medora-api-network"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

ApiNetworkThread::~ApiNetworkThread()
{
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            worker->abortSilently();
            worker->deleteLater(); // when the thread finishes, with its network manager
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void ApiNetworkThread::start(quint64 id, const Transfer &transfer)
{
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, id, transfer] { worker->start(id, transfer); }, Qt::QueuedConnection);
}

void ApiNetworkThread::clearConnectionCache()
{
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->clearConnectionCache(); }, Qt::QueuedConnection);
}

void ApiNetworkThread::abort(quint64 id)
{
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, id] { worker->abort(id); }, Qt::QueuedConnection);
}

} // namespace medora
