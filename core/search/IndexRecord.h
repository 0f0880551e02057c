#pragma once

#include "domain/Patient.h"

#include <QByteArray>

namespace medora {

// The normalised, compact form of a patient that the search index stores: UTF-8 search
// keys (NameNormalizer::searchKey) of the three name parts and of the patient number,
// and the 9 national digits of the phone.
struct IndexRecord
{
    qint64 localId = 0;
    qint64 lastSeenMs = 0; // ms since epoch, UTC
    QByteArray lastNameKey;
    QByteArray firstNameKey;
    QByteArray fatherNameKey;
    QByteArray numberKey;   // patient number without separators, lower case ("kqx00042")
    QByteArray phoneDigits; // 9 national digits ("901234567") or empty
    bool deleted = false;

    static IndexRecord fromPatient(const Patient &patient);
    // Like fromPatient(), but takes the name and phone keys from `keys` (derived earlier
    // from the same names and phone) and only the rest from `patient`.
    static IndexRecord fromPatientKeys(const Patient &patient, const IndexRecord &keys);
};

} // namespace medora
