#include "audit/AuditLog.h"
#include "auth/AccountService.h"
#include "auth/LoginThrottle.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionService.h"
#include "store/ServerDatabase.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace medora::server;

namespace {

const QString kPassword = QStringLiteral("lantern kettle 93");

} // namespace

class TestAccountService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void onlyTheOperatorCreatesClinics();
    void adminCreatesStaffWithAOneTimePassword();
    void staffInputIsValidatedByField();
    void loginAndPhoneAreUniqueAcrossTheServer();
    void otherRolesAreForbidden();
    void anotherClinicsAdminSeesNotFound();
    void everyoneMayReadTheirOwnAccount();
    void adminCannotDemoteOrDisableThemself();
    void roleChangeEndsSessionsAndIsAudited();
    void disableEndsSessionsAndSignInFails();
    void resetPasswordEndsSessionsAndForcesAChange();
    void changeOwnPasswordChecksTheCurrentOneAndThePolicy();
    void wrongCurrentPasswordsAreThrottledAndAudited();
    void revokeSessionsEndsThemAll();
    void listStaffPagesInLoginOrder();
    void findByIdentifierAcceptsLoginOrPhone();
    void auditChainStaysIntact();

private:
    Actor actorFor(const StaffAccount &account) const;
    StaffAccount makeStaff(const QString &clinicId, const QString &login, Role role,
                           const QString &phone = QString());
    IssuedSession signIn(const QString &login, const QString &password = kPassword,
                         const QString &device = QStringLiteral("device-0001"));
    int count(const QString &sql);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerDatabase> m_database;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<PasswordHasher> m_hasher;
    std::unique_ptr<LoginThrottle> m_throttle;
    std::unique_ptr<SessionService> m_sessions;
    std::unique_ptr<AccountService> m_accounts;
    Actor m_operator;
    QString m_clinicA;
    QString m_clinicB;
    StaffAccount m_adminA;
    StaffAccount m_adminB;
    StaffAccount m_doctorA;
    StaffAccount m_receptionistA;
};

void TestAccountService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<ServerDatabase>(m_dir->filePath(QStringLiteral("server.sqlite")));
    QString error;
    QVERIFY2(m_database->open(&error) && m_database->migrate(&error), qPrintable(error));
    m_audit = std::make_unique<AuditLog>(*m_database);
    m_hasher = std::make_unique<PasswordHasher>(PasswordHasher::Parameters{1, 64 * 1024});
    m_throttle = std::make_unique<LoginThrottle>();
    m_sessions =
        std::make_unique<SessionService>(*m_database, *m_audit, *m_hasher, *m_throttle, SessionPolicy{});
    m_accounts = std::make_unique<AccountService>(*m_database, *m_audit, *m_hasher, *m_sessions);
    m_operator = Actor{};
    m_operator.login = QStringLiteral("operator");

    m_clinicA = m_accounts->createClinic(m_operator, QStringLiteral("Shifo Med")).value().id;
    m_clinicB = m_accounts->createClinic(m_operator, QStringLiteral("Salomat")).value().id;
    m_adminA =
        makeStaff(m_clinicA, QStringLiteral("admin.a"), Role::ClinicAdmin, QStringLiteral("+998901110000"));
    m_adminB = makeStaff(m_clinicB, QStringLiteral("admin.b"), Role::ClinicAdmin);
    m_doctorA =
        makeStaff(m_clinicA, QStringLiteral("doctor.a"), Role::Doctor, QStringLiteral("+998901112222"));
    m_receptionistA = makeStaff(m_clinicA, QStringLiteral("reception.a"), Role::Receptionist);
}

void TestAccountService::cleanup()
{
    m_accounts.reset();
    m_sessions.reset();
    m_audit.reset();
    m_database.reset();
    m_dir.reset();
}

Actor TestAccountService::actorFor(const StaffAccount &account) const
{
    Actor actor;
    actor.userId = account.id;
    actor.clinicId = account.clinicId;
    actor.login = account.login;
    actor.role = account.role;
    actor.clientAddress = QHostAddress(QStringLiteral("192.0.2.5"));
    return actor;
}

