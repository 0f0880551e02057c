#include "../fakes/FakeAuthServer.h"
#include "api/ApiClient.h"
#include "auth/LockScreen.h"
#include "auth/LoginDialog.h"
#include "auth/ScreenLocker.h"
#include "i18n/LanguageManager.h"
#include "registry/MainWindow.h"
#include "registry/PatientDialog.h"
#include "registry/PatientRegistry.h"
#include "security/SecretStore.h"
#include "session/IdleLock.h"
#include "session/OfflineCredentials.h"
#include "session/SessionManager.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace medora;
using medora::test::FakeAuthServer;

namespace {

class MemorySecretStore : public SecretStore
{
public:
    bool write(const QString &key, const QByteArray &secret) override
    {
        values.insert(key, secret);
        return true;
    }
    QByteArray read(const QString &key, bool *found) override
    {
        if (found)
            *found = values.contains(key);
        return values.value(key);
    }
    bool remove(const QString &key) override
    {
        values.remove(key);
        return true;
    }
    QString lastError() const override { return QString(); }

    QMap<QString, QByteArray> values;
};

const QString kPassword = QStringLiteral("correct horse battery");
constexpr int kWaitMs = 10000;

// Types `text` one key event per character, as a keyboard would (keyClicks mangles Cyrillic).
void typeText(QWidget *widget, const QString &text)
{
    widget->setFocus();
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

} // namespace

class TestLockScreen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void idleTimeoutLocksAndHidesPatientData();
    void wrongPasswordIsRefusedWithAMessage();
    void rightPasswordUnlocksAndKeepsTypedText();
    void inputKeepsTheScreenUnlocked();
    void escapeDoesNotUnlock();
    void windowsOpenedWhileLockedAreHiddenToo();
    void unlocksOfflineAndSignOutHandsThePcOver();
    void enrolledPcStaysHiddenWhileNobodyIsSignedIn();
    void restartStartsLockedAndWorksOffline();
    void lockCommandIsInTheAccountMenu();

private:
    void signInOnline();
    // A new start of the application as app/main.cpp does it: same files and keychain.
    void restart();
    void lock();
    // A visible widget outside the lock screen that shows `text` (label, field, list, title).
    QString whereVisible(const QString &text) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PatientRegistry> m_registry;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<FakeAuthServer> m_server;
    MemorySecretStore m_secrets;
    std::unique_ptr<OfflineCredentials> m_credentials;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<IdleLock> m_idle;
    std::unique_ptr<ScreenLocker> m_locker;
    qint64 m_karimov = 0;
};

void TestLockScreen::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_lockscreen"));
}

