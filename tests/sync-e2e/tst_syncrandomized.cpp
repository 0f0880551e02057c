#include "SyncClinic.h"

#include "domain/EntityJson.h"
#include "registry/PatientRegistry.h"
#include "store/PaymentStore.h"
#include "store/ReportStore.h"
#include "store/VisitStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>
#include <random>

using namespace medora;

namespace {

const QStringList kTextFields{
    QStringLiteral("lastName"),    QStringLiteral("firstName"), QStringLiteral("fatherName"),
    QStringLiteral("phone"),       QStringLiteral("address"),   QStringLiteral("allergies"),
    QStringLiteral("medications"), QStringLiteral("history"),   QStringLiteral("notes")};
const QStringList kOtherFields{QStringLiteral("birthDate"), QStringLiteral("sex"),
                               QStringLiteral("birthDateEstimated")};

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

int below(std::mt19937_64 &random, int bound)
{
    return bound <= 1 ? 0 : int(std::uniform_int_distribution<int>(0, bound - 1)(random));
}

bool chance(std::mt19937_64 &random, double p)
{
    return std::uniform_real_distribution<double>(0.0, 1.0)(random) < p;
}

template <typename T> T pick(std::mt19937_64 &random, const QList<T> &list)
{
    return list.at(below(random, int(list.size())));
}

QString json(const QJsonValue &value)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("v"), value}}).toJson(QJsonDocument::Compact));
}

// What one epoch's offline edits claim, so that the outcome the contract promises can be
// computed exactly: uncontested edits arrive as written; a patient field written on two PCs
// keeps one value and the other PC holds a conflict; a draft edited on two PCs keeps one
// version and a copy of the other; a visit keeps one PC's whole version; a payment reversed on
// two PCs is reversed once and the other reversal is refused into that PC's error list.
struct EpochPlan
{
    struct Value
    {
        SyncTestClient *client = nullptr;
        QJsonValue value;
    };
    struct Created
    {
        SyncTestClient *client = nullptr;
        EntityKind entity = EntityKind::Patient;
        QUuid id;
        qint64 amount = 0; // payments
    };

    QMap<QPair<QUuid, QString>, QList<Value>> patientFields;
    QSet<QUuid> touchedPatients; // edited, or given a visit or a payment
    QMap<QUuid, SyncTestClient *> deletedPatients;
    QMap<QUuid, QList<Value>> visits; // value: the whole data object
    QMap<QUuid, QList<Value>> drafts; // value: the sections object
    QSet<QUuid> exclusiveReports;     // signed or deleted this epoch
    QSet<QUuid> deletedReports;
    QMap<QUuid, QList<Value>> reversals; // original payment -> reversal ids (as strings)
    QList<Created> created;
    QSet<QUuid> createdIds;
    QMap<QUuid, SyncTestClient *> createdBy;
    int edits = 0;

    void setValue(QList<Value> &values, SyncTestClient *client, const QJsonValue &value)
    {
        for (Value &entry : values) {
            if (entry.client == client) {
                entry.value = value;
                return;
            }
        }
        values.append({client, value});
    }
    bool othersClaimed(const QList<Value> &values, SyncTestClient *client) const
    {
        for (const Value &entry : values) {
            if (entry.client != client)
                return true;
        }
        return false;
    }
};

} // namespace

// The seeded randomized version of the end-to-end proof. Each epoch: every PC edits offline
// (patients, visits, report drafts, signatures, addenda, payments, reversals, deletions, some of
// them contested between PCs), then the PCs sync in random interleavings through a proxy that
// drops, loses, duplicates, replays, delays and refuses at random, with server restarts, network
// cuts and a child-process PC killed mid-commit thrown in; then the outcome is checked exactly
// against what the contract promises, conflicts are resolved by a "human" at random, and every
// PC must equal the server again, revisions included.
// MEDORA_SYNC_SEED=<n> replays a run (the same edits and fault choices; timing may differ);
// MEDORA_SYNC_SOAK_SECONDS (default 20) bounds it (at least two epochs always run). For hours,
// run the binary directly (CTest stops a test after 600 s), e.g.
//   MEDORA_SYNC_SOAK_SECONDS=14400 MEDORA_SERVER_PATH=server/medora-server tests/tst_syncrandomized
class TestSyncRandomized : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void soak();

