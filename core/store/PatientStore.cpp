#include "store/PatientStore.h"

#include "store/EncodedPatientRows.h"
#include "store/NativeSqliteStatement.h"
#include "store/Outbox.h"

#include "domain/EntityJson.h"
#include "domain/NameNormalizer.h"
#include "domain/PatientNumber.h"
#include "domain/PhoneNumber.h"
#include "domain/UuidV7.h"

#include <QHash>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QThread>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <iterator>
#include <memory>
#include <mutex>
#include <thread>

namespace medora {

namespace {

const QString kPatientColumns = QStringLiteral(
    "rowid, uuid, number, last_name, first_name, father_name, birth_date, birth_date_estimated, sex, phone,"
    " address, allergies, medications, history, notes, created_at, updated_at, created_by, deleted, revision,"
    " sync_state, last_seen_ms");

// Bound by name: QSqlResult::bindValue(int) formats a ":N" key for every positional
// value, which in a bulk import cost more than SQLite's own work; binding by a prebuilt
// name is only a hash lookup.
const QString kInsertColumns[] = {
    QStringLiteral("uuid"),
    QStringLiteral("number"),
    QStringLiteral("last_name"),
    QStringLiteral("first_name"),
    QStringLiteral("father_name"),
    QStringLiteral("birth_date"),
    QStringLiteral("birth_date_estimated"),
    QStringLiteral("sex"),
    QStringLiteral("phone"),
    QStringLiteral("address"),
    QStringLiteral("allergies"),
    QStringLiteral("medications"),
    QStringLiteral("history"),
    QStringLiteral("notes"),
    QStringLiteral("created_at"),
    QStringLiteral("updated_at"),
    QStringLiteral("created_by"),
    QStringLiteral("deleted"),
    QStringLiteral("revision"),
    QStringLiteral("sync_state"),
    QStringLiteral("name_key"),
    QStringLiteral("last_seen_ms"),
    QStringLiteral("change_seq"),
};
constexpr int kInsertColumnCount = int(std::size(kInsertColumns));
static_assert(kInsertColumnCount == EncodedPatientRows::kColumns, "EncodedPatientRows writes these columns");

struct InsertStatement
{
    QString sql;
    QString placeholders[kInsertColumnCount];
};

const InsertStatement &insertStatement()
{
    static const InsertStatement statement = [] {
        InsertStatement result;
        QStringList columns;
        QStringList values;
        for (int i = 0; i < kInsertColumnCount; ++i) {
            result.placeholders[i] = QLatin1Char(':') + kInsertColumns[i];
            columns << kInsertColumns[i];
            values << result.placeholders[i];
        }
        result.sql = QStringLiteral("INSERT INTO patient(%1) VALUES(%2)")
                         .arg(columns.join(QLatin1String(", ")), values.join(QLatin1String(", ")));
        return result;
    }();
    return statement;
}

const QString kNextPatientSeq = QStringLiteral("next_patient_seq");
const QString kChangeSeq = QStringLiteral("change_seq");
const QString kDevicePrefix = QStringLiteral("device_prefix");

// getMany() reads this many rows per query; well below SQLite's bound-variable limits.
constexpr int kGetManyChunk = 500;

// Text columns are NOT NULL: a null QString would bind as SQL NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant dateValue(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();
}

// ISO 8601 UTC with milliseconds ("2024-05-01T09:30:00.250Z"), written and read by hand:
// QDateTime::toString/fromString cost more than the rest of a bulk insert or a page read.
QString timeText(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    char buffer[24];
    if (EncodedPatientRows::writeTime(time, buffer) == 24)
        return QString::fromLatin1(buffer, 24);
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QVariant &value)
{
    if (value.isNull())
        return QDateTime();
    const QString text = value.toString();
    const auto digits = [&text](int at, int count, int &out) {
        out = 0;
        for (int i = at; i < at + count; ++i) {
            const char16_t c = text[i].unicode();
            if (c < u'0' || c > u'9')
                return false;
            out = out * 10 + (c - u'0');
        }
        return true;
    };
    // The exact shape timeText() writes; anything else goes through Qt's parser.
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millisecond = 0;
    if (text.size() == 24 && text[4] == u'-' && text[7] == u'-' && text[10] == u'T' && text[13] == u':' &&
        text[16] == u':' && text[19] == u'.' && text[23] == u'Z' && digits(0, 4, year) &&
        digits(5, 2, month) && digits(8, 2, day) && digits(11, 2, hour) && digits(14, 2, minute) &&
        digits(17, 2, second) && digits(20, 3, millisecond)) {
        const QDate date(year, month, day);
        const QTime time(hour, minute, second, millisecond);
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

QDateTime nowUtc()
{
    return QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
}

Patient readPatient(const QSqlQuery &query)
{
    Patient patient;
    patient.localId = query.value(0).toLongLong();
    patient.id = QUuid::fromString(query.value(1).toString());
    patient.number = query.value(2).toString();
    patient.lastName = query.value(3).toString();
    patient.firstName = query.value(4).toString();
    patient.fatherName = query.value(5).toString();
    const QVariant birthDate = query.value(6);
    if (!birthDate.isNull())
        patient.birthDate = QDate::fromString(birthDate.toString(), Qt::ISODate);
    patient.birthDateEstimated = query.value(7).toInt() != 0;
    patient.sex = static_cast<Sex>(query.value(8).toInt());
    patient.phone = query.value(9).toString();
    patient.address = query.value(10).toString();
    patient.allergies = query.value(11).toString();
    patient.medications = query.value(12).toString();
    patient.history = query.value(13).toString();
    patient.notes = query.value(14).toString();
    patient.createdAt = parseTime(query.value(15));
    patient.updatedAt = parseTime(query.value(16));
    patient.createdBy = query.value(17).toString();
    patient.deleted = query.value(18).toInt() != 0;
    patient.revision = query.value(19).toLongLong();
    patient.syncState = static_cast<SyncState>(query.value(20).toInt());
    const QVariant lastSeen = query.value(21);
    if (!lastSeen.isNull())
        patient.lastSeenAt = QDateTime::fromMSecsSinceEpoch(lastSeen.toLongLong(), Qt::UTC);
    return patient;
}

// The counters of the meta table, read once per transaction and written back with it.
struct Counters
{
    QString devicePrefix;
    qint64 nextPatientSeq = 1;
    qint64 changeSeq = 0;
};

// What insert assigned to a caller's patient, so a failed bulk insert can hand the
// patients back as they came in (a number issued by a rolled-back transaction must not
// stick, or it would clash with the next one issued).
struct Assigned
{
    enum : quint8
    {
        Id = 1,
        Number = 2,
        CreatedAt = 4,
        UpdatedAt = 8,
        LastSeenAt = 16
    };
    qint64 localId = 0;
    SyncState syncState = SyncState::New;
    quint8 fields = 0;
};

Assigned assignNew(Patient &patient, Counters &counters, const QDateTime &now)
{
    Assigned assigned{patient.localId, patient.syncState, 0};
    if (patient.id.isNull()) {
        patient.id = UuidV7::generate();
        assigned.fields |= Assigned::Id;
    }
    if (patient.number.isEmpty()) {
        patient.number = PatientNumber::format(counters.devicePrefix, counters.nextPatientSeq++);
        assigned.fields |= Assigned::Number;
    } else if (patient.number.startsWith(counters.devicePrefix + QLatin1Char('-'))) {
        // An imported number in our own series: keep issuing above it.
        bool ok = false;
        const qint64 sequence = patient.number.mid(counters.devicePrefix.size() + 1).toLongLong(&ok);
        if (ok)
            counters.nextPatientSeq = std::max(counters.nextPatientSeq, sequence + 1);
    }
    const auto stamp = [&](QDateTime &time, quint8 flag) {
        if (time.isValid()) {
            time = time.toUTC();
        } else {
            time = now;
            assigned.fields |= flag;
        }
    };
    stamp(patient.createdAt, Assigned::CreatedAt);
    stamp(patient.updatedAt, Assigned::UpdatedAt);
    stamp(patient.lastSeenAt, Assigned::LastSeenAt);
    patient.syncState = SyncState::New;
    return assigned;
}

void undoAssigned(Patient &patient, const Assigned &assigned)
{
    patient.localId = assigned.localId;
    patient.syncState = assigned.syncState;
    if (assigned.fields & Assigned::Id)
        patient.id = QUuid();
    if (assigned.fields & Assigned::Number)
        patient.number.clear();
    if (assigned.fields & Assigned::CreatedAt)
        patient.createdAt = QDateTime();
    if (assigned.fields & Assigned::UpdatedAt)
        patient.updatedAt = QDateTime();
    if (assigned.fields & Assigned::LastSeenAt)
        patient.lastSeenAt = QDateTime();
}

void bindInsert(QSqlQuery &query, const Patient &patient, qint64 changeSeq)
{
    const QString(&name)[kInsertColumnCount] = insertStatement().placeholders;
    int i = 0;
    query.bindValue(name[i++], patient.id.toString(QUuid::WithoutBraces));
    query.bindValue(name[i++], patient.number);
    query.bindValue(name[i++], text(patient.lastName));
    query.bindValue(name[i++], text(patient.firstName));
    query.bindValue(name[i++], text(patient.fatherName));
    query.bindValue(name[i++], dateValue(patient.birthDate));
    query.bindValue(name[i++], patient.birthDateEstimated ? 1 : 0);
    query.bindValue(name[i++], static_cast<int>(patient.sex));
    query.bindValue(name[i++], text(patient.phone));
    query.bindValue(name[i++], text(patient.address));
    query.bindValue(name[i++], text(patient.allergies));
    query.bindValue(name[i++], text(patient.medications));
    query.bindValue(name[i++], text(patient.history));
    query.bindValue(name[i++], text(patient.notes));
    query.bindValue(name[i++], timeText(patient.createdAt));
    query.bindValue(name[i++], timeText(patient.updatedAt));
    query.bindValue(name[i++], text(patient.createdBy));
    query.bindValue(name[i++], patient.deleted ? 1 : 0);
    query.bindValue(name[i++], patient.revision);
    query.bindValue(name[i++], static_cast<int>(patient.syncState));
    query.bindValue(name[i++],
                    PatientStore::nameKey(patient.lastName, patient.firstName, patient.fatherName));
    query.bindValue(name[i++], patient.lastSeenAt.toMSecsSinceEpoch());
    query.bindValue(name[i++], changeSeq);
    Q_ASSERT(i == kInsertColumnCount);
}

} // namespace

PatientStore::PatientStore(Database &database) : m_database(database) {}

QString PatientStore::nameKey(const QString &lastName, const QString &firstName, const QString &fatherName)
{
    // searchKey() collapses white space, so empty parts leave no trace.
    QString fullName;
    fullName.reserve(lastName.size() + firstName.size() + fatherName.size() + 2);
    fullName.append(lastName)
        .append(QLatin1Char(' '))
        .append(firstName)
        .append(QLatin1Char(' '))
        .append(fatherName);
    return NameNormalizer::searchKey(fullName);
}

// Reads the meta counters inside the caller's transaction.
static bool loadCounters(Database &database, Counters &counters)
{
    const QString prefix = database.meta(kDevicePrefix);
    const QString next = database.meta(kNextPatientSeq);
    const QString change = database.meta(kChangeSeq);
    if (!database.lastError().ok())
        return false;
    bool nextOk = false;
    bool changeOk = false;
    counters.devicePrefix = prefix;
    counters.nextPatientSeq = next.toLongLong(&nextOk);
    counters.changeSeq = change.toLongLong(&changeOk);
    if (prefix.isEmpty() || !nextOk || !changeOk) {
        database.setError(
            StoreError::Code::Other,
            PatientStore::tr("The counters in %1 are missing or damaged; patients cannot be numbered.")
                .arg(database.filePath()));
        return false;
    }
    return true;
}

// Drops the patient table's own (named) indexes when `incoming` rows will at least match
// the rows already there, and hands back their CREATE statements. Read from the schema,
// so this stays right whatever a later migration adds; constraint indexes (UNIQUE) have
// no statement and stay.
static bool dropIndexesForBulk(Database &database, qint64 incoming, QStringList *createStatements)
{
    const QString what = PatientStore::tr("import the patients");
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT coalesce(max(rowid), 0) FROM patient")) || !query.next()) {
        database.fail(query.lastError(), what);
        return false;
    }
    if (incoming < query.value(0).toLongLong())
        return true;
    if (!query.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                                   "'patient' AND sql IS NOT NULL"))) {
        database.fail(query.lastError(), what);
        return false;
    }
    QStringList names;
    while (query.next()) {
        names << query.value(0).toString();
        createStatements->append(query.value(1).toString());
    }
    query.finish();
    for (const QString &name : std::as_const(names)) {
        if (!query.exec(QStringLiteral("DROP INDEX \"%1\"").arg(name))) {
            database.fail(query.lastError(), what);
            return false;
        }
    }
    return true;
}

