#include "MemorySecretStore.h"
#include "ServerProcess.h"
#include "admin/StaffClient.h"
#include "api/ApiClient.h"
#include "session/SessionManager.h"

#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

const QString kPassword = QStringLiteral("pomegranate river 61");

// One desktop client core signed in to the server as `login`.
struct ClientCore
{
    MemorySecretStore secrets;
    ApiClient api;
    std::unique_ptr<SessionManager> session;

    bool signIn(const ServerProcess &server, const QString &login, const QString &password = kPassword)
    {
        QString error;
        if (!api.setCaCertificateFile(server.certificateFile(), &error))
            return false;
        session = std::make_unique<SessionManager>(api, secrets);
        if (!session->setServerAddress(server.baseUrl()).ok())
            return false;
        QSignalSpy signedIn(session.get(), &SessionManager::signedIn);
        session->signIn(login, password);
        return signedIn.wait(15000);
    }
};

ApiError failure(const QSignalSpy &spy, StaffClient::Operation *operation = nullptr)
{
    if (operation)
        *operation = spy.first().at(0).value<StaffClient::Operation>();
    return spy.first().at(1).value<ApiError>();
}

} // namespace

// StaffClient against the real medora-server over HTTPS: list, create (one-time password),
// role change, disable and enable, reset password, revoke sessions; a receptionist is refused;
// answers that break the contract are refused without a crash.
class TestStaffClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> server;
    QString clinicId, bossId, deskId;
    ClientCore boss;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_staffclient"));
        QSettings().clear();
        ServerProcess::Options options;
        options.tls = true;
        server = std::make_unique<ServerProcess>(options);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        clinicId = server->createClinic(QStringLiteral("Shifo Nur"));
        QVERIFY(!clinicId.isEmpty());
        bossId =
            server->createUser(clinicId, QStringLiteral("boss"), QStringLiteral("clinic_admin"), kPassword)
                .id;
        deskId =
            server->createUser(clinicId, QStringLiteral("desk"), QStringLiteral("receptionist"), kPassword)
                .id;
        QVERIFY(!bossId.isEmpty() && !deskId.isEmpty());
        QVERIFY(boss.signIn(*server, QStringLiteral("boss")));
    }

    void cleanupTestCase()
    {
        boss.session.reset();
        server.reset();
    }

    void listsTheClinicsAccounts()
    {
        StaffClient client(*boss.session);
        QSignalSpy listed(&client, &StaffClient::listed);
        client.list();
        QVERIFY(listed.wait(15000));
        const auto accounts = listed.first().first().value<QList<StaffAccount>>();
        QStringList logins;
        for (const StaffAccount &account : accounts)
            logins << account.login;
        QVERIFY2(logins.contains(QStringLiteral("boss")) && logins.contains(QStringLiteral("desk")),
                 qPrintable(logins.join(QLatin1Char(','))));
        QCOMPARE(client.pendingCount(), 0);
    }

    void createsChangesDisablesAndResets()
    {
        StaffClient client(*boss.session);
        QSignalSpy created(&client, &StaffClient::created);
        QSignalSpy failed(&client, &StaffClient::failed);
        NewStaffMember member{QStringLiteral(" Nilufar.K "), QStringLiteral("Каримова Нилуфар"),
                              QStringLiteral("doctor"), QStringLiteral("90 123 45 67")};
        client.create(member);
        QVERIFY(created.wait(15000));
        QCOMPARE(failed.size(), 0);
        const StaffAccount account = created.first().at(0).value<StaffAccount>();
        const QString oneTimePassword = created.first().at(1).toString();
        server->registerSecret(oneTimePassword.toUtf8());
        QCOMPARE(account.login, QStringLiteral("nilufar.k"));
        QCOMPARE(account.fullName, QStringLiteral("Каримова Нилуфар"));
        QCOMPARE(account.role, QStringLiteral("doctor"));
        QCOMPARE(account.phone, QStringLiteral("+998901234567"));
        QVERIFY(account.mustChangePassword);
        QVERIFY(!account.disabled);
        QCOMPARE(oneTimePassword.size(), 16);

        // The server's refusal names the field.
        client.create(member);
        QVERIFY(failed.wait(15000));
        StaffClient::Operation operation{};
        ApiError error = failure(failed, &operation);
        QCOMPARE(operation, StaffClient::Operation::Create);
        QCOMPARE(error.httpStatus, 409);
        QCOMPARE(error.code, QStringLiteral("login_taken"));

        // Checked here first: nothing is sent.
        failed.clear();
        client.create({QStringLiteral("x"), QString(), QStringLiteral("nurse"), QStringLiteral("12")});
        QCOMPARE(client.pendingCount(), 1);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failure(failed).field, QStringLiteral("login"));
        const FieldErrors errors = StaffClient::validate(
            {QStringLiteral("x"), QString(), QStringLiteral("nurse"), QStringLiteral("12")});
        QStringList fields;
        for (const FieldError &fieldError : errors)
            fields << fieldError.field;
        QCOMPARE(fields, (QStringList{"login", "fullName", "role", "phone"}));

        QSignalSpy updated(&client, &StaffClient::updated);
        client.setRole(account.id, QStringLiteral("receptionist"));
        QVERIFY(updated.wait(15000));
        QCOMPARE(updated.last().first().value<StaffAccount>().role, QStringLiteral("receptionist"));
        client.setDisabled(account.id, true);
        QVERIFY(updated.wait(15000));
        QVERIFY(updated.last().first().value<StaffAccount>().disabled);
        client.setDisabled(account.id, false);
        QVERIFY(updated.wait(15000));
        QVERIFY(!updated.last().first().value<StaffAccount>().disabled);

        QSignalSpy reset(&client, &StaffClient::passwordReset);
        client.resetPassword(account.id);
        QVERIFY(reset.wait(15000));
        QCOMPARE(reset.first().at(0).toString(), account.id);
        const QString newPassword = reset.first().at(1).toString();
        server->registerSecret(newPassword.toUtf8());
        QCOMPARE(newPassword.size(), 16);
        QVERIFY(newPassword != oneTimePassword);
        // The new one-time password signs in, and asks for a password of their own.
        ClientCore nilufar;
        QVERIFY(nilufar.api.setCaCertificateFile(server->certificateFile()));
        nilufar.session = std::make_unique<SessionManager>(nilufar.api, nilufar.secrets);
        QVERIFY(nilufar.session->setServerAddress(server->baseUrl()).ok());
        QSignalSpy mustChange(nilufar.session.get(), &SessionManager::passwordChangeRequired);
        nilufar.session->signIn(QStringLiteral("nilufar.k"), newPassword);
        QVERIFY(mustChange.wait(15000));
    }

    void revokeEndsTheOtherSessions()
    {
        ClientCore desk;
        QVERIFY(desk.signIn(*server, QStringLiteral("desk")));
        StaffClient client(*boss.session);
        QSignalSpy revoked(&client, &StaffClient::sessionsRevoked);
        client.revokeSessions(deskId);
        QVERIFY(revoked.wait(15000));
        QCOMPARE(revoked.first().first().toString(), deskId);

        QSignalSpy ended(desk.session.get(), &SessionManager::sessionEnded);
        bool answered = false;
        desk.session->authorizedSend("GET", QStringLiteral("me"), nullptr, desk.session.get(),
                                     [&answered](const ApiClient::Response &) { answered = true; });
        QVERIFY(ended.wait(15000));
        QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
    }

    void anAdminCannotCutTheirOwnAccess()
    {
        StaffClient client(*boss.session);
        QSignalSpy failed(&client, &StaffClient::failed);
        client.setDisabled(bossId, true);
        QVERIFY(failed.wait(15000));
        StaffClient::Operation operation{};
        const ApiError error = failure(failed, &operation);
        QCOMPARE(operation, StaffClient::Operation::Update);
        QCOMPARE(error.code, QStringLiteral("cannot_change_own_access"));
        QCOMPARE(error.field, QStringLiteral("disabled"));
    }

    void aReceptionistIsNotAllowed()
    {
        ClientCore desk;
        QVERIFY(desk.signIn(*server, QStringLiteral("desk")));
        StaffClient client(*desk.session);
        QSignalSpy failed(&client, &StaffClient::failed);
        QSignalSpy listed(&client, &StaffClient::listed);
        client.list();
        QVERIFY(failed.wait(15000));
        QCOMPARE(listed.size(), 0);
        const ApiError error = failure(failed);
        QCOMPARE(error.httpStatus, 403);
        QCOMPARE(error.code, QStringLiteral("forbidden"));
        client.resetPassword(bossId);
        QVERIFY(failed.wait(15000));
        QCOMPARE(failed.last().at(1).value<ApiError>().code, QStringLiteral("forbidden"));
    }

    void withoutASessionFailsAtOnce()
    {
        ClientCore nobody;
        nobody.session = std::make_unique<SessionManager>(nobody.api, nobody.secrets);
        StaffClient client(*nobody.session);
        QVERIFY(!client.canSend());
        QSignalSpy failed(&client, &StaffClient::failed);
        client.list();
        QCOMPARE(failed.size(), 0); // from the event loop, like an answer
        QVERIFY(failed.wait(5000));
        QCOMPARE(failure(failed).code, ApiError::offlineCode());
    }

    void malformedAccountsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        const QByteArray good = R"({"id":"u1","clinicId":"c","clinicName":"n","login":"a.b","phone":null,
            "fullName":"Ali","role":"doctor","mustChangePassword":false,"disabled":true})";
        QTest::newRow("good") << good << true;
        QTest::newRow("phone string") << QByteArray(good).replace("null", "\"+998901234567\"") << true;
        QTest::newRow("no id") << QByteArray(good).replace("\"id\":\"u1\",", "") << false;
        QTest::newRow("id number") << QByteArray(good).replace("\"u1\"", "7") << false;
        QTest::newRow("unknown role") << QByteArray(good).replace("doctor", "surgeon") << false;
        QTest::newRow("disabled text") << QByteArray(good).replace("true", "\"yes\"") << false;
        QTest::newRow("phone number") << QByteArray(good).replace("null", "5") << false;
        QTest::newRow("empty") << QByteArray("{}") << false;
    }

    void malformedAccountsAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(StaffAccount::fromJson(document.object()).has_value(), valid);
    }
};

QTEST_GUILESS_MAIN(TestStaffClient)
#include "tst_staffclient.moc"
