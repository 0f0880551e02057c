#include "clinic/ClinicDirectory.h"
#include "print/PrintDocument.h"

#include <QBuffer>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace medora;

namespace {

// Words a report really has: Russian, Uzbek Latin with oʻ and gʻ (U+02BB), sh, ch, and
// "fi" and "fl" that a font might draw as one ligature glyph.
const QStringList kParagraphs = {
    QStringLiteral("Жалобы на головную боль, слабость и головокружение в течение трёх дней."),
    QStringLiteral("Bemor bosh ogʻrigʻi, koʻngil aynishi va holsizlikdan shikoyat qiladi."),
    QStringLiteral("Объективно: состояние удовлетворительное, кожные покровы обычной окраски."),
    QStringLiteral("Oʻpkada vezikulyar nafas, xirillashlar yoʻq. Yurak tonlari aniq, ritmik."),
    QStringLiteral("Рекомендовано: обильное питьё, покой, контроль давления утром и вечером."),
    QStringLiteral("Tavsiya: profilaktika uchun fizioterapiya, choy va shakarsiz ovqatlanish."),
    QStringLiteral("Shifokor koʻrigi bir haftadan keyin takrorlanadi; chekish taqiqlanadi."),
    QStringLiteral("Диагноз подтверждён; назначено лечение, флюорография через месяц."),
};

QByteArray logoPng()
{
    QImage image(160, 80, QImage::Format_ARGB32);
    image.fill(QColor(0, 120, 140));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

Letterhead letterhead()
{
    Letterhead head;
    head.clinicName = QStringLiteral("Shifo Nur klinikasi — Клиника «Шифо Нур»");
    head.address = QStringLiteral("Toshkent sh., Chilonzor tumani, Bunyodkor koʻchasi 7");
    head.phone = QStringLiteral("+998 71 200 00 00");
    head.footer = QStringLiteral("Litsenziya № 01234 · Лицензия № 01234");
    head.logoPng = logoPng();
    return head;
}

QString normalized(const QString &text)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    return QString(text).replace(whitespace, QStringLiteral(" ")).trimmed();
}

// A report body of `paragraphs` paragraphs under section headings, and its plain text.
QString reportHtml(int paragraphs, QString *plain)
{
    QString html;
    for (int i = 0; i < paragraphs; ++i) {
        if (i % 4 == 0) {
            const QString heading = QStringLiteral("Boʻlim %1 · Раздел %1").arg(i / 4 + 1);
            html += QStringLiteral("<h3>%1</h3>").arg(heading.toHtmlEscaped());
            *plain += heading + QLatin1Char(' ');
        }
        const QString text = kParagraphs.at(i % kParagraphs.size());
        html += QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped());
        *plain += text + QLatin1Char(' ');
    }
    return html;
}

} // namespace

// The PDF of a report says exactly what was printed: the text pdftotext extracts from each
// page is the letterhead, title and body in order, then the footer and "Page X of Y".
class TestReportPdf : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(PrintDocument::fontFamily().contains(QStringLiteral("DejaVu")),
                 "DejaVu Sans (fonts-dejavu-core) is needed for Cyrillic and Uzbek printouts");
    }

    void threePageReportTextIsExact()
    {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        // scripts/setup installs it: a machine without it cannot prove the PDF's text, so that fails.
        QVERIFY2(!pdftotext.isEmpty(),
                 "pdftotext is missing: install the Debian package poppler-utils (scripts/setup does)");

        const QString title = QStringLiteral("Koʻrik xulosasi · Заключение осмотра");
        const QString footer = QStringLiteral("Ushbu xulosa shifokor maslahatining oʻrnini bosmaydi. "
                                              "Заключение не заменяет консультацию врача.");
        // The fewest paragraphs that make three pages, whatever the font's exact metrics.
        PrintDocument document(letterhead(), PrintDocument::PageSize::A4);
        document.setTitle(title);
        document.setFooterText(footer);
        QString plainBody;
        for (int paragraphs = 1; paragraphs < 500; ++paragraphs) {
            plainBody.clear();
            document.setBodyHtml(reportHtml(paragraphs, &plainBody));
            if (document.pageCount() >= 3)
                break;
        }
        QCOMPARE(document.pageCount(), 3);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        QString error;
        QVERIFY2(document.writePdf(path, &error), qPrintable(error));

        const Letterhead head = letterhead();
        const QString expected =
            normalized(QStringList{head.clinicName, head.address, head.phone, title, plainBody}.join(' '));
        QString extractedBody;
        for (int page = 1; page <= 3; ++page) {
            QProcess process;
            process.start(pdftotext, {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                                      QString::number(page), QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                                      path, QStringLiteral("-")});
            QVERIFY(process.waitForFinished(30000));
            QCOMPARE(process.exitCode(), 0);
            const QString text = normalized(QString::fromUtf8(process.readAllStandardOutput()));
            const QString pageFooter = normalized(
                QStringList{head.footer, footer, PrintDocument::pageNumberText(page, 3)}.join(' '));
            QVERIFY2(text.endsWith(pageFooter),
                     qPrintable(QStringLiteral("page %1 ends with: %2").arg(page).arg(text.right(200))));
            extractedBody += text.left(text.size() - pageFooter.size()) + QLatin1Char(' ');
        }
        const QString extracted = normalized(extractedBody);
        qsizetype differ = 0;
        while (differ < qMin(extracted.size(), expected.size()) &&
               extracted.at(differ) == expected.at(differ))
            ++differ;
        QVERIFY2(extracted == expected,
                 qPrintable(QStringLiteral("the PDF's text differs at character %1:\n  pdf:      …%2…\n  "
                                           "expected: …%3…")
                                .arg(differ)
                                .arg(extracted.mid(qMax<qsizetype>(0, differ - 40), 100),
                                     expected.mid(qMax<qsizetype>(0, differ - 40), 100))));
        // Spelled out: the Uzbek letter survives as U+02BB, not as an apostrophe.
        QVERIFY(extractedBody.contains(QStringLiteral("bosh ogʻrigʻi")));
        QVERIFY(extractedBody.contains(QStringLiteral("fizioterapiya")));
    }
};

QTEST_MAIN(TestReportPdf)
#include "tst_reportpdf.moc"
