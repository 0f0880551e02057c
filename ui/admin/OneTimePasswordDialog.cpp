#include "admin/OneTimePasswordDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace medora {

OneTimePasswordDialog::OneTimePasswordDialog(const QString &fullName, const QString &login,
                                             const QString &password, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("One-time password"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_text = new QLabel(tr("The one-time password of %1 (login %2) is shown only now. Give it to them: "
                           "they choose their own password when they first sign in.")
                            .arg(fullName, login),
                        this);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_password = new QLineEdit(password, this);
    m_password->setObjectName(QStringLiteral("oneTimePassword"));
    m_password->setReadOnly(true);
    m_password->setAccessibleName(tr("One-time password"));
    m_password->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *copy = new QPushButton(tr("&Copy"), this);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_password->text()); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);

    auto *row = new QHBoxLayout;
    row->addWidget(m_password, 1);
    row->addWidget(copy);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addLayout(row);
    layout->addWidget(buttons);
}

OneTimePasswordDialog::~OneTimePasswordDialog()
{
    m_password->clear();
}

QString OneTimePasswordDialog::password() const
{
    return m_password->text();
}

QString OneTimePasswordDialog::explanation() const
{
    return m_text->text();
}

} // namespace medora
