#pragma once

// medora-server's auth endpoints (docs/api.md) kept in memory, for the offline sign-in and
// lock tests: accounts that can be disabled or get a new password, one session at a time
// with rotating refresh tokens, and an "unreachable" switch that makes the server answer
// nothing, so the client's transfer timeout turns every call into a network failure.
// Header-only, like FakeHttpServer.

#include "FakeHttpServer.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>
#include <QUuid>

namespace medora::test {

class FakeAuthServer
{
public:
    struct Account
    {
        QString id;
        QString login;
        QString phone;
        QString password;
        QString fullName;
        QString role;
        bool disabled = false;
        bool mustChangePassword = false;
    };

    QList<Account> accounts{
        {QStringLiteral("0190a1b2-0000-7000-8000-000000000001"), QStringLiteral("aziza"),
         QStringLiteral("+998901234567"), QStringLiteral("correct horse battery"),
         QStringLiteral("Aziza Karimova"), QStringLiteral("doctor")},
        {QStringLiteral("0190a1b2-0000-7000-8000-000000000003"), QStringLiteral("bobur"), QString(),
         QStringLiteral("bobur's own password"), QStringLiteral("Bobur Aliyev"),
         QStringLiteral("receptionist")},
    };
    bool unreachable = false;
    int accessLifetimeSeconds = 900;

    QByteArray accessToken;
    QByteArray refreshToken;
    QString sessionAccountId;
    QString deviceId;
    QList<QByteArray> issuedRefreshTokens; // every refresh token ever handed out
    int issued = 0;

    bool listen()
    {
        m_http.setHandler([this](const FakeHttpServer::Request &request) { return answer(request); });
        return m_http.listen();
    }
    QString baseUrl() const { return m_http.baseUrl(); }
    QList<FakeHttpServer::Request> requests() const { return m_http.requests(); }
    int requestCount() const { return m_http.requestCount(); }
    QStringList paths() const
    {
        QStringList list;
        for (const FakeHttpServer::Request &request : m_http.requests())
            list << QString::fromLatin1(request.path);
        return list;
    }

    Account *account(const QString &login)
    {
        for (Account &candidate : accounts) {
            if (candidate.login == login || (!candidate.phone.isEmpty() && candidate.phone == login))
                return &candidate;
        }
        return nullptr;
    }
    void endSessions()
    {
        accessToken.clear();
        refreshToken.clear();
        sessionAccountId.clear();
    }

private:
    FakeHttpServer::Response issue(const Account &account)
    {
        ++issued;
        sessionAccountId = account.id;
        accessToken = "access-" + QByteArray::number(issued) + "-" + QUuid::createUuid().toByteArray();
        refreshToken = "refresh-" + QByteArray::number(issued) + "-" + QUuid::createUuid().toByteArray();
        issuedRefreshTokens.append(refreshToken);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QJsonObject user{
            {QStringLiteral("id"), account.id},
            {QStringLiteral("clinicId"), QStringLiteral("0190a1b2-0000-7000-8000-000000000002")},
            {QStringLiteral("clinicName"), QStringLiteral("Shifo Med")},
            {QStringLiteral("login"), account.login},
            {QStringLiteral("phone"), account.phone},
            {QStringLiteral("fullName"), account.fullName},
            {QStringLiteral("role"), account.role},
            {QStringLiteral("mustChangePassword"), account.mustChangePassword}};
        FakeHttpServer::Response response = FakeHttpServer::Response::json(
            200,
            QJsonObject{{QStringLiteral("accessToken"), QString::fromLatin1(accessToken)},
                        {QStringLiteral("accessExpiresAt"),
                         now.addSecs(accessLifetimeSeconds).toString(Qt::ISODateWithMs)},
                        {QStringLiteral("refreshToken"), QString::fromLatin1(refreshToken)},
                        {QStringLiteral("refreshExpiresAt"), now.addDays(30).toString(Qt::ISODateWithMs)},
                        {QStringLiteral("sessionId"), QStringLiteral("session-%1").arg(issued)},
                        {QStringLiteral("user"), user}});
        response.addHeader(
            "Date", QLocale::c().toString(now, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1());
        return response;
    }

    Account *sessionAccount()
    {
        for (Account &candidate : accounts) {
            if (candidate.id == sessionAccountId)
                return &candidate;
        }
        return nullptr;
    }

    FakeHttpServer::Response answer(const FakeHttpServer::Request &request)
    {
        using Response = FakeHttpServer::Response;
        if (unreachable)
            return Response::silence();
        const QJsonObject body = request.json();
        if (request.path == "/api/v1/auth/login") {
            Account *found = account(body.value(QStringLiteral("login")).toString());
            if (!found || found->disabled ||
                body.value(QStringLiteral("password")).toString() != found->password)
                return Response::error(401, QStringLiteral("invalid_credentials"));
            deviceId = body.value(QStringLiteral("deviceId")).toString();
            return issue(*found);
        }
        if (request.path == "/api/v1/auth/refresh") {
            Account *owner = sessionAccount();
            if (refreshToken.isEmpty() || !owner || owner->disabled ||
                body.value(QStringLiteral("refreshToken")).toString().toLatin1() != refreshToken ||
                body.value(QStringLiteral("deviceId")).toString() != deviceId) {
                endSessions();
                return Response::error(401, QStringLiteral("invalid_token"));
            }
            return issue(*owner);
        }
        if (accessToken.isEmpty() || request.bearerToken() != accessToken)
            return Response::error(401, QStringLiteral("invalid_token"));
        if (request.path == "/api/v1/auth/logout") {
            endSessions();
            return Response::noContent();
        }
        if (request.path == "/api/v1/me/password") {
            Account *owner = sessionAccount();
            if (!owner || body.value(QStringLiteral("currentPassword")).toString() != owner->password)
                return Response::error(401, QStringLiteral("invalid_credentials"), QString(),
                                       QStringLiteral("currentPassword"));
            owner->password = body.value(QStringLiteral("newPassword")).toString();
            owner->mustChangePassword = false;
            endSessions();
            return Response::noContent();
        }
        return Response::error(404, QStringLiteral("not_found"));
    }

    FakeHttpServer m_http;
};

} // namespace medora::test
