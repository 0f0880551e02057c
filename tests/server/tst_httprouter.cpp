#include "http/HttpRouter.h"

#include <QtTest>

using namespace medora::server;

namespace {

HttpHandler answering(int status)
{
    return
        [status](HttpRequest &) { return HttpReply(HttpResponse::text(status, QByteArray::number(status))); };
}

HttpRequest request(const QByteArray &method, const QString &path)
{
    HttpRequest r;
    r.method = method;
    r.path = path;
    return r;
}

int statusOf(const HttpHandler &handler, HttpRequest &r)
{
    return handler(r).response().status;
}

} // namespace

class TestHttpRouter : public QObject
{
    Q_OBJECT

private:
    HttpRouter router;

private slots:
    void initTestCase()
    {
        router.add("GET", QStringLiteral("/health"), answering(200));
        router.add("GET", QStringLiteral("/api/v1/staff"), answering(201));
        router.add("POST", QStringLiteral("/api/v1/staff"), answering(202));
        router.add("GET", QStringLiteral("/api/v1/staff/{id}"), answering(203));
        router.add("PATCH", QStringLiteral("/api/v1/staff/{id}"), answering(204));
        router.add("POST", QStringLiteral("/api/v1/staff/{id}/reset-password"), answering(205));
    }

    void matchesLiteralAndParameterRoutes_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("id");
        QTest::newRow("health") << QByteArray("GET") << "/health" << 200 << "/health"
                                << "";
        QTest::newRow("list") << QByteArray("GET") << "/api/v1/staff" << 201 << "/api/v1/staff"
                              << "";
        QTest::newRow("create") << QByteArray("POST") << "/api/v1/staff" << 202 << "/api/v1/staff"
                                << "";
        QTest::newRow("get") << QByteArray("GET") << "/api/v1/staff/abc" << 203 << "/api/v1/staff/{id}"
                             << "abc";
        QTest::newRow("patch") << QByteArray("PATCH") << "/api/v1/staff/x-1" << 204 << "/api/v1/staff/{id}"
                               << "x-1";
        QTest::newRow("nested") << QByteArray("POST") << "/api/v1/staff/42/reset-password" << 205
                                << "/api/v1/staff/{id}/reset-password"
                                << "42";
    }
    void matchesLiteralAndParameterRoutes()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, pattern);
        QFETCH(QString, id);
        HttpRequest r = request(method, path);
        HttpHandler handler;
        QString matched;
        QCOMPARE(router.match(r, &handler, &matched), HttpRouter::MatchResult::Matched);
        QCOMPARE(matched, pattern);
        QCOMPARE(statusOf(handler, r), status);
        QCOMPARE(r.pathParams.value(QStringLiteral("id")), id);
        QCOMPARE(r.pathParams.contains(QStringLiteral("id")), !id.isEmpty());
    }

    void unknownPathsAreNotFound_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("empty") << "";
        QTest::newRow("root") << "/";
        QTest::newRow("prefix") << "/api/v1";
        QTest::newRow("trailing slash") << "/api/v1/staff/";
        QTest::newRow("empty parameter") << "/api/v1/staff//reset-password";
        QTest::newRow("too long") << "/api/v1/staff/1/reset-password/again";
        QTest::newRow("no leading slash") << "health";
        QTest::newRow("case") << "/HEALTH";
        QTest::newRow("double slash") << "//health";
    }
    void unknownPathsAreNotFound()
    {
        QFETCH(QString, path);
        HttpRequest r = request("GET", path);
        HttpHandler handler;
        QString pattern;
        QCOMPARE(router.match(r, &handler, &pattern), HttpRouter::MatchResult::NotFound);
        QVERIFY(!handler);
    }

    void wrongMethodListsAllowedMethods()
    {
        HttpRequest r = request("DELETE", QStringLiteral("/api/v1/staff/7"));
        HttpHandler handler;
        QString pattern;
        QList<QByteArray> allowed;
        QCOMPARE(router.match(r, &handler, &pattern, &allowed), HttpRouter::MatchResult::MethodNotAllowed);
        QCOMPARE(allowed, (QList<QByteArray>{"GET", "PATCH"}));

        HttpRequest post = request("POST", QStringLiteral("/health"));
        QCOMPARE(router.match(post, &handler, &pattern, &allowed), HttpRouter::MatchResult::MethodNotAllowed);
        QCOMPARE(allowed, QList<QByteArray>{"GET"});
    }

    void staleParametersAreCleared()
    {
        HttpRequest r = request("GET", QStringLiteral("/health"));
        r.pathParams.insert(QStringLiteral("id"), QStringLiteral("left over"));
        QCOMPARE(router.match(r, nullptr, nullptr), HttpRouter::MatchResult::Matched);
        QVERIFY(r.pathParams.isEmpty());
    }

    void routesListsEverythingInOrder()
    {
        const QList<HttpRouter::Route> routes = router.routes();
        QCOMPARE(routes.size(), 6);
        QCOMPARE(routes.at(0).method, QByteArray("GET"));
        QCOMPARE(routes.at(0).pattern, QStringLiteral("/health"));
        QCOMPARE(routes.at(5).method, QByteArray("POST"));
        QCOMPARE(routes.at(5).pattern, QStringLiteral("/api/v1/staff/{id}/reset-password"));
    }
};

QTEST_GUILESS_MAIN(TestHttpRouter)
#include "tst_httprouter.moc"
