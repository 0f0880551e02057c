#pragma once

#include "api/UserProfile.h"
#include "domain/Patient.h"
#include "domain/Payment.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace medora {

class ClinicDirectory;
class PaymentDialog;
class PaymentService;
class QueueService;
class ReceptionPrinter;

// The desk's current patient's payments and reversals, newest first: take a payment
// (PaymentDialog), reverse one (after a confirmation; the ledger keeps both entries), print
// its receipt, open the attached receipt photo.
class PaymentsPanel : public QWidget
{
    Q_OBJECT

public:
    PaymentsPanel(PaymentService &payments, QueueService &queue, ClinicDirectory &clinic,
                  ReceptionPrinter &printer, const UserProfile &me, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *takeButton() const { return m_take; }
    QPushButton *reverseButton() const { return m_reverse; }
    QPushButton *printButton() const { return m_print; }
    PaymentDialog *paymentDialog() const; // the open one, if any
    std::optional<Payment> currentPayment() const;
    void selectPayment(qint64 localId);
    QString errorText() const;
    void setPatient(const std::optional<Patient> &patient);

public slots:
    void reload();
    // Opens the payment dialog for the current patient (non-modal to the event loop: it is
    // window-modal and returns at once; paymentTaken() follows a successful save).
    void takePayment();
    // Asks, then adds the reversing entry of the selected payment.
    bool reverseCurrent();
    bool printReceipt(const Payment &payment);
    bool printCurrentReceipt();
    void openReceiptPhoto();

signals:
    void paymentTaken(const medora::Payment &payment);
    void paymentReversed(const medora::Payment &reversal);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateActions();
    void showError(const QString &text);
    void onDialogFinished(int result);

    PaymentService &m_payments;
    QueueService &m_queue;
    ClinicDirectory &m_clinic;
    ReceptionPrinter &m_printer;
    UserProfile m_me;
    std::optional<Patient> m_patient;
    QList<Payment> m_rows;
    QPointer<PaymentDialog> m_dialog;

    QLabel *m_title = nullptr;
    QLabel *m_error = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_take = nullptr;
    QPushButton *m_reverse = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_photo = nullptr;
};

} // namespace medora
