#include "http/HttpListener.h"

namespace medora::server {

HttpListener::HttpListener(std::function<void(qintptr)> onAccepted, QObject *parent)
    : QTcpServer(parent), m_onAccepted(std::move(onAccepted))
{}

void HttpListener::incomingConnection(qintptr socketDescriptor)
{
    m_onAccepted(socketDescriptor);
}

} // namespace medora::server
