#pragma once

#include "print/PrintDocument.h"

#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QPrinter;
class QThread;
class QWidget;

namespace medora {

// Printing and "Save as PDF" for every workflow. The pages are painted on a worker thread
// while the window stays responsive, with a progress dialog (and Cancel) for anything that
// takes longer than a moment. Failures are told in the UI language, with what to do.
class PrintActions : public QObject
{
    Q_OBJECT

public:
    // Asks whether to print or save as PDF, then does it; the PrintActions object lives
    // until the work is done. `suggestedFileName`: e.g. "report-000123.pdf".
    static PrintActions *printOrSave(QWidget *parent, const PrintDocument &document,
                                     const QString &suggestedFileName = QString());

    explicit PrintActions(QWidget *parent);
    ~PrintActions() override;

    // The print dialog, then the printout (asynchronous: finished()).
    void print(const PrintDocument &document);
    // The save dialog, then the PDF (asynchronous: finished()).
    void saveAsPdf(const PrintDocument &document, const QString &suggestedFileName = QString());
    // The PDF without asking where (a path the caller chose); asynchronous: finished().
    void exportPdf(const PrintDocument &document, const QString &path);
    bool isBusy() const { return m_worker != nullptr; }
    // Where "Save as PDF" asks; tests replace the file dialog. Returns the chosen path or empty.
    using FileChooser = std::function<QString(QWidget *parent, const QString &suggestedPath)>;
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }
    // The progress dialog appears when the work takes longer than this.
    void setProgressDelay(int milliseconds) { m_progressDelayMs = milliseconds; }
    QProgressDialog *progressDialog() const { return m_progress; }
    // Deletes itself after finished() (printOrSave() sets it).
    void setDeleteWhenDone(bool deleteWhenDone) { m_deleteWhenDone = deleteWhenDone; }

signals:
    void started(int pageCount);
    // `ok`: the printout or the PDF is complete; `path`: the PDF (empty for a printer).
    // A cancelled job finishes with ok false and no error message.
    void finished(bool ok, const QString &path);
    // Shown to the user as well; already translated.
    void failed(const QString &message);

private:
    void run(const PrintDocument &document, const QString &path, std::shared_ptr<QPrinter> printer);
    void onWorkerDone();
    void showError(const QString &message);

    QPointer<QWidget> m_parent;
    FileChooser m_chooseFile;
    QThread *m_worker = nullptr;
    QPointer<QProgressDialog> m_progress;
    int m_progressDelayMs = 400;
    bool m_deleteWhenDone = false;
    struct Job;
    std::shared_ptr<Job> m_job;
};

} // namespace medora
