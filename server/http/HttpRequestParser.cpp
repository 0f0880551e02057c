#include "http/HttpRequestParser.h"

#include <cstring>

namespace medora::server {

namespace {

// RFC 9110 tchar: the characters allowed in methods and header names.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t';
}

// Visible ASCII only: no spaces, controls or bytes >= 0x80 in a request-target.
bool isTargetChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f;
}

bool equalsIgnoringCase(const char *data, qsizetype length, const char *lowerCaseWord)
{
    const auto wordLength = static_cast<qsizetype>(std::strlen(lowerCaseWord));
    if (length != wordLength)
        return false;
    for (qsizetype i = 0; i < length; ++i) {
        char c = data[i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (c != lowerCaseWord[i])
            return false;
    }
    return true;
}

} // namespace

HttpRequestParser::HttpRequestParser(const HttpLimits &limits) : m_limits(limits) {}

char *HttpRequestParser::appendSpace(qsizetype bytes)
{
    m_appendBase = m_buffer.size();
    const qsizetype needed = m_appendBase + bytes;
    if (needed > m_buffer.capacity())
        m_buffer.reserve(qMax(needed, qMax<qsizetype>(m_buffer.capacity() * 2, 4096)));
    m_buffer.resize(needed);
    return m_buffer.data() + m_appendBase;
}

void HttpRequestParser::commitAppend(qsizetype bytes)
{
    m_buffer.resize(m_appendBase + qMax<qsizetype>(bytes, 0));
}

bool HttpRequestParser::takeContinueExpected()
{
    const bool expected = m_continuePending;
    m_continuePending = false;
    return expected;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    return request;
}

HttpRequestParser::Result HttpRequestParser::fail(int status, const char *code, const char *message)
{
    m_errorStatus = status;
    m_errorCode = code;
    m_errorMessage = message;
    return Result::Error;
}

void HttpRequestParser::beginRequest()
{
    // Drop finished requests from the front only when that is cheap in total: everything is
    // consumed, or the consumed part dominates (pipelined bursts stay linear, not quadratic).
    if (m_consumed == m_buffer.size()) {
        if (m_buffer.capacity() > 64 * 1024)
            m_buffer = QByteArray();
        else
            m_buffer.resize(0);
        m_consumed = 0;
    } else if (m_consumed >= 4096 && m_consumed * 2 >= m_buffer.size()) {
        m_buffer.remove(0, m_consumed);
        m_consumed = 0;
    }
    m_requestStart = m_lineStart = m_scanned = m_consumed;
    m_sawRequestLine = false;
    m_request = HttpRequest();
    m_http10 = false;
    m_keepAlive = true;
    m_connectionClose = m_connectionKeepAlive = false;
    m_hasContentLength = m_contentLengthTooLarge = m_hasTransferEncoding = m_hasHost = false;
    m_expectContinue = m_continuePending = false;
    m_bodyLength = 0;
}

