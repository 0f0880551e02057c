#include "TestHttpClient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

namespace medora {

QJsonObject TestHttpResponse::json() const
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    return document.isObject() ? document.object() : QJsonObject();
}

QString TestHttpResponse::errorCode() const
{
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QByteArray TestHttpResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

TestHttpClient::TestHttpClient() : m_manager(std::make_unique<QNetworkAccessManager>())
{
    // Tests look at what the server itself says; following redirects or caching would hide it.
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

TestHttpClient::~TestHttpClient() = default;
TestHttpClient::TestHttpClient(TestHttpClient &&) noexcept = default;
TestHttpClient &TestHttpClient::operator=(TestHttpClient &&) noexcept = default;

void TestHttpClient::setBaseUrl(const QString &baseUrl)
{
    m_baseUrl = baseUrl;
    while (m_baseUrl.endsWith(QLatin1Char('/')))
        m_baseUrl.chop(1);
}

void TestHttpClient::setDefaultHeader(const QByteArray &name, const QByteArray &value)
{
    removeDefaultHeader(name);
    m_defaultHeaders.append({name, value});
}

void TestHttpClient::removeDefaultHeader(const QByteArray &name)
{
    for (int i = m_defaultHeaders.size() - 1; i >= 0; --i) {
        if (m_defaultHeaders.at(i).first.compare(name, Qt::CaseInsensitive) == 0)
            m_defaultHeaders.removeAt(i);
    }
}

void TestHttpClient::setBearerToken(const QString &token)
{
    if (token.isEmpty())
        removeDefaultHeader("Authorization");
    else
        setDefaultHeader("Authorization", "Bearer " + token.toUtf8());
}

void TestHttpClient::trustCertificate(const QSslCertificate &certificate)
{
    if (!certificate.isNull())
        m_trusted.append(certificate);
}

bool TestHttpClient::trustCertificateFile(const QString &path)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(path, QSsl::Pem);
    for (const QSslCertificate &certificate : certificates)
        trustCertificate(certificate);
    return !certificates.isEmpty();
}

void TestHttpClient::resetConnections()
{
    m_manager->clearConnectionCache();
    m_manager->clearAccessCache();
}

TestHttpResponse TestHttpClient::request(const QByteArray &method, const QString &urlOrPath,
                                         const QByteArray &body, const HttpHeaderList &headers)
{
    const bool absolute =
        urlOrPath.startsWith(QLatin1String("http://")) || urlOrPath.startsWith(QLatin1String("https://"));
    const QUrl url(absolute ? urlOrPath : m_baseUrl + urlOrPath);

    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    if (url.scheme() == QLatin1String("https")) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!m_trusted.isEmpty())
            ssl.addCaCertificates(m_trusted);
        request.setSslConfiguration(ssl);
    }
    HttpHeaderList all = headers;
    for (const auto &h : m_defaultHeaders) {
        bool overridden = false;
        for (const auto &given : headers)
            overridden = overridden || given.first.compare(h.first, Qt::CaseInsensitive) == 0;
        if (!overridden)
            all.append(h);
    }
    bool hasContentType = false;
    for (const auto &h : all) {
        request.setRawHeader(h.first, h.second);
        hasContentType = hasContentType || h.first.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!body.isEmpty() && !hasContentType)
        request.setRawHeader("Content-Type", "application/json");

    QNetworkReply *reply = body.isEmpty() && method == "GET"
                               ? m_manager->get(request)
                               : m_manager->sendCustomRequest(request, method, body);

    TestHttpResponse response;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        response.timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    // Self-signed test certificates are trusted explicitly above; any other TLS error stays
    // an error the test sees.
    timer.start(m_timeoutMs);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    timer.stop();

    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.headers = reply->rawHeaderPairs();
    response.body = reply->readAll();
    response.networkError = reply->error();
    if (reply->error() != QNetworkReply::NoError)
        response.errorString = reply->errorString();
    if (url.scheme() == QLatin1String("https"))
        response.peerCertificate = reply->sslConfiguration().peerCertificate();
    reply->deleteLater();
    return response;
}

TestHttpResponse TestHttpClient::get(const QString &urlOrPath, const HttpHeaderList &headers)
{
    return request("GET", urlOrPath, QByteArray(), headers);
}

TestHttpResponse TestHttpClient::postJson(const QString &urlOrPath, const QJsonObject &body,
                                          const HttpHeaderList &headers)
{
    return request("POST", urlOrPath, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

TestHttpResponse TestHttpClient::patchJson(const QString &urlOrPath, const QJsonObject &body,
                                           const HttpHeaderList &headers)
{
    return request("PATCH", urlOrPath, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

TestHttpResponse TestHttpClient::login(const QString &identifier, const QString &password,
                                       const QString &deviceId)
{
    const QJsonObject body{{QStringLiteral("login"), identifier},
                           {QStringLiteral("password"), password},
                           {QStringLiteral("deviceId"), deviceId}};
    TestHttpResponse response = postJson(QStringLiteral("/api/v1/auth/login"), body);
    if (response.status == 200)
        setBearerToken(response.json().value(QStringLiteral("accessToken")).toString());
    return response;
}

} // namespace medora
