#pragma once

#include "audit/AuditLog.h"
#include "auth/AccountTypes.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

namespace medora::server {

// GET /api/v1/audit: a clinic admin reads their own clinic's audit trail, newest first,
// paged by sequence ("before") so pages stay stable while new events arrive.
class AuditApi
{
public:
    static constexpr int maxPageSize = 100;
    static constexpr int defaultPageSize = 50;

    static Outcome<AuditFilter> decodeQuery(const QUrlQuery &query);
    static QJsonObject eventJson(const AuditEvent &event);

    explicit AuditApi(AuditLog &audit);
    HttpReply list(const HttpRequest &request, const Actor &actor);

private:
    AuditLog &m_audit;
};

} // namespace medora::server
