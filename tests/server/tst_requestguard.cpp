#include "api/RequestGuard.h"
#include "config/ServerConfig.h"

#include <QJsonDocument>
#include <QtTest>

using namespace medora::server;

namespace {

HttpRequest request(const QString &path, const QByteArray &host, const QString &peer,
                    QList<QPair<QByteArray, QByteArray>> extraHeaders = {})
{
    HttpRequest r;
    r.method = "GET";
    r.path = path;
    if (!host.isNull())
        r.headers.append(qMakePair(QByteArray("host"), host));
    r.headers.append(extraHeaders);
    r.peerAddress = QHostAddress(peer);
    return r;
}

QString errorCode(const HttpResponse &response)
{
    return QJsonDocument::fromJson(response.body).object().value("error").toObject().value("code").toString();
}

} // namespace

class TestRequestGuard : public QObject
{
    Q_OBJECT

private:
    ServerConfig config;

private slots:
    void init()
    {
        config = ServerConfig();
        config.debug = false;
        config.allowedHosts = {QStringLiteral("clinic.example.uz"), QStringLiteral("127.0.0.1"),
                               QStringLiteral("::1")};
        config.trustedProxies = {qMakePair(QHostAddress(QStringLiteral("10.0.0.2")), 32),
                                 qMakePair(QHostAddress(QStringLiteral("10.1.0.0")), 16)};
    }

