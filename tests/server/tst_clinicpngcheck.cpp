#include "clinic/PngCheck.h"

#include <QBuffer>
#include <QImage>
#include <QtEndian>
#include <QtTest>

using namespace medora::server;

namespace {

QByteArray realPng(int width, int height)
{
    QImage image(width, height, QImage::Format_ARGB32);
    image.fill(QColor(10, 90, 200, 180));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray chunk(const QByteArray &type, const QByteArray &data)
{
    QByteArray out(4, '\0');
    qToBigEndian(quint32(data.size()), out.data());
    out += type + data;
    QByteArray crc(4, '\0');
    const QByteArray covered = type + data;
    qToBigEndian(PngCheck::crc32(covered.constData(), covered.size()), crc.data());
    return out + crc;
}

// A structurally valid PNG with the given header size (its pixel data is not decoded).
QByteArray handMadePng(quint32 width, quint32 height, bool withData = true)
{
    QByteArray header(13, '\0');
    qToBigEndian(width, header.data());
    qToBigEndian(height, header.data() + 4);
    header[8] = 8; // bit depth
    header[9] = 6; // RGBA
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png += chunk("IHDR", header);
    if (withData)
        png += chunk("IDAT", QByteArray("\x78\x9c\x03\x00\x00\x00\x00\x01", 8));
    png += chunk("IEND", QByteArray());
    return png;
}

} // namespace

// The server's PNG check (PUT /api/v1/clinic/letterhead "logo"): what Qt writes passes,
// anything damaged, cut, padded or oversized is refused without decoding pixels.
class TestClinicPngCheck : public QObject
{
    Q_OBJECT

private slots:
    void crcMatchesTheStandard()
    {
        // The check value of CRC-32 (ISO-HDLC), as in the PNG specification.
        QCOMPARE(PngCheck::crc32("123456789", 9), quint32(0xCBF43926));
    }

    void realImagesPass()
    {
        for (const QSize size : {QSize(1, 1), QSize(120, 60), QSize(600, 200)})
            QVERIFY2(PngCheck::problem(realPng(size.width(), size.height())).isEmpty(),
                     qPrintable(PngCheck::problem(realPng(size.width(), size.height()))));
        QVERIFY(PngCheck::problem(handMadePng(4096, 4096)).isEmpty());
    }

    void badImagesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray good = realPng(40, 20);
        QByteArray flipped = good;
        flipped[good.size() / 2] = char(flipped.at(good.size() / 2) ^ 0x01);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("gif") << QByteArray("GIF89a\x01\x00\x01\x00", 10);
        QTest::newRow("signature only") << good.left(8);
        QTest::newRow("cut in a chunk") << good.left(good.size() - 6);
        QTest::newRow("no end chunk") << good.left(good.size() - 12);
        QTest::newRow("one bit flipped") << flipped;
        QTest::newRow("data after the end") << good + QByteArray("tail");
        QTest::newRow("too wide") << handMadePng(4097, 10);
        QTest::newRow("too tall") << handMadePng(10, 100000);
        QTest::newRow("zero height") << handMadePng(10, 0);
        QTest::newRow("no pixel data") << handMadePng(10, 10, false);
        QByteArray hugeLength = good;
        qToBigEndian(quint32(0xFFFFFFF0u), hugeLength.data() + 8);
        QTest::newRow("chunk length beyond the file") << hugeLength;
    }
    void badImagesAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(!PngCheck::problem(bytes).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClinicPngCheck)
#include "tst_clinicpngcheck.moc"
