#pragma once

#include "http/HttpLimits.h"
#include "http/HttpResponse.h"

#include <atomic>

namespace medora::server {

// What the listener and every worker thread share. Limits, handler and observer are fixed
// before the workers start; only the counters change afterwards, so they are atomics.
struct HttpEngineState
{
    HttpLimits limits;
    HttpHandler handler;
    HttpResponseObserver observer;
    std::atomic<int> openConnections{0};
    std::atomic<qint64> connectionsReaped{0};
    // Connections beyond the cap that are being told 503; bounded separately so a flood
    // cannot turn the refusals themselves into unbounded work.
    std::atomic<int> refusingConnections{0};
};

} // namespace medora::server
