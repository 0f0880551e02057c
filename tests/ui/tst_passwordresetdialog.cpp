#include "../fakes/FakeHttpServer.h"
#include "MemorySecretStore.h"
#include "api/ApiClient.h"
#include "auth/ForgotPasswordDialog.h"
#include "auth/LoginDialog.h"
#include "i18n/LanguageManager.h"
#include "session/SessionManager.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

using namespace medora;
using medora::test::FakeHttpServer;

namespace {

// One key event per character (QTest::keyClicks goes through Latin-1 and mangles Cyrillic).
void typeText(QWidget *widget, const QString &text)
{
    widget->setFocus();
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

} // namespace

// "Forgot password?" from the sign-in dialog against a scripted server: the code is asked
// for the phone or e-mail typed, the code and the new password (typed in Cyrillic and with
// the Uzbek ʻ) go to the server, every refusal names its field, in Uzbek and in Russian.
class TestPasswordResetDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<FakeHttpServer> m_fake;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_session;
    int m_confirms = 0;

    FakeHttpServer::Response answer(const FakeHttpServer::Request &request)
    {
        if (request.path == "/api/v1/auth/password-reset/request") {
            const QJsonObject body = request.json();
            if (body.value("phone").toString() == QLatin1String("+998000000000"))
                return FakeHttpServer::Response::error(400, "invalid_phone", QString(), "phone");
            return FakeHttpServer::Response::json(202, {{"status", "accepted"},
                                                        {"channel", body.contains("email") ? "email" : "sms"},
                                                        {"expiresInSeconds", 600}});
        }
        if (request.path == "/api/v1/auth/password-reset/confirm") {
            ++m_confirms;
            if (request.json().value("code").toString() != QLatin1String("246810"))
                return FakeHttpServer::Response::error(400, "invalid_code", QString(), "code");
            return FakeHttpServer::Response::noContent();
        }
        return FakeHttpServer::Response::error(404, "not_found");
    }

    ForgotPasswordDialog *openFromLogin(LoginDialog &login)
    {
        login.forgotPasswordButton()->click();
        auto *dialog = login.findChild<ForgotPasswordDialog *>();
        if (dialog && !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_passwordresetdialog"));
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
        m_confirms = 0;
    }

    void cleanup()
    {
        m_session.reset();
        m_api.reset();
        m_fake.reset();
        m_languages.reset();
    }

    void resetByPhoneFromTheLoginDialog()
    {
        LoginDialog login(*m_session);
        login.show();
        typeText(login.serverField(), m_fake->baseUrl());
        typeText(login.loginField(), QStringLiteral("90 123 45 67"));
        ForgotPasswordDialog *dialog = openFromLogin(login);
        QVERIFY(dialog);
        // The phone typed at sign-in is taken over; a login name would not be.
        QCOMPARE(dialog->destinationField()->text(), QStringLiteral("90 123 45 67"));
        dialog->sendCodeButton()->click();
        QTRY_VERIFY(dialog->isOnCodePage());
        const FakeHttpServer::Request sent = m_fake->requests().last();
        QCOMPARE(sent.json().value("phone").toString(), QStringLiteral("+998901234567"));
        QCOMPARE(sent.json().value("language").toString(), QStringLiteral("uz"));
        QVERIFY(
            dialog->findChild<QLabel *>(QStringLiteral("sentNote"))->text().contains(QStringLiteral("10")));

        // Field-named refusals before anything is sent.
        typeText(dialog->codeField(), QStringLiteral("2468"));
        dialog->setPasswordButton()->click();
        QCOMPARE(dialog->errorField(), dialog->codeField());
        QVERIFY(!dialog->errorText().isEmpty());
        typeText(dialog->codeField(), QStringLiteral("10"));
        const QString password = QStringLiteral("Тошкент оʻgʻ parol");
        typeText(dialog->newPasswordField(), password);
        typeText(dialog->repeatPasswordField(), QStringLiteral("something else"));
        dialog->setPasswordButton()->click();
        QCOMPARE(dialog->errorField(), dialog->repeatPasswordField());
        QCOMPARE(m_confirms, 0);

        dialog->repeatPasswordField()->clear();
        typeText(dialog->repeatPasswordField(), password);
        QSignalSpy accepted(dialog, &QDialog::accepted);
        dialog->setPasswordButton()->click();
        QTRY_COMPARE(accepted.count(), 1);
        const QJsonObject confirm = m_fake->requests().last().json();
        QCOMPARE(confirm.value("code").toString(), QStringLiteral("246810"));
        QCOMPARE(confirm.value("newPassword").toString(), password);
        QCOMPARE(confirm.value("phone").toString(), QStringLiteral("+998901234567"));
        // Back in the sign-in dialog: the password is cleared and the next step said.
        QTRY_VERIFY(!login.noticeText().isEmpty());
        QVERIFY(login.passwordField()->text().isEmpty());
    }

    void wrongCodeIsNamedInRussian()
    {
        QVERIFY(m_languages->setLanguage(QStringLiteral("ru"), false));
        QVERIFY(m_api->setServerAddress(m_fake->baseUrl()).ok());
        ForgotPasswordDialog dialog(*m_api);
        dialog.show();
        typeText(dialog.destinationField(), QStringLiteral("Vrach@Klinika.uz"));
        dialog.sendCodeButton()->click();
        QTRY_VERIFY(dialog.isOnCodePage());
        QCOMPARE(m_fake->requests().last().json().value("email").toString(),
                 QStringLiteral("Vrach@Klinika.uz"));
        QCOMPARE(m_fake->requests().last().json().value("language").toString(), QStringLiteral("ru"));
        typeText(dialog.codeField(), QStringLiteral("111111"));
        typeText(dialog.newPasswordField(), QStringLiteral("новый пароль врача"));
        typeText(dialog.repeatPasswordField(), QStringLiteral("новый пароль врача"));
        dialog.setPasswordButton()->click();
        QTRY_COMPARE(m_confirms, 1);
        QTRY_COMPARE(dialog.errorField(), dialog.codeField());
        QVERIFY(dialog.codeField()->hasFocus());
        QVERIFY(dialog.errorText().contains(QStringLiteral("код"), Qt::CaseInsensitive) ||
                dialog.errorText().contains(QStringLiteral("code")));
        QVERIFY(dialog.result() != QDialog::Accepted);
    }

    void badPhoneSendsTheUserBack()
    {
        QVERIFY(m_api->setServerAddress(m_fake->baseUrl()).ok());
        ForgotPasswordDialog dialog(*m_api);
        dialog.show();
        dialog.sendCodeButton()->click();
        QCOMPARE(dialog.errorField(), dialog.destinationField()); // empty: named at once
        typeText(dialog.destinationField(), QStringLiteral("+998000000000"));
        dialog.sendCodeButton()->click();
        QTRY_COMPARE(dialog.errorField(), dialog.destinationField());
        QVERIFY(!dialog.isOnCodePage());
        QVERIFY(dialog.sendCodeButton()->isEnabled());
    }
};

QTEST_MAIN(TestPasswordResetDialog)
#include "tst_passwordresetdialog.moc"
