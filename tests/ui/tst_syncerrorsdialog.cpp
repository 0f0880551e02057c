#include "domain/EntityJson.h"
#include "store/Database.h"
#include "store/PatientStore.h"
#include "store/SyncJournal.h"
#include "sync/SyncErrorsDialog.h"
#include "sync/SyncReasonText.h"
#include "sync/SyncStatusIndicator.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

Patient samplePatient(const QString &lastName, const QString &firstName)
{
    Patient patient;
    patient.lastName = lastName;
    patient.firstName = firstName;
    patient.birthDate = QDate(1985, 3, 12);
    patient.sex = Sex::Female;
    patient.phone = QStringLiteral("+998901234567");
    patient.createdBy = QStringLiteral("reception");
    return patient;
}

PushResult rejection(const PushOperation &op, const QString &code)
{
    PushResult result;
    result.opId = op.opId;
    result.status = PushStatus::Rejected;
    result.reasonCode = code;
    result.reasonMessage = QStringLiteral("server says: ") + code;
    result.retryable = false;
    return result;
}

PushResponse answer(const QList<PushResult> &results)
{
    PushResponse response;
    response.results = results;
    response.serverSequence = 100;
    return response;
}

} // namespace

class TestSyncErrorsDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsWhatWhySinceAndAttempts();
    void retryPutsOneChangeBackInTheQueue();
    void retryAllPutsEveryChangeBack();
    void nothingCanBeDiscarded();
    void aRefusedRetryIsReportedAndTheListReread();
    void retryButtonsAreReachedByTab();
    void everyContractReasonHasItsOwnSentence_data();
    void everyContractReasonHasItsOwnSentence();
    void unknownReasonsFallBackToTheMessage();

private:
    Patient addPatient(const QString &lastName, const QString &firstName);
    QList<PushOperation> take();
    // Pushes every waiting op and has the server refuse each with `code` (not retryable).
    void refuseAll(const QString &code);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PatientStore> m_patients;
    std::unique_ptr<SyncJournal> m_journal;
};

void TestSyncErrorsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_database = std::make_unique<Database>();
    QVERIFY2(m_database->open(m_dir->filePath(QStringLiteral("medora.db"))),
             qPrintable(m_database->lastError().message));
    m_patients = std::make_unique<PatientStore>(*m_database);
    m_journal = std::make_unique<SyncJournal>(*m_database);
}

void TestSyncErrorsDialog::cleanup()
{
    m_journal.reset();
    m_patients.reset();
    m_database.reset();
    m_dir.reset();
}

Patient TestSyncErrorsDialog::addPatient(const QString &lastName, const QString &firstName)
{
    Patient patient = samplePatient(lastName, firstName);
    if (!m_patients->insert(patient))
        qWarning("insert failed: %s", qPrintable(m_patients->lastError().message));
    return patient;
}

QList<PushOperation> TestSyncErrorsDialog::take()
{
    QList<PushOperation> ops;
    if (!m_journal->takeBatch(100, SyncProtocol::kMaxPushBytes, &ops))
        qWarning("takeBatch failed: %s", qPrintable(m_journal->lastError().message));
    return ops;
}

void TestSyncErrorsDialog::refuseAll(const QString &code)
{
    const QList<PushOperation> ops = take();
    QVERIFY(!ops.isEmpty());
    QList<PushResult> results;
    for (const PushOperation &op : ops)
        results << rejection(op, code);
    QVERIFY2(m_journal->applyPushResults(ops, answer(results)), qPrintable(m_journal->lastError().message));
}

