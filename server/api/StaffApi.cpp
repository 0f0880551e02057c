#include "api/StaffApi.h"

#include "api/ApiError.h"
#include "api/JsonBodyDecoder.h"
#include "api/PasswordWorkPool.h"
#include "api/QueryParameters.h"
#include "api/UserJson.h"
#include "auth/AccountService.h"

#include <QJsonArray>
#include <QUuid>

namespace medora::server {

namespace {

constexpr int loginMax = 64;
constexpr int fullNameMax = 200;
constexpr int phoneMax = 32;

std::optional<Role> decodeRole(JsonBodyDecoder &json, bool required)
{
    const std::optional<QString> name =
        required ? std::optional<QString>(json.requiredString(QStringLiteral("role"), 32))
                 : json.optionalString(QStringLiteral("role"), 32);
    if (!name || !json.ok())
        return std::nullopt;
    const std::optional<Role> role = roleFromName(*name);
    if (!role)
        return std::nullopt;
    return role;
}

ServiceError invalidRole()
{
    return ServiceError::badInput(QStringLiteral("invalid_value"), QStringLiteral("role"),
                                  QStringLiteral("The role must be clinic_admin, doctor or receptionist."));
}

// Path ids are UUIDs in canonical form; anything else names nothing that exists (empty).
QString pathId(const HttpRequest &request)
{
    const QString id = request.pathParams.value(QStringLiteral("id"));
    const QUuid uuid = QUuid::fromString(id);
    if (id.size() != 36 || uuid.isNull())
        return {};
    return uuid.toString(QUuid::WithoutBraces);
}

} // namespace

Outcome<StaffApi::ListQuery> StaffApi::decodeListQuery(const QUrlQuery &query)
{
    QueryParameters parameters(query, {QStringLiteral("limit"), QStringLiteral("offset")});
    ListQuery list;
    list.limit = parameters.integer(QStringLiteral("limit"), defaultPageSize, 1, maxPageSize);
    list.offset = parameters.integer(QStringLiteral("offset"), 0, 0, 1000000);
    if (!parameters.ok())
        return parameters.error();
    return list;
}

Outcome<NewStaff> StaffApi::decodeCreate(const QByteArray &body)
{
    JsonBodyDecoder json(body, {QStringLiteral("login"), QStringLiteral("fullName"), QStringLiteral("role"),
                                QStringLiteral("phone")});
    NewStaff staff;
    staff.login = json.requiredString(QStringLiteral("login"), loginMax).trimmed();
    staff.fullName = json.requiredString(QStringLiteral("fullName"), fullNameMax).trimmed();
    const std::optional<Role> role = decodeRole(json, true);
    staff.phone = json.optionalString(QStringLiteral("phone"), phoneMax).value_or(QString()).trimmed();
    if (!json.ok())
        return json.error();
    if (!role)
        return invalidRole();
    staff.role = *role;
    return staff;
}

Outcome<StaffChanges> StaffApi::decodePatch(const QByteArray &body)
{
    JsonBodyDecoder json(body, {QStringLiteral("role"), QStringLiteral("disabled"),
                                QStringLiteral("fullName"), QStringLiteral("phone")});
    StaffChanges changes;
    const bool roleGiven = json.has(QStringLiteral("role"));
    changes.role = decodeRole(json, false);
    changes.disabled = json.optionalBool(QStringLiteral("disabled"));
    if (const std::optional<QString> fullName = json.optionalString(QStringLiteral("fullName"), fullNameMax))
        changes.fullName = fullName->trimmed();
    // "phone": "" (or null) removes the number.
    if (json.object().contains(QStringLiteral("phone")))
        changes.phone = json.optionalString(QStringLiteral("phone"), phoneMax).value_or(QString()).trimmed();
    if (!json.ok())
        return json.error();
    if (roleGiven && !changes.role)
        return invalidRole();
    if (!changes.role && !changes.disabled && !changes.fullName && !changes.phone)
        return ServiceError::badInput(QStringLiteral("no_changes"), QString(),
                                      QStringLiteral("The request body names nothing to change."));
    return changes;
}

StaffApi::StaffApi(AccountService &accounts, PasswordWorkPool &passwordPool)
    : m_accounts(accounts), m_passwordPool(passwordPool)
{}

QString StaffApi::clinicName(const Actor &actor) const
{
    const Outcome<Clinic> clinic = m_accounts.clinic(actor.clinicId);
    return clinic.ok() ? clinic.value().name : QString();
}

HttpReply StaffApi::list(const HttpRequest &request, const Actor &actor)
{
    const Outcome<ListQuery> query = decodeListQuery(request.query);
    if (!query.ok())
        return ApiError::response(query.error());
    int total = 0;
    const Outcome<QList<StaffAccount>> accounts =
        m_accounts.listStaff(actor, actor.clinicId, query.value().limit, query.value().offset, &total);
    if (!accounts.ok())
        return ApiError::response(accounts.error());
    const QString name = clinicName(actor);
    QJsonArray items;
    for (const StaffAccount &account : accounts.value())
        items.append(UserJson::toJson(account, name));
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("total"), total}});
}

