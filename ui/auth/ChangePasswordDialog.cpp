#include "auth/ChangePasswordDialog.h"

#include "auth/ApiErrorText.h"
#include "session/SessionManager.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace medora {

namespace {

QLabel *makeErrorLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

// Length as the user counts it: characters, not UTF-16 units.
int characterCount(const QString &text)
{
    return static_cast<int>(text.toUcs4().size());
}

} // namespace

ChangePasswordDialog::ChangePasswordDialog(SessionManager &session, const QString &currentPassword,
                                           QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("changePasswordDialog"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto *form = new QFormLayout;
    m_current = new QLineEdit(this);
    m_current->setObjectName(QStringLiteral("currentPasswordField"));
    m_current->setEchoMode(QLineEdit::Password);
    m_current->setText(currentPassword);
    m_new = new QLineEdit(this);
    m_new->setObjectName(QStringLiteral("newPasswordField"));
    m_new->setEchoMode(QLineEdit::Password);
    m_new->setMaxLength(kMaxLength * 2); // room to type past the limit and be told, not cut off
    m_repeat = new QLineEdit(this);
    m_repeat->setObjectName(QStringLiteral("repeatPasswordField"));
    m_repeat->setEchoMode(QLineEdit::Password);
    m_repeat->setMaxLength(kMaxLength * 2);
    m_currentLabel = new QLabel(this);
    m_newLabel = new QLabel(this);
    m_repeatLabel = new QLabel(this);
    m_currentLabel->setBuddy(m_current);
    m_newLabel->setBuddy(m_new);
    m_repeatLabel->setBuddy(m_repeat);
    m_currentError = makeErrorLabel(this, QStringLiteral("currentPasswordError"));
    m_newError = makeErrorLabel(this, QStringLiteral("newPasswordError"));
    m_repeatError = makeErrorLabel(this, QStringLiteral("repeatPasswordError"));
    form->addRow(m_currentLabel, m_current);
    form->addRow(QString(), m_currentError);
    form->addRow(m_newLabel, m_new);
    form->addRow(QString(), m_newError);
    form->addRow(m_repeatLabel, m_repeat);
    form->addRow(QString(), m_repeatError);
    layout->addLayout(form);
    // The one-time password was just typed in the sign-in dialog: not asked twice.
    const bool knowsCurrent = !currentPassword.isEmpty();
    m_current->setVisible(!knowsCurrent);
    m_currentLabel->setVisible(!knowsCurrent);

    m_error = makeErrorLabel(this, QStringLiteral("errorLabel"));
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(this);
    m_changeButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_changeButton->setObjectName(QStringLiteral("changePasswordButton"));
    m_changeButton->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ChangePasswordDialog::reject);

    connect(&m_session, &SessionManager::passwordChangeFailed, this, &ChangePasswordDialog::onFailed);
    connect(&m_session, &SessionManager::signInFailed, this, &ChangePasswordDialog::onFailed);
    connect(&m_session, &SessionManager::signedIn, this, [this] {
        setBusy(false);
        accept();
    });

    retranslateUi();
    (knowsCurrent ? m_new : m_current)->setFocus(Qt::OtherFocusReason);
    setMinimumWidth(fontMetrics().averageCharWidth() * 55);
}

ChangePasswordDialog::~ChangePasswordDialog() = default;

void ChangePasswordDialog::retranslateUi()
{
    setWindowTitle(tr("Choose a new password"));
    m_intro->setText(tr("Your account needs a password of your own before you can continue. Use %1 to %2 "
                        "characters; a long phrase is easier to remember and harder to guess.")
                         .arg(kMinLength)
                         .arg(kMaxLength));
    m_currentLabel->setText(tr("&Current password:"));
    m_newLabel->setText(tr("&New password:"));
    m_repeatLabel->setText(tr("&Repeat the new password:"));
    m_changeButton->setText(tr("&Change password"));
    for (Place place : {Place::Current, Place::New, Place::Repeat, Place::General}) {
        const auto &text = m_errorTexts[static_cast<int>(place)];
        if (text)
            labelFor(place)->setText(text());
    }
}

void ChangePasswordDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

QLabel *ChangePasswordDialog::labelFor(Place place) const
{
    switch (place) {
    case Place::Current:
        return m_currentError;
    case Place::New:
        return m_newError;
    case Place::Repeat:
        return m_repeatError;
    case Place::General:
        break;
    }
    return m_error;
}

QString ChangePasswordDialog::currentErrorText() const
{
    return m_currentError->isHidden() ? QString() : m_currentError->text();
}

QString ChangePasswordDialog::newErrorText() const
{
    return m_newError->isHidden() ? QString() : m_newError->text();
}

QString ChangePasswordDialog::repeatErrorText() const
{
    return m_repeatError->isHidden() ? QString() : m_repeatError->text();
}

QString ChangePasswordDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ChangePasswordDialog::clearErrors()
{
    for (Place place : {Place::Current, Place::New, Place::Repeat, Place::General}) {
        m_errorTexts[static_cast<int>(place)] = nullptr;
        labelFor(place)->hide();
        labelFor(place)->clear();
    }
}

void ChangePasswordDialog::showError(Place place, std::function<QString()> text)
{
    QLabel *label = labelFor(place);
    m_errorTexts[static_cast<int>(place)] = std::move(text);
    label->setText(m_errorTexts[static_cast<int>(place)]());
    label->show();
    QLineEdit *field = place == Place::Current ? m_current : place == Place::Repeat ? m_repeat : m_new;
    if (place == Place::Current) {
        // The server says the remembered one-time password is wrong: let the user type it.
        m_current->show();
        m_currentLabel->show();
    }
    if (place != Place::General) {
        field->setFocus(Qt::OtherFocusReason);
        field->selectAll();
    }
}

void ChangePasswordDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_changeButton->setEnabled(!busy);
    m_current->setReadOnly(busy);
    m_new->setReadOnly(busy);
    m_repeat->setReadOnly(busy);
}

void ChangePasswordDialog::submit()
{
    if (m_busy)
        return;
    clearErrors();
    const int length = characterCount(m_new->text());
    if (m_current->text().isEmpty()) {
        showError(Place::Current, [] { return tr("Enter your current password."); });
        return;
    }
    if (length < kMinLength) {
        showError(Place::New, [] {
            return ApiErrorText::describe(
                ApiError::make(ApiError::Kind::Server, QStringLiteral("password_too_short"), QString()));
        });
        return;
    }
    if (length > kMaxLength) {
        showError(Place::New, [] {
            return ApiErrorText::describe(
                ApiError::make(ApiError::Kind::Server, QStringLiteral("password_too_long"), QString()));
        });
        return;
    }
    if (m_repeat->text() != m_new->text()) {
        showError(Place::Repeat, [] { return tr("The two new passwords differ."); });
        return;
    }
    setBusy(true);
    m_session.changePassword(m_current->text(), m_new->text());
}

void ChangePasswordDialog::onFailed(const ApiError &error)
{
    if (!m_busy)
        return;
    setBusy(false);
    Place place = Place::General;
    if (error.field == QLatin1String("currentPassword"))
        place = Place::Current;
    else if (error.field == QLatin1String("newPassword"))
        place = Place::New;
    showError(place, [error] { return ApiErrorText::describe(error); });
}

} // namespace medora
