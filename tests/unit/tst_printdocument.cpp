#include "clinic/ClinicDirectory.h"
#include "print/PrintDocument.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace medora;

namespace {

QString paragraphs(int count)
{
    QString html;
    for (int i = 0; i < count; ++i)
        html += QStringLiteral("<p>Bemor %1: bosh ogʻrigʻi, holsizlik. Жалобы на слабость.</p>").arg(i + 1);
    return html;
}

Letterhead head()
{
    Letterhead letterhead;
    letterhead.clinicName = QStringLiteral("Shifo Nur");
    letterhead.address = QStringLiteral("Toshkent");
    letterhead.phone = QStringLiteral("+998 71 200 00 00");
    return letterhead;
}

int pdfPageCount(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    // Every page object of Qt's PDF writer is "/Type /Page" (the tree is "/Type /Pages").
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    return int(QString::fromLatin1(file.readAll()).count(page));
}

} // namespace

class TestPrintDocument : public QObject
{
    Q_OBJECT

private slots:
    void pageSizes()
    {
        const QPageLayout a4 = PrintDocument(head(), PrintDocument::PageSize::A4).pageLayout();
        QCOMPARE(a4.pageSize().id(), QPageSize::A4);
        const QPageLayout a5 = PrintDocument(head(), PrintDocument::PageSize::A5).pageLayout();
        QCOMPARE(a5.pageSize().id(), QPageSize::A5);

        PrintDocument receipt(head(), PrintDocument::PageSize::Receipt80mm);
        receipt.setBodyHtml(paragraphs(3));
        const QSizeF shortReceipt = receipt.pageLayout().pageSize().size(QPageSize::Millimeter);
        QCOMPARE(shortReceipt.width(), 80.0);
        receipt.setBodyHtml(paragraphs(30));
        const QSizeF longReceipt = receipt.pageLayout().pageSize().size(QPageSize::Millimeter);
        // A receipt is one strip as long as its text.
        QVERIFY2(longReceipt.height() > shortReceipt.height() + 50,
                 qPrintable(QString::number(longReceipt.height())));
        QCOMPARE(receipt.pageCount(), 1);
    }

    void longBodiesTakeMorePages()
    {
        PrintDocument document(head());
        document.setTitle(QStringLiteral("Xulosa"));
        document.setBodyHtml(paragraphs(2));
        QCOMPARE(document.pageCount(), 1);
        document.setBodyHtml(paragraphs(150));
        const int pages = document.pageCount();
        QVERIFY(pages >= 3);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("long.pdf"));
        QString error;
        QVERIFY2(document.writePdf(path, &error), qPrintable(error));
        QCOMPARE(pdfPageCount(path), pages);

        PrintDocument a5(head(), PrintDocument::PageSize::A5);
        a5.setBodyHtml(paragraphs(150));
        QVERIFY(a5.pageCount() > pages);
    }

    void printsOnAnyPagedDevice()
    {
        PrintDocument document(head());
        document.setBodyHtml(paragraphs(80));
        QByteArray pdf;
        QBuffer buffer(&pdf);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QPdfWriter writer(&buffer);
        writer.setResolution(300);
        writer.setPageLayout(document.pageLayout());
        QList<int> seen;
        QVERIFY(document.print(writer, [&](int page, int count) {
            seen << page;
            return count > 0;
        }));
        buffer.close();
        QVERIFY(pdf.startsWith("%PDF"));
        QCOMPARE(seen.size(), document.pageCount());
        QCOMPARE(seen.first(), 1);
        QCOMPARE(seen.last(), document.pageCount());
    }

    void cancelledOrFailedExportLeavesNoFile()
    {
        PrintDocument document(head());
        document.setBodyHtml(paragraphs(150));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cancelled.pdf"));
        QString error;
        QVERIFY(!document.writePdf(
            path, [](int page, int) { return page < 2; }, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(path));

        error.clear();
        QVERIFY(!document.writePdf(dir.filePath(QStringLiteral("no/such/folder/x.pdf")), &error));
        QVERIFY(error.contains(QStringLiteral("x.pdf")));
    }

    void brokenLogoIsLeftOut()
    {
        Letterhead letterhead = head();
        letterhead.logoPng = QByteArray("not a picture");
        PrintDocument document(letterhead);
        document.setBodyHtml(paragraphs(1));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("logo is not a readable PNG")));
        QCOMPARE(document.pageCount(), 1);
    }

    void rendersOnAWorkerThread()
    {
        PrintDocument document(head());
        document.setBodyHtml(paragraphs(100));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("worker.pdf"));
        bool written = false;
        std::unique_ptr<QThread> worker(QThread::create([&] { written = document.writePdf(path); }));
        worker->start();
        QVERIFY(worker->wait(60000));
        QVERIFY(written);
        QCOMPARE(pdfPageCount(path), document.pageCount());
    }
};

QTEST_MAIN(TestPrintDocument)
#include "tst_printdocument.moc"