void TestSyncErrorsDialog::listsWhatWhySinceAndAttempts()
{
    const Patient refused = addPatient(QStringLiteral("Karimova"), QStringLiteral("Dilnoza"));
    refuseAll(QStringLiteral("forbidden"));

    // A change that never got through: after kMaxTransportAttempts failed batches it is an error.
    const Patient unreachable = addPatient(QStringLiteral("Rahimov"), QStringLiteral("Bekzod"));
    for (int attempt = 0; attempt < SyncJournal::kMaxTransportAttempts; ++attempt) {
        const QList<PushOperation> ops = take();
        QCOMPARE(ops.size(), 1);
        QVERIFY(m_journal->returnBatch(ops, QStringLiteral("network_offline"), QStringLiteral("offline")));
    }
    QCOMPARE(m_journal->counts().errors, 2);

    SyncErrorsDialog dialog(*m_journal);
    QCOMPARE(dialog.errorCount(), 2);
    QTableWidget *table = dialog.table();
    QCOMPARE(table->rowCount(), 2);
    const QList<OutboxError> errors = m_journal->errors();
    for (int row = 0; row < 2; ++row) {
        const OutboxError &error = errors.at(row);
        const Patient &patient = error.entityId == refused.id ? refused : unreachable;
        const QString what = table->item(row, SyncErrorsDialog::WhatColumn)->text();
        QVERIFY2(what.contains(patient.displayName()) && what.contains(patient.number), qPrintable(what));
        QVERIFY(what.startsWith(SyncReasonText::entityName(EntityKind::Patient)));
        QCOMPARE(table->item(row, SyncErrorsDialog::WhyColumn)->text(),
                 SyncReasonText::describe(error.reasonCode, error.reasonMessage));
        QCOMPARE(table->item(row, SyncErrorsDialog::SinceColumn)->text(),
                 SyncStatusIndicator::localTimeText(error.firstQueuedAt));
        QCOMPARE(table->item(row, SyncErrorsDialog::AttemptsColumn)->text(), QString::number(error.attempts));
        QVERIFY(dialog.retryButton(row));
        QVERIFY(dialog.retryButton(row)->accessibleName().contains(patient.displayName()));
    }
    const int refusedRow = errors.at(0).entityId == refused.id ? 0 : 1;
    QCOMPARE(table->item(refusedRow, SyncErrorsDialog::WhyColumn)->text(),
             QStringLiteral("Your role may not make this change."));
    QCOMPARE(table->item(refusedRow, SyncErrorsDialog::AttemptsColumn)->text(), QStringLiteral("1"));
    QCOMPARE(table->item(1 - refusedRow, SyncErrorsDialog::WhyColumn)->text(),
             QStringLiteral("The server could not be reached, too many times in a row."));
    QCOMPARE(table->item(1 - refusedRow, SyncErrorsDialog::AttemptsColumn)->text(),
             QString::number(SyncJournal::kMaxTransportAttempts));
    // The code and the server's words stay available for support, in the tool tip.
    QVERIFY(table->item(refusedRow, SyncErrorsDialog::WhyColumn)
                ->toolTip()
                .contains(QStringLiteral("forbidden")));
    QVERIFY(dialog.failureText().isEmpty());
}

void TestSyncErrorsDialog::retryPutsOneChangeBackInTheQueue()
{
    const Patient first = addPatient(QStringLiteral("Karimova"), QStringLiteral("Dilnoza"));
    const Patient second = addPatient(QStringLiteral("Rahimov"), QStringLiteral("Bekzod"));
    refuseAll(QStringLiteral("invalid_data"));
    QCOMPARE(m_journal->counts().errors, 2);
    QCOMPARE(m_journal->counts().pendingOps, 0);
    QCOMPARE(m_patients->get(first.localId)->syncState, SyncState::Error);

    SyncErrorsDialog dialog(*m_journal);
    dialog.show();
    QSignalSpy retried(&dialog, &SyncErrorsDialog::retried);
    const int row = dialog.errors().at(0).entityId == first.id ? 0 : 1;
    dialog.retryButton(row)->click();

    QCOMPARE(retried.count(), 1);
    QCOMPARE(m_journal->counts().errors, 1);
    QCOMPARE(m_journal->counts().pendingOps, 1);
    QCOMPARE(m_journal->errors().size(), 1);
    QCOMPARE(m_journal->errors().at(0).entityId, second.id);
    QVERIFY(m_patients->get(first.localId)->syncState != SyncState::Error);
    QCOMPARE(m_patients->get(second.localId)->syncState, SyncState::Error);
    QCOMPARE(dialog.errorCount(), 1);
    QCOMPARE(dialog.table()->rowCount(), 1);
    QVERIFY(dialog.table()->item(0, SyncErrorsDialog::WhatColumn)->text().contains(second.displayName()));
    QVERIFY(dialog.failureText().isEmpty());

    // The retried change is pushed again with the next batch.
    const QList<PushOperation> ops = take();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.at(0).id, first.id);
}

