#pragma once

#include "domain/FieldError.h"
#include "domain/Payment.h"
#include "store/Database.h"
#include "store/StoreError.h"

#include <QCoreApplication>
#include <QList>
#include <QTimeZone>

#include <optional>
#include <vector>

namespace medora {

// The payment ledger of the local store: append-only. A payment is never edited or deleted;
// a mistake is corrected by reverse(), which adds an entry of the negated amount naming the
// original. Money is integer so'm. Every write runs in one transaction together with its
// outbox entry; values are checked with the rules of the sync format (EntityJson).
class PaymentStore
{
    Q_DECLARE_TR_FUNCTIONS(PaymentStore)

public:
    explicit PaymentStore(Database &database);

    // Records a payment: id (UUIDv7 if null), takenAt (now if invalid), revision 0,
    // syncState New. The amount must be positive and `reverses` empty (see reverse()).
    bool insert(Payment &payment, FieldErrors *errors = nullptr);

    // Adds the entry that cancels payment `originalLocalId`: same patient, visit and method,
    // amount negated, reverses = the original's id, taken by `takenBy` now. Refused when the
    // original is itself a reversal or was already reversed. `reversal` gets the new entry.
    bool reverse(qint64 originalLocalId, const QString &takenBy, const QString &note,
                 Payment *reversal = nullptr);

    std::optional<Payment> get(qint64 localId) const;
    // The rows that exist, in no particular order: one statement for many rows.
    QList<Payment> getMany(const std::vector<qint64> &localIds) const;
    std::optional<Payment> getById(const QUuid &id) const;
    // The entry reversing payment `id`, if any.
    std::optional<Payment> reversalOf(const QUuid &id) const;
    // A patient's payments and reversals, oldest first.
    QList<Payment> forPatient(const QUuid &patientId) const;
    // The payments taken on `day` in `zone` (the clinic's day), oldest first.
    QList<Payment> forDay(const QDate &day, const QTimeZone &zone = QTimeZone::systemTimeZone()) const;
    // The sum of the entries taken in [fromUtc, toUtc), reversals included.
    qint64 totalBetween(const QDateTime &fromUtc, const QDateTime &toUtc) const;

    StoreError lastError() const { return m_database.lastError(); }
    Database &database() { return m_database; }

private:
    bool validate(const Payment &payment, FieldErrors *errors);
    bool write(Payment &candidate, FieldErrors *errors);
    QList<Payment> select(const QString &where, const QVariantList &values, const QString &what) const;

    Database &m_database;
};

} // namespace medora
