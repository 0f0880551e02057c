#pragma once

#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace medora::server {

// Method + path pattern dispatch. Patterns are literal segments and "{name}" parameters:
// "/api/v1/staff/{id}/reset-password". Matching never allocates a regex.
class HttpRouter
{
public:
    struct Route
    {
        QByteArray method;
        QString pattern;
    };

    enum class MatchResult
    {
        Matched,
        NotFound,
        MethodNotAllowed
    };

    void add(const QByteArray &method, const QString &pattern, HttpHandler handler);

    // On Matched, fills request.pathParams and `handler`/`pattern`; on MethodNotAllowed,
    // `allowedMethods` lists the methods the path accepts.
    MatchResult match(HttpRequest &request, HttpHandler *handler, QString *pattern,
                      QList<QByteArray> *allowedMethods = nullptr) const;

    QList<Route> routes() const; // everything served, for the docs/api.md completeness test

private:
    struct Entry
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        HttpHandler handler;
    };
    QList<Entry> m_entries;
};

} // namespace medora::server
