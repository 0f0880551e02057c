#include "api/AuditApi.h"
#include "api/AuthApi.h"
#include "api/JsonBodyDecoder.h"
#include "api/StaffApi.h"

#include <QtTest>

using namespace medora::server;

namespace {

QByteArray nested(int depth)
{
    return QByteArray("{\"a\":") + QByteArray(depth - 1, '[') + "1" + QByteArray(depth - 1, ']') + "}";
}

QUrlQuery query(const QString &text)
{
    return QUrlQuery(text);
}

} // namespace

class TestJsonBodyDecoder : public QObject
{
    Q_OBJECT

private slots:
    void readsAllowedFields()
    {
        JsonBodyDecoder json(R"({"login":"aziza","password":"pässwörd 1","flag":true})",
                             {QStringLiteral("login"), QStringLiteral("password"), QStringLiteral("flag"),
                              QStringLiteral("absent")});
        QVERIFY(json.ok());
        QCOMPARE(json.requiredString(QStringLiteral("login"), 10), QStringLiteral("aziza"));
        QCOMPARE(json.requiredString(QStringLiteral("password"), 100), QStringLiteral("pässwörd 1"));
        QCOMPARE(json.optionalBool(QStringLiteral("flag")), std::optional<bool>(true));
        QCOMPARE(json.optionalString(QStringLiteral("absent"), 10), std::nullopt);
        QVERIFY(json.ok());
    }

