// Sync journal benchmark: how fast pulled pages are applied to the local store, and what
// the sync status costs with a large registry cached. Prints plain lines.
//
//   bench_syncjournal [--records N] [--patients M] [--dir D] [--keep]
//
// [1] N pulled patients in pages of 1000 into an empty store (target >= 20,000 records/s)
// [2] N pulled reports in pages of 1000 (same target)
// [3] N pulled patient changes (a second revision of each) over the rows of [1]
// [4] counts() + cursor() with M patients cached: right after a bulk import (one range
//     entry waiting), with 10,000 single ops waiting, and with everything synced
//     (target well under 5 ms)
// [5] the client's share of a push: 10,000 offline ops (new patients, edits, visits,
//     payments) taken in batches of 100 and the server's "applied" answers stored, without
//     the network; the whole push target is >= 5,000 ops/s, so this must be well above it

#include "RegistryGenerator.h"
#include "domain/EntityJson.h"
#include "domain/UuidV7.h"
#include "store/Database.h"
#include "store/PatientStore.h"
#include "store/PaymentStore.h"
#include "store/SyncJournal.h"
#include "store/VisitStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

#ifdef Q_OS_UNIX
#include <time.h>
#endif

using namespace medora;

namespace {

constexpr int kPageSize = 1000;
constexpr double kPullTargetPerSecond = 20000.0;
constexpr double kStatusTargetMs = 5.0;
const QString kDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");

void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

QString loadLine()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2);
}

SyncRecord record(EntityKind entity, const QUuid &id, qint64 revision, qint64 sequence,
                  const QJsonObject &data)
{
    SyncRecord r;
    r.entity = entity;
    r.id = id;
    r.revision = revision;
    r.sequence = sequence;
    r.updatedAt = QStringLiteral("2026-11-28T06:00:00.000Z");
    r.updatedBy = kDoctor;
    r.data = data;
    return r;
}

Report reportFor(int i)
{
    Report report;
    report.id = UuidV7::generate();
    report.visitId = UuidV7::generate();
    report.patientId = UuidV7::generate();
    report.authorId = kDoctor;
    report.status = i % 3 == 0 ? ReportStatus::Draft : ReportStatus::Signed;
    report.createdAt = QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC).addSecs(i);
    if (report.status == ReportStatus::Signed)
        report.signedAt = report.createdAt.addSecs(900);
    ReportSections &s = report.sections;
    s.complaints = QStringLiteral("Bosh ogʻrigʻi, koʻngil aynishi, %1 kun davomida").arg(i % 9 + 1);
    s.anamnesis = QStringLiteral("Kasallik asta-sekin boshlangan. Avval shunga oʻxshash holat kuzatilmagan.");
    s.vitals = {
        Vital{QStringLiteral("temperature"), QStringLiteral("37.%1").arg(i % 10), QStringLiteral("°C")},
        Vital{QStringLiteral("pulse"), QString::number(60 + i % 40), QStringLiteral("bpm")},
        Vital{QStringLiteral("bp_systolic"), QString::number(110 + i % 40), QStringLiteral("mmHg")},
        Vital{QStringLiteral("bp_diastolic"), QString::number(70 + i % 20), QStringLiteral("mmHg")}};
    s.examination =
        QStringLiteral("Umumiy ahvoli qoniqarli. Tomoq qizargan, bodomsimon bezlar kattalashgan.");
    s.diagnosis = QStringLiteral("Oʻtkir faringit");
    s.icd10 = QStringLiteral("J02.9");
    s.treatmentPlan = QStringLiteral("Koʻp suyuqlik, dam olish, antiseptik chayish 5 kun.");
    s.recommendations = QStringLiteral("5 kundan keyin qayta koʻrik.");
    return report;
}

// CPU time of this thread: on a machine shared with other builds, wall time mostly measures
// the others; both are printed.
qint64 threadCpuNs()
{
#ifdef Q_OS_UNIX
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
#else
    return 0;
#endif
}

struct Rate
{
    double seconds = 0;
    double perSecond = 0;
    double cpuSeconds = 0;
};

