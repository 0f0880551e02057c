#pragma once

#include <QByteArray>

namespace medora::server {

// What an uploaded payment receipt is, judged by its first bytes, never by its name.
class ReceiptFile
{
public:
    // "image/jpeg", "image/png" or "application/pdf"; empty for anything else.
    static QByteArray mimeType(const QByteArray &content);
    // Photos go to Telegram as sendPhoto, PDFs as sendDocument.
    static bool isPhoto(const QByteArray &mimeType) { return mimeType.startsWith("image/"); }
    static QByteArray suffix(const QByteArray &mimeType); // "jpg", "png", "pdf"
};

} // namespace medora::server
