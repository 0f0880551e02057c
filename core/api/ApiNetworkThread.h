#pragma once

#include "api/ApiClient.h"

#include <QByteArray>
#include <QNetworkRequest>
#include <QThread>

#include <functional>

namespace medora {

// A thread of the API client's own for transfers that must not wait for the window's thread.
// Qt feeds a request body to the socket in pieces of 16 KiB, each asked for through the thread
// that created the reply: a sync push sent from a thread busy applying the previous answer
// reached the server 10-20 ms late, and the server sat idle meanwhile. Replies created here
// are fed, read and judged by a thread that has nothing else to do.
class ApiNetworkThread
{
public:
    using Finished = std::function<void(quint64 id, const ApiClient::Response &response)>;

    // `finished` runs on `receiver`'s thread, once per started transfer, unless `receiver`
    // is gone by then.
    ApiNetworkThread(QObject *receiver, Finished finished);
    // Transfers still running are aborted without a word.
    ~ApiNetworkThread();

    ApiNetworkThread(const ApiNetworkThread &) = delete;
    ApiNetworkThread &operator=(const ApiNetworkThread &) = delete;

    struct Transfer
    {
        QNetworkRequest request;
        QByteArray method; // empty: a GET; anything else is sent with the payload
        QByteArray payload;
        std::function<QByteArray()> printBody;            // prints the payload here
        std::function<void(const QByteArray &)> readBody; // reads a 2xx raw body here
        qint64 maxResponseBytes = 0;
        bool rawBody = false;
    };

    void start(quint64 id, const Transfer &transfer);
    // The transfer finishes with a Cancelled error.
    void abort(quint64 id);
    // Connections opened under an older TLS configuration are not reused by later transfers.
    void clearConnectionCache();

private:
    class Worker;

    QThread m_thread;
    Worker *m_worker = nullptr;
};

} // namespace medora
