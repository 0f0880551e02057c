#include "../fakes/FakeHttpServer.h"
#include "ServerProcess.h"
#include "api/ApiClient.h"
#include "auth/ChangePasswordDialog.h"
#include "auth/LoginDialog.h"
#include "i18n/LanguageManager.h"
#include "registry/MainWindow.h"
#include "registry/PatientRegistry.h"
#include "security/SecretStore.h"
#include "session/SessionManager.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace medora;
using medora::test::FakeHttpServer;

namespace {

// The keychain is not what these tests are about (tst_sessionmanager covers it).
class MemorySecretStore : public SecretStore
{
public:
    bool write(const QString &key, const QByteArray &secret) override
    {
        m_values.insert(key, secret);
        return true;
    }
    QByteArray read(const QString &key, bool *found) override
    {
        if (found)
            *found = m_values.contains(key);
        return m_values.value(key);
    }
    bool remove(const QString &key) override
    {
        m_values.remove(key);
        return true;
    }
    QString lastError() const override { return QString(); }

private:
    QMap<QString, QByteArray> m_values;
};

FakeHttpServer::Response sessionAnswer(bool mustChangePassword)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject user{{QStringLiteral("id"), QStringLiteral("u1")},
                           {QStringLiteral("clinicId"), QStringLiteral("c1")},
                           {QStringLiteral("clinicName"), QStringLiteral("Shifo Med")},
                           {QStringLiteral("login"), QStringLiteral("aziza")},
                           {QStringLiteral("fullName"), QStringLiteral("Aziza Karimova")},
                           {QStringLiteral("role"), QStringLiteral("doctor")},
                           {QStringLiteral("mustChangePassword"), mustChangePassword}};
    return FakeHttpServer::Response::json(
        200, QJsonObject{{QStringLiteral("accessToken"), QStringLiteral("access")},
                         {QStringLiteral("accessExpiresAt"), now.addSecs(900).toString(Qt::ISODate)},
                         {QStringLiteral("refreshToken"), QStringLiteral("refresh")},
                         {QStringLiteral("refreshExpiresAt"), now.addDays(30).toString(Qt::ISODate)},
                         {QStringLiteral("sessionId"), QStringLiteral("s1")},
                         {QStringLiteral("user"), user}});
}

// Types `text` into the focused widget one key event per character, as a keyboard would
// (QTest::keyClicks goes through Latin-1 and mangles Cyrillic).
void typeText(QWidget *widget, const QString &text)
{
    widget->setFocus();
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

} // namespace

class TestLoginDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void fieldsArePrefilledAndEnterSignsIn();
    void emptyFieldsAreNamed();
    void errorIsShownPerCode_data();
    void errorIsShownPerCode();
    void typedTextIsKeptOnFailure();
    void languageSwitchRetranslatesTheError();
    void insecureModeIsAnnounced();
    void mustChangePasswordAsksForANewOne();
    void mainWindowShowsTheSession();

private:
    void makeSession(bool allowHttp = true);

    QTemporaryDir m_dir;
    QString m_certificate;
    QString m_key;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<FakeHttpServer> m_fake;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_session;
};

void TestLoginDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_logindialog"));
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(ServerProcess::makeSelfSignedCertificate(m_dir.path(), &m_certificate, &m_key, &error),
             qPrintable(error));
}

void TestLoginDialog::init()
{
    QSettings().clear();
    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("uz"), false));
    m_fake = std::make_unique<FakeHttpServer>();
    QVERIFY(m_fake->listen());
    m_secrets = std::make_unique<MemorySecretStore>();
}

void TestLoginDialog::cleanup()
{
    m_session.reset();
    m_api.reset();
    m_fake.reset();
    m_languages.reset();
}

void TestLoginDialog::makeSession(bool allowHttp)
{
    m_session.reset();
    m_api = std::make_unique<ApiClient>();
    m_api->setAllowInsecureHttp(allowHttp);
    m_api->setTransferTimeout(500);
    m_session = std::make_unique<SessionManager>(*m_api, *m_secrets);
}

