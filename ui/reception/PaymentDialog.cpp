#include "reception/PaymentDialog.h"

#include "cash/MoneyText.h"
#include "cash/PaymentService.h"
#include "clinic/ClinicDirectory.h"
#include "queue/QueueService.h"
#include "queue/TicketNumber.h"
#include "reception/MoneyEdit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace medora {

namespace {

// Form order: the first field with an error receives the focus.
const QStringList kFieldOrder = {QStringLiteral("amount"), QStringLiteral("method"), QStringLiteral("visit"),
                                 QStringLiteral("note"), QStringLiteral("receipt")};

QString withoutMnemonic(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    return text;
}

void makeAlertLabel(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    label->setPalette(palette);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
}

} // namespace

PaymentDialog::PaymentDialog(PaymentService &payments, QueueService &queue, ClinicDirectory &clinic,
                             const Patient &patient, const UserProfile &me, const QDate &today,
                             QWidget *parent)
    : QDialog(parent), m_payments(payments), m_queue(queue), m_clinic(clinic), m_patient(patient), m_me(me),
      m_today(today)
{
    setObjectName(QStringLiteral("paymentDialog"));
    buildUi();
    loadVisits();
    retranslateUi();
    m_amount->setFocus(Qt::OtherFocusReason);
}

void PaymentDialog::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    m_patientLabel = new QLabel(this);
    m_patientLabel->setObjectName(QStringLiteral("paymentPatientLabel"));
    m_patientLabel->setTextFormat(Qt::PlainText);
    QFont bold = m_patientLabel->font();
    bold.setBold(true);
    m_patientLabel->setFont(bold);
    outer->addWidget(m_patientLabel);

    m_saveErrorLabel = new QLabel(this);
    m_saveErrorLabel->setObjectName(QStringLiteral("paymentSaveError"));
    m_saveErrorLabel->setFrameShape(QFrame::StyledPanel);
    makeAlertLabel(m_saveErrorLabel);
    outer->addWidget(m_saveErrorLabel);

    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    outer->addLayout(grid);
    int row = 0;

    auto *amountBox = new QWidget(this);
    auto *amountLayout = new QHBoxLayout(amountBox);
    amountLayout->setContentsMargins(0, 0, 0, 0);
    m_amount = new MoneyEdit(amountBox);
    m_amount->setObjectName(QStringLiteral("amountEdit"));
    QFont large = m_amount->font();
    large.setPointSizeF(large.pointSizeF() * 1.4);
    m_amount->setFont(large);
    m_currency = new QLabel(amountBox);
    amountLayout->addWidget(m_amount, 1);
    amountLayout->addWidget(m_currency);
    addRow(grid, row, QStringLiteral("amount"), m_amount, amountBox);

    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("methodBox"));
    for (PaymentMethod method :
         {PaymentMethod::Cash, PaymentMethod::Card, PaymentMethod::Transfer, PaymentMethod::Other})
        m_method->addItem(QString(), int(method));
    addRow(grid, row, QStringLiteral("method"), m_method);

    m_visit = new QComboBox(this);
    m_visit->setObjectName(QStringLiteral("visitBox"));
    addRow(grid, row, QStringLiteral("visit"), m_visit);

    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("paymentNoteEdit"));
    m_note->setMaxLength(PaymentService::kMaxNoteLength);
    addRow(grid, row, QStringLiteral("note"), m_note);

    auto *receiptBox = new QWidget(this);
    auto *receiptLayout = new QHBoxLayout(receiptBox);
    receiptLayout->setContentsMargins(0, 0, 0, 0);
    m_receiptName = new QLabel(receiptBox);
    m_receiptName->setObjectName(QStringLiteral("receiptNameLabel"));
    m_receiptName->setTextFormat(Qt::PlainText);
    m_attach = new QPushButton(receiptBox);
    m_attach->setObjectName(QStringLiteral("attachReceiptButton"));
    m_attach->setAutoDefault(false);
    m_detach = new QPushButton(receiptBox);
    m_detach->setObjectName(QStringLiteral("removeReceiptButton"));
    m_detach->setAutoDefault(false);
    m_detach->setEnabled(false);
    receiptLayout->addWidget(m_receiptName, 1);
    receiptLayout->addWidget(m_attach);
    receiptLayout->addWidget(m_detach);
    addRow(grid, row, QStringLiteral("receipt"), m_attach, receiptBox);

    m_printReceipt = new QCheckBox(this);
    m_printReceipt->setObjectName(QStringLiteral("printReceiptCheck"));
    m_printReceipt->setChecked(true);
    outer->addWidget(m_printReceipt);

    m_buttons = new QDialogButtonBox(this);
    m_saveButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("takePaymentButton"));
    m_saveButton->setDefault(true);
    m_cancelButton = m_buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    outer->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PaymentDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_attach, &QPushButton::clicked, this, &PaymentDialog::chooseReceipt);
    connect(m_detach, &QPushButton::clicked, this, [this] {
        m_receiptFile.clear();
        m_receiptName->setText(tr("No photo attached"));
        m_detach->setEnabled(false);
        m_modified = true;
    });
    const auto edited = [this] { m_modified = true; };
    connect(m_amount, &QLineEdit::textEdited, this, edited);
    connect(m_note, &QLineEdit::textEdited, this, edited);
    connect(m_method, &QComboBox::activated, this, edited);
    connect(m_visit, &QComboBox::activated, this, edited);

    setTabOrder(m_amount, m_method);
    setTabOrder(m_method, m_visit);
    setTabOrder(m_visit, m_note);
    setTabOrder(m_note, m_attach);
    setTabOrder(m_attach, m_detach);
    setTabOrder(m_detach, m_printReceipt);
    setTabOrder(m_printReceipt, m_saveButton);
    setTabOrder(m_saveButton, m_cancelButton);
}

