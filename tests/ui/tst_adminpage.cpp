#include "MemorySecretStore.h"
#include "ServerProcess.h"
#include "TestHttpClient.h"
#include "admin/AdminPage.h"
#include "admin/AuditLogView.h"
#include "admin/LetterheadDialog.h"
#include "admin/OneTimePasswordDialog.h"
#include "admin/StaffDialog.h"
#include "admin/StaffView.h"
#include "admin/StatisticsView.h"
#include "api/ApiClient.h"
#include "cash/MoneyText.h"
#include "clinic/ClinicDirectory.h"
#include "domain/PhoneNumber.h"
#include "domain/UuidV7.h"
#include "session/SessionManager.h"
#include "store/Database.h"
#include "store/PaymentStore.h"
#include "store/VisitStore.h"

#include <QApplication>
#include <QBarSet>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

const QString kPassword = QStringLiteral("pomegranate river 61");
const QString kBossName = QStringLiteral("Юсупова Азиза Рустамовна");

struct ClientCore
{
    MemorySecretStore secrets;
    ApiClient api;
    std::unique_ptr<SessionManager> session;

    bool signIn(const ServerProcess &server, const QString &login)
    {
        if (!api.setCaCertificateFile(server.certificateFile()))
            return false;
        session = std::make_unique<SessionManager>(api, secrets);
        if (!session->setServerAddress(server.baseUrl()).ok())
            return false;
        QSignalSpy signedIn(session.get(), &SessionManager::signedIn);
        session->signIn(login, kPassword);
        return signedIn.wait(15000);
    }
};

// A modal question runs its own event loop; it is answered from a queued call once it is up.
void answerQuestion(bool yes, QString *asked)
{
    QTimer::singleShot(0, [yes, asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        *asked = box->text();
        for (QAbstractButton *button : box->buttons()) {
            if ((box->buttonRole(button) == QMessageBox::DestructiveRole) == yes) {
                button->click();
                return;
            }
        }
    });
}

