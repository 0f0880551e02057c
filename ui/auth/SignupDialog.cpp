#include "auth/SignupDialog.h"

#include "auth/AccountErrorText.h"
#include "auth/ConsentDialog.h"
#include "session/BundledLegalTexts.h"
#include "session/SessionManager.h"
#include "session/SignupClient.h"

#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace medora {

SignupDialog::SignupDialog(ApiClient &api, QWidget *parent)
    : QDialog(parent), m_client(new SignupClient(api, this))
{
    setObjectName(QStringLiteral("signupDialog"));
    loadBundledTexts();
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto *form = new QFormLayout;
    auto field = [this](const char *name, QLabel **label) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        *label = new QLabel(this);
        (*label)->setBuddy(edit);
        return edit;
    };
    m_clinicName = field("clinicNameField", &m_clinicNameLabel);
    m_clinicName->setMaxLength(100);
    m_fullName = field("fullNameField", &m_fullNameLabel);
    m_fullName->setMaxLength(100);
    m_phone = field("phoneField", &m_phoneLabel);
    m_phone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    m_code = field("codeField", &m_codeLabel);
    m_code->setMaxLength(6);
    m_code->setInputMethodHints(Qt::ImhDigitsOnly);
    m_email = field("emailField", &m_emailLabel);
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    m_password = field("passwordField", &m_passwordLabel);
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat = field("repeatPasswordField", &m_repeatLabel);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_sendCode = new QPushButton(this);
    m_sendCode->setObjectName(QStringLiteral("sendCodeButton"));
    m_sendCode->setAutoDefault(false);
    auto *phoneRow = new QHBoxLayout;
    phoneRow->addWidget(m_phone, 1);
    phoneRow->addWidget(m_sendCode);
    m_codeNote = new QLabel(this);
    m_codeNote->setObjectName(QStringLiteral("codeNote"));
    m_codeNote->setWordWrap(true);
    m_codeNote->hide();
    form->addRow(m_clinicNameLabel, m_clinicName);
    form->addRow(m_fullNameLabel, m_fullName);
    form->addRow(m_phoneLabel, phoneRow);
    form->addRow(m_codeLabel, m_code);
    form->addRow(QString(), m_codeNote);
    form->addRow(m_emailLabel, m_email);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_repeatLabel, m_repeat);
    layout->addLayout(form);

    m_accept = new QCheckBox(this);
    m_accept->setObjectName(QStringLiteral("acceptBox"));
    m_readTerms = new QPushButton(this);
    m_readTerms->setObjectName(QStringLiteral("readTermsButton"));
    m_readTerms->setAutoDefault(false);
    auto *acceptRow = new QHBoxLayout;
    acceptRow->addWidget(m_accept, 1);
    acceptRow->addWidget(m_readTerms);
    layout->addLayout(acceptRow);
    m_disclaimer = new QLabel(this);
    m_disclaimer->setObjectName(QStringLiteral("disclaimerLabel"));
    m_disclaimer->setWordWrap(true);
    layout->addWidget(m_disclaimer);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    layout->addWidget(m_error);
    m_create = new QPushButton(this);
    m_create->setObjectName(QStringLiteral("createButton"));
    m_create->setDefault(true);
    m_cancel = new QPushButton(this);
    m_cancel->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_create);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);
    // The fields were made before the button beside the phone: Tab follows the form instead.
    const QList<QWidget *> tabOrder{m_clinicName, m_fullName, m_phone,  m_sendCode,  m_code,   m_email,
                                    m_password,   m_repeat,   m_accept, m_readTerms, m_create, m_cancel};
    for (qsizetype i = 1; i < tabOrder.size(); ++i)
        setTabOrder(tabOrder[i - 1], tabOrder[i]);

    connect(m_sendCode, &QPushButton::clicked, this, &SignupDialog::sendCode);
    connect(m_readTerms, &QPushButton::clicked, this, &SignupDialog::readTerms);
    connect(m_create, &QPushButton::clicked, this, &SignupDialog::create);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_client, &SignupClient::phoneCodeSent, this, [this] {
        m_sendCode->setEnabled(true);
        m_codeSent = true;
        clearError();
        m_codeNote->show();
        retranslateUi();
        m_code->setFocus(Qt::OtherFocusReason);
    });
    connect(m_client, &SignupClient::signedUp, this, [this] {
        m_create->setEnabled(true);
        accept();
    });
    connect(m_client, &SignupClient::legalTextsChanged, this,
            [this](const LegalDocument &terms, const LegalDocument &privacy) {
                m_terms = terms;
                m_privacy = privacy;
                m_accept->setChecked(false);
                retranslateUi();
            });
    connect(m_client, &SignupClient::failed, this, &SignupDialog::onFailed);

    retranslateUi();
    m_clinicName->setFocus(Qt::OtherFocusReason);
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

SignupDialog::~SignupDialog() = default;

QString SignupDialog::language()
{
    return QLocale().language() == QLocale::Russian ? QStringLiteral("ru") : QStringLiteral("uz");
}

void SignupDialog::loadBundledTexts()
{
    const QString lang = language();
    m_terms = BundledLegalTexts::text(QStringLiteral("terms"), lang).value_or(LegalDocument{});
    m_privacy = BundledLegalTexts::text(QStringLiteral("privacy"), lang).value_or(LegalDocument{});
}

