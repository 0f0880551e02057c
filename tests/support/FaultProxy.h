#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTcpServer>

#include <memory>
#include <random>

namespace medora {

// A bad network for end-to-end sync tests: an HTTP/1.1 reverse proxy on 127.0.0.1 between
// the client cores and the real medora-server that loses, cuts, repeats and delays traffic
// on command (injectFault) or at random from a seed (setRandomFaults).
//
// It stands where nginx would: clients speak plain HTTP to it (ApiClient with the
// development switch), and it adds "X-Forwarded-Proto: https" and "X-Forwarded-For" to what
// it forwards, so a server started by ServerProcess in trusted-proxy mode treats the
// requests as arriving over HTTPS. Like nginx's default it opens a new upstream connection
// per request (so a restarted server on another port is reached through setUpstream()),
// while client connections stay alive between requests.
//
// Faults act on whole HTTP exchanges, so each one means something to sync:
// - DropMidRequest: only part of the request reaches the server, then both sides are cut;
// - LoseResponse: the whole request reaches the server, its complete answer is read (so it
//   has been applied), then the client is cut without any of it;
// - TruncateResponse: as LoseResponse, but part of the answer is delivered first;
// - DuplicateRequest: the request is sent to the server twice in a row and the client gets
//   the second answer (a replay the server must recognise);
// - ReplayLater: the request is forwarded normally and sent once more on its own
//   connection after a delay, when later requests have already passed (answer discarded);
// - Delay: the request and its answer are held, so requests on other connections overtake
//   it (reordered deliveries);
// - RefuseConnection: a new client connection is accepted and reset at once.
// setOffline() closes the listening socket (connection refused) and cuts every connection.
// Everything runs on the thread's event loop: tests must wait with QTest::qWaitFor, signal
// spies or nested loops, never with blocking waits.
class FaultProxy : public QObject
{
    Q_OBJECT

public:
    enum class Fault
    {
        None,
        DropMidRequest,
        LoseResponse,
        TruncateResponse,
        DuplicateRequest,
        ReplayLater,
        Delay,
        RefuseConnection,
    };
    Q_ENUM(Fault)

    // Per-request (RefuseConnection: per-connection) probabilities for random mode; their
    // sum must not exceed 1.
    struct FaultRates
    {
        double dropMidRequest = 0;
        double loseResponse = 0;
        double truncateResponse = 0;
        double duplicateRequest = 0;
        double replayLater = 0;
        double delay = 0;
        double refuseConnection = 0;
        int maxDelayMs = 300; // Delay and ReplayLater wait 1..maxDelayMs
    };

    struct Stats
    {
        int connections = 0;        // client connections accepted (refused ones included)
        int requests = 0;           // complete requests read from clients
        int forwarded = 0;          // complete requests written to the server (replays included)
        int answered = 0;           // complete answers read from the server (replays included)
        int delivered = 0;          // complete answers handed to clients
        int upstreamFailures = 0;   // the server could not be reached or cut the connection
        int clientAborts = 0;       // the client went away while its request was in flight
        int refusedConnections = 0; // RefuseConnection faults and connections made while offline
        int droppedMidRequest = 0;
        int lostResponses = 0;
        int truncatedResponses = 0;
        int duplicated = 0;
        int replayed = 0;
        int delayed = 0;
        int faults() const
        {
            return refusedConnections + droppedMidRequest + lostResponses + truncatedResponses + duplicated +
                   replayed + delayed;
        }
    };

    explicit FaultProxy(QObject *parent = nullptr);
    ~FaultProxy() override;

    // Listens on 127.0.0.1:`port` (0: any free port).
    bool listen(quint16 port = 0);
    quint16 port() const { return m_port; }
    QString baseUrl() const; // "http://127.0.0.1:<port>"

    // Where requests go; takes effect for the next request (a restarted server).
    void setUpstream(quint16 port, const QString &host = QStringLiteral("127.0.0.1"));
    quint16 upstreamPort() const { return m_upstreamPort; }

    // X-Forwarded-Proto written on forwarded requests (default "https", as a TLS-terminating
    // proxy would); empty forwards the client's headers as they are.
    void setForwardedProto(const QByteArray &proto) { m_forwardedProto = proto; }

