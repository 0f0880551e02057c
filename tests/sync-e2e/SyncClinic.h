#pragma once

#include "FaultProxy.h"
#include "ServerProcess.h"
#include "SyncSnapshot.h"
#include "SyncTestClient.h"
#include "TestHttpClient.h"

#include <QMap>
#include <QObject>
#include <QProcess>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <random>

namespace medora {

// The world of an end-to-end sync test: the real medora-server (plain HTTP behind a trusted
// proxy at 127.0.0.1), a FaultProxy in front of it that every client core talks through, one
// clinic with its staff, and the means to compare what every side holds.
class SyncClinic : public QObject
{
public:
    struct Staff
    {
        QString login;
        QString password;
        QString role;
        QString id;
    };

    // What the child-process PC (sync_e2e_pc) reported before it exited or was killed.
    struct ChildRun
    {
        bool started = false;
        bool killed = false;                    // by us, with SIGKILL
        bool exitedOk = false;                  // ran to the end and exited 0
        QStringList committed;                  // "<entity> <uuid>" of every edit it saw committed
        QMap<QString, qint64> committedAmounts; // payment uuid -> amount
        int rounds = 0;                         // sync rounds it finished
        QString output;                         // everything it wrote (for failure messages)
    };

    SyncClinic();
    ~SyncClinic() override;

    // Starts the server and the proxy and makes the clinic. False + `error` on failure.
    bool start(QString *error);
    ServerProcess &server() { return *m_server; }
    FaultProxy &proxy() { return m_proxy; }
    QString clinicId() const { return m_clinicId; }
    QString proxyUrl() const { return m_proxy.baseUrl(); }

    // SIGTERM + start again on the same data folder; the proxy follows the new port.
    bool restartServer(QString *error);
    // The two halves of a restart, for work on the server's files in between (a restore).
    bool stopServer(QString *error);
    bool startServerAgain(QString *error);

    Staff addStaff(const QString &login, const QString &role, QString *error = nullptr);

    // A client core named `name` for `staff`, opened and signed in through the proxy.
    std::unique_ptr<SyncTestClient>
    makeClient(const QString &name, const Staff &staff, QString *error, const QString &doctorId = QString(),
               const QString &dataDir = QString(),
               SyncEngine::Options engine = SyncTestClient::defaultEngineOptions());

    // The server's feed from 0 as `staff` sees it, read directly (not through the proxy).
    bool serverSnapshot(const Staff &staff, SyncSnapshot *snapshot, QString *error, int limit = 1000,
                        int *requests = nullptr);

    // Sync passes over `clients` in random orders until a whole pass changes nothing: every
    // outbox drained (errors aside), no cursor moved, no replay left in the network.
    bool converge(const QList<SyncTestClient *> &clients, std::mt19937_64 &random, int timeoutMs,
                  QString *failure);

    // Differences between a client's store and the server's feed as that client's role sees
    // it. Rows the client holds in Error state (refused, in the error list) are left out, and
    // rows in Conflict state too unless `strict`.
    QStringList compareWithServer(SyncTestClient &client, const SyncSnapshot &server, bool strict,
                                  bool compareRevisions = true);

    // Runs the child-process PC on `dataDir`; `killAfterCommits` >= 0 kills it with SIGKILL
    // once it reported that many committed edits plus a random extra delay of up to
    // `killJitterMs` (so the kill falls inside whatever it does then: a local edit, a push, a
    // pulled page being applied). -1 lets it run to the end.
    ChildRun runChildPc(const QString &name, const QString &dataDir, const Staff &staff, quint64 seed,
                        int edits, int killAfterCommits, int killJitterMs, std::mt19937_64 &random,
                        const QString &doctorId = QString(), int timeoutMs = 60000);

    static QString childPcPath();

private:
    TestHttpClient &httpFor(const Staff &staff, QString *error);

    std::unique_ptr<ServerProcess> m_server;
    FaultProxy m_proxy;
    QString m_clinicId;
    QMap<QString, Staff> m_staff;                              // login -> staff
    std::map<QString, std::unique_ptr<TestHttpClient>> m_http; // login -> signed-in client
};

} // namespace medora
