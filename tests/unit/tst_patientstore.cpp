#include "domain/NameNormalizer.h"
#include "domain/PatientNumber.h"
#include "domain/UuidV7.h"
#include "store/Database.h"
#include "store/PatientStore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace medora;

namespace {

const char kCrashWriterArgument[] = "--crash-writer";
const char kCrashBulkImportArgument[] = "--crash-bulk-import";
// Rows of the bulk import the crash test kills, and their size: together well past the
// bulk page cache, so SQLite writes pages into the file before the transaction ends.
constexpr int kCrashBulkRows = 150000;
constexpr int kCrashBulkNotesChars = 1000;
// Rows per bulk transaction in the crash writer: a batch must land whole or not at all.
constexpr int kCrashBatch = 25;

Patient samplePatient(const QString &lastName, const QString &firstName)
{
    Patient patient;
    patient.lastName = lastName;
    patient.firstName = firstName;
    patient.fatherName = QStringLiteral("Bahodirovich");
    patient.birthDate = QDate(1985, 3, 12);
    patient.sex = Sex::Male;
    patient.phone = QStringLiteral("+998901234567");
    patient.address = QStringLiteral("Toshkent, Chilonzor 5");
    patient.allergies = QStringLiteral("penicillin");
    patient.medications = QStringLiteral("metformin 500 mg");
    patient.history = QStringLiteral("diabetes type 2");
    patient.notes = QStringLiteral("first visit");
    patient.createdBy = QStringLiteral("reception");
    return patient;
}

// Everything the crash writer stores for its k-th patient, so the parent can tell a
// complete row from a torn one.
Patient crashPatient(int k)
{
    Patient patient;
    patient.lastName = QStringLiteral("Crashova");
    patient.firstName = QStringLiteral("Writer%1").arg(k);
    patient.fatherName = QStringLiteral("Testovna");
    patient.birthDate = QDate(1950, 1, 1).addDays(k % 20000);
    patient.birthDateEstimated = k % 2 == 0;
    patient.sex = k % 2 == 0 ? Sex::Female : Sex::Male;
    patient.phone = QStringLiteral("+99890%1").arg(k % 10000000, 7, 10, QLatin1Char('0'));
    patient.address = QStringLiteral("Samarqand, street %1").arg(k);
    patient.allergies = QStringLiteral("allergy %1").arg(k);
    patient.medications = QStringLiteral("medication %1").arg(k);
    patient.history = QStringLiteral("history %1 ").arg(k).repeated(20);
    patient.notes = QStringLiteral("notes %1 ").arg(k).repeated(40);
    patient.createdBy = QStringLiteral("writer-%1").arg(k);
    return patient;
}

// The child side of the crash test: writes until it is killed, reporting each commit.
int runCrashWriter(const QString &file)
{
    Database database;
    if (!database.open(file)) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(database.lastError().message));
        return 2;
    }
    PatientStore store(database);
    QElapsedTimer lifetime;
    lifetime.start();
    int k = 0;
    // Bounded so that an orphan cannot run forever if the parent dies first.
    while (lifetime.elapsed() < 30000) {
        if (k % 2 == 0) {
            Patient patient = crashPatient(k);
            if (!store.insert(patient)) {
                std::fprintf(stderr, "insert failed: %s\n", qPrintable(store.lastError().message));
                return 3;
            }
            ++k;
        } else {
            std::vector<Patient> batch;
            for (int i = 0; i < kCrashBatch; ++i)
                batch.push_back(crashPatient(k + i));
            if (!store.insertMany(batch)) {
                std::fprintf(stderr, "insertMany failed: %s\n", qPrintable(store.lastError().message));
                return 3;
            }
            k += kCrashBatch;
        }
        std::printf("committed %d\n", k);
        std::fflush(stdout);
    }
    return 0;
}

// The child side of the bulk crash test: one big import into a file holding one patient,
// killed by the parent while it runs.
int runCrashBulkImport(const QString &file)
{
    Database database;
    if (!database.open(file)) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(database.lastError().message));
        return 2;
    }
    PatientStore store(database);
    std::vector<Patient> batch;
    batch.reserve(kCrashBulkRows);
    for (int i = 0; i < kCrashBulkRows; ++i) {
        Patient patient;
        patient.lastName = QStringLiteral("Bulk");
        patient.firstName = QStringLiteral("Row%1").arg(i);
        patient.notes = QString(kCrashBulkNotesChars, QLatin1Char('n'));
        batch.push_back(patient);
    }
    std::printf("importing\n");
    std::fflush(stdout);
    if (!store.insertMany(batch)) {
        std::fprintf(stderr, "insertMany failed: %s\n", qPrintable(store.lastError().message));
        return 3;
    }
    std::printf("imported\n");
    std::fflush(stdout);
    return 0;
}

void setSyncState(Database &database, qint64 localId, SyncState state)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("UPDATE patient SET sync_state = ? WHERE rowid = ?"));
    query.addBindValue(static_cast<int>(state));
    query.addBindValue(localId);
    QVERIFY(query.exec());
    QCOMPARE(query.numRowsAffected(), 1);
}

QString scalarText(Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql) || !query.next())
        return QStringLiteral("<error: %1>").arg(query.lastError().text());
    return query.value(0).toString();
}

