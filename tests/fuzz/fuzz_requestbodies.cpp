// libFuzzer target over every request decoder the API runs on untrusted input: the JSON body
// decoder itself, each route's body decoder (login, refresh, password change, staff create
// and patch), the list query parsers (staff, audit) and the Host header parser. Any crash,
// sanitizer report, leak or broken invariant (checked below with abort()) is a finding.
#include "api/AuditApi.h"
#include "api/AuthApi.h"
#include "api/JsonBodyDecoder.h"
#include "api/RequestGuard.h"
#include "api/StaffApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <cstdint>
#include <cstdlib>

using namespace medora::server;

namespace {

int depthOf(const QJsonValue &value)
{
    int deepest = 0;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            deepest = std::max(deepest, depthOf(it.value()));
        return deepest + 1;
    }
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            deepest = std::max(deepest, depthOf(item));
        return deepest + 1;
    }
    return 0;
}

void require(bool condition)
{
    if (!condition)
        abort();
}

// A failed decode must always say why, with a stable code and a 400.
template <typename T> void checkOutcome(const Outcome<T> &outcome)
{
    if (!outcome.ok()) {
        require(outcome.error().kind == ServiceError::Kind::BadInput);
        require(!outcome.error().code.isEmpty());
        require(!outcome.error().message.isEmpty());
        require(outcome.error().field.size() <= 64);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));

    JsonBodyDecoder json(body, {QStringLiteral("a"), QStringLiteral("login"), QStringLiteral("flag")});
    if (json.ok()) {
        require(depthOf(json.object()) <= JsonBodyDecoder::maxDepth);
        for (auto it = json.object().begin(); it != json.object().end(); ++it)
            require(it.key() == QLatin1String("a") || it.key() == QLatin1String("login") ||
                    it.key() == QLatin1String("flag"));
        const QString login = json.requiredString(QStringLiteral("login"), 64);
        require(login.size() <= 64);
        json.optionalBool(QStringLiteral("flag"));
        json.optionalString(QStringLiteral("a"), 8);
    } else {
        require(json.error().kind == ServiceError::Kind::BadInput);
    }

    const auto login = AuthApi::decodeLogin(body);
    checkOutcome(login);
    if (login.ok())
        require(!login.value().login.isEmpty() || !login.value().password.isEmpty());
    checkOutcome(AuthApi::decodeRefresh(body));
    checkOutcome(AuthApi::decodePasswordChange(body));
    checkOutcome(StaffApi::decodeCreate(body));
    const auto patch = StaffApi::decodePatch(body);
    checkOutcome(patch);
    if (patch.ok())
        require(patch.value().role || patch.value().disabled || patch.value().fullName ||
                patch.value().phone);

    const QUrlQuery query(QString::fromUtf8(body));
    const auto staffList = StaffApi::decodeListQuery(query);
    checkOutcome(staffList);
    if (staffList.ok())
        require(staffList.value().limit >= 1 && staffList.value().limit <= StaffApi::maxPageSize &&
                staffList.value().offset >= 0);
    const auto audit = AuditApi::decodeQuery(query);
    checkOutcome(audit);
    if (audit.ok())
        require(audit.value().limit >= 1 && audit.value().limit <= AuditApi::maxPageSize &&
                audit.value().beforeSequence >= 0);

    const QString host = RequestGuard::hostWithoutPort(body);
    require(host == host.toLower());
    return 0;
}
