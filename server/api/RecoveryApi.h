#pragma once

#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "store/ServiceError.h"

#include <optional>

namespace medora::server {

class PasswordWorkPool;
class RecoveryServices;

// POST /api/v1/auth/password-reset/request and /confirm (docs/api.md "Password reset").
// Anonymous; limited per client address (MEDORA_RATE_RECOVERY_*) on top of the general
// anonymous limit, and per phone / e-mail by the code store.
class RecoveryApi
{
public:
    struct ResetRequest
    {
        QString phone;
        QString email;
        QString language;
    };
    struct ResetConfirm
    {
        QString phone;
        QString email;
        QString code;
        QString newPassword;
    };
    static Outcome<ResetRequest> decodeRequest(const QByteArray &body);
    static Outcome<ResetConfirm> decodeConfirm(const QByteArray &body);

    RecoveryApi(RecoveryServices &services, PasswordWorkPool &passwordPool);

    HttpReply requestCode(const HttpRequest &request);
    HttpReply confirm(const HttpRequest &request);

    // 429 when this address has used its recovery budget (shared with SignupApi).
    static std::optional<HttpResponse> limitAddress(RecoveryServices &services, const HttpRequest &request);
    static QString language(const QString &requested); // "uz" unless "ru"

private:
    RecoveryServices &m_services;
    PasswordWorkPool &m_passwordPool;
};

} // namespace medora::server
