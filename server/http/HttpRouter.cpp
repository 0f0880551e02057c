#include "http/HttpRouter.h"

namespace medora::server {

namespace {

bool isParameter(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
}

// Splits "/a/b/c" into views without allocating a list; an empty path or a trailing slash
// yields an empty last segment, so "/api/v1/staff/" never matches "/api/v1/staff".
bool matchSegments(const QStringList &patternSegments, QStringView path, QHash<QString, QString> *params)
{
    if (!path.startsWith(QLatin1Char('/')))
        return false;
    qsizetype position = 1;
    for (qsizetype i = 0; i < patternSegments.size(); ++i) {
        if (position > path.size())
            return false;
        qsizetype end = path.indexOf(QLatin1Char('/'), position);
        if (end < 0)
            end = path.size();
        const QStringView segment = path.mid(position, end - position);
        const QString &expected = patternSegments.at(i);
        if (isParameter(expected)) {
            if (segment.isEmpty())
                return false;
            if (params)
                params->insert(expected.mid(1, expected.size() - 2), segment.toString());
        } else if (segment != expected) {
            return false;
        }
        position = end + 1;
        const bool lastPattern = i == patternSegments.size() - 1;
        if (lastPattern && end != path.size())
            return false;
        if (!lastPattern && end == path.size())
            return false;
    }
    return true;
}

} // namespace

void HttpRouter::add(const QByteArray &method, const QString &pattern, HttpHandler handler)
{
    Entry entry;
    entry.method = method;
    entry.pattern = pattern;
    entry.segments = pattern.mid(1).split(QLatin1Char('/'));
    entry.handler = std::move(handler);
    m_entries.append(std::move(entry));
}

HttpRouter::MatchResult HttpRouter::match(HttpRequest &request, HttpHandler *handler, QString *pattern,
                                          QList<QByteArray> *allowedMethods) const
{
    QList<QByteArray> allowed;
    for (const Entry &entry : m_entries) {
        if (!matchSegments(entry.segments, request.path, nullptr))
            continue;
        if (entry.method == request.method) {
            request.pathParams.clear();
            matchSegments(entry.segments, request.path, &request.pathParams);
            if (handler)
                *handler = entry.handler;
            if (pattern)
                *pattern = entry.pattern;
            return MatchResult::Matched;
        }
        if (!allowed.contains(entry.method))
            allowed.append(entry.method);
    }
    if (allowed.isEmpty())
        return MatchResult::NotFound;
    if (allowedMethods)
        *allowedMethods = allowed;
    return MatchResult::MethodNotAllowed;
}

QList<HttpRouter::Route> HttpRouter::routes() const
{
    QList<Route> result;
    result.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        result.append({entry.method, entry.pattern});
    return result;
}

} // namespace medora::server