    void hostHeaderParsing_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("host");
        QTest::newRow("name") << QByteArray("Clinic.Example.UZ") << "clinic.example.uz";
        QTest::newRow("name and port") << QByteArray("clinic.example.uz:8443") << "clinic.example.uz";
        QTest::newRow("ipv4 and port") << QByteArray("127.0.0.1:80") << "127.0.0.1";
        QTest::newRow("ipv6") << QByteArray("[::1]:8443") << "::1";
        QTest::newRow("ipv6 bare bracket") << QByteArray("[::1]") << "::1";
        QTest::newRow("empty") << QByteArray("") << "";
        QTest::newRow("bad port") << QByteArray("clinic.example.uz:80x") << "";
        QTest::newRow("two colons") << QByteArray("a:1:2") << "";
        QTest::newRow("space") << QByteArray("clinic example") << "";
        QTest::newRow("slash") << QByteArray("evil.uz/clinic.example.uz") << "";
        QTest::newRow("unclosed bracket") << QByteArray("[::1") << "";
    }
    void hostHeaderParsing()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, host);
        QCOMPARE(RequestGuard::hostWithoutPort(header), host);
    }

    void foreignHostIsRefusedFirst()
    {
        RequestGuard guard(config);
        for (const QByteArray &host : {QByteArray("evil.example.com"), QByteArray(), QByteArray("")}) {
            HttpRequest r = request(QStringLiteral("/health"), host, QStringLiteral("127.0.0.1"));
            const auto refused = guard.check(r);
            QVERIFY(refused.has_value());
            QCOMPARE(refused->status, 421);
            QCOMPARE(errorCode(*refused), QStringLiteral("host_not_allowed"));
        }
        // Even in debug a configured allow-list holds.
        config.debug = true;
        HttpRequest r =
            request(QStringLiteral("/api/v1/me"), "evil.example.com", QStringLiteral("127.0.0.1"));
        QCOMPARE(RequestGuard(config).check(r)->status, 421);
    }

    void plainHttpOnApiIsRefused()
    {
        RequestGuard guard(config);
        HttpRequest api =
            request(QStringLiteral("/api/v1/me"), "clinic.example.uz", QStringLiteral("203.0.113.9"));
        const auto refused = guard.check(api);
        QVERIFY(refused.has_value());
        QCOMPARE(refused->status, 403);
        QCOMPARE(errorCode(*refused), QStringLiteral("https_required"));

        HttpRequest health =
            request(QStringLiteral("/health"), "clinic.example.uz", QStringLiteral("203.0.113.9"));
        QVERIFY(!guard.check(health).has_value());
        QCOMPARE(health.clientAddress, QHostAddress(QStringLiteral("203.0.113.9")));
        QVERIFY(!health.clientSecure);

        HttpRequest tls =
            request(QStringLiteral("/api/v1/me"), "clinic.example.uz", QStringLiteral("203.0.113.9"));
        tls.overTls = true;
        QVERIFY(!guard.check(tls).has_value());
        QVERIFY(tls.clientSecure);

        config.debug = true;
        HttpRequest debug =
            request(QStringLiteral("/api/v1/me"), "clinic.example.uz", QStringLiteral("203.0.113.9"));
        QVERIFY(!RequestGuard(config).check(debug).has_value());
    }

    void forwardedHeadersFromUntrustedPeerAreIgnored()
    {
        RequestGuard guard(config);
        HttpRequest r =
            request(QStringLiteral("/api/v1/me"), "clinic.example.uz", QStringLiteral("203.0.113.9"),
                    {{"x-forwarded-for", "198.51.100.1"}, {"x-forwarded-proto", "https"}});
        const auto refused = guard.check(r);
        QVERIFY(refused.has_value());
        QCOMPARE(errorCode(*refused), QStringLiteral("https_required"));
        QCOMPARE(r.clientAddress, QHostAddress(QStringLiteral("203.0.113.9")));
        QVERIFY(!r.clientSecure);
    }

    void trustedProxyNamesTheClient_data()
    {
        QTest::addColumn<QByteArrayList>("forwardedFor");
        QTest::addColumn<QString>("client");
        QTest::newRow("single hop") << QByteArrayList{"198.51.100.1"} << "198.51.100.1";
        QTest::newRow("spoofed left part") << QByteArrayList{"1.2.3.4, 198.51.100.1"} << "198.51.100.1";
        QTest::newRow("through inner proxy")
            << QByteArrayList{"1.2.3.4, 198.51.100.1, 10.1.4.4"} << "198.51.100.1";
        QTest::newRow("two headers") << QByteArrayList{"1.2.3.4", "198.51.100.1"} << "198.51.100.1";
        QTest::newRow("all trusted") << QByteArrayList{"10.1.0.9, 10.1.0.8"} << "10.1.0.9";
        QTest::newRow("garbage right") << QByteArrayList{"198.51.100.1, nonsense"} << "10.0.0.2";
        QTest::newRow("ipv6 client") << QByteArrayList{"2001:db8::7"} << "2001:db8::7";
        QTest::newRow("mapped ipv4") << QByteArrayList{"::ffff:198.51.100.3"} << "198.51.100.3";
        QTest::newRow("absent") << QByteArrayList{} << "10.0.0.2";
    }
    void trustedProxyNamesTheClient()
    {
        QFETCH(QByteArrayList, forwardedFor);
        QFETCH(QString, client);
        RequestGuard guard(config);
        QList<QPair<QByteArray, QByteArray>> headers{{"x-forwarded-proto", "https"}};
        for (const QByteArray &value : forwardedFor)
            headers.append({"x-forwarded-for", value});
        HttpRequest r =
            request(QStringLiteral("/api/v1/me"), "clinic.example.uz", QStringLiteral("10.0.0.2"), headers);
        QVERIFY(!guard.check(r).has_value());
        QCOMPARE(r.clientAddress, QHostAddress(client));
        QVERIFY(r.clientSecure);
    }

    void trustedProxyProtoDecidesHttps()
    {
        RequestGuard guard(config);
        HttpRequest plain =
            request(QStringLiteral("/api/v1/me"), "clinic.example.uz", QStringLiteral("10.0.0.2"),
                    {{"x-forwarded-for", "198.51.100.1"}, {"x-forwarded-proto", "http"}});
        QCOMPARE(guard.check(plain)->status, 403);
        // The value our proxy appended last counts, not one the client put in front.
        HttpRequest spoofed = request(QStringLiteral("/api/v1/me"), "clinic.example.uz",
                                      QStringLiteral("10.0.0.2"), {{"x-forwarded-proto", "https, http"}});
        QCOMPARE(guard.check(spoofed)->status, 403);
        HttpRequest none =
            request(QStringLiteral("/api/v1/me"), "clinic.example.uz", QStringLiteral("10.0.0.2"));
        QCOMPARE(guard.check(none)->status, 403);
    }
};

QTEST_GUILESS_MAIN(TestRequestGuard)
#include "tst_requestguard.moc"