    // Only requests whose path starts with this prefix suffer faults (default "/api/v1/sync/":
    // sign-in and token refresh pass untouched). Empty: every request.
    void setFaultPathPrefix(const QString &prefix) { m_faultPathPrefix = prefix; }
    QString faultPathPrefix() const { return m_faultPathPrefix; }

    // Offline: the listening socket is closed (clients get "connection refused") and every
    // open connection is cut. Back online listens on the same port again; false when the
    // port cannot be had back.
    bool setOffline(bool offline);
    bool isOffline() const { return m_offline; }
    // Cuts every client connection and every request in flight now.
    void cutAllConnections();

    // The next `count` requests whose path starts with the fault prefix and `pathPrefix`
    // suffer `fault` (RefuseConnection: the next `count` connections). Scripted faults come
    // before random ones, and count as spent only once they acted: one picked for an exchange
    // that died first (the server was down) waits for the next matching request. `delayMs` is used by Delay
    // and ReplayLater (0: random up to the rates' maxDelayMs, 300 ms when random mode is off).
    void injectFault(Fault fault, const QString &pathPrefix = QString(), int count = 1, int delayMs = 0);
    void clearInjectedFaults();
    int pendingInjectedFaults() const;

    void setRandomFaults(quint64 seed, const FaultRates &rates);
    void disableRandomFaults();
    bool randomFaultsEnabled() const { return m_randomEnabled; }

    Stats stats() const { return m_stats; }
    void resetStats() { m_stats = Stats(); }
    // "12.345 c7 POST /api/v1/sync/push lose-response" lines (the newest kEventLogLines):
    // printed when a test fails, to see what the network did.
    static constexpr int kEventLogLines = 4000;
    QStringList eventLog() const { return m_eventLog; }
    QString eventLogTail(int lines = 60) const;
    // Exchanges that still have work to do: requests read but not finished, delayed ones,
    // replays not yet answered. A test waits for 0 before it compares final states.
    int busyExchanges() const;
    int pendingReplays() const { return int(m_replays.size()); } // ReplayLater copies not yet answered
    int openConnections() const;

    static QString faultName(Fault fault);

signals:
    // A fault acted on the exchange `method path` (RefuseConnection: method and path are
    // empty).
    void faultApplied(medora::FaultProxy::Fault fault, const QString &method, const QString &path);
    // An answer with `status` was delivered to a client for `method path`.
    void delivered(const QString &method, const QString &path, int status);
    void idle(); // busyExchanges() dropped to 0

private:
    class Connection;
    class Replay;
    friend class Connection;
    friend class Replay;

    struct ScriptedFault
    {
        Fault fault = Fault::None;
        QString pathPrefix;
        int remaining = 0;
        int delayMs = 0;
    };
    struct Decision
    {
        Fault fault = Fault::None;
        int delayMs = 0;
        bool scripted = false; // from injectFault(): goes back to the queue if never applied
        QString pathPrefix;
        int scriptedDelayMs = 0;
    };

    void onNewConnection();
    Decision decideRequestFault(const QString &path);
    // A scripted fault whose exchange ended before the fault could act (the server went
    // away first, say) is owed: it applies to the next matching request.
    void requeueFault(const Decision &decision);
    bool decideRefuseConnection();
    int randomDelay();
    int randomBelow(int bound); // 0..bound-1, from the seeded generator
    void log(const QString &line);
    void connectionFinished(Connection *connection);
    void replayFinished(Replay *replay);
    void checkIdle();

    QTcpServer m_server;
    quint16 m_port = 0;
    QString m_upstreamHost = QStringLiteral("127.0.0.1");
    quint16 m_upstreamPort = 0;
    QByteArray m_forwardedProto = "https";
    QString m_faultPathPrefix = QStringLiteral("/api/v1/sync/");
    bool m_offline = false;
    QList<ScriptedFault> m_scripted;
    bool m_randomEnabled = false;
    FaultRates m_rates;
    std::mt19937_64 m_random;
    Stats m_stats;
    QStringList m_eventLog;
    QElapsedTimer m_clock;
    int m_nextConnectionNumber = 1;
    QSet<Connection *> m_connections;
    QSet<Replay *> m_replays;
};

} // namespace medora
