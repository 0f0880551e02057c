#include "ai/ConsiliumDraft.h"
#include "charting/ReportHtmlBuilder.h"
#include "domain/EntityJson.h"
#include "domain/UuidV7.h"
#include "store/Database.h"
#include "store/ReportStore.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace medora;

namespace {

const QString kDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");

Report draft()
{
    Report report;
    report.visitId = UuidV7::generate();
    report.patientId = UuidV7::generate();
    report.authorId = kDoctor;
    report.createdAt = QDateTime(QDate(2026, 11, 28), QTime(6, 0), Qt::UTC);
    report.sections.complaints = QStringLiteral("Qorin ogʻrigʻi");
    report.sections.diagnosis =
        QStringLiteral("Oʻtkir gastrit?\n\n[AI consilium draft]\n1. Acute gastritis — 70%");
    report.sections.treatmentPlan = QStringLiteral("Parhez");
    return report;
}

QString plain(const QString &html)
{
    QTextDocument document;
    document.setHtml(html);
    return document.toPlainText().simplified();
}

} // namespace

// Issue 6: which report sections hold AI-drafted text travels in the sync format, is kept in
// the local store (migration 4), is marked on the printout with the AI disclaimer; and the
// AI's answer becomes report text and HTML without losing its warnings or escaping.
class TestAiReportMarking : public QObject
{
    Q_OBJECT

private slots:
    void reportWithoutAiTextEncodesAsBefore()
    {
        const QJsonObject json = EntityJson::toJson(draft());
        QVERIFY(!json.value(QLatin1String("sections")).toObject().contains(QLatin1String("aiDrafted")));
        Report decoded;
        FieldErrors errors;
        QVERIFY(EntityJson::fromJson(json, &decoded, &errors));
        QVERIFY(decoded.sections.aiDrafted.isEmpty());
    }

    void aiDraftedRoundTripsAndIsChecked()
    {
        Report report = draft();
        report.sections.aiDrafted = {QStringLiteral("diagnosis"), QStringLiteral("treatmentPlan")};
        const QJsonObject json = EntityJson::toJson(report);
        QCOMPARE(json.value(QLatin1String("sections")).toObject().value(QLatin1String("aiDrafted")).toArray(),
                 QJsonArray({QStringLiteral("diagnosis"), QStringLiteral("treatmentPlan")}));
        Report decoded;
        FieldErrors errors;
        QVERIFY(EntityJson::fromJson(json, &decoded, &errors));
        QCOMPARE(decoded.sections, report.sections);

        for (const QJsonArray &bad : {QJsonArray{QStringLiteral("icd10")},
                                      QJsonArray{QStringLiteral("diagnosis"), QStringLiteral("diagnosis")},
                                      QJsonArray{1}, QJsonArray{QStringLiteral("<script>")}}) {
            QJsonObject wrong = json;
            QJsonObject sections = wrong.value(QLatin1String("sections")).toObject();
            sections.insert(QStringLiteral("aiDrafted"), bad);
            wrong.insert(QStringLiteral("sections"), sections);
            Report refused;
            FieldErrors found;
            QVERIFY(!EntityJson::fromJson(wrong, &refused, &found));
            QCOMPARE(found.first().field, QStringLiteral("data.sections.aiDrafted"));
        }
        QJsonObject notAList = json;
        QJsonObject sections = notAList.value(QLatin1String("sections")).toObject();
        sections.insert(QStringLiteral("aiDrafted"), QStringLiteral("diagnosis"));
        notAList.insert(QStringLiteral("sections"), sections);
        Report refused;
        QVERIFY(!EntityJson::fromJson(notAList, &refused, &errors));
    }

    void storeKeepsTheMarking()
    {
        QTemporaryDir dir;
        Database database;
        QVERIFY2(database.open(dir.filePath(QStringLiteral("medora.db"))),
                 qPrintable(database.lastError().message));
        QSqlQuery column(database.connection());
        QVERIFY(column.exec(QStringLiteral("SELECT ai_drafted FROM report")));
        ReportStore store(database);
        Report report = draft();
        report.sections.aiDrafted = {QStringLiteral("diagnosis")};
        QVERIFY2(store.insert(report), qPrintable(store.lastError().message));
        QCOMPARE(store.get(report.localId)->sections.aiDrafted, QStringList{QStringLiteral("diagnosis")});
        report.sections.aiDrafted = {QStringLiteral("diagnosis"), QStringLiteral("treatmentPlan")};
        QVERIFY2(store.update(report), qPrintable(store.lastError().message));
        const std::optional<Report> stored = store.get(report.localId);
        QCOMPARE(stored->sections.aiDrafted,
                 (QStringList{QStringLiteral("diagnosis"), QStringLiteral("treatmentPlan")}));
        QVERIFY(store.sign(report.localId));
        QCOMPARE(store.get(report.localId)->sections.aiDrafted, stored->sections.aiDrafted);
        // A refused marking stores nothing.
        Report bad = draft();
        bad.sections.aiDrafted = {QStringLiteral("vitals")};
        QVERIFY(!store.insert(bad));
    }

