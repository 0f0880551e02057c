#include "domain/EntityJson.h"
#include "domain/PhoneNumber.h"
#include "store/Database.h"
#include "store/PatientStore.h"
#include "store/ReportStore.h"
#include "store/SyncJournal.h"
#include "store/VisitStore.h"
#include "sync/ConflictDialog.h"

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

const QString kDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");
const QString kReception = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ec01");

SyncRecord recordOf(const PushOperation &op, qint64 revision, qint64 sequence)
{
    SyncRecord record;
    record.entity = op.entity;
    record.id = op.id;
    record.revision = revision;
    record.sequence = sequence;
    record.updatedAt = QStringLiteral("2026-11-28T06:00:00.000Z");
    record.updatedBy = kReception;
    record.data = op.data;
    return record;
}

PushResult appliedTo(const PushOperation &op, qint64 revision, qint64 sequence)
{
    PushResult result;
    result.opId = op.opId;
    result.status = PushStatus::Applied;
    result.revision = revision;
    result.sequence = sequence;
    result.hasRecord = true;
    result.record = recordOf(op, revision, sequence);
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

class TestConflictDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void emptyWhenNothingConflicts();
    void patientFieldsAreShownSideBySide();
    void everyFieldNeedsAChoiceBeforeApplying();
    void choicesPerFieldAreSavedAsALocalEdit();
    void takingAllFromTheServerClosesTheConflict();
    void reportDraftsAreShownWholeAndOneIsKept();
    void theListMovesOnToTheNextConflict();
    void aRefusedDecisionKeepsBothVersions();
    void aLanguageSwitchKeepsTheChoicesMade();

private:
    QList<PushOperation> take();
    // A synced patient edited here (last name, phone, notes) while another PC changed the same
    // fields: the server answers with its own values for lastName and phone, applies notes.
    Patient makePatientConflict(const QString &lastName);
    // A synced draft edited here while another PC edited it too; returns the id the server
    // gave this PC's copy.
    QUuid makeReportConflict(Report *draft);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PatientStore> m_patients;
    std::unique_ptr<VisitStore> m_visits;
    std::unique_ptr<ReportStore> m_reports;
    std::unique_ptr<SyncJournal> m_journal;
    qint64 m_sequence = 0;
};

void TestConflictDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_database = std::make_unique<Database>();
    QVERIFY2(m_database->open(m_dir->filePath(QStringLiteral("medora.db"))),
             qPrintable(m_database->lastError().message));
    m_patients = std::make_unique<PatientStore>(*m_database);
    m_visits = std::make_unique<VisitStore>(*m_database);
    m_reports = std::make_unique<ReportStore>(*m_database);
    m_journal = std::make_unique<SyncJournal>(*m_database);
    m_sequence = 0;
}

void TestConflictDialog::cleanup()
{
    m_journal.reset();
    m_reports.reset();
    m_visits.reset();
    m_patients.reset();
    m_database.reset();
    m_dir.reset();
}

QList<PushOperation> TestConflictDialog::take()
{
    QList<PushOperation> ops;
    if (!m_journal->takeBatch(100, SyncProtocol::kMaxPushBytes, &ops))
        qWarning("takeBatch failed: %s", qPrintable(m_journal->lastError().message));
    return ops;
}