// Prepares the rows (ids, numbers, times, name keys, UTF-8 text) on a second thread while
// this one only binds them and steps SQLite, which is the longer half; batches go through
// a short queue, so the two overlap without holding more than a few batches in memory.
// `assigned` is filled for every patient prepared, for the caller's undo on failure.
static bool insertPipelined(NativeSqliteStatement &native, std::vector<Patient> &patients, Counters &counters,
                            std::vector<Assigned> &assigned, const QDateTime &now)
{
    constexpr size_t kBatchRows = 1024;
    constexpr int kBatchesInFlight = 4;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::unique_ptr<EncodedPatientRows>> ready;
    std::deque<std::unique_ptr<EncodedPatientRows>> spare;
    bool stop = false;
    for (int i = 0; i < kBatchesInFlight; ++i)
        spare.push_back(std::make_unique<EncodedPatientRows>());

    std::thread producer([&] {
        for (size_t first = 0; first < patients.size(); first += kBatchRows) {
            std::unique_ptr<EncodedPatientRows> batch;
            {
                std::unique_lock<std::mutex> lock(mutex);
                changed.wait(lock, [&] { return stop || !spare.empty(); });
                if (stop)
                    return;
                batch = std::move(spare.front());
                spare.pop_front();
            }
            batch->clear();
            const size_t end = std::min(patients.size(), first + kBatchRows);
            for (size_t i = first; i < end; ++i) {
                Patient &patient = patients[i];
                assigned.push_back(assignNew(patient, counters, now));
                batch->append(patient,
                              PatientStore::nameKey(patient.lastName, patient.firstName, patient.fatherName),
                              ++counters.changeSeq);
            }
            {
                std::lock_guard<std::mutex> lock(mutex);
                ready.push_back(std::move(batch));
            }
            changed.notify_all();
        }
    });

    bool ok = true;
    size_t next = 0;
    while (ok && next < patients.size()) {
        std::unique_ptr<EncodedPatientRows> batch;
        {
            std::unique_lock<std::mutex> lock(mutex);
            changed.wait(lock, [&] { return !ready.empty(); });
            batch = std::move(ready.front());
            ready.pop_front();
        }
        for (size_t row = 0; row < batch->size(); ++row, ++next) {
            batch->bind(row, native);
            if (!native.execute()) {
                ok = false;
                break;
            }
            patients[next].localId = native.lastInsertRowId();
        }
        {
            std::lock_guard<std::mutex> lock(mutex);
            spare.push_back(std::move(batch));
            stop = !ok;
        }
        changed.notify_all();
    }
    producer.join();
    return ok;
}

