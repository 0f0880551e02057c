#include "../fakes/FakeHttpServer.h"
#include "MemorySecretStore.h"
#include "api/ApiClient.h"
#include "auth/ConsentDialog.h"
#include "auth/ConsentGate.h"
#include "i18n/LanguageManager.h"
#include "session/BundledLegalTexts.h"
#include "session/SessionManager.h"

#include <QCheckBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QtTest>

using namespace medora;
using medora::test::FakeHttpServer;

// After an online sign-in the client asks whether the account accepted the current terms;
// when a newer version is published it shows the server's texts before work continues,
// records the acceptance with the versions shown, or signs out when they are declined.
class TestConsentGate : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<FakeHttpServer> m_fake;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_session;
    bool m_required = true;
    QString m_currentTerms = QStringLiteral("2030-05-01");
    QJsonObject m_recorded;

    FakeHttpServer::Response answer(const FakeHttpServer::Request &request)
    {
        using Response = FakeHttpServer::Response;
        if (request.path == "/api/v1/auth/login") {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            return Response::json(200, {{"accessToken", "access"},
                                        {"accessExpiresAt", now.addSecs(900).toString(Qt::ISODate)},
                                        {"refreshToken", "refresh"},
                                        {"refreshExpiresAt", now.addDays(30).toString(Qt::ISODate)},
                                        {"sessionId", "s1"},
                                        {"user", QJsonObject{{"id", "u1"},
                                                             {"clinicId", "c1"},
                                                             {"clinicName", "Shifo"},
                                                             {"login", "nodira"},
                                                             {"fullName", "Nodira"},
                                                             {"role", "doctor"},
                                                             {"mustChangePassword", false}}}});
        }
        if (request.path == "/api/v1/me/consent" && request.method == "GET") {
            return Response::json(
                200, {{"required", m_required},
                      {"current", QJsonObject{{"terms", m_currentTerms},
                                              {"privacy", BundledLegalTexts::version("privacy")}}}});
        }
        if (request.path == "/api/v1/me/consent" && request.method == "POST") {
            m_recorded = request.json();
            return Response::noContent();
        }
        if (request.path.startsWith("/api/v1/legal/terms"))
            return Response::json(
                200, {{"document", "terms"},
                      {"language", "uz"},
                      {"version", m_currentTerms},
                      {"text", "# Foydalanish shartlari\n\n## 10. Yangi boʻlim\n\nYangi shart."}});
        return Response::error(404, "not_found");
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_consentgate"));
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
        QVERIFY(m_session->setServerAddress(m_fake->baseUrl()).ok());
        m_required = true;
        m_recorded = {};
    }

    void cleanup()
    {
        m_session.reset();
        m_api.reset();
        m_fake.reset();
        m_languages.reset();
    }

    void newTermsAreAcceptedBeforeWorkContinues()
    {
        QWidget window;
        window.show();
        ConsentGate gate(*m_session, &window);
        QSignalSpy recorded(&gate, &ConsentGate::consentRecorded);
        m_session->signIn(QStringLiteral("nodira"), QStringLiteral("a good password"));
        QTRY_VERIFY(gate.dialog());
        ConsentDialog *dialog = gate.dialog();
        QCOMPARE(dialog->windowModality(), Qt::WindowModal);
        QCOMPARE(dialog->termsVersion(), m_currentTerms);
        QVERIFY(dialog->termsView()->toPlainText().contains(QStringLiteral("Yangi boʻlim")));
        // The privacy policy is still the version the client carries: shown from the bundle.
        QCOMPARE(dialog->privacyVersion(), BundledLegalTexts::version(QStringLiteral("privacy")));
        QVERIFY(dialog->privacyView()->toPlainText().contains(QStringLiteral("Google Gemini")));
        QVERIFY(!dialog->acceptButton()->isEnabled());
        dialog->acceptBox()->setChecked(true);
        QVERIFY(dialog->acceptButton()->isEnabled());
        dialog->acceptButton()->click();
        QTRY_COMPARE(recorded.count(), 1);
        QCOMPARE(m_recorded.value("termsVersion").toString(), m_currentTerms);
        QCOMPARE(m_recorded.value("privacyVersion").toString(),
                 BundledLegalTexts::version(QStringLiteral("privacy")));
        QVERIFY(m_session->isSignedIn());
    }

    void upToDateAccountsAreNotAsked()
    {
        m_required = false;
        QWidget window;
        ConsentGate gate(*m_session, &window);
        QSignalSpy upToDate(&gate, &ConsentGate::upToDate);
        m_session->signIn(QStringLiteral("nodira"), QStringLiteral("a good password"));
        QTRY_COMPARE(upToDate.count(), 1);
        QVERIFY(m_session->isSignedIn());
        QVERIFY(!gate.dialog());
    }

    void decliningSignsOut()
    {
        QWidget window;
        window.show();
        ConsentGate gate(*m_session, &window);
        QSignalSpy declined(&gate, &ConsentGate::consentDeclined);
        m_session->signIn(QStringLiteral("nodira"), QStringLiteral("a good password"));
        QTRY_VERIFY(gate.dialog());
        gate.dialog()->reject();
        QTRY_COMPARE(declined.count(), 1);
        QTRY_VERIFY(!m_session->hasSession());
        QVERIFY(m_recorded.isEmpty());
    }
};

QTEST_MAIN(TestConsentGate)
#include "tst_consentgate.moc"
