#pragma once

#include "domain/SyncState.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QUuid>

namespace medora {

enum class Sex : int
{
    Unknown = 0,
    Male = 1,
    Female = 2
};

// A patient as the registry knows it. Text fields hold exactly what the user typed;
// search keys are derived (NameNormalizer) and never replace the typed text.
struct Patient
{
    qint64 localId = 0; // SQLite rowid in this PC's cache; 0 before the first save
    QUuid id;           // UUIDv7 born on the PC that registered the patient
    QString number;     // human patient number, e.g. "KQX-00042" (PatientNumber)
    QString lastName;
    QString firstName;
    QString fatherName;              // otchestvo / otasining ismi; optional
    QDate birthDate;                 // invalid when unknown
    bool birthDateEstimated = false; // true when only an age was given
    Sex sex = Sex::Unknown;
    QString phone; // E.164 ("+998901234567") or empty
    QString address;
    QString allergies;
    QString medications; // current medications
    QString history;     // chronic conditions / anamnesis vitae
    QString notes;
    QDateTime createdAt;  // UTC
    QDateTime updatedAt;  // UTC
    QString createdBy;    // staff login of whoever registered the patient
    bool deleted = false; // tombstone
    qint64 revision = 0;  // server revision; 0 = never synced
    SyncState syncState = SyncState::New;
    QDateTime lastSeenAt; // UTC; drives "most recently seen" ranking, local only

    QString displayName() const
    {
        QString name = lastName + QLatin1Char(' ') + firstName;
        if (!fatherName.isEmpty())
            name += QLatin1Char(' ') + fatherName;
        return name.trimmed();
    }
};

} // namespace medora
