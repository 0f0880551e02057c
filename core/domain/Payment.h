#pragma once

#include "domain/SyncState.h"

#include <QDateTime>
#include <QString>
#include <QUuid>

namespace medora {

enum class PaymentMethod : int
{
    Cash = 0,
    Card = 1,
    Transfer = 2,
    Other = 3,
};

// An append-only ledger entry. Money is integer so'm. A correction is a new entry whose
// `reverses` names the original and whose amount is the original's negated.
struct Payment
{
    qint64 localId = 0;
    QUuid id;
    QUuid patientId;
    QUuid visitId; // null when not linked to a visit
    qint64 amount = 0;
    PaymentMethod method = PaymentMethod::Cash;
    QString takenBy;    // server user id of the receptionist
    QDateTime takenAt;  // UTC
    QUuid reverses;     // null unless this entry reverses another
    QString receiptRef; // optional reference to a receipt image (attachment id or file name)
    QString note;
    qint64 revision = 0;
    SyncState syncState = SyncState::New;
};

} // namespace medora
