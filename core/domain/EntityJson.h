#pragma once

#include "domain/FieldError.h"
#include "domain/Patient.h"
#include "domain/Payment.h"
#include "domain/Report.h"
#include "domain/Visit.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace medora {

// The JSON form of each synced entity's "data" object (docs/sync.md), shared by the client
// and the server. Decoding is strict: unknown keys, wrong types, out-of-range values and
// over-long text are refused with a FieldError naming the field ("data.lastName"); on
// failure the output object is left untouched. Bookkeeping that is not part of the data
// (localId, id, revision, syncState, deleted, updatedAt, lastSeenAt) is not encoded.
// Times are UTC ISO-8601 with milliseconds and "Z"; dates are "YYYY-MM-DD".
class EntityJson
{
    Q_DECLARE_TR_FUNCTIONS(EntityJson)

public:
    static constexpr int kMaxShortText = 200;       // names, numbers, references
    static constexpr int kMaxLongText = 4000;       // patient medical text fields
    static constexpr int kMaxReportSection = 20000; // one report section
    static constexpr int kMaxVitals = 30;

    static QJsonObject toJson(const Patient &patient);
    static QJsonObject toJson(const Visit &visit);
    static QJsonObject toJson(const Report &report);
    static QJsonObject toJson(const Payment &payment);

    static bool fromJson(const QJsonObject &data, Patient *patient, FieldErrors *errors);
    static bool fromJson(const QJsonObject &data, Visit *visit, FieldErrors *errors);
    static bool fromJson(const QJsonObject &data, Report *report, FieldErrors *errors);
    static bool fromJson(const QJsonObject &data, Payment *payment, FieldErrors *errors);

    // The keys of a patient's data object that a human edits and that merge field by field.
    static QStringList patientMergeFields();

    // Enum <-> wire names ("in_progress", "urgent", "card", "male", "signed").
    static QString visitStatusName(VisitStatus status);
    static bool visitStatusFromName(const QString &name, VisitStatus *status);
    static QString priorityName(VisitPriority priority);
    static bool priorityFromName(const QString &name, VisitPriority *priority);
    static QString paymentMethodName(PaymentMethod method);
    static bool paymentMethodFromName(const QString &name, PaymentMethod *method);
    // The report sections ReportSections::aiDrafted may name (the free-text ones).
    static const QStringList &aiDraftableSections();
    static QString reportStatusName(ReportStatus status);
    static bool reportStatusFromName(const QString &name, ReportStatus *status);
    static QString sexName(Sex sex);
    static bool sexFromName(const QString &name, Sex *sex);

    static QString timeText(const QDateTime &utc); // "" for invalid
    static QDateTime timeFromText(const QString &text, bool *ok);
};

} // namespace medora