// True when the table already holds more rows than `incoming` (or cannot be read: then
// the caller keeps its usual path).
static bool tableOutgrows(Database &database, qint64 incoming)
{
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT coalesce(max(rowid), 0) FROM patient")) || !query.next())
        return true;
    return incoming < query.value(0).toLongLong();
}

static bool saveCounters(Database &database, const Counters &counters)
{
    return database.setMeta(kNextPatientSeq, QString::number(counters.nextPatientSeq)) &&
           database.setMeta(kChangeSeq, QString::number(counters.changeSeq));
}

bool PatientStore::insert(Patient &patient)
{
    std::vector<Patient> one{patient};
    if (!insertMany(one))
        return false;
    patient = one.front();
    return true;
}

bool PatientStore::insertMany(std::vector<Patient> &patients)
{
    m_database.clearError();
    if (!m_database.isOpen()) {
        m_database.setError(StoreError::Code::Other, tr("The patient database is not open."));
        return false;
    }
    if (patients.empty())
        return true;
    const QString what = patients.size() == 1 ? tr("save the patient") : tr("import the patients");

    // A large import into a table it at least doubles (a first import, above all) runs
    // under a rollback journal: every new page is then written once, into the file,
    // instead of into the WAL and again by the checkpoint. Just as atomic and crash-safe.
    const bool bulk = patients.size() >= kBulkImportRows;
    const bool bulkJournal =
        bulk && !tableOutgrows(m_database, qint64(patients.size())) && m_database.beginBulkJournal();
    const auto restoreJournal = qScopeGuard([&] {
        if (bulkJournal)
            m_database.endBulkJournal();
    });

    if (!m_database.begin())
        return false;
    std::vector<Assigned> assigned;
    assigned.reserve(patients.size());
    const auto abandon = [&] {
        m_database.rollback();
        for (size_t i = 0; i < assigned.size(); ++i)
            undoAssigned(patients[i], assigned[i]);
        return false;
    };

    Counters counters;
    if (!loadCounters(m_database, counters))
        return abandon();
    // Numbers of our own series that the batch brings along must never be issued again to
    // the batch's rows without a number, wherever in the batch they stand.
    const QString ownSeries = counters.devicePrefix + QLatin1Char('-');
    for (const Patient &patient : patients) {
        if (!patient.number.startsWith(ownSeries))
            continue;
        bool ok = false;
        const qint64 sequence = patient.number.mid(ownSeries.size()).toLongLong(&ok);
        if (ok)
            counters.nextPatientSeq = std::max(counters.nextPatientSeq, sequence + 1);
    }
    const qint64 firstChangeSeq = counters.changeSeq + 1;

    // A large import runs with a bigger page cache and, when it at least doubles the
    // table, without the secondary indexes, which are rebuilt at the end: one sort per
    // index instead of a random B-tree insert per row. All of it is inside the
    // transaction, so a failure rolls the indexes back too.
    if (bulk) {
        m_database.setCacheSizeKiB(Database::kBulkCacheSizeKiB);
        // Rebuilding the dropped indexes is a sort; SQLite can spread it over the cores.
        QSqlQuery(m_database.connection())
            .exec(QStringLiteral("PRAGMA threads = %1").arg(std::clamp(QThread::idealThreadCount(), 1, 4)));
    }
    const auto restoreCache = qScopeGuard([&] {
        if (bulk) {
            m_database.setCacheSizeKiB(Database::kCacheSizeKiB);
            QSqlQuery(m_database.connection()).exec(QStringLiteral("PRAGMA threads = 0"));
        }
    });
    QStringList indexesToRebuild;
    if (bulk && !dropIndexesForBulk(m_database, qint64(patients.size()), &indexesToRebuild))
        return abandon();

    {
        // One prepared statement for the whole batch: re-binding is far cheaper than
        // re-preparing, and the meta counters are written once at the end.
        QSqlQuery query(m_database.connection());
        const QDateTime now = nowUtc();
        NativeSqliteStatement native(m_database.connection(), bulk ? insertStatement().sql : QString());
        if (native.isValid()) {
            if (!insertPipelined(native, patients, counters, assigned, now)) {
                m_database.fail(native.lastError(), what);
                return abandon();
            }
        } else {
            if (!query.prepare(insertStatement().sql)) {
                m_database.fail(query.lastError(), what);
                return abandon();
            }
            for (Patient &patient : patients) {
                assigned.push_back(assignNew(patient, counters, now));
                bindInsert(query, patient, ++counters.changeSeq);
                if (!query.exec()) {
                    m_database.fail(query.lastError(), what);
                    return abandon();
                }
                patient.localId = query.lastInsertId().toLongLong();
            }
            query.finish();
        }
        for (const QString &sql : std::as_const(indexesToRebuild)) {
            if (!query.exec(sql)) {
                m_database.fail(query.lastError(), what);
                return abandon();
            }
        }
    }

    if (!queueInserted(patients) || !saveCounters(m_database, counters) || !m_database.commit())
        return abandon();
    m_lastInsertSeqs = {firstChangeSeq, counters.changeSeq};
    return true;
}