void TestSyncErrorsDialog::retryAllPutsEveryChangeBack()
{
    for (int i = 0; i < 3; ++i)
        addPatient(QStringLiteral("Aliyev"), QStringLiteral("Patient %1").arg(i));
    refuseAll(QStringLiteral("parent_deleted"));
    QCOMPARE(m_journal->counts().errors, 3);

    SyncErrorsDialog dialog(*m_journal);
    dialog.show();
    QVERIFY(dialog.retryAllButton()->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("syncErrorsEmpty"))->isHidden());
    QSignalSpy retried(&dialog, &SyncErrorsDialog::retried);
    dialog.retryAllButton()->click();

    QCOMPARE(retried.count(), 1);
    QCOMPARE(m_journal->counts().errors, 0);
    QCOMPARE(m_journal->counts().pendingOps, 3);
    QVERIFY(m_journal->errors().isEmpty());
    QCOMPARE(dialog.errorCount(), 0);
    QVERIFY(!dialog.retryAllButton()->isEnabled());
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("syncErrorsEmpty"))->isHidden());
    QVERIFY(dialog.table()->isHidden());
    QCOMPARE(take().size(), 3);
}

void TestSyncErrorsDialog::nothingCanBeDiscarded()
{
    addPatient(QStringLiteral("Karimova"), QStringLiteral("Dilnoza"));
    addPatient(QStringLiteral("Rahimov"), QStringLiteral("Bekzod"));
    refuseAll(QStringLiteral("forbidden"));
    SyncErrorsDialog dialog(*m_journal);
    QCOMPARE(dialog.errorCount(), 2);
    // Every button either retries or closes the dialog: none drops a change.
    QList<QAbstractButton *> buttons = dialog.findChildren<QAbstractButton *>();
    // The table's select-all corner is a button too; it selects, nothing more.
    buttons.removeIf([](QAbstractButton *button) {
        return QLatin1String(button->metaObject()->className()) == QLatin1String("QTableCornerButton");
    });
    QCOMPARE(buttons.size(), 2 /* per-row Retry */ + 2 /* Retry all, Close */);
    for (QAbstractButton *button : buttons) {
        const QString text = button->text().remove(QLatin1Char('&'));
        QVERIFY2(text == QStringLiteral("Retry") || text == QStringLiteral("Retry all") ||
                     text == QStringLiteral("Close"),
                 qPrintable(text));
    }
    dialog.reject();
    QCOMPARE(m_journal->counts().errors, 2);
    QCOMPARE(m_journal->errors().size(), 2);
}

void TestSyncErrorsDialog::aRefusedRetryIsReportedAndTheListReread()
{
    addPatient(QStringLiteral("Karimova"), QStringLiteral("Dilnoza"));
    refuseAll(QStringLiteral("forbidden"));
    SyncErrorsDialog dialog(*m_journal);
    QCOMPARE(dialog.errorCount(), 1);
    QSignalSpy retried(&dialog, &SyncErrorsDialog::retried);

    // Someone else (another window, medora-cli) retried it meanwhile.
    QVERIFY(m_journal->retryError(dialog.errors().at(0).outboxSeq));
    QVERIFY(!dialog.retry(0));
    QCOMPARE(retried.count(), 0);
    QVERIFY2(dialog.failureText().contains(QStringLiteral("no longer in the error list")),
             qPrintable(dialog.failureText()));
    QCOMPARE(dialog.errorCount(), 0); // read again, so the stale row is gone
    QVERIFY(!dialog.retry(0));        // nothing left to retry

    // The banner stays until a retry works.
    refuseAll(QStringLiteral("forbidden"));
    dialog.reload();
    QCOMPARE(dialog.errorCount(), 1);
    QVERIFY(dialog.retry(0));
    QVERIFY(dialog.failureText().isEmpty());
}

