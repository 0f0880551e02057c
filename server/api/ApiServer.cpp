#include "api/ApiServer.h"

#include "api/AiApi.h"
#include "api/ApiError.h"
#include "api/AuditApi.h"
#include "api/AuthApi.h"
#include "api/ClinicApi.h"
#include "api/HealthApi.h"
#include "api/JsonBodyDecoder.h"
#include "api/PasswordWorkPool.h"
#include "api/RecoveryApi.h"
#include "api/RequestGuard.h"
#include "api/SignupApi.h"
#include "api/StaffApi.h"
#include "api/SubscriptionApi.h"
#include "api/SyncApi.h"
#include "auth/ClientKey.h"
#include "auth/RateLimiter.h"
#include "auth/RecoveryServices.h"
#include "auth/SessionService.h"
#include "config/ServerConfig.h"
#include "observability/Metrics.h"
#include "store/DatabaseIdentity.h"
#include "store/ServerDatabase.h"
#include "subscription/SyncPushHooks.h"
#include "sync/ChangeNotifier.h"
#include "sync/SyncService.h"
#include "telegram/TelegramService.h"

#include <QElapsedTimer>

namespace medora::server {

namespace {

// Who may call a route; everything else about a route follows from this.
enum class Access
{
    Open,       // /health, /ready, /metrics: no rate limit (probes must always get through)
    Anonymous,  // sign-in and refresh: limited per client address
    SignedIn,   // any role with a valid access token: limited per user
    ClinicAdmin // a clinic admin, on their own clinic only
};

struct RouteRules
{
    Access access = Access::SignedIn;
    bool allowedWhilePasswordMustChange = false;
    bool bodyless = false;   // a body, if any, must be an empty JSON object
    bool syncBudget = false; // counts against the sync limit instead of the general one
};

using ActorHandler = std::function<HttpReply(HttpRequest &, const Actor &)>;

void addCommonHeaders(HttpResponse &response)
{
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
}

void stampDatabaseId(HttpResponse &response, ServerDatabase *database)
{
    if (!database)
        return;
    const QString id = DatabaseIdentity::read(*database);
    if (!id.isEmpty())
        response.setHeader(DatabaseIdentity::headerName, id.toLatin1());
}

// "Bearer <token>": the scheme is case-insensitive, the token is base64url.
QString bearerToken(const HttpRequest &request)
{
    const QByteArray header = request.header("authorization");
    if (header.size() < 8 || header.size() > 300 || header.left(7).toLower() != "bearer ")
        return {};
    const QByteArray token = header.mid(7).trimmed();
    for (const char c : token) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                             c == '-' || c == '_' || c == '=' || c == '.' || c == '~' || c == '+' || c == '/';
        if (!allowed)
            return {};
    }
    return QString::fromLatin1(token);
}

} // namespace

class ApiServer::Private
{
public:
    explicit Private(ServerServices services)
        : services(services), guard(services.config),
          anonymousLimiter(services.config.anonymousPerIp.perMinute, services.config.anonymousPerIp.burst),
          userLimiter(services.config.userLimit.perMinute, services.config.userLimit.burst),
          syncLimiter(services.config.syncLimit.perMinute, services.config.syncLimit.burst),
          healthApi(services.config, services.database, services.metrics),
          authApi(services.sessions, services.accounts, services.metrics, passwordPool),
          staffApi(services.accounts, passwordPool), auditApi(services.audit),
          syncNotifier(services.config.syncMaxWaiters),
          syncService(services.database, services.audit, &syncNotifier), syncApi(syncService, syncNotifier),
          aiApi(services.config, services.database, services.audit),
          recovery(services.config, services.database, services.audit, services.sessions, services.accounts),
          recoveryApi(recovery, passwordPool), signupApi(recovery, passwordPool),
          pushHooks(services.config, services.database),
          telegram(services.config, services.database, services.audit),
          subscriptionApi(services.config, services.database, services.audit, &telegram)
    {
        syncService.setPushHooks(&pushHooks);
        buildRoutes();
        telegram.start();
    }

    HttpReply handle(HttpRequest &request);

