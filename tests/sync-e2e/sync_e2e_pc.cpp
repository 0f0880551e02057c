// One clinic PC as a separate process, for the end-to-end sync tests: opens its data folder,
// signs in (password on stdin), makes seeded random edits through the stores and syncs every
// few edits, then syncs until settled. After each edit the store reported committed it prints
//   committed <entity> <uuid> [<amount>]
// so that a test which kills it with SIGKILL at a random moment knows which edits must have
// survived; "round ok|failed", "settled" and "done" report progress.
#include "SyncTestClient.h"
#include "registry/PatientRegistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <random>

using namespace medora;

namespace {

void say(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

int below(std::mt19937_64 &random, int bound)
{
    return bound <= 1 ? 0 : int(std::uniform_int_distribution<int>(0, bound - 1)(random));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("sync_e2e_pc"));
    QStandardPaths::setTestModeEnabled(true);

    QCommandLineParser parser;
    const QCommandLineOption nameOption(QStringLiteral("name"), QStringLiteral("PC name"),
                                        QStringLiteral("name"));
    const QCommandLineOption dataOption(QStringLiteral("data-dir"), QStringLiteral("data folder"),
                                        QStringLiteral("dir"));
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("server URL"),
                                          QStringLiteral("url"));
    const QCommandLineOption loginOption(QStringLiteral("login"), QStringLiteral("staff login"),
                                         QStringLiteral("login"));
    const QCommandLineOption doctorOption(QStringLiteral("doctor-id"), QStringLiteral("visits' doctor"),
                                          QStringLiteral("id"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("random seed"),
                                        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption editsOption(QStringLiteral("edits"), QStringLiteral("edits to make"),
                                         QStringLiteral("n"), QStringLiteral("20"));
    parser.addOptions(
        {nameOption, dataOption, serverOption, loginOption, doctorOption, seedOption, editsOption});
    parser.process(app);

    QTextStream input(stdin);
    const QString password = input.readLine();

    SyncTestClient::Options options;
    options.name = parser.value(nameOption);
    options.dataDir = parser.value(dataOption);
    options.serverUrl = parser.value(serverOption);
    options.login = parser.value(loginOption);
    options.password = password;
    options.doctorId = parser.value(doctorOption);
    SyncTestClient client(options);
    QString error;
    if (!client.open(&error)) {
        say(QStringLiteral("error ") + error);
        return 3;
    }
    say(QStringLiteral("opened"));
    // As a user would press "Sign in" again when the network failed the first time.
    bool signedIn = false;
    for (int attempt = 0; attempt < 5 && !signedIn; ++attempt) {
        signedIn = client.signIn(&error);
        if (!signedIn) {
            say(QStringLiteral("sign-in-failed ") + error);
            QEventLoop pause;
            QTimer::singleShot(200, &pause, &QEventLoop::quit);
            pause.exec();
        }
    }
    if (!signedIn) {
        say(QStringLiteral("error ") + error);
        return 4;
    }
    say(QStringLiteral("signed-in ") + client.userId());

    std::mt19937_64 random(parser.value(seedOption).toULongLong());
    // Its own patients (also those of an earlier run of this PC) and visits: edits stay on
    // rows nobody else touches, so what must survive a kill is exact.
    QList<QUuid> patients;
    QList<QUuid> visits;
    const SyncSnapshot before = client.snapshot(&error);
    for (const SyncRow &row : before.rows) {
        if (!row.isLive() || row.state == SyncState::Error)
            continue;
        if (row.entity == EntityKind::Patient &&
            row.data.value(QStringLiteral("createdBy")).toString() == client.userId())
            patients << row.id;
        if (row.entity == EntityKind::Visit &&
            row.data.value(QStringLiteral("createdBy")).toString() == client.userId())
            visits << row.id;
    }

    const int edits = parser.value(editsOption).toInt();
    for (int i = 0; i < edits; ++i) {
        const int roll = patients.isEmpty() ? 0 : below(random, 100);
        error.clear();
        if (roll < 40) {
            if (const auto patient = client.createPatient(random, &error)) {
                patients << patient->id;
                say(QStringLiteral("committed patient ") + patient->id.toString(QUuid::WithoutBraces));
            }
        } else if (roll < 65) {
            const QUuid id = patients.at(below(random, int(patients.size())));
            if (client.editPatient(id, random, {}, nullptr, &error))
                say(QStringLiteral("committed patient-edit ") + id.toString(QUuid::WithoutBraces));
        } else if (roll < 80) {
            const QUuid patientId = patients.at(below(random, int(patients.size())));
            if (const auto visit = client.createVisit(patientId, random, &error)) {
                visits << visit->id;
                say(QStringLiteral("committed visit ") + visit->id.toString(QUuid::WithoutBraces));
            }
        } else if (roll < 95) {
            const QUuid patientId = patients.at(below(random, int(patients.size())));
            const qint64 amount = 1000 * (1 + below(random, 500));
            if (const auto payment = client.takePayment(patientId, QUuid(), amount, random, &error))
                say(QStringLiteral("committed payment %1 %2")
                        .arg(payment->id.toString(QUuid::WithoutBraces))
                        .arg(payment->amount));
        } else if (!visits.isEmpty()) {
            const QUuid id = visits.at(below(random, int(visits.size())));
            if (client.advanceVisit(id, &error))
                say(QStringLiteral("committed visit-edit ") + id.toString(QUuid::WithoutBraces));
        }
        if (!error.isEmpty())
            say(QStringLiteral("edit-refused ") + error);
        if (i % 4 == 3) {
            const SyncTestClient::Round round = client.syncRound(30000);
            say(round.ok ? QStringLiteral("round ok") : QStringLiteral("round failed ") + round.failure);
        }
    }
    if (!client.syncUntilSettled(60000, &error)) {
        say(QStringLiteral("error ") + error);
        return 5;
    }
    say(QStringLiteral("settled pending=%1 errors=%2")
            .arg(client.counts().pendingOps)
            .arg(client.counts().errors));
    client.close();
    say(QStringLiteral("done"));
    return 0;
}
