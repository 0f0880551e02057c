#include "ServerProcess.h"
#include "TestHttpClient.h"

#include "domain/EntityJson.h"
#include "domain/SyncProtocol.h"
#include "domain/UuidV7.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

using medora::EntityJson;
using medora::ServerProcess;
using medora::TestHttpClient;
using medora::TestHttpResponse;
using medora::UuidV7;

namespace {

const QString kPassword = QStringLiteral("saffron window 58");
const QDateTime kCreated = QDateTime(QDate(2026, 11, 28), QTime(6, 0), Qt::UTC);

QString newId()
{
    return UuidV7::generate().toString(QUuid::WithoutBraces);
}

QJsonObject patientData(const QString &lastName)
{
    medora::Patient patient;
    patient.number = QStringLiteral("KQX-00001");
    patient.lastName = lastName;
    patient.firstName = QStringLiteral("Dilnoza");
    patient.sex = medora::Sex::Female;
    patient.createdAt = kCreated;
    patient.createdBy = QStringLiteral("reception");
    return EntityJson::toJson(patient);
}

QJsonObject visitData(const QString &patientId, const QString &doctorId)
{
    medora::Visit visit;
    visit.patientId = QUuid::fromString(patientId);
    visit.doctorId = doctorId;
    visit.day = QDate(2026, 11, 28);
    visit.ticket = 3;
    visit.createdAt = kCreated;
    visit.createdBy = doctorId;
    return EntityJson::toJson(visit);
}

QJsonObject reportData(const QString &visitId, const QString &patientId, const QString &authorId,
                       const QString &complaints)
{
    medora::Report report;
    report.visitId = QUuid::fromString(visitId);
    report.patientId = QUuid::fromString(patientId);
    report.authorId = authorId;
    report.sections.complaints = complaints;
    report.createdAt = kCreated;
    return EntityJson::toJson(report);
}

QJsonObject op(const QString &entity, const QString &id, const QJsonObject &data, qint64 baseRevision = 0)
{
    return {{"opId", newId()},
            {"entity", entity},
            {"id", id},
            {"baseRevision", double(baseRevision)},
            {"action", QStringLiteral("upsert")},
            {"data", data}};
}

QJsonObject deleteOp(const QString &entity, const QString &id, qint64 baseRevision)
{
    return {{"opId", newId()},
            {"entity", entity},
            {"id", id},
            {"baseRevision", double(baseRevision)},
            {"action", QStringLiteral("delete")}};
}

QJsonObject pushBody(const QJsonArray &ops)
{
    return {{"deviceId", QStringLiteral("pc-sync-test")}, {"ops", ops}};
}

QJsonArray results(const TestHttpResponse &response)
{
    return response.json().value("results").toArray();
}

QString status(const QJsonValue &result)
{
    return result.toObject().value("status").toString();
}

QString reason(const QJsonValue &result)
{
    return result.toObject().value("reason").toObject().value("code").toString();
}

QStringList ids(const TestHttpResponse &pull)
{
    QStringList found;
    for (const QJsonValue &change : pull.json().value("changes").toArray())
        found << change.toObject().value("id").toString();
    return found;
}

} // namespace