void TestLockScreen::init()
{
    QSettings().clear();
    m_secrets.values.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_registry = std::make_unique<PatientRegistry>();
    QVERIFY2(m_registry->open(m_dir->path()), qPrintable(m_registry->lastError().message));
    Patient karimov;
    karimov.lastName = QStringLiteral("Каримов");
    karimov.firstName = QStringLiteral("Азиз");
    karimov.sex = Sex::Male;
    karimov.birthDate = QDate(1985, 3, 12);
    karimov.phone = QStringLiteral("+998901112233");
    QVERIFY(m_registry->registerPatient(karimov));
    m_karimov = karimov.localId;

    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
    m_server = std::make_unique<FakeAuthServer>();
    QVERIFY(m_server->listen());
    m_api = std::make_unique<ApiClient>();
    m_api->setAllowInsecureHttp(true);
    m_api->setTransferTimeout(300);
    m_credentials = std::make_unique<OfflineCredentials>(m_dir->filePath(OfflineCredentials::fileName()));
    m_session = std::make_unique<SessionManager>(*m_api, m_secrets);
    m_session->setOfflineCredentials(m_credentials.get());
    QVERIFY(m_session->setServerAddress(m_server->baseUrl()).ok());

    m_window = std::make_unique<MainWindow>(*m_registry, *m_languages);
    m_window->setSession(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_idle = std::make_unique<IdleLock>();
    m_locker = std::make_unique<ScreenLocker>(*m_session, *m_idle, m_window.get());
    QVERIFY(!m_locker->isConcealed()); // nobody ever signed in online here: nothing to hide behind
}

void TestLockScreen::cleanup()
{
    m_locker.reset();
    m_idle.reset();
    m_window.reset();
    m_session.reset();
    m_api.reset();
    m_credentials.reset();
    m_server.reset();
    m_languages.reset();
    m_registry.reset();
    m_dir.reset();
}

void TestLockScreen::signInOnline()
{
    QSignalSpy signedIn(m_session.get(), &SessionManager::signedIn);
    m_session->signIn(QStringLiteral("aziza"), kPassword);
    QVERIFY(signedIn.wait(kWaitMs));
    QVERIFY(m_idle->isArmed());
    QVERIFY(!m_locker->isConcealed());
}

void TestLockScreen::restart()
{
    m_locker.reset();
    m_window.reset();
    m_session = std::make_unique<SessionManager>(*m_api, m_secrets);
    m_session->setOfflineCredentials(m_credentials.get());
    QVERIFY(m_session->setServerAddress(m_server->baseUrl()).ok());
    m_window = std::make_unique<MainWindow>(*m_registry, *m_languages);
    m_window->setSession(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_idle = std::make_unique<IdleLock>();
    if (m_credentials->isEnrolled() && m_idle->timeoutMs() > 0)
        m_idle->lock();
    m_locker = std::make_unique<ScreenLocker>(*m_session, *m_idle, m_window.get());
}

void TestLockScreen::lock()
{
    m_locker->lockNow();
    QVERIFY(m_locker->isConcealed());
    QTRY_VERIFY(m_locker->lockScreen()->isVisible());
}

QString TestLockScreen::whereVisible(const QString &text) const
{
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets) {
        if (!widget->isVisible())
            continue;
        const QObject *lockScreen = m_locker ? m_locker->lockScreen() : nullptr;
        bool ofLockScreen = false;
        for (QObject *o = widget; o && lockScreen; o = o->parent())
            ofLockScreen = ofLockScreen || o == lockScreen;
        if (ofLockScreen)
            continue;
        const QString name = widget->metaObject()->className();
        if (widget->isWindow() && widget->windowTitle().contains(text))
            return name + QStringLiteral(" title");
        if (auto *label = qobject_cast<QLabel *>(widget); label && label->text().contains(text))
            return name;
        if (auto *field = qobject_cast<QLineEdit *>(widget); field && field->text().contains(text))
            return name;
        if (auto *view = qobject_cast<QAbstractItemView *>(widget); view && view->model()) {
            const QAbstractItemModel *model = view->model();
            for (int row = 0; row < model->rowCount(); ++row) {
                for (int column = 0; column < model->columnCount(); ++column) {
                    if (model->index(row, column).data().toString().contains(text))
                        return name;
                }
            }
        }
    }
    return QString();
}

void TestLockScreen::idleTimeoutLocksAndHidesPatientData()
{
    signInOnline();
    m_window->openPatient(m_karimov);
    QTRY_VERIFY(m_window->patientDialog() && m_window->patientDialog()->isVisible());
    QVERIFY(!whereVisible(QStringLiteral("Каримов")).isEmpty()); // the test can see it at all

    QSignalSpy locked(m_idle.get(), &IdleLock::lockedChanged);
    m_idle->setTimeoutMs(200);
    QVERIFY(locked.wait(kWaitMs));
    QVERIFY(m_locker->isConcealed());
    LockScreen *screen = m_locker->lockScreen();
    QTRY_VERIFY(screen->isVisible());
    QCOMPARE(QApplication::activeModalWidget(), screen);
    QCOMPARE(screen->mode(), LockScreen::Mode::Unlock);
    QVERIFY(screen->messageText().contains(QStringLiteral("Aziza Karimova")));

    // No patient anywhere: not the list, not the open card, not its title.
    QCOMPARE(whereVisible(QStringLiteral("Каримов")), QString());
    QVERIFY(!m_window->patientTable()->isVisible());
    QVERIFY(!m_window->searchField()->isVisible());
    QVERIFY(m_window->isVisible()); // nothing was closed
    QVERIFY(m_window->patientDialog() && m_window->patientDialog()->isVisible());
    QVERIFY(!m_window->patientDialog()->windowTitle().contains(QStringLiteral("Каримов")));
    QVERIFY(!m_locker->lockAction()->isEnabled());
}

void TestLockScreen::wrongPasswordIsRefusedWithAMessage()
{
    signInOnline();
    lock();
    LockScreen *screen = m_locker->lockScreen();
    QSignalSpy unlocked(screen, &LockScreen::unlocked);

    QTest::mouseClick(screen->unlockButton(), Qt::LeftButton);
    QCOMPARE(screen->errorText(), QStringLiteral("Enter your password."));

    typeText(screen->passwordField(), QStringLiteral("correct horse"));
    QTest::keyClick(screen->passwordField(), Qt::Key_Return);
    QCOMPARE(screen->errorText(), QStringLiteral("The password is wrong."));
    QCOMPARE(unlocked.count(), 0);
    QVERIFY(m_locker->isConcealed());
    QVERIFY(m_idle->isLocked());
    QVERIFY(screen->isVisible());
    QCOMPARE(whereVisible(QStringLiteral("Каримов")), QString());

    // Guessing costs growing waits, said in the message.
    for (int i = 1; i <= OfflineCredentials::kFreeFailures; ++i) {
        screen->passwordField()->setText(QStringLiteral("guess %1").arg(i));
        screen->unlock();
    }
    QVERIFY2(screen->errorText().startsWith(QStringLiteral("The password is wrong. Wait 1 second")),
             qPrintable(screen->errorText()));
    screen->passwordField()->setText(kPassword);
    screen->unlock();
    QVERIFY2(screen->errorText().startsWith(
                 QStringLiteral("The password was entered wrong too many times. Try again in 1 second")),
             qPrintable(screen->errorText()));
    QVERIFY(m_locker->isConcealed());
    QCOMPARE(unlocked.count(), 0);
}

void TestLockScreen::rightPasswordUnlocksAndKeepsTypedText()
{
    signInOnline();
    m_window->openPatient(m_karimov);
    QTRY_VERIFY(m_window->patientDialog() && m_window->patientDialog()->isVisible());
    PatientDialog *dialog = m_window->patientDialog();
    const QString title = dialog->windowTitle();
    auto *address = dialog->findChild<QLineEdit *>(QStringLiteral("addressField"));
    QLineEdit *typedInto = address ? address : dialog->findChildren<QLineEdit *>().value(0);
    QVERIFY(typedInto);
    typedInto->setText(QStringLiteral("Chilonzor 9, typed before the lock"));

    lock();
    QVERIFY(!typedInto->isVisible());
    LockScreen *screen = m_locker->lockScreen();
    QSignalSpy unlocked(screen, &LockScreen::unlocked);
    typeText(screen->passwordField(), kPassword);
    QTest::keyClick(screen->passwordField(), Qt::Key_Return);
    QCOMPARE(unlocked.count(), 1);
    QVERIFY(!m_locker->isConcealed());
    QVERIFY(!m_idle->isLocked());
    QVERIFY(!screen->isVisible());
    QVERIFY(screen->passwordField()->text().isEmpty()); // nothing typed stays in the lock screen

    QVERIFY(m_window->patientTable()->isVisible());
    QVERIFY(m_window->searchField()->isVisible());
    QCOMPARE(m_window->patientDialog(), dialog);
    QVERIFY(typedInto->isVisible());
    QCOMPARE(typedInto->text(), QStringLiteral("Chilonzor 9, typed before the lock"));
    QCOMPARE(dialog->windowTitle(), title);
    QVERIFY(!whereVisible(QStringLiteral("Каримов")).isEmpty());
    QVERIFY(m_locker->lockAction()->isEnabled());
    QCOMPARE(m_session->state(), SessionManager::State::SignedIn); // unlocking is local
}

void TestLockScreen::inputKeepsTheScreenUnlocked()
{
    signInOnline();
    m_idle->setTimeoutMs(60 * 1000);
    QTRY_VERIFY(m_idle->idleMs() >= 50);
    // Input anywhere in the application restarts the idle time (the application-wide filter).
    QTest::keyClick(m_window->searchField(), Qt::Key_K);
    QVERIFY(m_idle->idleMs() < 50);
    QTRY_VERIFY(m_idle->idleMs() >= 50);
    QTest::mouseMove(m_window->patientTable()->viewport(), QPoint(10, 10));
    QTest::mouseClick(m_window->patientTable()->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(12, 12));
    QVERIFY(m_idle->idleMs() < 50);
    QVERIFY(!m_locker->isConcealed());
}

void TestLockScreen::escapeDoesNotUnlock()
{
    signInOnline();
    lock();
    LockScreen *screen = m_locker->lockScreen();
    QTest::keyClick(screen, Qt::Key_Escape);
    screen->close();
    QVERIFY(screen->isVisible());
    QVERIFY(m_locker->isConcealed());
    QCOMPARE(whereVisible(QStringLiteral("Каримов")), QString());
}

void TestLockScreen::windowsOpenedWhileLockedAreHiddenToo()
{
    signInOnline();
    lock();
    // Something the application pops up meanwhile (a sync notice, say) naming a patient.
    auto *box = new QMessageBox(QMessageBox::Information, QStringLiteral("Каримов Азиз"),
                                QStringLiteral("Каримов Азиз was changed on another computer."),
                                QMessageBox::Ok, m_window.get());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->show();
    QTRY_COMPARE(whereVisible(QStringLiteral("Каримов")), QString());
    QVERIFY(box->isVisible());

    m_locker->lockScreen()->passwordField()->setText(kPassword);
    m_locker->lockScreen()->unlock();
    QVERIFY(!m_locker->isConcealed());
    QCOMPARE(box->windowTitle(), QStringLiteral("Каримов Азиз"));
    QVERIFY(!whereVisible(QStringLiteral("was changed on another computer")).isEmpty());
    box->close();
}

void TestLockScreen::unlocksOfflineAndSignOutHandsThePcOver()
{
    signInOnline();
    QVERIFY(!m_secrets.values.isEmpty());

    // Sign out from the lock screen: no token stays readable, and the data stays hidden.
    lock();
    LockScreen *screen = m_locker->lockScreen();
    QTest::mouseClick(screen->signOutButton(), Qt::LeftButton);
    QCOMPARE(m_session->state(), SessionManager::State::SignedOut);
    QVERIFY(m_secrets.values.isEmpty());
    QVERIFY(m_locker->isConcealed()); // enrolled: signed out means hidden
    QCOMPARE(whereVisible(QStringLiteral("Каримов")), QString());
    QVERIFY(screen->isVisible());
    QCOMPARE(screen->mode(), LockScreen::Mode::SignIn);
    QVERIFY(screen->signInButton()->isVisible());
    QVERIFY(!screen->passwordField()->isVisible());

    // The server is unreachable: signing in from the lock screen works offline.
    m_server->unreachable = true;
    QTest::mouseClick(screen->signInButton(), Qt::LeftButton);
    QTRY_VERIFY(screen->loginDialog() && screen->loginDialog()->isVisible());
    LoginDialog *login = screen->loginDialog();
    QCOMPARE(login->loginField()->text(), QStringLiteral("aziza")); // the remembered user
    typeText(login->passwordField(), kPassword);
    QSignalSpy accepted(login, &QDialog::accepted);
    QTest::keyClick(login->passwordField(), Qt::Key_Return);
    QVERIFY(accepted.wait(kWaitMs));
    QVERIFY(login->signedInOffline());
    QCOMPARE(m_session->state(), SessionManager::State::Offline);
    QTRY_VERIFY(!m_locker->isConcealed());
    QVERIFY(m_window->sessionStatusText().contains(QStringLiteral("offline")));
    QVERIFY(m_window->sessionStatusText().contains(QStringLiteral("Aziza Karimova")));
    QVERIFY(m_idle->isArmed());

    // Locked while offline: the password is checked here, the server is not asked.
    lock();
    QCOMPARE(screen->mode(), LockScreen::Mode::Unlock);
    const int requests = m_server->requestCount();
    screen->passwordField()->setText(QStringLiteral("wrong"));
    screen->unlock();
    QCOMPARE(screen->errorText(), QStringLiteral("The password is wrong."));
    screen->passwordField()->setText(kPassword);
    screen->unlock();
    QVERIFY(!m_locker->isConcealed());
    QCOMPARE(m_server->requestCount(), requests);
    QCOMPARE(m_session->state(), SessionManager::State::Offline);
}

void TestLockScreen::enrolledPcStaysHiddenWhileNobodyIsSignedIn()
{
    signInOnline();
    m_session->signOut();
    // A restart: the window opens behind the lock until somebody signs in.
    m_locker.reset();
    m_window = std::make_unique<MainWindow>(*m_registry, *m_languages);
    m_window->setSession(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(!whereVisible(QStringLiteral("Каримов")).isEmpty());
    m_locker = std::make_unique<ScreenLocker>(*m_session, *m_idle, m_window.get());
    QVERIFY(m_locker->isConcealed());
    QCOMPARE(whereVisible(QStringLiteral("Каримов")), QString());
    QCOMPARE(m_locker->lockScreen()->mode(), LockScreen::Mode::SignIn);

    // Signed in again (online here): the lock opens.
    QSignalSpy signedIn(m_session.get(), &SessionManager::signedIn);
    m_session->signIn(QStringLiteral("aziza"), kPassword);
    QVERIFY(signedIn.wait(kWaitMs));
    QVERIFY(!m_locker->isConcealed());
    QVERIFY(!whereVisible(QStringLiteral("Каримов")).isEmpty());
}

void TestLockScreen::restartStartsLockedAndWorksOffline()
{
    signInOnline();
    m_server->unreachable = true;
    restart();
    QVERIFY(m_locker->isConcealed());
    LockScreen *screen = m_locker->lockScreen();
    QCOMPARE(screen->mode(), LockScreen::Mode::SignIn);
    QCOMPARE(whereVisible(QStringLiteral("Каримов")), QString());

    // The keychain's session cannot come back while the server is away: say so.
    QSignalSpy restoreFailed(m_session.get(), &SessionManager::restoreFailed);
    QVERIFY(m_session->restore());
    QCOMPARE(screen->messageText(), QStringLiteral("Connecting to the server…"));
    QVERIFY(restoreFailed.wait(kWaitMs));
    QCOMPARE(screen->errorText(),
             QStringLiteral(
                 "The server did not answer in time. Try again; you can keep working offline meanwhile."));
    QVERIFY(m_locker->isConcealed());

    screen->showSignIn();
    QTRY_VERIFY(screen->loginDialog() && screen->loginDialog()->isVisible());
    LoginDialog *login = screen->loginDialog();
    login->passwordField()->setText(kPassword);
    QSignalSpy accepted(login, &QDialog::accepted);
    login->signIn();
    QVERIFY(accepted.wait(kWaitMs));
    QCOMPARE(m_session->state(), SessionManager::State::Offline);
    QVERIFY(!m_locker->isConcealed());
    QVERIFY(!m_idle->isLocked());

    // The server answers again: the session goes online by itself and the screen stays open.
    m_server->unreachable = false;
    QSignalSpy signedIn(m_session.get(), &SessionManager::signedIn);
    m_session->refreshNow();
    QVERIFY(signedIn.wait(kWaitMs));
    QVERIFY(!m_locker->isConcealed());

    // The next start resumes that session from the keychain, but behind the password.
    restart();
    QSignalSpy restored(m_session.get(), &SessionManager::signedIn);
    QVERIFY(m_session->restore());
    QVERIFY(restored.wait(kWaitMs));
    QVERIFY(m_locker->isConcealed());
    QCOMPARE(m_locker->lockScreen()->mode(), LockScreen::Mode::Unlock);
    QCOMPARE(whereVisible(QStringLiteral("Каримов")), QString());
    m_locker->lockScreen()->passwordField()->setText(kPassword);
    m_locker->lockScreen()->unlock();
    QVERIFY(!m_locker->isConcealed());
    QVERIFY(!whereVisible(QStringLiteral("Каримов")).isEmpty());
}

void TestLockScreen::lockCommandIsInTheAccountMenu()
{
    auto *menu = m_window->findChild<QMenu *>(QStringLiteral("accountMenu"));
    QVERIFY(menu);
    QVERIFY(menu->actions().contains(m_locker->lockAction()));
    QCOMPARE(m_locker->lockAction()->text(), QStringLiteral("&Lock screen"));
    QVERIFY(!m_locker->lockAction()->isEnabled()); // nobody to lock for
    m_locker->lockNow();
    QVERIFY(!m_locker->isConcealed());

    signInOnline();
    QVERIFY(m_locker->lockAction()->isEnabled());
    QTest::keySequence(m_window.get(), m_locker->lockAction()->shortcut());
    QVERIFY(m_locker->isConcealed());
}

QTEST_MAIN(TestLockScreen)
#include "tst_lockscreen.moc"
