#include "MemorySecretStore.h"
#include "api/ApiClient.h"
#include "cabinet/DoctorCabinet.h"
#include "clinic/ClinicDirectory.h"
#include "help/ShortcutsDialog.h"
#include "i18n/LanguageManager.h"
#include "reception/ReceptionDesk.h"
#include "registry/MainWindow.h"
#include "registry/PatientRegistry.h"
#include "session/IdleLock.h"
#include "session/SessionManager.h"
#include "settings/SettingsDialog.h"
#include "workspace/WorkspacePages.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

UserProfile user(const QString &id, const QString &role, const QString &name)
{
    UserProfile profile;
    profile.id = id;
    profile.clinicId = QStringLiteral("clinic-1");
    profile.clinicName = QStringLiteral("Shifo Med");
    profile.login = id;
    profile.fullName = name;
    profile.role = role;
    return profile;
}

QStringList shortcutRows(const QTreeWidget *list)
{
    QStringList rows;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        rows << list->topLevelItem(i)->text(0) + QLatin1Char('=') + list->topLevelItem(i)->text(1);
    return rows;
}

} // namespace

// The main window as a workplace: the pages each role gets, switching them from the keyboard,
// the keyboard help read from the live actions, and the settings dialog.
class TestWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void eachRoleGetsItsPages();
    void ctrlDigitSwitchesPages();
    void shortcutsScreenListsTheLiveActions();
    void settingsRefuseABadAddressAndChangeNothing();
    void settingsRefuseAFileThatIsNoCertificate();
    void settingsApplyLanguageIdleLockAndServer();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PatientRegistry> m_registry;
    std::unique_ptr<ClinicDirectory> m_clinic;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<ApiClient> m_api;
    MemorySecretStore m_secrets;
    std::unique_ptr<SessionManager> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<WorkspacePages> m_pages;
};

void TestWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_workspace"));
}

void TestWorkspace::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_registry = std::make_unique<PatientRegistry>();
    QVERIFY2(m_registry->open(m_dir->path()), qPrintable(m_registry->lastError().message));
    m_clinic = std::make_unique<ClinicDirectory>(m_dir->path());
    m_clinic->setForTesting(
        {{QStringLiteral("doc-1"), QStringLiteral("Aziza Karimova"), QStringLiteral("doctor")},
         {QStringLiteral("rec-1"), QStringLiteral("Malika Saidova"), QStringLiteral("receptionist")}},
        Letterhead());
    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
    m_api = std::make_unique<ApiClient>();
    m_session = std::make_unique<SessionManager>(*m_api, m_secrets);
    m_window = std::make_unique<MainWindow>(*m_registry, *m_languages);
    m_window->setSession(m_session.get());
    m_pages = std::make_unique<WorkspacePages>(*m_window, m_registry->database(), *m_registry, *m_clinic);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestWorkspace::cleanup()
{
    m_pages.reset();
    m_window.reset();
    m_session.reset();
    m_api.reset();
    m_languages.reset();
    m_clinic.reset();
    m_registry.reset();
    m_dir.reset();
}

void TestWorkspace::eachRoleGetsItsPages()
{
    QTabWidget *tabs = m_window->workspace();
    QCOMPARE(tabs->count(), 1); // signed out: the registry only
    QVERIFY(tabs->tabBar()->isHidden());

    m_pages->showFor(user(QStringLiteral("rec-1"), QStringLiteral("receptionist"), QStringLiteral("Malika")));
    QCOMPARE(tabs->count(), 2);
    QVERIFY(m_pages->receptionDesk());
    QVERIFY(!m_pages->receptionDesk()->isReadOnly());
    QVERIFY(!m_pages->doctorCabinet());
    QCOMPARE(tabs->currentWidget(), m_pages->receptionDesk());
    QCOMPARE(tabs->tabText(1), QStringLiteral("Reception"));

    m_pages->showFor(user(QStringLiteral("doc-1"), QStringLiteral("doctor"), QStringLiteral("Aziza")));
    QCOMPARE(tabs->count(), 3);
    QVERIFY(m_pages->doctorCabinet());
    QVERIFY(m_pages->doctorCabinet()->isDoctor());
    QCOMPARE(tabs->currentWidget(), m_pages->doctorCabinet());
    // A doctor sees the queues read-only and no money.
    QVERIFY(m_pages->receptionDesk()->isReadOnly());
    QVERIFY(!m_pages->receptionDesk()->paymentsPanel());

    m_pages->clear();
    QCOMPARE(tabs->count(), 1);
    QVERIFY(!m_pages->receptionDesk());
    QVERIFY(!m_pages->doctorCabinet());

    // Page titles follow the language.
    m_pages->showFor(user(QStringLiteral("rec-1"), QStringLiteral("receptionist"), QStringLiteral("Malika")));
    QVERIFY(m_languages->setLanguage(QStringLiteral("ru"), false));
    // QApplication posts LanguageChange to the windows.
    QTRY_VERIFY2(tabs->tabText(1) != QStringLiteral("Reception"), qPrintable(tabs->tabText(1)));
    QTRY_VERIFY2(tabs->tabText(0) != QStringLiteral("Patients"), qPrintable(tabs->tabText(0)));
}

void TestWorkspace::ctrlDigitSwitchesPages()
{
    m_pages->showFor(user(QStringLiteral("doc-1"), QStringLiteral("doctor"), QStringLiteral("Aziza")));
    QTabWidget *tabs = m_window->workspace();
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 0);
    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 2);
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 1);
    // There is no fourth page: the key does nothing.
    QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 1);
}

