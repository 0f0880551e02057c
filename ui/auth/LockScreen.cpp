#include "auth/LockScreen.h"

#include "auth/ApiErrorText.h"
#include "auth/LoginDialog.h"
#include "session/SessionManager.h"

#include <QCloseEvent>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace medora {

LockScreen::LockScreen(SessionManager &session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("lockScreen"));
    setWindowModality(Qt::ApplicationModal);
    // No close button: only the password, or signing in, ends the lock.
    setWindowFlags(Qt::Dialog | Qt::CustomizeWindowHint | Qt::WindowTitleHint);

    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("lockTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("lockMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    layout->addWidget(m_message);

    auto *form = new QFormLayout;
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("lockPasswordField"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordLabel = new QLabel(this);
    m_passwordLabel->setBuddy(m_password);
    form->addRow(m_passwordLabel, m_password);
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("lockErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QHBoxLayout;
    m_signOutButton = new QPushButton(this);
    m_signOutButton->setObjectName(QStringLiteral("lockSignOutButton"));
    m_signOutButton->setAutoDefault(false);
    m_signInButton = new QPushButton(this);
    m_signInButton->setObjectName(QStringLiteral("lockSignInButton"));
    m_unlockButton = new QPushButton(this);
    m_unlockButton->setObjectName(QStringLiteral("unlockButton"));
    buttons->addWidget(m_signOutButton);
    buttons->addStretch(1);
    buttons->addWidget(m_signInButton);
    buttons->addWidget(m_unlockButton);
    layout->addLayout(buttons);

    connect(m_unlockButton, &QPushButton::clicked, this, &LockScreen::unlock);
    connect(m_signOutButton, &QPushButton::clicked, this, &LockScreen::signOut);
    connect(m_signInButton, &QPushButton::clicked, this, &LockScreen::showSignIn);
    connect(&m_session, &SessionManager::stateChanged, this, &LockScreen::updateMode);
    // Why nobody is signed in any more, or why the last session did not come back at start.
    const auto explain = [this](const ApiError &reason) {
        showError([reason] { return ApiErrorText::describe(reason); });
    };
    connect(&m_session, &SessionManager::sessionEnded, this, explain);
    connect(&m_session, &SessionManager::restoreFailed, this, explain);

    updateMode();
    setMinimumWidth(fontMetrics().averageCharWidth() * 56);
}

LockScreen::~LockScreen() = default;

QString LockScreen::messageText() const
{
    return m_message->text();
}

LoginDialog *LockScreen::loginDialog() const
{
    return m_loginDialog;
}

QString LockScreen::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void LockScreen::retranslateUi()
{
    setWindowTitle(tr("Medora — locked"));
    m_passwordLabel->setText(tr("&Password:"));
    m_unlockButton->setText(tr("&Unlock"));
    m_signOutButton->setText(tr("Sign &out"));
    m_signInButton->setText(tr("&Sign in…"));
    if (m_mode == Mode::Unlock) {
        const UserProfile user = m_session.user();
        m_title->setText(tr("Medora is locked"));
        m_message->setText(tr("%1 (%2) is signed in. Enter the password to continue.")
                               .arg(user.displayName(), ApiErrorText::roleName(user.role)));
    } else {
        m_title->setText(tr("Sign in to Medora"));
        m_message->setText(
            m_session.state() == SessionManager::State::Restoring
                ? tr("Connecting to the server…")
                : tr("Nobody is signed in on this computer. Sign in to see the patient data."));
    }
    if (m_errorText)
        m_error->setText(m_errorText());
}

void LockScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void LockScreen::closeEvent(QCloseEvent *event)
{
    event->ignore();
}

void LockScreen::reject()
{
    // Escape must not uncover the patient data.
}

void LockScreen::reset()
{
    m_password->clear();
    clearError();
    updateMode();
}

void LockScreen::updateMode()
{
    const Mode mode = m_session.hasUser() ? Mode::Unlock : Mode::SignIn;
    if (mode != m_mode)
        m_password->clear();
    m_mode = mode;
    const bool unlockMode = mode == Mode::Unlock;
    m_passwordLabel->setVisible(unlockMode);
    m_password->setVisible(unlockMode);
    m_unlockButton->setVisible(unlockMode);
    m_signOutButton->setVisible(unlockMode);
    m_signInButton->setVisible(!unlockMode);
    m_unlockButton->setDefault(unlockMode);
    m_signInButton->setDefault(!unlockMode);
    retranslateUi();
    adjustSize(); // the other mode's rows and message take another height
    (unlockMode ? static_cast<QWidget *>(m_password) : m_signInButton)->setFocus(Qt::OtherFocusReason);
}

void LockScreen::showError(std::function<QString()> text)
{
    m_errorText = std::move(text);
    m_error->setText(m_errorText());
    m_error->show();
    adjustSize();
}

void LockScreen::clearError()
{
    m_errorText = nullptr;
    m_error->clear();
    m_error->hide();
}

void LockScreen::unlock()
{
    if (m_mode != Mode::Unlock)
        return;
    if (m_password->text().isEmpty()) {
        showError([] { return tr("Enter your password."); });
        m_password->setFocus(Qt::OtherFocusReason);
        return;
    }
    const OfflineCredentials::Check check = m_session.checkPassword(m_password->text());
    const int wait = check.retryAfterSeconds;
    switch (check.verdict) {
    case OfflineCredentials::Verdict::Accepted:
        m_password->clear();
        clearError();
        emit unlocked();
        return;
    case OfflineCredentials::Verdict::WrongPassword:
        showError([wait] {
            const QString text = tr("The password is wrong.");
            return wait > 0 ? text + QLatin1Char(' ') +
                                  tr("Wait %1 before the next attempt.").arg(ApiErrorText::waitTime(wait))
                            : text;
        });
        break;
    case OfflineCredentials::Verdict::Throttled:
        showError([wait] {
            return tr("The password was entered wrong too many times. Try again in %1.")
                .arg(ApiErrorText::waitTime(wait));
        });
        break;
    case OfflineCredentials::Verdict::OtherUser:
    case OfflineCredentials::Verdict::NoVerifier:
        showError(
            [] { return tr("This computer cannot check your password. Sign out, then sign in again."); });
        break;
    }
    m_password->selectAll();
    m_password->setFocus(Qt::OtherFocusReason);
}

void LockScreen::signOut()
{
    m_password->clear();
    clearError();
    m_session.signOut();
    updateMode();
}

void LockScreen::showSignIn()
{
    if (m_loginDialog) {
        m_loginDialog->raise();
        m_loginDialog->activateWindow();
        return;
    }
    clearError();
    m_loginDialog = new LoginDialog(m_session, this);
    m_loginDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_loginDialog, &QDialog::accepted, this, &LockScreen::unlocked);
    m_loginDialog->open();
}

} // namespace medora
