#pragma once

#include "api/ApiError.h"
#include "auth/ConsentDialog.h"
#include "domain/LegalDocument.h"

#include <QDialog>
#include <QPointer>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace medora {

class ApiClient;
class SignupClient;

// A new clinic signs up: the clinic's name, the administrator's full name, the phone (proved
// by an SMS code), an optional recovery e-mail, the password twice and the acceptance of the
// terms of use and the privacy policy. The texts shown are the ones built into the client, in
// the current language, until the server says newer ones are published: then those are
// shown and must be accepted again. Accepted once the clinic exists; signInLogin() and the
// password sign the administrator in.
class SignupDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SignupDialog(ApiClient &api, QWidget *parent = nullptr);
    ~SignupDialog() override;

    QLineEdit *clinicNameField() const { return m_clinicName; }
    QLineEdit *fullNameField() const { return m_fullName; }
    QLineEdit *phoneField() const { return m_phone; }
    QLineEdit *codeField() const { return m_code; }
    QLineEdit *emailField() const { return m_email; }
    QLineEdit *passwordField() const { return m_password; }
    QLineEdit *repeatPasswordField() const { return m_repeat; }
    QCheckBox *acceptBox() const { return m_accept; }
    QPushButton *sendCodeButton() const { return m_sendCode; }
    QPushButton *readTermsButton() const { return m_readTerms; }
    QPushButton *createButton() const { return m_create; }
    ConsentDialog *termsDialog() const { return m_termsDialog; }
    QString errorText() const;
    QWidget *errorField() const { return m_errorField; }
    QString termsVersion() const { return m_terms.version; }
    QString privacyVersion() const { return m_privacy.version; }
    QString signInLogin() const;
    QString password() const;

public slots:
    void sendCode();
    void create();
    void readTerms();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void loadBundledTexts();
    void showError(std::function<QString()> text, QWidget *field);
    void clearError();
    void onFailed(const ApiError &error);
    static QString language();

    SignupClient *m_client = nullptr;
    LegalDocument m_terms;
    LegalDocument m_privacy;
    QLabel *m_intro = nullptr;
    QLabel *m_clinicNameLabel = nullptr;
    QLineEdit *m_clinicName = nullptr;
    QLabel *m_fullNameLabel = nullptr;
    QLineEdit *m_fullName = nullptr;
    QLabel *m_phoneLabel = nullptr;
    QLineEdit *m_phone = nullptr;
    QPushButton *m_sendCode = nullptr;
    QLabel *m_codeLabel = nullptr;
    QLineEdit *m_code = nullptr;
    QLabel *m_codeNote = nullptr;
    QLabel *m_emailLabel = nullptr;
    QLineEdit *m_email = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_repeatLabel = nullptr;
    QLineEdit *m_repeat = nullptr;
    QCheckBox *m_accept = nullptr;
    QPushButton *m_readTerms = nullptr;
    QLabel *m_disclaimer = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_cancel = nullptr;
    QPointer<ConsentDialog> m_termsDialog;
    QWidget *m_errorField = nullptr;
    std::function<QString()> m_errorText;
    bool m_codeSent = false;
};

} // namespace medora
