#pragma once

#include "auth/AccountTypes.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "store/ServiceError.h"

namespace medora::server {

class AccountService;
class PasswordWorkPool;

// /api/v1/staff*: a clinic admin manages their own clinic's staff. The clinic is always the
// actor's (from the token); ids of another clinic's accounts are NotFound in AccountService.
class StaffApi
{
public:
    static constexpr int maxPageSize = 100;
    static constexpr int defaultPageSize = 50;

    struct ListQuery
    {
        int limit = defaultPageSize;
        int offset = 0;
    };

    static Outcome<ListQuery> decodeListQuery(const QUrlQuery &query);
    static Outcome<NewStaff> decodeCreate(const QByteArray &body);
    static Outcome<StaffChanges> decodePatch(const QByteArray &body);

    StaffApi(AccountService &accounts, PasswordWorkPool &passwordPool);

    HttpReply list(const HttpRequest &request, const Actor &actor);
    HttpReply create(const HttpRequest &request, const Actor &actor);
    HttpReply get(const HttpRequest &request, const Actor &actor);
    HttpReply update(const HttpRequest &request, const Actor &actor);
    HttpReply resetPassword(const HttpRequest &request, const Actor &actor);
    HttpReply revokeSessions(const HttpRequest &request, const Actor &actor);

private:
    QString clinicName(const Actor &actor) const;

    AccountService &m_accounts;
    PasswordWorkPool &m_passwordPool;
};

} // namespace medora::server
