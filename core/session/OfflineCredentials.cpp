#include "session/OfflineCredentials.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <sodium.h>

#include <algorithm>
#include <mutex>

namespace medora {

namespace {

constexpr qint64 kMaxFileBytes = 64 * 1024;

const QLatin1String kFormatKey("format");
const QLatin1String kEnrolledAtKey("enrolledAt");
const QLatin1String kServerKey("server");
const QLatin1String kUserKey("user");
const QLatin1String kVerifierKey("verifier");
const QLatin1String kStoredAtKey("storedAt");
const QLatin1String kFailedAttemptsKey("failedAttempts");
const QLatin1String kLastFailureAtKey("lastFailureAt");

bool sodiumReady()
{
    static std::once_flag once;
    static bool ready = false;
    std::call_once(once, [] { ready = sodium_init() >= 0; });
    return ready;
}

// libsodium reads the encoded verifier as a C string of at most crypto_pwhash_STRBYTES bytes.
bool plausibleVerifier(const QByteArray &encoded)
{
    return encoded.startsWith("$argon2id$") && encoded.size() < int(crypto_pwhash_STRBYTES) &&
           !encoded.contains('\0');
}

QByteArray hashPassword(const QString &password)
{
    if (!sodiumReady())
        return {};
    QByteArray utf8 = password.toUtf8();
    char encoded[crypto_pwhash_STRBYTES];
    const int rc = crypto_pwhash_str_alg(
        encoded, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
        OfflineCredentials::kOpsLimit, OfflineCredentials::kMemLimitBytes, crypto_pwhash_ALG_ARGON2ID13);
    sodium_memzero(utf8.data(), static_cast<size_t>(utf8.size()));
    if (rc != 0)
        return {};
    return QByteArray(encoded);
}

bool passwordMatches(const QByteArray &encoded, const QString &password)
{
    if (!sodiumReady() || !plausibleVerifier(encoded))
        return false;
    QByteArray utf8 = password.toUtf8();
    const bool ok = crypto_pwhash_str_verify(encoded.constData(), utf8.constData(),
                                             static_cast<unsigned long long>(utf8.size())) == 0;
    sodium_memzero(utf8.data(), static_cast<size_t>(utf8.size()));
    return ok;
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject profileJson(const UserProfile &user)
{
    return QJsonObject{{QStringLiteral("id"), user.id},
                       {QStringLiteral("clinicId"), user.clinicId},
                       {QStringLiteral("clinicName"), user.clinicName},
                       {QStringLiteral("login"), user.login},
                       {QStringLiteral("phone"), user.phone},
                       {QStringLiteral("fullName"), user.fullName},
                       {QStringLiteral("role"), user.role}};
}

std::optional<UserProfile> profileOf(const QJsonObject &state)
{
    std::optional<UserProfile> user = UserProfile::fromJson(state.value(kUserKey).toObject());
    if (user)
        user->mustChangePassword = false;
    return user;
}

} // namespace

int OfflineCredentials::delaySecondsAfter(int failures)
{
    if (failures <= kFreeFailures)
        return 0;
    const int exponent = failures - kFreeFailures - 1;
    if (exponent >= 16)
        return kMaxDelaySeconds;
    return std::min(1 << exponent, kMaxDelaySeconds);
}

OfflineCredentials::OfflineCredentials(const QString &filePath) : m_filePath(filePath)
{
    sodiumReady();
}

void OfflineCredentials::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

QDateTime OfflineCredentials::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

std::optional<QJsonObject> OfflineCredentials::load() const
{
    QFile file(m_filePath);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly)) {
        m_lastError =
            tr("The offline sign-in file %1 cannot be read: %2").arg(m_filePath, file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.read(kMaxFileBytes + 1);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (bytes.size() > kMaxFileBytes || error.error != QJsonParseError::NoError || !document.isObject() ||
        document.object().value(kFormatKey).toInt() != kFormat) {
        m_lastError =
            tr("The offline sign-in file %1 is damaged; sign in online once to renew it.").arg(m_filePath);
        return std::nullopt;
    }
    return document.object();
}

bool OfflineCredentials::save(const QJsonObject &state)
{
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        m_lastError =
            tr("The offline sign-in file %1 cannot be written: %2").arg(m_filePath, file.errorString());
        return false;
    }
    // QSaveFile copies an existing file's permissions; owner-only whatever they were.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(state).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        m_lastError =
            tr("The offline sign-in file %1 cannot be written: %2").arg(m_filePath, file.errorString());
        return false;
    }
    m_lastError.clear();
    return true;
}

bool OfflineCredentials::remember(const UserProfile &user, const QString &server, const QString &password)
{
    const QByteArray verifier = hashPassword(password);
    if (verifier.isEmpty()) {
        m_lastError = tr("The password could not be prepared for offline sign-in (not enough memory).");
        return false;
    }
    const std::optional<QJsonObject> previous = load();
    const QDateTime time = now();
    QJsonObject state;
    state.insert(kFormatKey, kFormat);
    state.insert(kEnrolledAtKey,
                 previous ? previous->value(kEnrolledAtKey).toString(timeText(time)) : timeText(time));
    state.insert(kServerKey, server);
    state.insert(kUserKey, profileJson(user));
    state.insert(kVerifierKey, QString::fromLatin1(verifier));
    state.insert(kStoredAtKey, timeText(time));
    state.insert(kFailedAttemptsKey, 0);
    return save(state);
}