    ServerServices services;
    RequestGuard guard;
    RateLimiter anonymousLimiter;
    RateLimiter userLimiter;
    RateLimiter syncLimiter;
    PasswordWorkPool passwordPool{1, 8};
    HealthApi healthApi;
    AuthApi authApi;
    StaffApi staffApi;
    AuditApi auditApi;
    // Destroyed in reverse: held pulls end (SyncApi) before the service and notifier go.
    ChangeNotifier syncNotifier;
    SyncService syncService;
    SyncApi syncApi;
    // Destroyed first: its destructor waits for Gemini calls still running.
    AiApi aiApi;
    // Password reset, sign-up, legal texts and consent (issue 8).
    RecoveryServices recovery;
    RecoveryApi recoveryApi;
    SignupApi signupApi;
    // Payment notices and subscription checks inside sync pushes (issue 7); the Telegram
    // threads stop (destroyed first) before anything they use goes.
    SyncPushHooks pushHooks;
    TelegramService telegram;
    SubscriptionApi subscriptionApi;
    HttpRouter router;

private:
    void buildRoutes();
    void open(const QByteArray &method, const QString &pattern,
              std::function<HttpReply(HttpRequest &)> handler);
    void anonymous(const QByteArray &method, const QString &pattern,
                   std::function<HttpReply(HttpRequest &)> handler);
    void signedIn(const QByteArray &method, const QString &pattern, RouteRules rules, ActorHandler handler);

    std::optional<HttpResponse> limitAnonymous(const HttpRequest &request);
    HttpReply authenticated(HttpRequest &request, const RouteRules &rules, const ActorHandler &handler);
};

