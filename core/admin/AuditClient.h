#pragma once

#include "api/ApiError.h"
#include "domain/FieldError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace medora {

class SessionManager;

// One event of the clinic's audit trail as GET /api/v1/audit describes it.
struct AuditEvent
{
    qint64 sequence = 0;
    QDateTime at; // UTC
    QString action;
    QString actorUserId; // empty for the operator or an unknown login
    QString actorLogin;
    QString targetType;
    QString targetId;
    QString clientAddress;
    QJsonObject details;

    // Empty unless every member has the type the contract promises.
    static std::optional<AuditEvent> fromJson(const QJsonObject &json);
};

// What the admin narrows the log to; empty members do not filter.
struct AuditFilter
{
    QString actorUserId; // who
    QString action;      // what: an exact action or a prefix ending in "." ("staff.")
    QString targetId;    // the patient (or account) acted on
    QDateTime from;      // inclusive
    QDateTime to;        // exclusive
};

struct AuditPage
{
    QList<AuditEvent> events; // newest first
    qint64 next = 0;          // pass as `before` for the older events; 0 when there are none
};

// Reads the clinic's audit trail (clinic admins only) over the signed-in session, a page at
// a time, newest first. Asynchronous: each fetch() ends in pageReady() or failed(); a
// malformed answer fails with ApiError::badResponseCode(); without an online session the
// fetch fails at once (from the event loop) with ApiError::offlineCode(). A fetch started
// while another runs replaces it: only the newest filter's answer arrives.
class AuditClient : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 100; // the server's maximum
    static constexpr int kMaxFieldLength = 64;

    explicit AuditClient(SessionManager &session, QObject *parent = nullptr);
    ~AuditClient() override;

    // The server's rules for the filter. Field keys: "actor", "action", "target", "to".
    static FieldErrors validate(const AuditFilter &filter);
    static QUrlQuery query(const AuditFilter &filter, qint64 before, int limit);
    bool canSend() const;
    bool isBusy() const { return m_running || m_failing; }

    void fetch(const AuditFilter &filter, qint64 before = 0, int limit = kPageSize);
    void cancel();

signals:
    void pageReady(const medora::AuditPage &page);
    void failed(const medora::ApiError &error);

private:
    void failLater(const ApiError &error);

    SessionManager &m_session;
    quint64 m_call = 0;
    bool m_running = false;
    bool m_failing = false;
    quint64 m_generation = 0;
};

} // namespace medora