HttpRequestParser::Result HttpRequestParser::parse()
{
    if (m_phase == Phase::Idle) {
        // RFC 9112 2.2: empty lines before a request-line are ignored.
        const char *data = m_buffer.constData();
        while (m_consumed < m_buffer.size() && (data[m_consumed] == '\r' || data[m_consumed] == '\n'))
            ++m_consumed;
        beginRequest();
        if (m_consumed == m_buffer.size())
            return Result::NeedMore;
        m_phase = Phase::Headers;
        // A TLS ClientHello or other binary on a plain port is refused at once, not after
        // the header deadline.
        if (!isTokenChar(m_buffer.at(m_requestStart)))
            return fail(400, "bad_request", "The request line is malformed.");
    }

    while (m_phase == Phase::Headers) {
        const char *data = m_buffer.constData();
        const qsizetype size = m_buffer.size();
        const auto *newline =
            static_cast<const char *>(std::memchr(data + m_scanned, '\n', size - m_scanned));
        if (!newline) {
            m_scanned = size;
            if (size - m_requestStart > m_limits.maxHeaderBytes)
                return fail(431, "headers_too_large", "The request line and headers are too large.");
            return Result::NeedMore;
        }
        const qsizetype lineEnd = newline - data;
        if (lineEnd + 1 - m_requestStart > m_limits.maxHeaderBytes)
            return fail(431, "headers_too_large", "The request line and headers are too large.");
        qsizetype length = lineEnd - m_lineStart;
        if (length > 0 && data[lineEnd - 1] == '\r')
            --length;
        const char *line = data + m_lineStart;
        m_lineStart = m_scanned = lineEnd + 1;
        if (std::memchr(line, '\r', length) || std::memchr(line, '\0', length))
            return fail(400, "bad_request", "The request contains a stray control character.");

        if (!m_sawRequestLine) {
            if (!parseRequestLine(line, length))
                return fail(400, "bad_request", "The request line is malformed.");
            m_sawRequestLine = true;
        } else if (length == 0) {
            const Result result = finishHeaders();
            if (result == Result::Error)
                return result;
        } else if (!parseHeaderLine(line, length)) {
            return fail(400, "bad_request", "A request header is malformed.");
        }
    }

    // Phase::Body
    if (m_buffer.size() - m_bodyStart < m_bodyLength)
        return Result::NeedMore;
    m_continuePending = false;
    if (m_bodyLength > 0)
        m_request.body = m_buffer.mid(m_bodyStart, m_bodyLength);
    m_consumed = m_bodyStart + m_bodyLength;
    m_phase = Phase::Idle;
    return Result::Complete;
}

bool HttpRequestParser::parseRequestLine(const char *line, qsizetype length)
{
    const auto *firstSpace = static_cast<const char *>(std::memchr(line, ' ', length));
    if (!firstSpace)
        return false;
    const qsizetype methodLength = firstSpace - line;
    if (methodLength < 1 || methodLength > 32)
        return false;
    for (qsizetype i = 0; i < methodLength; ++i) {
        if (!isTokenChar(line[i]))
            return false;
    }
    const char *targetBegin = firstSpace + 1;
    const qsizetype rest = length - (targetBegin - line);
    const auto *secondSpace = static_cast<const char *>(std::memchr(targetBegin, ' ', rest));
    if (!secondSpace)
        return false;
    const qsizetype targetLength = secondSpace - targetBegin;
    const char *version = secondSpace + 1;
    const qsizetype versionLength = length - (version - line);
    if (targetLength < 1)
        return false;
    for (qsizetype i = 0; i < targetLength; ++i) {
        if (!isTargetChar(targetBegin[i]) || targetBegin[i] == '#')
            return false;
    }
    if (versionLength != 8 || std::memcmp(version, "HTTP/1.", 7) != 0 ||
        (version[7] != '0' && version[7] != '1'))
        return false;
    m_http10 = version[7] == '0';

    m_request.method = QByteArray(line, methodLength);
    m_request.target = QByteArray(targetBegin, targetLength);

    // origin-form "/path?query"; absolute-form "http://host/path" (RFC 9112 3.2.2) is accepted
    // by taking its path; asterisk-form only for OPTIONS.
    QByteArrayView pathAndQuery(targetBegin, targetLength);
    if (pathAndQuery.front() != '/') {
        if (pathAndQuery == "*")
            return m_request.method == "OPTIONS";
        qsizetype schemeEnd = -1;
        if (pathAndQuery.startsWith("http://"))
            schemeEnd = 7;
        else if (pathAndQuery.startsWith("https://"))
            schemeEnd = 8;
        if (schemeEnd < 0)
            return false;
        const qsizetype pathStart = pathAndQuery.indexOf('/', schemeEnd);
        pathAndQuery = pathStart < 0 ? QByteArrayView("/") : pathAndQuery.sliced(pathStart);
    }
    const qsizetype question = pathAndQuery.indexOf('?');
    const QByteArrayView rawPath = question < 0 ? pathAndQuery : pathAndQuery.first(question);
    m_request.path = QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath.toByteArray()));
    if (question >= 0)
        m_request.query = QUrlQuery(QString::fromUtf8(pathAndQuery.sliced(question + 1)));
    return true;
}

