#pragma once

#include <QByteArray>
#include <QList>
#include <QSslError>

namespace medora {

// What one reply has delivered so far.
struct ReplyTransfer
{
    QByteArray body;
    qint64 maxResponseBytes = 0;
    bool rawBody = false;
    bool tooLarge = false;
    bool cancelled = false;
    QList<QSslError> sslErrors;
};

} // namespace medora
