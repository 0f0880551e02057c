#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace medora::server {

// Prometheus text exposition (version 0.0.4): medora_http_requests_total{route,method,status},
// medora_http_request_duration_seconds histogram{route}, medora_open_connections,
// medora_connections_reaped_total, medora_login_failures_total, medora_up.
// Thread-safe and cheap enough to call on every request.
class Metrics
{
public:
    Metrics();
    ~Metrics();
    // `route` is the matched pattern ("/api/v1/staff/{id}"), or "unmatched": never a raw
    // path, so label cardinality stays bounded.
    void recordRequest(const QString &route, const QByteArray &method, int status, double seconds);
    void recordLoginFailure();
    void setGaugeProviders(std::function<int()> openConnections, std::function<qint64()> connectionsReaped);
    QByteArray renderPrometheus() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace medora::server
