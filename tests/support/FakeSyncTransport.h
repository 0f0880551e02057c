#pragma once

#include "sync/SyncTransport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QUuid>

#include <functional>
#include <map>
#include <optional>

class QTimer;

namespace medora {

// A sync server in memory behind the SyncTransport interface, for engine tests: it applies
// pushes (remembering every op's answer, so replays are "duplicate"), keeps one feed record
// per entity at the sequence of its latest revision, serves pages, holds long polls until
// the feed moves, and injects faults: failing calls, answers lost after the server applied
// them, delays, pushes that are never answered, and 410 for cursors older than `horizon`.
// Answers always arrive asynchronously, on the event loop, like a real transport's.
class FakeSyncTransport : public QObject, public SyncTransport
{
    Q_OBJECT

public:
    struct PushCall
    {
        QList<PushOperation> ops;
        qint64 atMs = 0; // since the transport was made
    };
    struct PullCall
    {
        qint64 after = 0;
        int limit = 0;
        int waitSeconds = 0;
        qint64 atMs = 0;
    };

    explicit FakeSyncTransport(QObject *parent = nullptr);
    ~FakeSyncTransport() override;

    // --- the server's state
    QString databaseId = QStringLiteral("0123456789abcdef0123456789abcdef");
    qint64 horizon = 0; // pulls with 0 < after < horizon answer 410 resync_required
    qint64 lastSequence = 0;
    QMap<QUuid, SyncRecord> records;      // by entity id: the feed, one record per entity
    QHash<QUuid, PushResult> answeredOps; // by opId: the first answer
    QHash<QUuid, int> timesApplied;       // by entity id: how many times it changed
    // Decides an op's answer instead of applying it (conflicts, rejections); nullopt = apply.
    std::function<std::optional<PushResult>(const PushOperation &)> pushRule;

    // Another PC's change: stores the record at the next sequence (revision + 1) and wakes
    // the long polls. Returns the sequence.
    qint64 putRecord(EntityKind entity, const QUuid &id, const QJsonObject &data, bool deleted = false);

    // --- faults
    int responseDelayMs = 0;
    int msPerWaitSecond = 1000;   // how long a long poll is held per second of `wait`
    QList<ApiError> pushFailures; // the next pushes fail with these, nothing applied
    QList<ApiError> pullFailures; // the next pulls fail with these
    // Fails a pull by what it asks for (checked before pullFailures); nullopt = serve it.
    std::function<std::optional<ApiError>(const PullCall &)> pullFault;
    int losePushResponses = 0; // the next pushes are applied, but the answer is lost (offline)
    bool holdPushes = false;   // pushes are neither applied nor answered (a hung server)
    bool available = true;
    // Like the real server's Medora-Feed-Next header: a page with more after it names the next
    // cursor halfway through its delay, before the page itself is answered.
    bool announceNext = false;
    QList<int> pullDelaysMs; // the next answered pulls take these delays instead of responseDelayMs

    static ApiError offline();
    static ApiError serverError(int httpStatus, const QString &code);

    // --- what the engine did
    QList<PushCall> pushes;
    QList<PullCall> pulls;
    int cancelled = 0; // calls dropped by cancelAll()
    int callsInFlight() const { return static_cast<int>(m_pending.size()); }
    int heldLongPolls() const;
    qint64 elapsedMs() const { return m_clock.elapsed(); }

    // SyncTransport
    void push(const PushRequest &request, QObject *context, PushDone done) override;
    void pull(qint64 after, int limit, int waitSeconds, QObject *context, PullDone done) override;
    void pull(qint64 after, int limit, int waitSeconds, QObject *context, PullDone done,
              PullAhead ahead) override;
    void cancelAll() override;
    bool isAvailable() const override { return available; }

signals:
    void pushReceived(int index);
    void pullReceived(int index);
    void answered();

private:
    struct Pending
    {
        QTimer *timer = nullptr;
        std::function<void()> deliver;
        bool longPoll = false;
        qint64 after = 0;
        int limit = 0;
        QPointer<QObject> context;
        bool hasContext = false;
        PullDone pullDone;
    };

    PushResult apply(const PushOperation &op);
    PullPage pageAfter(qint64 after, int limit) const;
    quint64 schedule(int delayMs, std::function<void()> deliver);
    void finish(quint64 id);
    void wakeLongPolls();

    QElapsedTimer m_clock;
    quint64 m_nextId = 1;
    std::map<quint64, Pending> m_pending;
};

} // namespace medora
