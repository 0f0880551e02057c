// Prints the cost of the local patient store at registry scale: bulk import (insertMany,
// target: 1,000,000 rows well under 15 s in Release), against a baseline of one
// transaction per patient in the same run; then the streaming catch-up the search index
// does after a crash (forEachChangedSince, constant memory), duplicate checks and page
// reads. Usage: bench_patientstore [rows=100000] [folder=temporary]
#include "RegistryGenerator.h"
#include "store/Database.h"
#include "store/PatientStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <ctime>
#include <random>

using namespace medora;

namespace {

// Resident and peak memory of this process in MiB (Linux; 0 elsewhere).
double memoryMiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

// CPU seconds used by this process: on a busy machine wall time says little.
double cpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return now.tv_sec + now.tv_nsec / 1e9;
}

std::vector<Patient> freshPatients(RegistryGenerator &generator, int count)
{
    std::vector<Patient> patients = generator.generate(count);
    // Registration path: the store issues the id and the number.
    for (Patient &patient : patients) {
        patient.id = QUuid();
        patient.number.clear();
    }
    return patients;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    QTemporaryDir scratch;
    const QString folder = argc > 2 ? QString::fromLocal8Bit(argv[2]) : scratch.path();
    QTextStream out(stdout);
    if (rows <= 0 || folder.isEmpty()) {
        out << "usage: bench_patientstore [rows] [folder]\n";
        return 2;
    }
    RegistryGenerator generator;

    // Baseline: one transaction per patient, as interactive registration does.
    constexpr int kBaselineRows = 2000;
    double baselinePerSecond = 0;
    {
        const QString file = folder + QStringLiteral("/baseline.db");
        QFile::remove(file);
        Database database;
        if (!database.open(file)) {
            out << database.lastError().message << '\n';
            return 1;
        }
        PatientStore store(database);
        std::vector<Patient> patients = freshPatients(generator, kBaselineRows);
        QElapsedTimer timer;
        timer.start();
        for (Patient &patient : patients) {
            if (!store.insert(patient)) {
                out << store.lastError().message << '\n';
                return 1;
            }
        }
        baselinePerSecond = kBaselineRows / (timer.nsecsElapsed() / 1e9);
        out << QStringLiteral("baseline insert()      %1 rows  %2 rows/s (one transaction each)\n")
                   .arg(kBaselineRows, 8)
                   .arg(baselinePerSecond, 10, 'f', 0);
    }

    const QString file = folder + QStringLiteral("/bench.db");
    QFile::remove(file);
    Database database;
    if (!database.open(file)) {
        out << database.lastError().message << '\n';
        return 1;
    }
    PatientStore store(database);

    QElapsedTimer timer;
    timer.start();
    std::vector<Patient> patients = freshPatients(generator, rows);
    const double generateSeconds = timer.nsecsElapsed() / 1e9;

    timer.restart();
    const double cpuBefore = cpuSeconds();
    if (!store.insertMany(patients)) {
        out << store.lastError().message << '\n';
        return 1;
    }
    const double insertSeconds = timer.nsecsElapsed() / 1e9;
    const double insertCpuSeconds = cpuSeconds() - cpuBefore;
    const double perSecond = rows / insertSeconds;
    out << QStringLiteral("insertMany()           %1 rows  %2 rows/s  %3 s wall, %7 s CPU  (x%4 baseline; "
                          "1,000,000 rows projected %5 s; generating them took %6 s)\n")
               .arg(rows, 8)
               .arg(perSecond, 10, 'f', 0)
               .arg(insertSeconds, 0, 'f', 2)
               .arg(perSecond / baselinePerSecond, 0, 'f', 1)
               .arg(1000000 / perSecond, 0, 'f', 1)
               .arg(generateSeconds, 0, 'f', 2)
               .arg(insertCpuSeconds, 0, 'f', 2);
    std::vector<qint64> ids;
    ids.reserve(patients.size());
    for (const Patient &patient : patients)
        ids.push_back(patient.localId);
    std::vector<Patient> sample(patients.begin(), patients.begin() + std::min<size_t>(1000, patients.size()));
    patients.clear();
    patients.shrink_to_fit();

    const double rssBefore = memoryMiB("VmRSS:");
    timer.restart();
    qint64 visited = 0;
    qint64 lastSeq = 0;
    store.forEachChangedSince(0, [&](const Patient &, qint64 seq) {
        ++visited;
        lastSeq = seq;
    });
    out << QStringLiteral(
               "forEachChangedSince(0) %1 rows  %2 s  RSS %3 -> %4 MiB (peak %5 MiB), last seq %6\n")
               .arg(visited, 8)
               .arg(timer.nsecsElapsed() / 1e9, 0, 'f', 2)
               .arg(rssBefore, 0, 'f', 0)
               .arg(memoryMiB("VmRSS:"), 0, 'f', 0)
               .arg(memoryMiB("VmHWM:"), 0, 'f', 0)
               .arg(lastSeq);

    timer.restart();
    qint64 duplicates = 0;
    for (const Patient &patient : sample)
        duplicates += store.findDuplicates(patient).size();
    out << QStringLiteral("findDuplicates()       %1 calls %2 us/call (%3 matches)\n")
               .arg(sample.size(), 8)
               .arg(timer.nsecsElapsed() / 1e3 / sample.size(), 0, 'f', 1)
               .arg(duplicates);

    std::mt19937_64 random(7);
    constexpr int kPages = 200;
    timer.restart();
    qint64 read = 0;
    for (int page = 0; page < kPages; ++page) {
        std::vector<qint64> wanted;
        for (int i = 0; i < 50; ++i)
            wanted.push_back(ids[random() % ids.size()]);
        read += store.getMany(wanted).size();
    }
    out << QStringLiteral("getMany(50 random)     %1 pages %2 us/page (%3 rows)\n")
               .arg(kPages, 8)
               .arg(timer.nsecsElapsed() / 1e3 / kPages, 0, 'f', 1)
               .arg(read);

    timer.restart();
    const qint64 live = store.count();
    out << QStringLiteral("count()                %1 rows  %2 ms\n")
               .arg(live, 8)
               .arg(timer.nsecsElapsed() / 1e6, 0, 'f', 1);
    database.close();
    out << QStringLiteral("file size              %1 MiB\n")
               .arg(QFileInfo(file).size() / 1048576.0, 0, 'f', 1);
    return 0;
}
