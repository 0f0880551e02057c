#include "api/ReplyReader.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QNetworkReply>

#include <algorithm>

namespace medora {

namespace {

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

namespace ReplyReader {

void checkDeclaredLength(QNetworkReply *reply, ReplyTransfer &transfer)
{
    const qint64 declared = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (declared > transfer.maxResponseBytes) {
        transfer.tooLarge = true;
        reply->abort();
    }
}

void readAvailable(QNetworkReply *reply, ReplyTransfer &transfer)
{
    if (transfer.tooLarge || !reply->isOpen())
        return;
    transfer.body += reply->read(transfer.maxResponseBytes + 1 - transfer.body.size());
    if (transfer.body.size() > transfer.maxResponseBytes) {
        transfer.tooLarge = true;
        transfer.body.clear();
        reply->abort();
    }
}

ApiClient::Response response(QNetworkReply *reply, const ReplyTransfer &pending)
{
    ApiClient::Response response;
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

} // namespace ReplyReader

} // namespace medora
