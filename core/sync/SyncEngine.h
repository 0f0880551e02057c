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
        int batchOps = 100;
        qint64 batchBytes = 512 * 1024;
        int pullLimit = 1000;
        int longPollSeconds = 20; // 0 turns the long poll off
        int backoffInitialMs = 1000;
        int backoffMaxMs = 5 * 60 * 1000;
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

signals:
    void statusChanged(const medora::SyncStatus &status);
    // After a pulled page was applied: patients (search index), visits, reports or payments
    // may have changed in the local store.
    void pageApplied(int records);
    // `ok` is false when the round stopped on a failure (then a retry is scheduled).
    void roundFinished(bool ok);

private:
    class Private;
    std::unique_ptr<Private> d;
    Options m_options;
};

} // namespace medora
