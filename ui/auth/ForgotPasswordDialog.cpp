#include "auth/ForgotPasswordDialog.h"

#include "auth/AccountErrorText.h"
#include "session/AccountRecoveryClient.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace medora {

ForgotPasswordDialog::ForgotPasswordDialog(ApiClient &api, const QString &login, QWidget *parent)
    : QDialog(parent), m_client(new AccountRecoveryClient(api, this))
{
    setObjectName(QStringLiteral("forgotPasswordDialog"));
    auto *layout = new QVBoxLayout(this);
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages);

    auto *askPage = new QWidget(m_pages);
    auto *askLayout = new QVBoxLayout(askPage);
    m_intro = new QLabel(askPage);
    m_intro->setWordWrap(true);
    askLayout->addWidget(m_intro);
    auto *askForm = new QFormLayout;
    m_destinationLabel = new QLabel(askPage);
    m_destination = new QLineEdit(askPage);
    m_destination->setObjectName(QStringLiteral("destinationField"));
    m_destination->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    // A login name is no destination; a phone or an address typed at sign-in is.
    if (login.contains(QLatin1Char('@')) || login.count(QRegularExpression(QStringLiteral("\\d"))) >= 9)
        m_destination->setText(login.trimmed());
    m_destinationLabel->setBuddy(m_destination);
    askForm->addRow(m_destinationLabel, m_destination);
    askLayout->addLayout(askForm);
    m_sendCode = new QPushButton(askPage);
    m_sendCode->setObjectName(QStringLiteral("sendCodeButton"));
    m_sendCode->setDefault(true);
    auto *askButtons = new QHBoxLayout;
    askButtons->addStretch(1);
    askButtons->addWidget(m_sendCode);
    askLayout->addLayout(askButtons);
    askLayout->addStretch(1);
    m_pages->addWidget(askPage);

    auto *codePage = new QWidget(m_pages);
    auto *codeLayout = new QVBoxLayout(codePage);
    m_sentNote = new QLabel(codePage);
    m_sentNote->setObjectName(QStringLiteral("sentNote"));
    m_sentNote->setWordWrap(true);
    codeLayout->addWidget(m_sentNote);
    auto *codeForm = new QFormLayout;
    m_codeLabel = new QLabel(codePage);
    m_code = new QLineEdit(codePage);
    m_code->setObjectName(QStringLiteral("codeField"));
    m_code->setMaxLength(6);
    m_code->setInputMethodHints(Qt::ImhDigitsOnly);
    m_newPasswordLabel = new QLabel(codePage);
    m_newPassword = new QLineEdit(codePage);
    m_newPassword->setObjectName(QStringLiteral("newPasswordField"));
    m_newPassword->setEchoMode(QLineEdit::Password);
    m_repeatLabel = new QLabel(codePage);
    m_repeat = new QLineEdit(codePage);
    m_repeat->setObjectName(QStringLiteral("repeatPasswordField"));
    m_repeat->setEchoMode(QLineEdit::Password);
    m_codeLabel->setBuddy(m_code);
    m_newPasswordLabel->setBuddy(m_newPassword);
    m_repeatLabel->setBuddy(m_repeat);
    codeForm->addRow(m_codeLabel, m_code);
    codeForm->addRow(m_newPasswordLabel, m_newPassword);
    codeForm->addRow(m_repeatLabel, m_repeat);
    codeLayout->addLayout(codeForm);
    m_resend = new QPushButton(codePage);
    m_resend->setObjectName(QStringLiteral("resendButton"));
    m_resend->setAutoDefault(false);
    m_setPassword = new QPushButton(codePage);
    m_setPassword->setObjectName(QStringLiteral("setPasswordButton"));
    auto *codeButtons = new QHBoxLayout;
    codeButtons->addWidget(m_resend);
    codeButtons->addStretch(1);
    codeButtons->addWidget(m_setPassword);
    codeLayout->addLayout(codeButtons);
    codeLayout->addStretch(1);
    m_pages->addWidget(codePage);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    layout->addWidget(m_error);
    m_close = new QPushButton(this);
    m_close->setAutoDefault(false);
    auto *closeRow = new QHBoxLayout;
    closeRow->addStretch(1);
    closeRow->addWidget(m_close);
    layout->addLayout(closeRow);

    connect(m_sendCode, &QPushButton::clicked, this, &ForgotPasswordDialog::sendCode);
    connect(m_setPassword, &QPushButton::clicked, this, &ForgotPasswordDialog::setPassword);
    connect(m_resend, &QPushButton::clicked, this, [this] {
        m_pages->setCurrentIndex(0);
        m_sendCode->setDefault(true);
        clearError();
        m_destination->setFocus(Qt::OtherFocusReason);
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_client, &AccountRecoveryClient::codeRequested, this, [this](int expiresInSeconds) {
        m_sendCode->setEnabled(true);
        m_expiresInMinutes = (expiresInSeconds + 59) / 60;
        clearError();
        m_pages->setCurrentIndex(1);
        m_setPassword->setDefault(true);
        retranslateUi();
        m_code->setFocus(Qt::OtherFocusReason);
    });
    connect(m_client, &AccountRecoveryClient::passwordReset, this, [this] {
        m_setPassword->setEnabled(true);
        accept();
    });
    connect(m_client, &AccountRecoveryClient::failed, this, &ForgotPasswordDialog::onFailed);

    retranslateUi();
    m_destination->setFocus(Qt::OtherFocusReason);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

ForgotPasswordDialog::~ForgotPasswordDialog() = default;

QString ForgotPasswordDialog::language()
{
    return QLocale().language() == QLocale::Russian ? QStringLiteral("ru") : QStringLiteral("uz");
}

void ForgotPasswordDialog::retranslateUi()
{
    setWindowTitle(tr("Forgotten password"));
    m_intro->setText(tr("Enter the phone number or the e-mail address of your account. If it belongs to an "
                        "account, a one-time code is sent there."));
    m_destinationLabel->setText(tr("&Phone or e-mail:"));
    m_destination->setPlaceholderText(tr("+998 90 123 45 67 or name@example.uz"));
    m_sendCode->setText(tr("Send &code"));
    m_sentNote->setText(
        tr("If an account has this phone number or e-mail address, a code is on its way. It is valid for "
           "%n minute(s) and works once.",
           nullptr, qMax(m_expiresInMinutes, 1)));
    m_codeLabel->setText(tr("C&ode:"));
    m_newPasswordLabel->setText(tr("&New password:"));
    m_repeatLabel->setText(tr("&Repeat the new password:"));
    m_newPassword->setPlaceholderText(tr("at least 8 characters"));
    m_setPassword->setText(tr("&Set the new password"));
    m_resend->setText(tr("Send a new code"));
    m_close->setText(tr("Cancel"));
    if (m_errorText)
        m_error->setText(m_errorText());
}

void ForgotPasswordDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

QString ForgotPasswordDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

bool ForgotPasswordDialog::isOnCodePage() const
{
    return m_pages->currentIndex() == 1;
}

QString ForgotPasswordDialog::resetLogin() const
{
    return m_destination->text().trimmed();
}

void ForgotPasswordDialog::showError(std::function<QString()> text, QWidget *field)
{
    m_errorText = std::move(text);
    m_errorField = field;
    m_error->setText(m_errorText());
    m_error->show();
    if (field)
        field->setFocus(Qt::OtherFocusReason);
}

void ForgotPasswordDialog::clearError()
{
    m_errorText = nullptr;
    m_errorField = nullptr;
    m_error->hide();
    m_error->clear();
}

void ForgotPasswordDialog::sendCode()
{
    if (m_client->isBusy())
        return;
    if (m_destination->text().trimmed().isEmpty()) {
        showError([] { return tr("Enter the phone number or the e-mail address of your account."); },
                  m_destination);
        return;
    }
    clearError();
    m_sendCode->setEnabled(false);
    m_client->requestCode(m_destination->text(), language());
}

void ForgotPasswordDialog::setPassword()
{
    if (m_client->isBusy())
        return;
    if (m_code->text().trimmed().size() != 6) {
        showError([] { return tr("Enter the 6-digit code from the message."); }, m_code);
        return;
    }
    if (m_newPassword->text().size() < 8) {
        showError([] { return tr("The new password must have at least 8 characters."); }, m_newPassword);
        return;
    }
    if (m_repeat->text() != m_newPassword->text()) {
        showError([] { return tr("The two new passwords are not the same."); }, m_repeat);
        m_repeat->selectAll();
        return;
    }
    clearError();
    m_setPassword->setEnabled(false);
    m_client->confirm(m_destination->text(), m_code->text(), m_newPassword->text());
}

void ForgotPasswordDialog::onFailed(const ApiError &error)
{
    m_sendCode->setEnabled(true);
    m_setPassword->setEnabled(true);
    QWidget *field = nullptr;
    if (error.field == QLatin1String("code"))
        field = m_code;
    else if (error.field == QLatin1String("newPassword"))
        field = m_newPassword;
    else if (error.field == QLatin1String("phone") || error.field == QLatin1String("email"))
        field = m_destination;
    if (field == m_destination && isOnCodePage())
        m_pages->setCurrentIndex(0);
    showError([error] { return AccountErrorText::describe(error); }, field);
}

} // namespace medora
