#include "i18n/LanguageManager.h"
#include "registry/MainWindow.h"
#include "registry/PatientListModel.h"
#include "registry/PatientRegistry.h"
#include "store/SyncJournal.h"
#include "sync/ConflictDialog.h"
#include "sync/SyncEngine.h"
#include "sync/SyncErrorsDialog.h"
#include "sync/SyncStatusIndicator.h"
#include "sync/SyncTransport.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <functional>
#include <memory>

using namespace medora;

namespace {

// A server on the event loop: every push op is answered by `answer` (applied by default),
// every pull returns no changes.
class FakeTransport : public SyncTransport
{
public:
    std::function<PushResult(const PushOperation &, qint64 sequence)> answer;
    int pushes = 0;

    static PushResult applied(const PushOperation &op, qint64 sequence)
    {
        PushResult result;
        result.opId = op.opId;
        result.status = PushStatus::Applied;
        result.revision = sequence;
        result.sequence = sequence;
        result.hasRecord = true;
        result.record.entity = op.entity;
        result.record.id = op.id;
        result.record.revision = sequence;
        result.record.sequence = sequence;
        result.record.updatedAt = QStringLiteral("2026-11-28T06:00:00.000Z");
        result.record.data = op.data;
        return result;
    }

    void push(const PushRequest &request, QObject *context, PushDone done) override
    {
        ++pushes;
        PushResponse response;
        for (const PushOperation &op : request.ops)
            response.results << (answer ? answer(op, ++m_sequence) : applied(op, ++m_sequence));
        response.serverSequence = m_sequence;
        const int epoch = m_epoch;
        QTimer::singleShot(0, context, [this, epoch, done, response] {
            if (epoch == m_epoch)
                done(ApiError(), response);
        });
    }

    void pull(qint64 after, int, int, QObject *context, PullDone done) override
    {
        PullPage page;
        page.next = std::max(after, m_sequence);
        page.serverSequence = m_sequence;
        page.databaseId = QStringLiteral("0123456789abcdef0123456789abcdef");
        const int epoch = m_epoch;
        QTimer::singleShot(0, context, [this, epoch, done, page] {
            if (epoch == m_epoch)
                done(ApiError(), page);
        });
    }

    void cancelAll() override { ++m_epoch; }
    bool isAvailable() const override { return true; }

private:
    qint64 m_sequence = 0;
    int m_epoch = 0;
};

Patient newPatient(const QString &lastName)
{
    Patient patient;
    patient.lastName = lastName;
    patient.firstName = QStringLiteral("Jasur");
    patient.sex = Sex::Male;
    patient.birthDate = QDate(1979, 6, 4);
    return patient;
}

} // namespace

class TestMainWindowSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void indicatorAndSyncMenuAreInTheWindow();
    void aSaveShowsAtOnceAndARoundTurnsItGreen();
    void aRefusedChangeIsListedAndRetriedFromTheWindow();
    void aConflictIsDecidedFromTheWindow();

private:
    SyncState rowState(qint64 localId) const;
    bool runRound();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PatientRegistry> m_registry;
    std::unique_ptr<SyncJournal> m_journal;
    std::unique_ptr<FakeTransport> m_transport;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindowSync::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowsync"));
}