StaffAccount TestAccountService::makeStaff(const QString &clinicId, const QString &login, Role role,
                                           const QString &phone)
{
    NewStaff staff;
    staff.login = login;
    staff.fullName = QStringLiteral("Staff ") + login;
    staff.role = role;
    staff.phone = phone;
    const Outcome<CreatedStaff> created = m_accounts->createStaff(m_operator, clinicId, staff, kPassword);
    if (!created.ok())
        qFatal("cannot create %s: %s", qPrintable(login), qPrintable(created.error().code));
    return created.value().account;
}

IssuedSession TestAccountService::signIn(const QString &login, const QString &password, const QString &device)
{
    LoginAttempt attempt;
    attempt.identifier = login;
    attempt.password = password;
    attempt.deviceId = device;
    const Outcome<IssuedSession> session = m_sessions->login(attempt);
    return session.ok() ? session.value() : IssuedSession{};
}

int TestAccountService::count(const QString &sql)
{
    QSqlQuery query(m_database->connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toInt();
}

void TestAccountService::onlyTheOperatorCreatesClinics()
{
    const Outcome<Clinic> refused = m_accounts->createClinic(actorFor(m_adminA), QStringLiteral("Mine"));
    QCOMPARE(refused.error().kind, ServiceError::Kind::Forbidden);
    QCOMPARE(m_accounts->createClinic(m_operator, QStringLiteral("   ")).error().field,
             QStringLiteral("name"));
    QCOMPARE(m_accounts->createClinic(m_operator, QString(101, QLatin1Char('x'))).error().field,
             QStringLiteral("name"));
    QCOMPARE(m_accounts->clinics().value().size(), 2);
    QCOMPARE(m_accounts->clinic(m_clinicA).value().name, QStringLiteral("Shifo Med"));
    QCOMPARE(m_accounts->clinic(QStringLiteral("nope")).error().kind, ServiceError::Kind::NotFound);
}

void TestAccountService::adminCreatesStaffWithAOneTimePassword()
{
    NewStaff staff;
    staff.login = QStringLiteral("  Nodira.T ");
    staff.phone = QStringLiteral("90 555 44 33");
    staff.fullName = QStringLiteral("  Nodira Toshmatova ");
    staff.role = Role::Receptionist;
    const Outcome<CreatedStaff> created = m_accounts->createStaff(actorFor(m_adminA), m_clinicA, staff);
    QVERIFY2(created.ok(), qPrintable(created.error().code));
    const StaffAccount &account = created.value().account;
    QCOMPARE(account.login, QStringLiteral("nodira.t"));
    QCOMPARE(account.phone, QStringLiteral("+998905554433"));
    QCOMPARE(account.fullName, QStringLiteral("Nodira Toshmatova"));
    QCOMPARE(account.clinicId, m_clinicA);
    QVERIFY(account.mustChangePassword);
    QCOMPARE(created.value().oneTimePassword.size(), 16);

    const IssuedSession session = signIn(QStringLiteral("nodira.t"), created.value().oneTimePassword);
    QVERIFY(!session.accessToken.isEmpty());
    QVERIFY(session.account.mustChangePassword);
    QVERIFY(m_sessions->authenticate(session.accessToken, QHostAddress()).value().mustChangePassword);

    // A given password must pass the policy and is not one-time.
    staff.login = QStringLiteral("second");
    staff.phone.clear();
    QCOMPARE(m_accounts->createStaff(actorFor(m_adminA), m_clinicA, staff, QStringLiteral("password1"))
                 .error()
                 .code,
             QStringLiteral("common_password"));
    const Outcome<CreatedStaff> given =
        m_accounts->createStaff(actorFor(m_adminA), m_clinicA, staff, kPassword);
    QVERIFY(given.ok());
    QVERIFY(given.value().oneTimePassword.isEmpty());
    QVERIFY(!given.value().account.mustChangePassword);

    AuditFilter filter;
    filter.action = QStringLiteral("staff.create");
    const Outcome<QList<AuditEvent>> events = m_audit->list(m_clinicA, filter);
    QCOMPARE(events.value().first().entry.actorUserId, m_adminA.id);
    QCOMPARE(events.value().first().entry.details.value(QStringLiteral("login")).toString(),
             QStringLiteral("second"));
}

void TestAccountService::staffInputIsValidatedByField()
{
    const Actor admin = actorFor(m_adminA);
    auto fieldOf = [&](const QString &login, const QString &phone, const QString &fullName) {
        NewStaff staff;
        staff.login = login;
        staff.phone = phone;
        staff.fullName = fullName;
        const Outcome<CreatedStaff> created = m_accounts->createStaff(admin, m_clinicA, staff);
        return created.ok() ? QString() : created.error().field;
    };
    QCOMPARE(fieldOf(QStringLiteral("ab"), QString(), QStringLiteral("N")), QStringLiteral("login"));
    QCOMPARE(fieldOf(QStringLiteral("has space"), QString(), QStringLiteral("N")), QStringLiteral("login"));
    QCOMPARE(fieldOf(QString(33, QLatin1Char('a')), QString(), QStringLiteral("N")), QStringLiteral("login"));
    QCOMPARE(fieldOf(QStringLiteral("aziza@clinic"), QString(), QStringLiteral("N")),
             QStringLiteral("login"));
    QCOMPARE(fieldOf(QStringLiteral("aziza"), QStringLiteral("12345"), QStringLiteral("N")),
             QStringLiteral("phone"));
    QCOMPARE(fieldOf(QStringLiteral("aziza"), QString(), QStringLiteral("  ")), QStringLiteral("fullName"));
    QCOMPARE(fieldOf(QStringLiteral("aziza"), QString(), QString(101, QLatin1Char('n'))),
             QStringLiteral("fullName"));
    QCOMPARE(fieldOf(QStringLiteral("aziza"), QString(), QStringLiteral("Bad\x01Name")),
             QStringLiteral("fullName"));
    QCOMPARE(fieldOf(QString(32, QLatin1Char('a')), QString(), QString(100, QLatin1Char('n'))), QString());
    // Nothing half-applied: only the last one exists.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM staff WHERE clinic_id = '%1'").arg(m_clinicA)), 4);
}

void TestAccountService::loginAndPhoneAreUniqueAcrossTheServer()
{
    const int eventsBefore = count(QStringLiteral("SELECT COUNT(*) FROM audit_events"));
    NewStaff staff;
    staff.login = QStringLiteral("DOCTOR.A");
    staff.fullName = QStringLiteral("Copy");
    Outcome<CreatedStaff> created = m_accounts->createStaff(actorFor(m_adminB), m_clinicB, staff);
    QCOMPARE(created.error().kind, ServiceError::Kind::Conflict);
    QCOMPARE(created.error().code, QStringLiteral("login_taken"));
    QCOMPARE(created.error().field, QStringLiteral("login"));

    staff.login = QStringLiteral("fresh");
    staff.phone = QStringLiteral("8 90 111 22 22"); // doctor.a's phone in another form
    created = m_accounts->createStaff(actorFor(m_adminB), m_clinicB, staff);
    QCOMPARE(created.error().kind, ServiceError::Kind::Conflict);
    QCOMPARE(created.error().field, QStringLiteral("phone"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_events")), eventsBefore);

    StaffChanges changes;
    changes.phone = QStringLiteral("+998 90 111 00 00"); // admin.a's
    const Outcome<StaffAccount> updated =
        m_accounts->updateStaff(actorFor(m_adminA), m_clinicA, m_doctorA.id, changes);
    QCOMPARE(updated.error().kind, ServiceError::Kind::Conflict);
    QCOMPARE(updated.error().field, QStringLiteral("phone"));
    QCOMPARE(m_accounts->staff(m_operator, m_clinicA, m_doctorA.id).value().phone,
             QStringLiteral("+998901112222"));
}

void TestAccountService::otherRolesAreForbidden()
{
    for (const StaffAccount &who : {m_doctorA, m_receptionistA}) {
        const Actor actor = actorFor(who);
        NewStaff staff;
        staff.login = QStringLiteral("sneaky");
        staff.fullName = QStringLiteral("Sneaky");
        staff.role = Role::ClinicAdmin;
        QCOMPARE(m_accounts->createStaff(actor, m_clinicA, staff).error().kind,
                 ServiceError::Kind::Forbidden);
        QCOMPARE(m_accounts->listStaff(actor, m_clinicA, 50, 0).error().kind, ServiceError::Kind::Forbidden);
        QCOMPARE(m_accounts->staff(actor, m_clinicA, m_adminA.id).error().kind,
                 ServiceError::Kind::Forbidden);
        StaffChanges promote;
        promote.role = Role::ClinicAdmin;
        QCOMPARE(m_accounts->updateStaff(actor, m_clinicA, who.id, promote).error().kind,
                 ServiceError::Kind::Forbidden);
        QCOMPARE(m_accounts->resetPassword(actor, m_clinicA, m_adminA.id).error().kind,
                 ServiceError::Kind::Forbidden);
        QCOMPARE(m_accounts->revokeSessions(actor, m_clinicA, m_adminA.id).error().kind,
                 ServiceError::Kind::Forbidden);
        QCOMPARE(m_accounts->createClinic(actor, QStringLiteral("x")).error().kind,
                 ServiceError::Kind::Forbidden);
    }
    QCOMPARE(m_accounts->staff(m_operator, m_clinicA, m_doctorA.id).value().role, Role::Doctor);
}

void TestAccountService::anotherClinicsAdminSeesNotFound()
{
    const Actor intruder = actorFor(m_adminB);
    NewStaff staff;
    staff.login = QStringLiteral("planted");
    staff.fullName = QStringLiteral("Planted");
    QCOMPARE(m_accounts->createStaff(intruder, m_clinicA, staff).error().kind, ServiceError::Kind::NotFound);
    QCOMPARE(m_accounts->listStaff(intruder, m_clinicA, 50, 0).error().kind, ServiceError::Kind::NotFound);
    QCOMPARE(m_accounts->staff(intruder, m_clinicA, m_doctorA.id).error().kind, ServiceError::Kind::NotFound);
    // Own clinic id but another clinic's account: also NotFound.
    QCOMPARE(m_accounts->staff(intruder, m_clinicB, m_doctorA.id).error().kind, ServiceError::Kind::NotFound);
    StaffChanges disable;
    disable.disabled = true;
    QCOMPARE(m_accounts->updateStaff(intruder, m_clinicA, m_doctorA.id, disable).error().kind,
             ServiceError::Kind::NotFound);
    QCOMPARE(m_accounts->updateStaff(intruder, m_clinicB, m_doctorA.id, disable).error().kind,
             ServiceError::Kind::NotFound);
    QCOMPARE(m_accounts->resetPassword(intruder, m_clinicB, m_doctorA.id).error().kind,
             ServiceError::Kind::NotFound);
    QCOMPARE(m_accounts->revokeSessions(intruder, m_clinicB, m_doctorA.id).error().kind,
             ServiceError::Kind::NotFound);
    QVERIFY(!m_accounts->staff(m_operator, m_clinicA, m_doctorA.id).value().disabled);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM staff WHERE login = 'planted'")), 0);
}

void TestAccountService::everyoneMayReadTheirOwnAccount()
{
    const Outcome<StaffAccount> self = m_accounts->staff(actorFor(m_doctorA), m_clinicA, m_doctorA.id);
    QVERIFY(self.ok());
    QCOMPARE(self.value().login, QStringLiteral("doctor.a"));
}

void TestAccountService::adminCannotDemoteOrDisableThemself()
{
    const Actor admin = actorFor(m_adminA);
    StaffChanges demote;
    demote.role = Role::Doctor;
    Outcome<StaffAccount> refused = m_accounts->updateStaff(admin, m_clinicA, m_adminA.id, demote);
    QCOMPARE(refused.error().kind, ServiceError::Kind::BadInput);
    QCOMPARE(refused.error().code, QStringLiteral("cannot_change_own_access"));
    QCOMPARE(refused.error().field, QStringLiteral("role"));
    StaffChanges disable;
    disable.disabled = true;
    refused = m_accounts->updateStaff(admin, m_clinicA, m_adminA.id, disable);
    QCOMPARE(refused.error().code, QStringLiteral("cannot_change_own_access"));
    QCOMPARE(refused.error().field, QStringLiteral("disabled"));
    QCOMPARE(m_accounts->staff(admin, m_clinicA, m_adminA.id).value().role, Role::ClinicAdmin);
    // Own name is fine.
    StaffChanges rename;
    rename.fullName = QStringLiteral("Admin A. Renamed");
    QCOMPARE(m_accounts->updateStaff(admin, m_clinicA, m_adminA.id, rename).value().fullName,
             QStringLiteral("Admin A. Renamed"));
}

void TestAccountService::roleChangeEndsSessionsAndIsAudited()
{
    const IssuedSession session = signIn(QStringLiteral("doctor.a"));
    QVERIFY(m_sessions->authenticate(session.accessToken, QHostAddress()).ok());
    StaffChanges promote;
    promote.role = Role::ClinicAdmin;
    const Outcome<StaffAccount> updated =
        m_accounts->updateStaff(actorFor(m_adminA), m_clinicA, m_doctorA.id, promote);
    QVERIFY(updated.ok());
    QCOMPARE(updated.value().role, Role::ClinicAdmin);
    QVERIFY(!m_sessions->authenticate(session.accessToken, QHostAddress()).ok());

    AuditFilter filter;
    filter.targetId = m_doctorA.id;
    const Outcome<QList<AuditEvent>> events = m_audit->list(m_clinicA, filter);
    QStringList actions;
    for (const AuditEvent &event : events.value())
        actions << event.entry.action;
    QVERIFY(actions.contains(QStringLiteral("staff.role_change")));
    QVERIFY(actions.contains(QStringLiteral("session.revoke")));
    for (const AuditEvent &event : events.value()) {
        if (event.entry.action == QLatin1String("staff.role_change")) {
            QCOMPARE(event.entry.details.value(QStringLiteral("from")).toString(), QStringLiteral("doctor"));
            QCOMPARE(event.entry.details.value(QStringLiteral("to")).toString(),
                     QStringLiteral("clinic_admin"));
        }
    }
    // The new role is in force at the next sign-in.
    QCOMPARE(
        m_sessions->authenticate(signIn(QStringLiteral("doctor.a")).accessToken, QHostAddress()).value().role,
        Role::ClinicAdmin);
}

void TestAccountService::disableEndsSessionsAndSignInFails()
{
    const IssuedSession session = signIn(QStringLiteral("reception.a"));
    StaffChanges disable;
    disable.disabled = true;
    QVERIFY(
        m_accounts->updateStaff(actorFor(m_adminA), m_clinicA, m_receptionistA.id, disable).value().disabled);
    QVERIFY(!m_sessions->authenticate(session.accessToken, QHostAddress()).ok());
    QVERIFY(signIn(QStringLiteral("reception.a")).accessToken.isEmpty());
    StaffChanges enable;
    enable.disabled = false;
    QVERIFY(
        !m_accounts->updateStaff(actorFor(m_adminA), m_clinicA, m_receptionistA.id, enable).value().disabled);
    QVERIFY(!signIn(QStringLiteral("reception.a")).accessToken.isEmpty());
    QCOMPARE(count(QStringLiteral(
                 "SELECT COUNT(*) FROM audit_events WHERE action IN ('staff.disable', 'staff.enable')")),
             2);
}

void TestAccountService::resetPasswordEndsSessionsAndForcesAChange()
{
    const IssuedSession session = signIn(QStringLiteral("doctor.a"));
    const Outcome<QString> reset = m_accounts->resetPassword(actorFor(m_adminA), m_clinicA, m_doctorA.id);
    QVERIFY(reset.ok());
    QCOMPARE(reset.value().size(), 16);
    QVERIFY(!m_sessions->authenticate(session.accessToken, QHostAddress()).ok());
    QVERIFY(signIn(QStringLiteral("doctor.a")).accessToken.isEmpty());
    const IssuedSession fresh = signIn(QStringLiteral("doctor.a"), reset.value());
    QVERIFY(!fresh.accessToken.isEmpty());
    QVERIFY(fresh.account.mustChangePassword);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'staff.password_reset' "
                                  "AND target_id = '%1'")
                       .arg(m_doctorA.id)),
             1);
}