bool PatientStore::queueInserted(const std::vector<Patient> &patients)
{
    Outbox outbox(m_database);
    if (patients.size() == 1)
        return outbox.recordUpsert(EntityKind::Patient, patients.front().localId, patients.front().id);
    // One entry for the whole import (SyncJournal::takeBatch expands it as it pushes), so a
    // million-row import writes one outbox row, not a million. The rowids are one run: the
    // rows were appended by the only writer, in one transaction.
    const qint64 first = patients.front().localId;
    const qint64 last = patients.back().localId;
    if (last - first + 1 == qint64(patients.size()))
        return outbox.recordRange(EntityKind::Patient, first, last);
    for (const Patient &patient : patients) {
        if (!outbox.recordUpsert(EntityKind::Patient, patient.localId, patient.id))
            return false;
    }
    return true;
}

bool PatientStore::loadStateAfterEdit(qint64 localId, const QString &what, SyncState *state)
{
    QSqlQuery select(m_database.connection());
    select.prepare(QStringLiteral("SELECT sync_state FROM patient WHERE rowid = ?"));
    select.addBindValue(localId);
    if (!select.exec()) {
        m_database.fail(select.lastError(), what);
        return false;
    }
    if (!select.next()) {
        m_database.setError(StoreError::Code::NotFound,
                            tr("Patient record %1 is not in %2.").arg(localId).arg(m_database.filePath()));
        return false;
    }
    *state = Outbox::stateAfterLocalEdit(static_cast<SyncState>(select.value(0).toInt()));
    return true;
}

