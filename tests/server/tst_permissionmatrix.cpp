#include "InProcessApi.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using namespace medora::server;

namespace {

enum Caller
{
    Anonymous,
    Receptionist,
    Doctor,
    Admin,
    OtherAdmin,
    CallerCount
};

const char *callerName(int caller)
{
    static const char *names[] = {"anon", "receptionist", "doctor", "admin", "other admin"};
    return names[caller];
}

// Mirrors docs/security.md "Permission matrix" row by row (mirroredInDocs() checks that).
struct Row
{
    QByteArray method;
    QString pattern;
    int expected[CallerCount];
};

const QList<Row> &permissionTable()
{
    static const QList<Row> rows{
        {"GET", "/health", {200, 200, 200, 200, 200}},
        {"GET", "/ready", {200, 200, 200, 200, 200}},
        {"GET", "/metrics", {200, 200, 200, 200, 200}},
        {"POST", "/api/v1/auth/login", {200, 200, 200, 200, 200}},
        {"POST", "/api/v1/auth/refresh", {200, 200, 200, 200, 200}},
        {"POST", "/api/v1/auth/logout", {401, 204, 204, 204, 204}},
        {"GET", "/api/v1/me", {401, 200, 200, 200, 200}},
        {"POST", "/api/v1/me/password", {401, 204, 204, 204, 204}},
        {"GET", "/api/v1/staff", {401, 403, 403, 200, 200}},
        {"POST", "/api/v1/staff", {401, 403, 403, 201, 201}},
        {"GET", "/api/v1/staff/{id}", {401, 403, 403, 200, 404}},
        {"PATCH", "/api/v1/staff/{id}", {401, 403, 403, 200, 404}},
        {"POST", "/api/v1/staff/{id}/reset-password", {401, 403, 403, 200, 404}},
        {"POST", "/api/v1/staff/{id}/revoke-sessions", {401, 403, 403, 204, 404}},
        {"GET", "/api/v1/audit", {401, 403, 403, 200, 200}},
        {"GET", "/api/v1/clinic", {401, 200, 200, 200, 200}},
        {"PUT", "/api/v1/clinic/letterhead", {401, 403, 403, 200, 200}},
        {"POST", "/api/v1/sync/push", {401, 200, 200, 200, 200}},
        {"GET", "/api/v1/sync/pull", {401, 200, 200, 200, 200}},
        {"POST", "/api/v1/ai/questions", {401, 403, 400, 403, 403}},
        {"POST", "/api/v1/ai/differential", {401, 403, 400, 403, 403}},
        {"POST", "/api/v1/ai/consilium", {401, 403, 400, 403, 403}},
        {"POST", "/api/v1/ai/image-findings", {401, 403, 400, 403, 403}},
        {"GET", "/api/v1/ai/settings", {401, 200, 200, 200, 200}},
        {"PUT", "/api/v1/ai/settings", {401, 403, 403, 200, 200}},
        {"GET", "/api/v1/ai/usage", {401, 403, 403, 200, 200}},
        {"POST", "/api/v1/auth/password-reset/request", {400, 400, 400, 400, 400}},
        {"POST", "/api/v1/auth/password-reset/confirm", {400, 400, 400, 400, 400}},
        {"POST", "/api/v1/signup/phone-code", {400, 400, 400, 400, 400}},
        {"POST", "/api/v1/signup", {400, 400, 400, 400, 400}},
        {"GET", "/api/v1/legal", {200, 200, 200, 200, 200}},
        {"GET", "/api/v1/legal/{document}", {200, 200, 200, 200, 200}},
        {"GET", "/api/v1/me/consent", {401, 200, 200, 200, 200}},
        {"POST", "/api/v1/me/consent", {401, 400, 400, 400, 400}},
        {"GET", "/api/v1/subscription", {401, 200, 200, 200, 200}},
        {"POST", "/api/v1/subscription/receipts", {401, 403, 403, 400, 400}},
        {"POST", "/api/v1/telegram/webhook", {404, 404, 404, 404, 404}},
    };
    return rows;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestPermissionMatrix : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<InProcessApi> api;
    QString clinicA, clinicB;
    QString targetId; // clinic A's account the {id} routes act on
    QString logins[CallerCount];
    QString passwords[CallerCount];
    QStringList clinicASecrets; // ids, logins and the name of clinic A: must never reach B
    int counter = 0;

    QString fresh(const QString &prefix) { return prefix + QString::number(++counter); }

private slots:
    void initTestCase()
    {
        api = std::make_unique<InProcessApi>();
        QVERIFY2(api->isValid(), qPrintable(api->error));
        clinicA = api->createClinic(QStringLiteral("Shifo Alpha Klinika"));
        clinicB = api->createClinic(QStringLiteral("Nur Beta Markaz"));
        QVERIFY2(!clinicA.isEmpty() && !clinicB.isEmpty(), qPrintable(api->error));
        const struct
        {
            Caller caller;
            QString clinic;
            const char *login;
            Role role;
        } people[] = {
            {Receptionist, clinicA, "alpha.reception", Role::Receptionist},
            {Doctor, clinicA, "alpha.doctor", Role::Doctor},
            {Admin, clinicA, "alpha.admin", Role::ClinicAdmin},
            {OtherAdmin, clinicB, "beta.admin", Role::ClinicAdmin},
        };
        clinicASecrets << clinicA << QStringLiteral("Shifo Alpha Klinika");
        for (const auto &person : people) {
            logins[person.caller] = QLatin1String(person.login);
            passwords[person.caller] = fresh(QStringLiteral("Tashkent-Sunrise-"));
            const QString id =
                api->createUser(person.clinic, logins[person.caller], person.role, passwords[person.caller]);
            QVERIFY2(!id.isEmpty(), qPrintable(api->error));
            if (person.clinic == clinicA)
                clinicASecrets << id << logins[person.caller];
        }
        targetId = api->createUser(clinicA, QStringLiteral("alpha.target"), Role::Receptionist,
                                   QStringLiteral("Samarkand-Evening-1"));
        QVERIFY(!targetId.isEmpty());
        clinicASecrets << targetId << QStringLiteral("alpha.target");
    }

    void cleanupTestCase() { api.reset(); }

    void everyServedRouteIsInTheMatrix()
    {
        QStringList served;
        for (const HttpRouter::Route &route : api->api->routes())
            served << QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern;
        QStringList tabled;
        for (const Row &row : permissionTable())
            tabled << QString::fromLatin1(row.method) + QLatin1Char(' ') + row.pattern;
        served.sort();
        tabled.sort();
        QCOMPARE(tabled, served);
    }

    void mirroredInDocs()
    {
        QFile file(qEnvironmentVariable("MEDORA_SOURCE_DIR") + QStringLiteral("/docs/security.md"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const qsizetype start = text.indexOf(QStringLiteral("## Permission matrix"));
        QVERIFY(start >= 0);
        const qsizetype end = text.indexOf(QStringLiteral("\n## "), start + 5);
        const QString section = text.mid(start, end < 0 ? -1 : end - start);
        static const QRegularExpression rowPattern(
            QStringLiteral(R"(^\| `([A-Z]+) (\S+)`[^|]*((?:\|[^|\n]*){5})\|\s*$)"),
            QRegularExpression::MultilineOption);
        QMap<QString, QList<int>> documented;
        for (auto it = rowPattern.globalMatch(section); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            QList<int> statuses;
            for (const QString &cell : m.captured(3).split(QLatin1Char('|'), Qt::SkipEmptyParts))
                statuses << cell.trimmed().left(3).toInt();
            documented.insert(m.captured(1) + QLatin1Char(' ') + m.captured(2), statuses);
        }
        QCOMPARE(documented.size(), permissionTable().size());
        for (const Row &row : permissionTable()) {
            const QString key = QString::fromLatin1(row.method) + QLatin1Char(' ') + row.pattern;
            QVERIFY2(documented.contains(key),
                     qPrintable(key + QStringLiteral(" missing from docs/security.md")));
            const QList<int> expected(std::begin(row.expected), std::end(row.expected));
            QCOMPARE(documented.value(key), expected);
        }
    }

    void matrix_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("caller");
        for (int row = 0; row < permissionTable().size(); ++row) {
            for (int caller = 0; caller < CallerCount; ++caller) {
                const QByteArray name = permissionTable().at(row).method + ' ' +
                                        permissionTable().at(row).pattern.toLatin1() + " as " +
                                        callerName(caller);
                QTest::newRow(name.constData()) << row << caller;
            }
        }
    }
    void matrix()
    {
        QFETCH(int, row);
        QFETCH(int, caller);
        const Row &r = ::permissionTable().at(row);

        // A fresh session per cell: logout, password change and revocations end sessions.
        const Caller credentialsOf = caller == Anonymous ? Receptionist : Caller(caller);
        const InProcessApi::SignedIn session = api->signIn(logins[credentialsOf], passwords[credentialsOf]);
        QVERIFY2(!session.accessToken.isEmpty(), "setup sign-in failed");
        const QString token = caller == Anonymous ? QString() : session.accessToken;

        QString path = r.pattern;
        path.replace(QStringLiteral("{id}"), targetId);
        path.replace(QStringLiteral("{document}"), QStringLiteral("terms"));
        QByteArray body;
        QString newPassword;
        if (r.pattern == QLatin1String("/api/v1/auth/login")) {
            body = json({{"login", logins[credentialsOf]},
                         {"password", passwords[credentialsOf]},
                         {"deviceId", QStringLiteral("matrix-device-1")}});
        } else if (r.pattern == QLatin1String("/api/v1/auth/refresh")) {
            body = json({{"refreshToken", session.refreshToken}, {"deviceId", session.deviceId}});
        } else if (r.pattern == QLatin1String("/api/v1/me/password")) {
            newPassword = fresh(QStringLiteral("Bukhara-Morning-"));
            body = json({{"currentPassword", passwords[credentialsOf]}, {"newPassword", newPassword}});
        } else if (r.pattern == QLatin1String("/api/v1/staff") && r.method == "POST") {
            body = json({{"login", fresh(QStringLiteral("new.person"))},
                         {"fullName", QStringLiteral("New Person")},
                         {"role", QStringLiteral("receptionist")}});
        } else if (r.pattern == QLatin1String("/api/v1/sync/push")) {
            body = json({{"deviceId", QStringLiteral("matrix-pc-1")}, {"ops", QJsonArray()}});
        } else if (r.pattern == QLatin1String("/api/v1/clinic/letterhead")) {
            body =
                json({{"address", QStringLiteral("Toshkent, Amir Temur 1")}, {"phone", "+998 71 200 00 00"}});
        } else if (r.pattern == QLatin1String("/api/v1/ai/settings") && r.method == "PUT") {
            body = json({{"enabled", true}});
        } else if (r.method == "PATCH") {
            body = json({{"fullName", fresh(QStringLiteral("Target Person "))}});
        }

        const InProcessApi::Reply reply = api->call(r.method, path, body, token);
        QVERIFY2(reply.status == r.expected[caller],
                 qPrintable(QStringLiteral("got %1, expected %2: %3")
                                .arg(reply.status)
                                .arg(r.expected[caller])
                                .arg(QString::fromUtf8(reply.body.left(300)))));
        if (reply.status == 204 && newPassword.size())
            passwords[credentialsOf] = newPassword;
        if (reply.status >= 400 && r.pattern != QLatin1String("/metrics"))
            QVERIFY2(!reply.errorCode().isEmpty(), reply.body.constData());
        if (reply.status == 401)
            QCOMPARE(reply.header("WWW-Authenticate"), QByteArray("Bearer"));
        if (reply.status == 403)
            QCOMPARE(reply.errorCode(), QStringLiteral("forbidden"));
        if (reply.status == 404)
            QCOMPARE(reply.errorCode(), QStringLiteral("not_found"));

        if (caller == OtherAdmin) {
            const QString text = QString::fromUtf8(reply.body);
            for (const QString &secret : std::as_const(clinicASecrets))
                QVERIFY2(
                    !text.contains(secret, Qt::CaseInsensitive),
                    qPrintable(QStringLiteral("clinic A's \"%1\" leaked: %2").arg(secret, text.left(300))));
            const QJsonArray items = reply.json().value("items").toArray();
            for (const QJsonValue &item : items) {
                if (item.toObject().contains("clinicId"))
                    QCOMPARE(item.toObject().value("clinicId").toString(), clinicB);
            }
        }
    }

    void oneTimePasswordAccountsMustChangeItFirst()
    {
        QString oneTime;
        const QString id = api->createUser(clinicA, QStringLiteral("alpha.fresh.admin"), Role::ClinicAdmin,
                                           QString(), &oneTime);
        QVERIFY(!id.isEmpty());
        QVERIFY(!oneTime.isEmpty());
        const InProcessApi::SignedIn session = api->signIn(QStringLiteral("alpha.fresh.admin"), oneTime);
        QVERIFY(!session.accessToken.isEmpty());
        for (const QString &path : {QStringLiteral("/api/v1/staff"), QStringLiteral("/api/v1/audit"),
                                    QStringLiteral("/api/v1/staff/") + targetId}) {
            const InProcessApi::Reply refused = api->call("GET", path, {}, session.accessToken);
            QCOMPARE(refused.status, 403);
            QCOMPARE(refused.errorCode(), QStringLiteral("password_change_required"));
        }
        const InProcessApi::Reply me =
            api->call("GET", QStringLiteral("/api/v1/me"), {}, session.accessToken);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value("user").toObject().value("mustChangePassword").toBool(), true);

        const InProcessApi::Reply changed = api->call(
            "POST", QStringLiteral("/api/v1/me/password"),
            json({{"currentPassword", oneTime}, {"newPassword", QStringLiteral("Khiva-Noon-Gate-7")}}),
            session.accessToken);
        QCOMPARE(changed.status, 204);
        const InProcessApi::SignedIn again =
            api->signIn(QStringLiteral("alpha.fresh.admin"), QStringLiteral("Khiva-Noon-Gate-7"));
        QVERIFY(!again.accessToken.isEmpty());
        QCOMPARE(api->call("GET", QStringLiteral("/api/v1/staff"), {}, again.accessToken).status, 200);
    }

    void metricsHiddenFromOtherAddresses()
    {
        const InProcessApi::Reply allowed = api->call("GET", QStringLiteral("/metrics"));
        QCOMPARE(allowed.status, 200);
        QVERIFY(allowed.body.contains("medora_http_requests_total"));
        const InProcessApi::Reply hidden =
            api->call("GET", QStringLiteral("/metrics"), {}, {}, QStringLiteral("203.0.113.50"));
        QCOMPARE(hidden.status, 404);
        QCOMPARE(hidden.errorCode(), QStringLiteral("not_found"));
    }
};

QTEST_GUILESS_MAIN(TestPermissionMatrix)
#include "tst_permissionmatrix.moc"
