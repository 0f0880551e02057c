#include "../fakes/FakeGeminiServer.h"
#include "ServerProcess.h"
#include "TestHttpClient.h"

#include "domain/EntityJson.h"
#include "domain/UuidV7.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QSet>
#include <QtTest>

using medora::EntityJson;
using medora::ServerProcess;
using medora::TestHttpClient;
using medora::TestHttpResponse;
using medora::UuidV7;
using medora::test::FakeGeminiServer;
using Behaviour = FakeGeminiServer::Behaviour;

namespace {

const QString kPassword = QStringLiteral("quince harbour 47");

QByteArray geminiKey()
{
    for (const auto &secret : ServerProcess::kFakeIntegrationSecrets) {
        if (qstrcmp(secret[0], "GEMINI_API_KEY") == 0)
            return secret[1];
    }
    return {};
}

QString newId()
{
    return UuidV7::generate().toString(QUuid::WithoutBraces);
}

// Everything that identifies the patient below: none of it may reach the AI service.
const QStringList kIdentifiers{
    QStringLiteral("Karimova"),  QStringLiteral("Dilnoza"),      QStringLiteral("Rustamovna"),
    QStringLiteral("901234567"), QStringLiteral("90 123 45 67"), QStringLiteral("Chilonzor"),
    QStringLiteral("KQX-00042"), QStringLiteral("AA1234567"),    QStringLiteral("233-44-55")};

QJsonObject patientData()
{
    medora::Patient patient;
    patient.number = QStringLiteral("KQX-00042");
    patient.lastName = QStringLiteral("Karimova");
    patient.firstName = QStringLiteral("Dilnoza");
    patient.fatherName = QStringLiteral("Rustamovna");
    patient.birthDate = QDate(1980, 5, 10);
    patient.sex = medora::Sex::Female;
    patient.phone = QStringLiteral("+998901234567");
    patient.address = QStringLiteral("Toshkent, Chilonzor 5-12");
    patient.allergies = QStringLiteral("Amoxicillin (rash)");
    patient.medications = QStringLiteral("Ibuprofen 400 mg when needed");
    patient.history = QStringLiteral("Hypertension for 5 years; sister Karimova Dilnoza's mother had ulcers");
    patient.createdAt = QDateTime(QDate(2026, 11, 1), QTime(6, 0), Qt::UTC);
    patient.createdBy = QStringLiteral("desk");
    return EntityJson::toJson(patient);
}

QByteArray pngImage()
{
    QImage image(32, 32, QImage::Format_RGB32);
    image.fill(QColor(40, 40, 40));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// One clinic on one server: the accounts and a synced patient.
struct Clinic
{
    std::unique_ptr<ServerProcess> server;
    QString clinicId, patientId;
    TestHttpClient doctor, reception, admin;

    bool start(const QMap<QString, QString> &environment, QString *error)
    {
        ServerProcess::Options options;
        options.tls = true;
        options.environment = environment;
        server = std::make_unique<ServerProcess>(options);
        if (!server->start(error))
            return false;
        clinicId = server->createClinic(QStringLiteral("Shifo AI Klinikasi"));
        const ServerProcess::User doctorUser =
            server->createUser(clinicId, QStringLiteral("ai.doctor"), QStringLiteral("doctor"), kPassword);
        const ServerProcess::User deskUser = server->createUser(clinicId, QStringLiteral("ai.desk"),
                                                                QStringLiteral("receptionist"), kPassword);
        const ServerProcess::User adminUser = server->createUser(clinicId, QStringLiteral("ai.admin"),
                                                                 QStringLiteral("clinic_admin"), kPassword);
        for (auto [client, user] : {std::pair{&doctor, doctorUser}, std::pair{&reception, deskUser},
                                    std::pair{&admin, adminUser}}) {
            server->configureClient(*client);
            if (client->login(user.login, kPassword, QStringLiteral("dev-") + user.login.mid(3)).status !=
                200) {
                *error = QStringLiteral("login failed for ") + user.login;
                return false;
            }
        }
        patientId = newId();
        const QJsonObject op{{"opId", newId()},   {"entity", "patient"}, {"id", patientId},
                             {"baseRevision", 0}, {"action", "upsert"},  {"data", patientData()}};
        const TestHttpResponse pushed = reception.postJson(
            QStringLiteral("/api/v1/sync/push"), {{"deviceId", "desk-pc"}, {"ops", QJsonArray{op}}});
        const QString status =
            pushed.json().value("results").toArray().first().toObject().value("status").toString();
        if (pushed.status != 200 || status != QLatin1String("applied")) {
            *error = QStringLiteral("patient push failed: ") + QString::fromUtf8(pushed.body);
            return false;
        }
        return true;
    }

    QJsonObject caseBody(const QString &language = QStringLiteral("ru")) const
    {
        return {{"patientId", patientId},
                {"language", language},
                {"complaints",
                 "Dilnoza Karimova (tel. 90 123 45 67, home 233-44-55) has epigastric pain for 3 "
                 "days; passport AA1234567, card KQX-00042."},
                {"anamnesis", "Karimovaning pain began after ibuprofen; lives in Toshkent, Chilonzor 5-12."},
                {"examination", "BP 135/85, pulse 88, tender epigastrium, Murphy negative."},
                {"findings", "Hb 128 g/L on 2026-11-20."}};
    }
};

} // namespace

// The AI consilium through the real medora-server over HTTPS, with a fake Gemini on
// 127.0.0.1: what reaches Gemini (key only in the header, the right model, the schema, no
// identifier of the patient), retries and fallback, validation with one correction,
// roles, the clinic's AI switch, quotas, audit without content, usage statistics.
class TestAiConsilium : public QObject
{
    Q_OBJECT

private:
    FakeGeminiServer gemini{geminiKey()};
    Clinic clinic;