// Sync over the real binary: push/pull round trips, role and clinic rules, hostile bodies,
// the sync route's own body limit, long polls and the resync after compaction.
class TestSyncApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> server;
    TestHttpClient reception;
    TestHttpClient doctor;
    TestHttpClient stranger; // a doctor of another clinic
    QString doctorId;
    QString receptionId;

    bool signIn(TestHttpClient *client, const QString &clinicId, const QString &login, const QString &role,
                QString *userId)
    {
        const ServerProcess::User user = server->createUser(clinicId, login, role, kPassword);
        if (user.id.isEmpty())
            return false;
        server->configureClient(*client);
        *userId = user.id;
        return client
                   ->login(login, kPassword,
                           QStringLiteral("device-") +
                               QString(login).replace(QLatin1Char('.'), QLatin1Char('-')))
                   .status == 200;
    }

    TestHttpResponse push(TestHttpClient &client, const QJsonArray &ops)
    {
        return client.postJson(QStringLiteral("/api/v1/sync/push"), pushBody(ops));
    }

    TestHttpResponse pull(TestHttpClient &client, qint64 after, int wait = 0)
    {
        return client.get(
            QStringLiteral("/api/v1/sync/pull?after=%1&limit=1000&wait=%2").arg(after).arg(wait));
    }

    qint64 serverSequence(TestHttpClient &client)
    {
        return pull(client, 0).json().value("serverSequence").toInteger();
    }

    // Sends a long poll without blocking, so the test can push while it is held.
    QNetworkReply *startLongPoll(QNetworkAccessManager &manager, const QString &token, qint64 after, int wait)
    {
        QNetworkRequest request(QUrl(
            server->baseUrl() + QStringLiteral("/api/v1/sync/pull?after=%1&wait=%2").arg(after).arg(wait)));
        request.setRawHeader("X-Forwarded-Proto", "https");
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setTransferTimeout(30000);
        return manager.get(request);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ServerProcess::serverPath()).isExecutable(), "MEDORA_SERVER_PATH is not set");
        ServerProcess::Options options;
        options.environment.insert(QStringLiteral("MEDORA_RATE_USER_PER_MINUTE"), QStringLiteral("100000"));
        options.environment.insert(QStringLiteral("MEDORA_RATE_USER_BURST"), QStringLiteral("100000"));
        server = std::make_unique<ServerProcess>(options);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        const QString clinic = server->createClinic(QStringLiteral("Sync Klinika"));
        const QString otherClinic = server->createClinic(QStringLiteral("Boshqa Klinika"));
        QVERIFY(!clinic.isEmpty() && !otherClinic.isEmpty());
        QString strangerId;
        QVERIFY(signIn(&reception, clinic, QStringLiteral("sync.reception"), QStringLiteral("receptionist"),
                       &receptionId));
        QVERIFY(signIn(&doctor, clinic, QStringLiteral("sync.doctor"), QStringLiteral("doctor"), &doctorId));
        QVERIFY(signIn(&stranger, otherClinic, QStringLiteral("other.doctor"), QStringLiteral("doctor"),
                       &strangerId));
    }

    void cleanupTestCase() { server.reset(); }

    void pushThenPullRoundTrip()
    {
        const QString patient = newId();
        const QString visit = newId();
        const QJsonObject patientOp =
            op(QStringLiteral("patient"), patient, patientData(QStringLiteral("Aminova")));
        const TestHttpResponse pushed =
            push(reception, {patientOp, op(QStringLiteral("visit"), visit, visitData(patient, doctorId))});
        QCOMPARE(pushed.status, 200);
        QCOMPARE(pushed.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        const QJsonArray answers = results(pushed);
        QCOMPARE(answers.size(), 2);
        QCOMPARE(status(answers[0]), QStringLiteral("applied"));
        QCOMPARE(status(answers[1]), QStringLiteral("applied"));
        const qint64 visitSequence = answers[1].toObject().value("sequence").toInteger();
        QCOMPARE(pushed.json().value("serverSequence").toInteger(), visitSequence);

        const TestHttpResponse pulled = pull(doctor, 0);
        QCOMPARE(pulled.status, 200);
        QVERIFY(ids(pulled).contains(patient));
        QVERIFY(ids(pulled).contains(visit));
        QCOMPARE(pulled.json().value("databaseId").toString().size(), 32);
        for (const QJsonValue &change : pulled.json().value("changes").toArray()) {
            if (change.toObject().value("id").toString() == patient)
                QCOMPARE(change.toObject().value("data").toObject(), patientOp.value("data").toObject());
        }

        // The same op again: the first answer, nothing applied twice.
        const TestHttpResponse replay = push(reception, {patientOp});
        QCOMPARE(status(results(replay)[0]), QStringLiteral("duplicate"));
        QCOMPARE(results(replay)[0].toObject().value("firstStatus").toString(), QStringLiteral("applied"));
        QCOMPARE(replay.json().value("serverSequence").toInteger(), visitSequence);
    }

    void receptionistGetsNoReportsAndCannotPushThem()
    {
        const QString patient = newId();
        const QString visit = newId();
        const QString report = newId();
        QCOMPARE(
            push(reception, {op(QStringLiteral("patient"), patient, patientData(QStringLiteral("Rasulova"))),
                             op(QStringLiteral("visit"), visit, visitData(patient, doctorId))})
                .status,
            200);
        const TestHttpResponse written =
            push(doctor, {op(QStringLiteral("report"), report,
                             reportData(visit, patient, doctorId, QStringLiteral("cough")))});
        QCOMPARE(status(results(written)[0]), QStringLiteral("applied"));

        const TestHttpResponse forReception = pull(reception, 0);
        QCOMPARE(forReception.status, 200);
        QVERIFY(!ids(forReception).contains(report));
        for (const QJsonValue &change : forReception.json().value("changes").toArray())
            QVERIFY(change.toObject().value("entity").toString() != QLatin1String("report"));
        QVERIFY(!forReception.body.contains("cough"));
        QCOMPARE(forReception.json().value("next").toInteger(),
                 forReception.json().value("serverSequence").toInteger());
        QVERIFY(ids(pull(doctor, 0)).contains(report));

        const TestHttpResponse refused =
            push(reception, {op(QStringLiteral("report"), newId(),
                                reportData(visit, patient, receptionId, QStringLiteral("x")))});
        QCOMPARE(refused.status, 200);
        QCOMPARE(reason(results(refused)[0]), QStringLiteral("forbidden"));
        QVERIFY(!results(refused)[0].toObject().contains("record"));
    }

    void clinicsAreIsolated()
    {
        const QString patient = newId();
        push(reception, {op(QStringLiteral("patient"), patient, patientData(QStringLiteral("Yoqubova")))});
        const TestHttpResponse theirs = pull(stranger, 0);
        QCOMPARE(theirs.status, 200);
        QVERIFY(!ids(theirs).contains(patient));
        QVERIFY(!theirs.body.contains("Yoqubova"));
        const TestHttpResponse refused =
            push(stranger, {op(QStringLiteral("visit"), newId(), visitData(patient, doctorId))});
        QCOMPARE(reason(results(refused)[0]), QStringLiteral("missing_dependency"));
        QVERIFY(!refused.body.contains("Yoqubova"));
    }

    void malformedPushesChangeNothing()
    {
        const qint64 before = serverSequence(doctor);
        const QString patient = newId();
        const QJsonObject good = op(QStringLiteral("patient"), patient, patientData(QStringLiteral("Sound")));
        auto with = [&good](const QString &key, const QJsonValue &value) {
            QJsonObject changed = good;
            if (value.isUndefined())
                changed.remove(key);
            else
                changed.insert(key, value);
            return changed;
        };
        QJsonArray tooMany;
        for (int i = 0; i <= medora::SyncProtocol::kMaxOpsPerPush; ++i)
            tooMany.append(op(QStringLiteral("patient"), newId(), patientData(QStringLiteral("Many"))));
        QJsonObject sameOpId = op(QStringLiteral("patient"), newId(), patientData(QStringLiteral("Twin")));
        sameOpId.insert("opId", good.value("opId"));
        QByteArray deep = "{\"deviceId\":\"pc\",\"ops\":[" + QByteArray(40, '[') + QByteArray(40, ']') + "]}";

        const struct
        {
            const char *name;
            QByteArray body;
            const char *code;
            const char *field;
        } cases[] = {
            {"not json", "{\"deviceId\":", "invalid_json", ""},
            {"not an object", "[1,2]", "invalid_json", ""},
            {"too deep", deep, "invalid_json", ""},
            {"unknown key",
             QJsonDocument(QJsonObject{{"deviceId", "pc"}, {"ops", QJsonArray{good}}, {"extra", 1}}).toJson(),
             "invalid_push", "extra"},
            {"ops not a list", QJsonDocument(QJsonObject{{"deviceId", "pc"}, {"ops", 5}}).toJson(),
             "invalid_push", "ops"},
            {"one op over the limit", QJsonDocument(pushBody(tooMany)).toJson(), "invalid_push", "ops"},
            {"duplicate op id", QJsonDocument(pushBody({good, sameOpId})).toJson(), "invalid_push",
             "ops[1].opId"},
            {"bad uuid", QJsonDocument(pushBody({good, with("id", "not-a-uuid")})).toJson(), "invalid_push",
             "ops[1].id"},
            {"negative base", QJsonDocument(pushBody({good, with("baseRevision", -1)})).toJson(),
             "invalid_push", "ops[1].baseRevision"},
            {"unknown entity", QJsonDocument(pushBody({good, with("entity", "invoice")})).toJson(),
             "invalid_push", "ops[1].entity"},
            {"unknown action", QJsonDocument(pushBody({good, with("action", "merge")})).toJson(),
             "invalid_push", "ops[1].action"},
            {"data on delete", QJsonDocument(pushBody({good, with("action", "delete")})).toJson(),
             "invalid_push", "ops[1].data"},
            {"no data on upsert",
             QJsonDocument(pushBody({good, with("data", QJsonValue::Undefined)})).toJson(), "invalid_push",
             "ops[1].data"},
            {"changedFields outside the merge fields",
             QJsonDocument(pushBody({good, with("changedFields", QJsonArray{"number"})})).toJson(),
             "invalid_push", "ops[1].changedFields[0]"},
        };
        for (const auto &c : cases) {
            const TestHttpResponse response = doctor.request("POST", QStringLiteral("/api/v1/sync/push"),
                                                             c.body, {{"Content-Type", "application/json"}});
            QVERIFY2(response.status == 400, qPrintable(QStringLiteral("%1: %2 %3")
                                                            .arg(c.name)
                                                            .arg(response.status)
                                                            .arg(QString(response.body))));
            QCOMPARE(response.errorCode(), QLatin1String(c.code));
            if (*c.field)
                QCOMPARE(response.json().value("error").toObject().value("field").toString(),
                         QLatin1String(c.field));
        }
        // Wrong data is refused per op: the op is rejected, nothing is written.
        QJsonObject badData = good.value("data").toObject();
        badData.insert("lastName", QJsonValue(42));
        QJsonObject invalidOp = with("data", badData);
        invalidOp.insert("opId", newId());
        const TestHttpResponse invalid = push(doctor, {invalidOp});
        QCOMPARE(reason(results(invalid)[0]), QStringLiteral("invalid_data"));
        QCOMPARE(results(invalid)[0].toObject().value("reason").toObject().value("field").toString(),
                 QStringLiteral("data.lastName"));

        QCOMPARE(serverSequence(doctor), before);
        QVERIFY(!ids(pull(doctor, 0)).contains(patient));
        // The sound op on its own is fine.
        QCOMPARE(status(results(push(doctor, {good}))[0]), QStringLiteral("applied"));
    }

    void pushTakesUpToOneMebibyteOtherRoutesKeepTheirLimit()
    {
        constexpr int kMebibyte = 1024 * 1024;
        // One hundred full reports fill most of a push.
        const QString patient = newId();
        const QString visit = newId();
        push(reception, {op(QStringLiteral("patient"), patient, patientData(QStringLiteral("Katta"))),
                         op(QStringLiteral("visit"), visit, visitData(patient, doctorId))});
        QJsonArray reports;
        for (int i = 0; i < 100; ++i)
            reports.append(
                op(QStringLiteral("report"), newId(),
                   reportData(visit, patient, doctorId, QString(9500, QLatin1Char('a' + i % 26)))));
        const QByteArray big = QJsonDocument(pushBody(reports)).toJson(QJsonDocument::Compact);
        QVERIFY(big.size() > 900 * 1024 && big.size() < kMebibyte);
        const TestHttpResponse applied = doctor.request("POST", QStringLiteral("/api/v1/sync/push"), big,
                                                        {{"Content-Type", "application/json"}});
        QCOMPARE(applied.status, 200);
        QCOMPARE(results(applied).size(), 100);
        for (const QJsonValue &result : results(applied))
            QCOMPARE(status(result), QStringLiteral("applied"));

        QByteArray exact = QJsonDocument(pushBody({})).toJson(QJsonDocument::Compact);
        exact.append(QByteArray(kMebibyte - exact.size(), ' '));
        QCOMPARE(doctor
                     .request("POST", QStringLiteral("/api/v1/sync/push"), exact,
                              {{"Content-Type", "application/json"}})
                     .status,
                 200);
        exact.append(' ');
        const TestHttpResponse tooLarge = doctor.request("POST", QStringLiteral("/api/v1/sync/push"), exact,
                                                         {{"Content-Type", "application/json"}});
        QCOMPARE(tooLarge.status, 413);
        QCOMPARE(tooLarge.errorCode(), QStringLiteral("body_too_large"));

        // Every other route keeps the 64 KiB default.
        QByteArray staff = R"({"login":"big.body","fullName":"Big Body","role":"doctor"})";
        staff.append(QByteArray(64 * 1024 + 1 - staff.size(), ' '));
        TestHttpClient fresh;
        server->configureClient(fresh);
        const TestHttpResponse staffTooLarge = fresh.request("POST", QStringLiteral("/api/v1/staff"), staff,
                                                             {{"Content-Type", "application/json"}});
        QCOMPARE(staffTooLarge.status, 413);
        QCOMPARE(staffTooLarge.errorCode(), QStringLiteral("body_too_large"));
    }

    void longPollWakesOnAPushFromAnotherSession()
    {
        const qint64 seen = serverSequence(doctor);
        const QString token = [&] {
            TestHttpClient poller;
            server->configureClient(poller);
            const TestHttpResponse login =
                poller.login(QStringLiteral("sync.doctor"), kPassword, QStringLiteral("device-poller"));
            return login.json().value("accessToken").toString();
        }();
        QVERIFY(!token.isEmpty());
        QNetworkAccessManager manager;
        QNetworkReply *reply = startLongPoll(manager, token, seen, 20);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        // Held while nothing changes.
        QVERIFY(!finished.wait(500));

        const QString patient = newId();
        const TestHttpResponse pushed = push(
            reception, {op(QStringLiteral("patient"), patient, patientData(QStringLiteral("Uyg'otuvchi")))});
        QElapsedTimer sincePush;
        sincePush.start();
        QCOMPARE(status(results(pushed)[0]), QStringLiteral("applied"));
        if (finished.isEmpty())
            QVERIFY(finished.wait(1000));
        QVERIFY2(sincePush.elapsed() < 1000, qPrintable(QString::number(sincePush.elapsed())));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject page = QJsonDocument::fromJson(reply->readAll()).object();
        const QJsonArray changes = page.value("changes").toArray();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].toObject().value("id").toString(), patient);
        reply->deleteLater();
    }

    void longPollTimesOutEmpty()
    {
        const qint64 seen = serverSequence(doctor);
        QElapsedTimer timer;
        timer.start();
        const TestHttpResponse held = pull(doctor, seen, 1);
        QCOMPARE(held.status, 200);
        QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(held.json().value("changes").toArray().size(), 0);
        QCOMPARE(held.json().value("next").toInteger(), seen);
        // Something new: answered at once despite the wait.
        timer.restart();
        QCOMPARE(pull(doctor, seen - 1, 10).json().value("changes").toArray().size(), 1);
        QVERIFY(timer.elapsed() < 900);
    }

    void compactSyncForcesOldCursorsToResync()
    {
        const QString patient = newId();
        push(reception, {op(QStringLiteral("patient"), patient, patientData(QStringLiteral("O'chirilgan")))});
        const TestHttpResponse deleted = push(reception, {deleteOp(QStringLiteral("patient"), patient, 1)});
        QCOMPARE(status(results(deleted)[0]), QStringLiteral("applied"));
        const qint64 tombstone = results(deleted)[0].toObject().value("sequence").toInteger();
        QCOMPARE(pull(doctor, 1).status, 200);

        const ServerProcess::CliResult compacted = server->runCli(
            {QStringLiteral("compact-sync"), QStringLiteral("--older-than-days"), QStringLiteral("0")});
        QVERIFY2(compacted.exitCode == 0, qPrintable(compacted.errorText()));
        QVERIFY(compacted.json().value("removedTombstones").toInteger() >= 1);

        const TestHttpResponse stale = pull(doctor, 1);
        QCOMPARE(stale.status, 410);
        QCOMPARE(stale.errorCode(), QStringLiteral("resync_required"));
        const TestHttpResponse again = pull(doctor, 0);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value("horizon").toInteger(), tombstone + 1);
        QVERIFY(!ids(again).contains(patient));
        QCOMPARE(pull(doctor, again.json().value("next").toInteger()).status, 200);

        const ServerProcess::CliResult usage = server->runCli(
            {QStringLiteral("compact-sync"), QStringLiteral("--older-than-days"), QStringLiteral("-3")});
        QCOMPARE(usage.exitCode, 2);
    }

    void syncHasItsOwnRateBudget()
    {
        ServerProcess::Options options;
        options.environment.insert(QStringLiteral("MEDORA_RATE_USER_PER_MINUTE"), QStringLiteral("1"));
        options.environment.insert(QStringLiteral("MEDORA_RATE_USER_BURST"), QStringLiteral("3"));
        options.environment.insert(QStringLiteral("MEDORA_RATE_SYNC_PER_MINUTE"), QStringLiteral("1"));
        options.environment.insert(QStringLiteral("MEDORA_RATE_SYNC_BURST"), QStringLiteral("12"));
        ServerProcess limited(options);
        QString error;
        QVERIFY2(limited.start(&error), qPrintable(error));
        const QString clinic = limited.createClinic(QStringLiteral("Budget Klinika"));
        QVERIFY(
            !limited.createUser(clinic, QStringLiteral("budget.doctor"), QStringLiteral("doctor"), kPassword)
                 .id.isEmpty());
        TestHttpClient client;
        limited.configureClient(client);
        QCOMPARE(
            client.login(QStringLiteral("budget.doctor"), kPassword, QStringLiteral("device-budget")).status,
            200);

        // Twelve sync calls pass although the general budget is three.
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(
                push(client, {op(QStringLiteral("patient"), newId(), patientData(QStringLiteral("Budget")))})
                    .status,
                200);
            QCOMPARE(pull(client, 0).status, 200);
        }
        const TestHttpResponse refused = pull(client, 0);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.errorCode(), QStringLiteral("rate_limited"));
        QVERIFY(refused.header("Retry-After").toInt() >= 1);
        // The general budget was not touched by sync, and spending it leaves sync refused.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(client.get(QStringLiteral("/api/v1/me")).status, 200);
        QCOMPARE(client.get(QStringLiteral("/api/v1/me")).status, 429);
        QCOMPARE(push(client, {}).status, 429);
    }
};

QTEST_GUILESS_MAIN(TestSyncApi)
#include "tst_syncapi.moc"
