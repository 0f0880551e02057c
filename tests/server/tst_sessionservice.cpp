#include "audit/AuditLog.h"
#include "auth/AccountService.h"
#include "auth/LoginThrottle.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionService.h"
#include "store/ServerDatabase.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace medora::server;

namespace {

const QString kPassword = QStringLiteral("lantern kettle 93");
const QString kDevice = QStringLiteral("laptop-reception-01");

} // namespace

class TestSessionService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void signsInByLoginInAnyCase();
    void signsInByPhoneInLocalForms();
    void tokensAreRandomAndStoredOnlyHashed();
    void wrongUnknownAndDisabledLookTheSame();
    void repeatedFailuresAreThrottled();
    void badInputIsReportedByField();
    void authenticateReturnsTheActor();
    void accessTokenExpires();
    void refreshRotatesBothTokens();
    void reusedRefreshTokenRevokesTheSession();
    void anyEarlierRefreshTokenRevokesTheSession();
    void knownDeviceIsNotLockedOutByAnAttacker();
    void loginAndPhoneShareOneThrottle();
    void refreshFromAnotherDeviceChangesNothing();
    void refreshTokenExpiresWhenIdle();
    void sessionEndsAtItsAbsoluteLifetime();
    void logoutEndsTheSession();
    void revokeAllEndsEverySessionAtOnce();
    void signingInAgainOnTheSameDeviceReplacesTheSession();

private:
    Outcome<IssuedSession> login(const QString &identifier, const QString &password = kPassword,
                                 const QString &device = kDevice);
    Outcome<IssuedSession> loginFrom(const QHostAddress &address, const QString &password,
                                     const QString &device);
    QStringList auditActions();
    QString lastFailureReason();
    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerDatabase> m_database;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<PasswordHasher> m_hasher;
    std::unique_ptr<LoginThrottle> m_throttle;
    std::unique_ptr<SessionService> m_sessions;
    std::unique_ptr<AccountService> m_accounts;
    QDateTime m_now;
    QString m_clinicId;
    QString m_userId;
    const QHostAddress m_address{QStringLiteral("192.0.2.20")};
};

void TestSessionService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<ServerDatabase>(m_dir->filePath(QStringLiteral("server.sqlite")));
    QString error;
    QVERIFY2(m_database->open(&error) && m_database->migrate(&error), qPrintable(error));
    m_audit = std::make_unique<AuditLog>(*m_database);
    m_hasher = std::make_unique<PasswordHasher>(PasswordHasher::Parameters{1, 64 * 1024});
    m_throttle = std::make_unique<LoginThrottle>();
    m_now = QDateTime(QDate(2025, 4, 1), QTime(8, 0), Qt::UTC);
    m_throttle->setClock([this] { return m_now; });
    m_sessions =
        std::make_unique<SessionService>(*m_database, *m_audit, *m_hasher, *m_throttle, SessionPolicy{});
    m_sessions->setClock([this] { return m_now; });
    m_accounts = std::make_unique<AccountService>(*m_database, *m_audit, *m_hasher, *m_sessions);

    Actor operatorActor;
    operatorActor.login = QStringLiteral("operator");
    const Outcome<Clinic> clinic = m_accounts->createClinic(operatorActor, QStringLiteral("Shifo Med"));
    QVERIFY(clinic.ok());
    m_clinicId = clinic.value().id;
    NewStaff staff;
    staff.login = QStringLiteral("aziza");
    staff.phone = QStringLiteral("+998 90 123 45 67");
    staff.fullName = QStringLiteral("Aziza Karimova");
    staff.role = Role::Doctor;
    const Outcome<CreatedStaff> created =
        m_accounts->createStaff(operatorActor, m_clinicId, staff, kPassword);
    QVERIFY(created.ok());
    m_userId = created.value().account.id;
}

void TestSessionService::cleanup()
{
    m_accounts.reset();
    m_sessions.reset();
    m_audit.reset();
    m_database.reset();
    m_dir.reset();
}

Outcome<IssuedSession> TestSessionService::login(const QString &identifier, const QString &password,
                                                 const QString &device)
{
    LoginAttempt attempt;
    attempt.identifier = identifier;
    attempt.password = password;
    attempt.deviceId = device;
    attempt.deviceName = QStringLiteral("Reception PC");
    attempt.clientAddress = m_address;
    return m_sessions->login(attempt);
}

