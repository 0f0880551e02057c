#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QtGlobal>

namespace medora::server {

// Every resource a client can make the server hold is bounded here (docs/security.md).
struct HttpLimits
{
    int workerThreads = 2;          // threads that own connections and run handlers
    int maxConnections = 4096;      // beyond this, new connections get 503 and are closed
    int maxHeaderBytes = 16 * 1024; // request line + headers; more -> 431 and close
    // Larger Content-Length -> 413 and close, body unread. Bodies are buffered whole, so this
    // times maxConnections bounds their memory: 64 KiB x 4096 = 256 MiB at worst. Routes that
    // need bigger uploads will get their own limits.
    qint64 maxBodyBytes = 64 * 1024;
    // Exact request paths that take larger (or smaller) bodies than maxBodyBytes, e.g. a sync
    // push of up to 1 MiB. Checked like maxBodyBytes: as soon as the headers end.
    QList<QPair<QString, qint64>> pathBodyLimits;
    int headerTimeoutMs = 10000; // a started request's headers must be complete in this
    int bodyTimeoutMs = 30000;   // and its body within this (slow clients are cut off)
    int idleTimeoutMs = 30000;   // a keep-alive connection with no request is closed
    int maxRequestsPerConnection = 100000;
    int handshakeTimeoutMs = 10000; // TLS handshake must finish within this

    qint64 bodyLimitFor(const QString &path) const
    {
        for (const auto &limit : pathBodyLimits) {
            if (limit.first == path)
                return limit.second;
        }
        return maxBodyBytes;
    }
    qint64 largestBodyLimit() const
    {
        qint64 largest = maxBodyBytes;
        for (const auto &limit : pathBodyLimits)
            largest = qMax(largest, limit.second);
        return largest;
    }
};

} // namespace medora::server
