#include "session/SignupClient.h"

#include "session/SessionManager.h"

#include <memory>

namespace medora {

SignupClient::SignupClient(ApiClient &api, QObject *parent) : QObject(parent), m_api(api) {}

void SignupClient::requestPhoneCode(const QString &phone, const QString &language)
{
    if (m_busy)
        return;
    m_busy = true;
    const QJsonObject body{{QStringLiteral("phone"), SessionManager::normalizedLogin(phone)},
                           {QStringLiteral("language"), language}};
    m_api.send("POST", QStringLiteral("signup/phone-code"), &body, QByteArray(), this,
               [this](const ApiClient::Response &response) {
                   m_busy = false;
                   if (!response.ok()) {
                       emit failed(response.error);
                       return;
                   }
                   emit phoneCodeSent(response.json.value(QStringLiteral("expiresInSeconds")).toInt());
               });
}

void SignupClient::signUp(const Form &form)
{
    if (m_busy)
        return;
    m_busy = true;
    QJsonObject body{{QStringLiteral("clinicName"), form.clinicName.trimmed()},
                     {QStringLiteral("fullName"), form.fullName.trimmed()},
                     {QStringLiteral("phone"), SessionManager::normalizedLogin(form.phone)},
                     {QStringLiteral("code"), form.code.trimmed()},
                     {QStringLiteral("password"), form.password},
                     {QStringLiteral("termsVersion"), form.termsVersion},
                     {QStringLiteral("privacyVersion"), form.privacyVersion},
                     {QStringLiteral("language"), form.language}};
    if (!form.email.trimmed().isEmpty())
        body.insert(QStringLiteral("email"), form.email.trimmed());
    m_pending = form;
    m_api.send("POST", QStringLiteral("signup"), &body, QByteArray(), this,
               [this](const ApiClient::Response &response) {
                   m_busy = false;
                   if (!response.ok()) {
                       if (response.error.code == QLatin1String("consent_outdated"))
                           fetchLegalTexts(m_pending.language);
                       emit failed(response.error);
                       return;
                   }
                   const QJsonObject user = response.json.value(QStringLiteral("user")).toObject();
                   emit signedUp(user.value(QStringLiteral("login")).toString(),
                                 response.json.value(QStringLiteral("clinic"))
                                     .toObject()
                                     .value(QStringLiteral("name"))
                                     .toString());
               });
}

std::optional<LegalDocument> SignupClient::documentFrom(const QJsonObject &json)
{
    LegalDocument document;
    document.document = json.value(QStringLiteral("document")).toString();
    document.language = json.value(QStringLiteral("language")).toString();
    document.version = json.value(QStringLiteral("version")).toString();
    document.markdown = json.value(QStringLiteral("text")).toString();
    if (!LegalDocument::isKnownDocument(document.document) || document.version.isEmpty() ||
        document.markdown.isEmpty())
        return std::nullopt;
    return document;
}

void SignupClient::fetchLegalTexts(const QString &language)
{
    auto results = std::make_shared<std::pair<std::optional<LegalDocument>, std::optional<LegalDocument>>>();
    auto answered = std::make_shared<int>(0);
    auto failedOnce = std::make_shared<bool>(false);
    for (const QString &document : {QStringLiteral("terms"), QStringLiteral("privacy")}) {
        ApiClient::RequestOptions options;
        options.query.addQueryItem(QStringLiteral("language"), language);
        m_api.send("GET", QStringLiteral("legal/") + document, nullptr, QByteArray(), options, this,
                   [this, document, results, answered, failedOnce](const ApiClient::Response &response) {
                       ++*answered;
                       const std::optional<LegalDocument> parsed =
                           response.ok() ? documentFrom(response.json) : std::nullopt;
                       if (!parsed && !*failedOnce) {
                           *failedOnce = true;
                           emit failed(response.ok()
                                           ? ApiError::make(ApiError::Kind::BadResponse,
                                                            ApiError::badResponseCode(),
                                                            QStringLiteral("legal text without a version"))
                                           : response.error);
                       }
                       (document == QLatin1String("terms") ? results->first : results->second) = parsed;
                       if (*answered == 2 && results->first && results->second)
                           emit legalTextsChanged(*results->first, *results->second);
                   });
    }
}

} // namespace medora