void TestAccountService::changeOwnPasswordChecksTheCurrentOneAndThePolicy()
{
    const IssuedSession session = signIn(QStringLiteral("doctor.a"));
    Actor self = m_sessions->authenticate(session.accessToken, QHostAddress()).value();
    Outcome<Done> changed = m_accounts->changeOwnPassword(self, QStringLiteral("wrong current"),
                                                          QStringLiteral("violet harbor 77"));
    QCOMPARE(changed.error().kind, ServiceError::Kind::Unauthorized);
    QCOMPARE(changed.error().field, QStringLiteral("currentPassword"));
    changed = m_accounts->changeOwnPassword(self, kPassword, QStringLiteral("iloveyou"));
    QCOMPARE(changed.error().code, QStringLiteral("common_password"));
    QCOMPARE(changed.error().field, QStringLiteral("newPassword"));
    changed = m_accounts->changeOwnPassword(self, kPassword, QStringLiteral("Doctor.A"));
    QCOMPARE(changed.error().code, QStringLiteral("password_matches_login"));
    changed = m_accounts->changeOwnPassword(self, kPassword, QStringLiteral("short"));
    QCOMPARE(changed.error().code, QStringLiteral("password_too_short"));
    // Nothing of that ended the session.
    QVERIFY(m_sessions->authenticate(session.accessToken, QHostAddress()).ok());

    QVERIFY(m_accounts->changeOwnPassword(self, kPassword, QStringLiteral("violet harbor 77")).ok());
    QVERIFY(!m_sessions->authenticate(session.accessToken, QHostAddress()).ok());
    QVERIFY(signIn(QStringLiteral("doctor.a")).accessToken.isEmpty());
    const IssuedSession fresh = signIn(QStringLiteral("doctor.a"), QStringLiteral("violet harbor 77"));
    QVERIFY(!fresh.accessToken.isEmpty());
    QVERIFY(!fresh.account.mustChangePassword);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'user.password_change'")),
             1);
    QCOMPARE(
        m_accounts->changeOwnPassword(m_operator, kPassword, QStringLiteral("violet harbor 78")).error().kind,
        ServiceError::Kind::Forbidden);
}

