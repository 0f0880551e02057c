#include "admin/StaffClient.h"

#include "domain/PhoneNumber.h"
#include "session/SessionManager.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

namespace medora {

namespace {

bool readText(const QJsonObject &json, const char *key, QString *out, bool nullable = false)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (nullable && (value.isNull() || value.isUndefined())) {
        out->clear();
        return true;
    }
    if (!value.isString())
        return false;
    *out = value.toString();
    return true;
}

bool readBool(const QJsonObject &json, const char *key, bool *out)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (!value.isBool())
        return false;
    *out = value.toBool();
    return true;
}

bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}

} // namespace

std::optional<StaffAccount> StaffAccount::fromJson(const QJsonObject &json)
{
    StaffAccount account;
    if (!readText(json, "id", &account.id) || account.id.isEmpty() ||
        !readText(json, "login", &account.login) || account.login.isEmpty() ||
        !readText(json, "fullName", &account.fullName) || !readText(json, "role", &account.role) ||
        !StaffClient::roles().contains(account.role) || !readText(json, "phone", &account.phone, true) ||
        !readBool(json, "disabled", &account.disabled) ||
        !readBool(json, "mustChangePassword", &account.mustChangePassword))
        return std::nullopt;
    return account;
}

StaffClient::StaffClient(SessionManager &session, QObject *parent) : QObject(parent), m_session(session) {}

QStringList StaffClient::roles()
{
    return {QStringLiteral("clinic_admin"), QStringLiteral("doctor"), QStringLiteral("receptionist")};
}

FieldErrors StaffClient::validate(const NewStaffMember &member)
{
    FieldErrors errors;
    static const QRegularExpression loginPattern(QStringLiteral("^[a-z0-9._-]{3,32}$"));
    const QString login = member.login.trimmed().toLower();
    if (login.isEmpty())
        errors.append({QStringLiteral("login"), tr("Enter a login.")});
    else if (!loginPattern.match(login).hasMatch())
        errors.append(
            {QStringLiteral("login"),
             tr("The login must be 3 to 32 characters: Latin letters a-z, digits, '.', '_' or '-'.")});
    // In the order of the form: login, full name, role, phone.
    const FieldErrors details = validateDetails(member.fullName, member.phone);
    const auto take = [&](const QString &field) {
        for (const FieldError &error : details) {
            if (error.field == field)
                errors.append(error);
        }
    };
    take(QStringLiteral("fullName"));
    if (!roles().contains(member.role))
        errors.append({QStringLiteral("role"), tr("Choose a role.")});
    take(QStringLiteral("phone"));
    return errors;
}

FieldErrors StaffClient::validateDetails(const QString &fullName, const QString &phone)
{
    FieldErrors errors;
    const QString name = fullName.trimmed();
    if (name.isEmpty())
        errors.append({QStringLiteral("fullName"), tr("Enter the full name.")});
    else if (name.toUcs4().size() > kMaxFullNameLength)
        errors.append(
            {QStringLiteral("fullName"), tr("At most %n characters.", nullptr, kMaxFullNameLength)});
    else if (hasControlCharacters(name))
        errors.append({QStringLiteral("fullName"), tr("Only letters, digits and punctuation, on one line.")});
    if (!phone.trimmed().isEmpty() && !PhoneNumber::isValid(phone))
        errors.append(
            {QStringLiteral("phone"), tr("Enter an Uzbek number such as +998 90 123 45 67, or nothing.")});
    return errors;
}

bool StaffClient::canSend() const
{
    return m_session.isSignedIn();
}

ApiError StaffClient::malformed(const QString &what)
{
    return ApiError::make(ApiError::Kind::BadResponse, ApiError::badResponseCode(), what);
}

QString StaffClient::itemPath(const QString &id, const QString &suffix)
{
    // The id came from an answer; encoded, a broken one can only miss, never reach another route.
    QString path = QStringLiteral("staff/") + QString::fromLatin1(QUrl::toPercentEncoding(id));
    if (!suffix.isEmpty())
        path += QLatin1Char('/') + suffix;
    return path;
}

void StaffClient::fail(Operation operation, const ApiError &error)
{
    emit failed(operation, error);
}

void StaffClient::failLater(Operation operation, const ApiError &error)
{
    // Reported from the event loop, like every answer of the server.
    ++m_pending;
    QTimer::singleShot(0, this, [this, operation, error] {
        --m_pending;
        fail(operation, error);
    });
}

void StaffClient::send(Operation operation, const QByteArray &method, const QString &path,
                       const QJsonObject *body, const QUrlQuery &query, Handler handler)
{
    if (!canSend()) {
        failLater(operation, ApiError::make(ApiError::Kind::Offline, ApiError::offlineCode(),
                                            QStringLiteral("staff are managed on the server only")));
        return;
    }
    ++m_pending;
    ApiClient::RequestOptions options;
    options.query = query;
    m_session.authorizedSend(method, path, body, options, this,
                             [this, operation, handler](const ApiClient::Response &response) {
                                 --m_pending;
                                 if (!response.ok()) {
                                     fail(operation, response.error);
                                     return;
                                 }
                                 handler(response.json, response.httpStatus);
                             });
}

void StaffClient::list()
{
    listFrom(0, {});
}

