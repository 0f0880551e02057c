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
// units, the addenda, a signature line and the medical disclaimer. Everything typed is
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
    static QString disclaimer();
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