void TestAccountService::wrongCurrentPasswordsAreThrottledAndAudited()
{
    const QDateTime now(QDate(2025, 4, 1), QTime(8, 0), Qt::UTC);
    m_throttle->setClock([now] { return now; });
    const IssuedSession session = signIn(QStringLiteral("doctor.a"));
    const Actor self = m_sessions->authenticate(session.accessToken, QHostAddress()).value();
    for (int i = 0; i < 6; ++i) {
        const Outcome<Done> wrong = m_accounts->changeOwnPassword(self, QStringLiteral("guess %1").arg(i),
                                                                  QStringLiteral("violet harbor 77"));
        QCOMPARE(wrong.error().code, QStringLiteral("invalid_credentials"));
    }
    // Even the right current password now waits: the guesses are not checked at all.
    const Outcome<Done> throttled =
        m_accounts->changeOwnPassword(self, kPassword, QStringLiteral("violet harbor 77"));
    QCOMPARE(throttled.error().kind, ServiceError::Kind::Throttled);
    QCOMPARE(throttled.error().code, QStringLiteral("login_throttled"));
    QCOMPARE(throttled.error().retryAfterSeconds, 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = "
                                  "'user.password_change_failed' AND target_id = '%1'")
                       .arg(m_doctorA.id)),
             7);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = "
                                  "'user.password_change_failed' AND details LIKE '%throttled%'")),
             1);
    // Another account is not affected, and the wait ends.
    const IssuedSession other = signIn(QStringLiteral("reception.a"));
    const Actor receptionist = m_sessions->authenticate(other.accessToken, QHostAddress()).value();
    QVERIFY(m_accounts->changeOwnPassword(receptionist, kPassword, QStringLiteral("violet harbor 78")).ok());
    m_throttle->setClock([now] { return now.addSecs(1); });
    QVERIFY(m_accounts->changeOwnPassword(self, kPassword, QStringLiteral("violet harbor 77")).ok());
    QVERIFY(m_audit->verify().intact);
}

