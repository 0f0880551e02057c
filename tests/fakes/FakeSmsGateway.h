#pragma once

// A stand-in for Eskiz.uz's SMS gateway on 127.0.0.1 (the shape medora-server's
// EskizSmsClient speaks): POST /api/auth/login with the form fields email and password answers
// {"message":"token_generated","data":{"token":"…"},"token_type":"bearer"} (401 for wrong
// credentials); POST /api/message/sms/send with "Authorization: Bearer <token>" and the form
// fields mobile_phone, message, from answers {"id":"…","message":"Waiting for SMS provider",
// "status":"waiting"}, 401 {"status":"token-invalid"} for an unknown or expired token, or a
// scripted failure. Every accepted message is kept so tests can read what would reach the
// phone. Header-only, like the other fakes.

#include "FakeHttpServer.h"

#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

namespace medora::test {

class FakeSmsGateway
{
public:
    struct Sms
    {
        QString mobilePhone; // as sent: digits without "+"
        QString message;
        QString from;
    };

    FakeSmsGateway(QString email, QString password)
        : m_email(std::move(email)), m_password(std::move(password))
    {
        m_http.setHandler([this](const FakeHttpServer::Request &request) { return answer(request); });
    }

    bool listen() { return m_http.listen(); }
    QString baseUrl() const { return m_http.baseUrl(); }

    QList<Sms> messages() const { return m_messages; }
    int loginCount() const { return m_logins; }
    int sendAttempts() const { return m_sendAttempts; }
    QList<FakeHttpServer::Request> requests() const { return m_http.requests(); }
    // Every token handed out so far stops working (Eskiz tokens expire after about 30 days).
    void expireTokens() { m_validTokens.clear(); }
    // The next `count` sends are answered with `status` (e.g. 500, or 400 for a bad number).
    void failNextSends(int count, int status = 500)
    {
        m_failures = count;
        m_failureStatus = status;
    }
    bool waitForMessages(int count, int timeoutMs = 10000)
    {
        return QTest::qWaitFor([&] { return m_messages.size() >= count; }, timeoutMs);
    }
    bool waitForSendAttempts(int count, int timeoutMs = 10000)
    {
        return QTest::qWaitFor([&] { return m_sendAttempts >= count; }, timeoutMs);
    }

private:
    static QUrlQuery form(const FakeHttpServer::Request &request)
    {
        QByteArray body = request.body;
        body.replace('+', ' ');
        return QUrlQuery(QString::fromUtf8(body));
    }
    static QString field(const QUrlQuery &query, const QString &name)
    {
        return query.queryItemValue(name, QUrl::FullyDecoded);
    }

    FakeHttpServer::Response answer(const FakeHttpServer::Request &request)
    {
        using Response = FakeHttpServer::Response;
        if (request.method != "POST")
            return Response::json(
                405, QJsonObject{{QStringLiteral("message"), QStringLiteral("Method not allowed")}});
        const QUrlQuery query = form(request);
        if (request.path == "/api/auth/login") {
            ++m_logins;
            if (field(query, QStringLiteral("email")) != m_email ||
                field(query, QStringLiteral("password")) != m_password)
                return Response::json(
                    401, QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid credentials")}});
            const QByteArray token = "eyJ" + QUuid::createUuid().toByteArray(QUuid::Id128);
            m_validTokens.insert(token);
            return Response::json(
                200, QJsonObject{{QStringLiteral("message"), QStringLiteral("token_generated")},
                                 {QStringLiteral("data"),
                                  QJsonObject{{QStringLiteral("token"), QString::fromLatin1(token)}}},
                                 {QStringLiteral("token_type"), QStringLiteral("bearer")}});
        }
        if (request.path == "/api/message/sms/send") {
            ++m_sendAttempts;
            if (!m_validTokens.contains(request.bearerToken()))
                return Response::json(
                    401, QJsonObject{{QStringLiteral("status"), QStringLiteral("token-invalid")},
                                     {QStringLiteral("message"), QStringLiteral("Expired token")}});
            if (m_failures > 0) {
                --m_failures;
                return Response::json(
                    m_failureStatus,
                    QJsonObject{{QStringLiteral("status"), QStringLiteral("error")},
                                {QStringLiteral("message"), QStringLiteral("Provider failure")}});
            }
            Sms sms{field(query, QStringLiteral("mobile_phone")), field(query, QStringLiteral("message")),
                    field(query, QStringLiteral("from"))};
            m_messages.append(sms);
            return Response::json(
                200, QJsonObject{{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                 {QStringLiteral("message"), QStringLiteral("Waiting for SMS provider")},
                                 {QStringLiteral("status"), QStringLiteral("waiting")}});
        }
        return Response::json(404, QJsonObject{{QStringLiteral("message"), QStringLiteral("Not found")}});
    }

    FakeHttpServer m_http;
    QString m_email;
    QString m_password;
    QSet<QByteArray> m_validTokens;
    QList<Sms> m_messages;
    int m_logins = 0;
    int m_sendAttempts = 0;
    int m_failures = 0;
    int m_failureStatus = 500;
};

} // namespace medora::test
