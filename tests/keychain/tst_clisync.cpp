#include "ServerProcess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace medora;

// medora-cli's sync commands as an operator runs them: login into the real OS keychain
// (Secret Service), sync against the real medora-server over HTTPS, status, logout. Runs in
// the keychain session scripts/test provides (see tst_keychainsecretstore).
namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList &arguments, const QByteArray &input = QByteArray(), int timeoutMs = 60000)
{
    Run run;
    QProcess process;
    process.start(QStringLiteral(MEDORA_CLI_PATH), arguments);
    if (!process.waitForStarted(10000))
        return run;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString describe(const Run &run)
{
    return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3").arg(run.exitCode).arg(run.out, run.err);
}

const QByteArray kPatients = "number,last_name,first_name,sex,phone\r\n"
                             ",Karimov,Alisher,m,90 123 45 67\r\n"
                             ",Yusupova,Gulnora,f,\r\n";

} // namespace

class TestCliSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void usageIsChecked();
    void loginSyncStatusAndLogout();
    void wrongPasswordKeepsNothing();
    void unreachableServerFailsTheSync();

private:
    QStringList login(const QString &dataDir, const QString &user) const
    {
        return {QStringLiteral("--data-dir"),
                dataDir,
                QStringLiteral("login"),
                QStringLiteral("--server"),
                m_server->baseUrl(),
                QStringLiteral("--ca-certificate"),
                m_server->certificateFile(),
                QStringLiteral("--login"),
                user,
                QStringLiteral("--password-stdin")};
    }
    static QStringList in(const QString &dataDir, const QStringList &arguments)
    {
        return QStringList{QStringLiteral("--data-dir"), dataDir} + arguments;
    }

    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dirs;
    const QByteArray m_passwordA = "tashkent spring 2024";
    const QByteArray m_passwordB = "samarkand autumn 2024";
};

void TestCliSync::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "No D-Bus session: run inside dbus-run-session with an unlocked gnome-keyring-daemon "
             "(scripts/test does this).");
    QVERIFY(m_dirs.isValid());
    ServerProcess::Options options;
    options.tls = true;
    m_server = std::make_unique<ServerProcess>(options);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    const QString clinic = m_server->createClinic(QStringLiteral("Shifo Med"));
    QVERIFY(!clinic.isEmpty());
    QVERIFY(!m_server
                 ->createUser(clinic, QStringLiteral("aziza"), QStringLiteral("doctor"),
                              QString::fromUtf8(m_passwordA))
                 .id.isEmpty());
    QVERIFY(!m_server
                 ->createUser(clinic, QStringLiteral("bobur"), QStringLiteral("receptionist"),
                              QString::fromUtf8(m_passwordB))
                 .id.isEmpty());
}

void TestCliSync::cleanupTestCase()
{
    m_server.reset();
}

void TestCliSync::usageIsChecked()
{
    const QString dir = m_dirs.filePath(QStringLiteral("usage"));
    Run run = runCli(in(dir, {QStringLiteral("login"), QStringLiteral("--server"), m_server->baseUrl()}));
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains(QLatin1String("--password-stdin")));
    run = runCli(in(dir, {QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--watch"),
                          QStringLiteral("5")}));
    QCOMPARE(run.exitCode, 1);
    run = runCli(in(dir, {QStringLiteral("status"), QStringLiteral("--watch"), QStringLiteral("5")}));
    QCOMPARE(run.exitCode, 1);
    run = runCli(in(dir, {QStringLiteral("sync")}));
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QLatin1String("run medora-cli login")), qPrintable(describe(run)));
}

