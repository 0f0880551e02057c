#pragma once

#include "domain/FieldError.h"
#include "domain/Report.h"
#include "store/Database.h"
#include "store/StoreError.h"

#include <QCoreApplication>
#include <QList>

#include <optional>
#include <vector>

namespace medora {

// Visit reports of the local store. A draft is edited freely by its author; sign() makes it
// read-only for good (update(), sign() and remove() of a signed report fail with
// StoreError::Code::Immutable), and a correction is an addendum: a new draft linked to the
// signed report. Every write runs in one transaction together with its outbox entry. Values
// are checked with the rules of the sync format (EntityJson); a refusal names the field.
class ReportStore
{
    Q_DECLARE_TR_FUNCTIONS(ReportStore)

public:
    explicit ReportStore(Database &database);

    // Stores a new draft: id (UUIDv7 if null), createdAt (now if invalid), updatedAt now,
    // status Draft, revision 0, syncState New. `addendumTo`, when set, must name a signed
    // report of this store (see createAddendum()); `variantOf` is the server's to set.
    bool insert(Report &report, FieldErrors *errors = nullptr);

    // Saves a draft's sections. A signed or deleted report refuses (Immutable).
    bool update(Report &report, FieldErrors *errors = nullptr);

    // Signs a draft at `at` (now when invalid): from then on it never changes.
    bool sign(qint64 localId, const QDateTime &at = QDateTime());

    // Tombstones a draft; signed reports are never deleted.
    bool remove(qint64 localId);

    // A new draft correcting the signed report `signedLocalId`: its visit, patient and
    // addendumTo come from that report; author and sections from `addendum`.
    bool createAddendum(qint64 signedLocalId, Report &addendum, FieldErrors *errors = nullptr);

    std::optional<Report> get(qint64 localId) const;
    // The rows that exist, in no particular order: one statement for many rows.
    QList<Report> getMany(const std::vector<qint64> &localIds) const;
    std::optional<Report> getById(const QUuid &id) const;
    // Live reports, oldest first.
    QList<Report> forPatient(const QUuid &patientId) const;
    QList<Report> forVisit(const QUuid &visitId) const;
    QList<Report> addendaOf(const QUuid &reportId) const;

    StoreError lastError() const { return m_database.lastError(); }
    Database &database() { return m_database; }

    // The vitals column: a JSON array of {code, value, unit}.
    static QString vitalsText(const QList<Vital> &vitals);
    static QList<Vital> vitalsFromText(const QString &text);
    // The ai_drafted column: the section keys of ReportSections::aiDrafted joined by commas.
    static QString aiDraftedText(const QStringList &sections);
    static QStringList aiDraftedFromText(const QString &text);

private:
    bool validate(const Report &report, FieldErrors *errors);
    bool loadForChange(qint64 localId, Report *stored);
    bool writeChange(Report &candidate, const Report &stored);
    QList<Report> select(const QString &where, const QVariantList &values, const QString &what) const;

    Database &m_database;
};

} // namespace medora
