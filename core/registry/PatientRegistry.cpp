#include "registry/PatientRegistry.h"

#include "domain/NameNormalizer.h"
#include "domain/PatientValidator.h"
#include "domain/PhoneNumber.h"
#include "search/IndexRecord.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>
#include <thread>

namespace medora {

namespace {

// Past this many records held beside the snapshot, the next open would spend noticeable
// time catching up, so the snapshot is rewritten at once instead of at close.
constexpr qint64 kOverlayRewriteThreshold = 50000;

void tidyTypedText(Patient &patient)
{
    patient.lastName = NameNormalizer::tidy(patient.lastName);
    patient.firstName = NameNormalizer::tidy(patient.firstName);
    patient.fatherName = NameNormalizer::tidy(patient.fatherName);
    patient.address = patient.address.trimmed();
}

// Phones are validated as typed (any local form) and stored as E.164.
QString storedPhone(const QString &typed)
{
    return typed.isEmpty() ? typed : PhoneNumber::toE164(typed);
}

} // namespace

PatientRegistry::PatientRegistry(QObject *parent) : QObject(parent) {}

PatientRegistry::~PatientRegistry()
{
    close();
}

QString PatientRegistry::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool PatientRegistry::open(const QString &dataDir)
{
    close();
    m_lastError = {};
    const QFileInfo folder(dataDir);
    if ((folder.exists() && !folder.isDir()) || !QDir().mkpath(dataDir)) {
        m_lastError = {StoreError::Code::CannotCreateFolder,
                       tr("The data folder %1 cannot be created or is not a folder. Choose another "
                          "folder or check its permissions.")
                           .arg(QDir::toNativeSeparators(dataDir))};
        return false;
    }

    auto database = std::make_unique<Database>();
    if (!database->open(QDir(dataDir).filePath(QStringLiteral("medora.db")))) {
        m_lastError = database->lastError();
        return false;
    }
    m_dataDir = dataDir;
    m_database = std::move(database);
    m_store = std::make_unique<PatientStore>(*m_database);
    m_index = std::make_unique<SearchIndex>();
    if (!loadIndex()) {
        m_lastError = m_database->lastError();
        m_index.reset();
        m_store.reset();
        m_database.reset();
        return false;
    }
    return true;
}

bool PatientRegistry::loadIndex()
{
    const QString identity = m_database->identity();
    const qint64 storeSeq = m_store->changeSeq();
    bool usable = m_index->loadSnapshot(snapshotPath(), identity);
    // A snapshot ahead of its database means the database was restored from an older
    // copy; its contents cannot be trusted, so the index is rebuilt from the rows.
    if (usable && m_index->snapshotChangeSeq() > storeSeq)
        usable = false;
    if (!usable)
        m_index->clear();

    m_indexedSeq = usable ? m_index->snapshotChangeSeq() : 0;
    if (!catchUpIndex())
        return false;
    if (!usable || m_index->overlaySize() > kOverlayRewriteThreshold)
        saveSearchSnapshot(); // failure only costs time at the next open
    return true;
}

bool PatientRegistry::catchUpIndex(qint64 *rowsRead)
{
    // Reads every row written since the index last looked, by this process or any other
    // (medora-cli, a second client on the same folder), so the index and the sequence it
    // claims to cover never drift apart.
    qint64 newest = m_indexedSeq;
    qint64 count = 0;
    const bool read = m_store->forEachChangedSince(
        m_indexedSeq, [this, &newest, &count](const Patient &patient, qint64 seq) {
            m_index->apply(IndexRecord::fromPatient(patient));
            newest = std::max(newest, seq);
            ++count;
        });
    if (rowsRead)
        *rowsRead = count;
    if (!read)
        return false;
    m_indexedSeq = newest;
    return true;
}

bool PatientRegistry::refreshFromStore()
{
    if (!isOpen())
        return false;
    qint64 rows = 0;
    if (!catchUpIndex(&rows)) {
        m_lastError = m_store->lastError();
        return false;
    }
    // A large pull leaves a large overlay; the next open would replay it, so it is folded
    // into a new snapshot now (a failure only costs time at the next open).
    if (m_index->overlaySize() > kOverlayRewriteThreshold)
        saveSearchSnapshot();
    if (rows > 0)
        emit patientsChanged(rows);
    return true;
}

QString PatientRegistry::snapshotPath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("medora.search"));
}

void PatientRegistry::close()
{
    if (!m_database)
        return;
    if (m_index && m_index->overlaySize() > 0)
        saveSearchSnapshot();
    m_index.reset();
    m_store.reset();
    m_database->close();
    m_database.reset();
}

bool PatientRegistry::isOpen() const
{
    return m_database && m_database->isOpen();
}

bool PatientRegistry::saveSearchSnapshot()
{
    if (!isOpen())
        return false;
    if (!catchUpIndex())
        return false;
    return m_index->writeSnapshot(snapshotPath(), m_database->identity(), m_indexedSeq);
}

bool PatientRegistry::registerPatient(Patient &patient, FieldErrors *errors)
{
    return savePatient(patient, errors, SaveKind::Register);
}

