#include "api/ApiError.h"

#include <QJsonObject>

namespace medora::server {

int ApiError::statusFor(ServiceError::Kind kind)
{
    switch (kind) {
    case ServiceError::Kind::BadInput:
        return 400;
    case ServiceError::Kind::Unauthorized:
        return 401;
    case ServiceError::Kind::Forbidden:
        return 403;
    case ServiceError::Kind::NotFound:
        return 404;
    case ServiceError::Kind::Conflict:
        return 409;
    case ServiceError::Kind::Throttled:
        return 429;
    case ServiceError::Kind::Busy:
        return 503;
    case ServiceError::Kind::Internal:
        return 500;
    }
    return 500;
}

HttpResponse ApiError::response(const ServiceError &error)
{
    if (error.kind == ServiceError::Kind::Internal || error.code.isEmpty())
        return internal();
    int retryAfter = error.retryAfterSeconds;
    if ((error.kind == ServiceError::Kind::Throttled || error.kind == ServiceError::Kind::Busy) &&
        retryAfter < 1)
        retryAfter = 1;
    return response(statusFor(error.kind), error.code, error.message, error.field, retryAfter);
}

HttpResponse ApiError::response(int status, const QString &code, const QString &message, const QString &field,
                                int retryAfterSeconds)
{
    QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        error.insert(QStringLiteral("field"), field);
    HttpResponse r = HttpResponse::json(status, QJsonObject{{QStringLiteral("error"), error}});
    if (retryAfterSeconds > 0)
        r.setHeader("Retry-After", QByteArray::number(retryAfterSeconds));
    return r;
}

HttpResponse ApiError::notFound()
{
    return response(404, QStringLiteral("not_found"), QStringLiteral("No such resource."));
}

HttpResponse ApiError::methodNotAllowed(const QList<QByteArray> &allowedMethods)
{
    HttpResponse r = response(405, QStringLiteral("method_not_allowed"),
                              QStringLiteral("This method is not allowed on this resource."));
    r.setHeader("Allow", allowedMethods.join(", "));
    return r;
}

HttpResponse ApiError::unauthorized(const QString &code, const QString &message)
{
    HttpResponse r = response(401, code, message);
    r.setHeader("WWW-Authenticate", "Bearer");
    return r;
}

HttpResponse ApiError::forbidden()
{
    return response(403, QStringLiteral("forbidden"), QStringLiteral("Your role may not do this."));
}

HttpResponse ApiError::rateLimited(int retryAfterSeconds)
{
    return response(429, QStringLiteral("rate_limited"),
                    QStringLiteral("Too many requests; try again later."), QString(),
                    qMax(1, retryAfterSeconds));
}

HttpResponse ApiError::busy(int retryAfterSeconds)
{
    return response(503, QStringLiteral("busy"), QStringLiteral("The server is busy; try again shortly."),
                    QString(), qMax(1, retryAfterSeconds));
}

HttpResponse ApiError::internal()
{
    return response(500, QStringLiteral("internal_error"),
                    QStringLiteral("The server could not complete this request."));
}

} // namespace medora::server