void TestLoginDialog::fieldsArePrefilledAndEnterSignsIn()
{
    QSettings().setValue(SessionManager::serverSettingsKey(), m_fake->baseUrl());
    m_fake->setHandler([](const FakeHttpServer::Request &) { return sessionAnswer(false); });
    makeSession();
    LoginDialog dialog(*m_session);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.serverField()->text(), m_fake->baseUrl());
    QCOMPARE(dialog.passwordField()->echoMode(), QLineEdit::Password);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Klinika serveriga kirish"));
    QVERIFY(dialog.errorText().isEmpty());

    typeText(dialog.loginField(), QStringLiteral("aziza"));
    typeText(dialog.passwordField(), QStringLiteral("correct horse"));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
    QVERIFY(accepted.wait(10000));
    QCOMPARE(m_fake->requestCount(), 1);
    const QJsonObject body = m_fake->requests().value(0).json();
    QCOMPARE(body.value(QStringLiteral("login")).toString(), QStringLiteral("aziza"));
    QCOMPARE(body.value(QStringLiteral("password")).toString(), QStringLiteral("correct horse"));
    QVERIFY(m_session->isSignedIn());
    QCOMPARE(QSettings().value(SessionManager::serverSettingsKey()).toString(), m_fake->baseUrl());
}

void TestLoginDialog::emptyFieldsAreNamed()
{
    makeSession();
    LoginDialog dialog(*m_session);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.serverField()->clear();
    dialog.signIn();
    QCOMPARE(dialog.errorText(), QStringLiteral("Server manzilini kiriting."));
    QCOMPARE(QApplication::focusWidget(), dialog.serverField());

    dialog.serverField()->setText(m_fake->baseUrl());
    dialog.loginField()->setText(QStringLiteral("aziza"));
    dialog.signIn();
    QCOMPARE(dialog.errorText(), QStringLiteral("Parolingizni kiriting."));
    QCOMPARE(QApplication::focusWidget(), dialog.passwordField());
    QCOMPARE(m_fake->requestCount(), 0);
}

void TestLoginDialog::errorIsShownPerCode_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("expected"); // the whole message, or a part marked by a leading '~'

    const QList<QPair<QString, QStringList>> rows = {
        {QStringLiteral("invalid_credentials"),
         {QStringLiteral("Login yoki parol notoʻgʻri."), QStringLiteral("Неверный логин или пароль.")}},
        {QStringLiteral("login_throttled"),
         {QStringLiteral("Kirishga urinishlar juda koʻp. Qayta urinish uchun kuting: 2 daqiqa."),
          QStringLiteral("Слишком много попыток входа. Повторите через 2 минуты.")}},
        {QStringLiteral("login_throttled_seconds"),
         {QStringLiteral("~kuting: 5 soniya."), QStringLiteral("~через 5 секунд.")}},
        {QStringLiteral("https_required"),
         {QStringLiteral(
              "Server faqat xavfsiz ulanishlarni qabul qiladi. Uning https:// manzilidan foydalaning."),
          QStringLiteral("Сервер принимает только защищённые соединения. Используйте его адрес https://.")}},
        {QStringLiteral("host_not_allowed"),
         {QStringLiteral("~Klinikangiz administratori bergan manzildan foydalaning."),
          QStringLiteral("~Используйте адрес, который дал администратор клиники.")}},
        {QStringLiteral("busy"),
         {QStringLiteral("Server band. Qayta urinish uchun kuting: 3 soniya."),
          QStringLiteral("Сервер занят. Повторите через 3 секунды.")}},
        {QStringLiteral("offline"),
         {QStringLiteral("~Serverga ulanib boʻlmadi."), QStringLiteral("~Сервер недоступен.")}},
        {QStringLiteral("timeout"),
         {QStringLiteral("~Server oʻz vaqtida javob bermadi."),
          QStringLiteral("~Сервер не ответил вовремя.")}},
        {QStringLiteral("tls"),
         {QStringLiteral("~--ca-certificate FAYL"), QStringLiteral("~--ca-certificate ФАЙЛ")}},
        {QStringLiteral("insecure_url"), {QStringLiteral("~https://"), QStringLiteral("~небезопасны")}},
    };
    for (const auto &row : rows) {
        QTest::addRow("uz %s", qPrintable(row.first)) << "uz" << row.first << row.second.at(0);
        QTest::addRow("ru %s", qPrintable(row.first)) << "ru" << row.first << row.second.at(1);
    }
}

