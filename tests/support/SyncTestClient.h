#pragma once

#include "SyncSnapshot.h"
#include "api/UserProfile.h"
#include "domain/Patient.h"
#include "domain/Payment.h"
#include "domain/Report.h"
#include "domain/Visit.h"
#include "store/SyncJournal.h"
#include "sync/SyncEngine.h"

#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>
#include <random>

namespace medora {

class ApiClient;
class ApiSyncTransport;
class MemorySecretStore;
class PatientRegistry;
class PaymentStore;
class ReportStore;
class SessionManager;
class VisitStore;

// One clinic PC's client core for end-to-end sync tests: its own data folder with the local
// store (PatientRegistry, VisitStore, ReportStore, PaymentStore, SyncJournal) and the real
// network half (ApiClient, SessionManager with an in-memory keychain, ApiSyncTransport,
// SyncEngine), signed in as one staff member. Several of them run in one test process, each
// with its own SQLite file and its own device id.
//
// Edits go through the stores exactly as the desktop client's would; the helpers below make
// random but valid ones (seeded) and say what they did. Sync is driven round by round, so a
// test decides who syncs when.
class SyncTestClient : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString name;              // "pc-a": device id, logs
        QString dataDir;           // empty: a temporary folder owned by this client
        QString serverUrl;         // http:// (through a FaultProxy) or https://
        QString caCertificateFile; // trusted for https://
        QString login;
        QString password;
        QString doctorId; // visits' doctor; empty: the signed-in user (a doctor)
        SyncEngine::Options engine = defaultEngineOptions();
        int transferTimeoutMs = 20000;
    };

    // Fast retries, no debounce, no long poll, no periodic round: tests drive the rounds.
    static SyncEngine::Options defaultEngineOptions();

    explicit SyncTestClient(Options options, QObject *parent = nullptr);
    ~SyncTestClient() override;

    // Opens the local store (creating it), without any network.
    bool open(QString *error = nullptr);
    // Signs in (SessionManager::signIn) with this PC's device id; waits for the answer.
    bool signIn(QString *error = nullptr, int timeoutMs = 20000);
    // Stops the engine and closes the store; open() + signIn() again resume (a restart).
    void close();
    bool isOpen() const;

    const Options &options() const { return m_options; }
    QString name() const { return m_options.name; }
    QString dataDir() const;
    QString deviceId() const { return m_deviceId; }
    UserProfile user() const;
    QString userId() const { return user().id; }

    PatientRegistry &registry() { return *m_registry; }
    VisitStore &visits() { return *m_visits; }
    ReportStore &reports() { return *m_reports; }
    PaymentStore &payments() { return *m_payments; }
    SyncJournal &journal() { return *m_journal; }
    SyncEngine &engine() { return *m_engine; }
    ApiClient &api() { return *m_api; }
    SessionManager &session() { return *m_session; }
    ApiSyncTransport &transport() { return *m_transport; }

    // --- Sync -------------------------------------------------------------------------
    struct Round
    {
        bool finished = false; // roundFinished arrived within the time
        bool ok = false;
        QString failure;      // the engine's lastFailure when not ok
        double elapsedMs = 0; // wall time of the round, sub-millisecond
    };
    // One round (push everything ready, pull to the end of the feed) started now.
    Round syncRound(int timeoutMs = 30000);
    // Waits for the round the engine starts by itself (its retry after a failure, its
    // debounce after a save) without starting one.
    Round nextRound(int timeoutMs = 30000);
    // Rounds until one succeeds with nothing left to push, or one succeeds without reducing
    // what waits (ops that wait for another PC's data). False when no round succeeded in time;
    // `failure` then says what the last one reported.
    bool syncUntilSettled(int timeoutMs, QString *failure = nullptr);

    SyncCounts counts() const;
    qint64 cursor() const;
    SyncSnapshot snapshot(QString *error = nullptr) const;

    // --- Edits (all through the stores; false + error text when a store refuses) -------
    std::optional<Patient> createPatient(std::mt19937_64 &random, QString *error = nullptr);
    // Changes `fields` (patient merge fields; empty: 1..3 random ones) to new values that
    // say who wrote them ("pc-a#17"). `written` gets field -> value as EntityJson has it.
    bool editPatient(const QUuid &id, std::mt19937_64 &random, const QStringList &fields = {},
                     QJsonObject *written = nullptr, QString *error = nullptr);
    bool deletePatient(const QUuid &id, QString *error = nullptr);
    std::optional<Visit> createVisit(const QUuid &patientId, std::mt19937_64 &random,
                                     QString *error = nullptr);
    // The next step of the visit's life (waiting -> called -> in progress -> done).
    bool advanceVisit(const QUuid &id, QString *error = nullptr);
    // Reception's remark on the visit; `note` gets the text written.
    bool editVisitNote(const QUuid &id, QString *note = nullptr, QString *error = nullptr);
    bool deleteVisit(const QUuid &id, QString *error = nullptr);
    std::optional<Report> createReport(const QUuid &visitId, std::mt19937_64 &random,
                                       QString *error = nullptr);
    bool editReport(const QUuid &id, std::mt19937_64 &random, QString *error = nullptr);
    bool signReport(const QUuid &id, QString *error = nullptr);
    std::optional<Report> createAddendum(const QUuid &signedId, std::mt19937_64 &random,
                                         QString *error = nullptr);
    bool deleteReport(const QUuid &id, QString *error = nullptr);
    std::optional<Payment> takePayment(const QUuid &patientId, const QUuid &visitId, qint64 amount,
                                       std::mt19937_64 &random, QString *error = nullptr);
    std::optional<Payment> reversePayment(const QUuid &paymentId, QString *error = nullptr);

    // Looks up by id in the local store.
    std::optional<Patient> patient(const QUuid &id) const;
    qint64 patientLocalId(const QUuid &id) const; // 0 when absent

    // A value no other edit wrote: "<name>#<counter>".
    QString uniqueText(const QString &prefix = QString());

private:
    bool fail(QString *error, const QString &what) const;
    Round runRound(int timeoutMs, bool start);

    Options m_options;
    QString m_deviceId;
    std::unique_ptr<QTemporaryDir> m_ownDir;
    std::unique_ptr<PatientRegistry> m_registry;
    std::unique_ptr<VisitStore> m_visits;
    std::unique_ptr<ReportStore> m_reports;
    std::unique_ptr<PaymentStore> m_payments;
    std::unique_ptr<SyncJournal> m_journal;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_session;
    std::unique_ptr<ApiSyncTransport> m_transport;
    std::unique_ptr<SyncEngine> m_engine;
    int m_counter = 0;
};

} // namespace medora