    QMap<QString, QString> environment(const QString &userQuota = QStringLiteral("100"),
                                       const QString &clinicQuota = QStringLiteral("1000")) const
    {
        return {{"GEMINI_BASE_URL", gemini.baseUrl()},
                {"GEMINI_MODEL_FAST", "fast-model"},
                {"GEMINI_MODEL_STRONG", "strong-model"},
                {"GEMINI_MODEL_FALLBACKS", "backup-model"},
                {"GEMINI_TIMEOUT_SECONDS", "1"},
                {"GEMINI_MAX_RETRIES", "2"},
                {"GEMINI_BACKOFF_MS", "20"},
                {"GEMINI_MAX_RETRY_DELAY_SECONDS", "2"},
                {"MEDORA_AI_USER_DAILY_QUOTA", userQuota},
                {"MEDORA_AI_CLINIC_DAILY_QUOTA", clinicQuota},
                {"MEDORA_AI_MAX_IMAGES", "2"}};
    }

    void verifyPrivateAndKeyed(const FakeGeminiServer::Call &call)
    {
        const QByteArray key = geminiKey();
        QCOMPARE(call.apiKeyHeader, key);
        QVERIFY(!call.path.contains(key));
        QVERIFY(!call.path.contains("key="));
        QVERIFY(!call.body.contains(key));
        const QString body = QString::fromUtf8(call.body);
        for (const QString &identifier : kIdentifiers)
            QVERIFY2(!body.contains(identifier, Qt::CaseInsensitive),
                     qPrintable(identifier + QStringLiteral(" reached Gemini")));
        QVERIFY(!body.contains(clinic.patientId));
        const QJsonObject config = call.json().value("generationConfig").toObject();
        QCOMPARE(config.value("responseMimeType").toString(), QStringLiteral("application/json"));
        QCOMPARE(config.value("responseSchema").toObject().value("type").toString(),
                 QStringLiteral("OBJECT"));
        QVERIFY(call.json().value("systemInstruction").toObject().value("parts").isArray());
    }

