#include "charting/ReportHtmlBuilder.h"
#include "charting/VitalRanges.h"

#include <QTest>
#include <QTextDocument>

using namespace medora;

namespace {

const QString kDoctor = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");

Patient patient()
{
    Patient p;
    p.localId = 1;
    p.number = QStringLiteral("KQX-00042");
    p.lastName = QStringLiteral("Qodirova");
    p.firstName = QStringLiteral("Oʻlmas");
    p.fatherName = QStringLiteral("Gʻulomovna");
    p.birthDate = QDate(1980, 5, 17);
    p.sex = Sex::Female;
    return p;
}

Report signedReport()
{
    Report r;
    r.localId = 7;
    r.authorId = kDoctor;
    r.status = ReportStatus::Signed;
    r.createdAt = QDateTime(QDate(2026, 11, 28), QTime(9, 30), Qt::UTC);
    r.signedAt = QDateTime(QDate(2026, 11, 28), QTime(9, 55), Qt::UTC);
    r.sections.complaints = QStringLiteral("<script>alert(1)</script> & головная боль\nвторая строка");
    r.sections.examination = QStringLiteral("Tomoq qizargan");
    r.sections.diagnosis = QStringLiteral("Острый фарингит");
    r.sections.icd10 = QStringLiteral("J02.9");
    r.sections.vitals = {Vital{QStringLiteral("temperature"), QStringLiteral("37.8"), QStringLiteral("°C")},
                         Vital{QStringLiteral("pulse"), QStringLiteral("88"), QStringLiteral("bpm")}};
    return r;
}

QString plain(const QString &html)
{
    QTextDocument document;
    document.setHtml(html);
    return document.toPlainText();
}

} // namespace

class TestCabinetReportHtml : public QObject
{
    Q_OBJECT

private slots:
    void everyPartIsThere();
    void typedMarkupIsText();
    void draftsAndAddendaAreMarked();
    void unknownDoctorIsSaidSo();
    void vitalRangesWarnOnlyOnImplausibleValues();
};

void TestCabinetReportHtml::everyPartIsThere()
{
    const ReportHtmlBuilder builder(
        [](const QString &id) { return id == kDoctor ? QStringLiteral("Dr. Иванова Анна") : QString(); });
    const QString html = builder.bodyHtml(patient(), signedReport());
    const QString text = plain(html);
    QVERIFY(text.contains(QStringLiteral("Qodirova Oʻlmas Gʻulomovna")));
    QVERIFY(text.contains(QStringLiteral("KQX-00042")));
    QVERIFY(text.contains(QStringLiteral("Dr. Иванова Анна")));
    QVERIFY(text.contains(QStringLiteral("Острый фарингит")));
    QVERIFY(text.contains(QStringLiteral("J02.9")));
    QVERIFY(text.contains(QStringLiteral("37.8 °C")));
    QVERIFY(text.contains(QStringLiteral("88 bpm")));
    QVERIFY(text.contains(QStringLiteral("Tomoq qizargan")));
    QVERIFY(text.contains(QStringLiteral("______"))); // the signature line
    // A signed report carries the note about the document, not the AI's disclaimer: the
    // doctor who signed it is the judgement.
    QVERIFY(text.contains(ReportHtmlBuilder::disclaimer()));
    QCOMPARE(ReportHtmlBuilder::disclaimerFor(signedReport()), ReportHtmlBuilder::disclaimer());
    QVERIFY(!text.contains(ReportHtmlBuilder::aiDraftDisclaimer()));
    QVERIFY(!text.contains(ReportHtmlBuilder::draftDisclaimer()));
    QCOMPARE(ReportHtmlBuilder::aiDraftDisclaimer(),
             QStringLiteral("This report does not replace a doctor's judgement."));
    // Birth date and sex each under their own label.
    QVERIFY(text.contains(QStringLiteral("Date of birth:")));
    QVERIFY(text.contains(QStringLiteral("Sex:")));
    QVERIFY(!text.contains(QStringLiteral("Born:")));
    QVERIFY(text.contains(QStringLiteral("Complaints")));
    QVERIFY(!text.contains(QStringLiteral("Treatment plan"))); // empty sections are left out
    // Vitals come before the examination, as on the paper form.
    QVERIFY(text.indexOf(QStringLiteral("37.8")) < text.indexOf(QStringLiteral("Tomoq")));

    ReportHtmlBuilder::Options options;
    options.disclaimerInBody = false;
    const ReportHtmlBuilder forPrint([](const QString &) { return QStringLiteral("Dr. X"); }, options);
    QVERIFY(!plain(forPrint.bodyHtml(patient(), signedReport())).contains(ReportHtmlBuilder::disclaimer()));
}

