#include "api/AuditApi.h"

#include "api/ApiError.h"
#include "api/QueryParameters.h"
#include "api/UserJson.h"

#include <QJsonArray>

namespace medora::server {

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

bool isActionName(const QString &action)
{
    for (const QChar ch : action) {
        if (!((ch >= QLatin1Char('a') && ch <= QLatin1Char('z')) || ch == QLatin1Char('.') ||
              ch == QLatin1Char('_')))
            return false;
    }
    return true;
}

} // namespace

Outcome<AuditFilter> AuditApi::decodeQuery(const QUrlQuery &query)
{
    QueryParameters parameters(query,
                               {QStringLiteral("limit"), QStringLiteral("before"), QStringLiteral("actor"),
                                QStringLiteral("action"), QStringLiteral("target"), QStringLiteral("from"),
                                QStringLiteral("to")});
    AuditFilter filter;
    filter.limit = parameters.integer(QStringLiteral("limit"), defaultPageSize, 1, maxPageSize);
    filter.beforeSequence =
        parameters.integer64(QStringLiteral("before"), 0, 1, std::numeric_limits<qint64>::max() / 2);
    filter.actorUserId = parameters.uuid(QStringLiteral("actor"));
    filter.action = parameters.text(QStringLiteral("action"), 64);
    filter.targetId = parameters.text(QStringLiteral("target"), 64);
    filter.from = parameters.time(QStringLiteral("from"));
    filter.to = parameters.time(QStringLiteral("to"));
    if (!parameters.ok())
        return parameters.error();
    if (!isActionName(filter.action))
        return ServiceError::badInput(
            QStringLiteral("invalid_parameter"), QStringLiteral("action"),
            QStringLiteral("The action is an event name such as staff.create or staff."));
    if (filter.from.isValid() && filter.to.isValid() && filter.from > filter.to)
        return ServiceError::badInput(QStringLiteral("invalid_parameter"), QStringLiteral("to"),
                                      QStringLiteral("\"to\" must not be before \"from\"."));
    return filter;
}

QJsonObject AuditApi::eventJson(const AuditEvent &event)
{
    return QJsonObject{
        {QStringLiteral("sequence"), double(event.sequence)},
        {QStringLiteral("at"), UserJson::timestamp(event.at)},
        {QStringLiteral("clinicId"), textOrNull(event.entry.clinicId)},
        {QStringLiteral("action"), event.entry.action},
        {QStringLiteral("actorUserId"), textOrNull(event.entry.actorUserId)},
        {QStringLiteral("actorLogin"), textOrNull(event.entry.actorLogin)},
        {QStringLiteral("targetType"), textOrNull(event.entry.targetType)},
        {QStringLiteral("targetId"), textOrNull(event.entry.targetId)},
        {QStringLiteral("clientAddress"), textOrNull(event.entry.clientAddress)},
        {QStringLiteral("details"), event.entry.details},
    };
}

AuditApi::AuditApi(AuditLog &audit) : m_audit(audit) {}

HttpReply AuditApi::list(const HttpRequest &request, const Actor &actor)
{
    const Outcome<AuditFilter> decoded = decodeQuery(request.query);
    if (!decoded.ok())
        return ApiError::response(decoded.error());
    AuditFilter filter = decoded.value();
    const int pageSize = filter.limit;
    filter.limit = pageSize + 1; // one more tells whether there is a next page
    const Outcome<QList<AuditEvent>> events = m_audit.list(actor.clinicId, filter);
    if (!events.ok())
        return ApiError::response(events.error());
    QJsonArray items;
    const QList<AuditEvent> &list = events.value();
    for (int i = 0; i < list.size() && i < pageSize; ++i)
        items.append(eventJson(list.at(i)));
    const QJsonValue next = list.size() > pageSize ? QJsonValue(double(list.at(pageSize - 1).sequence))
                                                   : QJsonValue(QJsonValue::Null);
    return HttpResponse::json(200,
                              QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("next"), next}});
}

} // namespace medora::server