// All rows as text, to prove a failed write changed nothing at all.
QStringList dumpPatients(Database &database)
{
    QStringList rows;
    QSqlQuery query(database.connection());
    if (!query.exec(QStringLiteral("SELECT * FROM patient ORDER BY rowid")))
        return {QStringLiteral("<error>")};
    while (query.next()) {
        QStringList fields;
        for (int i = 0; i < query.record().count(); ++i)
            fields << query.value(i).toString();
        rows << fields.join(QLatin1Char('|'));
    }
    QSqlQuery meta(database.connection());
    meta.exec(QStringLiteral("SELECT key || '=' || value FROM meta ORDER BY key"));
    while (meta.next())
        rows << meta.value(0).toString();
    return rows;
}

qint64 numberSequence(const QString &number)
{
    return number.mid(number.indexOf(QLatin1Char('-')) + 1).toLongLong();
}

void comparePatients(const Patient &actual, const Patient &expected)
{
    QCOMPARE(actual.localId, expected.localId);
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.number, expected.number);
    QCOMPARE(actual.lastName, expected.lastName);
    QCOMPARE(actual.firstName, expected.firstName);
    QCOMPARE(actual.fatherName, expected.fatherName);
    QCOMPARE(actual.birthDate, expected.birthDate);
    QCOMPARE(actual.birthDateEstimated, expected.birthDateEstimated);
    QCOMPARE(actual.sex, expected.sex);
    QCOMPARE(actual.phone, expected.phone);
    QCOMPARE(actual.address, expected.address);
    QCOMPARE(actual.allergies, expected.allergies);
    QCOMPARE(actual.medications, expected.medications);
    QCOMPARE(actual.history, expected.history);
    QCOMPARE(actual.notes, expected.notes);
    QCOMPARE(actual.createdAt, expected.createdAt);
    QCOMPARE(actual.updatedAt, expected.updatedAt);
    QCOMPARE(actual.createdBy, expected.createdBy);
    QCOMPARE(actual.deleted, expected.deleted);
    QCOMPARE(actual.revision, expected.revision);
    QCOMPARE(actual.syncState, expected.syncState);
    QCOMPARE(actual.lastSeenAt, expected.lastSeenAt);
}

} // namespace

class TestPatientStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void insertAssignsIdentityNumberAndTimes();
    void insertKeepsGivenIdentityAndNumber();
    void insertManyNumbersInOneTransaction();
    void bulkImportKeepsIndexesAndCache();
    void timesRoundTripInUtc();
    void updateSavesFieldsAndKeepsIdentity();
    void updateSyncStateRules_data();
    void updateSyncStateRules();
    void removeTombstones();
    void markSeenTouchesOnlyRanking();
    void missingPatientIsNotFound();
    void getManyKeepsRequestedOrder();
    void findDuplicatesByNameAndBirthDate();
    void findDuplicatesByPhone();
    void forEachChangedSinceStreamsInOrder();
    void failedWriteChangesNothing();
    void killedWriterLeavesConsistentFile();
    void bulkImportRoundTripsEveryField();
    void killedBulkImportLeavesFileAsBefore();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PatientStore> m_store;
};

void TestPatientStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_database = std::make_unique<Database>();
    QVERIFY2(m_database->open(m_dir->filePath(QStringLiteral("medora.db"))),
             qPrintable(m_database->lastError().message));
    m_store = std::make_unique<PatientStore>(*m_database);
}

void TestPatientStore::cleanup()
{
    m_store.reset();
    m_database.reset();
    m_dir.reset();
}

void TestPatientStore::insertAssignsIdentityNumberAndTimes()
{
    const QString prefix = m_database->meta(QStringLiteral("device_prefix"));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    Patient first = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY2(m_store->insert(first), qPrintable(m_store->lastError().message));
    Patient second = samplePatient(QStringLiteral("Rahimova"), QStringLiteral("Nilufar"));
    QVERIFY(m_store->insert(second));
    const qint64 after = QDateTime::currentMSecsSinceEpoch();

    QVERIFY(first.localId > 0);
    QVERIFY(second.localId > first.localId);
    QVERIFY(UuidV7::isV7(first.id));
    QVERIFY(UuidV7::isV7(second.id));
    QVERIFY(first.id != second.id);
    const qint64 idTime = UuidV7::timestamp(first.id).toMSecsSinceEpoch();
    QVERIFY(idTime >= before && idTime <= after);

    QCOMPARE(first.number, PatientNumber::format(prefix, 1));
    QCOMPARE(second.number, PatientNumber::format(prefix, 2));
    QVERIFY(PatientNumber::isValid(first.number));
    QCOMPARE(m_database->meta(QStringLiteral("next_patient_seq")), QStringLiteral("3"));

    QCOMPARE(first.createdAt.timeSpec(), Qt::UTC);
    QVERIFY(first.createdAt.toMSecsSinceEpoch() >= before && first.createdAt.toMSecsSinceEpoch() <= after);
    QCOMPARE(first.updatedAt, first.createdAt);
    QCOMPARE(first.lastSeenAt, first.createdAt);
    QCOMPARE(first.syncState, SyncState::New);
    QCOMPARE(m_store->changeSeq(), qint64(2));
    QCOMPARE(m_store->count(), qint64(2));

    // Stored as ISO 8601 UTC with milliseconds, read back identical.
    const QString createdText = scalarText(
        *m_database, QStringLiteral("SELECT created_at FROM patient WHERE rowid = %1").arg(first.localId));
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"))
                 .match(createdText)
                 .hasMatch(),
             qPrintable(createdText));
    const std::optional<Patient> stored = m_store->get(first.localId);
    QVERIFY(stored);
    comparePatients(*stored, first);
    QCOMPARE(scalarText(*m_database,
                        QStringLiteral("SELECT name_key FROM patient WHERE rowid = %1").arg(first.localId)),
             NameNormalizer::searchKey(QStringLiteral("Karimov Alisher Bahodirovich")));
}

