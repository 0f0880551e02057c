#include "clinic/ClinicDirectory.h"
#include "print/PrintActions.h"
#include "print/PrintDocument.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QWidget>
#include <QtTest>

using namespace medora;

namespace {

PrintDocument document(int paragraphs)
{
    Letterhead head;
    head.clinicName = QStringLiteral("Shifo Nur");
    head.address = QStringLiteral("Toshkent");
    PrintDocument printout(head);
    printout.setTitle(QStringLiteral("Koʻrik xulosasi"));
    QString html;
    for (int i = 0; i < paragraphs; ++i)
        html += QStringLiteral("<p>%1. Bemor bosh ogʻrigʻidan shikoyat qiladi. Жалобы на слабость.</p>")
                    .arg(i + 1);
    printout.setBodyHtml(html);
    printout.setFooterText(QStringLiteral("Disclaimer"));
    return printout;
}

bool isPdf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(5) == "%PDF-";
}

} // namespace

class TestPrintActions : public QObject
{
    Q_OBJECT

private slots:
    void pdfIsWrittenWithoutBlockingTheWindow()
    {
        QWidget window;
        window.show();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("long.pdf"));
        PrintActions actions(&window);
        actions.setProgressDelay(0);
        QSignalSpy finished(&actions, &PrintActions::finished);
        QSignalSpy started(&actions, &PrintActions::started);
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
        ticker.start(5);

        actions.exportPdf(document(400), path);
        // exportPdf() returned at once; the pages are painted on a worker thread.
        QVERIFY(actions.isBusy());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(finished.first().at(1).toString(), path);
        QVERIFY(!actions.isBusy());
        QVERIFY(isPdf(path));
        // The window's event loop ran meanwhile, and progress reached it page by page.
        QVERIFY(ticks > 0);
        QCOMPARE(started.size(), 1);
        QVERIFY(started.first().first().toInt() > 5);
    }

    void saveAsPdfAsksWhereAndAddsTheSuffix()
    {
        QWidget window;
        QTemporaryDir dir;
        PrintActions actions(&window);
        QString suggested;
        actions.setFileChooser([&](QWidget *, const QString &suggestion) {
            suggested = suggestion;
            return dir.filePath(QStringLiteral("xulosa"));
        });
        QSignalSpy finished(&actions, &PrintActions::finished);
        actions.saveAsPdf(document(3), QStringLiteral("report-000123.pdf"));
        QVERIFY(finished.wait(30000));
        QVERIFY(suggested.endsWith(QStringLiteral("report-000123.pdf")));
        QCOMPARE(finished.first().at(1).toString(), dir.filePath(QStringLiteral("xulosa.pdf")));
        QVERIFY(isPdf(dir.filePath(QStringLiteral("xulosa.pdf"))));

        // Cancelling the file dialog writes nothing.
        actions.setFileChooser([](QWidget *, const QString &) { return QString(); });
        finished.clear();
        actions.saveAsPdf(document(3));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
    }

    void failureIsExplainedInAMessage()
    {
        QWidget window;
        window.show();
        PrintActions actions(&window);
        QSignalSpy failed(&actions, &PrintActions::failed);
        QSignalSpy finished(&actions, &PrintActions::finished);
        QTemporaryDir dir;
        actions.exportPdf(document(2), dir.filePath(QStringLiteral("missing/folder/a.pdf")));
        QVERIFY(finished.wait(30000));
        QCOMPARE(failed.size(), 1);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("a.pdf")) &&
                     message.contains(QStringLiteral("another folder")),
                 qPrintable(message));
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("printError"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QCOMPARE(box->text(), message);
        box->close();
    }

    void cancelStopsAndLeavesNoFile()
    {
        QWidget window;
        window.show();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cancelled.pdf"));
        PrintActions actions(&window);
        actions.setProgressDelay(0);
        QSignalSpy finished(&actions, &PrintActions::finished);
        QSignalSpy failed(&actions, &PrintActions::failed);
        actions.exportPdf(document(300), path);
        QVERIFY(actions.progressDialog());
        // The Cancel button; the worker stops before its next page.
        auto *cancel = actions.progressDialog()->findChild<QPushButton *>();
        QVERIFY(cancel);
        cancel->click();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(failed.size(), 0);
        QVERIFY(!QFile::exists(path));
    }

    void printOrSaveOffersBoth()
    {
        QWidget window;
        window.show();
        PrintActions *actions = PrintActions::printOrSave(&window, document(2), QStringLiteral("x.pdf"));
        QPointer<PrintActions> guard(actions);
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("printOrSaveChoice"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QStringList labels;
        for (QAbstractButton *button : box->buttons())
            labels << button->text();
        QVERIFY2(labels.contains(QStringLiteral("Print…")) && labels.contains(QStringLiteral("Save as PDF…")),
                 qPrintable(labels.join(',')));
        // Cancel: nothing happens and the helper goes away by itself.
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(guard.isNull());
    }
};

QTEST_MAIN(TestPrintActions)
#include "tst_printactions.moc"