bool PatientStore::changeOneRow(const std::function<bool(qint64 changeSeq)> &write)
{
    m_database.clearError();
    if (!m_database.begin())
        return false;
    Counters counters;
    // rollback() leaves lastError() alone, so the reason of the failure survives it.
    if (!loadCounters(m_database, counters) || !write(counters.changeSeq + 1) ||
        !m_database.setMeta(kChangeSeq, QString::number(counters.changeSeq + 1)) || !m_database.commit()) {
        m_database.rollback();
        return false;
    }
    return true;
}

QStringList PatientStore::changedFields(const Patient &before, const Patient &after)
{
    const QJsonObject old = EntityJson::toJson(before);
    const QJsonObject now = EntityJson::toJson(after);
    QStringList changed;
    for (const QString &field : EntityJson::patientMergeFields()) {
        if (old.value(field) != now.value(field))
            changed.append(field);
    }
    return changed;
}

bool PatientStore::update(Patient &patient)
{
    const QString what = tr("save the patient");
    SyncState state = SyncState::New;
    const QDateTime now = nowUtc();
    const bool saved = changeOneRow([&](qint64 changeSeq) {
        const std::optional<Patient> stored = get(patient.localId);
        if (!stored) {
            if (m_database.lastError().ok())
                m_database.setError(
                    StoreError::Code::NotFound,
                    tr("Patient record %1 is not in %2.").arg(patient.localId).arg(m_database.filePath()));
            return false;
        }
        // Only what the user changed goes to the server, so that it merges field by field
        // with edits made elsewhere; a save that changed nothing leaves the sync state alone.
        const QStringList changed = changedFields(*stored, patient);
        if (changed.isEmpty()) {
            state = stored->syncState;
        } else {
            state = Outbox::stateAfterLocalEdit(stored->syncState);
            if (!Outbox(m_database).recordUpsert(EntityKind::Patient, patient.localId, stored->id, changed))
                return false;
        }
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral(
            "UPDATE patient SET last_name = ?, first_name = ?, father_name = ?, birth_date = ?,"
            " birth_date_estimated = ?, sex = ?, phone = ?, address = ?, allergies = ?, medications = ?,"
            " history = ?, notes = ?, updated_at = ?, sync_state = ?, name_key = ?, change_seq = ? WHERE "
            "rowid = ?"));
        query.addBindValue(text(patient.lastName));
        query.addBindValue(text(patient.firstName));
        query.addBindValue(text(patient.fatherName));
        query.addBindValue(dateValue(patient.birthDate));
        query.addBindValue(patient.birthDateEstimated ? 1 : 0);
        query.addBindValue(static_cast<int>(patient.sex));
        query.addBindValue(text(patient.phone));
        query.addBindValue(text(patient.address));
        query.addBindValue(text(patient.allergies));
        query.addBindValue(text(patient.medications));
        query.addBindValue(text(patient.history));
        query.addBindValue(text(patient.notes));
        query.addBindValue(timeText(now));
        query.addBindValue(static_cast<int>(state));
        query.addBindValue(nameKey(patient.lastName, patient.firstName, patient.fatherName));
        query.addBindValue(changeSeq);
        query.addBindValue(patient.localId);
        if (!query.exec()) {
            m_database.fail(query.lastError(), what);
            return false;
        }
        return true;
    });
    if (!saved)
        return false;
    patient.updatedAt = now;
    patient.syncState = state;
    return true;
}

