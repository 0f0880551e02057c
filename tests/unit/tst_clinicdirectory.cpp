#include "clinic/ClinicDirectory.h"
#include "clinic/LetterheadClient.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace medora;

namespace {

QByteArray png(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QList<StaffMember> sampleStaff()
{
    return {
        {QStringLiteral("u-3"), QStringLiteral("Юсупова Малика"), QStringLiteral("doctor"), true},
        {QStringLiteral("u-1"), QStringLiteral("Abdullayev Gʻayrat"), QStringLiteral("doctor"), true},
        {QStringLiteral("u-2"), QStringLiteral("Karimova Oʻgʻiloy"), QStringLiteral("receptionist"), true},
        {QStringLiteral("u-4"), QStringLiteral("Bakirov Shoxrux"), QStringLiteral("doctor"), false},
        {QStringLiteral("u-5"), QStringLiteral("Admin Chori"), QStringLiteral("clinic_admin"), true}};
}

Letterhead sampleLetterhead()
{
    Letterhead head;
    head.clinicName = QStringLiteral("Shifo Nur klinikasi");
    head.address = QStringLiteral("Тошкент, Амир Темур кўчаси 15\nToshkent, Oʻzbekiston");
    head.phone = QStringLiteral("+998 71 200-00-00");
    head.footer = QStringLiteral("Litsenziya № 01234");
    head.logoPng = png(64, 32);
    return head;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

} // namespace

class TestClinicDirectory : public QObject
{
    Q_OBJECT

private slots:
    void emptyWithoutCache()
    {
        QTemporaryDir dir;
        ClinicDirectory directory(dir.path());
        QVERIFY(directory.doctors().isEmpty());
        QVERIFY(directory.nameOf(QStringLiteral("u-1")).isEmpty());
        QVERIFY(directory.letterhead().clinicName.isEmpty());
        QVERIFY(!QFile::exists(directory.cachePath()));
    }

    void cacheRoundTrip()
    {
        QTemporaryDir dir;
        {
            ClinicDirectory directory(dir.path());
            QSignalSpy changed(&directory, &ClinicDirectory::changed);
            directory.setForTesting(sampleStaff(), sampleLetterhead());
            QCOMPARE(changed.size(), 1);
            // The same data again is no change.
            directory.setForTesting(sampleStaff(), sampleLetterhead());
            QCOMPARE(changed.size(), 1);
        }
        QVERIFY(QFile::exists(QDir(dir.path()).filePath(QStringLiteral("clinic.json"))));

        ClinicDirectory reopened(dir.path());
        const QList<StaffMember> doctors = reopened.doctors();
        // Active doctors only, by name (Latin before Cyrillic, Uzbek letters intact).
        QCOMPARE(doctors.size(), 2);
        QCOMPARE(doctors.at(0).fullName, QStringLiteral("Abdullayev Gʻayrat"));
        QCOMPARE(doctors.at(1).fullName, QStringLiteral("Юсупова Малика"));
        QCOMPARE(reopened.nameOf(QStringLiteral("u-2")), QStringLiteral("Karimova Oʻgʻiloy"));
        QCOMPARE(reopened.nameOf(QStringLiteral("u-4")), QStringLiteral("Bakirov Shoxrux"));
        QVERIFY(reopened.nameOf(QStringLiteral("nobody")).isEmpty());
        const Letterhead head = reopened.letterhead();
        const Letterhead expected = sampleLetterhead();
        QCOMPARE(head.clinicName, expected.clinicName);
        QCOMPARE(head.address, expected.address);
        QCOMPARE(head.phone, expected.phone);
        QCOMPARE(head.footer, expected.footer);
        QCOMPARE(head.logoPng, expected.logoPng);
        QCOMPARE(reopened.staff().size(), 5);
    }

    void corruptCacheIsIgnored_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("\x00\x01not json at all\xff", 18);
        QTest::newRow("cut short") << QByteArray("{\"format\":1,\"name\":\"Shifo\",\"letterhead\":{\"addr");
        QTest::newRow("array") << QByteArray("[1,2,3]");
        QTest::newRow("wrong format")
            << QByteArray("{\"format\":99,\"name\":\"X\",\"letterhead\":{},\"staff\":[]}");
        QTest::newRow("staff not a list")
            << QByteArray("{\"format\":1,\"name\":\"X\",\"letterhead\":{},\"staff\":{\"id\":\"a\"}}");
        QTest::newRow("member without id")
            << QByteArray("{\"format\":1,\"name\":\"X\",\"letterhead\":{},\"staff\":[{\"fullName\":\"A\","
                          "\"role\":\"doctor\",\"active\":true}]}");
        QTest::newRow("logo not base64")
            << QByteArray("{\"format\":1,\"name\":\"X\",\"letterhead\":{\"logo\":\"%%%\"},\"staff\":[]}");
    }
    void corruptCacheIsIgnored()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        writeFile(QDir(dir.path()).filePath(QStringLiteral("clinic.json")), content);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("clinic cache is corrupt")));
        ClinicDirectory directory(dir.path());
        QVERIFY(directory.doctors().isEmpty());
        QVERIFY(directory.letterhead().clinicName.isEmpty());
        // The next answer of the server replaces it.
        directory.setForTesting(sampleStaff(), sampleLetterhead());
        ClinicDirectory reopened(dir.path());
        QCOMPARE(reopened.doctors().size(), 2);
    }

    void serverAnswerIsCheckedBeforeUse()
    {
        QTemporaryDir dir;
        ClinicDirectory directory(dir.path());
        directory.setForTesting(sampleStaff(), sampleLetterhead());
        QSignalSpy changed(&directory, &ClinicDirectory::changed);
        QVERIFY(!directory.applyServerAnswer(QJsonObject{{"name", "X"}, {"staff", 3}}));
        QVERIFY(!directory.applyServerAnswer(QJsonObject{}));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(directory.doctors().size(), 2);

        const QJsonObject answer =
            QJsonDocument::fromJson("{\n"
                                    "            \"id\": \"c-1\", \"name\": \"Yangi klinika\",\n"
                                    "            \"letterhead\": {\"address\": \"Samarqand\", \"phone\": "
                                    "\"\", \"footer\": \"\", \"updatedAt\": null},\n"
                                    "            \"staff\": [{\"id\": \"d-1\", \"fullName\": \"Rahimov "
                                    "Sherzod\", \"role\": \"doctor\", \"active\": true}]}")
                .object();
        QVERIFY(directory.applyServerAnswer(answer));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(directory.letterhead().clinicName, QStringLiteral("Yangi klinika"));
        QVERIFY(directory.letterhead().logoPng.isEmpty());
        QCOMPARE(directory.doctors().size(), 1);
        QCOMPARE(ClinicDirectory(dir.path()).nameOf(QStringLiteral("d-1")),
                 QStringLiteral("Rahimov Sherzod"));
    }

    void letterheadValidationNamesFields()
    {
        Letterhead good = sampleLetterhead();
        QVERIFY(LetterheadClient::validate(good).isEmpty());

        Letterhead bad = good;
        bad.address = QString(301, QLatin1Char('a'));
        bad.phone = QStringLiteral("+998\t71");
        bad.footer = QString(601, QLatin1Char('f'));
        bad.logoPng = QByteArray("GIF89a not a png");
        QStringList fields;
        for (const FieldError &error : LetterheadClient::validate(bad)) {
            fields << error.field;
            QVERIFY(!error.message.isEmpty());
        }
        QCOMPARE(fields, (QStringList{"address", "phone", "footer", "logo"}));

        Letterhead multiline = good;
        multiline.footer = QStringLiteral("Line one\nLine two");
        QVERIFY(LetterheadClient::validate(multiline).isEmpty());
    }

    void chosenPicturesBecomeSmallPngs()
    {
        QTemporaryDir dir;
        const QString jpeg = dir.filePath(QStringLiteral("logo.jpg"));
        QImage big(1800, 900, QImage::Format_RGB32);
        big.fill(Qt::darkBlue);
        QVERIFY(big.save(jpeg, "JPEG"));
        QString error;
        const QByteArray prepared = LetterheadClient::preparedLogo(jpeg, &error);
        QVERIFY2(!prepared.isEmpty(), qPrintable(error));
        QVERIFY(prepared.startsWith("\x89PNG"));
        const QImage image = QImage::fromData(prepared, "PNG");
        QCOMPARE(image.size(), QSize(600, 300));
        Letterhead head;
        head.logoPng = prepared;
        QVERIFY(LetterheadClient::validate(head).isEmpty());

        const QString text = dir.filePath(QStringLiteral("notes.png"));
        writeFile(text, "just some text");
        QVERIFY(LetterheadClient::preparedLogo(text, &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClinicDirectory)
#include "tst_clinicdirectory.moc"
