#include "search/IndexRecord.h"

#include "domain/NameNormalizer.h"
#include "domain/PatientNumber.h"
#include "domain/PhoneNumber.h"

namespace medora {

namespace {

// Recency drives ranking; a row that was never opened ranks by when it was last written.
qint64 recencyOf(const Patient &patient)
{
    if (patient.lastSeenAt.isValid())
        return patient.lastSeenAt.toMSecsSinceEpoch();
    if (patient.updatedAt.isValid())
        return patient.updatedAt.toMSecsSinceEpoch();
    if (patient.createdAt.isValid())
        return patient.createdAt.toMSecsSinceEpoch();
    return 0;
}

} // namespace

IndexRecord IndexRecord::fromPatient(const Patient &patient)
{
    IndexRecord record;
    record.localId = patient.localId;
    record.lastSeenMs = recencyOf(patient);
    record.lastNameKey = NameNormalizer::searchKeyUtf8(patient.lastName);
    record.firstNameKey = NameNormalizer::searchKeyUtf8(patient.firstName);
    record.fatherNameKey = NameNormalizer::searchKeyUtf8(patient.fatherName);
    record.numberKey = PatientNumber::searchKey(patient.number).toUtf8();
    record.phoneDigits = PhoneNumber::nationalDigits(patient.phone).toLatin1();
    record.deleted = patient.deleted;
    return record;
}

IndexRecord IndexRecord::fromPatientKeys(const Patient &patient, const IndexRecord &keys)
{
    IndexRecord record = keys;
    record.localId = patient.localId;
    record.lastSeenMs = recencyOf(patient);
    record.numberKey = PatientNumber::searchKey(patient.number).toUtf8();
    record.deleted = patient.deleted;
    return record;
}

} // namespace medora