void TestLoginDialog::errorIsShownPerCode()
{
    QFETCH(QString, language);
    QFETCH(QString, scenario);
    QFETCH(QString, expected);
    QVERIFY(m_languages->setLanguage(language, false));

    QString address = m_fake->baseUrl();
    std::unique_ptr<FakeHttpServer> tlsFake;
    bool allowHttp = true;
    const auto answer = [scenario](const FakeHttpServer::Request &) {
        using Response = FakeHttpServer::Response;
        Response response;
        if (scenario == QLatin1String("invalid_credentials"))
            return Response::error(401, scenario);
        if (scenario == QLatin1String("login_throttled")) {
            response = Response::error(429, scenario);
            response.addHeader("Retry-After", "120");
        } else if (scenario == QLatin1String("login_throttled_seconds")) {
            response = Response::error(429, QStringLiteral("login_throttled"));
            response.addHeader("Retry-After", "5");
        } else if (scenario == QLatin1String("https_required")) {
            response = Response::error(403, scenario);
        } else if (scenario == QLatin1String("host_not_allowed")) {
            response = Response::error(421, scenario);
        } else if (scenario == QLatin1String("busy")) {
            response = Response::error(503, scenario);
            response.addHeader("Retry-After", "3");
        } else {
            response = Response::silence();
        }
        return response;
    };
    m_fake->setHandler(answer);
    if (scenario == QLatin1String("offline")) {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        address = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
    } else if (scenario == QLatin1String("tls")) {
        tlsFake = std::make_unique<FakeHttpServer>();
        QVERIFY(tlsFake->listenTls(m_certificate, m_key));
        tlsFake->setHandler(answer);
        address = tlsFake->baseUrl();
        allowHttp = false;
    } else if (scenario == QLatin1String("insecure_url")) {
        allowHttp = false;
    }
    makeSession(allowHttp);

    LoginDialog dialog(*m_session);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.serverField()->setText(address);
    dialog.loginField()->setText(QStringLiteral("aziza"));
    dialog.passwordField()->setText(QStringLiteral("a password"));
    QTest::mouseClick(dialog.signInButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy() && !dialog.errorText().isEmpty(), 10000);
    const QString text = dialog.errorText();
    if (expected.startsWith(QLatin1Char('~')))
        QVERIFY2(text.contains(expected.mid(1)), qPrintable(text));
    else
        QCOMPARE(text, expected);
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.signInButton()->isEnabled());
    QCOMPARE(dialog.loginField()->text(), QStringLiteral("aziza"));
    QCOMPARE(dialog.passwordField()->text(), QStringLiteral("a password"));
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
}

void TestLoginDialog::typedTextIsKeptOnFailure()
{
    m_fake->setHandler([](const FakeHttpServer::Request &) {
        return FakeHttpServer::Response::error(401, QStringLiteral("invalid_credentials"));
    });
    makeSession();
    LoginDialog dialog(*m_session);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.serverField()->clear();
    typeText(dialog.serverField(), m_fake->baseUrl());
    typeText(dialog.loginField(), QStringLiteral("Азиза Каримова"));
    typeText(dialog.passwordField(), QStringLiteral("пароль ʻoʻgʻ"));
    QCOMPARE(dialog.loginField()->text(), QStringLiteral("Азиза Каримова"));

    QTest::keyClick(dialog.passwordField(), Qt::Key_Enter);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty(), 10000);
    QCOMPARE(m_fake->requests().value(0).json().value(QStringLiteral("login")).toString(),
             QStringLiteral("Азиза Каримова"));
    QCOMPARE(m_fake->requests().value(0).json().value(QStringLiteral("password")).toString(),
             QStringLiteral("пароль ʻoʻgʻ"));
    QCOMPARE(dialog.serverField()->text(), m_fake->baseUrl());
    QCOMPARE(dialog.loginField()->text(), QStringLiteral("Азиза Каримова"));
    QCOMPARE(dialog.passwordField()->text(), QStringLiteral("пароль ʻoʻgʻ"));
    QVERIFY(!dialog.passwordField()->isReadOnly());
    QCOMPARE(QApplication::focusWidget(), dialog.passwordField()); // ready to correct the password

    // A second attempt from the same dialog reaches the server again.
    QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_fake->requestCount(), 2, 10000);
}

