#include "api/HealthApi.h"

#include "api/ApiError.h"
#include "config/ServerConfig.h"
#include "observability/Metrics.h"
#include "store/DatabaseIdentity.h"
#include "store/ServerDatabase.h"

namespace medora::server {

HealthApi::HealthApi(const ServerConfig &config, ServerDatabase &database, Metrics &metrics)
    : m_config(config), m_database(database), m_metrics(metrics)
{}

HttpReply HealthApi::health(const HttpRequest &)
{
    QJsonObject body{{QStringLiteral("status"), QStringLiteral("ok")}};
    // The process answers even when the database does not; the identity is left out then.
    const QString databaseId = DatabaseIdentity::read(m_database);
    if (!databaseId.isEmpty())
        body.insert(QStringLiteral("databaseId"), databaseId);
    return HttpResponse::json(200, body);
}

HttpReply HealthApi::ready(const HttpRequest &)
{
    if (!m_database.isReachable())
        return ApiError::response(503, QStringLiteral("database_unavailable"),
                                  QStringLiteral("The database is not reachable."), QString(), 5);
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ready")}});
}

HttpReply HealthApi::metrics(const HttpRequest &request)
{
    if (!m_config.isMetricsAllowed(request.clientAddress))
        return ApiError::notFound();
    return HttpResponse::text(200, m_metrics.renderPrometheus(), "text/plain; version=0.0.4; charset=utf-8");
}

} // namespace medora::server