void TestWorkspace::shortcutsScreenListsTheLiveActions()
{
    m_pages->showFor(user(QStringLiteral("doc-1"), QStringLiteral("doctor"), QStringLiteral("Aziza")));
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    ShortcutsDialog *help = m_window->shortcutsDialog();
    QVERIFY(help);
    QVERIFY(QTest::qWaitForWindowExposed(help));
    const QStringList rows = shortcutRows(help->list());
    const auto has = [&rows](const QString &text, const QKeySequence &key) {
        return rows.contains(text + QLatin1Char('=') + key.toString(QKeySequence::NativeText));
    };
    QVERIFY2(has(QStringLiteral("New patient"), QKeySequence::New), qPrintable(rows.join(QLatin1Char('\n'))));
    QVERIFY2(has(QStringLiteral("Find patient"), QKeySequence::Find),
             qPrintable(rows.join(QLatin1Char('\n'))));
    QVERIFY2(has(QStringLiteral("Settings"), QKeySequence(Qt::CTRL | Qt::Key_Comma)),
             qPrintable(rows.join(QLatin1Char('\n'))));
    // Every action with a key on the cabinet is listed with that key.
    int cabinetKeys = 0;
    for (const QAction *action : m_pages->doctorCabinet()->shortcutActions()) {
        if (action->shortcut().isEmpty())
            continue;
        ++cabinetKeys;
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        if (text.endsWith(QStringLiteral("…")))
            text.chop(1);
        QVERIFY2(has(text.trimmed(), action->shortcut()),
                 qPrintable(text + QStringLiteral(" missing from:\n") + rows.join(QLatin1Char('\n'))));
    }
    QVERIFY(cabinetKeys >= 3);
    // Section headings name the pages.
    QVERIFY(rows.contains(QStringLiteral("Cabinet=")));
    QVERIFY(rows.contains(QStringLiteral("Reception=")));
}

void TestWorkspace::settingsRefuseABadAddressAndChangeNothing()
{
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    SettingsDialog *settings = m_window->settingsDialog();
    QVERIFY(settings);
    QVERIFY(QTest::qWaitForWindowExposed(settings));
    settings->serverField()->setText(QStringLiteral("http://clinic.example.uz"));
    settings->idleLockBox()->setValue(3);
    settings->accept();
    QVERIFY(settings->isVisible());
    QVERIFY(!settings->errorLabel()->isHidden());
    QVERIFY2(settings->errorLabel()->text().startsWith(QStringLiteral("Clinic server:")),
             qPrintable(settings->errorLabel()->text()));
    QCOMPARE(settings->focusWidget(), settings->serverField());
    // Nothing was applied, the idle time included.
    QVERIFY(!m_api->hasServer());
    QVERIFY(!QSettings().contains(SessionManager::serverSettingsKey()));
    QCOMPARE(IdleLock::configuredMinutes(), IdleLock::kDefaultMinutes);
    // What was typed is still there to correct.
    QCOMPARE(settings->serverField()->text(), QStringLiteral("http://clinic.example.uz"));
}

void TestWorkspace::settingsRefuseAFileThatIsNoCertificate()
{
    m_window->showSettings();
    SettingsDialog *settings = m_window->settingsDialog();
    QVERIFY(settings);
    QFile notPem(m_dir->filePath(QStringLiteral("clinic-ca.pem")));
    QVERIFY(notPem.open(QIODevice::WriteOnly));
    notPem.write("this is not a certificate\n");
    notPem.close();
    settings->caField()->setText(notPem.fileName());
    settings->accept();
    QVERIFY(settings->isVisible());
    QVERIFY2(settings->errorLabel()->text().startsWith(QStringLiteral("Clinic CA certificate:")),
             qPrintable(settings->errorLabel()->text()));
    QVERIFY(!QSettings().contains(SessionManager::caCertificateSettingsKey()));
}

void TestWorkspace::settingsApplyLanguageIdleLockAndServer()
{
    m_window->showSettings();
    SettingsDialog *settings = m_window->settingsDialog();
    QVERIFY(settings);
    QSignalSpy idle(m_window.get(), &MainWindow::idleLockMinutesChanged);
    settings->serverField()->setText(QStringLiteral("clinic.example.uz"));
    settings->idleLockBox()->setValue(5);
    settings->languageBox()->setCurrentIndex(settings->languageBox()->findData(QStringLiteral("uz")));
    settings->accept();
    QVERIFY2(!settings->isVisible(), qPrintable(settings->errorLabel()->text()));
    QCOMPARE(m_api->serverUrl().toString(), QStringLiteral("https://clinic.example.uz"));
    QCOMPARE(QSettings().value(SessionManager::serverSettingsKey()).toString(),
             QStringLiteral("https://clinic.example.uz"));
    QCOMPARE(IdleLock::configuredMinutes(), 5);
    QCOMPARE(idle.count(), 1);
    QCOMPARE(idle.at(0).at(0).toInt(), 5);
    QCOMPARE(m_languages->currentLanguage(), QStringLiteral("uz"));
    QTRY_VERIFY(m_window->workspace()->tabText(0) != QStringLiteral("Patients"));
    QVERIFY(!m_window->workspace()->tabText(0).remove(QLatin1Char('&')).isEmpty());
}

QTEST_MAIN(TestWorkspace)
#include "tst_workspace.moc"
