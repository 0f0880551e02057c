#include "../fakes/FakeHttpServer.h"
#include "MemorySecretStore.h"
#include "api/ApiClient.h"
#include "auth/ConsentDialog.h"
#include "auth/LoginDialog.h"
#include "auth/SignupDialog.h"
#include "i18n/LanguageManager.h"
#include "session/BundledLegalTexts.h"
#include "session/SessionManager.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QtTest>

using namespace medora;
using medora::test::FakeHttpServer;

namespace {

void typeText(QWidget *widget, const QString &text)
{
    widget->setFocus();
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

} // namespace

// Registering a clinic from the sign-in dialog against a scripted server: the SMS code is
// asked for the phone, the terms shown offline are the built-in ones in the current language
// and their versions go with the form; names typed in Cyrillic and with the Uzbek ʻ arrive
// intact; refusals name their field; newer published terms replace the shown ones and must be
// accepted again; after success the dialog signs the new administrator in.
class TestSignupDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<FakeHttpServer> m_fake;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_session;
    QString m_publishedTerms; // empty: the bundled version is current

    FakeHttpServer::Response answer(const FakeHttpServer::Request &request)
    {
        using Response = FakeHttpServer::Response;
        const QJsonObject body = request.json();
        if (request.path == "/api/v1/signup/phone-code")
            return Response::json(202, {{"status", "sent"}, {"expiresInSeconds", 600}});
        if (request.path == "/api/v1/signup") {
            if (body.value("code").toString() != QLatin1String("135790"))
                return Response::error(400, "invalid_code", QString(), "code");
            if (!m_publishedTerms.isEmpty() && body.value("termsVersion").toString() != m_publishedTerms)
                return Response::error(409, "consent_outdated", QString(), "termsVersion");
            return Response::json(
                201,
                {{"clinic", QJsonObject{{"id", "c9"}, {"name", body.value("clinicName")}}},
                 {"user", QJsonObject{{"id", "u9"}, {"login", "u998935554433"}, {"role", "clinic_admin"}}}});
        }
        if (request.path.startsWith("/api/v1/legal/")) {
            const QString document = QString::fromLatin1(request.path.mid(14).split('?').first());
            return Response::json(
                200, {{"document", document},
                      {"language", "uz"},
                      {"version", document == QLatin1String("terms") ? m_publishedTerms
                                                                     : BundledLegalTexts::version(document)},
                      {"text", QStringLiteral("# Yangi matn\n\nYangi tahrir: %1").arg(document)}});
        }
        if (request.path == "/api/v1/auth/login")
            return Response::error(401, "invalid_credentials"); // the sign-in itself is tst_logindialog's
        return Response::error(404, "not_found");
    }

    QJsonObject lastBody(const QByteArray &path) const
    {
        const auto requests = m_fake->requests();
        for (auto it = requests.crbegin(); it != requests.crend(); ++it)
            if (it->path == path)
                return it->json();
        return {};
    }

    void fill(SignupDialog &dialog)
    {
        typeText(dialog.clinicNameField(), QStringLiteral("Клиника «Шифо»"));
        typeText(dialog.fullNameField(), QStringLiteral("Oʻktam Gʻaniyev"));
        typeText(dialog.phoneField(), QStringLiteral("93 555 44 33"));
        typeText(dialog.passwordField(), QStringLiteral("bizning klinika 2026"));
        typeText(dialog.repeatPasswordField(), QStringLiteral("bizning klinika 2026"));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_signupdialog"));
    }

    void init()
    {
        QSettings().clear();
        m_languages = std::make_unique<LanguageManager>();
        QVERIFY(m_languages->setLanguage(QStringLiteral("uz"), false));
        m_fake = std::make_unique<FakeHttpServer>();
        m_fake->setHandler([this](const FakeHttpServer::Request &r) { return answer(r); });
        QVERIFY(m_fake->listen());
        m_secrets = std::make_unique<MemorySecretStore>();
        m_api = std::make_unique<ApiClient>();
        m_api->setAllowInsecureHttp(true);
        m_api->setTransferTimeout(3000);
        m_session = std::make_unique<SessionManager>(*m_api, *m_secrets);
        m_publishedTerms.clear();
    }

    void cleanup()
    {
        m_session.reset();
        m_api.reset();
        m_fake.reset();
        m_languages.reset();
    }