    QString promptText(const FakeGeminiServer::Call &call) const
    {
        return call.json()
            .value("contents")
            .toArray()
            .first()
            .toObject()
            .value("parts")
            .toArray()
            .first()
            .toObject()
            .value("text")
            .toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ServerProcess::serverPath()).isExecutable(), "MEDORA_SERVER_PATH is not set");
        QVERIFY(!geminiKey().isEmpty());
        QVERIFY(gemini.listen());
        QString error;
        QVERIFY2(clinic.start(environment(), &error), qPrintable(error));
    }

    void init() { gemini.clear(); }
    void cleanupTestCase() { clinic.server.reset(); }

    void consiliumSendsOnlyClinicalFactsWithTheKeyInTheHeader()
    {
        const TestHttpResponse answer =
            clinic.doctor.postJson(QStringLiteral("/api/v1/ai/consilium"), clinic.caseBody());
        QVERIFY2(answer.status == 200, answer.body.constData());
        QCOMPARE(gemini.callCount(), 1);
        const FakeGeminiServer::Call call = gemini.calls().first();
        QCOMPARE(call.model, QStringLiteral("strong-model"));
        verifyPrivateAndKeyed(call);
        const QString prompt = promptText(call);
        QVERIFY2(prompt.contains(QStringLiteral("age 46 years, sex female")), qPrintable(prompt));
        QVERIFY(prompt.contains(QStringLiteral("epigastric pain")));
        QVERIFY(prompt.contains(QStringLiteral("Amoxicillin"))); // allergies are clinical facts
        QVERIFY(prompt.contains(QStringLiteral("135/85")));      // a blood pressure is not a phone
        QVERIFY(prompt.contains(QStringLiteral("2026-11-20")));  // nor is a date
        QVERIFY(prompt.contains(QStringLiteral("[patient]")));
        QVERIFY(call.json()
                    .value("systemInstruction")
                    .toObject()
                    .value("parts")
                    .toArray()
                    .first()
                    .toObject()
                    .value("text")
                    .toString()
                    .contains(QStringLiteral("Russian")));

        const QJsonObject json = answer.json();
        QCOMPARE(json.value("kind").toString(), QStringLiteral("consilium"));
        QCOMPARE(json.value("model").toString(), QStringLiteral("strong-model"));
        QCOMPARE(json.value("language").toString(), QStringLiteral("ru"));
        QVERIFY(json.value("aiGenerated").toBool());
        QCOMPARE(json.value("usage").toObject().value("totalTokens").toInt(), 200);
        const QJsonObject result = json.value("result").toObject();
        QCOMPARE(result.value("specialists").toArray().size(), 3);
        QCOMPARE(result.value("sources").toArray().size(), 3);
        QCOMPARE(result.value("diagnoses").toArray().first().toObject().value("rank").toInt(), 1);
        // The patient is allergic to amoxicillin: flagged whatever the model said.
        const QJsonArray medications = result.value("medications").toArray();
        QCOMPARE(medications.at(0).toObject().value("allergyConflict").toBool(), false);
        QCOMPARE(medications.at(1).toObject().value("name").toString(), QStringLiteral("Amoxicillin"));
        QCOMPARE(medications.at(1).toObject().value("allergyConflict").toBool(), true);
        QVERIFY(!answer.body.contains(geminiKey()));
    }

    void questionsAndDifferentialUseTheFastModel()
    {
        const TestHttpResponse questions =
            clinic.doctor.postJson(QStringLiteral("/api/v1/ai/questions"), clinic.caseBody("uz-Latn"));
        QVERIFY2(questions.status == 200, questions.body.constData());
        QCOMPARE(questions.json().value("result").toObject().value("questions").toArray().size(), 3);

        QJsonObject body = clinic.caseBody("uz-Cyrl");
        body.insert("answers", QJsonArray{QJsonObject{{"question", "Black stools?"},
                                                      {"answer", "No. Call her on +998 90 123 45 67."}}});
        const TestHttpResponse differential =
            clinic.doctor.postJson(QStringLiteral("/api/v1/ai/differential"), body);
        QVERIFY2(differential.status == 200, differential.body.constData());
        QCOMPARE(gemini.callCount(), 2);
        for (const FakeGeminiServer::Call &call : gemini.calls()) {
            QCOMPARE(call.model, QStringLiteral("fast-model"));
            verifyPrivateAndKeyed(call);
        }
        QVERIFY(promptText(gemini.calls().at(1)).contains(QStringLiteral("Black stools?")));
        const QJsonArray diagnoses =
            differential.json().value("result").toObject().value("diagnoses").toArray();
        QCOMPARE(diagnoses.size(), 3);
        QCOMPARE(diagnoses.at(0).toObject().value("name").toString(), QStringLiteral("Acute gastritis"));
        QCOMPARE(diagnoses.at(0).toObject().value("rank").toInt(), 1);
        QVERIFY(diagnoses.at(1).toObject().value("probability").toDouble() >=
                diagnoses.at(2).toObject().value("probability").toDouble());
    }

    void retriesRateLimitAndOverloadOnTheSameModel()
    {
        gemini.script("fast-model", {Behaviour::RateLimited, Behaviour::Unavailable});
        QElapsedTimer timer;
        timer.start();
        const TestHttpResponse answer =
            clinic.doctor.postJson(QStringLiteral("/api/v1/ai/questions"), clinic.caseBody());
        QVERIFY2(answer.status == 200, answer.body.constData());
        QCOMPARE(gemini.callCount(), 3);
        for (const FakeGeminiServer::Call &call : gemini.calls())
            QCOMPARE(call.model, QStringLiteral("fast-model"));
        QVERIFY(timer.elapsed() >= 200); // the 0.2 s RetryInfo hint was honoured
    }

    void fallsBackOnMissingModelAndOnStall()
    {
        gemini.script("fast-model", {Behaviour::NotFound});
        const TestHttpResponse missing =
            clinic.doctor.postJson(QStringLiteral("/api/v1/ai/differential"), clinic.caseBody());
        QVERIFY2(missing.status == 200, missing.body.constData());
        QCOMPARE(missing.json().value("model").toString(), QStringLiteral("backup-model"));
        QCOMPARE(gemini.callCount(), 2);
        QCOMPARE(gemini.calls().at(1).model, QStringLiteral("backup-model"));

        gemini.clear();
        gemini.script("strong-model", {Behaviour::Stall});
        const TestHttpResponse stalled =
            clinic.doctor.postJson(QStringLiteral("/api/v1/ai/consilium"), clinic.caseBody());
        QVERIFY2(stalled.status == 200, stalled.body.constData());
        QCOMPARE(stalled.json().value("model").toString(), QStringLiteral("backup-model"));
        QCOMPARE(gemini.callCount(), 2);
    }

    void clearErrorWhenEveryModelFails()
    {
        gemini.script("fast-model", {Behaviour::Unavailable, Behaviour::Unavailable, Behaviour::Unavailable});
        gemini.script("backup-model",
                      {Behaviour::RateLimited, Behaviour::RateLimited, Behaviour::RateLimited});
        const TestHttpResponse answer =
            clinic.doctor.postJson(QStringLiteral("/api/v1/ai/questions"), clinic.caseBody());
        QCOMPARE(answer.status, 502);
        QCOMPARE(answer.errorCode(), QStringLiteral("ai_unavailable"));
        QCOMPARE(gemini.callCount(), 6); // 1 + 2 retries on each model
        QVERIFY(!answer.body.contains(geminiKey()));
    }

    void invalidAnswerIsCorrectedOnceThenRefused()
    {
        gemini.script("fast-model", {Behaviour::SchemaViolation});
        const TestHttpResponse corrected =
            clinic.doctor.postJson(QStringLiteral("/api/v1/ai/differential"), clinic.caseBody());
        QVERIFY2(corrected.status == 200, corrected.body.constData());
        QCOMPARE(gemini.callCount(), 2);
        const QJsonArray contents = gemini.calls().at(1).json().value("contents").toArray();
        QCOMPARE(contents.size(), 3);
        QCOMPARE(contents.at(1).toObject().value("role").toString(), QStringLiteral("model"));
        const QString correction =
            contents.at(2).toObject().value("parts").toArray().first().toObject().value("text").toString();
        QVERIFY2(correction.contains(QStringLiteral("sum to")), qPrintable(correction));
        verifyPrivateAndKeyed(gemini.calls().at(1));

        gemini.clear();
        gemini.script("strong-model", {Behaviour::Truncated, Behaviour::SchemaViolation});
        const TestHttpResponse refused =
            clinic.doctor.postJson(QStringLiteral("/api/v1/ai/consilium"), clinic.caseBody());
        QCOMPARE(refused.status, 502);
        QCOMPARE(refused.errorCode(), QStringLiteral("ai_invalid_answer"));
        QVERIFY(!refused.json().contains("result"));
        QCOMPARE(gemini.callCount(), 2);
    }

    void imageFindingsSendInlineDataCheckedByMagicBytes()
    {
        QJsonObject body = clinic.caseBody("en");
        body.insert("modality", "ultrasound");
        body.insert("images", QJsonArray{QJsonObject{{"data", QString::fromLatin1(pngImage().toBase64())},
                                                     {"description", "Gallbladder, Karimova"}}});
        const TestHttpResponse answer =
            clinic.doctor.postJson(QStringLiteral("/api/v1/ai/image-findings"), body);
        QVERIFY2(answer.status == 200, answer.body.constData());
        QCOMPARE(answer.json().value("result").toObject().value("urgency").toString(),
                 QStringLiteral("routine"));
        QCOMPARE(gemini.callCount(), 1);
        verifyPrivateAndKeyed(gemini.calls().first());
        const QJsonArray parts = gemini.calls()
                                     .first()
                                     .json()
                                     .value("contents")
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value("parts")
                                     .toArray();
        QCOMPARE(parts.size(), 3);
        const QJsonObject inlineData = parts.at(2).toObject().value("inlineData").toObject();
        QCOMPARE(inlineData.value("mimeType").toString(), QStringLiteral("image/png"));
        QCOMPARE(QByteArray::fromBase64(inlineData.value("data").toString().toLatin1()), pngImage());

        body.insert("images", QJsonArray{QJsonObject{
                                  {"data", QString::fromLatin1(QByteArray("GIF89a....").toBase64())}}});
        const TestHttpResponse gif =
            clinic.doctor.postJson(QStringLiteral("/api/v1/ai/image-findings"), body);
        QCOMPARE(gif.status, 400);
        QCOMPARE(gif.errorCode(), QStringLiteral("invalid_image"));
        const QJsonObject png{{"data", QString::fromLatin1(pngImage().toBase64())}};
        body.insert("images", QJsonArray{png, png, png});
        const TestHttpResponse many =
            clinic.doctor.postJson(QStringLiteral("/api/v1/ai/image-findings"), body);
        QCOMPARE(many.status, 400);
        QCOMPARE(many.errorCode(), QStringLiteral("too_many_images"));
        QCOMPARE(gemini.callCount(), 1);
    }

    void onlyDoctorsAskAndUnknownPatientsAreNotFound()
    {
        for (TestHttpClient *client : {&clinic.reception, &clinic.admin}) {
            for (const char *path : {"/api/v1/ai/questions", "/api/v1/ai/differential",
                                     "/api/v1/ai/consilium", "/api/v1/ai/image-findings"}) {
                const TestHttpResponse refused = client->postJson(QLatin1String(path), clinic.caseBody());
                QCOMPARE(refused.status, 403);
                QCOMPARE(refused.errorCode(), QStringLiteral("forbidden"));
            }
        }
        QJsonObject body = clinic.caseBody();
        body.insert("patientId", newId());
        QCOMPARE(clinic.doctor.postJson(QStringLiteral("/api/v1/ai/questions"), body).status, 404);
        body = clinic.caseBody(QStringLiteral("de"));
        const TestHttpResponse language =
            clinic.doctor.postJson(QStringLiteral("/api/v1/ai/questions"), body);
        QCOMPARE(language.status, 400);
        QCOMPARE(language.json().value("error").toObject().value("field").toString(),
                 QStringLiteral("language"));
        QCOMPARE(gemini.callCount(), 0);
    }

    void clinicAdminTurnsAiOff()
    {
        auto put = [](TestHttpClient &client, bool enabled) {
            return client.request("PUT", QStringLiteral("/api/v1/ai/settings"),
                                  QJsonDocument(QJsonObject{{"enabled", enabled}}).toJson(),
                                  {{"Content-Type", "application/json"}});
        };
        QCOMPARE(put(clinic.doctor, false).status, 403);
        QCOMPARE(put(clinic.reception, false).status, 403);
        const TestHttpResponse off = put(clinic.admin, false);
        QCOMPARE(off.status, 200);
        QCOMPARE(off.json().value("enabled").toBool(), false);
        const TestHttpResponse settings = clinic.doctor.get(QStringLiteral("/api/v1/ai/settings"));
        QCOMPARE(settings.status, 200);
        QCOMPARE(settings.json().value("enabled").toBool(), false);
        QCOMPARE(settings.json().value("available").toBool(), true);
        QVERIFY(!settings.body.contains(geminiKey()));
        const TestHttpResponse refused =
            clinic.doctor.postJson(QStringLiteral("/api/v1/ai/consilium"), clinic.caseBody());
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), QStringLiteral("ai_disabled"));
        QCOMPARE(gemini.callCount(), 0);
        QCOMPARE(put(clinic.admin, true).status, 200);
        QCOMPARE(clinic.doctor.postJson(QStringLiteral("/api/v1/ai/questions"), clinic.caseBody()).status,
                 200);
    }

    void auditAndUsageWithoutContent()
    {
        const TestHttpResponse audit = clinic.admin.get(QStringLiteral("/api/v1/audit?action=ai.&limit=100"));
        QCOMPARE(audit.status, 200);
        const QJsonArray items = audit.json().value("items").toArray();
        QVERIFY(items.size() >= 10);
        QSet<QString> outcomes;
        for (const QJsonValue &item : items) {
            const QJsonObject event = item.toObject();
            if (event.value("action").toString() == QLatin1String("ai.settings_update"))
                continue;
            QCOMPARE(event.value("targetType").toString(), QStringLiteral("patient"));
            QCOMPARE(event.value("targetId").toString(), clinic.patientId);
            const QJsonObject details = event.value("details").toObject();
            for (const char *key : {"kind", "model", "outcome", "bytesSent", "promptTokens", "outputTokens",
                                    "totalTokens", "latencyMs"})
                QVERIFY2(details.contains(QLatin1String(key)), key);
            outcomes << details.value("outcome").toString();
        }
        QVERIFY(outcomes.contains("ok") && outcomes.contains("invalid_answer") &&
                outcomes.contains("upstream_failed"));
        QVERIFY(!audit.body.contains("epigastric"));
        QVERIFY(!audit.body.contains("Karimova"));
        QVERIFY(!audit.body.contains(geminiKey()));

        const TestHttpResponse usage = clinic.admin.get(QStringLiteral("/api/v1/ai/usage"));
        QCOMPARE(usage.status, 200);
        const QJsonObject stats = usage.json();
        QVERIFY(stats.value("calls").toInt() >= 10);
        QVERIFY(stats.value("failures").toInt() >= 2);
        QVERIFY(stats.value("totalTokens").toInt() > 0);
        bool strong = false;
        for (const QJsonValue &row : stats.value("byModel").toArray())
            strong |= row.toObject().value("model").toString() == QLatin1String("strong-model") &&
                      row.toObject().value("totalTokens").toInt() >= 200;
        QVERIFY(strong);
        QCOMPARE(clinic.doctor.get(QStringLiteral("/api/v1/ai/usage")).status, 403);
        QCOMPARE(clinic.admin.get(QStringLiteral("/api/v1/ai/usage?from=2026-13-01")).status, 400);
    }

    void keyNeverInTheLog()
    {
        const QString log = clinic.server->logText();
        QVERIFY(!log.isEmpty());
        QVERIFY(!log.contains(QString::fromLatin1(geminiKey())));
        QVERIFY(!log.contains(QStringLiteral("epigastric")));
    }

    void dailyQuotasPerDoctorAndPerClinic()
    {
        Clinic limited;
        QString error;
        QVERIFY2(limited.start(environment(QStringLiteral("2"), QStringLiteral("3")), &error),
                 qPrintable(error));
        QCOMPARE(limited.doctor.postJson(QStringLiteral("/api/v1/ai/questions"), limited.caseBody()).status,
                 200);
        QCOMPARE(limited.doctor.postJson(QStringLiteral("/api/v1/ai/questions"), limited.caseBody()).status,
                 200);
        const TestHttpResponse refused =
            limited.doctor.postJson(QStringLiteral("/api/v1/ai/questions"), limited.caseBody());
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.errorCode(), QStringLiteral("ai_quota_exceeded"));
        QCOMPARE(refused.json().value("error").toObject().value("field").toString(), QStringLiteral("user"));
        QVERIFY(refused.header("Retry-After").toInt() > 0);
        QCOMPARE(gemini.callCount(), 2);
        const TestHttpResponse settings = limited.doctor.get(QStringLiteral("/api/v1/ai/settings"));
        QCOMPARE(settings.json().value("quota").toObject().value("userUsedToday").toInt(), 2);

        // A colleague has a quota of their own, until the clinic's is used up.
        QVERIFY(
            !limited.server->createUser(limited.clinicId, "ai.colleague", "doctor", kPassword).id.isEmpty());
        TestHttpClient colleague;
        limited.server->configureClient(colleague);
        QCOMPARE(colleague.login(QStringLiteral("ai.colleague"), kPassword, QStringLiteral("dev-colleague"))
                     .status,
                 200);
        QCOMPARE(colleague.postJson(QStringLiteral("/api/v1/ai/questions"), limited.caseBody()).status, 200);
        const TestHttpResponse clinicFull =
            colleague.postJson(QStringLiteral("/api/v1/ai/questions"), limited.caseBody());
        QCOMPARE(clinicFull.status, 429);
        QCOMPARE(clinicFull.json().value("error").toObject().value("field").toString(),
                 QStringLiteral("clinic"));
        QCOMPARE(gemini.callCount(), 3);
    }
};

QTEST_GUILESS_MAIN(TestAiConsilium)
#include "tst_aiconsilium.moc"
