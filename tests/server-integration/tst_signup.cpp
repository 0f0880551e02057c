#include "../fakes/FakeSmsGateway.h"
#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using medora::ServerProcess;
using medora::TestHttpClient;
using medora::TestHttpResponse;
using medora::test::FakeSmsGateway;

namespace {

const QString kEskizEmail = QStringLiteral("sms@signup.example.uz");
const QString kEskizPassword = QStringLiteral("eskiz-signup-password-Zp5rK1");
const QString kPassword = QStringLiteral("our clinic opens at eight");

QString codeIn(const QString &text)
{
    static const QRegularExpression sixDigits(QStringLiteral("\\b(\\d{6})\\b"));
    return sixDigits.match(text).captured(1);
}

// The version line of a file in resources/legal: the server must publish exactly that.
QString versionInSource(const QString &fileName)
{
    QFile file(qEnvironmentVariable("MEDORA_SOURCE_DIR") + QStringLiteral("/resources/legal/") + fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression line(QStringLiteral("^version:\\s*(\\S+)\\s*$"),
                                         QRegularExpression::MultilineOption);
    return line.match(QString::fromUtf8(file.readAll())).captured(1);
}

} // namespace

// A clinic signs up from the client against the real medora-server: the phone is proved by an
// SMS code (a fake Eskiz.uz), the clinic and its admin are created with the consent versions
// recorded, the legal texts are served from resources/legal, and every refusal names its field.
class TestSignup : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeSmsGateway> gateway;
    std::unique_ptr<ServerProcess> server;
    QString termsVersion;
    QString privacyVersion;
    int nextAddress = 1;

    TestHttpClient client()
    {
        TestHttpClient c;
        server->configureClient(c);
        c.setDefaultHeader("X-Forwarded-For", QStringLiteral("192.0.2.%1").arg(nextAddress++).toLatin1());
        return c;
    }

    QString phoneCode(TestHttpClient &c, const QString &phone)
    {
        const int before = gateway->messages().size();
        const TestHttpResponse sent =
            c.postJson(QStringLiteral("/api/v1/signup/phone-code"), {{"phone", phone}});
        if (sent.status != 202 || !gateway->waitForMessages(before + 1))
            return {};
        return codeIn(gateway->messages().last().message);
    }