void PaymentDialog::addRow(QGridLayout *grid, int &row, const QString &field, QWidget *input, QWidget *shown)
{
    FieldRow fieldRow;
    fieldRow.input = input;
    fieldRow.label = new QLabel(this);
    fieldRow.label->setObjectName(field + QStringLiteral("Label"));
    fieldRow.label->setBuddy(input);
    fieldRow.error = new QLabel(this);
    fieldRow.error->setObjectName(field + QStringLiteral("Error"));
    makeAlertLabel(fieldRow.error);
    grid->addWidget(fieldRow.label, row, 0, Qt::AlignTop | Qt::AlignLeft);
    grid->addWidget(shown ? shown : input, row, 1);
    grid->addWidget(fieldRow.error, row + 1, 1);
    row += 2;
    m_rows.insert(field, fieldRow);
}

QString PaymentDialog::fieldLabel(const QString &field) const
{
    if (field == QLatin1String("amount"))
        return tr("&Amount");
    if (field == QLatin1String("method"))
        return tr("&Method");
    if (field == QLatin1String("visit"))
        return tr("&Visit");
    if (field == QLatin1String("note"))
        return tr("&Note");
    if (field == QLatin1String("receipt"))
        return tr("Receipt &photo");
    return field;
}

void PaymentDialog::retranslateUi()
{
    setWindowTitle(tr("Take a payment"));
    m_patientLabel->setText(tr("Patient: %1 (%2)").arg(m_patient.displayName(), m_patient.number));
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        it->label->setText(fieldLabel(it.key()));
        it->input->setAccessibleName(withoutMnemonic(fieldLabel(it.key())));
    }
    m_currency->setText(tr("so'm"));
    m_amount->setPlaceholderText(MoneyText::format(150000));
    for (int i = 0; i < m_method->count(); ++i)
        m_method->setItemText(i, PaymentService::methodText(PaymentMethod(m_method->itemData(i).toInt())));
    m_note->setPlaceholderText(tr("Optional"));
    m_attach->setText(tr("Atta&ch photo…"));
    m_attach->setAccessibleName(tr("Attach a photo of the receipt"));
    m_detach->setText(tr("R&emove"));
    m_detach->setAccessibleName(tr("Remove the attached photo"));
    m_receiptName->setText(m_receiptFile.isEmpty() ? tr("No photo attached")
                                                   : QFileInfo(m_receiptFile).fileName());
    m_printReceipt->setText(tr("P&rint a receipt"));
    m_saveButton->setText(tr("&Take payment"));
    m_cancelButton->setText(tr("Cancel"));
    loadVisits();
}

void PaymentDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void PaymentDialog::loadVisits()
{
    const QVariant chosen = m_visit->currentData();
    m_visit->clear();
    m_visit->addItem(tr("Not linked to a visit"), QString());
    int preferred = 0;
    for (const Visit &visit : m_queue.visitsOf(m_patient.id, m_today)) {
        if (visit.status == VisitStatus::Cancelled)
            continue;
        QString doctor = m_clinic.nameOf(visit.doctorId);
        if (doctor.isEmpty())
            doctor = tr("Unknown doctor");
        m_visit->addItem(
            tr("Ticket %1 — %2 (%3)")
                .arg(TicketNumber::text(visit.ticket), doctor, QueueService::statusText(visit.status)),
            visit.id.toString(QUuid::WithoutBraces));
        // The visit still open is the one being paid for, most of the time.
        if (preferred == 0 && QueueService::isActive(visit.status))
            preferred = m_visit->count() - 1;
    }
    const int kept = chosen.isValid() ? m_visit->findData(chosen) : -1;
    m_visit->setCurrentIndex(kept >= 0 ? kept : preferred);
}

