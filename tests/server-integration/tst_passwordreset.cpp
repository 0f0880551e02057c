#include "../fakes/FakeSmsGateway.h"
#include "../fakes/FakeSmtpServer.h"
#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using medora::ServerProcess;
using medora::TestHttpClient;
using medora::TestHttpResponse;
using medora::test::FakeSmsGateway;
using medora::test::FakeSmtpServer;

namespace {

const QString kEskizEmail = QStringLiteral("sms@clinic.example.uz");
const QString kEskizPassword = QStringLiteral("eskiz-account-password-Tr7wQ2");
const QString kSmtpUser = QStringLiteral("medora-mailer");
const QString kSmtpPassword = QStringLiteral("smtp-account-password-Lw3nB8");
const QString kPassword = QStringLiteral("correct horse battery");
const QString kNewPassword = QStringLiteral("a brand new passphrase");

QString codeIn(const QString &text)
{
    static const QRegularExpression sixDigits(QStringLiteral("\\b(\\d{6})\\b"));
    return sixDigits.match(text).captured(1);
}

double median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : double(values.at(values.size() / 2));
}

} // namespace

// Password reset by SMS (a fake Eskiz.uz) and by e-mail (a fake SMTP server over implicit TLS)
// against the real medora-server: the code really leaves with the right content, resets the
// password once, ends every session; the answers do not tell whether an account exists;
// limits per destination, per address and per code; delivery failures reach the log.
class TestPasswordReset : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir certificates;
    std::unique_ptr<FakeSmsGateway> gateway;
    std::unique_ptr<FakeSmtpServer> smtp;
    std::unique_ptr<ServerProcess> server;
    QString clinicId;
    int nextAddress = 1;

    // Each test speaks from its own client address (the trusted local proxy's
    // X-Forwarded-For), so the per-address budgets of one test do not spill into the next.
    TestHttpClient client(const QString &address = QString())
    {
        TestHttpClient c;
        server->configureClient(c);
        c.setDefaultHeader(
            "X-Forwarded-For",
            (address.isEmpty() ? QStringLiteral("198.51.100.%1").arg(nextAddress++) : address).toLatin1());
        return c;
    }

    void makeUser(const QString &login, const QString &phone)
    {
        const ServerProcess::CliResult result = server->runCli(
            {QStringLiteral("create-user"), QStringLiteral("--clinic"), clinicId, QStringLiteral("--login"),
             login, QStringLiteral("--full-name"), QStringLiteral("Test ") + login, QStringLiteral("--role"),
             QStringLiteral("doctor"), QStringLiteral("--phone"), phone, QStringLiteral("--password-stdin")},
            kPassword.toUtf8() + "\n");
        QVERIFY2(result.exitCode == 0, qPrintable(result.errorText()));
    }

    TestHttpResponse requestCode(TestHttpClient &c, const QJsonObject &body)
    {
        return c.postJson(QStringLiteral("/api/v1/auth/password-reset/request"), body);
    }

    // Sign-up is the way an account gets a recovery e-mail.
    void signUpWithEmail(const QString &phone, const QString &email)
    {
        TestHttpClient c = client();
        const int before = gateway->messages().size();
        QCOMPARE(c.postJson(QStringLiteral("/api/v1/signup/phone-code"), {{"phone", phone}}).status, 202);
        QVERIFY(gateway->waitForMessages(before + 1));
        const QJsonArray documents =
            c.get(QStringLiteral("/api/v1/legal")).json().value("documents").toArray();
        const TestHttpResponse created =
            c.postJson(QStringLiteral("/api/v1/signup"),
                       {{"clinicName", "Mail Clinic"},
                        {"fullName", "Malika Usmonova"},
                        {"phone", phone},
                        {"code", codeIn(gateway->messages().last().message)},
                        {"email", email},
                        {"password", kPassword},
                        {"termsVersion", documents.at(0).toObject().value("version")},
                        {"privacyVersion", documents.at(1).toObject().value("version")},
                        {"language", "uz"}});
        QVERIFY2(created.status == 201, created.body.constData());
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ServerProcess::serverPath()).isExecutable(), "MEDORA_SERVER_PATH is not set");
        QVERIFY(certificates.isValid());
        QString certificate, key, error;
        QVERIFY2(ServerProcess::makeSelfSignedCertificate(certificates.path(), &certificate, &key, &error,
                                                          QStringLiteral("smtp")),
                 qPrintable(error));
        gateway = std::make_unique<FakeSmsGateway>(kEskizEmail, kEskizPassword);
        QVERIFY(gateway->listen());
        smtp = std::make_unique<FakeSmtpServer>(FakeSmtpServer::Mode::ImplicitTls, kSmtpUser, kSmtpPassword);
        QVERIFY(smtp->listenTls(certificate, key));

        ServerProcess::Options options;
        options.environment.insert(QStringLiteral("ESKIZ_BASE_URL"), gateway->baseUrl());
        options.environment.insert(QStringLiteral("ESKIZ_EMAIL"), kEskizEmail);
        options.environment.insert(QStringLiteral("ESKIZ_PASSWORD"), kEskizPassword);
        options.environment.insert(QStringLiteral("SMTP_URL"), smtp->url());
        options.environment.insert(QStringLiteral("SMTP_USER"), kSmtpUser);
        options.environment.insert(QStringLiteral("SMTP_PASSWORD"), kSmtpPassword);
        options.environment.insert(QStringLiteral("SMTP_FROM"),
                                   QStringLiteral("Medora <no-reply@clinic.example.uz>"));
        options.environment.insert(QStringLiteral("SMTP_CA_FILE"), certificate);
        options.environment.insert(QStringLiteral("MEDORA_RATE_RECOVERY_BURST"), QStringLiteral("6"));
        options.environment.insert(QStringLiteral("MEDORA_RATE_ANON_BURST"), QStringLiteral("1000"));
        server = std::make_unique<ServerProcess>(options);
        server->registerSecret(kEskizPassword.toUtf8());
        server->registerSecret(kSmtpPassword.toUtf8());
        QVERIFY2(server->start(&error), qPrintable(error));
        clinicId = server->createClinic(QStringLiteral("Reset Clinic"));
        QVERIFY(!clinicId.isEmpty());
    }

    void cleanupTestCase() { server.reset(); }

    void smsResetEndsEverySession()
    {
        makeUser(QStringLiteral("reset.sms"), QStringLiteral("+998901230001"));
        TestHttpClient first = client();
        TestHttpClient second = client();
        QCOMPARE(
            first.login(QStringLiteral("reset.sms"), kPassword, QStringLiteral("device-one-0001")).status,
            200);
        QCOMPARE(
            second.login(QStringLiteral("reset.sms"), kPassword, QStringLiteral("device-two-0002")).status,
            200);

        TestHttpClient anonymous = client();
        const int before = gateway->messages().size();
        const TestHttpResponse accepted =
            requestCode(anonymous, {{"phone", "90 123 00 01"}, {"language", "ru"}});
        QCOMPARE(accepted.status, 202);
        QCOMPARE(accepted.json().value("status").toString(), QStringLiteral("accepted"));
        QVERIFY(gateway->waitForMessages(before + 1));
        const FakeSmsGateway::Sms sms = gateway->messages().last();
        QCOMPARE(sms.mobilePhone, QStringLiteral("998901230001"));
        QCOMPARE(sms.from, QStringLiteral("4546"));
        QVERIFY2(sms.message.contains(QStringLiteral("код для смены пароля")), qPrintable(sms.message));
        const QString code = codeIn(sms.message);
        QCOMPARE(code.size(), 6);

        const QString wrongCode =
            code == QLatin1String("000000") ? QStringLiteral("000001") : QStringLiteral("000000");
        TestHttpResponse refused = anonymous.postJson(
            QStringLiteral("/api/v1/auth/password-reset/confirm"),
            {{"phone", "+998901230001"}, {"code", wrongCode}, {"newPassword", kNewPassword}});
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorCode(), QStringLiteral("invalid_code"));

        // A weak new password is refused by name and leaves the code usable.
        refused = anonymous.postJson(QStringLiteral("/api/v1/auth/password-reset/confirm"),
                                     {{"phone", "+998901230001"}, {"code", code}, {"newPassword", "short"}});
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json().value("error").toObject().value("field").toString(),
                 QStringLiteral("newPassword"));

        const TestHttpResponse done =
            anonymous.postJson(QStringLiteral("/api/v1/auth/password-reset/confirm"),
                               {{"phone", "+998901230001"}, {"code", code}, {"newPassword", kNewPassword}});
        QCOMPARE(done.status, 204);
        server->registerSecret(kNewPassword.toUtf8());

        QCOMPARE(first.get(QStringLiteral("/api/v1/me")).status, 401);
        QCOMPARE(second.get(QStringLiteral("/api/v1/me")).status, 401);
        QCOMPARE(client().login(QStringLiteral("reset.sms"), kPassword).status, 401);
        QCOMPARE(client().login(QStringLiteral("reset.sms"), kNewPassword).status, 200);

        // The code is used up.
        refused =
            anonymous.postJson(QStringLiteral("/api/v1/auth/password-reset/confirm"),
                               {{"phone", "+998901230001"}, {"code", code}, {"newPassword", kPassword}});
        QCOMPARE(refused.errorCode(), QStringLiteral("invalid_code"));
        // The SMS text (and so the code) is not in the server's log.
        QVERIFY(!server->logText().contains(sms.message));
    }

    void answersDoNotRevealAccounts()
    {
        makeUser(QStringLiteral("reset.known"), QStringLiteral("+998901230002"));
        const int before = gateway->messages().size();
        QList<qint64> knownTimes, unknownTimes;
        QByteArray knownBody, unknownBody;
        for (int round = 0; round < 3; ++round) {
            for (const bool known : {true, false}) {
                TestHttpClient c = client();
                QElapsedTimer timer;
                timer.start();
                const TestHttpResponse answer = requestCode(
                    c,
                    {{"phone", known ? "+998901230002" : QStringLiteral("+99890777%1").arg(1000 + round)}});
                (known ? knownTimes : unknownTimes).append(timer.elapsed());
                QCOMPARE(answer.status, 202);
                (known ? knownBody : unknownBody) = answer.body;
            }
        }
        QCOMPARE(knownBody, unknownBody);
        // Same database work either way; the sending happens after the answer.
        const double known = median(knownTimes), unknown = median(unknownTimes);
        QVERIFY2(qAbs(known - unknown) <= 40 + 0.5 * qMax(known, unknown),
                 qPrintable(QStringLiteral("known %1 ms, unknown %2 ms").arg(known).arg(unknown)));
        QVERIFY(gateway->waitForMessages(before + 3));
        QTest::qWait(200); // nothing more is on its way for the unknown numbers
        for (const FakeSmsGateway::Sms &sms : gateway->messages().mid(before))
            QCOMPARE(sms.mobilePhone, QStringLiteral("998901230002"));

        // Confirming for an unknown number looks like a wrong code.
        TestHttpClient c = client();
        const TestHttpResponse unknownConfirm =
            c.postJson(QStringLiteral("/api/v1/auth/password-reset/confirm"),
                       {{"phone", "+998907771000"}, {"code", "123456"}, {"newPassword", kNewPassword}});
        const TestHttpResponse knownConfirm =
            c.postJson(QStringLiteral("/api/v1/auth/password-reset/confirm"),
                       {{"phone", "+998901230002"}, {"code", "12345x"}, {"newPassword", kNewPassword}});
        QCOMPARE(unknownConfirm.status, 400);
        QCOMPARE(unknownConfirm.body, knownConfirm.body);
    }

    void limitsPerDestinationAndPerAddress()
    {
        makeUser(QStringLiteral("reset.limit"), QStringLiteral("+998901230003"));
        for (const QString &phone : {QStringLiteral("+998901230003"), QStringLiteral("+998907779999")}) {
            for (int i = 0; i < 3; ++i) {
                TestHttpClient c = client();
                QCOMPARE(requestCode(c, {{"phone", phone}}).status, 202);
            }
            TestHttpClient c = client();
            const TestHttpResponse limited = requestCode(c, {{"phone", phone}});
            QCOMPARE(limited.status, 429);
            QVERIFY(limited.header("Retry-After").toInt() > 0);
        }
        // One address, many numbers: the per-address budget (burst 6) runs out.
        TestHttpClient one = client(QStringLiteral("203.0.113.77"));
        int accepted = 0;
        TestHttpResponse last;
        for (int i = 0; i < 8; ++i) {
            last = requestCode(one, {{"phone", QStringLiteral("+99890555%1").arg(2000 + i)}});
            if (last.status == 202)
                ++accepted;
            else
                break;
        }
        QCOMPARE(accepted, 6);
        QCOMPARE(last.status, 429);
    }

    void aCodeDiesAfterTooManyWrongGuesses()
    {
        makeUser(QStringLiteral("reset.guess"), QStringLiteral("+998901230004"));
        const int before = gateway->messages().size();
        TestHttpClient c = client();
        QCOMPARE(requestCode(c, {{"phone", "+998901230004"}}).status, 202);
        QVERIFY(gateway->waitForMessages(before + 1));
        const QString code = codeIn(gateway->messages().last().message);
        for (int i = 0; i < 5; ++i) {
            TestHttpClient guesser = client();
            const QString guess =
                QStringLiteral("%1").arg((code.toInt() + 1 + i) % 1000000, 6, 10, QLatin1Char('0'));
            QCOMPARE(
                guesser
                    .postJson(QStringLiteral("/api/v1/auth/password-reset/confirm"),
                              {{"phone", "+998901230004"}, {"code", guess}, {"newPassword", kNewPassword}})
                    .errorCode(),
                QStringLiteral("invalid_code"));
        }
        TestHttpClient late = client();
        QCOMPARE(late.postJson(QStringLiteral("/api/v1/auth/password-reset/confirm"),
                               {{"phone", "+998901230004"}, {"code", code}, {"newPassword", kNewPassword}})
                     .errorCode(),
                 QStringLiteral("invalid_code"));
        QCOMPARE(client().login(QStringLiteral("reset.guess"), kPassword).status, 200);
    }

    void gatewayTokenExpiryAndFailures()
    {
        makeUser(QStringLiteral("reset.gateway"), QStringLiteral("+998901230005"));
        const int logins = gateway->loginCount();
        const int before = gateway->messages().size();
        gateway->expireTokens();
        TestHttpClient c = client();
        QCOMPARE(requestCode(c, {{"phone", "+998901230005"}}).status, 202);
        QVERIFY(gateway->waitForMessages(before + 1));
        QCOMPARE(gateway->loginCount(), logins + 1);

        gateway->failNextSends(1, 500);
        const int failures = server->countLogEvents(QStringLiteral("notify.delivery_failed"));
        TestHttpClient again = client();
        QCOMPARE(requestCode(again, {{"phone", "+998901230005"}}).status, 202);
        QVERIFY(server->waitForLogEvent(QStringLiteral("notify.delivery_failed"), failures + 1));
        QCOMPARE(gateway->messages().size(), before + 1);
    }

    void emailResetOverTls()
    {
        signUpWithEmail(QStringLiteral("+998901230006"), QStringLiteral("malika@mail.example.uz"));
        TestHttpClient c = client();
        const TestHttpResponse accepted =
            requestCode(c, {{"email", "Malika@Mail.Example.uz"}, {"language", "uz"}});
        QCOMPARE(accepted.status, 202);
        QCOMPARE(accepted.json().value("channel").toString(), QStringLiteral("email"));
        QVERIFY(smtp->waitForMessages(1));
        const FakeSmtpServer::Message mail = smtp->messages().last();
        QVERIFY(mail.overTls);
        QCOMPARE(mail.authUser, kSmtpUser.toUtf8());
        QCOMPARE(mail.mailFrom, QByteArray("no-reply@clinic.example.uz"));
        QCOMPARE(mail.recipients, QList<QByteArray>{"malika@mail.example.uz"});
        QCOMPARE(mail.decodedHeader("subject"), QStringLiteral("Medora: parolni tiklash kodi"));
        QVERIFY(mail.bodyText().contains(QStringLiteral("soʻradi")));
        const QString code = codeIn(mail.bodyText());
        QCOMPARE(code.size(), 6);
        QCOMPARE(
            c.postJson(QStringLiteral("/api/v1/auth/password-reset/confirm"),
                       {{"email", "malika@mail.example.uz"}, {"code", code}, {"newPassword", kNewPassword}})
                .status,
            204);
        QCOMPARE(client().login(QStringLiteral("+998901230006"), kNewPassword).status, 200);

        // A refused recipient is the operator's to see, not the caller's.
        smtp->setRejectRecipients(true);
        const int failures = server->countLogEvents(QStringLiteral("notify.delivery_failed"));
        TestHttpClient again = client();
        QCOMPARE(requestCode(again, {{"email", "malika@mail.example.uz"}}).status, 202);
        QVERIFY(server->waitForLogEvent(QStringLiteral("notify.delivery_failed"), failures + 1));
        smtp->setRejectRecipients(false);
    }

    void badRequestsNameTheField()
    {
        TestHttpClient c = client();
        TestHttpResponse answer = requestCode(c, {{"phone", "12"}});
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.json().value("error").toObject().value("field").toString(), QStringLiteral("phone"));
        answer = requestCode(c, {{"email", "not an address"}});
        QCOMPARE(answer.json().value("error").toObject().value("field").toString(), QStringLiteral("email"));
        answer = requestCode(c, {});
        QCOMPARE(answer.status, 400);
        answer = requestCode(c, {{"phone", "+998901230001"}, {"email", "a@b.uz"}});
        QCOMPARE(answer.status, 400);
    }
};

QTEST_GUILESS_MAIN(TestPasswordReset)
#include "tst_passwordreset.moc"