void TestCliSync::loginSyncStatusAndLogout()
{
    const QString a = m_dirs.filePath(QStringLiteral("reception"));
    const QString b = m_dirs.filePath(QStringLiteral("doctor"));

    Run run = runCli(in(a, {QStringLiteral("status")}));
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.out.contains(QLatin1String("Server: none")), qPrintable(describe(run)));

    run = runCli(login(a, QStringLiteral("aziza")), m_passwordA + "\n");
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY(run.out.contains(QLatin1String("Signed in to")));
    QVERIFY(run.out.contains(QLatin1String("aziza")));
    // The password is nowhere in the data folder, and neither is the refresh token.
    for (const QString &file : QDir(a).entryList(QDir::Files)) {
        QFile content(QDir(a).filePath(file));
        QVERIFY(content.open(QIODevice::ReadOnly));
        QVERIFY(!content.readAll().contains(m_passwordA));
    }

    run = runCli(in(a, {QStringLiteral("import"), QStringLiteral("-")}), kPatients);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    run = runCli(in(a, {QStringLiteral("status")}));
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.out.contains(QLatin1String("Signed in: yes")), qPrintable(describe(run)));
    QVERIFY(!run.out.contains(QLatin1String("Waiting to be sent: nothing")));
    QVERIFY(run.out.contains(QLatin1String("Last successful pull: never")));
    QVERIFY(run.out.contains(QLatin1String("Status: not green")));

    run = runCli(in(a, {QStringLiteral("sync")}));
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.out.contains(QLatin1String("Pushed 2 change(s): 2 accepted, 0 in conflict, 0 refused.")),
             qPrintable(describe(run)));
    run = runCli(in(a, {QStringLiteral("status")}));
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY(run.out.contains(QLatin1String("Waiting to be sent: nothing")));
    QVERIFY(run.out.contains(QLatin1String("Status: green")));

    // A second PC (another user, another data folder, another keychain entry) gets them.
    run = runCli(login(b, QStringLiteral("bobur")), m_passwordB + "\n");
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    run = runCli(in(b, {QStringLiteral("sync"), QStringLiteral("--once")}));
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.out.contains(QLatin1String("Pulled 2 change(s).")), qPrintable(describe(run)));
    run = runCli(in(b, {QStringLiteral("search"), QStringLiteral("Karimov")}));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("+998901234567")), qPrintable(describe(run)));

    // Watching: a change made on A reaches B while B's long poll is open.
    QProcess watcher;
    watcher.start(QStringLiteral(MEDORA_CLI_PATH),
                  in(b, {QStringLiteral("sync"), QStringLiteral("--watch"), QStringLiteral("6")}));
    QVERIFY(watcher.waitForStarted(10000));
    // The watcher says when its first round is done; its long poll opens right after.
    QByteArray watched;
    while (!watched.contains("watching") && watcher.waitForReadyRead(15000))
        watched += watcher.readAllStandardOutput();
    QVERIFY2(watched.contains("watching"), watched.constData());
    run = runCli(in(a, {QStringLiteral("import"), QStringLiteral("-")}),
                 "last_name,first_name,sex\r\nSaidova,Malika,f\r\n");
    QCOMPARE(run.exitCode, 0);
    run = runCli(in(a, {QStringLiteral("sync")}));
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY(watcher.waitForFinished(30000));
    watched += watcher.readAllStandardOutput();
    QVERIFY2(watcher.exitCode() == 0, (watched + watcher.readAllStandardError()).constData());
    QVERIFY2(watched.contains("Pulled 1 change(s)."), watched.constData());
    run = runCli(in(b, {QStringLiteral("count")}));
    QCOMPARE(run.out.trimmed(), QStringLiteral("3"));

    // Logout removes the keychain entry; sync then refuses to run.
    run = runCli(in(a, {QStringLiteral("logout")}));
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.out.contains(QLatin1String("Signed out.")), qPrintable(describe(run)));
    run = runCli(in(a, {QStringLiteral("status")}));
    QVERIFY2(run.out.contains(QLatin1String("Signed in: no")), qPrintable(describe(run)));
    run = runCli(in(a, {QStringLiteral("sync")}));
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QLatin1String("Not signed in")), qPrintable(describe(run)));
    run = runCli(in(b, {QStringLiteral("status")}));
    QVERIFY2(run.out.contains(QLatin1String("Signed in: yes")), qPrintable(describe(run)));
}

void TestCliSync::wrongPasswordKeepsNothing()
{
    const QString dir = m_dirs.filePath(QStringLiteral("wrong"));
    Run run = runCli(login(dir, QStringLiteral("aziza")), "not her password\n");
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QLatin1String("The login or the password is wrong.")),
             qPrintable(describe(run)));
    run = runCli(in(dir, {QStringLiteral("status")}));
    QVERIFY2(run.out.contains(QLatin1String("Server: none")), qPrintable(describe(run)));
}

void TestCliSync::unreachableServerFailsTheSync()
{
    const QString dir = m_dirs.filePath(QStringLiteral("offline"));
    Run run = runCli(login(dir, QStringLiteral("aziza")), m_passwordA + "\n");
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    m_server->stop();
    run = runCli(in(dir, {QStringLiteral("sync")}));
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QLatin1String("cannot be reached")), qPrintable(describe(run)));
    // The session survives a server that is away: still signed in.
    run = runCli(in(dir, {QStringLiteral("status")}));
    QVERIFY2(run.out.contains(QLatin1String("Signed in: yes")), qPrintable(describe(run)));
}

QTEST_GUILESS_MAIN(TestCliSync)
#include "tst_clisync.moc"