void TestPatientStore::insertKeepsGivenIdentityAndNumber()
{
    const QString prefix = m_database->meta(QStringLiteral("device_prefix"));
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    const QUuid id = UuidV7::generateAt(1700000000000);
    patient.id = id;
    patient.number = PatientNumber::format(prefix, 41); // imported from our own series
    const QDateTime created(QDate(2023, 6, 1), QTime(9, 30, 0, 250), Qt::UTC);
    patient.createdAt = created;
    patient.syncState = SyncState::Synced;
    QVERIFY(m_store->insert(patient));
    QCOMPARE(patient.id, id);
    QCOMPARE(patient.number, PatientNumber::format(prefix, 41));
    QCOMPARE(patient.createdAt, created);
    QCOMPARE(patient.syncState, SyncState::New);
    QCOMPARE(m_store->get(patient.localId)->createdAt, created);

    // Numbering continues above an imported number of our own series.
    Patient next = samplePatient(QStringLiteral("Rahimova"), QStringLiteral("Nilufar"));
    QVERIFY(m_store->insert(next));
    QCOMPARE(next.number, PatientNumber::format(prefix, 42));
}

void TestPatientStore::insertManyNumbersInOneTransaction()
{
    const QString prefix = m_database->meta(QStringLiteral("device_prefix"));
    std::vector<Patient> patients;
    for (int i = 0; i < 1000; ++i)
        patients.push_back(samplePatient(QStringLiteral("Familiya%1").arg(i), QStringLiteral("Ism")));
    QVERIFY(m_store->insertMany(patients));
    QSet<QString> numbers;
    QSet<QUuid> ids;
    for (size_t i = 0; i < patients.size(); ++i) {
        QCOMPARE(patients[i].number, PatientNumber::format(prefix, qint64(i) + 1));
        QVERIFY(i == 0 || patients[i].localId > patients[i - 1].localId);
        numbers.insert(patients[i].number);
        ids.insert(patients[i].id);
    }
    QCOMPARE(numbers.size(), 1000);
    QCOMPARE(ids.size(), 1000);
    QCOMPARE(m_store->count(), qint64(1000));
    QCOMPARE(m_store->changeSeq(), qint64(1000));
    QCOMPARE(m_database->meta(QStringLiteral("next_patient_seq")), QStringLiteral("1001"));
    QCOMPARE(scalarText(*m_database, QStringLiteral("SELECT count(DISTINCT change_seq) FROM patient")),
             QStringLiteral("1000"));
    comparePatients(*m_store->get(patients[500].localId), patients[500]);

    std::vector<Patient> none;
    QVERIFY(m_store->insertMany(none));
    QCOMPARE(m_store->changeSeq(), qint64(1000));
}

void TestPatientStore::bulkImportKeepsIndexesAndCache()
{
    Patient early = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_store->insert(early));
    const auto indexes = [this] {
        QStringList list;
        QSqlQuery query(m_database->connection());
        query.exec(QStringLiteral("SELECT name || ': ' || coalesce(sql, '') FROM sqlite_master"
                                  " WHERE type = 'index' AND tbl_name = 'patient' ORDER BY name"));
        while (query.next())
            list << query.value(0).toString();
        return list;
    };
    const QStringList before = indexes();
    QVERIFY(before.size() >= 5); // uuid, number, change_seq, name + birth date, phone
    const QString cacheSize = scalarText(*m_database, QStringLiteral("PRAGMA cache_size"));
    QCOMPARE(cacheSize, QString::number(-Database::kCacheSizeKiB));

    std::vector<Patient> batch;
    for (size_t i = 0; i < PatientStore::kBulkImportRows; ++i) {
        Patient patient = samplePatient(QStringLiteral("Familiya%1").arg(i), QStringLiteral("Ism"));
        patient.phone = QStringLiteral("+99891%1").arg(i, 7, 10, QLatin1Char('0'));
        batch.push_back(patient);
    }
    // The last row clashes: the whole import, index rebuild included, rolls back.
    batch.back().number = early.number;
    QVERIFY(!m_store->insertMany(batch));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::Constraint));
    QCOMPARE(indexes(), before);
    QCOMPARE(scalarText(*m_database, QStringLiteral("PRAGMA cache_size")), cacheSize);
    QCOMPARE(m_store->count(), qint64(1));
    QVERIFY(batch.front().number.isEmpty());

    batch.back().number.clear();
    QVERIFY2(m_store->insertMany(batch), qPrintable(m_store->lastError().message));
    QCOMPARE(indexes(), before);
    QCOMPARE(scalarText(*m_database, QStringLiteral("PRAGMA cache_size")), cacheSize);
    QCOMPARE(m_store->count(), qint64(PatientStore::kBulkImportRows + 1));
    QCOMPARE(scalarText(*m_database, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));

    // The rebuilt indexes serve the lookups.
    Patient probe = batch[12345];
    probe.localId = 0;
    QCOMPARE(m_store->findDuplicates(probe).size(), 1);
    QSqlQuery plan(m_database->connection());
    QVERIFY(plan.exec(
        QStringLiteral("EXPLAIN QUERY PLAN SELECT rowid FROM patient WHERE phone = '+998910012345'")));
    QString planText;
    while (plan.next())
        planText += plan.value(3).toString();
    QVERIFY2(planText.contains(QStringLiteral("patient_phone")), qPrintable(planText));
}

