#include "../fakes/FakeSmsGateway.h"
#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using medora::ServerProcess;
using medora::TestHttpClient;
using medora::TestHttpResponse;
using medora::test::FakeSmsGateway;

namespace {

const QString kEskizEmail = QStringLiteral("sms@consent.example.uz");
const QString kEskizPassword = QStringLiteral("eskiz-consent-password-Vb6yH4");
const QString kPassword = QStringLiteral("consent matters to us");

// Copies resources/legal into `directory`, giving `bumpDocument` a new version and text.
bool publishTexts(const QString &directory, const QString &bumpDocument, const QString &newVersion)
{
    const QDir source(qEnvironmentVariable("MEDORA_SOURCE_DIR") + QStringLiteral("/resources/legal"));
    for (const QString &name : source.entryList({QStringLiteral("*.md")}, QDir::Files)) {
        QFile in(source.filePath(name));
        if (!in.open(QIODevice::ReadOnly))
            return false;
        QString text = QString::fromUtf8(in.readAll());
        if (name.startsWith(bumpDocument + QLatin1Char('_'))) {
            text.replace(
                QRegularExpression(QStringLiteral("^version:.*$"), QRegularExpression::MultilineOption),
                QStringLiteral("version: ") + newVersion);
            text += QStringLiteral("\n## 10. New section\n\nAdded in %1.\n").arg(newVersion);
        }
        QFile out(QDir(directory).filePath(name));
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(text.toUtf8()) < 0)
            return false;
    }
    return true;
}

} // namespace

