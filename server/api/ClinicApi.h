#pragma once

#include "auth/AccountTypes.h"
#include "clinic/ClinicService.h"
#include "clinic/ClinicTypes.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "store/ServiceError.h"

#include <QJsonObject>

namespace medora::server {

class AuditLog;
class ServerDatabase;

// /api/v1/clinic*: every signed-in colleague reads the clinic's name, letterhead and staff
// names (so printouts and queues work offline from the client's cache); a clinic admin
// replaces the letterhead. The clinic is always the actor's (from the token).
class ClinicApi
{
public:
    // PUT /api/v1/clinic/letterhead carries a PNG logo of up to 256 KiB as base64 (about
    // 342 KiB) beside short texts: its own body limit, set by the HTTP engine for this path.
    static constexpr qint64 kLetterheadMaxBodyBytes = 512 * 1024;
    static QString letterheadPath() { return QStringLiteral("/api/v1/clinic/letterhead"); }

    static Outcome<ClinicLetterhead> decodeLetterhead(const QByteArray &body);
    static QJsonObject letterheadJson(const ClinicLetterhead &letterhead);
    static QJsonObject profileJson(const ClinicProfile &profile);

    ClinicApi(ServerDatabase &database, AuditLog &audit);

    HttpReply get(const HttpRequest &request, const Actor &actor);
    HttpReply putLetterhead(const HttpRequest &request, const Actor &actor);

private:
    ClinicService m_clinics;
};

} // namespace medora::server