Patient TestConflictDialog::makePatientConflict(const QString &lastName)
{
    Patient patient;
    patient.lastName = lastName;
    patient.firstName = QStringLiteral("Alisher");
    patient.birthDate = QDate(1985, 3, 12);
    patient.sex = Sex::Male;
    patient.phone = QStringLiteral("+998901234567");
    patient.createdBy = QStringLiteral("reception");
    if (!m_patients->insert(patient))
        qWarning("insert: %s", qPrintable(m_patients->lastError().message));
    QList<PushOperation> ops = take();
    if (ops.size() != 1 || !m_journal->applyPushResults(ops, answer({appliedTo(ops[0], 1, ++m_sequence)})))
        qWarning("first push failed");

    patient = *m_patients->get(patient.localId);
    patient.lastName = lastName + QStringLiteral("ov");
    patient.phone = QStringLiteral("+998935556677");
    patient.notes = QStringLiteral("note from this PC");
    if (!m_patients->update(patient))
        qWarning("update: %s", qPrintable(m_patients->lastError().message));
    ops = take();
    if (ops.size() != 1)
        qWarning("expected one op, got %d", int(ops.size()));

    PushResult result;
    result.opId = ops[0].opId;
    result.status = PushStatus::Conflict;
    result.revision = 3;
    result.sequence = ++m_sequence;
    result.hasRecord = true;
    result.record = recordOf(ops[0], 3, result.sequence);
    result.record.data.insert(QStringLiteral("lastName"), lastName + QStringLiteral("a"));
    result.record.data.insert(QStringLiteral("phone"), QStringLiteral("+998901112233"));
    result.conflictFields = {QStringLiteral("phone"), QStringLiteral("lastName")};
    result.conflictValues.insert(QStringLiteral("phone"), QStringLiteral("+998935556677"));
    result.conflictValues.insert(QStringLiteral("lastName"), lastName + QStringLiteral("ov"));
    if (!m_journal->applyPushResults(ops, answer({result})))
        qWarning("conflict answer failed: %s", qPrintable(m_journal->lastError().message));
    return *m_patients->get(patient.localId);
}

QUuid TestConflictDialog::makeReportConflict(Report *draft)
{
    Patient patient;
    patient.lastName = QStringLiteral("Yusupova");
    patient.firstName = QStringLiteral("Madina");
    patient.createdBy = QStringLiteral("reception");
    if (!m_patients->insert(patient))
        qWarning("insert: %s", qPrintable(m_patients->lastError().message));
    Visit visit;
    visit.patientId = patient.id;
    visit.doctorId = kDoctor;
    visit.day = QDate(2026, 11, 28);
    visit.createdBy = kReception;
    if (!m_visits->insert(visit))
        qWarning("visit: %s", qPrintable(m_visits->lastError().message));
    draft->visitId = visit.id;
    draft->patientId = patient.id;
    draft->authorId = kDoctor;
    draft->sections.complaints = QStringLiteral("headache since Monday");
    draft->sections.vitals = {
        Vital{QStringLiteral("temperature"), QStringLiteral("37.2"), QStringLiteral("°C")}};
    if (!m_reports->insert(*draft))
        qWarning("report: %s", qPrintable(m_reports->lastError().message));
    QList<PushOperation> ops = take();
    QList<PushResult> applied;
    for (const PushOperation &op : ops)
        applied << appliedTo(op, 1, ++m_sequence);
    if (!m_journal->applyPushResults(ops, answer(applied)))
        qWarning("first push failed: %s", qPrintable(m_journal->lastError().message));

    *draft = *m_reports->get(draft->localId);
    draft->sections.diagnosis = QStringLiteral("migraine (this PC)");
    if (!m_reports->update(*draft))
        qWarning("update: %s", qPrintable(m_reports->lastError().message));
    ops = take();
    const QUuid keptAs = QUuid::createUuidV5(ops[0].opId, QStringLiteral("kept"));
    PushResult result;
    result.opId = ops[0].opId;
    result.status = PushStatus::Conflict;
    result.hasRecord = true;
    result.record = recordOf(ops[0], 2, ++m_sequence);
    QJsonObject sections = result.record.data.value(QLatin1String("sections")).toObject();
    sections.insert(QStringLiteral("diagnosis"), QStringLiteral("tension headache (other PC)"));
    result.record.data.insert(QStringLiteral("sections"), sections);
    result.keptAsId = keptAs;
    if (!m_journal->applyPushResults(ops, answer({result})))
        qWarning("conflict answer failed: %s", qPrintable(m_journal->lastError().message));
    return keptAs;
}

