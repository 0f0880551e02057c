#include "domain/NameNormalizer.h"
#include "domain/PatientNumber.h"
#include "store/Database.h"
#include "store/PatientStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace medora;

namespace {

// A plain QSQLITE connection for preparing files the way another program would,
// removed again when it goes out of scope.
class RawConnection
{
public:
    explicit RawConnection(const QString &path) : m_name(QStringLiteral("raw-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    bool exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql)) {
            qWarning() << sql << query.lastError().text();
            return false;
        }
        return true;
    }
    QVariant value(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next())
            return QVariant();
        return query.value(0);
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_open = false;
};

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return bytes;
}

QVariant pragma(const Database &database, const QString &name)
{
    QSqlQuery query(database.connection());
    if (!query.exec(QStringLiteral("PRAGMA %1").arg(name)) || !query.next())
        return QVariant();
    return query.value(0);
}

qint64 scalar(const Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

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
    patient.notes = QStringLiteral("first visit");
    patient.createdBy = QStringLiteral("reception");
    return patient;
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void freshOpenConfiguresFile();
    void reopenKeepsIdentity();
    void eachInstanceHasItsOwnConnection();
    void migratesVersion1FileWithRows();
    void migratesVersion2FileAndQueuesItsPatients();
    void nestedTransactionsUndoOnlyTheirPart();
    void failedMigrationLeavesOldVersion();
    void randomBytesAreNotADatabase();
    void damagedSqliteIsNotADatabase();
    void foreignDatabaseIsRefusedUntouched_data();
    void foreignDatabaseIsRefusedUntouched();
    void newerSchemaIsRefusedUntouched();
    void folderProblemsAreReported();
    void fullDiskSavesNothing();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    void verifyRefusedUntouched(const QString &file, StoreError::Code expected);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDatabase::cleanup()
{
    m_dir.reset();
}

void TestDatabase::freshOpenConfiguresFile()
{
    Database database;
    QVERIFY2(database.open(path(QStringLiteral("medora.db"))), qPrintable(database.lastError().message));
    QVERIFY(database.isOpen());
    QVERIFY(database.lastError().ok());

    QCOMPARE(pragma(database, QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(pragma(database, QStringLiteral("foreign_keys")).toInt(), 1);
    QCOMPARE(pragma(database, QStringLiteral("synchronous")).toInt(), 1); // NORMAL
    QCOMPARE(pragma(database, QStringLiteral("busy_timeout")).toInt(), 5000);
    const int cacheSize = pragma(database, QStringLiteral("cache_size")).toInt();
    QVERIFY2(cacheSize < 0 && -cacheSize <= 16 * 1024, qPrintable(QString::number(cacheSize))); // bounded KiB
    QCOMPARE(pragma(database, QStringLiteral("application_id")).toInt(), Database::kApplicationId);
    QCOMPARE(pragma(database, QStringLiteral("user_version")).toInt(), Database::currentSchemaVersion());
    QCOMPARE(database.schemaVersion(), Database::currentSchemaVersion());
    QCOMPARE(Database::currentSchemaVersion(), 4);
    QCOMPARE(database.meta(QStringLiteral("sync.cursor")), QStringLiteral("0"));

    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(database.identity()).hasMatch());
    QVERIFY(PatientNumber::isValidPrefix(database.meta(QStringLiteral("device_prefix"))));
    QCOMPARE(database.meta(QStringLiteral("next_patient_seq")), QStringLiteral("1"));
    QCOMPARE(database.meta(QStringLiteral("change_seq")), QStringLiteral("0"));
    QCOMPARE(database.meta(QStringLiteral("no such key"), QStringLiteral("fallback")),
             QStringLiteral("fallback"));

    QVERIFY(database.setMeta(QStringLiteral("sync_cursor"), QStringLiteral("17")));
    QVERIFY(database.setMeta(QStringLiteral("sync_cursor"), QStringLiteral("18")));
    QCOMPARE(database.meta(QStringLiteral("sync_cursor")), QStringLiteral("18"));

    database.close();
    QVERIFY(!database.isOpen());
    QVERIFY(!database.connection().isValid());
}

void TestDatabase::reopenKeepsIdentity()
{
    const QString file = path(QStringLiteral("medora.db"));
    QString identity;
    QString prefix;
    {
        Database database;
        QVERIFY(database.open(file));
        identity = database.identity();
        prefix = database.meta(QStringLiteral("device_prefix"));
        PatientStore store(database);
        Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
        QVERIFY(store.insert(patient));
    }
    Database database;
    QVERIFY(database.open(file));
    QCOMPARE(database.identity(), identity);
    QCOMPARE(database.meta(QStringLiteral("device_prefix")), prefix);
    QCOMPARE(database.meta(QStringLiteral("next_patient_seq")), QStringLiteral("2"));
    QCOMPARE(PatientStore(database).count(), qint64(1));

    // A second file is a different database.
    Database other;
    QVERIFY(other.open(path(QStringLiteral("other.db"))));
    QVERIFY(other.identity() != identity);
}

void TestDatabase::eachInstanceHasItsOwnConnection()
{
    const QString file = path(QStringLiteral("medora.db"));
    const QStringList before = QSqlDatabase::connectionNames();
    {
        Database first;
        Database second;
        QVERIFY(first.open(file));
        QVERIFY(second.open(file));
        QVERIFY(first.connection().connectionName() != second.connection().connectionName());
        QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 2);

        // Both see the same data through their own connections.
        QVERIFY(first.setMeta(QStringLiteral("probe"), QStringLiteral("from first")));
        QCOMPARE(second.meta(QStringLiteral("probe")), QStringLiteral("from first"));

        first.close();
        QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 1);
        QVERIFY(second.isOpen());
    }
    QCOMPARE(QSqlDatabase::connectionNames(), before);
}

