#pragma once

#include "domain/Patient.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QUuid>

#include <optional>

namespace medora {

// Visits and payments name their patient by UUID (rows from other PCs arrive by UUID);
// the registry reads by local rowid. This reads patients by UUID, for lists that show a
// name next to a queue entry or a payment. Read-only.
class PatientLookup
{
    Q_DECLARE_TR_FUNCTIONS(PatientLookup)

public:
    explicit PatientLookup(Database &database);

    // The live patients among `ids`, keyed by id; unknown or deleted ids are left out.
    QHash<QUuid, Patient> byIds(const QList<QUuid> &ids) const;
    std::optional<Patient> byId(const QUuid &id) const;

    StoreError lastError() const { return m_database.lastError(); }

private:
    Database &m_database;
};

} // namespace medora