    void refusesMalformedBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("login=aziza");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("string") << QByteArray("\"x\"");
        QTest::newRow("number") << QByteArray("12");
        QTest::newRow("unterminated") << QByteArray("{\"a\":\"b");
        QTest::newRow("unbalanced") << QByteArray("{\"a\":1}}");
        QTest::newRow("trailing") << QByteArray("{\"a\":1} x");
        QTest::newRow("duplicate") << QByteArray("{\"a\":1,\"a\":2}");
        QTest::newRow("duplicate spaced") << QByteArray("{\"a\" :1, \"a\"\n:2}");
        QTest::newRow("depth 17") << nested(17);
        QTest::newRow("very deep") << QByteArray(100000, '[');
        QTest::newRow("long string") << QByteArray(
            "{\"a\":\"" + QByteArray(JsonBodyDecoder::maxStringBytes + 1, 'x') + "\"}");
        QTest::newRow("bad utf8") << QByteArray("{\"a\":\"\xff\xfe\"}");
        QTest::newRow("nul") << QByteArray("{\"a\":1}\0", 8);
    }
    void refusesMalformedBodies()
    {
        QFETCH(QByteArray, body);
        JsonBodyDecoder json(body, {QStringLiteral("a")});
        QVERIFY(!json.ok());
        QCOMPARE(json.error().kind, ServiceError::Kind::BadInput);
        QCOMPARE(json.error().code, QStringLiteral("invalid_json"));
        QVERIFY(json.error().field.isEmpty());
        QVERIFY(!json.error().message.isEmpty());
    }

    void depthSixteenIsAllowed()
    {
        JsonBodyDecoder json(nested(16), {QStringLiteral("a")});
        QVERIFY2(json.ok(), qPrintable(json.ok() ? QString() : json.error().message));
        JsonBodyDecoder brackets("{\"a\":\"[[[[[[[[[[[[[[[[[[[[[[\\\"]]\"}", {QStringLiteral("a")});
        QVERIFY(brackets.ok()); // brackets inside strings are text, not nesting
    }

    void unknownFieldIsNamed()
    {
        JsonBodyDecoder json(R"({"login":"a","isAdmin":true})", {QStringLiteral("login")});
        QVERIFY(!json.ok());
        QCOMPARE(json.error().code, QStringLiteral("unknown_field"));
        QCOMPARE(json.error().field, QStringLiteral("isAdmin"));
    }

    void typedGettersNameTheField()
    {
        JsonBodyDecoder json(R"({"a":5,"b":"xyz","c":"t","d":"","e":null})",
                             {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                              QStringLiteral("d"), QStringLiteral("e")});
        QVERIFY(json.ok());
        json.requiredString(QStringLiteral("a"), 10);
        QCOMPARE(json.error().code, QStringLiteral("invalid_type"));
        QCOMPARE(json.error().field, QStringLiteral("a"));

        JsonBodyDecoder longer(R"({"b":"xyz"})", {QStringLiteral("b")});
        longer.requiredString(QStringLiteral("b"), 2);
        QCOMPARE(longer.error().code, QStringLiteral("too_long"));
        QCOMPARE(longer.error().field, QStringLiteral("b"));

        JsonBodyDecoder types(R"({"c":"t"})", {QStringLiteral("c")});
        QCOMPARE(types.optionalBool(QStringLiteral("c")), std::nullopt);
        QCOMPARE(types.error().code, QStringLiteral("invalid_type"));

        for (const char *field : {"d", "e", "missing"}) {
            JsonBodyDecoder required(R"({"d":"","e":null})", {QStringLiteral("d"), QStringLiteral("e")});
            required.requiredString(QLatin1String(field), 10);
            QCOMPARE(required.error().code, QStringLiteral("missing_field"));
            QCOMPARE(required.error().field, QLatin1String(field));
        }
    }

    void firstProblemWins()
    {
        JsonBodyDecoder json(R"({"b":1})", {QStringLiteral("a"), QStringLiteral("b")});
        json.requiredString(QStringLiteral("a"), 10);
        json.requiredString(QStringLiteral("b"), 10);
        QCOMPARE(json.error().field, QStringLiteral("a"));
    }

    void loginDecoder()
    {
        const auto ok = AuthApi::decodeLogin(
            R"({"login":" +998 90 123 45 67 ","password":"secret pw","deviceId":"device-0001"})");
        QVERIFY(ok.ok());
        QCOMPARE(ok.value().login, QStringLiteral("+998 90 123 45 67"));
        QCOMPARE(ok.value().deviceName, QString());
        const auto missing = AuthApi::decodeLogin(R"({"login":"a","deviceId":"device-0001"})");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().field, QStringLiteral("password"));
        const auto extra = AuthApi::decodeLogin(R"({"login":"a","password":"b","deviceId":"c","role":"x"})");
        QCOMPARE(extra.error().code, QStringLiteral("unknown_field"));
        const auto longName =
            AuthApi::decodeLogin("{\"login\":\"a\",\"password\":\"b\",\"deviceId\":\"c\",\"deviceName\":\"" +
                                 QByteArray(101, 'n') + "\"}");
        QCOMPARE(longName.error().field, QStringLiteral("deviceName"));
    }

    void refreshAndPasswordDecoders()
    {
        QVERIFY(AuthApi::decodeRefresh(R"({"refreshToken":"abc","deviceId":"device-1"})").ok());
        QCOMPARE(AuthApi::decodeRefresh(R"({"refreshToken":"abc"})").error().field,
                 QStringLiteral("deviceId"));
        const auto change =
            AuthApi::decodePasswordChange(R"({"currentPassword":"old one","newPassword":"new one"})");
        QVERIFY(change.ok());
        QCOMPARE(change.value().newPassword, QStringLiteral("new one"));
        QCOMPARE(AuthApi::decodePasswordChange(R"({"currentPassword":"x","newPassword":7})").error().code,
                 QStringLiteral("invalid_type"));
    }

    void staffDecoders()
    {
        const auto created =
            StaffApi::decodeCreate(R"({"login":"bobur","fullName":"Bobur T.","role":"doctor"})");
        QVERIFY(created.ok());
        QCOMPARE(created.value().role, Role::Doctor);
        QVERIFY(created.value().phone.isEmpty());
        const auto badRole = StaffApi::decodeCreate(R"({"login":"bobur","fullName":"B","role":"root"})");
        QCOMPARE(badRole.error().code, QStringLiteral("invalid_value"));
        QCOMPARE(badRole.error().field, QStringLiteral("role"));
        QCOMPARE(StaffApi::decodeCreate(R"({"login":"bobur","fullName":"B","role":"doctor","clinicId":"x"})")
                     .error()
                     .field,
                 QStringLiteral("clinicId"));

        const auto patch = StaffApi::decodePatch(R"({"disabled":true,"phone":""})");
        QVERIFY(patch.ok());
        QCOMPARE(patch.value().disabled, std::optional<bool>(true));
        QCOMPARE(patch.value().phone, std::optional<QString>(QString()));
        QCOMPARE(patch.value().role, std::nullopt);
        QCOMPARE(StaffApi::decodePatch("{}").error().code, QStringLiteral("no_changes"));
        QCOMPARE(StaffApi::decodePatch(R"({"role":"boss"})").error().field, QStringLiteral("role"));
        QCOMPARE(StaffApi::decodePatch(R"({"disabled":"yes"})").error().field, QStringLiteral("disabled"));
    }

    void listQueries()
    {
        const auto defaults = StaffApi::decodeListQuery(query(QString()));
        QVERIFY(defaults.ok());
        QCOMPARE(defaults.value().limit, StaffApi::defaultPageSize);
        QCOMPARE(defaults.value().offset, 0);
        const auto page = StaffApi::decodeListQuery(query(QStringLiteral("limit=100&offset=20")));
        QCOMPARE(page.value().limit, 100);
        QCOMPARE(page.value().offset, 20);
        for (const char *bad : {"limit=0", "limit=101", "limit=-1", "limit=abc", "offset=-5",
                                "limit=1&limit=2", "limit=99999999999999999999"}) {
            const auto result = StaffApi::decodeListQuery(query(QLatin1String(bad)));
            QVERIFY2(!result.ok(), bad);
            QCOMPARE(result.error().code, QStringLiteral("invalid_parameter"));
        }
        QCOMPARE(StaffApi::decodeListQuery(query(QStringLiteral("sort=name"))).error().code,
                 QStringLiteral("unknown_field"));

        const auto audit = AuditApi::decodeQuery(query(QStringLiteral(
            "limit=10&before=99&action=staff.&from=2026-01-01T00:00:00Z&to=2026-02-01T05:00:00%2B05:00")));
        QVERIFY2(audit.ok(), qPrintable(audit.ok() ? QString() : audit.error().message));
        QCOMPARE(audit.value().limit, 10);
        QCOMPARE(audit.value().beforeSequence, 99);
        QCOMPARE(audit.value().action, QStringLiteral("staff."));
        QCOMPARE(audit.value().from, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(audit.value().to, QDateTime(QDate(2026, 2, 1), QTime(0, 0), Qt::UTC));
        for (const char *bad :
             {"from=yesterday", "from=2026-01-01T00:00:00", "actor=bob", "action=DROP%20TABLE", "before=0",
              "limit=101", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"}) {
            const auto result = AuditApi::decodeQuery(query(QLatin1String(bad)));
            QVERIFY2(!result.ok(), bad);
            QCOMPARE(result.error().code, QStringLiteral("invalid_parameter"));
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonBodyDecoder)
#include "tst_jsonbodydecoder.moc"