void TestMainWindowSync::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_registry = std::make_unique<PatientRegistry>();
    QVERIFY2(m_registry->open(m_dir->path()), qPrintable(m_registry->lastError().message));
    m_journal = std::make_unique<SyncJournal>(m_registry->database());
    m_transport = std::make_unique<FakeTransport>();
    SyncEngine::Options options;
    options.debounceMs = 0;
    options.longPollSeconds = 0;
    options.periodicMs = 0;
    options.backoffInitialMs = 10;
    m_engine = std::make_unique<SyncEngine>(*m_journal, *m_transport, options);
    // As app/main.cpp wires them: local saves start a round, rows sync wrote reach the index.
    connect(m_registry.get(), &PatientRegistry::patientSaved, m_engine.get(), &SyncEngine::notifyLocalChange);
    const auto refresh = [registry = m_registry.get()] { registry->refreshFromStore(); };
    connect(m_engine.get(), &SyncEngine::pageApplied, m_registry.get(), refresh);
    connect(m_engine.get(), &SyncEngine::roundFinished, m_registry.get(), refresh);
    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
    m_window = std::make_unique<MainWindow>(*m_registry, *m_languages);
    m_window->setSync(m_engine.get(), m_journal.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindowSync::cleanup()
{
    m_window.reset();
    m_engine.reset();
    m_transport.reset();
    m_journal.reset();
    m_languages.reset();
    m_registry.reset();
    m_dir.reset();
}

SyncState TestMainWindowSync::rowState(qint64 localId) const
{
    PatientListModel *model = m_window->model();
    return SyncState(model->index(model->rowOf(localId), PatientListModel::NumberColumn)
                         .data(PatientListModel::SyncStateRole)
                         .toInt());
}

bool TestMainWindowSync::runRound()
{
    QSignalSpy finished(m_engine.get(), &SyncEngine::roundFinished);
    if (!m_engine->isRunning())
        m_engine->start();
    else
        m_window->syncNowAction()->trigger();
    return finished.wait(5000) && finished.last().at(0).toBool();
}

void TestMainWindowSync::indicatorAndSyncMenuAreInTheWindow()
{
    SyncStatusIndicator *indicator = m_window->syncIndicator();
    QVERIFY(indicator);
    QVERIFY(indicator->isVisible());
    QVERIFY(m_window->statusBar()->isAncestorOf(indicator));
    QCOMPARE(indicator->text(), QStringLiteral("Not synced yet · Offline"));

    auto *menu = m_window->findChild<QMenu *>(QStringLiteral("syncMenu"));
    QVERIFY(menu);
    QVERIFY(m_window->menuBar()->actions().contains(menu->menuAction()));
    QCOMPARE(menu->title(), QStringLiteral("S&ync"));
    QVERIFY(menu->actions().contains(m_window->syncNowAction()));
    QVERIFY(menu->actions().contains(m_window->syncErrorsAction()));
    QVERIFY(menu->actions().contains(m_window->conflictsAction()));
    // Sync is not running (nobody signed in): nothing to sync now, no errors, no conflicts.
    QVERIFY(!m_window->syncNowAction()->isEnabled());
    QVERIFY(!m_window->syncErrorsAction()->isEnabled());
    QVERIFY(!m_window->conflictsAction()->isEnabled());

    m_engine->start();
    QVERIFY(m_window->syncNowAction()->isEnabled());
    m_engine->stop();
    QVERIFY(!m_window->syncNowAction()->isEnabled());
}

void TestMainWindowSync::aSaveShowsAtOnceAndARoundTurnsItGreen()
{
    Patient patient = newPatient(QStringLiteral("Nazarov"));
    QVERIFY(m_registry->registerPatient(patient));
    // The outbox count shows without waiting for the engine (which is not even running).
    QCOMPARE(m_window->syncIndicator()->text(),
             QStringLiteral("1 change(s) waiting for less than a minute · Offline"));
    QCOMPARE(rowState(patient.localId), SyncState::New);

    QVERIFY(runRound());
    QTRY_VERIFY(m_window->syncIndicator()->isShowingGreen());
    QCOMPARE(m_window->syncIndicator()->text(), QStringLiteral("All changes synced"));
    QCOMPARE(rowState(patient.localId), SyncState::Synced);
    QCOMPARE(m_transport->pushes, 1);

    patient = *m_registry->patient(patient.localId);
    patient.phone = QStringLiteral("+998901234567");
    QVERIFY(m_registry->updatePatient(patient));
    QVERIFY(!m_window->syncIndicator()->isShowingGreen());
    QCOMPARE(rowState(patient.localId), SyncState::Modified);
    // The engine was told about the save and sends it after the (zero) debounce.
    QTRY_COMPARE(rowState(patient.localId), SyncState::Synced);
    QTRY_VERIFY(m_window->syncIndicator()->isShowingGreen());
}

void TestMainWindowSync::aRefusedChangeIsListedAndRetriedFromTheWindow()
{
    m_transport->answer = [](const PushOperation &op, qint64) {
        PushResult result;
        result.opId = op.opId;
        result.status = PushStatus::Rejected;
        result.reasonCode = QStringLiteral("forbidden");
        return result;
    };
    Patient patient = newPatient(QStringLiteral("Ergashev"));
    QVERIFY(m_registry->registerPatient(patient));
    QVERIFY(runRound());
    QTRY_COMPARE(m_window->syncIndicator()->text(), QStringLiteral("Sync errors: 1"));
    QCOMPARE(m_window->syncIndicator()->tone(), SyncStatusIndicator::Tone::Problem);
    QVERIFY(m_window->syncErrorsAction()->isEnabled());
    QVERIFY(!m_window->conflictsAction()->isEnabled());
    QCOMPARE(rowState(patient.localId), SyncState::Error);

    // A click on the indicator opens what needs attention: here the error list.
    m_window->syncIndicator()->click();
    SyncErrorsDialog *dialog = m_window->syncErrorsDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->errorCount(), 1);

    // The cause is gone on the server; Retry sends it again at once.
    m_transport->answer = nullptr;
    QSignalSpy finished(m_engine.get(), &SyncEngine::roundFinished);
    dialog->retryButton(0)->click();
    QVERIFY(finished.wait(5000));
    QTRY_VERIFY(m_window->syncIndicator()->isShowingGreen());
    QCOMPARE(dialog->errorCount(), 0); // the open list follows the status
    QVERIFY(!m_window->syncErrorsAction()->isEnabled());
    QCOMPARE(rowState(patient.localId), SyncState::Synced);
    QCOMPARE(m_transport->pushes, 2);
}

