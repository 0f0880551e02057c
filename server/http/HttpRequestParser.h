#pragma once

#include "http/HttpLimits.h"
#include "http/HttpRequest.h"

#include <QByteArray>

namespace medora::server {

// Incremental HTTP/1.x request parser for one connection. Bytes are appended as they arrive;
// parse() completes at most one request at a time, so pipelined requests stay buffered
// until the connection is ready for them. Only Content-Length bodies are accepted, and a
// too-large Content-Length is refused as soon as the headers end, before any body is read.
class HttpRequestParser
{
public:
    enum class Phase
    {
        Idle,
        Headers,
        Body
    };
    enum class Result
    {
        NeedMore,
        Complete,
        Error
    };

    explicit HttpRequestParser(const HttpLimits &limits);

    // Room for `bytes` more input; commitAppend() says how many were actually written there.
    char *appendSpace(qsizetype bytes);
    void commitAppend(qsizetype bytes);

    Result parse();

    // Idle: nothing of the next request has arrived; Headers/Body: a request is under way.
    Phase phase() const { return m_phase; }
    qsizetype bufferedBytes() const { return m_buffer.size() - m_consumed; }

    // True once per request when the client sent "Expect: 100-continue" and waits for it.
    bool takeContinueExpected();

    // After Complete: the request (body included). After Error: what was parsed so far.
    HttpRequest takeRequest();
    bool keepAlive() const { return m_keepAlive; }
    bool isHttp10() const { return m_http10; }

    int errorStatus() const { return m_errorStatus; }
    QByteArray errorCode() const { return m_errorCode; }
    QByteArray errorMessage() const { return m_errorMessage; }

private:
    void beginRequest();
    bool parseRequestLine(const char *line, qsizetype length);
    bool parseHeaderLine(const char *line, qsizetype length);
    Result finishHeaders();
    Result fail(int status, const char *code, const char *message);

    HttpLimits m_limits;
    QByteArray m_buffer;
    qsizetype m_appendBase = 0;
    qsizetype m_consumed = 0;     // bytes of m_buffer that belong to finished requests
    qsizetype m_requestStart = 0; // first byte of the current request
    qsizetype m_lineStart = 0;    // first byte of the line being parsed
    qsizetype m_scanned = 0;      // where the search for the next line end resumes
    qsizetype m_bodyStart = 0;
    qint64 m_bodyLength = 0;
    Phase m_phase = Phase::Idle;
    bool m_sawRequestLine = false;

    HttpRequest m_request;
    bool m_http10 = false;
    bool m_keepAlive = true;
    bool m_connectionClose = false;
    bool m_connectionKeepAlive = false;
    bool m_hasContentLength = false;
    bool m_contentLengthTooLarge = false;
    bool m_hasTransferEncoding = false;
    bool m_hasHost = false;
    bool m_expectContinue = false;
    bool m_continuePending = false;

    int m_errorStatus = 0;
    QByteArray m_errorCode;
    QByteArray m_errorMessage;
};

} // namespace medora::server
