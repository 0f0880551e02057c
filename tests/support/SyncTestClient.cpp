#include "SyncTestClient.h"

#include "MemorySecretStore.h"
#include "RegistryGenerator.h"
#include "api/ApiClient.h"
#include "domain/EntityJson.h"
#include "registry/PatientRegistry.h"
#include "session/SessionManager.h"
#include "store/PaymentStore.h"
#include "store/ReportStore.h"
#include "store/VisitStore.h"
#include "sync/ApiSyncTransport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSettings>
#include <QSqlQuery>
#include <QTimer>

namespace medora {

namespace {

// Device ids must stay the same for one PC (one data folder) across restarts and child
// processes: a name-based UUID of the folder.
QString deviceIdFor(const QString &dataDir)
{
    static const QUuid kNamespace(QStringLiteral("{6f1d2c9e-51a4-4f0e-9d0c-3b7a7e2f8a11}"));
    return QUuid::createUuidV5(kNamespace, QDir(dataDir).absolutePath()).toString(QUuid::WithoutBraces);
}

QString fieldErrorsText(const FieldErrors &errors)
{
    QStringList parts;
    for (const FieldError &error : errors)
        parts << error.field + QStringLiteral(": ") + error.message;
    return parts.join(QStringLiteral("; "));
}

// Letters only (names must be letters): the counter in base 26 after a capital per PC.
QString letterCode(const QString &name, int counter)
{
    QChar pc = QLatin1Char('X');
    for (qsizetype i = name.size() - 1; i >= 0; --i) {
        if (name.at(i).isLetter()) {
            pc = name.at(i).toUpper();
            break;
        }
    }
    QString code;
    int n = counter;
    do {
        code.prepend(QChar(QLatin1Char('a').unicode() + n % 26));
        n /= 26;
    } while (n > 0);
    return pc + code;
}

int below(std::mt19937_64 &random, int bound)
{
    return bound <= 1 ? 0 : int(std::uniform_int_distribution<int>(0, bound - 1)(random));
}

} // namespace

SyncEngine::Options SyncTestClient::defaultEngineOptions()
{
    SyncEngine::Options options;
    options.debounceMs = 0;
    options.periodicMs = 0;
    options.longPollSeconds = 0;
    options.backoffInitialMs = 20;
    options.backoffMaxMs = 500;
    options.batchOps = 25; // several batches per round: faults can fall between them
    return options;
}

SyncTestClient::SyncTestClient(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    if (m_options.dataDir.isEmpty()) {
        m_ownDir = std::make_unique<QTemporaryDir>();
        m_options.dataDir = m_ownDir->path();
    }
    m_deviceId = deviceIdFor(m_options.dataDir);
}

SyncTestClient::~SyncTestClient()
{
    close();
}

QString SyncTestClient::dataDir() const
{
    return m_options.dataDir;
}

bool SyncTestClient::fail(QString *error, const QString &what) const
{
    if (error)
        *error = m_options.name + QStringLiteral(": ") + what;
    return false;
}

bool SyncTestClient::open(QString *error)
{
    if (isOpen())
        return true;
    if (!QDir().mkpath(m_options.dataDir))
        return fail(error, QStringLiteral("cannot create ") + m_options.dataDir);
    m_registry = std::make_unique<PatientRegistry>();
    if (!m_registry->open(m_options.dataDir)) {
        const QString message = m_registry->lastError().message;
        m_registry.reset();
        return fail(error, QStringLiteral("cannot open the store: ") + message);
    }
    Database &database = m_registry->database();
    m_visits = std::make_unique<VisitStore>(database);
    m_reports = std::make_unique<ReportStore>(database);
    m_payments = std::make_unique<PaymentStore>(database);
    m_journal = std::make_unique<SyncJournal>(database);

    m_secrets = std::make_unique<MemorySecretStore>();
    m_api = std::make_unique<ApiClient>();
    m_api->setTransferTimeout(m_options.transferTimeoutMs);
    m_api->setAllowInsecureHttp(m_options.serverUrl.startsWith(QLatin1String("http://")));
    if (!m_options.caCertificateFile.isEmpty()) {
        QString caError;
        if (!m_api->setCaCertificateFile(m_options.caCertificateFile, &caError))
            return fail(error, QStringLiteral("CA certificate: ") + caError);
    }
    m_session = std::make_unique<SessionManager>(*m_api, *m_secrets);
    if (!m_options.serverUrl.isEmpty()) {
        const ApiError addressError = m_session->setServerAddress(m_options.serverUrl);
        if (!addressError.ok())
            return fail(error, QStringLiteral("server address: ") + addressError.message);
    }
    m_transport = std::make_unique<ApiSyncTransport>(*m_session);
    m_transport->setDeviceId(m_deviceId);
    m_engine = std::make_unique<SyncEngine>(*m_journal, *m_transport, m_options.engine);
    // What the desktop client does with pulled pages: the search index catches up.
    connect(m_engine.get(), &SyncEngine::pageApplied, m_registry.get(),
            [registry = m_registry.get()] { registry->refreshFromStore(); });
    return true;
}

bool SyncTestClient::isOpen() const
{
    return m_registry != nullptr;
}

bool SyncTestClient::signIn(QString *error, int timeoutMs)
{
    if (!isOpen())
        return fail(error, QStringLiteral("not open"));
    // SessionManager names the PC by the device id in the settings; several PCs share this
    // process's settings, so each writes its own id right before it signs in (the id is read
    // then, and again only for a token refresh, which a test's token lifetime avoids).
    QSettings().setValue(SessionManager::deviceIdSettingsKey(), m_deviceId);

    // Behind the fault proxy a sign-in can lose its connection like any request; a person
    // would press "Sign in" again, so the PC tries a few times before the test calls it failed.
    QString failure;
    for (int attempt = 0; attempt < 5; ++attempt) {
        QEventLoop loop;
        bool answered = false;
        bool retryable = false;
        failure.clear();
        const auto done = [&](const QString &why) {
            answered = true;
            failure = why;
            loop.quit();
        };
        const QMetaObject::Connection connections[] = {
            connect(m_session.get(), &SessionManager::signedIn, &loop, [&] { done(QString()); }),
            connect(m_session.get(), &SessionManager::signInFailed, &loop,
                    [&](const ApiError &e) {
                        retryable = e.isNetworkFailure();
                        done(QStringLiteral("sign-in failed: %1 %2").arg(e.code, e.message));
                    }),
            connect(m_session.get(), &SessionManager::passwordChangeRequired, &loop,
                    [&] { done(QStringLiteral("the account must change its password first")); }),
        };
        QTimer::singleShot(timeoutMs, &loop, [&] { done(QStringLiteral("no sign-in answer in time")); });
        m_session->signIn(m_options.login, m_options.password);
        if (!answered)
            loop.exec();
        for (const auto &connection : connections)
            disconnect(connection);
        if (failure.isEmpty() || !retryable)
            break;
    }
    if (!failure.isEmpty())
        return fail(error, failure);
    return true;
}

void SyncTestClient::close()
{
    if (m_engine)
        m_engine->stop();
    m_engine.reset();
    m_transport.reset();
    m_session.reset();
    m_api.reset();
    m_secrets.reset();
    m_journal.reset();
    m_payments.reset();
    m_reports.reset();
    m_visits.reset();
    if (m_registry)
        m_registry->close();
    m_registry.reset();
}

UserProfile SyncTestClient::user() const
{
    return m_session ? m_session->user() : UserProfile();
}

SyncTestClient::Round SyncTestClient::syncRound(int timeoutMs)
{
    return runRound(timeoutMs, true);
}

SyncTestClient::Round SyncTestClient::nextRound(int timeoutMs)
{
    return runRound(timeoutMs, false);
}

SyncTestClient::Round SyncTestClient::runRound(int timeoutMs, bool start)
{
    Round round;
    if (!isOpen()) {
        round.failure = QStringLiteral("not open");
        return round;
    }
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    const QMetaObject::Connection finished =
        connect(m_engine.get(), &SyncEngine::roundFinished, &loop, [&](bool ok) {
            round.finished = true;
            round.ok = ok;
            loop.quit();
        });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!m_engine->isRunning())
        m_engine->start();
    else if (start)
        m_engine->syncNow();
    if (!round.finished && m_engine->status().activity != SyncStatus::Activity::Paused)
        loop.exec();
    disconnect(finished);
    round.elapsedMs = double(clock.nsecsElapsed()) / 1e6;
    if (!round.ok) {
        const SyncStatus status = m_engine->status();
        round.failure = status.activity == SyncStatus::Activity::Paused && !round.finished
                            ? QStringLiteral("paused: not signed in")
                        : round.finished ? status.lastFailure
                                         : QStringLiteral("no round finished within %1 ms").arg(timeoutMs);
    }
    return round;
}

