#include "reception/ReceptionPrinter.h"

#include "clinic/ClinicDirectory.h"
#include "print/PrintActions.h"

#include <QDateTime>
#include <QDir>

namespace medora {

ReceptionPrinter::ReceptionPrinter(ClinicDirectory &clinic, QWidget *dialogParent)
    : QObject(dialogParent), m_clinic(clinic), m_dialogParent(dialogParent)
{}

bool ReceptionPrinter::print(const QString &title, const QString &bodyHtml, PrintDocument::PageSize size,
                             const QString &fileBaseName)
{
    m_lastError.clear();
    m_lastPdfPath.clear();
    PrintDocument document(m_clinic.letterhead(), size);
    document.setTitle(title);
    document.setBodyHtml(bodyHtml);

    if (!m_pdfDirectory.isEmpty()) {
        if (!QDir().mkpath(m_pdfDirectory)) {
            m_lastError =
                tr("The folder %1 cannot be created.").arg(QDir::toNativeSeparators(m_pdfDirectory));
            return false;
        }
        const QString name =
            QStringLiteral("%1-%2-%3.pdf")
                .arg(fileBaseName, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")))
                .arg(++m_counter);
        const QString path = QDir(m_pdfDirectory).filePath(name);
        QString error;
        if (!document.writePdf(path, &error)) {
            m_lastError =
                error.isEmpty()
                    ? tr("The PDF file %1 could not be written.").arg(QDir::toNativeSeparators(path))
                    : error;
            return false;
        }
        m_lastPdfPath = path;
        emit printed(title);
        return true;
    }

    // The shared print path: print dialog or "Save as PDF", pages painted on a worker thread
    // with a progress dialog, failures explained. It finishes on its own.
    PrintActions *actions =
        PrintActions::printOrSave(m_dialogParent, document, fileBaseName + QStringLiteral(".pdf"));
    if (!actions)
        return false;
    connect(actions, &PrintActions::finished, this, [this, title](bool ok) {
        if (ok)
            emit printed(title);
    });
    return true;
}

} // namespace medora