HttpReply StaffApi::create(const HttpRequest &request, const Actor &actor)
{
    const Outcome<NewStaff> staff = decodeCreate(request.body);
    if (!staff.ok())
        return ApiError::response(staff.error());
    const NewStaff newStaff = staff.value();
    // Hashing the one-time password is Argon2 work: the bounded pool, like sign-in.
    return m_passwordPool.submit([this, actor, newStaff]() {
        const Outcome<CreatedStaff> created = m_accounts.createStaff(actor, actor.clinicId, newStaff);
        if (!created.ok())
            return ApiError::response(created.error());
        return HttpResponse::json(
            201, QJsonObject{
                     {QStringLiteral("user"), UserJson::toJson(created.value().account, clinicName(actor))},
                     {QStringLiteral("oneTimePassword"), created.value().oneTimePassword}});
    });
}

HttpReply StaffApi::get(const HttpRequest &request, const Actor &actor)
{
    const QString id = pathId(request);
    if (id.isEmpty())
        return ApiError::notFound();
    const Outcome<StaffAccount> account = m_accounts.staff(actor, actor.clinicId, id);
    if (!account.ok())
        return ApiError::response(account.error());
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("user"), UserJson::toJson(account.value(), clinicName(actor))}});
}

HttpReply StaffApi::update(const HttpRequest &request, const Actor &actor)
{
    const QString id = pathId(request);
    if (id.isEmpty())
        return ApiError::notFound();
    const Outcome<StaffChanges> changes = decodePatch(request.body);
    if (!changes.ok())
        return ApiError::response(changes.error());
    const Outcome<StaffAccount> account = m_accounts.updateStaff(actor, actor.clinicId, id, changes.value());
    if (!account.ok())
        return ApiError::response(account.error());
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("user"), UserJson::toJson(account.value(), clinicName(actor))}});
}

HttpReply StaffApi::resetPassword(const HttpRequest &request, const Actor &actor)
{
    const QString id = pathId(request);
    if (id.isEmpty())
        return ApiError::notFound();
    return m_passwordPool.submit([this, actor, id]() {
        const Outcome<QString> password = m_accounts.resetPassword(actor, actor.clinicId, id);
        if (!password.ok())
            return ApiError::response(password.error());
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("oneTimePassword"), password.value()}});
    });
}

HttpReply StaffApi::revokeSessions(const HttpRequest &request, const Actor &actor)
{
    const QString id = pathId(request);
    if (id.isEmpty())
        return ApiError::notFound();
    const Outcome<Done> done = m_accounts.revokeSessions(actor, actor.clinicId, id);
    if (!done.ok())
        return ApiError::response(done.error());
    return HttpResponse::noContent();
}

} // namespace medora::server
