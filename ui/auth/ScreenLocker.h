#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QWidget;

namespace medora {

class IdleLock;
class LockScreen;
class SessionManager;
class UserActivityFilter;

// Keeps patient data off the screen of a shared PC. The screen is concealed
//  - while the IdleLock is locked (no input for its idle time, or "Lock screen"), and
//  - once this data folder is enrolled (someone signed in online with it, see
//    OfflineCredentials) whenever nobody is signed in, online or offline.
// Concealing hides the contents of every window of the application (dialogs with typed text
// included, and windows that open meanwhile) and their titles, without closing anything, so
// nothing typed is lost and no dialog's answer is faked; the LockScreen on top asks for the
// password or a sign-in. It also feeds user input to the IdleLock (UserActivityFilter) and
// adds a "Lock screen" command (Ctrl+L) to the main window and its Account menu.
class ScreenLocker : public QObject
{
    Q_OBJECT

public:
    ScreenLocker(SessionManager &session, IdleLock &idleLock, QWidget *mainWindow, QObject *parent = nullptr);
    ~ScreenLocker() override;

    bool isConcealed() const { return m_concealed; }
    LockScreen *lockScreen() const;
    QAction *lockAction() const;

public slots:
    // Locks now when someone is signed in (the Lock screen command).
    void lockNow();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct ConcealedWindow
    {
        QPointer<QWidget> window;
        QString title;
        QList<QPointer<QWidget>> hidden;
    };

    void update();
    void conceal();
    void reveal();
    void concealWindow(QWidget *window);
    void rehide(QWidget *child);
    bool belongsToLockScreen(const QObject *object) const;
    void onUnlocked();
    void retranslate();

    SessionManager &m_session;
    IdleLock &m_idleLock;
    QPointer<QWidget> m_mainWindow;
    QPointer<LockScreen> m_lockScreen;
    QPointer<QAction> m_lockAction;
    UserActivityFilter *m_activity = nullptr;
    bool m_concealed = false;
    QList<ConcealedWindow> m_windows;
    QPointer<QWidget> m_focus;
};

} // namespace medora
