#include "clinic/PngCheck.h"

#include <array>

namespace medora::server {

namespace {

quint32 readBigEndian(const char *data)
{
    const auto *bytes = reinterpret_cast<const uchar *>(data);
    return (quint32(bytes[0]) << 24) | (quint32(bytes[1]) << 16) | (quint32(bytes[2]) << 8) |
           quint32(bytes[3]);
}

std::array<quint32, 256> crcTable()
{
    std::array<quint32, 256> table{};
    for (quint32 n = 0; n < 256; ++n) {
        quint32 c = n;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}

bool isChunkType(const char *type)
{
    for (int i = 0; i < 4; ++i) {
        const char c = type[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return false;
    }
    return true;
}

} // namespace

quint32 PngCheck::crc32(const char *data, qsizetype size)
{
    static const std::array<quint32, 256> table = crcTable();
    quint32 c = 0xFFFFFFFFu;
    for (qsizetype i = 0; i < size; ++i)
        c = table[(c ^ uchar(data[i])) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

QString PngCheck::problem(const QByteArray &png)
{
    static const QByteArray signature("\x89PNG\r\n\x1a\n", 8);
    if (!png.startsWith(signature))
        return QStringLiteral("The logo is not a PNG image.");
    const char *data = png.constData();
    const qsizetype size = png.size();
    qsizetype at = signature.size();
    bool first = true;
    bool sawData = false;
    while (at < size) {
        if (size - at < 12)
            return QStringLiteral("The PNG image is cut short.");
        const quint32 length = readBigEndian(data + at);
        const char *type = data + at + 4;
        if (length > quint32(size - at - 12))
            return QStringLiteral("The PNG image is cut short.");
        if (!isChunkType(type))
            return QStringLiteral("The PNG image is damaged.");
        if (crc32(type, 4 + qsizetype(length)) != readBigEndian(type + 4 + length))
            return QStringLiteral("The PNG image is damaged (checksum).");
        const QByteArray name(type, 4);
        if (first) {
            if (name != "IHDR" || length != 13)
                return QStringLiteral("The PNG image has no header.");
            const quint32 width = readBigEndian(type + 4);
            const quint32 height = readBigEndian(type + 8);
            if (width == 0 || height == 0)
                return QStringLiteral("The PNG image is empty.");
            if (width > kMaxDimension || height > kMaxDimension)
                return QStringLiteral("The logo may be at most %1 x %1 pixels.").arg(kMaxDimension);
            first = false;
        } else if (name == "IHDR") {
            return QStringLiteral("The PNG image is damaged.");
        }
        if (name == "IDAT")
            sawData = true;
        at += 12 + qsizetype(length);
        if (name == "IEND") {
            if (at != size)
                return QStringLiteral("The PNG image has data after its end.");
            if (!sawData)
                return QStringLiteral("The PNG image has no pixels.");
            return {};
        }
    }
    return QStringLiteral("The PNG image is cut short.");
}

} // namespace medora::server