bool SyncTestClient::syncUntilSettled(int timeoutMs, QString *failure)
{
    QElapsedTimer clock;
    clock.start();
    QString last;
    bool retrying = false;
    while (clock.elapsed() < timeoutMs) {
        const int before = journal().counts().pendingOps;
        const int remaining = int(std::max<qint64>(1000, timeoutMs - clock.elapsed()));
        // After a failure the engine retries by itself after its backoff: that retry is the
        // next round (starting one at once would defeat the backoff).
        const Round round = retrying ? nextRound(remaining) : syncRound(remaining);
        retrying = round.finished && !round.ok;
        if (!round.ok) {
            last = round.failure;
            if (!round.finished)
                break;
            continue;
        }
        const int after = journal().counts().pendingOps;
        if (after == 0 || after >= before)
            return true;
    }
    if (failure)
        *failure = m_options.name +
                   QStringLiteral(": not settled within %1 ms; last failure: %2").arg(timeoutMs).arg(last);
    return false;
}

SyncCounts SyncTestClient::counts() const
{
    return m_journal ? m_journal->counts() : SyncCounts();
}

qint64 SyncTestClient::cursor() const
{
    return m_journal ? m_journal->cursor() : 0;
}

SyncSnapshot SyncTestClient::snapshot(QString *error) const
{
    SyncSnapshot snapshot;
    if (m_registry && !SyncSnapshot::fromDatabase(m_registry->database(), &snapshot, error))
        snapshot.rows.clear();
    return snapshot;
}

