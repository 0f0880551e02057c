#pragma once

#include "domain/Patient.h"
#include "domain/Payment.h"
#include "domain/Visit.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace medora {

// The receipt for a payment (80 mm receipt paper), or for a reversing entry: amount in
// so'm with the language's grouping, method, patient, the visit it pays for, who took it.
class ReceiptHtmlBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptHtmlBuilder)

public:
    explicit ReceiptHtmlBuilder(const Payment &payment);

    void setPatient(const Patient &patient) { m_patient = patient; }
    void setVisit(const Visit &visit, const QString &doctorName);
    void setTakenByName(const QString &name) { m_takenByName = name; }
    // For a reversing entry: the payment it cancels.
    void setReversedPayment(const Payment &original) { m_original = original; }

    QString title() const;
    QString bodyHtml() const; // every user text escaped
    // A short number people can read out: the first 8 hex digits of the entry's id.
    static QString receiptNumber(const Payment &payment);

private:
    Payment m_payment;
    std::optional<Patient> m_patient;
    std::optional<Visit> m_visit;
    QString m_doctorName;
    QString m_takenByName;
    std::optional<Payment> m_original;
};

} // namespace medora