void TestConflictDialog::emptyWhenNothingConflicts()
{
    ConflictDialog dialog(*m_journal);
    QCOMPARE(dialog.conflictCount(), 0);
    QCOMPARE(dialog.conflictList()->count(), 0);
    QCOMPARE(dialog.currentConflictId(), 0);
    QVERIFY(!dialog.applyButton()->isEnabled());
    QVERIFY(!dialog.applyChoice());
    QVERIFY(dialog.shownFields().isEmpty());
}

void TestConflictDialog::patientFieldsAreShownSideBySide()
{
    const Patient patient = makePatientConflict(QStringLiteral("Karim"));
    QCOMPARE(m_journal->counts().conflicts, 1);

    ConflictDialog dialog(*m_journal);
    QCOMPARE(dialog.conflictCount(), 1);
    QCOMPARE(dialog.currentConflictId(), m_journal->conflicts().at(0).conflictId);
    QVERIFY(dialog.conflictList()->item(0)->text().contains(patient.number));
    // In the order of the patient card, not the order the server listed them.
    QCOMPARE(dialog.shownFields(), QStringList({QStringLiteral("lastName"), QStringLiteral("phone")}));
    QCOMPARE(dialog.localValueText(QStringLiteral("lastName")), QStringLiteral("Karimov"));
    QCOMPARE(dialog.serverValueText(QStringLiteral("lastName")), QStringLiteral("Karima"));
    QCOMPARE(dialog.localValueText(QStringLiteral("phone")),
             PhoneNumber::format(QStringLiteral("+998935556677")));
    QCOMPARE(dialog.serverValueText(QStringLiteral("phone")),
             PhoneNumber::format(QStringLiteral("+998901112233")));
    // Field labels are words, not data keys, and they name the field for screen readers too.
    const auto *label = dialog.findChild<QLabel *>(QStringLiteral("localValue_phone"));
    QVERIFY(label);
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QVERIFY(
        dialog.localChoice(QStringLiteral("phone"))->accessibleName().startsWith(QStringLiteral("Phone")));
    QVERIFY(dialog.serverChoice(QStringLiteral("lastName"))
                ->accessibleName()
                .startsWith(QStringLiteral("Last name")));
    // The field not in conflict was merged by the server and is not asked about.
    QVERIFY(!dialog.localChoice(QStringLiteral("notes")));
}

void TestConflictDialog::everyFieldNeedsAChoiceBeforeApplying()
{
    makePatientConflict(QStringLiteral("Karim"));
    ConflictDialog dialog(*m_journal);
    QVERIFY(!dialog.applyButton()->isEnabled());
    dialog.localChoice(QStringLiteral("lastName"))->click();
    QVERIFY(!dialog.applyButton()->isEnabled());
    QVERIFY(!dialog.applyChoice());
    QCOMPARE(m_journal->counts().conflicts, 1);
    dialog.serverChoice(QStringLiteral("phone"))->click();
    QVERIFY(dialog.applyButton()->isEnabled());
    // One choice per field: picking the other side of a field replaces the first pick.
    dialog.serverChoice(QStringLiteral("lastName"))->click();
    QVERIFY(!dialog.localChoice(QStringLiteral("lastName"))->isChecked());
    QVERIFY(dialog.applyButton()->isEnabled());
}

void TestConflictDialog::choicesPerFieldAreSavedAsALocalEdit()
{
    const Patient before = makePatientConflict(QStringLiteral("Karim"));
    QCOMPARE(before.syncState, SyncState::Conflict);
    ConflictDialog dialog(*m_journal);
    QSignalSpy resolved(&dialog, &ConflictDialog::resolved);

    dialog.localChoice(QStringLiteral("lastName"))->click();
    dialog.serverChoice(QStringLiteral("phone"))->click();
    dialog.applyButton()->click();

    QCOMPARE(resolved.count(), 1);
    QVERIFY(dialog.failureText().isEmpty());
    QCOMPARE(m_journal->counts().conflicts, 0);
    QVERIFY(m_journal->conflicts().isEmpty());
    const Patient after = *m_patients->get(before.localId);
    QCOMPARE(after.lastName, QStringLiteral("Karimov"));    // kept from this PC
    QCOMPARE(after.phone, QStringLiteral("+998901112233")); // taken from the server
    QCOMPARE(after.notes, QStringLiteral("note from this PC"));
    QCOMPARE(after.syncState, SyncState::Modified);
    // The kept local value goes to the server as a new edit on the server's revision.
    const QList<PushOperation> ops = take();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].baseRevision, qint64(3));
    QCOMPARE(ops[0].changedFields, QStringList({QStringLiteral("lastName")}));
    QCOMPARE(dialog.conflictCount(), 0);
    QVERIFY(!dialog.applyButton()->isEnabled());
}

