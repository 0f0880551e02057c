#pragma once

#include "sync/SyncStatus.h"
#include "sync/SyncTransport.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace medora {

class SyncJournal;

// Drives sync (docs/sync.md): pushes the outbox in batches, pulls pages since the cursor
// (each applied in one transaction before the cursor moves), keeps a long poll open so
// another PC's change arrives within a second, backs off exponentially with jitter after a
// failure, and runs after each local save (debounced), periodically and when the server is
// reachable again. Everything it needs to resume lives in the local store, so a crash at any
// point loses nothing. No Widgets: the desktop client and medora-cli both drive it.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int debounceMs = 1500;          // after a local save
        int periodicMs = 5 * 60 * 1000; // full round even when nothing happened
        int batchOps = 500;
        qint64 batchBytes = 512 * 1024;
        int pullLimit = 1000;
        int longPollSeconds = 20; // 0 turns the long poll off
        int backoffInitialMs = 1000;
        int backoffMaxMs = 5 * 60 * 1000;
        // Asks for the next pull page while the current one is being applied (the cursor
        // still moves only after each apply).
        bool prefetchPages = true;
        // Push batches sent before the first is answered: the next batch is read from the
        // outbox while the server applies the previous one. Rows in flight are never taken
        // again and children wait for new parents in flight, so batches stay independent.
        int pushBatchesInFlight = 2;
    };

    // What the engine did since start(), for medora-cli's summary and the benchmarks.
    struct Totals
    {
        int rounds = 0; // rounds that finished, well or not
        int failedRounds = 0;
        int pushedOps = 0;        // ops the server answered (any status)
        int appliedOps = 0;       // applied or duplicate
        int conflicts = 0;        // conflict answers
        int rejectedOps = 0;      // rejected answers
        qint64 pulledRecords = 0; // records in applied pull pages
        int pulledPages = 0;
        int resyncs = 0;
    };

    SyncEngine(SyncJournal &journal, SyncTransport &transport, QObject *parent = nullptr);
    SyncEngine(SyncJournal &journal, SyncTransport &transport, Options options, QObject *parent = nullptr);
    ~SyncEngine() override;

    const Options &options() const { return m_options; }

    // Starts the timers and a first round; stop() cancels calls in flight (the ops they
    // carried go back to pending through recovery, never lost).
    void start();
    void stop();
    bool isRunning() const;

    // A local save happened: a round starts after the debounce.
    void notifyLocalChange();
    // The network or the session came back: retry now instead of waiting out the backoff.
    void notifyReconnected();
    // One round now (push everything, then pull until no more pages); roundFinished() follows.
    void syncNow();

    SyncStatus status() const;
    const Totals &totals() const;

    // The wait before retry number `failures` (1 = the first retry): min(max, initial * 2^(n-1))
    // scaled by `unitRandom` in [0, 1) mapped onto [0.5, 1.0).
    static qint64 backoffDelayMs(int failures, int initialMs, int maxMs, double unitRandom);

signals:
    void statusChanged(const medora::SyncStatus &status);
    // After a pulled page was applied: patients (search index), visits, reports or payments
    // may have changed in the local store. `records` is 0 after a full re-download, which
    // removes the rows the server no longer has.
    void pageApplied(int records);
    // `ok` is false when the round stopped on a failure (then a retry is scheduled).
    void roundFinished(bool ok);

private:
    class Private;
    std::unique_ptr<Private> d;
    Options m_options;
};

} // namespace medora
