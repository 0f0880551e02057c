#include "auth/LoginDialog.h"

#include "auth/ApiErrorText.h"
#include "auth/ChangePasswordDialog.h"
#include "auth/ForgotPasswordDialog.h"
#include "auth/SignupDialog.h"
#include "session/SessionManager.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace medora {

LoginDialog::LoginDialog(SessionManager &session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("loginDialog"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto *form = new QFormLayout;
    m_server = new QLineEdit(this);
    m_server->setObjectName(QStringLiteral("serverField"));
    m_server->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("loginField"));
    m_login->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordField"));
    m_password->setEchoMode(QLineEdit::Password);
    m_serverLabel = new QLabel(this);
    m_loginLabel = new QLabel(this);
    m_passwordLabel = new QLabel(this);
    m_serverLabel->setBuddy(m_server);
    m_loginLabel->setBuddy(m_login);
    m_passwordLabel->setBuddy(m_password);
    form->addRow(m_serverLabel, m_server);
    form->addRow(m_loginLabel, m_login);
    form->addRow(m_passwordLabel, m_password);
    layout->addLayout(form);

    m_insecureNote = new QLabel(this);
    m_insecureNote->setObjectName(QStringLiteral("insecureNote"));
    m_insecureNote->setWordWrap(true);
    m_insecureNote->setVisible(m_session.api().allowsInsecureHttp());
    layout->addWidget(m_insecureNote);

    m_progressLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0); // busy: the server gives no progress to show
    m_progress->setTextVisible(false);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progressLabel);
    progressRow->addWidget(m_progress, 1);
    layout->addLayout(progressRow);
    m_progress->hide();
    m_progressLabel->hide();

    m_forgotButton = new QPushButton(this);
    m_forgotButton->setObjectName(QStringLiteral("forgotPasswordButton"));
    m_forgotButton->setFlat(true);
    m_forgotButton->setAutoDefault(false);
    m_signupButton = new QPushButton(this);
    m_signupButton->setObjectName(QStringLiteral("signupButton"));
    m_signupButton->setFlat(true);
    m_signupButton->setAutoDefault(false);
    auto *accountRow = new QHBoxLayout;
    accountRow->addWidget(m_forgotButton);
    accountRow->addStretch(1);
    accountRow->addWidget(m_signupButton);
    layout->addLayout(accountRow);
    connect(m_forgotButton, &QPushButton::clicked, this, &LoginDialog::forgotPassword);
    connect(m_signupButton, &QPushButton::clicked, this, &LoginDialog::registerClinic);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("noticeLabel"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->hide();
    layout->addWidget(m_notice);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(this);
    m_signInButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_signInButton->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);

    const QUrl url = m_session.api().serverUrl();
    m_server->setText(url.isValid() ? url.toString() : SessionManager::savedServerAddress());
    m_login->setText(m_session.user().login);
    if (m_login->text().isEmpty() && m_session.offlineCredentials()) {
        // The person who last signed in here is the likeliest next one, and the only one who
        // can sign in while the server is unreachable.
        if (const std::optional<UserProfile> remembered = m_session.offlineCredentials()->rememberedUser())
            m_login->setText(remembered->login);
    }

    connect(&m_session, &SessionManager::signInFailed, this, &LoginDialog::onSignInFailed);
    connect(&m_session, &SessionManager::passwordChangeRequired, this,
            &LoginDialog::onPasswordChangeRequired);
    connect(&m_session, &SessionManager::signedIn, this, [this] {
        setBusy(false);
        accept();
    });
    // The server was unreachable and the password matched this PC's verifier; the main
    // window says that the work is offline until the server answers.
    connect(&m_session, &SessionManager::signedInOffline, this, [this] {
        setBusy(false);
        m_signedInOffline = true;
        accept();
    });

    retranslateUi();
    (m_server->text().isEmpty() ? m_server : m_login)->setFocus(Qt::OtherFocusReason);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::retranslateUi()
{
    setWindowTitle(tr("Sign in to the clinic server"));
    m_intro->setText(
        tr("Sign in with the login or phone number and the password your clinic's administrator gave "
           "you. Without signing in, the patient registry on this computer keeps working."));
    m_serverLabel->setText(tr("Ser&ver address:"));
    m_loginLabel->setText(tr("&Login or phone:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_server->setPlaceholderText(tr("clinic.example.uz"));
    m_login->setPlaceholderText(tr("login or +998 90 123 45 67"));
    m_insecureNote->setText(
        tr("Development mode: insecure http:// addresses are allowed. Passwords and tokens may "
           "travel unencrypted."));
    m_progressLabel->setText(tr("Signing in…"));
    m_signInButton->setText(tr("&Sign in"));
    m_forgotButton->setText(tr("&Forgot password?"));
    m_signupButton->setText(tr("&Register a new clinic…"));
    if (m_errorText)
        m_error->setText(m_errorText());
    if (m_noticeText)
        m_notice->setText(m_noticeText());
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

QString LoginDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_progressLabel->setVisible(busy);
    m_signInButton->setEnabled(!busy);
    // Read-only rather than disabled: the text stays selectable and is never lost.
    m_server->setReadOnly(busy);
    m_login->setReadOnly(busy);
    m_password->setReadOnly(busy);
}

void LoginDialog::showError(std::function<QString()> text, QWidget *focus)
{
    m_errorText = std::move(text);
    m_error->setText(m_errorText());
    m_error->show();
    if (focus)
        focus->setFocus(Qt::OtherFocusReason);
}

void LoginDialog::signIn()
{
    if (m_busy)
        return;
    if (m_server->text().trimmed().isEmpty()) {
        showError([] { return tr("Enter the server address."); }, m_server);
        return;
    }
    if (m_login->text().trimmed().isEmpty()) {
        showError([] { return tr("Enter your login or phone number."); }, m_login);
        return;
    }
    if (m_password->text().isEmpty()) {
        showError([] { return tr("Enter your password."); }, m_password);
        return;
    }
    const ApiError addressError = m_session.setServerAddress(m_server->text());
    if (!addressError.ok()) {
        showError([addressError] { return ApiErrorText::describe(addressError); }, m_server);
        return;
    }
    m_errorText = nullptr;
    m_error->hide();
    m_error->clear();
    setBusy(true);
    m_session.signIn(m_login->text(), m_password->text());
}

void LoginDialog::onSignInFailed(const ApiError &error)
{
    setBusy(false);
    // Where to look next: the address for transport problems, else the password.
    const bool addressProblem = error.kind != ApiError::Kind::Server ||
                                error.code == QLatin1String("https_required") ||
                                error.code == QLatin1String("host_not_allowed");
    QWidget *focus = m_password;
    if (addressProblem && !error.isNetworkFailure())
        focus = m_server;
    else if (error.field == QLatin1String("login"))
        focus = m_login;
    showError([error] { return ApiErrorText::describe(error); }, focus);
    if (focus == m_password)
        m_password->selectAll();
}

void LoginDialog::onPasswordChangeRequired()
{
    setBusy(false);
    if (m_changePassword)
        return;
    m_changePassword = new ChangePasswordDialog(m_session, m_password->text(), this);
    m_changePassword->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_changePassword, &QDialog::finished, this, [this](int result) {
        if (result == QDialog::Accepted)
            return; // signedIn has accepted this dialog too
        // The account may do nothing else until the password is changed: end that session.
        m_session.signOut();
        showError([] { return tr("The password was not changed, so you are not signed in."); }, m_password);
    });
    m_changePassword->open();
}

QString LoginDialog::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void LoginDialog::showNotice(std::function<QString()> text)
{
    m_noticeText = std::move(text);
    m_notice->setText(m_noticeText());
    m_notice->show();
}

bool LoginDialog::useServerAddress()
{
    if (m_server->text().trimmed().isEmpty()) {
        showError([] { return tr("Enter the server address."); }, m_server);
        return false;
    }
    const ApiError addressError = m_session.setServerAddress(m_server->text());
    if (!addressError.ok()) {
        showError([addressError] { return ApiErrorText::describe(addressError); }, m_server);
        return false;
    }
    m_errorText = nullptr;
    m_error->hide();
    return true;
}

void LoginDialog::forgotPassword()
{
    if (m_busy || !useServerAddress())
        return;
    auto *dialog = new ForgotPasswordDialog(m_session.api(), m_login->text(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_login->setText(dialog->resetLogin());
        m_password->clear();
        m_password->setFocus(Qt::OtherFocusReason);
        showNotice([] {
            return tr("Your password was changed and every earlier sign-in ended. Sign in with "
                      "the new password.");
        });
    });
    dialog->open();
}

void LoginDialog::registerClinic()
{
    if (m_busy || !useServerAddress())
        return;
    auto *dialog = new SignupDialog(m_session.api(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_login->setText(dialog->signInLogin());
        m_password->setText(dialog->password());
        showNotice([] { return tr("Your clinic is registered. Signing in…"); });
        signIn();
    });
    dialog->open();
}

void LoginDialog::reject()
{
    if (m_busy)
        m_session.cancelSignIn();
    setBusy(false);
    QDialog::reject();
}

} // namespace medora