void TestConflictDialog::takingAllFromTheServerClosesTheConflict()
{
    const Patient before = makePatientConflict(QStringLiteral("Karim"));
    ConflictDialog dialog(*m_journal);
    dialog.takeAllServerButton()->click();
    QVERIFY(dialog.serverChoice(QStringLiteral("lastName"))->isChecked());
    QVERIFY(dialog.serverChoice(QStringLiteral("phone"))->isChecked());
    dialog.keepAllLocalButton()->click();
    QVERIFY(dialog.localChoice(QStringLiteral("phone"))->isChecked());
    dialog.takeAllServerButton()->click();
    QVERIFY(dialog.applyChoice());

    const Patient after = *m_patients->get(before.localId);
    QCOMPARE(after.lastName, QStringLiteral("Karima"));
    QCOMPARE(after.phone, QStringLiteral("+998901112233"));
    QCOMPARE(after.syncState, SyncState::Synced);
    QCOMPARE(m_journal->counts().conflicts, 0);
    QCOMPARE(m_journal->counts().pendingOps, 0);
}

void TestConflictDialog::reportDraftsAreShownWholeAndOneIsKept()
{
    Report draft;
    const QUuid keptAs = makeReportConflict(&draft);
    const QList<SyncConflict> conflicts = m_journal->conflicts();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts[0].entity, EntityKind::Report);

    ConflictDialog dialog(*m_journal);
    QVERIFY(dialog.shownFields().isEmpty());
    QVERIFY2(dialog.serverDraftText().contains(QStringLiteral("tension headache (other PC)")),
             qPrintable(dialog.serverDraftText()));
    QVERIFY(!dialog.serverDraftText().contains(QStringLiteral("migraine (this PC)")));
    QVERIFY2(dialog.localDraftText().contains(QStringLiteral("migraine (this PC)")),
             qPrintable(dialog.localDraftText()));
    // Both versions are whole: the sections they share appear in each.
    for (const QString &text : {dialog.serverDraftText(), dialog.localDraftText()}) {
        QVERIFY(text.contains(QStringLiteral("headache since Monday")));
        QVERIFY(text.contains(QStringLiteral("Temperature: 37.2 °C")));
    }
    QVERIFY(dialog.findChild<QPlainTextEdit *>(QStringLiteral("serverDraftText"))->isReadOnly());
    QVERIFY(dialog.findChild<QPlainTextEdit *>(QStringLiteral("localDraftText"))->isReadOnly());
    QVERIFY(!dialog.applyButton()->isEnabled());

    QSignalSpy resolved(&dialog, &ConflictDialog::resolved);
    dialog.localDraftChoice()->click();
    QVERIFY(dialog.applyButton()->isEnabled());
    dialog.applyButton()->click();
    QCOMPARE(resolved.count(), 1);
    QCOMPARE(m_journal->counts().conflicts, 0);
    QVERIFY(m_reports->getById(draft.id)->deleted);
    const std::optional<Report> kept = m_reports->getById(keptAs);
    QVERIFY(kept && !kept->deleted);
    QCOMPARE(kept->sections.diagnosis, QStringLiteral("migraine (this PC)"));
}