void StaffClient::listFrom(int offset, QList<StaffAccount> accounts)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(kPageSize));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    send(Operation::List, "GET", QStringLiteral("staff"), nullptr, query,
         [this, offset, accounts](const QJsonObject &json, int) mutable {
             const QJsonValue items = json.value(QLatin1String("items"));
             const QJsonValue total = json.value(QLatin1String("total"));
             if (!items.isArray() || !total.isDouble() || total.toDouble() < 0) {
                 fail(Operation::List, malformed(QStringLiteral("staff list without items or total")));
                 return;
             }
             const QJsonArray array = items.toArray();
             for (const QJsonValue &item : array) {
                 const std::optional<StaffAccount> account = StaffAccount::fromJson(item.toObject());
                 if (!item.isObject() || !account) {
                     fail(Operation::List, malformed(QStringLiteral("malformed staff member")));
                     return;
                 }
                 accounts.append(*account);
             }
             const qint64 expected = qint64(total.toDouble());
             // An empty page ends the walk, so a total that keeps growing cannot loop forever.
             if (accounts.size() < expected && !array.isEmpty() && offset + array.size() < 100000) {
                 listFrom(offset + int(array.size()), accounts);
                 return;
             }
             emit listed(accounts);
         });
}

void StaffClient::create(const NewStaffMember &member)
{
    const FieldErrors errors = validate(member);
    if (!errors.isEmpty()) {
        ApiError error =
            ApiError::make(ApiError::Kind::Server, QStringLiteral("invalid_value"), errors.first().message);
        error.field = errors.first().field;
        failLater(Operation::Create, error);
        return;
    }
    QJsonObject body{{QStringLiteral("login"), member.login.trimmed().toLower()},
                     {QStringLiteral("fullName"), member.fullName.trimmed()},
                     {QStringLiteral("role"), member.role}};
    if (!member.phone.trimmed().isEmpty())
        body.insert(QStringLiteral("phone"), PhoneNumber::toE164(member.phone));
    send(Operation::Create, "POST", QStringLiteral("staff"), &body, {}, [this](const QJsonObject &json, int) {
        const std::optional<StaffAccount> account =
            StaffAccount::fromJson(json.value(QLatin1String("user")).toObject());
        const QJsonValue password = json.value(QLatin1String("oneTimePassword"));
        if (!account || !password.isString() || password.toString().isEmpty()) {
            fail(Operation::Create, malformed(QStringLiteral("created staff member unreadable")));
            return;
        }
        emit created(*account, password.toString());
    });
}

void StaffClient::patch(const QString &id, const QJsonObject &body)
{
    send(Operation::Update, "PATCH", itemPath(id), &body, {}, [this](const QJsonObject &json, int) {
        const std::optional<StaffAccount> account =
            StaffAccount::fromJson(json.value(QLatin1String("user")).toObject());
        if (!account) {
            fail(Operation::Update, malformed(QStringLiteral("updated staff member unreadable")));
            return;
        }
        emit updated(*account);
    });
}

void StaffClient::setRole(const QString &id, const QString &role)
{
    if (!roles().contains(role)) {
        ApiError error =
            ApiError::make(ApiError::Kind::Server, QStringLiteral("invalid_value"), QStringLiteral("role"));
        error.field = QStringLiteral("role");
        failLater(Operation::Update, error);
        return;
    }
    patch(id, QJsonObject{{QStringLiteral("role"), role}});
}

void StaffClient::setDisabled(const QString &id, bool disabled)
{
    patch(id, QJsonObject{{QStringLiteral("disabled"), disabled}});
}

void StaffClient::setDetails(const QString &id, const QString &fullName, const QString &phone)
{
    const FieldErrors errors = validateDetails(fullName, phone);
    if (!errors.isEmpty()) {
        ApiError error = ApiError::make(ApiError::Kind::Server,
                                        errors.first().field == QLatin1String("phone")
                                            ? QStringLiteral("invalid_phone")
                                            : QStringLiteral("invalid_full_name"),
                                        errors.first().message);
        error.field = errors.first().field;
        failLater(Operation::Update, error);
        return;
    }
    // "phone": "" removes the number (docs/api.md).
    patch(id, QJsonObject{{QStringLiteral("fullName"), fullName.trimmed()},
                          {QStringLiteral("phone"),
                           phone.trimmed().isEmpty() ? QString() : PhoneNumber::toE164(phone)}});
}

void StaffClient::resetPassword(const QString &id)
{
    send(Operation::ResetPassword, "POST", itemPath(id, QStringLiteral("reset-password")), nullptr, {},
         [this, id](const QJsonObject &json, int) {
             const QJsonValue password = json.value(QLatin1String("oneTimePassword"));
             if (!password.isString() || password.toString().isEmpty()) {
                 fail(Operation::ResetPassword,
                      malformed(QStringLiteral("no one-time password in the answer")));
                 return;
             }
             emit passwordReset(id, password.toString());
         });
}

void StaffClient::revokeSessions(const QString &id)
{
    send(Operation::RevokeSessions, "POST", itemPath(id, QStringLiteral("revoke-sessions")), nullptr, {},
         [this, id](const QJsonObject &, int status) {
             if (status != 204) {
                 fail(Operation::RevokeSessions, malformed(QStringLiteral("revoke answered without 204")));
                 return;
             }
             emit sessionsRevoked(id);
         });
}

} // namespace medora
