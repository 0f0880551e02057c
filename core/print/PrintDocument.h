#pragma once

#include "clinic/ClinicDirectory.h"

#include <QCoreApplication>
#include <QPageLayout>
#include <QString>

#include <functional>

class QPagedPaintDevice;

namespace medora {

// A printout: an HTML body under the clinic's letterhead, with a title, a footer (the
// letterhead's, e.g. the licence number, then the document's, e.g. the medical disclaimer)
// and "page X of Y" on every page. Renders to any QPagedPaintDevice
// (QPdfWriter or QPrinter) through QTextDocument, so it needs QtGui but never Widgets.
// It needs a QGuiApplication (fonts), but not its thread: print() and writePdf() may run on
// a worker thread.
class PrintDocument
{
    Q_DECLARE_TR_FUNCTIONS(PrintDocument)

public:
    enum class PageSize
    {
        A4,
        A5,
        Receipt80mm
    };
    PrintDocument(const Letterhead &letterhead, PageSize size = PageSize::A4);
    void setTitle(const QString &title);
    void setBodyHtml(const QString &html);   // already escaped by the caller
    void setFooterText(const QString &text); // e.g. the medical disclaimer
    bool print(QPagedPaintDevice &device) const;
    bool writePdf(const QString &path, QString *error = nullptr) const;
    int pageCount() const;

    // Called before each page is painted (page from 1); returning false stops the printout
    // (print() then returns false).
    using Progress = std::function<bool(int page, int pageCount)>;
    // print() lays the text out for the device's own page layout (what the print dialog
    // chose); writePdf() and pageCount() use pageLayout().
    bool print(QPagedPaintDevice &device, const Progress &progress) const;
    bool writePdf(const QString &path, const Progress &progress, QString *error) const;

    Letterhead letterhead() const { return m_letterhead; }
    PageSize pageSize() const { return m_pageSize; }
    QString title() const { return m_title; }
    QString bodyHtml() const { return m_bodyHtml; }
    QString footerText() const { return m_footerText; }
    // The paper and margins this document is meant for; a receipt is 80 mm wide and as long
    // as its text.
    QPageLayout pageLayout() const;
    // "Page 2 of 3" in the UI language.
    static QString pageNumberText(int page, int pageCount);
    // The family the text is set in: one with Cyrillic and Uzbek Latin letters (DejaVu Sans)
    // when the system has it, else the default family (logged once).
    static QString fontFamily();
    // The resolution writePdf() renders at (dots per inch).
    static constexpr int kPdfResolution = 600;

private:
    Letterhead m_letterhead;
    PageSize m_pageSize;
    QString m_title;
    QString m_bodyHtml;
    QString m_footerText;
};

} // namespace medora