bool HttpRequestParser::parseHeaderLine(const char *line, qsizetype length)
{
    // obs-fold (a continuation line) is refused, as RFC 9112 5.2 allows.
    if (isWhitespace(line[0]))
        return false;
    const auto *colon = static_cast<const char *>(std::memchr(line, ':', length));
    if (!colon || colon == line)
        return false;
    const qsizetype nameLength = colon - line;
    for (qsizetype i = 0; i < nameLength; ++i) {
        if (!isTokenChar(line[i]))
            return false;
    }
    const char *value = colon + 1;
    const char *end = line + length;
    while (value < end && isWhitespace(*value))
        ++value;
    while (end > value && isWhitespace(end[-1]))
        --end;
    const qsizetype valueLength = end - value;
    for (qsizetype i = 0; i < valueLength; ++i) {
        const auto u = static_cast<unsigned char>(value[i]);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }

    if (equalsIgnoringCase(line, nameLength, "content-length")) {
        // Digits only; a second, different Content-Length is a smuggling attempt.
        if (valueLength == 0)
            return false;
        qint64 parsed = 0;
        bool tooLarge = false;
        for (qsizetype i = 0; i < valueLength; ++i) {
            if (value[i] < '0' || value[i] > '9')
                return false;
            if (parsed > (qint64(1) << 50))
                tooLarge = true;
            else
                parsed = parsed * 10 + (value[i] - '0');
        }
        if (m_hasContentLength && (tooLarge != m_contentLengthTooLarge || parsed != m_bodyLength))
            return false;
        m_hasContentLength = true;
        m_contentLengthTooLarge = tooLarge;
        m_bodyLength = parsed;
    } else if (equalsIgnoringCase(line, nameLength, "transfer-encoding")) {
        m_hasTransferEncoding = true;
    } else if (equalsIgnoringCase(line, nameLength, "host")) {
        if (m_hasHost)
            return false;
        m_hasHost = true;
    } else if (equalsIgnoringCase(line, nameLength, "connection")) {
        const QList<QByteArray> tokens = QByteArray(value, valueLength).split(',');
        for (const QByteArray &token : tokens) {
            const QByteArray option = token.trimmed().toLower();
            if (option == "close")
                m_connectionClose = true;
            else if (option == "keep-alive")
                m_connectionKeepAlive = true;
        }
    } else if (equalsIgnoringCase(line, nameLength, "expect")) {
        m_expectContinue = equalsIgnoringCase(value, valueLength, "100-continue");
    }

    m_request.headers.append({QByteArray(line, nameLength).toLower(), QByteArray(value, valueLength)});
    return true;
}

HttpRequestParser::Result HttpRequestParser::finishHeaders()
{
    if (!m_http10 && !m_hasHost)
        return fail(400, "bad_request", "An HTTP/1.1 request needs a Host header.");
    // 411 rather than 501: chunked is understood but refused; the client can resend the
    // body with a Content-Length (RFC 9112 6.3 lets a server insist on one).
    if (m_hasTransferEncoding)
        return fail(411, "length_required",
                    "Chunked request bodies are not accepted; send a Content-Length.");
    if (m_contentLengthTooLarge || m_bodyLength > m_limits.bodyLimitFor(m_request.path))
        return fail(413, "body_too_large", "The request body is too large.");
    m_keepAlive = m_http10 ? (m_connectionKeepAlive && !m_connectionClose) : !m_connectionClose;
    m_bodyStart = m_lineStart;
    m_phase = Phase::Body;
    m_continuePending = m_expectContinue && !m_http10 && m_bodyLength > m_buffer.size() - m_bodyStart;
    return Result::NeedMore;
}

} // namespace medora::server
