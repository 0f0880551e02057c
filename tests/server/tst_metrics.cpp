// Metrics: Prometheus text exposition of request counters, latency histogram and gauges.

#include "observability/Metrics.h"

#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace medora::server;

namespace {

// The value of the sample line that starts with `series` ("name{labels}"), or -1.
double sample(const QByteArray &text, const QByteArray &series)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(series + ' '))
            return line.mid(series.size() + 1).toDouble();
    }
    return -1;
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private slots:
    void rendersHelpAndTypeForEveryFamily()
    {
        Metrics metrics;
        const QByteArray text = metrics.renderPrometheus();
        const QByteArray families[][2] = {{"medora_up", "gauge"},
                                          {"medora_http_requests_total", "counter"},
                                          {"medora_http_request_duration_seconds", "histogram"},
                                          {"medora_open_connections", "gauge"},
                                          {"medora_connections_reaped_total", "counter"},
                                          {"medora_login_failures_total", "counter"}};
        for (const auto &family : families) {
            QVERIFY2(text.contains("# HELP " + family[0] + ' '), family[0].constData());
            QVERIFY2(text.contains("# TYPE " + family[0] + ' ' + family[1] + '\n'), family[0].constData());
        }
        QCOMPARE(sample(text, "medora_up"), 1.0);
        QCOMPARE(sample(text, "medora_open_connections"), 0.0);
        QVERIFY(text.endsWith('\n'));
    }

    void countsRequestsByRouteMethodAndStatus()
    {
        Metrics metrics;
        metrics.recordRequest(QStringLiteral("/api/v1/staff/{id}"), "GET", 200, 0.002);
        metrics.recordRequest(QStringLiteral("/api/v1/staff/{id}"), "GET", 200, 0.004);
        metrics.recordRequest(QStringLiteral("/api/v1/staff/{id}"), "PATCH", 404, 0.03);
        metrics.recordRequest(QString(), "BREW", 404, 0.0001);
        const QByteArray text = metrics.renderPrometheus();
        QCOMPARE(
            sample(text,
                   "medora_http_requests_total{route=\"/api/v1/staff/{id}\",method=\"GET\",status=\"200\"}"),
            2.0);
        QCOMPARE(
            sample(
                text,
                "medora_http_requests_total{route=\"/api/v1/staff/{id}\",method=\"PATCH\",status=\"404\"}"),
            1.0);
        // Unknown methods and unmatched routes collapse into bounded label values.
        QCOMPARE(
            sample(text, "medora_http_requests_total{route=\"unmatched\",method=\"OTHER\",status=\"404\"}"),
            1.0);
        QVERIFY(!text.contains("BREW"));
    }

    void histogramBucketsAreCumulative()
    {
        Metrics metrics;
        const QString route = QStringLiteral("/health");
        for (double seconds : {0.0005, 0.002, 0.02, 0.3, 7.0})
            metrics.recordRequest(route, "GET", 200, seconds);
        const QByteArray text = metrics.renderPrometheus();
        const QByteArray prefix = "medora_http_request_duration_seconds_bucket{route=\"/health\",le=\"";
        QCOMPARE(sample(text, prefix + "0.001\"}"), 1.0);
        QCOMPARE(sample(text, prefix + "0.0025\"}"), 2.0);
        QCOMPARE(sample(text, prefix + "0.025\"}"), 3.0);
        QCOMPARE(sample(text, prefix + "0.25\"}"), 3.0);
        QCOMPARE(sample(text, prefix + "0.5\"}"), 4.0);
        QCOMPARE(sample(text, prefix + "5\"}"), 4.0);
        QCOMPARE(sample(text, prefix + "+Inf\"}"), 5.0);
        QCOMPARE(sample(text, "medora_http_request_duration_seconds_count{route=\"/health\"}"), 5.0);
        QVERIFY(qAbs(sample(text, "medora_http_request_duration_seconds_sum{route=\"/health\"}") - 7.3225) <
                1e-9);
    }

    void labelValuesAreEscaped()
    {
        Metrics metrics;
        metrics.recordRequest(QStringLiteral("/a\"b\\c\nd"), "GET", 200, 0.001);
        const QByteArray text = metrics.renderPrometheus();
        QVERIFY(text.contains("route=\"/a\\\"b\\\\c\\nd\""));
        // Every line is either a comment or a single sample: the newline did not split one.
        for (const QByteArray &line : text.split('\n')) {
            if (!line.isEmpty() && !line.startsWith('#'))
                QVERIFY2(line.startsWith("medora_"), line.constData());
        }
    }

    void gaugesComeFromProvidersAndLoginFailuresCount()
    {
        Metrics metrics;
        int open = 7;
        metrics.setGaugeProviders([&open] { return open; }, [] { return qint64(42); });
        metrics.recordLoginFailure();
        metrics.recordLoginFailure();
        QByteArray text = metrics.renderPrometheus();
        QCOMPARE(sample(text, "medora_open_connections"), 7.0);
        QCOMPARE(sample(text, "medora_connections_reaped_total"), 42.0);
        QCOMPARE(sample(text, "medora_login_failures_total"), 2.0);
        open = 3;
        text = metrics.renderPrometheus();
        QCOMPARE(sample(text, "medora_open_connections"), 3.0);
    }

    void concurrentRecordingLosesNothing()
    {
        Metrics metrics;
        constexpr int threads = 4;
        constexpr int perThread = 5000;
        std::vector<std::unique_ptr<QThread>> workers;
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back(QThread::create([&metrics] {
                for (int i = 0; i < perThread; ++i) {
                    metrics.recordRequest(QStringLiteral("/health"), "GET", 200, 0.001);
                    if (i % 100 == 0)
                        metrics.recordLoginFailure();
                }
            }));
            workers.back()->start();
        }
        // Rendering while others record must be safe too.
        for (int i = 0; i < 20; ++i)
            QVERIFY(!metrics.renderPrometheus().isEmpty());
        for (auto &worker : workers)
            QVERIFY(worker->wait(20000));
        const QByteArray text = metrics.renderPrometheus();
        QCOMPARE(sample(text, "medora_http_requests_total{route=\"/health\",method=\"GET\",status=\"200\"}"),
                 double(threads * perThread));
        QCOMPARE(sample(text, "medora_http_request_duration_seconds_count{route=\"/health\"}"),
                 double(threads * perThread));
        QCOMPARE(sample(text, "medora_login_failures_total"), double(threads * perThread / 100));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
