#include "SyncClinic.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTimer>
#include <QtTest>

#include <algorithm>

#ifndef MEDORA_SYNC_E2E_PC_PATH
#define MEDORA_SYNC_E2E_PC_PATH ""
#endif

namespace medora {

SyncClinic::SyncClinic() = default;

SyncClinic::~SyncClinic()
{
    m_http.clear();
    if (m_server)
        m_server->stop();
}

QString SyncClinic::childPcPath()
{
    return QStringLiteral(MEDORA_SYNC_E2E_PC_PATH);
}

bool SyncClinic::start(QString *error)
{
    ServerProcess::Options options;
    // Several PCs of one process share the settings that hold the device id, so a token
    // refresh (which sends it again) must not happen during a test: day-long access tokens.
    options.environment.insert(QStringLiteral("MEDORA_ACCESS_TOKEN_MINUTES"), QStringLiteral("1440"));
    // The clients sync in tight loops; the limiter is not what is tested here.
    options.environment.insert(QStringLiteral("MEDORA_RATE_USER_PER_MINUTE"), QStringLiteral("100000000"));
    options.environment.insert(QStringLiteral("MEDORA_RATE_USER_BURST"), QStringLiteral("10000000"));
    options.environment.insert(QStringLiteral("MEDORA_RATE_ANON_PER_MINUTE"), QStringLiteral("1000000"));
    options.environment.insert(QStringLiteral("MEDORA_RATE_ANON_BURST"), QStringLiteral("1000000"));
    m_server = std::make_unique<ServerProcess>(options);
    if (!m_server->start(error))
        return false;
    if (!m_proxy.listen()) {
        if (error)
            *error = QStringLiteral("the fault proxy cannot listen");
        return false;
    }
    m_proxy.setUpstream(m_server->port());
    m_clinicId = m_server->createClinic(QStringLiteral("Shifo Sync Clinic"));
    if (m_clinicId.isEmpty()) {
        if (error)
            *error = QStringLiteral("create-clinic failed");
        return false;
    }
    return true;
}

bool SyncClinic::restartServer(QString *error)
{
    return stopServer(error) && startServerAgain(error);
}

bool SyncClinic::stopServer(QString *error)
{
    const int exitCode = m_server->stop();
    if (exitCode != 0) {
        if (error)
            *error = QStringLiteral("the server did not stop cleanly (exit %1)").arg(exitCode);
        return false;
    }
    return true;
}

bool SyncClinic::startServerAgain(QString *error)
{
    if (!m_server->start(error))
        return false;
    m_proxy.setUpstream(m_server->port());
    for (auto &entry : m_http)
        m_server->configureClient(*entry.second);
    return true;
}

SyncClinic::Staff SyncClinic::addStaff(const QString &login, const QString &role, QString *error)
{
    Staff staff;
    staff.login = login;
    staff.role = role;
    staff.password = QStringLiteral("%1 tashkent autumn %2")
                         .arg(login)
                         .arg(QRandomGenerator::global()->bounded(100000, 999999));
    const ServerProcess::User user = m_server->createUser(m_clinicId, login, role, staff.password);
    staff.id = user.id;
    if (staff.id.isEmpty() && error)
        *error = QStringLiteral("create-user %1 failed").arg(login);
    m_staff.insert(login, staff);
    return staff;
}

std::unique_ptr<SyncTestClient> SyncClinic::makeClient(const QString &name, const Staff &staff,
                                                       QString *error, const QString &doctorId,
                                                       const QString &dataDir, SyncEngine::Options engine)
{
    SyncTestClient::Options options;
    options.name = name;
    options.dataDir = dataDir;
    options.serverUrl = proxyUrl();
    options.login = staff.login;
    options.password = staff.password;
    options.doctorId = doctorId;
    options.engine = engine;
    auto client = std::make_unique<SyncTestClient>(options);
    if (!client->open(error))
        return nullptr;
    // Through the proxy a connection may be refused at random: try again, as a user would.
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (client->signIn(error))
            return client;
        QTest::qWait(100);
    }
    return nullptr;
}

TestHttpClient &SyncClinic::httpFor(const Staff &staff, QString *error)
{
    auto found = m_http.find(staff.login);
    if (found != m_http.end())
        return *found->second;
    auto client = std::make_unique<TestHttpClient>();
    m_server->configureClient(*client);
    client->setTimeoutMs(60000);
    const TestHttpResponse login =
        client->login(staff.login, staff.password, QStringLiteral("e2e-verifier-%1").arg(staff.login));
    if (login.status != 200 && error)
        *error = QStringLiteral("verifier login as %1: HTTP %2 %3")
                     .arg(staff.login)
                     .arg(login.status)
                     .arg(QString::fromUtf8(login.body.left(200)));
    TestHttpClient &result = *client;
    m_http.emplace(staff.login, std::move(client));
    return result;
}

bool SyncClinic::serverSnapshot(const Staff &staff, SyncSnapshot *snapshot, QString *error, int limit,
                                int *requests)
{
    QString loginError;
    TestHttpClient &client = httpFor(staff, &loginError);
    if (!loginError.isEmpty()) {
        if (error)
            *error = loginError;
        m_http.erase(staff.login);
        return false;
    }
    return SyncSnapshot::fromServerFeed(client, snapshot, error, limit, requests);
}