bool PatientStore::remove(qint64 localId)
{
    const QString what = tr("delete the patient");
    return changeOneRow([&](qint64 changeSeq) {
        SyncState state = SyncState::New;
        if (!loadStateAfterEdit(localId, what, &state))
            return false;
        const std::optional<Patient> stored = get(localId);
        if (!stored)
            return false;
        // A second remove of a tombstone has nothing new to tell the server.
        if (stored->deleted)
            state = stored->syncState;
        else if (!Outbox(m_database).recordDelete(EntityKind::Patient, localId, stored->id, stored->revision))
            return false;
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("UPDATE patient SET deleted = 1, updated_at = ?, sync_state = ?, "
                                     "change_seq = ? WHERE rowid = ?"));
        query.addBindValue(timeText(nowUtc()));
        query.addBindValue(static_cast<int>(state));
        query.addBindValue(changeSeq);
        query.addBindValue(localId);
        if (!query.exec()) {
            m_database.fail(query.lastError(), what);
            return false;
        }
        return true;
    });
}

bool PatientStore::markSeen(qint64 localId)
{
    const QString what = tr("save when the patient was seen");
    return changeOneRow([&](qint64 changeSeq) {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("UPDATE patient SET last_seen_ms = ?, change_seq = ? WHERE rowid = ?"));
        query.addBindValue(QDateTime::currentMSecsSinceEpoch());
        query.addBindValue(changeSeq);
        query.addBindValue(localId);
        if (!query.exec()) {
            m_database.fail(query.lastError(), what);
            return false;
        }
        if (query.numRowsAffected() != 1) {
            m_database.setError(
                StoreError::Code::NotFound,
                tr("Patient record %1 is not in %2.").arg(localId).arg(m_database.filePath()));
            return false;
        }
        return true;
    });
}