bool PatientRegistry::updatePatient(Patient &patient, FieldErrors *errors)
{
    return savePatient(patient, errors, SaveKind::Update);
}

bool PatientRegistry::savePatient(Patient &patient, FieldErrors *errors, SaveKind kind)
{
    tidyTypedText(patient);
    const FieldErrors found = PatientValidator::validate(patient);
    if (errors)
        *errors = found;
    if (!found.isEmpty() || !isOpen())
        return false;
    // The caller's copy changes only once the row is stored, so a failed save leaves what
    // the user typed exactly as it was.
    Patient candidate = patient;
    candidate.phone = storedPhone(candidate.phone);
    const bool saved = kind == SaveKind::Register ? m_store->insert(candidate) : m_store->update(candidate);
    if (!saved) {
        m_lastError = m_store->lastError();
        return false;
    }
    patient = candidate;
    if (!catchUpIndex())
        m_index->apply(IndexRecord::fromPatient(patient)); // a read error must not hide the row
    emit patientSaved(patient.localId);
    return true;
}

bool PatientRegistry::removePatient(qint64 localId)
{
    if (!isOpen() || !m_store->remove(localId)) {
        if (isOpen())
            m_lastError = m_store->lastError();
        return false;
    }
    if (!catchUpIndex()) {
        if (const auto removed = m_store->get(localId))
            m_index->apply(IndexRecord::fromPatient(*removed));
    }
    emit patientRemoved(localId);
    return true;
}

bool PatientRegistry::markSeen(qint64 localId)
{
    if (!isOpen() || !m_store->markSeen(localId)) {
        if (isOpen())
            m_lastError = m_store->lastError();
        return false;
    }
    if (!catchUpIndex()) {
        if (const auto seen = m_store->get(localId))
            m_index->apply(IndexRecord::fromPatient(*seen));
    }
    return true;
}

bool PatientRegistry::importPatients(std::vector<Patient> &patients)
{
    if (!isOpen())
        return false;
    // Tidying is per patient and independent, so both halves run at once.
    const auto tidyRange = [&patients](size_t begin, size_t end) {
        for (size_t i = begin; i < end; ++i) {
            tidyTypedText(patients[i]);
            patients[i].phone = storedPhone(patients[i].phone);
        }
    };
    if (patients.size() < 10000) {
        tidyRange(0, patients.size());
    } else {
        const size_t half = patients.size() / 2;
        std::thread secondHalf(tidyRange, half, patients.size());
        tidyRange(0, half);
        secondHalf.join();
    }

    // The search keys depend only on names and phones, which the store does not touch, so
    // they are derived on the second core while the store writes the rows.
    catchUpIndex();
    std::vector<IndexRecord> records(patients.size());
    std::thread keyDerivation([&patients, &records] {
        for (size_t i = 0; i < patients.size(); ++i) {
            Patient namesOnly;
            namesOnly.lastName = patients[i].lastName;
            namesOnly.firstName = patients[i].firstName;
            namesOnly.fatherName = patients[i].fatherName;
            namesOnly.phone = patients[i].phone;
            records[i] = IndexRecord::fromPatient(namesOnly);
        }
    });
    const bool stored = m_store->insertMany(patients);
    keyDerivation.join();
    if (!stored) {
        m_lastError = m_store->lastError();
        return false;
    }

    for (size_t i = 0; i < patients.size(); ++i) {
        const IndexRecord complete = IndexRecord::fromPatientKeys(patients[i], records[i]);
        m_index->apply(complete);
    }
    std::vector<IndexRecord>().swap(records); // release the memory now, not at return
    // Our rows carry one contiguous run of change sequences; only when nobody else wrote
    // in between may the index skip re-reading them.
    const auto [first, last] = m_store->lastInsertChangeSeqs();
    if (first == m_indexedSeq + 1)
        m_indexedSeq = last;
    saveSearchSnapshot();
    emit registryReset();
    return true;
}

std::optional<Patient> PatientRegistry::patient(qint64 localId) const
{
    if (!isOpen())
        return std::nullopt;
    return m_store->get(localId);
}

QList<Patient> PatientRegistry::patients(const std::vector<qint64> &localIds) const
{
    if (!isOpen())
        return {};
    return m_store->getMany(localIds);
}

QList<Patient> PatientRegistry::findDuplicates(const Patient &patient) const
{
    if (!isOpen())
        return {};
    Patient probe = patient;
    tidyTypedText(probe);
    probe.phone = storedPhone(probe.phone);
    return m_store->findDuplicates(probe);
}

std::vector<qint64> PatientRegistry::search(const QString &query, int limit) const
{
    std::vector<qint64> ids;
    if (!isOpen())
        return ids;
    const std::vector<SearchHit> hits = m_index->search(query, limit);
    ids.reserve(hits.size());
    for (const SearchHit &hit : hits)
        ids.push_back(hit.localId);
    return ids;
}

std::vector<qint64> PatientRegistry::browseOrder() const
{
    return isOpen() ? m_index->browseOrder() : std::vector<qint64>{};
}

qint64 PatientRegistry::patientCount() const
{
    return isOpen() ? m_index->size() : 0;
}

} // namespace medora
