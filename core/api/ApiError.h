#pragma once

#include <QString>

namespace medora {

// Why a call to medora-server did not succeed: either the server's JSON error
// {"error":{"code","message","field"}} with its HTTP status, or a failure on the way there.
// `code` is always set when failed: the server's snake_case code, or one of the client's
// own codes below for failures that never reached a server answer. The UI translates by code;
// `message` is technical English detail for logs and support, never shown as the explanation.
struct ApiError
{
    enum class Kind
    {
        None,        // success
        Server,      // the server answered with an error status
        Offline,     // no connection: refused, host not found, network down
        Timeout,     // no complete answer within the transfer timeout
        Tls,         // certificate not trusted, handshake failed
        InsecureUrl, // http:// without the development switch
        InvalidUrl,  // the server address is not a usable URL
        TooLarge,    // the answer exceeded the response size limit
        BadResponse, // the answer was not the JSON the contract promises
        Cancelled,   // the caller gave up (sign-in cancelled, client destroyed)
        NotSignedIn, // a call that needs a session was made without one
    };

    // Client-side codes, in the same snake_case style as the server's.
    static QString offlineCode() { return QStringLiteral("network_offline"); }
    static QString timeoutCode() { return QStringLiteral("network_timeout"); }
    static QString tlsCode() { return QStringLiteral("tls_failure"); }
    static QString insecureUrlCode() { return QStringLiteral("insecure_url"); }
    static QString invalidUrlCode() { return QStringLiteral("invalid_url"); }
    static QString tooLargeCode() { return QStringLiteral("response_too_large"); }
    static QString badResponseCode() { return QStringLiteral("invalid_response"); }
    static QString cancelledCode() { return QStringLiteral("cancelled"); }
    static QString notSignedInCode() { return QStringLiteral("not_signed_in"); }

    static ApiError make(Kind kind, const QString &code, const QString &message)
    {
        ApiError error;
        error.kind = kind;
        error.code = code;
        error.message = message;
        return error;
    }

    bool ok() const { return kind == Kind::None; }
    // Not a verdict of the server: trying again later may succeed.
    bool isNetworkFailure() const { return kind == Kind::Offline || kind == Kind::Timeout; }

    Kind kind = Kind::None;
    QString code;
    QString message;
    QString field;
    int httpStatus = 0;         // 0 when no HTTP answer arrived
    int retryAfterSeconds = -1; // from Retry-After; -1 when absent
};

} // namespace medora