void TestLoginDialog::languageSwitchRetranslatesTheError()
{
    m_fake->setHandler([](const FakeHttpServer::Request &) {
        return FakeHttpServer::Response::error(401, QStringLiteral("invalid_credentials"));
    });
    makeSession();
    LoginDialog dialog(*m_session);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.serverField()->setText(m_fake->baseUrl());
    dialog.loginField()->setText(QStringLiteral("aziza"));
    dialog.passwordField()->setText(QStringLiteral("x"));
    dialog.signIn();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.errorText(), QStringLiteral("Login yoki parol notoʻgʻri."), 10000);

    QVERIFY(m_languages->setLanguage(QStringLiteral("ru"), false));
    QTRY_COMPARE(dialog.errorText(), QStringLiteral("Неверный логин или пароль."));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Вход на сервер клиники"));
    QCOMPARE(dialog.signInButton()->text(), QStringLiteral("&Войти"));
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
    QTRY_COMPARE(dialog.errorText(), QStringLiteral("The login or the password is wrong."));
}

void TestLoginDialog::insecureModeIsAnnounced()
{
    makeSession(false);
    {
        LoginDialog dialog(*m_session);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("insecureNote"))->isHidden());
    }
    makeSession(true);
    LoginDialog dialog(*m_session);
    QLabel *note = dialog.findChild<QLabel *>(QStringLiteral("insecureNote"));
    QVERIFY(!note->isHidden());
    QVERIFY(note->text().contains(QStringLiteral("http://")));
}

void TestLoginDialog::mustChangePasswordAsksForANewOne()
{
    bool mustChange = true;
    QString password = QStringLiteral("one-time-7x9");
    m_fake->setHandler([&](const FakeHttpServer::Request &request) {
        if (request.path == "/api/v1/auth/login") {
            if (request.json().value(QStringLiteral("password")).toString() != password)
                return FakeHttpServer::Response::error(401, QStringLiteral("invalid_credentials"));
            return sessionAnswer(mustChange);
        }
        if (request.path == "/api/v1/me/password") {
            const QString next = request.json().value(QStringLiteral("newPassword")).toString();
            if (next == QLatin1String("password123"))
                return FakeHttpServer::Response::error(400, QStringLiteral("common_password"), QString(),
                                                       QStringLiteral("newPassword"));
            password = next;
            mustChange = false;
            return FakeHttpServer::Response::noContent();
        }
        return FakeHttpServer::Response::error(404, QStringLiteral("not_found"));
    });
    makeSession();
    QVERIFY(m_languages->setLanguage(QStringLiteral("ru"), false));
    LoginDialog dialog(*m_session);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.serverField()->setText(m_fake->baseUrl());
    dialog.loginField()->setText(QStringLiteral("aziza"));
    dialog.passwordField()->setText(password);
    dialog.signIn();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.changePasswordDialog() != nullptr, 10000);
    ChangePasswordDialog *change = dialog.changePasswordDialog();
    QTRY_VERIFY(change->isVisible());
    QCOMPARE(change->windowTitle(), QStringLiteral("Выберите новый пароль"));
    QVERIFY(change->currentField()->isHidden()); // the one-time password is already known
    QVERIFY(dialog.isVisible());

    // Checked here first: too short, then the repetition.
    typeText(change->newField(), QStringLiteral("short"));
    typeText(change->repeatField(), QStringLiteral("short"));
    change->submit();
    QCOMPARE(change->newErrorText(),
             QStringLiteral("Пароль слишком короткий: используйте не менее 8 символов."));
    change->newField()->setText(QStringLiteral("долгий пароль"));
    change->repeatField()->setText(QStringLiteral("другой пароль"));
    change->submit();
    QVERIFY(change->newErrorText().isEmpty());
    QCOMPARE(change->repeatErrorText(), QStringLiteral("Новые пароли не совпадают."));
    QCOMPARE(m_fake->requestCount(), 1);

    // The server's verdict appears under its field.
    change->newField()->setText(QStringLiteral("password123"));
    change->repeatField()->setText(QStringLiteral("password123"));
    QTest::keyClick(change->repeatField(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!change->newErrorText().isEmpty(), 10000);
    QCOMPARE(change->newErrorText(),
             QStringLiteral("Это один из самых распространённых паролей. Выберите другой."));
    QCOMPARE(change->newField()->text(), QStringLiteral("password123"));

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    change->newField()->setText(QStringLiteral("долгий пароль ʻoʻ"));
    change->repeatField()->setText(QStringLiteral("долгий пароль ʻoʻ"));
    change->submit();
    QVERIFY(accepted.wait(10000));
    QCOMPARE(password, QStringLiteral("долгий пароль ʻoʻ"));
    QVERIFY(m_session->isSignedIn());
    QCOMPARE(m_fake->requests().constLast().path, QByteArray("/api/v1/auth/login")); // signed in again
}