void TestDatabase::migratesVersion1FileWithRows()
{
    const QString file = path(QStringLiteral("medora.db"));
    {
        Database database;
        QVERIFY2(database.openAtSchemaVersionForTest(file, 1), qPrintable(database.lastError().message));
        QCOMPARE(database.schemaVersion(), 1);
        QCOMPARE(pragma(database, QStringLiteral("application_id")).toInt(), Database::kApplicationId);
        QCOMPARE(
            scalar(database, QStringLiteral("SELECT count(*) FROM pragma_table_info('patient')"
                                            " WHERE name IN ('name_key', 'change_seq', 'last_seen_ms')")),
            qint64(0));
        QSqlQuery insert(database.connection());
        QVERIFY(insert.prepare(QStringLiteral(
            "INSERT INTO patient(uuid, number, last_name, first_name, father_name, birth_date, sex, phone,"
            " created_at, updated_at, created_by) VALUES(?, ?, ?, ?, ?, ?, 1, ?, '2024-01-02T03:04:05.006Z',"
            " '2024-01-02T03:04:05.006Z', 'admin')")));
        const QList<QStringList> rows = {
            {QStringLiteral("0190a000-0000-7000-8000-000000000001"), QStringLiteral("ABC-00001"),
             QStringLiteral("Каримов"), QStringLiteral("Алишер"), QStringLiteral(""),
             QStringLiteral("1990-05-14"), QStringLiteral("+998901112233")},
            {QStringLiteral("0190a000-0000-7000-8000-000000000002"), QStringLiteral("ABC-00007"),
             QStringLiteral("Oʻktamova"), QStringLiteral("Dilnoza"), QStringLiteral("Rustamovna"),
             QStringLiteral("1975-11-30"), QStringLiteral("+998935556677")},
            {QStringLiteral("0190a000-0000-7000-8000-000000000003"), QStringLiteral("XYZ-00003"),
             QStringLiteral("Ivanov"), QStringLiteral("Pyotr"), QStringLiteral("Sergeyevich"), QString(),
             QStringLiteral("")},
        };
        for (const QStringList &row : rows) {
            for (int i = 0; i < row.size(); ++i)
                insert.bindValue(i, row[i]);
            if (row[5].isEmpty())
                insert.bindValue(5, QVariant()); // unknown birth date
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        }
    }

    Database database;
    QVERIFY2(database.open(file), qPrintable(database.lastError().message));
    QCOMPARE(database.schemaVersion(), Database::currentSchemaVersion());
    PatientStore store(database);
    QCOMPARE(store.count(), qint64(3));

    // Rows survive with their data; keys and change sequence are back-filled.
    const std::optional<Patient> karimov = store.get(1);
    QVERIFY(karimov);
    QCOMPARE(karimov->lastName, QStringLiteral("Каримов"));
    QCOMPARE(karimov->number, QStringLiteral("ABC-00001"));
    QCOMPARE(karimov->birthDate, QDate(1990, 5, 14));
    QCOMPARE(karimov->phone, QStringLiteral("+998901112233"));
    QCOMPARE(karimov->createdAt, QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 6), Qt::UTC));
    QCOMPARE(karimov->id, QUuid::fromString(QStringLiteral("0190a000-0000-7000-8000-000000000001")));
    const std::optional<Patient> ivanov = store.get(3);
    QVERIFY(ivanov);
    QVERIFY(!ivanov->birthDate.isValid());

    QSqlQuery keys(database.connection());
    QVERIFY(keys.exec(QStringLiteral("SELECT rowid, name_key, change_seq FROM patient ORDER BY rowid")));
    QList<qint64> changeSeqs;
    QStringList nameKeys;
    while (keys.next()) {
        nameKeys << keys.value(1).toString();
        changeSeqs << keys.value(2).toLongLong();
    }
    QCOMPARE(nameKeys, QStringList({NameNormalizer::searchKey(QStringLiteral("Karimov Alisher")),
                                    NameNormalizer::searchKey(QStringLiteral("Oʻktamova Dilnoza Rustamovna")),
                                    NameNormalizer::searchKey(QStringLiteral("Ivanov Pyotr Sergeyevich"))}));
    QCOMPARE(nameKeys.first(), QStringLiteral("karimov alisher"));
    QCOMPARE(changeSeqs, QList<qint64>({1, 2, 3}));
    QCOMPARE(store.changeSeq(), qint64(3));
    // Numbers continue above every number already in the file.
    QCOMPARE(database.meta(QStringLiteral("next_patient_seq")), QStringLiteral("8"));
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(database.identity()).hasMatch());
    QVERIFY(PatientNumber::isValidPrefix(database.meta(QStringLiteral("device_prefix"))));
    QCOMPARE(scalar(database, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                             " AND name IN ('patient_change_seq', 'patient_name_birth',"
                                             " 'patient_phone')")),
             qint64(3));

    // The migrated file works like a fresh one.
    Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
    patient.fatherName.clear();
    patient.birthDate = QDate(1990, 5, 14);
    QCOMPARE(store.findDuplicates(patient).size(), 1);
    QVERIFY(store.insert(patient));
    QVERIFY(patient.number.endsWith(QStringLiteral("-00008")));
    QCOMPARE(store.changeSeq(), qint64(4));
}

