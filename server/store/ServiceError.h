#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace medora::server {

// Why a service call failed, in terms the API turns into an HTTP status and a JSON error
// ({"error":{"code","message","field"}}). Messages are English, for operators and clients'
// logs; the client shows its own translated text keyed by `code`.
struct ServiceError
{
    enum class Kind
    {
        BadInput,     // 400 (422 not used): `field` names the offending field
        Unauthorized, // 401: bad credentials / token
        Forbidden,    // 403: role or clinic not allowed
        NotFound,     // 404 (also used for another clinic's object: nothing leaks)
        Conflict,     // 409: e.g. login name taken
        Throttled,    // 429 with retryAfterSeconds
        Busy,         // 503 with retryAfterSeconds (bounded work queue full)
        Internal      // 500: nothing internal in the message
    };
    Kind kind = Kind::Internal;
    QString code; // stable, snake_case: "invalid_credentials", "weak_password", ...
    QString message;
    QString field; // JSON field name, empty when not about one field
    int retryAfterSeconds = 0;

    static ServiceError badInput(const QString &code, const QString &field, const QString &message)
    {
        return {Kind::BadInput, code, message, field, 0};
    }
    static ServiceError make(Kind kind, const QString &code, const QString &message)
    {
        return {kind, code, message, QString(), 0};
    }
};

// A value or the reason there is none.
template <typename T> class Outcome
{
public:
    Outcome(T value) : m_value(std::move(value)) {}            // NOLINT: implicit on purpose
    Outcome(ServiceError error) : m_error(std::move(error)) {} // NOLINT
    bool ok() const { return m_value.has_value(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const ServiceError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    ServiceError m_error;
};

// For calls that return nothing on success.
struct Done
{};

} // namespace medora::server
