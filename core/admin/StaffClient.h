#pragma once

#include "api/ApiError.h"
#include "domain/FieldError.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace medora {

class SessionManager;

// One account of the clinic as GET /api/v1/staff describes it (docs/api.md, "user").
struct StaffAccount
{
    QString id;
    QString login;
    QString fullName;
    QString role; // clinic_admin, doctor or receptionist
    QString phone;
    bool disabled = false;
    bool mustChangePassword = false;

    // Empty unless every member has the type the contract promises: an answer we cannot
    // read exactly is refused, never guessed at.
    static std::optional<StaffAccount> fromJson(const QJsonObject &json);
};

// What the admin types to create an account (the server makes the one-time password).
struct NewStaffMember
{
    QString login;
    QString fullName;
    QString role;
    QString phone; // optional
};

// The clinic admin's staff routes (/api/v1/staff...) over the signed-in session.
// Asynchronous: each call ends in exactly one of its success signals or failed(). A
// malformed answer fails with ApiError::badResponseCode(); without an online session a call
// fails at once (from the event loop) with ApiError::offlineCode(). One-time passwords are
// handed to the caller only, never logged or kept.
class StaffClient : public QObject
{
    Q_OBJECT

public:
    enum class Operation
    {
        List,
        Create,
        Update,
        ResetPassword,
        RevokeSessions,
    };
    Q_ENUM(Operation)

    static constexpr int kPageSize = 100; // the server's maximum
    static constexpr int kMaxFullNameLength = 100;

    explicit StaffClient(SessionManager &session, QObject *parent = nullptr);

    static QStringList roles();
    // The server's rules, checked first so that most mistakes name their field before anything
    // is sent. Field keys: "login", "fullName", "role", "phone"; messages in the UI language.
    static FieldErrors validate(const NewStaffMember &member);
    // The same rules for an existing account's name and phone (keys "fullName", "phone").
    static FieldErrors validateDetails(const QString &fullName, const QString &phone);
    bool canSend() const;
    int pendingCount() const { return m_pending; }

    // Every account of the clinic, all pages.
    void list();
    void create(const NewStaffMember &member);
    void setRole(const QString &id, const QString &role);
    void setDisabled(const QString &id, bool disabled);
    // Renames the account and sets its phone (empty removes it): PATCH with both, ends in
    // updated() or failed(Update). Checked with validateDetails() first.
    void setDetails(const QString &id, const QString &fullName, const QString &phone);
    void resetPassword(const QString &id);
    void revokeSessions(const QString &id);

signals:
    void listed(const QList<medora::StaffAccount> &accounts);
    void created(const medora::StaffAccount &account, const QString &oneTimePassword);
    void updated(const medora::StaffAccount &account);
    void passwordReset(const QString &id, const QString &oneTimePassword);
    void sessionsRevoked(const QString &id);
    void failed(medora::StaffClient::Operation operation, const medora::ApiError &error);

private:
    using Handler = std::function<void(const QJsonObject &json, int httpStatus)>;
    void send(Operation operation, const QByteArray &method, const QString &path, const QJsonObject *body,
              const QUrlQuery &query, Handler handler);
    void fail(Operation operation, const ApiError &error);
    void failLater(Operation operation, const ApiError &error);
    void listFrom(int offset, QList<StaffAccount> accounts);
    void patch(const QString &id, const QJsonObject &body);
    static QString itemPath(const QString &id, const QString &suffix = QString());
    static ApiError malformed(const QString &what);

    SessionManager &m_session;
    int m_pending = 0;
};

} // namespace medora
