#include "auth/SessionToken.h"

#include "auth/Sodium.h"

namespace medora::server {

QString SessionToken::generate()
{
    const QByteArray random = Sodium::randomBytes(randomBytes);
    return QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray SessionToken::hash(const QString &token)
{
    return Sodium::sha256Hex(token.toLatin1());
}

bool SessionToken::looksValid(const QString &token)
{
    if (token.size() != encodedLength)
        return false;
    for (const QChar c : token) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
                        u == '-' || u == '_';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace medora::server