bool SyncClinic::converge(const QList<SyncTestClient *> &clients, std::mt19937_64 &random, int timeoutMs,
                          QString *failure)
{
    QElapsedTimer clock;
    clock.start();
    for (int pass = 0; clock.elapsed() < timeoutMs; ++pass) {
        QList<SyncTestClient *> order = clients;
        std::shuffle(order.begin(), order.end(), random);
        bool changed = false;
        for (SyncTestClient *client : std::as_const(order)) {
            const qint64 cursorBefore = client->cursor();
            const int pendingBefore = client->counts().pendingOps;
            QString why;
            if (!client->syncUntilSettled(int(std::max<qint64>(1000, timeoutMs - clock.elapsed())), &why)) {
                if (failure)
                    *failure = QStringLiteral("pass %1: %2").arg(pass).arg(why);
                return false;
            }
            changed = changed || client->cursor() != cursorBefore || pendingBefore > 0;
        }
        // A replayed request still on its way changes the server after everyone looked.
        if (!QTest::qWaitFor([this] { return m_proxy.pendingReplays() == 0; }, 10000)) {
            if (failure)
                *failure = QStringLiteral("replays still in flight after 10 s");
            return false;
        }
        bool drained = true;
        for (SyncTestClient *client : clients)
            drained = drained && client->counts().pendingOps == 0;
        if (!changed && drained && pass > 0)
            return true;
    }
    if (failure) {
        QStringList pending;
        for (SyncTestClient *client : clients)
            pending << QStringLiteral("%1: %2 pending, %3 errors")
                           .arg(client->name())
                           .arg(client->counts().pendingOps)
                           .arg(client->counts().errors);
        *failure = QStringLiteral("no quiet pass within %1 ms (%2)")
                       .arg(timeoutMs)
                       .arg(pending.join(QStringLiteral(", ")));
    }
    return false;
}

QStringList SyncClinic::compareWithServer(SyncTestClient &client, const SyncSnapshot &server, bool strict,
                                          bool compareRevisions)
{
    QString error;
    const SyncSnapshot local = client.snapshot(&error);
    if (!error.isEmpty())
        return {client.name() + QStringLiteral(": cannot read the local store: ") + error};
    SyncSnapshot view = server;
    if (client.user().role == QLatin1String("receptionist"))
        view = server.without(EntityKind::Report);
    QStringList skipped;
    for (auto it = local.rows.cbegin(); it != local.rows.cend(); ++it) {
        if (it->state == SyncState::Error || (!strict && it->state == SyncState::Conflict))
            skipped << it.key();
    }
    return local.withoutKeys(skipped).differences(view.withoutKeys(skipped), client.name(),
                                                  QStringLiteral("server"), compareRevisions);
}

SyncClinic::ChildRun SyncClinic::runChildPc(const QString &name, const QString &dataDir, const Staff &staff,
                                            quint64 seed, int edits, int killAfterCommits, int killJitterMs,
                                            std::mt19937_64 &random, const QString &doctorId, int timeoutMs)
{
    ChildRun run;
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QStringList arguments{QStringLiteral("--name"),     name,
                          QStringLiteral("--data-dir"), dataDir,
                          QStringLiteral("--server"),   proxyUrl(),
                          QStringLiteral("--login"),    staff.login,
                          QStringLiteral("--seed"),     QString::number(seed),
                          QStringLiteral("--edits"),    QString::number(edits)};
    if (!doctorId.isEmpty())
        arguments << QStringLiteral("--doctor-id") << doctorId;
    QByteArray pending;
    bool killScheduled = false;
    QEventLoop loop;
    QTimer killTimer;
    killTimer.setSingleShot(true);
    connect(&killTimer, &QTimer::timeout, &process, [&] {
        if (process.state() != QProcess::NotRunning) {
            run.killed = true;
            process.kill(); // SIGKILL: no destructor, no rollback, no flush
        }
    });
    const auto readLines = [&] {
        const QByteArray bytes = process.readAllStandardOutput();
        run.output += QString::fromUtf8(bytes);
        pending += bytes;
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(end)).trimmed();
            pending.remove(0, end + 1);
            const QStringList parts = line.split(QLatin1Char(' '));
            if (parts.value(0) == QLatin1String("committed") && parts.size() >= 3) {
                run.committed << parts.at(1) + QLatin1Char(' ') + parts.at(2);
                if (parts.at(1) == QLatin1String("payment") && parts.size() >= 4)
                    run.committedAmounts.insert(parts.at(2), parts.at(3).toLongLong());
            } else if (parts.value(0) == QLatin1String("round")) {
                ++run.rounds;
            }
        }
        if (killAfterCommits >= 0 && !killScheduled && run.committed.size() >= killAfterCommits) {
            killScheduled = true;
            killTimer.start(
                killJitterMs > 0 ? int(std::uniform_int_distribution<int>(0, killJitterMs)(random)) : 0);
        }
    };
    connect(&process, &QProcess::readyReadStandardOutput, &loop, readLines);
    connect(&process, &QProcess::readyReadStandardError, &loop,
            [&] { run.output += QString::fromUtf8(process.readAllStandardError()); });
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    connect(&process, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError processError) {
        if (processError == QProcess::FailedToStart)
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, [&] {
        run.output += QStringLiteral("\n(timed out after %1 ms)").arg(timeoutMs);
        loop.quit();
    });
    process.start(childPcPath(), arguments);
    if (!process.waitForStarted(10000)) {
        run.output = QStringLiteral("cannot start %1: %2").arg(childPcPath(), process.errorString());
        return run;
    }
    run.started = true;
    process.write(staff.password.toUtf8() + '\n');
    process.closeWriteChannel();
    if (killAfterCommits == 0) {
        killScheduled = true;
        killTimer.start(killJitterMs > 0 ? int(std::uniform_int_distribution<int>(0, killJitterMs)(random))
                                         : 0);
    }
    // The proxy and everything else run on this loop while the child works.
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    }
    readLines();
    run.output += QString::fromUtf8(process.readAllStandardError());
    run.exitedOk = !run.killed && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    return run;
}

} // namespace medora
