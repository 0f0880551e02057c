#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QSslCertificate>
#include <QString>

#include <memory>

class QNetworkAccessManager;

namespace medora {

using HttpHeaderList = QList<QPair<QByteArray, QByteArray>>;

struct TestHttpResponse
{
    int status = 0; // 0 when no HTTP answer arrived (connection refused, TLS failure, timeout)
    HttpHeaderList headers;
    QByteArray body;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;
    bool timedOut = false;
    QSslCertificate peerCertificate; // leaf certificate the server presented (HTTPS only)

    QJsonObject json() const;                        // body as a JSON object (empty when it is not one)
    QString errorCode() const;                       // json()["error"]["code"]
    QByteArray header(const QByteArray &name) const; // case-insensitive, empty when absent
};

// Synchronous HTTP(S) for tests: each request spins a local event loop until the reply
// finishes. Connections are kept alive between requests like a real client;
// resetConnections() forces new TCP/TLS connections (e.g. after a certificate reload).
class TestHttpClient
{
public:
    TestHttpClient();
    ~TestHttpClient();
    TestHttpClient(TestHttpClient &&) noexcept;
    TestHttpClient &operator=(TestHttpClient &&) noexcept;

    void setBaseUrl(const QString &baseUrl); // relative request paths are appended to it
    QString baseUrl() const { return m_baseUrl; }
    // Sent with every request unless the call gives the same header.
    void setDefaultHeader(const QByteArray &name, const QByteArray &value);
    void removeDefaultHeader(const QByteArray &name);
    void setBearerToken(const QString &token); // empty removes it
    // Trusts this certificate (and only the system CAs besides) for HTTPS.
    void trustCertificate(const QSslCertificate &certificate);
    bool trustCertificateFile(const QString &path);
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    void resetConnections();

    TestHttpResponse request(const QByteArray &method, const QString &urlOrPath,
                             const QByteArray &body = QByteArray(), const HttpHeaderList &headers = {});
    TestHttpResponse get(const QString &urlOrPath, const HttpHeaderList &headers = {});
    TestHttpResponse postJson(const QString &urlOrPath, const QJsonObject &body,
                              const HttpHeaderList &headers = {});
    TestHttpResponse patchJson(const QString &urlOrPath, const QJsonObject &body,
                               const HttpHeaderList &headers = {});

    // POST /api/v1/auth/login; on 200 the access token becomes the bearer token.
    TestHttpResponse login(const QString &identifier, const QString &password,
                           const QString &deviceId = QStringLiteral("test-device-0001"));

private:
    std::unique_ptr<QNetworkAccessManager> m_manager;
    QString m_baseUrl;
    HttpHeaderList m_defaultHeaders;
    QList<QSslCertificate> m_trusted;
    int m_timeoutMs = 15000;
};

} // namespace medora
