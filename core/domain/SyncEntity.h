#pragma once

#include <QString>

namespace medora {

// The kinds of rows that sync. The order is the dependency order of a push: a visit needs
// its patient, a report its visit, a payment its patient (and visit, when linked).
enum class EntityKind : int
{
    Patient = 0,
    Visit = 1,
    Report = 2,
    Payment = 3,
};

class SyncEntity
{
public:
    static QString name(EntityKind kind); // "patient", "visit", "report", "payment"
    static bool fromName(const QString &name, EntityKind *kind);
    static int dependencyRank(EntityKind kind) { return static_cast<int>(kind); }
};

} // namespace medora
