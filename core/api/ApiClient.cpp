#include "api/ApiClient.h"

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

QDateTime httpDate(const QByteArray &value)
{
    // RFC 9110 IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
    const QString text = QString::fromLatin1(value).trimmed();
    QDateTime time = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!time.isValid())
        return QDateTime();
    time.setTimeSpec(Qt::UTC);
    return time;
}

int retryAfterSeconds(const QByteArray &value, const QDateTime &serverTime)
{
    if (value.isEmpty())
        return -1;
    bool isNumber = false;
    const int seconds = value.trimmed().toInt(&isNumber);
    if (isNumber)
        return seconds >= 0 ? seconds : -1;
    const QDateTime at = httpDate(value);
    if (!at.isValid())
        return -1;
    const QDateTime now = serverTime.isValid() ? serverTime : QDateTime::currentDateTimeUtc();
    return static_cast<int>(std::max<qint64>(0, now.secsTo(at)));
}

ApiError::Kind kindOfNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // setTransferTimeout() aborts this way
        return ApiError::Kind::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return ApiError::Kind::Tls;
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::UnknownContentError:
        return ApiError::Kind::BadResponse;
    default:
        return ApiError::Kind::Offline;
    }
}

QString codeFor(ApiError::Kind kind)
{
    switch (kind) {
    case ApiError::Kind::Offline:
        return ApiError::offlineCode();
    case ApiError::Kind::Timeout:
        return ApiError::timeoutCode();
    case ApiError::Kind::Tls:
        return ApiError::tlsCode();
    case ApiError::Kind::InsecureUrl:
        return ApiError::insecureUrlCode();
    case ApiError::Kind::InvalidUrl:
        return ApiError::invalidUrlCode();
    case ApiError::Kind::TooLarge:
        return ApiError::tooLargeCode();
    case ApiError::Kind::BadResponse:
        return ApiError::badResponseCode();
    case ApiError::Kind::Cancelled:
        return ApiError::cancelledCode();
    case ApiError::Kind::NotSignedIn:
        return ApiError::notSignedInCode();
    case ApiError::Kind::Server:
    case ApiError::Kind::None:
        break;
    }
    return QString();
}

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
    std::map<quint64, Pending> pending;
    pending.swap(m_pending);
    for (auto &entry : pending) {
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
    return true;
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

    QNetworkReply *reply = body || method != "GET" ? m_network->sendCustomRequest(request, method, payload)
                                                   : m_network->get(request);
    Pending &pending = m_pending[id];
    pending.reply = reply;
    pending.maxResponseBytes = options.maxResponseBytes > 0 ? options.maxResponseBytes : m_maxResponseBytes;
    pending.rawBody = options.rawBody;
    pending.context = context;
    pending.hasContext = context != nullptr;
    pending.done = std::move(done);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, id] {
        auto it = m_pending.find(id);
        if (it == m_pending.end())
            return;
        // A declared length over the limit is refused before a byte of the body is read.
        const qint64 declared = it->second.reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (declared > it->second.maxResponseBytes) {
            it->second.tooLarge = true;
            it->second.reply->abort();
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, id] { onReadyRead(id); });
    connect(reply, &QNetworkReply::sslErrors, this, [this, id](const QList<QSslError> &errors) {
        auto it = m_pending.find(id);
        if (it != m_pending.end())
            it->second.sslErrors += errors;
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
    it->second.cancelled = true;
    it->second.reply->abort();
}

void ApiClient::onReadyRead(quint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end() || it->second.tooLarge || !it->second.reply->isOpen())
        return;
    Pending &pending = it->second;
    pending.body += pending.reply->read(pending.maxResponseBytes + 1 - pending.body.size());
    if (pending.body.size() > pending.maxResponseBytes) {
        pending.tooLarge = true;
        pending.body.clear();
        pending.reply->abort();
    }
}

void ApiClient::onFinished(quint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    onReadyRead(id); // whatever arrived with the last chunk
    Pending pending = std::move(it->second);
    m_pending.erase(it);
    pending.reply->deleteLater();
    if (pending.hasContext && !pending.context)
        return; // whoever asked is gone
    if (pending.done)
        pending.done(responseFor(pending));
}

ApiClient::Response ApiClient::responseFor(const Pending &pending) const
{
    Response response;
    QNetworkReply *reply = pending.reply;
    response.serverTime = httpDate(reply->rawHeader("Date"));
    response.headers = reply->rawHeaderPairs();
    const auto fail = [&response](ApiError::Kind kind, const QString &message) {
        response.error = ApiError::make(kind, codeFor(kind), message);
        return response;
    };
    if (pending.cancelled)
        return fail(ApiError::Kind::Cancelled, QStringLiteral("cancelled"));
    if (pending.tooLarge)
        return fail(ApiError::Kind::TooLarge,
                    QStringLiteral("the answer exceeds %1 bytes").arg(pending.maxResponseBytes));

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid() || (reply->error() != QNetworkReply::NoError && status.toInt() == 0)) {
        QString detail = reply->errorString();
        if (!pending.sslErrors.isEmpty()) {
            QStringList texts;
            for (const QSslError &sslError : pending.sslErrors)
                texts << sslError.errorString();
            detail = texts.join(QStringLiteral("; "));
            return fail(ApiError::Kind::Tls, detail);
        }
        return fail(kindOfNetworkError(reply->error()), detail);
    }

    response.httpStatus = status.toInt();
    if (pending.rawBody && response.httpStatus >= 200 && response.httpStatus < 300) {
        response.body = pending.body;
        return response;
    }
    QJsonParseError parseError;
    const QJsonDocument document =
        pending.body.isEmpty() ? QJsonDocument() : QJsonDocument::fromJson(pending.body, &parseError);
    const bool isObject =
        !pending.body.isEmpty() && parseError.error == QJsonParseError::NoError && document.isObject();
    if (response.httpStatus >= 200 && response.httpStatus < 300) {
        if (!pending.body.isEmpty() && !isObject)
            return fail(ApiError::Kind::BadResponse,
                        QStringLiteral("HTTP %1 without a JSON object body").arg(response.httpStatus));
        if (isObject)
            response.json = document.object();
        return response;
    }

    ApiError error;
    error.kind = ApiError::Kind::Server;
    error.httpStatus = response.httpStatus;
    error.retryAfterSeconds = retryAfterSeconds(reply->rawHeader("Retry-After"), response.serverTime);
    const QJsonObject body =
        isObject ? document.object().value(QLatin1String("error")).toObject() : QJsonObject();
    const QJsonValue code = body.value(QLatin1String("code"));
    if (code.isString() && !code.toString().isEmpty()) {
        error.code = code.toString();
        error.message = body.value(QLatin1String("message")).toString();
        error.field = body.value(QLatin1String("field")).toString();
    } else {
        // Not our server's error format (a proxy's page, a redirect): keep the status only.
        error.code = QStringLiteral("http_%1").arg(response.httpStatus);
        error.message = QStringLiteral("HTTP %1 %2")
                            .arg(response.httpStatus)
                            .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
    }
    response.error = error;
    return response;
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