Rate applyPages(SyncJournal &journal, const std::vector<SyncRecord> &records, qint64 firstSequence, bool *ok)
{
    QElapsedTimer timer;
    qint64 elapsed = 0;
    qint64 cpu = 0;
    *ok = true;
    for (size_t start = 0; start < records.size(); start += kPageSize) {
        PullPage page;
        const size_t end = std::min(records.size(), start + kPageSize);
        for (size_t i = start; i < end; ++i)
            page.changes.append(records[i]);
        page.next = firstSequence + qint64(end);
        page.hasMore = end < records.size();
        page.serverSequence = firstSequence + qint64(records.size());
        page.databaseId = QStringLiteral("0123456789abcdef0123456789abcdef");
        // Only the application is timed: the page is what the transport hands over.
        const qint64 cpuStart = threadCpuNs();
        timer.start();
        if (!journal.applyPullPage(page)) {
            say(QStringLiteral("applyPullPage failed: %1").arg(journal.lastError().message));
            *ok = false;
            return {};
        }
        elapsed += timer.nsecsElapsed();
        cpu += threadCpuNs() - cpuStart;
    }
    Rate rate;
    rate.seconds = double(elapsed) / 1e9;
    rate.perSecond = double(records.size()) / rate.seconds;
    rate.cpuSeconds = double(cpu) / 1e9;
    return rate;
}

void sayRate(const QString &what, const Rate &rate, qint64 count)
{
    say(QStringLiteral("%1: %2 records in %3 s = %4 records/s (target >= %5): %6; CPU %7 s = %8 records per "
                       "CPU second; load average %9")
            .arg(what)
            .arg(count)
            .arg(rate.seconds, 0, 'f', 2)
            .arg(rate.perSecond, 0, 'f', 0)
            .arg(kPullTargetPerSecond, 0, 'f', 0)
            .arg(rate.perSecond >= kPullTargetPerSecond ? QStringLiteral("PASS") : QStringLiteral("FAIL"))
            .arg(rate.cpuSeconds, 0, 'f', 2)
            .arg(double(count) / rate.cpuSeconds, 0, 'f', 0)
            .arg(loadLine()));
}

