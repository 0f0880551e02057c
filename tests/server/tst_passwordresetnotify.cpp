#include "../fakes/FakeSmsGateway.h"
#include "../fakes/FakeSmtpServer.h"
#include "ServerProcess.h"
#include "notify/EskizSmsClient.h"
#include "notify/MailMessage.h"
#include "notify/SmtpMailer.h"

#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

using medora::ServerProcess;
using medora::server::DeliveryResult;
using medora::server::EskizSmsClient;
using medora::server::MailMessage;
using medora::server::SmtpMailer;
using medora::test::FakeSmsGateway;
using medora::test::FakeSmtpServer;

namespace {

const QString kEskizEmail = QStringLiteral("clinic@example.uz");
const QString kEskizPassword = QStringLiteral("eskiz-secret-Qm4t7Vx2");
const QString kSmtpUser = QStringLiteral("medora");
const QString kSmtpPassword = QStringLiteral("smtp-secret-Hc8pL3wZ");

// The clients block in libcurl; the fakes answer on this thread's event loop.
template <typename Work> DeliveryResult runBlocking(Work work)
{
    QFuture<DeliveryResult> future = QtConcurrent::run(work);
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 20000))
        return DeliveryResult::failed(QStringLiteral("test: timed out"));
    return future.result();
}

} // namespace