void TestConflictDialog::theListMovesOnToTheNextConflict()
{
    const Patient first = makePatientConflict(QStringLiteral("Karim"));
    Report draft;
    makeReportConflict(&draft);
    const Patient third = makePatientConflict(QStringLiteral("Salim"));
    QCOMPARE(m_journal->counts().conflicts, 3);

    ConflictDialog dialog(*m_journal);
    QCOMPARE(dialog.conflictList()->count(), 3);
    QCOMPARE(dialog.conflictList()->currentRow(), 0);
    QVERIFY(dialog.localValueText(QStringLiteral("lastName")) == QStringLiteral("Karimov"));

    // Choosing in the list shows that conflict; the report one shows the two drafts.
    dialog.conflictList()->setCurrentRow(1);
    QVERIFY(dialog.shownFields().isEmpty());
    QVERIFY(dialog.serverDraftText().contains(QStringLiteral("tension headache")));
    dialog.conflictList()->setCurrentRow(2);
    QCOMPARE(dialog.localValueText(QStringLiteral("lastName")), QStringLiteral("Salimov"));

    dialog.conflictList()->setCurrentRow(0);
    dialog.takeAllServerButton()->click();
    QVERIFY(dialog.applyChoice());
    QCOMPARE(dialog.conflictList()->count(), 2);
    QCOMPARE(dialog.conflictList()->currentRow(), 0); // the report conflict took the place
    QVERIFY(dialog.serverDraftText().contains(QStringLiteral("tension headache")));
    QCOMPARE(m_patients->get(first.localId)->lastName, QStringLiteral("Karima"));
    QCOMPARE(m_patients->get(third.localId)->syncState, SyncState::Conflict);

    // A conflict decided elsewhere disappears from the list on reload.
    QVERIFY(m_journal->resolvePatientConflict(
        m_journal->conflicts().last().conflictId,
        {{QStringLiteral("lastName"), false}, {QStringLiteral("phone"), false}}));
    dialog.reload();
    QCOMPARE(dialog.conflictList()->count(), 1);
    QVERIFY(dialog.selectConflict(m_journal->conflicts().at(0).conflictId));
}

void TestConflictDialog::aRefusedDecisionKeepsBothVersions()
{
    const Patient before = makePatientConflict(QStringLiteral("Karim"));
    ConflictDialog dialog(*m_journal);
    dialog.keepAllLocalButton()->click();
    QSignalSpy resolved(&dialog, &ConflictDialog::resolved);

    // The conflict was decided elsewhere meanwhile: the dialog's decision is refused.
    QVERIFY(m_journal->resolvePatientConflict(
        dialog.currentConflictId(), {{QStringLiteral("lastName"), false}, {QStringLiteral("phone"), false}}));
    QVERIFY(!dialog.applyChoice());
    QCOMPARE(resolved.count(), 0);
    QVERIFY2(dialog.failureText().contains(QStringLiteral("Both versions are still kept")),
             qPrintable(dialog.failureText()));
    // Nothing this dialog chose was written.
    QCOMPARE(m_patients->get(before.localId)->lastName, QStringLiteral("Karima"));
    dialog.reload();
    QCOMPARE(dialog.conflictCount(), 0);
}

void TestConflictDialog::aLanguageSwitchKeepsTheChoicesMade()
{
    makePatientConflict(QStringLiteral("Karim"));
    ConflictDialog dialog(*m_journal);
    dialog.localChoice(QStringLiteral("lastName"))->click();
    const QPointer<QRadioButton> before = dialog.localChoice(QStringLiteral("lastName"));

    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&dialog, &change);
    // The rows were built again in the new language, with the same choice made and no other.
    QVERIFY(before.isNull());
    QVERIFY(dialog.localChoice(QStringLiteral("lastName"))->isChecked());
    QVERIFY(!dialog.localChoice(QStringLiteral("phone"))->isChecked());
    QVERIFY(!dialog.serverChoice(QStringLiteral("phone"))->isChecked());
    QVERIFY(!dialog.applyButton()->isEnabled());
    dialog.serverChoice(QStringLiteral("phone"))->click();
    QVERIFY(dialog.applyChoice());
    QCOMPARE(m_journal->counts().conflicts, 0);
}

QTEST_MAIN(TestConflictDialog)
#include "tst_conflictdialog.moc"
