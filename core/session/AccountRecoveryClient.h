#pragma once

#include "api/ApiClient.h"
#include "api/ApiError.h"

#include <QObject>
#include <QString>

namespace medora {

// "Forgot password?" (docs/api.md "Password reset"): asks the server to send a one-time code
// to the account's phone (SMS) or recovery e-mail, then sets a new password with it. The
// server answers the same whether or not the phone or address has an account, so
// codeRequested only means "if there is an account, a code is on its way". Anonymous calls:
// no session is needed, only the server address.
class AccountRecoveryClient : public QObject
{
    Q_OBJECT

public:
    explicit AccountRecoveryClient(ApiClient &api, QObject *parent = nullptr);

    // An e-mail address when it has an '@', otherwise a phone number in any local form.
    static bool isEmailAddress(const QString &phoneOrEmail);
    // The JSON the server expects: {"phone": …} or {"email": …}.
    static QJsonObject destination(const QString &phoneOrEmail);

    void requestCode(const QString &phoneOrEmail, const QString &language);
    void confirm(const QString &phoneOrEmail, const QString &code, const QString &newPassword);
    bool isBusy() const { return m_busy; }

signals:
    void codeRequested(int expiresInSeconds);
    void passwordReset();
    void failed(const medora::ApiError &error);

private:
    void finish(const ApiClient::Response &response, const std::function<void()> &onSuccess);

    ApiClient &m_api;
    bool m_busy = false;
};

} // namespace medora