// The two notification clients of password reset and sign-up (server/notify) against fakes on
// 127.0.0.1: Eskiz.uz's wire format with token expiry and failures, and SMTP over implicit TLS
// and STARTTLS with a proper RFC 5322 message, refused credentials and recipients.
class TestPasswordResetNotify : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir certificates;
    QString certificateFile;
    QString keyFile;

    EskizSmsClient eskiz(const FakeSmsGateway &gateway) const
    {
        EskizSmsClient::Settings settings;
        settings.baseUrl = gateway.baseUrl();
        settings.email = kEskizEmail;
        settings.password = kEskizPassword.toUtf8();
        settings.sender = QStringLiteral("4546");
        settings.timeoutMs = 5000;
        return EskizSmsClient(settings);
    }

    SmtpMailer::Settings mailSettings(const FakeSmtpServer &server) const
    {
        SmtpMailer::Settings settings;
        settings.url = server.url();
        settings.user = kSmtpUser;
        settings.password = kSmtpPassword.toUtf8();
        settings.from = QStringLiteral("Medora klinikasi <no-reply@clinic.example.uz>");
        settings.caFile = certificateFile;
        settings.timeoutMs = 5000;
        return settings;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(certificates.isValid());
        QString error;
        QVERIFY2(ServerProcess::makeSelfSignedCertificate(certificates.path(), &certificateFile, &keyFile,
                                                          &error, QStringLiteral("smtp")),
                 qPrintable(error));
    }

    void eskizSignsInThenSends()
    {
        FakeSmsGateway gateway(kEskizEmail, kEskizPassword);
        QVERIFY(gateway.listen());
        EskizSmsClient client = eskiz(gateway);
        const QString text =
            QStringLiteral("Medora: parolni tiklash kodi 123456. Kod oʻn daqiqa amal qiladi.");
        const DeliveryResult result =
            runBlocking([&] { return client.sendSms(QStringLiteral("+998901234567"), text); });
        QVERIFY2(result.delivered, qPrintable(result.detail));
        QVERIFY(!result.providerId.isEmpty());
        QCOMPARE(gateway.loginCount(), 1);
        QCOMPARE(gateway.messages().size(), 1);
        QCOMPARE(gateway.messages().first().mobilePhone, QStringLiteral("998901234567"));
        QCOMPARE(gateway.messages().first().message, text);
        QCOMPARE(gateway.messages().first().from, QStringLiteral("4546"));
        const auto requests = gateway.requests();
        QCOMPARE(requests.first().path, QByteArray("/api/auth/login"));
        QVERIFY(requests.first().header("content-type").startsWith("application/x-www-form-urlencoded"));

        // The token is kept: a second message needs no second sign-in.
        QVERIFY(runBlocking([&] { return client.sendSms(QStringLiteral("+998901234567"), text); }).delivered);
        QCOMPARE(gateway.loginCount(), 1);
    }

    void eskizSignsInAgainWhenTheTokenExpires()
    {
        FakeSmsGateway gateway(kEskizEmail, kEskizPassword);
        QVERIFY(gateway.listen());
        EskizSmsClient client = eskiz(gateway);
        QVERIFY(runBlocking([&] {
                    return client.sendSms(QStringLiteral("+998901234567"), QStringLiteral("a"));
                }).delivered);
        gateway.expireTokens();
        const DeliveryResult result =
            runBlocking([&] { return client.sendSms(QStringLiteral("+998901234567"), QStringLiteral("b")); });
        QVERIFY2(result.delivered, qPrintable(result.detail));
        QCOMPARE(gateway.loginCount(), 2);
        QCOMPARE(gateway.sendAttempts(), 3); // ok, 401, ok after the new sign-in
        QCOMPARE(gateway.messages().last().message, QStringLiteral("b"));
    }

    void eskizFailuresAreReported()
    {
        FakeSmsGateway gateway(kEskizEmail, kEskizPassword);
        QVERIFY(gateway.listen());
        EskizSmsClient client = eskiz(gateway);
        gateway.failNextSends(1, 500);
        DeliveryResult result =
            runBlocking([&] { return client.sendSms(QStringLiteral("+998901234567"), QStringLiteral("x")); });
        QVERIFY(!result.delivered);
        QCOMPARE(result.httpStatus, 500);
        QVERIFY(gateway.messages().isEmpty());

        FakeSmsGateway wrongAccount(kEskizEmail, QStringLiteral("another password"));
        QVERIFY(wrongAccount.listen());
        EskizSmsClient refused = eskiz(wrongAccount);
        result = runBlocking(
            [&] { return refused.sendSms(QStringLiteral("+998901234567"), QStringLiteral("x")); });
        QVERIFY(!result.delivered);
        QCOMPARE(result.httpStatus, 401);
        QVERIFY(result.detail.contains(QStringLiteral("login")));
        QVERIFY(!result.detail.contains(kEskizPassword));

        // Nobody listens on a closed port: no HTTP answer at all.
        EskizSmsClient::Settings settings;
        settings.baseUrl = QStringLiteral("http://127.0.0.1:1");
        settings.email = kEskizEmail;
        settings.password = kEskizPassword.toUtf8();
        settings.timeoutMs = 3000;
        EskizSmsClient nowhere(settings);
        result = runBlocking(
            [&] { return nowhere.sendSms(QStringLiteral("+998901234567"), QStringLiteral("x")); });
        QVERIFY(!result.delivered);
        QCOMPARE(result.httpStatus, 0);
    }

    void mailMessageIsRfc5322()
    {
        const QByteArray message = MailMessage::build(
            QStringLiteral("Medora klinikasi <no-reply@clinic.example.uz>"), QStringLiteral("doctor@mail.uz"),
            QStringLiteral("Medora: код для смены пароля"), QStringLiteral("Код: 123456\nСтрока два"),
            QDateTime(QDate(2026, 11, 28), QTime(9, 5, 7), Qt::UTC));
        QVERIFY(message.contains("From: \"Medora klinikasi\" <no-reply@clinic.example.uz>\r\n"));
        QVERIFY(message.contains("To: doctor@mail.uz\r\n"));
        QVERIFY(message.contains("Date: Sat, 28 Nov 2026 09:05:07 +0000\r\n"));
        QVERIFY(message.contains("Message-ID: <"));
        QVERIFY(message.contains("@clinic.example.uz>\r\n"));
        QVERIFY(message.contains("Content-Type: text/plain; charset=UTF-8\r\n"));
        QVERIFY(message.contains("Subject: =?UTF-8?B?"));
        QVERIFY(!message.contains('\xd0')); // no raw UTF-8 anywhere: headers encoded, body base64
        for (const QByteArray &line : message.split('\n'))
            QVERIFY2(line.size() <= 78, line.constData());
        FakeSmtpServer::Message parsed;
        parsed.data = message;
        QCOMPARE(parsed.decodedHeader("subject"), QStringLiteral("Medora: код для смены пароля"));
        QCOMPARE(parsed.bodyText(), QStringLiteral("Код: 123456\r\nСтрока два"));
        // A long subject folds into several encoded words that decode back to the same text.
        const QString longSubject = QString(40, QChar(0x0416)) + QStringLiteral(" oʻ gʻ");
        parsed.data = MailMessage::build(QStringLiteral("a@b.uz"), QStringLiteral("c@d.uz"), longSubject,
                                         QStringLiteral("x"));
        QCOMPARE(parsed.decodedHeader("subject"), longSubject);
    }

    void smtpOverImplicitTls()
    {
        FakeSmtpServer server(FakeSmtpServer::Mode::ImplicitTls, kSmtpUser, kSmtpPassword);
        QVERIFY(server.listenTls(certificateFile, keyFile));
        SmtpMailer mailer(mailSettings(server));
        const QString subject = QStringLiteral("Medora: parolni tiklash kodi");
        const QString body =
            QStringLiteral("Kod: 654321\nKodni hech kimga aytmang. Код никому не сообщайте.");
        const DeliveryResult result =
            runBlocking([&] { return mailer.sendMail(QStringLiteral("Doctor@Mail.uz"), subject, body); });
        QVERIFY2(result.delivered, qPrintable(result.detail));
        QCOMPARE(server.messages().size(), 1);
        const FakeSmtpServer::Message message = server.messages().first();
        QVERIFY(message.overTls);
        QCOMPARE(message.authUser, kSmtpUser.toUtf8());
        QCOMPARE(message.authPassword, kSmtpPassword.toUtf8());
        QCOMPARE(message.mailFrom, QByteArray("no-reply@clinic.example.uz"));
        QCOMPARE(message.recipients, QList<QByteArray>{"Doctor@Mail.uz"});
        QCOMPARE(message.decodedHeader("subject"), subject);
        QCOMPARE(message.bodyText(), QString(body).replace(QStringLiteral("\n"), QStringLiteral("\r\n")));
    }

    void smtpWithStartTls()
    {
        FakeSmtpServer server(FakeSmtpServer::Mode::StartTls, kSmtpUser, kSmtpPassword);
        QVERIFY(server.listenTls(certificateFile, keyFile));
        SmtpMailer mailer(mailSettings(server));
        const QString subject = QStringLiteral("Medora: код для смены пароля");
        const DeliveryResult result = runBlocking([&] {
            return mailer.sendMail(QStringLiteral("admin@clinic.uz"), subject, QStringLiteral("Код: 111222"));
        });
        QVERIFY2(result.delivered, qPrintable(result.detail));
        QCOMPARE(server.messages().size(), 1);
        QVERIFY(server.messages().first().overTls);
        QCOMPARE(server.messages().first().decodedHeader("subject"), subject);
        // The upgrade came before any credentials or envelope.
        const QList<QByteArray> commands = server.commands();
        const qsizetype startTls = commands.indexOf("STARTTLS");
        QVERIFY(startTls > 0);
        for (qsizetype i = 0; i < startTls; ++i) {
            QVERIFY(!commands.at(i).startsWith("AUTH"));
            QVERIFY(!commands.at(i).startsWith("MAIL"));
        }
    }

    void smtpFailuresAreReported()
    {
        FakeSmtpServer server(FakeSmtpServer::Mode::ImplicitTls, kSmtpUser, kSmtpPassword);
        QVERIFY(server.listenTls(certificateFile, keyFile));
        SmtpMailer mailer(mailSettings(server));
        server.setRefuseCredentials(true);
        DeliveryResult result = runBlocking([&] {
            return mailer.sendMail(QStringLiteral("a@b.uz"), QStringLiteral("s"), QStringLiteral("b"));
        });
        QVERIFY(!result.delivered);
        QVERIFY(!result.detail.contains(kSmtpPassword));
        server.setRefuseCredentials(false);
        server.setRejectRecipients(true);
        result = runBlocking([&] {
            return mailer.sendMail(QStringLiteral("a@b.uz"), QStringLiteral("s"), QStringLiteral("b"));
        });
        QVERIFY(!result.delivered);
        QVERIFY2(result.detail.contains(QStringLiteral("550")), qPrintable(result.detail));
        QVERIFY(server.messages().isEmpty());

        // A certificate the mailer does not trust: refused before anything is sent.
        FakeSmtpServer untrusted(FakeSmtpServer::Mode::ImplicitTls, kSmtpUser, kSmtpPassword);
        QVERIFY(untrusted.listenTls(certificateFile, keyFile));
        SmtpMailer::Settings settings = mailSettings(untrusted);
        settings.caFile.clear();
        SmtpMailer strict(settings);
        result = runBlocking([&] {
            return strict.sendMail(QStringLiteral("a@b.uz"), QStringLiteral("s"), QStringLiteral("b"));
        });
        QVERIFY(!result.delivered);
        QVERIFY(untrusted.messages().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPasswordResetNotify)
#include "tst_passwordresetnotify.moc"