void TestDatabase::migratesVersion2FileAndQueuesItsPatients()
{
    const QString file = path(QStringLiteral("medora.db"));
    std::vector<Patient> patients;
    {
        Database database;
        QVERIFY2(database.openAtSchemaVersionForTest(file, 2), qPrintable(database.lastError().message));
        QCOMPARE(scalar(database, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'outbox'")),
                 qint64(0));
        PatientStore store(database);
        for (int i = 0; i < 5; ++i)
            patients.push_back(samplePatient(QStringLiteral("Familiya%1").arg(i), QStringLiteral("Ism")));
        // Version 2 has no outbox: the rows are inserted the way that version wrote them.
        QSqlQuery insert(database.connection());
        QVERIFY(insert.prepare(
            QStringLiteral("INSERT INTO patient(uuid, number, last_name, first_name, created_at,"
                           " updated_at, name_key, change_seq) VALUES(?, ?, ?, ?,"
                           " '2024-01-02T03:04:05.006Z', '2024-01-02T03:04:05.006Z', ?, ?)")));
        for (int i = 0; i < 5; ++i) {
            insert.addBindValue(QStringLiteral("0190a000-0000-7000-8000-00000000000%1").arg(i));
            insert.addBindValue(QStringLiteral("ABC-0000%1").arg(i + 1));
            insert.addBindValue(patients[size_t(i)].lastName);
            insert.addBindValue(patients[size_t(i)].firstName);
            insert.addBindValue(PatientStore::nameKey(patients[size_t(i)].lastName,
                                                      patients[size_t(i)].firstName, QString()));
            insert.addBindValue(i + 1);
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        }
    }
    Database database;
    QVERIFY2(database.open(file), qPrintable(database.lastError().message));
    QCOMPARE(database.schemaVersion(), 4);
    QCOMPARE(PatientStore(database).count(), qint64(5));
    for (const QString &table : {QStringLiteral("visit"), QStringLiteral("report"), QStringLiteral("payment"),
                                 QStringLiteral("outbox"), QStringLiteral("sync_conflict")})
        QCOMPARE(scalar(database,
                        QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = '%1'").arg(table)),
                 qint64(1));
    // Patients registered before sync existed wait for their first push, as one bulk entry.
    QCOMPARE(scalar(database, QStringLiteral("SELECT count(*) FROM outbox")), qint64(1));
    QSqlQuery range(database.connection());
    QVERIFY(range.exec(QStringLiteral("SELECT local_id, range_last FROM outbox")) && range.next());
    QCOMPARE(range.value(0).toLongLong(), qint64(1));
    QCOMPARE(range.value(1).toLongLong(), qint64(5));
    QCOMPARE(scalar(database, QStringLiteral("SELECT pending_rows FROM outbox_counter")), qint64(5));
    QCOMPARE(database.meta(QStringLiteral("sync.cursor")), QStringLiteral("0"));
}

void TestDatabase::nestedTransactionsUndoOnlyTheirPart()
{
    Database database;
    QVERIFY(database.open(path(QStringLiteral("medora.db"))));
    QVERIFY(!database.inTransaction());
    QVERIFY(database.begin());
    QVERIFY(database.setMeta(QStringLiteral("outer"), QStringLiteral("1")));
    QVERIFY(database.begin());
    QVERIFY(database.inTransaction());
    QVERIFY(database.setMeta(QStringLiteral("inner"), QStringLiteral("1")));
    database.rollback(); // only the inner part
    QVERIFY(database.inTransaction());
    QVERIFY(database.begin());
    QVERIFY(database.setMeta(QStringLiteral("kept"), QStringLiteral("1")));
    QVERIFY(database.commit());
    QVERIFY(database.commit());
    QVERIFY(!database.inTransaction());
    QCOMPARE(database.meta(QStringLiteral("outer")), QStringLiteral("1"));
    QCOMPARE(database.meta(QStringLiteral("inner")), QString());
    QCOMPARE(database.meta(QStringLiteral("kept")), QStringLiteral("1"));

    // Rolling back the outer level undoes the committed inner levels too.
    QVERIFY(database.begin());
    QVERIFY(database.begin());
    QVERIFY(database.setMeta(QStringLiteral("gone"), QStringLiteral("1")));
    QVERIFY(database.commit());
    database.rollback();
    QVERIFY(!database.inTransaction());
    QCOMPARE(database.meta(QStringLiteral("gone")), QString());
}

void TestDatabase::failedMigrationLeavesOldVersion()
{
    const QString file = path(QStringLiteral("medora.db"));
    {
        Database database;
        QVERIFY(database.openAtSchemaVersionForTest(file, 1));
        QSqlQuery query(database.connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO patient(uuid, number, created_at, updated_at)"
                                          " VALUES('u1', 'ABC-00001', 'x', 'x')")));
        // An object in the way of step 2 makes that step fail half-way.
        QVERIFY(query.exec(QStringLiteral("CREATE INDEX patient_phone ON patient(phone)")));
    }
    Database database;
    QVERIFY(!database.open(file));
    QVERIFY(!database.lastError().ok());
    QVERIFY(
        database.lastError().message.contains(QDir::toNativeSeparators(QFileInfo(file).absoluteFilePath())));

    RawConnection raw(file);
    QVERIFY(raw.isOpen());
    QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 1);
    QCOMPARE(
        raw.value(QStringLiteral("SELECT count(*) FROM pragma_table_info('patient') WHERE name = 'name_key'"))
            .toInt(),
        0);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM meta")).toInt(), 0);
    QCOMPARE(raw.value(QStringLiteral("SELECT number FROM patient")).toString(), QStringLiteral("ABC-00001"));
}