    void printoutMarksSectionsAndCarriesTheDisclaimer()
    {
        Report report = draft();
        const ReportHtmlBuilder builder([](const QString &) { return QStringLiteral("Dr. Karimova"); });
        const QString without = plain(builder.bodyHtml(Patient(), report));
        QVERIFY(!without.contains(ReportHtmlBuilder::aiSectionMark()));
        QVERIFY(!without.contains(ReportHtmlBuilder::aiDraftDisclaimer()));
        QCOMPARE(ReportHtmlBuilder::footerFor(report), ReportHtmlBuilder::draftDisclaimer());

        report.sections.aiDrafted = {QStringLiteral("diagnosis")};
        const QString marked = plain(builder.bodyHtml(Patient(), report));
        const QString mark = ReportHtmlBuilder::aiSectionMark();
        QVERIFY2(marked.contains(QStringLiteral("Diagnosis ") + mark), qPrintable(marked));
        QVERIFY(!marked.contains(QStringLiteral("Treatment plan ") + mark));
        QVERIFY(!marked.contains(QStringLiteral("Complaints ") + mark));
        QVERIFY(marked.contains(ReportHtmlBuilder::aiDraftDisclaimer()));
        QVERIFY(ReportHtmlBuilder::footerFor(report).startsWith(ReportHtmlBuilder::draftDisclaimer()));
        QVERIFY(ReportHtmlBuilder::footerFor(report).endsWith(ReportHtmlBuilder::aiDraftDisclaimer()));
        // An addendum with AI text marks the printout of the report it corrects.
        Report addendum = draft();
        addendum.sections.aiDrafted = {QStringLiteral("treatmentPlan")};
        QVERIFY(ReportHtmlBuilder::hasAiDraftedText(draft(), {addendum}));
        QVERIFY(!ReportHtmlBuilder::hasAiDraftedText(draft(), {draft()}));
    }

    void consiliumBecomesSectionsWithItsWarnings()
    {
        ConsiliumReport report;
        report.chair = {QStringLiteral("Internist"), QStringLiteral("<b>bold</b> & more")};
        report.criticalFinding = QStringLiteral("Possible bleeding");
        report.urgency = QStringLiteral("urgent");
        report.diagnoses = {RankedDiagnosis{1, QStringLiteral("Peptic ulcer"), QStringLiteral("K27"), 60,
                                            QStringLiteral("Pain"), QString()},
                            RankedDiagnosis{2, QStringLiteral("Gastritis"), QString(), 40,
                                            QStringLiteral("NSAIDs"), QString()}};
        report.treatmentPlan = {QStringLiteral("Stop NSAIDs.")};
        report.medications = {MedicationAdvice{QStringLiteral("Amoxicillin"), QStringLiteral("1 g"),
                                               QStringLiteral("twice daily"), QStringLiteral("14 days"),
                                               QStringLiteral("Rash"), true, false},
                              MedicationAdvice{QStringLiteral("Omeprazole"), QStringLiteral("20 mg"),
                                               QStringLiteral("daily"), QStringLiteral("4 weeks"), QString(),
                                               false, true}};
        report.recommendedTests = {NamedReason{QStringLiteral("FGDS"), QStringLiteral("See the mucosa")}};
        report.followUp = QStringLiteral("2 weeks");
        report.prognosis = QStringLiteral("Good");
        report.sources = {
            SourceLink{QStringLiteral("WHO"), QUrl(QStringLiteral("https://www.who.int/x?a=1&b=2"))}};

        const QMap<QString, QString> sections = ConsiliumDraft::sections(report);
        QCOMPARE(sections.keys(), (QStringList{QStringLiteral("diagnosis"), QStringLiteral("recommendations"),
                                               QStringLiteral("treatmentPlan")}));
        QVERIFY(sections.value(QStringLiteral("diagnosis"))
                    .startsWith(QStringLiteral("1. Peptic ulcer (K27) — 60%")));
        QVERIFY(sections.value(QStringLiteral("diagnosis")).contains(QStringLiteral("Possible bleeding")));
        const QString treatment = sections.value(QStringLiteral("treatmentPlan"));
        QVERIFY(treatment.contains(
            QStringLiteral("Amoxicillin 1 g, twice daily, 14 days. Cautions: Rash WARNING: "
                           "conflicts with the patient's allergies.")));
        QVERIFY(
            treatment.contains(QStringLiteral("WARNING: interacts with the patient's current medications.")));
        QVERIFY(sections.value(QStringLiteral("recommendations"))
                    .contains(QStringLiteral("FGDS: See the mucosa")));

        const QString html = ConsiliumDraft::html(report);
        QVERIFY(html.contains(QStringLiteral("&lt;b&gt;bold&lt;/b&gt; &amp; more"))); // the AI's text is text
        QVERIFY(html.contains(QStringLiteral("<a href=\"https://www.who.int/x?a=1&amp;b=2\">")));
        // An urgent critical finding is in red.
        const int critical = html.indexOf(QStringLiteral("Possible bleeding"));
        QVERIFY(critical > 0 && html.lastIndexOf(QStringLiteral("#c62828"), critical) >= 0);
    }
};

QTEST_MAIN(TestAiReportMarking)
#include "tst_aireportmarking.moc"
