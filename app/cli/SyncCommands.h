#pragma once

#include "api/ApiError.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>

class QEventLoop;

namespace medora {

class ApiClient;
class SecretStore;
class SessionManager;

// medora-cli's sync commands: the desktop client's core (SessionManager, SyncJournal,
// SyncEngine) driven without a window.
// The CLI is its own device with its own session: its settings (server address, CA file,
// device id) live in <data dir>/cli/ and its refresh token under its own keychain service,
// because refresh tokens rotate and a token shared with the desktop client would end both
// sessions the first time both refreshed it.
class SyncCommands
{
    Q_DECLARE_TR_FUNCTIONS(SyncCommands)

public:
    struct LoginArguments
    {
        QString server;
        QString caCertificate;
        bool allowInsecureHttp = false;
        QString login;
    };

    explicit SyncCommands(const QString &dataDir);
    ~SyncCommands();

    // Exit codes are CliExitCode values.
    int login(const LoginArguments &arguments, const QByteArray &password);
    // `watchSeconds` 0: one round (push everything, pull until no more pages); else keep
    // syncing (long poll) for that long.
    int sync(int watchSeconds);
    int status();
    int logout();

    static QString allowInsecureHttpSettingsKey() { return QStringLiteral("server/allowInsecureHttp"); }
    // Where this data folder's sign-in lives in the OS keychain.
    static QString keychainService();
    // The explanation of a failed call, for people (the UI has its own, richer texts).
    static QString describe(const ApiError &error);

private:
    // Builds the API client and the session from the saved settings; false (and a printed
    // reason) when no server was ever set.
    bool prepareSession();
    // Resumes the saved session; false (and a printed reason) when that is not possible.
    bool restoreSession(ApiError *failure);

    // Runs the event loop until `finished` holds or `timeoutMs` pass; the slots that change
    // what it looks at call wake().
    bool waitFor(const std::function<bool()> &finished, int timeoutMs);
    void wake();

    QString m_dataDir;
    QEventLoop *m_waitLoop = nullptr;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<SessionManager> m_session;
};

} // namespace medora
