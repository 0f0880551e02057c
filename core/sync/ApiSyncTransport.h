#pragma once

#include "sync/SyncTransport.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <map>
#include <memory>

namespace medora {

class SessionManager;

// SyncTransport over medora-server's HTTP API: every call goes through
// SessionManager::authorizedSend, which adds the access token and refreshes it once on a 401.
// Answers are decoded by SyncProtocol here, so the engine only ever sees well-formed pages and
// results; anything else arrives as an ApiError of kind BadResponse. A pulled page (up to
// 16 MiB of JSON) is parsed on a pool thread, so neither the window nor the apply of the
// previous page waits for it.
class ApiSyncTransport : public QObject, public SyncTransport
{
    Q_OBJECT

public:
    // A page of 1000 records with long patient texts or report sections is several MiB.
    static constexpr qint64 kMaxPullResponseBytes = 16 * 1024 * 1024;
    static constexpr qint64 kMaxPushResponseBytes = 16 * 1024 * 1024;
    // A long poll's answer may legitimately take `wait` seconds; the transfer timeout covers
    // the wait plus this much for the server and the network.
    static constexpr int kLongPollMarginMs = 15000;

    explicit ApiSyncTransport(SessionManager &session, QObject *parent = nullptr);
    ~ApiSyncTransport() override;

    // Sent with every push when the request carries none (SessionManager::deviceId() by default).
    void setDeviceId(const QString &deviceId) { m_deviceId = deviceId; }
    QString deviceId() const { return m_deviceId; }

    void push(const PushRequest &request, QObject *context, PushDone done) override;
    void pull(qint64 after, int limit, int waitSeconds, QObject *context, PullDone done) override;
    void pull(qint64 after, int limit, int waitSeconds, QObject *context, PullDone done,
              PullAhead ahead) override;
    void cancelAll() override;
    bool isAvailable() const override;

    int callsInFlight() const { return static_cast<int>(m_calls.size()); }

    static ApiError badResponse(const QString &message);

signals:
    // The session became usable or stopped being so; the app connects `true` to
    // SyncEngine::notifyReconnected().
    void availabilityChanged(bool available);

private:
    struct Mailbox;
    void pushDecoded(quint64 call, const ApiError &error, const PushResponse &response, const PushDone &done);

    struct Call
    {
        quint64 sessionCall = 0; // SessionManager's id, 0 until known or once answered
        QPointer<QObject> context;
        bool hasContext = false;
        PullDone pullDone; // a pull whose page is being decoded on a pool thread
    };

    // Registers a call before it is sent, so an answer that arrives at once still finds it.
    quint64 beginCall(QObject *context);
    // False when the call was cancelled meanwhile or its context is gone (its answer must then
    // be dropped); the call is forgotten either way.
    bool endCall(quint64 call);
    void decodePage(quint64 call, const QByteArray &body);
    void pageDecoded(quint64 call, const ApiError &error, const PullPage &page);

    SessionManager &m_session;
    QString m_deviceId;
    quint64 m_nextCall = 1;
    std::map<quint64, Call> m_calls;
    bool m_wasAvailable = false;
    // Shared with the decoding tasks: where their results go, while this transport lives.
    std::shared_ptr<Mailbox> m_mailbox;
};

} // namespace medora
