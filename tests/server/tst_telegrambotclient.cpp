#include "subscription/ReceiptButtons.h"
#include "subscription/ReceiptFile.h"
#include "telegram/TelegramBotClient.h"
#include "telegram/TelegramConfig.h"
#include "telegram/TelegramTexts.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>
#include <QtTest>

using namespace medora::server;

// The Bot API client's reading of answers (which outcomes are safe to retry), the multipart
// body, the receipt buttons' MAC, receipt type by content, and the Telegram configuration.
class TestTelegramBotClient : public QObject
{
    Q_OBJECT

private slots:
    void answersAreClassified()
    {
        TelegramCall ok = TelegramBotClient::interpret(
            200, R"({"ok":true,"result":{"message_id":42,"chat":{"id":-100}}})", QByteArray());
        QCOMPARE(ok.outcome, TelegramCall::Outcome::Ok);
        QCOMPARE(ok.messageId(), 42);

        const TelegramCall limited = TelegramBotClient::interpret(
            429,
            R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}})",
            QByteArray());
        QCOMPARE(limited.outcome, TelegramCall::Outcome::RetryLater);
        QCOMPARE(limited.retryAfterMs, 7000);
        QCOMPARE(TelegramBotClient::interpret(429, "", "3").retryAfterMs, 3000);

        QCOMPARE(TelegramBotClient::interpret(502, "<html>bad gateway</html>", QByteArray()).outcome,
                 TelegramCall::Outcome::RetryLater);
        QCOMPARE(TelegramBotClient::interpret(
                     400, R"({"ok":false,"error_code":400,"description":"Bad Request: chat not found"})",
                     QByteArray())
                     .outcome,
                 TelegramCall::Outcome::Refused);
        QCOMPARE(TelegramBotClient::interpret(
                     403, R"({"ok":false,"error_code":403,"description":"Forbidden"})", QByteArray())
                     .outcome,
                 TelegramCall::Outcome::Refused);
        // A 200 that is not a Bot API answer: something in between may have passed it on.
        QCOMPARE(TelegramBotClient::interpret(200, "<html>hi</html>", QByteArray()).outcome,
                 TelegramCall::Outcome::Unknown);
    }

    void unreachableApiIsRetryableAndTokenIsScrubbed()
    {
        TelegramBotClient::Settings settings;
        settings.baseUrl = QStringLiteral("http://127.0.0.1:1"); // nothing listens there
        settings.token = "123:secret-token-value";
        settings.timeoutMs = 2000;
        const TelegramBotClient client(settings);
        const TelegramCall call = client.call(QStringLiteral("sendMessage"), {{QStringLiteral("text"), 1}});
        QCOMPARE(call.outcome, TelegramCall::Outcome::RetryLater);
        QVERIFY(!call.description.contains(QStringLiteral("secret-token-value")));
        QCOMPARE(client.scrubbed(QStringLiteral("url /bot123:secret-token-value/x")),
                 QStringLiteral("url /bot<token>/x"));
    }

    void multipartCarriesFieldsAndFile()
    {
        TelegramBotClient::File file{QByteArray("\xFF\xD8\xFF\xE0rest", 8), "image/jpeg",
                                     QStringLiteral("re\"ceipt\r\n.jpg")};
        const QByteArray body = TelegramBotClient::multipartBody(
            {{QStringLiteral("chat_id"), QStringLiteral("-100")},
             {QStringLiteral("reply_markup"),
              QJsonObject{{QStringLiteral("inline_keyboard"), QJsonArray()}}}},
            QStringLiteral("photo"), file, "BOUNDARY");
        QVERIFY(
            body.contains("--BOUNDARY\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n-100\r\n"));
        QVERIFY(body.contains("{\"inline_keyboard\":[]}"));
        QVERIFY(
            body.contains("name=\"photo\"; filename=\"re_ceipt__.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"));
        QVERIFY(body.contains(file.data));
        QVERIFY(body.endsWith("\r\n--BOUNDARY--\r\n"));
    }

    void receiptButtonsCannotBeForged()
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray key = "a-server-secret-of-enough-length-0123456789";
        const QString approve = ReceiptButtons::data(true, id, key);
        QVERIFY(approve.size() <= 64);
        const auto press = ReceiptButtons::parse(approve, key);
        QVERIFY(press.has_value());
        QVERIFY(press->approve);
        QCOMPARE(press->receiptId, id);
        QVERIFY(!ReceiptButtons::parse(approve, "another-key").has_value());
        QString flipped = approve;
        flipped[0] = QLatin1Char('r'); // turning Approve into Reject breaks the MAC
        QVERIFY(!ReceiptButtons::parse(flipped, key).has_value());
        QVERIFY(!ReceiptButtons::parse(QStringLiteral("a:zz:zz"), key).has_value());
    }

    void receiptTypeIsReadFromContent()
    {
        QCOMPARE(ReceiptFile::mimeType(QByteArray("\xFF\xD8\xFF\xE1xxxx", 8)), QByteArray("image/jpeg"));
        QByteArray png("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDRxxxx", 20);
        QCOMPARE(ReceiptFile::mimeType(png), QByteArray("image/png"));
        QCOMPARE(ReceiptFile::mimeType("%PDF-1.7\n..."), QByteArray("application/pdf"));
        QVERIFY(ReceiptFile::mimeType("GIF89a......").isEmpty());
        QVERIFY(ReceiptFile::mimeType("<html>%PDF-").isEmpty());
    }

    void configurationIsChecked()
    {
        QHash<QString, QString> values{
            {QStringLiteral("TELEGRAM_OPERATOR_USER_IDS"), QStringLiteral("11, 22,11")},
            {QStringLiteral("TELEGRAM_OPERATOR_GROUP_ID"), QStringLiteral("-1009")},
            {QStringLiteral("TELEGRAM_UPDATES_MODE"), QStringLiteral("webhook")},
            {QStringLiteral("TELEGRAM_WEBHOOK_SECRET"), QStringLiteral("short")},
            {QStringLiteral("MEDORA_DAILY_SUMMARY_TIME"), QStringLiteral("21:30")},
            {QStringLiteral("TELEGRAM_API_BASE_URL"), QStringLiteral("http://example.com")}};
        QStringList problems;
        TelegramConfig config =
            TelegramConfig::parse([&](const QString &name) { return values.value(name); }, &problems);
        QCOMPARE(config.operatorUserIds, (QList<qint64>{11, 22}));
        QVERIFY(config.isOperator(22));
        QVERIFY(!config.isOperator(33));
        QCOMPARE(config.dailySummaryTime, QTime(21, 30));
        QCOMPARE(problems.size(), 2); // plain http to a remote host; a weak webhook secret
        QVERIFY(problems.join(QLatin1Char('\n')).contains(QStringLiteral("TELEGRAM_API_BASE_URL")));
        QVERIFY(
            !problems.join(QLatin1Char('\n')).contains(QStringLiteral("short"))); // a secret is never echoed
        values[QStringLiteral("TELEGRAM_WEBHOOK_SECRET")] = QStringLiteral("a-good-secret-value-123");
        values[QStringLiteral("TELEGRAM_API_BASE_URL")] = QStringLiteral("http://127.0.0.1:9/");
        values[QStringLiteral("MEDORA_DAILY_SUMMARY_TIME")] = QStringLiteral("off");
        problems.clear();
        config = TelegramConfig::parse([&](const QString &name) { return values.value(name); }, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(config.apiBaseUrl, QStringLiteral("http://127.0.0.1:9"));
        QVERIFY(!config.dailySummaryTime.isValid());
        QCOMPARE(config.updatesMode, TelegramConfig::UpdatesMode::Webhook);
    }

    void noticeTextsShowInitialsAndSoum()
    {
        QCOMPARE(TelegramTexts::money(1250000), QStringLiteral("1 250 000"));
        QCOMPARE(TelegramTexts::money(-70000), QStringLiteral("-70 000"));
        QCOMPARE(TelegramTexts::initials(QStringLiteral("karimova"), QStringLiteral("Dilnoza")),
                 QStringLiteral("K. D."));
    }
};

QTEST_GUILESS_MAIN(TestTelegramBotClient)
#include "tst_telegrambotclient.moc"