void TestAccountService::revokeSessionsEndsThemAll()
{
    const IssuedSession one = signIn(QStringLiteral("reception.a"), kPassword, QStringLiteral("device-0001"));
    const IssuedSession two = signIn(QStringLiteral("reception.a"), kPassword, QStringLiteral("device-0002"));
    QVERIFY(m_accounts->revokeSessions(actorFor(m_adminA), m_clinicA, m_receptionistA.id).ok());
    QVERIFY(!m_sessions->authenticate(one.accessToken, QHostAddress()).ok());
    QVERIFY(!m_sessions->authenticate(two.accessToken, QHostAddress()).ok());
    QCOMPARE(
        m_accounts->revokeSessions(actorFor(m_adminA), m_clinicA, QStringLiteral("missing")).error().kind,
        ServiceError::Kind::NotFound);
}

void TestAccountService::listStaffPagesInLoginOrder()
{
    int total = 0;
    const Outcome<QList<StaffAccount>> first =
        m_accounts->listStaff(actorFor(m_adminA), m_clinicA, 2, 0, &total);
    QVERIFY(first.ok());
    QCOMPARE(total, 3);
    QCOMPARE(first.value().size(), 2);
    QCOMPARE(first.value().at(0).login, QStringLiteral("admin.a"));
    QCOMPARE(first.value().at(1).login, QStringLiteral("doctor.a"));
    const Outcome<QList<StaffAccount>> second =
        m_accounts->listStaff(actorFor(m_adminA), m_clinicA, 2, 2, &total);
    QCOMPARE(second.value().size(), 1);
    QCOMPARE(second.value().first().login, QStringLiteral("reception.a"));
    const Outcome<QList<StaffAccount>> other =
        m_accounts->listStaff(actorFor(m_adminB), m_clinicB, 100, 0, &total);
    QCOMPARE(total, 1);
    QCOMPARE(other.value().first().login, QStringLiteral("admin.b"));
}

void TestAccountService::findByIdentifierAcceptsLoginOrPhone()
{
    QCOMPARE(m_accounts->findByIdentifier(QStringLiteral("Doctor.A")).value().id, m_doctorA.id);
    QCOMPARE(m_accounts->findByIdentifier(QStringLiteral("90 111 22 22")).value().id, m_doctorA.id);
    QCOMPARE(m_accounts->findByIdentifier(QStringLiteral("ghost")).error().kind,
             ServiceError::Kind::NotFound);
}

void TestAccountService::auditChainStaysIntact()
{
    StaffChanges promote;
    promote.role = Role::ClinicAdmin;
    QVERIFY(m_accounts->updateStaff(actorFor(m_adminA), m_clinicA, m_doctorA.id, promote).ok());
    QVERIFY(m_accounts->resetPassword(actorFor(m_adminA), m_clinicA, m_receptionistA.id).ok());
    const AuditVerification verification = m_audit->verify();
    QVERIFY2(verification.intact, qPrintable(verification.problem));
    QVERIFY(verification.eventsChecked >= 8);
}

QTEST_GUILESS_MAIN(TestAccountService)
#include "tst_accountservice.moc"
