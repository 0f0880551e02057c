#include "domain/EntityJson.h"
#include "domain/UuidV7.h"
#include "store/Database.h"
#include "store/ReportStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace medora;

namespace {

const QString kDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");

Report draftFor(const QUuid &visitId, const QUuid &patientId)
{
    Report report;
    report.visitId = visitId;
    report.patientId = patientId;
    report.authorId = kDoctor;
    ReportSections &s = report.sections;
    s.complaints = QStringLiteral("Bosh ogʻrigʻi, 3 kun");
    s.anamnesis = QStringLiteral("Since Monday");
    s.vitals = {Vital{QStringLiteral("temperature"), QStringLiteral("37.8"), QStringLiteral("°C")},
                Vital{QStringLiteral("bp_systolic"), QStringLiteral("135"), QStringLiteral("mmHg")},
                Vital{QStringLiteral("bp_diastolic"), QStringLiteral("85"), QStringLiteral("mmHg")}};
    s.examination = QStringLiteral("Throat red");
    s.diagnosis = QStringLiteral("Acute pharyngitis");
    s.icd10 = QStringLiteral("J02.9");
    s.treatmentPlan = QStringLiteral("Rest, fluids");
    s.recommendations = QStringLiteral("Come back in 5 days");
    s.notes = QStringLiteral("Line one\nline two");
    return report;
}

} // namespace

class TestReportStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void draftRoundTripsEverySection();
    void draftEditsCoalesceAndSaveOnlyChanges();
    void signedReportIsImmutable();
    void addendumCorrectsASignedReport();
    void invalidValuesAreRefusedNamingTheField();
    void removeOnlyDrafts();
    void vitalsColumnIsJson();

private:
    qint64 outboxCount();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ReportStore> m_store;
    QUuid m_visit;
    QUuid m_patient;
};

void TestReportStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY2(m_database->open(m_dir->filePath(QStringLiteral("medora.db"))),
             qPrintable(m_database->lastError().message));
    m_store = std::make_unique<ReportStore>(*m_database);
    m_visit = UuidV7::generate();
    m_patient = UuidV7::generate();
}

void TestReportStore::cleanup()
{
    m_store.reset();
    m_database.reset();
    m_dir.reset();
}

qint64 TestReportStore::outboxCount()
{
    QSqlQuery query(m_database->connection());
    query.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 2"));
    return query.next() ? query.value(0).toLongLong() : -1;
}

void TestReportStore::draftRoundTripsEverySection()
{
    Report draft = draftFor(m_visit, m_patient);
    QVERIFY2(m_store->insert(draft), qPrintable(m_store->lastError().message));
    QVERIFY(UuidV7::isV7(draft.id));
    QCOMPARE(draft.status, ReportStatus::Draft);
    QCOMPARE(draft.syncState, SyncState::New);
    QVERIFY(!draft.signedAt.isValid());
    QCOMPARE(outboxCount(), qint64(1));

    const std::optional<Report> stored = m_store->get(draft.localId);
    QVERIFY(stored);
    QCOMPARE(stored->id, draft.id);
    QCOMPARE(stored->visitId, m_visit);
    QCOMPARE(stored->patientId, m_patient);
    QCOMPARE(stored->authorId, kDoctor);
    QVERIFY(stored->sections == draft.sections);
    QCOMPARE(stored->sections.vitals.size(), 3);
    QCOMPARE(stored->sections.vitals[0].unit, QStringLiteral("°C"));
    QCOMPARE(stored->createdAt, draft.createdAt);
    QVERIFY(stored->addendumTo.isNull());
    QVERIFY(stored->variantOf.isNull());
    QCOMPARE(m_store->forVisit(m_visit).size(), 1);
    QCOMPARE(m_store->forPatient(m_patient).size(), 1);
    QVERIFY(m_store->forPatient(UuidV7::generate()).isEmpty());

    // A report starts as a draft; the server alone makes variants.
    Report signedAtOnce = draftFor(m_visit, m_patient);
    signedAtOnce.status = ReportStatus::Signed;
    QVERIFY(!m_store->insert(signedAtOnce));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::Invalid));
    Report variant = draftFor(m_visit, m_patient);
    variant.variantOf = draft.id;
    QVERIFY(!m_store->insert(variant));
    QCOMPARE(outboxCount(), qint64(1));
}

void TestReportStore::draftEditsCoalesceAndSaveOnlyChanges()
{
    Report draft = draftFor(m_visit, m_patient);
    QVERIFY(m_store->insert(draft));
    draft.sections.diagnosis = QStringLiteral("Acute tonsillitis");
    draft.sections.icd10 = QStringLiteral("J03.9");
    draft.sections.vitals.removeLast();
    QVERIFY(m_store->update(draft));
    draft.authorId = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-0000000000ff"); // not editable here
    QVERIFY(m_store->update(draft));
    const std::optional<Report> stored = m_store->get(draft.localId);
    QCOMPARE(stored->sections.diagnosis, QStringLiteral("Acute tonsillitis"));
    QCOMPARE(stored->sections.vitals.size(), 2);
    QCOMPARE(stored->authorId, kDoctor);
    QCOMPARE(outboxCount(), qint64(1));
}

