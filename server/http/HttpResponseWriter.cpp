#include "http/HttpResponseWriter.h"

#include <QJsonObject>

#include <cstdio>
#include <ctime>

namespace medora::server {

namespace {

bool sameName(const QByteArray &name, const char *lowerCaseName)
{
    return name.compare(QByteArrayView(lowerCaseName), Qt::CaseInsensitive) == 0;
}

// The engine writes these itself; a handler's copy would duplicate or contradict them.
bool isEngineOwnedHeader(const QByteArray &name)
{
    return sameName(name, "content-length") || sameName(name, "transfer-encoding") ||
           sameName(name, "connection") || sameName(name, "date") ||
           sameName(name, "x-content-type-options") || sameName(name, "keep-alive");
}

// A CR or LF in a handler-supplied header would let it inject headers or a second response.
bool isUnsafeHeader(const QByteArray &name, const QByteArray &value)
{
    return name.isEmpty() || name.contains('\r') || name.contains('\n') || name.contains(':') ||
           value.contains('\r') || value.contains('\n') || value.contains('\0');
}

} // namespace

QByteArray HttpResponseWriter::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 301:
        return QByteArrayLiteral("Moved Permanently");
    case 302:
        return QByteArrayLiteral("Found");
    case 304:
        return QByteArrayLiteral("Not Modified");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 410:
        return QByteArrayLiteral("Gone");
    case 411:
        return QByteArrayLiteral("Length Required");
    case 412:
        return QByteArrayLiteral("Precondition Failed");
    case 413:
        return QByteArrayLiteral("Content Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 421:
        return QByteArrayLiteral("Misdirected Request");
    case 422:
        return QByteArrayLiteral("Unprocessable Content");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return QByteArrayLiteral("Status");
    }
}

QByteArray HttpResponseWriter::currentDate()
{
    thread_local std::time_t cachedSecond = 0;
    thread_local QByteArray cachedDate;
    const std::time_t now = std::time(nullptr);
    if (now != cachedSecond || cachedDate.isEmpty()) {
        static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
        static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        std::tm utc{};
        gmtime_r(&now, &utc);
        char text[40];
        const int length = std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT",
                                         days[utc.tm_wday], utc.tm_mday, months[utc.tm_mon],
                                         utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
        cachedDate = QByteArray(text, length);
        cachedSecond = now;
    }
    return cachedDate;
}

QByteArray HttpResponseWriter::serialize(const HttpResponse &response, bool closing, bool keepAliveHeader)
{
    const int status = (response.status >= 100 && response.status <= 599) ? response.status : 500;
    // 1xx, 204 and 304 never carry a body or a Content-Length (RFC 9110 8.6).
    const bool bodyAllowed = status >= 200 && status != 204 && status != 304;

    QByteArray out;
    out.reserve(256 + response.headers.size() * 48 + (bodyAllowed ? response.body.size() : 0));
    out += "HTTP/1.1 ";
    out += QByteArray::number(status);
    out += ' ';
    out += reasonPhrase(status);
    out += "\r\n";

    bool hasCacheControl = false;
    for (const auto &header : response.headers) {
        if (isEngineOwnedHeader(header.first) || isUnsafeHeader(header.first, header.second))
            continue;
        if (sameName(header.first, "cache-control"))
            hasCacheControl = true;
        out += header.first;
        out += ": ";
        out += header.second;
        out += "\r\n";
    }
    if (bodyAllowed) {
        out += "Content-Length: ";
        out += QByteArray::number(response.body.size());
        out += "\r\n";
    }
    out += "Date: ";
    out += currentDate();
    out += "\r\nX-Content-Type-Options: nosniff\r\n";
    if (!hasCacheControl)
        out += "Cache-Control: no-store\r\n";
    if (closing)
        out += "Connection: close\r\n";
    else if (keepAliveHeader)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (bodyAllowed)
        out += response.body;
    return out;
}

HttpResponse HttpResponseWriter::error(int status, const QByteArray &code, const QByteArray &message)
{
    QJsonObject error;
    error.insert(QStringLiteral("code"), QString::fromLatin1(code));
    error.insert(QStringLiteral("message"), QString::fromLatin1(message));
    HttpResponse response = HttpResponse::json(status, QJsonObject{{QStringLiteral("error"), error}});
    response.closeConnection = true;
    return response;
}

} // namespace medora::server
