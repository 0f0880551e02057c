// libFuzzer target over HttpRequestParser, the first code that sees a client's bytes. The
// input is fed in chunks of pseudo-random sizes (seeded from the input itself) and, again,
// in one piece: both must yield the same requests and the same error, every parsed request
// must respect the limits, and every error must be a 4xx/5xx with a code. Any crash,
// sanitizer report, leak or broken invariant (abort()) is a finding.
#include "http/HttpRequestParser.h"

#include <QList>

#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace medora::server;

namespace {

void require(bool condition)
{
    if (!condition)
        abort();
}

// Small limits so that inputs of fuzzer size reach the "too large" paths.
HttpLimits fuzzLimits()
{
    HttpLimits limits;
    limits.maxHeaderBytes = 512;
    limits.maxBodyBytes = 256;
    return limits;
}

struct Outcome
{
    QList<QByteArray> requests; // method, target, path, headers and body of each, flattened
    int errorStatus = 0;
    QByteArray errorCode;
    bool operator==(const Outcome &other) const
    {
        return requests == other.requests && errorStatus == other.errorStatus && errorCode == other.errorCode;
    }
};

QByteArray flatten(const HttpRequest &request)
{
    QByteArray text = request.method + ' ' + request.target + ' ' + request.path.toUtf8() + '\n';
    for (const auto &header : request.headers)
        text += header.first + ':' + header.second + '\n';
    return text + '\n' + request.body;
}

void checkRequest(const HttpRequest &request, const HttpLimits &limits)
{
    require(!request.method.isEmpty());
    require(!request.target.isEmpty());
    require(request.body.size() <= limits.maxBodyBytes);
    qsizetype headerBytes = request.method.size() + request.target.size();
    for (const auto &header : request.headers) {
        require(!header.first.isEmpty());
        require(header.first == header.first.toLower());
        require(!header.second.startsWith(' ') && !header.second.startsWith('\t'));
        require(!header.second.endsWith(' ') && !header.second.endsWith('\t'));
        headerBytes += header.first.size() + header.second.size();
    }
    require(headerBytes <= limits.maxHeaderBytes);
}

// Drains every request the parser can complete; false once it reported an error.
bool drain(HttpRequestParser &parser, const HttpLimits &limits, Outcome *outcome)
{
    while (true) {
        const HttpRequestParser::Result result = parser.parse();
        parser.takeContinueExpected();
        if (result == HttpRequestParser::Result::NeedMore)
            return true;
        if (result == HttpRequestParser::Result::Error) {
            require(parser.errorStatus() >= 400 && parser.errorStatus() <= 599);
            require(!parser.errorCode().isEmpty());
            require(!parser.errorMessage().isEmpty());
            outcome->errorStatus = parser.errorStatus();
            outcome->errorCode = parser.errorCode();
            parser.takeRequest();
            return false;
        }
        const HttpRequest request = parser.takeRequest();
        checkRequest(request, limits);
        outcome->requests.append(flatten(request));
    }
}

Outcome feed(const uint8_t *data, size_t size, uint32_t seed, bool chunked)
{
    const HttpLimits limits = fuzzLimits();
    HttpRequestParser parser(limits);
    Outcome outcome;
    size_t offset = 0;
    uint32_t state = seed | 1u;
    while (offset < size) {
        size_t chunk = size - offset;
        if (chunked) {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            chunk = std::min(chunk, size_t(1 + state % 64));
        }
        char *space = parser.appendSpace(qsizetype(chunk));
        std::memcpy(space, data + offset, chunk);
        parser.commitAppend(qsizetype(chunk));
        offset += chunk;
        if (!drain(parser, limits, &outcome))
            return outcome;
        require(parser.bufferedBytes() >= 0);
    }
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint32_t seed = uint32_t(data[0]) * 2654435761u;
    const Outcome whole = feed(data + 1, size - 1, seed, false);
    const Outcome pieces = feed(data + 1, size - 1, seed, true);
    require(whole == pieces);
    return 0;
}
