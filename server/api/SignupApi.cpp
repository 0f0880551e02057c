#include "api/SignupApi.h"

#include "api/ApiError.h"
#include "api/JsonBodyDecoder.h"
#include "api/PasswordWorkPool.h"
#include "api/RecoveryApi.h"
#include "api/UserJson.h"
#include "auth/RecoveryServices.h"

#include <QJsonArray>

namespace medora::server {

namespace {

constexpr int kNameMax = 200;
constexpr int kPhoneMax = 32;
constexpr int kEmailMax = 254;
constexpr int kCodeMax = 16;
constexpr int kPasswordMax = 1024;
constexpr int kVersionMax = 40;
constexpr int kLanguageMax = 8;

QJsonValue acceptedJson(const QString &version, const QDateTime &at)
{
    if (version.isEmpty())
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("version"), version},
                       {QStringLiteral("acceptedAt"), UserJson::timestamp(at)}};
}

} // namespace

SignupApi::SignupApi(RecoveryServices &services, PasswordWorkPool &passwordPool)
    : m_services(services), m_passwordPool(passwordPool)
{}

HttpReply SignupApi::phoneCode(const HttpRequest &request)
{
    JsonBodyDecoder json(request.body, {QStringLiteral("phone"), QStringLiteral("language")});
    const QString phone = json.requiredString(QStringLiteral("phone"), kPhoneMax);
    const QString language =
        json.optionalString(QStringLiteral("language"), kLanguageMax).value_or(QString());
    if (!json.ok())
        return ApiError::response(json.error());
    if (auto limited = RecoveryApi::limitAddress(m_services, request))
        return *limited;
    Outcome<QFuture<DeliveryResult>> sending =
        m_services.signup.requestPhoneCode(phone, RecoveryApi::language(language), request.clientAddress);
    if (!sending.ok())
        return ApiError::response(sending.error());
    const int expires = m_services.codes.lifetimeSeconds();
    return HttpReply::later(sending.value().then([expires](const DeliveryResult &result) {
        if (!result.delivered) {
            ServiceError failed =
                ServiceError::make(ServiceError::Kind::Internal, QStringLiteral("delivery_failed"),
                                   QStringLiteral("The SMS could not be sent; try again later."));
            failed.field = QStringLiteral("phone");
            return ApiError::response(502, failed.code, failed.message, failed.field);
        }
        return HttpResponse::json(202, QJsonObject{{QStringLiteral("status"), QStringLiteral("sent")},
                                                   {QStringLiteral("expiresInSeconds"), expires}});
    }));
}

HttpReply SignupApi::signUp(const HttpRequest &request)
{
    JsonBodyDecoder json(request.body,
                         {QStringLiteral("clinicName"), QStringLiteral("fullName"), QStringLiteral("phone"),
                          QStringLiteral("code"), QStringLiteral("email"), QStringLiteral("password"),
                          QStringLiteral("termsVersion"), QStringLiteral("privacyVersion"),
                          QStringLiteral("language")});
    ClinicSignup::Form form;
    form.clinicName = json.requiredString(QStringLiteral("clinicName"), kNameMax);
    form.fullName = json.requiredString(QStringLiteral("fullName"), kNameMax);
    form.phone = json.requiredString(QStringLiteral("phone"), kPhoneMax);
    form.code = json.requiredString(QStringLiteral("code"), kCodeMax);
    form.email = json.optionalString(QStringLiteral("email"), kEmailMax).value_or(QString());
    form.password = json.requiredString(QStringLiteral("password"), kPasswordMax);
    form.termsVersion = json.requiredString(QStringLiteral("termsVersion"), kVersionMax);
    form.privacyVersion = json.requiredString(QStringLiteral("privacyVersion"), kVersionMax);
    form.language = RecoveryApi::language(
        json.optionalString(QStringLiteral("language"), kLanguageMax).value_or(QString()));
    if (!json.ok())
        return ApiError::response(json.error());
    if (auto limited = RecoveryApi::limitAddress(m_services, request))
        return *limited;
    form.clientAddress = request.clientAddress;
    RecoveryServices *services = &m_services;
    return m_passwordPool.submit([services, form]() {
        const Outcome<CreatedStaff> created = services->signup.signUp(form);
        if (!created.ok())
            return ApiError::response(created.error());
        const StaffAccount &account = created.value().account;
        return HttpResponse::json(
            201, QJsonObject{{QStringLiteral("clinic"),
                              QJsonObject{{QStringLiteral("id"), account.clinicId},
                                          {QStringLiteral("name"), form.clinicName.trimmed()}}},
                             {QStringLiteral("user"), UserJson::toJson(account, form.clinicName.trimmed())}});
    });
}

