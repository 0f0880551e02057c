#pragma once

#include "api/ApiError.h"
#include "auth/ChangePasswordDialog.h"

#include <QDialog>
#include <QPointer>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace medora {

class SessionManager;
struct UserProfile;

// Signing in to the clinic's server: address, login or phone, password. Errors are shown in
// the user's language by their code; what was typed stays. When the account must change its
// password, a ChangePasswordDialog follows. Accepted once the session is fully usable.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(SessionManager &session, QWidget *parent = nullptr);
    ~LoginDialog() override;

    QLineEdit *serverField() const { return m_server; }
    QLineEdit *loginField() const { return m_login; }
    QLineEdit *passwordField() const { return m_password; }
    QPushButton *signInButton() const { return m_signInButton; }
    QPushButton *forgotPasswordButton() const { return m_forgotButton; }
    QPushButton *signupButton() const { return m_signupButton; }
    QString noticeText() const;
    QString errorText() const;
    bool isBusy() const { return m_busy; }
    ChangePasswordDialog *changePasswordDialog() const { return m_changePassword; }
    // Accepted because the server was unreachable and the password was checked on this PC.
    bool signedInOffline() const { return m_signedInOffline; }

public slots:
    void signIn();
    // "Forgot password?" and "Register a new clinic" (issue 8): both need the server address.
    void forgotPassword();
    void registerClinic();
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void setBusy(bool busy);
    void showError(std::function<QString()> text, QWidget *focus);
    void onSignInFailed(const ApiError &error);
    void onPasswordChangeRequired();
    bool useServerAddress();
    void showNotice(std::function<QString()> text);

    SessionManager &m_session;
    QLabel *m_intro = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLabel *m_loginLabel = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_insecureNote = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_signInButton = nullptr;
    QPushButton *m_forgotButton = nullptr;
    QPushButton *m_signupButton = nullptr;
    QLabel *m_notice = nullptr;
    std::function<QString()> m_noticeText;
    QPointer<ChangePasswordDialog> m_changePassword;
    // Kept as a function so a language switch re-renders the message in the new language.
    std::function<QString()> m_errorText;
    bool m_busy = false;
    bool m_signedInOffline = false;
};

} // namespace medora
