#include "reception/PaymentsPanel.h"

#include "cash/MoneyText.h"
#include "cash/PaymentService.h"
#include "cash/ReceiptHtmlBuilder.h"
#include "clinic/ClinicDirectory.h"
#include "queue/QueueService.h"
#include "reception/PaymentDialog.h"
#include "reception/ReceptionPrinter.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace medora {

namespace {

enum Column
{
    TakenAtColumn,
    AmountColumn,
    MethodColumn,
    TakenByColumn,
    StateColumn,
    ColumnCount
};

} // namespace

PaymentsPanel::PaymentsPanel(PaymentService &payments, QueueService &queue, ClinicDirectory &clinic,
                             ReceptionPrinter &printer, const UserProfile &me, QWidget *parent)
    : QWidget(parent), m_payments(payments), m_queue(queue), m_clinic(clinic), m_printer(printer), m_me(me)
{
    setObjectName(QStringLiteral("paymentsPanel"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("paymentsTitle"));
    m_title->setTextFormat(Qt::PlainText);
    layout->addWidget(m_title);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("paymentsError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_error->setPalette(palette);
    m_error->hide();
    layout->addWidget(m_error);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("paymentsTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    auto *buttons = new QHBoxLayout;
    m_take = new QPushButton(this);
    m_take->setObjectName(QStringLiteral("takePaymentButton"));
    m_reverse = new QPushButton(this);
    m_reverse->setObjectName(QStringLiteral("reversePaymentButton"));
    m_print = new QPushButton(this);
    m_print->setObjectName(QStringLiteral("printReceiptButton"));
    m_photo = new QPushButton(this);
    m_photo->setObjectName(QStringLiteral("openReceiptPhotoButton"));
    buttons->addWidget(m_take);
    buttons->addStretch(1);
    buttons->addWidget(m_print);
    buttons->addWidget(m_photo);
    buttons->addWidget(m_reverse);
    layout->addLayout(buttons);

    connect(m_take, &QPushButton::clicked, this, &PaymentsPanel::takePayment);
    connect(m_reverse, &QPushButton::clicked, this, &PaymentsPanel::reverseCurrent);
    connect(m_print, &QPushButton::clicked, this, &PaymentsPanel::printCurrentReceipt);
    connect(m_photo, &QPushButton::clicked, this, &PaymentsPanel::openReceiptPhoto);
    connect(m_table, &QTableWidget::currentCellChanged, this, &PaymentsPanel::updateActions);

    setTabOrder(m_table, m_take);
    setTabOrder(m_take, m_print);
    setTabOrder(m_print, m_photo);
    setTabOrder(m_photo, m_reverse);
    retranslateUi();
}

void PaymentsPanel::retranslateUi()
{
    m_table->setHorizontalHeaderLabels(
        {tr("Taken at"), tr("Amount, so'm"), tr("Method"), tr("Taken by"), tr("State")});
    m_table->setAccessibleName(tr("The patient's payments"));
    m_take->setText(tr("&Take payment…"));
    m_take->setAccessibleName(tr("Take a payment from the patient"));
    m_reverse->setText(tr("&Reverse…"));
    m_reverse->setAccessibleName(tr("Reverse the selected payment"));
    m_print->setText(tr("Print rec&eipt"));
    m_print->setAccessibleName(tr("Print the receipt of the selected payment"));
    m_photo->setText(tr("Receipt ph&oto"));
    m_photo->setAccessibleName(tr("Open the attached photo of the receipt"));
    reload();
}

void PaymentsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // Amounts follow the new language's separators once its locale is the default
        // (LanguageManager sets it after the translators).
        QTimer::singleShot(0, this, &PaymentsPanel::reload);
    }
    QWidget::changeEvent(event);
}

void PaymentsPanel::setPatient(const std::optional<Patient> &patient)
{
    m_patient = patient;
    reload();
}

void PaymentsPanel::reload()
{
    const std::optional<Payment> kept = currentPayment();
    m_title->setText(m_patient ? tr("Payments of %1 (%2)").arg(m_patient->displayName(), m_patient->number)
                               : tr("Find a patient on the left to see and take their payments."));
    m_rows = m_patient ? m_payments.forPatient(m_patient->id) : QList<Payment>();
    std::reverse(m_rows.begin(), m_rows.end()); // newest first
    QSet<QUuid> reversed;
    for (const Payment &payment : std::as_const(m_rows)) {
        if (!payment.reverses.isNull())
            reversed.insert(payment.reverses);
    }
    m_table->setRowCount(int(m_rows.size()));
    for (int row = 0; row < m_rows.size(); ++row) {
        const Payment &payment = m_rows[row];
        const QDateTime taken = payment.takenAt.toLocalTime();
        QString state;
        if (!payment.reverses.isNull())
            state = tr("Reversal");
        else if (reversed.contains(payment.id))
            state = tr("Reversed");
        if (!payment.receiptRef.isEmpty())
            state = state.isEmpty() ? tr("Photo attached") : tr("%1, photo attached").arg(state);
        QString takenBy = m_clinic.nameOf(payment.takenBy);
        if (takenBy.isEmpty())
            takenBy = payment.takenBy == m_me.id ? m_me.displayName() : tr("Unknown staff member");
        const QStringList cells = {taken.date().toString(QStringLiteral("dd.MM.yyyy")) + QLatin1Char(' ') +
                                       QLocale().toString(taken.time(), QLocale::ShortFormat),
                                   MoneyText::format(payment.amount),
                                   PaymentService::methodText(payment.method), takenBy, state};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setData(Qt::UserRole, payment.localId);
            if (column == AmountColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    if (kept)
        selectPayment(kept->localId);
    updateActions();
}

PaymentDialog *PaymentsPanel::paymentDialog() const
{
    return m_dialog;
}

std::optional<Payment> PaymentsPanel::currentPayment() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows[row];
}

void PaymentsPanel::selectPayment(qint64 localId)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].localId == localId) {
            m_table->setCurrentCell(row, AmountColumn);
            break;
        }
    }
    updateActions();
}

