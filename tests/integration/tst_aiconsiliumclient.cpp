#include "../fakes/FakeGeminiServer.h"
#include "MemorySecretStore.h"
#include "ServerProcess.h"
#include "TestHttpClient.h"
#include "ai/ConsiliumClient.h"
#include "api/ApiClient.h"
#include "domain/EntityJson.h"
#include "domain/UuidV7.h"
#include "session/SessionManager.h"

#include <QJsonArray>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

using namespace medora;
using medora::test::FakeGeminiServer;
using Behaviour = FakeGeminiServer::Behaviour;

namespace {

const QString kPassword = QStringLiteral("walnut meadow 73");

QByteArray geminiKey()
{
    for (const auto &secret : ServerProcess::kFakeIntegrationSecrets) {
        if (qstrcmp(secret[0], "GEMINI_API_KEY") == 0)
            return secret[1];
    }
    return {};
}

struct ClientCore
{
    MemorySecretStore secrets;
    ApiClient api;
    std::unique_ptr<SessionManager> session;

    bool signIn(const ServerProcess &server, const QString &login)
    {
        QString error;
        if (!api.setCaCertificateFile(server.certificateFile(), &error))
            return false;
        session = std::make_unique<SessionManager>(api, secrets);
        if (!session->setServerAddress(server.baseUrl()).ok())
            return false;
        QSignalSpy signedIn(session.get(), &SessionManager::signedIn);
        session->signIn(login, kPassword);
        return signedIn.wait(15000);
    }
};

ConsiliumClient::ErrorKind failureKind(const QSignalSpy &spy)
{
    return spy.first().at(1).value<ConsiliumClient::ErrorKind>();
}

} // namespace

// ConsiliumClient against the real medora-server over HTTPS, the server talking to a fake
// Gemini: the four calls give typed results; each kind of failure is told apart.
class TestAiConsiliumClient : public QObject
{
    Q_OBJECT

private:
    FakeGeminiServer gemini{geminiKey()};
    std::unique_ptr<ServerProcess> server;
    QString patientId;
    ClientCore doctor, desk;
    TestHttpClient admin;

    AiCaseInput caseInput() const
    {
        AiCaseInput input;
        input.patientId = patientId;
        input.language = QStringLiteral("uz-Latn");
        input.complaints = QStringLiteral("Epigastric pain for 3 days after ibuprofen.");
        input.examination = QStringLiteral("Tender epigastrium.");
        input.answers = {{QStringLiteral("Black stools?"), QStringLiteral("No.")}};
        return input;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_aiconsiliumclient"));
        QSettings().clear();
        QVERIFY(gemini.listen());
        ServerProcess::Options options;
        options.tls = true;
        options.environment = {{"GEMINI_BASE_URL", gemini.baseUrl()},
                               {"GEMINI_MODEL_FAST", "fast-model"},
                               {"GEMINI_MODEL_STRONG", "strong-model"},
                               {"GEMINI_MAX_RETRIES", "0"},
                               {"MEDORA_AI_USER_DAILY_QUOTA", "5"}};
        server = std::make_unique<ServerProcess>(options);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        const QString clinicId = server->createClinic(QStringLiteral("Shifo Client"));
        QVERIFY(!server->createUser(clinicId, "doc", "doctor", kPassword).id.isEmpty());
        QVERIFY(!server->createUser(clinicId, "desk", "receptionist", kPassword).id.isEmpty());
        QVERIFY(!server->createUser(clinicId, "boss", "clinic_admin", kPassword).id.isEmpty());
        QVERIFY(doctor.signIn(*server, QStringLiteral("doc")));
        QVERIFY(desk.signIn(*server, QStringLiteral("desk")));
        server->configureClient(admin);
        QCOMPARE(admin.login(QStringLiteral("boss"), kPassword).status, 200);

        Patient patient;
        patient.number = QStringLiteral("KQX-00007");
        patient.lastName = QStringLiteral("Yusupova");
        patient.firstName = QStringLiteral("Malika");
        patient.birthDate = QDate(1990, 1, 1);
        patient.sex = Sex::Female;
        patient.createdAt = QDateTime(QDate(2026, 11, 1), QTime(6, 0), Qt::UTC);
        patient.createdBy = QStringLiteral("desk");
        patientId = UuidV7::generate().toString(QUuid::WithoutBraces);
        const QJsonObject op{{"opId", UuidV7::generate().toString(QUuid::WithoutBraces)},
                             {"entity", "patient"},
                             {"id", patientId},
                             {"baseRevision", 0},
                             {"action", "upsert"},
                             {"data", EntityJson::toJson(patient)}};
        QCOMPARE(admin
                     .postJson(QStringLiteral("/api/v1/sync/push"),
                               {{"deviceId", "boss-pc"}, {"ops", QJsonArray{op}}})
                     .status,
                 200);
    }

