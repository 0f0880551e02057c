#pragma once

#include <QDateTime>
#include <QString>

namespace medora {

// What the sync indicator shows. It is green only when nothing waits, nothing failed and a
// pull succeeded within the last kFreshPullSeconds; otherwise it says how much waits and
// since when.
struct SyncStatus
{
    static constexpr int kFreshPullSeconds = 10 * 60;

    enum class Activity
    {
        Idle,
        Pushing,
        Pulling,
        WaitingToRetry, // backing off after a failure
        Offline,        // no server configured or not signed in
        Paused,         // locked or signed out
    };

    Activity activity = Activity::Idle;
    int pendingOps = 0;
    qint64 pendingRows = 0;
    QDateTime oldestPendingAt; // UTC
    int errors = 0;
    int conflicts = 0;
    QDateTime lastPullSucceededAt; // UTC
    QDateTime nextAttemptAt;       // UTC, when WaitingToRetry
    QString lastFailure;           // translated, empty when the last attempt worked

    bool isGreen(const QDateTime &nowUtc) const
    {
        return pendingOps == 0 && pendingRows == 0 && errors == 0 && conflicts == 0 &&
               lastPullSucceededAt.isValid() && lastPullSucceededAt.secsTo(nowUtc) <= kFreshPullSeconds;
    }
};

} // namespace medora