private:
    void runEpoch(int epoch);
    void editOffline(SyncTestClient &client, int count, EpochPlan &plan);
    bool editPatientField(SyncTestClient &client, EpochPlan &plan);
    void syncWithFaults(int epoch);
    void runChildPc(EpochPlan &plan);
    void checkOutcome(const EpochPlan &plan, const SyncSnapshot &server);
    void resolveConflicts();
    QList<SyncTestClient *> clients() const;
    SyncSnapshot serverState();
    void converge(int timeoutMs = 60000);

    quint64 m_seed = 0;
    std::mt19937_64 m_random;
    int m_soakSeconds = 20;
    std::unique_ptr<SyncClinic> m_clinic;
    SyncClinic::Staff m_doctor;    // two PCs
    SyncClinic::Staff m_doctor2;   // one PC
    SyncClinic::Staff m_doctor3;   // the child-process PC
    SyncClinic::Staff m_reception; // one PC
    std::unique_ptr<SyncTestClient> m_a, m_b, m_c, m_d, m_k;
    QTemporaryDir m_childDir;
    SyncSnapshot m_state; // the server's state at the start of the epoch (all PCs equal to it)
    int m_expectedErrors = 0;
    // Totals for the summary line.
    int m_epochs = 0, m_edits = 0, m_conflicts = 0, m_restarts = 0, m_kills = 0, m_offlineCuts = 0;
};