void measureStatus(SyncJournal &journal, const QString &state)
{
    constexpr int kCalls = 2000;
    std::vector<double> costs;
    costs.reserve(kCalls);
    QElapsedTimer timer;
    qint64 sink = 0;
    for (int i = 0; i < kCalls; ++i) {
        timer.start();
        const SyncCounts counts = journal.counts();
        sink += journal.cursor() + counts.pendingRows;
        costs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(costs.begin(), costs.end());
    const SyncCounts counts = journal.counts();
    const double p95 = costs[size_t(kCalls * 95 / 100)];
    say(QStringLiteral("[4] counts()+cursor(), %1: median %2 ms, p95 %3 ms, max %4 ms (target < %5 ms): %6"
                       "  [pendingOps %7, pendingRows %8, errors %9]")
            .arg(state)
            .arg(costs[size_t(kCalls / 2)], 0, 'f', 3)
            .arg(p95, 0, 'f', 3)
            .arg(costs.back(), 0, 'f', 3)
            .arg(kStatusTargetMs)
            .arg(p95 < kStatusTargetMs ? QStringLiteral("PASS") : QStringLiteral("FAIL"))
            .arg(counts.pendingOps)
            .arg(counts.pendingRows)
            .arg(counts.errors));
    if (sink == -1)
        say(QString());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption recordsOption(QStringLiteral("records"),
                                           QStringLiteral("Pulled records per kind."), QStringLiteral("N"),
                                           QStringLiteral("100000"));
    const QCommandLineOption patientsOption(QStringLiteral("patients"),
                                            QStringLiteral("Patients cached for the status cost."),
                                            QStringLiteral("M"), QStringLiteral("1000000"));
    const QCommandLineOption dirOption(
        QStringLiteral("dir"), QStringLiteral("Work folder (default: temporary)."), QStringLiteral("D"));
    const QCommandLineOption keepOption(QStringLiteral("keep"), QStringLiteral("Keep the work folder."));
    parser.addOptions({recordsOption, patientsOption, dirOption, keepOption});
    parser.process(app);
    const int records = parser.value(recordsOption).toInt();
    const int patients = parser.value(patientsOption).toInt();

    QTemporaryDir temporary;
    temporary.setAutoRemove(!parser.isSet(keepOption));
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    QDir().mkpath(dir);
    say(QStringLiteral("bench_syncjournal: %1 records per kind, %2 patients cached; load average %3")
            .arg(records)
            .arg(patients)
            .arg(loadLine()));

    // [1] and [3]: patients.
    {
        const QString file = QDir(dir).filePath(QStringLiteral("pull.db"));
        QFile::remove(file);
        Database database;
        if (!database.open(file)) {
            say(database.lastError().message);
            return 1;
        }
        SyncJournal journal(database);
        RegistryGenerator generator(7);
        std::vector<Patient> generated = generator.generate(records);
        std::vector<SyncRecord> pulled;
        pulled.reserve(generated.size());
        for (Patient &patient : generated) {
            patient.id = UuidV7::generate();
            if (patient.createdAt.isValid() == false)
                patient.createdAt = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
            pulled.push_back(record(EntityKind::Patient, patient.id, 1, 0, EntityJson::toJson(patient)));
        }
        {
            // The share of the sync codec (EntityJson) in [1]: decoding alone.
            const qint64 cpuStart = threadCpuNs();
            int decoded = 0;
            for (const SyncRecord &r : pulled) {
                Patient patient;
                decoded += EntityJson::fromJson(r.data, &patient, nullptr) ? 1 : 0;
            }
            say(QStringLiteral("    (decoding alone: %1 of %2 patients in %3 CPU s)")
                    .arg(decoded)
                    .arg(pulled.size())
                    .arg(double(threadCpuNs() - cpuStart) / 1e9, 0, 'f', 2));
        }
        bool ok = false;
        const Rate inserted = applyPages(journal, pulled, 0, &ok);
        if (!ok)
            return 1;
        sayRate(QStringLiteral("[1] pull of new patients (pages of %1)").arg(kPageSize), inserted, records);

        for (size_t i = 0; i < pulled.size(); ++i) {
            pulled[i].revision = 2;
            pulled[i].data.insert(QStringLiteral("notes"), QStringLiteral("Changed on another PC %1").arg(i));
        }
        const Rate updated = applyPages(journal, pulled, records, &ok);
        if (!ok)
            return 1;
        sayRate(QStringLiteral("[3] pull of changed patients (pages of %1)").arg(kPageSize), updated,
                records);
    }

    // [2]: reports.
    {
        const QString file = QDir(dir).filePath(QStringLiteral("reports.db"));
        QFile::remove(file);
        Database database;
        if (!database.open(file)) {
            say(database.lastError().message);
            return 1;
        }
        SyncJournal journal(database);
        std::vector<SyncRecord> pulled;
        pulled.reserve(size_t(records));
        for (int i = 0; i < records; ++i) {
            const Report report = reportFor(i);
            pulled.push_back(record(EntityKind::Report, report.id, 1, 0, EntityJson::toJson(report)));
        }
        {
            const qint64 cpuStart = threadCpuNs();
            int decoded = 0;
            for (const SyncRecord &r : pulled) {
                Report report;
                decoded += EntityJson::fromJson(r.data, &report, nullptr) ? 1 : 0;
            }
            say(QStringLiteral("    (decoding alone: %1 of %2 reports in %3 CPU s)")
                    .arg(decoded)
                    .arg(pulled.size())
                    .arg(double(threadCpuNs() - cpuStart) / 1e9, 0, 'f', 2));
        }
        bool ok = false;
        const Rate rate = applyPages(journal, pulled, 0, &ok);
        if (!ok)
            return 1;
        sayRate(QStringLiteral("[2] pull of new reports (pages of %1)").arg(kPageSize), rate, records);
    }

    // [4]: the status with a large registry.
    if (patients > 0) {
        const QString file = QDir(dir).filePath(QStringLiteral("status.db"));
        QFile::remove(file);
        Database database;
        if (!database.open(file)) {
            say(database.lastError().message);
            return 1;
        }
        PatientStore store(database);
        SyncJournal journal(database);
        {
            RegistryGenerator generator(11);
            std::vector<Patient> batch = generator.generate(patients);
            QElapsedTimer timer;
            timer.start();
            if (!store.insertMany(batch)) {
                say(store.lastError().message);
                return 1;
            }
            say(QStringLiteral("    (bulk import of %1 patients for [4]: %2 s, load average %3)")
                    .arg(patients)
                    .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
                    .arg(loadLine()));
        }
        measureStatus(journal, QStringLiteral("bulk import waiting"));

        QSqlQuery query(database.connection());
        query.exec(QStringLiteral("DELETE FROM outbox"));
        query.exec(QStringLiteral("UPDATE patient SET sync_state = 3, revision = 1"));
        std::vector<qint64> ids;
        query.exec(QStringLiteral("SELECT rowid FROM patient ORDER BY rowid LIMIT 10000"));
        while (query.next())
            ids.push_back(query.value(0).toLongLong());
        for (qint64 id : ids) {
            std::optional<Patient> patient = store.get(id);
            patient->notes = QStringLiteral("edited offline");
            if (!store.update(*patient)) {
                say(store.lastError().message);
                return 1;
            }
        }
        measureStatus(journal, QStringLiteral("10,000 ops waiting"));
        query.exec(QStringLiteral("DELETE FROM outbox"));
        query.exec(QStringLiteral("UPDATE patient SET sync_state = 3 WHERE sync_state <> 3"));
        measureStatus(journal, QStringLiteral("all synced"));
    }

    // [5]: the client's share of a push.
    {
        const QString file = QDir(dir).filePath(QStringLiteral("push.db"));
        QFile::remove(file);
        Database database;
        if (!database.open(file)) {
            say(database.lastError().message);
            return 1;
        }
        PatientStore store(database);
        VisitStore visits(database);
        PaymentStore payments(database);
        SyncJournal journal(database);
        RegistryGenerator generator(13);
        std::vector<Patient> synced = generator.generate(3000);
        QSqlQuery query(database.connection());
        if (!store.insertMany(synced) || !query.exec(QStringLiteral("DELETE FROM outbox")) ||
            !query.exec(QStringLiteral("UPDATE patient SET sync_state = 3, revision = 1"))) {
            say(QStringLiteral("[5] setup failed"));
            return 1;
        }
        std::vector<Patient> fresh = generator.generate(4000);
        for (Patient &patient : fresh) {
            patient.number.clear();
            if (!store.insert(patient)) {
                say(store.lastError().message);
                return 1;
            }
        }
        for (Patient &patient : synced) {
            std::optional<Patient> current = store.get(patient.localId);
            current->phone = QStringLiteral("+998901234567");
            current->address = QStringLiteral("Toshkent, Chilonzor 5");
            if (!store.update(*current)) {
                say(store.lastError().message);
                return 1;
            }
        }
        for (int i = 0; i < 3000; ++i) {
            FieldErrors errors;
            if (i < 2000) {
                Visit visit;
                visit.patientId = fresh[size_t(i)].id;
                visit.doctorId = kDoctor;
                visit.day = QDate::currentDate();
                visit.createdBy = kDoctor;
                if (!visits.insert(visit, &errors)) {
                    say(visits.lastError().message);
                    return 1;
                }
            } else {
                Payment payment;
                payment.patientId = fresh[size_t(i)].id;
                payment.amount = 50000 + i;
                payment.method = PaymentMethod::Cash;
                payment.takenBy = kDoctor;
                if (!payments.insert(payment, &errors)) {
                    say(payments.lastError().message);
                    return 1;
                }
            }
        }
        const int waiting = journal.counts().pendingOps;
        qint64 takeNs = 0;
        qint64 applyNs = 0;
        qint64 sequence = 1000;
        int pushed = 0;
        QElapsedTimer timer;
        const qint64 cpuStart = threadCpuNs();
        for (;;) {
            QList<PushOperation> ops;
            timer.start();
            if (!journal.takeBatch(100, 512 * 1024, &ops)) {
                say(QStringLiteral("takeBatch: ") + journal.lastError().message);
                return 1;
            }
            takeNs += timer.nsecsElapsed();
            if (ops.isEmpty())
                break;
            // What the server answers for an applied op: its new revision and the record.
            PushResponse response;
            for (const PushOperation &op : std::as_const(ops)) {
                PushResult result;
                result.opId = op.opId;
                result.revision = op.baseRevision + 1;
                result.sequence = ++sequence;
                result.hasRecord = true;
                result.record = record(op.entity, op.id, result.revision, result.sequence, op.data);
                response.results.append(result);
            }
            response.serverSequence = sequence;
            timer.start();
            if (!journal.applyPushResults(ops, response)) {
                say(QStringLiteral("applyPushResults: ") + journal.lastError().message);
                return 1;
            }
            applyNs += timer.nsecsElapsed();
            pushed += int(ops.size());
        }
        const double cpu = double(threadCpuNs() - cpuStart) / 1e9;
        const double seconds = double(takeNs + applyNs) / 1e9;
        say(QStringLiteral("[5] client side of a push: %1 of %2 ops in %3 s = %4 ops/s (takeBatch %5 s, "
                           "applyPushResults %6 s; CPU %7 s); %8 left waiting; load average %9")
                .arg(pushed)
                .arg(waiting)
                .arg(seconds, 0, 'f', 2)
                .arg(double(pushed) / seconds, 0, 'f', 0)
                .arg(double(takeNs) / 1e9, 0, 'f', 2)
                .arg(double(applyNs) / 1e9, 0, 'f', 2)
                .arg(cpu, 0, 'f', 2)
                .arg(journal.counts().pendingOps)
                .arg(loadLine()));
    }
    return 0;
}
