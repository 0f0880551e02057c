#include "auth/ScreenLocker.h"

#include "auth/LockScreen.h"
#include "auth/UserActivityFilter.h"
#include "session/IdleLock.h"
#include "session/OfflineCredentials.h"
#include "session/SessionManager.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QWidget>

namespace medora {

namespace {

constexpr int kMaxPopupsToClose = 16;

} // namespace

ScreenLocker::ScreenLocker(SessionManager &session, IdleLock &idleLock, QWidget *mainWindow, QObject *parent)
    : QObject(parent), m_session(session), m_idleLock(idleLock), m_mainWindow(mainWindow)
{
    m_activity = new UserActivityFilter(idleLock, this);
    qApp->installEventFilter(m_activity);

    m_lockScreen = new LockScreen(session, mainWindow);
    connect(m_lockScreen, &LockScreen::unlocked, this, &ScreenLocker::onUnlocked);

    m_lockAction = new QAction(mainWindow ? static_cast<QObject *>(mainWindow) : this);
    m_lockAction->setObjectName(QStringLiteral("lockScreenAction"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_lockAction, &QAction::triggered, this, &ScreenLocker::lockNow);
    if (mainWindow) {
        mainWindow->addAction(m_lockAction);
        if (auto *menu = mainWindow->findChild<QMenu *>(QStringLiteral("accountMenu"))) {
            QAction *signOut = mainWindow->findChild<QAction *>(QStringLiteral("signOutAction"));
            menu->insertAction(menu->actions().contains(signOut) ? signOut : nullptr, m_lockAction);
        }
        mainWindow->installEventFilter(this); // language changes
    }

    connect(&session, &SessionManager::stateChanged, this, &ScreenLocker::update);
    connect(&idleLock, &IdleLock::lockedChanged, this, &ScreenLocker::update);
    retranslate();
    update();
}

ScreenLocker::~ScreenLocker()
{
    if (m_concealed)
        qApp->removeEventFilter(this);
    delete m_lockScreen;
    delete m_lockAction;
}

LockScreen *ScreenLocker::lockScreen() const
{
    return m_lockScreen;
}

QAction *ScreenLocker::lockAction() const
{
    return m_lockAction;
}

void ScreenLocker::retranslate()
{
    if (m_lockAction)
        m_lockAction->setText(tr("&Lock screen"));
}

void ScreenLocker::lockNow()
{
    if (m_session.hasUser())
        m_idleLock.lock();
}

void ScreenLocker::onUnlocked()
{
    m_idleLock.unlock();
    update();
}

void ScreenLocker::update()
{
    const bool hasUser = m_session.hasUser();
    m_idleLock.setArmed(hasUser);
    const OfflineCredentials *credentials = m_session.offlineCredentials();
    const bool enrolled = credentials && credentials->isEnrolled();
    if (m_idleLock.isLocked() || (enrolled && !hasUser))
        conceal();
    else
        reveal();
    if (m_lockAction)
        m_lockAction->setEnabled(hasUser && !m_concealed);
}

bool ScreenLocker::belongsToLockScreen(const QObject *object) const
{
    for (const QObject *o = object; o; o = o->parent()) {
        if (o == m_lockScreen)
            return true;
    }
    return false;
}

void ScreenLocker::conceal()
{
    if (m_concealed)
        return;
    m_concealed = true;
    m_focus = QApplication::focusWidget();
    // An open menu or completer may list patients.
    for (int i = 0; i < kMaxPopupsToClose && QApplication::activePopupWidget(); ++i)
        QApplication::activePopupWidget()->close();
    // Windows that open while locked are concealed as they show.
    qApp->installEventFilter(this);
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows)
        concealWindow(window);
    if (m_lockScreen) {
        m_lockScreen->reset();
        // Application-modal (not open(), which is modal to the main window only): the
        // patient dialogs must not take input either.
        m_lockScreen->show();
        m_lockScreen->raise();
        m_lockScreen->activateWindow();
    }
}

void ScreenLocker::concealWindow(QWidget *window)
{
    if (!window || !window->isWindow() || !window->isVisible() || belongsToLockScreen(window))
        return;
    if (window->windowType() == Qt::Popup || window->windowType() == Qt::ToolTip)
        return;
    for (const ConcealedWindow &concealed : std::as_const(m_windows)) {
        if (concealed.window == window)
            return;
    }
    // Hiding the contents, not the window: hiding a dialog would end its exec() with a
    // made-up answer, and closing it would lose what was typed.
    ConcealedWindow concealed;
    concealed.window = window;
    concealed.title = window->windowTitle(); // a patient dialog's title names the patient
    const QObjectList children = window->children();
    for (QObject *child : children) {
        auto *widget = qobject_cast<QWidget *>(child);
        if (!widget || widget->isWindow() || widget->isHidden())
            continue;
        widget->hide();
        concealed.hidden.append(widget);
    }
    window->setWindowTitle(tr("Medora — locked"));
    m_windows.append(concealed);
}

void ScreenLocker::rehide(QWidget *child)
{
    if (!m_concealed || !child || child->isHidden())
        return;
    for (ConcealedWindow &concealed : m_windows) {
        if (concealed.window != child->parentWidget())
            continue;
        child->hide();
        if (!concealed.hidden.contains(child))
            concealed.hidden.append(child);
        return;
    }
}

void ScreenLocker::reveal()
{
    if (!m_concealed)
        return;
    m_concealed = false;
    qApp->removeEventFilter(this);
    if (m_lockScreen)
        m_lockScreen->hide();
    for (const ConcealedWindow &concealed : std::as_const(m_windows)) {
        if (!concealed.window)
            continue;
        for (const QPointer<QWidget> &widget : concealed.hidden) {
            if (widget)
                widget->show();
        }
        concealed.window->setWindowTitle(concealed.title);
    }
    m_windows.clear();
    if (m_focus) {
        m_focus->activateWindow();
        m_focus->setFocus(Qt::OtherFocusReason);
    }
}

bool ScreenLocker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_mainWindow && event->type() == QEvent::LanguageChange)
        retranslate();
    if (m_concealed && event->type() == QEvent::Show && watched->isWidgetType() &&
        !belongsToLockScreen(watched)) {
        auto *widget = static_cast<QWidget *>(watched);
        if (widget->isWindow()) {
            concealWindow(widget);
        } else if (widget->parentWidget()) {
            // The application showed part of a concealed window again. Hiding it inside its
            // own show event would leave it half shown, so right after.
            for (const ConcealedWindow &concealed : std::as_const(m_windows)) {
                if (concealed.window != widget->parentWidget())
                    continue;
                QMetaObject::invokeMethod(
                    this, [this, guard = QPointer<QWidget>(widget)] { rehide(guard); }, Qt::QueuedConnection);
                break;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace medora
