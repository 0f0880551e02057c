#pragma once

#include "domain/SyncState.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QUuid>

namespace medora {

enum class VisitPriority : int
{
    Normal = 0,
    Urgent = 1,
};

enum class VisitStatus : int
{
    Waiting = 0,
    Called = 1,
    InProgress = 2,
    Done = 3,
    Cancelled = 4,
    NoShow = 5,
};

// A queue entry: one patient waiting for one doctor on one clinic day.
struct Visit
{
    qint64 localId = 0; // rowid in this PC's cache
    QUuid id;           // UUIDv7 born on the PC that queued the patient
    QUuid patientId;
    QString doctorId; // server user id of the doctor (UUID text)
    QDate day;        // clinic-local day of the queue
    int ticket = 0;   // ticket number shown on the wall screen, >= 1
    VisitPriority priority = VisitPriority::Normal;
    VisitStatus status = VisitStatus::Waiting;
    int queuePosition = 0; // order within the doctor's day (reordering); 0 = by ticket
    QString note;          // reception's remark, <= 500 chars
    QDateTime createdAt;   // UTC
    QDateTime calledAt;    // UTC, invalid until called
    QDateTime startedAt;
    QDateTime finishedAt;
    QString createdBy; // server user id of whoever queued the patient
    QDateTime updatedAt;
    bool deleted = false;
    qint64 revision = 0;
    SyncState syncState = SyncState::New;
};

} // namespace medora
