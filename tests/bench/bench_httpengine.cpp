// HTTP engine benchmark: the bare HttpServerEngine with a trivial handler, measured with wrk
// (keep-alive throughput and latency), then 2,000 idle connections that are opened, abandoned
// and reaped, with resident memory before, during and after.
//
//   bench_httpengine                      wrk -t1 -c64 -d10s, then the idle-connection check
//   bench_httpengine --serve [--port P]   serve until killed (prints the port)
//   options: --threads N (workers, default 2) --connections C --duration S --idle N

#include "http/HttpServerEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <vector>

using namespace medora::server;

namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// Runs the event loop (the listener accepts on this thread) until `done` or `ms` passed.
bool spinUntil(const std::function<bool()> &done, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

HttpHandler trivialHandler()
{
    return [](HttpRequest &) -> HttpReply {
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    };
}

int runWrk(quint16 port, int connections, int seconds)
{
    const QString wrk = QStandardPaths::findExecutable(QStringLiteral("wrk"));
    if (wrk.isEmpty()) {
        say(QStringLiteral("wrk not found; use --serve and run it yourself"));
        return 1;
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QStringList arguments = {QStringLiteral("-t1"), QStringLiteral("-c%1").arg(connections),
                                   QStringLiteral("-d%1s").arg(seconds), QStringLiteral("--latency"),
                                   QStringLiteral("http://127.0.0.1:%1/").arg(port)};
    say(QStringLiteral("$ wrk %1").arg(arguments.join(QLatin1Char(' '))));
    double peakMb = residentMb();
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, [&] { peakMb = std::max(peakMb, residentMb()); });
    sampler.start(200);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    process.start(wrk, arguments);
    loop.exec();
    sampler.stop();
    const QString output = QString::fromLocal8Bit(process.readAll());
    say(output.trimmed());

    const auto find = [&output](const QString &pattern) {
        const QRegularExpressionMatch match = QRegularExpression(pattern).match(output);
        return match.hasMatch() ? match.captured(1) : QStringLiteral("?");
    };
    say(QStringLiteral("== engine: %1 requests/s, p99 %2, non-2xx: %3, socket errors: %4, peak RSS %5 MB")
            .arg(find(QStringLiteral("Requests/sec:\\s+([0-9.]+)")), find(QStringLiteral("99%\\s+(\\S+)")),
                 output.contains(QLatin1String("Non-2xx"))
                     ? find(QStringLiteral("Non-2xx or 3xx responses: (\\d+)"))
                     : QStringLiteral("0"),
                 output.contains(QLatin1String("Socket errors"))
                     ? find(QStringLiteral("Socket errors: ([^\\n]+)"))
                     : QStringLiteral("none"))
            .arg(peakMb, 0, 'f', 1));
    return process.exitCode();
}

// Opens `count` connections that never send anything and never close, lets the engine reap
// them at its idle deadline, and reports resident memory before, while open and after.
int idleCheck(int count, int threads)
{
    HttpLimits limits;
    limits.workerThreads = threads;
    limits.idleTimeoutMs = 2000;
    HttpServerEngine engine(limits, trivialHandler());
    if (!engine.listen(QHostAddress::LocalHost, 0)) {
        say(QStringLiteral("listen failed: %1").arg(engine.errorString()));
        return 1;
    }
    // Warm up once so lazily created per-thread state is in the baseline.
    spinUntil([] { return false; }, 300);
    const double baseline = residentMb();

    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(engine.serverPort());
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::vector<int> clients;
    for (int i = 0; i < count; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        ::fcntl(fd, F_SETFL, O_NONBLOCK);
        ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
        clients.push_back(fd);
        if (i % 200 == 199)
            QCoreApplication::processEvents();
    }
    const bool allOpen = spinUntil([&] { return engine.openConnections() >= count; }, 10000);
    const double whileOpen = residentMb();
    say(QStringLiteral("idle: %1 connections open: %2 (engine counts %3)")
            .arg(count)
            .arg(allOpen ? QStringLiteral("yes") : QStringLiteral("NO"))
            .arg(engine.openConnections()));
    QElapsedTimer timer;
    timer.start();
    const bool reaped = spinUntil([&] { return engine.openConnections() == 0; }, 15000);
    const qint64 reapMs = timer.elapsed();
    for (int fd : clients)
        ::close(fd);
    // One more sweep so the freed memory is handed back.
    spinUntil([] { return false; }, 1000);
    const double after = residentMb();
    say(QStringLiteral(
            "== idle: %1 abandoned connections reaped: %2 (%3 counted) in %4 ms after a 2000 ms idle "
            "deadline; RSS baseline %5 MB, while open %6 MB, after %7 MB")
            .arg(count)
            .arg(reaped ? QStringLiteral("all") : QStringLiteral("NOT all"))
            .arg(engine.connectionsReaped())
            .arg(reapMs)
            .arg(baseline, 0, 'f', 1)
            .arg(whileOpen, 0, 'f', 1)
            .arg(after, 0, 'f', 1));
    return reaped ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption serve(QStringLiteral("serve"), QStringLiteral("Serve until killed."));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port (0 = free one)."),
                                  QStringLiteral("P"), QStringLiteral("0"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("Worker threads."),
                                     QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption connections(QStringLiteral("connections"), QStringLiteral("wrk connections."),
                                         QStringLiteral("C"), QStringLiteral("64"));
    const QCommandLineOption duration(QStringLiteral("duration"), QStringLiteral("wrk seconds."),
                                      QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption idle(QStringLiteral("idle"),
                                  QStringLiteral("Idle connections to open (0 = skip)."), QStringLiteral("N"),
                                  QStringLiteral("2000"));
    parser.addOptions({serve, port, threads, connections, duration, idle});
    parser.process(app);

    HttpLimits limits;
    limits.workerThreads = parser.value(threads).toInt();
    HttpServerEngine engine(limits, trivialHandler());
    if (!engine.listen(QHostAddress::LocalHost, quint16(parser.value(port).toUInt()))) {
        say(QStringLiteral("listen failed: %1").arg(engine.errorString()));
        return 1;
    }
    say(QStringLiteral("port %1").arg(engine.serverPort()));
    if (parser.isSet(serve))
        return app.exec();

    say(QStringLiteral("RSS at start: %1 MB").arg(residentMb(), 0, 'f', 1));
    int status =
        runWrk(engine.serverPort(), parser.value(connections).toInt(), parser.value(duration).toInt());
    engine.close();
    if (parser.value(idle).toInt() > 0)
        status |= idleCheck(parser.value(idle).toInt(), limits.workerThreads);
    return status;
}