    void cleanupTestCase()
    {
        doctor.session.reset();
        desk.session.reset();
        server.reset();
    }

    void init() { gemini.clear(); }

    void fourCallsGiveTypedResults()
    {
        ConsiliumClient client(*doctor.session);
        QVERIFY(client.canSend());
        QSignalSpy failed(&client, &ConsiliumClient::failed);

        QSignalSpy settings(&client, &ConsiliumClient::settingsReady);
        client.fetchSettings();
        QVERIFY(settings.wait(20000));
        const AiSettings before = settings.first().first().value<AiSettings>();
        QVERIFY(before.enabled);
        QVERIFY(before.available);
        QCOMPARE(before.languages, (QStringList{"uz-Latn", "uz-Cyrl", "ru", "en"}));
        QCOMPARE(before.userDailyQuota, 5);
        QCOMPARE(before.userUsedToday, 0);

        QSignalSpy questions(&client, &ConsiliumClient::questionsReady);
        client.askQuestions(caseInput());
        QVERIFY(questions.wait(20000));
        const auto list = questions.first().at(0).value<QList<ClarifyingQuestion>>();
        QCOMPARE(list.size(), 3);
        QVERIFY(!list.first().question.isEmpty());
        const AiAnswerInfo info = questions.first().at(1).value<AiAnswerInfo>();
        QCOMPARE(info.model, QStringLiteral("fast-model"));
        QCOMPARE(info.language, QStringLiteral("uz-Latn"));
        QVERIFY(info.generatedAt.isValid());
        QCOMPARE(info.totalTokens, qint64(200));

        QSignalSpy differential(&client, &ConsiliumClient::differentialReady);
        client.askDifferential(caseInput());
        QVERIFY(differential.wait(20000));
        const auto ranked = differential.first().at(0).value<DifferentialDiagnosis>();
        QCOMPARE(ranked.diagnoses.size(), 3);
        QCOMPARE(ranked.diagnoses.first().rank, 1);
        QCOMPARE(ranked.diagnoses.first().name, QStringLiteral("Acute gastritis"));
        QCOMPARE(ranked.diagnoses.first().evidenceLevel, QStringLiteral("high"));
        QCOMPARE(ranked.redFlags.size(), 2);
        QVERIFY(gemini.calls().last().body.contains("Black stools?"));

        QSignalSpy consilium(&client, &ConsiliumClient::consiliumReady);
        client.askConsilium(caseInput());
        QVERIFY(consilium.wait(20000));
        const auto report = consilium.first().at(0).value<ConsiliumReport>();
        QCOMPARE(report.chair.specialty, QStringLiteral("Internist"));
        QCOMPARE(report.specialists.size(), 3);
        QCOMPARE(report.urgency, QStringLiteral("routine"));
        QCOMPARE(report.medications.size(), 2);
        QCOMPARE(report.medications.first().dose, QStringLiteral("20 mg"));
        QCOMPARE(report.sources.size(), 3);
        QCOMPARE(report.sources.first().url.scheme(), QStringLiteral("https"));
        QCOMPARE(consilium.first().at(1).value<AiAnswerInfo>().model, QStringLiteral("strong-model"));

        QSignalSpy images(&client, &ConsiliumClient::imageFindingsReady);
        client.askImageFindings(
            caseInput(), QStringLiteral("ultrasound"),
            {AiImageInput{QByteArray("%PDF-1.4\n%fake report\n"), QStringLiteral("report")}});
        QVERIFY(images.wait(20000));
        const auto findings = images.first().at(0).value<ImageFindings>();
        QCOMPARE(findings.findings.size(), 1);
        QCOMPARE(findings.findings.first().image, 1);
        QVERIFY(!findings.impression.isEmpty());
        QVERIFY(gemini.calls().last().body.contains("application/pdf"));
        client.fetchSettings();
        QVERIFY(settings.wait(20000));
        QCOMPARE(settings.last().first().value<AiSettings>().userUsedToday, 4);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(client.pendingCount(), 0);
    }