Outcome<IssuedSession> TestSessionService::loginFrom(const QHostAddress &address, const QString &password,
                                                     const QString &device)
{
    LoginAttempt attempt;
    attempt.identifier = QStringLiteral("aziza");
    attempt.password = password;
    attempt.deviceId = device;
    attempt.clientAddress = address;
    return m_sessions->login(attempt);
}

QStringList TestSessionService::auditActions()
{
    QStringList actions;
    QSqlQuery query(m_database->connection());
    query.exec(QStringLiteral("SELECT action FROM audit_events ORDER BY sequence"));
    while (query.next())
        actions << query.value(0).toString();
    return actions;
}

QString TestSessionService::lastFailureReason()
{
    QSqlQuery query(m_database->connection());
    query.exec(QStringLiteral("SELECT details FROM audit_events WHERE action = 'auth.login_failed' "
                              "ORDER BY sequence DESC LIMIT 1"));
    if (!query.next())
        return QString();
    return QJsonDocument::fromJson(query.value(0).toByteArray())
        .object()
        .value(QStringLiteral("reason"))
        .toString();
}

void TestSessionService::signsInByLoginInAnyCase()
{
    for (const QString &identifier : {QStringLiteral("aziza"), QStringLiteral("  AZIZA ")}) {
        const Outcome<IssuedSession> session = login(identifier);
        QVERIFY2(session.ok(), qPrintable(session.error().code));
        QCOMPARE(session.value().account.id, m_userId);
        QCOMPARE(session.value().account.login, QStringLiteral("aziza"));
        QCOMPARE(session.value().clinicName, QStringLiteral("Shifo Med"));
        QCOMPARE(session.value().account.role, Role::Doctor);
    }
    QVERIFY(auditActions().contains(QStringLiteral("auth.login")));
}

void TestSessionService::signsInByPhoneInLocalForms()
{
    for (const QString &phone :
         {QStringLiteral("+998901234567"), QStringLiteral("+998 90 123-45-67"), QStringLiteral("901234567"),
          QStringLiteral("8 90 1234567"), QStringLiteral("(90) 123 45 67")}) {
        const Outcome<IssuedSession> session = login(phone);
        QVERIFY2(session.ok(), qPrintable(phone));
        QCOMPARE(session.value().account.id, m_userId);
        QCOMPARE(session.value().account.phone, QStringLiteral("+998901234567"));
    }
    QVERIFY(!login(QStringLiteral("+998 90 123 45 68")).ok());
}

void TestSessionService::tokensAreRandomAndStoredOnlyHashed()
{
    const Outcome<IssuedSession> session = login(QStringLiteral("aziza"));
    QVERIFY(session.ok());
    const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    QVERIFY(shape.match(session.value().accessToken).hasMatch());
    QVERIFY(shape.match(session.value().refreshToken).hasMatch());
    QVERIFY(session.value().accessToken != session.value().refreshToken);
    QCOMPARE(session.value().accessExpiresAt, m_now.addSecs(15 * 60));
    QCOMPARE(session.value().refreshExpiresAt, m_now.addSecs(14 * 24 * 3600));

    QSqlQuery row(m_database->connection());
    QVERIFY(
        row.exec(QStringLiteral("SELECT access_hash, refresh_hash, device_id, device_name FROM sessions")));
    QVERIFY(row.next());
    auto sha256 = [](const QString &token) {
        return QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256).toHex();
    };
    QCOMPARE(row.value(0).toByteArray(), sha256(session.value().accessToken));
    QCOMPARE(row.value(1).toByteArray(), sha256(session.value().refreshToken));
    QCOMPARE(row.value(2).toString(), kDevice);
    QCOMPARE(row.value(3).toString(), QStringLiteral("Reception PC"));
    // No table anywhere holds a token in clear.
    QSqlQuery dump(m_database->connection());
    QVERIFY(dump.exec(QStringLiteral("SELECT details || actor_login || target_id FROM audit_events")));
    while (dump.next())
        QVERIFY(!dump.value(0).toString().contains(session.value().accessToken.left(20)));
}

