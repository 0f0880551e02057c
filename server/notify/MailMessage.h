#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace medora::server {

// A plain-text RFC 5322 message: From, To, Subject (RFC 2047 encoded-words in UTF-8 when not
// plain ASCII), Date, Message-ID, MIME 1.0, text/plain; charset=UTF-8 in base64 (so Cyrillic
// and the Uzbek ʻ survive every relay), CRLF line ends, lines within 78 characters.
class MailMessage
{
public:
    // "Name <a@b.c>" or "a@b.c" -> "a@b.c" (empty when there is no address).
    static QString addressOf(const QString &mailbox);
    static QByteArray encodeHeaderWords(const QString &text);
    static QByteArray build(const QString &from, const QString &to, const QString &subject,
                            const QString &body, const QDateTime &date = QDateTime::currentDateTimeUtc());
};

} // namespace medora::server
