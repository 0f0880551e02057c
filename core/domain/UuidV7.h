#pragma once

#include <QDateTime>
#include <QUuid>

namespace medora {

// RFC 9562 version 7 UUIDs: 48-bit Unix milliseconds, then randomness, so ids born on
// different PCs never collide and sort by creation time.
class UuidV7
{
public:
    static QUuid generate();
    static QUuid generateAt(qint64 unixMs);
    // The creation time encoded in a v7 UUID; invalid for other versions.
    static QDateTime timestamp(const QUuid &uuid);
    static bool isV7(const QUuid &uuid);
};

} // namespace medora
