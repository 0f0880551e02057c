#include "MemorySecretStore.h"
#include "ServerProcess.h"
#include "admin/AuditClient.h"
#include "admin/AuditCsvWriter.h"
#include "admin/AuditExport.h"
#include "admin/StaffClient.h"
#include "api/ApiClient.h"
#include "session/SessionManager.h"

#include <QFile>
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

const QString kPassword = QStringLiteral("pomegranate river 61");

struct ClientCore
{
    MemorySecretStore secrets;
    ApiClient api;
    std::unique_ptr<SessionManager> session;

    bool signIn(const ServerProcess &server, const QString &login)
    {
        if (!api.setCaCertificateFile(server.certificateFile()))
            return false;
        session = std::make_unique<SessionManager>(api, secrets);
        if (!session->setServerAddress(server.baseUrl()).ok())
            return false;
        QSignalSpy signedIn(session.get(), &SessionManager::signedIn);
        session->signIn(login, kPassword);
        return signedIn.wait(15000);
    }
};

} // namespace

// AuditClient, AuditExport and AuditCsvWriter against the real medora-server over HTTPS:
// filters by who, what, target and period, paging, CSV export; a receptionist is refused.
class TestAuditClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> server;
    QString clinicId, bossId, deskId, createdId;
    ClientCore boss;

    AuditPage fetch(AuditClient &client, const AuditFilter &filter, qint64 before = 0, int limit = 100)
    {
        QSignalSpy ready(&client, &AuditClient::pageReady);
        QSignalSpy failed(&client, &AuditClient::failed);
        client.fetch(filter, before, limit);
        if (!ready.wait(15000) || !failed.isEmpty()) {
            qWarning() << "no audit page"
                       << (failed.isEmpty() ? QString() : failed.first().first().value<ApiError>().code);
            return {};
        }
        return ready.first().first().value<AuditPage>();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_auditclient"));
        QSettings().clear();
        ServerProcess::Options options;
        options.tls = true;
        server = std::make_unique<ServerProcess>(options);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        clinicId = server->createClinic(QStringLiteral("Shifo Nur"));
        bossId =
            server->createUser(clinicId, QStringLiteral("boss"), QStringLiteral("clinic_admin"), kPassword)
                .id;
        deskId =
            server->createUser(clinicId, QStringLiteral("desk"), QStringLiteral("receptionist"), kPassword)
                .id;
        QVERIFY(!bossId.isEmpty() && !deskId.isEmpty());
        QVERIFY(boss.signIn(*server, QStringLiteral("boss")));
        ClientCore desk;
        QVERIFY(desk.signIn(*server, QStringLiteral("desk")));

        // A few staff events by the admin.
        StaffClient staff(*boss.session);
        QSignalSpy created(&staff, &StaffClient::created);
        for (const QString &login :
             {QStringLiteral("doc.one"), QStringLiteral("doc.two"), QStringLiteral("doc.three")}) {
            staff.create({login, QStringLiteral("Доктор ") + login, QStringLiteral("doctor"), QString()});
            QVERIFY(created.wait(15000));
            server->registerSecret(created.last().at(1).toString().toUtf8());
        }
        createdId = created.first().first().value<StaffAccount>().id;
        QSignalSpy updated(&staff, &StaffClient::updated);
        staff.setDisabled(createdId, true);
        QVERIFY(updated.wait(15000));
    }

    void cleanupTestCase()
    {
        boss.session.reset();
        server.reset();
    }

    void everythingNewestFirst()
    {
        AuditClient client(*boss.session);
        const AuditPage page = fetch(client, {});
        QVERIFY(page.events.size() >= 7); // logins, creations, disabling
        QCOMPARE(page.next, qint64(0));
        for (int i = 1; i < page.events.size(); ++i)
            QVERIFY(page.events.at(i - 1).sequence > page.events.at(i).sequence);
        QVERIFY(page.events.first().at.isValid());
        QCOMPARE(page.events.first().at.timeSpec(), Qt::UTC);
    }

    void filtersByWhatWhoTargetAndPeriod()
    {
        AuditClient client(*boss.session);
        AuditFilter filter;
        filter.action = QStringLiteral("staff.create");
        AuditPage page = fetch(client, filter);
        QCOMPARE(page.events.size(), 5); // two by the operator's command line, three by the admin
        for (const AuditEvent &event : page.events)
            QCOMPARE(event.action, QStringLiteral("staff.create"));
        filter.actorUserId = bossId;
        page = fetch(client, filter);
        QCOMPARE(page.events.size(), 3);
        for (const AuditEvent &event : page.events) {
            QCOMPARE(event.actorUserId, bossId);
            QCOMPARE(event.actorLogin, QStringLiteral("boss"));
        }
        filter.actorUserId.clear();

        filter.action = QStringLiteral("auth.");
        page = fetch(client, filter);
        QVERIFY(page.events.size() >= 2);
        for (const AuditEvent &event : page.events)
            QVERIFY2(event.action.startsWith(QLatin1String("auth.")), qPrintable(event.action));

        filter = {};
        filter.actorUserId = deskId;
        page = fetch(client, filter);
        QVERIFY(!page.events.isEmpty());
        for (const AuditEvent &event : page.events)
            QCOMPARE(event.actorUserId, deskId);

        filter = {};
        filter.targetId = createdId;
        page = fetch(client, filter);
        QStringList actions;
        for (const AuditEvent &event : page.events) {
            QCOMPARE(event.targetId, createdId);
            actions << event.action;
        }
        // Disabling may also record the sessions it ended; the account's story starts with its creation.
        QVERIFY2(actions.contains(QStringLiteral("staff.disable")),
                 qPrintable(actions.join(QLatin1Char(','))));
        QCOMPARE(actions.last(), QStringLiteral("staff.create"));
        QCOMPARE(actions.count(QStringLiteral("staff.create")), 1);

        filter = {};
        filter.from = QDateTime::currentDateTimeUtc().addDays(1);
        QVERIFY(fetch(client, filter).events.isEmpty());
        filter.from = QDateTime::currentDateTimeUtc().addSecs(-3600);
        filter.to = QDateTime::currentDateTimeUtc().addSecs(3600);
        QVERIFY(fetch(client, filter).events.size() >= 7);
    }

    void pagesThroughOlderEvents()
    {
        AuditClient client(*boss.session);
        const AuditPage all = fetch(client, {});
        const AuditPage first = fetch(client, {}, 0, 2);
        QCOMPARE(first.events.size(), 2);
        QVERIFY(first.next > 0);
        const AuditPage second = fetch(client, {}, first.next, 2);
        QCOMPARE(second.events.size(), 2);
        QCOMPARE(second.events.at(0).sequence, all.events.at(2).sequence);
        QVERIFY(second.events.at(0).sequence < first.events.at(1).sequence);
    }

    void badFiltersNameTheirField()
    {
        AuditClient client(*boss.session);
        QSignalSpy failed(&client, &AuditClient::failed);
        AuditFilter filter;
        filter.from = QDateTime::currentDateTimeUtc();
        filter.to = filter.from.addDays(-1);
        client.fetch(filter);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().first().value<ApiError>().field, QStringLiteral("to"));
        filter = {};
        filter.action = QStringLiteral("Staff Create");
        QCOMPARE(AuditClient::validate(filter).first().field, QStringLiteral("action"));
        filter = {};
        filter.actorUserId = QStringLiteral("not-a-uuid");
        QCOMPARE(AuditClient::validate(filter).first().field, QStringLiteral("actor"));
    }

    void aReceptionistIsNotAllowed()
    {
        ClientCore desk;
        QVERIFY(desk.signIn(*server, QStringLiteral("desk")));
        AuditClient client(*desk.session);
        QSignalSpy failed(&client, &AuditClient::failed);
        QSignalSpy ready(&client, &AuditClient::pageReady);
        client.fetch({});
        QVERIFY(failed.wait(15000));
        QCOMPARE(ready.size(), 0);
        const ApiError error = failed.first().first().value<ApiError>();
        QCOMPARE(error.httpStatus, 403);
        QCOMPARE(error.code, QStringLiteral("forbidden"));
    }

    void exportsEveryPageAsCsvWithBom()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.csv"));
        AuditExport exporter(*boss.session);
        QSignalSpy finished(&exporter, &AuditExport::finished);
        QSignalSpy progress(&exporter, &AuditExport::progress);
        AuditFilter filter;
        filter.action = QStringLiteral("staff.");
        exporter.start(filter, path, AuditCsvWriter({{bossId, QStringLiteral("Юсупова Азиза")}}));
        QVERIFY(exporter.isRunning());
        QVERIFY(finished.wait(15000));
        QVERIFY(!exporter.isRunning());
        QCOMPARE(finished.first().at(1).toInt(), 6); // five creations, one disabling
        QVERIFY(!progress.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(bytes.mid(3));
        const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 7);
        QVERIFY(lines.at(1).contains(QStringLiteral("\"Юсупова Азиза\",\"boss\",\"staff.disable\"")));
        QVERIFY(text.contains(QStringLiteral("\"staff.create\"")));
    }

    void csvFieldsAreQuotedAndNeverFormulas()
    {
        QCOMPARE(AuditCsvWriter::field(QStringLiteral("a\"b")), QStringLiteral("\"a\"\"b\""));
        QCOMPARE(AuditCsvWriter::field(QStringLiteral("=cmd()")), QStringLiteral("\"'=cmd()\""));
        QCOMPARE(AuditCsvWriter::field(QStringLiteral("-1+2")), QStringLiteral("\"'-1+2\""));
        QCOMPARE(AuditCsvWriter::field(QStringLiteral("Oʻktam, Ўктам")), QStringLiteral("\"Oʻktam, Ўктам\""));
    }

    void malformedEventsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        const QByteArray good = R"({"sequence":12,"at":"2026-01-31T09:00:00.000Z","clinicId":"c",
            "action":"staff.create","actorUserId":"u","actorLogin":"boss","targetType":"user",
            "targetId":"t","clientAddress":null,"details":{"role":"doctor"}})";
        QTest::newRow("good") << good << true;
        QTest::newRow("null details") << QByteArray(good).replace(R"({"role":"doctor"})", "null") << true;
        QTest::newRow("sequence text") << QByteArray(good).replace("12", "\"12\"") << false;
        QTest::newRow("sequence fraction") << QByteArray(good).replace("12", "12.5") << false;
        QTest::newRow("sequence zero") << QByteArray(good).replace(":12,", ":0,") << false;
        QTest::newRow("bad time") << QByteArray(good).replace("2026-01-31T09", "yesterday") << false;
        QTest::newRow("no action") << QByteArray(good).replace("\"action\":\"staff.create\",", "") << false;
        QTest::newRow("login number") << QByteArray(good).replace("\"boss\"", "3") << false;
        QTest::newRow("details array") << QByteArray(good).replace(R"({"role":"doctor"})", "[]") << false;
    }

    void malformedEventsAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(AuditEvent::fromJson(document.object()).has_value(), valid);
    }
};

QTEST_GUILESS_MAIN(TestAuditClient)
#include "tst_auditclient.moc"