void TestPatientStore::timesRoundTripInUtc()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    // Tashkent local time: stored and returned as the same instant in UTC.
    patient.createdAt = QDateTime(QDate(2023, 6, 1), QTime(14, 30, 0, 250), Qt::OffsetFromUTC, 5 * 3600);
    // Before 1970, where milliseconds since the epoch are negative.
    patient.updatedAt = QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
    QVERIFY(m_store->insert(patient));
    QCOMPARE(scalarText(*m_database, QStringLiteral("SELECT created_at || ' ' || updated_at FROM patient")),
             QStringLiteral("2023-06-01T09:30:00.250Z 1969-12-31T23:59:59.999Z"));
    const std::optional<Patient> stored = m_store->get(patient.localId);
    QVERIFY(stored);
    QCOMPARE(stored->createdAt, QDateTime(QDate(2023, 6, 1), QTime(9, 30, 0, 250), Qt::UTC));
    QCOMPARE(stored->createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(stored->updatedAt, patient.updatedAt);

    // A row written by another tool in a different ISO form is still read.
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("UPDATE patient SET created_at = '2023-06-01T14:30:00+05:00'")));
    QCOMPARE(m_store->get(patient.localId)->createdAt, QDateTime(QDate(2023, 6, 1), QTime(9, 30), Qt::UTC));
}

void TestPatientStore::updateSavesFieldsAndKeepsIdentity()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_store->insert(patient));
    const Patient original = patient;
    const qint64 seqBefore = m_store->changeSeq();

    patient.lastName = QStringLiteral("Karimova");
    patient.firstName = QStringLiteral("Aziza");
    patient.fatherName.clear();
    patient.birthDate = QDate();
    patient.sex = Sex::Female;
    patient.phone = QStringLiteral("+998935550011");
    patient.address = QStringLiteral("Buxoro");
    patient.allergies = QStringLiteral("none");
    patient.medications.clear();
    patient.history = QStringLiteral("asthma");
    patient.notes = QStringLiteral("moved");
    // Not the caller's to change through update():
    patient.number = QStringLiteral("ZZZ-99999");
    patient.createdBy = QStringLiteral("intruder");
    patient.revision = 77;
    const qint64 beforeUpdate = QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(m_store->update(patient), qPrintable(m_store->lastError().message));
    QCOMPARE(patient.syncState, SyncState::New); // never sent: stays New
    QVERIFY(patient.updatedAt.toMSecsSinceEpoch() >= beforeUpdate);
    QCOMPARE(patient.updatedAt.timeSpec(), Qt::UTC);
    QCOMPARE(m_store->changeSeq(), seqBefore + 1);

    const std::optional<Patient> stored = m_store->get(patient.localId);
    QVERIFY(stored);
    QCOMPARE(stored->lastName, QStringLiteral("Karimova"));
    QCOMPARE(stored->firstName, QStringLiteral("Aziza"));
    QCOMPARE(stored->fatherName, QString());
    QVERIFY(!stored->birthDate.isValid());
    QCOMPARE(stored->sex, Sex::Female);
    QCOMPARE(stored->phone, QStringLiteral("+998935550011"));
    QCOMPARE(stored->address, QStringLiteral("Buxoro"));
    QCOMPARE(stored->medications, QString());
    QCOMPARE(stored->history, QStringLiteral("asthma"));
    QCOMPARE(stored->updatedAt, patient.updatedAt);
    QCOMPARE(stored->id, original.id);
    QCOMPARE(stored->number, original.number);
    QCOMPARE(stored->createdAt, original.createdAt);
    QCOMPARE(stored->createdBy, original.createdBy);
    QCOMPARE(stored->revision, original.revision);
    QCOMPARE(stored->lastSeenAt, original.lastSeenAt);
    QCOMPARE(scalarText(*m_database,
                        QStringLiteral("SELECT name_key FROM patient WHERE rowid = %1").arg(patient.localId)),
             QStringLiteral("karimova aziza"));
}

void TestPatientStore::updateSyncStateRules_data()
{
    QTest::addColumn<SyncState>("stored");
    QTest::addColumn<SyncState>("expected");
    QTest::newRow("new stays new") << SyncState::New << SyncState::New;
    QTest::newRow("modified stays modified") << SyncState::Modified << SyncState::Modified;
    QTest::newRow("edit during upload") << SyncState::Uploading << SyncState::Modified;
    QTest::newRow("synced") << SyncState::Synced << SyncState::Modified;
    QTest::newRow("error") << SyncState::Error << SyncState::Modified;
    QTest::newRow("conflict") << SyncState::Conflict << SyncState::Modified;
}

void TestPatientStore::updateSyncStateRules()
{
    QFETCH(SyncState, stored);
    QFETCH(SyncState, expected);
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_store->insert(patient));
    setSyncState(*m_database, patient.localId, stored);
    // The stored state decides, not the caller's possibly stale copy.
    patient.syncState = SyncState::Synced;
    patient.notes = QStringLiteral("edited");
    QVERIFY(m_store->update(patient));
    QCOMPARE(patient.syncState, expected);
    QCOMPARE(m_store->get(patient.localId)->syncState, expected);

    // remove() follows the same rule.
    setSyncState(*m_database, patient.localId, stored);
    QVERIFY(m_store->remove(patient.localId));
    QCOMPARE(m_store->get(patient.localId)->syncState, expected);
}

