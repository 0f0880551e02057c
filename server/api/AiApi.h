#pragma once

#include "ai/AiSchemas.h"
#include "ai/AiStore.h"
#include "ai/GeminiClient.h"
#include "api/PasswordWorkPool.h"
#include "auth/AccountTypes.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "subscription/SubscriptionService.h"

#include <QString>

namespace medora::server {

struct ServerConfig;
struct AiCase;

// The AI consilium routes (docs/api.md "AI consilium"): doctors ask for clarifying
// questions, a differential, a full consilium report or image findings; any role reads the
// clinic's AI settings, the clinic admin switches AI off or on and reads usage statistics.
// Every Gemini call runs in this API's own bounded pool (a full pool answers 503 busy), is
// counted against the daily quotas before it starts, and is audited (never its content).
class AiApi
{
public:
    AiApi(const ServerConfig &config, ServerDatabase &database, AuditLog &audit);
    ~AiApi();

    static QString imageFindingsPath() { return QStringLiteral("/api/v1/ai/image-findings"); }
    // The image route's body limit: every image at its largest, base64, plus the case text.
    static qint64 imageBodyLimit(const ServerConfig &config);

    HttpReply questions(HttpRequest &request, const Actor &actor);
    HttpReply differential(HttpRequest &request, const Actor &actor);
    HttpReply consilium(HttpRequest &request, const Actor &actor);
    HttpReply imageFindings(HttpRequest &request, const Actor &actor);
    HttpReply settings(HttpRequest &request, const Actor &actor);
    HttpReply updateSettings(HttpRequest &request, const Actor &actor);
    HttpReply usage(HttpRequest &request, const Actor &actor);

private:
    HttpReply run(AiKind kind, HttpRequest &request, const Actor &actor);
    HttpResponse work(AiKind kind, const AiCase &input, const AiPatientFacts &patient, const Actor &actor,
                      const QString &usageId);
    QJsonObject settingsJson(const Actor &actor, bool enabled, const AiStore::UsedToday &used) const;

    const ServerConfig &m_config;
    GeminiClient m_gemini;
    AiStore m_store;
    SubscriptionService m_subscriptions; // an expired clinic gets no AI
    PasswordWorkPool m_pool;             // a bounded pool of its own: Gemini calls wait on the network
};

} // namespace medora::server