void TestReportStore::signedReportIsImmutable()
{
    Report draft = draftFor(m_visit, m_patient);
    QVERIFY(m_store->insert(draft));
    const QDateTime signedAt(QDate(2026, 11, 28), QTime(10, 15), Qt::UTC);
    QVERIFY(m_store->sign(draft.localId, signedAt));
    std::optional<Report> stored = m_store->get(draft.localId);
    QCOMPARE(stored->status, ReportStatus::Signed);
    QCOMPARE(stored->signedAt, signedAt);

    Report edit = *stored;
    edit.sections.diagnosis = QStringLiteral("changed after signing");
    QVERIFY(!m_store->update(edit));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::Immutable));
    QVERIFY(!m_store->lastError().message.isEmpty());
    QVERIFY(!m_store->sign(draft.localId));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::Immutable));
    QVERIFY(!m_store->remove(draft.localId));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::Immutable));
    stored = m_store->get(draft.localId);
    QCOMPARE(stored->sections.diagnosis, QStringLiteral("Acute pharyngitis"));
    QCOMPARE(stored->signedAt, signedAt);
    QVERIFY(!stored->deleted);
    QCOMPARE(outboxCount(), qint64(1));
}

void TestReportStore::addendumCorrectsASignedReport()
{
    Report draft = draftFor(m_visit, m_patient);
    QVERIFY(m_store->insert(draft));
    Report early;
    early.authorId = kDoctor;
    early.sections.notes = QStringLiteral("correction");
    QVERIFY(!m_store->createAddendum(draft.localId, early)); // a draft is simply edited
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::Invalid));
    QVERIFY(m_store->sign(draft.localId));

    Report addendum;
    addendum.authorId = kDoctor;
    addendum.sections.notes = QStringLiteral("Throat culture: negative; diagnosis stands.");
    QVERIFY2(m_store->createAddendum(draft.localId, addendum), qPrintable(m_store->lastError().message));
    QCOMPARE(addendum.addendumTo, draft.id);
    QCOMPARE(addendum.visitId, m_visit);
    QCOMPARE(addendum.patientId, m_patient);
    QCOMPARE(addendum.status, ReportStatus::Draft);
    const QList<Report> addenda = m_store->addendaOf(draft.id);
    QCOMPARE(addenda.size(), 1);
    QCOMPARE(addenda[0].id, addendum.id);
    QCOMPARE(addenda[0].sections.notes, addendum.sections.notes);
    // The addendum is a draft of its own: edited, then signed.
    addendum.sections.notes += QStringLiteral(" Seen again on day 5.");
    QVERIFY(m_store->update(addendum));
    QVERIFY(m_store->sign(addendum.localId));
    QCOMPARE(m_store->get(addendum.localId)->status, ReportStatus::Signed);
    QCOMPARE(m_store->forVisit(m_visit).size(), 2);
    QVERIFY(!m_store->createAddendum(draft.localId + 100, addendum));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::NotFound));
}

void TestReportStore::invalidValuesAreRefusedNamingTheField()
{
    Report report = draftFor(m_visit, m_patient);
    report.sections.icd10 = QStringLiteral("not a code");
    FieldErrors errors;
    QVERIFY(!m_store->insert(report, &errors));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::Invalid));
    QVERIFY2(m_store->lastError().message.contains(ReportStore::tr("ICD-10 code")),
             qPrintable(m_store->lastError().message));
    QCOMPARE(errors.value(0).field, QStringLiteral("data.sections.icd10"));

    report = draftFor(m_visit, m_patient);
    report.sections.vitals[1].unit = QStringLiteral("kPa");
    QVERIFY(!m_store->insert(report, &errors));
    QCOMPARE(errors.value(0).field, QStringLiteral("data.sections.vitals[1].unit"));
    QVERIFY2(m_store->lastError().message.contains(QStringLiteral("vitals[1]")),
             qPrintable(m_store->lastError().message));

    report = draftFor(m_visit, m_patient);
    report.sections.complaints = QString(EntityJson::kMaxReportSection + 1, QLatin1Char('c'));
    QVERIFY(!m_store->insert(report));
    QVERIFY(m_store->lastError().message.contains(ReportStore::tr("Complaints")));
    QCOMPARE(outboxCount(), qint64(0));

    report = draftFor(m_visit, m_patient);
    QVERIFY(m_store->insert(report));
    report.sections.examination = QString(EntityJson::kMaxReportSection + 1, QLatin1Char('e'));
    QVERIFY(!m_store->update(report));
    QCOMPARE(m_store->get(report.localId)->sections.examination, QStringLiteral("Throat red"));
}

void TestReportStore::removeOnlyDrafts()
{
    Report draft = draftFor(m_visit, m_patient);
    QVERIFY(m_store->insert(draft));
    QVERIFY(m_store->remove(draft.localId));
    QVERIFY(m_store->get(draft.localId)->deleted);
    QVERIFY(m_store->forVisit(m_visit).isEmpty());
    QCOMPARE(outboxCount(), qint64(0)); // never sent: nothing to tell the server
    QVERIFY(!m_store->update(draft));
    QCOMPARE(int(m_store->lastError().code), int(StoreError::Code::Immutable));
}

void TestReportStore::vitalsColumnIsJson()
{
    const QList<Vital> vitals = {
        Vital{QStringLiteral("temperature"), QStringLiteral("36.6"), QStringLiteral("°C")},
        Vital{QStringLiteral("a\"b\\c"), QStringLiteral("line\nbreak\t"), QString()}};
    const QString text = ReportStore::vitalsText(vitals);
    // Plain JSON, readable by any JSON parser, and back to the same values.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.array().size(), 2);
    QCOMPARE(document.array().at(0).toObject().value(QLatin1String("unit")).toString(), QStringLiteral("°C"));
    QCOMPARE(ReportStore::vitalsFromText(text), vitals);
    QCOMPARE(ReportStore::vitalsText({}), QStringLiteral("[]"));
    QVERIFY(ReportStore::vitalsFromText(QStringLiteral("[]")).isEmpty());
}

QTEST_GUILESS_MAIN(TestReportStore)

#include "tst_reportstore.moc"
