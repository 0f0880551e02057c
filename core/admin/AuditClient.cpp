#include "admin/AuditClient.h"

#include "session/SessionManager.h"

#include <QJsonArray>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace medora {

namespace {

bool readText(const QJsonObject &json, const char *key, QString *out)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isNull()) {
        out->clear();
        return true;
    }
    if (!value.isString())
        return false;
    *out = value.toString();
    return true;
}

// A sequence as JSON gives it: a whole positive number a double holds exactly.
bool readSequence(const QJsonValue &value, qint64 *out)
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    if (!(number >= 1 && number <= 9007199254740991.0) || std::floor(number) != number)
        return false;
    *out = qint64(number);
    return true;
}

bool isActionName(const QString &action)
{
    return std::all_of(action.begin(), action.end(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c == QLatin1Char('.') ||
               c == QLatin1Char('_');
    });
}

} // namespace

std::optional<AuditEvent> AuditEvent::fromJson(const QJsonObject &json)
{
    AuditEvent event;
    const QJsonValue at = json.value(QLatin1String("at"));
    const QJsonValue action = json.value(QLatin1String("action"));
    const QJsonValue details = json.value(QLatin1String("details"));
    if (!readSequence(json.value(QLatin1String("sequence")), &event.sequence) || !at.isString() ||
        !action.isString() || action.toString().isEmpty())
        return std::nullopt;
    event.at = QDateTime::fromString(at.toString(), Qt::ISODateWithMs);
    if (!event.at.isValid())
        return std::nullopt;
    event.at = event.at.toUTC();
    event.action = action.toString();
    if (!readText(json, "actorUserId", &event.actorUserId) ||
        !readText(json, "actorLogin", &event.actorLogin) ||
        !readText(json, "targetType", &event.targetType) || !readText(json, "targetId", &event.targetId) ||
        !readText(json, "clientAddress", &event.clientAddress))
        return std::nullopt;
    if (details.isObject())
        event.details = details.toObject();
    else if (!details.isNull() && !details.isUndefined())
        return std::nullopt;
    return event;
}

AuditClient::AuditClient(SessionManager &session, QObject *parent) : QObject(parent), m_session(session) {}

AuditClient::~AuditClient()
{
    cancel();
}

FieldErrors AuditClient::validate(const AuditFilter &filter)
{
    FieldErrors errors;
    if (!filter.actorUserId.isEmpty() && QUuid::fromString(filter.actorUserId).isNull())
        errors.append({QStringLiteral("actor"), tr("Choose a staff member from the list.")});
    if (filter.action.size() > kMaxFieldLength || !isActionName(filter.action))
        errors.append({QStringLiteral("action"),
                       tr("An action is an event name such as staff.create, or a group such as staff.")});
    if (filter.targetId.trimmed().size() > kMaxFieldLength)
        errors.append({QStringLiteral("target"), tr("At most %n characters.", nullptr, kMaxFieldLength)});
    if (filter.from.isValid() && filter.to.isValid() && filter.from > filter.to)
        errors.append({QStringLiteral("to"), tr("The end of the period is before its start.")});
    return errors;
}

QUrlQuery AuditClient::query(const AuditFilter &filter, qint64 before, int limit)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, limit, kPageSize)));
    if (before > 0)
        query.addQueryItem(QStringLiteral("before"), QString::number(before));
    if (!filter.actorUserId.isEmpty())
        query.addQueryItem(QStringLiteral("actor"), filter.actorUserId);
    if (!filter.action.isEmpty())
        query.addQueryItem(QStringLiteral("action"), filter.action);
    if (!filter.targetId.trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("target"), filter.targetId.trimmed());
    // "+" in a query reads as a space, so times go as UTC with "Z".
    if (filter.from.isValid())
        query.addQueryItem(QStringLiteral("from"), filter.from.toUTC().toString(Qt::ISODateWithMs));
    if (filter.to.isValid())
        query.addQueryItem(QStringLiteral("to"), filter.to.toUTC().toString(Qt::ISODateWithMs));
    return query;
}

bool AuditClient::canSend() const
{
    return m_session.isSignedIn();
}

void AuditClient::cancel()
{
    ++m_generation;
    if (m_call != 0)
        m_session.abortAuthorized(m_call);
    m_call = 0;
    m_running = false;
    m_failing = false;
}

void AuditClient::failLater(const ApiError &error)
{
    m_failing = true;
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, error, generation] {
        if (generation != m_generation)
            return;
        m_failing = false;
        emit failed(error);
    });
}

void AuditClient::fetch(const AuditFilter &filter, qint64 before, int limit)
{
    cancel();
    const FieldErrors errors = validate(filter);
    if (!errors.isEmpty()) {
        ApiError error = ApiError::make(ApiError::Kind::Server, QStringLiteral("invalid_parameter"),
                                        errors.first().message);
        error.field = errors.first().field;
        failLater(error);
        return;
    }
    if (!canSend()) {
        failLater(ApiError::make(ApiError::Kind::Offline, ApiError::offlineCode(),
                                 QStringLiteral("the audit log is kept on the server only")));
        return;
    }
    ApiClient::RequestOptions options;
    options.query = query(filter, before, limit);
    const quint64 generation = m_generation;
    m_running = true;
    const quint64 call = m_session.authorizedSend(
        "GET", QStringLiteral("audit"), nullptr, options, this,
        [this, generation](const ApiClient::Response &response) {
            if (generation != m_generation)
                return;
            m_call = 0;
            m_running = false;
            if (!response.ok()) {
                emit failed(response.error);
                return;
            }
            const auto malformed = [this](const QString &what) {
                emit failed(ApiError::make(ApiError::Kind::BadResponse, ApiError::badResponseCode(), what));
            };
            const QJsonValue items = response.json.value(QLatin1String("items"));
            const QJsonValue next = response.json.value(QLatin1String("next"));
            if (!items.isArray() || !(next.isNull() || next.isDouble()))
                return malformed(QStringLiteral("audit page without items or next"));
            AuditPage page;
            for (const QJsonValue &item : items.toArray()) {
                const std::optional<AuditEvent> event =
                    item.isObject() ? AuditEvent::fromJson(item.toObject()) : std::nullopt;
                if (!event)
                    return malformed(QStringLiteral("malformed audit event"));
                page.events.append(*event);
            }
            if (next.isDouble() && !readSequence(next, &page.next))
                return malformed(QStringLiteral("malformed next sequence"));
            emit pageReady(page);
        });
    // No session at all answers before authorizedSend() returns; that call is over already.
    if (m_running)
        m_call = call;
}

} // namespace medora
