#pragma once

#include "domain/Patient.h"
#include "domain/Report.h"

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>

#include <functional>
#include <utility>

namespace medora {

// A report as HTML, for the printout (PrintDocument puts it under the letterhead) and for
// reading it on screen: patient, doctor, date, every section that has text, vitals with
// units, the addenda, a signature line and the disclaimer that fits the document (signed or
// draft). Everything typed is
// escaped, so a report containing "<script>" or "&" shows those characters as text.
class ReportHtmlBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ReportHtmlBuilder)

public:
    using NameOf = std::function<QString(const QString &userId)>;

    struct Options
    {
        // The printout puts the disclaimer in every page's footer (PrintDocument) instead.
        bool disclaimerInBody = true;
        QLocale locale; // dates in the UI language's format
    };

    ReportHtmlBuilder(NameOf nameOf, const Options &options);
    explicit ReportHtmlBuilder(NameOf nameOf) : ReportHtmlBuilder(std::move(nameOf), Options()) {}

    QString bodyHtml(const Patient &patient, const Report &report, const QList<Report> &addenda = {}) const;

    // "Visit report" or "Addendum to a report": the printout's title.
    static QString title(const Report &report);
    // The footer of a signed report: a note to the patient about the document itself. The
    // doctor's own signed report is not told that it "does not replace a doctor's judgement".
    static QString disclaimer();
    // The footer of a draft: not a medical document until the doctor signs it.
    static QString draftDisclaimer();
    // disclaimer() for a signed report, draftDisclaimer() otherwise.
    static QString disclaimerFor(const Report &report);
    // For text an AI drafted (issue 6 marks such sections): it does not replace the doctor.
    static QString aiDraftDisclaimer();
    // Beside the heading of a section with AI-drafted text (ReportSections::aiDrafted).
    static QString aiSectionMark();
    // Under a report with AI-drafted sections: what the mark means, then aiDraftDisclaimer().
    static QString aiDraftNote();
    static bool hasAiDraftedText(const Report &report, const QList<Report> &addenda = {});
    // The printout's footer: disclaimerFor(report), followed by aiDraftDisclaimer() when the
    // report or an addendum holds AI-drafted text.
    static QString footerFor(const Report &report, const QList<Report> &addenda = {});
    static QString escaped(const QString &text); // HTML-escaped, line breaks kept

private:
    QString doctorName(const QString &userId) const;
    QString dateTime(const QDateTime &utc) const;
    QString sectionsHtml(const ReportSections &sections) const;
    QString signatureHtml(const Report &report) const;

    NameOf m_nameOf;
    Options m_options;
};

} // namespace medora