// Consent is stored with its version and asked again when a new version is published: a clinic
// signs up (accepting the built-in texts), the operator publishes new terms (MEDORA_LEGAL_DIR)
// and restarts; the admin's consent is then required, an old version is refused, the new one
// is recorded and the history kept.
class TestConsent : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeSmsGateway> gateway;

    ServerProcess::Options options(const QString &workingDirectory = QString(),
                                   const QString &legalDir = QString())
    {
        ServerProcess::Options o;
        o.environment.insert(QStringLiteral("ESKIZ_BASE_URL"), gateway->baseUrl());
        o.environment.insert(QStringLiteral("ESKIZ_EMAIL"), kEskizEmail);
        o.environment.insert(QStringLiteral("ESKIZ_PASSWORD"), kEskizPassword);
        o.workingDirectory = workingDirectory;
        if (!legalDir.isEmpty())
            o.environment.insert(QStringLiteral("MEDORA_LEGAL_DIR"), legalDir);
        return o;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ServerProcess::serverPath()).isExecutable(), "MEDORA_SERVER_PATH is not set");
        gateway = std::make_unique<FakeSmsGateway>(kEskizEmail, kEskizPassword);
        QVERIFY(gateway->listen());
    }

    void consentIsAskedAgainAfterANewVersion()
    {
        ServerProcess first(options());
        first.registerSecret(kEskizPassword.toUtf8());
        first.registerSecret(kPassword.toUtf8());
        QString error;
        QVERIFY2(first.start(&error), qPrintable(error));
        TestHttpClient c;
        first.configureClient(c);
        const QJsonArray documents =
            c.get(QStringLiteral("/api/v1/legal")).json().value("documents").toArray();
        const QString terms = documents.at(0).toObject().value("version").toString();
        const QString privacy = documents.at(1).toObject().value("version").toString();
        QVERIFY(!terms.isEmpty());
        QCOMPARE(c.postJson(QStringLiteral("/api/v1/signup/phone-code"), {{"phone", "+998944443322"}}).status,
                 202);
        QVERIFY(gateway->waitForMessages(1));
        const QString code = QRegularExpression(QStringLiteral("\\d{6}"))
                                 .match(gateway->messages().last().message)
                                 .captured(0);
        const TestHttpResponse created =
            c.postJson(QStringLiteral("/api/v1/signup"), {{"clinicName", "Consent Clinic"},
                                                          {"fullName", "Nodira Qodirova"},
                                                          {"phone", "+998944443322"},
                                                          {"code", code},
                                                          {"password", kPassword},
                                                          {"termsVersion", terms},
                                                          {"privacyVersion", privacy},
                                                          {"language", "ru"}});
        QVERIFY2(created.status == 201, created.body.constData());
        QCOMPARE(c.login(QStringLiteral("+998944443322"), kPassword).status, 200);
        QCOMPARE(c.get(QStringLiteral("/api/v1/me/consent")).json().value("required").toBool(), false);
        QCOMPARE(first.stop(), 0);

        QTemporaryDir published;
        QVERIFY(published.isValid());
        QVERIFY(publishTexts(published.path(), QStringLiteral("terms"), QStringLiteral("2027-02-01")));
        ServerProcess second(options(first.workingDirectory(), published.path()));
        second.registerSecret(kEskizPassword.toUtf8());
        second.registerSecret(kPassword.toUtf8());
        QVERIFY2(second.start(&error), qPrintable(error));
        TestHttpClient after;
        second.configureClient(after);
        QCOMPARE(after.login(QStringLiteral("+998944443322"), kPassword).status, 200);
        QJsonObject status = after.get(QStringLiteral("/api/v1/me/consent")).json();
        QCOMPARE(status.value("required").toBool(), true);
        QCOMPARE(status.value("current").toObject().value("terms").toString(), QStringLiteral("2027-02-01"));
        QCOMPARE(status.value("current").toObject().value("privacy").toString(), privacy);
        QCOMPARE(status.value("accepted").toObject().value("terms").toObject().value("version").toString(),
                 terms);
        QVERIFY(after.get(QStringLiteral("/api/v1/legal/terms?language=uz"))
                    .json()
                    .value("text")
                    .toString()
                    .contains(QStringLiteral("Added in 2027-02-01")));

        const TestHttpResponse old = after.postJson(QStringLiteral("/api/v1/me/consent"),
                                                    {{"termsVersion", terms}, {"privacyVersion", privacy}});
        QCOMPARE(old.status, 409);
        QCOMPARE(old.errorCode(), QStringLiteral("consent_outdated"));
        QCOMPARE(
            after
                .postJson(QStringLiteral("/api/v1/me/consent"),
                          {{"termsVersion", "2027-02-01"}, {"privacyVersion", privacy}, {"language", "uz"}})
                .status,
            204);
        status = after.get(QStringLiteral("/api/v1/me/consent")).json();
        QCOMPARE(status.value("required").toBool(), false);
        QCOMPARE(status.value("accepted").toObject().value("terms").toObject().value("version").toString(),
                 QStringLiteral("2027-02-01"));
        // The earlier acceptance is kept beside the new one.
        const TestHttpResponse audit = after.get(QStringLiteral("/api/v1/audit?action=consent.accept"));
        QCOMPARE(audit.status, 200);
        QVERIFY(audit.body.contains(terms.toLatin1()));
        QVERIFY(audit.body.contains("2027-02-01"));
        QCOMPARE(second.stop(), 0);
    }

    void aBrokenPublishedTextStopsTheServer()
    {
        QTemporaryDir published;
        QVERIFY(publishTexts(published.path(), QStringLiteral("privacy"), QStringLiteral("2027-03-01")));
        // Only one language updated: the versions of one document must agree.
        QFile ru(QDir(published.path()).filePath(QStringLiteral("privacy_ru.md")));
        QVERIFY(ru.open(QIODevice::ReadWrite));
        QString text = QString::fromUtf8(ru.readAll());
        text.replace(QStringLiteral("version: 2027-03-01"), QStringLiteral("version: 2027-03-02"));
        ru.resize(0);
        ru.write(text.toUtf8());
        ru.close();
        ServerProcess refused(options(QString(), published.path()));
        const ServerProcess::CliResult result = refused.runServeUntilExit();
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.errorText().contains(QStringLiteral("MEDORA_LEGAL_DIR")),
                 qPrintable(result.errorText()));
    }
};

QTEST_GUILESS_MAIN(TestConsent)
#include "tst_consent.moc"
