#pragma once

#include "auth/AccountTypes.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "store/ServiceError.h"

namespace medora::server {

class PasswordWorkPool;
class RecoveryServices;

// Clinic sign-up, the published legal texts and the caller's consent (docs/api.md
// "Sign-up", "Legal texts and consent"):
//   POST /api/v1/signup/phone-code, POST /api/v1/signup (anonymous, recovery limits),
//   GET /api/v1/legal, GET /api/v1/legal/{document}?language=uz|ru (anonymous),
//   GET and POST /api/v1/me/consent (signed in).
class SignupApi
{
public:
    SignupApi(RecoveryServices &services, PasswordWorkPool &passwordPool);

    HttpReply phoneCode(const HttpRequest &request);
    HttpReply signUp(const HttpRequest &request);
    HttpReply legalIndex(const HttpRequest &request);
    HttpReply legalText(const HttpRequest &request);
    HttpReply consentStatus(const HttpRequest &request, const Actor &actor);
    HttpReply acceptConsent(const HttpRequest &request, const Actor &actor);

private:
    RecoveryServices &m_services;
    PasswordWorkPool &m_passwordPool;
};

} // namespace medora::server
