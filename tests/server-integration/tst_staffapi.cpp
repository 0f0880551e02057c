#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QtTest>

using medora::ServerProcess;
using medora::TestHttpClient;
using medora::TestHttpResponse;

namespace {

const QString kPassword = QStringLiteral("lantern kettle 93");

QStringList actions(const TestHttpResponse &audit)
{
    QStringList result;
    for (const QJsonValue &item : audit.json().value("items").toArray())
        result << item.toObject().value("action").toString();
    return result;
}

} // namespace

// A clinic admin managing staff through the real binary: every change that must end the
// account's sessions does so at once, and the audit listing filters and pages.
class TestStaffApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> server;
    QString clinicId;
    TestHttpClient admin;
    QString adminId;

    TestHttpClient client()
    {
        TestHttpClient c;
        server->configureClient(c);
        return c;
    }

    // Creates an account through the API and signs it in with a chosen password (the
    // one-time password is changed first, as the desktop client does).
    QString createAndSignIn(const QString &login, const QString &role, TestHttpClient *signedIn)
    {
        const TestHttpResponse created = admin.postJson(
            QStringLiteral("/api/v1/staff"),
            {{"login", login}, {"fullName", QStringLiteral("Staff ") + login}, {"role", role}});
        if (created.status != 201)
            return QStringLiteral("create: ") + QString::fromUtf8(created.body);
        const QString id = created.json().value("user").toObject().value("id").toString();
        const QString oneTime = created.json().value("oneTimePassword").toString();
        *signedIn = client();
        if (signedIn->login(login, oneTime).status != 200)
            return QStringLiteral("one-time login failed");
        if (signedIn->get(QStringLiteral("/api/v1/staff")).errorCode() !=
            QLatin1String("password_change_required"))
            return QStringLiteral("one-time account was not held to a password change");
        if (signedIn
                ->postJson(QStringLiteral("/api/v1/me/password"),
                           {{"currentPassword", oneTime}, {"newPassword", kPassword}})
                .status != 204)
            return QStringLiteral("password change failed");
        if (signedIn
                ->login(login, kPassword,
                        QStringLiteral("device-") +
                            QString(login).replace(QLatin1Char('.'), QLatin1Char('-')))
                .status != 200)
            return QStringLiteral("login with the new password failed");
        return id;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ServerProcess::serverPath()).isExecutable(), "MEDORA_SERVER_PATH is not set");
        server = std::make_unique<ServerProcess>();
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        clinicId = server->createClinic(QStringLiteral("Staff Test Clinic"));
        QVERIFY(!clinicId.isEmpty());
        const ServerProcess::CliResult created = server->runCli(
            {QStringLiteral("create-user"), QStringLiteral("--clinic"), clinicId, QStringLiteral("--login"),
             QStringLiteral("boss"), QStringLiteral("--full-name"), QStringLiteral("The Boss"),
             QStringLiteral("--role"), QStringLiteral("clinic_admin"), QStringLiteral("--password-stdin")},
            kPassword.toUtf8() + "\n");
        QVERIFY2(created.exitCode == 0, qPrintable(created.errorText()));
        adminId = created.json().value("userId").toString();
        server->configureClient(admin);
        QCOMPARE(admin.login(QStringLiteral("boss"), kPassword).status, 200);
    }

    void cleanupTestCase() { server.reset(); }

    void createListAndGet()
    {
        TestHttpClient doctor;
        const QString id = createAndSignIn(QStringLiteral("doc.one"), QStringLiteral("doctor"), &doctor);
        QVERIFY2(id.size() == 36, qPrintable(id));
        const TestHttpResponse one = admin.get(QStringLiteral("/api/v1/staff/") + id);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json().value("user").toObject().value("role").toString(), QStringLiteral("doctor"));
        QCOMPARE(one.json().value("user").toObject().value("mustChangePassword").toBool(), false);

        const TestHttpResponse list = admin.get(QStringLiteral("/api/v1/staff?limit=1&offset=0"));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value("items").toArray().size(), 1);
        QVERIFY(list.json().value("total").toInt() >= 2);
        QCOMPARE(admin.get(QStringLiteral("/api/v1/staff?limit=101")).errorCode(),
                 QStringLiteral("invalid_parameter"));
        QCOMPARE(doctor.get(QStringLiteral("/api/v1/staff")).status, 403);

        const TestHttpResponse taken =
            admin.postJson(QStringLiteral("/api/v1/staff"),
                           {{"login", "doc.one"}, {"fullName", "Again"}, {"role", "doctor"}});
        QCOMPARE(taken.status, 409);
        const TestHttpResponse badRole = admin.postJson(
            QStringLiteral("/api/v1/staff"), {{"login", "x.y.z"}, {"fullName", "X"}, {"role", "superuser"}});
        QCOMPARE(badRole.status, 400);
        QCOMPARE(badRole.json().value("error").toObject().value("field").toString(), QStringLiteral("role"));
    }

    void eachAdminActionEndsSessionsAtOnce_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("role change") << "role";
        QTest::newRow("disable") << "disable";
        QTest::newRow("reset password") << "reset";
        QTest::newRow("revoke sessions") << "revoke";
    }
    void eachAdminActionEndsSessionsAtOnce()
    {
        QFETCH(QString, action);
        TestHttpClient staff;
        const QString id =
            createAndSignIn(QStringLiteral("victim.") + action, QStringLiteral("receptionist"), &staff);
        QVERIFY2(id.size() == 36, qPrintable(id));
        QCOMPARE(staff.get(QStringLiteral("/api/v1/me")).status, 200);

        const QString path = QStringLiteral("/api/v1/staff/") + id;
        TestHttpResponse done;
        if (action == QLatin1String("role"))
            done = admin.patchJson(path, {{"role", "doctor"}});
        else if (action == QLatin1String("disable"))
            done = admin.patchJson(path, {{"disabled", true}});
        else if (action == QLatin1String("reset"))
            done = admin.request("POST", path + QStringLiteral("/reset-password"));
        else
            done = admin.request("POST", path + QStringLiteral("/revoke-sessions"));
        QVERIFY2(done.status == 200 || done.status == 204, done.body.constData());

        const TestHttpResponse after = staff.get(QStringLiteral("/api/v1/me"));
        QCOMPARE(after.status, 401);
        QCOMPARE(after.header("WWW-Authenticate"), QByteArray("Bearer"));

        TestHttpClient again = client();
        if (action == QLatin1String("disable")) {
            QCOMPARE(again.login(QStringLiteral("victim.disable"), kPassword).status, 401);
            QCOMPARE(admin.patchJson(path, {{"disabled", false}}).status, 200);
            QCOMPARE(again.login(QStringLiteral("victim.disable"), kPassword).status, 200);
        } else if (action == QLatin1String("reset")) {
            const QString oneTime = done.json().value("oneTimePassword").toString();
            QVERIFY(oneTime.size() >= 12);
            QCOMPARE(again.login(QStringLiteral("victim.reset"), kPassword).status, 401);
            QCOMPARE(again.login(QStringLiteral("victim.reset"), oneTime).status, 200);
            QCOMPARE(again.get(QStringLiteral("/api/v1/me"))
                         .json()
                         .value("user")
                         .toObject()
                         .value("mustChangePassword")
                         .toBool(),
                     true);
        } else {
            QCOMPARE(again.login(QStringLiteral("victim.") + action, kPassword).status, 200);
            if (action == QLatin1String("role"))
                QCOMPARE(again.get(QStringLiteral("/api/v1/me"))
                             .json()
                             .value("user")
                             .toObject()
                             .value("role")
                             .toString(),
                         QStringLiteral("doctor"));
        }
    }

    void adminCannotLockThemselfOut()
    {
        const QString path = QStringLiteral("/api/v1/staff/") + adminId;
        QVERIFY(admin.patchJson(path, {{"disabled", true}}).status >= 400);
        QVERIFY(admin.patchJson(path, {{"role", "doctor"}}).status >= 400);
        QCOMPARE(admin.get(QStringLiteral("/api/v1/me")).status, 200);
    }

    void auditListsFiltersAndPages()
    {
        const TestHttpResponse all = admin.get(QStringLiteral("/api/v1/audit?limit=100"));
        QCOMPARE(all.status, 200);
        const QStringList everything = actions(all);
        QVERIFY(everything.contains(QStringLiteral("staff.create")));
        QVERIFY(everything.contains(QStringLiteral("auth.login")));
        QVERIFY(everything.contains(QStringLiteral("staff.password_reset")));
        const QJsonObject newest = all.json().value("items").toArray().first().toObject();
        for (const char *key : {"sequence", "at", "action", "actorUserId", "actorLogin", "targetType",
                                "targetId", "clientAddress", "details"})
            QVERIFY2(newest.contains(QLatin1String(key)), key);
        QVERIFY(newest.value("at").toString().endsWith(QLatin1Char('Z')));

        const TestHttpResponse staffOnly = admin.get(QStringLiteral("/api/v1/audit?action=staff.&limit=100"));
        QCOMPARE(staffOnly.status, 200);
        const QStringList staffActions = actions(staffOnly);
        QVERIFY(!staffActions.isEmpty());
        for (const QString &a : staffActions)
            QVERIFY2(a.startsWith(QLatin1String("staff.")), qPrintable(a));

        const TestHttpResponse byActor =
            admin.get(QStringLiteral("/api/v1/audit?limit=100&action=staff.create&actor=") + adminId);
        QCOMPARE(byActor.status, 200);
        QVERIFY(!byActor.json().value("items").toArray().isEmpty());
        for (const QJsonValue &item : byActor.json().value("items").toArray())
            QCOMPARE(item.toObject().value("actorUserId").toString(), adminId);

        // Pages of 2, newest first, each older than the last, no overlaps, ending with null.
        QList<qint64> seen;
        QString next;
        int pages = 0;
        do {
            const TestHttpResponse page = admin.get(QStringLiteral("/api/v1/audit?limit=2") +
                                                    (next.isEmpty() ? QString() : "&before=" + next));
            QCOMPARE(page.status, 200);
            const QJsonArray items = page.json().value("items").toArray();
            QVERIFY(items.size() <= 2);
            for (const QJsonValue &item : items) {
                const qint64 sequence = item.toObject().value("sequence").toInteger();
                QVERIFY(seen.isEmpty() || sequence < seen.last());
                seen << sequence;
            }
            const QJsonValue nextValue = page.json().value("next");
            next = nextValue.isNull() ? QString() : QString::number(nextValue.toInteger());
            ++pages;
        } while (!next.isEmpty() && pages < 200);
        const qsizetype total = all.json().value("items").toArray().size();
        if (total < 100)
            QCOMPARE(seen.size(), total);
        QVERIFY(pages >= 2);

        const TestHttpResponse future = admin.get(QStringLiteral("/api/v1/audit?from=2999-01-01T00:00:00Z"));
        QCOMPARE(future.status, 200);
        QVERIFY(future.json().value("items").toArray().isEmpty());
        QVERIFY(future.json().value("next").isNull());
        QCOMPARE(admin.get(QStringLiteral("/api/v1/audit?sort=asc")).errorCode(),
                 QStringLiteral("unknown_field"));
        QCOMPARE(admin.get(QStringLiteral("/api/v1/audit?from=yesterday")).errorCode(),
                 QStringLiteral("invalid_parameter"));
    }
};

QTEST_GUILESS_MAIN(TestStaffApi)
#include "tst_staffapi.moc"
