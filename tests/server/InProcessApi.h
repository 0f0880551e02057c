#pragma once

#include "api/ApiServer.h"
#include "audit/AuditLog.h"
#include "auth/AccountService.h"
#include "auth/LoginThrottle.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionService.h"
#include "config/ServerConfig.h"
#include "observability/Metrics.h"
#include "store/ServerDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace medora::server {

// The whole API in this process: real services on a temporary SQLite database, requests
// handed straight to ApiServer::handler() as the HTTP engine would (over TLS, Host allowed).
// Password hashing uses libsodium's minimum Argon2id cost so tests that sign in often stay
// fast; the production parameters are PasswordHasher's own tests' business.
class InProcessApi
{
public:
    struct Reply
    {
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
        QString errorCode() const { return json().value("error").toObject().value("code").toString(); }
        QByteArray header(const QByteArray &name) const
        {
            for (const auto &h : headers) {
                if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                    return h.second;
            }
            return {};
        }
    };

    struct SignedIn
    {
        QString accessToken;
        QString refreshToken;
        QString deviceId;
    };

    InProcessApi()
    {
        config.debug = false;
        config.allowedHosts = {QStringLiteral("localhost")};
        config.metricsAllowed = {qMakePair(QHostAddress(QHostAddress::LocalHost), 32)};
        config.anonymousPerIp = {100000, 100000};
        config.userLimit = {100000, 100000};
        database = std::make_unique<ServerDatabase>(directory.filePath(QStringLiteral("medora.sqlite")));
        QString problem;
        if (!database->open(&problem) || !database->migrate(&problem)) {
            error = problem;
            return;
        }
        audit = std::make_unique<AuditLog>(*database);
        PasswordHasher::Parameters cheap;
        cheap.opsLimit = 1;
        cheap.memLimitBytes = 8192;
        hasher = std::make_unique<PasswordHasher>(cheap);
        throttle = std::make_unique<LoginThrottle>();
        sessions = std::make_unique<SessionService>(*database, *audit, *hasher, *throttle, SessionPolicy());
        accounts = std::make_unique<AccountService>(*database, *audit, *hasher, *sessions);
        metrics = std::make_unique<Metrics>();
        api = std::make_unique<ApiServer>(
            ServerServices{config, *database, *audit, *sessions, *accounts, *metrics});
        handler = api->handler();
    }

    ~InProcessApi() { api.reset(); }

    bool isValid() const { return error.isEmpty() && api; }

    Reply call(const QByteArray &method, const QString &target, const QByteArray &body = QByteArray(),
               const QString &accessToken = QString(),
               const QString &clientAddress = QStringLiteral("127.0.0.1"))
    {
        HttpRequest request;
        request.method = method;
        request.target = target.toUtf8();
        const qsizetype question = target.indexOf(QLatin1Char('?'));
        request.path = question < 0 ? target : target.left(question);
        if (question >= 0)
            request.query = QUrlQuery(target.mid(question + 1));
        request.headers.append(qMakePair(QByteArray("host"), QByteArray("localhost")));
        if (!body.isEmpty())
            request.headers.append(qMakePair(QByteArray("content-type"), QByteArray("application/json")));
        if (!accessToken.isEmpty())
            request.headers.append(
                qMakePair(QByteArray("authorization"), "Bearer " + accessToken.toLatin1()));
        request.body = body;
        request.peerAddress = QHostAddress(clientAddress);
        request.overTls = true;
        const HttpReply reply = handler(request);
        HttpResponse response;
        if (reply.isDeferred()) {
            QFuture<HttpResponse> future = reply.future();
            future.waitForFinished();
            response = future.result();
        } else {
            response = reply.response();
        }
        return Reply{response.status, response.headers, response.body};
    }

    QString createClinic(const QString &name)
    {
        const Outcome<Clinic> clinic = accounts->createClinic(operatorActor(), name);
        if (!clinic.ok())
            error = clinic.error().code + QStringLiteral(": ") + clinic.error().message;
        return clinic.ok() ? clinic.value().id : QString();
    }

    // Empty password: a one-time password is made and returned through `oneTimePassword`.
    QString createUser(const QString &clinicId, const QString &login, Role role, const QString &password,
                       QString *oneTimePassword = nullptr)
    {
        NewStaff staff;
        staff.login = login;
        staff.fullName = QStringLiteral("Person ") + login;
        staff.role = role;
        const Outcome<CreatedStaff> created =
            accounts->createStaff(operatorActor(), clinicId, staff, password);
        if (!created.ok()) {
            error = created.error().code + QStringLiteral(": ") + created.error().message;
            return QString();
        }
        if (oneTimePassword)
            *oneTimePassword = created.value().oneTimePassword;
        return created.value().account.id;
    }

    SignedIn signIn(const QString &login, const QString &password)
    {
        LoginAttempt attempt;
        attempt.identifier = login;
        attempt.password = password;
        attempt.deviceId = QStringLiteral("device-") + QString::number(++m_devices);
        attempt.clientAddress = QHostAddress(QHostAddress::LocalHost);
        const Outcome<IssuedSession> session = sessions->login(attempt);
        if (!session.ok())
            return {};
        return {session.value().accessToken, session.value().refreshToken, attempt.deviceId};
    }

    static Actor operatorActor()
    {
        Actor actor;
        actor.login = QStringLiteral("operator");
        return actor;
    }

    QTemporaryDir directory;
    QString error;
    ServerConfig config;
    std::unique_ptr<ServerDatabase> database;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<PasswordHasher> hasher;
    std::unique_ptr<LoginThrottle> throttle;
    std::unique_ptr<SessionService> sessions;
    std::unique_ptr<AccountService> accounts;
    std::unique_ptr<Metrics> metrics;
    std::unique_ptr<ApiServer> api;
    HttpHandler handler;

private:
    int m_devices = 0;
};

} // namespace medora::server
