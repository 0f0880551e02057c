#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QFileInfo>
#include <QtTest>

using medora::ServerProcess;
using medora::TestHttpClient;
using medora::TestHttpResponse;

namespace {

constexpr int kDefaultLimit = 64 * 1024;

// A sign-in body of exactly `size` bytes: valid JSON padded with trailing spaces.
QByteArray loginBody(int size)
{
    QByteArray body = R"({"login":"nobody","password":"wrong-password-1","deviceId":"device-0001"})";
    body.append(QByteArray(size - int(body.size()), ' '));
    return body;
}

} // namespace

// Bodies are buffered whole before a handler runs, so the default limit bounds the memory
// every open connection can pin (docs/operations.md, MEDORA_MAX_BODY_BYTES).
class TestBodyLimit : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> server;

    TestHttpResponse postLogin(const QByteArray &body)
    {
        TestHttpClient client;
        server->configureClient(client);
        return client.request("POST", QStringLiteral("/api/v1/auth/login"), body,
                              {{"Content-Type", "application/json"}});
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ServerProcess::serverPath()).isExecutable(), "MEDORA_SERVER_PATH is not set");
        server = std::make_unique<ServerProcess>(); // MEDORA_MAX_BODY_BYTES left at its default
        QVERIFY(!server->environment().contains(QStringLiteral("MEDORA_MAX_BODY_BYTES")));
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
    }

    void cleanupTestCase() { server.reset(); }

    void bodyAtTheDefaultLimitIsRead()
    {
        const TestHttpResponse response = postLogin(loginBody(kDefaultLimit));
        QCOMPARE(response.status, 401);
        QCOMPARE(response.errorCode(), QStringLiteral("invalid_credentials"));
    }

    void bodyOverTheDefaultLimitIsRefused()
    {
        const TestHttpResponse response = postLogin(loginBody(kDefaultLimit + 1));
        QCOMPARE(response.status, 413);
        QCOMPARE(response.errorCode(), QStringLiteral("body_too_large"));
    }
};

QTEST_GUILESS_MAIN(TestBodyLimit)
#include "tst_bodylimit.moc"