void TestSyncRandomized::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_syncrandomized"));
    bool ok = false;
    m_seed = qEnvironmentVariable("MEDORA_SYNC_SEED").toULongLong(&ok);
    if (!ok)
        m_seed = QRandomGenerator::system()->generate64();
    m_random.seed(m_seed);
    const int soak = qEnvironmentVariableIntValue("MEDORA_SYNC_SOAK_SECONDS", &ok);
    m_soakSeconds = ok && soak > 0 ? soak : 20;
    qInfo("MEDORA_SYNC_SEED=%llu MEDORA_SYNC_SOAK_SECONDS=%d", static_cast<unsigned long long>(m_seed),
          m_soakSeconds);

    m_clinic = std::make_unique<SyncClinic>();
    QString error;
    QVERIFY2(m_clinic->start(&error), qPrintable(error));
    m_doctor = m_clinic->addStaff(QStringLiteral("nodira"), QStringLiteral("doctor"), &error);
    m_doctor2 = m_clinic->addStaff(QStringLiteral("jasur"), QStringLiteral("doctor"), &error);
    m_doctor3 = m_clinic->addStaff(QStringLiteral("sardor"), QStringLiteral("doctor"), &error);
    m_reception = m_clinic->addStaff(QStringLiteral("malika"), QStringLiteral("receptionist"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_a = m_clinic->makeClient(QStringLiteral("pc-a"), m_doctor, &error);
    QVERIFY2(m_a, qPrintable(error));
    m_b = m_clinic->makeClient(QStringLiteral("pc-b"), m_doctor, &error);
    QVERIFY2(m_b, qPrintable(error));
    m_c = m_clinic->makeClient(QStringLiteral("pc-c"), m_reception, &error, m_doctor.id);
    QVERIFY2(m_c, qPrintable(error));
    // pc-d keeps a long poll open between rounds, as the desktop client does.
    SyncEngine::Options longPoll = SyncTestClient::defaultEngineOptions();
    longPoll.longPollSeconds = 2;
    m_d = m_clinic->makeClient(QStringLiteral("pc-d"), m_doctor2, &error, QString(), QString(), longPoll);
    QVERIFY2(m_d, qPrintable(error));
    QVERIFY(m_childDir.isValid());
}

void TestSyncRandomized::cleanup()
{
    if (QTest::currentTestFailed())
        qInfo("replay with MEDORA_SYNC_SEED=%llu; last proxy events:\n%s",
              static_cast<unsigned long long>(m_seed), qPrintable(m_clinic->proxy().eventLogTail(80)));
}

void TestSyncRandomized::cleanupTestCase()
{
    m_k.reset();
    m_d.reset();
    m_c.reset();
    m_b.reset();
    m_a.reset();
    m_clinic.reset();
}

QList<SyncTestClient *> TestSyncRandomized::clients() const
{
    QList<SyncTestClient *> all{m_a.get(), m_b.get(), m_c.get(), m_d.get()};
    if (m_k)
        all << m_k.get();
    return all;
}

SyncSnapshot TestSyncRandomized::serverState()
{
    SyncSnapshot snapshot;
    QString error;
    if (!m_clinic->serverSnapshot(m_doctor, &snapshot, &error))
        qWarning("server feed: %s", qPrintable(error));
    return snapshot;
}

void TestSyncRandomized::converge(int timeoutMs)
{
    QString failure;
    QVERIFY2(m_clinic->converge(clients(), m_random, timeoutMs, &failure), qPrintable(failure));
}

void TestSyncRandomized::soak()
{
    QElapsedTimer clock;
    clock.start();
    m_state = serverState();
    for (int epoch = 0; epoch < 2 || clock.elapsed() < qint64(m_soakSeconds) * 1000; ++epoch) {
        runEpoch(epoch);
        if (QTest::currentTestFailed())
            return;
        ++m_epochs;
    }
    const FaultProxy::Stats stats = m_clinic->proxy().stats();
    qInfo("%d epochs in %lld s: %d edits, %d conflicts, %d server restarts, %d child kills, %d network cuts; "
          "network: %d requests, %d faults (drop %d, lost %d, truncated %d, duplicated %d, replayed %d, "
          "delayed %d, refused %d)",
          m_epochs, static_cast<long long>(clock.elapsed() / 1000), m_edits, m_conflicts, m_restarts, m_kills,
          m_offlineCuts, stats.requests, stats.faults(), stats.droppedMidRequest, stats.lostResponses,
          stats.truncatedResponses, stats.duplicated, stats.replayed, stats.delayed,
          stats.refusedConnections);
    QVERIFY(stats.faults() > 0);
}

void TestSyncRandomized::runEpoch(int epoch)
{
    EpochPlan plan;
    FaultProxy &proxy = m_clinic->proxy();
    proxy.disableRandomFaults();
    QVERIFY(proxy.setOffline(true));
    QList<SyncTestClient *> editors{m_a.get(), m_b.get(), m_c.get(), m_d.get()};
    std::shuffle(editors.begin(), editors.end(), m_random);
    // The first epoch builds a registry to work on.
    for (SyncTestClient *client : std::as_const(editors)) {
        editOffline(*client, epoch == 0 ? 8 : 3 + below(m_random, 10), plan);
        if (QTest::currentTestFailed())
            return;
    }
    m_edits += plan.edits;
    QVERIFY(proxy.setOffline(false));

    syncWithFaults(epoch);
    if (QTest::currentTestFailed())
        return;
    if (chance(m_random, 0.3) || epoch == 1)
        runChildPc(plan);
    if (QTest::currentTestFailed())
        return;
    converge();
    if (QTest::currentTestFailed())
        return;
    proxy.disableRandomFaults();
    if (!QTest::qWaitFor([&] { return proxy.pendingReplays() == 0; }, 10000))
        QFAIL("replays still in flight");

    const SyncSnapshot server = serverState();
    QVERIFY(!server.rows.isEmpty());
    for (SyncTestClient *client : clients()) {
        const QStringList differences = m_clinic->compareWithServer(*client, server, false);
        QVERIFY2(differences.isEmpty(),
                 qPrintable(QStringLiteral("epoch %1: %2 differs from the server:\n%3")
                                .arg(epoch)
                                .arg(client->name(), differences.join(QLatin1Char('\n')))));
    }
    checkOutcome(plan, server);
    if (QTest::currentTestFailed())
        return;

    resolveConflicts();
    if (QTest::currentTestFailed())
        return;
    m_state = serverState();
    for (SyncTestClient *client : clients()) {
        QVERIFY2(client->journal().conflicts().isEmpty(), qPrintable(client->name()));
        const QStringList differences = m_clinic->compareWithServer(*client, m_state, true);
        QVERIFY2(differences.isEmpty(),
                 qPrintable(QStringLiteral("epoch %1 after resolving: %2 differs from the server:\n%3")
                                .arg(epoch)
                                .arg(client->name(), differences.join(QLatin1Char('\n')))));
    }
    int errors = 0;
    for (SyncTestClient *client : clients())
        errors += client->counts().errors;
    QCOMPARE(errors, m_expectedErrors);
}

void TestSyncRandomized::editOffline(SyncTestClient &client, int count, EpochPlan &plan)
{
    const bool doctor = client.user().role == QLatin1String("doctor");
    QString error;
    // The child-process PC edits its own patients and visits outside the plan: the plan
    // leaves those alone (it may add visits, reports and payments to them).
    const auto childOwned = [&](const SyncRow &row) {
        return row.data.value(QStringLiteral("createdBy")).toString() == m_doctor3.id;
    };
    // What this PC knows: the epoch's starting state plus what it made itself this epoch.
    auto knownPatients = [&] {
        QList<QUuid> ids;
        for (const SyncRow &row : m_state.liveRows(EntityKind::Patient)) {
            if (!plan.deletedPatients.contains(row.id))
                ids << row.id;
        }
        for (const EpochPlan::Created &created : plan.created) {
            if (created.client == &client && created.entity == EntityKind::Patient &&
                !plan.deletedPatients.contains(created.id))
                ids << created.id;
        }
        return ids;
    };
    auto knownVisits = [&](bool forEditing) {
        QList<QUuid> ids;
        for (const SyncRow &row : m_state.liveRows(EntityKind::Visit)) {
            if (!forEditing || !childOwned(row))
                ids << row.id;
        }
        for (const EpochPlan::Created &created : plan.created) {
            if (created.client == &client && created.entity == EntityKind::Visit)
                ids << created.id;
        }
        return ids;
    };
    auto myDrafts = [&] {
        QList<QUuid> ids;
        for (const SyncRow &row : m_state.liveRows(EntityKind::Report)) {
            if (row.data.value(QStringLiteral("status")).toString() == QLatin1String("draft") &&
                row.data.value(QStringLiteral("authorId")).toString() == client.userId() &&
                !plan.exclusiveReports.contains(row.id))
                ids << row.id;
        }
        for (const EpochPlan::Created &created : plan.created) {
            if (created.client == &client && created.entity == EntityKind::Report &&
                !plan.exclusiveReports.contains(created.id) &&
                client.reports().getById(created.id)->status == ReportStatus::Draft)
                ids << created.id;
        }
        return ids;
    };

    for (int i = 0; i < count; ++i) {
        const QList<QUuid> patients = knownPatients();
        const int roll = patients.isEmpty() ? 0 : below(m_random, 100);
        error.clear();
        if (roll < 18) {
            const auto patient = client.createPatient(m_random, &error);
            QVERIFY2(patient, qPrintable(error));
            plan.created.append({&client, EntityKind::Patient, patient->id, 0});
            plan.createdIds.insert(patient->id);
            plan.createdBy.insert(patient->id, &client);
        } else if (roll < 48) {
            if (!editPatientField(client, plan))
                continue;
        } else if (roll < 58) {
            const QUuid patientId = pick(m_random, patients);
            const auto visit = client.createVisit(patientId, m_random, &error);
            QVERIFY2(visit, qPrintable(error));
            plan.touchedPatients.insert(patientId);
            plan.created.append({&client, EntityKind::Visit, visit->id, 0});
            plan.createdIds.insert(visit->id);
        } else if (roll < 66) {
            const QList<QUuid> visits = knownVisits(true);
            if (visits.isEmpty())
                continue;
            const QUuid id = pick(m_random, visits);
            if (chance(m_random, 0.5))
                QVERIFY2(client.advanceVisit(id, &error), qPrintable(error));
            else
                QVERIFY2(client.editVisitNote(id, nullptr, &error), qPrintable(error));
            plan.setValue(plan.visits[id], &client, EntityJson::toJson(*client.visits().getById(id)));
        } else if (roll < 76 && doctor) {
            // A new draft, or an edit of one of this doctor's drafts (maybe on the other PC too).
            const QList<QUuid> drafts = myDrafts();
            if (drafts.isEmpty() || chance(m_random, 0.4)) {
                const QList<QUuid> visits = knownVisits(false);
                if (visits.isEmpty())
                    continue;
                const auto report = client.createReport(pick(m_random, visits), m_random, &error);
                QVERIFY2(report, qPrintable(error));
                plan.created.append({&client, EntityKind::Report, report->id, 0});
                plan.createdIds.insert(report->id);
                plan.createdBy.insert(report->id, &client);
            } else {
                const QUuid id = pick(m_random, drafts);
                QVERIFY2(client.editReport(id, m_random, &error), qPrintable(error));
                plan.setValue(
                    plan.drafts[id], &client,
                    EntityJson::toJson(*client.reports().getById(id)).value(QStringLiteral("sections")));
            }
        } else if (roll < 80 && doctor) {
            // Sign or delete a draft nobody else touched this epoch.
            QList<QUuid> candidates;
            for (const QUuid &id : myDrafts()) {
                if (!plan.othersClaimed(plan.drafts.value(id), &client))
                    candidates << id;
            }
            if (candidates.isEmpty())
                continue;
            const QUuid id = pick(m_random, candidates);
            plan.exclusiveReports.insert(id);
            if (chance(m_random, 0.75)) {
                QVERIFY2(client.signReport(id, &error), qPrintable(error));
            } else {
                QVERIFY2(client.deleteReport(id, &error), qPrintable(error));
                plan.deletedReports.insert(id);
            }
        } else if (roll < 83 && doctor) {
            QList<QUuid> signedReports;
            for (const SyncRow &row : m_state.liveRows(EntityKind::Report)) {
                if (row.data.value(QStringLiteral("status")).toString() == QLatin1String("signed") &&
                    row.data.value(QStringLiteral("authorId")).toString() == client.userId())
                    signedReports << row.id;
            }
            if (signedReports.isEmpty())
                continue;
            const auto addendum = client.createAddendum(pick(m_random, signedReports), m_random, &error);
            QVERIFY2(addendum, qPrintable(error));
            plan.created.append({&client, EntityKind::Report, addendum->id, 0});
            plan.createdIds.insert(addendum->id);
            plan.createdBy.insert(addendum->id, &client);
        } else if (roll < 93) {
            const QUuid patientId = pick(m_random, patients);
            const qint64 amount = 1000 * (1 + below(m_random, 300));
            const auto payment = client.takePayment(patientId, QUuid(), amount, m_random, &error);
            QVERIFY2(payment, qPrintable(error));
            plan.touchedPatients.insert(patientId);
            plan.created.append({&client, EntityKind::Payment, payment->id, amount});
            plan.createdIds.insert(payment->id);
            plan.createdBy.insert(payment->id, &client);
        } else if (roll < 97) {
            // Reverse a payment: one the server had (maybe on another PC too), or this PC's own.
            QList<QUuid> candidates;
            QSet<QUuid> reversed;
            for (const SyncRow &row : m_state.liveRows(EntityKind::Payment)) {
                const QUuid reverses(row.data.value(QStringLiteral("reverses")).toString());
                if (!reverses.isNull())
                    reversed.insert(reverses);
            }
            for (const SyncRow &row : m_state.liveRows(EntityKind::Payment)) {
                const QUuid patientId(row.data.value(QStringLiteral("patientId")).toString());
                if (row.data.value(QStringLiteral("reverses")).toString().isEmpty() &&
                    !reversed.contains(row.id) && !client.payments().reversalOf(row.id).has_value() &&
                    m_state.isLive(EntityKind::Patient, patientId) &&
                    !plan.deletedPatients.contains(patientId))
                    candidates << row.id;
            }
            for (const EpochPlan::Created &created : plan.created) {
                if (created.client == &client && created.entity == EntityKind::Payment &&
                    created.amount > 0 && !client.payments().reversalOf(created.id).has_value())
                    candidates << created.id;
            }
            if (candidates.isEmpty())
                continue;
            const QUuid original = pick(m_random, candidates);
            const auto reversal = client.reversePayment(original, &error);
            QVERIFY2(reversal, qPrintable(error));
            plan.touchedPatients.insert(reversal->patientId);
            plan.createdIds.insert(reversal->id);
            plan.createdBy.insert(reversal->id, &client);
            plan.reversals[original].append({&client, idText(reversal->id)});
            plan.created.append({&client, EntityKind::Payment, reversal->id, reversal->amount});
        } else {
            // Delete a patient nobody else touches this epoch and that has no visits,
            // reports or payments.
            QList<QUuid> candidates;
            for (const QUuid &id : patients) {
                if (plan.touchedPatients.contains(id) ||
                    (plan.createdIds.contains(id) && plan.createdBy.value(id) != &client) ||
                    childOwned(m_state.row(EntityKind::Patient, id)))
                    continue;
                bool hasChildren = false;
                for (const SyncRow &row : m_state.rows) {
                    if (row.entity != EntityKind::Patient &&
                        row.data.value(QStringLiteral("patientId")).toString() == idText(id))
                        hasChildren = true;
                }
                if (!hasChildren)
                    candidates << id;
            }
            if (candidates.isEmpty())
                continue;
            const QUuid id = pick(m_random, candidates);
            QVERIFY2(client.deletePatient(id, &error), qPrintable(error));
            plan.deletedPatients.insert(id, &client);
            plan.touchedPatients.insert(id);
        }
        ++plan.edits;
    }
}

bool TestSyncRandomized::editPatientField(SyncTestClient &client, EpochPlan &plan)
{
    QList<QUuid> patients;
    for (const SyncRow &row : m_state.liveRows(EntityKind::Patient)) {
        // The child-process PC's own patients are its to edit (outside the plan).
        if (!plan.deletedPatients.contains(row.id) &&
            row.data.value(QStringLiteral("createdBy")).toString() != m_doctor3.id)
            patients << row.id;
    }
    for (const EpochPlan::Created &created : plan.created) {
        if (created.client == &client && created.entity == EntityKind::Patient &&
            !plan.deletedPatients.contains(created.id))
            patients << created.id;
    }
    if (patients.isEmpty())
        return false;
    // Prefer, now and then, a text field another PC already wrote: a contested edit.
    QUuid patientId;
    QString field;
    if (chance(m_random, 0.35)) {
        QList<QPair<QUuid, QString>> contested;
        for (auto it = plan.patientFields.cbegin(); it != plan.patientFields.cend(); ++it) {
            if (kTextFields.contains(it.key().second) && plan.othersClaimed(it.value(), &client) &&
                !plan.deletedPatients.contains(it.key().first) && !plan.createdIds.contains(it.key().first))
                contested << it.key();
        }
        if (!contested.isEmpty()) {
            const auto chosen = pick(m_random, contested);
            patientId = chosen.first;
            field = chosen.second;
        }
    }
    if (patientId.isNull()) {
        patientId = pick(m_random, patients);
        const bool other = chance(m_random, 0.2);
        field = other ? pick(m_random, kOtherFields) : pick(m_random, kTextFields);
        // Fields whose new value is not unique (a toggle, a date) are never contested.
        if (other && plan.othersClaimed(plan.patientFields.value({patientId, field}), &client))
            field = QStringLiteral("history");
    }
    if (!kTextFields.contains(field) &&
        plan.othersClaimed(plan.patientFields.value({patientId, field}), &client))
        return false;
    QJsonObject written;
    QString error;
    if (!client.editPatient(patientId, m_random, {field}, &written, &error)) {
        qWarning("%s", qPrintable(error));
        QTest::qFail(qPrintable(error), __FILE__, __LINE__);
        return false;
    }
    plan.setValue(plan.patientFields[{patientId, field}], &client, written.value(field));
    plan.touchedPatients.insert(patientId);
    return true;
}

void TestSyncRandomized::syncWithFaults(int epoch)
{
    FaultProxy &proxy = m_clinic->proxy();
    FaultProxy::FaultRates rates;
    const double level = 0.02 + 0.06 * std::uniform_real_distribution<double>(0.0, 1.0)(m_random);
    rates.dropMidRequest = level;
    rates.loseResponse = level;
    rates.truncateResponse = level / 2;
    rates.duplicateRequest = level;
    rates.replayLater = level;
    rates.delay = level;
    rates.refuseConnection = level / 2;
    rates.maxDelayMs = 200;
    proxy.setRandomFaults(m_seed ^ (quint64(epoch + 1) * 0x9E3779B97F4A7C15ULL), rates);

    // Random interleaving of single rounds (not until settled): pushes and pulls of different
    // PCs cross each other, some fail and are retried later.
    const QList<SyncTestClient *> all = clients();
    const int steps = 4 + below(m_random, 8);
    const int restartAt = chance(m_random, 0.35) ? below(m_random, steps) : -1;
    const int cutAt = chance(m_random, 0.25) ? below(m_random, steps) : -1;
    for (int step = 0; step < steps; ++step) {
        SyncTestClient *client = pick(m_random, all);
        if (step == restartAt) {
            // In the middle of this PC's round.
            QString error;
            bool restarted = false;
            QTimer::singleShot(below(m_random, 60), this, [&] {
                restarted = m_clinic->restartServer(&error);
                ++m_restarts;
            });
            client->syncRound(30000);
            QTRY_VERIFY2(restarted || !error.isEmpty(), "no restart");
            QVERIFY2(restarted, qPrintable(error));
            continue;
        }
        if (step == cutAt) {
            // The network goes away in the middle of this PC's round and comes back.
            bool back = false;
            QTimer::singleShot(below(m_random, 40), this, [&] {
                proxy.setOffline(true);
                ++m_offlineCuts;
            });
            QTimer::singleShot(100 + below(m_random, 300), this, [&] { back = proxy.setOffline(false); });
            client->syncRound(30000);
            QTRY_VERIFY(back);
            continue;
        }
        client->syncRound(30000);
    }
}

void TestSyncRandomized::runChildPc(EpochPlan &plan)
{
    // The child-process PC works on the same folder in turns with its in-process twin.
    const QString dataDir = m_childDir.filePath(QStringLiteral("pc-k"));
    if (m_k) {
        m_k->close();
        m_k.reset();
    }
    const int killAfter = chance(m_random, 0.8) ? 1 + below(m_random, 10) : -1;
    const SyncClinic::ChildRun run = m_clinic->runChildPc(QStringLiteral("pc-k"), dataDir, m_doctor3,
                                                          m_random(), 12, killAfter, 300, m_random);
    QVERIFY2(run.started, qPrintable(run.output));
    QVERIFY2(run.killed || run.exitedOk, qPrintable(run.output));
    m_kills += run.killed ? 1 : 0;
    QString error;
    m_k = m_clinic->makeClient(QStringLiteral("pc-k"), m_doctor3, &error, QString(), dataDir);
    QVERIFY2(m_k, qPrintable(error));
    const SyncSnapshot local = m_k->snapshot(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const QString &entry : run.committed) {
        const QStringList parts = entry.split(QLatin1Char(' '));
        EntityKind entity = EntityKind::Patient;
        QVERIFY(SyncEntity::fromName(parts.at(0).section(QLatin1Char('-'), 0, 0), &entity));
        QVERIFY2(local.isLive(entity, QUuid(parts.at(1))), qPrintable(QStringLiteral("pc-k lost ") + entry));
    }
    // Whatever it made (printed or not before the kill) is expected on the server.
    for (const SyncRow &row : local.rows) {
        if (!row.isLive() || m_state.contains(row.entity, row.id) || plan.createdIds.contains(row.id))
            continue;
        if (row.entity == EntityKind::Patient || row.entity == EntityKind::Visit ||
            row.entity == EntityKind::Payment) {
            plan.created.append({m_k.get(), row.entity, row.id,
                                 row.entity == EntityKind::Payment
                                     ? row.data.value(QStringLiteral("amount")).toInteger()
                                     : 0});
            plan.createdIds.insert(row.id);
            plan.createdBy.insert(row.id, m_k.get());
        }
    }
}

void TestSyncRandomized::checkOutcome(const EpochPlan &plan, const SyncSnapshot &server)
{
    // Patient fields: one writer -> its value; several -> one of theirs, and each other writer
    // holds a conflict record for that field.
    for (auto it = plan.patientFields.cbegin(); it != plan.patientFields.cend(); ++it) {
        const QUuid patientId = it.key().first;
        const QString &field = it.key().second;
        if (plan.deletedPatients.contains(patientId))
            continue;
        const QJsonValue final = server.row(EntityKind::Patient, patientId).data.value(field);
        bool matched = false;
        for (const EpochPlan::Value &entry : it.value())
            matched = matched || entry.value == final;
        QVERIFY2(matched, qPrintable(QStringLiteral("patient %1 %2 = %3: nobody wrote that")
                                         .arg(idText(patientId), field, json(final))));
        if (it.value().size() == 1)
            continue;
        for (const EpochPlan::Value &entry : it.value()) {
            if (entry.value == final)
                continue;
            bool recorded = false;
            for (const SyncConflict &conflict : entry.client->journal().conflicts()) {
                if (conflict.entity == EntityKind::Patient && conflict.entityId == patientId &&
                    conflict.localValues.value(field) == entry.value &&
                    conflict.serverValues.value(field) == final)
                    recorded = true;
            }
            QVERIFY2(recorded,
                     qPrintable(QStringLiteral("%1 lost patient %2 %3 (%4 vs %5) without a conflict")
                                    .arg(entry.client->name(), idText(patientId), field, json(entry.value),
                                         json(final))));
            ++m_conflicts;
        }
    }
    // Visits: the whole version of one of the PCs that changed it.
    for (auto it = plan.visits.cbegin(); it != plan.visits.cend(); ++it) {
        const QJsonObject final = server.row(EntityKind::Visit, it.key()).data;
        bool matched = false;
        for (const EpochPlan::Value &entry : it.value())
            matched = matched || entry.value.toObject() == final;
        QVERIFY2(
            matched,
            qPrintable(QStringLiteral("visit %1 is no PC's version: %2").arg(idText(it.key()), json(final))));
    }
    // Drafts: one version stays, each other one is a copy (variantOf) and a conflict record.
    QSet<QUuid> expectedCopies;
    for (auto it = plan.drafts.cbegin(); it != plan.drafts.cend(); ++it) {
        if (plan.deletedReports.contains(it.key()))
            continue; // edited, then deleted by the same PC (checked below)
        const QJsonValue final =
            server.row(EntityKind::Report, it.key()).data.value(QStringLiteral("sections"));
        bool matched = false;
        QStringList versions;
        for (const EpochPlan::Value &entry : it.value()) {
            matched = matched || entry.value == final;
            versions << entry.client->name() + QStringLiteral(": ") + json(entry.value);
        }
        const SyncRow serverRow = server.row(EntityKind::Report, it.key());
        QVERIFY2(matched,
                 qPrintable(QStringLiteral("report %1 (revision %2, %3) is no PC's version: %4\n%5")
                                .arg(idText(it.key()))
                                .arg(serverRow.revision)
                                .arg(serverRow.isLive() ? QStringLiteral("live") : QStringLiteral("deleted"),
                                     json(final), versions.join(QLatin1Char('\n')))));
        for (const EpochPlan::Value &entry : it.value()) {
            if (entry.value == final)
                continue;
            QUuid copy;
            for (const SyncRow &row : server.liveRows(EntityKind::Report)) {
                if (row.data.value(QStringLiteral("variantOf")).toString() == idText(it.key()) &&
                    row.data.value(QStringLiteral("sections")) == entry.value)
                    copy = row.id;
            }
            QVERIFY2(!copy.isNull(), qPrintable(QStringLiteral("%1's version of report %2 was not kept")
                                                    .arg(entry.client->name(), idText(it.key()))));
            expectedCopies.insert(copy);
            bool recorded = false;
            for (const SyncConflict &conflict : entry.client->journal().conflicts()) {
                recorded = recorded || (conflict.entity == EntityKind::Report &&
                                        QSet<QUuid>{conflict.entityId, conflict.otherReportId} ==
                                            QSet<QUuid>{it.key(), copy});
            }
            QVERIFY2(recorded, qPrintable(entry.client->name() + QStringLiteral(" shows no draft conflict")));
            ++m_conflicts;
        }
    }
    for (const QUuid &id : plan.exclusiveReports) {
        if (plan.deletedReports.contains(id))
            QVERIFY2(!server.isLive(EntityKind::Report, id), qPrintable(idText(id)));
        else
            QCOMPARE(server.row(EntityKind::Report, id).data.value(QStringLiteral("status")).toString(),
                     QStringLiteral("signed"));
    }
    for (auto it = plan.deletedPatients.cbegin(); it != plan.deletedPatients.cend(); ++it)
        QVERIFY2(!server.isLive(EntityKind::Patient, it.key()), qPrintable(idText(it.key())));

    // Reversals: each original reversed at most once; refused ones sit in their PC's errors.
    QSet<QUuid> refused;
    for (auto it = plan.reversals.cbegin(); it != plan.reversals.cend(); ++it) {
        int accepted = 0;
        QStringList reasons;
        for (const EpochPlan::Value &entry : it.value()) {
            const QUuid reversal(entry.value.toString());
            if (server.isLive(EntityKind::Payment, reversal)) {
                ++accepted;
                reasons << entry.client->name() + QStringLiteral(": accepted");
                continue;
            }
            refused.insert(reversal);
            bool listed = false;
            for (const OutboxError &error : entry.client->journal().errors()) {
                if (error.entity == EntityKind::Payment && error.entityId == reversal) {
                    listed = listed || !error.reasonCode.isEmpty();
                    reasons << QStringLiteral("%1: %2 (%3, %4 attempts)")
                                   .arg(entry.client->name(), error.reasonCode, error.reasonMessage)
                                   .arg(error.attempts);
                }
            }
            QVERIFY2(listed,
                     qPrintable(entry.client->name() + QStringLiteral(": refused reversal not listed")));
        }
        const bool originalLive = server.isLive(EntityKind::Payment, it.key());
        QVERIFY2(
            accepted == 1,
            qPrintable(
                QStringLiteral("payment %1 (%2 on the server, made this epoch: %3) "
                               "reversed %4 times: %5")
                    .arg(idText(it.key()), originalLive ? QStringLiteral("live") : QStringLiteral("absent"),
                         plan.createdIds.contains(it.key()) ? QStringLiteral("yes") : QStringLiteral("no"))
                    .arg(accepted)
                    .arg(reasons.join(QStringLiteral("; ")))));
    }
    m_expectedErrors += int(refused.size());

    // Exactly the expected rows are live, each once; the ledger grew by exactly the accepted
    // entries.
    qint64 expectedSum = m_state.livePaymentSum();
    for (const EntityKind entity :
         {EntityKind::Patient, EntityKind::Visit, EntityKind::Report, EntityKind::Payment}) {
        QSet<QUuid> expected;
        for (const SyncRow &row : m_state.liveRows(entity))
            expected.insert(row.id);
        for (const EpochPlan::Created &created : plan.created) {
            if (created.entity != entity || refused.contains(created.id))
                continue;
            expected.insert(created.id);
            expectedSum += entity == EntityKind::Payment ? created.amount : 0;
        }
        if (entity == EntityKind::Patient) {
            for (auto it = plan.deletedPatients.cbegin(); it != plan.deletedPatients.cend(); ++it)
                expected.remove(it.key());
        }
        if (entity == EntityKind::Report) {
            expected.unite(expectedCopies);
            for (const QUuid &id : plan.deletedReports)
                expected.remove(id);
        }
        QSet<QUuid> live;
        for (const SyncRow &row : server.liveRows(entity))
            live.insert(row.id);
        const QSet<QUuid> missing = expected - live;
        const QSet<QUuid> extra = live - expected;
        QStringList missingText, extraText;
        for (const QUuid &id : missing)
            missingText << idText(id);
        for (const QUuid &id : extra)
            extraText << idText(id);
        QVERIFY2(missing.isEmpty() && extra.isEmpty(),
                 qPrintable(QStringLiteral("%1: missing [%2], unexpected [%3]")
                                .arg(SyncEntity::name(entity), missingText.join(QLatin1Char(',')),
                                     extraText.join(QLatin1Char(',')))));
    }
    QCOMPARE(server.livePaymentSum(), expectedSum);
    QCOMPARE(m_c->snapshot().count(EntityKind::Report), 0);
}

void TestSyncRandomized::resolveConflicts()
{
    // A human on each PC chooses, at random; keeping the local value can start a new round of
    // conflicts with another PC that kept its own: repeat until none is left.
    for (int round = 0; round < 6; ++round) {
        bool any = false;
        for (SyncTestClient *client : clients()) {
            for (const SyncConflict &conflict : client->journal().conflicts()) {
                any = true;
                if (conflict.entity == EntityKind::Patient) {
                    QMap<QString, bool> keepLocal;
                    for (auto it = conflict.localValues.cbegin(); it != conflict.localValues.cend(); ++it)
                        keepLocal.insert(it.key(), chance(m_random, 0.5));
                    QVERIFY2(client->journal().resolvePatientConflict(conflict.conflictId, keepLocal),
                             qPrintable(client->journal().lastError().message));
                } else {
                    const QUuid keep = chance(m_random, 0.5) ? conflict.entityId : conflict.otherReportId;
                    QVERIFY2(client->journal().resolveReportConflict(conflict.conflictId, keep),
                             qPrintable(client->journal().lastError().message));
                }
            }
        }
        if (!any)
            return;
        converge();
        if (QTest::currentTestFailed())
            return;
    }
    for (SyncTestClient *client : clients())
        QVERIFY2(client->journal().conflicts().isEmpty(),
                 qPrintable(client->name() + QStringLiteral(": conflicts keep coming")));
}

int main(int argc, char **argv)
{
    // A soak of hours must not be cut by QtTest's watchdog (5 minutes per test function by
    // default); it reads the variable when it starts, before any test code runs.
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT")) {
        const int soak = std::max(20, qEnvironmentVariableIntValue("MEDORA_SYNC_SOAK_SECONDS"));
        qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number((qint64(soak) + 600) * 1000));
    }
    QCoreApplication app(argc, argv);
    TestSyncRandomized test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_syncrandomized.moc"