void ApiServer::Private::buildRoutes()
{
    open("GET", QStringLiteral("/health"), [this](HttpRequest &r) { return healthApi.health(r); });
    open("GET", QStringLiteral("/ready"), [this](HttpRequest &r) { return healthApi.ready(r); });
    open("GET", QStringLiteral("/metrics"), [this](HttpRequest &r) { return healthApi.metrics(r); });

    anonymous("POST", QStringLiteral("/api/v1/auth/login"),
              [this](HttpRequest &r) { return authApi.login(r); });
    anonymous("POST", QStringLiteral("/api/v1/auth/refresh"),
              [this](HttpRequest &r) { return authApi.refresh(r); });

    anonymous("POST", QStringLiteral("/api/v1/auth/password-reset/request"),
              [this](HttpRequest &r) { return recoveryApi.requestCode(r); });
    anonymous("POST", QStringLiteral("/api/v1/auth/password-reset/confirm"),
              [this](HttpRequest &r) { return recoveryApi.confirm(r); });
    anonymous("POST", QStringLiteral("/api/v1/signup/phone-code"),
              [this](HttpRequest &r) { return signupApi.phoneCode(r); });
    anonymous("POST", QStringLiteral("/api/v1/signup"),
              [this](HttpRequest &r) { return signupApi.signUp(r); });
    anonymous("GET", QStringLiteral("/api/v1/legal"),
              [this](HttpRequest &r) { return signupApi.legalIndex(r); });
    anonymous("GET", QStringLiteral("/api/v1/legal/{document}"),
              [this](HttpRequest &r) { return signupApi.legalText(r); });

    RouteRules self;
    self.allowedWhilePasswordMustChange = true;
    RouteRules selfBodyless = self;
    selfBodyless.bodyless = true;
    signedIn("POST", QStringLiteral("/api/v1/auth/logout"), selfBodyless,
             [this](HttpRequest &r, const Actor &a) { return authApi.logout(r, a); });
    signedIn("GET", QStringLiteral("/api/v1/me"), self,
             [this](HttpRequest &r, const Actor &a) { return authApi.me(r, a); });
    signedIn("POST", QStringLiteral("/api/v1/me/password"), self,
             [this](HttpRequest &r, const Actor &a) { return authApi.changePassword(r, a); });
    signedIn("GET", QStringLiteral("/api/v1/me/consent"), self,
             [this](HttpRequest &r, const Actor &a) { return signupApi.consentStatus(r, a); });
    signedIn("POST", QStringLiteral("/api/v1/me/consent"), self,
             [this](HttpRequest &r, const Actor &a) { return signupApi.acceptConsent(r, a); });

    RouteRules admin;
    admin.access = Access::ClinicAdmin;
    RouteRules adminBodyless = admin;
    adminBodyless.bodyless = true;
    signedIn("GET", QStringLiteral("/api/v1/staff"), admin,
             [this](HttpRequest &r, const Actor &a) { return staffApi.list(r, a); });
    signedIn("POST", QStringLiteral("/api/v1/staff"), admin,
             [this](HttpRequest &r, const Actor &a) { return staffApi.create(r, a); });
    signedIn("GET", QStringLiteral("/api/v1/staff/{id}"), admin,
             [this](HttpRequest &r, const Actor &a) { return staffApi.get(r, a); });
    signedIn("PATCH", QStringLiteral("/api/v1/staff/{id}"), admin,
             [this](HttpRequest &r, const Actor &a) { return staffApi.update(r, a); });
    signedIn("POST", QStringLiteral("/api/v1/staff/{id}/reset-password"), adminBodyless,
             [this](HttpRequest &r, const Actor &a) { return staffApi.resetPassword(r, a); });
    signedIn("POST", QStringLiteral("/api/v1/staff/{id}/revoke-sessions"), adminBodyless,
             [this](HttpRequest &r, const Actor &a) { return staffApi.revokeSessions(r, a); });
    signedIn("GET", QStringLiteral("/api/v1/audit"), admin,
             [this](HttpRequest &r, const Actor &a) { return auditApi.list(r, a); });

    // The clinic routes share one ClinicApi, owned by their handlers.
    auto clinicApi = std::make_shared<ClinicApi>(services.database, services.audit);
    RouteRules colleague;
    signedIn("GET", QStringLiteral("/api/v1/clinic"), colleague,
             [clinicApi](HttpRequest &r, const Actor &a) { return clinicApi->get(r, a); });
    signedIn("PUT", ClinicApi::letterheadPath(), admin,
             [clinicApi](HttpRequest &r, const Actor &a) { return clinicApi->putLetterhead(r, a); });

    RouteRules sync;
    sync.syncBudget = true;
    signedIn("POST", QStringLiteral("/api/v1/sync/push"), sync,
             [this](HttpRequest &r, const Actor &a) { return syncApi.push(r, a); });
    signedIn("GET", QStringLiteral("/api/v1/sync/pull"), sync,
             [this](HttpRequest &r, const Actor &a) { return syncApi.pull(r, a); });

    // AI consilium: the four calls check for the doctor role themselves (403 forbidden).
    RouteRules doctorAi;
    signedIn("POST", QStringLiteral("/api/v1/ai/questions"), doctorAi,
             [this](HttpRequest &r, const Actor &a) { return aiApi.questions(r, a); });
    signedIn("POST", QStringLiteral("/api/v1/ai/differential"), doctorAi,
             [this](HttpRequest &r, const Actor &a) { return aiApi.differential(r, a); });
    signedIn("POST", QStringLiteral("/api/v1/ai/consilium"), doctorAi,
             [this](HttpRequest &r, const Actor &a) { return aiApi.consilium(r, a); });
    signedIn("POST", AiApi::imageFindingsPath(), doctorAi,
             [this](HttpRequest &r, const Actor &a) { return aiApi.imageFindings(r, a); });
    signedIn("GET", QStringLiteral("/api/v1/ai/settings"), colleague,
             [this](HttpRequest &r, const Actor &a) { return aiApi.settings(r, a); });
    signedIn("PUT", QStringLiteral("/api/v1/ai/settings"), admin,
             [this](HttpRequest &r, const Actor &a) { return aiApi.updateSettings(r, a); });
    signedIn("GET", QStringLiteral("/api/v1/ai/usage"), admin,
             [this](HttpRequest &r, const Actor &a) { return aiApi.usage(r, a); });

    // Subscription and receipts (issue 7); Telegram's webhook proves itself by its secret.
    signedIn("GET", QStringLiteral("/api/v1/subscription"), colleague,
             [this](HttpRequest &r, const Actor &a) { return subscriptionApi.get(r, a); });
    signedIn("POST", SubscriptionApi::receiptsPath(), admin,
             [this](HttpRequest &r, const Actor &a) { return subscriptionApi.uploadReceipt(r, a); });
    anonymous("POST", SubscriptionApi::webhookPath(),
              [this](HttpRequest &r) { return subscriptionApi.webhook(r); });
}

void ApiServer::Private::open(const QByteArray &method, const QString &pattern,
                              std::function<HttpReply(HttpRequest &)> handler)
{
    router.add(method, pattern, std::move(handler));
}

void ApiServer::Private::anonymous(const QByteArray &method, const QString &pattern,
                                   std::function<HttpReply(HttpRequest &)> handler)
{
    router.add(method, pattern, [this, handler = std::move(handler)](HttpRequest &request) -> HttpReply {
        if (auto limited = limitAnonymous(request))
            return *limited;
        return handler(request);
    });
}

void ApiServer::Private::signedIn(const QByteArray &method, const QString &pattern, RouteRules rules,
                                  ActorHandler handler)
{
    router.add(method, pattern, [this, rules, handler = std::move(handler)](HttpRequest &request) {
        return authenticated(request, rules, handler);
    });
}