void TestLoginDialog::mainWindowShowsTheSession()
{
    m_fake->setHandler([](const FakeHttpServer::Request &request) {
        if (request.path == "/api/v1/auth/logout")
            return FakeHttpServer::Response::noContent();
        return sessionAnswer(false);
    });
    QTemporaryDir data;
    PatientRegistry registry;
    QVERIFY(registry.open(data.path()));
    makeSession(false);
    MainWindow window(registry, *m_languages);
    QVERIFY(!window.signInAction()); // no session connected: the offline registry as before
    window.setSession(m_session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.sessionStatusText(), QStringLiteral("Oflayn ishlanmoqda"));
    QVERIFY(window.signInAction()->isEnabled());
    QVERIFY(!window.signOutAction()->isEnabled());
    QCOMPARE(window.signInAction()->text(), QStringLiteral("&Kirish…"));

    // The fake speaks plain HTTP, so this run allows it: the window says so.
    m_api->setAllowInsecureHttp(true);
    window.signInAction()->trigger();
    QTRY_VERIFY(window.loginDialog() && window.loginDialog()->isVisible());
    LoginDialog *dialog = window.loginDialog();
    dialog->serverField()->setText(m_fake->baseUrl());
    dialog->loginField()->setText(QStringLiteral("aziza"));
    dialog->passwordField()->setText(QStringLiteral("correct horse"));
    dialog->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(
        window.sessionStatusText(),
        QStringLiteral("Shifo Med: Aziza Karimova (shifokor) sifatida kirilgan — xavfsiz "
                       "boʻlmagan HTTP ruxsat etilgan (ishlab chiqish rejimi)"),
        10000);
    QVERIFY(!window.signInAction()->isEnabled());
    QVERIFY(window.signOutAction()->isEnabled());

    QVERIFY(m_languages->setLanguage(QStringLiteral("ru"), false));
    QTRY_COMPARE(window.sessionStatusText(),
                 QStringLiteral("Вход выполнен: Aziza Karimova (врач), Shifo Med — "
                                "разрешён небезопасный HTTP (режим разработки)"));

    window.signOutAction()->trigger();
    QVERIFY(window.sessionStatusText().startsWith(QStringLiteral("Работа офлайн")));
    QVERIFY(window.signInAction()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(m_fake->requests().constLast().path, QByteArray("/api/v1/auth/logout"), 10000);
}

QTEST_MAIN(TestLoginDialog)
#include "tst_logindialog.moc"
