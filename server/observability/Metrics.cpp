#include "observability/Metrics.h"

#include <QHash>
#include <QMutex>

#include <algorithm>
#include <array>
#include <atomic>
#include <map>
#include <tuple>

namespace medora::server {

namespace {

// Seconds; covers a cached GET (~1 ms) up to an Argon2 login under load (seconds).
constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                             0.1,   0.25,   0.5,   1.0,  2.5,   5.0};

struct Histogram
{
    std::array<quint64, kBuckets.size()> counts{}; // per bucket, not cumulative
    quint64 count = 0;
    double sum = 0;
};

using RequestKey = std::tuple<QString, QByteArray, int>; // route, method, status

// Only standard methods become label values; anything else is "OTHER", so a client cannot
// grow the label set by inventing methods.
QByteArray methodLabel(const QByteArray &method)
{
    static const char *const known[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    for (const char *name : known) {
        if (method == name)
            return method;
    }
    return QByteArrayLiteral("OTHER");
}

// Prometheus label values escape backslash, double quote and newline.
QByteArray escapeLabel(const QByteArray &value)
{
    QByteArray escaped;
    escaped.reserve(value.size());
    for (const char c : value) {
        if (c == '\\')
            escaped += "\\\\";
        else if (c == '"')
            escaped += "\\\"";
        else if (c == '\n')
            escaped += "\\n";
        else
            escaped += c;
    }
    return escaped;
}

QByteArray formatNumber(double value)
{
    return QByteArray::number(value, 'g', 12);
}

void writeHeader(QByteArray &out, const char *name, const char *help, const char *type)
{
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

} // namespace

struct Metrics::Private
{
    mutable QMutex mutex;
    std::map<RequestKey, quint64> requests;
    std::map<QString, Histogram> durations;
    std::function<int()> openConnections;
    std::function<qint64()> connectionsReaped;
    std::atomic<quint64> loginFailures{0};
};

Metrics::Metrics() : d(std::make_unique<Private>()) {}

Metrics::~Metrics() = default;

void Metrics::recordRequest(const QString &route, const QByteArray &method, int status, double seconds)
{
    const QString routeLabel = route.isEmpty() ? QStringLiteral("unmatched") : route;
    const auto bucket = std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds) - kBuckets.begin();
    QMutexLocker locker(&d->mutex);
    ++d->requests[RequestKey(routeLabel, methodLabel(method), status)];
    Histogram &histogram = d->durations[routeLabel];
    if (bucket < qsizetype(kBuckets.size()))
        ++histogram.counts[bucket];
    ++histogram.count;
    histogram.sum += std::max(0.0, seconds);
}

void Metrics::recordLoginFailure()
{
    d->loginFailures.fetch_add(1, std::memory_order_relaxed);
}

void Metrics::setGaugeProviders(std::function<int()> openConnections,
                                std::function<qint64()> connectionsReaped)
{
    QMutexLocker locker(&d->mutex);
    d->openConnections = std::move(openConnections);
    d->connectionsReaped = std::move(connectionsReaped);
}

QByteArray Metrics::renderPrometheus() const
{
    std::map<RequestKey, quint64> requests;
    std::map<QString, Histogram> durations;
    std::function<int()> openConnections;
    std::function<qint64()> connectionsReaped;
    {
        // Copy under the lock, format outside it: a scrape never stalls request threads.
        QMutexLocker locker(&d->mutex);
        requests = d->requests;
        durations = d->durations;
        openConnections = d->openConnections;
        connectionsReaped = d->connectionsReaped;
    }

    QByteArray out;
    out.reserve(1024 + int(requests.size()) * 96 + int(durations.size()) * 1024);
    writeHeader(out, "medora_up", "Whether the server is running.", "gauge");
    out += "medora_up 1\n";

    writeHeader(out, "medora_http_requests_total", "HTTP requests answered, by route, method and status.",
                "counter");
    for (const auto &[key, count] : requests) {
        out += "medora_http_requests_total{route=\"";
        out += escapeLabel(std::get<0>(key).toUtf8());
        out += "\",method=\"";
        out += escapeLabel(std::get<1>(key));
        out += "\",status=\"";
        out += QByteArray::number(std::get<2>(key));
        out += "\"} ";
        out += QByteArray::number(count);
        out += '\n';
    }

    writeHeader(out, "medora_http_request_duration_seconds",
                "Time from a complete request to its written response, by route.", "histogram");
    for (const auto &[route, histogram] : durations) {
        const QByteArray label = escapeLabel(route.toUtf8());
        quint64 cumulative = 0;
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += histogram.counts[i];
            out += "medora_http_request_duration_seconds_bucket{route=\"" + label + "\",le=\"" +
                   formatNumber(kBuckets[i]) + "\"} " + QByteArray::number(cumulative) + '\n';
        }
        out += "medora_http_request_duration_seconds_bucket{route=\"" + label + "\",le=\"+Inf\"} " +
               QByteArray::number(histogram.count) + '\n';
        out += "medora_http_request_duration_seconds_sum{route=\"" + label + "\"} " +
               formatNumber(histogram.sum) + '\n';
        out += "medora_http_request_duration_seconds_count{route=\"" + label + "\"} " +
               QByteArray::number(histogram.count) + '\n';
    }

    writeHeader(out, "medora_open_connections", "Client connections currently open.", "gauge");
    out += "medora_open_connections " + QByteArray::number(openConnections ? openConnections() : 0) + '\n';

    writeHeader(out, "medora_connections_reaped_total",
                "Connections closed by a deadline (idle, slow headers or body, TLS handshake).", "counter");
    out += "medora_connections_reaped_total " +
           QByteArray::number(connectionsReaped ? connectionsReaped() : qint64(0)) + '\n';

    writeHeader(out, "medora_login_failures_total", "Failed sign-in attempts.", "counter");
    out += "medora_login_failures_total " +
           QByteArray::number(d->loginFailures.load(std::memory_order_relaxed)) + '\n';
    return out;
}

} // namespace medora::server
