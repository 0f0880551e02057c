#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QFile>
#include <QFileInfo>
#include <QTcpSocket>
#include <QtTest>

#include <csignal>

using medora::ServerProcess;
using medora::TestHttpClient;
using medora::TestHttpResponse;

// Transport security of the real server: HTTPS with a certificate made here, reload on
// SIGHUP, Host checks, and which X-Forwarded-* headers are believed.
class TestServerTls : public QObject
{
    Q_OBJECT

private:
    static QSslCertificate certificateIn(const QString &path)
    {
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(path);
        return certificates.isEmpty() ? QSslCertificate() : certificates.first();
    }

    static bool replaceFile(const QString &from, const QString &to)
    {
        QFile::remove(to);
        return QFile::copy(from, to);
    }

    // Newest audit events of `clinicId` as seen by its admin.
    static QJsonArray auditItems(TestHttpClient &admin)
    {
        return admin.get(QStringLiteral("/api/v1/audit?limit=50"))
            .json()
            .value(QStringLiteral("items"))
            .toArray();
    }

    static QString addressOfFailedLogin(const QJsonArray &items, const QString &typedLogin)
    {
        for (const QJsonValue &value : items) {
            const QJsonObject event = value.toObject();
            if (event.value(QStringLiteral("action")).toString() == QLatin1String("auth.login_failed") &&
                event.value(QStringLiteral("actorLogin")).toString() == typedLogin)
                return event.value(QStringLiteral("clientAddress")).toString();
        }
        return QStringLiteral("<no auth.login_failed for %1>").arg(typedLogin);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ServerProcess::serverPath()).isExecutable(), "MEDORA_SERVER_PATH is not set");
    }

    void servesHttpsWithASelfSignedCertificate()
    {
        ServerProcess::Options options;
        options.tls = true;
        ServerProcess server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY(server.baseUrl().startsWith(QLatin1String("https://")));
        QCOMPARE(server.countLogEvents(QStringLiteral("tls.loaded")), 1);

        TestHttpClient client;
        server.configureClient(client);
        const TestHttpResponse health = client.get(QStringLiteral("/health"));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.peerCertificate, certificateIn(server.certificateFile()));
        // Over TLS the API needs no proxy header: the answer is about the missing token.
        const TestHttpResponse me = client.get(QStringLiteral("/api/v1/me"));
        QCOMPARE(me.status, 401);

        // A client that does not trust the certificate gets no answer at all.
        TestHttpClient untrusting;
        untrusting.setBaseUrl(server.baseUrl());
        const TestHttpResponse refused = untrusting.get(QStringLiteral("/health"));
        QCOMPARE(refused.status, 0);
        QCOMPARE(refused.networkError, QNetworkReply::SslHandshakeFailedError);

        // Plain HTTP to the TLS port is not served.
        TestHttpClient plain;
        plain.setBaseUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        plain.setTimeoutMs(5000);
        QVERIFY(plain.get(QStringLiteral("/health")).status != 200);
    }

    void plainHttpIsRefusedUnlessItComesFromTheTrustedProxy()
    {
        ServerProcess::Options options;
        // A proxy elsewhere: requests from 127.0.0.1 are direct, untrusted clients.
        options.trustLocalProxy = false;
        options.environment.insert(QStringLiteral("MEDORA_TRUSTED_PROXIES"), QStringLiteral("10.9.9.9"));
        ServerProcess server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        TestHttpClient client;
        client.setBaseUrl(server.baseUrl());
        client.setDefaultHeader("X-Forwarded-Proto", "https");
        const TestHttpResponse me = client.get(QStringLiteral("/api/v1/me"));
        QCOMPARE(me.status, 403);
        QCOMPARE(me.errorCode(), QStringLiteral("https_required"));
        const TestHttpResponse login =
            client.postJson(QStringLiteral("/api/v1/auth/login"),
                            {{QStringLiteral("login"), QStringLiteral("x")},
                             {QStringLiteral("password"), QStringLiteral("y")},
                             {QStringLiteral("deviceId"), QStringLiteral("device-0001")}});
        QCOMPARE(login.status, 403);
        QCOMPARE(login.errorCode(), QStringLiteral("https_required"));
    }

    void sighupReloadsTheCertificateForNewConnections()
    {
        QTemporaryDir dir;
        QString firstCert, firstKey, secondCert, secondKey, error;
        QVERIFY2(ServerProcess::makeSelfSignedCertificate(dir.path(), &firstCert, &firstKey, &error,
                                                          QStringLiteral("first")),
                 qPrintable(error));
        QVERIFY2(ServerProcess::makeSelfSignedCertificate(dir.path(), &secondCert, &secondKey, &error,
                                                          QStringLiteral("second")),
                 qPrintable(error));
        const QString liveCert = dir.filePath(QStringLiteral("live.crt"));
        const QString liveKey = dir.filePath(QStringLiteral("live.key"));
        QVERIFY(replaceFile(firstCert, liveCert));
        QVERIFY(replaceFile(firstKey, liveKey));

        ServerProcess::Options options;
        options.tls = true;
        options.certificateFile = liveCert;
        options.keyFile = liveKey;
        ServerProcess server(options);
        QVERIFY2(server.start(&error), qPrintable(error));

        TestHttpClient oldClient;
        oldClient.setBaseUrl(server.baseUrl());
        oldClient.trustCertificateFile(firstCert);
        oldClient.trustCertificateFile(secondCert);
        TestHttpResponse before = oldClient.get(QStringLiteral("/health"));
        QCOMPARE(before.status, 200);
        QCOMPARE(before.peerCertificate, certificateIn(firstCert));

        QVERIFY(replaceFile(secondCert, liveCert));
        QVERIFY(replaceFile(secondKey, liveKey));
        QVERIFY(server.sendSignal(SIGHUP));
        QVERIFY2(server.waitForLogEvent(QStringLiteral("tls.reloaded")), qPrintable(server.logText()));

        TestHttpClient newClient;
        newClient.setBaseUrl(server.baseUrl());
        newClient.trustCertificateFile(firstCert);
        newClient.trustCertificateFile(secondCert);
        const TestHttpResponse after = newClient.get(QStringLiteral("/health"));
        QCOMPARE(after.status, 200);
        QCOMPARE(after.peerCertificate, certificateIn(secondCert));
        // The connection opened before the reload keeps working.
        QCOMPARE(oldClient.get(QStringLiteral("/health")).status, 200);

        // A broken pair is refused with a log line; the server keeps the working one.
        QFile broken(liveKey);
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("not a key\n");
        broken.close();
        QVERIFY(server.sendSignal(SIGHUP));
        QVERIFY2(server.waitForLogEvent(QStringLiteral("tls.reload_failed")), qPrintable(server.logText()));
        newClient.resetConnections();
        const TestHttpResponse still = newClient.get(QStringLiteral("/health"));
        QCOMPARE(still.status, 200);
        QCOMPARE(still.peerCertificate, certificateIn(secondCert));
        QVERIFY(server.isRunning());
    }

    void hostNotAllowedGets421()
    {
        ServerProcess server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        TestHttpClient client;
        server.configureClient(client);
        for (const QByteArray &host : {QByteArray("evil.example"), QByteArray("evil.example:443"),
                                       QByteArray("127.0.0.1.evil.example")}) {
            const TestHttpResponse refused = client.get(QStringLiteral("/health"), {{"Host", host}});
            QCOMPARE(refused.status, 421);
            QCOMPARE(refused.errorCode(), QStringLiteral("host_not_allowed"));
        }
        QCOMPARE(client.get(QStringLiteral("/health"), {{"Host", "LOCALHOST"}}).status, 200);
        QCOMPARE(client.get(QStringLiteral("/health")).status, 200);
    }

    void forwardedHeadersAreBelievedOnlyFromTrustedProxies()
    {
        const QString password = QStringLiteral("violet-desert-caravan-3");
        // Behind the trusted proxy (127.0.0.1): the client address is the forwarded one.
        {
            ServerProcess server;
            QString error;
            QVERIFY2(server.start(&error), qPrintable(error));
            const QString clinic = server.createClinic(QStringLiteral("Proxy Clinic"));
            QVERIFY(server
                        .createUser(clinic, QStringLiteral("proxyadmin"), QStringLiteral("clinic_admin"),
                                    password)
                        .id.size() > 0);
            TestHttpClient client;
            server.configureClient(client);
            QCOMPARE(client.login(QStringLiteral("proxyadmin"), QStringLiteral("wrong-password-1")).status,
                     401);
            const TestHttpResponse forwarded =
                client.postJson(QStringLiteral("/api/v1/auth/login"),
                                {{QStringLiteral("login"), QStringLiteral("proxyadmin")},
                                 {QStringLiteral("password"), QStringLiteral("wrong-password-2")},
                                 {QStringLiteral("deviceId"), QStringLiteral("device-0001")}},
                                {{"X-Forwarded-For", "198.51.100.1, 203.0.113.7"}});
            QCOMPARE(forwarded.status, 401);
            TestHttpClient admin;
            server.configureClient(admin);
            QCOMPARE(
                admin.login(QStringLiteral("proxyadmin"), password, QStringLiteral("device-0002")).status,
                200);
            const QJsonArray items = auditItems(admin);
            // The proxy next to us (127.0.0.1) reported 203.0.113.7; the hop left of it was
            // written by the client and is not believed past the first untrusted address.
            bool sawForwarded = false;
            bool sawDirect = false;
            for (const QJsonValue &value : items) {
                const QJsonObject event = value.toObject();
                if (event.value(QStringLiteral("action")).toString() != QLatin1String("auth.login_failed"))
                    continue;
                const QString address = event.value(QStringLiteral("clientAddress")).toString();
                sawForwarded = sawForwarded || address == QLatin1String("203.0.113.7");
                sawDirect = sawDirect || address == QLatin1String("127.0.0.1");
                QVERIFY(address != QLatin1String("198.51.100.1"));
            }
            QVERIFY2(sawForwarded && sawDirect, QJsonDocument(items).toJson().constData());
        }
        // Over TLS without trusted proxies: the same headers are ignored.
        {
            ServerProcess::Options options;
            options.tls = true;
            ServerProcess server(options);
            QString error;
            QVERIFY2(server.start(&error), qPrintable(error));
            const QString clinic = server.createClinic(QStringLiteral("Direct Clinic"));
            QVERIFY(server
                        .createUser(clinic, QStringLiteral("directadmin"), QStringLiteral("clinic_admin"),
                                    password)
                        .id.size() > 0);
            TestHttpClient client;
            server.configureClient(client);
            const TestHttpResponse spoofed =
                client.postJson(QStringLiteral("/api/v1/auth/login"),
                                {{QStringLiteral("login"), QStringLiteral("directadmin")},
                                 {QStringLiteral("password"), QStringLiteral("wrong-password-3")},
                                 {QStringLiteral("deviceId"), QStringLiteral("device-0001")}},
                                {{"X-Forwarded-For", "203.0.113.7"}, {"X-Forwarded-Proto", "http"}});
            QCOMPARE(spoofed.status, 401);
            TestHttpClient admin;
            server.configureClient(admin);
            QCOMPARE(
                admin.login(QStringLiteral("directadmin"), password, QStringLiteral("device-0002")).status,
                200);
            QCOMPARE(addressOfFailedLogin(auditItems(admin), QStringLiteral("directadmin")),
                     QStringLiteral("127.0.0.1"));
        }
    }
};

QTEST_GUILESS_MAIN(TestServerTls)
#include "tst_servertls.moc"
