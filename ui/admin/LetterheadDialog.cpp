#include "admin/LetterheadDialog.h"

#include "auth/ApiErrorText.h"
#include "clinic/LetterheadClient.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace medora {

namespace {

QLabel *errorLabel(const QString &field, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(field + QStringLiteral("Error"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

} // namespace

LetterheadDialog::LetterheadDialog(ClinicDirectory &directory, LetterheadClient &client, QWidget *parent)
    : QDialog(parent), m_directory(directory), m_client(client)
{
    setWindowTitle(tr("Letterhead"));
    const Letterhead current = directory.letterhead();
    m_logoPng = current.logoPng;

    auto *intro =
        new QLabel(tr("Every printout (reports, receipts, tickets) starts with this letterhead."), this);
    intro->setWordWrap(true);
    m_clinicName =
        new QLabel(current.clinicName.isEmpty() ? tr("(not known yet)") : current.clinicName, this);
    m_clinicName->setObjectName(QStringLiteral("clinicName"));
    m_clinicName->setToolTip(tr("The clinic's name is set on the server by its operator."));

    m_address = new QPlainTextEdit(current.address, this);
    m_address->setObjectName(QStringLiteral("address"));
    m_address->setAccessibleName(tr("Address"));
    m_address->setTabChangesFocus(true);
    m_address->setFixedHeight(m_address->fontMetrics().lineSpacing() * 3 + 12);
    m_phone = new QLineEdit(current.phone, this);
    m_phone->setObjectName(QStringLiteral("phone"));
    m_phone->setAccessibleName(tr("Phone"));
    m_phone->setPlaceholderText(tr("+998 71 200-00-00"));
    m_footer = new QPlainTextEdit(current.footer, this);
    m_footer->setObjectName(QStringLiteral("footer"));
    m_footer->setAccessibleName(tr("Footer"));
    m_footer->setTabChangesFocus(true);
    m_footer->setPlaceholderText(tr("For example the licence number"));
    m_footer->setFixedHeight(m_footer->fontMetrics().lineSpacing() * 3 + 12);

    m_logoPreview = new QLabel(this);
    m_logoPreview->setObjectName(QStringLiteral("logoPreview"));
    m_logoPreview->setAccessibleName(tr("Logo preview"));
    m_logoPreview->setFixedSize(200, 100);
    m_logoPreview->setAlignment(Qt::AlignCenter);
    m_logoPreview->setFrameShape(QFrame::StyledPanel);
    m_chooseLogo = new QPushButton(tr("Choose logo…"), this);
    m_chooseLogo->setObjectName(QStringLiteral("chooseLogo"));
    m_removeLogo = new QPushButton(tr("Remove logo"), this);
    m_removeLogo->setObjectName(QStringLiteral("removeLogo"));
    auto *logoButtons = new QVBoxLayout;
    logoButtons->addWidget(m_chooseLogo);
    logoButtons->addWidget(m_removeLogo);
    logoButtons->addStretch();
    auto *logoRow = new QHBoxLayout;
    logoRow->addWidget(m_logoPreview);
    logoRow->addLayout(logoButtons);
    logoRow->addStretch();

    for (const QString &field : {QStringLiteral("address"), QStringLiteral("phone"), QStringLiteral("footer"),
                                 QStringLiteral("logo")})
        m_errors.insert(field, errorLabel(field, this));

    auto *form = new QFormLayout;
    form->addRow(tr("Clinic:"), m_clinicName);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(QString(), m_errors.value(QStringLiteral("address")));
    form->addRow(tr("&Phone:"), m_phone);
    form->addRow(QString(), m_errors.value(QStringLiteral("phone")));
    form->addRow(tr("&Footer:"), m_footer);
    form->addRow(QString(), m_errors.value(QStringLiteral("footer")));
    form->addRow(tr("Logo:"), logoRow);
    form->addRow(QString(), m_errors.value(QStringLiteral("logo")));
    qobject_cast<QLabel *>(form->labelForField(m_address))->setBuddy(m_address);
    qobject_cast<QLabel *>(form->labelForField(m_phone))->setBuddy(m_phone);
    qobject_cast<QLabel *>(form->labelForField(m_footer))->setBuddy(m_footer);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
    if (!client.canSave())
        m_status->setText(
            tr("You are offline: the letterhead can be changed only while Medora is connected to "
               "the server."));
    m_status->setVisible(!m_status->text().isEmpty());

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttons"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LetterheadDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_chooseLogo, &QPushButton::clicked, this, &LetterheadDialog::chooseLogo);
    connect(m_removeLogo, &QPushButton::clicked, this, &LetterheadDialog::removeLogo);
    connect(&client, &LetterheadClient::saved, this, [this] {
        setBusy(false);
        accept();
    });
    connect(&client, &LetterheadClient::failed, this, &LetterheadDialog::onFailed);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    setTabOrder(m_address, m_phone);
    setTabOrder(m_phone, m_footer);
    setTabOrder(m_footer, m_chooseLogo);
    setTabOrder(m_chooseLogo, m_removeLogo);
    showLogo();
}

Letterhead LetterheadDialog::letterhead() const
{
    Letterhead head;
    head.clinicName = m_directory.letterhead().clinicName;
    head.address = m_address->toPlainText().trimmed();
    head.phone = m_phone->text().trimmed();
    head.footer = m_footer->toPlainText().trimmed();
    head.logoPng = m_logoPng;
    return head;
}

bool LetterheadDialog::setLogoFromFile(const QString &path)
{
    showFieldError(QStringLiteral("logo"), QString());
    QString error;
    const QByteArray png = LetterheadClient::preparedLogo(path, &error);
    if (png.isEmpty()) {
        showFieldError(QStringLiteral("logo"), error);
        return false;
    }
    m_logoPng = png;
    showLogo();
    return true;
}

void LetterheadDialog::removeLogo()
{
    m_logoPng.clear();
    showFieldError(QStringLiteral("logo"), QString());
    showLogo();
}

QString LetterheadDialog::fieldError(const QString &field) const
{
    const QLabel *label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

QString LetterheadDialog::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void LetterheadDialog::save()
{
    if (m_client.isSaving())
        return;
    clearErrors();
    const Letterhead head = letterhead();
    const FieldErrors errors = LetterheadClient::validate(head);
    for (const FieldError &error : errors)
        showFieldError(error.field, error.message);
    if (!errors.isEmpty())
        return;
    if (!m_client.canSave()) {
        m_status->setText(
            tr("You are offline: the letterhead can be changed only while Medora is connected to "
               "the server. Your changes stay here; save again when the connection is back."));
        m_status->show();
        return;
    }
    setBusy(true);
    m_client.save(head);
}

void LetterheadDialog::chooseLogo()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the clinic's logo"), folder,
                                                      tr("Pictures (*.png *.jpg *.jpeg *.bmp *.gif)"));
    if (!path.isEmpty())
        setLogoFromFile(path);
}

void LetterheadDialog::showLogo()
{
    const QImage image = QImage::fromData(m_logoPng, "PNG");
    if (image.isNull()) {
        m_logoPreview->setPixmap(QPixmap());
        m_logoPreview->setText(tr("No logo"));
    } else {
        const qreal ratio = devicePixelRatioF();
        QPixmap pixmap = QPixmap::fromImage(
            image.scaled(m_logoPreview->size() * ratio, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        pixmap.setDevicePixelRatio(ratio);
        m_logoPreview->setPixmap(pixmap);
    }
    m_removeLogo->setEnabled(!m_logoPng.isEmpty());
}

void LetterheadDialog::clearErrors()
{
    for (QLabel *label : std::as_const(m_errors)) {
        label->clear();
        label->hide();
    }
    m_status->clear();
    m_status->hide();
}

void LetterheadDialog::showFieldError(const QString &field, const QString &message)
{
    QLabel *label = m_errors.value(field);
    if (!label) {
        m_status->setText(message);
        m_status->setVisible(!message.isEmpty());
        return;
    }
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void LetterheadDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
    if (busy) {
        m_status->setStyleSheet(QString());
        m_status->setText(tr("Saving…"));
        m_status->show();
    } else {
        m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_status->clear();
        m_status->hide();
    }
}

void LetterheadDialog::onFailed(const ApiError &error)
{
    setBusy(false);
    if (m_errors.contains(error.field)) {
        showFieldError(error.field, serverFieldMessage(error));
        return;
    }
    QString message;
    if (error.code == ApiError::offlineCode() || error.code == ApiError::timeoutCode())
        message = tr("The server cannot be reached, so the letterhead was not saved. Your changes stay here; "
                     "save again when the connection is back.");
    else if (error.code == QLatin1String("forbidden"))
        message = tr("Only a clinic administrator may change the letterhead.");
    else
        message = ApiErrorText::describe(error);
    m_status->setText(message);
    m_status->show();
}

QString LetterheadDialog::serverFieldMessage(const ApiError &error)
{
    if (error.code == QLatin1String("too_long"))
        return tr("Too long.");
    if (error.code == QLatin1String("invalid_value"))
        return tr("Only letters, digits and punctuation.");
    if (error.code == QLatin1String("invalid_logo"))
        return tr("The server did not accept the logo as a PNG picture. Choose another picture.");
    if (error.code == QLatin1String("logo_too_large"))
        return tr("The logo is too large. Choose a smaller picture.");
    return ApiErrorText::describe(error);
}

} // namespace medora
