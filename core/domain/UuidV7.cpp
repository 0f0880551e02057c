#include "domain/UuidV7.h"

#include <QByteArray>
#include <QMutex>
#include <QMutexLocker>
#include <QRandomGenerator>

namespace medora {

namespace {

constexpr qint64 kMaxUnixMs = (qint64(1) << 48) - 1;
constexpr quint16 kRandAMask = 0x0FFF;
// A fresh millisecond seeds the counter in the lower half of its 12 bits so that at least
// 2048 more ids fit into that millisecond before the timestamp has to be borrowed from the
// next one.
constexpr quint16 kCounterSeedMask = 0x07FF;

QUuid compose(qint64 unixMs, quint16 randA)
{
    quint32 randB[2];
    QRandomGenerator::system()->fillRange(randB);

    unsigned char bytes[16];
    const quint64 ms = quint64(unixMs) & quint64(kMaxUnixMs);
    for (int i = 0; i < 6; ++i)
        bytes[i] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
    bytes[6] = static_cast<unsigned char>(0x70 | ((randA >> 8) & 0x0F));
    bytes[7] = static_cast<unsigned char>(randA & 0xFF);
    for (int i = 0; i < 8; ++i)
        bytes[8 + i] = static_cast<unsigned char>(randB[i / 4] >> (8 * (i % 4)));
    bytes[8] = static_cast<unsigned char>(0x80 | (bytes[8] & 0x3F));
    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(bytes), 16));
}

} // namespace

QUuid UuidV7::generate()
{
    // Ids born in the same millisecond (a bulk import) must still sort in creation order,
    // so rand_a is a counter; if the clock goes backwards the last timestamp is kept.
    static QMutex mutex;
    static qint64 lastMs = -1;
    static quint16 counter = 0;

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QMutexLocker locker(&mutex);
    if (now > lastMs) {
        lastMs = now;
        counter = quint16(QRandomGenerator::system()->generate() & kCounterSeedMask);
    } else if (counter < kRandAMask) {
        ++counter;
    } else {
        ++lastMs;
        counter = quint16(QRandomGenerator::system()->generate() & kCounterSeedMask);
    }
    return compose(lastMs, counter);
}

QUuid UuidV7::generateAt(qint64 unixMs)
{
    return compose(unixMs, quint16(QRandomGenerator::system()->generate() & kRandAMask));
}

QDateTime UuidV7::timestamp(const QUuid &uuid)
{
    if (!isV7(uuid))
        return {};
    const QByteArray bytes = uuid.toRfc4122();
    qint64 ms = 0;
    for (int i = 0; i < 6; ++i)
        ms = (ms << 8) | static_cast<unsigned char>(bytes[i]);
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

bool UuidV7::isV7(const QUuid &uuid)
{
    const QByteArray bytes = uuid.toRfc4122();
    return (static_cast<unsigned char>(bytes[6]) >> 4) == 7 &&
           (static_cast<unsigned char>(bytes[8]) >> 6) == 2;
}

} // namespace medora
