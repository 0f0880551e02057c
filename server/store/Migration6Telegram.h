#pragma once

#include "store/ServerMigrations.h"

namespace medora::server {

// Schema 6 (docs/operations.md "Telegram and subscriptions"): per-clinic subscriptions,
// uploaded payment receipts, the Telegram outbox (every message the server sends, written in
// the transaction of the change it reports) and the Telegram updates already handled.
ServerMigrations::Step migration6Telegram();

} // namespace medora::server