void TestPatientStore::removeTombstones()
{
    Patient kept = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    Patient removed = samplePatient(QStringLiteral("Rahimova"), QStringLiteral("Nilufar"));
    QVERIFY(m_store->insert(kept));
    QVERIFY(m_store->insert(removed));
    setSyncState(*m_database, removed.localId, SyncState::Synced);
    const qint64 seqBefore = m_store->changeSeq();

    QVERIFY(m_store->remove(removed.localId));
    QCOMPARE(m_store->count(), qint64(1));
    QCOMPARE(m_store->changeSeq(), seqBefore + 1);
    const std::optional<Patient> tombstone = m_store->get(removed.localId);
    QVERIFY(tombstone); // a tombstone, not a deleted row: the server must hear of it
    QVERIFY(tombstone->deleted);
    QCOMPARE(tombstone->syncState, SyncState::Modified);
    QVERIFY(tombstone->updatedAt >= removed.updatedAt);
    QCOMPARE(tombstone->lastName, removed.lastName);
    QVERIFY(!m_store->get(kept.localId)->deleted);
}

void TestPatientStore::markSeenTouchesOnlyRanking()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    patient.lastSeenAt = QDateTime(QDate(2020, 1, 1), QTime(8, 0), Qt::UTC);
    QVERIFY(m_store->insert(patient));
    setSyncState(*m_database, patient.localId, SyncState::Synced);
    const qint64 seqBefore = m_store->changeSeq();
    const qint64 before = QDateTime::currentMSecsSinceEpoch();

    QVERIFY(m_store->markSeen(patient.localId));
    const std::optional<Patient> seen = m_store->get(patient.localId);
    QVERIFY(seen);
    QVERIFY(seen->lastSeenAt.toMSecsSinceEpoch() >= before);
    QCOMPARE(seen->syncState, SyncState::Synced);
    QCOMPARE(seen->updatedAt, patient.updatedAt);
    QCOMPARE(m_store->changeSeq(), seqBefore + 1);
    QCOMPARE(
        scalarText(*m_database,
                   QStringLiteral("SELECT change_seq FROM patient WHERE rowid = %1").arg(patient.localId)),
        QString::number(seqBefore + 1));
}

void TestPatientStore::missingPatientIsNotFound()
{
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_store->insert(patient));
    const QStringList before = dumpPatients(*m_database);

    Patient ghost = patient;
    ghost.localId = 4242;
    QVERIFY(!m_store->update(ghost));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::NotFound));
    QVERIFY(!m_store->remove(4242));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::NotFound));
    QVERIFY(!m_store->markSeen(4242));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::NotFound));
    QVERIFY(!m_store->get(4242));
    QVERIFY(m_store->lastError().ok());
    QCOMPARE(dumpPatients(*m_database), before);
}

void TestPatientStore::getManyKeepsRequestedOrder()
{
    std::vector<Patient> patients;
    for (int i = 0; i < 1200; ++i)
        patients.push_back(samplePatient(QStringLiteral("Familiya%1").arg(i), QStringLiteral("Ism")));
    QVERIFY(m_store->insertMany(patients));

    // Crosses the 500-id chunks, runs backwards, and asks for ids that do not exist.
    std::vector<qint64> wanted;
    QStringList expected;
    for (int i = 1199; i >= 0; i -= 3) {
        wanted.push_back(patients[i].localId);
        expected << patients[i].lastName;
        if (i % 100 == 0)
            wanted.push_back(100000 + i);
    }
    wanted.push_back(patients[7].localId);
    expected << patients[7].lastName;

    const QList<Patient> found = m_store->getMany(wanted);
    QStringList names;
    for (const Patient &patient : found)
        names << patient.lastName;
    QCOMPARE(names, expected);
    comparePatients(found.first(), patients[1199]);
    QVERIFY(m_store->getMany({}).isEmpty());
}

void TestPatientStore::findDuplicatesByNameAndBirthDate()
{
    Patient cyrillic = samplePatient(QStringLiteral("Каримов"), QStringLiteral("Алишер"));
    cyrillic.fatherName.clear();
    cyrillic.phone.clear();
    cyrillic.birthDate = QDate(1990, 5, 14);
    QVERIFY(m_store->insert(cyrillic));
    Patient apostrophe = samplePatient(QStringLiteral("Oʻktamova"), QStringLiteral("Gʻulnora"));
    apostrophe.phone.clear();
    apostrophe.birthDate = QDate(1970, 2, 3);
    QVERIFY(m_store->insert(apostrophe));
    Patient otherBirthDate = cyrillic;
    otherBirthDate.id = QUuid();
    otherBirthDate.number.clear();
    otherBirthDate.birthDate = QDate(1991, 5, 14);
    QVERIFY(m_store->insert(otherBirthDate));

    Patient latin = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    latin.fatherName.clear();
    latin.phone.clear();
    latin.birthDate = QDate(1990, 5, 14);
    QList<Patient> found = m_store->findDuplicates(latin);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().localId, cyrillic.localId);

    // Without a birth date the name alone is enough to ask the receptionist.
    latin.birthDate = QDate();
    QCOMPARE(m_store->findDuplicates(latin).size(), 2);
    QCOMPARE(m_store->findDuplicates(latin, 1).size(), 1);
    latin.birthDate = QDate(2001, 1, 1);
    QVERIFY(m_store->findDuplicates(latin).isEmpty());

    Patient typed = samplePatient(QStringLiteral("O'ktamova"), QStringLiteral("G‘ulnora"));
    typed.phone.clear();
    typed.birthDate = QDate(1970, 2, 3);
    found = m_store->findDuplicates(typed);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().localId, apostrophe.localId);

    // A patient is not its own duplicate, and tombstones are not duplicates.
    QVERIFY(m_store->findDuplicates(apostrophe).isEmpty());
    QVERIFY(m_store->remove(cyrillic.localId));
    latin.birthDate = QDate(1990, 5, 14);
    QVERIFY(m_store->findDuplicates(latin).isEmpty());
}