    void theBundledTextsAreShownAndTheirVersionsSent()
    {
        QVERIFY(!BundledLegalTexts::version(QStringLiteral("terms")).isEmpty());
        QVERIFY(m_api->setServerAddress(m_fake->baseUrl()).ok());
        SignupDialog dialog(*m_api);
        dialog.show();
        QCOMPARE(dialog.termsVersion(), BundledLegalTexts::version(QStringLiteral("terms")));
        QVERIFY(dialog.acceptBox()->text().contains(dialog.termsVersion()));
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("disclaimerLabel"))->text().isEmpty());
        dialog.readTermsButton()->click();
        QVERIFY(dialog.termsDialog());
        QVERIFY(dialog.termsDialog()->termsView()->toPlainText().contains(
            QStringLiteral("shifokor oʻrnini bosmaydi")));
        QVERIFY(dialog.termsDialog()->privacyView()->toPlainText().contains(QStringLiteral("Google Gemini")));
        dialog.termsDialog()->close();

        // Russian: the Russian texts.
        QVERIFY(m_languages->setLanguage(QStringLiteral("ru"), false));
        SignupDialog russian(*m_api);
        russian.readTermsButton()->click();
        QVERIFY(russian.termsDialog()->privacyView()->toPlainText().contains(
            QStringLiteral("Политика конфиденциальности")));
    }

    void fieldsAreNamedThenTheClinicIsRegistered()
    {
        LoginDialog login(*m_session);
        login.show();
        typeText(login.serverField(), m_fake->baseUrl());
        login.signupButton()->click();
        auto *dialog = login.findChild<SignupDialog *>();
        QVERIFY(dialog);

        dialog->createButton()->click();
        QCOMPARE(dialog->errorField(), dialog->clinicNameField());
        fill(*dialog);
        dialog->createButton()->click();
        QCOMPARE(dialog->errorField(), dialog->codeField()); // no code yet
        dialog->sendCodeButton()->click();
        QTRY_VERIFY(dialog->findChild<QLabel *>(QStringLiteral("codeNote"))->isVisible());
        QCOMPARE(lastBody("/api/v1/signup/phone-code").value("phone").toString(),
                 QStringLiteral("+998935554433"));
        typeText(dialog->codeField(), QStringLiteral("135791"));
        dialog->createButton()->click();
        QCOMPARE(dialog->errorField(), dialog->acceptBox()); // consent first
        dialog->acceptBox()->setChecked(true);
        dialog->createButton()->click();
        QTRY_COMPARE(dialog->errorField(), dialog->codeField()); // the server said: wrong code
        QVERIFY(!dialog->errorText().isEmpty());

        dialog->codeField()->clear();
        typeText(dialog->codeField(), QStringLiteral("135790"));
        QSignalSpy accepted(dialog, &QDialog::accepted);
        dialog->createButton()->click();
        QTRY_COMPARE(accepted.count(), 1);
        const QJsonObject sent = lastBody("/api/v1/signup");
        QCOMPARE(sent.value("clinicName").toString(), QStringLiteral("Клиника «Шифо»"));
        QCOMPARE(sent.value("fullName").toString(), QStringLiteral("Oʻktam Gʻaniyev"));
        QCOMPARE(sent.value("phone").toString(), QStringLiteral("+998935554433"));
        QCOMPARE(sent.value("termsVersion").toString(), BundledLegalTexts::version(QStringLiteral("terms")));
        QCOMPARE(sent.value("privacyVersion").toString(),
                 BundledLegalTexts::version(QStringLiteral("privacy")));
        QCOMPARE(sent.value("language").toString(), QStringLiteral("uz"));
        QVERIFY(!sent.contains("email"));
        // The sign-in dialog signs the new administrator in with the phone and the password.
        QTRY_VERIFY(!lastBody("/api/v1/auth/login").isEmpty());
        QCOMPARE(lastBody("/api/v1/auth/login").value("login").toString(), QStringLiteral("+998935554433"));
        QCOMPARE(login.loginField()->text(), QStringLiteral("+998935554433"));
    }

    void newerPublishedTermsMustBeAcceptedAgain()
    {
        m_publishedTerms = QStringLiteral("2099-01-01");
        QVERIFY(m_api->setServerAddress(m_fake->baseUrl()).ok());
        SignupDialog dialog(*m_api);
        dialog.show();
        fill(dialog);
        typeText(dialog.codeField(), QStringLiteral("135790"));
        dialog.acceptBox()->setChecked(true);
        dialog.createButton()->click();
        QTRY_COMPARE(dialog.termsVersion(), m_publishedTerms);
        QCOMPARE(dialog.errorField(), dialog.acceptBox());
        QVERIFY(!dialog.acceptBox()->isChecked());
        QVERIFY(dialog.acceptBox()->text().contains(m_publishedTerms));
        dialog.acceptBox()->setChecked(true);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.createButton()->click();
        QTRY_COMPARE(accepted.count(), 1);
        QCOMPARE(lastBody("/api/v1/signup").value("termsVersion").toString(), m_publishedTerms);
    }
};

QTEST_MAIN(TestSignupDialog)
#include "tst_signupdialog.moc"
