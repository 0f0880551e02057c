#pragma once

#include <QByteArray>
#include <QString>

namespace medora::server {

// Whether bytes are a well-formed PNG image, checked without decoding the pixels (the server
// has no image library): signature, chunk lengths and CRCs, IHDR first with sane
// dimensions, at least one IDAT, IEND last. Bounded dimensions keep a tiny file from
// expanding into gigabytes of pixels on every client that prints it.
class PngCheck
{
public:
    static constexpr quint32 kMaxDimension = 4096;

    // Empty when fine; else an English reason for the operator's log and the API message.
    static QString problem(const QByteArray &png);
    static quint32 crc32(const char *data, qsizetype size);
};

} // namespace medora::server