void TestPatientStore::findDuplicatesByPhone()
{
    Patient mother = samplePatient(QStringLiteral("Yusupova"), QStringLiteral("Malika"));
    mother.phone = QStringLiteral("+998977001122");
    QVERIFY(m_store->insert(mother));
    Patient unrelated = samplePatient(QStringLiteral("Toshmatov"), QStringLiteral("Bekzod"));
    unrelated.phone = QStringLiteral("+998977003344");
    QVERIFY(m_store->insert(unrelated));

    Patient child = samplePatient(QStringLiteral("Yusupov"), QStringLiteral("Jasur"));
    child.birthDate = QDate(2015, 9, 1);
    child.phone = QStringLiteral("+998977001122");
    QList<Patient> found = m_store->findDuplicates(child);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().localId, mother.localId);

    child.phone = QStringLiteral("97 700 11 22"); // a local spelling of the same number
    QCOMPARE(m_store->findDuplicates(child).size(), 1);

    child.phone.clear();
    QVERIFY(m_store->findDuplicates(child).isEmpty());

    QVERIFY(m_store->remove(mother.localId));
    child.phone = QStringLiteral("+998977001122");
    QVERIFY(m_store->findDuplicates(child).isEmpty());
}

void TestPatientStore::forEachChangedSinceStreamsInOrder()
{
    std::vector<Patient> patients;
    for (int i = 0; i < 5; ++i)
        patients.push_back(
            samplePatient(QStringLiteral("Familiya%1").arg(i), QStringLiteral("Ism%1").arg(i)));
    QVERIFY(m_store->insertMany(patients));
    const qint64 afterInsert = m_store->changeSeq();
    QCOMPARE(afterInsert, qint64(5));
    QVERIFY(m_store->markSeen(patients[1].localId));
    QVERIFY(m_store->remove(patients[3].localId));

    QList<qint64> ids;
    QList<qint64> seqs;
    QVERIFY(m_store->forEachChangedSince(0, [&](const Patient &patient, qint64 seq) {
        ids << patient.localId;
        seqs << seq;
    }));
    QCOMPARE(ids, QList<qint64>({patients[0].localId, patients[2].localId, patients[4].localId,
                                 patients[1].localId, patients[3].localId}));
    QCOMPARE(seqs, QList<qint64>({1, 3, 5, 6, 7}));

    QList<Patient> changed;
    QVERIFY(m_store->forEachChangedSince(afterInsert,
                                         [&](const Patient &patient, qint64) { changed << patient; }));
    QCOMPARE(changed.size(), 2);
    const Patient &seen = changed[0];
    QCOMPARE(seen.localId, patients[1].localId);
    QCOMPARE(seen.number, patients[1].number);
    QCOMPARE(seen.lastName, patients[1].lastName);
    QCOMPARE(seen.firstName, patients[1].firstName);
    QCOMPARE(seen.fatherName, patients[1].fatherName);
    QCOMPARE(seen.phone, patients[1].phone);
    QVERIFY(seen.lastSeenAt >= patients[1].lastSeenAt);
    QVERIFY(!seen.deleted);
    QVERIFY(changed[1].deleted);

    int visits = 0;
    QVERIFY(m_store->forEachChangedSince(m_store->changeSeq(), [&](const Patient &, qint64) { ++visits; }));
    QCOMPARE(visits, 0);
}

void TestPatientStore::failedWriteChangesNothing()
{
    Patient existing = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    QVERIFY(m_store->insert(existing));
    const QStringList before = dumpPatients(*m_database);

    Patient clash = samplePatient(QStringLiteral("Rahimova"), QStringLiteral("Nilufar"));
    clash.number = existing.number;
    QVERIFY(!m_store->insert(clash));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::Constraint));
    QVERIFY(!m_store->lastError().message.isEmpty());
    QCOMPARE(clash.localId, qint64(0));
    QVERIFY(clash.id.isNull());
    QCOMPARE(clash.number, existing.number);
    QCOMPARE(dumpPatients(*m_database), before);

    // A bulk import whose last row clashes leaves no trace, and its patients come back as
    // they were given, so that a retry does not reuse numbers that were never committed.
    std::vector<Patient> batch = {samplePatient(QStringLiteral("A"), QStringLiteral("One")),
                                  samplePatient(QStringLiteral("B"), QStringLiteral("Two")), clash};
    QVERIFY(!m_store->insertMany(batch));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::Constraint));
    QCOMPARE(dumpPatients(*m_database), before);
    QCOMPARE(batch[0].localId, qint64(0));
    QVERIFY(batch[0].number.isEmpty());
    QVERIFY(batch[0].id.isNull());
    QVERIFY(!batch[0].createdAt.isValid());

    batch.pop_back();
    QVERIFY(m_store->insertMany(batch));
    const QString prefix = m_database->meta(QStringLiteral("device_prefix"));
    QCOMPARE(batch[0].number, PatientNumber::format(prefix, 2));
    QCOMPARE(batch[1].number, PatientNumber::format(prefix, 3));
    QCOMPARE(m_store->count(), qint64(3));

    // A write on a closed store fails cleanly.
    m_database->close();
    Patient late = samplePatient(QStringLiteral("Late"), QStringLiteral("Comer"));
    QVERIFY(!m_store->insert(late));
    QVERIFY(!m_store->lastError().ok());
}

