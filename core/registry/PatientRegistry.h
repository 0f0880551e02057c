#pragma once

#include "domain/FieldError.h"
#include "search/SearchIndex.h"
#include "store/Database.h"
#include "store/PatientStore.h"
#include "store/StoreError.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace medora {

// The local patient registry: the store, its search index and validation behind one
// object. Widgets and the command line talk to this, never to SQL.
class PatientRegistry : public QObject
{
    Q_OBJECT

public:
    explicit PatientRegistry(QObject *parent = nullptr);
    ~PatientRegistry() override;

    // Opens (creating if needed) `dataDir`/medora.db and its search snapshot.
    bool open(const QString &dataDir);
    void close(); // writes the search snapshot when the overlay has grown
    bool isOpen() const;
    StoreError lastError() const { return m_lastError; }
    QString dataDir() const { return m_dataDir; }

    static QString defaultDataDir();

    // Validation errors go into `errors` (and the call returns false without writing).
    bool registerPatient(Patient &patient, FieldErrors *errors = nullptr);
    bool updatePatient(Patient &patient, FieldErrors *errors = nullptr);
    bool removePatient(qint64 localId);
    bool markSeen(qint64 localId);
    // Bulk import (no duplicate check); the search snapshot is rewritten afterwards.
    bool importPatients(std::vector<Patient> &patients);

    std::optional<Patient> patient(qint64 localId) const;
    QList<Patient> patients(const std::vector<qint64> &localIds) const;
    QList<Patient> findDuplicates(const Patient &patient) const;

    std::vector<qint64> search(const QString &query, int limit = 50) const;
    std::vector<qint64> browseOrder() const;
    qint64 patientCount() const;

    // Persists the in-memory index overlay as a new snapshot now.
    bool saveSearchSnapshot();

    // Reads the patient rows written behind the registry's back since the index last looked
    // (a pulled sync page, a push answer, a conflict resolution, medora-cli) into the search
    // index, and emits patientsChanged() when there were any. For SyncEngine::pageApplied.
    bool refreshFromStore();

    Database &database() { return *m_database; }
    PatientStore &store() { return *m_store; }
    const SearchIndex &searchIndex() const { return *m_index; }

signals:
    void patientSaved(qint64 localId);
    void patientRemoved(qint64 localId);
    void registryReset();
    // refreshFromStore() found `rows` changed patient rows (sync); lists should reload.
    void patientsChanged(qint64 rows);

private:
    enum class SaveKind
    {
        Register,
        Update
    };
    bool savePatient(Patient &patient, FieldErrors *errors, SaveKind kind);
    bool loadIndex();
    bool catchUpIndex(qint64 *rowsRead = nullptr);
    QString snapshotPath() const;

    QString m_dataDir;
    StoreError m_lastError;
    qint64 m_indexedSeq = 0; // the store's change sequence the index has caught up to
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PatientStore> m_store;
    std::unique_ptr<SearchIndex> m_index;
};

} // namespace medora
