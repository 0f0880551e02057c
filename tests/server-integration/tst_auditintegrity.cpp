#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using medora::ServerProcess;
using medora::TestHttpClient;
using medora::TestHttpResponse;

namespace {

const QString kPassword = QStringLiteral("walnut orchard 4417");

} // namespace

// What an operator and a clinic admin see of the audit trail through the real binary:
// every API item names its clinic, and `verify-audit` prints a head that, recorded off the
// server, later exposes both a cut-off tail and a tail that was cut off and grown again.
class TestAuditIntegrity : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> server;
    QString clinicA, clinicB;

    TestHttpClient signIn(const QString &login)
    {
        TestHttpClient client;
        server->configureClient(client);
        const TestHttpResponse response = client.login(login, kPassword);
        if (response.status == 200) {
            server->registerSecret(response.json().value("accessToken").toString().toUtf8());
            server->registerSecret(response.json().value("refreshToken").toString().toUtf8());
        } else {
            qWarning("login %s: %d %s", qPrintable(login), response.status, response.body.constData());
        }
        return client;
    }

    // Runs verify-audit and returns its "audit chain head:" value ("SEQ:HASH").
    QString recordHead(QString *error)
    {
        const ServerProcess::CliResult result = server->runCli({QStringLiteral("verify-audit")});
        static const QRegularExpression headLine(
            QStringLiteral("^audit chain intact: \\d+ events\\naudit chain head: (\\d+:[0-9a-f]{64})\\n$"));
        const QRegularExpressionMatch match = headLine.match(result.outputText());
        if (result.exitCode != 0 || !match.hasMatch()) {
            *error = QStringLiteral("exit %1: %2 %3")
                         .arg(result.exitCode)
                         .arg(result.outputText(), result.errorText());
            return QString();
        }
        return match.captured(1);
    }

    bool tamper(const QString &statement, QString *error)
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(server->databaseFile());
            ok = db.open();
            QSqlQuery query(db);
            // The server makes audit_events append-only with triggers; an attacker with the
            // file can drop them, so the test does too.
            QStringList triggers;
            if (ok &&
                query.exec(QStringLiteral(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'"))) {
                while (query.next())
                    triggers << query.value(0).toString();
            }
            for (const QString &trigger : std::as_const(triggers))
                ok = ok && query.exec(QStringLiteral("DROP TRIGGER \"%1\"").arg(trigger));
            ok = ok && query.exec(statement);
            if (!ok)
                *error = query.lastError().text() + db.lastError().text();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        return ok;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ServerProcess::serverPath()).isExecutable(), "MEDORA_SERVER_PATH is not set");
        server = std::make_unique<ServerProcess>();
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        clinicA = server->createClinic(QStringLiteral("Audit Clinic A"));
        clinicB = server->createClinic(QStringLiteral("Audit Clinic B"));
        QVERIFY(!clinicA.isEmpty() && !clinicB.isEmpty());
        QVERIFY(
            !server->createUser(clinicA, QStringLiteral("admin.a"), QStringLiteral("clinic_admin"), kPassword)
                 .id.isEmpty());
        QVERIFY(
            !server->createUser(clinicB, QStringLiteral("admin.b"), QStringLiteral("clinic_admin"), kPassword)
                 .id.isEmpty());
    }

    void cleanupTestCase() { server.reset(); }

    void auditItemsCarryTheirClinic()
    {
        TestHttpClient adminA = signIn(QStringLiteral("admin.a"));
        TestHttpClient adminB = signIn(QStringLiteral("admin.b"));
        const QList<QPair<TestHttpClient *, QString>> admins{{&adminA, clinicA}, {&adminB, clinicB}};
        for (const auto &admin : admins) {
            const TestHttpResponse audit = admin.first->get(QStringLiteral("/api/v1/audit"));
            QCOMPARE(audit.status, 200);
            const QJsonArray items = audit.json().value("items").toArray();
            QVERIFY(items.size() >= 2); // clinic.create, auth.login at least
            for (const QJsonValue &item : items) {
                QVERIFY2(item.toObject().value("clinicId").toString() == admin.second,
                         qPrintable(QJsonDocument(item.toObject()).toJson(QJsonDocument::Compact)));
            }
        }
    }

    void usageErrorForAMalformedHead()
    {
        for (const QString &bad : {QStringLiteral("12"), QStringLiteral("0:") + QString(64, QLatin1Char('a')),
                                   QStringLiteral("3:abc")}) {
            const ServerProcess::CliResult result =
                server->runCli({QStringLiteral("verify-audit"), QStringLiteral("--expect-head"), bad});
            QCOMPARE(result.exitCode, 2);
            QVERIFY2(
                result.errorText().startsWith(QLatin1String("medora-server: verify-audit: --expect-head")),
                qPrintable(result.errorText()));
        }
    }

    // Last: it tampers with the database.
    void recordedHeadExposesTruncationAndRegrowth()
    {
        QString error;
        const QString head = recordHead(&error);
        QVERIFY2(!head.isEmpty(), qPrintable(error));
        const qint64 headSequence = head.section(QLatin1Char(':'), 0, 0).toLongLong();

        // Later events do not disturb a recorded head.
        signIn(QStringLiteral("admin.a"));
        const ServerProcess::CliResult later =
            server->runCli({QStringLiteral("verify-audit"), QStringLiteral("--expect-head"), head});
        QVERIFY2(later.exitCode == 0, qPrintable(later.errorText()));
        QVERIFY(later.outputText().contains(QStringLiteral("recorded head %1 found").arg(headSequence)));
        QVERIFY(!later.outputText().contains(head)); // the head moved on

        // Cut off the newest events, the recorded one included: the chain alone still verifies.
        QCOMPARE(server->stop(), 0);
        QVERIFY2(tamper(QStringLiteral("DELETE FROM audit_events WHERE sequence >= %1").arg(headSequence - 1),
                        &error),
                 qPrintable(error));
        const ServerProcess::CliResult plain = server->runCli({QStringLiteral("verify-audit")});
        QCOMPARE(plain.exitCode, 0);
        const ServerProcess::CliResult truncated =
            server->runCli({QStringLiteral("verify-audit"), QStringLiteral("--expect-head"), head});
        QCOMPARE(truncated.exitCode, 1);
        QVERIFY2(truncated.errorText().contains(
                     QStringLiteral("audit chain ends at sequence %1, before the recorded head %2")
                         .arg(headSequence - 2)
                         .arg(headSequence)),
                 qPrintable(truncated.errorText()));

        // New events fill the same sequence numbers with other hashes.
        QVERIFY2(server->start(&error), qPrintable(error));
        for (int i = 0; i < 3; ++i)
            signIn(QStringLiteral("admin.b"));
        const ServerProcess::CliResult rewritten =
            server->runCli({QStringLiteral("verify-audit"), QStringLiteral("--expect-head"), head});
        QCOMPARE(rewritten.exitCode, 1);
        QVERIFY2(
            rewritten.errorText().contains(QStringLiteral("audit event %1 has hash").arg(headSequence)) &&
                rewritten.errorText().contains(QLatin1String("the chain was rewritten")),
            qPrintable(rewritten.errorText()));
        QVERIFY(rewritten.outputText().startsWith(QLatin1String("audit chain intact:")));
    }
};

QTEST_GUILESS_MAIN(TestAuditIntegrity)
#include "tst_auditintegrity.moc"
