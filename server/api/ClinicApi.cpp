#include "api/ClinicApi.h"

#include "api/ApiError.h"
#include "api/JsonBodyDecoder.h"

#include <QJsonArray>

namespace medora::server {

namespace {

// The base64 text of the largest logo allowed, plus a little room.
constexpr qsizetype kMaxLogoBase64Bytes = (ClinicService::kMaxLogoBytes + 2) / 3 * 4 + 1024;

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

ClinicApi::ClinicApi(ServerDatabase &database, AuditLog &audit) : m_clinics(database, audit) {}

Outcome<ClinicLetterhead> ClinicApi::decodeLetterhead(const QByteArray &body)
{
    JsonBodyDecoder json(body,
                         {QStringLiteral("address"), QStringLiteral("phone"), QStringLiteral("footer"),
                          QStringLiteral("logo")},
                         // Only "logo" may be long (its bound below names the field); the texts
                         // keep their own bounds.
                         kLetterheadMaxBodyBytes);
    ClinicLetterhead head;
    head.address =
        json.optionalString(QStringLiteral("address"), ClinicService::kMaxAddressLength).value_or(QString());
    head.phone =
        json.optionalString(QStringLiteral("phone"), ClinicService::kMaxPhoneLength).value_or(QString());
    head.footer =
        json.optionalString(QStringLiteral("footer"), ClinicService::kMaxFooterLength).value_or(QString());
    const std::optional<QString> logo = json.optionalString(QStringLiteral("logo"), int(kMaxLogoBase64Bytes));
    if (!json.ok()) {
        ServiceError error = json.error();
        // A logo whose base64 alone is over the bound is too large, not merely "too long".
        if (error.field == QLatin1String("logo") && error.code == QLatin1String("too_long"))
            error.code = QStringLiteral("logo_too_large");
        return error;
    }
    if (logo && !logo->isEmpty()) {
        const QByteArray::FromBase64Result decoded =
            QByteArray::fromBase64Encoding(logo->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty())
            return ServiceError::badInput(QStringLiteral("invalid_logo"), QStringLiteral("logo"),
                                          QStringLiteral("The logo must be a PNG image in base64."));
        head.logoPng = decoded.decoded;
    }
    return head;
}

QJsonObject ClinicApi::letterheadJson(const ClinicLetterhead &letterhead)
{
    QJsonObject json{{QStringLiteral("address"), letterhead.address},
                     {QStringLiteral("phone"), letterhead.phone},
                     {QStringLiteral("footer"), letterhead.footer},
                     {QStringLiteral("updatedAt"), letterhead.updatedAt.isValid()
                                                       ? QJsonValue(isoTime(letterhead.updatedAt))
                                                       : QJsonValue(QJsonValue::Null)}};
    if (!letterhead.logoPng.isEmpty())
        json.insert(QStringLiteral("logo"), QString::fromLatin1(letterhead.logoPng.toBase64()));
    return json;
}

QJsonObject ClinicApi::profileJson(const ClinicProfile &profile)
{
    QJsonArray staff;
    for (const ClinicStaffEntry &member : profile.staff) {
        staff.append(QJsonObject{{QStringLiteral("id"), member.id},
                                 {QStringLiteral("fullName"), member.fullName},
                                 {QStringLiteral("role"), roleName(member.role)},
                                 {QStringLiteral("active"), member.active}});
    }
    return QJsonObject{{QStringLiteral("id"), profile.id},
                       {QStringLiteral("name"), profile.name},
                       {QStringLiteral("letterhead"), letterheadJson(profile.letterhead)},
                       {QStringLiteral("staff"), staff}};
}

HttpReply ClinicApi::get(const HttpRequest &request, const Actor &actor)
{
    Q_UNUSED(request);
    const Outcome<ClinicProfile> profile = m_clinics.profile(actor);
    if (!profile.ok())
        return ApiError::response(profile.error());
    return HttpResponse::json(200, profileJson(profile.value()));
}

HttpReply ClinicApi::putLetterhead(const HttpRequest &request, const Actor &actor)
{
    const Outcome<ClinicLetterhead> wanted = decodeLetterhead(request.body);
    if (!wanted.ok())
        return ApiError::response(wanted.error());
    const Outcome<ClinicLetterhead> stored = m_clinics.updateLetterhead(actor, wanted.value());
    if (!stored.ok())
        return ApiError::response(stored.error());
    return HttpResponse::json(200,
                              QJsonObject{{QStringLiteral("letterhead"), letterheadJson(stored.value())}});
}

} // namespace medora::server