void typeText(QWidget *widget, const QString &text)
{
    // QTest::keyClicks stops at characters outside Latin-1.
    for (const QChar c : text) {
        QTest::sendKeyEvent(QTest::Press, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

} // namespace

// The clinic admin's page against the real medora-server: creating a staff member, disabling
// them, the audit log filtered by action and exported to CSV, the statistics of a seeded
// period; a receptionist's session is told it may not manage staff.
class TestAdminPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> server;
    QString clinicId, bossId, doctorId;
    ClientCore boss;
    QTemporaryDir dataDir;
    std::unique_ptr<Database> database;
    std::unique_ptr<ClinicDirectory> clinic;
    std::unique_ptr<AdminPage> page;

    bool waitForStaff(StaffView *view)
    {
        QSignalSpy listed(&view->client(), &StaffClient::listed);
        view->reload();
        return listed.wait(15000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_adminpage"));
        QSettings().clear();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        ServerProcess::Options options;
        options.tls = true;
        server = std::make_unique<ServerProcess>(options);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        clinicId = server->createClinic(QStringLiteral("Shifo Nur"));
        bossId =
            server->createUser(clinicId, QStringLiteral("boss"), QStringLiteral("clinic_admin"), kPassword)
                .id;
        QVERIFY(
            !server->createUser(clinicId, QStringLiteral("desk"), QStringLiteral("receptionist"), kPassword)
                 .id.isEmpty());
        TestHttpClient admin;
        server->configureClient(admin);
        QCOMPARE(admin.login(QStringLiteral("boss"), kPassword).status, 200);
        QCOMPARE(admin.patchJson(QStringLiteral("/api/v1/staff/") + bossId, {{"fullName", kBossName}}).status,
                 200);
        // A doctor the server knows too: the page refreshes the clinic directory from the
        // server after each staff change, and the statistics name the doctor either way.
        doctorId =
            server->createUser(clinicId, QStringLiteral("gofurov"), QStringLiteral("doctor"), kPassword).id;
        QVERIFY(!doctorId.isEmpty());
        QCOMPARE(admin
                     .patchJson(QStringLiteral("/api/v1/staff/") + doctorId,
                                {{"fullName", QStringLiteral("Gʻofurov Oʻktam")}})
                     .status,
                 200);
        QVERIFY(boss.signIn(*server, QStringLiteral("boss")));

        database = std::make_unique<Database>();
        QVERIFY(database->open(dataDir.filePath(QStringLiteral("medora.db"))));
        clinic = std::make_unique<ClinicDirectory>(dataDir.path());
        clinic->setForTesting({{doctorId, QStringLiteral("Gʻofurov Oʻktam"), QStringLiteral("doctor")}},
                              Letterhead());
        page = std::make_unique<AdminPage>(*boss.session, *database, *clinic, boss.session->user());
        QSignalSpy listed(&page->staffView()->client(), &StaffClient::listed);
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));
        // The first look reads the staff list (it may have arrived while the window came up).
        QVERIFY2(!listed.isEmpty() || listed.wait(15000), qPrintable(page->staffView()->statusText()));
    }

    void cleanupTestCase()
    {
        page.reset();
        boss.session.reset();
        server.reset();
    }

    void theAdminGetsEveryTab()
    {
        QVERIFY(AdminPage::canAdminister(QStringLiteral("clinic_admin")));
        QCOMPARE(page->tabs()->count(), 4); // staff, audit, statistics, subscription
        QVERIFY(page->staffView() && page->auditView() && page->statisticsView());
        QVERIFY(page->letterheadButton()->isVisible());
        page->letterheadButton()->click();
        QVERIFY(page->letterheadDialog());
        QVERIFY(page->letterheadDialog()->isVisible());
        page->letterheadDialog()->reject();
        QVERIFY(page->staffView()->rowOf(bossId) >= 0);
        QCOMPARE(page->staffView()->table()->item(page->staffView()->rowOf(bossId), 0)->text(), kBossName);
        // An admin cannot disable or demote themself: not offered.
        page->staffView()->selectAccount(bossId);
        QVERIFY(!page->staffView()->disableButton()->isEnabled());
        QVERIFY(!page->staffView()->roleButton()->isEnabled());
    }

    void aBadNewAccountIsNamedByField()
    {
        StaffView *view = page->staffView();
        StaffDialog *dialog = view->newStaffMember();
        QVERIFY(dialog && dialog->isVisible());
        QTest::keyClicks(dialog->loginEdit(), QStringLiteral("x"));
        dialog->submit();
        QVERIFY(!dialog->fieldError(QStringLiteral("login")).isEmpty());
        QVERIFY(!dialog->fieldError(QStringLiteral("fullName")).isEmpty());
        QVERIFY(!dialog->fieldError(QStringLiteral("role")).isEmpty());
        QCOMPARE(view->client().pendingCount(), 0);
        QCOMPARE(dialog->loginEdit()->text(), QStringLiteral("x")); // nothing typed is lost
        dialog->reject();
    }

    void createdMemberAppearsWithOneTimePassword()
    {
        StaffView *view = page->staffView();
        StaffDialog *dialog = view->newStaffMember();
        QTest::keyClicks(dialog->loginEdit(), QStringLiteral("malika"));
        typeText(dialog->fullNameEdit(), QStringLiteral("Саидова Малика"));
        dialog->roleCombo()->setCurrentIndex(dialog->roleCombo()->findData(QStringLiteral("receptionist")));
        QTest::keyClicks(dialog->phoneEdit(), QStringLiteral("90 555 44 33"));
        QSignalSpy created(&view->client(), &StaffClient::created);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QVERIFY(created.wait(15000));
        QTRY_VERIFY(!view->staffDialog());
        const StaffAccount account = created.first().first().value<StaffAccount>();
        const int row = view->rowOf(account.id);
        QVERIFY(row >= 0);
        QCOMPARE(view->table()->item(row, 0)->text(), QStringLiteral("Саидова Малика"));
        QCOMPARE(view->table()->item(row, 1)->text(), QStringLiteral("malika"));
        QVERIFY(view->passwordDialog());
        QVERIFY(view->passwordDialog()->isVisible());
        QCOMPARE(view->passwordDialog()->password().size(), 16);
        server->registerSecret(view->passwordDialog()->password().toUtf8());
        view->passwordDialog()->accept();

        // The same login again: the server's refusal lands at the login field.
        dialog = view->newStaffMember();
        QTest::keyClicks(dialog->loginEdit(), QStringLiteral("malika"));
        QTest::keyClicks(dialog->fullNameEdit(), QStringLiteral("Malika 2"));
        dialog->roleCombo()->setCurrentIndex(dialog->roleCombo()->findData(QStringLiteral("doctor")));
        QSignalSpy failed(&view->client(), &StaffClient::failed);
        dialog->submit();
        QVERIFY(failed.wait(15000));
        QVERIFY2(dialog->fieldError(QStringLiteral("login")).contains(QStringLiteral("taken")),
                 qPrintable(dialog->fieldError(QStringLiteral("login"))));
        dialog->reject();
    }

    void nameAndPhoneAreCorrected()
    {
        StaffView *view = page->staffView();
        QString id;
        for (const StaffAccount &account : view->accounts()) {
            if (account.login == QLatin1String("desk"))
                id = account.id;
        }
        QVERIFY(!id.isEmpty());
        view->selectAccount(id);
        QVERIFY(view->editButton()->isEnabled());
        view->editButton()->click();
        StaffDialog *dialog = view->editDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isEdit());
        QCOMPARE(dialog->loginEdit()->text(), QStringLiteral("desk"));
        QVERIFY(!dialog->loginEdit()->isEnabled());
        QVERIFY(!dialog->roleCombo()->isEnabled());

        // Mistakes are named under their field and nothing is sent.
        dialog->fullNameEdit()->clear();
        dialog->phoneEdit()->setText(QStringLiteral("12345"));
        dialog->submit();
        QVERIFY(!dialog->fieldError(QStringLiteral("fullName")).isEmpty());
        QVERIFY(!dialog->fieldError(QStringLiteral("phone")).isEmpty());
        QCOMPARE(view->client().pendingCount(), 0);

        typeText(dialog->fullNameEdit(), QStringLiteral("Xoʻjayeva Dilnoza"));
        dialog->phoneEdit()->clear();
        QTest::keyClicks(dialog->phoneEdit(), QStringLiteral("90 111 22 33"));
        QSignalSpy updated(&view->client(), &StaffClient::updated);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QVERIFY(updated.wait(15000));
        QTRY_VERIFY(!view->editDialog());
        const int row = view->rowOf(id);
        QCOMPARE(view->table()->item(row, 0)->text(), QStringLiteral("Xoʻjayeva Dilnoza"));
        QCOMPARE(view->table()->item(row, 3)->text(), PhoneNumber::format(QStringLiteral("+998901112233")));
        // The server keeps it: read the list again.
        QVERIFY(waitForStaff(view));
        const StaffAccount stored = [&] {
            for (const StaffAccount &account : view->accounts()) {
                if (account.id == id)
                    return account;
            }
            return StaffAccount();
        }();
        QCOMPARE(stored.fullName, QStringLiteral("Xoʻjayeva Dilnoza"));
        QCOMPARE(stored.phone, QStringLiteral("+998901112233"));

        // Another account's number is refused by the server and named at the phone field;
        // then the number is removed.
        view->selectAccount(bossId);
        dialog = view->editDetails(bossId);
        QVERIFY(dialog);
        dialog->phoneEdit()->setText(QStringLiteral("+998 90 111 22 33"));
        QSignalSpy failed(&view->client(), &StaffClient::failed);
        dialog->submit();
        QVERIFY(failed.wait(15000));
        QVERIFY2(dialog->fieldError(QStringLiteral("phone")).contains(QStringLiteral("another account")),
                 qPrintable(dialog->fieldError(QStringLiteral("phone"))));
        QCOMPARE(dialog->fullNameEdit()->text(), kBossName); // nothing typed is lost
        dialog->reject();
        QTRY_VERIFY(!view->editDialog());

        dialog = view->editDetails(id);
        dialog->phoneEdit()->clear();
        dialog->submit();
        QVERIFY(updated.wait(15000));
        QVERIFY(view->table()->item(view->rowOf(id), 3)->text().isEmpty());
    }

    void disabledMemberIsShownDisabled()
    {
        StaffView *view = page->staffView();
        QString id;
        for (const StaffAccount &account : view->accounts()) {
            if (account.login == QLatin1String("malika"))
                id = account.id;
        }
        QVERIFY(!id.isEmpty());
        view->selectAccount(id);
        QVERIFY(view->disableButton()->isEnabled());
        QSignalSpy updated(&view->client(), &StaffClient::updated);
        QString asked;
        // Cancelled: nothing sent.
        answerQuestion(false, &asked);
        view->disableButton()->click();
        QVERIFY(asked.contains(QStringLiteral("Саидова Малика")));
        QCOMPARE(view->client().pendingCount(), 0);
        answerQuestion(true, &asked);
        view->disableButton()->click();
        QVERIFY(updated.wait(15000));
        QCOMPARE(view->table()->item(view->rowOf(id), 4)->text(), QStringLiteral("Disabled"));
        QVERIFY(view->disableButton()->text().remove(QLatin1Char('&')).contains(QStringLiteral("Enable")));
        // Still disabled after reading the list again from the server.
        QVERIFY(waitForStaff(view));
        QCOMPARE(view->table()->item(view->rowOf(id), 4)->text(), QStringLiteral("Disabled"));

        QSignalSpy reset(&view->client(), &StaffClient::passwordReset);
        answerQuestion(true, &asked);
        view->resetPassword(id);
        QVERIFY(reset.wait(15000));
        QVERIFY(view->passwordDialog());
        QCOMPARE(view->passwordDialog()->password(), reset.first().at(1).toString());
        server->registerSecret(view->passwordDialog()->password().toUtf8());
        view->passwordDialog()->accept();

        QSignalSpy revoked(&view->client(), &StaffClient::sessionsRevoked);
        answerQuestion(true, &asked);
        view->revokeSessions(id);
        QVERIFY(revoked.wait(15000));
        QVERIFY(view->statusText().contains(QStringLiteral("Саидова Малика")));
    }

    void auditFilterByActionShowsOnlyThoseRows()
    {
        AuditLogView *audit = page->auditView();
        QVERIFY(audit->actorCombo()->findData(bossId) > 0); // names from the staff list
        audit->actionCombo()->setCurrentIndex(
            audit->actionCombo()->findData(QStringLiteral("staff.disable")));
        QSignalSpy ready(audit->findChild<AuditClient *>(), &AuditClient::pageReady);
        audit->reload();
        QVERIFY(ready.wait(15000));
        QCOMPARE(audit->table()->rowCount(), 1);
        QCOMPARE(audit->table()->item(0, 2)->data(Qt::UserRole).toString(), QStringLiteral("staff.disable"));
        QCOMPARE(audit->table()->item(0, 1)->text(), kBossName);

        audit->actionCombo()->setCurrentIndex(audit->actionCombo()->findData(QStringLiteral("auth.login")));
        audit->reload();
        QVERIFY(ready.wait(15000));
        QVERIFY(audit->table()->rowCount() >= 1);
        for (int row = 0; row < audit->table()->rowCount(); ++row)
            QCOMPARE(audit->table()->item(row, 2)->data(Qt::UserRole).toString(),
                     QStringLiteral("auth.login"));

        // Who: the admin's own events only.
        audit->actionCombo()->setCurrentIndex(0);
        audit->actorCombo()->setCurrentIndex(audit->actorCombo()->findData(bossId));
        audit->reload();
        QVERIFY(ready.wait(15000));
        QVERIFY(audit->table()->rowCount() >= 3);
        for (int row = 0; row < audit->table()->rowCount(); ++row)
            QCOMPARE(audit->table()->item(row, 1)->text(), kBossName);
        audit->actorCombo()->setCurrentIndex(0);
    }

    void csvExportHoldsTheCyrillicNameExactly()
    {
        AuditLogView *audit = page->auditView();
        audit->actionCombo()->setCurrentIndex(audit->actionCombo()->findData(QStringLiteral("staff.")));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.csv"));
        QSignalSpy finished(audit, &AuditLogView::exportFinished);
        audit->exportTo(path);
        QVERIFY(audit->isExporting());
        QVERIFY(!audit->exportButton()->isEnabled());
        QVERIFY(finished.wait(15000));
        QVERIFY(!audit->isExporting());
        QVERIFY(audit->exportButton()->isEnabled());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(bytes);
        QVERIFY(text.contains(QLatin1Char('"') + kBossName + QLatin1Char('"')));
        QVERIFY(text.contains(QStringLiteral("\"staff.create\"")));
        QVERIFY(!text.contains(QStringLiteral("\"auth.login\"")));
        QVERIFY(audit->statusText().contains(QStringLiteral("audit.csv")));
    }

    void statisticsOfASeededPeriod()
    {
        const QString doctor = doctorId;
        const QString desk = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-0000000000c3");
        const QDate first(2026, 10, 5);
        VisitStore visits(*database);
        PaymentStore payments(*database);
        const QList<int> perDay{3, 0, 2};
        for (int day = 0; day < perDay.size(); ++day) {
            for (int i = 0; i < perDay.at(day); ++i) {
                Visit visit;
                visit.patientId = UuidV7::generate();
                visit.doctorId = doctor;
                visit.day = first.addDays(day);
                visit.createdBy = desk;
                QVERIFY2(visits.insert(visit), qPrintable(visits.lastError().message));
            }
        }
        const struct
        {
            qint64 amount;
            PaymentMethod method;
            int day;
        } taken[] = {{150000, PaymentMethod::Cash, 0},
                     {250000, PaymentMethod::Cash, 2},
                     {1200000, PaymentMethod::Card, 2}};
        for (const auto &entry : taken) {
            Payment payment;
            payment.patientId = UuidV7::generate();
            payment.amount = entry.amount;
            payment.method = entry.method;
            payment.takenBy = desk;
            payment.takenAt = QDateTime(first.addDays(entry.day), QTime(11, 0));
            QVERIFY2(payments.insert(payment), qPrintable(payments.lastError().message));
        }

        page->tabs()->setCurrentWidget(page->statisticsView());
        StatisticsView *stats = page->statisticsView();
        stats->setPeriod(first, first.addDays(2));
        QCOMPARE(stats->statistics().totalVisits(), 5);
        QVERIFY(stats->visitBars());
        QCOMPARE(stats->visitBars()->count(), 3);
        QCOMPARE(stats->visitBars()->at(0), 3.0);
        QCOMPARE(stats->visitBars()->at(1), 0.0);
        QCOMPARE(stats->visitBars()->at(2), 2.0);
        QTableWidget *methods = stats->methodTable();
        QCOMPARE(methods->rowCount(), 3); // cash, card, total
        const int total = methods->rowCount() - 1;
        QCOMPARE(methods->item(total, 3)->text(), MoneyText::withCurrency(1600000));
        QCOMPARE(methods->item(0, 3)->text(), MoneyText::withCurrency(400000));
        QCOMPARE(methods->item(total, 1)->text(), QStringLiteral("3"));
        QVERIFY(stats->totalsText().contains(MoneyText::withCurrency(1600000)));
        QCOMPARE(stats->doctorTable()->item(0, 0)->text(), QStringLiteral("Gʻofurov Oʻktam"));
        QCOMPARE(stats->doctorTable()->item(0, 1)->text(), QStringLiteral("5"));

        // A reversed period is refused in words, and nothing is shown for it.
        stats->setPeriod(first.addDays(2), first);
        QVERIFY(!stats->errorText().isEmpty());
        QCOMPARE(stats->totalsText(), stats->errorText());
        QCOMPARE(stats->statistics().totalVisits(), 0);
    }

    void aReceptionistIsToldItIsNotAllowed()
    {
        ClientCore desk;
        QVERIFY(desk.signIn(*server, QStringLiteral("desk")));
        UserProfile pretending = desk.session->user();
        pretending.role = QStringLiteral("clinic_admin"); // even a page built by mistake gets nothing
        StaffView view(*desk.session, pretending);
        QSignalSpy failed(&view.client(), &StaffClient::failed);
        view.reload();
        QVERIFY(failed.wait(15000));
        QCOMPARE(view.statusText(), StaffView::errorText(failed.first().at(1).value<ApiError>()));
        QVERIFY2(view.statusText().contains(QStringLiteral("Only a clinic administrator")),
                 qPrintable(view.statusText()));
        QCOMPARE(view.table()->rowCount(), 0);

        AuditLogView audit(*desk.session);
        QSignalSpy auditFailed(audit.findChild<AuditClient *>(), &AuditClient::failed);
        audit.reload();
        QVERIFY(auditFailed.wait(15000));
        QVERIFY2(audit.statusText().contains(QStringLiteral("Only a clinic administrator")),
                 qPrintable(audit.statusText()));
    }
};

QTEST_MAIN(TestAdminPage)
#include "tst_adminpage.moc"
