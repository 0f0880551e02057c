#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using medora::ServerProcess;
using medora::TestHttpClient;
using medora::TestHttpResponse;

// The operator commands, run against the real binary while the server serves the same
// data folder: what they print, their exit codes, and that their effect reaches signed-in
// clients at once.
class TestServerCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QString m_clinicId;

    static bool isUuid(const QString &text)
    {
        static const QRegularExpression uuid(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        return uuid.match(text).hasMatch();
    }

    TestHttpClient client() const
    {
        TestHttpClient c;
        m_server->configureClient(c);
        return c;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ServerProcess::serverPath()).isExecutable(), "MEDORA_SERVER_PATH is not set");
        m_server = std::make_unique<ServerProcess>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void helpVersionAndUsageErrors()
    {
        const ServerProcess::CliResult help = m_server->runCli({QStringLiteral("help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *command : {"serve", "migrate", "create-clinic", "create-user", "disable-user",
                                    "revoke-sessions", "verify-audit", "seed-demo"})
            QVERIFY2(help.outputText().contains(QLatin1String(command)), command);
        const ServerProcess::CliResult version = m_server->runCli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.outputText().startsWith(QLatin1String("medora-server ")));

        const ServerProcess::CliResult none = m_server->runCli({});
        QCOMPARE(none.exitCode, 2);
        const ServerProcess::CliResult unknown = m_server->runCli({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.errorText().startsWith(QLatin1String("medora-server: ")));
        QVERIFY(unknown.errorText().contains(QLatin1String("frobnicate")));
        const ServerProcess::CliResult missing = m_server->runCli({QStringLiteral("create-clinic")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.errorText().contains(QLatin1String("--name")));
        const ServerProcess::CliResult badOption = m_server->runCli(
            {QStringLiteral("create-clinic"), QStringLiteral("--nmae"), QStringLiteral("x")});
        QCOMPARE(badOption.exitCode, 2);
    }

    void createClinicAndUserPrintJson()
    {
        const ServerProcess::CliResult clinic = m_server->runCli(
            {QStringLiteral("create-clinic"), QStringLiteral("--name"), QStringLiteral("Shifo Med")});
        QCOMPARE(clinic.exitCode, 0);
        QCOMPARE(clinic.standardOutput.count('\n'), 1);
        m_clinicId = clinic.json().value(QStringLiteral("clinicId")).toString();
        QVERIFY2(isUuid(m_clinicId), clinic.standardOutput.constData());

        const ServerProcess::CliResult user = m_server->runCli(
            {QStringLiteral("create-user"), QStringLiteral("--clinic"), m_clinicId, QStringLiteral("--login"),
             QStringLiteral("aziza"), QStringLiteral("--full-name"), QStringLiteral("Aziza K."),
             QStringLiteral("--role"), QStringLiteral("clinic_admin"), QStringLiteral("--phone"),
             QStringLiteral("+998901234567")});
        QCOMPARE(user.exitCode, 0);
        QCOMPARE(user.standardOutput.count('\n'), 1);
        const QJsonObject json = user.json();
        QVERIFY(isUuid(json.value(QStringLiteral("userId")).toString()));
        QCOMPARE(json.value(QStringLiteral("login")).toString(), QStringLiteral("aziza"));
        const QString oneTimePassword = json.value(QStringLiteral("oneTimePassword")).toString();
        QVERIFY(oneTimePassword.size() >= 12);

        // The one-time password signs in (by phone too) and must be changed.
        TestHttpClient c = client();
        const TestHttpResponse login = c.login(QStringLiteral("+998 90 123 45 67"), oneTimePassword);
        QCOMPARE(login.status, 200);
        const QJsonObject account = login.json().value(QStringLiteral("user")).toObject();
        QCOMPARE(account.value(QStringLiteral("login")).toString(), QStringLiteral("aziza"));
        QCOMPARE(account.value(QStringLiteral("clinicName")).toString(), QStringLiteral("Shifo Med"));
        QCOMPARE(account.value(QStringLiteral("role")).toString(), QStringLiteral("clinic_admin"));
        QCOMPARE(account.value(QStringLiteral("mustChangePassword")).toBool(), true);

        const ServerProcess::CliResult badRole =
            m_server->runCli({QStringLiteral("create-user"), QStringLiteral("--clinic"), m_clinicId,
                              QStringLiteral("--login"), QStringLiteral("bob"), QStringLiteral("--full-name"),
                              QStringLiteral("Bob"), QStringLiteral("--role"), QStringLiteral("superuser")});
        QCOMPARE(badRole.exitCode, 2);
        QVERIFY(badRole.errorText().contains(QLatin1String("--role")));
    }

    void passwordFromStdin()
    {
        QVERIFY(!m_clinicId.isEmpty());
        const QString password = QStringLiteral("sunny-tashkent-morning-42");
        const ServerProcess::CliResult user = m_server->runCli(
            {QStringLiteral("create-user"), QStringLiteral("--clinic"), m_clinicId, QStringLiteral("--login"),
             QStringLiteral("doctor.karimov"), QStringLiteral("--full-name"), QStringLiteral("Dr. Karimov"),
             QStringLiteral("--role"), QStringLiteral("doctor"), QStringLiteral("--password-stdin")},
            password.toUtf8() + "\n");
        QCOMPARE(user.exitCode, 0);
        QVERIFY(!user.json().contains(QStringLiteral("oneTimePassword")));
        QVERIFY(!user.standardOutput.contains(password.toUtf8()));

        TestHttpClient c = client();
        const TestHttpResponse login = c.login(QStringLiteral("doctor.karimov"), password);
        QCOMPARE(login.status, 200);
        QCOMPARE(login.json()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("mustChangePassword"))
                     .toBool(),
                 false);
    }

    void weakPasswordIsRefused_data()
    {
        QTest::addColumn<QString>("password");
        QTest::newRow("too short") << QStringLiteral("abc123");
        QTest::newRow("common") << QStringLiteral("password");
        QTest::newRow("common digits") << QStringLiteral("12345678");
    }

    void weakPasswordIsRefused()
    {
        QFETCH(QString, password);
        const QString login = QStringLiteral("weak.%1").arg(
            QString::fromLatin1(QTest::currentDataTag()).remove(QLatin1Char(' ')));
        const ServerProcess::CliResult user = m_server->runCli(
            {QStringLiteral("create-user"), QStringLiteral("--clinic"), m_clinicId, QStringLiteral("--login"),
             login, QStringLiteral("--full-name"), QStringLiteral("Weak"), QStringLiteral("--role"),
             QStringLiteral("receptionist"), QStringLiteral("--password-stdin")},
            password.toUtf8() + "\n");
        QCOMPARE(user.exitCode, 1);
        QVERIFY(user.errorText().startsWith(QLatin1String("medora-server: ")));
        QVERIFY2(user.errorText().contains(QLatin1String("password")), qPrintable(user.errorText()));
        QVERIFY(user.standardOutput.isEmpty());
        // Nothing half-created: the login name is still free.
        const ServerProcess::User created = m_server->createUser(
            m_clinicId, login, QStringLiteral("receptionist"), QStringLiteral("a-much-better-passphrase"));
        QVERIFY(!created.id.isEmpty());
    }

    void disableUserEndsASignedInSession()
    {
        const ServerProcess::User user =
            m_server->createUser(m_clinicId, QStringLiteral("nodira"), QStringLiteral("receptionist"),
                                 QStringLiteral("green-apple-orchard-7"));
        QVERIFY(!user.id.isEmpty());
        TestHttpClient c = client();
        QCOMPARE(c.login(user.login, user.password).status, 200);
        QCOMPARE(c.get(QStringLiteral("/api/v1/me")).status, 200);

        const ServerProcess::CliResult disabled = m_server->runCli(
            {QStringLiteral("disable-user"), QStringLiteral("--login"), QStringLiteral("nodira")});
        QCOMPARE(disabled.exitCode, 0);
        QCOMPARE(disabled.json().value(QStringLiteral("disabled")).toBool(), true);

        const TestHttpResponse me = c.get(QStringLiteral("/api/v1/me"));
        QCOMPARE(me.status, 401);
        c.setBearerToken(QString());
        const TestHttpResponse again = c.login(user.login, user.password);
        QCOMPARE(again.status, 401);
        QCOMPARE(again.errorCode(), QStringLiteral("invalid_credentials"));

        const ServerProcess::CliResult unknown = m_server->runCli(
            {QStringLiteral("disable-user"), QStringLiteral("--login"), QStringLiteral("nobody.here")});
        QCOMPARE(unknown.exitCode, 1);
    }

    void revokeSessionsEndsASignedInSession()
    {
        const ServerProcess::User user =
            m_server->createUser(m_clinicId, QStringLiteral("sardor"), QStringLiteral("doctor"),
                                 QStringLiteral("quiet-river-stone-19"));
        QVERIFY(!user.id.isEmpty());
        TestHttpClient c = client();
        QCOMPARE(c.login(user.login, user.password).status, 200);
        QCOMPARE(c.get(QStringLiteral("/api/v1/me")).status, 200);

        const ServerProcess::CliResult revoked = m_server->runCli(
            {QStringLiteral("revoke-sessions"), QStringLiteral("--login"), QStringLiteral("sardor")});
        QCOMPARE(revoked.exitCode, 0);
        QCOMPARE(c.get(QStringLiteral("/api/v1/me")).status, 401);
        // Revoking ends sessions; the account itself still signs in.
        c.setBearerToken(QString());
        QCOMPARE(c.login(user.login, user.password, QStringLiteral("test-device-0002")).status, 200);
        QCOMPARE(c.get(QStringLiteral("/api/v1/me")).status, 200);
    }

    void seedDemoRunsOnce()
    {
        const ServerProcess::CliResult seeded = m_server->runCli({QStringLiteral("seed-demo")});
        QCOMPARE(seeded.exitCode, 0);
        const QString text = seeded.outputText();
        QVERIFY(text.contains(QLatin1String("Medora Demo Clinic")));
        QString adminPassword;
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            const QStringList words = line.simplified().split(QLatin1Char(' '));
            if (words.size() == 3 && words.at(1) == QLatin1String("admin"))
                adminPassword = words.at(2);
        }
        QVERIFY2(adminPassword.size() >= 12, qPrintable(text));
        QVERIFY(text.contains(QLatin1String("doctor")));
        QVERIFY(text.contains(QLatin1String("reception")));

        TestHttpClient c = client();
        const TestHttpResponse login = c.login(QStringLiteral("admin"), adminPassword);
        QCOMPARE(login.status, 200);
        QCOMPARE(login.json()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("clinicName"))
                     .toString(),
                 QStringLiteral("Medora Demo Clinic"));
        QCOMPARE(c.get(QStringLiteral("/api/v1/staff")).json().value(QStringLiteral("total")).toInt(), 3);

        const ServerProcess::CliResult again = m_server->runCli({QStringLiteral("seed-demo")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.errorText().contains(QLatin1String("already exists")));
    }

    // Last: it tampers with the database.
    void verifyAuditDetectsTampering()
    {
        const ServerProcess::CliResult intact = m_server->runCli({QStringLiteral("verify-audit")});
        QCOMPARE(intact.exitCode, 0);
        const QRegularExpression count(QStringLiteral("^audit chain intact: (\\d+) events\\n"
                                                      "audit chain head: \\d+:[0-9a-f]{64}\\n$"));
        const QRegularExpressionMatch match = count.match(intact.outputText());
        QVERIFY2(match.hasMatch(), qPrintable(intact.outputText()));
        QVERIFY(match.captured(1).toInt() >= 5);

        QCOMPARE(m_server->stop(), 0);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(m_server->databaseFile());
            QVERIFY(db.open());
            QSqlQuery query(db);
            // Someone with write access to the file can drop the append-only trigger first.
            QVERIFY(query.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_events_no_update")));
            QVERIFY2(query.exec(QStringLiteral(
                         "UPDATE audit_events SET actor_login = 'mallory' WHERE sequence = 3")),
                     qPrintable(query.lastError().text()));
            QCOMPARE(query.numRowsAffected(), 1);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));

        const ServerProcess::CliResult broken = m_server->runCli({QStringLiteral("verify-audit")});
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.errorText().contains(QLatin1String("sequence 3")), qPrintable(broken.errorText()));
        QVERIFY(broken.outputText().contains(QLatin1String("sequence 3")));
        m_server.reset();
    }
};

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_servercli.moc"
