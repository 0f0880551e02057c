#include "admin/StaffDialog.h"

#include "auth/ApiErrorText.h"
#include "domain/PhoneNumber.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace medora {

StaffDialog::StaffDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("New staff member"));
    build();
}

StaffDialog::StaffDialog(const StaffAccount &account, QWidget *parent)
    : QDialog(parent), m_accountId(account.id)
{
    setWindowTitle(tr("Name and phone of %1").arg(account.login));
    build();
    m_login->setText(account.login);
    m_login->setReadOnly(true);
    m_login->setEnabled(false);
    m_fullName->setText(account.fullName);
    m_phone->setText(account.phone.isEmpty() ? QString() : PhoneNumber::format(account.phone));
    const int roleIndex = m_role->findData(account.role);
    m_role->setCurrentIndex(roleIndex < 0 ? 0 : roleIndex);
    m_role->setEnabled(false); // "Change role…" asks its own question
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save"));
    m_fullName->setFocus();
    m_fullName->selectAll();
}

void StaffDialog::build()
{
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("login"));
    m_login->setMaxLength(32);
    m_login->setAccessibleName(tr("Login"));
    m_fullName = new QLineEdit(this);
    m_fullName->setObjectName(QStringLiteral("fullName"));
    m_fullName->setMaxLength(StaffClient::kMaxFullNameLength);
    m_fullName->setAccessibleName(tr("Full name"));
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("role"));
    m_role->setAccessibleName(tr("Role"));
    m_role->addItem(tr("Choose…"), QString());
    for (const QString &role : StaffClient::roles())
        m_role->addItem(ApiErrorText::roleName(role), role);
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("phone"));
    m_phone->setAccessibleName(tr("Phone"));
    m_phone->setPlaceholderText(tr("optional, e.g. +998 90 123 45 67"));

    auto *form = new QFormLayout;
    const auto addRow = [this, form](const QString &label, QWidget *field, const QString &key) {
        auto *box = new QVBoxLayout;
        box->setSpacing(2);
        box->addWidget(field);
        box->addWidget(errorLabel(key));
        form->addRow(label, box);
    };
    addRow(tr("&Login:"), m_login, QStringLiteral("login"));
    addRow(tr("&Full name:"), m_fullName, QStringLiteral("fullName"));
    addRow(tr("&Role:"), m_role, QStringLiteral("role"));
    addRow(tr("&Phone:"), m_phone, QStringLiteral("phone"));
    for (int row = 0; row < form->rowCount(); ++row) {
        if (auto *label = qobject_cast<QLabel *>(form->itemAt(row, QFormLayout::LabelRole)->widget())) {
            const QList<QWidget *> fields{m_login, m_fullName, m_role, m_phone};
            label->setBuddy(fields.value(row));
        }
    }

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &StaffDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
}

QLabel *StaffDialog::errorLabel(const QString &field)
{
    auto *label = new QLabel(this);
    label->setObjectName(field + QStringLiteral("Error"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    m_errors.insert(field, label);
    return label;
}

NewStaffMember StaffDialog::member() const
{
    return {m_login->text(), m_fullName->text(), m_role->currentData().toString(), m_phone->text()};
}

QString StaffDialog::fieldError(const QString &field) const
{
    const QLabel *label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

QString StaffDialog::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void StaffDialog::clearErrors()
{
    for (QLabel *label : std::as_const(m_errors))
        label->hide();
    m_status->hide();
}

void StaffDialog::showError(const QString &field, const QString &message)
{
    QLabel *label = m_errors.value(field, m_status);
    label->setText(message);
    label->show();
    const QMap<QString, QWidget *> fields{{QStringLiteral("login"), m_login},
                                          {QStringLiteral("fullName"), m_fullName},
                                          {QStringLiteral("role"), m_role},
                                          {QStringLiteral("phone"), m_phone}};
    if (QWidget *widget = fields.value(field))
        widget->setFocus();
}

void StaffDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    if (busy) {
        m_status->setText(isEdit() ? tr("Saving the changes…") : tr("Creating the account…"));
        m_status->show();
    }
}

void StaffDialog::submit()
{
    clearErrors();
    if (isEdit()) {
        const FieldErrors errors = StaffClient::validateDetails(m_fullName->text(), m_phone->text());
        for (auto it = errors.crbegin(); it != errors.crend(); ++it)
            showError(it->field, it->message);
        if (errors.isEmpty())
            emit detailsSubmitted(m_accountId, m_fullName->text().trimmed(), m_phone->text().trimmed());
        return;
    }
    const NewStaffMember candidate = member();
    const FieldErrors errors = StaffClient::validate(candidate);
    for (auto it = errors.crbegin(); it != errors.crend(); ++it)
        showError(it->field, it->message); // the first field ends up with the focus
    if (!errors.isEmpty())
        return;
    emit submitted(candidate);
}

} // namespace medora
