#include "subscription/ReceiptFile.h"

namespace medora::server {

QByteArray ReceiptFile::mimeType(const QByteArray &content)
{
    if (content.size() >= 4 && content.startsWith("\xFF\xD8\xFF"))
        return QByteArrayLiteral("image/jpeg");
    if (content.size() >= 16 && content.startsWith("\x89PNG\r\n\x1A\n") && content.mid(12, 4) == "IHDR")
        return QByteArrayLiteral("image/png");
    if (content.size() >= 8 && content.startsWith("%PDF-"))
        return QByteArrayLiteral("application/pdf");
    return {};
}

QByteArray ReceiptFile::suffix(const QByteArray &mimeType)
{
    if (mimeType == "image/jpeg")
        return QByteArrayLiteral("jpg");
    if (mimeType == "image/png")
        return QByteArrayLiteral("png");
    return QByteArrayLiteral("pdf");
}

} // namespace medora::server