QString SyncTestClient::uniqueText(const QString &prefix)
{
    return (prefix.isEmpty() ? QString() : prefix + QLatin1Char(' ')) + m_options.name + QLatin1Char('#') +
           QString::number(++m_counter);
}

qint64 SyncTestClient::patientLocalId(const QUuid &id) const
{
    if (!m_registry)
        return 0;
    QSqlQuery query(m_registry->database().connection());
    query.prepare(QStringLiteral("SELECT rowid FROM patient WHERE uuid = ?"));
    query.addBindValue(id.toString(QUuid::WithoutBraces));
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

std::optional<Patient> SyncTestClient::patient(const QUuid &id) const
{
    const qint64 localId = patientLocalId(id);
    if (localId == 0)
        return std::nullopt;
    return m_registry->patient(localId);
}

std::optional<Patient> SyncTestClient::createPatient(std::mt19937_64 &random, QString *error)
{
    RegistryGenerator generator(random());
    Patient patient = generator.next();
    patient.number.clear(); // this PC's own number series
    patient.createdBy = userId();
    patient.notes = uniqueText(QStringLiteral("registered"));
    FieldErrors errors;
    if (!m_registry->registerPatient(patient, &errors)) {
        fail(error, QStringLiteral("registerPatient: ") + fieldErrorsText(errors) + QLatin1Char(' ') +
                        m_registry->lastError().message);
        return std::nullopt;
    }
    return patient;
}

bool SyncTestClient::editPatient(const QUuid &id, std::mt19937_64 &random, const QStringList &fields,
                                 QJsonObject *written, QString *error)
{
    std::optional<Patient> found = patient(id);
    if (!found)
        return fail(error, QStringLiteral("no patient ") + id.toString());
    Patient edited = *found;
    QStringList chosen = fields;
    if (chosen.isEmpty()) {
        const QStringList all = EntityJson::patientMergeFields();
        const int count = 1 + below(random, 3);
        while (chosen.size() < count) {
            const QString field = all.at(below(random, int(all.size())));
            if (!chosen.contains(field))
                chosen << field;
        }
    }
    for (const QString &field : std::as_const(chosen)) {
        const QString letters = letterCode(m_options.name, ++m_counter);
        if (field == QLatin1String("lastName"))
            edited.lastName = QStringLiteral("Karimova-") + letters;
        else if (field == QLatin1String("firstName"))
            edited.firstName = QStringLiteral("Dilnoza-") + letters;
        else if (field == QLatin1String("fatherName"))
            edited.fatherName = QStringLiteral("Rustamovna-") + letters;
        else if (field == QLatin1String("birthDate"))
            edited.birthDate = QDate(1940, 1, 1).addDays(below(random, 30000));
        else if (field == QLatin1String("birthDateEstimated"))
            edited.birthDateEstimated = !edited.birthDateEstimated;
        else if (field == QLatin1String("sex"))
            edited.sex = edited.sex == Sex::Female ? Sex::Male : Sex::Female;
        else if (field == QLatin1String("phone"))
            edited.phone =
                QStringLiteral("+99890%1").arg(1000000 + (m_counter * 7919 + below(random, 1000)) % 9000000);
        else if (field == QLatin1String("address"))
            edited.address = uniqueText(QStringLiteral("Toshkent, Chilonzor"));
        else if (field == QLatin1String("allergies"))
            edited.allergies = uniqueText(QStringLiteral("penicillin"));
        else if (field == QLatin1String("medications"))
            edited.medications = uniqueText(QStringLiteral("metformin"));
        else if (field == QLatin1String("history"))
            edited.history = uniqueText(QStringLiteral("hypertension"));
        else if (field == QLatin1String("notes"))
            edited.notes = uniqueText(QStringLiteral("note"));
        else
            return fail(error, QStringLiteral("not a patient merge field: ") + field);
    }
    FieldErrors errors;
    if (!m_registry->updatePatient(edited, &errors))
        return fail(error, QStringLiteral("updatePatient: ") + fieldErrorsText(errors) + QLatin1Char(' ') +
                               m_registry->lastError().message);
    if (written) {
        const QJsonObject data = EntityJson::toJson(edited);
        for (const QString &field : std::as_const(chosen))
            written->insert(field, data.value(field));
    }
    return true;
}

bool SyncTestClient::deletePatient(const QUuid &id, QString *error)
{
    const qint64 localId = patientLocalId(id);
    if (localId == 0)
        return fail(error, QStringLiteral("no patient ") + id.toString());
    if (!m_registry->removePatient(localId))
        return fail(error, QStringLiteral("removePatient: ") + m_registry->lastError().message);
    return true;
}

std::optional<Visit> SyncTestClient::createVisit(const QUuid &patientId, std::mt19937_64 &random,
                                                 QString *error)
{
    Visit visit;
    visit.patientId = patientId;
    visit.doctorId = m_options.doctorId.isEmpty() ? userId() : m_options.doctorId;
    visit.day = QDate::currentDate();
    visit.priority = below(random, 5) == 0 ? VisitPriority::Urgent : VisitPriority::Normal;
    visit.note = uniqueText(QStringLiteral("queued"));
    visit.createdBy = userId();
    FieldErrors errors;
    if (!m_visits->insert(visit, &errors)) {
        fail(error, QStringLiteral("VisitStore::insert: ") + fieldErrorsText(errors) + QLatin1Char(' ') +
                        m_visits->lastError().message);
        return std::nullopt;
    }
    return visit;
}

bool SyncTestClient::advanceVisit(const QUuid &id, QString *error)
{
    const std::optional<Visit> visit = m_visits->getById(id);
    if (!visit)
        return fail(error, QStringLiteral("no visit ") + id.toString());
    VisitStatus next = VisitStatus::Called;
    switch (visit->status) {
    case VisitStatus::Waiting:
        next = VisitStatus::Called;
        break;
    case VisitStatus::Called:
        next = VisitStatus::InProgress;
        break;
    case VisitStatus::InProgress:
        next = VisitStatus::Done;
        break;
    case VisitStatus::Done:
    case VisitStatus::Cancelled:
    case VisitStatus::NoShow:
        // Finished visits only get their note changed (reception's remark).
        return editVisitNote(id, nullptr, error);
    }
    if (!m_visits->setStatus(visit->localId, next))
        return fail(error, QStringLiteral("VisitStore::setStatus: ") + m_visits->lastError().message);
    return true;
}

bool SyncTestClient::editVisitNote(const QUuid &id, QString *note, QString *error)
{
    std::optional<Visit> visit = m_visits->getById(id);
    if (!visit)
        return fail(error, QStringLiteral("no visit ") + id.toString());
    visit->note = uniqueText(QStringLiteral("remark"));
    FieldErrors errors;
    if (!m_visits->update(*visit, &errors))
        return fail(error, QStringLiteral("VisitStore::update: ") + fieldErrorsText(errors) +
                               QLatin1Char(' ') + m_visits->lastError().message);
    if (note)
        *note = visit->note;
    return true;
}

bool SyncTestClient::deleteVisit(const QUuid &id, QString *error)
{
    const std::optional<Visit> visit = m_visits->getById(id);
    if (!visit)
        return fail(error, QStringLiteral("no visit ") + id.toString());
    if (!m_visits->remove(visit->localId))
        return fail(error, QStringLiteral("VisitStore::remove: ") + m_visits->lastError().message);
    return true;
}

std::optional<Report> SyncTestClient::createReport(const QUuid &visitId, std::mt19937_64 &random,
                                                   QString *error)
{
    const std::optional<Visit> visit = m_visits->getById(visitId);
    if (!visit) {
        fail(error, QStringLiteral("no visit ") + visitId.toString());
        return std::nullopt;
    }
    Report report;
    report.visitId = visitId;
    report.patientId = visit->patientId;
    report.authorId = userId();
    report.sections.complaints = uniqueText(QStringLiteral("headache, fever"));
    report.sections.anamnesis = QStringLiteral("Ill for three days.");
    report.sections.vitals = {
        {QStringLiteral("temperature"), QStringLiteral("37.%1").arg(below(random, 10)), QStringLiteral("°C")},
        {QStringLiteral("pulse"), QString::number(60 + below(random, 40)), QStringLiteral("bpm")}};
    report.sections.diagnosis = QStringLiteral("Acute upper respiratory infection");
    report.sections.icd10 = QStringLiteral("J06.9");
    report.sections.treatmentPlan = QStringLiteral("Rest, fluids.");
    FieldErrors errors;
    if (!m_reports->insert(report, &errors)) {
        fail(error, QStringLiteral("ReportStore::insert: ") + fieldErrorsText(errors) + QLatin1Char(' ') +
                        m_reports->lastError().message);
        return std::nullopt;
    }
    return report;
}

bool SyncTestClient::editReport(const QUuid &id, std::mt19937_64 &random, QString *error)
{
    std::optional<Report> report = m_reports->getById(id);
    if (!report)
        return fail(error, QStringLiteral("no report ") + id.toString());
    report->sections.examination = uniqueText(QStringLiteral("examined"));
    if (below(random, 2) == 0)
        report->sections.recommendations = uniqueText(QStringLiteral("recommended"));
    FieldErrors errors;
    if (!m_reports->update(*report, &errors))
        return fail(error, QStringLiteral("ReportStore::update: ") + fieldErrorsText(errors) +
                               QLatin1Char(' ') + m_reports->lastError().message);
    return true;
}

bool SyncTestClient::signReport(const QUuid &id, QString *error)
{
    const std::optional<Report> report = m_reports->getById(id);
    if (!report)
        return fail(error, QStringLiteral("no report ") + id.toString());
    if (!m_reports->sign(report->localId))
        return fail(error, QStringLiteral("ReportStore::sign: ") + m_reports->lastError().message);
    return true;
}

std::optional<Report> SyncTestClient::createAddendum(const QUuid &signedId, std::mt19937_64 &random,
                                                     QString *error)
{
    const std::optional<Report> original = m_reports->getById(signedId);
    if (!original) {
        fail(error, QStringLiteral("no report ") + signedId.toString());
        return std::nullopt;
    }
    Report addendum;
    addendum.authorId = userId();
    addendum.sections.notes = uniqueText(QStringLiteral("addendum"));
    addendum.sections.diagnosis =
        below(random, 2) == 0 ? QStringLiteral("Influenza") : QStringLiteral("Bronchitis");
    FieldErrors errors;
    if (!m_reports->createAddendum(original->localId, addendum, &errors)) {
        fail(error, QStringLiteral("ReportStore::createAddendum: ") + fieldErrorsText(errors) +
                        QLatin1Char(' ') + m_reports->lastError().message);
        return std::nullopt;
    }
    return addendum;
}

bool SyncTestClient::deleteReport(const QUuid &id, QString *error)
{
    const std::optional<Report> report = m_reports->getById(id);
    if (!report)
        return fail(error, QStringLiteral("no report ") + id.toString());
    if (!m_reports->remove(report->localId))
        return fail(error, QStringLiteral("ReportStore::remove: ") + m_reports->lastError().message);
    return true;
}

std::optional<Payment> SyncTestClient::takePayment(const QUuid &patientId, const QUuid &visitId,
                                                   qint64 amount, std::mt19937_64 &random, QString *error)
{
    Payment payment;
    payment.patientId = patientId;
    payment.visitId = visitId;
    payment.amount = amount;
    payment.method = static_cast<PaymentMethod>(below(random, 4));
    payment.takenBy = userId();
    payment.note = uniqueText(QStringLiteral("paid"));
    FieldErrors errors;
    if (!m_payments->insert(payment, &errors)) {
        fail(error, QStringLiteral("PaymentStore::insert: ") + fieldErrorsText(errors) + QLatin1Char(' ') +
                        m_payments->lastError().message);
        return std::nullopt;
    }
    return payment;
}

std::optional<Payment> SyncTestClient::reversePayment(const QUuid &paymentId, QString *error)
{
    const std::optional<Payment> original = m_payments->getById(paymentId);
    if (!original) {
        fail(error, QStringLiteral("no payment ") + paymentId.toString());
        return std::nullopt;
    }
    Payment reversal;
    if (!m_payments->reverse(original->localId, userId(), uniqueText(QStringLiteral("reversed")),
                             &reversal)) {
        fail(error, QStringLiteral("PaymentStore::reverse: ") + m_payments->lastError().message);
        return std::nullopt;
    }
    return reversal;
}

} // namespace medora