std::optional<HttpResponse> ApiServer::Private::limitAnonymous(const HttpRequest &request)
{
    int retryAfter = 0;
    if (!anonymousLimiter.tryAcquire(QStringLiteral("ip:") + ClientKey::forAddress(request.clientAddress),
                                     &retryAfter))
        return ApiError::rateLimited(retryAfter);
    return std::nullopt;
}

HttpReply ApiServer::Private::authenticated(HttpRequest &request, const RouteRules &rules,
                                            const ActorHandler &handler)
{
    const QString token = bearerToken(request);
    if (token.isEmpty()) {
        // Callers without a valid token are anonymous: they spend their address's budget.
        if (auto limited = limitAnonymous(request))
            return *limited;
        return ApiError::unauthorized(QStringLiteral("invalid_token"),
                                      QStringLiteral("Sign in first: a bearer access token is required."));
    }
    const Outcome<Actor> actor = services.sessions.authenticate(token, request.clientAddress);
    if (!actor.ok()) {
        if (auto limited = limitAnonymous(request))
            return *limited;
        if (actor.error().kind != ServiceError::Kind::Unauthorized)
            return ApiError::response(actor.error());
        HttpResponse response = ApiError::response(actor.error());
        response.setHeader("WWW-Authenticate", "Bearer");
        return response;
    }
    int retryAfter = 0;
    RateLimiter &limiter = rules.syncBudget ? syncLimiter : userLimiter;
    if (!limiter.tryAcquire(QStringLiteral("user:") + actor.value().userId, &retryAfter))
        return ApiError::rateLimited(retryAfter);
    if (actor.value().mustChangePassword && !rules.allowedWhilePasswordMustChange)
        return ApiError::response(
            403, QStringLiteral("password_change_required"),
            QStringLiteral("Change the one-time password first (POST /api/v1/me/password)."));
    if (rules.access == Access::ClinicAdmin && actor.value().role != Role::ClinicAdmin)
        return ApiError::forbidden();
    if (rules.bodyless && !request.body.trimmed().isEmpty()) {
        JsonBodyDecoder empty(request.body, {});
        if (!empty.ok())
            return ApiError::response(empty.error());
    }
    return handler(request, actor.value());
}

HttpReply ApiServer::Private::handle(HttpRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    HttpHandler handler;
    QString pattern;
    QList<QByteArray> allowed;
    const HttpRouter::MatchResult match = router.match(request, &handler, &pattern, &allowed);
    const QString route = match == HttpRouter::MatchResult::Matched ? pattern : QStringLiteral("unmatched");

    HttpReply reply = [&]() -> HttpReply {
        if (std::optional<HttpResponse> refused = guard.check(request))
            return *refused;
        switch (match) {
        case HttpRouter::MatchResult::NotFound:
            if (auto limited = limitAnonymous(request))
                return *limited;
            return ApiError::notFound();
        case HttpRouter::MatchResult::MethodNotAllowed:
            if (auto limited = limitAnonymous(request))
                return *limited;
            return ApiError::methodNotAllowed(allowed);
        case HttpRouter::MatchResult::Matched:
            break;
        }
        return handler(request);
    }();

    Metrics &metrics = services.metrics;
    const QByteArray method = request.method;
    // Every sync answer names the database it comes from (docs/sync.md "Server restored from a
    // backup"), so a client notices a restore on any call, not only on a pull page.
    ServerDatabase *identitySource =
        request.path.startsWith(QLatin1String("/api/v1/sync/")) ? &services.database : nullptr;
    if (!reply.isDeferred()) {
        HttpResponse response = reply.response();
        addCommonHeaders(response);
        stampDatabaseId(response, identitySource);
        metrics.recordRequest(route, method, response.status, double(timer.nsecsElapsed()) / 1e9);
        return response;
    }
    // Timed when the pool finishes the work, on the thread that finished it.
    return HttpReply::later(
        reply.future().then([&metrics, route, method, timer, identitySource](HttpResponse response) {
            addCommonHeaders(response);
            stampDatabaseId(response, identitySource);
            metrics.recordRequest(route, method, response.status, double(timer.nsecsElapsed()) / 1e9);
            return response;
        }));
}

ApiServer::ApiServer(ServerServices services) : d(std::make_unique<Private>(services)) {}

ApiServer::~ApiServer()
{
    // Deferred replies still running refer to the services and the metrics.
    d->passwordPool.waitForDone();
}

HttpHandler ApiServer::handler()
{
    Private *p = d.get();
    return [p](HttpRequest &request) { return p->handle(request); };
}

QList<HttpRouter::Route> ApiServer::routes() const
{
    return d->router.routes();
}

} // namespace medora::server
