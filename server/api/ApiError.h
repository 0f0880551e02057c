#pragma once

#include "http/HttpResponse.h"
#include "store/ServiceError.h"

#include <QString>

namespace medora::server {

// Turns a ServiceError into the API's JSON error response
// {"error":{"code","message","field"?}} with the matching status and, for 429/503,
// Retry-After. Internal errors never carry the service's message: only a generic text.
class ApiError
{
public:
    static int statusFor(ServiceError::Kind kind);
    static HttpResponse response(const ServiceError &error);
    static HttpResponse response(int status, const QString &code, const QString &message,
                                 const QString &field = QString(), int retryAfterSeconds = 0);

    static HttpResponse notFound();
    static HttpResponse methodNotAllowed(const QList<QByteArray> &allowedMethods);
    static HttpResponse unauthorized(const QString &code, const QString &message);
    static HttpResponse forbidden();
    static HttpResponse rateLimited(int retryAfterSeconds);
    static HttpResponse busy(int retryAfterSeconds);
    static HttpResponse internal();
};

} // namespace medora::server