void TestDatabase::verifyRefusedUntouched(const QString &file, StoreError::Code expected)
{
    const QByteArray before = fileBytes(file);
    QVERIFY(!before.isEmpty());
    {
        Database database;
        QVERIFY(!database.open(file));
        QVERIFY(!database.isOpen());
        QCOMPARE(int(database.lastError().code), int(expected));
        QVERIFY2(database.lastError().message.contains(
                     QDir::toNativeSeparators(QFileInfo(file).absoluteFilePath())),
                 qPrintable(database.lastError().message));
    }
    QCOMPARE(fileBytes(file), before);
    QVERIFY(!QFileInfo::exists(file + QStringLiteral("-wal")));
    QVERIFY(!QFileInfo::exists(file + QStringLiteral("-shm")));
    QVERIFY(!QFileInfo::exists(file + QStringLiteral("-journal")));
}

void TestDatabase::randomBytesAreNotADatabase()
{
    const QString file = path(QStringLiteral("medora.db"));
    QVERIFY(writeBytes(file, randomBytes(8192)));
    verifyRefusedUntouched(file, StoreError::Code::NotADatabase);

    // Shorter than an SQLite header.
    QVERIFY(writeBytes(file, QByteArrayLiteral("SQLite format 3")));
    verifyRefusedUntouched(file, StoreError::Code::NotADatabase);
}

