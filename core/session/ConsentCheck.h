#pragma once

#include "api/ApiError.h"
#include "domain/LegalDocument.h"

#include <QObject>
#include <QString>

namespace medora {

class SessionManager;

// After each online sign-in the client asks whether this account has accepted the current
// terms of use and privacy policy (GET /me/consent). When a newer version is published, the
// texts are fetched from the server and consentRequired asks the user before work continues;
// accept() records the acceptance (POST /me/consent) with the versions shown.
class ConsentCheck : public QObject
{
    Q_OBJECT

public:
    explicit ConsentCheck(SessionManager &session, QObject *parent = nullptr);

    // Checks the signed-in account: upToDate, consentRequired or failed.
    void check(const QString &language);
    void accept(const QString &termsVersion, const QString &privacyVersion, const QString &language);

signals:
    void upToDate();
    void consentRequired(const medora::LegalDocument &terms, const medora::LegalDocument &privacy);
    void accepted();
    void failed(const medora::ApiError &error);

private:
    void fetchTexts(const QString &language, const QString &termsVersion, const QString &privacyVersion);

    SessionManager &m_session;
};

} // namespace medora