void TestSessionService::wrongUnknownAndDisabledLookTheSame()
{
    Outcome<IssuedSession> wrong = login(QStringLiteral("aziza"), QStringLiteral("not the password"));
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().kind, ServiceError::Kind::Unauthorized);
    QCOMPARE(wrong.error().code, QStringLiteral("invalid_credentials"));
    QCOMPARE(lastFailureReason(), QStringLiteral("wrong_password"));

    Outcome<IssuedSession> unknown = login(QStringLiteral("nobody"));
    QCOMPARE(unknown.error().code, QStringLiteral("invalid_credentials"));
    QCOMPARE(unknown.error().message, wrong.error().message);
    QCOMPARE(lastFailureReason(), QStringLiteral("unknown_account"));

    Actor operatorActor;
    StaffChanges disable;
    disable.disabled = true;
    QVERIFY(m_accounts->updateStaff(operatorActor, m_clinicId, m_userId, disable).ok());
    Outcome<IssuedSession> disabled = login(QStringLiteral("aziza"));
    QCOMPARE(disabled.error().code, QStringLiteral("invalid_credentials"));
    QCOMPARE(disabled.error().message, wrong.error().message);
    QCOMPARE(lastFailureReason(), QStringLiteral("disabled"));

    // The failed attempt for a known account is filed under its clinic, with the typed login.
    AuditFilter filter;
    filter.action = QStringLiteral("auth.login_failed");
    const Outcome<QList<AuditEvent>> events = m_audit->list(m_clinicId, filter);
    QCOMPARE(events.value().size(), 2);
    QCOMPARE(events.value().first().entry.targetId, m_userId);
    QCOMPARE(events.value().first().entry.clientAddress, m_address.toString());
}

void TestSessionService::repeatedFailuresAreThrottled()
{
    for (int i = 0; i < 6; ++i)
        QCOMPARE(login(QStringLiteral("aziza"), QStringLiteral("guess %1").arg(i)).error().code,
                 QStringLiteral("invalid_credentials"));
    // Throttled even with the right password, and with another form of the same phone.
    Outcome<IssuedSession> throttled = login(QStringLiteral("AZIZA"));
    QCOMPARE(throttled.error().kind, ServiceError::Kind::Throttled);
    QCOMPARE(throttled.error().code, QStringLiteral("login_throttled"));
    QCOMPARE(throttled.error().retryAfterSeconds, 1);
    QCOMPARE(lastFailureReason(), QStringLiteral("throttled"));
    advance(1);
    QVERIFY(login(QStringLiteral("aziza")).ok());
    // Success cleared the pair: the next mistake is free again.
    QCOMPARE(login(QStringLiteral("aziza"), QStringLiteral("typo")).error().code,
             QStringLiteral("invalid_credentials"));
    QVERIFY(login(QStringLiteral("aziza")).ok());
}

void TestSessionService::badInputIsReportedByField()
{
    QCOMPARE(login(QString()).error().field, QStringLiteral("login"));
    QCOMPARE(login(QStringLiteral("aziza"), QString()).error().field, QStringLiteral("password"));
    QCOMPARE(login(QStringLiteral("aziza"), kPassword, QStringLiteral("short")).error().field,
             QStringLiteral("deviceId"));
    QCOMPARE(login(QStringLiteral("aziza"), kPassword, QStringLiteral("has spaces in it")).error().field,
             QStringLiteral("deviceId"));
    QCOMPARE(login(QStringLiteral("aziza"), kPassword, QStringLiteral("has spaces in it")).error().kind,
             ServiceError::Kind::BadInput);
}

void TestSessionService::authenticateReturnsTheActor()
{
    const Outcome<IssuedSession> session = login(QStringLiteral("aziza"));
    QVERIFY(session.ok());
    const QHostAddress from(QStringLiteral("192.0.2.99"));
    const Outcome<Actor> actor = m_sessions->authenticate(session.value().accessToken, from);
    QVERIFY(actor.ok());
    QCOMPARE(actor.value().userId, m_userId);
    QCOMPARE(actor.value().clinicId, m_clinicId);
    QCOMPARE(actor.value().login, QStringLiteral("aziza"));
    QCOMPARE(actor.value().role, Role::Doctor);
    QCOMPARE(actor.value().sessionId, session.value().sessionId);
    QCOMPARE(actor.value().clientAddress, from);
    QCOMPARE(actor.value().mustChangePassword, false);
    QVERIFY(!actor.value().isOperator());

    QCOMPARE(m_sessions->authenticate(session.value().refreshToken, from).error().code,
             QStringLiteral("invalid_token"));
    QCOMPARE(m_sessions->authenticate(QStringLiteral("garbage"), from).error().code,
             QStringLiteral("invalid_token"));
    QCOMPARE(m_sessions->authenticate(QString(43, QLatin1Char('A')), from).error().kind,
             ServiceError::Kind::Unauthorized);
    // authenticate writes nothing: the audit trail did not grow.
    const int before = auditActions().size();
    for (int i = 0; i < 20; ++i)
        QVERIFY(m_sessions->authenticate(session.value().accessToken, from).ok());
    QCOMPARE(auditActions().size(), before);
}