void TestDatabase::damagedSqliteIsNotADatabase()
{
    // The right magic but nonsense after it: only SQLite itself can tell, and the
    // NOTADB / CORRUPT it reports must be mapped without anything being written.
    const QString file = path(QStringLiteral("medora.db"));
    QByteArray bytes = QByteArray("SQLite format 3", 16) + randomBytes(8192 - 16);
    bytes[16] = 0x10; // page size 4096, so SQLite gets past the header
    bytes[17] = 0x00;
    QVERIFY(writeBytes(file, bytes));
    verifyRefusedUntouched(file, StoreError::Code::NotADatabase);

    // A real database whose schema page has been overwritten.
    const QString damaged = path(QStringLiteral("damaged.db"));
    {
        RawConnection raw(damaged);
        QVERIFY(raw.exec(QStringLiteral("PRAGMA page_size = 4096")));
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE t(x)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO t VALUES (1)")));
    }
    QByteArray valid = fileBytes(damaged);
    QVERIFY(valid.size() >= 8192);
    const QByteArray garbage = randomBytes(4096 - 100);
    valid.replace(100, garbage.size(), garbage);
    QVERIFY(writeBytes(damaged, valid));
    verifyRefusedUntouched(damaged, StoreError::Code::NotADatabase);
}

void TestDatabase::foreignDatabaseIsRefusedUntouched_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("another program's tables")
        << QStringList{QStringLiteral("CREATE TABLE contacts(id INTEGER PRIMARY KEY, name TEXT)"),
                       QStringLiteral("INSERT INTO contacts(name) VALUES ('Someone')")};
    QTest::newRow("another program's application id")
        << QStringList{QStringLiteral("PRAGMA application_id = 1234")};
    QTest::newRow("in WAL mode") << QStringList{QStringLiteral("PRAGMA journal_mode = WAL"),
                                                QStringLiteral("CREATE TABLE things(x)")};
}

void TestDatabase::foreignDatabaseIsRefusedUntouched()
{
    QFETCH(QStringList, statements);
    const QString file = path(QStringLiteral("other.sqlite"));
    {
        RawConnection raw(file);
        QVERIFY(raw.isOpen());
        for (const QString &sql : std::as_const(statements))
            QVERIFY(raw.exec(sql));
    }
    verifyRefusedUntouched(file, StoreError::Code::ForeignDatabase);
}

void TestDatabase::newerSchemaIsRefusedUntouched()
{
    const QString file = path(QStringLiteral("medora.db"));
    {
        Database database;
        QVERIFY(database.open(file));
        PatientStore store(database);
        Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Alisher"));
        QVERIFY(store.insert(patient));
    }
    {
        RawConnection raw(file);
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    verifyRefusedUntouched(file, StoreError::Code::NewerSchema);
}

void TestDatabase::folderProblemsAreReported()
{
    const QString regularFile = path(QStringLiteral("data"));
    QVERIFY(writeBytes(regularFile, "not a folder"));
    {
        Database database;
        QVERIFY(!database.open(regularFile + QStringLiteral("/medora.db")));
        QCOMPARE(int(database.lastError().code), int(StoreError::Code::CannotCreateFolder));
        QVERIFY(database.lastError().message.contains(QDir::toNativeSeparators(regularFile)));
    }
    QCOMPARE(fileBytes(regularFile), QByteArray("not a folder"));
    {
        Database database;
        QVERIFY(!database.open(path(QStringLiteral("missing/deeper/medora.db"))));
        QCOMPARE(int(database.lastError().code), int(StoreError::Code::CannotCreateFolder));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("missing"))));
    }
    {
        // The database path itself is a folder.
        QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("medora.db")));
        Database database;
        QVERIFY(!database.open(path(QStringLiteral("medora.db"))));
        QCOMPARE(int(database.lastError().code), int(StoreError::Code::CannotOpen));
    }
}