void SignupDialog::retranslateUi()
{
    setWindowTitle(tr("Register a new clinic"));
    m_intro->setText(tr("Register your clinic on this server. You become its administrator and can then add "
                        "doctors and receptionists."));
    m_clinicNameLabel->setText(tr("&Clinic name:"));
    m_fullNameLabel->setText(tr("Your &full name:"));
    m_phoneLabel->setText(tr("&Phone:"));
    m_phone->setPlaceholderText(tr("+998 90 123 45 67"));
    m_sendCode->setText(m_codeSent ? tr("Send a new code") : tr("Send SMS c&ode"));
    m_codeLabel->setText(tr("Code from the SM&S:"));
    m_codeNote->setText(tr("A code was sent to this phone. Enter it here."));
    m_emailLabel->setText(tr("&E-mail (optional):"));
    m_email->setPlaceholderText(tr("for password recovery"));
    m_passwordLabel->setText(tr("Pass&word:"));
    m_password->setPlaceholderText(tr("at least 8 characters"));
    m_repeatLabel->setText(tr("&Repeat the password:"));
    m_accept->setText(tr("I &accept the terms of use (version %1) and the privacy policy (version %2)")
                          .arg(m_terms.version, m_privacy.version));
    m_readTerms->setText(tr("Read them…"));
    m_disclaimer->setText(tr("Medora does not replace a doctor's judgement."));
    m_create->setText(tr("Re&gister the clinic"));
    m_cancel->setText(tr("Cancel"));
    if (m_errorText)
        m_error->setText(m_errorText());
}

void SignupDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

QString SignupDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString SignupDialog::signInLogin() const
{
    return SessionManager::normalizedLogin(m_phone->text());
}

QString SignupDialog::password() const
{
    return m_password->text();
}

void SignupDialog::showError(std::function<QString()> text, QWidget *field)
{
    m_errorText = std::move(text);
    m_errorField = field;
    m_error->setText(m_errorText());
    m_error->show();
    if (field)
        field->setFocus(Qt::OtherFocusReason);
}

void SignupDialog::clearError()
{
    m_errorText = nullptr;
    m_errorField = nullptr;
    m_error->hide();
    m_error->clear();
}

void SignupDialog::readTerms()
{
    if (m_termsDialog)
        return;
    m_termsDialog = new ConsentDialog(m_terms, m_privacy, ConsentDialog::Mode::Read, this);
    m_termsDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_termsDialog->open();
}

void SignupDialog::sendCode()
{
    if (m_client->isBusy())
        return;
    if (m_phone->text().trimmed().isEmpty()) {
        showError([] { return tr("Enter the phone number first: the code is sent to it."); }, m_phone);
        return;
    }
    clearError();
    m_sendCode->setEnabled(false);
    m_client->requestPhoneCode(m_phone->text(), language());
}

void SignupDialog::create()
{
    if (m_client->isBusy())
        return;
    struct Check
    {
        QLineEdit *field;
        std::function<QString()> message;
    };
    const QList<Check> required{
        {m_clinicName, [] { return tr("Enter the clinic's name."); }},
        {m_fullName, [] { return tr("Enter your full name."); }},
        {m_phone, [] { return tr("Enter your phone number."); }},
        {m_code, [] { return tr("Enter the code from the SMS. No code yet? Press \"Send SMS code\"."); }},
    };
    for (const Check &check : required) {
        if (check.field->text().trimmed().isEmpty()) {
            showError(check.message, check.field);
            return;
        }
    }
    if (m_password->text().size() < 8) {
        showError([] { return tr("The password must have at least 8 characters."); }, m_password);
        return;
    }
    if (m_repeat->text() != m_password->text()) {
        showError([] { return tr("The two passwords are not the same."); }, m_repeat);
        return;
    }
    if (!m_accept->isChecked()) {
        showError([] { return tr("To register, accept the terms of use and the privacy policy."); },
                  m_accept);
        return;
    }
    if (m_terms.version.isEmpty() || m_privacy.version.isEmpty()) {
        showError([] { return tr("The terms of use could not be loaded. Try again."); }, m_accept);
        m_client->fetchLegalTexts(language());
        return;
    }
    clearError();
    m_create->setEnabled(false);
    SignupClient::Form form;
    form.clinicName = m_clinicName->text();
    form.fullName = m_fullName->text();
    form.phone = m_phone->text();
    form.code = m_code->text();
    form.email = m_email->text();
    form.password = m_password->text();
    form.termsVersion = m_terms.version;
    form.privacyVersion = m_privacy.version;
    form.language = m_terms.language.isEmpty() ? language() : m_terms.language;
    m_client->signUp(form);
}

void SignupDialog::onFailed(const ApiError &error)
{
    m_sendCode->setEnabled(true);
    m_create->setEnabled(true);
    const QString &f = error.field;
    QWidget *field = nullptr;
    if (f == QLatin1String("clinicName"))
        field = m_clinicName;
    else if (f == QLatin1String("fullName"))
        field = m_fullName;
    else if (f == QLatin1String("phone"))
        field = m_phone;
    else if (f == QLatin1String("code"))
        field = m_code;
    else if (f == QLatin1String("email"))
        field = m_email;
    else if (f == QLatin1String("password"))
        field = m_password;
    else if (f == QLatin1String("termsVersion") || f == QLatin1String("privacyVersion"))
        field = m_accept;
    showError([error] { return AccountErrorText::describe(error); }, field);
}

} // namespace medora
