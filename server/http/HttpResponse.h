#pragma once

#include <QByteArray>
#include <QFuture>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <functional>
#include <optional>

namespace medora::server {

struct HttpRequest;

struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // Content-Length/Connection/Date added by the engine
    QByteArray body;
    bool closeConnection = false; // engine closes the connection after writing this response

    void setHeader(const QByteArray &name, const QByteArray &value)
    {
        for (auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
                h.second = value;
                return;
            }
        }
        headers.append({name, value});
    }

    static HttpResponse json(int status, const QJsonObject &object)
    {
        HttpResponse r;
        r.status = status;
        r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
        r.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
        return r;
    }
    static HttpResponse text(int status, const QByteArray &body,
                             const QByteArray &contentType = "text/plain; charset=utf-8")
    {
        HttpResponse r;
        r.status = status;
        r.body = body;
        r.headers.append(qMakePair(QByteArray("Content-Type"), contentType));
        return r;
    }
    static HttpResponse noContent()
    {
        HttpResponse r;
        r.status = 204;
        return r;
    }
};

// What a handler returns: a response now, or one computed later on another thread (password
// hashing runs in a bounded pool so a login flood cannot starve the request threads). While a
// reply is pending, the connection reads no further pipelined requests.
class HttpReply
{
public:
    HttpReply(HttpResponse response) : m_now(std::move(response)) {} // NOLINT: implicit on purpose
    static HttpReply later(QFuture<HttpResponse> future)
    {
        HttpReply reply;
        reply.m_later = std::move(future);
        return reply;
    }
    bool isDeferred() const { return !m_now.has_value(); }
    const HttpResponse &response() const { return *m_now; }
    QFuture<HttpResponse> future() const { return m_later; }

private:
    HttpReply() = default;
    std::optional<HttpResponse> m_now;
    QFuture<HttpResponse> m_later;
};

// The application: called on one of the engine's worker threads, possibly on several
// threads at once, so it must be thread-safe.
using HttpHandler = std::function<HttpReply(HttpRequest &request)>;

// Called after every response is written (for metrics and access logs); thread-safe.
// `route` is empty here; the API layer records its own route label through its own hook.
using HttpResponseObserver =
    std::function<void(const HttpRequest &request, const HttpResponse &response, double seconds)>;

} // namespace medora::server