HttpReply SignupApi::legalIndex(const HttpRequest &)
{
    QJsonArray documents;
    for (const QString &document : LegalTexts::documents()) {
        documents.append(
            QJsonObject{{QStringLiteral("document"), document},
                        {QStringLiteral("version"), m_services.legal.currentVersion(document)},
                        {QStringLiteral("languages"), QJsonArray::fromStringList(LegalTexts::languages())}});
    }
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("documents"), documents}});
}

HttpReply SignupApi::legalText(const HttpRequest &request)
{
    const QString document = request.pathParams.value(QStringLiteral("document"));
    QString language = request.query.queryItemValue(QStringLiteral("language"));
    if (language.isEmpty())
        language = QStringLiteral("uz");
    if (!LegalDocument::isKnownLanguage(language))
        return ApiError::response(ServiceError::badInput(QStringLiteral("invalid_language"),
                                                         QStringLiteral("language"),
                                                         QStringLiteral("The language must be uz or ru.")));
    const std::optional<LegalDocument> text = m_services.legal.text(document, language);
    if (!text)
        return ApiError::notFound();
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("document"), text->document},
                                               {QStringLiteral("language"), text->language},
                                               {QStringLiteral("version"), text->version},
                                               {QStringLiteral("format"), QStringLiteral("markdown")},
                                               {QStringLiteral("text"), text->markdown}});
}

HttpReply SignupApi::consentStatus(const HttpRequest &, const Actor &actor)
{
    const Outcome<ConsentService::Status> status = m_services.consent.status(actor);
    if (!status.ok())
        return ApiError::response(status.error());
    const ConsentService::Status &s = status.value();
    return HttpResponse::json(
        200,
        QJsonObject{{QStringLiteral("required"), s.required()},
                    {QStringLiteral("current"), QJsonObject{{QStringLiteral("terms"), s.currentTerms},
                                                            {QStringLiteral("privacy"), s.currentPrivacy}}},
                    {QStringLiteral("accepted"),
                     QJsonObject{{QStringLiteral("terms"), acceptedJson(s.acceptedTerms, s.termsAcceptedAt)},
                                 {QStringLiteral("privacy"),
                                  acceptedJson(s.acceptedPrivacy, s.privacyAcceptedAt)}}}});
}

HttpReply SignupApi::acceptConsent(const HttpRequest &request, const Actor &actor)
{
    JsonBodyDecoder json(request.body, {QStringLiteral("termsVersion"), QStringLiteral("privacyVersion"),
                                        QStringLiteral("language")});
    const QString terms = json.requiredString(QStringLiteral("termsVersion"), kVersionMax);
    const QString privacy = json.requiredString(QStringLiteral("privacyVersion"), kVersionMax);
    const QString language =
        json.optionalString(QStringLiteral("language"), kLanguageMax).value_or(QString());
    if (!json.ok())
        return ApiError::response(json.error());
    const Outcome<Done> done =
        m_services.consent.accept(actor, terms, privacy, RecoveryApi::language(language));
    if (!done.ok())
        return ApiError::response(done.error());
    return HttpResponse::noContent();
}

} // namespace medora::server