bool OfflineCredentials::forget()
{
    const std::optional<QJsonObject> previous = load();
    QJsonObject state;
    state.insert(kFormatKey, kFormat);
    state.insert(kEnrolledAtKey,
                 previous ? previous->value(kEnrolledAtKey).toString(timeText(now())) : timeText(now()));
    return save(state);
}

bool OfflineCredentials::isEnrolled() const
{
    // A damaged file still counts: deleting or spoiling it must not open the data.
    return QFileInfo::exists(m_filePath);
}

bool OfflineCredentials::hasVerifier() const
{
    const std::optional<QJsonObject> state = load();
    return state && plausibleVerifier(state->value(kVerifierKey).toString().toLatin1()) && profileOf(*state);
}

std::optional<UserProfile> OfflineCredentials::rememberedUser() const
{
    const std::optional<QJsonObject> state = load();
    if (!state || !plausibleVerifier(state->value(kVerifierKey).toString().toLatin1()))
        return std::nullopt;
    return profileOf(*state);
}

QString OfflineCredentials::rememberedServer() const
{
    const std::optional<QJsonObject> state = load();
    return state ? state->value(kServerKey).toString() : QString();
}

bool OfflineCredentials::isRememberedLogin(const QString &login, const QString &server) const
{
    const std::optional<UserProfile> user = rememberedUser();
    if (!user || login.isEmpty() || server != rememberedServer())
        return false;
    return login.compare(user->login, Qt::CaseInsensitive) == 0 ||
           (!user->phone.isEmpty() && login == user->phone);
}

OfflineCredentials::Check OfflineCredentials::verifyLogin(const QString &login, const QString &server,
                                                          const QString &password)
{
    const std::optional<QJsonObject> state = load();
    if (!state || !rememberedUser())
        return Check{};
    if (!isRememberedLogin(login, server)) {
        Check other;
        other.verdict = Verdict::OtherUser;
        return other;
    }
    return check(*state, password);
}

OfflineCredentials::Check OfflineCredentials::verifyUser(const QString &userId, const QString &password)
{
    const std::optional<QJsonObject> state = load();
    const std::optional<UserProfile> user = rememberedUser();
    if (!state || !user)
        return Check{};
    if (userId.isEmpty() || user->id != userId) {
        Check other;
        other.verdict = Verdict::OtherUser;
        return other;
    }
    return check(*state, password);
}

OfflineCredentials::Check OfflineCredentials::check(QJsonObject state, const QString &password)
{
    Check result;
    const int failures = std::max(0, state.value(kFailedAttemptsKey).toInt());
    QDateTime lastFailure =
        QDateTime::fromString(state.value(kLastFailureAtKey).toString(), Qt::ISODateWithMs);
    const QDateTime time = now();
    if (failures > 0 && lastFailure.isValid()) {
        if (lastFailure > time) {
            // The clock went back: wait from now, else the wait could last until it catches up.
            lastFailure = time;
            state.insert(kLastFailureAtKey, timeText(time));
            save(state);
        }
        const qint64 waitMs = qint64(delaySecondsAfter(failures)) * 1000 - lastFailure.msecsTo(time);
        if (waitMs > 0) {
            result.verdict = Verdict::Throttled;
            result.retryAfterSeconds = int((waitMs + 999) / 1000);
            return result;
        }
    }

    const QByteArray verifier = state.value(kVerifierKey).toString().toLatin1();
    if (!passwordMatches(verifier, password)) {
        state.insert(kFailedAttemptsKey, failures + 1);
        state.insert(kLastFailureAtKey, timeText(time));
        save(state);
        result.verdict = Verdict::WrongPassword;
        result.retryAfterSeconds = delaySecondsAfter(failures + 1);
        return result;
    }

    result.verdict = Verdict::Accepted;
    result.user = profileOf(state).value_or(UserProfile());
    bool changed = false;
    if (failures > 0 || state.contains(kLastFailureAtKey)) {
        state.insert(kFailedAttemptsKey, 0);
        state.remove(kLastFailureAtKey);
        changed = true;
    }
    // Verifiers made with weaker parameters are renewed while the password is at hand.
    if (crypto_pwhash_str_needs_rehash(verifier.constData(), kOpsLimit, kMemLimitBytes) != 0) {
        const QByteArray renewed = hashPassword(password);
        if (!renewed.isEmpty()) {
            state.insert(kVerifierKey, QString::fromLatin1(renewed));
            state.insert(kStoredAtKey, timeText(time));
            changed = true;
        }
    }
    if (changed)
        save(state);
    return result;
}

int OfflineCredentials::retryAfterSeconds() const
{
    const std::optional<QJsonObject> state = load();
    if (!state)
        return 0;
    const int failures = state->value(kFailedAttemptsKey).toInt();
    const QDateTime lastFailure =
        QDateTime::fromString(state->value(kLastFailureAtKey).toString(), Qt::ISODateWithMs);
    if (failures <= 0 || !lastFailure.isValid())
        return 0;
    const QDateTime time = now();
    const qint64 elapsedMs = std::max<qint64>(0, lastFailure.msecsTo(time));
    const qint64 waitMs = qint64(delaySecondsAfter(failures)) * 1000 - elapsedMs;
    return waitMs > 0 ? int((waitMs + 999) / 1000) : 0;
}

int OfflineCredentials::failedAttempts() const
{
    const std::optional<QJsonObject> state = load();
    return state ? std::max(0, state->value(kFailedAttemptsKey).toInt()) : 0;
}

} // namespace medora