void PaymentsPanel::updateActions()
{
    const std::optional<Payment> payment = currentPayment();
    m_take->setEnabled(m_patient.has_value());
    m_print->setEnabled(payment.has_value());
    m_photo->setEnabled(payment && !m_payments.receiptPath(*payment).isEmpty());
    bool reversible = payment && payment->reverses.isNull();
    if (reversible) {
        for (const Payment &other : std::as_const(m_rows))
            reversible = reversible && other.reverses != payment->id;
    }
    m_reverse->setEnabled(reversible);
}

QString PaymentsPanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void PaymentsPanel::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setAccessibleName(text);
    m_error->setVisible(!text.isEmpty());
}

void PaymentsPanel::takePayment()
{
    if (!m_patient || m_dialog)
        return;
    showError(QString());
    m_dialog = new PaymentDialog(m_payments, m_queue, m_clinic, *m_patient, m_me, QDate::currentDate(), this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::finished, this, &PaymentsPanel::onDialogFinished);
    m_dialog->open();
}

void PaymentsPanel::onDialogFinished(int result)
{
    const auto *dialog = qobject_cast<PaymentDialog *>(sender());
    if (result != QDialog::Accepted || !dialog || !dialog->savedPayment())
        return;
    const Payment payment = *dialog->savedPayment();
    const bool print = dialog->printReceiptCheck()->isChecked();
    reload();
    selectPayment(payment.localId);
    emit paymentTaken(payment);
    if (print)
        printReceipt(payment);
}

bool PaymentsPanel::reverseCurrent()
{
    const std::optional<Payment> payment = currentPayment();
    if (!payment || !m_reverse->isEnabled())
        return false;
    const QDateTime taken = payment->takenAt.toLocalTime();
    QMessageBox question(
        QMessageBox::Question, tr("Reverse the payment"),
        tr("Reverse the payment of %1 (%3) taken on %2?\n\nThe payment stays in the ledger and a "
           "reversing entry of the same amount is added. Give the money back to the patient.")
            .arg(MoneyText::withCurrency(payment->amount),
                 taken.date().toString(QStringLiteral("dd.MM.yyyy")) + QLatin1Char(' ') +
                     QLocale().toString(taken.time(), QLocale::ShortFormat),
                 PaymentService::methodText(payment->method)),
        QMessageBox::NoButton, this);
    question.setObjectName(QStringLiteral("reverseQuestion"));
    QPushButton *confirm = question.addButton(tr("&Reverse payment"), QMessageBox::DestructiveRole);
    QPushButton *keep = question.addButton(tr("&Keep it"), QMessageBox::RejectRole);
    question.setDefaultButton(keep);
    question.exec();
    if (question.clickedButton() != confirm)
        return false;
    const std::optional<Payment> reversal = m_payments.reverse(payment->localId, m_me.id, QString());
    if (!reversal) {
        showError(tr("The payment was not reversed: %1").arg(m_payments.lastError().message));
        return false;
    }
    showError(QString());
    reload();
    selectPayment(reversal->localId);
    emit paymentReversed(*reversal);
    return true;
}

bool PaymentsPanel::printCurrentReceipt()
{
    const std::optional<Payment> payment = currentPayment();
    return payment && printReceipt(*payment);
}

bool PaymentsPanel::printReceipt(const Payment &payment)
{
    ReceiptHtmlBuilder builder(payment);
    if (m_patient && m_patient->id == payment.patientId)
        builder.setPatient(*m_patient);
    if (!payment.visitId.isNull()) {
        const std::optional<Visit> visit = m_queue.visitById(payment.visitId);
        if (visit)
            builder.setVisit(*visit, m_clinic.nameOf(visit->doctorId));
    }
    QString takenBy = m_clinic.nameOf(payment.takenBy);
    if (takenBy.isEmpty() && payment.takenBy == m_me.id)
        takenBy = m_me.displayName();
    builder.setTakenByName(takenBy);
    if (!payment.reverses.isNull()) {
        const std::optional<Payment> original = m_payments.paymentById(payment.reverses);
        if (original)
            builder.setReversedPayment(*original);
    }
    if (m_printer.print(builder.title(), builder.bodyHtml(), PrintDocument::PageSize::Receipt80mm,
                        QStringLiteral("receipt-%1").arg(ReceiptHtmlBuilder::receiptNumber(payment))))
        return true;
    if (!m_printer.lastError().isEmpty())
        showError(tr("The receipt was not printed: %1").arg(m_printer.lastError()));
    return false;
}

void PaymentsPanel::openReceiptPhoto()
{
    const std::optional<Payment> payment = currentPayment();
    const QString path = payment ? m_payments.receiptPath(*payment) : QString();
    if (path.isEmpty())
        return;
    if (!QFileInfo::exists(path)) {
        // The photo stays on the PC where it was taken; the ledger entry syncs without it.
        showError(tr("The receipt photo is on the computer where the payment was taken, not on this one."));
        return;
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        showError(tr("No program on this computer opens the photo %1.").arg(QFileInfo(path).fileName()));
}

} // namespace medora
