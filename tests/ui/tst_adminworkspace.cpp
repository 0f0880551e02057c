#include "FakeSyncTransport.h"
#include "MemorySecretStore.h"
#include "admin/AdminPage.h"
#include "admin/StatisticsView.h"
#include "api/ApiClient.h"
#include "clinic/ClinicDirectory.h"
#include "domain/UuidV7.h"
#include "i18n/LanguageManager.h"
#include "registry/MainWindow.h"
#include "registry/PatientRegistry.h"
#include "session/SessionManager.h"
#include "store/SyncJournal.h"
#include "store/VisitStore.h"
#include "sync/SyncEngine.h"
#include "workspace/WorkspacePages.h"

#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

UserProfile user(const QString &id, const QString &role)
{
    UserProfile profile;
    profile.id = id;
    profile.clinicId = QStringLiteral("clinic-1");
    profile.login = id;
    profile.fullName = id;
    profile.role = role;
    return profile;
}

QList<AdminPage *> adminPages(QTabWidget *tabs)
{
    QList<AdminPage *> pages;
    for (int i = 0; i < tabs->count(); ++i) {
        if (auto *page = qobject_cast<AdminPage *>(tabs->widget(i)))
            pages << page;
    }
    return pages;
}

} // namespace

// Only a clinic admin gets the admin page in the main window (WorkspacePages), and a page
// built for anyone else holds nothing.
class TestAdminWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_adminworkspace"));
        QSettings().clear();
    }

    void onlyTheClinicAdminGetsTheAdminPage()
    {
        QTemporaryDir dir;
        PatientRegistry registry;
        QVERIFY2(registry.open(dir.path()), qPrintable(registry.lastError().message));
        ClinicDirectory clinic(dir.path());
        LanguageManager languages;
        QVERIFY(languages.setLanguage(QStringLiteral("en"), false));
        ApiClient api;
        MemorySecretStore secrets;
        SessionManager session(api, secrets);
        MainWindow window(registry, languages);
        window.setSession(&session);
        WorkspacePages pages(window, registry.database(), registry, clinic);
        pages.setSession(&session);
        QTabWidget *tabs = window.workspace();

        pages.showFor(user(QStringLiteral("rec-1"), QStringLiteral("receptionist")));
        QVERIFY(tabs->count() >= 2);
        QVERIFY(adminPages(tabs).isEmpty());
        pages.showFor(user(QStringLiteral("doc-1"), QStringLiteral("doctor")));
        QVERIFY(tabs->count() >= 3);
        QVERIFY(adminPages(tabs).isEmpty());

        pages.showFor(user(QStringLiteral("adm-1"), QStringLiteral("clinic_admin")));
        const QList<AdminPage *> admin = adminPages(tabs);
        QCOMPARE(admin.size(), 1);
        QCOMPARE(tabs->tabText(tabs->indexOf(admin.first())), QStringLiteral("Admin"));
        QVERIFY(admin.first()->staffView());
        // Signed out, the server's parts say they need the server.
        QVERIFY(admin.first()
                    ->findChild<QLabel *>(QStringLiteral("adminNotice"))
                    ->text()
                    .contains(QStringLiteral("server")));

        pages.showFor(user(QStringLiteral("rec-2"), QStringLiteral("receptionist")));
        QVERIFY(adminPages(tabs).isEmpty());
        pages.clear();
        QCOMPARE(tabs->count(), 1);

        // Without a session WorkspacePages cannot build it, even for an admin.
        WorkspacePages noSession(window, registry.database(), registry, clinic);
        noSession.showFor(user(QStringLiteral("adm-1"), QStringLiteral("clinic_admin")));
        QVERIFY(adminPages(tabs).isEmpty());
        noSession.clear();
    }

    // A pulled sync page (SyncEngine::pageApplied) reloads the admin page like the others:
    // at once when it is on screen, when it is next shown otherwise.
    void pulledPagesReloadTheAdminPage()
    {
        QTemporaryDir dir;
        PatientRegistry registry;
        QVERIFY2(registry.open(dir.path()), qPrintable(registry.lastError().message));
        ClinicDirectory clinic(dir.path());
        LanguageManager languages;
        QVERIFY(languages.setLanguage(QStringLiteral("en"), false));
        ApiClient api;
        MemorySecretStore secrets;
        SessionManager session(api, secrets);
        MainWindow window(registry, languages);
        window.setSession(&session);
        SyncJournal journal(registry.database());
        FakeSyncTransport transport;
        SyncEngine engine(journal, transport);
        WorkspacePages pages(window, registry.database(), registry, clinic);
        pages.setSession(&session);
        pages.setSyncEngine(&engine);
        pages.showFor(user(QStringLiteral("adm-1"), QStringLiteral("clinic_admin")));
        AdminPage *admin = pages.adminPage();
        QVERIFY(admin);
        QTabWidget *tabs = window.workspace();
        tabs->setCurrentWidget(admin);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        StatisticsView *stats = admin->statisticsView();
        const QDate today = QDate::currentDate();
        stats->setPeriod(today, today);
        QCOMPARE(stats->statistics().totalVisits(), 0);

        VisitStore visits(registry.database());
        const auto arrive = [&] {
            Visit visit;
            visit.patientId = UuidV7::generate();
            visit.doctorId = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-0000000000a1");
            visit.day = today;
            visit.createdBy = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-0000000000c3");
            return visits.insert(visit);
        };
        // Written behind the page's back, as a pulled page would.
        QVERIFY2(arrive(), qPrintable(visits.lastError().message));
        QCOMPARE(stats->statistics().totalVisits(), 0);
        emit engine.pageApplied(1);
        QCOMPARE(stats->statistics().totalVisits(), 1);

        // Hidden, the page waits until it is shown again.
        tabs->setCurrentIndex(0);
        QVERIFY(!admin->isVisible());
        QVERIFY2(arrive(), qPrintable(visits.lastError().message));
        emit engine.pageApplied(1);
        QCOMPARE(stats->statistics().totalVisits(), 1);
        tabs->setCurrentWidget(admin);
        QCOMPARE(stats->statistics().totalVisits(), 2);
        pages.clear();
    }

    void aPageForAnotherRoleHoldsNothing()
    {
        QTemporaryDir dir;
        ClinicDirectory clinic(dir.path());
        ApiClient api;
        MemorySecretStore secrets;
        SessionManager session(api, secrets);
        PatientRegistry registry;
        QVERIFY(registry.open(dir.path()));
        for (const QString &role :
             {QStringLiteral("doctor"), QStringLiteral("receptionist"), QStringLiteral("")}) {
            AdminPage page(session, registry.database(), clinic, user(QStringLiteral("x"), role));
            QVERIFY(!AdminPage::canAdminister(role));
            QVERIFY(!page.staffView());
            QVERIFY(!page.auditView());
            QVERIFY(!page.statisticsView());
            QVERIFY(!page.openLetterhead());
        }
    }
};

QTEST_MAIN(TestAdminWorkspace)
#include "tst_adminworkspace.moc"
