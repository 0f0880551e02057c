// Proof that nothing typed is lost when the client dies: a child process (this executable
// started again with --editor-helper) opens the real report editor on a real SQLite file,
// types, waits for the autosave, goes on typing in bursts (so that autosaves keep running)
// and is killed with SIGKILL at a random moment. The test then opens the file again and
// finds everything that was saved before the kill, in a file that passes integrity_check.

#include "cabinet/ReportEditor.h"
#include "domain/UuidV7.h"
#include "store/Database.h"
#include "store/ReportStore.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace medora;

namespace {

const QString kDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");
const QString kFirstText = QStringLiteral("Бемор: бош оғриғи, 3 кундан бери; Oʻtkir yoʻtal. Кашель сухой.");
const char kHelperFlag[] = "--editor-helper";

void say(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// The child: the editor on the file, typing until it is killed.
int runEditorHelper(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString path = QString::fromLocal8Bit(argv[2]);
    const qint64 reportId = QByteArray(argv[3]).toLongLong();
    Database database;
    if (!database.open(path)) {
        say("ERROR " + database.lastError().message.toUtf8());
        return 2;
    }
    ReportStore store(database);
    const std::optional<Report> report = store.get(reportId);
    if (!report) {
        say("ERROR no report");
        return 2;
    }
    UserProfile me;
    me.id = kDoctor;
    me.role = QStringLiteral("doctor");
    ReportEditor editor(store, me);
    editor.openReport(*report);
    editor.resize(900, 700);
    editor.show();
    QPlainTextEdit *complaints = editor.sectionEdit(QStringLiteral("complaints"));
    complaints->setFocus();
    // Said only once the write has returned: what a line reports is on disk.
    QObject::connect(&editor, &ReportEditor::draftSaved, [&editor] {
        say("SAVED " + QByteArray::number(editor.report().sections.complaints.size()));
    });
    for (const QChar c : kFirstText)
        QTest::sendKeyEvent(QTest::Click, complaints, Qt::Key_unknown, QString(c), Qt::NoModifier);
    say("TYPED");
    // Bursts of typing with pauses a little longer than the debounce: an autosave starts in
    // every pause, and the kill lands anywhere in this loop.
    const QString more = QStringLiteral(" давление 140/90 mmHg, пульс 88; ");
    for (int burst = 0; burst < 1000; ++burst) {
        for (const QChar c : more) {
            QTest::sendKeyEvent(QTest::Click, complaints, Qt::Key_unknown, QString(c), Qt::NoModifier);
            QTest::qWait(2);
        }
        QTest::qWait(DraftAutosaver::kDebounceMs + int(QRandomGenerator::global()->bounded(5, 60)));
    }
    return 0;
}

} // namespace

class TestAutosaveKill : public QObject
{
    Q_OBJECT

private slots:
    void killedMidEditKeepsWhatWasTyped_data();
    void killedMidEditKeepsWhatWasTyped();
};

void TestAutosaveKill::killedMidEditKeepsWhatWasTyped_data()
{
    QTest::addColumn<int>("delayMs");
    QTest::newRow("right after the first save") << 0;
    QTest::newRow("mid-burst") << 300;
    QTest::newRow("around the next save") << 560;
    QTest::newRow("later") << 1700;
}

void TestAutosaveKill::killedMidEditKeepsWhatWasTyped()
{
    QFETCH(int, delayMs);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("medora.db"));
    qint64 reportId = 0;
    {
        Database database;
        QVERIFY(database.open(path));
        ReportStore store(database);
        Report draft;
        draft.visitId = UuidV7::generate();
        draft.patientId = UuidV7::generate();
        draft.authorId = kDoctor;
        QVERIFY(store.insert(draft));
        reportId = draft.localId;
    }

    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QString::fromLatin1(kHelperFlag), path, QString::number(reportId)});
    QVERIFY(child.waitForStarted(10000));
    QByteArray output;
    QElapsedTimer clock;
    clock.start();
    while (!output.contains("SAVED") && clock.elapsed() < 30000) {
        child.waitForReadyRead(200);
        output += child.readAllStandardOutput();
        QVERIFY2(!output.contains("ERROR"), output.constData());
        QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
    }
    QVERIFY2(output.contains("SAVED"), output.constData());
    if (delayMs > 0)
        QTest::qWait(delayMs);
    QCOMPARE(child.state(), QProcess::Running); // still typing
    child.kill();                               // SIGKILL: no destructor, no flush, no aboutToQuit
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    output += child.readAllStandardOutput();
    qsizetype reported = 0; // the longest text the child saw saved before it died
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith("SAVED "))
            reported = std::max(reported, qsizetype(line.mid(6).toLongLong()));
    }
    QVERIFY(reported >= kFirstText.size());

    Database database;
    QVERIFY2(database.open(path), qPrintable(database.lastError().message));
    QSqlQuery check(database.connection());
    QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")));
    QVERIFY(check.next());
    QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    const std::optional<Report> stored = ReportStore(database).get(reportId);
    QVERIFY(stored);
    QVERIFY2(stored->sections.complaints.startsWith(kFirstText), qPrintable(stored->sections.complaints));
    QVERIFY2(stored->sections.complaints.size() >= reported,
             qPrintable(QStringLiteral("%1 < %2").arg(stored->sections.complaints.size()).arg(reported)));
    qInfo("saved before the kill: %lld characters; found: %lld", qlonglong(reported),
          qlonglong(stored->sections.complaints.size()));
    QCOMPARE(stored->status, ReportStatus::Draft);
    // The edit is queued for the server too.
    QSqlQuery outbox(database.connection());
    QVERIFY(outbox.exec(
        QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 2 AND local_id = %1").arg(reportId)));
    QVERIFY(outbox.next());
    QCOMPARE(outbox.value(0).toInt(), 1);
    // And the store still writes.
    Report edit = *stored;
    edit.sections.notes = QStringLiteral("after the crash");
    QVERIFY(ReportStore(database).update(edit));
}

int main(int argc, char **argv)
{
    if (argc >= 4 && qstrcmp(argv[1], kHelperFlag) == 0)
        return runEditorHelper(argc, argv);
    QApplication app(argc, argv);
    TestAutosaveKill test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_autosavekill.moc"