std::optional<Patient> PatientStore::get(qint64 localId) const
{
    m_database.clearError();
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM patient WHERE rowid = ?").arg(kPatientColumns));
    query.addBindValue(localId);
    if (!query.exec()) {
        m_database.fail(query.lastError(), tr("read the patient"));
        return std::nullopt;
    }
    if (!query.next()) {
        if (query.lastError().isValid())
            m_database.fail(query.lastError(), tr("read the patient"));
        return std::nullopt;
    }
    return readPatient(query);
}

QList<Patient> PatientStore::getMany(const std::vector<qint64> &localIds) const
{
    m_database.clearError();
    QHash<qint64, Patient> found;
    found.reserve(static_cast<qsizetype>(localIds.size()));
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    for (size_t start = 0; start < localIds.size(); start += kGetManyChunk) {
        const size_t end = std::min(localIds.size(), start + kGetManyChunk);
        // Integers only, so writing them into the statement is safe and saves binding.
        QStringList ids;
        ids.reserve(static_cast<qsizetype>(end - start));
        for (size_t i = start; i < end; ++i)
            ids.append(QString::number(localIds[i]));
        if (!query.exec(QStringLiteral("SELECT %1 FROM patient WHERE rowid IN (%2)")
                            .arg(kPatientColumns, ids.join(QLatin1Char(','))))) {
            m_database.fail(query.lastError(), tr("read the patients"));
            return {};
        }
        while (query.next()) {
            Patient patient = readPatient(query);
            found.insert(patient.localId, patient);
        }
        if (query.lastError().isValid()) {
            m_database.fail(query.lastError(), tr("read the patients"));
            return {};
        }
    }

    QList<Patient> result;
    result.reserve(static_cast<qsizetype>(localIds.size()));
    for (qint64 localId : localIds) {
        const auto it = found.constFind(localId);
        if (it != found.constEnd())
            result.append(it.value());
    }
    return result;
}

