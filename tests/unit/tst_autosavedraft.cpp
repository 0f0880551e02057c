#include "charting/DraftAutosaver.h"
#include "domain/EntityJson.h"
#include "domain/UuidV7.h"
#include "store/Database.h"
#include "store/ReportStore.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace medora;

namespace {

const QString kDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");

} // namespace

class TestAutosaveDraft : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void editsAreWrittenOnceAfterTheTypingPauses();
    void flushWritesAtOnce();
    void aRefusedWriteKeepsTheEditPending();
    void signedReportsAreNotWritten();
    void theConnectionGoesBackToNormalSync();

private:
    int synchronous();
    qint64 outboxRows();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ReportStore> m_store;
    Report m_draft;
    ReportSections m_typed;
};

void TestAutosaveDraft::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("medora.db"))));
    m_store = std::make_unique<ReportStore>(*m_database);
    m_draft = Report();
    m_draft.visitId = UuidV7::generate();
    m_draft.patientId = UuidV7::generate();
    m_draft.authorId = kDoctor;
    QVERIFY(m_store->insert(m_draft));
    m_typed = ReportSections();
}

void TestAutosaveDraft::cleanup()
{
    m_store.reset();
    m_database.reset();
    m_dir.reset();
}

int TestAutosaveDraft::synchronous()
{
    QSqlQuery query(m_database->connection());
    return query.exec(QStringLiteral("PRAGMA synchronous")) && query.next() ? query.value(0).toInt() : -1;
}

qint64 TestAutosaveDraft::outboxRows()
{
    QSqlQuery query(m_database->connection());
    return query.exec(QStringLiteral("SELECT count(*) FROM outbox")) && query.next()
               ? query.value(0).toLongLong()
               : -1;
}

void TestAutosaveDraft::editsAreWrittenOnceAfterTheTypingPauses()
{
    DraftAutosaver saver(*m_store);
    saver.setDebounceMs(150);
    int reads = 0;
    saver.setDraft(m_draft, [this, &reads] {
        ++reads;
        return m_typed;
    });
    QSignalSpy saved(&saver, &DraftAutosaver::saved);
    QElapsedTimer clock;
    clock.start();
    for (const QChar c : QStringLiteral("Йўтал")) {
        m_typed.complaints += c;
        saver.markEdited();
        QVERIFY(saver.isPending());
        QTest::qWait(20);
    }
    QCOMPARE(reads, 0); // typing only restarts the timer
    QVERIFY(saved.wait(2000));
    QVERIFY(clock.elapsed() >= 150);
    QCOMPARE(saved.size(), 1);
    QCOMPARE(reads, 1);
    QVERIFY(!saver.isPending());
    QCOMPARE(m_store->get(m_draft.localId)->sections.complaints, QStringLiteral("Йўтал"));
    QCOMPARE(saver.draft().sections.complaints, QStringLiteral("Йўтал"));
    QCOMPARE(outboxRows(), qint64(1)); // the unsent insert absorbs the edit
    QVERIFY(saver.lastWriteMs() >= 0);
}

void TestAutosaveDraft::flushWritesAtOnce()
{
    DraftAutosaver saver(*m_store);
    saver.setDraft(m_draft, [this] { return m_typed; });
    QVERIFY(saver.flush()); // nothing pending: nothing to do
    m_typed.diagnosis = QStringLiteral("Oʻtkir bronxit");
    saver.markEdited();
    QVERIFY(saver.flush());
    QCOMPARE(m_store->get(m_draft.localId)->sections.diagnosis, QStringLiteral("Oʻtkir bronxit"));
}

void TestAutosaveDraft::aRefusedWriteKeepsTheEditPending()
{
    DraftAutosaver saver(*m_store);
    saver.setDraft(m_draft, [this] { return m_typed; });
    QSignalSpy failed(&saver, &DraftAutosaver::saveFailed);
    m_typed.notes = QString(EntityJson::kMaxReportSection + 1, QLatin1Char('x'));
    saver.markEdited();
    QVERIFY(!saver.flush());
    QCOMPARE(failed.size(), 1);
    QVERIFY(saver.isPending());
    QVERIFY(saver.lastError().contains(QStringLiteral("Notes")));
    m_typed.notes = QStringLiteral("short again");
    QVERIFY(saver.flush());
    QVERIFY(!saver.isPending());
    QVERIFY(saver.lastError().isEmpty());
    QCOMPARE(m_store->get(m_draft.localId)->sections.notes, QStringLiteral("short again"));
}

void TestAutosaveDraft::signedReportsAreNotWritten()
{
    QVERIFY(m_store->sign(m_draft.localId));
    Report signedReport = *m_store->get(m_draft.localId);
    DraftAutosaver saver(*m_store);
    saver.setDraft(signedReport, [this] { return m_typed; });
    saver.markEdited();
    QVERIFY(!saver.isPending());
    QVERIFY(saver.flush());
}

void TestAutosaveDraft::theConnectionGoesBackToNormalSync()
{
    QCOMPARE(synchronous(), 1);
    DraftAutosaver saver(*m_store);
    saver.setDraft(m_draft, [this] { return m_typed; });
    m_typed.complaints = QStringLiteral("x");
    saver.markEdited();
    QVERIFY(saver.flush());
    QCOMPARE(synchronous(), 1);
}

QTEST_GUILESS_MAIN(TestAutosaveDraft)
#include "tst_autosavedraft.moc"