void TestDatabase::fullDiskSavesNothing()
{
    const QString file = path(QStringLiteral("medora.db"));
    Database database;
    QVERIFY(database.open(file));
    PatientStore store(database);
    QList<Patient> stored;
    for (int i = 0; i < 5; ++i) {
        Patient patient = samplePatient(QStringLiteral("Karimov"), QStringLiteral("Patient %1").arg(i));
        QVERIFY(store.insert(patient));
        stored << patient;
    }
    const qint64 changeSeq = store.changeSeq();
    const QString nextSeq = database.meta(QStringLiteral("next_patient_seq"));

    // The file may not grow by a single page: the next write that needs one hits SQLITE_FULL.
    const qint64 pages = scalar(database, QStringLiteral("PRAGMA page_count"));
    QCOMPARE(scalar(database, QStringLiteral("PRAGMA max_page_count = %1").arg(pages)), pages);

    Patient big = samplePatient(QStringLiteral("Toshmatov"), QStringLiteral("Big"));
    big.notes = QString(200000, QLatin1Char('n'));
    QVERIFY(!store.insert(big));
    QCOMPARE(int(store.lastError().code), int(StoreError::Code::DiskFull));
    const QString nativeFile = QDir::toNativeSeparators(QFileInfo(file).absoluteFilePath());
    QVERIFY2(store.lastError().message.contains(nativeFile), qPrintable(store.lastError().message));
    QVERIFY(store.lastError().message.contains(QStringLiteral("full")));
    QCOMPARE(big.localId, qint64(0));
    QVERIFY(big.id.isNull());
    QVERIFY(big.number.isEmpty());

    std::vector<Patient> many(3000, samplePatient(QStringLiteral("Import"), QStringLiteral("Row")));
    QVERIFY(!store.insertMany(many));
    QCOMPARE(int(store.lastError().code), int(StoreError::Code::DiskFull));
    QVERIFY(std::all_of(many.begin(), many.end(),
                        [](const Patient &p) { return p.localId == 0 && p.number.isEmpty(); }));

    // Nothing of either write landed; what was there is intact.
    QCOMPARE(store.count(), qint64(5));
    QCOMPARE(scalar(database, QStringLiteral("SELECT count(*) FROM patient")), qint64(5));
    QCOMPARE(store.changeSeq(), changeSeq);
    QCOMPARE(database.meta(QStringLiteral("next_patient_seq")), nextSeq);
    std::vector<qint64> ids;
    for (const Patient &patient : std::as_const(stored))
        ids.push_back(patient.localId);
    const QList<Patient> reread = store.getMany(ids);
    QCOMPARE(reread.size(), stored.size());
    for (int i = 0; i < stored.size(); ++i) {
        QCOMPARE(reread[i].number, stored[i].number);
        QCOMPARE(reread[i].firstName, stored[i].firstName);
        QCOMPARE(reread[i].notes, stored[i].notes);
        QCOMPARE(reread[i].updatedAt, stored[i].updatedAt);
    }
    QCOMPARE(pragma(database, QStringLiteral("integrity_check")).toString(), QStringLiteral("ok"));

    // Once space is back, the same patient saves and takes the number that was not used.
    QVERIFY(scalar(database, QStringLiteral("PRAGMA max_page_count = 1000000")) >= 1000000);
    QVERIFY2(store.insert(big), qPrintable(store.lastError().message));
    QVERIFY(big.number.endsWith(QStringLiteral("-%1").arg(nextSeq.toInt(), 5, 10, QLatin1Char('0'))));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