void TestPatientStore::killedWriterLeavesConsistentFile()
{
    const QString file = m_dir->filePath(QStringLiteral("crash.db"));
    {
        Database database;
        QVERIFY(database.open(file));
    }

    QProcess writer;
    writer.setProcessChannelMode(QProcess::SeparateChannels);
    writer.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kCrashWriterArgument), file});
    QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));
    QElapsedTimer sinceStart;
    sinceStart.start();

    // Kill mid-stream: after at least a few commits and about 300 ms of writing.
    int committed = 0;
    QByteArray pending;
    const auto readCommits = [&] {
        pending += writer.readAllStandardOutput();
        int newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(newline);
            pending.remove(0, newline + 1);
            if (line.startsWith("committed "))
                committed = line.mid(10).toInt();
        }
    };
    while (committed < 5 * kCrashBatch || sinceStart.elapsed() < 300) {
        QVERIFY2(writer.state() == QProcess::Running, writer.readAllStandardError().constData());
        if (writer.waitForReadyRead(10000))
            readCommits();
        QVERIFY2(sinceStart.elapsed() < 20000, "the writer made no progress");
    }
    writer.kill();
    QVERIFY(writer.waitForFinished(10000));
    QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
    readCommits();
    QVERIFY(committed > 0);

    Database database;
    QVERIFY2(database.open(file), qPrintable(database.lastError().message));
    QCOMPARE(scalarText(database, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    PatientStore store(database);

    // Everything reported committed is there, and transactions landed whole: the writer's
    // patient indexes form one unbroken run 0..n-1.
    const qint64 rows = store.count();
    qInfo("writer killed after %lld ms; %d rows reported committed, %lld rows found",
          static_cast<long long>(sinceStart.elapsed()), committed, static_cast<long long>(rows));
    QVERIFY2(rows >= committed, qPrintable(QStringLiteral("%1 rows, %2 committed").arg(rows).arg(committed)));
    QCOMPARE(scalarText(database,
                        QStringLiteral("SELECT count(*) FROM patient WHERE uuid IS NULL OR number IS NULL"
                                       " OR birth_date IS NULL OR created_at IS NULL OR updated_at IS NULL"
                                       " OR last_seen_ms IS NULL OR name_key = '' OR change_seq = 0")),
             QStringLiteral("0"));
    const QString prefix = database.meta(QStringLiteral("device_prefix"));
    std::vector<qint64> ids;
    QSqlQuery all(database.connection());
    QVERIFY(all.exec(QStringLiteral("SELECT rowid FROM patient ORDER BY rowid")));
    while (all.next())
        ids.push_back(all.value(0).toLongLong());
    const QList<Patient> patients = store.getMany(ids);
    QCOMPARE(patients.size(), qsizetype(rows));
    QSet<int> indexes;
    qint64 maxSequence = 0;
    for (const Patient &patient : patients) {
        const int k = patient.createdBy.mid(QStringLiteral("writer-").size()).toInt();
        indexes.insert(k);
        Patient expected = crashPatient(k);
        expected.localId = patient.localId;
        expected.id = patient.id;
        expected.number = patient.number;
        expected.createdAt = patient.createdAt;
        expected.updatedAt = patient.updatedAt;
        expected.lastSeenAt = patient.lastSeenAt;
        comparePatients(patient, expected);
        QVERIFY(UuidV7::isV7(patient.id));
        QVERIFY(PatientNumber::isValid(patient.number));
        QVERIFY(patient.number.startsWith(prefix));
        QVERIFY(patient.createdAt.isValid());
        maxSequence = std::max(maxSequence, numberSequence(patient.number));
    }
    QSet<int> unbroken;
    for (int k = 0; k < rows; ++k)
        unbroken.insert(k);
    QCOMPARE(indexes, unbroken);
    QCOMPARE(maxSequence, rows);

    // Counters agree with the rows, so the next number and change seq are fresh.
    QVERIFY(database.meta(QStringLiteral("next_patient_seq")).toLongLong() > maxSequence);
    QCOMPARE(store.changeSeq(),
             scalarText(database, QStringLiteral("SELECT max(change_seq) FROM patient")).toLongLong());
    QCOMPARE(scalarText(database, QStringLiteral("SELECT count(DISTINCT change_seq) FROM patient")),
             QString::number(rows));
    Patient after = samplePatient(QStringLiteral("After"), QStringLiteral("Crash"));
    QVERIFY2(store.insert(after), qPrintable(store.lastError().message));
    QCOMPARE(after.number, PatientNumber::format(prefix, maxSequence + 1));
}

void TestPatientStore::bulkImportRoundTripsEveryField()
{
    // The bulk path encodes rows on a second thread and binds them through SQLite's C API;
    // every field must come back exactly as the one-row path stores it.
    QCOMPARE(scalarText(*m_database, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
    std::vector<Patient> batch;
    for (size_t i = 0; i < PatientStore::kBulkImportRows + 7; ++i) {
        Patient patient =
            samplePatient(i % 2 ? QStringLiteral("Каримов%1").arg(i) : QStringLiteral("Toʻxtayev%1").arg(i),
                          QStringLiteral("Ёқуб 😀 %1").arg(i));
        patient.fatherName = i % 3 ? QString() : QStringLiteral("Oʻktamovich");
        patient.birthDate = i % 5 ? QDate(1930, 1, 1).addDays(qint64(i)) : QDate();
        patient.birthDateEstimated = i % 4 == 0;
        patient.sex = static_cast<Sex>(i % 3);
        patient.phone = i % 7 ? QStringLiteral("+99893%1").arg(i, 7, 10, QLatin1Char('0')) : QString();
        patient.notes = i % 11 ? QString() : QStringLiteral("line one\nline two, \"quoted\"; ʻʼ");
        patient.revision = qint64(i % 3);
        if (i % 2) {
            patient.id = UuidV7::generate();
            patient.number = QStringLiteral("ZZZ-%1").arg(i + 1, 5, 10, QLatin1Char('0'));
            patient.createdAt = QDateTime(QDate(2021, 3, 4), QTime(5, 6, 7, int(i % 1000)), Qt::UTC);
            patient.updatedAt = patient.createdAt.addMSecs(qint64(i));
            patient.lastSeenAt = patient.updatedAt.addDays(1);
        }
        batch.push_back(patient);
    }
    QVERIFY2(m_store->insertMany(batch), qPrintable(m_store->lastError().message));
    QCOMPARE(scalarText(*m_database, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
    QCOMPARE(scalarText(*m_database, QStringLiteral("PRAGMA synchronous")), QStringLiteral("1")); // NORMAL
    QCOMPARE(scalarText(*m_database, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));

    std::vector<qint64> ids;
    for (const Patient &patient : batch)
        ids.push_back(patient.localId);
    const QList<Patient> stored = m_store->getMany(ids);
    QCOMPARE(stored.size(), qsizetype(batch.size()));
    for (size_t i = 0; i < batch.size(); ++i) {
        comparePatients(stored[qsizetype(i)], batch[i]);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("row %1 differs").arg(i)));
    }
    // Change sequences are contiguous, in batch order, and the name key is the store's.
    const auto [first, last] = m_store->lastInsertChangeSeqs();
    QCOMPARE(last - first + 1, qint64(batch.size()));
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT rowid, change_seq, name_key FROM patient ORDER BY rowid")));
    size_t row = 0;
    while (query.next()) {
        QCOMPARE(query.value(0).toLongLong(), batch[row].localId);
        QCOMPARE(query.value(1).toLongLong(), first + qint64(row));
        QCOMPARE(query.value(2).toString(),
                 PatientStore::nameKey(batch[row].lastName, batch[row].firstName, batch[row].fatherName));
        ++row;
    }
    QCOMPARE(row, batch.size());
}

void TestPatientStore::killedBulkImportLeavesFileAsBefore()
{
    const QString file = m_dir->filePath(QStringLiteral("bulk-crash.db"));
    QStringList before;
    {
        Database database;
        QVERIFY(database.open(file));
        PatientStore store(database);
        Patient early = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
        QVERIFY(store.insert(early));
        before = dumpPatients(database);
    }
    const QString journal = file + QStringLiteral("-journal");
    QVERIFY(!QFile::exists(journal));

    QProcess importer;
    importer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    importer.start(QCoreApplication::applicationFilePath(),
                   {QString::fromLatin1(kCrashBulkImportArgument), file});
    QVERIFY2(importer.waitForStarted(10000), qPrintable(importer.errorString()));
    // Kill it once the transaction has written pages into the file itself (they spill from
    // the page cache): only the rollback journal can undo that.
    const qint64 sizeBefore = QFileInfo(file).size();
    constexpr qint64 kSpilled = 16 * 1024 * 1024;
    QTRY_VERIFY_WITH_TIMEOUT(
        QFileInfo(file).size() > sizeBefore + kSpilled || importer.state() != QProcess::Running, 25000);
    QVERIFY2(importer.state() == QProcess::Running, importer.readAllStandardOutput().constData());
    importer.kill();
    QVERIFY(importer.waitForFinished(10000));
    QCOMPARE(importer.exitStatus(), QProcess::CrashExit);
    QVERIFY2(!importer.readAllStandardOutput().contains("imported"), "the import finished before the kill");
    QVERIFY(QFile::exists(journal)); // a hot journal: the crash happened mid-transaction
    QVERIFY(QFileInfo(file).size() > sizeBefore + kSpilled);

    Database database;
    QVERIFY2(database.open(file), qPrintable(database.lastError().message));
    QCOMPARE(scalarText(database, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    QCOMPARE(scalarText(database, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
    QCOMPARE(dumpPatients(database), before);
    QCOMPARE(scalarText(database, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                                 " AND tbl_name = 'patient' AND sql IS NOT NULL")),
             QStringLiteral("3"));    // the indexes the import had dropped are back
    QVERIFY(!QFile::exists(journal)); // rolled back and deleted by the open
    QCOMPARE(QFileInfo(file).size(), sizeBefore);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], kCrashWriterArgument) == 0)
        return runCrashWriter(QString::fromLocal8Bit(argv[2]));
    if (argc == 3 && qstrcmp(argv[1], kCrashBulkImportArgument) == 0)
        return runCrashBulkImport(QString::fromLocal8Bit(argv[2]));
    TestPatientStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_patientstore.moc"