QList<Patient> PatientStore::findDuplicates(const Patient &patient, int limit) const
{
    m_database.clearError();
    const QString key = nameKey(patient.lastName, patient.firstName, patient.fatherName);
    QString phone = PhoneNumber::toE164(patient.phone);
    if (phone.isEmpty())
        phone = patient.phone.trimmed();

    QStringList conditions;
    QVariantList values;
    if (!key.isEmpty()) {
        if (patient.birthDate.isValid()) {
            conditions.append(QStringLiteral("(name_key = ? AND birth_date = ?)"));
            values << key << dateValue(patient.birthDate);
        } else {
            conditions.append(QStringLiteral("name_key = ?"));
            values << key;
        }
    }
    if (!phone.isEmpty()) {
        conditions.append(QStringLiteral("phone = ?"));
        values << phone;
    }
    if (conditions.isEmpty() || limit <= 0)
        return {};

    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM patient WHERE deleted = 0 AND rowid <> ? AND (%2)"
                                 " ORDER BY last_seen_ms DESC, rowid DESC LIMIT ?")
                      .arg(kPatientColumns, conditions.join(QLatin1String(" OR "))));
    query.addBindValue(patient.localId);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    query.addBindValue(limit);
    if (!query.exec()) {
        m_database.fail(query.lastError(), tr("look for duplicate patients"));
        return {};
    }
    QList<Patient> result;
    while (query.next())
        result.append(readPatient(query));
    if (query.lastError().isValid()) {
        m_database.fail(query.lastError(), tr("look for duplicate patients"));
        return {};
    }
    return result;
}

qint64 PatientStore::count() const
{
    m_database.clearError();
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM patient WHERE deleted = 0")) || !query.next()) {
        m_database.fail(query.lastError(), tr("count the patients"));
        return 0;
    }
    return query.value(0).toLongLong();
}

qint64 PatientStore::changeSeq() const
{
    m_database.clearError();
    return m_database.meta(kChangeSeq, QStringLiteral("0")).toLongLong();
}

bool PatientStore::forEachChangedSince(
    qint64 sinceSeq, const std::function<void(const Patient &, qint64 changeSeq)> &visit) const
{
    m_database.clearError();
    QSqlQuery query(m_database.connection());
    // Forward-only: SQLite steps through the rows and Qt keeps none of them, so a
    // million-row catch-up runs in constant memory.
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT rowid, number, last_name, first_name, father_name, phone, last_seen_ms,"
                       " deleted, change_seq FROM patient WHERE change_seq > ? ORDER BY change_seq"));
    query.addBindValue(sinceSeq);
    if (!query.exec()) {
        m_database.fail(query.lastError(), tr("read the changed patients"));
        return false;
    }
    Patient patient;
    while (query.next()) {
        patient.localId = query.value(0).toLongLong();
        patient.number = query.value(1).toString();
        patient.lastName = query.value(2).toString();
        patient.firstName = query.value(3).toString();
        patient.fatherName = query.value(4).toString();
        patient.phone = query.value(5).toString();
        const QVariant lastSeen = query.value(6);
        patient.lastSeenAt =
            lastSeen.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(lastSeen.toLongLong(), Qt::UTC);
        patient.deleted = query.value(7).toInt() != 0;
        visit(patient, query.value(8).toLongLong());
    }
    if (query.lastError().isValid()) {
        m_database.fail(query.lastError(), tr("read the changed patients"));
        return false;
    }
    return true;
}

} // namespace medora