void TestSessionService::accessTokenExpires()
{
    const Outcome<IssuedSession> session = login(QStringLiteral("aziza"));
    advance(15 * 60 - 1);
    QVERIFY(m_sessions->authenticate(session.value().accessToken, m_address).ok());
    advance(1);
    const Outcome<Actor> expired = m_sessions->authenticate(session.value().accessToken, m_address);
    QCOMPARE(expired.error().kind, ServiceError::Kind::Unauthorized);
    QCOMPARE(expired.error().code, QStringLiteral("token_expired"));
}

void TestSessionService::refreshRotatesBothTokens()
{
    const Outcome<IssuedSession> first = login(QStringLiteral("aziza"));
    advance(20 * 60);
    const Outcome<IssuedSession> second = m_sessions->refresh(first.value().refreshToken, kDevice, m_address);
    QVERIFY2(second.ok(), qPrintable(second.error().code));
    QCOMPARE(second.value().sessionId, first.value().sessionId);
    QVERIFY(second.value().accessToken != first.value().accessToken);
    QVERIFY(second.value().refreshToken != first.value().refreshToken);
    QCOMPARE(second.value().accessExpiresAt, m_now.addSecs(15 * 60));
    QCOMPARE(second.value().account.id, m_userId);
    QCOMPARE(second.value().clinicName, QStringLiteral("Shifo Med"));
    QVERIFY(m_sessions->authenticate(second.value().accessToken, m_address).ok());
    QVERIFY(!m_sessions->authenticate(first.value().accessToken, m_address).ok());
    QVERIFY(auditActions().contains(QStringLiteral("auth.refresh")));
    // And again with the new one.
    QVERIFY(m_sessions->refresh(second.value().refreshToken, kDevice, m_address).ok());
}

void TestSessionService::reusedRefreshTokenRevokesTheSession()
{
    const Outcome<IssuedSession> first = login(QStringLiteral("aziza"));
    const Outcome<IssuedSession> second = m_sessions->refresh(first.value().refreshToken, kDevice, m_address);
    QVERIFY(second.ok());
    const Outcome<IssuedSession> replay = m_sessions->refresh(first.value().refreshToken, kDevice, m_address);
    QCOMPARE(replay.error().kind, ServiceError::Kind::Unauthorized);
    QCOMPARE(replay.error().code, QStringLiteral("invalid_token"));
    QVERIFY(auditActions().contains(QStringLiteral("auth.refresh_reuse")));
    // The whole device session is gone: neither the rotated tokens nor the access token work.
    QVERIFY(!m_sessions->refresh(second.value().refreshToken, kDevice, m_address).ok());
    QVERIFY(!m_sessions->authenticate(second.value().accessToken, m_address).ok());
    QSqlQuery row(m_database->connection());
    QVERIFY(row.exec(QStringLiteral("SELECT revoke_reason FROM sessions")) && row.next());
    QCOMPARE(row.value(0).toString(), QStringLiteral("refresh_reuse"));
    QVERIFY(m_audit->verify().intact);
}

void TestSessionService::anyEarlierRefreshTokenRevokesTheSession()
{
    const Outcome<IssuedSession> first = login(QStringLiteral("aziza"));
    const Outcome<IssuedSession> second = m_sessions->refresh(first.value().refreshToken, kDevice, m_address);
    QVERIFY(second.ok());
    const Outcome<IssuedSession> third = m_sessions->refresh(second.value().refreshToken, kDevice, m_address);
    QVERIFY(third.ok());
    // Two rotations back: no longer the session's previous token, still a stolen copy.
    const Outcome<IssuedSession> replay = m_sessions->refresh(first.value().refreshToken, kDevice, m_address);
    QCOMPARE(replay.error().code, QStringLiteral("invalid_token"));
    QVERIFY(auditActions().contains(QStringLiteral("auth.refresh_reuse")));
    QVERIFY(!m_sessions->authenticate(third.value().accessToken, m_address).ok());
    QVERIFY(!m_sessions->refresh(third.value().refreshToken, kDevice, m_address).ok());
    QSqlQuery row(m_database->connection());
    QVERIFY(row.exec(QStringLiteral("SELECT revoke_reason FROM sessions")) && row.next());
    QCOMPARE(row.value(0).toString(), QStringLiteral("refresh_reuse"));

    // Purging the ended session (30 days later, at the next sign-in) takes its used tokens along.
    QVERIFY(row.exec(QStringLiteral("SELECT COUNT(*) FROM used_refresh_tokens")) && row.next());
    QCOMPARE(row.value(0).toInt(), 2);
    advance(31 * 24 * 3600);
    QVERIFY(login(QStringLiteral("aziza")).ok());
    QVERIFY(row.exec(QStringLiteral("SELECT COUNT(*) FROM used_refresh_tokens")) && row.next());
    QCOMPARE(row.value(0).toInt(), 0);
    QVERIFY(row.exec(QStringLiteral("SELECT COUNT(*) FROM sessions")) && row.next());
    QCOMPARE(row.value(0).toInt(), 1);
}

