#pragma once

#include "api/ApiError.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace medora {

class AccountRecoveryClient;
class ApiClient;

// "Forgot password?": first the phone number or e-mail address of the account, then the
// code that came by SMS or e-mail and the new password (twice). The server does not say
// whether the account exists, so neither does this dialog. Errors name their field and
// follow a language switch. Accepted once the password is set; resetLogin() is what was
// typed, to sign in with.
class ForgotPasswordDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ForgotPasswordDialog(ApiClient &api, const QString &login = QString(),
                                  QWidget *parent = nullptr);
    ~ForgotPasswordDialog() override;

    QLineEdit *destinationField() const { return m_destination; }
    QLineEdit *codeField() const { return m_code; }
    QLineEdit *newPasswordField() const { return m_newPassword; }
    QLineEdit *repeatPasswordField() const { return m_repeat; }
    QPushButton *sendCodeButton() const { return m_sendCode; }
    QPushButton *setPasswordButton() const { return m_setPassword; }
    QString errorText() const;
    QWidget *errorField() const { return m_errorField; }
    bool isOnCodePage() const;
    QString resetLogin() const;

public slots:
    void sendCode();
    void setPassword();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showError(std::function<QString()> text, QWidget *field);
    void clearError();
    void onFailed(const ApiError &error);
    static QString language();

    AccountRecoveryClient *m_client = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_intro = nullptr;
    QLabel *m_destinationLabel = nullptr;
    QLineEdit *m_destination = nullptr;
    QPushButton *m_sendCode = nullptr;
    QLabel *m_sentNote = nullptr;
    QLabel *m_codeLabel = nullptr;
    QLineEdit *m_code = nullptr;
    QLabel *m_newPasswordLabel = nullptr;
    QLineEdit *m_newPassword = nullptr;
    QLabel *m_repeatLabel = nullptr;
    QLineEdit *m_repeat = nullptr;
    QPushButton *m_setPassword = nullptr;
    QPushButton *m_resend = nullptr;
    QPushButton *m_close = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_errorField = nullptr;
    std::function<QString()> m_errorText;
    int m_expiresInMinutes = 0;
};

} // namespace medora