    void failuresAreToldApart()
    {
        ConsiliumClient client(*doctor.session);
        QSignalSpy failed(&client, &ConsiliumClient::failed);

        gemini.script("fast-model", {Behaviour::Unavailable});
        client.askQuestions(caseInput());
        QVERIFY(failed.wait(20000));
        QCOMPARE(failureKind(failed), ConsiliumClient::ErrorKind::AiFailed);
        QCOMPARE(failed.first().at(2).value<ApiError>().code, QStringLiteral("ai_unavailable"));
        failed.clear();

        ConsiliumClient receptionist(*desk.session);
        QSignalSpy refused(&receptionist, &ConsiliumClient::failed);
        receptionist.askConsilium(caseInput());
        QVERIFY(refused.wait(20000));
        QCOMPARE(failureKind(refused), ConsiliumClient::ErrorKind::Forbidden);

        AiCaseInput unknown = caseInput();
        unknown.patientId = UuidV7::generate().toString(QUuid::WithoutBraces);
        client.askDifferential(unknown);
        QVERIFY(failed.wait(20000));
        QCOMPARE(failureKind(failed), ConsiliumClient::ErrorKind::Invalid);
        failed.clear();

        const QByteArray off = QJsonDocument(QJsonObject{{"enabled", false}}).toJson();
        QCOMPARE(
            admin.request("PUT", "/api/v1/ai/settings", off, {{"Content-Type", "application/json"}}).status,
            200);
        QSignalSpy settings(&client, &ConsiliumClient::settingsReady);
        client.fetchSettings();
        QVERIFY(settings.wait(20000));
        QVERIFY(!settings.first().first().value<AiSettings>().enabled);
        client.askQuestions(caseInput());
        QVERIFY(failed.wait(20000));
        QCOMPARE(failureKind(failed), ConsiliumClient::ErrorKind::AiOff);
        failed.clear();
        const QByteArray on = QJsonDocument(QJsonObject{{"enabled", true}}).toJson();
        QCOMPARE(
            admin.request("PUT", "/api/v1/ai/settings", on, {{"Content-Type", "application/json"}}).status,
            200);

        // 4 calls counted in fourCallsGiveTypedResults (failed calls are not): one left.
        QSignalSpy questions(&client, &ConsiliumClient::questionsReady);
        client.askQuestions(caseInput());
        QVERIFY(questions.wait(20000));
        client.askQuestions(caseInput());
        QVERIFY(failed.wait(20000));
        QCOMPARE(failureKind(failed), ConsiliumClient::ErrorKind::Quota);
        QVERIFY(failed.first().at(2).value<ApiError>().retryAfterSeconds > 0);
        failed.clear();

        server->stop();
        client.askQuestions(caseInput());
        QVERIFY(failed.wait(30000));
        QCOMPARE(failureKind(failed), ConsiliumClient::ErrorKind::Offline);
    }
};

QTEST_GUILESS_MAIN(TestAiConsiliumClient)
#include "tst_aiconsiliumclient.moc"
