#include "session/AccountRecoveryClient.h"

#include "session/SessionManager.h"

namespace medora {

AccountRecoveryClient::AccountRecoveryClient(ApiClient &api, QObject *parent) : QObject(parent), m_api(api) {}

bool AccountRecoveryClient::isEmailAddress(const QString &phoneOrEmail)
{
    return phoneOrEmail.contains(QLatin1Char('@'));
}

QJsonObject AccountRecoveryClient::destination(const QString &phoneOrEmail)
{
    if (isEmailAddress(phoneOrEmail))
        return {{QStringLiteral("email"), phoneOrEmail.trimmed()}};
    return {{QStringLiteral("phone"), SessionManager::normalizedLogin(phoneOrEmail)}};
}

void AccountRecoveryClient::finish(const ApiClient::Response &response,
                                   const std::function<void()> &onSuccess)
{
    m_busy = false;
    if (!response.ok()) {
        emit failed(response.error);
        return;
    }
    onSuccess();
}

void AccountRecoveryClient::requestCode(const QString &phoneOrEmail, const QString &language)
{
    if (m_busy)
        return;
    m_busy = true;
    QJsonObject body = destination(phoneOrEmail);
    body.insert(QStringLiteral("language"), language);
    m_api.send("POST", QStringLiteral("auth/password-reset/request"), &body, QByteArray(), this,
               [this](const ApiClient::Response &response) {
                   finish(response, [this, response] {
                       emit codeRequested(response.json.value(QStringLiteral("expiresInSeconds")).toInt());
                   });
               });
}

void AccountRecoveryClient::confirm(const QString &phoneOrEmail, const QString &code,
                                    const QString &newPassword)
{
    if (m_busy)
        return;
    m_busy = true;
    QJsonObject body = destination(phoneOrEmail);
    body.insert(QStringLiteral("code"), code.trimmed());
    body.insert(QStringLiteral("newPassword"), newPassword);
    m_api.send(
        "POST", QStringLiteral("auth/password-reset/confirm"), &body, QByteArray(), this,
        [this](const ApiClient::Response &response) { finish(response, [this] { emit passwordReset(); }); });
}

} // namespace medora