void TestSessionService::knownDeviceIsNotLockedOutByAnAttacker()
{
    // The clinic's computer has signed in before (its session since ended).
    const Outcome<IssuedSession> earlier = login(QStringLiteral("aziza"));
    QVERIFY(earlier.ok());
    QVERIFY(
        m_sessions->logout(m_sessions->authenticate(earlier.value().accessToken, m_address).value()).ok());

    // A botnet guesses once a minute for two hours, each try from another address.
    for (int minute = 1; minute <= 120; ++minute) {
        advance(60);
        const QHostAddress attacker(QStringLiteral("203.0.113.%1").arg(minute));
        const Outcome<IssuedSession> guess =
            loginFrom(attacker, QStringLiteral("guess %1").arg(minute),
                      QStringLiteral("attacker-%1").arg(minute, 4, 10, QLatin1Char('0')));
        QVERIFY(!guess.ok());
        if (minute % 10 == 0) {
            const Outcome<IssuedSession> clinic = login(QStringLiteral("aziza"));
            QVERIFY2(clinic.ok(),
                     qPrintable(QStringLiteral("minute %1: %2").arg(minute).arg(clinic.error().code)));
        }
        if (minute == 60 || minute == 120) {
            // A device that never signed in is still under the per-account ceiling.
            const Outcome<IssuedSession> fresh =
                loginFrom(m_address, kPassword, QStringLiteral("new-laptop-01"));
            QCOMPARE(fresh.error().kind, ServiceError::Kind::Throttled);
        }
    }
}

