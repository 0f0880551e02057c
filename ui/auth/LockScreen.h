#pragma once

#include "api/ApiError.h"

#include <QDialog>
#include <QPointer>

#include <functional>

class QCloseEvent;
class QLabel;
class QLineEdit;
class QPushButton;

namespace medora {

class LoginDialog;
class SessionManager;

// What a locked Medora shows instead of patient data. With someone signed in (online or
// offline) it asks for that person's password, checked against this PC's verifier, so it
// works without the server; "Sign out" hands the PC to someone else. With nobody signed in
// it offers the sign-in dialog. Escape and the close button do not unlock.
class LockScreen : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Unlock, // the signed-in user's password
        SignIn, // nobody is signed in
    };

    explicit LockScreen(SessionManager &session, QWidget *parent = nullptr);
    ~LockScreen() override;

    Mode mode() const { return m_mode; }
    QLineEdit *passwordField() const { return m_password; }
    QPushButton *unlockButton() const { return m_unlockButton; }
    QPushButton *signOutButton() const { return m_signOutButton; }
    QPushButton *signInButton() const { return m_signInButton; }
    QString messageText() const;
    QString errorText() const;
    LoginDialog *loginDialog() const;

public slots:
    // Checks the typed password; unlocked() when it is right.
    void unlock();
    void signOut();
    void showSignIn();
    void reject() override;
    // Follows the session (who is signed in, which mode); also clears what was typed.
    void reset();

signals:
    // The user proved who they are here: the right password, or a sign-in from this screen.
    void unlocked();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void retranslateUi();
    void updateMode();
    void showError(std::function<QString()> text);
    void clearError();

    SessionManager &m_session;
    Mode m_mode = Mode::SignIn;
    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_unlockButton = nullptr;
    QPushButton *m_signOutButton = nullptr;
    QPushButton *m_signInButton = nullptr;
    QPointer<LoginDialog> m_loginDialog;
    // Kept as a function so a language switch re-renders the message in the new language.
    std::function<QString()> m_errorText;
};

} // namespace medora