void TestSyncErrorsDialog::retryButtonsAreReachedByTab()
{
    addPatient(QStringLiteral("Karimova"), QStringLiteral("Dilnoza"));
    addPatient(QStringLiteral("Rahimov"), QStringLiteral("Bekzod"));
    refuseAll(QStringLiteral("forbidden"));
    SyncErrorsDialog dialog(*m_journal);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    const auto nextTabStop = [](QWidget *from) {
        QWidget *next = from->nextInFocusChain();
        while (next != from &&
               (!(next->focusPolicy() & Qt::TabFocus) || !next->isVisible() || !next->isEnabled()))
            next = next->nextInFocusChain();
        return next;
    };
    QCOMPARE(nextTabStop(dialog.table()), dialog.retryButton(0));
    QCOMPARE(nextTabStop(dialog.retryButton(0)), dialog.retryButton(1));
    QCOMPARE(nextTabStop(dialog.retryButton(1)), dialog.retryAllButton());

    // A retry button pressed from the keyboard works like a click.
    dialog.retryButton(0)->setFocus();
    QSignalSpy retried(&dialog, &SyncErrorsDialog::retried);
    QTest::keyClick(dialog.retryButton(0), Qt::Key_Space);
    QCOMPARE(retried.count(), 1);
    QCOMPARE(m_journal->counts().errors, 1);
    // Focus stays on the list's buttons, so the next one is a Space away.
    QCOMPARE(QApplication::focusWidget(), dialog.retryButton(0));
    QTest::keyClick(dialog.retryButton(0), Qt::Key_Space);
    QCOMPARE(retried.count(), 2);
    QCOMPARE(m_journal->counts().errors, 0);
    QCOMPARE(QApplication::focusWidget(),
             dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close));
}

void TestSyncErrorsDialog::everyContractReasonHasItsOwnSentence_data()
{
    QTest::addColumn<QString>("code");
    for (const char *code : {"missing_dependency", "parent_deleted", "signed_report_immutable", "not_author",
                             "payment_immutable", "forbidden", "invalid_data", "network_offline",
                             "network_timeout", "no_result"})
        QTest::newRow(code) << QString::fromLatin1(code);
}

void TestSyncErrorsDialog::everyContractReasonHasItsOwnSentence()
{
    QFETCH(QString, code);
    const QString message = QStringLiteral("English detail from the server");
    QVERIFY(SyncReasonText::isKnown(code));
    const QString text = SyncReasonText::describe(code, message);
    QVERIFY(!text.isEmpty());
    QVERIFY2(!text.contains(message), qPrintable(text));
    QVERIFY2(!text.contains(code), qPrintable(text));

    // Each contract code says something different from every other one (network codes share).
    static const QStringList distinctCodes = {QStringLiteral("missing_dependency"),
                                              QStringLiteral("parent_deleted"),
                                              QStringLiteral("signed_report_immutable"),
                                              QStringLiteral("not_author"),
                                              QStringLiteral("payment_immutable"),
                                              QStringLiteral("forbidden"),
                                              QStringLiteral("invalid_data"),
                                              QStringLiteral("network_offline"),
                                              QStringLiteral("no_result")};
    for (const QString &other : distinctCodes) {
        if (other != code &&
            !(code.startsWith(QLatin1String("network")) && other.startsWith(QLatin1String("network"))))
            QVERIFY2(SyncReasonText::describe(other, message) != text, qPrintable(other));
    }
}

void TestSyncErrorsDialog::unknownReasonsFallBackToTheMessage()
{
    QVERIFY(!SyncReasonText::isKnown(QStringLiteral("quota_exceeded")));
    QCOMPARE(SyncReasonText::describe(QStringLiteral("quota_exceeded"),
                                      QStringLiteral("  Clinic quota exceeded ")),
             QStringLiteral("Clinic quota exceeded"));
    QVERIFY(SyncReasonText::describe(QStringLiteral("quota_exceeded"), QString())
                .contains(QStringLiteral("quota_exceeded")));
    QVERIFY(!SyncReasonText::describe(QString(), QString()).isEmpty());
}

QTEST_MAIN(TestSyncErrorsDialog)
#include "tst_syncerrorsdialog.moc"