void TestCabinetReportHtml::typedMarkupIsText()
{
    const ReportHtmlBuilder builder([](const QString &) { return QStringLiteral("<b>Dr & Co</b>"); });
    const QString html = builder.bodyHtml(patient(), signedReport());
    QVERIFY(!html.contains(QStringLiteral("<script>")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;")));
    QVERIFY(html.contains(QStringLiteral("&amp; головная")));
    QVERIFY(!html.contains(QStringLiteral("<b>Dr")));
    const QString text = plain(html);
    QVERIFY(text.contains(QStringLiteral("<script>alert(1)</script> & головная боль")));
    QVERIFY(text.contains(QStringLiteral("<b>Dr & Co</b>")));
    QVERIFY(text.contains(QStringLiteral("вторая строка")));
    QCOMPARE(ReportHtmlBuilder::escaped(QStringLiteral("a<b\nc")), QStringLiteral("a&lt;b<br/>c"));
}

void TestCabinetReportHtml::draftsAndAddendaAreMarked()
{
    const ReportHtmlBuilder builder([](const QString &) { return QStringLiteral("Dr. X"); });
    Report draft = signedReport();
    draft.status = ReportStatus::Draft;
    draft.signedAt = QDateTime();
    QVERIFY(plain(builder.bodyHtml(patient(), draft)).contains(QStringLiteral("DRAFT")));
    QCOMPARE(ReportHtmlBuilder::disclaimerFor(draft), ReportHtmlBuilder::draftDisclaimer());
    QVERIFY(plain(builder.bodyHtml(patient(), draft)).contains(ReportHtmlBuilder::draftDisclaimer()));
    QVERIFY(!plain(builder.bodyHtml(patient(), draft)).contains(ReportHtmlBuilder::disclaimer()));

    Report addendum;
    addendum.authorId = kDoctor;
    addendum.addendumTo = QUuid::createUuid();
    addendum.createdAt = QDateTime(QDate(2026, 11, 29), QTime(8, 0), Qt::UTC);
    addendum.sections.notes = QStringLiteral("Culture negative & diagnosis stands");
    const QString text = plain(builder.bodyHtml(patient(), signedReport(), {addendum}));
    QVERIFY(text.contains(QStringLiteral("Addendum of")));
    QVERIFY(text.contains(QStringLiteral("Culture negative & diagnosis stands")));
    QVERIFY(text.indexOf(QStringLiteral("Острый")) < text.indexOf(QStringLiteral("Culture")));
    QCOMPARE(ReportHtmlBuilder::title(addendum), QStringLiteral("Addendum to a visit report"));
    QCOMPARE(ReportHtmlBuilder::title(draft), QStringLiteral("Visit report"));
}

void TestCabinetReportHtml::unknownDoctorIsSaidSo()
{
    const ReportHtmlBuilder builder([](const QString &) { return QString(); });
    QVERIFY(
        plain(builder.bodyHtml(patient(), signedReport())).contains(QStringLiteral("not in this computer")));
}

void TestCabinetReportHtml::vitalRangesWarnOnlyOnImplausibleValues()
{
    using V = VitalRanges::Verdict;
    QCOMPARE(VitalRanges::check(QStringLiteral("temperature"), QStringLiteral("36,6")), V::Plausible);
    QCOMPARE(VitalRanges::normalized(QStringLiteral(" 36,6 ")), QStringLiteral("36.6"));
    QCOMPARE(VitalRanges::check(QStringLiteral("temperature"), QStringLiteral("40.1")), V::Plausible);
    QCOMPARE(VitalRanges::check(QStringLiteral("temperature"), QStringLiteral("73")), V::Implausible);
    QCOMPARE(VitalRanges::check(QStringLiteral("temperature"), QString()), V::Empty);
    QCOMPARE(VitalRanges::check(QStringLiteral("temperature"), QStringLiteral("36.")), V::Malformed);
    QCOMPARE(VitalRanges::check(QStringLiteral("pulse"), QStringLiteral("12345")), V::Malformed);
    QCOMPARE(VitalRanges::check(QStringLiteral("spo2"), QStringLiteral("101")), V::Implausible);
    QCOMPARE(VitalRanges::check(QStringLiteral("bp_systolic"), QStringLiteral("120")), V::Plausible);
    QCOMPARE(VitalRanges::check(QStringLiteral("weight"), QStringLiteral("0.3")), V::Implausible);
    QVERIFY(
        VitalRanges::pressuresSwapped({Vital{QStringLiteral("bp_systolic"), QStringLiteral("80"), {}},
                                       Vital{QStringLiteral("bp_diastolic"), QStringLiteral("120"), {}}}));
    QVERIFY(
        !VitalRanges::pressuresSwapped({Vital{QStringLiteral("bp_systolic"), QStringLiteral("120"), {}},
                                        Vital{QStringLiteral("bp_diastolic"), QStringLiteral("80"), {}}}));
}

QTEST_MAIN(TestCabinetReportHtml)
#include "tst_cabinetreporthtml.moc"