    QJsonObject form(const QString &phone, const QString &code)
    {
        return {{"clinicName", "Shifo Nur klinikasi"},
                {"fullName", "Akmal Raximov"},
                {"phone", phone},
                {"code", code},
                {"password", kPassword},
                {"termsVersion", termsVersion},
                {"privacyVersion", privacyVersion},
                {"language", "uz"}};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ServerProcess::serverPath()).isExecutable(), "MEDORA_SERVER_PATH is not set");
        gateway = std::make_unique<FakeSmsGateway>(kEskizEmail, kEskizPassword);
        QVERIFY(gateway->listen());
        ServerProcess::Options options;
        options.environment.insert(QStringLiteral("ESKIZ_BASE_URL"), gateway->baseUrl());
        options.environment.insert(QStringLiteral("ESKIZ_EMAIL"), kEskizEmail);
        options.environment.insert(QStringLiteral("ESKIZ_PASSWORD"), kEskizPassword);
        options.environment.insert(QStringLiteral("ESKIZ_SENDER"), QStringLiteral("Medora"));
        server = std::make_unique<ServerProcess>(options);
        server->registerSecret(kEskizPassword.toUtf8());
        server->registerSecret(kPassword.toUtf8());
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
    }

    void cleanupTestCase() { server.reset(); }

    void legalTextsComeFromTheResources()
    {
        TestHttpClient c = client();
        const TestHttpResponse index = c.get(QStringLiteral("/api/v1/legal"));
        QCOMPARE(index.status, 200);
        const QJsonArray documents = index.json().value("documents").toArray();
        QCOMPARE(documents.size(), 2);
        termsVersion = documents.at(0).toObject().value("version").toString();
        privacyVersion = documents.at(1).toObject().value("version").toString();
        QCOMPARE(documents.at(0).toObject().value("document").toString(), QStringLiteral("terms"));
        QCOMPARE(termsVersion, versionInSource(QStringLiteral("terms_uz.md")));
        QCOMPARE(termsVersion, versionInSource(QStringLiteral("terms_ru.md")));
        QCOMPARE(privacyVersion, versionInSource(QStringLiteral("privacy_ru.md")));

        const TestHttpResponse russian = c.get(QStringLiteral("/api/v1/legal/privacy?language=ru"));
        QCOMPARE(russian.status, 200);
        const QString text = russian.json().value("text").toString();
        QVERIFY(text.startsWith(QStringLiteral("# Политика конфиденциальности")));
        QVERIFY(!text.contains(QStringLiteral("version:"))); // the front matter stays out
        QVERIFY(text.contains(QStringLiteral("Google Gemini")));
        const TestHttpResponse uzbek = c.get(QStringLiteral("/api/v1/legal/terms?language=uz"));
        QVERIFY(uzbek.json().value("text").toString().contains(QStringLiteral("shifokor oʻrnini bosmaydi")));
        QCOMPARE(c.get(QStringLiteral("/api/v1/legal/cookies")).status, 404);
        QCOMPARE(c.get(QStringLiteral("/api/v1/legal/terms?language=en")).status, 400);
    }

    void aClinicSignsUp()
    {
        TestHttpClient c = client();
        const QString code = phoneCode(c, QStringLiteral("93 555 44 33"));
        QCOMPARE(code.size(), 6);
        const FakeSmsGateway::Sms sms = gateway->messages().last();
        QCOMPARE(sms.mobilePhone, QStringLiteral("998935554433"));
        QCOMPARE(sms.from, QStringLiteral("Medora"));
        QVERIFY(sms.message.contains(QStringLiteral("telefonni tasdiqlash kodi")));

        QJsonObject body =
            form(QStringLiteral("+998935554433"), code == QLatin1String("999999") ? "999998" : "999999");
        TestHttpResponse refused = c.postJson(QStringLiteral("/api/v1/signup"), body);
        QCOMPARE(refused.errorCode(), QStringLiteral("invalid_code"));
        QCOMPARE(refused.json().value("error").toObject().value("field").toString(), QStringLiteral("code"));

        body = form(QStringLiteral("+998935554433"), code);
        body.insert("termsVersion", "1999-01-01");
        refused = c.postJson(QStringLiteral("/api/v1/signup"), body);
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.errorCode(), QStringLiteral("consent_outdated"));
        QCOMPARE(refused.json().value("error").toObject().value("field").toString(),
                 QStringLiteral("termsVersion"));

        body = form(QStringLiteral("+998935554433"), code);
        body.insert("password", "password");
        refused = c.postJson(QStringLiteral("/api/v1/signup"), body);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json().value("error").toObject().value("field").toString(),
                 QStringLiteral("password"));

        body = form(QStringLiteral("+998935554433"), code);
        body.insert("clinicName", "   ");
        refused = c.postJson(QStringLiteral("/api/v1/signup"), body);
        QCOMPARE(refused.status, 400);

        const TestHttpResponse created =
            c.postJson(QStringLiteral("/api/v1/signup"), form(QStringLiteral("+998935554433"), code));
        QVERIFY2(created.status == 201, created.body.constData());
        const QJsonObject user = created.json().value("user").toObject();
        QCOMPARE(user.value("role").toString(), QStringLiteral("clinic_admin"));
        QCOMPARE(user.value("phone").toString(), QStringLiteral("+998935554433"));
        QCOMPARE(user.value("fullName").toString(), QStringLiteral("Akmal Raximov"));
        QCOMPARE(created.json().value("clinic").toObject().value("name").toString(),
                 QStringLiteral("Shifo Nur klinikasi"));

        TestHttpClient admin = client();
        QCOMPARE(admin.login(QStringLiteral("+998935554433"), kPassword).status, 200);
        const QJsonObject consent = admin.get(QStringLiteral("/api/v1/me/consent")).json();
        QCOMPARE(consent.value("required").toBool(), false);
        QCOMPARE(consent.value("accepted").toObject().value("terms").toObject().value("version").toString(),
                 termsVersion);
        QCOMPARE(consent.value("accepted").toObject().value("privacy").toObject().value("version").toString(),
                 privacyVersion);
        QVERIFY(consent.value("accepted")
                    .toObject()
                    .value("terms")
                    .toObject()
                    .value("acceptedAt")
                    .toString()
                    .endsWith('Z'));

        // The admin manages the new clinic, and its audit trail tells how it began (no code in it).
        const TestHttpResponse audit = admin.get(QStringLiteral("/api/v1/audit"));
        QCOMPARE(audit.status, 200);
        QVERIFY(audit.body.contains("clinic.signup"));
        QVERIFY(audit.body.contains("consent.accept"));
        QVERIFY(!audit.body.contains(code.toLatin1()));
        QCOMPARE(admin.get(QStringLiteral("/api/v1/staff")).status, 200);

        // The code is used up.
        refused =
            client().postJson(QStringLiteral("/api/v1/signup"), form(QStringLiteral("+998935554433"), code));
        QCOMPARE(refused.errorCode(), QStringLiteral("invalid_code"));
    }

    void aTakenPhoneIsToldOnlyToTheCodeHolder()
    {
        TestHttpClient c = client();
        // The code request looks the same as for a new number.
        const int before = gateway->messages().size();
        const TestHttpResponse sent =
            c.postJson(QStringLiteral("/api/v1/signup/phone-code"), {{"phone", "+998935554433"}});
        const TestHttpResponse fresh =
            client().postJson(QStringLiteral("/api/v1/signup/phone-code"), {{"phone", "+998935550000"}});
        QCOMPARE(sent.status, 202);
        QCOMPARE(sent.body, fresh.body);
        QVERIFY(gateway->waitForMessages(before + 2));
        QString code;
        for (const FakeSmsGateway::Sms &sms : gateway->messages().mid(before))
            if (sms.mobilePhone == QLatin1String("998935554433"))
                code = codeIn(sms.message);
        const TestHttpResponse taken =
            c.postJson(QStringLiteral("/api/v1/signup"), form(QStringLiteral("+998935554433"), code));
        QCOMPARE(taken.status, 409);
        QCOMPARE(taken.errorCode(), QStringLiteral("phone_taken"));
        QCOMPARE(taken.json().value("error").toObject().value("field").toString(), QStringLiteral("phone"));
    }

    void aFailedSmsIsReported()
    {
        gateway->failNextSends(1, 503);
        TestHttpClient c = client();
        const TestHttpResponse failed =
            c.postJson(QStringLiteral("/api/v1/signup/phone-code"), {{"phone", "+998935551111"}});
        QCOMPARE(failed.status, 502);
        QCOMPARE(failed.errorCode(), QStringLiteral("delivery_failed"));
        QVERIFY(server->waitForLogEvent(QStringLiteral("notify.delivery_failed")));
        QVERIFY(!server->logText().contains(kEskizPassword));
    }
};

QTEST_GUILESS_MAIN(TestSignup)
#include "tst_signup.moc"
