#include "notify/MailMessage.h"

#include "domain/UuidV7.h"

#include <QLocale>

namespace medora::server {

namespace {

bool isPlainAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

QByteArray displayMailbox(const QString &mailbox)
{
    const qsizetype open = mailbox.indexOf(QLatin1Char('<'));
    if (open <= 0)
        return MailMessage::addressOf(mailbox).toUtf8();
    const QString name = mailbox.left(open).trimmed().remove(QLatin1Char('"'));
    const QByteArray address = MailMessage::addressOf(mailbox).toUtf8();
    if (name.isEmpty())
        return address;
    const QByteArray encodedName =
        isPlainAscii(name) ? '"' + name.toLatin1() + '"' : MailMessage::encodeHeaderWords(name);
    return encodedName + " <" + address + '>';
}

} // namespace

QString MailMessage::addressOf(const QString &mailbox)
{
    const qsizetype open = mailbox.indexOf(QLatin1Char('<'));
    const qsizetype close = mailbox.indexOf(QLatin1Char('>'), open + 1);
    const QString address = open >= 0 && close > open ? mailbox.mid(open + 1, close - open - 1) : mailbox;
    return address.trimmed();
}

QByteArray MailMessage::encodeHeaderWords(const QString &text)
{
    if (isPlainAscii(text))
        return text.toLatin1();
    // RFC 2047: each encoded-word at most 75 characters, never splitting a UTF-8 sequence;
    // words are separated by CRLF SP (folding) and decoders join them without the space.
    QByteArray out;
    QByteArray chunk;
    auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + chunk.toBase64() + "?=";
        chunk.clear();
    };
    const QList<uint> codePoints = text.toUcs4();
    for (const uint codePoint : codePoints) {
        const QByteArray bytes =
            QString::fromUcs4(reinterpret_cast<const char32_t *>(&codePoint), 1).toUtf8();
        if ((chunk.size() + bytes.size() + 2) / 3 * 4 > 60 - 12)
            flush();
        chunk += bytes;
    }
    flush();
    return out;
}

QByteArray MailMessage::build(const QString &from, const QString &to, const QString &subject,
                              const QString &body, const QDateTime &date)
{
    const QString domain = addressOf(from).section(QLatin1Char('@'), 1).trimmed();
    const QByteArray messageId = '<' + medora::UuidV7::generate().toString(QUuid::WithoutBraces).toLatin1() +
                                 '@' + (domain.isEmpty() ? QByteArray("medora.local") : domain.toLatin1()) +
                                 '>';
    QByteArray message;
    message += "From: " + displayMailbox(from) + "\r\n";
    message += "To: " + addressOf(to).toUtf8() + "\r\n";
    message += "Subject: " + encodeHeaderWords(subject) + "\r\n";
    message += "Date: " +
               QLocale::c().toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1() +
               " +0000\r\n";
    message += "Message-ID: " + messageId + "\r\n";
    message += "MIME-Version: 1.0\r\n";
    message += "Content-Type: text/plain; charset=UTF-8\r\n";
    message += "Content-Transfer-Encoding: base64\r\n";
    message += "Auto-Submitted: auto-generated\r\n";
    message += "\r\n";
    QString text = body;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"))
        .replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    const QByteArray encoded = text.toUtf8().toBase64();
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        message += encoded.mid(i, 76) + "\r\n";
    return message;
}

} // namespace medora::server
