#pragma once

namespace medora {

// Where a locally stored row stands with respect to the server (see docs/sync.md).
enum class SyncState : int
{
    New = 0,       // born here, never sent
    Modified = 1,  // changed here since the last acknowledged upload
    Uploading = 2, // part of a push that has not been answered yet
    Synced = 3,    // identical to the server's revision
    Error = 4,     // the server rejected it; the reason is kept for the user
    Conflict = 5,  // changed on both sides; waits for a human
};

} // namespace medora
