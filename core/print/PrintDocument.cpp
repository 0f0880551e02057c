#include "print/PrintDocument.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QImage>
#include <QLoggingCategory>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>
#include <memory>

namespace medora {

namespace {

Q_LOGGING_CATEGORY(lcPrint, "medora.print")

constexpr qreal kMmPerInch = 25.4;
constexpr qreal kCssPixelsPerInch = 96.0; // QTextDocument sizes images in 96 dpi pixels
constexpr qreal kFooterGapMm = 4.0;
constexpr qreal kReceiptWidthMm = 80.0;
constexpr qreal kReceiptMinHeightMm = 60.0;
constexpr qreal kReceiptMaxHeightMm = 2000.0;

QUrl logoUrl()
{
    return QUrl(QStringLiteral("medora-letterhead:logo"));
}

struct Style
{
    qreal bodyPointSize;
    qreal namePointSize;
    qreal titlePointSize;
    qreal footerPointSize;
    qreal logoHeightMm;
    qreal marginMm;
};

Style styleFor(PrintDocument::PageSize size)
{
    switch (size) {
    case PrintDocument::PageSize::A4:
        break;
    case PrintDocument::PageSize::A5:
        return {9.0, 12.0, 11.0, 6.5, 14.0, 10.0};
    case PrintDocument::PageSize::Receipt80mm:
        return {8.0, 9.5, 9.0, 6.5, 10.0, 4.0};
    }
    return {10.5, 15.0, 13.0, 7.5, 20.0, 15.0};
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
}

QString pt(qreal points)
{
    return QString::number(points, 'f', 1) + QStringLiteral("pt");
}

// What one printout needs to be laid out, independent of the device.
struct Content
{
    const Letterhead &letterhead;
    const QImage &logo;
    const Style &style;
    const QString &title;
    const QString &bodyHtml;
    const QString &footerText;
};

std::unique_ptr<QTextDocument> newDocument(QPaintDevice *device, qreal pointSize)
{
    auto document = std::make_unique<QTextDocument>();
    // Fonts and image sizes follow the device's resolution, so the layout is the print's own.
    document->documentLayout()->setPaintDevice(device);
    document->setDocumentMargin(0);
    QFont font(PrintDocument::fontFamily());
    font.setPointSizeF(pointSize);
    // Kerning and hinting must not differ between the layout and the PDF's text.
    font.setHintingPreference(QFont::PreferNoHinting);
    // A ligature ("fi", "fl") is one glyph that the PDF's text reads back as U+FB01, not as
    // the letters typed; Qt 6.4 has no switch for ligatures but leaves them out of
    // letter-spaced text. A 1/64 pixel at print resolution is invisible.
    font.setLetterSpacing(QFont::AbsoluteSpacing, 1.0 / 64);
    document->setDefaultFont(font);
    return document;
}

QString letterheadHtml(const Content &content, qreal textWidthCss)
{
    const Letterhead &head = content.letterhead;
    QString html;
    const bool hasText = !head.clinicName.isEmpty() || !head.address.isEmpty() || !head.phone.isEmpty();
    if (hasText || !content.logo.isNull()) {
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>");
        if (!content.logo.isNull()) {
            const qreal heightCss = content.style.logoHeightMm / kMmPerInch * kCssPixelsPerInch;
            qreal width = content.logo.width() * heightCss / qMax(1, content.logo.height());
            qreal height = heightCss;
            // A very wide logo is scaled down to 40 % of the line, keeping its proportions.
            const qreal maxWidth = textWidthCss * 0.4;
            if (width > maxWidth) {
                height = height * maxWidth / width;
                width = maxWidth;
            }
            html += QStringLiteral("<td valign=\"middle\" width=\"%1\"><img src=\"%2\" width=\"%1\" "
                                   "height=\"%3\"/></td><td width=\"8\"></td>")
                        .arg(qRound(width))
                        .arg(logoUrl().toString())
                        .arg(qRound(height));
        }
        html += QStringLiteral("<td valign=\"middle\">");
        if (!head.clinicName.isEmpty())
            html += QStringLiteral("<p style=\"margin:0; font-size:%1; font-weight:bold\">%2</p>")
                        .arg(pt(content.style.namePointSize), escaped(head.clinicName));
        for (const QString &line : {head.address, head.phone}) {
            if (!line.isEmpty())
                html += QStringLiteral("<p style=\"margin:0\">%1</p>").arg(escaped(line));
        }
        html += QStringLiteral("</td></tr></table><hr/>");
    }
    if (!content.title.isEmpty())
        html += QStringLiteral("<p align=\"center\" style=\"margin-top:6px; margin-bottom:8px; font-size:%1; "
                               "font-weight:bold\">%2</p>")
                    .arg(pt(content.style.titlePointSize), escaped(content.title));
    html += content.bodyHtml;
    return html;
}

std::unique_ptr<QTextDocument> bodyDocument(QPaintDevice *device, const Content &content, qreal width)
{
    auto document = newDocument(device, content.style.bodyPointSize);
    if (!content.logo.isNull())
        document->addResource(QTextDocument::ImageResource, logoUrl(), content.logo);
    document->setTextWidth(width);
    const qreal widthCss = width / qMax(1, device->logicalDpiX()) * kCssPixelsPerInch;
    document->setHtml(letterheadHtml(content, widthCss));
    return document;
}

std::unique_ptr<QTextDocument> footerDocument(QPaintDevice *device, const Content &content, qreal width,
                                              const QString &pageNumber)
{
    auto document = newDocument(device, content.style.footerPointSize);
    document->setTextWidth(width);
    QString html;
    // The letterhead's own footer (e.g. the licence number), then the document's (e.g. the
    // medical disclaimer).
    for (const QString &text : {content.letterhead.footer, content.footerText}) {
        if (!text.isEmpty())
            html += QStringLiteral("<p style=\"margin:0\">%1</p>").arg(escaped(text));
    }
    html += QStringLiteral("<p align=\"right\" style=\"margin:0\">%1</p>").arg(escaped(pageNumber));
    document->setHtml(html);
    return document;
}

// The body paginated into the room the footer leaves on a page of `paintSize` device pixels.
struct Pages
{
    std::unique_ptr<QTextDocument> body;
    qreal bodyHeight = 0;
    qreal footerTop = 0;
    qreal width = 0;
    int count = 0;
};

Pages paginate(QPaintDevice *device, const Content &content, const QSizeF &paintSize)
{
    Pages pages;
    pages.width = paintSize.width();
    // The widest page number this printout could show decides the footer's height.
    const qreal footerHeight =
        footerDocument(device, content, pages.width, PrintDocument::pageNumberText(999, 999))
            ->size()
            .height();
    const qreal gap = kFooterGapMm / kMmPerInch * device->logicalDpiY();
    // A footer that would leave the body less than a third of the page is allowed to overlap
    // the margin rather than make every line a page.
    pages.bodyHeight = qMax(paintSize.height() - footerHeight - gap, paintSize.height() / 3);
    pages.footerTop = pages.bodyHeight + gap;
    pages.body = bodyDocument(device, content, pages.width);
    pages.body->setPageSize(QSizeF(pages.width, pages.bodyHeight));
    pages.count = qMax(1, pages.body->pageCount());
    return pages;
}

QImage decodeLogo(const QByteArray &png)
{
    if (png.isEmpty())
        return {};
    QImage image = QImage::fromData(png, "PNG");
    if (image.isNull())
        qCWarning(lcPrint) << "the letterhead logo is not a readable PNG; printed without it";
    return image;
}

} // namespace

PrintDocument::PrintDocument(const Letterhead &letterhead, PageSize size)
    : m_letterhead(letterhead), m_pageSize(size)
{}

void PrintDocument::setTitle(const QString &title)
{
    m_title = title;
}

void PrintDocument::setBodyHtml(const QString &html)
{
    m_bodyHtml = html;
}

void PrintDocument::setFooterText(const QString &text)
{
    m_footerText = text;
}

QString PrintDocument::pageNumberText(int page, int pageCount)
{
    return tr("Page %1 of %2").arg(page).arg(pageCount);
}

QString PrintDocument::fontFamily()
{
    static const QString family = []() {
        const QString wanted = QStringLiteral("DejaVu Sans");
        if (QFontDatabase::families().contains(wanted))
            return wanted;
        // fontconfig may not list it (a minimal system); the file itself is enough.
        for (const QString &directory :
             {QStringLiteral("/usr/share/fonts/truetype/dejavu/"), QStringLiteral("/usr/share/fonts/TTF/")}) {
            const int id = QFontDatabase::addApplicationFont(directory + QStringLiteral("DejaVuSans.ttf"));
            if (id < 0)
                continue;
            QFontDatabase::addApplicationFont(directory + QStringLiteral("DejaVuSans-Bold.ttf"));
            const QStringList families = QFontDatabase::applicationFontFamilies(id);
            if (!families.isEmpty())
                return families.constFirst();
        }
        const QString fallback = QGuiApplication::font().family();
        qCWarning(lcPrint) << "DejaVu Sans (Debian package fonts-dejavu-core) is missing; printouts use"
                           << fallback << "and may lack Cyrillic or Uzbek letters";
        return fallback;
    }();
    return family;
}

QPageLayout PrintDocument::pageLayout() const
{
    const Style style = styleFor(m_pageSize);
    const QMarginsF margins(style.marginMm, style.marginMm, style.marginMm, style.marginMm);
    switch (m_pageSize) {
    case PageSize::A4:
        return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, margins, QPageLayout::Millimeter);
    case PageSize::A5:
        return QPageLayout(QPageSize(QPageSize::A5), QPageLayout::Portrait, margins, QPageLayout::Millimeter);
    case PageSize::Receipt80mm:
        break;
    }
    // A receipt roll has no pages: one page as long as the text (within sane bounds).
    QBuffer sink;
    QPdfWriter probe(&sink);
    probe.setResolution(kPdfResolution);
    const qreal dotsPerMm = kPdfResolution / kMmPerInch;
    const qreal width = (kReceiptWidthMm - 2 * style.marginMm) * dotsPerMm;
    const QImage logo = decodeLogo(m_letterhead.logoPng);
    const Content content{m_letterhead, logo, style, m_title, m_bodyHtml, m_footerText};
    const qreal body = bodyDocument(&probe, content, width)->size().height();
    const qreal footer = footerDocument(&probe, content, width, pageNumberText(1, 1))->size().height();
    // A little slack: the body must not spill onto a second page through rounding.
    const qreal textMm = (body + footer) / dotsPerMm + kFooterGapMm + 2.0;
    const qreal heightMm = std::clamp(textMm + 2 * style.marginMm, kReceiptMinHeightMm, kReceiptMaxHeightMm);
    return QPageLayout(QPageSize(QSizeF(kReceiptWidthMm, heightMm), QPageSize::Millimeter,
                                 QStringLiteral("Receipt 80 mm"), QPageSize::ExactMatch),
                       QPageLayout::Portrait, margins, QPageLayout::Millimeter);
}

