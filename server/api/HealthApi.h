#pragma once

#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

namespace medora::server {

struct ServerConfig;
class ServerDatabase;
class Metrics;

// /health (the process answers; with the database identity, docs/api.md), /ready (the database answers),
// /metrics (Prometheus text, only to MEDORA_METRICS_ALLOWED addresses; everyone else sees 404 as if it did
// not exist).
class HealthApi
{
public:
    HealthApi(const ServerConfig &config, ServerDatabase &database, Metrics &metrics);

    HttpReply health(const HttpRequest &request);
    HttpReply ready(const HttpRequest &request);
    HttpReply metrics(const HttpRequest &request);

private:
    const ServerConfig &m_config;
    ServerDatabase &m_database;
    Metrics &m_metrics;
};

} // namespace medora::server
