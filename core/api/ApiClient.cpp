#include "api/ApiClient.h"

#include "api/ApiNetworkThread.h"
#include "api/ReplyReader.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QTimer>

namespace medora {

namespace {

constexpr qint64 kMaxCaFileBytes = 1024 * 1024;

} // namespace

ApiClient::ApiClient(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this)),
      m_sslConfiguration(QSslConfiguration::defaultConfiguration())
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_network->setStrictTransportSecurityEnabled(true);
    m_sslConfiguration.setProtocol(QSsl::TlsV1_2OrLater);
    m_sslConfiguration.setPeerVerifyMode(QSslSocket::VerifyPeer);
}

ApiClient::~ApiClient()
{
    m_networkThread.reset(); // its transfers end silently
    std::map<quint64, Pending> pending;
    pending.swap(m_pending);
    for (auto &entry : pending) {
        if (!entry.second.reply)
            continue;
        entry.second.reply->disconnect(this);
        entry.second.reply->abort();
        entry.second.reply->deleteLater();
    }
}

void ApiClient::setAllowInsecureHttp(bool allow)
{
    m_allowInsecureHttp = allow;
    // A plain-HTTP server chosen under the switch is not kept once the switch is off.
    if (!allow && m_serverUrl.scheme() == QLatin1String("http"))
        m_serverUrl.clear();
}

ApiError ApiClient::parseServerAddress(const QString &address, bool allowInsecureHttp, QUrl *url)
{
    QString text = address.trimmed();
    if (text.isEmpty())
        return ApiError::make(ApiError::Kind::InvalidUrl, ApiError::invalidUrlCode(),
                              QStringLiteral("no server address"));
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("https://"));
    QUrl parsed(text, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || parsed.host().isEmpty() || !parsed.userInfo().isEmpty() || parsed.hasQuery() ||
        parsed.hasFragment() || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return ApiError::make(ApiError::Kind::InvalidUrl, ApiError::invalidUrlCode(),
                              QStringLiteral("not an http(s) server address: %1").arg(address));
    if (scheme == QLatin1String("http") && !allowInsecureHttp)
        return ApiError::make(
            ApiError::Kind::InsecureUrl, ApiError::insecureUrlCode(),
            QStringLiteral("http:// refused without the development switch: %1").arg(address));
    QString path = parsed.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    parsed.setPath(path);
    parsed.setScheme(scheme);
    if (url)
        *url = parsed;
    return ApiError();
}

ApiError ApiClient::setServerAddress(const QString &address)
{
    QUrl url;
    const ApiError error = parseServerAddress(address, m_allowInsecureHttp, &url);
    if (error.ok())
        m_serverUrl = url;
    return error;
}

bool ApiClient::setCaCertificateFile(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        m_caCertificateFile.clear();
        m_sslConfiguration.setCaCertificates(QSslConfiguration::systemCaCertificates());
        forgetConnections();
        return true;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The CA certificate file %1 cannot be read: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray pem = file.read(kMaxCaFileBytes + 1);
    if (pem.size() > kMaxCaFileBytes) {
        if (error)
            *error = tr("The CA certificate file %1 is too large.").arg(path);
        return false;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    bool usable = !certificates.isEmpty();
    for (const QSslCertificate &certificate : certificates)
        usable = usable && !certificate.isNull();
    if (!usable) {
        if (error)
            *error = tr("The file %1 holds no PEM certificate.").arg(path);
        return false;
    }
    // Listing the system's CAs explicitly: adding one CA would otherwise switch off the
    // on-demand loading of the system's roots, and a public certificate would stop working.
    m_sslConfiguration.setCaCertificates(QSslConfiguration::systemCaCertificates() + certificates);
    m_caCertificateFile = path;
    forgetConnections();
    return true;
}

void ApiClient::forgetConnections()
{
    // A connection keeps the trust it was opened with: without this, a server refused before
    // the clinic's CA was set stays refused on the same connection.
    m_network->clearConnectionCache();
    if (m_networkThread)
        m_networkThread->clearConnectionCache();
}

QUrl ApiClient::endpoint(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_serverUrl;
    url.setPath(m_serverUrl.path() + QStringLiteral("/api/v1/") + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

quint64 ApiClient::send(const QByteArray &method, const QString &path, const QJsonObject *body,
                        const QByteArray &accessToken, QObject *context, Callback done)
{
    return send(method, path, body, accessToken, RequestOptions(), context, std::move(done));
}

quint64 ApiClient::send(const QByteArray &method, const QString &path, const QJsonObject *body,
                        const QByteArray &accessToken, const RequestOptions &options, QObject *context,
                        Callback done)
{
    const quint64 id = m_nextId++;
    if (!m_serverUrl.isValid()) {
        finishLater(context, std::move(done),
                    ApiError::make(ApiError::Kind::InvalidUrl, ApiError::invalidUrlCode(),
                                   QStringLiteral("no server address is set")));
        return id;
    }
    if (m_serverUrl.scheme() == QLatin1String("http") && !m_allowInsecureHttp) {
        finishLater(context, std::move(done),
                    ApiError::make(ApiError::Kind::InsecureUrl, ApiError::insecureUrlCode(),
                                   QStringLiteral("http:// refused without the development switch")));
        return id;
    }

    QNetworkRequest request(endpoint(path, options.query));
    request.setTransferTimeout(options.transferTimeoutMs > 0 ? options.transferTimeoutMs
                                                             : m_transferTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QStringLiteral("Medora/%1").arg(QCoreApplication::applicationVersion()));
    if (!accessToken.isEmpty())
        request.setRawHeader("Authorization", QByteArrayLiteral("Bearer ") + accessToken);
    if (m_serverUrl.scheme() == QLatin1String("https"))
        request.setSslConfiguration(m_sslConfiguration);
    QByteArray payload;
    if (body) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        payload = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    } else if (!options.jsonBody.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        payload = options.jsonBody;
    }
    // Upload progress is reported from this thread's replies only.
    const bool onNetworkThread = options.networkThread && !options.uploadProgress;
    if (!body && options.jsonBody.isEmpty() && options.printBody) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!onNetworkThread)
            payload = options.printBody();
    }

    const qint64 maxResponseBytes =
        options.maxResponseBytes > 0 ? options.maxResponseBytes : m_maxResponseBytes;
    Pending &pending = m_pending[id];
    pending.transfer.maxResponseBytes = maxResponseBytes;
    pending.transfer.rawBody = options.rawBody;
    pending.context = context;
    pending.hasContext = context != nullptr;
    pending.done = std::move(done);
    if (onNetworkThread) {
        if (!m_networkThread) {
            m_networkThread =
                std::make_unique<ApiNetworkThread>(this, [this](quint64 finished, const Response &response) {
                    onNetworkThreadFinished(finished, response);
                });
        }
        ApiNetworkThread::Transfer transfer;
        transfer.request = request;
        transfer.method = !body && method == "GET" ? QByteArray() : method;
        transfer.payload = payload;
        if (payload.isEmpty() && !body && options.jsonBody.isEmpty())
            transfer.printBody = options.printBody;
        transfer.readBody = options.rawBody ? options.readBody : nullptr;
        transfer.maxResponseBytes = maxResponseBytes;
        transfer.rawBody = options.rawBody;
        m_networkThread->start(id, transfer);
        return id;
    }

    QNetworkReply *reply = body || method != "GET" ? m_network->sendCustomRequest(request, method, payload)
                                                   : m_network->get(request);
    pending.reply = reply;
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, id] {
        const auto it = m_pending.find(id);
        if (it != m_pending.end())
            ReplyReader::checkDeclaredLength(it->second.reply, it->second.transfer);
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, id] {
        const auto it = m_pending.find(id);
        if (it != m_pending.end())
            ReplyReader::readAvailable(it->second.reply, it->second.transfer);
    });
    if (options.uploadProgress) {
        connect(reply, &QNetworkReply::uploadProgress, this,
                [this, id, progress = options.uploadProgress](qint64 sent, qint64 total) {
                    const auto it = m_pending.find(id);
                    if (it != m_pending.end() && !it->second.transfer.cancelled &&
                        (!it->second.hasContext || it->second.context))
                        progress(sent, total);
                });
    }
    connect(reply, &QNetworkReply::sslErrors, this, [this, id](const QList<QSslError> &errors) {
        const auto it = m_pending.find(id);
        if (it != m_pending.end())
            it->second.transfer.sslErrors += errors;
    });
    connect(reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
    return id;
}

