#pragma once

#include "store/ServerMigrations.h"

namespace medora::server {

// Migration 8 (docs/operations.md "Backups"): what the operator commands record so
// `preflight` can prove them: finished backups, restore drills and restores. The database
// identity itself stays in sync_meta (migration 3), which `restore` replaces.
ServerMigrations::Step migration8Operations();

} // namespace medora::server
