#pragma once

#include "api/ApiError.h"
#include "api/ReplyTransfer.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <map>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace medora {

class ApiNetworkThread;

// The client's only door to medora-server's HTTP API (/api/v1, see docs/api.md).
// Asynchronous: every call returns at once and reports through its callback from the event
// loop; nothing here spins a nested event loop. Transport rules that protect the tokens:
// - https:// only, unless the development switch allows http:// (setAllowInsecureHttp);
// - TLS is verified against the system's CAs plus, optionally, the clinic's own CA for a
//   self-hosted server; certificate errors are never ignored;
// - redirects are not followed (a bearer token must not travel to another address);
// - every transfer has a timeout and every answer a size limit.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    struct Response
    {
        int httpStatus = 0;
        QJsonObject json;     // the body when it is a JSON object; empty for 204 and errors
        QByteArray body;      // with RequestOptions::rawBody: a 2xx body as received, not parsed
        QDateTime serverTime; // the Date header (UTC); invalid when absent
        QList<QPair<QByteArray, QByteArray>> headers; // as received (names as the server wrote them)
        ApiError error;
        bool ok() const { return error.ok(); }
    };
    using Callback = std::function<void(const Response &)>;

    static constexpr int kDefaultTransferTimeoutMs = 20000;
    static constexpr qint64 kDefaultMaxResponseBytes = 4 * 1024 * 1024;

    explicit ApiClient(QObject *parent = nullptr);
    // Pending calls are aborted without calling their callbacks.
    ~ApiClient() override;

    // The development switch: lets http:// through (shown in the UI whenever it is on).
    void setAllowInsecureHttp(bool allow);
    bool allowsInsecureHttp() const { return m_allowInsecureHttp; }

    // Accepts "clinic.example.uz", "clinic.example.uz:8443", "https://host/prefix" and, with
    // the switch, "http://…". A bare host name means https. On error nothing changes.
    ApiError setServerAddress(const QString &address);
    static ApiError parseServerAddress(const QString &address, bool allowInsecureHttp, QUrl *url);
    QUrl serverUrl() const { return m_serverUrl; }
    bool hasServer() const { return m_serverUrl.isValid(); }

    // Trusts the clinic's own CA (a PEM file with one or more certificates) in addition to
    // the system's CAs. An empty path goes back to the system's CAs only. On failure nothing
    // changes and `error` says why (translated).
    bool setCaCertificateFile(const QString &path, QString *error = nullptr);
    QString caCertificateFile() const { return m_caCertificateFile; }

    void setTransferTimeout(int milliseconds) { m_transferTimeoutMs = milliseconds; }
    int transferTimeout() const { return m_transferTimeoutMs; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    qint64 maxResponseBytes() const { return m_maxResponseBytes; }

    // What one call may do differently from the client's defaults: sync's long polls wait
    // longer than the transfer timeout, and its pages are larger than the response limit.
    struct RequestOptions
    {
        QUrlQuery query;             // appended to the endpoint's URL
        int transferTimeoutMs = 0;   // 0: transferTimeout()
        qint64 maxResponseBytes = 0; // 0: maxResponseBytes()
        // A 2xx body is handed over in Response::body unparsed, so that a large answer can
        // be parsed away from the thread that runs the window. Error bodies are parsed as ever.
        bool rawBody = false;
        // The request body as JSON text already printed (used when `body` is null), so that a
        // large body can be printed away from the thread that runs the window.
        QByteArray jsonBody;
        // Told how much of the request body has been written (sent, total), as the network
        // reports it; called on the thread of the client, never after the call finished.
        // A call with it runs on this thread, `networkThread` notwithstanding.
        std::function<void(qint64 sent, qint64 total)> uploadProgress;
        // Runs the transfer on the client's network thread (see ApiNetworkThread): for large
        // bodies sent while this thread is busy with other work, as sync's pushes are.
        bool networkThread = false;
        // Prints the request body (JSON) when `body` and `jsonBody` are empty: on the network
        // thread with `networkThread`, so a large body never takes a detour through this one.
        std::function<QByteArray()> printBody;
        // With `networkThread` and `rawBody`: runs there with a 2xx answer's body before the
        // answer is handed over, so a large answer is read while this thread does other work
        // (the function keeps what it reads; it is not called for other answers).
        std::function<void(const QByteArray &body)> readBody;
    };

    // A call to /api/v1/<path>. `accessToken` goes into "Authorization: Bearer"; `body` is
    // sent as JSON unless null. `done` runs once, unless `context` is destroyed first.
    // Returns an id for abort().
    quint64 send(const QByteArray &method, const QString &path, const QJsonObject *body,
                 const QByteArray &accessToken, QObject *context, Callback done);
    quint64 send(const QByteArray &method, const QString &path, const QJsonObject *body,
                 const QByteArray &accessToken, const RequestOptions &options, QObject *context,
                 Callback done);
    // The callback runs with a Cancelled error.
    void abort(quint64 id);
    int pendingCount() const { return static_cast<int>(m_pending.size()); }

    // The endpoints of the contract (docs/api.md).
    quint64 login(const QString &login, const QString &password, const QString &deviceId,
                  const QString &deviceName, QObject *context, Callback done);
    quint64 refresh(const QByteArray &refreshToken, const QString &deviceId, QObject *context, Callback done);
    quint64 logout(const QByteArray &accessToken, QObject *context, Callback done);
    quint64 me(const QByteArray &accessToken, QObject *context, Callback done);
    quint64 changePassword(const QByteArray &accessToken, const QString &currentPassword,
                           const QString &newPassword, QObject *context, Callback done);

private:
    struct Pending
    {
        QNetworkReply *reply = nullptr; // null when the transfer runs on the network thread
        ReplyTransfer transfer;
        bool hasContext = false;
        QPointer<QObject> context;
        Callback done;
    };

    QUrl endpoint(const QString &path, const QUrlQuery &query = QUrlQuery()) const;
    void onFinished(quint64 id);
    void forgetConnections();
    void onNetworkThreadFinished(quint64 id, const Response &response);
    void finishLater(QObject *context, Callback done, const ApiError &error);

    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<ApiNetworkThread> m_networkThread; // started on first use
    QUrl m_serverUrl;
    bool m_allowInsecureHttp = false;
    QString m_caCertificateFile;
    QSslConfiguration m_sslConfiguration;
    int m_transferTimeoutMs = kDefaultTransferTimeoutMs;
    qint64 m_maxResponseBytes = kDefaultMaxResponseBytes;
    quint64 m_nextId = 1;
    std::map<quint64, Pending> m_pending;
};

} // namespace medora
