#pragma once

#include "api/ApiClient.h"
#include "api/ApiError.h"
#include "domain/LegalDocument.h"

#include <QObject>
#include <QString>

namespace medora {

// A new clinic signs up (docs/api.md "Sign-up"): the admin's phone gets an SMS code, then the
// form with the code and the versions of the terms and the privacy policy the person read
// creates the clinic and its administrator. When the server has published newer texts than
// the ones shown (409 consent_outdated), legalTextsChanged hands over the server's texts to
// show and accept instead.
class SignupClient : public QObject
{
    Q_OBJECT

public:
    struct Form
    {
        QString clinicName;
        QString fullName;
        QString phone;
        QString code;
        QString email; // optional
        QString password;
        QString termsVersion;
        QString privacyVersion;
        QString language; // "uz" or "ru"
    };

    explicit SignupClient(ApiClient &api, QObject *parent = nullptr);

    void requestPhoneCode(const QString &phone, const QString &language);
    void signUp(const Form &form);
    // GET /legal/terms and /legal/privacy in `language`: legalTextsChanged or failed.
    void fetchLegalTexts(const QString &language);
    bool isBusy() const { return m_busy; }

signals:
    void phoneCodeSent(int expiresInSeconds);
    // The clinic exists; the administrator signs in with `login` (or the phone) and the password.
    void signedUp(const QString &login, const QString &clinicName);
    void legalTextsChanged(const medora::LegalDocument &terms, const medora::LegalDocument &privacy);
    void failed(const medora::ApiError &error);

private:
    static std::optional<LegalDocument> documentFrom(const QJsonObject &json);

    ApiClient &m_api;
    bool m_busy = false;
    Form m_pending;
};

} // namespace medora
