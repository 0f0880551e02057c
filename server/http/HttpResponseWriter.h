#pragma once

#include "http/HttpResponse.h"

#include <QByteArray>

namespace medora::server {

// Turns an HttpResponse into HTTP/1.1 wire bytes with the headers the engine owns
// (Content-Length, Date, Connection, security headers), and builds the engine's own
// JSON error answers.
class HttpResponseWriter
{
public:
    // `closing` adds "Connection: close"; `keepAliveHeader` adds "Connection: keep-alive"
    // (an HTTP/1.0 client that asked to keep the connection).
    static QByteArray serialize(const HttpResponse &response, bool closing, bool keepAliveHeader);

    // {"error":{"code":...,"message":...}} that closes the connection.
    static HttpResponse error(int status, const QByteArray &code, const QByteArray &message);

    static QByteArray reasonPhrase(int status);

    // RFC 9110 IMF-fixdate of the current second, formatted once per second per thread.
    static QByteArray currentDate();
};

} // namespace medora::server
