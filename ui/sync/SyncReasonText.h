#pragma once

#include "domain/SyncEntity.h"

#include <QCoreApplication>
#include <QString>
#include <QUuid>

namespace medora {

// What the user reads about a change the server refused or that could not be sent: one
// translated sentence per reason code of the sync contract (docs/sync.md) and per transport
// failure. For a code this version does not know, the message the journal kept is shown.
class SyncReasonText
{
    Q_DECLARE_TR_FUNCTIONS(SyncReasonText)

public:
    static QString describe(const QString &reasonCode, const QString &reasonMessage);
    // True when `reasonCode` has its own translated sentence.
    static bool isKnown(const QString &reasonCode);
    // "Patient", "Visit", "Report", "Payment".
    static QString entityName(EntityKind kind);
    // How a list names the record an error or conflict is about: the journal's label, which
    // already says "Visit of …", "Report for …", "Payment of …"; a patient's label is only a
    // name and number, so it gets "Patient: " in front. Falls back to kind and id.
    static QString entityText(EntityKind kind, const QString &label, const QUuid &id);
};

} // namespace medora