bool PrintDocument::print(QPagedPaintDevice &device) const
{
    return print(device, Progress());
}

bool PrintDocument::print(QPagedPaintDevice &device, const Progress &progress) const
{
    const Style style = styleFor(m_pageSize);
    const QImage logo = decodeLogo(m_letterhead.logoPng);
    const Content content{m_letterhead, logo, style, m_title, m_bodyHtml, m_footerText};
    const QSizeF paintSize(device.width(), device.height());
    if (paintSize.isEmpty())
        return false;
    const Pages pages = paginate(&device, content, paintSize);

    QPainter painter;
    if (!painter.begin(&device))
        return false;
    const qreal lineWidth = 0.2 / kMmPerInch * device.logicalDpiY();
    for (int page = 0; page < pages.count; ++page) {
        if (progress && !progress(page + 1, pages.count)) {
            painter.end();
            return false;
        }
        if (page > 0 && !device.newPage()) {
            painter.end();
            return false;
        }
        const QRectF slice(0, page * pages.bodyHeight, pages.width, pages.bodyHeight);
        painter.save();
        painter.translate(0, -slice.top());
        painter.setClipRect(slice);
        QAbstractTextDocumentLayout::PaintContext context;
        // The layout draws every line that touches the clip, and a line starting exactly at
        // the page's end would land in this page's PDF text, invisible but read by search,
        // copy and text extraction. Half a device pixel in from both edges leaves it out.
        context.clip = slice.adjusted(0, 0.5, 0, -0.5);
        context.palette.setColor(QPalette::Text, Qt::black);
        pages.body->documentLayout()->draw(&painter, context);
        painter.restore();

        painter.save();
        painter.setPen(QPen(Qt::gray, lineWidth));
        const qreal ruleY = pages.footerTop - (pages.footerTop - pages.bodyHeight) / 2;
        painter.drawLine(QPointF(0, ruleY), QPointF(pages.width, ruleY));
        painter.translate(0, pages.footerTop);
        QAbstractTextDocumentLayout::PaintContext footerContext;
        footerContext.palette.setColor(QPalette::Text, Qt::black);
        footerDocument(&device, content, pages.width, pageNumberText(page + 1, pages.count))
            ->documentLayout()
            ->draw(&painter, footerContext);
        painter.restore();
    }
    return painter.end();
}

bool PrintDocument::writePdf(const QString &path, QString *error) const
{
    return writePdf(path, Progress(), error);
}

bool PrintDocument::writePdf(const QString &path, const Progress &progress, QString *error) const
{
    // Written aside and renamed at the end: a failed or cancelled export leaves no half file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("The PDF file %1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    bool printed = false;
    {
        QPdfWriter writer(&file);
        writer.setResolution(kPdfResolution);
        writer.setPageLayout(pageLayout());
        writer.setTitle(m_title);
        writer.setCreator(QStringLiteral("Medora"));
        printed = print(writer, progress);
    }
    if (!printed) {
        file.cancelWriting();
        if (error)
            *error = tr("The PDF was not produced.");
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = tr("The PDF file %1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

int PrintDocument::pageCount() const
{
    QBuffer sink;
    QPdfWriter probe(&sink);
    probe.setResolution(kPdfResolution);
    probe.setPageLayout(pageLayout());
    const Style style = styleFor(m_pageSize);
    const QImage logo = decodeLogo(m_letterhead.logoPng);
    const Content content{m_letterhead, logo, style, m_title, m_bodyHtml, m_footerText};
    return paginate(&probe, content, QSizeF(probe.width(), probe.height())).count;
}

} // namespace medora
