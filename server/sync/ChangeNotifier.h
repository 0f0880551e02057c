#pragma once

#include <QFuture>
#include <QString>

#include <memory>
#include <optional>

namespace medora::server {

// Wakes long-polling pulls when their clinic's feed moves. A waiter is a QFuture<void> that
// finishes when the clinic's feed passes the sequence the waiter has seen, when its time is
// up, or when the notifier shuts down, so no request thread is held while a pull waits.
// Deadlines run on one small timer thread of the notifier's own. The number of waiters is
// bounded: past the bound waitForChange() refuses and the caller answers at once.
class ChangeNotifier
{
public:
    explicit ChangeNotifier(int maxWaiters = 1000);
    ~ChangeNotifier(); // shuts down
    ChangeNotifier(const ChangeNotifier &) = delete;
    ChangeNotifier &operator=(const ChangeNotifier &) = delete;

    // Finishes at once when the clinic's feed is already known to be past `seenSequence`.
    // Empty when maxWaiters are waiting already (or after shutdown).
    std::optional<QFuture<void>> waitForChange(const QString &clinicId, qint64 seenSequence, int timeoutMs);

    // A commit moved the clinic's feed to `sequence`: wakes its waiters that have seen less.
    // Thread-safe; cheap when nobody waits.
    void notify(const QString &clinicId, qint64 sequence);

    // Finishes every waiter now and refuses new ones.
    void shutdown();

    int waiting() const;
    int maxWaiters() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace medora::server
