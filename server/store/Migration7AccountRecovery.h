#pragma once

#include "store/ServerMigrations.h"

namespace medora::server {

// Account recovery and consent (docs/security.md "Password reset", "Consent"): one-time codes
// for password reset and sign-up phone checks, an optional recovery e-mail per account, and
// every acceptance of the terms of use and the privacy policy with its version and time.
ServerMigrations::Step migration7AccountRecovery();

} // namespace medora::server
