#pragma once

#include "domain/FieldError.h"
#include "domain/Payment.h"
#include "store/PaymentStore.h"
#include "store/StoreError.h"
#include "store/VisitStore.h"

#include <QObject>
#include <QTimeZone>

#include <optional>

namespace medora {

class Database;

// What the desk asks for when it takes a payment.
struct PaymentRequest
{
    QUuid patientId;
    QUuid visitId; // null: not linked to a visit
    qint64 amount = 0;
    PaymentMethod method = PaymentMethod::Cash;
    QString note;
    QString receiptImagePath; // a photo of the receipt to attach, or empty
    QString takenBy;          // server user id of the receptionist
};

// Taking and reversing payments at the desk: checks what the ledger (PaymentStore) does
// not know about (the desk's limits, the linked visit, the receipt photo), keeps the photo
// next to the database in <dataDir>/receipts/<payment id>.<ext>, and writes the entry.
// The ledger is append-only: a mistake is corrected by a reversing entry.
class PaymentService : public QObject
{
    Q_OBJECT

public:
    // Field keys of the errors take() reports.
    static QString patientField() { return QStringLiteral("patient"); }
    static QString amountField() { return QStringLiteral("amount"); }
    static QString methodField() { return QStringLiteral("method"); }
    static QString visitField() { return QStringLiteral("visit"); }
    static QString noteField() { return QStringLiteral("note"); }
    static QString receiptField() { return QStringLiteral("receipt"); }
    static constexpr qint64 kMaxReceiptBytes = 10 * 1024 * 1024;
    static constexpr int kMaxNoteLength = 500;

    PaymentService(Database &database, const QString &dataDir, QObject *parent = nullptr);

    // Records the payment and returns the stored entry. With errors (naming the field):
    // nothing is written and no file is left behind.
    std::optional<Payment> take(const PaymentRequest &request, FieldErrors *errors = nullptr);
    // Adds the reversing entry of payment `localId` (see PaymentStore::reverse()).
    std::optional<Payment> reverse(qint64 localId, const QString &takenBy, const QString &note);

    std::optional<Payment> payment(qint64 localId) const;
    std::optional<Payment> paymentById(const QUuid &id) const;
    // Whether a reversing entry for `id` exists.
    bool isReversed(const QUuid &id) const;
    QList<Payment> forPatient(const QUuid &patientId) const;
    QList<Payment> forDay(const QDate &day, const QTimeZone &zone = QTimeZone::systemTimeZone()) const;

    QString receiptsDir() const;
    // The attached photo's full path, or empty when the payment has none.
    QString receiptPath(const Payment &payment) const;

    // Checks that `path` is a readable image of at most kMaxReceiptBytes. Returns the error
    // (translated) or an empty string, and the file name suffix its content calls for.
    static QString checkReceiptImage(const QString &path, QString *suffix = nullptr);
    static QString methodText(PaymentMethod method);

    StoreError lastError() const { return m_error; }
    PaymentStore &store() { return m_payments; }

signals:
    void localChange();

private:
    FieldErrors check(const PaymentRequest &request, QString *suffix) const;
    bool copyReceipt(const QString &source, const QString &target, QString *error) const;

    QString m_dataDir;
    mutable PaymentStore m_payments;
    mutable VisitStore m_visits;
    StoreError m_error;
};

} // namespace medora
