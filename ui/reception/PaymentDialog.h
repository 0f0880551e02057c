#pragma once

#include "api/UserProfile.h"
#include "domain/FieldError.h"
#include "domain/Patient.h"
#include "domain/Payment.h"

#include <QDate>
#include <QDialog>
#include <QMap>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace medora {

class ClinicDirectory;
class MoneyEdit;
class PaymentService;
class QueueService;

// Takes one payment from one patient: the amount in so'm (grouped as typed), the method,
// the visit of the day it pays for, a note and a photo of the receipt. Errors appear under
// the field they concern; nothing is saved until every field is right, and a refused save
// keeps everything typed.
class PaymentDialog : public QDialog
{
    Q_OBJECT

public:
    PaymentDialog(PaymentService &payments, QueueService &queue, ClinicDirectory &clinic,
                  const Patient &patient, const UserProfile &me, const QDate &today,
                  QWidget *parent = nullptr);

    MoneyEdit *amountEdit() const { return m_amount; }
    QComboBox *methodBox() const { return m_method; }
    QComboBox *visitBox() const { return m_visit; }
    QLineEdit *noteEdit() const { return m_note; }
    QCheckBox *printReceiptCheck() const { return m_printReceipt; }
    QPushButton *saveButton() const { return m_saveButton; }

    // Attaches a photo of the receipt (what the "Attach photo" button does after its file
    // dialog). A file that is no photo or too large is named under the field, not attached.
    bool setReceiptFile(const QString &path);
    QString receiptFile() const { return m_receiptFile; }

    // The error shown under field `field` (PaymentService's keys: "amount", "method", "visit",
    // "note", "receipt"), or empty.
    QString errorText(const QString &field) const;
    QString saveErrorText() const;
    std::optional<Payment> savedPayment() const { return m_saved; }

public slots:
    void save();
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct FieldRow
    {
        QWidget *input = nullptr;
        QLabel *label = nullptr;
        QLabel *error = nullptr;
    };
    void buildUi();
    void retranslateUi();
    void addRow(QGridLayout *grid, int &row, const QString &field, QWidget *input, QWidget *shown = nullptr);
    void loadVisits();
    void chooseReceipt();
    void clearErrors();
    void showErrors(const FieldErrors &errors);
    QString fieldLabel(const QString &field) const;

    PaymentService &m_payments;
    QueueService &m_queue;
    ClinicDirectory &m_clinic;
    Patient m_patient;
    UserProfile m_me;
    QDate m_today;
    QString m_receiptFile;
    QString m_saveError;
    bool m_modified = false;
    std::optional<Payment> m_saved;

    QMap<QString, FieldRow> m_rows;
    QLabel *m_patientLabel = nullptr;
    QLabel *m_saveErrorLabel = nullptr;
    MoneyEdit *m_amount = nullptr;
    QLabel *m_currency = nullptr;
    QComboBox *m_method = nullptr;
    QComboBox *m_visit = nullptr;
    QLineEdit *m_note = nullptr;
    QLabel *m_receiptName = nullptr;
    QPushButton *m_attach = nullptr;
    QPushButton *m_detach = nullptr;
    QCheckBox *m_printReceipt = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace medora
