#include "print/PrintActions.h"

#include <QAbstractButton>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>

namespace medora {

// What the worker thread and the window share: the document is a copy, the flags atomic,
// and `error` is read only after the thread has finished.
struct PrintActions::Job
{
    Job(const PrintDocument &document, const QString &path, std::shared_ptr<QPrinter> printer)
        : document(document), path(path), printer(std::move(printer))
    {}

    PrintDocument document;
    QString path;
    std::shared_ptr<QPrinter> printer;
    std::atomic<bool> cancelled{false};
    bool ok = false;
    QString error;
};

PrintActions *PrintActions::printOrSave(QWidget *parent, const PrintDocument &document,
                                        const QString &suggestedFileName)
{
    auto *actions = new PrintActions(parent);
    actions->setDeleteWhenDone(true);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Print"),
                                document.title().isEmpty()
                                    ? tr("Print this document, or save it as a PDF file?")
                                    : tr("Print “%1”, or save it as a PDF file?").arg(document.title()),
                                QMessageBox::NoButton, parent);
    QAbstractButton *printButton = box->addButton(tr("Print…"), QMessageBox::AcceptRole);
    QAbstractButton *pdfButton = box->addButton(tr("Save as PDF…"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("printOrSaveChoice"));
    connect(box, &QMessageBox::buttonClicked, actions,
            [actions, document, suggestedFileName, printButton, pdfButton](QAbstractButton *button) {
                if (button == printButton) {
                    actions->print(document);
                } else if (button == pdfButton) {
                    actions->saveAsPdf(document, suggestedFileName);
                } else {
                    emit actions->finished(false, QString());
                    actions->deleteLater();
                }
            });
    box->open();
    return actions;
}

PrintActions::PrintActions(QWidget *parent) : QObject(parent), m_parent(parent)
{
    m_chooseFile = [](QWidget *dialogParent, const QString &suggestedPath) {
        return QFileDialog::getSaveFileName(dialogParent, tr("Save as PDF"), suggestedPath,
                                            tr("PDF files (*.pdf)"));
    };
}

PrintActions::~PrintActions()
{
    // The worker paints into the job only; it must end before the job may go.
    if (m_worker) {
        m_job->cancelled = true;
        m_worker->wait();
        delete m_worker;
    }
    delete m_progress;
}

void PrintActions::print(const PrintDocument &document)
{
    if (isBusy())
        return;
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    printer->setPageLayout(document.pageLayout());
    printer->setDocName(document.title());
    QPrintDialog dialog(printer.get(), m_parent);
    dialog.setWindowTitle(document.title().isEmpty() ? tr("Print") : tr("Print: %1").arg(document.title()));
    if (dialog.exec() != QDialog::Accepted) {
        emit finished(false, QString());
        if (m_deleteWhenDone)
            deleteLater();
        return;
    }
    run(document, QString(), printer);
}

void PrintActions::saveAsPdf(const PrintDocument &document, const QString &suggestedFileName)
{
    if (isBusy())
        return;
    QString name = suggestedFileName;
    if (name.isEmpty())
        name = (document.title().isEmpty() ? tr("document") : document.title()) + QStringLiteral(".pdf");
    // A title may hold characters a file name must not.
    name.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|]")), QStringLiteral("-"));
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = m_chooseFile(m_parent, QDir(folder).filePath(name));
    if (path.isEmpty()) {
        emit finished(false, QString());
        if (m_deleteWhenDone)
            deleteLater();
        return;
    }
    if (QFileInfo(path).suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) != 0)
        path += QStringLiteral(".pdf");
    exportPdf(document, path);
}

void PrintActions::exportPdf(const PrintDocument &document, const QString &path)
{
    if (isBusy())
        return;
    run(document, path, nullptr);
}

void PrintActions::run(const PrintDocument &document, const QString &path, std::shared_ptr<QPrinter> printer)
{
    m_job = std::make_shared<Job>(document, path, std::move(printer));
    std::shared_ptr<Job> job = m_job;

    m_progress = new QProgressDialog(job->printer ? tr("Printing…") : tr("Saving the PDF…"), tr("Cancel"), 0,
                                     0, m_parent);
    m_progress->setObjectName(QStringLiteral("printProgress"));
    m_progress->setWindowTitle(tr("Printing"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(m_progressDelayMs);
    connect(m_progress, &QProgressDialog::canceled, this, [job] { job->cancelled = true; });

    m_worker = QThread::create([this, job] {
        const PrintDocument::Progress progress = [this, job](int page, int count) {
            QMetaObject::invokeMethod(
                this,
                [this, page, count] {
                    if (!m_progress)
                        return;
                    if (m_progress->maximum() != count) {
                        m_progress->setMaximum(count);
                        emit started(count);
                    }
                    m_progress->setLabelText(tr("Page %1 of %2…").arg(page).arg(count));
                    m_progress->setValue(page - 1);
                },
                Qt::QueuedConnection);
            return !job->cancelled;
        };
        if (job->printer)
            job->ok = job->document.print(*job->printer, progress);
        else
            job->ok = job->document.writePdf(job->path, progress, &job->error);
    });
    connect(m_worker, &QThread::finished, this, &PrintActions::onWorkerDone);
    m_worker->start();
}

void PrintActions::onWorkerDone()
{
    m_worker->deleteLater();
    m_worker = nullptr;
    if (m_progress) {
        m_progress->hide();
        m_progress->deleteLater();
    }
    const std::shared_ptr<Job> job = std::move(m_job);
    const bool isPrinter = job->printer != nullptr;
    const QString path = isPrinter ? QString() : job->path;
    if (job->cancelled) {
        emit finished(false, path);
    } else if (!job->ok) {
        const QString message =
            isPrinter ? tr("The printer did not accept the printout. Check that it is switched on and has "
                           "paper, then print again.")
                      : tr("%1 Choose another folder or file name and save again.")
                            .arg(job->error.isEmpty() ? tr("The PDF was not saved.") : job->error);
        showError(message);
        emit failed(message);
        emit finished(false, path);
    } else {
        emit finished(true, path);
    }
    if (m_deleteWhenDone)
        deleteLater();
}

void PrintActions::showError(const QString &message)
{
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Printing failed"), message, QMessageBox::Ok, m_parent);
    box->setObjectName(QStringLiteral("printError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace medora