void ApiClient::finishLater(QObject *context, Callback done, const ApiError &error)
{
    // Same contract as a real call: the callback never runs before send() returns.
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    QTimer::singleShot(0, this, [guard, hasContext, done = std::move(done), error] {
        if (hasContext && !guard)
            return;
        Response response;
        response.error = error;
        if (done)
            done(response);
    });
}

void ApiClient::abort(quint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    it->second.transfer.cancelled = true;
    if (it->second.reply)
        it->second.reply->abort();
    else if (m_networkThread)
        m_networkThread->abort(id);
}

void ApiClient::onFinished(quint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    ReplyReader::readAvailable(it->second.reply, it->second.transfer); // the last chunk
    Pending pending = std::move(it->second);
    m_pending.erase(it);
    pending.reply->deleteLater();
    if (pending.hasContext && !pending.context)
        return; // whoever asked is gone
    if (pending.done)
        pending.done(ReplyReader::response(pending.reply, pending.transfer));
}

void ApiClient::onNetworkThreadFinished(quint64 id, const Response &response)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(it->second);
    m_pending.erase(it);
    if (pending.hasContext && !pending.context)
        return; // whoever asked is gone
    if (pending.done)
        pending.done(response);
}

quint64 ApiClient::login(const QString &login, const QString &password, const QString &deviceId,
                         const QString &deviceName, QObject *context, Callback done)
{
    QJsonObject body{{QStringLiteral("login"), login},
                     {QStringLiteral("password"), password},
                     {QStringLiteral("deviceId"), deviceId}};
    if (!deviceName.isEmpty())
        body.insert(QStringLiteral("deviceName"), deviceName);
    return send("POST", QStringLiteral("auth/login"), &body, QByteArray(), context, std::move(done));
}

quint64 ApiClient::refresh(const QByteArray &refreshToken, const QString &deviceId, QObject *context,
                           Callback done)
{
    const QJsonObject body{{QStringLiteral("refreshToken"), QString::fromUtf8(refreshToken)},
                           {QStringLiteral("deviceId"), deviceId}};
    return send("POST", QStringLiteral("auth/refresh"), &body, QByteArray(), context, std::move(done));
}

quint64 ApiClient::logout(const QByteArray &accessToken, QObject *context, Callback done)
{
    return send("POST", QStringLiteral("auth/logout"), nullptr, accessToken, context, std::move(done));
}

quint64 ApiClient::me(const QByteArray &accessToken, QObject *context, Callback done)
{
    return send("GET", QStringLiteral("me"), nullptr, accessToken, context, std::move(done));
}

quint64 ApiClient::changePassword(const QByteArray &accessToken, const QString &currentPassword,
                                  const QString &newPassword, QObject *context, Callback done)
{
    const QJsonObject body{{QStringLiteral("currentPassword"), currentPassword},
                           {QStringLiteral("newPassword"), newPassword}};
    return send("POST", QStringLiteral("me/password"), &body, accessToken, context, std::move(done));
}

} // namespace medora