void TestMainWindowSync::aConflictIsDecidedFromTheWindow()
{
    Patient patient = newPatient(QStringLiteral("Saidov"));
    QVERIFY(m_registry->registerPatient(patient));
    QVERIFY(runRound());
    patient = *m_registry->patient(patient.localId);
    patient.lastName = QStringLiteral("Saidova");
    QVERIFY(m_registry->updatePatient(patient));

    m_transport->answer = [](const PushOperation &op, qint64 sequence) {
        PushResult result = FakeTransport::applied(op, sequence);
        result.status = PushStatus::Conflict;
        result.record.data.insert(QStringLiteral("lastName"), QStringLiteral("Saidiy"));
        result.conflictFields = {QStringLiteral("lastName")};
        result.conflictValues.insert(QStringLiteral("lastName"), op.data.value(QLatin1String("lastName")));
        return result;
    };
    QVERIFY(runRound());
    QTRY_COMPARE(m_window->syncIndicator()->text(), QStringLiteral("1 conflict(s) need a decision"));
    QVERIFY(m_window->conflictsAction()->isEnabled());
    QCOMPARE(rowState(patient.localId), SyncState::Conflict);
    // The list shows what the server has until someone decides.
    QCOMPARE(m_registry->search(QStringLiteral("Saidiy")).size(), size_t(1));
    QCOMPARE(m_window->model()
                 ->index(m_window->model()->rowOf(patient.localId), PatientListModel::NameColumn)
                 .data()
                 .toString(),
             QStringLiteral("Saidiy Jasur"));

    m_window->conflictsAction()->trigger();
    ConflictDialog *dialog = m_window->conflictDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->shownFields(), QStringList({QStringLiteral("lastName")}));
    m_transport->answer = nullptr;
    dialog->localChoice(QStringLiteral("lastName"))->click();
    QSignalSpy finished(m_engine.get(), &SyncEngine::roundFinished);
    QVERIFY(dialog->applyChoice());
    // The kept value is a new local edit: searchable at once, then sent.
    QCOMPARE(m_registry->search(QStringLiteral("Saidova")).size(), size_t(1));
    QVERIFY(finished.wait(5000));
    QTRY_VERIFY(m_window->syncIndicator()->isShowingGreen());
    QVERIFY(!m_window->conflictsAction()->isEnabled());
    QCOMPARE(rowState(patient.localId), SyncState::Synced);
    QCOMPARE(m_window->model()
                 ->index(m_window->model()->rowOf(patient.localId), PatientListModel::NameColumn)
                 .data()
                 .toString(),
             QStringLiteral("Saidova Jasur"));
}

QTEST_MAIN(TestMainWindowSync)
#include "tst_mainwindowsync.moc"
