// Time to produce the PDF of a 3-page report (letterhead with logo, title, Russian and Uzbek
// body, footer and page numbers) through PrintDocument::writePdf. Target: <= 300 ms.
// Prints the first (cold) run, then median and p95 over N warm runs, and a baseline measured
// in the same run: QTextDocument::print() of the same HTML straight to a QPdfWriter (no
// letterhead, no footer, Qt's own pagination). Usage: bench_reportpdf [runs=30] [--keep FILE.pdf]
#include "clinic/ClinicDirectory.h"
#include "print/PrintDocument.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTextStream>

#include <algorithm>
#include <functional>

using namespace medora;

namespace {

const QStringList kParagraphs = {
    QStringLiteral("Жалобы на головную боль, слабость и головокружение в течение трёх дней."),
    QStringLiteral("Bemor bosh ogʻrigʻi, koʻngil aynishi va holsizlikdan shikoyat qiladi."),
    QStringLiteral("Объективно: состояние удовлетворительное, кожные покровы обычной окраски."),
    QStringLiteral("Oʻpkada vezikulyar nafas, xirillashlar yoʻq. Yurak tonlari aniq, ritmik."),
    QStringLiteral("Рекомендовано: обильное питьё, покой, контроль давления утром и вечером."),
    QStringLiteral("Tavsiya: profilaktika uchun fizioterapiya, choy va shakarsiz ovqatlanish."),
};

QString reportHtml(int paragraphs)
{
    QString html;
    for (int i = 0; i < paragraphs; ++i) {
        if (i % 4 == 0)
            html += QStringLiteral("<h3>Boʻlim %1 · Раздел %1</h3>").arg(i / 4 + 1);
        html += QStringLiteral("<p>%1</p>").arg(kParagraphs.at(i % kParagraphs.size()).toHtmlEscaped());
    }
    return html;
}

Letterhead letterhead()
{
    QImage image(300, 150, QImage::Format_ARGB32);
    image.fill(QColor(0, 120, 140));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    Letterhead head;
    head.clinicName = QStringLiteral("Shifo Nur klinikasi — Клиника «Шифо Нур»");
    head.address = QStringLiteral("Toshkent sh., Chilonzor tumani, Bunyodkor koʻchasi 7");
    head.phone = QStringLiteral("+998 71 200 00 00");
    head.footer = QStringLiteral("Litsenziya № 01234");
    head.logoPng = png;
    return head;
}

double milliseconds(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Figures
{
    double median = 0;
    double p95 = 0;
    double best = 0;
};

Figures figures(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    Figures f;
    f.best = samples.first();
    f.median = samples.at(samples.size() / 2);
    f.p95 = samples.at(qMin(samples.size() - 1, int(samples.size() * 0.95)));
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    QString keep;
    const qsizetype keepAt = arguments.indexOf(QStringLiteral("--keep"));
    if (keepAt >= 0 && keepAt + 1 < arguments.size()) {
        keep = arguments.at(keepAt + 1);
        arguments.remove(keepAt, 2);
    }
    const int runs = arguments.isEmpty() ? 30 : qMax(3, arguments.first().toInt());
    QTextStream out(stdout);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.pdf"));

    PrintDocument document(letterhead(), PrintDocument::PageSize::A4);
    document.setTitle(QStringLiteral("Koʻrik xulosasi · Заключение осмотра"));
    document.setFooterText(QStringLiteral("Ushbu xulosa shifokor maslahatining oʻrnini bosmaydi. "
                                          "Заключение не заменяет консультацию врача."));
    // The first run is cold: fonts found and loaded, the PDF engine's first subset.
    QString html;
    int paragraphs = 1;
    const double cold = milliseconds([&] {
        html = reportHtml(paragraphs);
        document.setBodyHtml(html);
        document.writePdf(path);
    });
    // The most paragraphs that still fit on three full pages.
    for (; document.pageCount() <= 3 && paragraphs < 500; ++paragraphs) {
        html = reportHtml(paragraphs + 1);
        document.setBodyHtml(html);
    }
    html = reportHtml(--paragraphs);
    document.setBodyHtml(html);
    const int pages = document.pageCount();

    QList<double> ours;
    QString error;
    bool ok = true;
    for (int i = 0; i < runs; ++i)
        ours << milliseconds([&] { ok = document.writePdf(path, &error) && ok; });
    const qint64 bytes = QFileInfo(path).size();

    QList<double> baseline;
    const QString baselinePath = dir.filePath(QStringLiteral("baseline.pdf"));
    for (int i = 0; i < runs; ++i) {
        baseline << milliseconds([&] {
            QTextDocument plain;
            plain.setHtml(html);
            QPdfWriter writer(baselinePath);
            writer.setResolution(PrintDocument::kPdfResolution);
            writer.setPageLayout(document.pageLayout());
            plain.print(&writer);
        });
    }

    const Figures f = figures(ours);
    const Figures b = figures(baseline);
    out << QStringLiteral("bench_reportpdf: %1 pages, %2 paragraphs, %3 KiB PDF, font %4, %5 runs\n")
               .arg(pages)
               .arg(paragraphs)
               .arg(bytes / 1024)
               .arg(PrintDocument::fontFamily())
               .arg(runs);
    out << QStringLiteral("  cold first PDF (1 page, fonts loaded):   %1 ms\n").arg(cold, 0, 'f', 1);
    out << QStringLiteral("  PrintDocument::writePdf   median %1 ms  p95 %2 ms  best %3 ms\n")
               .arg(f.median, 0, 'f', 1)
               .arg(f.p95, 0, 'f', 1)
               .arg(f.best, 0, 'f', 1);
    out << QStringLiteral(
               "  baseline QTextDocument::print (body only, new document per run)  median %1 ms  p95 %2 ms\n")
               .arg(b.median, 0, 'f', 1)
               .arg(b.p95, 0, 'f', 1);
    const bool met = f.p95 <= 300.0;
    out << QStringLiteral("  target p95 <= 300 ms: %1\n")
               .arg(met ? QStringLiteral("met") : QStringLiteral("NOT met"));
    if (!ok)
        out << QStringLiteral("  writePdf failed: %1\n").arg(error);
    if (!keep.isEmpty() && document.writePdf(keep, &error))
        out << QStringLiteral("  kept %1\n").arg(keep);
    return ok && pages == 3 ? 0 : 1;
}
