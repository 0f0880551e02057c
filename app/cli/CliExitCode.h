#pragma once

namespace medora {

// medora-cli's exit codes: the contract with scripts (docs/cli.md lists the same).
enum CliExitCode : int
{
    Done = 0,
    UsageError = 1,
    InvalidInput = 2,
    StoreFailure = 3,
    SyncFailed = 4, // the server could not be reached or refused, or no one is signed in
    NotInSync = 5,  // the round worked, but changes wait (error list, conflicts) or status is not green
};

} // namespace medora
