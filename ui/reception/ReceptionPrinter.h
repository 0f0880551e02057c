#pragma once

#include "print/PrintDocument.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace medora {

class ClinicDirectory;

// Prints the desk's printouts (ticket, patient card, receipt, cash summary) under the
// clinic's letterhead: through PrintActions (print dialog or "Save as PDF", painted off the
// UI thread), or, when a PDF folder is set (tests, a desk without a printer), straight
// into a numbered PDF file there.
class ReceptionPrinter : public QObject
{
    Q_OBJECT

public:
    ReceptionPrinter(ClinicDirectory &clinic, QWidget *dialogParent);

    void setPdfDirectory(const QString &dir) { m_pdfDirectory = dir; }
    QString pdfDirectory() const { return m_pdfDirectory; }
    // The PDF file the last printout went to (PDF folder mode), else empty.
    QString lastPdfPath() const { return m_lastPdfPath; }
    QString lastError() const { return m_lastError; }

    // PDF folder: true once the file is written; false with lastError(). Otherwise true when
    // the print or save dialog was offered (PrintActions reports its own failures).
    bool print(const QString &title, const QString &bodyHtml, PrintDocument::PageSize size,
               const QString &fileBaseName);

signals:
    void printed(const QString &title);

private:
    ClinicDirectory &m_clinic;
    QPointer<QWidget> m_dialogParent;
    QString m_pdfDirectory;
    QString m_lastPdfPath;
    QString m_lastError;
    int m_counter = 0;
};

} // namespace medora
