#pragma once

#include <QTcpServer>

#include <functional>

namespace medora::server {

// The listening socket. It only accepts: each new descriptor goes straight to `onAccepted`,
// which hands it to a worker thread, so no QTcpSocket is ever created on the listener's thread.
class HttpListener : public QTcpServer
{
    Q_OBJECT
public:
    explicit HttpListener(std::function<void(qintptr)> onAccepted, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    std::function<void(qintptr)> m_onAccepted;
};

} // namespace medora::server