void TestSessionService::loginAndPhoneShareOneThrottle()
{
    for (int i = 0; i < 3; ++i)
        QCOMPARE(login(QStringLiteral("aziza"), QStringLiteral("guess %1").arg(i)).error().code,
                 QStringLiteral("invalid_credentials"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(login(QStringLiteral("+998901234567"), QStringLiteral("phone guess %1").arg(i)).error().code,
                 QStringLiteral("invalid_credentials"));
    // Six failures on one account: the login name waits as well as the phone.
    QCOMPARE(login(QStringLiteral("aziza")).error().kind, ServiceError::Kind::Throttled);
    QCOMPARE(login(QStringLiteral("901234567")).error().kind, ServiceError::Kind::Throttled);
    // Unknown names still have their own counter.
    for (int i = 0; i < 6; ++i)
        QCOMPARE(login(QStringLiteral("nobody"), QStringLiteral("guess %1").arg(i)).error().code,
                 QStringLiteral("invalid_credentials"));
    QCOMPARE(login(QStringLiteral("nobody")).error().kind, ServiceError::Kind::Throttled);
}

void TestSessionService::refreshFromAnotherDeviceChangesNothing()
{
    const Outcome<IssuedSession> first = login(QStringLiteral("aziza"));
    const int auditBefore = auditActions().size();
    const Outcome<IssuedSession> other =
        m_sessions->refresh(first.value().refreshToken, QStringLiteral("stolen-device-99"), m_address);
    QCOMPARE(other.error().code, QStringLiteral("invalid_token"));
    QCOMPARE(auditActions().size(), auditBefore);
    QVERIFY(m_sessions->authenticate(first.value().accessToken, m_address).ok());
    QVERIFY(m_sessions->refresh(first.value().refreshToken, kDevice, m_address).ok());
}

void TestSessionService::refreshTokenExpiresWhenIdle()
{
    const Outcome<IssuedSession> first = login(QStringLiteral("aziza"));
    advance(14 * 24 * 3600 - 1);
    const Outcome<IssuedSession> second = m_sessions->refresh(first.value().refreshToken, kDevice, m_address);
    QVERIFY(second.ok());
    QCOMPARE(second.value().refreshExpiresAt, m_now.addSecs(14 * 24 * 3600));
    advance(14 * 24 * 3600);
    QCOMPARE(m_sessions->refresh(second.value().refreshToken, kDevice, m_address).error().code,
             QStringLiteral("invalid_token"));
}

void TestSessionService::sessionEndsAtItsAbsoluteLifetime()
{
    const QDateTime start = m_now;
    Outcome<IssuedSession> session = login(QStringLiteral("aziza"));
    // Used every 13 days, the session still ends 60 days after sign-in.
    while (m_now.addSecs(13 * 24 * 3600) < start.addSecs(60 * 24 * 3600)) {
        advance(13 * 24 * 3600);
        session = m_sessions->refresh(session.value().refreshToken, kDevice, m_address);
        QVERIFY(session.ok());
        QVERIFY(session.value().refreshExpiresAt <= start.addSecs(60 * 24 * 3600));
        QVERIFY(session.value().accessExpiresAt <= start.addSecs(60 * 24 * 3600));
    }
    QCOMPARE(session.value().refreshExpiresAt, start.addSecs(60 * 24 * 3600));
    m_now = start.addSecs(60 * 24 * 3600);
    QCOMPARE(m_sessions->refresh(session.value().refreshToken, kDevice, m_address).error().code,
             QStringLiteral("invalid_token"));
    QVERIFY(!m_sessions->authenticate(session.value().accessToken, m_address).ok());
}

void TestSessionService::logoutEndsTheSession()
{
    const Outcome<IssuedSession> session = login(QStringLiteral("aziza"));
    const Outcome<Actor> actor = m_sessions->authenticate(session.value().accessToken, m_address);
    QVERIFY(m_sessions->logout(actor.value()).ok());
    QCOMPARE(m_sessions->authenticate(session.value().accessToken, m_address).error().code,
             QStringLiteral("invalid_token"));
    QVERIFY(!m_sessions->refresh(session.value().refreshToken, kDevice, m_address).ok());
    QVERIFY(auditActions().contains(QStringLiteral("auth.logout")));
}

void TestSessionService::revokeAllEndsEverySessionAtOnce()
{
    const Outcome<IssuedSession> laptop = login(QStringLiteral("aziza"));
    const Outcome<IssuedSession> tablet =
        login(QStringLiteral("aziza"), kPassword, QStringLiteral("tablet-ward-2"));
    QVERIFY(m_sessions->authenticate(laptop.value().accessToken, m_address).ok());
    QVERIFY(m_sessions->authenticate(tablet.value().accessToken, m_address).ok());
    Actor operatorActor;
    operatorActor.login = QStringLiteral("operator");
    QVERIFY(m_sessions->revokeAll(m_userId, QStringLiteral("admin_revoke"), operatorActor));
    // Same instant, no clock change: revocation is immediate.
    QVERIFY(!m_sessions->authenticate(laptop.value().accessToken, m_address).ok());
    QVERIFY(!m_sessions->authenticate(tablet.value().accessToken, m_address).ok());
    QVERIFY(
        !m_sessions->refresh(tablet.value().refreshToken, QStringLiteral("tablet-ward-2"), m_address).ok());
    AuditFilter filter;
    filter.action = QStringLiteral("session.revoke");
    const Outcome<QList<AuditEvent>> events = m_audit->list(m_clinicId, filter);
    QCOMPARE(events.value().size(), 1);
    QCOMPARE(events.value().first().entry.details.value(QStringLiteral("sessions")).toInt(), 2);
    QCOMPARE(events.value().first().entry.details.value(QStringLiteral("reason")).toString(),
             QStringLiteral("admin_revoke"));
}

void TestSessionService::signingInAgainOnTheSameDeviceReplacesTheSession()
{
    const Outcome<IssuedSession> first = login(QStringLiteral("aziza"));
    const Outcome<IssuedSession> second = login(QStringLiteral("aziza"));
    QVERIFY(first.value().sessionId != second.value().sessionId);
    QVERIFY(!m_sessions->authenticate(first.value().accessToken, m_address).ok());
    QVERIFY(m_sessions->authenticate(second.value().accessToken, m_address).ok());
}

QTEST_GUILESS_MAIN(TestSessionService)
#include "tst_sessionservice.moc"