bool PaymentDialog::setReceiptFile(const QString &path)
{
    FieldRow &row = m_rows[PaymentService::receiptField()];
    const QString problem = PaymentService::checkReceiptImage(path);
    if (!problem.isEmpty()) {
        row.error->setText(problem);
        row.error->show();
        row.input->setAccessibleDescription(problem);
        return false;
    }
    row.error->clear();
    row.error->hide();
    row.input->setAccessibleDescription(QString());
    m_receiptFile = path;
    m_receiptName->setText(QFileInfo(path).fileName());
    m_detach->setEnabled(true);
    m_modified = true;
    return true;
}

void PaymentDialog::chooseReceipt()
{
    const QString start = m_receiptFile.isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)
                              : QFileInfo(m_receiptFile).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Attach a photo of the receipt"), start,
        tr("Photos (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff *.heic);;All files (*)"));
    if (!path.isEmpty())
        setReceiptFile(path);
}

QString PaymentDialog::errorText(const QString &field) const
{
    const auto row = m_rows.constFind(field);
    return row == m_rows.constEnd() || row->error->isHidden() ? QString() : row->error->text();
}

QString PaymentDialog::saveErrorText() const
{
    return m_saveErrorLabel->isHidden() ? QString() : m_saveErrorLabel->text();
}

void PaymentDialog::clearErrors()
{
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it) {
        it->error->clear();
        it->error->hide();
        it->input->setAccessibleDescription(QString());
    }
    m_saveErrorLabel->clear();
    m_saveErrorLabel->hide();
}

void PaymentDialog::showErrors(const FieldErrors &errors)
{
    QStringList general;
    for (const FieldError &error : errors) {
        const auto row = m_rows.find(error.field);
        if (row == m_rows.end()) {
            general << error.message;
            continue;
        }
        // The field's name goes with the message, so a screen reader or a glance at the
        // description alone still tells which field is wrong.
        row->error->setText(error.message);
        row->error->show();
        row->input->setAccessibleDescription(withoutMnemonic(fieldLabel(error.field)) + QStringLiteral(": ") +
                                             error.message);
    }
    if (!general.isEmpty()) {
        m_saveErrorLabel->setText(general.join(QLatin1Char('\n')));
        m_saveErrorLabel->show();
    }
    for (const QString &field : kFieldOrder) {
        if (!m_rows[field].error->isHidden()) {
            m_rows[field].input->setFocus(Qt::OtherFocusReason);
            break;
        }
    }
}

void PaymentDialog::save()
{
    clearErrors();
    const MoneyText::Parsed amount = m_amount->value();
    if (!amount.ok()) {
        showErrors({{PaymentService::amountField(), MoneyText::problemText(amount.problem)}});
        return;
    }
    PaymentRequest request;
    request.patientId = m_patient.id;
    request.visitId = QUuid::fromString(m_visit->currentData().toString());
    request.amount = amount.amount;
    request.method = PaymentMethod(m_method->currentData().toInt());
    request.note = m_note->text().trimmed();
    request.receiptImagePath = m_receiptFile;
    request.takenBy = m_me.id;
    FieldErrors errors;
    const std::optional<Payment> saved = m_payments.take(request, &errors);
    if (!saved) {
        if (!errors.isEmpty()) {
            showErrors(errors);
        } else {
            m_saveErrorLabel->setText(tr("The payment was not saved: %1\nEverything you typed is still here; "
                                         "correct the problem and press “Take payment” again.")
                                          .arg(m_payments.lastError().message));
            m_saveErrorLabel->show();
        }
        return;
    }
    m_saved = saved;
    accept();
}

void PaymentDialog::reject()
{
    if (m_modified && !m_saved) {
        QMessageBox question(QMessageBox::Question, windowTitle(),
                             tr("Discard this payment without saving it?"), QMessageBox::NoButton, this);
        question.setObjectName(QStringLiteral("discardQuestion"));
        QPushButton *discard = question.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
        QPushButton *keep = question.addButton(tr("&Keep editing"), QMessageBox::RejectRole);
        question.setDefaultButton(keep);
        question.exec();
        if (question.clickedButton() != discard)
            return;
    }
    QDialog::reject();
}

} // namespace medora
