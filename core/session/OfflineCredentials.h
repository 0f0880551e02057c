#pragma once

#include "api/UserProfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace medora {

// Lets the person who last signed in online on this PC open the local data while the server
// cannot be reached: an Argon2id verifier of their password (libsodium crypto_pwhash_str with
// OWASP's parameters, m = 19 MiB, t = 2, p = 1, in the encoded "$argon2id$…" form) and the
// profile needed to work offline. Never the password, never a token.
//
// Kept in a small JSON file of its own in the data folder, owner-only (0600) and replaced
// atomically: it is state of this PC, not synced data, so it stays out of the registry's
// schema and migrations, never joins a store transaction or a bulk import, and can be read
// before the registry opens.
//
// Only one account at a time: remembering another account replaces the previous one. Wrong
// passwords are throttled here, persistently (a restart does not reset the count): the first
// kFreeFailures are free, then each attempt waits 1 s, 2 s, 4 s … after the previous failure,
// capped at kMaxDelaySeconds, so nobody is locked out for good. A right password clears it.
//
// Once anyone has signed in online with this data folder the file stays ("enrolled"), even
// when the verifier is forgotten: the local data then needs a session to be shown.
class OfflineCredentials
{
    Q_DECLARE_TR_FUNCTIONS(OfflineCredentials)

public:
    enum class Verdict
    {
        Accepted,
        WrongPassword,
        Throttled,  // too many wrong passwords: not checked, wait retryAfterSeconds
        OtherUser,  // a verifier exists, but for another account or another server
        NoVerifier, // nobody can sign in offline here
    };

    struct Check
    {
        Verdict verdict = Verdict::NoVerifier;
        // Throttled: the wait before the password is checked again. WrongPassword: the wait
        // the next attempt will meet (0 while failures are still free).
        int retryAfterSeconds = 0;
        UserProfile user; // Accepted: who may work offline

        bool accepted() const { return verdict == Verdict::Accepted; }
    };

    static constexpr int kFormat = 1;
    static constexpr int kFreeFailures = 5;
    static constexpr int kMaxDelaySeconds = 5 * 60;
    static constexpr unsigned long long kOpsLimit = 2;
    static constexpr size_t kMemLimitBytes = 19 * 1024 * 1024;

    static QString fileName() { return QStringLiteral("offline-sign-in.json"); }
    // The seconds an attempt must wait after the last of `failures` wrong passwords.
    static int delaySecondsAfter(int failures);

    explicit OfflineCredentials(const QString &filePath);

    QString filePath() const { return m_filePath; }
    // Translated reason of the last failed write or unreadable file; empty when none.
    QString lastError() const { return m_lastError; }
    // For tests: the clock of the throttle (UTC).
    void setClock(std::function<QDateTime()> clock);

    // After an online sign-in or a password change: the account, the server it belongs to
    // (its URL) and a fresh verifier of `password` replace whatever was remembered, and the
    // throttle starts over. False (see lastError) when the file cannot be written.
    bool remember(const UserProfile &user, const QString &server, const QString &password);
    // Drops the verifier and the profile (the server refused the account's session); the
    // folder stays enrolled.
    bool forget();

    bool isEnrolled() const;
    bool hasVerifier() const;
    std::optional<UserProfile> rememberedUser() const;
    QString rememberedServer() const;
    // `login`: as SessionManager::normalizedLogin gives it (E.164 for phones). Matches the
    // login (case-insensitively) or the phone of the remembered account on `server`.
    bool isRememberedLogin(const QString &login, const QString &server) const;

    // Sign-in without the server: the login must be the remembered one on `server`.
    Check verifyLogin(const QString &login, const QString &server, const QString &password);
    // The lock screen: the password of the signed-in account `userId`.
    Check verifyUser(const QString &userId, const QString &password);

    // The wait before the next password is checked (0 when none).
    int retryAfterSeconds() const;
    int failedAttempts() const;

private:
    std::optional<QJsonObject> load() const;
    bool save(const QJsonObject &state);
    Check check(QJsonObject state, const QString &password);
    QDateTime now() const;

    QString m_filePath;
    mutable QString m_lastError;
    std::function<QDateTime()> m_clock;
};

} // namespace medora
